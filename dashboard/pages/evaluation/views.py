"""Pure: the scorecard grid (points per indicator, total, rank) and the method table."""

from __future__ import annotations

from dashboard.i18n import t
from etl import numbers
from etl.aggregates import records
from etl.evaluation.report import Evaluation


def _name(ind, lang: str) -> str:
    return ind.name_zh if lang == "zh" else ind.name_en


def card_rows(result: Evaluation, lang: str) -> list[dict]:
    """One row per subject; each indicator as 'points (value unit)'."""
    rows = []
    for r in records(result.card):  # a protected value stays NA: it prints C
        rank = r["rank"]  # a number, so the grid sorts 2 before 10
        row = {
            "rank": numbers.CONFIDENTIAL if numbers.protected(rank) else int(rank),
            "name": r[f"name_{lang}"],
            "total": _text(r["total"]),
        }
        for ind in result.indicators.itertuples(index=False):
            value = r[f"{ind.code}.value"]
            unit = ind.unit_zh if lang == "zh" else ind.unit_en
            row[ind.code] = _text(r[f"{ind.code}.points"])
            row[f"{ind.code}_value"] = (
                numbers.CONFIDENTIAL
                if numbers.protected(value)
                else t("eval.no_value", lang)
                if value is None
                else _with_unit(value, unit, lang)
            )
        rows.append(row)
    return rows


def _with_unit(value, unit: str, lang: str) -> str:
    """A value and its unit as the product prints them: '19.81%', '12家', '12 enterprises'."""
    # the scorecard keeps the value's own places (points are computed from them)
    return f"{value}{'' if unit == '%' or lang == 'zh' else ' '}{unit}"


def _text(value) -> str:
    return numbers.CONFIDENTIAL if numbers.protected(value) else str(value)


def card_columns(result: Evaluation, lang: str) -> list[dict]:
    """Rank, name, one column per indicator (value underneath as a tooltip), total."""
    subject = t(f"eval.subject.{result.kind}", lang)
    cols = [
        {"field": "rank", "headerName": t("eval.col.rank", lang), "width": 80},
        {
            "field": "name",
            "headerName": subject,
            "width": 180,
            "wrapText": True,
            "autoHeight": True,
        },
    ]
    for ind in result.indicators.itertuples(index=False):
        cols.append(
            {
                "field": ind.code,
                "headerName": t("eval.col.points", lang, name=_name(ind, lang), weight=ind.weight),
                "tooltipField": f"{ind.code}_value",
                "width": 130,
                "type": "numericColumn",
            }
        )
        cols.append(
            {
                "field": f"{ind.code}_value",
                "headerName": t("eval.col.value", lang, name=_name(ind, lang)),
                "width": 120,
                "type": "numericColumn",
            }
        )
    cols.append({"field": "total", "headerName": t("eval.col.total", lang), "width": 100})
    return cols


def method_rows(result: Evaluation, lang: str) -> list[dict]:
    """The method next to the table: indicator, points, source, rule."""
    return [
        {
            "name": _name(ind, lang),
            "weight": str(ind.weight),
            "source": t(f"eval.source.{ind.source}", lang),
            "method": ind.method_zh if lang == "zh" else ind.method_en,
        }
        for ind in result.indicators.itertuples(index=False)
    ]


def entered_options(result: Evaluation, lang: str) -> list[dict]:
    """The indicators whose values are entered, as choices."""
    inds = result.indicators[result.indicators["source"] == "entered"]
    return [{"label": _name(i, lang), "value": i.code} for i in inds.itertuples(index=False)]


def subject_options(result: Evaluation, lang: str) -> list[dict]:
    """The subjects of the scorecard, as choices."""
    return [
        {"label": r[f"name_{lang}"], "value": r["subject"]} for r in result.card.to_dict("records")
    ]


def indicator_options(result: Evaluation, lang: str) -> list[dict]:
    """Every indicator of the scorecard, as choices."""
    return [
        {"label": _name(i, lang), "value": i.code}
        for i in result.indicators.itertuples(index=False)
    ]
