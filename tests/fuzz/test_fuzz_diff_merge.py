"""The commands (and diff and merge) over maps that grew apart in every way a map can: what they say is text, the
merged map is a sound map (it saves and loads again), and the commands exit 0, 1 or 2, never
with a traceback or "unexpected error".

The maps are made by edits that keep a map valid (parts added under the editor's own ids,
removed with what refers to them, moved, renamed, reordered, given edge values) on both sides
of a base, and by the mutator's hostile edits (which the commands must refuse with exit 2).
See fuzzing.py for the long run (CXMAPPER_FUZZ=long).
"""

import json
import time

import pytest
from factories import journey_maps, small_map, stress_map, voted_journey_maps, voted_map
from fuzzing import (
    EDGE_DATES,
    EDGE_STRINGS,
    LONG,
    SEED,
    TEMPLATES,
    V1_MAPS,
    VOTE_TOPICS,
    VOTES_SHOWN,
    Campaign,
    MermaidMutator,
    Mutator,
    SheetMutator,
    count,
    examples,
    marks_in,
    read_rows,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.cli import main
from cxmapper.model.diff import differences
from cxmapper.model.fileformat import load_map, map_from_data, map_to_bytes
from cxmapper.model.journey import MAX_VOTES, Channel, Department, JourneyMap, Stage, Touchpoint
from cxmapper.model.merge import Merged, merge
from cxmapper.model.problems import MapError


def _documents() -> list[dict]:
    maps = [load_map(p) for p in [*TEMPLATES, *V1_MAPS]] + [small_map(), stress_map(), voted_map()]
    return [json.loads(map_to_bytes(m)) for m in maps]


DOCS = _documents()
PREFIX = {"stages": "stage", "departments": "dept", "channels": "channel", "touchpoints": "tp"}


class Editor(Mutator):
    """Edits that keep a map valid, as the editor (or a hand in a text editor) makes them."""

    def edit(self, doc: dict, edits: int) -> tuple[dict, str]:
        doc = json.loads(json.dumps(doc))
        said = []
        for _ in range(edits):
            op = self.pick(
                [self.remove, self.remove, self.add, self.add, self.move, self.retext,
                 self.reorder, self.rename_id, self.notes, self.metadata, self.edge_value,
                 self.dots]
            )  # fmt: skip
            said.append(op(doc))
        return doc, "; ".join(s for s in said if s)

    def _part(self, doc: dict, key: str) -> dict | None:
        return self.pick(doc[key]) if doc[key] else None

    def remove(self, doc: dict) -> str:
        key = self.pick(list(PREFIX))
        part = self._part(doc, key)
        if part is None:
            return ""
        pid = part["id"]
        doc[key] = [p for p in doc[key] if p["id"] != pid]
        tps = doc["touchpoints"]
        if key == "stages":
            gone = {t["id"] for t in tps if t["stage_id"] == pid}
            tps[:] = [t for t in tps if t["stage_id"] != pid]
        else:
            gone = {pid} if key == "touchpoints" else set()
        for t in tps:
            t["leads_to"] = [i for i in t["leads_to"] if i not in gone]
            if key == "departments":
                t["department_id"] = None if t["department_id"] == pid else t["department_id"]
                t["contributing_department_ids"] = [
                    d for d in t["contributing_department_ids"] if d != pid
                ]
            if key == "channels" and t["channel_id"] == pid:
                t["channel_id"] = None
        return f"removed {key} {pid}"

    def add(self, doc: dict) -> str:
        """A part under the id the editor gives a new one (both sides of a merge do the same)."""
        key = self.pick(list(PREFIX))
        name = self.pick(["New stage", "New", "Sales", "Web", "é", "x" * 200])
        pid = self.pick([f"{PREFIX[key]}-new", f"{PREFIX[key]}-new-2", f"{PREFIX[key]}-1"])
        if any(p["id"] == pid for p in doc[key]):
            return ""
        if key == "touchpoints":
            if not doc["stages"]:
                return ""
            others = [t["id"] for t in doc["touchpoints"]]
            depts = [d["id"] for d in doc["departments"]]
            tp = Touchpoint(
                id=pid,
                title=name,
                stage_id=self._part(doc, "stages")["id"],
                position=self.pick([0.0, 1.0, 0.5, 1e6]),
                department_id=self.pick([None, *depts]),
                contributing_department_ids=depts[:1],
                leads_to=others[:1],
                feeling=self.pick([None, -2, 2]),
            )
            doc[key].append(tp.model_dump(mode="json"))
        else:
            kind = {"stages": Stage, "departments": Department, "channels": Channel}[key]
            part = kind(id=pid, name=name).model_dump(mode="json")
            doc[key].insert(self.rng.randint(0, len(doc[key])), part)
        return f"added {key} {pid}"

    def move(self, doc: dict) -> str:
        tp = self._part(doc, "touchpoints")
        if tp is None:
            return ""
        field, key = self.pick(
            [("stage_id", "stages"), ("department_id", "departments"), ("channel_id", "channels")]
        )
        target = self._part(doc, key)
        if target is None:
            return ""
        tp[field] = target["id"]
        tp["position"] = self.pick([0.0, 2.0, 0.25, tp["position"]])
        return f"moved {tp['id']} to {key} {target['id']}"

    def retext(self, doc: dict) -> str:
        key = self.pick(list(PREFIX))
        part = self._part(doc, key)
        if part is None:
            return ""
        field = "title" if key == "touchpoints" else "name"
        part[field] = self.pick(
            ["Renamed", "Sales", "ü" * 3, "x" * 200, "Renamed on the other side"]
        )
        if key == "touchpoints":
            part["feeling"] = self.pick([None, -2, -1, 0, 1, 2])
        return f"{part['id']}.{field} = {part[field]!r:.30}"

    def reorder(self, doc: dict) -> str:
        key = self.pick(list(PREFIX))
        self.rng.shuffle(doc[key])
        return f"reordered {key}"

    def rename_id(self, doc: dict) -> str:
        """A part's id changed everywhere (what a hand-edited file may do)."""
        key = self.pick(list(PREFIX))
        part = self._part(doc, key)
        if part is None:
            return ""
        old, new = part["id"], self.pick(["renamed", "x", "tp-1", "stage-new"])
        if any(p["id"] == new for k in PREFIX for p in doc[k]):
            return ""
        part["id"] = new
        for t in doc["touchpoints"]:
            for f in ("stage_id", "department_id", "channel_id"):
                t[f] = new if t[f] == old else t[f]
            t["contributing_department_ids"] = [
                new if d == old else d for d in t["contributing_department_ids"]
            ]
            t["leads_to"] = [new if i == old else i for i in t["leads_to"]]
        return f"id {old} -> {new}"

    def notes(self, doc: dict) -> str:
        tp = self._part(doc, "touchpoints")
        if tp is None:
            return ""
        field = self.pick(["pain_points", "opportunities", "quotes", "sources"])
        items = tp.setdefault(field, [])
        if items and self.chance(0.5):
            items.pop(self.rng.randrange(len(items)))
        else:
            items.insert(self.rng.randint(0, len(items)), self.pick(["New note", "x" * 2_000]))
        return f"{tp['id']}.{field} edited"

    def dots(self, doc: dict) -> str:
        """A dot vote: dots put on a card or taken off (up to the most a card holds), and
        sometimes other votes shown."""
        said = []
        tp = self._part(doc, "touchpoints")
        if tp is not None:
            topic = self.pick(VOTE_TOPICS)
            votes = tp.setdefault("votes", {})
            change = self.pick([1, 1, 2, 3, -1, -2, MAX_VOTES])
            votes[topic] = max(0, min(MAX_VOTES, votes.get(topic, 0) + change))
            said.append(f"{tp['id']}.votes.{topic} = {votes[topic]}")
        if self.chance(0.3):
            doc["votes_shown"] = self.pick(VOTES_SHOWN)
            said.append(f"votes_shown = {doc['votes_shown']}")
        return "; ".join(said)

    def metadata(self, doc: dict) -> str:
        meta = doc["metadata"]
        meta["modified"] = self.pick(EDGE_DATES)
        meta["authors"] = list(dict.fromkeys([*meta["authors"], self.pick(["Ana", "Bo"])]))
        return "metadata"

    def edge_value(self, doc: dict) -> str:
        path = self.random_path(doc)
        if not path or path[0] in ("format", "schema_version"):
            return ""
        target = doc
        for key in path[:-1]:
            target = target[key]
        old, name = target[path[-1]], str(path[-1])
        if isinstance(old, str) and isinstance(path[-1], str) and name[-2:] != "id" and name not in (
            "colour", "icon", "expectation", "evidence", "future_state", "curves",
            "blueprint_layer", "created", "modified", "votes_shown",
        ):  # fmt: skip
            target[path[-1]] = self.pick(EDGE_STRINGS)
            return f"{path} edge text"
        return ""


def sound_merge(merged) -> None:
    assert isinstance(merged, Merged)
    assert all(isinstance(c, str) and c for c in merged.conflicts), merged.conflicts
    usable(merged.journey)


def sound_diff(lines) -> None:
    assert all(isinstance(line, str) for line in lines), lines


def _map(doc):
    """The map a document holds, or None when it is not a sound map."""
    try:
        return map_from_data(json.loads(json.dumps(doc)))
    except MapError:
        return None


@pytest.mark.slow
def test_diff_and_merge_of_maps_that_grew_apart():
    diffs, merges = Campaign("diff"), Campaign("merge")
    m = Editor(SEED + 8)
    for n in range(count("diffmerge")):
        base = m.rng.randrange(len(DOCS))
        b = DOCS[base]
        sides = []
        for _side in range(2):
            doc, recipe = m.edit(b, m.rng.randint(1, 6))
            if m.chance(0.3):  # sometimes an edge value the mutator knows
                doc2, more = m.mutate_json(doc, 1)
                if _map(doc2) is not None:
                    doc, recipe = doc2, f"{recipe}; {more}"
            sides.append((doc, recipe))
        (o, o_said), (t, t_said) = sides
        maps = [_map(d) for d in (b, o, t)]
        if None in maps:
            continue  # an edit that breaks the map is the mutator's business, not this test's
        base_map, ours, theirs = maps
        recipe = f"#{n} base {base}; ours: {o_said}; theirs: {t_said}"
        sample = [map_to_bytes(x) for x in maps]
        for run, campaign, check in (
            (lambda b=base_map, o=ours: differences(b, o), diffs, sound_diff),
            (lambda o=ours, t=theirs: differences(o, t), diffs, sound_diff),
            (lambda b=base_map, o=ours, t=theirs: merge(b, o, t), merges, sound_merge),
            (lambda b=base_map, o=ours, t=theirs: merge(o, t, b), merges, sound_merge),
        ):
            campaign.attempt(recipe, sample, run, check=check)
    diffs.assert_clean()
    merges.assert_clean()


def _cli(argv, capsys) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.slow
def test_the_commands_on_good_and_broken_maps(tmp_path, capsys):
    """cxmapper diff (both forms) and merge, in this process: 0, 1 or 2, and no traceback."""
    campaign = Campaign("diff and merge commands")
    m = Editor(SEED + 9)
    files = [tmp_path / f"side {k}.json" for k in range(3)]
    out = tmp_path / "merged.json"
    for n in range(count("cli")):
        b = DOCS[m.rng.randrange(len(DOCS))]
        said = []
        for f in files:
            doc, recipe = m.edit(b, m.rng.randint(0, 3))
            if m.chance(0.3):
                doc, more = m.mutate_json(doc)
                recipe += "; hostile: " + more
            data, how = m.json_bytes(doc)
            f.write_bytes(data if not m.chance(0.05) else b"")
            said.append(recipe + how)
        recipe = f"#{n}: " + " | ".join(said)
        sample = [f.read_bytes() for f in files]
        out.unlink(missing_ok=True)
        for argv in (
            ["diff", files[0], files[1]],
            ["diff", "map.json", files[0], "abc", "100644", files[1], "def", "100644"],
            ["merge", files[0], files[1], files[2], "-o", out],
        ):

            def run(argv=argv):
                code, said = _cli(argv, capsys)
                campaign.stats[f"exit {code}"] += 1
                assert code in (0, 1, 2), f"exit {code}: {said[-2000:]}"
                assert "Traceback" not in said and "unexpected error" not in said, said[-2000:]
                return code

            campaign.attempt(f"{recipe}; cxmapper {argv[0]}", sample, run)
    campaign.assert_clean()


# --- hypothesis ---------------------------------------------------------------------------

hypothesis_merges = Campaign("merge (hypothesis)")
any_maps = journey_maps() | voted_journey_maps()


@examples(25)
@given(base=any_maps, ours=any_maps, theirs=any_maps)
def test_any_three_maps_merge(base, ours, theirs):
    hypothesis_merges.must(lambda: merge(base, ours, theirs), sound_merge)
    hypothesis_merges.must(lambda: differences(base, theirs), sound_diff)


@examples(25)
@given(journey=any_maps, seed=st.integers(0, 2**32))
def test_a_map_and_two_edits_of_it_merge(journey, seed):
    m = Editor(seed)
    b = json.loads(map_to_bytes(journey))
    ours, theirs = (_map(m.edit(b, m.rng.randint(1, 5))[0]) for _ in range(2))
    if ours is None or theirs is None:
        return
    hypothesis_merges.must(lambda: merge(journey, ours, theirs), sound_merge)
    hypothesis_merges.must(lambda: differences(ours, theirs), sound_diff)


@pytest.mark.slow
def test_the_other_commands_on_any_file(tmp_path, capsys, exported_pdf):
    """validate, import-csv, import-mermaid and export, in this process, on mutated maps,
    sheets, diagrams and PDFs (each command on each kind): exit 0 or 2, and no traceback."""
    from cxmapper.model.mermaid import to_mermaid
    from cxmapper.model.spreadsheet import export_csv

    campaign = Campaign("other commands")
    m = Editor(SEED + 11)
    sheets = SheetMutator(SEED + 12)
    diagrams = MermaidMutator(SEED + 13)
    journey = load_map(TEMPLATES[0])
    sheet_rows = read_rows(export_csv(journey))
    diagram = to_mermaid(journey)
    out = tmp_path / "out"
    for n in range(count("commands")):
        kind = m.pick(["json", "csv", "mmd", "pdf"])
        if kind == "json":
            doc, recipe = m.mutate_json(DOCS[m.rng.randrange(len(DOCS))])
            data, how = m.json_bytes(doc)
            recipe += how
        elif kind == "csv":
            data, recipe = sheets.mutate_sheet(sheet_rows)
        elif kind == "mmd":
            data, recipe = diagrams.mutate_mermaid(diagram)
        else:
            data, recipe = m.mutate_bytes(exported_pdf, hot=marks_in(exported_pdf))
        source = tmp_path / f"input {n % 3}.{kind}"
        source.write_bytes(data)
        commands = {
            "validate": ["validate", source],
            "import-csv": ["import-csv", source, "-o", out.with_suffix(".json"), "--force"],
            "import-mermaid": ["import-mermaid", source, "-o", out.with_suffix(".json"), "--force"],
            "json": ["export", source, "--json", out.with_suffix(".json"), "--force"],
            "csv": ["export", source, "--csv", out.with_suffix(".csv"), "--force"],
            "mermaid": ["export", source, "--mermaid", out.with_suffix(".mmd"), "--force"],
            "svg": ["export", source, "--svg", out.with_suffix(".svg"), "--force"],
        }
        fitting = {
            "json": ["validate", "json", "csv", "mermaid", "svg"],
            "pdf": ["validate", "json", "csv", "mermaid", "svg"],
            "csv": ["import-csv"],
            "mmd": ["import-mermaid"],
        }[kind]
        command = commands[m.pick(fitting if m.chance(0.8) else list(commands))]

        def run(argv=command):
            code, said = _cli(argv, capsys)
            campaign.stats[f"exit {code}"] += 1
            assert code in (0, 2), f"exit {code}: {said[-2000:]}"
            assert "Traceback" not in said and "unexpected error" not in said, said[-2000:]
            return code

        campaign.attempt(f"#{n} a {kind} file: {recipe}; cxmapper {command[0]}", data, run)
    campaign.assert_clean()


# --- fixed cases: what the long run found (a time budget: long run only) ----------------------

DIFF_SECONDS = 5.0  # a diff of the largest map a file holds (10,000 touchpoints)


def _big(doc: dict, handoffs: bool) -> JourneyMap:
    tp = doc["touchpoints"][0]
    many = [{**tp, "id": f"g{i}", "title": f"N {i}", "leads_to": []} for i in range(10_000)]
    if handoffs:
        for i, t in enumerate(many[:-1]):
            t["leads_to"] = [f"g{i + 1}"]
    return map_from_data({**doc, "touchpoints": many})


@pytest.mark.skipif(not LONG, reason="a time budget: the long run only (CXMAPPER_FUZZ=long)")
@pytest.mark.parametrize("change", ["10,000 touchpoints added", "10,000 handoffs added"])
def test_a_diff_of_the_largest_map_takes_seconds(change):
    """differences() looked through every touchpoint before each added one ("after ..."), and
    built a table of every title for each touchpoint whose handoffs changed: 10,000 added
    took 7 s, 10,000 handoffs about 30 s (quadratic)."""
    doc = json.loads(TEMPLATES[0].read_bytes())
    if change.endswith("touchpoints added"):
        old, new = map_from_data({**doc, "touchpoints": []}), _big(doc, handoffs=False)
    else:
        old, new = _big(doc, handoffs=False), _big(doc, handoffs=True)
    start = time.perf_counter()
    lines = differences(old, new)
    seconds = time.perf_counter() - start
    assert len(lines) >= 9_999
    assert seconds < DIFF_SECONDS, f"{seconds:.1f} s"
