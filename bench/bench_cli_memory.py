"""Peak memory and time of `python -m etl validate` on a 1M-row file (CSV and xlsx).

    python bench/bench_cli_memory.py [--lines 1000000] [--checkout DIR]

Each file is checked by a fresh CLI process under /usr/bin/time -v against a migrated, seeded
SQLite database; peak RSS is the kernel's "Maximum resident set size" of that process. The goal
(issue #14): under 1 GB for a 1M-row file. --checkout runs the same command from another tree
(e.g. an export of the commit before this work) for a before/after row. Files come from
bench/upload_files.py. Writes bench/results/cli_memory.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import time
from pathlib import Path

from common import DATA, PYTHON, ROOT, write_table
from upload_files import csv_file, xlsx_file

INSTANCE = DATA / "cli-instance"


def ensure_database(tree: Path) -> dict:
    """Environment for the CLI: an instance folder with a migrated, seeded SQLite database."""
    env = dict(os.environ, STM_INSTANCE_PATH=str(INSTANCE))
    env.pop("DATABASE_URL", None)
    if not (INSTANCE / "services_trade.sqlite3").exists():
        subprocess.run([PYTHON, "-m", "etl", "init-db"], cwd=tree, env=env, check=True)
    return env


def measure(tree: Path, path: Path, env: dict) -> dict:
    """Run the CLI check of one file; its exit code, peak RSS (MB), wall and CPU seconds."""
    command = "validate" if (tree / "etl" / "cli").exists() and _has_validate(tree) else "load"
    extra = [] if command == "validate" else ["--dry-run"]
    started = time.perf_counter()
    run = subprocess.run(
        ["/usr/bin/time", "-v", PYTHON, "-m", "etl", command, *extra, str(path)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    stats = dict(re.findall(r"^\s*([^:\n]+):\s*(.+)$", run.stderr, re.MULTILINE))
    return {
        "exit": run.returncode,
        "peak_mb": int(stats["Maximum resident set size (kbytes)"]) / 1024,
        "wall": wall,
        "cpu": float(stats["User time (seconds)"]) + float(stats["System time (seconds)"]),
        "out": run.stdout.strip().splitlines()[-1:] or run.stderr.strip().splitlines()[-1:],
    }


def _has_validate(tree: Path) -> bool:
    return '"validate"' in (tree / "etl" / "cli" / "main.py").read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--checkout", type=Path, help="also run the CLI of this tree (before)")
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    args = parser.parse_args()
    files = {"csv": csv_file, "xlsx": xlsx_file}
    trees = [("this work", ROOT)] + ([("before", args.checkout)] if args.checkout else [])
    rows = []
    for label, tree in trees:
        env = ensure_database(tree)
        for fmt in args.formats:
            path = files[fmt](args.lines)
            result = measure(tree, path, env)
            print(label, fmt, result, flush=True)
            rows.append(
                [
                    label,
                    f"{path.name} ({path.stat().st_size / 1e6:.0f} MB)",
                    f"{result['peak_mb']:,.0f}",
                    f"{result['wall']:.0f}",
                    f"{result['cpu']:.0f}",
                    result["exit"],
                    " ".join(result["out"])[:90],
                ]
            )
    write_table(
        "cli_memory",
        f"CLI check of a {args.lines:,}-row report file: `python -m etl validate FILE` "
        "(before: `load --dry-run`), one fresh process each, under /usr/bin/time -v.",
        ["code", "file", "peak RSS MB", "wall s", "CPU s", "exit", "last line"],
        rows,
        ["goal: peak under 1,024 MB for a 1M-row file"],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
