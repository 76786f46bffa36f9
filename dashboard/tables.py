"""Pure: the data behind a chart as a table with catalogue headers, for CSV/xlsx downloads;
and the AG Grid pieces the pages' tables share (the grid itself, numeric columns, its own words).

Numbers stay numbers (rounded to the unit's decimals; growth in % with one decimal), so a
spreadsheet can compute with them; missing values are empty cells, never "nan".
"""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

from dashboard import i18n
from dashboard.figures import point_label, trend_points
from dashboard.i18n import DEFAULT_LANG, t
from etl import numbers


def amount_cells(values, unit: str, lang: str) -> list[float | str | None]:
    """Amounts as the numbers of a file's column in the unit, as the screen rounds them; C
    where protected."""
    # The number the screen shows (i18n.fmt_number: exact, half up), kept a number; a protected
    # figure is "C" in the file as on the screen, an empty cell only where there is nothing.
    return [
        numbers.CONFIDENTIAL
        if numbers.protected(v)
        else None
        if i18n.is_missing(v)
        else float(i18n.fmt_number(v, unit, lang).replace(",", ""))
        for v in values
    ]


def percent_cells(values) -> list[float | str | None]:
    """Ratios as the numbers of a file's % column, half up to 0.1; C where protected."""
    return [
        numbers.CONFIDENTIAL
        if numbers.protected(v)
        else None
        if i18n.is_missing(v)
        else float(numbers.decimal_text(v * 100, 1, grouping=False))
        for v in values
    ]


def trend_table(
    frame: pd.DataFrame,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    start: int | None = None,
    jan_in_feb: bool = False,
) -> pd.DataFrame:
    """The monthly trend as plotted (1–2月 combined): period, amount, a year earlier, 同比 %."""
    lang = i18n.normalize_lang(lang)
    points = trend_points(frame, start, jan_in_feb)
    unit_name = i18n.unit_label(unit, lang)
    return pd.DataFrame(
        {
            t("tbl.period", lang): [
                point_label(p, m, lang) for p, m in zip(points["period"], points["months"])
            ],
            t("tbl.amount", lang, unit=unit_name): amount_cells(points["amount"], unit, lang),
            t("tbl.previous", lang, unit=unit_name): amount_cells(points["previous"], unit, lang),
            t("tbl.yoy", lang): percent_cells(points["yoy"]),
        }
    )


def share_table(frame: pd.DataFrame, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """A share by year as plotted: period (the same months each year) and share in %."""
    lang = i18n.normalize_lang(lang)
    return pd.DataFrame(
        {
            t("tbl.period", lang): [
                i18n.fmt_window(a, b, lang) for a, b in zip(frame["start"], frame["end"])
            ],
            t("tbl.share", lang): percent_cells(frame["share"]),
        }
    )


def numeric_column(field: str, header: str, width: int = 120) -> dict:
    """An AG Grid column that sorts by the number in `field` and shows `<field>_text` (the
    product's one formatter wrote it), at least `width` pixels wide."""
    return {
        "field": field,
        "headerName": header,
        "type": "numericColumn",
        "valueFormatter": {"function": f"params.data.{field}_text"},
        "minWidth": width,
        "flex": 1,
    }


def grid_locale(lang: str, no_rows: str) -> dict[str, str]:
    """AG Grid's own control texts (paging, filter menus) in the page's language."""
    from dashboard.i18n import CATALOGUE

    texts = {
        key[len("grid.") :]: entry[lang]
        for key, entry in CATALOGUE.items()
        if key.startswith("grid.")
    }
    return {**texts, "noRowsToShow": no_rows}


# Headers wrap onto a second line rather than cut a long Chinese header short.
_WRAPPED_HEADERS = {"wrapHeaderText": True, "autoHeaderHeight": True}


def grid(
    id: str,
    columns: list[dict],
    lang: str,
    empty_key: str,
    *,
    column_defaults: dict | None = None,
    wrap_headers: bool = True,
    options: dict | None = None,
    **props,
) -> dag.AgGrid:
    """An empty AG Grid in the product's look, as tall as its rows; callbacks fill the rows."""
    return dag.AgGrid(
        id=id,
        columnDefs=columns,
        rowData=[],
        defaultColDef={
            "sortable": True,
            "resizable": True,
            **(column_defaults or {}),
            **(_WRAPPED_HEADERS if wrap_headers else {}),
        },
        dashGridOptions={
            "domLayout": "autoHeight",
            "localeText": grid_locale(lang, t(empty_key, lang)),
            **(options or {}),
        },
        style={"height": None},
        className="ag-theme-quartz stm-grid",
        **props,
    )


def lines_table(
    monthly: pd.DataFrame,
    order: list[str],
    names: dict[str, str],
    unit: str,
    lang: str,
    start: int | None,
    jan_in_feb: bool = False,
) -> pd.DataFrame:
    """The trend as plotted: one row per point (1–2月 combined), one column per region."""
    columns: dict[str, list] = {}
    periods: list[str] = []
    for code in order:
        points = trend_points(monthly[monthly["code"] == code], start, jan_in_feb)
        shown = [point_label(p, m, lang) for p, m in zip(points["period"], points["months"])]
        if len(shown) > len(periods):
            periods = shown
        columns[names.get(code, code)] = dict(
            zip(shown, amount_cells(points["amount"], unit, lang))
        )
    unit_name = i18n.unit_label(unit, lang)
    frame = pd.DataFrame({t("tbl.period", lang): periods})
    for name, values in columns.items():
        frame[t("reg.col.series", lang, name=name, unit=unit_name)] = [
            values.get(p) for p in periods
        ]
    return frame
