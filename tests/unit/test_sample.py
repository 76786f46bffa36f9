"""The synthetic-report generator: deterministic, valid against the reference data, realistic shape,
and the calibrated scenario (Tianjin pilot years, 两江新区 2017) on the BOP basis."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pandas as pd
import pytest

from etl.intake.schemas import REPORT_COLUMNS, UNITS
from etl.intake.uscc import is_valid_uscc, org_code_consistent
from etl.periods import parse_period
from etl.reference import reference_from_seeds
from etl.sample.generate import (
    HEADERS,
    H,
    generate_enterprises,
    generate_reports,
    write_reports,
)
from etl.sample.scenario import bop_total, scenario_totals, usd_value
from etl.settings import PROJECT_ROOT

N = 300
TIANJIN, LIANGJIANG = "120000", "500000-LJ"


@pytest.fixture(scope="module")
def ref():
    return reference_from_seeds(PROJECT_ROOT / "seeds")


@pytest.fixture(scope="module")
def frame(ref):
    return generate_reports(n_enterprises=N, ref=ref)


@pytest.fixture(scope="module")
def enterprises(ref):
    return generate_enterprises(n_enterprises=N, ref=ref)


@pytest.fixture(scope="module")
def tianjin_monthly(frame, ref):
    """Tianjin BOP total (modes 1, 2, 4) in USD by period, as floats."""
    names = {ref.regions[c] for c in ref.region_descendants(TIANJIN)}
    rows = frame[frame[H["region"]].isin(names) & frame[H["mode"]].isin(["1", "2", "4"])]
    usd = usd_value(rows, ref).astype(float)
    return usd.groupby(rows[H["period"]]).sum()


def _digest(df: pd.DataFrame) -> str:
    return hashlib.sha256(
        pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes()
    ).hexdigest()


def test_deterministic_for_a_seed_and_different_across_seeds(frame, ref):
    assert _digest(generate_reports(n_enterprises=N, ref=ref)) == _digest(frame)
    assert _digest(generate_reports(seed=7, n_enterprises=N, ref=ref)) != _digest(frame)
    again = generate_enterprises(n_enterprises=N, ref=ref)
    assert _digest(again) == _digest(generate_enterprises(n_enterprises=N, ref=ref))


def test_a_shorter_range_gives_the_same_rows(frame, ref):
    part = generate_reports(start=201901, end=201906, n_enterprises=N, ref=ref)
    expected = frame[frame[H["period"]].between("2019-01", "2019-06")].reset_index(drop=True)
    pd.testing.assert_frame_equal(part, expected)


def test_columns_are_the_report_headers(frame):
    assert list(frame.columns) == [c.header_zh for c in REPORT_COLUMNS] == list(HEADERS)
    assert frame.notna().all().all()


def test_uscc_valid_unique_and_consistent_with_region(enterprises, ref):
    codes = enterprises["uscc"]
    assert codes.map(is_valid_uscc).all() and codes.map(org_code_consistent).all()
    assert codes.is_unique and enterprises["name"].is_unique
    assert (codes.str[:2] == "91").mean() > 0.9 and set(codes.str[:2]) <= {"91", "12"}
    assert all(
        c[2:8] in ref.region_area_codes[r] for c, r in zip(codes, enterprises["region_code"])
    )
    assert enterprises["name"].str.contains("（合成）", regex=False).all()


def test_regions_mostly_tianjin_with_binhai_largest(enterprises, ref):
    regions = enterprises["region_code"]
    tianjin = set(ref.region_descendants(TIANJIN))
    assert 0.75 <= regions.isin(tianjin).mean() <= 0.85
    assert 0.15 <= (regions == LIANGJIANG).mean() <= 0.25
    binhai = regions.isin(ref.region_descendants("120116")).sum()
    central = regions.isin(["120101", "120103", "120104"]).sum()
    assert binhai > central > regions.isin(["120115", "120117", "120118", "120119"]).sum()
    assert regions[regions.isin(tianjin)].nunique() >= 15


def test_all_codes_valid_against_reference(frame, ref):
    assert set(frame[H["category"]]) <= set(ref.categories)
    assert set(frame[H["partner"]]) <= set(ref.partners)
    assert set(frame[H["region"]]) <= set(ref.regions.values())
    assert set(frame[H["mode"]]) == {"1", "2", "3", "4"}
    assert set(frame[H["direction"]]) == {"出口", "进口"}
    assert frame[H["period"]].map(parse_period).notna().all()
    assert all(UNITS[u][0] == c for c, u in set(zip(frame[H["currency"]], frame[H["unit"]])))
    subs = frame[H["category"]].str.len() > 2
    assert 0.02 < subs.mean() < 0.4  # mostly main categories, some sub-items


def test_amounts_are_exact_positive_decimal_text(frame):
    amounts = frame[H["amount"]]
    assert amounts.str.fullmatch(r"\d+\.\d{2}").all()  # never float repr, never exponent
    values = amounts.map(Decimal)
    assert (values > 0).all()
    assert all(v.as_tuple().exponent >= -2 for v in values.iloc[::97])


def test_currency_mix(frame, enterprises):
    units = enterprises["unit"].value_counts(normalize=True)
    assert 0.1 <= (enterprises["currency"] == "CNY").mean() <= 0.3
    assert units.idxmax() == "万美元" and units.get("万元", 0) > units.get("元", 0)
    assert set(frame[H["unit"]]) <= set(UNITS)


def test_lines_per_enterprise_month_and_gaps(frame, enterprises):
    per = frame.groupby([H["uscc"], H["period"]]).size()
    assert 3.5 <= per.mean() <= 6.5
    months = frame[H["period"]].nunique()
    assert months == 84
    assert len(per) < 0.9 * len(enterprises) * months  # entries, exits, gaps
    keys = [H[k] for k in ("uscc", "period", "direction", "category", "mode", "partner")]
    assert not frame.duplicated(keys).any()


def test_mode_mix_makes_sense(frame, ref):
    main = frame[H["category"]].map(ref.category_main)
    mode = frame[H["mode"]]
    bop = mode != "3"
    assert (mode[bop & (main == "SD")] == "2").all()  # travel is consumption abroad
    assert (mode[main == "SC"] == "1").mean() > 0.8
    assert (mode[main.isin(["SJ", "SI"])] == "1").mean() > 0.75
    assert set(mode[bop & (main == "SE")]) <= {"1", "4"}
    usd = usd_value(frame, ref).astype(float)
    assert usd[mode == "4"].sum() < 0.1 * usd[bop].sum()
    fats_firms = frame.loc[mode == "3", H["uscc"]].nunique() / frame[H["uscc"]].nunique()
    assert 0.05 <= fats_firms <= 0.2
    assert usd[mode == "3"].mean() > 3 * usd[bop].mean()  # FATS sales lines are large


def test_partners_weighted_like_reality(frame, ref):
    usd = usd_value(frame, ref).astype(float)
    share = usd.groupby(frame[H["partner"]]).sum().sort_values(ascending=False)
    assert "HK" in share.index[:3] and "US" in share.index[:5]
    per_firm = frame.groupby(H["uscc"])[H["partner"]].nunique()
    assert per_firm.min() >= 1 and per_firm.max() <= 5  # 1–4 partners, + the investor for FATS


def test_spring_festival_dip(tianjin_monthly):
    years = range(2015, 2022)
    dips = 0
    for y in years:
        months = tianjin_monthly[tianjin_monthly.index.str.startswith(str(y))]
        dips += months[[f"{y}-01", f"{y}-02"]].mean() < months.mean()
    assert dips >= 6


def test_trend_and_covid_shock(tianjin_monthly, frame, ref):
    def total(p0: str, p1: str) -> float:
        return tianjin_monthly[(tianjin_monthly.index >= p0) & (tianjin_monthly.index <= p1)].sum()

    assert total("2019-01", "2019-12") > 1.2 * total("2015-01", "2015-12")
    assert total("2020-04", "2020-06") < 0.9 * total("2019-04", "2019-06")
    assert total("2020-02", "2020-05") < 0.8 * total("2019-02", "2019-05")
    assert total("2020-01", "2020-12") < total("2021-01", "2021-12")  # partial recovery
    travel = frame[H["category"]].map(ref.category_main) == "SD"
    sd = (
        usd_value(frame[travel], ref)
        .astype(float)
        .groupby(frame.loc[travel, H["period"]].str[:4])
        .sum()
    )
    assert sd["2020"] < 0.5 * sd["2019"]


def _check_scenario(totals: dict) -> None:
    assert totals["tj_growth1"] >= Decimal("0.10")
    assert totals["tj_growth2"] < Decimal("0.10")
    assert Decimal("9.3e9") <= totals["lj_2017"] <= Decimal("9.9e9")  # just short of US$10bn
    assert Decimal("3e9") <= totals["tj_base"] <= Decimal("15e9")


def test_scenario_holds(frame, ref):
    totals = scenario_totals(frame, ref)
    _check_scenario(totals)
    assert abs(totals["tj_growth1"] - Decimal("0.13")) < Decimal("0.005")


def test_mode_3_is_present_but_not_in_the_bop_total(frame, ref):
    lj = bop_total(frame, ref, LIANGJIANG, 201701, 201712)
    names = {ref.regions[c] for c in ref.region_descendants(LIANGJIANG)}
    rows = frame[frame[H["region"]].isin(names) & frame[H["period"]].str.startswith("2017")]
    with_fats = sum(usd_value(rows, ref), Decimal(0))
    fats = sum(usd_value(rows[rows[H["mode"]] == "3"], ref), Decimal(0))
    assert fats > Decimal("1e9") and abs(with_fats - (lj + fats)) < 1
    assert with_fats > Decimal("10e9")  # adding FATS sales would wrongly "meet" the target


def test_usd_value_converts_cny_at_the_period_rate(frame, ref):
    row = frame[(frame[H["currency"]] == "CNY") & (frame[H["unit"]] == "万元")].iloc[[0]]
    rate = ref.rate_for(parse_period(row[H["period"]].iloc[0]))
    assert usd_value(row, ref).iloc[0] == Decimal(row[H["amount"]].iloc[0]) * 10000 / rate
    usd_row = frame[frame[H["unit"]] == "万美元"].iloc[[0]]
    assert usd_value(usd_row, ref).iloc[0] == Decimal(usd_row[H["amount"]].iloc[0]) * 10000


def test_write_reports_round_trip(frame, tmp_path):
    part = frame[frame[H["period"]] <= "2016-12"]
    paths = write_reports(part, tmp_path)
    assert [p.name for p in paths] == ["synthetic_reports_2015.csv", "synthetic_reports_2016.csv"]
    first = paths[0].read_text(encoding="utf-8").splitlines()[0]
    assert first == ",".join(HEADERS)
    back = pd.concat(
        [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths], ignore_index=True
    )
    pd.testing.assert_frame_equal(back, part.reset_index(drop=True), check_dtype=False)
    assert [p.name for p in write_reports(part, tmp_path / "all", by="all")] == [
        "synthetic_reports.csv"
    ]
    with pytest.raises(ValueError):
        write_reports(part, tmp_path, by="week")


def test_default_size_scenario_volume(ref):
    """The default run (2,000 enterprises × 84 months): its volume and its scenario."""
    full = generate_reports(ref=ref)
    assert 400_000 <= len(full) <= 1_200_000
    assert full[H["uscc"]].nunique() == 2000
    _check_scenario(scenario_totals(full, ref))
