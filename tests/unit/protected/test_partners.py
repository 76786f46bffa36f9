"""伙伴: rows, top partners and group shares with a protected partner."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.pages.partners import figures as pf
from dashboard.pages.partners import views as pv
from tests.unit.protected.cases import (
    PARTNER_GROUPS,
    partner_frame,
)
from tests.unit.protected.reading import (
    NA,
    assert_clean,
    assert_marked,
    value_at,
    values,
)


def test_partner_rows_keep_a_protected_partner_after_the_known_ones() -> None:
    rows = pv.partner_rows(partner_frame(True), 202103, 202103, {}, "zh")
    assert list(rows["code"]) == ["US", "JP", "VN", "SG"]
    sg = rows.set_index("code").loc["SG"]
    assert sg["current"] is NA and sg["rank"] is NA and sg["growth"] is NA
    assert rows.set_index("code").loc["US", "share"] is NA  # of a protected total


def test_top_partners_mark_a_protected_partner() -> None:
    rows = pv.partner_rows(partner_frame(True), 202103, 202103, {}, "zh")
    fig = pf.top_partners(rows, title="主要伙伴")
    name = rows.set_index("code").loc["SG", "name"]
    assert_marked(fig, name)
    assert value_at(values(fig)[0], name, horizontal=True) is None
    clean = pv.partner_rows(partner_frame(False), 202103, 202103, {}, "zh")
    assert_clean(pf.top_partners(clean, title="主要伙伴"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_partner_group_shares_mark_a_protected_group(lang) -> None:
    by_year = pv.group_years(partner_frame(True), PARTNER_GROUPS, 202103, 202103, 2, lang)
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] is NA and now.loc["ASEAN", "share"] is NA
    fig = pf.group_shares(by_year, lang, title="组别")
    year = t("fig.year", lang, y=2021)
    assert_marked(fig, year, lang, names=("东盟" if lang == "zh" else "ASEAN",))
    asean = next(tr for tr in values(fig) if tr.name in ("东盟", "ASEAN"))
    assert value_at(asean, year) is None
    clean = pv.group_years(partner_frame(False), PARTNER_GROUPS, 202103, 202103, 2, lang)
    assert_clean(pf.group_shares(clean, lang, title="组别"))
