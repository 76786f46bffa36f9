"""The 绩效评价与考核 table of a year: indicators, each subject's values and points, rank, names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from etl import numbers
from etl.evaluation.measures import district_values, unit_values
from etl.evaluation.scorecard import scorecard
from etl.queries import evaluation as eval_queries
from etl.reference import reference_codes

KINDS = ("district", "unit")


@dataclass(frozen=True)
class Evaluation:
    """A scorecard with the indicators that made it (names, weights, method)."""

    kind: str
    year: int
    indicators: pd.DataFrame
    card: pd.DataFrame  # subject, name_zh, name_en, <code>.value, <code>.points, total, rank


def evaluate(
    session: Session,
    kind: str,
    year: int,
    root: str = "120000",
    deadline_day: int = 10,
    gap_months: int = 3,
    today: dt.date | None = None,
) -> Evaluation:
    """The scorecard of the districts of root, or of the responsible units, for a year."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if kind == "district":
        subjects, values = district_values(session, root, year, deadline_day)
    else:
        subjects, values = unit_values(session, year, gap_months, today)
    indicators = eval_queries.indicators(session, kind)
    card = scorecard(indicators, values, subjects)
    if kind == "district":
        ref = reference_codes(session)
        names = {"zh": ref.regions, "en": ref.region_names_en}
    else:
        names = {"zh": {}, "en": {}}
    card.insert(1, "name_zh", [names["zh"].get(s, s) for s in card["subject"]])
    card.insert(2, "name_en", [names["en"].get(s, s) for s in card["subject"]])
    return Evaluation(kind, year, indicators, card)


def export_table(evaluation: Evaluation, lang: str = "zh") -> pd.DataFrame:
    """The scorecard as a flat table with headers in a language (for xlsx and the CLI)."""
    zh = lang == "zh"
    card = evaluation.card
    out = pd.DataFrame(
        {
            # a number (sorts and reads as one), C when protected
            "排名" if zh else "Rank": [
                numbers.CONFIDENTIAL if numbers.protected(r) else r for r in card["rank"]
            ],
            ("地区" if evaluation.kind == "district" else "单位")
            if zh
            else ("District" if evaluation.kind == "district" else "Unit"): card[f"name_{lang}"],
        }
    )
    for ind in evaluation.indicators.itertuples(index=False):
        name = ind.name_zh if zh else ind.name_en
        unit = ind.unit_zh if zh else ind.unit_en
        out[f"{name}（{unit}）" if zh else f"{name} ({unit})"] = [
            _cell(v) for v in card[f"{ind.code}.value"]
        ]
        out[f"{name} 得分（满分{ind.weight}）" if zh else f"{name} points (of {ind.weight})"] = [
            _cell(p) for p in card[f"{ind.code}.points"]
        ]
    out["总分" if zh else "Total"] = [_cell(t) for t in card["total"]]
    return out


def _cell(value) -> str:
    """A scorecard cell as printed: C when protected, empty when there is no value."""
    if numbers.protected(value):
        return numbers.CONFIDENTIAL
    return "" if value is None else str(value)


def method_table(evaluation: Evaluation, lang: str = "zh") -> pd.DataFrame:
    """Indicator, weight, scoring rule and source: the method written next to the table."""
    zh = lang == "zh"
    inds = evaluation.indicators
    return pd.DataFrame(
        {
            "指标" if zh else "Indicator": inds["name_zh" if zh else "name_en"],
            "权重（满分）" if zh else "Weight (points)": inds["weight"].map(str),
            "来源" if zh else "Source": [
                ("系统计算" if s == "measured" else "按期录入")
                if zh
                else ("measured" if s == "measured" else "entered")
                for s in inds["source"]
            ],
            "计分方法" if zh else "Method": inds["method_zh" if zh else "method_en"],
        }
    )
