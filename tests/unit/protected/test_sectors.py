"""服务类别: rows, ranking, treemap and groups with a protected category."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.pages.sectors import figures as sf
from dashboard.pages.sectors import views as sv
from tests.unit.protected.cases import (
    GROUP_NAMES,
    SECTOR_CATS,
    group_frame,
    sector_frame,
    sector_rows,
)
from tests.unit.protected.reading import (
    E8,
    NA,
    assert_clean,
    assert_marked,
    value_at,
    values,
)


def test_sector_rows_roll_a_protected_sub_item_up_as_protected() -> None:
    rows = sector_rows(True).set_index("code")
    assert rows.loc["SC1", "current"] is NA and rows.loc["SC", "current"] is NA  # no partial sum
    assert rows.loc["SC2", "current"] == E8 and rows.loc["SJ", "current"] == 2 * E8
    assert rows.loc["SJ", "share"] is NA  # of a protected total
    assert rows.loc["SC", "growth"] is NA


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sector_ranking_marks_a_protected_category(lang) -> None:
    fig = sf.sector_ranking(sv.ranking(sector_rows(True), lang=lang), lang=lang, title="排名")
    assert_marked(fig, "运输", lang)
    bar = values(fig)[0]
    assert list(bar.y)[-1] == "运输"  # after the known ones, never ranked by its value
    assert value_at(bar, "运输", horizontal=True) is None
    assert_clean(sf.sector_ranking(sv.ranking(sector_rows(False)), title="排名"))


def test_treemap_never_sizes_a_protected_category_and_names_it_c() -> None:
    nodes = sv.treemap_nodes(sector_rows(True))
    by_id = nodes.set_index("id")
    assert by_id.loc["SC", "value"] is NA
    assert "SC1" not in by_id.index and "SC~rest" not in by_id.index  # nothing below it
    fig = sf.sector_treemap(nodes, title="构成", subtitle="面积")
    tree = fig.data[0]
    assert "SC" not in tree.ids and 0.0 not in tree.values  # not sized, not sized by zero
    assert "保密（C），未计入图中：运输" in fig.layout.title.subtitle.text
    # the drawn tiles say their amounts (their shares of a protected total are protected)
    assert tree.customdata[list(tree.ids).index("SJ")][3] == "2.0亿美元"
    en = sf.sector_treemap(nodes, lang="en", title="Composition")
    assert "Confidential (C), not drawn: 运输" in en.layout.title.subtitle.text
    clean = sf.sector_treemap(sv.treemap_nodes(sector_rows(False)), title="构成", subtitle="面积")
    assert "保密" not in clean.layout.title.subtitle.text and "SC" in clean.data[0].ids


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_list_of_left_out_categories_wraps_within_the_card(lang) -> None:
    """两江新区's 1–12月 left nine categories out: one subtitle line ran past the card's edge."""
    names = ["运输", "旅行", "建设", "保险和养老金服务", "金融服务", "电信、计算机和信息服务"] * 2
    lines = sf._secret_lines(names, lang)
    assert len(lines) > 1 and all(len(line) <= sf._LINE_CHARS[lang] for line in lines)
    assert all(line.rstrip(t("fig.protected_sep", lang)).endswith(tuple(names)) for line in lines)
    sep = t("fig.protected_sep", lang)
    assert "".join(lines) == t("sec.treemap.protected", lang, names=sep.join(names))


def test_sector_groups_mark_a_protected_share_and_growth() -> None:
    years = sv.group_years(group_frame(True), 202001, 202001, years=2)
    now = years[years["end"] == 202001].set_index("group")
    assert now.loc["TJ_EMERGING", "share"] is NA and now.loc["TJ_EMERGING", "growth"] is NA
    assert now.loc["TJ_PILLAR", "share"] == pytest.approx(0.5)
    shares = sf.group_shares(years, GROUP_NAMES, groups=("TJ_PILLAR", "TJ_EMERGING"), title="占比")
    assert_marked(shares, "2020年", names=("天津加快发展领域",))
    emerging = next(tr for tr in values(shares) if tr.name == "天津加快发展领域")
    assert value_at(emerging, "2020年") is None
    growth = sf.emerging_growth(years, GROUP_NAMES, title="增速")
    assert_marked(growth, "2020年", names=("天津加快发展领域",))
    assert value_at(values(growth)[0], "2020年") is None
    clean = sv.group_years(group_frame(False), 202001, 202001, years=2)
    assert_clean(sf.group_shares(clean, GROUP_NAMES, title="占比"))
    assert_clean(sf.emerging_growth(clean, GROUP_NAMES, title="增速"))


def test_a_published_main_category_reads_over_its_protected_sub_item() -> None:
    """运输海运 (SC1) is protected, 运输 (SC) and the total are published figures of their own:
    the page reads them, so 运输 and every share read as the statistician's; SC1 stays C."""
    truth = sector_rows(False).set_index("code")
    total = sv.exact_sum(sector_frame(False).query("period == 202001")["amount"])
    cells = {"current": {"SC": truth.loc["SC", "current"], "TOTAL": total}}
    rows = sv.sector_rows(sector_frame(True), SECTOR_CATS, 202001, 202001, cells=cells)
    rows = rows.set_index("code")
    assert rows.loc["SC", "current"] == truth.loc["SC", "current"]
    assert rows.loc["SJ", "share"] == truth.loc["SJ", "share"]
    assert rows.loc["SC1", "current"] is NA and rows.loc["SC1", "share"] is NA
    hidden = sv.sector_rows(sector_frame(True), SECTOR_CATS, 202001, 202001).set_index("code")
    assert hidden.loc["SC", "current"] is NA and hidden.loc["SJ", "share"] is NA  # without them
