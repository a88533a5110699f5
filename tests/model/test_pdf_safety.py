"""Reading a map out of a PDF is safe and bounded: whatever a PDF says, cxmapper inflates one
attachment and never past the map's limit, follows no loop, tries no password, and answers
with a MapError in plain words. The hostile PDFs are built here, byte by byte."""

import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import cxmapper
from cxmapper.export.pdf import export_pdf
from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.pdf_attachment import ATTACHMENT, MAX_NODES, map_bytes_from_pdf
from cxmapper.model.problems import MapError
from cxmapper.model.templates import load_template

MB = 1024 * 1024


# --- PDFs by hand --------------------------------------------------------------------------------
def stream(entries: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def pdf(objects: dict, trailer: bytes = b"") -> bytes:
    """A PDF of these objects (number: body) with a classic cross-reference table; object 1 is
    the catalog."""
    out, offsets = bytearray(b"%PDF-1.7\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number]
            if number in offsets
            else b"0" * 10 + b" 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        trailer,
        xref,
    )
    return bytes(out)


def packed_pdf(objects: dict, packs: dict) -> bytes:
    """The PDF 1.5 way: each pack (object stream number: [(number, body), ...]) is compressed
    into an object stream, and the cross-reference is a stream too. It lists packed objects
    by number, except number 0 (packed, parsed, never asked for)."""
    objects, where = dict(objects), {}
    for pack, members in packs.items():
        head, body = bytearray(), bytearray()
        for index, (number, text) in enumerate(members):
            head += b"%d %d " % (number, len(body))
            body += text + b" "
            if number:
                where[number] = (pack, index)
        entries = b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(members), len(head))
        objects[pack] = stream(entries, zlib.compress(bytes(head + body)))
    out, offsets = bytearray(b"%PDF-1.7\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(*objects, *where) + 2
    offsets[size - 1] = len(out)
    rows = bytearray()
    for number in range(size):
        if number in offsets:
            rows += b"\1" + offsets[number].to_bytes(4, "big") + b"\0\0"
        elif number in where:
            pack, index = where[number]
            rows += b"\2" + pack.to_bytes(4, "big") + index.to_bytes(2, "big")
        else:
            rows += b"\0\0\0\0\0\xff\xff"
    entries = b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode" % size
    out += b"%d 0 obj\n%s\nendobj\n" % (size - 1, stream(entries, zlib.compress(rows)))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[size - 1]
    return bytes(out)


def catalog(tree: bytes) -> dict:
    """Objects 1 and 2: the catalog and its names, with this tree of embedded files."""
    return {1: b"<< /Type /Catalog /Names 2 0 R >>", 2: b"<< /EmbeddedFiles %s >>" % tree}


def with_attachment(entries: bytes, data: bytes, trailer: bytes = b"") -> bytes:
    """A PDF holding one attachment named like the map: this stream (3 the file specification,
    4 the embedded file)."""
    objects = catalog(b"<< /Names [(%s) 3 0 R] >>" % ATTACHMENT.encode())
    objects[3] = b"<< /Type /Filespec /F (%s) /EF << /F 4 0 R >> >>" % ATTACHMENT.encode()
    objects[4] = stream(b"/Type /EmbeddedFile " + entries, data)
    return pdf(objects, trailer)


def deflated_zeros(size: int) -> bytes:
    """`size` zero bytes deflated (about a thousandth of that), made without holding them."""
    packer, chunk = zlib.compressobj(9), bytes(MB)
    return b"".join(packer.compress(chunk) for _ in range(size // MB)) + packer.flush()


def problem(data: bytes) -> str:
    with pytest.raises(MapError) as caught:
        map_from_bytes(data)
    return caught.value.message()


@pytest.fixture(scope="module")
def journey():
    return load_template("product-lifecycle")


# --- what must still work ------------------------------------------------------------------------
def test_a_pdf_cxmapper_exported_still_opens(journey):
    assert map_from_bytes(export_pdf(journey)) == journey


def test_an_uncompressed_attachment_opens(journey):
    assert map_from_bytes(with_attachment(b"", map_to_bytes(journey))) == journey


def test_only_the_first_attachment_named_like_the_map_is_read(journey):
    objects = catalog(b"<< /Names [(%s) 3 0 R (%s) 5 0 R] >>" % ((ATTACHMENT.encode(),) * 2))
    objects[3] = b"<< /EF << /F 4 0 R >> >>"
    objects[4] = stream(b"/Filter /FlateDecode", zlib.compress(map_to_bytes(journey)))
    objects[5] = b"<< /EF << /F 6 0 R >> >>"
    objects[6] = stream(b"/Filter /FlateDecode", b"not deflate data")  # never looked at
    assert map_from_bytes(pdf(objects)) == journey


def test_a_map_in_a_pdf_with_object_streams_opens(journey):
    # as another program might save it again: the catalog, names and file specification packed
    objects = {4: stream(b"/Filter /FlateDecode", zlib.compress(map_to_bytes(journey)))}
    tree = b"<< /Names [(%s) 3 0 R] >>" % ATTACHMENT.encode()
    packed = [*catalog(tree).items(), (3, b"<< /EF << /F 4 0 R >> >>")]
    assert map_from_bytes(packed_pdf(objects, {5: packed})) == journey


def test_the_map_is_found_down_a_tree_of_kids(journey):
    objects = catalog(b"<< /Kids [3 0 R 4 0 R] >>")
    objects[3] = b"<< /Limits [(a) (b)] /Names [(a) null (b) null] >>"
    objects[4] = b"<< /Kids [5 0 R] >>"
    objects[5] = b"<< /Names [(%s) 6 0 R] >>" % ATTACHMENT.encode()
    objects[6] = b"<< /EF << /F 7 0 R >> >>"
    objects[7] = stream(b"", map_to_bytes(journey))
    assert map_from_bytes(pdf(objects)) == journey


# --- refusals, each in plain words ---------------------------------------------------------------
def test_a_pdf_without_the_map_says_so():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_attachment("notes.txt", b"hello")
    out = io.BytesIO()
    writer.write(out)
    assert "has no cxmapper map attached" in problem(out.getvalue())


def test_a_declared_size_over_the_limit_is_refused_before_reading():
    # the stream is not even deflate data: the size alone decides
    data = with_attachment(b"/Params << /Size 1000000000000 >> /Filter /FlateDecode", b"junk")
    assert "too large (over 32 MB)" in problem(data)


def test_a_deflate_bomb_is_refused_while_it_is_read():
    data = with_attachment(b"/Filter /FlateDecode", deflated_zeros(64 * MB))
    assert len(data) < 100_000
    assert "too large (over 32 MB)" in problem(data)


def test_a_declared_size_that_lies_is_caught_while_reading():
    data = with_attachment(b"/Params << /Size 20 >> /Filter /FlateDecode", deflated_zeros(48 * MB))
    assert "too large (over 32 MB)" in problem(data)


def test_the_limit_is_exact():
    body = b"x" * 1000
    for entries, data in ((b"/Filter /FlateDecode", zlib.compress(body)), (b"", body)):
        assert map_bytes_from_pdf(with_attachment(entries, data), 1000) == body
        with pytest.raises(MapError, match="too large"):
            map_bytes_from_pdf(with_attachment(entries, data), 999)


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        (b"/Filter [/FlateDecode /FlateDecode]", "/FlateDecode /FlateDecode"),  # a bomb of bombs
        (b"/Filter /LZWDecode", "/LZWDecode"),
        (b"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", "predictor"),
    ],
)
def test_other_ways_of_storing_the_map_are_refused(entries, said):
    message = problem(with_attachment(entries, b"anything"))
    assert "stored in a way cxmapper cannot read" in message and said in message


def test_a_damaged_or_cut_attachment_is_said():
    whole = zlib.compress(b'{"format": "cxmapper"}' * 100)
    assert "damaged" in problem(with_attachment(b"/Filter /FlateDecode", b"not deflate data"))
    assert "cut short" in problem(with_attachment(b"/Filter /FlateDecode", whole[:20]))


def aes_256_encrypted() -> bytes:
    """An AES-256 (revision 6) encrypted PDF, as far as a reader can tell before the password:
    pypdf cannot even try the empty one without the optional `cryptography`."""
    encrypt = (
        b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <%s> /U <%s> /OE <%s> /UE <%s>"
        b" /Perms <%s> /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"
        b" /StmF /StdCF /StrF /StdCF >>"
    ) % (b"11" * 48, b"22" * 48, b"33" * 32, b"44" * 32, b"55" * 16)
    objects = catalog(b"<< /Names [(%s) 3 0 R] >>" % ATTACHMENT.encode())
    objects[3] = b"<< /EF << /F 4 0 R >> >>"
    objects[4] = stream(b"", b"{}")
    objects[5] = encrypt
    file_id = b"<00112233445566778899aabbccddeeff>"
    return pdf(objects, b"/Encrypt 5 0 R /ID [%s %s] " % (file_id, file_id))


def test_an_aes_256_encrypted_pdf_is_said_to_be_encrypted():
    data = aes_256_encrypted()
    try:
        import cryptography  # noqa: F401
    except ImportError:  # what used to end in a traceback
        from pypdf.errors import DependencyError

        with pytest.raises(DependencyError):
            PdfReader(io.BytesIO(data))
    assert problem(data) == "this PDF is encrypted; cxmapper cannot read a map from it"


def test_an_rc4_encrypted_pdf_is_said_to_be_encrypted_even_without_a_password():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_attachment(ATTACHMENT, b"{}")
    writer.encrypt("", "owner", algorithm="RC4-128")  # no `cryptography` needed for RC4
    out = io.BytesIO()
    writer.write(out)
    assert problem(out.getvalue()) == "this PDF is encrypted; cxmapper cannot read a map from it"


def test_a_name_tree_that_loops_is_refused():
    objects = catalog(b"3 0 R")
    objects[3] = b"<< /Kids [4 0 R] >>"
    objects[4] = b"<< /Kids [5 0 R 3 0 R] >>"
    objects[5] = b"<< /Names [(a) null] >>"
    assert "malformed (it loops)" in problem(pdf(objects))


def test_a_huge_or_deep_name_tree_is_refused():
    wide = catalog(b"3 0 R")
    wide[3] = b"<< /Kids [%s] >>" % (b"4 0 R " * 50_000)  # one node, named 50,000 times
    wide[4] = b"<< /Names [(a) null] >>"
    deep = catalog(b"10 0 R")
    for number in range(10, 10 + MAX_NODES):
        deep[number] = b"<< /Kids [%d 0 R] >>" % (number + 1)
    for objects in (wide, deep):
        assert "malformed (too large or too deep)" in problem(pdf(objects))


def test_a_stream_in_the_name_tree_is_refused_before_another_is_loaded():
    objects = catalog(b"3 0 R")
    objects[3] = b"<< /Kids [%s] >>" % b"".join(b"%d 0 R " % n for n in range(10, 60))
    for number in range(10, 60):  # each node a stream of 80 KB: together the whole file
        objects[number] = stream(b"/Names [(a) null]", b"x" * 80_000)
    assert problem(pdf(objects)).endswith("its list of attached files is malformed")


def test_a_file_that_is_not_a_pdf_inside_is_refused():
    assert "this PDF cannot be read" in problem(b"%PDF-1.7\n" + bytes(range(256)) * 10)


# --- memory and time, measured in a process of their own -----------------------------------------
def many_maps(journey) -> bytes:
    """3,000 attachments all named like the map, each a megabyte deflated: a 3.9 MB file that
    pypdf's `reader.attachments` inflated whole (3 GB, 25 seconds). The first is the real map."""
    decoy = zlib.compress(b" " * MB, 9)
    objects, names = {}, b""
    for i in range(3000):
        spec, file = 10 + 2 * i, 11 + 2 * i
        data = zlib.compress(map_to_bytes(journey)) if i == 0 else decoy
        objects[file] = stream(b"/Params << /Size %d >> /Filter /FlateDecode" % MB, data)
        objects[spec] = b"<< /Type /Filespec /F (%s) /EF << /F %d 0 R >> >>" % (
            ATTACHMENT.encode(),
            file,
        )
        names += b"(%s) %d 0 R " % (ATTACHMENT.encode(), spec)
    objects.update(catalog(b"<< /Names [%s] >>" % names))
    return pdf(objects)


def packed_kids() -> bytes:
    """A name tree whose 50 nodes each sit in an object stream of their own, each unpacking to
    900 KB (unpacking and parsing them all took pypdf 10 seconds)."""
    objects = catalog(b"3 0 R")
    objects[3] = b"<< /Kids [%s] >>" % b"".join(b"%d 0 R " % n for n in range(100, 150))
    pad = b"(%s)" % (b"0" * 900_000)
    packs = {1000 + n: [(n, b"<< /Names [(a) null] >>"), (0, pad)] for n in range(100, 150)}
    return packed_pdf(objects, packs)


def packed_catalog() -> bytes:
    """The catalog in an object stream with 300,000 tiny objects beside it, which pypdf would
    parse, every one, to find the catalog."""
    tiny = [(0, b"0")] * 300_000
    return packed_pdf({}, {2: [(1, b"<< /Type /Catalog >>"), *tiny]})


# Each file read in turn, timed; then the process's peak resident memory.
MEASURE = """
import json, sys, time
from cxmapper.model.fileformat import map_from_bytes
from cxmapper.model.problems import MapError
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    start = time.perf_counter()
    try:
        said = "opened: " + map_from_bytes(data).summary()
    except MapError as exc:
        said = exc.message()
    print(json.dumps([path, said, time.perf_counter() - start]))
# (VmHWM: this process's own peak; getrusage's would count the test run it was forked from)
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) if "VmHWM:" in status else 0
print(json.dumps(["peak", peak * 1024]))
"""


def test_hostile_pdfs_stay_within_memory_and_time(journey, tmp_path):
    too_large = "the map attached to this PDF is too large (over 32 MB)"
    cases = {
        "many-maps": (many_maps(journey), f"opened: {journey.summary()}"),
        "deflate-bomb": (
            with_attachment(b"/Filter /FlateDecode", deflated_zeros(64 * MB)),
            too_large,
        ),
        "size-lies": (
            with_attachment(
                b"/Params << /Size 20 >> /Filter /FlateDecode", deflated_zeros(48 * MB)
            ),
            too_large,
        ),
        "packed-kids": (packed_kids(), "too complex to read safely (too many object streams)"),
        "packed-catalog": (packed_catalog(), "too complex to read safely"),
    }
    paths = []
    for name, (data, _) in cases.items():
        assert len(data) < 5 * MB, name
        paths.append(tmp_path / f"{name}.pdf")
        paths[-1].write_bytes(data)
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(cxmapper.__file__).parents[1])},
    )
    assert run.returncode == 0, run.stderr
    *results, (_, peak) = map(json.loads, run.stdout.splitlines())
    for (_, said, seconds), (name, (_, expected)) in zip(results, cases.items(), strict=True):
        assert expected in said, (name, said)
        assert seconds < 10, (name, seconds)
    assert peak < 300 * MB


def test_a_cross_reference_table_of_hundreds_of_thousands_of_objects_is_refused_unread():
    n = 300_000
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i in range(1, n + 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n<<>>\nendobj\n" % i
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (n + 1)
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n + 1, xref)
    assert "too complex to read safely" in problem(bytes(body))


def test_a_damaged_cross_reference_table_is_refused_at_once_not_rebuilt(journey):
    data = bytearray(export_pdf(journey))
    at = data.rfind(b"startxref")
    data[at + 10 : at + 14] = b"9999"  # the table is not where the file says
    assert "damaged" in problem(bytes(data))
