"""Deterministic SYNTHETIC enterprise reports: realistic shape, invented firms (names end in （合成）).

Model, per enterprise: a region (80% Tianjin, 20% 两江新区), 1–3 service categories, 1–4 partner
economies, export/import profile, reporting currency and unit, entry/exit months and a handful of
"template" lines (direction × category × mode × partner). Each month every template line shows up
with a probability and an amount = size × line share × seasonality (Spring Festival dip) × trend ×
COVID shock × noise. Foreign-invested affiliates (~10%) also report large mode-3 lines: inward FATS
sales, written as 进口 with the investor's economy as partner (MSITS convention); a few Chinese
firms report outward FATS (出口). Mode 3 is never part of the BOP total (modes 1, 2, 4).

Calibration is deterministic scaling on the BOP basis, using only months 2017-01..2019-06 (always
generated, whatever range is asked for): Tianjin 2017-07..2018-06 = US$12.0bn and the pilot year
2018-07..2019-06 grows 13% (an exponential tilt over time); 两江新区 calendar 2017 = US$9.6bn
(just short of its US$10bn target). The 2020 shock then makes pilot year 2 miss 10%.

Random draws for a month depend only on (seed, month), so any [start, end] gives the same rows for
the months it shares with another range. Tables and parameters live in etl/sample/profiles/.
"""

from __future__ import annotations

import argparse
from calendar import monthrange
from pathlib import Path

import numpy as np
import pandas as pd

from etl.intake.schemas import REPORT_COLUMNS, UNITS
from etl.reference import ReferenceCodes, reference_from_seeds
from etl.sample import profiles as P
from etl.settings import PROJECT_ROOT

HEADERS: tuple[str, ...] = tuple(c.header_zh for c in REPORT_COLUMNS)
H = {c.key: c.header_zh for c in REPORT_COLUMNS}
DIRECTION_ZH = ("出口", "进口")
ENTERPRISE_COLUMNS = (
    "uscc",
    "name",
    "region_code",
    "profile",
    "size",
    "kind",
    "currency",
    "unit",
    "first_period",
    "last_period",
    "scale",
)
CAL_START, CAL_END = 201701, 201906  # months the calibration reads
_FRAC = np.array([f".{i:02d}" for i in range(100)], dtype=object)


def _abs(period: int) -> int:
    return (period // 100) * 12 + period % 100 - 1


def _period(a: int) -> int:
    return (a // 12) * 100 + a % 12 + 1


T0 = _abs(201806)  # time origin of trends and of the calibration tilt
_NEVER_IN, _NEVER_OUT = -(10**6), 10**6


def _rng(seed: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng([seed, *keys])


def _ref(ref: ReferenceCodes | None) -> ReferenceCodes:
    return ref if ref is not None else reference_from_seeds(PROJECT_ROOT / "seeds")


def _build(seed: int, n: int, ref: ReferenceCodes) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Enterprises and their template lines (small frames; the monthly expansion is vectorised)."""
    if n < 1:
        raise ValueError("n_enterprises must be at least 1")
    rng = _rng(seed, 1)
    n_tj = round(n * P.TIANJIN_SHARE)
    tj = [r for r in P.TIANJIN_REGION_WEIGHTS if r in ref.regions]
    regions = np.array(
        P.pick(rng, {r: P.TIANJIN_REGION_WEIGHTS[r] for r in tj}, size=n_tj)
        + [P.LIANGJIANG] * (n - n_tj),
        dtype=object,
    )
    regions = regions[rng.permutation(n)]
    u = rng.random(n)
    cut = np.cumsum([P.FOREIGN_AFFILIATE_SHARE, P.OUTWARD_SHARE, P.INSTITUTION_SHARE])
    kinds = np.select(
        [u < cut[0], u < cut[1], u < cut[2]], ["foreign", "outward", "institution"], "domestic"
    )
    subs = {
        m: sorted(c for c, mm in ref.category_main.items() if mm == m and c != m) for m in P.MAINS
    }
    partners_tj = {p: w for p, w in P.PARTNER_WEIGHTS.items() if p in ref.partners}
    partners_lj = {p: w * P.PARTNER_BOOST_LJ.get(p, 1.0) for p, w in partners_tj.items()}
    cu = list(range(len(P.CURRENCY_UNITS)))
    cu_idx = rng.choice(cu, size=n, p=[c[2] for c in P.CURRENCY_UNITS])
    late = rng.random(n) < P.ENTRY_LATE_SHARE
    entry = np.where(late, rng.integers(_abs(201502), _abs(202112) + 1, n), _NEVER_IN)
    exits = rng.random(n) < P.EXIT_SHARE
    exit_ = np.where(
        exits, np.maximum(rng.integers(_abs(201601), _abs(202112), n), entry + 6), _NEVER_OUT
    )
    scale = np.minimum(rng.lognormal(0.0, P.SCALE_SIGMA, n), P.SCALE_CAP)
    scale *= np.array([P.REGION_SCALE.get(r, 1.0) for r in regions])
    scale *= np.select([kinds == "foreign", kinds == "institution"], [2.0, 0.4], 1.0)
    firm_growth = rng.normal(0.0, 0.05, n)

    usccs, names, lines = [], [], []
    taken_codes: set[str] = set()
    taken_names: set[str] = set()
    for i in range(n):
        reg, kind = regions[i], str(kinds[i])
        group = "LJ" if reg == P.LIANGJIANG else "TJ"
        firm, main = P.firm_lines(
            rng, i, kind, reg, group, subs, partners_lj if group == "LJ" else partners_tj
        )
        lines += firm
        area = P.area_code(rng, reg, ref.region_area_codes[reg])
        usccs.append(P.new_uscc(rng, kind, area, entry[i] >= _abs(201510), taken_codes))
        names.append(P.new_name(rng, kind, reg, main, taken_names))
    lines_df = pd.DataFrame(
        lines, columns=["ent", "code", "main", "direction", "mode", "partner", "weight"]
    )
    lines_df["growth"] = lines_df["main"].map(P.GROWTH) + firm_growth[lines_df["ent"]]

    def profile(g: pd.DataFrame) -> str:
        return "类别 {}；方向 {}；模式 {}；伙伴 {}".format(
            "+".join(dict.fromkeys(g["code"])),
            "+".join(DIRECTION_ZH[d] for d in sorted(set(g["direction"]))),
            "+".join(str(m) for m in sorted(set(g["mode"]))),
            "+".join(dict.fromkeys(g["partner"])),
        )

    profiles = lines_df.groupby("ent", sort=True).apply(profile, include_groups=False)
    group_tj = regions != P.LIANGJIANG
    pct = np.empty(n)
    for mask in (group_tj, ~group_tj):
        if mask.any():
            pct[mask] = pd.Series(scale[mask]).rank(pct=True).to_numpy()
    size = np.select([pct > 0.95, pct > 0.75, pct > 0.3], ["大型", "中型", "小型"], "微型")
    ents = pd.DataFrame(
        {
            "uscc": usccs,
            "name": names,
            "region_code": list(regions),
            "profile": profiles.to_numpy(),
            "size": size,
            "kind": kinds,
            "currency": [P.CURRENCY_UNITS[c][0] for c in cu_idx],
            "unit": [P.CURRENCY_UNITS[c][1] for c in cu_idx],
            "first_period": pd.array(
                [_period(e) if e > _NEVER_IN else None for e in entry], "Int64"
            ),
            "last_period": pd.array(
                [_period(e) if e < _abs(202112) else None for e in exit_], "Int64"
            ),
            "scale": scale,
            "entry_abs": entry,
            "exit_abs": exit_,
        }
    )
    return ents, lines_df


def generate_enterprises(
    seed: int = 2018, n_enterprises: int = 2000, ref: ReferenceCodes | None = None
) -> pd.DataFrame:
    """The synthetic enterprises: uscc, name, region_code, profile, size (+ kind, currency, unit,
    first/last reporting period where they enter or exit within 2015–2021, relative scale)."""
    ents, _ = _build(seed, n_enterprises, _ref(ref))
    return ents[list(ENTERPRISE_COLUMNS)].copy()


def _month_factors(abs_months: np.ndarray) -> np.ndarray:
    """Seasonality × COVID shock, shape (months, 12 main categories)."""
    sd, sc = P.MAINS.index("SD"), P.MAINS.index("SC")
    out = np.ones((len(abs_months), len(P.MAINS)))
    for j, a in enumerate(abs_months):
        y, mo = divmod(int(a), 12)
        mo += 1
        f = P.SEASON_BASE[mo - 1] * monthrange(y, mo)[1] / 30.44
        sf = P.SPRING_FESTIVAL.get(y)
        sf_jan = sf is not None and sf.month == 1
        jan, feb = (0.85, 0.85) if sf_jan else ((0.95 if sf and sf.day <= 10 else 0.97), 0.75)
        f *= jan if mo == 1 else feb if mo == 2 else 1.0
        out[j] = f
        out[j, sd] *= P.SEASON_SD[mo - 1]
        k = a - _abs(202001)
        if k >= 0:
            k = min(k, len(P.COVID_ALL) - 1)
            out[j] *= P.COVID_ALL[k]
            out[j, sc] *= P.COVID_SC_BOOST[k]
            out[j, sd] *= P.COVID_SD[k] / P.COVID_ALL[k]
    return out


def _solve_tilt(
    monthly: np.ndarray, rel: np.ndarray, base: np.ndarray, target: np.ndarray, ratio: float
) -> float:
    """The per-year log tilt a with sum(target · e^{a·t}) / sum(base · e^{a·t}) = ratio (bisection)."""

    def f(a: float) -> float:
        w = monthly * np.exp(a * rel)
        return w[target].sum() / w[base].sum() - ratio

    lo, hi = -3.0, 3.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


def generate_reports(
    seed: int = 2018,
    start: int = 201501,
    end: int = 202112,
    n_enterprises: int = 2000,
    ref: ReferenceCodes | None = None,
) -> pd.DataFrame:
    """One row per enterprise × month × direction × category × mode × partner, with the report
    file's Chinese headers (REPORT_COLUMNS order) and every value as text."""
    ref = _ref(ref)
    if start > end:
        raise ValueError("start must not be after end")
    ents, lines = _build(seed, n_enterprises, ref)
    n = len(ents)
    l_ent = lines["ent"].to_numpy()
    main_idx = {m: i for i, m in enumerate(P.MAINS)}
    l_main = lines["main"].map(main_idx).to_numpy()
    l_mode = lines["mode"].to_numpy()
    l_presence = lines["main"].map(lambda m: P.PRESENCE.get(m, P.PRESENCE_DEFAULT)).to_numpy()
    l_sigma = lines["main"].map(lambda m: P.NOISE_SIGMA.get(m, P.NOISE_DEFAULT)).to_numpy()
    l_base = ents["scale"].to_numpy()[l_ent] / 12 * lines["weight"].to_numpy() / l_presence
    l_growth = lines["growth"].to_numpy()
    l_forced = np.zeros(len(lines), bool)
    l_forced[lines.groupby("ent")["weight"].idxmax().to_numpy()] = True
    entry, exit_ = ents["entry_abs"].to_numpy(), ents["exit_abs"].to_numpy()

    abs_months = np.arange(_abs(min(start, CAL_START)), _abs(max(end, CAL_END)) + 1)
    factors = _month_factors(abs_months)
    parts_line, parts_month, parts_amt = [], [], []
    for j, a in enumerate(abs_months):
        r = _rng(seed, 2, int(a))
        u_gap, z_firm = r.random(n), r.standard_normal(n)
        u_line, z = r.random(len(lines)), r.standard_normal(len(lines))
        active = (entry <= a) & (a <= exit_) & (u_gap >= P.GAP_P)
        present = active[l_ent] & (u_line < l_presence)
        silent = active & (np.bincount(l_ent[present], minlength=n) == 0)
        present |= l_forced & silent[l_ent]
        idx = np.flatnonzero(present)
        e = l_ent[idx]
        ramp = np.clip((a - entry[e] + 1) / P.RAMP_MONTHS, 0.3, 1.0)
        sig = l_sigma[idx]
        log_f = l_growth[idx] * (a - T0) / 12 + z[idx] * sig - sig**2 / 2 + 0.08 * z_firm[e]
        parts_amt.append(l_base[idx] * factors[j, l_main[idx]] * ramp * np.exp(log_f))
        parts_line.append(idx)
        parts_month.append(np.full(len(idx), j))
    row_line, row_month = np.concatenate(parts_line), np.concatenate(parts_month)
    usd = np.concatenate(parts_amt)

    # Calibration on the BOP basis (modes 1, 2, 4), from months 2017-01..2019-06 only.
    row_tj = (ents["region_code"].to_numpy() != P.LIANGJIANG)[l_ent[row_line]]
    bop = np.isin(l_mode, list(ref.modes_in_bop))[row_line]
    rel = (abs_months - T0) / 12
    tj_m = np.bincount(row_month, weights=usd * (row_tj & bop), minlength=len(abs_months))
    lj_m = np.bincount(row_month, weights=usd * (~row_tj & bop), minlength=len(abs_months))

    def window(p0: int, p1: int) -> np.ndarray:
        return (abs_months >= _abs(p0)) & (abs_months <= _abs(p1))

    base, py1, lj17 = window(201707, 201806), window(201807, 201906), window(201701, 201712)
    tilt, s_tj, s_lj = 0.0, 1.0, 1.0
    if tj_m[base].sum() > 0 and tj_m[py1].sum() > 0:
        tilt = _solve_tilt(tj_m, rel, base, py1, 1 + P.TJ_PILOT1_GROWTH)
        s_tj = P.TJ_BASE_TOTAL / (tj_m * np.exp(tilt * rel))[base].sum()
    if lj_m[lj17].sum() > 0:
        s_lj = P.LJ_2017_TOTAL / lj_m[lj17].sum()
    usd *= np.where(row_tj, s_tj * np.exp(tilt * rel[row_month]), s_lj)

    keep = (abs_months[row_month] >= _abs(start)) & (abs_months[row_month] <= _abs(end))
    row_line, row_month, usd = row_line[keep], row_month[keep], usd[keep]
    row_ent = l_ent[row_line]

    periods = [_period(int(a)) for a in abs_months]
    rates = np.array([float(ref.rate_for(p) or "nan") for p in periods])
    cny = (ents["currency"].to_numpy() == "CNY")[row_ent]
    if np.isnan(rates[row_month][cny]).any():
        raise ValueError("no CNY/USD rate in the reference data for some period in the range")
    divisor = np.array([UNITS[u][1] for u in ents["unit"]], dtype=float)[row_ent]
    value = usd * np.where(cny, np.nan_to_num(rates[row_month]), 1.0) / divisor
    minor = np.maximum(np.rint(value * 100), 1).astype(np.int64)
    amount = (minor // 100).astype(str).astype(object) + _FRAC[minor % 100]

    def by_ent(values) -> np.ndarray:
        return np.asarray(values, dtype=object)[row_ent]

    def by_line(values) -> np.ndarray:
        return np.asarray(values, dtype=object)[row_line]

    data = {
        H["uscc"]: by_ent(ents["uscc"]),
        H["enterprise_name"]: by_ent(ents["name"]),
        H["region"]: by_ent([ref.regions[r] for r in ents["region_code"]]),
        H["period"]: np.array([f"{p // 100:04d}-{p % 100:02d}" for p in periods], object)[
            row_month
        ],
        H["direction"]: np.array(DIRECTION_ZH, object)[lines["direction"].to_numpy()][row_line],
        H["category"]: by_line(lines["code"]),
        H["mode"]: by_line(lines["mode"].astype(str)),
        H["partner"]: by_line(lines["partner"]),
        H["amount"]: amount,
        H["currency"]: by_ent(ents["currency"]),
        H["unit"]: by_ent(ents["unit"]),
    }
    return pd.DataFrame(data, columns=list(HEADERS))


def write_reports(frame: pd.DataFrame, out_dir: Path, by: str = "year") -> list[Path]:
    """UTF-8 CSV files (header row first, no comment rows) named synthetic_reports_<key>.csv,
    one per year (by="year"), per month (by="month") or a single synthetic_reports.csv (by="all")."""
    if by not in ("year", "month", "all"):
        raise ValueError("by must be 'year', 'month' or 'all'")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if by == "all":
        groups = [("", frame)]
    else:
        keys = frame[H["period"]].str.slice(0, 4 if by == "year" else 7)
        groups = [(f"_{k}", g) for k, g in frame.groupby(keys, sort=True)]
    paths = []
    for suffix, g in groups:
        path = out_dir / f"synthetic_reports{suffix}.csv"
        g.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    """python -m etl.sample.generate OUT_DIR [--seed 2018] [--n 2000] [--start 201501] [--end 202112]"""
    ap = argparse.ArgumentParser(description="Write synthetic (合成) services-trade reports.")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--start", type=int, default=201501)
    ap.add_argument("--end", type=int, default=202112)
    ap.add_argument("--by", default="year")
    args = ap.parse_args(argv)
    frame = generate_reports(args.seed, args.start, args.end, args.n)
    for path in write_reports(frame, args.out_dir, args.by):
        print(path)


if __name__ == "__main__":
    main()
