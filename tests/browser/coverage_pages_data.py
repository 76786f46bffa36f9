"""A database for the 报送情况 browser tests: synthetic reports to 2019-12 whose December arrives in
an on-time and a late batch, three members that do not report December, and a register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from etl import models as m
from etl.coverage.register import load_register_frame
from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.sample.generate import H, generate_reports
from tests.conftest import clone_database
from tests.db.helpers import uscc

MONTH = "2019-12"
SILENT = 3  # enterprises on the register that send no December report


def _load(factory, frame: pd.DataFrame, path: Path, when: dt.datetime) -> None:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    outcome = load_file(factory, path)
    assert outcome.ok, outcome.validation
    with factory.begin() as s:
        s.get(m.UploadBatch, outcome.batch_id).uploaded_at = when


def build_coverage_db(template_urls: dict[str, str], workdir: Path) -> str:
    """The database; December: half on time (8 Jan), half late (15 Jan), SILENT missing."""
    url = clone_database(template_urls, "sqlite", workdir)
    factory = make_session_factory(make_engine(url))
    frame = generate_reports(n_enterprises=40, start=201801, end=201912)
    december = frame[frame[H["period"]] == MONTH]
    codes = sorted(december[H["uscc"]].unique())
    silent, on_time = codes[:SILENT], codes[SILENT : len(codes) // 2]
    utc = dt.timezone.utc
    _load(
        factory,
        frame[frame[H["period"]] != MONTH],
        workdir / "early.csv",
        dt.datetime(2019, 12, 5, tzinfo=utc),
    )
    _load(
        factory,
        december[december[H["uscc"]].isin(on_time)],
        workdir / "on_time.csv",
        dt.datetime(2020, 1, 8, 2, 30, tzinfo=utc),
    )
    late = december[~december[H["uscc"]].isin(on_time + silent)]
    _load(factory, late, workdir / "late.csv", dt.datetime(2020, 1, 15, 1, 0, tzinfo=utc))
    with factory() as s:
        firms = pd.DataFrame(
            s.execute(
                sa.select(m.Enterprise.uscc, m.Enterprise.name, m.Enterprise.region_code)
            ).all(),
            columns=["uscc", "name", "region"],
        )
    extra = pd.DataFrame(
        {
            "uscc": [uscc(901), uscc(902), uscc(903, "120101")],
            "name": [
                "未报示例一有限公司（合成）",
                "未报示例二有限公司（合成）",
                "未报示例三有限公司（合成）",
            ],
            "region": ["120116", "120116-TEDA", "120101"],
        }
    )
    members = pd.concat([firms, extra], ignore_index=True)
    register = pd.DataFrame(
        {
            "统一社会信用代码": members["uscc"],
            "企业名称": members["name"],
            "所属地区": members["region"],
            "起始月份": "2019-01",
            "联系人": "张联络",
            "联系电话": "022-6620" + members.index.astype(str).str.zfill(4),
        }
    )
    register.index = range(2, len(register) + 2)
    assert load_register_frame(factory, register, "stat").ok
    factory.kw["bind"].dispose()
    return url
