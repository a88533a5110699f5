"""Mermaid journey diagrams out and in: every stage, title, feeling and department comes back,
hostile text included; a line that cannot be read is named by its number."""

import time

import pytest
from factories import journey_maps, small_map
from hypothesis import HealthCheck, given, settings

from cxmapper.model.journey import Touchpoint
from cxmapper.model.mermaid import from_mermaid, safe, to_mermaid, unsafe
from cxmapper.model.problems import MapError
from cxmapper.model.templates import load_template, template_names


def _actors(tp):
    """The owner, then the contributors (a department contributing to its own card is the
    owner already)."""
    return [d for d in dict.fromkeys([tp.department_id, *tp.contributing_department_ids]) if d]


def said(journey):
    """What a Mermaid journey carries: stages in order, each with its touchpoints in time
    order (title, feeling, owner and contributors by name)."""
    names = {d.id: d.name for d in journey.departments}
    order = journey.touchpoints_in_time_order()
    return [
        (
            stage.name,
            [
                (
                    t.title,
                    t.feeling,
                    [names[d] for d in _actors(t)],
                )
                for t in order
                if t.stage_id == stage.id
            ],
        )
        for stage in journey.stages
    ]


@pytest.mark.parametrize("name", template_names())
def test_every_template_goes_out_and_comes_back(name):
    journey = load_template(name)
    back = from_mermaid(to_mermaid(journey))
    assert back.title == journey.title
    assert said(back) == said(journey)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_any_map_goes_out_and_comes_back(journey):
    if len({d.name.casefold() for d in journey.departments}) < len(journey.departments):
        return  # actors are names: two departments called "Sales" are one
    back = from_mermaid(to_mermaid(journey))
    assert said(back) == said(journey)
    assert back.title == journey.title.strip()


def test_text_that_would_break_the_syntax_is_made_safe_and_comes_back():
    journey = small_map()
    hostile = "Pays: 3; #1 %% not rated, really #58; done\ttab"
    journey.touchpoints[0].title = hostile
    journey.stages[0].name = "Sales: first; #2"
    journey.departments[0].name = "Sales, Europe: west"
    journey.title = "A; title: with #hash"
    text = to_mermaid(journey)
    body = text.splitlines()
    task = next(line for line in body if "Pays" in line)
    name, score, actors = task.strip().split(":")  # two colons: name, score, actors
    assert score.strip() == str(journey.touchpoints[0].feeling + 3)
    assert ";" not in task.replace("#58;", "").replace("#59;", "").replace("#35;", "").replace(
        "#44;", ""
    ).replace("#37;", "").replace("#9;", "")
    back = from_mermaid(text)
    assert said(back) == said(journey)
    assert back.title == journey.title


def test_not_rated_goes_out_as_3_with_a_comment_and_comes_back_not_rated():
    journey = small_map()
    journey.touchpoints[1].feeling = None
    text = to_mermaid(journey)
    lines = text.splitlines()
    title = journey.touchpoints[1].title
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(title + ":"))
    assert lines[at - 1].strip() == "%% not rated" and lines[at].rstrip().split(":")[1] == " 3"
    assert [t.feeling for t in from_mermaid(text).touchpoints] == [
        journey.touchpoints[0].feeling,
        None,
    ]


def test_a_diagram_written_by_hand_reads_as_a_map():
    text = """
%% from the Mermaid docs
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5
"""
    journey = from_mermaid(text)
    assert journey.title == "My working day"
    assert [s.name for s in journey.stages] == ["Go to work", "Go home"]
    assert [d.name for d in journey.departments] == ["Me", "Cat"]
    tea, upstairs, work, down, sit = journey.touchpoints_in_time_order()
    assert (tea.feeling, upstairs.feeling, work.feeling) == (2, 0, -2)
    assert work.contributing_department_ids == [journey.departments[1].id]
    assert sit.department_id is None


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("graph TD\n  A-->B\n", 1, 'begins with "journey"'),
        ("journey\n  section S\n  Make tea: high: Me\n", 3, "is not a number"),
        ("journey\n  section S\n  Make tea\n", 3, "not a task"),
        ("journey\n  section S\n  a: 1: b: c\n", 3, "at most two colons"),
        ("journey\n  title T\n  section\n", 3, "the section has no name"),
        ("journey\n  section S\n  : 3: Me\n", 3, "the task has no name"),
    ],
)
def test_a_line_it_cannot_read_is_named_by_its_number(text, line, words):
    with pytest.raises(MapError) as caught:
        from_mermaid(text)
    problem = caught.value.problems[0]
    assert problem.startswith(f"line {line}:") and words in problem


def test_every_bad_line_is_listed_at_once_and_an_empty_file_is_refused():
    with pytest.raises(MapError) as caught:
        from_mermaid("journey\n section S\n a: lots\n b\n c: 1: Me\n")
    assert [p.split(":")[0] for p in caught.value.problems] == ["line 3", "line 4"]
    with pytest.raises(MapError):
        from_mermaid("")


def test_front_matter_directives_and_accessible_descriptions_are_not_the_journey():
    text = """---
title: Not this one
config:
  journey:
    taskMargin: 10
---
%%{init: {'theme': 'forest'}}%%
journey
  accTitle: A day
  accDescr {
    A long description
    over lines: with colons
  }
  title A working day
  section Morning
    Make tea: 5: Me
"""
    journey = from_mermaid(text)
    assert journey.title == "A working day"
    assert [t.title for t in journey.touchpoints] == ["Make tea"]


def test_other_peoples_mermaid_comments_odd_scores_and_keywords():
    notes: list[str] = []
    text = """---
title: From the front matter
---
Journey
  Section Morning # a comment
    Make tea: 6: Me %% hot
    Go upstairs: 0: Me
    Do work: 4.4: Me, Cat
"""
    journey = from_mermaid(text, notes=notes)
    assert journey.title == "From the front matter"
    assert [s.name for s in journey.stages] == ["Morning"]
    assert [d.name for d in journey.departments] == ["Me", "Cat"]
    assert [t.feeling for t in journey.touchpoints] == [2, -2, 1]  # 6 -> 5, 0 -> 1, 4.4 -> 4
    assert len(notes) == 3 and notes[0].startswith("line 6:")


def test_a_title_that_begins_like_a_keyword_goes_out_safe_and_comes_back():
    journey = small_map()
    journey.touchpoints[0].title = "journey planner opened"
    journey.touchpoints[1].title = "Section 3 of the form: done"
    journey.stages[0].name = "title deeds"
    text = to_mermaid(journey)
    for line in text.splitlines()[2:]:
        assert not line.strip().lower().startswith(("journey", "title"))
    back = from_mermaid(text)
    assert said(back) == said(journey)


# Every character Python's str.splitlines() breaks a line at, and other control characters.
BREAKS = ["\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("breaker", [*BREAKS, "\x1b", "\x01", "\x7f"])
def test_line_breaks_and_control_characters_go_out_as_entities_and_come_back(breaker):
    text = f"Pays{breaker}now"
    written = safe(text)
    assert breaker not in written and len(f"x {written} y".splitlines()) == 1
    assert unsafe(written) == text


def test_a_name_holding_a_line_separator_keeps_the_diagram_whole():
    """A title with U+2028 (an old file's, or one not yet checked) goes out as #8232; and
    every other line stays as it was; read back, the break is a space, and said."""
    journey = small_map()
    first = journey.touchpoints[0]
    journey.touchpoints[0] = Touchpoint.model_construct(
        **{**dict(first), "title": "Compares\u2028offers\u2029now"}
    )
    text = to_mermaid(journey)
    assert "\u2028" not in text and "\u2029" not in text
    assert "Compares#8232;offers#8233;now: 4: Sales" in text
    assert len(text.splitlines()) == len(to_mermaid(small_map()).splitlines())
    notes: list[str] = []
    back = from_mermaid(text, notes=notes)
    assert [t.title for t in back.touchpoints] == ["Compares offers now", "Monthly bill"]
    assert said(back)[1:] == said(small_map())[1:]
    assert notes == ["line 4: a line break in the task's name is read as a space"]


def test_only_line_feeds_and_carriage_returns_end_a_line_as_in_mermaid():
    notes: list[str] = []
    text = "journey\r\n  section S\r  Make\u2028tea: 5: Me\x0cand Cat\n  Sits\x85down: 4\n"
    journey = from_mermaid(text, notes=notes)
    assert [t.title for t in journey.touchpoints] == ["Make tea", "Sits down"]
    assert [d.name for d in journey.departments] == ["Me and Cat"]
    assert [n.split(":")[0] for n in notes] == ["line 3", "line 3", "line 4"]


def test_a_keyword_followed_by_a_tab_or_any_white_space_is_read_as_mermaid_reads_it():
    text = "journey\n\ttitle\tA day\n\tsection\tMorning\n\t\tMake tea:\t5:\tMe\nSECTION \t Noon\n"
    journey = from_mermaid(text)
    assert journey.title == "A day"
    assert [s.name for s in journey.stages] == ["Morning", "Noon"]
    assert [t.title for t in journey.touchpoints] == ["Make tea"]


def test_ten_thousand_tasks_read_in_linear_time():
    lines = ["journey", "  section Only"] + [f"    Task {i}: 3: Me" for i in range(10_000)]
    started = time.perf_counter()
    journey = from_mermaid("\n".join(lines))
    took = time.perf_counter() - started
    assert [t.position for t in journey.touchpoints[-3:]] == [9997.0, 9998.0, 9999.0]
    assert took < 5  # about 0.3 s; it was 3 to 7 s when each task counted the ones before it


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("\n".join("  section S" for _ in range(20_000)), "line 102: more than 100 sections"),
        (
            "  section S\n  t: 3: " + ", ".join(f"a{i}" for i in range(20_000)),
            "line 3: more than 100 actors",
        ),
    ],
)
def test_more_sections_or_actors_than_a_map_holds_are_refused_at_once(extra, words):
    started = time.perf_counter()
    with pytest.raises(MapError) as refused:
        from_mermaid("journey\n" + extra)
    assert refused.value.problems[0].startswith(words)
    assert time.perf_counter() - started < 5  # each new one once compared with every other
