"""`python -m etl tasks`: the ledger as JSON / xlsx, overdue as of a date, a unit's report."""

from __future__ import annotations

import json

import pandas as pd

from etl.cli.main import EXIT_FAILED, EXIT_OK, main


def _json(capsys, argv, settings) -> list[dict]:
    capsys.readouterr()
    assert main(argv, settings=settings) == EXIT_OK
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_list_json_one_object_per_task(settings, capsys):
    rows = _json(capsys, ["tasks", "list", "--document", "tianjin", "--format", "json"], settings)
    assert len(rows) == 40 and [r["number"] for r in rows] == list(range(1, 41))
    nine = rows[8]
    assert {k: nine[k] for k in ("document", "area", "number", "deadline")} == {
        "document": "tianjin",
        "area": "进一步培育市场主体",
        "number": 9,
        "deadline": "2019-12-31",
    }
    assert nine["lead_units"] == ["天津市商务委"]
    assert nine["cooperating_units"] == ["天津市出版局", "天津市文化广播影视局"]
    assert nine["status"] is None and nine["text"] == "探索建设一批服务贸易境外促进中心。"
    lj = _json(capsys, ["tasks", "list", "--document", "liangjiang", "--format", "json"], settings)
    assert len(lj) == 67 and all(r["deadline"] is None for r in lj)


def test_overdue_from_the_day_after_the_deadline_and_a_report_clears_it(settings, capsys, tmp_path):
    def overdue(day):
        argv = ["tasks", "list", "--overdue", "--as-of", day, "--format", "json"]
        return {r["id"] for r in _json(capsys, argv, settings)}

    assert "tianjin-14" not in overdue("2018-12-31")
    assert "tianjin-14" in overdue("2019-01-01")  # 2018年底
    assert "tianjin-1" not in overdue("2030-01-01")  # 持续推进
    argv = ["user", "add", "tj", "--role", "unit", "--organisations", "天津市商务委"]
    assert main(argv, settings=settings) == EXIT_OK
    report = ["tasks", "report", "--task", "tianjin-14", "--period", "2018-12"]
    report += ["--status", "已完成", "--text", "监管模式已出台", "--user", "tj"]
    assert main(report, settings=settings) == EXIT_OK
    assert "tianjin-14" not in overdue("2019-01-01")
    other = ["tasks", "report", "--task", "liangjiang-1", "--period", "2018-12"]
    other += ["--status", "推进中", "--text", "x", "--user", "tj"]
    assert main(other, settings=settings) == EXIT_FAILED  # not a task of 天津市商务委
    mine = _json(
        capsys,
        ["tasks", "list", "--unit", "天津市商务委", "--as-of", "2019-01-01", "--format", "json"],
        settings,
    )
    assert all("天津市商务委" in r["lead_units"] + r["cooperating_units"] for r in mine)
    assert next(r for r in mine if r["id"] == "tianjin-14")["status"] == "completed"
    out = tmp_path / "reminders.xlsx"
    argv = ["tasks", "reminders", "--as-of", "2019-01-01", "--out", str(out)]
    assert main(argv, settings=settings) == EXIT_OK
    sheet = pd.read_excel(out)
    assert {"单位", "任务内容", "提醒原因"} <= set(sheet.columns)
    assert "逾期未完成" in set(sheet["提醒原因"])


def test_evaluation_cli_enter_and_score(settings, capsys, tmp_path):
    argv = ["evaluation", "enter", "--indicator", "policies", "--subject", "天津市商务委"]
    assert main([*argv, "--year", "2018", "--value", "3"], settings=settings) == EXIT_OK
    bad = ["evaluation", "enter", "--indicator", "policies", "--subject", "天津市商务委"]
    assert main([*bad, "--year", "2018", "--value", "many"], settings=settings) == EXIT_FAILED
    rows = _json(
        capsys,
        ["evaluation", "score", "--year", "2018", "--subject", "unit", "--format", "json"],
        settings,
    )
    top = rows[0]
    assert top["单位"] == "天津市商务委" and top["排名"] == 1
    assert top["政策出台 得分（满分20）"] == "20.00" and top["总分"] == "20.00"
    out = tmp_path / "ev.xlsx"
    argv = ["evaluation", "score", "--year", "2018", "--subject", "unit", "--format", "xlsx"]
    assert main([*argv, "--out", str(out)], settings=settings) == EXIT_OK
    assert set(pd.ExcelFile(out).sheet_names) == {"评分", "计分方法"}
