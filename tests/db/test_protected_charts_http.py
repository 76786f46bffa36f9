"""A leader's charts mark a protected figure with a C where the statistician's draw the figure
(the constructed case of tests/db/disclosure_case.py, callbacks called over HTTP)."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.ids import FilterBar, Overview, Partners, Regions, Sectors
from dashboard.protected_marks import PROTECTED
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call

SEARCH = "?month=2021-04&region=120000&unit=usd_10k"
HEPING = "和平区"  # one enterprise: protected in every month (primary)
HEXI = "?month=2021-04&region=120103&unit=usd_10k"  # 河西区: one enterprise in March


@pytest.fixture
def site(disclosure_site):
    """The constructed case, released, behind sign-in (tests/db/conftest.py)."""
    return disclosure_site.app, disclosure_site.passwords


def _graph(node, graph_id: str) -> dict | None:
    """The figure of the dcc.Graph with graph_id anywhere in a callback's response."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and props.get("id") == graph_id and "figure" in props:
            return props["figure"]
        return next((f for v in node.values() if (f := _graph(v, graph_id)) is not None), None)
    if isinstance(node, list):
        return next((f for v in node if (f := _graph(v, graph_id)) is not None), None)
    return None


def figure(client, app, output: str, graph_id: str, search: str = SEARCH) -> dict:
    response = dash_call(client, app, output, {f"{FilterBar.URL}.search": search})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    found = _graph(response.get_json(), graph_id)
    assert found is not None, graph_id
    return found


def markers(fig: dict) -> list[dict]:
    return [tr for tr in fig["data"] if tr.get("legendgroup") == PROTECTED]


def bars(fig: dict) -> dict:
    """(year, month) -> the drawn amount of a trend's bar traces."""
    out: dict = {}
    for tr in fig["data"]:
        if tr["type"] == "bar":
            for pos, y in zip(zip(*tr["x"]), tr["y"]):
                out[pos] = y if out.get(pos) is None else out[pos]
    return out


def subtitle(fig: dict) -> str:
    return ((fig["layout"].get("title") or {}).get("subtitle") or {}).get("text") or ""


def test_leaders_regions_ranking_marks_c_where_the_statistician_sees_the_figure(site):
    app, passwords = site
    stat = figure(
        signed_in(app, passwords, "stat"), app, f"{Regions.CHARTS}.children", Regions.RANK
    )
    lead = figure(
        signed_in(app, passwords, "lead"), app, f"{Regions.CHARTS}.children", Regions.RANK
    )

    stat_bars = dict(zip(stat["data"][0]["y"], stat["data"][0]["x"]))
    assert stat_bars[HEPING] > 0 and markers(stat) == []
    assert t("fig.protected_note", "zh") not in subtitle(stat)

    lead_bars = dict(zip(lead["data"][0]["y"], lead["data"][0]["x"]))
    assert lead_bars[HEPING] is None  # a gap, never a zero bar
    (marker,) = markers(lead)
    assert HEPING in marker["y"] and set(marker["x"]) == {0}
    at = list(marker["y"]).index(HEPING)
    assert marker["text"][at].strip() == "C" and "保密" in marker["hovertext"][at]
    assert t("fig.protected_note", "zh") in subtitle(lead)
    # every region the leader sees as a gap is one the statistician sees as a figure
    for name in marker["y"]:
        assert lead_bars[name] is None and stat_bars[name] is not None


def test_leaders_overview_trend_marks_c_where_the_statistician_sees_the_figure(site):
    """河西区's trend: its March has one enterprise, so a leader's bar there is a C."""
    app, passwords = site
    output = f"{Overview.TREND_BOX}.children"
    stat = figure(signed_in(app, passwords, "stat"), app, output, Overview.TREND, HEXI)
    lead = figure(signed_in(app, passwords, "lead"), app, output, Overview.TREND, HEXI)
    assert markers(stat) == []

    stat_bars, lead_bars = bars(stat), bars(lead)
    marked = [pos for tr in markers(lead) if tr.get("yaxis", "y") == "y" for pos in zip(*tr["x"])]
    assert ("2021年", "3") in marked  # (the year, the month) on the axis
    for pos in marked:
        assert lead_bars[pos] is None and stat_bars[pos] is not None
    assert t("fig.protected_note", "zh") in subtitle(lead)


def test_leaders_trend_has_the_statisticians_points_1_2_included(site):
    """The leader's read holds January in February: the trend still draws one 1–2月 point at
    the two months' monthly average, where the statistician's is, never a February of two."""
    app, passwords = site
    output = f"{Overview.TREND_BOX}.children"
    stat = figure(signed_in(app, passwords, "stat"), app, output, Overview.TREND)
    lead = figure(signed_in(app, passwords, "lead"), app, output, Overview.TREND)

    stat_bars, lead_bars = bars(stat), bars(lead)
    assert set(lead_bars) == set(stat_bars)
    assert any(month == "1–2" for _, month in lead_bars)
    for pos, y in lead_bars.items():
        assert y is None or y == pytest.approx(stat_bars[pos])


@pytest.mark.parametrize(
    ("output", "said"),
    [
        (f"{Regions.GRID_NOTE}.children", t("reg.table.protected", "zh", region="天津市")),
        (f"{Sectors.GRID_NOTE}.children", t("sec.table.protected", "zh")),
        (f"{Partners.GRID_NOTE}.children", t("ptn.table.protected", "zh")),
    ],
)
def test_leaders_tables_say_their_totals_count_the_rows_marked_c(site, output, said):
    """和平区, SI and some partners read C for the leader: the rows shown no longer add up to
    天津市's total, and the table's footnote says why; the statistician's tables have no C and
    no such sentence."""
    app, passwords = site
    notes = {}
    for user in ("lead", "stat"):
        client = signed_in(app, passwords, user)
        response = dash_call(client, app, output, {f"{FilterBar.URL}.search": SEARCH})
        assert response.status_code == 200
        component = output.rsplit(".", 1)[0]
        notes[user] = response.get_json()["response"][component]["children"] or ""
    assert notes["lead"].endswith(said) and said not in notes["stat"]
