"""Shared by the benchmarks: scales, generated data, the built databases, timing and tables.

Generated files and databases live under BENCH_DATA (default /tmp/bench-data), never in the repo;
result tables go to bench/results/. The sample generator is deterministic, so a scale's files are
the same on every machine.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results"))
DATA = Path(os.environ.get("BENCH_DATA", "/tmp/bench-data"))
PYTHON = sys.executable


@dataclass(frozen=True)
class Scale:
    """A generated data set: enterprises × months (the generator's 2015-01..2021-12 range)."""

    name: str
    enterprises: int
    start: int
    end: int

    @property
    def months(self) -> int:
        return (self.end // 100 - self.start // 100) * 12 + self.end % 100 - self.start % 100 + 1

    @property
    def files_dir(self) -> Path:
        return DATA / self.name

    @property
    def sqlite_url(self) -> str:
        return f"sqlite:///{DATA / (self.name + '.sqlite3')}"


SCALES = {
    "city": Scale("city", 2_000, 201501, 202112),
    "national": Scale("national", 50_000, 201701, 202112),
    # --quick: small enough for a smoke run of every script in a few minutes
    "tiny": Scale("tiny", 200, 201901, 202112),
}


def scale_url(scale: Scale, pg_admin: str | None = None) -> str:
    """The built database of a scale: its SQLite file, or database bench_<scale> on a PG server."""
    if pg_admin:
        return pg_admin.rsplit("/", 1)[0] + f"/bench_{scale.name}"
    return scale.sqlite_url


def generate(scale: Scale) -> list[Path]:
    """The scale's monthly CSV files, generated once with `python -m etl generate-sample`."""
    done = scale.files_dir / ".complete"
    if not done.exists():
        subprocess.run(
            [
                PYTHON,
                "-m",
                "etl",
                "generate-sample",
                "--out",
                str(scale.files_dir),
                "--enterprises",
                str(scale.enterprises),
                "--start",
                str(scale.start),
                "--end",
                str(scale.end),
                "--by",
                "month",
            ],
            cwd=ROOT,
            check=True,
        )
        done.touch()
    return sorted(scale.files_dir.glob("synthetic_reports_*.csv"))


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds one call takes (wall clock) and what it returned."""
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear interpolation; the value itself for one sample."""
    data = sorted(samples)
    if len(data) == 1:
        return data[0]
    k = (len(data) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def spread(samples: list[float], unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    """'median (min–max)' of samples, multiplied by scale, in unit."""
    med = statistics.median(samples) * scale
    lo, hi = min(samples) * scale, max(samples) * scale
    return f"{med:.{digits}f} {unit} ({lo:.{digits}f}–{hi:.{digits}f})"


def machine_line() -> str:
    """One line describing where the figures were measured."""
    load = os.getloadavg()
    return (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores "
        f"(shared), load average at the end {load[0]:.2f}"
    )


def write_table(
    name: str, title: str, header: list[str], rows: list[list[str]], notes: list[str] = ()
) -> str:
    """Write bench/results/<name>.md (a title, a Markdown table, notes) and return the text."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    lines = [f"{title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    lines += (
        [""]
        + [f"- {n}" for n in notes]
        + [f"- measured {time.strftime('%Y-%m-%d %H:%M')}; {machine_line()}"]
    )
    text = "\n".join(lines) + "\n"
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    print(text)
    return text
