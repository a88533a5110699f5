"""Three-way merges of maps by id: independent edits combine, true conflicts keep OURS and are
listed in the users' words, and the result is always a valid map."""

from factories import card_votes, journey_maps, voted_journey_maps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.journey import MAX_VOTES, VOTE_TOPICS, Stage, Touchpoint
from cxmapper.model.merge import merge
from cxmapper.model.templates import load_template

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def copies(n=3):
    return [load_template("product-lifecycle") for _ in range(n)]


def tp(journey, tid):
    return next(t for t in journey.touchpoints if t.id == tid)


@SLOW
@given(journey_maps())
def test_a_map_merged_with_itself_is_itself_byte_for_byte(journey):
    result = merge(journey, journey, journey)
    assert result.conflicts == []
    assert map_to_bytes(result.journey) == map_to_bytes(journey)


@SLOW
@given(journey_maps(), journey_maps())
def test_merging_with_an_unchanged_side_gives_the_other_back_byte_for_byte(base, other):
    for result in (merge(base, base, other), merge(base, other, base)):
        assert result.conflicts == []
        assert map_to_bytes(result.journey) == map_to_bytes(other)


def test_independent_edits_from_both_sides_combine():
    base, ours, theirs = copies()
    tp(ours, "tp-sees-ad").title = "Sees a TikTok ad"  # ours renames...
    tp(theirs, "tp-sees-ad").stage_id = "stage-purchase"  # ...what theirs moves
    tp(theirs, "tp-sees-ad").feeling = 2  # and re-feels
    ours.stages.insert(2, Stage(id="stage-unboxing", name="Unboxing"))  # ours adds a stage
    theirs.departments[0].name = "Growth marketing"  # while theirs edits a lane
    tp(ours, "tp-calls-support").pain_points.append("Hold music on loop")
    tp(theirs, "tp-calls-support").pain_points.append("Asked for the order number twice")
    for side, tid, title, position in (
        (ours, "tp-ours-1", "Reads a blog review", 5.0),
        (ours, "tp-ours-2", "Watches an unboxing video", 6.0),
        (theirs, "tp-theirs-1", "Asks a friend", 7.0),
    ):
        side.touchpoints.append(
            Touchpoint(id=tid, title=title, stage_id="stage-awareness", position=position)
        )
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    m = result.journey
    ad = tp(m, "tp-sees-ad")
    assert (ad.title, ad.stage_id, ad.feeling) == ("Sees a TikTok ad", "stage-purchase", 2)
    assert [s.id for s in m.stages][2] == "stage-unboxing"
    assert m.departments[0].name == "Growth marketing"
    pains = tp(m, "tp-calls-support").pain_points
    assert "Hold music on loop" in pains and "Asked for the order number twice" in pains
    order = [t.id for t in m.touchpoints_in_time_order()]
    assert order.index("tp-ours-1") < order.index("tp-ours-2") < order.index("tp-theirs-1")


def test_the_same_field_changed_two_ways_keeps_ours_and_says_both():
    base, ours, theirs = copies()
    tp(ours, "tp-sees-ad").feeling = -1
    tp(theirs, "tp-sees-ad").feeling = 1
    result = merge(base, ours, theirs)
    assert tp(result.journey, "tp-sees-ad").feeling == -1
    (conflict,) = result.conflicts
    assert 'touchpoint "Sees a social media ad"' in conflict
    assert "-1 (negative)" in conflict and "+1 (positive)" in conflict and "kept ours" in conflict


def test_one_side_deletes_what_the_other_edits():
    base, ours, theirs = copies()
    ours.touchpoints = [t for t in ours.touchpoints if t.id != "tp-sees-ad"]
    tp(theirs, "tp-sees-ad").title = "Sees a billboard"
    result = merge(base, ours, theirs)
    assert all(t.id != "tp-sees-ad" for t in result.journey.touchpoints)
    assert any("ours removes it, theirs changes it" in c for c in result.conflicts)
    result = merge(base, theirs, ours)  # the other way round: ours edited, theirs deleted
    assert tp(result.journey, "tp-sees-ad").title == "Sees a billboard"
    assert any("theirs removes it, ours changes it" in c for c in result.conflicts)


def test_both_adding_a_stage_at_the_same_place_is_a_conflict_and_keeps_both():
    base, ours, theirs = copies()
    ours.stages.insert(1, Stage(id="stage-a", name="Consideration"))
    theirs.stages.insert(1, Stage(id="stage-b", name="Research"))
    result = merge(base, ours, theirs)
    assert [s.name for s in result.journey.stages][1:3] == ["Consideration", "Research"]
    assert any('ours "Consideration", theirs "Research"' in c for c in result.conflicts)


def test_a_touchpoint_added_in_a_stage_the_other_side_removed_is_moved_and_said():
    base, ours, theirs = copies()
    ours.stages = [s for s in ours.stages if s.id != "stage-purchase"]
    for t in ours.touchpoints:
        if t.stage_id == "stage-purchase":
            t.stage_id = "stage-awareness"
    theirs.touchpoints.append(
        Touchpoint(id="tp-new", title="Uses a coupon", stage_id="stage-purchase", position=9.0)
    )
    result = merge(base, ours, theirs)
    assert tp(result.journey, "tp-new").stage_id == "stage-awareness"
    assert any('"Uses a coupon": its stage was removed' in c for c in result.conflicts)


def test_metadata_never_conflicts():
    base, ours, theirs = copies()
    ours.title, theirs.scenario = "Ours", "Theirs"
    ours.metadata.authors, theirs.metadata.authors = ["Ana"], ["Ben"]
    later = theirs.metadata.modified.replace(year=2031)
    theirs.metadata.modified = later
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    assert result.journey.metadata.modified == later
    assert result.journey.metadata.authors == ["Ana", "Ben"]


@SLOW
@given(journey_maps(), journey_maps())
def test_two_sides_that_touched_disjoint_parts_give_every_change_of_both(base, other):
    """Ours changes the even touchpoints, theirs the odd ones (taking their titles, feelings and
    notes from an unrelated map): every change of both is in the merge."""
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    donors = other.touchpoints or base.touchpoints
    for i, (a, b) in enumerate(zip(ours.touchpoints, theirs.touchpoints, strict=True)):
        side = a if i % 2 == 0 else b
        donor = donors[i % len(donors)]
        side.title, side.feeling = donor.title, donor.feeling
        side.pain_points, side.position = list(donor.pain_points), donor.position
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    for i, t in enumerate(result.journey.touchpoints):
        want = (ours if i % 2 == 0 else theirs).touchpoints[i]
        assert (t.title, t.feeling, t.pain_points, t.position) == (
            want.title,
            want.feeling,
            want.pain_points,
            want.position,
        )


def test_both_sides_adding_a_stage_under_the_editors_same_id_keep_both():
    base, ours, theirs = copies()
    ours.stages.insert(1, Stage(id="stage-new-stage", name="Research"))
    theirs.stages.append(Stage(id="stage-new-stage", name="Loyalty"))
    theirs.touchpoints.append(
        Touchpoint(id="tp-loyal", title="Joins the club", stage_id="stage-new-stage", position=0)
    )
    result = merge(base, ours, theirs)
    names = [s.name for s in result.journey.stages]
    assert "Research" in names and "Loyalty" in names
    loyalty = next(s for s in result.journey.stages if s.name == "Loyalty")
    assert tp(result.journey, "tp-loyal").stage_id == loyalty.id  # theirs' card, theirs' stage
    assert not any("name changed both ways" in c for c in result.conflicts)


def test_a_handoff_to_a_card_the_other_side_removed_is_dropped_and_said():
    base, ours, theirs = copies()
    tp(ours, "tp-sees-ad").leads_to = ["tp-compares-reviews"]
    theirs.touchpoints = [t for t in theirs.touchpoints if t.id != "tp-compares-reviews"]
    result = merge(base, ours, theirs)
    assert tp(result.journey, "tp-sees-ad").leads_to == []
    assert any('handoff to "Compares kits and reviews"' in c for c in result.conflicts)


def test_conflicts_name_stages_and_lanes_not_their_ids():
    base, ours, theirs = copies()
    tp(ours, "tp-sees-ad").stage_id = "stage-purchase"
    tp(theirs, "tp-sees-ad").stage_id = "stage-usage"
    (conflict,) = merge(base, ours, theirs).conflicts
    assert 'ours "Purchase", theirs "Usage"' in conflict


def test_one_pain_point_rewritten_two_ways_keeps_both_and_says_so():
    base, ours, theirs = copies()
    first = tp(base, "tp-calls-support").pain_points[0]
    tp(ours, "tp-calls-support").pain_points[0] = "On hold for 40 minutes"
    tp(theirs, "tp-calls-support").pain_points[0] = "On hold for most of an hour"
    result = merge(base, ours, theirs)
    pains = tp(result.journey, "tp-calls-support").pain_points
    assert "On hold for 40 minutes" in pains and "On hold for most of an hour" in pains
    assert first not in pains
    (conflict,) = result.conflicts
    assert "rewritten both ways" in conflict and "kept both" in conflict


@SLOW
@given(journey_maps(), journey_maps())
def test_two_equal_sides_give_that_side_back_byte_for_byte(base, side):
    side.metadata.authors = side.metadata.authors * 2  # an author listed twice stays twice
    result = merge(base, side, side.model_copy(deep=True))
    assert result.conflicts == []
    assert map_to_bytes(result.journey) == map_to_bytes(side)


def test_an_author_or_a_note_listed_twice_on_both_sides_stays_twice():
    base, ours, theirs = copies()
    base.metadata.authors = ["Ana"]
    ours.metadata.authors = ["Ana", "Ana", "Ben"]
    theirs.metadata.authors = ["Ana", "Ana", "Cy"]
    tp(ours, "tp-calls-support").pain_points += ["Waits", "Waits"]
    tp(theirs, "tp-calls-support").pain_points += ["Waits", "Waits", "Hangs up"]
    result = merge(base, ours, theirs)
    assert result.journey.metadata.authors == ["Ana", "Ana", "Ben", "Cy"]
    pains = tp(result.journey, "tp-calls-support").pain_points
    assert pains.count("Waits") == 2 and "Hangs up" in pains


def _with_cards(journey, n):
    for i in range(n):
        journey.touchpoints.append(
            Touchpoint(id=f"tp-x{i}", title=f"Card {i}", stage_id="stage-awareness", position=i)
        )
    return journey


def test_handoffs_past_the_limit_keep_ours_then_theirs_and_list_the_rest():
    """11 handoffs added on one side and 10 on the other are 21 where a card holds 20: ours
    are kept, then theirs as they fit; the one left over is a conflict, and theirs' other
    edits are all in the merge (not the old "kept ours whole")."""
    base = _with_cards(load_template("product-lifecycle"), 10)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    targets = [t.id for t in base.touchpoints if t.id != "tp-sees-ad"]
    tp(ours, "tp-sees-ad").leads_to = targets[:11]
    tp(theirs, "tp-sees-ad").leads_to = targets[11:21]
    theirs.title = "Theirs' title"
    tp(theirs, "tp-calls-support").feeling = 2
    result = merge(base, ours, theirs)
    links = tp(result.journey, "tp-sees-ad").leads_to
    assert links == targets[:20]
    assert result.journey.title == "Theirs' title"
    assert tp(result.journey, "tp-calls-support").feeling == 2
    (conflict,) = result.conflicts
    left_over = tp(base, targets[20]).title
    assert conflict.startswith('touchpoint "Sees a social media ad": handoffs')
    assert "more than 20" in conflict and conflict.endswith(f'not kept: "{left_over}"')


def test_notes_goals_and_authors_past_the_limit_are_listed_not_lost():
    base, ours, theirs = copies()
    had = tp(base, "tp-calls-support").pain_points
    tp(ours, "tp-calls-support").pain_points += [f"Ours {i}" for i in range(150 - len(had))]
    tp(theirs, "tp-calls-support").pain_points += [f"Theirs {i}" for i in range(60)]
    ours.persona.goals += [f"Goal {i}" for i in range(200 - len(base.persona.goals))]
    theirs.persona.goals += ["One more goal"]
    ours.metadata.authors = [f"Ours {i}" for i in range(199)]
    theirs.metadata.authors = ["Ana", "Ben"]
    theirs.scenario = "Theirs' scenario"
    result = merge(base, ours, theirs)
    m = result.journey
    pains = tp(m, "tp-calls-support").pain_points
    assert len(pains) == 200 and pains[:150] == tp(ours, "tp-calls-support").pain_points
    assert m.persona.goals == ours.persona.goals and m.metadata.authors[-1] == "Ana"
    assert m.scenario == "Theirs' scenario"
    pain, goals, authors = result.conflicts
    assert pain.startswith('touchpoint "Calls support": pain points') and "more than 200" in pain
    assert pain.endswith(", ".join(f'"Theirs {i}"' for i in range(50, 60)))
    assert goals.startswith("the persona: goals") and goals.endswith('not kept: "One more goal"')
    assert authors.startswith("the map: authors") and authors.endswith('not kept: "Ben"')


def test_stages_past_the_limit_keep_ours_and_move_theirs_cards_saying_so():
    base, ours, theirs = copies()
    room = 100 - len(base.stages)
    ours.stages += [Stage(id=f"stage-o{i}", name=f"Ours {i}") for i in range(room)]
    theirs.stages.insert(1, Stage(id="stage-research", name="Research"))
    theirs.touchpoints.append(
        Touchpoint(id="tp-reads", title="Reads a forum", stage_id="stage-research", position=0)
    )
    tp(theirs, "tp-sees-ad").title = "Sees a billboard"
    result = merge(base, ours, theirs)
    m = result.journey
    assert len(m.stages) == 100 and "Research" not in [s.name for s in m.stages]
    assert tp(m, "tp-reads").stage_id == "stage-awareness"  # the stage before it in theirs
    assert tp(m, "tp-sees-ad").title == "Sees a billboard"
    assert result.conflicts == [
        'stage "Research": theirs adds it; not kept, as a map holds at most 100 stages',
        'touchpoint "Reads a forum": its stage "Research" was not kept; moved to the stage '
        '"Awareness"',
    ]


def test_touchpoints_past_the_limit_keep_ours_and_list_theirs_not_kept():
    base = load_template("product-lifecycle")
    room = 10_000 - len(base.touchpoints)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    _with_cards(ours, room - 2)
    theirs.touchpoints += [
        Touchpoint(id=f"tp-t{i}", title=f"Theirs {i}", stage_id="stage-usage") for i in range(5)
    ]
    tp(theirs, "tp-sees-ad").leads_to = ["tp-t4"]
    result = merge(base, ours, theirs)
    ids = {t.id for t in result.journey.touchpoints}
    assert len(ids) == 10_000 and {"tp-t0", "tp-t1"} <= ids and "tp-t2" not in ids
    assert result.conflicts == [
        *(
            f'touchpoint "Theirs {i}": theirs adds it; not kept, as a map holds at most 10000 '
            "touchpoints"
            for i in (2, 3, 4)
        ),
        'touchpoint "Sees a social media ad": its handoff to "Theirs 4", which was not kept, '
        "is dropped",
    ]


def test_the_last_resort_of_keeping_ours_whole_lists_what_theirs_changed(monkeypatch):
    """Should the merged map ever be invalid, ours is kept whole and every change of theirs it
    drops is listed, never a blanket loss."""
    from cxmapper.model import merge as merging

    monkeypatch.setattr(merging, "_fit_lists", lambda result, said: None)  # limits unchecked
    base = _with_cards(load_template("product-lifecycle"), 10)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    targets = [t.id for t in base.touchpoints if t.id != "tp-sees-ad"]
    tp(ours, "tp-sees-ad").leads_to = targets[:11]
    tp(theirs, "tp-sees-ad").leads_to = targets[11:21]
    tp(theirs, "tp-calls-support").feeling = 2
    result = merge(base, ours, theirs)
    assert map_to_bytes(result.journey) == map_to_bytes(ours)
    assert "could not be combined" in result.conflicts[0]
    assert "kept ours whole" in result.conflicts[0]
    assert any(
        c.startswith("theirs' change not kept: ") and "Calls support" in c and "+2" in c
        for c in result.conflicts
    )


# --- dot votes: counts of dots put on by different people add up, never a conflict ---------


def voted(base_votes, ours_votes, theirs_votes, card="tp-calls-support"):
    """The merged card's votes when the base, ours and theirs had these on it."""
    base, ours, theirs = copies()
    for side, votes in ((base, base_votes), (ours, ours_votes), (theirs, theirs_votes)):
        tp(side, card).votes = votes
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    return tp(result.journey, card).votes


def test_two_rooms_voting_on_the_same_card_both_count():
    assert voted({"pain_points": 2}, {"pain_points": 3}, {"pain_points": 5}) == {"pain_points": 6}
    # the same dots put on in both rooms are two rooms' dots, not one change taken once
    assert voted({}, {"pain_points": 2}, {"pain_points": 2}) == {"pain_points": 4}
    assert voted({}, {"touchpoints": 1}, {"opportunities": 4}) == {
        "touchpoints": 1,
        "opportunities": 4,
    }


def test_dots_taken_off_on_one_side_and_put_on_on_the_other_both_count():
    assert voted({"pain_points": 4}, {"pain_points": 1}, {"pain_points": 6}) == {"pain_points": 3}
    # both rooms took dots off: never fewer than none
    assert voted({"pain_points": 3, "touchpoints": 1}, {"touchpoints": 1}, {}) == {}


def test_votes_added_on_both_sides_stop_at_the_most_a_card_holds():
    most = {"pain_points": MAX_VOTES}
    assert voted({"pain_points": 10}, most, {"pain_points": 20}) == most


def test_a_card_added_on_one_side_keeps_its_votes_and_one_added_on_both_adds_them_up():
    base, ours, theirs = copies()
    for side, dots in ((ours, 2), (theirs, 3)):
        side.touchpoints.append(
            Touchpoint(
                id="tp-asks-a-friend",
                title="Asks a friend",
                stage_id="stage-awareness",
                position=5,
                votes={"touchpoints": dots},
            )
        )
    theirs.touchpoints.append(
        Touchpoint(
            id="tp-theirs",
            title="Reads a forum",
            stage_id="stage-awareness",
            position=6,
            votes={"opportunities": 1},
        )
    )
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    friends = [t for t in result.journey.touchpoints if t.title == "Asks a friend"]
    assert [t.votes for t in friends] == [{"touchpoints": 5}]  # one card, both rooms' dots
    assert tp(result.journey, "tp-theirs").votes == {"opportunities": 1}


def test_the_votes_shown_merge_as_the_curves_shown_do():
    base, ours, theirs = copies()
    theirs.votes_shown = "pain_points"
    assert merge(base, ours, theirs).journey.votes_shown == "pain_points"
    ours.votes_shown = "opportunities"
    result = merge(base, ours, theirs)
    assert result.journey.votes_shown == "opportunities"
    assert result.conflicts == [
        'the map: votes shown changed both ways: ours "opportunities", theirs "pain points"; '
        "kept ours"
    ]


def test_a_merge_of_voted_maps_saves_and_loads_as_it_is():
    base, ours, theirs = copies()
    tp(base, "tp-calls-support").votes = {"pain_points": 2}
    tp(ours, "tp-calls-support").votes = {"pain_points": 4, "opportunities": 1}
    tp(theirs, "tp-calls-support").votes = {"touchpoints": 3, "pain_points": 3}
    tp(theirs, "tp-sees-ad").votes = {"touchpoints": 2}
    ours.votes_shown = "pain_points"
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    again = map_from_bytes(map_to_bytes(result.journey))
    assert again == result.journey
    assert tp(again, "tp-calls-support").votes == {
        "touchpoints": 3,
        "pain_points": 5,
        "opportunities": 1,
    }
    assert tp(again, "tp-sees-ad").votes == {"touchpoints": 2}
    assert again.votes_shown == "pain_points"


@SLOW
@given(voted_journey_maps(), voted_journey_maps())
def test_voted_maps_merged_with_an_unchanged_side_give_the_other_back_byte_for_byte(base, other):
    for result in (merge(base, base, other), merge(base, other, base)):
        assert result.conflicts == []
        assert map_to_bytes(result.journey) == map_to_bytes(other)


@SLOW
@given(voted_journey_maps(), st.data())
def test_every_cards_votes_are_the_base_with_both_sides_changes(base, data):
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    for side in (ours, theirs):
        for card in side.touchpoints:
            card.votes = data.draw(card_votes)
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    sides = (base, ours, theirs, result.journey)
    for b, o, t, m in zip(*(side.touchpoints for side in sides), strict=True):
        for topic in VOTE_TOPICS:
            n = o.votes.get(topic, 0) + t.votes.get(topic, 0) - b.votes.get(topic, 0)
            assert m.votes.get(topic, 0) == min(max(n, 0), MAX_VOTES)
