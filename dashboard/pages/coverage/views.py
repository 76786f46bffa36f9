"""报送情况 parts: the line beside the figures, tabs, controls, cards, grids, chase list (pure)."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
import pandas as pd

from dashboard import i18n
from dashboard.components import stat_card
from dashboard.coverage_line import share_text
from dashboard.i18n import t
from dashboard.ids import Coverage
from dashboard.shell.links import with_query
from etl.coverage.compute import BEIJING
from etl.evaluation.districts import TOTAL
from etl.periods import format_period

PATH = "/coverage"
REGISTER_PATH = "/coverage/register"
LISTED = ("missing", "late")  # the statuses a clerk chases, in this order


def tabs(active: str, lang: str, may_manage: bool, search: str | None = None) -> dbc.Nav | None:
    """报送情况 | 重点企业名录, for those who manage the register (others see no tabs)."""
    if not may_manage:
        return None
    items = [
        ("coverage", PATH, "cov.tab.coverage"),
        ("register", REGISTER_PATH, "cov.tab.register"),
    ]
    return dbc.Nav(
        [
            dbc.NavItem(
                dbc.NavLink(
                    t(key, lang), href=with_query(path, search, lang=lang), active=name == active
                )
            )
            for name, path, key in items
        ],
        pills=True,
        id=Coverage.TABS,
        class_name="mb-3",
    )


def month_options(months: list[int], lang: str) -> list[dict]:
    """Dropdown options, newest month first."""
    return [{"label": i18n.fmt_period(p, lang), "value": format_period(p)} for p in months]


def region_options(regions: pd.DataFrame, lang: str) -> list[dict]:
    """Dropdown options in tree order, indented by level below the top one shown."""
    name = "name_en" if lang == "en" else "name_zh"
    top = int(regions["depth"].min()) if len(regions) else 0
    return [
        {
            "label": "\u3000" * (int(r["depth"]) - top) + (r[name] or r["name_zh"]),
            "value": r["code"],
        }
        for r in regions.to_dict("records")
    ]


def deadline_text(deadline: dt.datetime, day: int, lang: str) -> str:
    """'报送截止：2019年7月10日（次月10日）'."""
    date = (
        f"{deadline:%Y}年{deadline.month}月{deadline.day}日"
        if lang == "zh"
        else f"{deadline:%d %b %Y}"
    )
    return t("cov.deadline", lang, date=date, day=day)


def summary_cards(total: dict, lang: str) -> list[dbc.Col]:
    """Expected, reported (on time / late) and missing (with its share of last year's trade)."""

    def count(n) -> str:
        return t("cov.count", lang, n=i18n.fmt_count(n))

    cards = [
        stat_card(t("cov.kpi.expected", lang), [("", count(total["expected"]), [])]),
        stat_card(
            t("cov.kpi.reported", lang),
            [
                (
                    "",
                    share_text(total["reported_share"]),
                    [
                        count(total["reported"]),
                        t("cov.kpi.on_time", lang, n=total["on_time"], late=total["late"]),
                    ],
                )
            ],
        ),
        stat_card(
            t("cov.kpi.missing", lang),
            [
                (
                    "",
                    count(total["missing"]),
                    [
                        t(
                            "cov.kpi.missing_share",
                            lang,
                            v=share_text(total["missing_share_of_prior_year"]),
                        )
                    ],
                )
            ],
            extra_class="stm-kpi-missing",
        ),
    ]
    return [dbc.Col(c, xs=12, md=4, class_name="mb-3") for c in cards]


def _region_label(code: str, root: str, names: dict[str, str], lang: str) -> str:
    if code == TOTAL:
        return t("cov.region.total", lang)
    if code == root:
        return t("cov.region.own", lang, region=names.get(root, root))
    return names.get(code, code)


def region_columns(lang: str) -> list[dict]:
    """AG Grid columns of the per-region table."""

    def num(field: str, text: bool = False) -> dict:
        col = {
            "field": field,
            "headerName": t(f"cov.col.{field}", lang),
            "type": "numericColumn",
            "minWidth": 110,
            "flex": 1,
        }
        return {**col, "valueFormatter": {"function": f"params.data.{field}_text"}} if text else col

    return [
        {"field": "region", "headerName": t("cov.col.region", lang), "minWidth": 200, "flex": 2},
        num("expected"),
        num("on_time"),
        num("late"),
        num("missing"),
        num("reported_share", True),
        num("missing_share", True),
    ]


def region_rows(covered, names: dict[str, str], lang: str) -> tuple[list[dict], list[dict]]:
    """(rows with an expected enterprise, the pinned total row)."""
    out = []
    for rec in covered.rows.to_dict("records"):
        share, missing = rec["reported_share"], rec["missing_share_of_prior_year"]
        out.append(
            {
                "code": rec["code"],
                "region": _region_label(rec["code"], covered.region, names, lang),
                "expected": rec["expected"],
                "on_time": rec["on_time"],
                "late": rec["late"],
                "missing": rec["missing"],
                "reported_share": None if i18n.is_missing(share) else float(share),
                "reported_share_text": share_text(share),
                "missing_share": None if i18n.is_missing(missing) else float(missing),
                "missing_share_text": share_text(missing),
            }
        )
    body = [r for r in out if r["code"] != TOTAL and r["expected"]]
    return body, [r for r in out if r["code"] == TOTAL]


CHASE_FIELDS = ("name", "uscc", "region", "contact", "phone", "status", "arrived")


def beijing_time(value) -> str:
    """A stored UTC time as Beijing time '2019-07-11 09:30'; '' when there is none."""
    if value is None or pd.isna(value):
        return ""
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    return stamp.tz_convert(BEIJING).strftime("%Y-%m-%d %H:%M")


def chase_rows(covered, names: dict[str, str], lang: str) -> list[dict]:
    """Missing enterprises first (largest last year first), then the late ones."""
    status = covered.status[covered.status["status"].isin(LISTED)]
    order = status["status"].map({s: i for i, s in enumerate(LISTED)})
    status = status.assign(_order=order).sort_values(
        ["_order", "prior_year_usd_cents", "uscc"], ascending=[True, False, True]
    )
    return [
        {
            "name": r["name"],
            "uscc": r["uscc"],
            "region": names.get(r["region_code"], r["region_code"]),
            "contact": r["contact_person"] or "",
            "phone": r["contact_phone"] or "",
            "status": t(f"cov.status.{r['status']}", lang),
            "status_code": r["status"],
            "arrived": beijing_time(r["first_loaded_at"]),
        }
        for r in status.to_dict("records")
    ]


def chase_columns(lang: str) -> list[dict]:
    """AG Grid columns of the chase list."""
    widths = {"name": 260, "uscc": 190, "arrived": 170}
    return [
        {
            "field": f,
            "headerName": t(f"cov.col.{f}", lang),
            "minWidth": widths.get(f, 110),
            "flex": 2 if f == "name" else 1,
        }
        for f in CHASE_FIELDS
    ]


def chase_table(rows: list[dict], lang: str) -> pd.DataFrame:
    """The chase list as downloaded: the grid's columns under their Chinese/English headers."""
    return pd.DataFrame({t(f"cov.col.{f}", lang): [r[f] for r in rows] for f in CHASE_FIELDS})


def chase_filename(region: str, period: int, lang: str) -> str:
    """'催报名单_滨海新区_2019年6月'."""
    return t("cov.file", lang, region=region, period=i18n.fmt_period(period, lang))
