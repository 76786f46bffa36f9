"""The command line: exit codes, outcomes, and summary numbers equal to the query layer's."""

from __future__ import annotations

import json

import pytest

from etl.cli.main import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from etl.db import make_engine, make_session_factory
from etl.filters import ReportFilter
from etl.queries import figures as queries_figures
from tests.db.helpers import line, write_report

ROWS = [
    line(1, "2019-06", "出口", "SC", 1, "US", "100"),
    line(1, "2019-06", "进口", "SJ", 1, "DE", "40"),
    line(2, "2019-06", "出口", "SD", 2, "JP", "690", "CNY", "万元"),
    line(2, "2018-06", "出口", "SD", 2, "JP", "600", "CNY", "万元"),
    line(3, "2019-06", "出口", "SI", 3, "US", "999"),
]


def run(settings, capsys, *argv) -> tuple[int, str]:
    code = main(list(argv), settings=settings)
    return code, capsys.readouterr().out


def test_usage_errors_exit_2(settings, capsys):
    """Unknown subcommands and missing arguments are usage errors."""
    assert main(["nonsense"], settings=settings) == EXIT_USAGE
    assert main(["load"], settings=settings) == EXIT_USAGE
    assert main(["targets", "--as-of", "June"], settings=settings) == EXIT_USAGE


def test_load_summary_retract_round_trip(settings, capsys, tmp_path):
    """load → summary (same numbers as the query layer) → reload unchanged → retract."""
    path = write_report(tmp_path / "r.csv", ROWS)
    code, out = run(settings, capsys, "load", str(path))
    assert code == EXIT_OK and "loaded as batch 1" in out and "4 new" in out
    code, out = run(settings, capsys, "load", str(path))
    assert code == EXIT_OK and "unchanged" in out

    code, out = run(
        settings, capsys, "summary", "--year", "2019", "--month", "6", "--format", "json"
    )
    assert code == EXIT_OK
    rows = {r["code"]: r for r in json.loads(out)["rows"]}
    factory = make_session_factory(make_engine(settings.database_url))
    with factory() as s:
        by_dir = queries_figures.totals(s, ReportFilter(201901, 201906), ("direction",))
    expected = dict(zip(by_dir["direction"], by_dir["amount"]))
    assert rows["X"]["current_usd_minor"] == expected["X"]
    assert rows["M"]["current_usd_minor"] == expected["M"] == 40 * 1_000_000
    assert rows["TOTAL"]["current_usd_minor"] == expected["X"] + expected["M"]  # mode 3 excluded
    assert rows["TOTAL"]["name_zh"] == "服务进出口总额"

    code, out = run(settings, capsys, "summary", "--year", "2019", "--month", "6", "--by", "mode")
    assert code == EXIT_OK and "商业存在" in out and "跨境提供" in out

    code, out = run(settings, capsys, "retract", "1", "--reason", "test", "--user", "stat1")
    assert code == EXIT_OK and "4 reports withdrawn" in out
    assert run(settings, capsys, "retract", "1", "--reason", "again")[0] == EXIT_FAILED


def test_rejected_file_exits_1_and_writes_the_issue_table(settings, capsys, tmp_path):
    """A bad file is rejected with a readable table and an errors file."""
    bad = ROWS + [line(4, "2019-13", "出口", "SC", 1, "US", "-5")]
    path = write_report(tmp_path / "bad.csv", bad)
    errors = tmp_path / "errors.csv"
    code, out = run(settings, capsys, "load", str(path), "--errors-out", str(errors))
    assert code == EXIT_FAILED and "REJECTED" in out and "nothing loaded" in out
    text = errors.read_text(encoding="utf-8-sig")
    assert "报告期" in text and "金额" in text


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_targets_command(settings, capsys, tmp_path, fmt):
    """`targets` prints every seeded target's windows."""
    run(settings, capsys, "load", str(write_report(tmp_path / "r.csv", ROWS)))
    code, out = run(settings, capsys, "targets", "--as-of", "2019-06", "--format", fmt)
    assert code == EXIT_OK
    assert "TJ_PILOT_GROWTH" in out and "LJ_2017_LEVEL" in out


def test_template_command(settings, capsys, tmp_path):
    """`template` writes an xlsx."""
    out_file = tmp_path / "t.xlsx"
    code, _ = run(settings, capsys, "template", "--out", str(out_file))
    assert code == EXIT_OK and out_file.stat().st_size > 5000


COMMANDS = [
    ["load", "x.csv"],
    ["summary", "--year", "2019"],
    ["batches"],
    ["retract", "1", "--reason", "x"],
    ["targets"],
    ["user", "list"],
    ["coverage", "--month", "2019-06"],
    ["snapshot", "--month", "2019-06", "--no-pdf"],
    ["seed"],
    ["fx", "load", "x.csv"],
    ["register", "load", "x.csv"],
]


@pytest.mark.parametrize("empty", [False, True], ids=["no-file", "empty-file"])
def test_every_command_on_an_uninitialised_database_says_so_and_exits_1(tmp_path, capsys, empty):
    """No SQLAlchemy traceback ("no such table"): one line naming init-db, exit 1, no file made."""
    from etl.settings import Settings

    path = tmp_path / "db.sqlite3"
    if empty:
        path.touch()
    settings = Settings(instance_path=tmp_path / "inst", database_url=f"sqlite:///{path}")
    for argv in COMMANDS:
        assert main(argv, settings=settings) == EXIT_FAILED, argv
        captured = capsys.readouterr()
        assert "database not initialised — run `python -m etl init-db`" in captured.err, argv
        assert "Traceback" not in captured.err + captured.out
    assert path.exists() == empty


def test_the_sqlite_file_is_created_readable_by_its_owner_only(tmp_path):
    """0600 like the secret key, not 0644 (the umask's default)."""
    import os
    import stat

    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    engine.dispose()
    assert stat.S_IMODE(os.stat(tmp_path / "new.sqlite3").st_mode) == 0o600


def test_validate_checks_without_loading(settings, capsys, tmp_path):
    """`validate` is `load --dry-run`: the same check, nothing written."""
    path = write_report(tmp_path / "r.csv", ROWS)
    code, out = run(settings, capsys, "validate", str(path))
    assert code == EXIT_OK and "valid (dry run, nothing loaded)" in out
    assert f"— {len(ROWS)} rows, US$ " in out and "new /" not in out  # no report counts it lacks
    code, out = run(settings, capsys, "batches")
    assert "r.csv" not in out


def test_the_command_line_refuses_files_over_its_limits_before_reading_them(
    settings, capsys, tmp_path
):
    """Row count and an xlsx's declared size (a zip bomb), as settings; exit 1, nothing loaded."""
    import dataclasses
    import io
    import zipfile

    small = dataclasses.replace(
        settings, cli_max_rows=3, cli_max_xlsx_uncompressed_bytes=10 * 1024 * 1024
    )
    path = write_report(tmp_path / "five.csv", ROWS)
    for command in ("load", "validate"):
        code = main([command, str(path)], settings=small)
        err = capsys.readouterr().err
        assert code == EXIT_FAILED
        assert "five.csv: cannot read — The file has about 5 data rows, over the limit of 3" in err
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (30 * 1024 * 1024))
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(buffer.getvalue())
    assert main(["load", str(bomb)], settings=small) == EXIT_FAILED
    assert "expands to more than 10 MB" in capsys.readouterr().err
    code, out = run(settings, capsys, "load", str(path))  # the default limits take it
    assert code == EXIT_OK and "loaded as batch 1" in out
    code, out = run(settings, capsys, "batches")
    assert out.count("five.csv") == 1 and "bomb.xlsx" not in out
