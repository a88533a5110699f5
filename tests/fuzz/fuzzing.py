"""The fuzzing suite's engine: seeded mutators, hostile values, a bookkeeper of outcomes.

Nothing a file can say stops the editor: every reader is called on mutated inputs and must
either give a sound object or raise MapError (a message naming the file and the place), never
another exception. Each campaign draws its inputs from one seeded `random.Random`, so a run is
repeatable; a failure is reported by its cause (exception type and the cxmapper line it came
from), with the smallest input found for it and how that input was made.

How much is tried, chosen by the environment variable CXMAPPER_FUZZ:

    (unset) or "fast"   the default: 100 to 1,200 inputs per reader, the whole folder in
                        about 25 s on two cores; no time or memory budget checked
    "long"              a long campaign (5 to 10 minutes on two cores): 10,000 maps, 2,000
                        version-1 maps, 2,000 version-2 maps, 5,000 spreadsheets, 5,000
                        Mermaid diagrams, 2,000
                        PDFs (1,000 exported, 1,000 built by hand), 2,000 recovery copies,
                        1,000 base/ours/theirs (2 diffs, 2 merges each), 1,300 runs of the
                        commands, ten times the hypothesis examples (shrunk when they fail); each input
                        held to a time and memory budget (BUDGET_* below)
    a number N          N inputs for every campaign, otherwise as "long"

CXMAPPER_FUZZ_SEED changes the seed (default: fixed, so two runs try the same inputs);
CXMAPPER_FUZZ_SAVE names a folder where each distinct failure's smallest input is written.
The counts of every campaign (tried, loaded, refused with MapError, failed) are printed at the
end of the run (see conftest.py), e.g.:

    CXMAPPER_FUZZ=long nice -n 10 python -m pytest tests/fuzz -q
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import resource
import signal
import time
import traceback
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings

from cxmapper.model.problems import MapError

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((REPO / "resources" / "templates").glob("*.json"))
V1_MAPS = sorted((REPO / "tests" / "data" / "v1").glob("*.json"))
SHEETS = sorted((REPO / "tests" / "data" / "spreadsheets").glob("*.csv"))

# --- how much to try ----------------------------------------------------------------------

_MODE = os.environ.get("CXMAPPER_FUZZ", "").strip().lower()
LONG = _MODE not in ("", "fast", "0")
SEED = int(os.environ.get("CXMAPPER_FUZZ_SEED", "20260519"))
SAVE = os.environ.get("CXMAPPER_FUZZ_SAVE", "")

FAST_COUNTS = {
    "map": 1200,
    "v1map": 300,
    "v2map": 300,
    "csv": 700,
    "mermaid": 700,
    "pdf": 120,
    "pdf-built": 200,
    "recovery": 400,
    "diffmerge": 150,
    "cli": 40,
    "commands": 120,
}
LONG_COUNTS = {
    "map": 10_000,
    "v1map": 2_000,
    "v2map": 2_000,
    "csv": 5_000,
    "mermaid": 5_000,
    "pdf": 1_000,
    "pdf-built": 1_000,
    "recovery": 2_000,
    "diffmerge": 1_000,
    "cli": 300,
    "commands": 1_000,
}


def count(campaign: str) -> int:
    """How many inputs a campaign tries in this run."""
    if _MODE.isdigit() and int(_MODE) > 0:
        return int(_MODE)
    return (LONG_COUNTS if LONG else FAST_COUNTS)[campaign]


def examples(fast: int) -> settings:
    """Hypothesis settings: `fast` examples by default, ten times as many in a long run. The
    default run does not shrink a failing example (shrinking a map can take minutes): the
    failure's cause and traceback are shown as found; the long run shrinks."""
    return settings(
        max_examples=fast * 10 if LONG else fast,
        deadline=None,
        derandomize=not LONG,
        database=None,
        phases=list(Phase) if LONG else [Phase.explicit, Phase.generate],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,
        ],
    )


# A long run holds each input to a budget: this long plus this much per MB of input...
BUDGET_SECONDS = 3.0
BUDGET_SECONDS_PER_MB = 2.0
# ...and the process's peak memory may grow by at most this much plus this many times its size.
BUDGET_MEMORY_BYTES = 300 * 1024 * 1024
BUDGET_MEMORY_FACTOR = 40
HANG_SECONDS = 60  # any run: an input that takes this long is a hang, stopped and reported

# --- what happened: counts and failures -------------------------------------------------

STATS: dict[str, Counter] = defaultdict(Counter)


class Hang(BaseException):  # noqa: N818 - not an Exception: code under test must not catch it
    """An input took HANG_SECONDS."""


@contextlib.contextmanager
def hang_guard(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Stop a reader that runs away (only where signals work: the main thread on POSIX)."""
    if not (hasattr(signal, "setitimer") and _main_thread()):
        yield
        return

    def stop(_signum, _frame):
        raise Hang(f"no answer after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux


def cause_of(exc: BaseException) -> str:
    """An exception's cause, as "TypeError at cxmapper/model/integrity.py:61": the last frame
    in cxmapper (where our code met it), else the last frame of all."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/cxmapper/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return type(exc).__name__
    name = frame.filename.replace("\\", "/")
    name = name[name.rfind("/cxmapper/") + 1 :] if "/cxmapper/" in name else Path(name).name
    return f"{type(exc).__name__} at {name}:{frame.lineno}"


@dataclass
class Failure:
    campaign: str
    cause: str
    error: str
    trace: str
    recipe: str
    sample: Any  # the input (bytes, or what the campaign can make bytes of)
    size: int
    times: int = 1
    doc: Any = None  # the JSON document the input was made of, if any, to shrink
    remake: Any = None
    source: str = ""
    check: Any = None
    shrunk: Any = None


@dataclass
class Campaign:
    """One reader's run: counts every input, keeps the smallest input of each failure cause."""

    name: str
    failures: dict[str, Failure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.stats = STATS[self.name]

    def fail(self, cause: str, error: str, trace: str, recipe: str, sample: Any) -> None:
        self.stats["failed"] += 1
        size = _size(sample)
        known = self.failures.get(cause)
        if known is None:
            self.failures[cause] = Failure(self.name, cause, error, trace, recipe, sample, size)
        else:
            known.times += 1
            if size < known.size:
                known.error, known.trace, known.recipe = error, trace, recipe
                known.sample, known.size = sample, size

    def attempt(
        self,
        recipe: str,
        sample: Any,
        read: Callable[[], Any],
        *,
        source: str = "",
        check: Callable[[Any], None] | None = None,
        doc: Any = None,
        remake: Callable[[Any], tuple[Any, Callable[[], Any]]] | None = None,
    ) -> Any:
        """read(): a result (then check(result), which raises when it is not sound), or
        MapError (its message must name `source`). Anything else is a failure, kept with its
        input; with `doc` and `remake` (a JSON document, and how to make the input and its
        reader from one) the failure is later shrunk to a smaller document. Returns the
        result, or None."""
        self.stats["tried"] += 1
        size = _size(sample)
        rss = _peak_rss() if LONG else 0
        start = time.perf_counter()
        result, refused, failure = outcome(read, check, source)
        self._budget(time.perf_counter() - start, rss, size, recipe, sample)
        if refused:
            self.stats["refused"] += 1
        elif failure is None:
            self.stats["loaded"] += 1
        if failure is not None:
            cause, error, trace = failure
            self.fail(cause, error, trace, recipe, sample)
            if doc is not None and remake is not None:
                known = self.failures[cause]
                if known.sample is sample:
                    known.doc, known.remake, known.source = doc, remake, source
                    known.check = check
            return None
        return result

    def must(
        self, read: Callable[[], Any], check: Callable[[Any], None] | None = None, source=""
    ) -> Any:
        """For hypothesis (and fixed cases): as attempt, but a failure raises at once, so
        hypothesis shrinks the example."""
        self.stats["tried"] += 1
        start = time.perf_counter()
        result, refused, failure = outcome(read, check, source)
        seconds = time.perf_counter() - start
        self.stats["seconds"] += seconds
        self.stats["slowest_ms"] = max(self.stats["slowest_ms"], int(seconds * 1000))
        if failure is not None:
            self.stats["failed"] += 1
            cause, error, trace = failure
            raise AssertionError(f"{cause}: {error}\n{trace}")
        self.stats["refused" if refused else "loaded"] += 1
        return result

    def shrink(self, seconds: float) -> None:
        """Each failure made from a JSON document: the smallest document that fails alike."""
        for f in self.failures.values():
            if f.doc is None or f.remake is None:
                continue

            def same(doc, f=f) -> bool:
                _, read = f.remake(doc)
                return _cause(outcome(read, f.check, f.source)[2]) == f.cause

            small = shrink_json(f.doc, same, seconds)
            sample, _ = f.remake(small)
            f.shrunk = sample

    def _budget(self, seconds: float, rss_before: int, size: int, recipe: str, sample) -> None:
        self.stats["seconds"] += seconds
        self.stats["slowest_ms"] = max(self.stats["slowest_ms"], int(seconds * 1000))
        if not LONG:
            return  # the default run asserts nothing about time or memory
        allowed = BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size / 1e6
        if seconds > allowed:
            self.fail(
                f"slow (over {allowed:.1f} s)",
                f"{seconds:.1f} s for {size} bytes",
                "",
                recipe,
                sample,
            )
        grown = _peak_rss() - rss_before
        if grown > BUDGET_MEMORY_BYTES + BUDGET_MEMORY_FACTOR * size:
            self.fail(
                "memory (peak grew out of proportion)",
                f"peak memory grew {grown // 2**20} MB for {size} bytes",
                "",
                recipe,
                sample,
            )

    def report(self) -> str:
        """Every failure cause with its smallest input, for an assertion message."""
        if SAVE:
            _save(self)
        lines = [f"{len(self.failures)} failure causes in campaign {self.name!r}:"]
        for f in sorted(self.failures.values(), key=lambda f: -f.times):
            lines += [
                "",
                f"== {f.cause} ({f.times} inputs) ==",
                f"   error: {f.error[:400]}",
                f"   made by: {f.recipe[:600]}",
                f"   smallest input ({f.size} bytes): {_shown(f.sample)}",
            ]
            if f.shrunk is not None:
                lines.append(f"   shrunk to ({_size(f.shrunk)} bytes): {_shown(f.shrunk)}")
            if f.trace:
                lines.append("   " + f.trace.replace("\n", "\n   "))
        return "\n".join(lines)

    def assert_clean(self, shrink_seconds: float = 10.0 if LONG else 2.0) -> None:
        if self.failures:
            self.shrink(shrink_seconds)
        assert not self.failures, self.report()


def outcome(
    read: Callable[[], Any], check: Callable[[Any], None] | None, source: str = ""
) -> tuple[Any, bool, tuple[str, str, str] | None]:
    """(result, refused with MapError, failure as (cause, error, traceback) or None)."""
    try:
        with hang_guard():
            result = read()
    except MapError as exc:
        problem = _bad_refusal(exc, source)
        if problem:
            return None, True, (f"MapError {problem}", exc.message()[:300], "")
        return None, True, None
    except (Exception, Hang) as exc:  # the very thing this suite looks for
        return None, False, (cause_of(exc), _said(exc), _trace(exc))
    if result is not None and check is not None:
        try:
            with hang_guard():
                check(result)
        except (Exception, Hang) as exc:
            cause = "after reading (saving, showing): " + cause_of(exc)
            return None, False, (cause, _said(exc), _trace(exc))
    return result, False, None


def _cause(failure: tuple[str, str, str] | None) -> str:
    return failure[0] if failure else ""


def _bad_refusal(exc: MapError, source: str) -> str:
    """What is wrong with a refusal's message, or ''."""
    message = exc.message()
    if not exc.problems or not all(isinstance(p, str) and p.strip() for p in exc.problems):
        return "with an empty problem"
    if source and source not in message:
        return "that does not name the file"
    longest = max(len(p) for p in exc.problems)
    if longest > MAX_PROBLEM:
        return f"with a problem of over {MAX_PROBLEM} characters"
    return ""


MAX_PROBLEM = 600  # a problem is a sentence: it quotes a name or a value, never a whole file


def _said(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def _trace(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    text = "".join(lines)
    return text if len(text) < 4000 else text[:1500] + "\n...\n" + text[-2500:]


def _size(sample: Any) -> int:
    if isinstance(sample, (bytes, bytearray, str)):
        return len(sample)
    if isinstance(sample, (list, tuple)):
        return sum(_size(s) for s in sample)
    return len(repr(sample))


def _shown(sample: Any, limit: int = 700) -> str:
    if isinstance(sample, (list, tuple)):
        return "[" + ", ".join(_shown(s, limit // max(1, len(sample))) for s in sample) + "]"
    text = repr(sample)
    return text if len(text) <= limit else text[: limit - 60] + f"... ({len(text)} chars) ..."


def _save(campaign: Campaign) -> None:
    folder = Path(SAVE)
    folder.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(campaign.failures.values()):
        samples = f.sample if isinstance(f.sample, (list, tuple)) else [f.sample]
        for k, s in enumerate(samples):
            data = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else bytes(s)
            (folder / f"{campaign.name}-{n}-{k}.bin").write_bytes(data)
        (folder / f"{campaign.name}-{n}.txt").write_text(
            f"{f.cause}\n{f.error}\n{f.recipe}\n\n{f.trace}", encoding="utf-8", errors="replace"
        )


def summary_lines() -> list[str]:
    """The counts of every campaign of this run, a line each."""
    lines = []
    total = Counter()
    for name in sorted(STATS):
        s = STATS[name]
        if not s["tried"]:
            continue
        total.update({k: s[k] for k in ("tried", "loaded", "refused", "failed")})
        exits = ", ".join(f"{k} x{s[k]}" for k in sorted(s) if k.startswith("exit "))
        lines.append(
            f"{name:<24} tried {s['tried']:>6}  loaded {s['loaded']:>6}  refused (MapError) "
            f"{s['refused']:>6}  failed {s['failed']:>4}  slowest {s['slowest_ms']:>5} ms  "
            f"total {s['seconds']:.1f} s" + (f"  ({exits})" if exits else "")
        )
    if lines:
        lines.append(
            f"{'all':<24} tried {total['tried']:>6}  loaded {total['loaded']:>6}  refused "
            f"(MapError) {total['refused']:>6}  failed {total['failed']:>4}"
        )
        mode = "long" if LONG else "fast"
        lines.append(f"(mode {mode}, seed {SEED}, peak memory {_peak_rss() // 2**20} MB)")
    return lines


# --- hostile values -------------------------------------------------------------------------

DATES = [
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59.999999-00:01",
    "0001-01-01T00:00:00+00:01",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-05-01T09:30:00",
    "2026-05-01",
    "2026-02-30T00:00:00Z",
    "2026-05-01T24:00:00Z",
    "2026-05-01T09:30:60Z",
    "2026-05-01T09:30:00+24:00",
    "2026-05-01T09:30:00+23:59",
    "2026-05-01T09:30:00.123456789Z",
    "2026-05-01T09:30:00+05:30:15.5",
    "+12026-05-01T09:30:00Z",
    "2026-W18-5T09:30Z",
    "20260501T093000Z",
    "1970-01-01T00:00:00Z",
    "now",
    "",
    "1e10",
]
NUMBERS = [
    0, -1, 1, 2, 3, -3, 6, 255, 2**31, -(2**31), 2**53 + 1, 2**63, -(2**64), 10**30,
    1e308, -1e308, 5e-324, 1e-7, 0.5, -0.0, 2.0, 1_000_000.0, 1_000_000.5, 1e6 + 1e-9, True,
    False,
]  # fmt: skip
STRINGS = [
    "",
    " ",
    "\t",
    "\n",
    "a\nb",
    "a\r\nb",
    "a\rb",
    "a\u2028b",
    "\u2029",
    "\x00",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\x7f",
    "\x85",
    "\x0b\x0c\x1c",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "\u2066x\u2069",
    "\ufeff",
    "\ufffe\uffff",
    "\ud800",
    "x\udfff",
    "\udc80\udcff",
    "\ud83d",
    "🙂",
    "e\u0301" * 50,
    "x" * 64,
    "x" * 65,
    "x" * 201,
    "é" * 201,
    "x" * 2_001,
    "x" * 20_001,
    "#",
    "#GGGGGG",
    "#0072B2",
    '=HYPERLINK("http://x")',
    "../../../etc/passwd",
    "%PDF-1.7",
    "null",
    "-",
    ".",
    "-leading",
    "a b",
    '"',
    "\\",
    "web",
    "<b>x</b>",
    "%% not rated",
    "#58;#59;#9999999;",
    "Ω" * 3,
]
CONTAINERS: list[Any] = [
    [],
    [[]],
    [[[]]],
    [{}],
    {},
    {"": ""},
    {"id": "x"},
    [None],
    [""],
    [1],
    [True],
    ["x"] * 201,
    [["a"]],
    {"a": []},
    [{"id": "a", "name": "A"}],
]
# Values at the edge of what a map may hold (most are allowed): they reach saving and diffing.
EDGE_STRINGS = [
    "Café 東京 🙂", " padded ", "x" * 200, "a\u2028b", "\t", "שלום עולם", "مرحبا", "x" * 20_000,
    "e\u0301", "\u202eevil", "\ufeff", "🙂" * 50, "", "a\tb", "\u00a0", "Σ" * 199, "0", "null",
    "<script>", "=1+1", "%% x", "#58;", "a: b", "\\", '"',
]  # fmt: skip
EDGE_NUMBERS = [0, -2, 2, -1, 1, 1_000_000, 0.0, 999_999.9999, 5e-324, -0.0, 0.1 + 0.2]
EDGE_DATES = [
    "2026-05-01T09:30:00Z", "2026-05-01T09:30:00.123456+05:45", "1970-01-01T00:00:00-12:00",
    "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-00:01",
    "9999-12-31T23:59:59+00:01", "2024-02-29T23:59:59.999999+14:00",
]  # fmt: skip
# JSON text put in place of a value after json.dumps: what json.dumps cannot write itself.
RAW_TOKENS = [
    "1" * 5_000,
    "-" + "9" * 4_400,
    "1e99999",
    "-1e99999",
    "NaN",
    "Infinity",
    "-Infinity",
    "1E400",
    "0." + "0" * 400 + "1",
    "[" * 3_000 + "]" * 3_000,
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 3_000 + "1" + "}" * 3_000,
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"x\\udc00"',
    '"\\u0000"',
    '"\\ud83d\\ude42"',
    '"a\\u2028b"',
    '"\\u202e"',
    "nul",
    "tru",
    '"unterminated',
    "01",
    "-",
    "1.",
    ".5",
    "+1",
    "0x10",
]
# Fields version 2 added, with values a version-1 file should not hold.
V2_FIELDS = {
    "touchpoint": {
        "evidence": ["rumour", 1, [], None, "observed"],
        "sources": [[[]], "x", [1], ["x" * 2_001]],
        "future_feeling": [3, "x", 1.5, True, -2],
        "future_note": [[], 1, "\x00"],
        "future_state": ["gone", "", 0, "new"],
        "leads_to": [[[]], ["tp-nope"], "x", [1], ["t1", "t1"]],
    },
    "department": {"blueprint_layer": ["basement", 7, [], "support"]},
    "map": {"rows": [{}, ["x"], "quotes", ["quotes"] * 9], "curves": ["sideways", [], 2, "both"]},
}
# Dot votes (version 3): a card's counts by topic, and which votes the cards show. Counts and
# topics a map holds, and hostile ones: out of range, of the wrong kind, topics misspelt.
VOTE_TOPICS = ["touchpoints", "pain_points", "opportunities"]
VOTE_COUNTS = [0, 0, 1, 1, 2, 3, 5, 12, 99_999, 100_000]
HOSTILE_VOTE_COUNTS = [
    -1, -100_000, 100_001, 2**31, 2**63, 10**30, True, False, 1.5, 2.0, -0.0, 1e308, "3", "",
    "many", None, [], [3], {}, {"n": 1},
]  # fmt: skip
HOSTILE_VOTE_TOPICS = [
    "dots", "", " ", "Pain points", "pain points", "TOUCHPOINTS", "touchpoint", "pain_points ",
    "opportunity", "votes", "\x00", "\u202epain_points", "x" * 201, "\ud800", "0", "null",
]  # fmt: skip
HOSTILE_VOTES = [[], ["pain_points"], [["pain_points", 1]], "pain_points", 3, True, None, ""]
VOTES_SHOWN = [None, None, *VOTE_TOPICS]
HOSTILE_VOTES_SHOWN = [
    "dots",
    "",
    "Pain points",
    "TOUCHPOINTS",
    1,
    0,
    True,
    [],
    {},
    ["pain_points"],
]

# --- mutators -------------------------------------------------------------------------------


_RAW: list[str] = []


def raw(token: str) -> str:
    """A value that to_json_bytes writes into the JSON text as it is (see RAW_TOKENS): in the
    document it is a marker string, so documents stay plain JSON data."""
    if token not in _RAW:
        _RAW.append(token)
    return f"\x01RAW{_RAW.index(token)}\x01"


def is_raw(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("\x01RAW")


_RAW_MARK = re.compile(r'"\\u0001RAW(\d+)\\u0001"')


class Mutator:
    """A seeded source of mutations (all draws come from `self.rng`)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    # --- bytes ---

    INTERESTING_BYTES = [
        b"\x00", b"\xff", b"\x7f", b"\x80", b"\xc0\x80", b"\xed\xa0\x80", b"\xef\xbb\xbf",
        b"\xff\xfe", b"\xfe\xff", b'"', b"\\", b"{", b"}", b"[", b"]", b",", b":", b"\n", b"\r",
        b"\t", b"\\u", b"\\ud800", b"-", b"e", b"9" * 30, b"%", b"#", b";", b"=", b" ",
    ]  # fmt: skip

    def mutate_bytes(
        self, data: bytes, corpus: list[bytes] = (), hot: list[int] = ()
    ) -> tuple[bytes, str]:
        """1 to 6 byte-level edits; `hot` offsets are favoured (a format's structural marks)."""
        buf = bytearray(data)
        said = []
        for _ in range(self.rng.randint(1, 6)):
            if hot and self.chance(0.5):
                at = min(len(buf), max(0, self.pick(hot) + self.rng.randint(-8, 24)))
            else:
                at = self.rng.randint(0, len(buf))
            op = self.rng.randrange(9)
            if op == 0 and buf and at < len(buf):
                buf[at] ^= 1 << self.rng.randrange(8)
                said.append(f"flip@{at}")
            elif op == 1 and at < len(buf):
                buf[at] = self.rng.randrange(256)
                said.append(f"set@{at}")
            elif op == 2:
                piece = self.pick(self.INTERESTING_BYTES)
                buf[at:at] = piece
                said.append(f"insert {piece[:12]!r}@{at}")
            elif op == 3:
                piece = bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 16)))
                buf[at:at] = piece
                said.append(f"insert random {len(piece)}@{at}")
            elif op == 4:
                n = self._span(len(buf) - at)
                del buf[at : at + n]
                said.append(f"delete {n}@{at}")
            elif op == 5:
                n = self._span(len(buf) - at)
                chunk = bytes(buf[at : at + n])
                times = self.pick([1, 1, 2, 10, 100])
                buf[at:at] = chunk * times
                said.append(f"duplicate {n}x{times}@{at}")
            elif op == 6 and corpus:
                other = self.pick(corpus)
                start = self.rng.randint(0, len(other))
                n = self._span(len(other) - start)
                buf[at:at] = other[start : start + n]
                said.append(f"splice {n}@{at}")
            elif op == 7:
                del buf[at:]
                said.append(f"truncate@{at}")
            else:
                n = self._span(len(buf) - at)
                other = self.rng.randint(0, len(buf))
                chunk = bytes(buf[at : at + n])
                del buf[at : at + n]
                other = min(other, len(buf))
                buf[other:other] = chunk
                said.append(f"move {n} {at}->{other}")
        return bytes(buf), "bytes: " + ", ".join(said)

    def _span(self, room: int) -> int:
        if room <= 0:
            return 0
        return min(room, self.pick([1, 2, 4, 8, 32, 256, 4096]))

    # --- JSON ---

    def hostile(self, like: Any = None) -> Any:
        """A hostile value, often of the same kind as `like` (a date for a date...)."""
        if isinstance(like, str) and self.chance(0.5):
            if len(like) >= 19 and like[4:5] == "-" and like[10:11] == "T":
                return self.pick(DATES)
            return self.pick(STRINGS)
        if isinstance(like, (int, float)) and not isinstance(like, bool) and self.chance(0.5):
            return self.pick(NUMBERS)
        kind = self.rng.randrange(10)
        if kind < 3:
            return self.pick(STRINGS)
        if kind < 5:
            return self.pick(NUMBERS)
        if kind < 6:
            return self.pick(DATES)
        if kind < 8:
            return _copy(self.pick(CONTAINERS))
        if kind < 9:
            return raw(self.pick(RAW_TOKENS))
        return self.pick([None, True, False])

    def edge(self, like: Any) -> Any:
        """A value at the edge of what a map holds, of the kind of `like` (often allowed)."""
        if isinstance(like, str):
            if len(like) >= 19 and like[4:5] == "-" and like[10:11] == "T":
                return self.pick(EDGE_DATES)
            return self.pick(EDGE_STRINGS)
        if isinstance(like, (int, float)) and not isinstance(like, bool):
            return self.pick(EDGE_NUMBERS)
        if isinstance(like, list):
            return like[: self.rng.randint(0, len(like))]
        return like

    def mutate_json(self, doc: Any, edits: int | None = None) -> tuple[Any, str]:
        """A deep copy of `doc` with 1 to 4 edits of its structure; a third of the time only
        values at the edge of what a map holds (most such maps load)."""
        doc = _copy(doc)
        said = []
        gentle = self.chance(0.33)
        for _ in range(edits or self.rng.choice([1, 1, 1, 2, 2, 3, 4])):
            doc, what = self._gentle_edit(doc) if gentle else self._edit(doc)
            said.append(what)
        return doc, "; ".join(said)

    def random_path(self, doc: Any) -> tuple:
        """A place in the document: a walk down from the top, stopping at each level with
        a chance of one in three (the empty path when the document holds nothing)."""
        path: tuple = ()
        node = doc
        while isinstance(node, (dict, list)) and node and len(path) < 12:
            if path and self.chance(0.3):
                break
            key = self.pick(list(node)) if isinstance(node, dict) else self.rng.randrange(len(node))
            path, node = (*path, key), node[key]
        return path

    def _gentle_edit(self, doc: Any) -> tuple[Any, str]:
        if isinstance(doc, dict) and self.chance(0.1):
            return self.vote(doc, hostile=False)
        path = self.random_path(doc)
        if not path or path[0] in ("format", "schema_version"):
            return doc, "nothing"
        new = self.edge(_get(doc, path))
        return _set(doc, path, new), f"{_path_text(path)} = {_short(new)}"

    def _edit(self, doc: Any) -> tuple[Any, str]:
        path = self.random_path(doc)
        if not path:
            return self.hostile(), "replace the whole document"
        parent, key = _parent(doc, path)
        where = _path_text(path)
        value = parent[key] if parent is not None else doc
        op = self.rng.randrange(18)
        if op < 6:  # most often: a hostile value in place of one
            new = self.hostile(value)
            return _set(doc, path, new), f"{where} = {_short(new)}"
        if op == 6 and isinstance(parent, dict):
            del parent[key]
            return doc, f"delete {where}"
        if op == 7 and isinstance(value, dict):
            name = self.pick(
                ["x", "Title", "id ", "__proto__", "evidence", "leads_to", "format", "votes",
                 "votes_shown"]
            )  # fmt: skip
            value[name] = self.hostile()
            return doc, f"{where}.{name} added = {_short(value[name])}"
        if op == 8 and isinstance(value, list) and value:
            times = self.pick([1, 1, 2, 101, 201])
            if times > 200 and self.chance(0.8):
                times = 2
            item = self.pick(value)
            value.extend(_copy(item) for _ in range(times))
            return doc, f"{where}: an item repeated {times} more times (duplicate ids)"
        if op == 9:
            return self._reference(doc, where) or (
                _set(doc, path, [value]),
                f"{where} wrapped in a list",
            )
        if op == 10:
            other = self.random_path(doc)
            new = _copy(_get(doc, other))
            return _set(doc, path, new), f"{where} = the value of {_path_text(other)}"
        if op == 11 and isinstance(doc, dict):
            version = self.pick([0, 1, 1, 1, 2, 2, 3, 4, -1, True, 1.0, "2", None, 10**20, [2]])
            doc["schema_version"] = version
            return doc, f"schema_version = {version!r}"
        if op == 12 and isinstance(value, list):
            return _set(
                doc, path, {str(i): v for i, v in enumerate(value)}
            ), f"{where} as an object"
        if op == 13 and isinstance(value, dict):
            return _set(doc, path, list(value.values())), f"{where} as a list"
        if op == 14 and isinstance(value, list) and len(value) > 1:
            self.rng.shuffle(value)
            return doc, f"{where} shuffled"
        if op == 15 and isinstance(doc, dict):
            return self.version_2_in_1(doc)
        if op == 16 and isinstance(doc, dict):
            return self._grow(doc)
        if op == 17 and isinstance(doc, dict):
            return self.vote(doc, hostile=True)
        new = self.hostile(value)
        return _set(doc, path, new), f"{where} = {_short(new)}"

    def _reference(self, doc: Any, where: str) -> tuple[Any, str] | None:
        """A touchpoint referring to what is not there, to another kind's id, or to itself."""
        tps = doc.get("touchpoints") if isinstance(doc, dict) else None
        if not isinstance(tps, list) or not tps or not isinstance(tps[0], dict):
            return None
        i = self.rng.randrange(len(tps))
        tp = tps[i]
        if not isinstance(tp, dict):
            return None
        ids = [
            p.get("id")
            for key in ("stages", "departments", "channels", "touchpoints")
            for p in (doc.get(key) if isinstance(doc.get(key), list) else [])
            if isinstance(p, dict)
        ]
        target = self.pick([*ids, "nowhere", tp.get("id"), "", "x" * 65, None])
        name = self.pick(
            ["stage_id", "department_id", "channel_id", "contributing_department_ids", "leads_to"]
        )
        tp[name] = (
            [target, target] if name in ("contributing_department_ids", "leads_to") else target
        )
        return doc, f"touchpoints[{i}].{name} refers to {_short(target)}"

    # A map's lists at their limits (and one past): valid maps as big as a file may hold.
    LIMITS = {"stages": 100, "departments": 100, "channels": 100, "touchpoints": 10_000}

    def _grow(self, doc: dict) -> tuple[Any, str]:
        key = self.pick(list(self.LIMITS))
        parts = doc.get(key)
        if not isinstance(parts, list) or not parts or not isinstance(parts[0], dict):
            return doc, "nothing to grow"
        most = self.LIMITS[key] if LONG or key != "touchpoints" else 300
        size = self.pick([most, most, most + 1])
        model = parts[0]
        extra = [
            {**model, "id": f"grown-{k}", ("title" if key == "touchpoints" else "name"): f"N {k}"}
            for k in range(size - len(parts))
        ]
        if key == "touchpoints":
            extra = [{**tp, "leads_to": []} for tp in extra]
        parts.extend(extra)
        return doc, f"{key} grown to {len(parts)}"

    def card_votes(self, hostile: bool = False) -> Any:
        """A card's votes: counts on some topics in any order; `hostile`, with a bad count, a
        topic that is not one, or not an object at all."""
        if hostile and self.chance(0.15):
            return _copy(self.pick(HOSTILE_VOTES))
        topics = self.rng.sample(VOTE_TOPICS, self.rng.randint(0, len(VOTE_TOPICS)))
        votes: dict[str, Any] = {topic: self.pick(VOTE_COUNTS) for topic in topics}
        if hostile:
            kind = self.rng.randrange(5)
            if kind < 2:
                votes[self.pick(VOTE_TOPICS)] = _copy(self.pick(HOSTILE_VOTE_COUNTS))
            elif kind < 4:
                votes[self.pick(HOSTILE_VOTE_TOPICS)] = self.pick(VOTE_COUNTS)
            else:
                votes[self.pick(VOTE_TOPICS)] = raw(self.pick(RAW_TOKENS))
        return votes

    def vote(self, doc: dict, hostile: bool) -> tuple[Any, str]:
        """A dot vote: dots on some cards (or every card), and which votes the cards show;
        `hostile`, some of them values no editor writes."""
        said = []
        tps = doc.get("touchpoints")
        if isinstance(tps, list):
            cards = [i for i, tp in enumerate(tps) if isinstance(tp, dict)]
            voted = self.rng.sample(cards, min(len(cards), self.pick([1, 1, 2, 5, len(cards)])))
            for i in voted:
                tps[i]["votes"] = self.card_votes(hostile and self.chance(0.5))
            said += [f"touchpoints[{i}].votes = {_short(tps[i]['votes'])}" for i in voted[:3]]
            if len(voted) > 3:
                said.append(f"and {len(voted) - 3} more cards")
        if self.chance(0.7):
            shown = HOSTILE_VOTES_SHOWN if hostile and self.chance(0.3) else VOTES_SHOWN
            doc["votes_shown"] = _copy(self.pick(shown))
            said.append(f"votes_shown = {_short(doc['votes_shown'])}")
        return doc, ("hostile " if hostile else "") + "votes: " + ", ".join(said or ["none"])

    def version_3_in_2(self, doc: dict) -> tuple[Any, str]:
        """A version-2 file holding what version 3 brought: votes on a card, votes shown."""
        doc = as_version(doc, 2)
        said = ["schema_version = 2"]
        tps = doc.get("touchpoints")
        cards = (
            [i for i, tp in enumerate(tps) if isinstance(tp, dict)] if isinstance(tps, list) else []
        )
        if cards and self.chance(0.7):
            i = self.pick(cards)
            tps[i]["votes"] = self.card_votes(self.chance(0.3))
            said.append(f"touchpoints[{i}].votes = {_short(tps[i]['votes'])}")
        if not cards or self.chance(0.5):
            doc["votes_shown"] = _copy(self.pick(VOTES_SHOWN + HOSTILE_VOTES_SHOWN[:3]))
            said.append(f"votes_shown = {_short(doc['votes_shown'])}")
        return doc, "a version-2 file with version-3 fields: " + ", ".join(said)

    def version_2_in_1(self, doc: dict) -> tuple[Any, str]:
        doc["schema_version"] = 1
        said = ["schema_version = 1"]
        for key, fields in (("touchpoints", "touchpoint"), ("departments", "department")):
            parts = doc.get(key)
            if isinstance(parts, list) and parts and isinstance(parts[0], dict):
                name = self.pick(list(V2_FIELDS[fields]))
                parts[0][name] = _copy(self.pick(V2_FIELDS[fields][name]))
                said.append(f"{key}[0].{name} = {_short(parts[0][name])}")
        name = self.pick(list(V2_FIELDS["map"]))
        doc[name] = _copy(self.pick(V2_FIELDS["map"][name]))
        said.append(f"{name} = {_short(doc[name])}")
        if self.chance(0.3):  # and what version 3 brought
            doc, more = self.vote(doc, hostile=self.chance(0.3))
            said.append(more)
        return doc, "a version-1 file with later versions' fields: " + ", ".join(said)

    def json_bytes(self, doc: Any) -> tuple[bytes, str]:
        """The document as a file would hold it: usually plain JSON, sometimes odd."""
        return to_json_bytes(
            doc,
            ascii_only=self.chance(0.5),
            indent=self.pick([None] * 8 + [2, "\t"]),
            rng=self.rng if self.chance(0.15) else None,
        )


def as_version(doc: Any, version: int) -> Any:
    """A copy of a map document as a file of an older `version` held it: the later versions'
    fields left out (whatever they said), `schema_version` set."""
    from cxmapper.model.migrations import _NEW_IN

    doc = _copy(doc)
    if not isinstance(doc, dict):
        return doc
    doc["schema_version"] = version
    for since, new in _NEW_IN.items():
        if since <= version:
            continue
        for key, names in new.items():
            parts = doc.get(key) if key else [doc]
            for part in parts if isinstance(parts, list) else []:
                for name in names if isinstance(part, dict) else ():
                    part.pop(name, None)
    return doc


def to_json_bytes(doc: Any, ascii_only=True, indent=None, rng: random.Random | None = None):
    """JSON bytes of `doc`, raw() values written as they are; with `rng`, an odd encoding."""
    text = json.dumps(doc, ensure_ascii=ascii_only, indent=indent)
    if "\\u0001RAW" in text:
        text = _RAW_MARK.sub(lambda m: _RAW[int(m.group(1))], text)
    said = ""
    data = text.encode("utf-8", "surrogatepass")
    if rng is not None:
        how = rng.randrange(6)
        if how == 0:
            data, said = b"\xef\xbb\xbf" + data, " with a BOM"
        elif how == 1:
            data, said = text.encode("utf-16", "surrogatepass"), " in UTF-16"
        elif how == 2:
            data, said = text.encode("latin-1", "replace"), " in Latin-1"
        elif how == 3:
            data, said = data + b"\n{}", " with a second document after it"
        elif how == 4:
            data, said = (
                data.replace(b'"title": ', b'"title": "x", "title": ', 1),
                (" with a key twice"),
            )
        else:
            data, said = b"\n \t" + data + b"\x00", " in whitespace and NUL"
    return data, said


def _copy(doc: Any) -> Any:
    """A deep copy of plain JSON data (through the C encoder: faster than copy.deepcopy)."""
    return json.loads(json.dumps(doc))


def _paths(doc: Any, path: tuple = (), depth: int = 0) -> Iterator[tuple]:
    if depth > 12:
        return
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield (*path, k)
            yield from _paths(v, (*path, k), depth + 1)
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:50]):
            yield (*path, i)
            yield from _paths(v, (*path, i), depth + 1)


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _parent(doc: Any, path: tuple) -> tuple[Any, Any]:
    if not path:
        return None, None
    return _get(doc, path[:-1]), path[-1]


def _set(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    parent, key = _parent(doc, path)
    parent[key] = value
    return doc


def _path_text(path: tuple) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text or "the document"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 20] + f"...({len(text)} chars)"


def shrink_json(doc: Any, still_fails: Callable[[Any], bool], seconds: float = 3.0) -> Any:
    """A smaller document that still fails the same way: greedily drop keys and list items,
    and cut long strings, until nothing more can go or the time is up."""
    deadline = time.monotonic() + seconds
    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        for path in sorted(_paths(doc), key=len):
            if time.monotonic() > deadline:
                break
            try:
                parent, key = _parent(doc, path)
                value = parent[key]
            except (KeyError, IndexError, TypeError):
                continue
            for candidate in _smaller(parent, key, value):
                trial = _copy(doc)
                tparent, _ = _parent(trial, path)
                if candidate is _DROP:
                    del tparent[key]
                else:
                    tparent[key] = candidate
                if still_fails(trial):
                    doc, changed = trial, True
                    break
            if changed:
                break
    return doc


_DROP = object()


def _smaller(parent: Any, key: Any, value: Any) -> Iterator[Any]:
    yield _DROP
    if isinstance(value, str) and len(value) > 8 and not is_raw(value):
        yield value[: len(value) // 2]
    if isinstance(value, list) and len(value) > 1:
        yield value[: len(value) // 2]
        yield value[:1]


# --- spreadsheets ---------------------------------------------------------------------------

CSV_HEADERS = [
    "stage", "touchpoint", "Touch Point", "TITLE", "phase", "feeling", "emotion", "channel",
    "department", "owner", "pain_points", "quote", "time", "order", "evidence", "future_state",
    "future_feeling", "hands_off_to", "department_layer", "contributing_departments",
    "moment_of_truth", "partner_owned", "expectation", "sources", "'=stage", "Stage ",
    "st\u00e4ge", "stage\x00", "", " ", "unknown", "touchpoint",
]  # fmt: skip
CSV_CELLS = [
    "", " ", "3", "-3", "2", "-2", "+1", "1.0", "2.5", "1e308", "-0", "nan", "inf", "-inf",
    "1_0", "٣", "０", "1e400", "1000000", "1000001", "-1", "0x10", "very positive", "NEUTRAL",
    "yes", "no", "✓", "maybe", "observed", "rumour", "new", "retired", "gone", "support",
    "Back-Stage", "basement", "below expectations", "exceeded", "=1+1", "'=1+1", "''", "'",
    "@SUM(A1)", "-cmd", "\t", "\r", "a\nb", "a\r\nb", "\n\n\n", "x\u2028y", "\x00", "a\x00b",
    "\x1b[31m", "\u202e", "\ufeff", '"', '""', '"quoted"', "a,b", "a;b", "a\tb",
    "x" * 201, "x" * 2_001, "x" * 20_001, "Awareness", "Sales", "Web", "web", "WEB ", "é",
    "🙂", "%PDF-", "\\",
]  # fmt: skip


class SheetMutator(Mutator):
    """Spreadsheets: rows and cells, separators, quotes, encodings."""

    def mutate_sheet(self, rows: list[list[str]]) -> tuple[bytes, str]:
        rows = [list(r) for r in rows]
        said = []
        for _ in range(self.rng.choice([1, 1, 2, 3])):
            op = self.rng.randrange(10)
            r = self.rng.randrange(len(rows)) if rows else 0
            if op < 4 and rows and rows[r]:
                c = self.rng.randrange(len(rows[r]))
                rows[r][c] = self.pick(CSV_HEADERS if r == 0 else CSV_CELLS)
                said.append(f"cell [{r}][{c}] = {_short(rows[r][c])}")
            elif op == 4 and rows:
                rows[0].insert(self.rng.randrange(len(rows[0]) + 1), self.pick(CSV_HEADERS))
                said.append(f"header column added: {_short(rows[0])}")
            elif op == 5 and rows and rows[0]:
                del rows[0][self.rng.randrange(len(rows[0]))]
                said.append("a header column removed")
            elif op == 6 and rows:
                rows.insert(r, list(self.pick(rows)))
                said.append(f"row {r} duplicated")
            elif op == 7 and len(rows) > 1:
                del rows[r]
                said.append(f"row {r} removed")
            elif op == 8 and rows and rows[r]:
                c = self.rng.randrange(len(rows[r]))
                rows[r][c] = self.pick(
                    [
                        "x" * self.pick([1 << 20, (1 << 20) + 1, 3 << 20]),
                        "\n".join(f"D{i}" for i in range(self.pick([50, 150, 5000]))),
                    ]
                )
                said.append(f"cell [{r}][{c}] huge or many lines")
            else:
                width = self.pick([0, 1, 2, 30, 1000])
                rows.append([self.pick(CSV_CELLS) for _ in range(width)])
                said.append(f"a row of {width} cells added")
        delimiter = self.pick([","] * 6 + [";", ";", "\t", "|"])
        text = _write_csv(rows, delimiter, self.pick(["\r\n", "\n", "\r"]))
        data, how = self.encode(text)
        said.append(f"delimiter {delimiter!r}{how}")
        if self.chance(0.25):
            data, bytes_said = self.mutate_bytes(data)
            said.append(bytes_said)
        return data, "; ".join(said)

    def encode(self, text: str) -> tuple[bytes, str]:
        how = self.rng.randrange(20) - 10
        if how < 5:
            return text.encode("utf-8", "surrogatepass"), ""
        if how == 5:
            return "\ufeff".encode() + text.encode("utf-8", "surrogatepass"), " UTF-8 with BOM"
        if how == 6:
            return text.encode("utf-16", "surrogatepass"), " UTF-16"
        if how == 7:
            return text.encode("utf-16-le", "surrogatepass"), " UTF-16-LE without BOM"
        if how == 8:
            return text.encode("cp1252", "replace"), " Windows-1252"
        return text.encode("utf-32"), " UTF-32"


def _write_csv(rows: list[list[str]], delimiter: str, newline: str) -> str:
    import csv
    import io

    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


def read_rows(data: bytes) -> list[list[str]]:
    import csv
    import io

    text = data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8-sig")
    first = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# --- Mermaid --------------------------------------------------------------------------------

MERMAID_LINES = [
    "journey", "JOURNEY", "title", "title ", "title x", "section", "section ", "section S",
    "Section s:", "accTitle: x", "accDescr: x", "accDescr {", "accDescr { x }", "}", "---",
    "title: front", "%% not rated", "%%", "%% comment", "# comment", "t: 3", "t: 3: a, b",
    "t:", ":", "::", ": 3", "t: 3: ", "t: 3:,,,", "t: 3: a: b", "t: nan", "t: inf", "t: -inf",
    "t: 1e308", "t: -1e308", "t: 1e309", "t: 0x5", "t: 5.5", "t: -0", "t: ٣", "t: 1_0",
    "t: 2.4999999999999996", "t: 9" * 3, "#58;: 3", "t#59;: 3", "t: 3: #44;a", "#1114111;: 3",
    "#1114112;: 3", "#55296;: 3", "#0;: 3", "#10;: 3", "#quot;: 3", "#amp;#amp;: 3",
    "\tt:\t3\t:\ta", "journey title x", "section journey", "title section", "t %% x: 3",
    "t # x: 3", "t; x: 3", "\u2028t: 3", "t\x00: 3", "\x1b[31mt: 3", "\u202et: 3",
]  # fmt: skip


class MermaidMutator(Mutator):
    def mutate_mermaid(self, text: str) -> tuple[bytes, str]:
        lines = text.splitlines()
        said = []
        for _ in range(self.rng.choice([1, 1, 2, 3])):
            op = self.rng.randrange(9)
            i = self.rng.randrange(len(lines) + 1)
            if op < 3:
                line = self.pick(MERMAID_LINES)
                lines.insert(i, self.pick(["", "  ", "\t", "      "]) + line)
                said.append(f"line {i + 1} inserted: {_short(line)}")
            elif op == 3 and lines:
                del lines[min(i, len(lines) - 1)]
                said.append(f"line {i + 1} removed")
            elif op == 4 and lines:
                k = min(i, len(lines) - 1)
                pos = self.rng.randint(0, len(lines[k]))
                piece = self.pick([":", "::", "#", ";", ",", "%%", "\t", "#58;", "#9999999;", " "])
                lines[k] = lines[k][:pos] + piece + lines[k][pos:]
                said.append(f"line {k + 1}: {piece!r} put at {pos}")
            elif op == 5 and lines:
                k = min(i, len(lines) - 1)
                lines[k] = lines[k] + self.pick(
                    ["x" * 201, "x" * (1 << 20), ", a" * 150, "é" * 300, "\t" * 1000]
                )
                said.append(f"line {k + 1} made long")
            elif op == 6:
                n = self.pick([101, 150, 1_000, 10_001] if LONG else [101, 101, 150, 300, 1_001])
                kind = self.pick(["section S{i}", "t{i}: 3", "t: 3: a{i}", "t: 3: " + "é" * 2])
                lines[i:i] = [kind.format(i=k) for k in range(n)]
                said.append(f"{n} lines of {kind!r} inserted at {i + 1}")
            elif op == 7:
                line = self.pick(MERMAID_LINES)
                lines[i:i] = [line] * self.pick([2, 5, 100])
                said.append(f"line {line!r} repeated at {i + 1}")
            elif lines:
                k = min(i, len(lines) - 1)
                lines[k] = self.pick(STRINGS) + lines[k]
                said.append(f"line {k + 1} prefixed")
        newline = self.pick(["\n", "\r\n", "\r", "\n"])
        text = newline.join(lines) + self.pick(["", newline])
        data = text.encode("utf-8", "surrogatepass")
        if self.chance(0.1):
            data = b"\xef\xbb\xbf" + data
            said.append("BOM")
        if self.chance(0.25):
            data, bytes_said = self.mutate_bytes(data)
            said.append(bytes_said)
        return data, "; ".join(said)


# --- PDFs -----------------------------------------------------------------------------------

ATTACHMENT = b"cxmapper-map.json"


def pdf_stream(entries: bytes, data: bytes, length: bytes | None = None) -> bytes:
    size = str(len(data)).encode() if length is None else length
    return b"<< " + entries + b" /Length " + size + b" >>\nstream\n" + data + b"\nendstream"


def build_pdf(
    objects: dict[int, bytes],
    *,
    root: int = 1,
    xref: str = "good",
    trailer_extra: bytes = b"",
    header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
) -> bytes:
    """A PDF of numbered objects; `xref`: "good", "none", "wrong" (offsets) or "loop" (/Prev
    to itself)."""
    out = bytearray(header)
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects, default=0) + 1
    start = len(out)
    if xref != "none":
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            offset = offsets.get(number, 0)
            if xref == "wrong":
                offset = (offset * 7 + 13) % max(1, start)
            kind = b"n" if number in offsets else b"f"
            out += b"%010d 00000 %s \n" % (offset, kind)
    prev = b" /Prev %d" % start if xref == "loop" else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s %s >>\n" % (size, root, prev, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def attachment_objects(payload: bytes, *, flate: bool = False) -> dict[int, bytes]:
    """The objects of a one-page PDF with `payload` attached as cxmapper-map.json."""
    entries = b"/Type /EmbeddedFile"
    if flate:
        payload, entries = zlib.compress(payload), entries + b" /Filter /FlateDecode"
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        4: b"<< /Names [(" + ATTACHMENT + b") 5 0 R] >>",
        5: b"<< /Type /Filespec /F (" + ATTACHMENT + b") /UF (" + ATTACHMENT + b") "
        b"/EF << /F 6 0 R >> >>",
        6: pdf_stream(entries, payload),
    }


PDF_TOKENS = [
    b"-1", b"0", b"99999999999", b"2147483648", b"1e400", b"-0.0", b"3.4e38", b"1 0 R",
    b"4 0 R", b"6 0 R", b"999 0 R", b"0 0 R", b"-1 0 R", b"5 65535 R", b"null", b"true",
    b"()", b"(", b")", b"<>", b"<0>", b"<zz>", b"<<", b">>", b"[", b"]", b"[" * 2_000,
    b"<<" * 2_000, b"/", b"/#00", b"/#zz", b"/Name" * 50, b"(\\", b"(\\777)",
    b"(cxmapper-map.json)", b"<FEFF00630078>", b"/FlateDecode", b"[/FlateDecode /FlateDecode]",
    b"/ASCIIHexDecode", b"/ASCII85Decode", b"/LZWDecode", b"/RunLengthDecode", b"/DCTDecode",
    b"/JBIG2Decode", b"/Crypt", b"/Unknown", b"<< /Predictor 15 /Columns 0 >>",
    b"<< /Predictor 12 /Columns 100000000 >>", b"<< /Predictor 2 /Colors 0 /BitsPerComponent 0 >>",
    b"[4 0 R 4 0 R]", b"<< /Kids [4 0 R] >>", b"<< /Limits [(a)] /Kids [4 0 R] >>",
    b"[(cxmapper-map.json) 5 0 R (cxmapper-map.json) 5 0 R]", b"stream", b"endstream",
    b"endobj", b"obj", b"xref", b"trailer", b"%%EOF", b"\x00", b"\xff" * 8,
]  # fmt: skip
PDF_MARKS = [
    b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"/Length",
    b"/EmbeddedFiles", b"/Names", b"/EF", b"/Filespec", b"/Filter", b"/Root", b"/Size", b"R",
    b"<<", b">>", b"[",
]  # fmt: skip


def marks_in(data: bytes, marks: list[bytes] = PDF_MARKS) -> list[int]:
    """The offsets of a format's structural marks in `data` (where byte edits hurt most)."""
    found = []
    for mark in marks:
        start = 0
        while len(found) < 5_000:
            at = data.find(mark, start)
            if at < 0:
                break
            found.append(at)
            start = at + 1
    return found


class PdfMutator(Mutator):
    def mutate_objects(self, objects: dict[int, bytes]) -> tuple[dict[int, bytes], str]:
        """Edits to a hand-built PDF's objects: a token replaced, an object dropped or
        made a loop."""
        objects = dict(objects)
        said = []
        for _ in range(self.rng.choice([1, 1, 2, 3])):
            number = self.pick(sorted(objects))
            body = objects[number]
            op = self.rng.randrange(6)
            if op < 3:
                marks = [m for m in marks_in(body, [b" ", b"[", b"<<", b"/", b"("]) if m < 400]
                at = self.pick(marks) if marks else 0
                end = at + self.rng.randint(0, 12)
                token = self.pick(PDF_TOKENS)
                objects[number] = body[:at] + b" " + token + b" " + body[end:]
                said.append(f"object {number}: bytes {at}-{end} = {token[:24]!r}")
            elif op == 3 and len(objects) > 1:
                del objects[number]
                said.append(f"object {number} removed")
            elif op == 4:
                objects[number] = body.replace(b" 0 R", b" %d 0 R" % number, 1)
                said.append(f"object {number} refers to itself")
            else:
                objects[number] = body.replace(
                    b"/Length ",
                    b"/Length " + self.pick([b"0 ", b"-5 ", b"99999999 ", b"1 0 R ", b"6 0 R "]),
                    1,
                )
                said.append(f"object {number}: odd /Length")
        return objects, "; ".join(said)


# --- the readers, as the editor and the commands call them -------------------------------


def roundtrips(journey) -> None:
    """A map that loads must save, and read back from its own bytes as the same map."""
    from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
    from cxmapper.model.journey import JourneyMap

    assert isinstance(journey, JourneyMap), f"not a map: {type(journey).__name__}"
    data = map_to_bytes(journey)
    again = map_from_bytes(data)
    assert again == journey, "the map read back from its own bytes is not the same map"
    assert map_to_bytes(again) == data, "saving the map again gives other bytes"


_DRAWN = [0]


def usable(journey) -> None:
    """A map that loads is a map the editor can work with: it round-trips (roundtrips), it
    goes out as CSV and Mermaid, it does not differ from itself, and it can be drawn (the SVG
    export: the map's layout and drawing without a screen; every fourth map by default, every
    map in a long run)."""
    from cxmapper.model.diff import differences
    from cxmapper.model.mermaid import to_mermaid
    from cxmapper.model.spreadsheet import export_csv

    roundtrips(journey)
    journey.summary()
    export_csv(journey)
    to_mermaid(journey)
    assert differences(journey, journey) == [], "a map differs from itself"
    _DRAWN[0] += 1
    if LONG or _DRAWN[0] % 4 == 1:
        from cxmapper.export.svg import export_svg

        export_svg(journey)


def open_in_editor(path: Path):
    """File > Open (and the command line, and a file dropped on the window): the editor's
    own entry point, which picks the reader by the file's name."""
    from cxmapper.document.document import JourneyDocument

    document = JourneyDocument.open(path)
    document.display_name()
    return document.journey
