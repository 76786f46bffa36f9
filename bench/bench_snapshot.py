"""Benchmark 4: the month snapshot (xlsx + HTML) at a built scale.

    python bench/bench_snapshot.py [--scale national] [--runs 3] [--month 2021-12] [--db PATH]

Runs etl.snapshot.archive.make_snapshot as `python -m etl snapshot --out DIR --no-pdf` does
(written to a scratch directory, so nothing is archived and every run does the full work).
Writes bench/results/snapshot.md.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
from pathlib import Path

from common import DATA, SCALES, scale_url, spread, timed, write_table

from etl.db import make_engine, make_session_factory
from etl.periods import parse_period
from etl.settings import Settings
from etl.snapshot.archive import make_snapshot


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="national")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--month", default="2021-12")
    parser.add_argument("--region", default="120000")
    parser.add_argument("--pg", help="admin URL: use the scale's PostgreSQL build")
    parser.add_argument("--db", help="a copy of the scale's SQLite build to use instead")
    args = parser.parse_args()
    url = f"sqlite:///{args.db}" if args.db else scale_url(SCALES[args.scale], args.pg)
    settings = Settings(instance_path=DATA / "instance", database_url=url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    month = parse_period(args.month)
    times, cpu, sizes = [], [], {}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as tmp:
            before = _cpu_seconds()
            seconds, out = timed(
                lambda: make_snapshot(
                    factory, settings, month, args.region, out_dir=Path(tmp), pdf=False
                )
            )
            times.append(seconds)
            cpu.append(_cpu_seconds() - before)
            sizes = {kind: path.stat().st_size for kind, path in out.files.items()}
    engine.dispose()
    write_table(
        "snapshot",
        f"Snapshot: month {args.month}, region {args.region}, xlsx + HTML "
        f"(no PDF), scale **{args.scale}** ({'PostgreSQL' if args.pg else 'SQLite'}).",
        ["what", "time (median, min–max)", "CPU user+sys, all threads (median)", "runs", "goal"],
        [
            [
                "make_snapshot (read as of the latest data event, protect, write)",
                spread(times),
                f"{statistics.median(cpu):.2f} s",
                len(times),
                "met" if statistics.median(times) < 5 else "missed (< 5 s)",
            ]
        ],
        ["files: " + ", ".join(f"{k} {v / 1024:.0f} KiB" for k, v in sorted(sizes.items()))],
    )
    return 0


def _cpu_seconds() -> float:
    # The machine is shared: CPU time is steadier than wall time under others' load.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    raise SystemExit(main())
