"""The district evaluation table: choices of city and period, AG Grid columns and rows, exports.

Pure: a DistrictReport in, grid props or file bytes out. Cells carry the number (for sorting and
export) beside its text made by the i18n formats (for display).
"""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.i18n import t
from dashboard.tables import numeric_column
from etl.aggregates import records
from etl.evaluation.districts import TOTAL, DistrictReport
from etl.spreadsheet import csv_bytes, xlsx_bytes
from etl.targets.status import TargetsOverview

UNIT = "usd_100m"


def city_options(overview: TargetsOverview, lang: str) -> tuple[list[dict], str | None]:
    """Cities (top-level regions with districts) and the one of the first target."""
    parents = overview.region_parent
    names = overview.region_names.get(lang, {})
    cities = sorted(c for c, p in parents.items() if p is None and c in set(parents.values()))
    mine = [city_of(r.target.region_code, parents) for r in overview.results]
    default = next((c for c in mine if c in cities), cities[0] if cities else None)
    options = [{"label": names.get(c, c), "value": c} for c in cities]
    return options, default


def window_options(overview: TargetsOverview, lang: str) -> tuple[list[dict], str | None]:
    """Periods to compare: 1–N月累计, last calendar year, and the targets' year windows."""
    as_of = overview.as_of
    if as_of is None:
        return [], None
    year = as_of // 100
    spans: list[tuple[int, int, str]] = [
        (year * 100 + 1, as_of, t("targets.dist.ytd", lang, v=i18n.fmt_ytd(as_of, lang))),
        ((year - 1) * 100 + 1, (year - 1) * 100 + 12, _year(year - 1, lang)),
    ]
    for result in overview.results:
        for ev in result.evaluations:
            w = ev.window
            if w.kind in ("growth", "level") and w.start <= as_of:
                label = w.label_en if lang == "en" else w.label_zh
                if w.key.startswith("cy"):
                    label = _year(w.start // 100, lang)
                spans.append((w.start, w.end, label))
    seen, options = set(), []
    for start, end, label in spans:
        if (start, end) not in seen:
            seen.add((start, end))
            options.append({"label": label, "value": f"{start}-{end}"})
    return options, options[0]["value"]


def _year(year: int, lang: str) -> str:
    return str(year) if lang == "en" else f"{year}年"


def parse_window(value: str | None) -> tuple[int, int] | None:
    """'201807-201906' -> (201807, 201906); None when it is not such a pair."""
    try:
        start, end = (int(x) for x in str(value).split("-"))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def partial_note(report: DistrictReport, requested_end: int, lang: str) -> str | None:
    """Says so when the period is not over yet and only the months so far are compared."""
    if report.end >= requested_end:
        return None
    return t("targets.dist.partial", lang, a=i18n.fmt_period_range(report.start, report.end, lang))


def column_defs(lang: str) -> list[dict]:
    """AG Grid columns with headers in the page language; cells show the *_text fields."""
    unit = i18n.unit_label(UNIT, lang)

    return [
        {
            "field": "rank",
            "headerName": t("targets.dist.rank", lang),
            "maxWidth": 90,
            "type": "numericColumn",
        },
        {
            "field": "region",
            "headerName": t("targets.dist.region", lang),
            "minWidth": 170,
            "flex": 2,
        },
        numeric_column("current", t("targets.dist.current", lang, unit=unit), 150),
        numeric_column("previous", t("targets.dist.previous", lang, unit=unit), 165),
        numeric_column("growth", t("targets.dist.growth", lang), 110),
        numeric_column("share", t("targets.dist.share", lang), 110),
        numeric_column("contribution", t("targets.dist.contribution", lang), 200),
        {
            **numeric_column("enterprises", t("targets.dist.enterprises", lang), 120),
            "headerTooltip": t("targets.dist.coverage_note", lang),
        },
        {
            **numeric_column(
                "enterprises_previous", t("targets.dist.enterprises_previous", lang), 140
            ),
            "headerTooltip": t("targets.dist.coverage_note", lang),
        },
    ]


def _row(rec: dict, name: str, lang: str) -> dict:
    contribution = rec["contribution_pp"]
    rank = rec["rank"]
    values = {
        "rank": None if rank is None or pd.isna(rank) else int(rank),
        "region": name,
        "current": i18n.to_unit(rec["current"], UNIT, lang),
        "current_text": i18n.fmt_number(rec["current"], UNIT, lang),
        "previous": i18n.to_unit(rec["previous"], UNIT, lang),
        "previous_text": i18n.fmt_number(rec["previous"], UNIT, lang),
        "growth": _float(rec["growth"]),
        "growth_text": i18n.fmt_pct(rec["growth"]),
        "share": _float(rec["share"]),
        "share_text": i18n.fmt_pct(rec["share"], signed=False),
        "contribution": _float(contribution),
        "contribution_text": i18n.fmt_pp(
            None if contribution is None else contribution / 100,
            lang,  # NA stays NA: C
        ),
        "enterprises": int(rec["enterprises"]),
        "enterprises_text": i18n.fmt_count(rec["enterprises"]),
        "enterprises_previous": int(rec["enterprises_previous"]),
        "enterprises_previous_text": i18n.fmt_count(rec["enterprises_previous"]),
    }
    return values


def _float(value) -> float | None:
    return None if i18n.is_missing(value) else float(value)


def grid_rows(report: DistrictReport, lang: str) -> tuple[list[dict], list[dict]]:
    """(rows, pinned bottom total row) for the grid; region names, never codes."""
    rows_read = records(report.rows)  # a protected figure stays NA: it prints C
    rows = [_row(r, r[f"name_{lang}"], lang) for r in rows_read]
    total = [r for r, rec in zip(rows, rows_read) if rec["code"] == TOTAL]
    body = [r for r, rec in zip(rows, rows_read) if rec["code"] != TOTAL]
    return body, total


def export_frame(report: DistrictReport, lang: str) -> pd.DataFrame:
    """The table as exported: headers in the page language, numbers (not texts), total last."""
    body, total = grid_rows(report, lang)
    unit = i18n.unit_label(UNIT, lang)
    pct = lambda key: t("targets.pct_col", lang, name=t(key, lang))  # noqa: E731
    columns = {
        "rank": t("targets.dist.rank", lang),
        "region": t("targets.dist.region", lang),
        "current": t("targets.dist.current", lang, unit=unit),
        "previous": t("targets.dist.previous", lang, unit=unit),
        "growth": pct("targets.dist.growth"),
        "share": pct("targets.dist.share"),
        "contribution": t("targets.dist.contribution_pp", lang),
        "enterprises": t("targets.dist.enterprises", lang),
        "enterprises_previous": t("targets.dist.enterprises_previous", lang),
    }
    frame = pd.DataFrame(body + total, columns=list(columns))
    for col in ("current", "previous"):
        frame[col] = frame[col].astype("float64").round(2)
    for col in ("growth", "share"):
        frame[col] = (frame[col].astype("float64") * 100).round(1)
    frame["contribution"] = frame["contribution"].astype("float64").round(2)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame.rename(columns=columns)


def export_bytes(report: DistrictReport, lang: str, fmt: str, window_label: str) -> bytes:
    """The table as CSV (UTF-8 with BOM, for Excel) or xlsx (table plus a notes sheet)."""
    frame = export_frame(report, lang)
    if fmt == "csv":
        return csv_bytes(frame)
    notes = pd.DataFrame(
        {
            t("targets.dist.notes_sheet", lang): [
                t("targets.dist.title", lang) + " · " + window_label,
                i18n.fmt_period_range(report.start, report.end, lang),
                t("targets.dist.measure", lang),
                t("targets.dist.coverage_note", lang),
            ]
        }
    )
    table, notes_sheet = (
        _sheet(t("targets.dist.title", lang)),
        _sheet(t("targets.dist.notes_sheet", lang)),
    )
    return xlsx_bytes({table: frame, notes_sheet: notes}, widths={table: 16, notes_sheet: 90})


def _sheet(name: str) -> str:
    return name[:31]


def export_name(lang: str, report: DistrictReport, fmt: str) -> str:
    """File name: 区域评价_120000_201807-201906.xlsx."""
    return f"{t('targets.dist.file', lang)}_{report.root}_{report.start}-{report.end}.{fmt}"


def city_of(code: str, parents: dict[str, str | None]) -> str:
    """The top-level region a region belongs to."""
    chain = [code]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]])
    return chain[-1]
