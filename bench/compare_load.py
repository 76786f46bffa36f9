"""Before/after of the load fast path: the same file loaded by two checkouts, interleaved.

    python bench/compare_load.py OLD_CHECKOUT [--lines 100000] [--runs 2] [--pg URL]

Each run loads the file into a fresh database with this checkout's etl.intake.load and with OLD's (in a
subprocess started in OLD), alternating so that machine noise hits both alike.
Writes bench/results/load_before_after.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_load import fresh_pg, fresh_sqlite, make_file, time_ours
from common import DATA, PYTHON, spread, write_table

CHILD = """
import sys, time
sys.path.insert(0, '.')
from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
engine = make_engine(sys.argv[1])
start = time.perf_counter()
outcome = load_file(make_session_factory(engine), sys.argv[2], user='bench')
assert outcome.status == 'loaded', outcome.status
print(time.perf_counter() - start)
"""


def time_old(old: Path, path: Path, url: str) -> float:
    out = subprocess.run(
        [PYTHON, "-c", CHILD, url, str(path)], cwd=old, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--pg")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-cmp-", dir=DATA) as tmp:
        workdir = Path(tmp)
        path = make_file(args.lines, workdir)
        lines = sum(1 for _ in open(path, encoding="utf-8")) - 1
        targets = {"SQLite": lambda i: fresh_sqlite(workdir, f"c{i}")}
        if args.pg:
            targets["PostgreSQL"] = lambda i: fresh_pg(args.pg, f"bench_cmp_{i}")
        for run in range(args.runs):
            for name, fresh in targets.items():
                times.setdefault(f"before {name}", []).append(time_old(args.old, path, fresh(run)))
                times.setdefault(f"after {name}", []).append(time_ours(path, fresh(run)))
                print(f"run {run + 1}: {name} done", flush=True)
    rows = []
    for name in ("SQLite", "PostgreSQL"):
        if f"after {name}" in times:
            before, after = times[f"before {name}"], times[f"after {name}"]
            rows.append(
                [
                    name,
                    spread(before),
                    spread(after),
                    f"{statistics.median(before) / statistics.median(after):.2f}×",
                ]
            )
    write_table(
        "load_before_after",
        f"Load fast path, before and after: one CSV of {lines:,} "
        f"lines, {args.runs} interleaved runs each.",
        ["database", "before (median, min–max)", "after", "speed-up"],
        rows,
        [f"before = {args.old.name} checkout; after = this checkout"],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
