"""Read the map that cxmapper attaches to the PDFs it exports (a shared PDF is never a dead end).

A PDF from anywhere is data, and a small one can ask for a lot: thousands of attachments, a
stream that inflates a thousandfold, a tree of attachments that loops. So pypdf (pure Python,
nothing executed or fetched) only parses the file's structure, under limits far below its own
defaults, and the attachment is found and read here:

- the name tree of embedded files is walked by name, with limits on its depth and size; nothing
  is decompressed on the way, and a node that is a stream, or that comes back, is refused;
- only the first attachment named cxmapper-map.json is read: its declared size is checked first,
  then it is inflated with a cap of one byte over the limit, so a size that lies is caught while
  the stream is read and no more than limit + 1 bytes are ever held;
- an encrypted PDF is refused as such (cxmapper never writes one).

Every failure is a MapError in plain words.
"""

from __future__ import annotations

import io
import logging
import re
import zlib

from cxmapper.model.problems import MapError

try:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        StreamObject,
    )
except ImportError:  # pragma: no cover - pypdf is a dependency
    PdfReader = None

ATTACHMENT = "cxmapper-map.json"

# The name tree of attachments: a cxmapper PDF has one node, holding one name.
MAX_DEPTH = 10
MAX_NODES = 100
MAX_NAMES = 10_000
# pypdf's own limits while it parses the file's structure (its cross-reference and object
# streams; it never decompresses the attachment). Its defaults suit PDFs in general: 75 MB a
# stream, 2 million cross-reference entries. A map's PDF needs far less, and a small hostile file
# could otherwise make it unpack and parse hundreds of megabytes.
PARSER_LIMITS = {
    name: 1024 * 1024
    for name in (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "brotli_maximum_output_length",
        "array_based_stream_maximum_output_length",
    )
} | {"zlib_maximum_recovery_input_length": 64 * 1024}
MAX_XREF_ENTRIES = 250_000
MAX_OBJECT_STREAMS = 4  # object streams unpacked to reach the attachment

ENCRYPTED = "this PDF is encrypted; cxmapper cannot read a map from it"
NO_MAP = (
    "this PDF has no cxmapper map attached: only PDFs that cxmapper exported open "
    "(open the .json map instead)"
)
MALFORMED = "this PDF is damaged: its list of attached files is malformed"


def map_bytes_from_pdf(data: bytes, limit: int) -> bytes:
    """The attached map's JSON bytes, or MapError saying why there is none."""
    if PdfReader is None:  # pragma: no cover - pypdf is a dependency
        raise MapError(["this is a PDF, and reading maps from PDFs needs pypdf"])
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd PDFs are noise here
    try:
        with apply_configuration(**PARSER_LIMITS):
            reader = _open(data)
            return _contents(_Walk(reader).attachment(), limit)
    except MapError:
        raise
    except LimitReachedError as exc:
        raise MapError([f"this PDF is too complex to read safely ({_said(exc)})"]) from None
    except Exception as exc:  # whatever a damaged or hostile file makes the parser raise
        raise MapError([f"this PDF cannot be read: it seems damaged ({_said(exc)})"]) from None


def _open(data: bytes) -> PdfReader:
    """pypdf's reader, stopping at encryption instead of trying the empty password (for AES-256
    that needs the optional `cryptography`, and the attachment would still be unreadable)."""

    class Reader(PdfReader):
        def _handle_encryption(self, password: object) -> None:  # only when /Encrypt is there
            raise MapError([ENCRYPTED])

    # A classic cross-reference table is read whole, an entry per 20-byte line: counted first.
    entries = sum(data.count(line) for line in (b" n \n", b" n\r\n", b" n \r", b" f \n"))
    if entries > MAX_XREF_ENTRIES:
        raise LimitReachedError(f"{entries:,} cross-reference entries")
    # strict: a damaged file is refused at once, not rebuilt by a scan of every byte (slow, and
    # cxmapper's own PDFs are never damaged)
    reader = Reader(io.BytesIO(data), strict=True, xref_stream_maximum_entries=MAX_XREF_ENTRIES)
    if reader.is_encrypted:  # should a later pypdf stop calling the method above
        raise MapError([ENCRYPTED])
    return reader


class _Walk:
    """Follows references to the map's embedded file, counting what following them costs."""

    def __init__(self, reader: PdfReader) -> None:
        self.reader = reader
        self.object_streams: set[int] = set()
        self.seen: set[tuple[int, int]] = set()

    def attachment(self) -> StreamObject:
        """The embedded file stream of the first attachment named cxmapper-map.json."""
        root = self.dictionary(self.reader.trailer.get("/Root"))
        names = self.dictionary(root.get("/Names")) if root is not None else None
        tree = names.get("/EmbeddedFiles") if names is not None else None
        spec = self.dictionary(self.first_named(tree)) if tree is not None else None
        if spec is None:
            raise MapError([NO_MAP])
        files = self.dictionary(spec.get("/EF"))
        stream = self.resolve(files.get("/F") or files.get("/UF")) if files is not None else None
        if not isinstance(stream, StreamObject):
            raise MapError([f"this PDF names a {ATTACHMENT} but does not hold it"])
        return stream

    def first_named(self, tree: object) -> object:
        """The value for ATTACHMENT in the name tree, depth first in the tree's order."""
        stack, queued, compared = [(tree, 0)], 1, 0
        while stack:
            ref, depth = stack.pop()
            if isinstance(ref, IndirectObject):
                key = (ref.idnum, ref.generation)
                if key in self.seen:
                    raise MapError([f"{MALFORMED} (it loops)"])
                self.seen.add(key)
            node = self.dictionary(ref)
            if node is None:
                continue
            pairs = self.array(node.get("/Names")) or []
            for i in range(0, len(pairs) - 1, 2):
                compared += 1
                if compared > MAX_NAMES:
                    raise MapError([f"{MALFORMED} (more than {MAX_NAMES} names)"])
                if self.is_the_map(pairs[i]):
                    return pairs[i + 1]
            kids = self.array(node.get("/Kids")) or []
            queued += len(kids)
            if kids and (depth >= MAX_DEPTH or queued > MAX_NODES):
                raise MapError([f"{MALFORMED} (too large or too deep)"])
            stack.extend((kid, depth + 1) for kid in reversed(kids))
        return None

    def is_the_map(self, name: object) -> bool:
        name = self.resolve(name)
        if isinstance(name, str):  # pypdf's text strings
            return name == ATTACHMENT
        return isinstance(name, bytes) and bytes(name) == ATTACHMENT.encode()

    def resolve(self, value: object) -> object:
        """The object a reference points to. Unpacking an object stream costs up to a megabyte
        and parsing all of it, so only a few distinct ones are unpacked."""
        if not isinstance(value, IndirectObject):
            return value
        # pypdf's table of objects kept in object streams (were it ever renamed: no count)
        stream_number = getattr(self.reader, "xref_objStm", {}).get(value.idnum, (None,))[0]
        if stream_number is not None and value.generation == 0:
            self.object_streams.add(stream_number)
            if len(self.object_streams) > MAX_OBJECT_STREAMS:
                raise MapError(["this PDF is too complex to read safely (too many object streams)"])
        return value.get_object()

    def dictionary(self, value: object) -> DictionaryObject | None:
        return self.checked(value, DictionaryObject)

    def array(self, value: object) -> ArrayObject | None:
        return self.checked(value, ArrayObject)

    def checked(self, value: object, kind: type) -> object:
        """`value` resolved if it is a `kind`, None if it is something else. A stream where a
        dictionary belongs is refused at once: its data is loaded, and no more must be."""
        value = self.resolve(value)
        if isinstance(value, StreamObject):
            raise MapError([MALFORMED])
        return value if isinstance(value, kind) else None


def _contents(stream: StreamObject, limit: int) -> bytes:
    """The stream's bytes, decompressed here and never past `limit` + 1 bytes."""
    too_large = MapError(
        [f"the map attached to this PDF is too large (over {limit // (1024 * 1024)} MB)"]
    )
    params = _direct(stream.get("/Params"))
    size = params.get("/Size") if isinstance(params, DictionaryObject) else None
    if isinstance(size, int) and size > limit:  # declared: refused before reading anything
        raise too_large
    raw = stream._data  # the bytes as stored (pypdf reads them; it decodes only on request)
    filters = _filters(stream)
    if not filters:
        data = raw
    elif filters == ["/FlateDecode"]:
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(raw, limit + 1)
        except zlib.error:
            raise MapError([f"the map attached to this PDF is damaged ({ATTACHMENT})"]) from None
        if len(data) <= limit and not inflater.eof:
            raise MapError([f"the map attached to this PDF is cut short ({ATTACHMENT})"])
    else:
        stored = " ".join(filters)[:80]
        raise MapError(
            [f"the map attached to this PDF is stored in a way cxmapper cannot read ({stored})"]
        )
    if len(data) > limit:
        raise too_large
    return data


def _filters(stream: StreamObject) -> list[str]:
    """The names of the stream's filters ("/Fl" is short for "/FlateDecode"). Parameters that
    ask for more than inflating (a predictor) count as one more: cxmapper only inflates."""
    found = _direct(stream.get("/Filter"))
    listed = found if isinstance(found, ArrayObject) else [] if found is None else [found]
    filters = [
        "/FlateDecode" if name == "/Fl" else str(name) if isinstance(name, NameObject) else "?"
        for name in listed[:8]
    ]
    params = _direct(stream.get("/DecodeParms"))
    if isinstance(params, ArrayObject):
        params = _direct(params[0]) if params else None
    if isinstance(params, DictionaryObject) and params.get("/Predictor", 1) != 1:
        filters.append("with a predictor")
    return filters


def _direct(value: object) -> object:
    """`value`, or what it refers to (a stream's own entries: a few lookups, never a walk)."""
    return value.get_object() if isinstance(value, IndirectObject) else value


def _said(exc: BaseException) -> str:
    """An error from the parser, short and on one line (its text may quote the file)."""
    text = re.sub(r", \d{9,}\)", ")", f"{type(exc).__name__}: {exc}")  # no memory addresses
    return "".join(c if c.isprintable() else "?" for c in text)[:160]
