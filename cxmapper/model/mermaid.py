"""Mermaid's `journey` diagrams, out and in: the title, a section per stage, a task per
touchpoint with its score (the five feelings as Mermaid's 1 to 5) and its departments as actors.

Text that would break the syntax (a colon ends a section's or a task's name, a comma an
actor's, "#" and ";" start entities and statements, "%%" a comment) is written as Mermaid's
entity codes ("#58;"), which Mermaid draws as the characters and the import reads back: a map
goes out and comes back with every stage, title, feeling and department as it was. A
touchpoint not rated goes out as 3 with a comment saying so, and comes back not rated. Every
line break Python or a text editor knows (U+2028, U+0085, form feed...) and every control
character goes out as an entity too, so no text can split a line; reading, like Mermaid, breaks
lines only at line feeds and carriage returns (a break inside a name is read as a space), and
reads a keyword followed by any white space.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from cxmapper.model.defaults import default_channels, department_colour, unique_id
from cxmapper.model.fields import NOT_IN_A_NAME, name_from, one_line
from cxmapper.model.journey import (
    MAX_DEPARTMENTS,
    MAX_NAME,
    MAX_STAGES,
    MAX_TOUCHPOINTS,
    Department,
    JourneyMap,
    Stage,
    Touchpoint,
)
from cxmapper.model.problems import MapError, user_message, validation_problems

NOT_RATED = "%% not rated"  # before a task: its score 3 stands for "not rated yet"
UNSAFE = {":": "#58;", ";": "#59;", "#": "#35;", ",": "#44;", "%": "#37;", "\t": "#9;"}
# Control characters and the line and paragraph separators: never written as they are.
HIDDEN = NOT_IN_A_NAME  # line breaks and control characters: written as entities
LINES = re.compile("\r\n|\r|\n")  # where Mermaid breaks lines (not at U+2028, nor form feeds)
ENTITY = re.compile(r"#(\d{1,7}|[a-zA-Z]{2,8});")
NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "colon": ":", "semi": ";", "num": "#"}
MAX_BYTES = 4 * 1024 * 1024


KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")


def safe(text: str, keep: str = "") -> str:
    """Text as Mermaid reads it literally: one line, the syntax's own characters as entities
    (Mermaid turns them back into the characters when it draws), but those in `keep`; line
    breaks of any kind and control characters as entities too; a first word Mermaid would take
    for a keyword ("journey", "section") begins with one."""
    out = "".join(ch if ch in keep else UNSAFE.get(ch, ch) for ch in text)
    out = HIDDEN.sub(lambda found: f"#{ord(found.group())};", out)
    if out.lower().startswith(KEYWORDS):
        out = f"#{ord(out[0])};{out[1:]}"
    return out


COMMENT = re.compile(r"%%|#(?!(?:\d{1,7}|[a-zA-Z]{2,8});)")  # "%%", or a "#" not an entity


def _without_comment(line: str) -> str:
    """A line less what Mermaid skips: from "%%", or a "#" that is not an entity, to its end."""
    found = COMMENT.search(line)
    return line[: found.start()].rstrip() if found else line


def unsafe(text: str) -> str:
    """Mermaid text back to plain text: entity codes decoded (unknown ones left as written)."""

    def decode(match: re.Match) -> str:
        code = match.group(1)
        if code.isdigit():
            n = int(code)
            return chr(n) if 0 < n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF else match.group(0)
        return NAMED.get(code.lower(), match.group(0))

    return ENTITY.sub(decode, text).strip()


def to_mermaid(journey: JourneyMap) -> str:
    """The map as a Mermaid `journey` diagram (UTF-8 text, a newline at the end)."""
    lines = ["journey", f"    title {safe(journey.title, keep=':,')}"]  # (a title may)
    ordered = journey.touchpoints_in_time_order()
    for stage in journey.stages:
        lines.append(f"    section {safe(stage.name)}")
        for tp in (t for t in ordered if t.stage_id == stage.id):
            actors = dict.fromkeys([tp.department_id, *tp.contributing_department_ids])
            names = [safe(d.name) for a in actors if a and (d := journey.department(a))]
            if tp.feeling is None:
                lines.append(f"      {NOT_RATED}")
            score = 3 if tp.feeling is None else tp.feeling + 3
            task = f"      {safe(tp.title)}: {score}"
            lines.append(task + (f": {', '.join(names)}" if names else ""))
    return "\n".join(lines) + "\n"


def from_mermaid(
    text: str, name: str = "Imported journey", notes: list[str] | None = None
) -> JourneyMap:
    """A map from a Mermaid `journey` diagram; MapError naming each line it cannot read.
    What was read but changed (a score outside 1 to 5, rounded or clamped) goes in `notes`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise MapError(["the file is too large (the limit is 4 MB)"])
    state, problems = _Reading(), []
    state.notes = notes if notes is not None else []
    for number, raw in enumerate(LINES.split(text), start=1):
        try:
            _read_line(raw.strip(), number, state, problems)
        except ValidationError as exc:  # a name no map can hold (a control character...)
            problems.append(f"line {number}: {user_message(exc.errors(include_url=False)[0])}")
        if state.stop:
            break
    if not state.started and not problems:
        problems.append('the file is empty: a Mermaid journey begins with "journey"')
    if problems:
        raise MapError(problems)
    data = {
        "title": state.title or state.front_title or name_from(name, "Imported journey"),
        "stages": state.stages,
        "departments": list(state.departments.values()),
        "channels": default_channels(),
        "touchpoints": state.touchpoints,
    }
    try:
        return JourneyMap(**data)
    except ValidationError as exc:  # more stages or actors than a map holds
        raise MapError(validation_problems(exc, data)) from None


class _Reading:
    """What the lines read so far have said."""

    def __init__(self) -> None:
        self.title = ""
        self.stages: list[Stage] = []
        self.departments: dict[str, Department] = {}
        self.touchpoints: list[Touchpoint] = []
        self.in_stage: dict[str, int] = {}  # tasks so far in each stage: the next one's place
        self.started = False
        self.stop = False
        self.unrated = False  # the task next is marked "not rated"
        self.skipping = ""  # the line that ends what is being skipped
        self.front_title = ""  # a title in the front matter
        self.notes: list[str] = []


def _read_line(line: str, number: int, state: _Reading, problems: list[str]) -> None:
    if state.skipping:  # inside front matter or a block description: not the journey's
        if line == state.skipping or (state.skipping == "}" and "}" in line):
            state.skipping = ""
        elif state.skipping == "---" and line.lower().startswith("title:"):
            state.front_title = one_line(line[6:].strip().strip("\"'"))
        return
    if not state.started and line == "---":  # YAML front matter (a title, a config)
        state.skipping = "---"
        return
    if line.lower().startswith("accdescr") and "{" in line and "}" not in line:
        state.skipping = "}"
        return
    if not line:
        return
    if line.startswith("%%"):
        state.unrated = state.unrated or line.lower() == NOT_RATED
        return
    unrated, state.unrated = state.unrated, False
    line = _without_comment(line)
    if not line:
        return
    if not state.started:
        if line.split()[0].lower() != "journey":
            problems.append(f'line {number}: a Mermaid journey begins with "journey"')
            state.stop = True
        state.started = True
        return
    keyword, *rest = line.split(None, 1)  # Mermaid: a keyword, then any white space
    keyword, rest = keyword.lower(), (rest or [""])[0]
    if keyword == "title":
        state.title = _name(rest, number, problems, "title", state.notes) or state.title
    elif keyword.startswith(("acctitle", "accdescr")):
        return  # what screen readers are told: not part of the journey
    elif keyword == "section":
        stage_name = _name(rest, number, problems, "section", state.notes)
        if stage_name and len(state.stages) == MAX_STAGES:
            problems.append(f"line {number}: more than {MAX_STAGES} sections in one map")
            state.stop = True
        elif stage_name:
            taken = [s.id for s in state.stages]
            state.stages.append(Stage(id=unique_id("stage", stage_name, taken), name=stage_name))
    else:
        task = _task(line, number, problems, state.departments, state.notes)
        if task is None:
            return
        if not state.stages:
            state.stages.append(Stage(id="stage-journey", name="Journey"))
        title, feeling, owners = task
        stage_id = state.stages[-1].id
        position = float(state.in_stage.get(stage_id, 0))
        state.in_stage[stage_id] = int(position) + 1
        state.touchpoints.append(
            Touchpoint(
                id=f"tp-{len(state.touchpoints) + 1}",
                title=title,
                stage_id=stage_id,
                position=position,
                feeling=None if unrated and feeling == 0 else feeling,
                department_id=owners[0] if owners else None,
                contributing_department_ids=owners[1:],
            )
        )
        if len(state.touchpoints) > MAX_TOUCHPOINTS:
            problems.append(f"line {number}: more than {MAX_TOUCHPOINTS} tasks in one map")
            state.stop = True


def _name(text: str, number: int, problems: list[str], what: str, notes: list[str]) -> str:
    name = _one_line(unsafe(text), number, what, notes)
    if not name:
        problems.append(f"line {number}: the {what} has no name")
    elif len(name) > MAX_NAME:
        problems.append(f"line {number}: the {what} is longer than {MAX_NAME} characters")
        return ""
    return name


def _one_line(name: str, number: int, what: str, notes: list[str]) -> str:
    """A name is one line: a line break in it (U+2028 as Mermaid keeps it, or written as an
    entity) is read as a space, as when pasted into a name field, and said."""
    joined = one_line(name)
    if joined != name:
        where = "the title" if what == "title" else f"the {what}'s name"
        notes.append(f"line {number}: a line break in {where} is read as a space")
    return joined


def _task(
    line: str,
    number: int,
    problems: list[str],
    departments: dict[str, Department],
    notes: list[str],
) -> tuple[str, int, list[str]] | None:
    """A task line "name: score: actor, actor" as (title, feeling, department ids)."""
    parts = line.split(":")
    if len(parts) < 2:
        problems.append(
            f'line {number}: not a task ("name: score: actors"), a section or a title: {line[:60]}'
        )
        return None
    if len(parts) > 3:
        problems.append(f"line {number}: a task has at most two colons (name: score: actors)")
        return None
    title = _name(parts[0], number, problems, "task", notes)
    score_text = parts[1].strip()
    try:
        value = float(score_text)
    except ValueError:
        value = float("nan")
    if value != value or value in (float("inf"), float("-inf")):
        problems.append(f'line {number}: the score "{score_text[:20]}" is not a number')
        return None
    score = min(5, max(1, int(value + 0.5)))  # Mermaid draws any number; a map has 5 feelings
    if score != value:
        notes.append(f"line {number}: the score {score_text} is read as {score} (1 to 5)")
    if not title:
        return None
    owners: list[str] = []
    for actor in parts[2].split(",") if len(parts) == 3 else []:
        actor_name = _one_line(unsafe(actor), number, "actor", notes)
        if not actor_name:
            continue
        if len(actor_name) > MAX_NAME:
            problems.append(f"line {number}: an actor is longer than {MAX_NAME} characters")
            return None
        key = actor_name.casefold()
        if key not in departments and len(departments) == MAX_DEPARTMENTS:
            problems.append(
                f"line {number}: more than {MAX_DEPARTMENTS} actors in one map (each becomes "
                "a department)"
            )
            return None
        if key not in departments:
            taken = [d.id for d in departments.values()]
            departments[key] = Department(
                id=unique_id("dept", actor_name, taken),
                name=actor_name,
                colour=department_colour(len(departments)),
            )
        if departments[key].id not in owners:
            owners.append(departments[key].id)
    return title, score - 3, owners
