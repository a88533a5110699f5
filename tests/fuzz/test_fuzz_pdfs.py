"""PDFs, whatever they hold: the map cxmapper attached when it exported the PDF, or MapError
naming the file. Read as File > Open and `cxmapper validate` read a .pdf (the editor's
JourneyDocument.open, load_map) and as map_from_bytes does once the file is read.

Two kinds of input: a real PDF exported by cxmapper (made once per session, see conftest.py)
with its bytes mutated where its structure is, and small PDFs built by hand (fuzzing.build_pdf)
whose objects, cross-reference table and attached map are mutated. See fuzzing.py for the long
run (CXMAPPER_FUZZ=long).
"""

import json
import zlib

import pytest
from fuzzing import (
    SEED,
    TEMPLATES,
    Campaign,
    Mutator,
    PdfMutator,
    attachment_objects,
    build_pdf,
    count,
    examples,
    marks_in,
    open_in_editor,
    pdf_stream,
    to_json_bytes,
    usable,
)
from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.fileformat import load_map, map_from_bytes

DOCS = [json.loads(p.read_bytes()) for p in TEMPLATES]


def _reader(data: bytes, path, how: str):
    if how == "memory":
        return lambda: map_from_bytes(data)
    path.write_bytes(data)
    return (lambda: open_in_editor(path)) if how == "editor" else (lambda: load_map(path))


@pytest.mark.slow
def test_a_mutated_exported_pdf_gives_its_map_or_a_refusal(exported_pdf, tmp_path):
    campaign = Campaign("pdf")
    m = Mutator(SEED + 4)
    hot = marks_in(exported_pdf)
    path = tmp_path / "fuzzed export.pdf"
    for n in range(count("pdf")):
        data, recipe = m.mutate_bytes(exported_pdf, hot=hot)
        how = m.pick(["memory"] * 3 + ["file", "editor"])
        campaign.attempt(
            f"#{n} the exported PDF: {recipe} (read from {how})",
            data,
            _reader(data, path, how),
            source="" if how == "memory" else str(path),
            check=usable,
        )
    campaign.assert_clean()


@pytest.mark.slow
def test_hand_built_pdfs_give_their_map_or_a_refusal(tmp_path):
    campaign = Campaign("pdf-built")
    m = PdfMutator(SEED + 5)
    maps = Mutator(SEED + 6)
    path = tmp_path / "fuzzed built.pdf"
    for n in range(count("pdf-built")):
        base = m.rng.randrange(len(DOCS))
        said = [f"#{n} a PDF built by hand with template {base}"]
        if m.chance(0.4):  # the attached map itself mutated
            doc, recipe = maps.mutate_json(DOCS[base])
            payload, how = maps.json_bytes(doc)
            said.append(f"its map: {recipe}{how}")
        else:
            payload = json.dumps(DOCS[base]).encode()
        flate = m.chance(0.5)
        objects = attachment_objects(payload, flate=flate)
        said.append("compressed" if flate else "not compressed")
        if m.chance(0.6):
            objects, recipe = m.mutate_objects(objects)
            said.append(recipe)
        xref = m.pick(["good", "good", "none", "wrong", "loop"])
        extra = m.pick([b""] * 6 + [b"/Encrypt << /Filter /Standard /V 1 /R 2 >>", b"/Root 3 0 R"])
        data = build_pdf(objects, xref=xref, trailer_extra=extra)
        said.append(f"xref {xref}" + (f", trailer {extra!r}" if extra else ""))
        if m.chance(0.2):
            data, recipe = m.mutate_bytes(data, hot=marks_in(data))
            said.append(recipe)
        how = m.pick(["memory"] * 3 + ["file", "editor"])
        said.append(f"read from {how}")
        campaign.attempt(
            "; ".join(said),
            data,
            _reader(data, path, how),
            source="" if how == "memory" else str(path),
            check=usable,
        )
    campaign.assert_clean()


# --- hypothesis ---------------------------------------------------------------------------

hypothesis_pdfs = Campaign("pdf (hypothesis)")


@examples(40)
@given(payload=st.binary(max_size=300), flate=st.booleans())
def test_any_attachment(payload, flate):
    data = build_pdf(attachment_objects(payload, flate=flate))
    hypothesis_pdfs.must(lambda: map_from_bytes(data), usable)


@examples(40)
@given(st.binary(max_size=300))
def test_any_bytes_after_the_pdf_mark(tail):
    hypothesis_pdfs.must(lambda: map_from_bytes(b"%PDF-1.7\n" + tail), usable)


@examples(30)
@given(
    st.dictionaries(
        st.integers(1, 8),
        st.binary(max_size=40)
        | st.sampled_from(
            [b"<< /Names [(cxmapper-map.json) 5 0 R] >>", b"<< /Kids [4 0 R] >>", b"[1 0 R]"]
        ),
        max_size=8,
    )
)
def test_any_objects(objects):
    data = build_pdf({**attachment_objects(b"{}"), **objects})
    hypothesis_pdfs.must(lambda: map_from_bytes(data), usable)


# --- fixed cases --------------------------------------------------------------------------

fixed = Campaign("pdf (fixed cases)")
MAP = json.dumps(DOCS[0]).encode()


def _zeros(megabytes: int) -> bytes:
    """Deflate data of that many MB of zeros, made a MB at a time."""
    packer = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def _with(objects: dict[int, bytes], **kwargs) -> bytes:
    return build_pdf({**attachment_objects(MAP, flate=True), **objects}, **kwargs)


FIXED = {
    "a name tree whose kids are itself": _with({4: b"<< /Kids [4 0 R] >>"}),
    "a name tree of two that point at each other": _with(
        {4: b"<< /Kids [7 0 R] >>", 7: b"<< /Kids [4 0 R] >>"}
    ),
    "a filespec that is its own stream": _with({5: b"<< /Type /Filespec /EF << /F 5 0 R >> >>"}),
    "an xref chain that loops": _with({}, xref="loop"),
    "no xref at all": _with({}, xref="none"),
    "an encrypted trailer": _with({}, trailer_extra=b"/Encrypt << /Filter /Standard /V 1 >>"),
    "a stream length that is a reference to itself": _with(
        {6: pdf_stream(b"/Type /EmbeddedFile", MAP, length=b"6 0 R")}
    ),
    "a negative stream length": _with({6: pdf_stream(b"/Type /EmbeddedFile", MAP, length=b"-5")}),
    "a predictor with no columns": _with(
        {
            6: pdf_stream(
                b"/Type /EmbeddedFile /Filter /FlateDecode /DecodeParms << /Predictor 12 "
                b"/Columns 0 >>",
                zlib.compress(MAP),
            )
        }
    ),
    "a predictor of a hundred million columns": _with(
        {
            6: pdf_stream(
                b"/Type /EmbeddedFile /Filter /FlateDecode /DecodeParms << /Predictor 12 "
                b"/Columns 100000000 >>",
                zlib.compress(MAP),
            )
        }
    ),
    "an attachment that is not deflate data": _with(
        {6: pdf_stream(b"/Type /EmbeddedFile /Filter /FlateDecode", b"not deflate")}
    ),
    "an attachment under an unknown filter": _with(
        {6: pdf_stream(b"/Type /EmbeddedFile /Filter /NoSuchDecode", MAP)}
    ),
    "nesting two thousand arrays deep": _with({3: b"[" * 2_000 + b"]" * 2_000}),
    # (made when the test runs, not when the module is read)
    "an attached map of 33 MB (over the limit), compressed": lambda: build_pdf(
        attachment_objects(b" " * (33 * 1024 * 1024), flate=True)
    ),
    "a deflate bomb: 200 MB of zeros in 200 kB": lambda: _with(
        {6: pdf_stream(b"/Type /EmbeddedFile /Filter /FlateDecode", _zeros(200))}
    ),
    "a mutated map attached": build_pdf(
        attachment_objects(to_json_bytes({**DOCS[0], "schema_version": 1, "curves": []})[0])
    ),
    "only the mark": b"%PDF-",
    "the mark after whitespace, then a JSON map": b"  \n%PDF-" + MAP,
}


@pytest.mark.parametrize("name", list(FIXED))
def test_fixed_case(name, tmp_path):
    path = tmp_path / "case.pdf"
    data = FIXED[name]
    path.write_bytes(data() if callable(data) else data)
    fixed.must(lambda: load_map(path), usable, source=str(path))
