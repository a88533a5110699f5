"""Each kind of change `cxmapper diff` tells, in the users' words."""

import pytest

from cxmapper.model.diff import differences
from cxmapper.model.journey import Channel, Department, Stage, Touchpoint
from cxmapper.model.templates import load_template


def changed(edit):
    old = load_template("product-lifecycle")
    new = old.model_copy(deep=True)
    edit(new)
    return differences(old, new)


def tp(journey, tid):
    return next(t for t in journey.touchpoints if t.id == tid)


def add_touchpoint(m):
    m.touchpoints.append(
        Touchpoint(id="tp-new", title="Asks a friend", stage_id="stage-awareness", position=5)
    )


def move_lane(m):
    tp(m, "tp-sees-ad").department_id = "dept-sales"


def later(m):
    tp(m, "tp-sees-ad").position = 9.0


def remove_last_stage(m):
    gone = m.stages.pop().id
    m.touchpoints = [t for t in m.touchpoints if t.stage_id != gone]


@pytest.mark.parametrize(
    ("edit", "line"),
    [
        (add_touchpoint, 'Touchpoint added: "Asks a friend" in "Awareness", lane "Unassigned"'),
        (
            lambda m: m.touchpoints.remove(tp(m, "tp-sees-ad")),
            'Touchpoint removed: "Sees a social media ad" from "Awareness", lane "Marketing"',
        ),
        (
            lambda m: setattr(tp(m, "tp-sees-ad"), "title", "Sees a TikTok ad"),
            'Touchpoint renamed: "Sees a social media ad" → "Sees a TikTok ad"',
        ),
        (move_lane, 'Touchpoint "Sees a social media ad": moved from lane "Marketing" to "Sales"'),
        (later, 'Touchpoint "Sees a social media ad": moved later in its stage'),
        (
            lambda m: setattr(tp(m, "tp-sees-ad"), "feeling", -2),
            'Touchpoint "Sees a social media ad": feeling 0 (neutral) → -2 (very negative)',
        ),
        (
            lambda m: tp(m, "tp-sees-ad").pain_points.append("Too loud"),
            'Touchpoint "Sees a social media ad": pain points + "Too loud"',
        ),
        (
            lambda m: setattr(tp(m, "tp-sees-ad"), "evidence", "observed"),
            'Touchpoint "Sees a social media ad": evidence none → "observed"',
        ),
        (
            lambda m: setattr(tp(m, "tp-sees-ad"), "channel_id", "email"),
            'Touchpoint "Sees a social media ad": channel "Social" → "Email"',
        ),
        (
            lambda m: m.stages.insert(1, Stage(id="s-x", name="Research")),
            'Stage added: "Research" after "Awareness"',
        ),
        (remove_last_stage, 'Stage removed: "Renewal & upgrade"'),
        (
            lambda m: setattr(m.stages[0], "name", "Discover"),
            'Stage renamed: "Awareness" → "Discover"',
        ),
        (
            lambda m: m.stages.reverse(),
            "Stages reordered: Renewal & upgrade, Support & maintenance",
        ),
        (
            lambda m: setattr(m.stages[0], "customer_goal", "Hear of it"),
            'Stage "Awareness": customer goal',
        ),
        (
            lambda m: m.departments.append(Department(id="d-x", name="Legal")),
            'Department added: "Legal" after "Billing"',
        ),
        (lambda m: m.departments.reverse(), "Departments reordered: Billing"),
        (
            lambda m: setattr(m.departments[0], "blueprint_layer", "frontstage"),
            'Department "Marketing": blueprint layer none → "frontstage"',
        ),
        (lambda m: m.channels.append(Channel(id="c-x", name="Kiosk")), 'Channel added: "Kiosk"'),
        (lambda m: setattr(m.channels[0], "name", "Website"), 'Channel renamed: "Web" → "Website"'),
        (
            lambda m: setattr(m, "title", "Kits"),
            'Map title: "Product lifecycle: first ad to renewal" → "Kits"',
        ),
        (
            lambda m: setattr(m.persona, "name", "Ana"),
            'Persona name: "Maya, remote-working parent" → "Ana"',
        ),
        (lambda m: m.persona.goals.append("Sleep well"), 'Persona goals: + "Sleep well"'),
        (lambda m: setattr(m, "curves", "both"), "Map curves shown: current → both"),
        (
            lambda m: setattr(tp(m, "tp-calls-support"), "votes", {"pain_points": 5}),
            'Touchpoint "Calls support": votes on pain points 0 → 5',
        ),
        (
            lambda m: setattr(m, "votes_shown", "pain_points"),
            "Map votes shown: none → pain points",
        ),
    ],
)
def test_each_kind_of_change_is_told(edit, line):
    lines = changed(edit)
    assert any(said.startswith(line) for said in lines), lines


def test_nothing_changed_says_nothing():
    journey = load_template("product-lifecycle")
    assert differences(journey, journey.model_copy(deep=True)) == []


def test_votes_say_each_topic_whose_dots_changed_and_no_other():
    old = load_template("product-lifecycle")
    tp(old, "tp-calls-support").votes = {"touchpoints": 1, "pain_points": 2}
    new = old.model_copy(deep=True)
    tp(new, "tp-calls-support").votes = {"touchpoints": 1, "pain_points": 5, "opportunities": 3}
    tp(new, "tp-sees-ad").votes = {"touchpoints": 2}
    assert differences(old, new) == [
        'Touchpoint "Sees a social media ad": votes on touchpoints 0 → 2',
        'Touchpoint "Calls support": votes on pain points 2 → 5',
        'Touchpoint "Calls support": votes on opportunities 0 → 3',
    ]
    new.votes_shown = "opportunities"
    tp(new, "tp-calls-support").votes = {}  # the dots taken off again
    assert differences(old, new) == [
        "Map votes shown: none → opportunities",
        'Touchpoint "Sees a social media ad": votes on touchpoints 0 → 2',
        'Touchpoint "Calls support": votes on touchpoints 1 → 0',
        'Touchpoint "Calls support": votes on pain points 2 → 0',
    ]
