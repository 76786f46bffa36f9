"""Build a scale's database once (the other benchmarks reuse it): generate, migrate, load.

    python bench/build_db.py --scale national [--pg postgresql+psycopg://…/app] [--force]

Loads every monthly file through etl.intake.load.load_file, exactly as `python -m etl load` does, and
writes bench/results/build_<scale>[_pg].md: lines, files, total and per-file load time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlalchemy as sa
from common import SCALES, generate, scale_url, spread, timed, write_table

from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.migrate import upgrade
from etl.seed import load_seeds
from etl.settings import PROJECT_ROOT


def fresh_database(url: str, pg_admin: str | None) -> None:
    """Drop and recreate the target database (a SQLite file or a PG database), then migrate."""
    if pg_admin:
        name = url.rsplit("/", 1)[1]
        with make_engine(pg_admin).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    else:
        path = Path(url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        load_seeds(s, PROJECT_ROOT / "seeds")
    engine.dispose()


def is_built(url: str) -> bool:
    """Whether the database exists and holds loaded batches."""
    try:
        engine = make_engine(url)
        with engine.connect() as c:
            loaded = "SELECT count(*) FROM upload_batch WHERE status = 'loaded'"
            n = c.execute(sa.text(loaded)).scalar()
        engine.dispose()
        return bool(n)
    except sa.exc.SQLAlchemyError:
        return False


def build(scale_name: str, pg_admin: str | None = None, force: bool = False) -> str:
    """The scale's database URL, built first unless it is already there."""
    scale = SCALES[scale_name]
    url = scale_url(scale, pg_admin)
    if not force and is_built(url):
        # Built by an older checkout: bring the schema up to date; migrations fill new tables.
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        print(f"{url}: already built (migrated to the current schema)")
        return url
    files = generate(scale)
    fresh_database(url, pg_admin)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    times, lines = [], 0
    for path in files:
        seconds, outcome = timed(lambda p=path: load_file(factory, p, user="bench"))
        assert outcome.status == "loaded", (path, outcome.status)
        times.append(seconds)
        lines += outcome.lines
        print(f"{path.name}: {outcome.lines:,} lines in {seconds:.1f} s", flush=True)
    engine.dispose()
    total = sum(times)
    db = "PostgreSQL" if pg_admin else "SQLite"
    write_table(
        f"build_{scale.name}" + ("_pg" if pg_admin else ""),
        f"Database build, scale **{scale.name}** ({scale.enterprises:,} enterprises × "
        f"{scale.months} months) into {db}: one validated load per monthly file.",
        ["files", "report lines", "total load time", "per file (median, min–max)", "lines/s"],
        [[len(files), f"{lines:,}", f"{total:.0f} s", spread(times), f"{lines / total:,.0f}"]],
        [f"mean lines per file: {lines / len(files):,.0f}"],
    )
    return url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=sorted(SCALES), default="city")
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (database bench_<scale>)")
    parser.add_argument("--force", action="store_true", help="rebuild even if built")
    args = parser.parse_args()
    build(args.scale, args.pg, args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
