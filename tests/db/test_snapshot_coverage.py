"""The snapshot's 报送情况 sheet counts the register through etl.coverage.compute (the pages' reader)."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.coverage.compute import coverage_by_region
from etl.coverage.register import load_register_frame
from etl.snapshot.archive import make_snapshot
from tests.db.helpers import line, release_months, uscc
from tests.db.snapshot_data import ENTERPRISES, load, load_two_years, sheet_rows

MONTH, ROOT = 201906, "120000"
HEXI = [e for e in ENTERPRISES if e[1] == "河西区"]


@pytest.fixture
def registered(session_factory, tmp_path):
    """The constructed months, 河西区's five reporters on the register, and a sixth member that
    traded last year but has not reported June."""
    load_two_years(session_factory, tmp_path)
    load(
        session_factory,
        tmp_path,
        "2018-03.csv",
        [line(30, "2018-03", "出口", "SC", 1, "US", "1000", region="河西区")],
    )
    frame = pd.DataFrame(
        [
            {
                "统一社会信用代码": uscc(n),
                "企业名称": f"测试企业{n}有限公司",
                "所属地区": "河西区",
                "起始月份": "2019-01",
            }
            for n in [e[0] for e in HEXI] + [30]
        ],
        index=range(2, 8),
    )
    assert load_register_frame(session_factory, frame, "stat1").ok
    release_months(session_factory)  # snapshots are made of released months only
    return session_factory


def test_coverage_sheet_uses_the_register(registered, settings):
    """河西区: 6 expected, 5 reported, 1 missing; the missing share is the pages' number in the
    internal edition and 保密 (C) in the circulated one (one enterprise would be exposed)."""
    with registered() as s:
        pages = coverage_by_region(s, MONTH, ROOT).rows.set_index("code").loc["120103"]
    internal = make_snapshot(
        registered,
        settings,
        MONTH,
        ROOT,
        pdf=False,
        internal=True,
        out_dir=settings.instance_path / "internal",
    )
    public = make_snapshot(
        registered, settings, MONTH, ROOT, pdf=False, out_dir=settings.instance_path / "public"
    )
    inside = sheet_rows(internal.files["xlsx"], "报送情况")
    outside = sheet_rows(public.files["xlsx"], "报送情况")
    hexi = inside["河西区"]
    assert (hexi["应报重点企业（家）"], hexi["已报送（家）"], hexi["未报送（家）"]) == (6, 5, 1)
    assert hexi["本月报送企业（家）"] == 5
    share = 1000 / (1000 + sum(e[6] for e in HEXI) * 0.9 * 1.6)
    assert pages["missing_share_of_prior_year"] == pytest.approx(share)
    assert hexi["未报企业上年贸易额占比（%）"] == pytest.approx(share, abs=1e-3)
    assert outside["河西区"]["未报企业上年贸易额占比（%）"] == "C"
    assert outside["和平区"]["应报重点企业（家）"] == 0
    total = outside["天津市合计"]
    assert (total["应报重点企业（家）"], total["重点企业报送率（%）"]) == (
        6,
        pytest.approx(5 / 6, abs=1e-3),
    )
