"""Measure what the performance targets talk about; prints a table.

    python benchmarks/run.py            (after pip install .)

File format and spreadsheet costs at 50 / 500 / 2,000 touchpoints. Later issues add the canvas
(scene build, drag step, drop) and the PDF export to this same table.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from cxmapper.model.fileformat import load_map, map_from_bytes, map_to_bytes, save_map
from cxmapper.model.journey import JourneyMap, Touchpoint
from cxmapper.model.spreadsheet import export_csv, import_csv
from cxmapper.model.templates import load_template

SIZES = (50, 500, 2000)


def map_with(n: int) -> JourneyMap:
    """The product-lifecycle template grown to n touchpoints spread over its stages and lanes."""
    base = load_template("product-lifecycle")
    samples = base.touchpoints
    touchpoints = []
    for i in range(n):
        like = samples[i % len(samples)]
        touchpoints.append(
            Touchpoint(
                **{
                    **like.model_dump(),
                    "id": f"tp-{i}",
                    "title": f"{like.title} {i}",
                    "stage_id": base.stages[i % len(base.stages)].id,
                    "position": float(i),
                }
            )
        )
    return JourneyMap.model_validate(
        {**base.model_dump(), "touchpoints": [t.model_dump() for t in touchpoints]}
    )


def best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def measure(journey: JourneyMap, path: Path) -> dict[str, float]:
    data = map_to_bytes(journey)
    sheet = export_csv(journey)
    versions = [journey, journey.model_copy(update={"title": "Edited"})]

    def save_a_change() -> None:  # alternate contents: saving identical bytes is skipped
        versions.reverse()
        save_map(versions[0], path)

    return {
        "validate+parse": best_of(lambda: map_from_bytes(data)),
        "serialise": best_of(lambda: map_to_bytes(journey)),
        "save (atomic)": best_of(save_a_change),
        "load file": best_of(lambda: load_map(path)),
        "csv export": best_of(lambda: export_csv(journey)),
        "csv import": best_of(lambda: import_csv(sheet)),
    }


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            journey = map_with(n)
            size_kb = len(map_to_bytes(journey)) / 1024
            rows.append((n, size_kb, measure(journey, Path(folder) / f"m{n}.json")))
    names = list(rows[0][2])
    print(f"{'touchpoints':>11} {'file KB':>8} " + " ".join(f"{n + ' ms':>16}" for n in names))
    for n, kb, times in rows:
        print(f"{n:>11} {kb:>8.0f} " + " ".join(f"{times[k]:>16.1f}" for k in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
