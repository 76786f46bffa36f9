"""Benchmark 1: validated load of a large report CSV vs what a user would otherwise do.

    .venv/bin/python bench/bench_load.py --lines 1000000 --runs 3 [--pg URL]

Measured side by side in one run, each on a fresh database:
- parse:    pandas.read_csv of the file (the floor),
- baseline: pandas.read_csv + DataFrame.to_sql, no validation (what a user would write),
- ours:     etl.intake.load.load_file (read, validate, convert exactly, version, aggregate) —
            on SQLite and, with --pg, on PostgreSQL.
Writes a Markdown table to bench/results/load.md (median and spread over the runs, ratios).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from common import DATA, RESULTS, spread, write_table

from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.migrate import upgrade
from etl.reference import reference_from_seeds
from etl.sample.generate import generate_reports
from etl.seed import load_seeds
from etl.settings import PROJECT_ROOT


def make_file(lines: int, workdir: Path) -> Path:
    """A deterministic synthetic report CSV of about `lines` lines."""
    ref = reference_from_seeds(PROJECT_ROOT / "seeds")
    # ~4.5 lines per enterprise-month, 84 months, ~75% of months reported
    enterprises = max(50, int(lines / (84 * 4.5 * 0.75)))
    frame = generate_reports(n_enterprises=enterprises, ref=ref)
    path = workdir / f"bench_{len(frame)}.csv"
    frame.to_csv(path, index=False)
    return path


def fresh_sqlite(workdir: Path, name: str) -> str:
    """URL of a new migrated, seeded SQLite database."""
    url = f"sqlite:///{workdir / (name + '.sqlite3')}"
    Path(url.split("///")[1]).unlink(missing_ok=True)
    return _prepare(url)


def fresh_pg(admin_url: str, name: str) -> str:
    """URL of a new migrated, seeded PostgreSQL database."""
    with make_engine(admin_url).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return _prepare(admin_url.rsplit("/", 1)[0] + "/" + name)


def _prepare(url: str) -> str:
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        load_seeds(s, PROJECT_ROOT / "seeds")
    engine.dispose()
    return url


def time_parse(path: Path) -> float:
    start = time.perf_counter()
    pd.read_csv(path, dtype=str, keep_default_na=False)
    return time.perf_counter() - start


def time_baseline(path: Path, url: str) -> float:
    engine = make_engine(url)
    start = time.perf_counter()
    frame = pd.read_csv(path)
    frame.to_sql("baseline_lines", engine, if_exists="replace", index=False, chunksize=50_000)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def time_ours(path: Path, url: str) -> float:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    start = time.perf_counter()
    outcome = load_file(factory, path, user="bench")
    elapsed = time.perf_counter() - start
    assert outcome.status == "loaded", outcome.status
    engine.dispose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (database 'app')")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-load-", dir=DATA) as tmp:
        workdir = Path(tmp)
        path = make_file(args.lines, workdir)
        lines = sum(1 for _ in open(path, encoding="utf-8")) - 1
        targets = {"SQLite": lambda i: fresh_sqlite(workdir, f"r{i}")}
        if args.pg:
            targets["PostgreSQL"] = lambda i: fresh_pg(args.pg, f"bench_{i}")
        times: dict[str, list[float]] = {"parse": []}
        for run in range(args.runs):
            times["parse"].append(time_parse(path))
            for name, fresh in targets.items():
                times.setdefault(f"baseline {name}", []).append(time_baseline(path, fresh(run)))
                times.setdefault(f"ours {name}", []).append(time_ours(path, fresh(run)))
                print(f"run {run + 1}: {name} done", flush=True)
    parse = statistics.median(times["parse"])
    rows = []
    for key, samples in times.items():
        med = statistics.median(samples)
        base = times.get(key.replace("ours", "baseline"))
        vs_base = f"{med / statistics.median(base):.2f}×" if key.startswith("ours") else ""
        rows.append([key, spread(samples), f"{lines / med:,.0f}", f"{med / parse:.1f}×", vs_base])
    write_table(
        "load",
        f"Load: one CSV of {lines:,} report lines ({args.runs} runs, each on a "
        "fresh migrated and seeded database).",
        ["what", "time (median, min–max)", "lines/s", "vs parse", "vs baseline"],
        rows,
        [
            "parse = pandas.read_csv (all text); baseline = pandas.read_csv + "
            "DataFrame.to_sql(chunksize=50,000), no validation, no constraints; ours = "
            "etl.intake.load.load_file: read, validate, convert exactly, version, aggregate",
            "goal: ours no slower than the baseline, and within 3× of parse",
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
