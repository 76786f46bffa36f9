"""The SYNTHETIC sample's key-enterprise register and the times its reports were received.

Register (重点联系企业名录): set up in January 2017 from the 2016 reporters; each region's largest
reporters by the previous year's trade (the top KEY_SHARE of the region by size) plus a few small
ones (SMALL_SHARE, as bureaus also follow small firms in new sectors). Every January review adds
the firms that became large; firms that start reporting during a year and are large join a few
months later (mid-year); a firm that stops reporting leaves with its last month, and a few that
shrank are dropped at a review. One span per enterprise, so the file loads with
`python -m etl register load`. Contacts are invented: a common surname with 先生/女士 and a number
in the local 6620 block (022-6620xxxx Tianjin, 023-6620xxxx Chongqing), never a real line.

Arrivals: month M's reports mostly arrive between the 3rd and the 10th of M+1 (Beijing time, office
hours), some after the deadline day (迟报; a few habitually late firms more often), very few in
M+2; a few key enterprises have not reported the newest month (or two) at all (未报).
Random draws depend only on (seed, enterprise) or (seed, month), so they are reproducible.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from etl.coverage.compute import BEIJING
from etl.coverage.register import REGISTER_COLUMNS
from etl.reference import ReferenceCodes
from etl.sample.generate import H, _abs, _period

REGISTER_START, REVIEW_YEARS = 201701, range(2017, 2022)
KEY_SHARE, SMALL_SHARE, DROP_SHARE = 0.2, 0.04, 0.3  # top share; small ones; shrunk firms dropped
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
AREA_CODE = {"500000-LJ": "023"}  # everything else in the sample is in Tianjin (022)
# Arrival day in month M+1 (on time: up to the deadline day 10) and how often.
EARLY_DAYS, ON_TIME_DAYS, LATE_DAYS = (1, 2), tuple(range(3, 11)), tuple(range(11, 26))
P_LATE, P_LATE_HABITUAL, HABITUAL_SHARE, P_EARLY, P_NEXT_MONTH = 0.06, 0.35, 0.08, 0.04, 0.01
MISSING_NEWEST, MISSING_BOTH = 0.03, 0.01  # key firms without the newest month / the last two


def _months(period: int | None, default: int) -> int:
    return _abs(int(period)) if period is not None and not pd.isna(period) else default


def _members(ents: pd.DataFrame, seed: int, end: int) -> pd.DataFrame:
    """uscc → since, until (YYYYMM or None) for the enterprises that ever join."""
    rng = np.random.default_rng([seed, 31])
    first = np.array([_months(p, _abs(201501)) for p in ents["first_period"]])
    last = np.array([_months(p, _abs(end)) for p in ents["last_period"]])
    small = rng.random(len(ents)) < SMALL_SHARE
    dropper = rng.random(len(ents)) < DROP_SHARE
    join_lag = rng.integers(1, 4, len(ents))
    since = np.full(len(ents), -1)
    until = np.full(len(ents), -1)
    for year in REVIEW_YEARS:
        jan = _abs(year * 100 + 1)
        # Reporters of the previous year still reporting at the review, ranked in their region.
        active = (first <= jan - 1) & (last >= jan)
        rank = (
            ents["scale"].where(active).groupby(ents["region_code"]).rank(pct=True, ascending=False)
        )
        large = active & (rank.to_numpy() <= KEY_SHARE)
        joining = (since < 0) & (large | (active & small & (year == REVIEW_YEARS[0])))
        since[joining] = jan
        # Shrunk members (no longer in the top twice the share) are dropped at some reviews.
        shrunk = (
            (since >= 0)
            & (until < 0)
            & (since < jan)
            & active
            & (rank.to_numpy() > 2 * KEY_SHARE)
            & ~small
        )
        out = shrunk & dropper & (rng.random(len(ents)) < 0.5)
        until[out] = jan - 1
    # Large newcomers join a few months after their first report (a mid-year addition).
    rank_all = ents["scale"].groupby(ents["region_code"]).rank(pct=True, ascending=False)
    newcomer = (since < 0) & (first > _abs(REGISTER_START)) & (rank_all.to_numpy() <= KEY_SHARE)
    since[newcomer] = first[newcomer] + join_lag[newcomer]
    # Firms that stop reporting leave with their last month.
    gone = (since >= 0) & (until < 0) & (last < _abs(end))
    until[gone] = last[gone]
    keep = (since >= 0) & (since <= _abs(end)) & ((until < 0) | (until >= since))
    return pd.DataFrame({"uscc": ents["uscc"], "since": since, "until": until})[keep]


def generate_register(
    ents: pd.DataFrame, ref: ReferenceCodes, seed: int = 2018, end: int = 202112
) -> pd.DataFrame:
    """The register file (REGISTER_COLUMNS' Chinese headers, values as text) for the sample's
    enterprises (etl.sample.generate.generate_enterprises), by region and credit code."""
    members = (
        _members(ents, seed, end)
        .merge(ents, on="uscc")
        .sort_values(["region_code", "uscc"], ignore_index=True)
    )
    rng = np.random.default_rng([seed, 32])
    people = [
        SURNAMES[s] + ("先生", "女士")[g]
        for s, g in zip(
            rng.integers(0, len(SURNAMES), len(members)), rng.integers(0, 2, len(members))
        )
    ]
    serial = members.groupby(members["region_code"].map(lambda c: AREA_CODE.get(c, "022")))
    phones = [
        f"{AREA_CODE.get(r, '022')}-6620{n:04d}"
        for r, n in zip(members["region_code"], serial.cumcount() + 1)
    ]
    sectors = [
        ref.category_main.get(p.split("；")[0].removeprefix("类别 ").split("+")[0], "")
        for p in members["profile"]
    ]
    col = {k: v[0] for k, v in REGISTER_COLUMNS.items()}
    return pd.DataFrame(
        {
            col["uscc"]: members["uscc"],
            col["name"]: members["name"],
            col["region"]: [ref.regions[c] for c in members["region_code"]],
            col["since"]: [_text(s) for s in members["since"]],
            col["sector"]: sectors,
            col["contact_person"]: people,
            col["contact_phone"]: phones,
            col["until"]: [_text(u) if u >= 0 else "" for u in members["until"]],
        }
    )


def _text(abs_month: int) -> str:
    p = _period(int(abs_month))
    return f"{p // 100:04d}-{p % 100:02d}"


def register_spans(register: pd.DataFrame) -> pd.DataFrame:
    """uscc, since, until (YYYYMM; until 999999 when open) of a generated register file."""
    col = {k: v[0] for k, v in REGISTER_COLUMNS.items()}

    def period(text: str) -> int:
        return int(text[:4]) * 100 + int(text[5:7]) if text else 999999

    return pd.DataFrame(
        {
            "uscc": register[col["uscc"]],
            "since": register[col["since"]].map(period),
            "until": register[col["until"]].map(period),
        }
    )


def missing_reports(
    reports: pd.DataFrame, register: pd.DataFrame, seed: int = 2018
) -> set[tuple[str, int]]:
    """(uscc, period) of the key enterprises' reports of the newest month(s) never sent."""
    newest = int(reports["period"].max())
    previous = _period(_abs(newest) - 1)
    spans = register_spans(register)
    expected = spans[(spans["since"] <= newest) & (spans["until"] >= newest)]
    rng = np.random.default_rng([seed, 33])
    u = rng.random(len(expected))
    sent = set(zip(reports["uscc"], reports["period"]))
    out = set()
    for uscc, draw in zip(expected["uscc"], u):
        if draw < MISSING_NEWEST:
            out.add((uscc, newest))
            if draw < MISSING_BOTH:
                out.add((uscc, previous))
    return out & sent


def arrival_times(reports: pd.DataFrame, seed: int = 2018) -> dict[tuple[str, int], dt.datetime]:
    """When each report (uscc, period) was received, Beijing time (see the module docstring)."""
    usccs = reports["uscc"].drop_duplicates().sort_values().to_numpy()
    habitual = dict(
        zip(usccs, np.random.default_rng([seed, 34]).random(len(usccs)) < HABITUAL_SHARE)
    )
    out = {}
    for period, group in reports.groupby("period", sort=True):
        rng = np.random.default_rng([seed, 35, int(period)])
        n = len(group)
        p_late = np.where(group["uscc"].map(habitual).to_numpy(), P_LATE_HABITUAL, P_LATE)
        u = rng.random(n)
        day = np.where(
            u < p_late,
            rng.choice(LATE_DAYS, n),
            np.where(u < p_late + P_EARLY, rng.choice(EARLY_DAYS, n), rng.choice(ON_TIME_DAYS, n)),
        )
        later = rng.random(n) < P_NEXT_MONTH  # a straggler: month M+2
        minute = rng.integers(8 * 60 + 30, 18 * 60, n)  # office hours
        a = _abs(int(period))
        base = [_period(a + 1), _period(a + 2)]
        for uscc, d, lt, mi in zip(group["uscc"], day, later, minute):
            p = base[int(lt)]
            out[(uscc, int(period))] = dt.datetime(
                p // 100, p % 100, int(d), int(mi) // 60, int(mi) % 60, tzinfo=BEIJING
            )
    return out


def report_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """uscc, period (YYYYMM) of each report in a generated frame (etl.sample.generate.generate_reports)."""
    keys = frame[[H["uscc"], H["period"]]].drop_duplicates()
    return pd.DataFrame(
        {
            "uscc": keys[H["uscc"]].to_numpy(),
            "period": (
                keys[H["period"]].str.slice(0, 4).astype(int) * 100
                + keys[H["period"]].str.slice(5, 7).astype(int)
            ).to_numpy(),
        }
    )


def sample_history(
    frame: pd.DataFrame, ents: pd.DataFrame, ref: ReferenceCodes, seed: int = 2018
) -> tuple[pd.DataFrame, pd.DataFrame, dict[tuple[str, int], dt.datetime]]:
    """The generated reports as a bureau would hold them: without the newest reports some key
    enterprises never sent, the register, and when each report was received."""
    end = int(frame[H["period"]].max().replace("-", ""))
    register = generate_register(ents, ref, seed, end)
    keys = report_keys(frame)
    missing = missing_reports(keys, register, seed)
    if missing:
        dropped = {f"{u}|{p // 100:04d}-{p % 100:02d}" for u, p in missing}
        frame = frame[~(frame[H["uscc"]] + "|" + frame[H["period"]]).isin(dropped)]
        keys = keys[[k not in missing for k in zip(keys["uscc"], keys["period"])]]
    return frame, register, arrival_times(keys, seed)
