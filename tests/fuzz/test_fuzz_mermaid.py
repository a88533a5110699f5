"""Mermaid journey diagrams (.mmd), whatever they hold: a map, or MapError naming the file and
the line. Read as File > Import Mermaid and File > Open read them (the editor's
JourneyDocument.open) and as `cxmapper import-mermaid` does (from_mermaid on the decoded text).

See fuzzing.py for the long run (CXMAPPER_FUZZ=long).
"""

import pytest
from factories import journey_maps, small_map, stress_map
from fuzzing import (
    MERMAID_LINES,
    SEED,
    TEMPLATES,
    Campaign,
    MermaidMutator,
    count,
    examples,
    open_in_editor,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.mermaid import from_mermaid, to_mermaid
from cxmapper.model.problems import MapError
from cxmapper.model.templates import load_template

HAND_WRITTEN = [
    "journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n"
    "    Go upstairs: 3: Me\n  section Go home\n    Go downstairs: 5: Me\n    Sit down: 3: Me\n",
    "---\ntitle: Front matter\nconfig:\n  theme: dark\n---\njourney\n  accTitle: For readers\n"
    "  accDescr {\n    several\n    lines\n  }\n  section A\n    %% not rated\n    T: 3\n",
    "%% a comment first\njourney %% and here\n  title T # and here\n  section S\n  t: 4: a, b, c\n",
]


def _corpus() -> list[str]:
    maps = [load_template(p.stem) for p in TEMPLATES] + [small_map(), stress_map()]
    return [to_mermaid(m) for m in maps] + HAND_WRITTEN


CORPUS = _corpus()


def read_like_the_commands(data: bytes):
    """`cxmapper import-mermaid`: UTF-8 (a BOM allowed), then the diagram."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MapError(["not UTF-8 text"]) from None
    notes: list[str] = []
    journey = from_mermaid(text, name="Fuzzed", notes=notes)
    assert all(isinstance(n, str) and n for n in notes), notes
    return journey


def sound(journey) -> None:
    """The map saves and loads again, and goes out to Mermaid and back in."""
    usable(journey)
    again = from_mermaid(to_mermaid(journey))
    assert len(again.touchpoints) == len(journey.touchpoints)


@pytest.mark.slow
def test_mutated_diagrams_import_or_are_refused(tmp_path):
    campaign = Campaign("mermaid")
    m = MermaidMutator(SEED + 3)
    path = tmp_path / "fuzzed diagram.mmd"
    encoded = [c.encode() for c in CORPUS]
    for n in range(count("mermaid")):
        base = m.rng.randrange(len(CORPUS))
        if m.chance(0.15):
            data, recipe = m.mutate_bytes(encoded[base], encoded)
        else:
            data, recipe = m.mutate_mermaid(CORPUS[base])
        if m.chance(0.25):
            path.write_bytes(data)
            read, source, how = (lambda: open_in_editor(path)), str(path), "editor"
        else:
            read, source, how = (lambda data=data: read_like_the_commands(data)), "", "memory"
        campaign.attempt(
            f"#{n} from diagram {base}: {recipe} (read from {how})",
            data,
            read,
            source=source,
            check=sound,
        )
    campaign.assert_clean()


# --- hypothesis ---------------------------------------------------------------------------

hypothesis_diagrams = Campaign("mermaid (hypothesis)")
lines = (
    st.sampled_from(MERMAID_LINES)
    | st.text(max_size=30)
    | st.builds(
        lambda title, score, actors: f"{title}: {score}: {actors}",
        st.text(max_size=10),
        st.sampled_from(["1", "5", "3.5", "nan", "-7", "1e400", "", " "]) | st.text(max_size=5),
        st.text(max_size=15),
    )
)


@examples(80)
@given(st.lists(lines, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_lines_after_journey(body, newline):
    text = newline.join(["journey", *body])
    hypothesis_diagrams.must(lambda: from_mermaid(text), sound)


@examples(40)
@given(st.text(max_size=200))
def test_any_text(text):
    hypothesis_diagrams.must(lambda: from_mermaid(text), sound)


@examples(20)
@given(journey_maps())
def test_every_map_goes_out_to_mermaid_and_comes_back(journey):
    hypothesis_diagrams.must(lambda: from_mermaid(to_mermaid(journey)), sound)


# --- fixed cases --------------------------------------------------------------------------

fixed = Campaign("mermaid (fixed cases)")
NAMES = ["a\nb", "\udcff", "a\x1bb", "a\u2028b", "  ", "x" * 250, "\u202eevil"]


@pytest.mark.parametrize("stem", NAMES, ids=repr)
def test_a_diagram_without_a_title_is_never_refused_for_the_name_of_its_file(tmp_path, stem):
    """A diagram with no title line is named after its file (JourneyDocument.from_mermaid
    passes path.stem as from_mermaid's name): a name with a line break, an escape, a byte that
    is not UTF-8 or only spaces makes a good diagram "title: must be a single line"."""
    path = tmp_path / f"{stem}.mmd"
    path.write_bytes(b"journey\n  section S\n    t: 3\n")
    journey = fixed.must(lambda: open_in_editor(path), usable, source=str(path))
    assert journey is not None, "refused"
    assert journey.title.strip()


@pytest.mark.parametrize("stem", NAMES, ids=repr)
def test_import_mermaid_never_refuses_a_diagram_for_the_name_of_its_file(tmp_path, stem, capsys):
    """`cxmapper import-mermaid` names a diagram without a title after its file too."""
    from cxmapper.cli import main

    path = tmp_path / f"{stem}.mmd"
    path.write_bytes(b"journey\n  section S\n    t: 3\n")
    code = main(["import-mermaid", str(path), "-o", str(tmp_path / "out.json")])
    assert code == 0, capsys.readouterr().err
