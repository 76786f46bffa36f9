"""Data-quality rules: each fires on a constructed case and stays quiet on its near miss."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.periods import add_months
from etl.quality.rules import FLAG_COLUMNS, compute_flags
from etl.quality.thresholds import QualityThresholds

TH = QualityThresholds()
USD = 100  # cents per dollar
MILLION = 1_000_000 * USD
A = "91120116MA05AAAA0A"


def reports(
    totals: list[int],
    start: int = 201901,
    uscc: str = A,
    versions: list[int] | None = None,
    periods: list[int] | None = None,
) -> pd.DataFrame:
    """One enterprise's current reports: consecutive months from start (or the given periods)."""
    periods = periods or [add_months(start, i) for i in range(len(totals))]
    n = len(totals)
    return pd.DataFrame(
        {
            "report_id": range(1, n + 1),
            "uscc": [uscc] * n,
            "period": periods,
            "version_id": range(101, 101 + n),
            "total_usd_cents": totals,
            "versions": versions or [1] * n,
        }
    )


def lines(rows: list[tuple]) -> pd.DataFrame:
    """(period, direction, partner, cents) rows of enterprise A."""
    return pd.DataFrame(
        [(A, *r) for r in rows],
        columns=["uscc", "period", "direction", "partner_code", "usd_cents"],
    )


NO_LINES = lines([])


def fired(
    rep: pd.DataFrame, rule: str, lin: pd.DataFrame = NO_LINES, th: QualityThresholds = TH
) -> pd.DataFrame:
    """The flags of one rule on these reports and lines."""
    flags = compute_flags(rep, lin, th)
    return flags[flags["rule"] == rule]


# History whose log median is 0 (US$1m) and whose MAD is log(1.1) ≈ 0.0953, so the cut-off
# |z| > 5 lies at a ratio of exp(5 × 0.0953 / 0.6745) ≈ 2.03 to the median (either way).
HISTORY = [m * MILLION // 10 for m in (10, 11, 9, 10, 11, 9)]


@pytest.mark.parametrize(
    "month7,fires",
    [
        (21 * MILLION // 10, "up"),
        (19 * MILLION // 10, None),
        (45 * MILLION // 100, "down"),
        (52 * MILLION // 100, None),
    ],
)
def test_jump_fires_beyond_the_cut_off_only(month7, fires):
    """US$2.1m or US$0.45m after a history around US$1m is a jump; US$1.9m or 0.52m is not."""
    flags = fired(reports(HISTORY + [month7]), "jump")
    if fires is None:
        assert flags.empty
        return
    (detail,) = flags["detail"]
    assert flags["period"].tolist() == [201907] and detail["direction"] == fires
    assert detail["prior_months"] == 6 and detail["median_usd_cents"] == MILLION
    assert abs(detail["z"]) > 5 and detail["total_usd_cents"] == month7


def test_jump_needs_six_earlier_months():
    """The same tenfold month after only five months is not judged (no stable history)."""
    assert fired(reports(HISTORY[:5] + [10 * MILLION]), "jump").empty
    assert not fired(reports(HISTORY + [10 * MILLION]), "jump").empty


def test_jump_must_matter_in_dollars():
    """Fivefold on a US$100k history is a jump of US$400k: too small; sevenfold (US$600k) is not."""
    small = [m // 10 for m in HISTORY]
    assert fired(reports(small + [5 * MILLION // 10]), "jump").empty
    assert not fired(reports(small + [7 * MILLION // 10]), "jump").empty


def test_jump_looks_back_at_most_the_window():
    """Thirty months at US$10m, then 24 at US$1m, then US$10m again: a jump against the last
    24 months (the default window), not against the whole history (a 60-month window)."""
    history = reports([10 * MILLION] * 30 + [MILLION] * 24 + [10 * MILLION])
    last = history["period"].iloc[-1]
    assert last in fired(history, "jump")["period"].tolist()
    wide = QualityThresholds(jump_window=60)
    assert last not in fired(history, "jump", th=wide)["period"].tolist()


def test_jump_on_a_constant_history_uses_the_mad_floor():
    """Six identical months of US$10m (MAD 0): +30% passes, +50% is flagged (floor 0.05)."""
    assert fired(reports([10 * MILLION] * 6 + [13 * MILLION]), "jump").empty
    assert not fired(reports([10 * MILLION] * 6 + [15 * MILLION]), "jump").empty


@pytest.mark.parametrize("last,fires", [(76, True), (74, False)])
def test_annual_share_above_sixty_percent(last, fires):
    """Five months of 10 and one of 76 (60.3% of 126) fires; 74 (59.7% of 124) does not."""
    flags = fired(reports([10 * MILLION] * 5 + [last * MILLION]), "annual_share")
    assert len(flags) == int(fires)
    if fires:
        detail = flags["detail"].iloc[0]
        assert flags["period"].iloc[0] == 201906 and detail["months"] == 6
        assert detail["share"] == round(76 / 126, 4) and detail["year"] == 2019


def test_annual_share_needs_six_months_in_the_year():
    """Five months reported: even 95% of the year in one month is not judged yet; the year is
    the calendar year (six months spread over two years do not count together)."""
    assert fired(reports([MILLION] * 4 + [95 * MILLION]), "annual_share").empty
    split = reports([MILLION] * 5 + [95 * MILLION], start=201810)
    assert fired(split, "annual_share").empty


def _partner_case(
    new_cents: int,
    old_cents: int = 12 * MILLION // 10,
    prior: int = 6,
    earlier_import_from_jp: bool = False,
):
    rep = reports([2 * MILLION] * prior + [new_cents + old_cents])
    rows = [(p, "X", "US", 2 * MILLION) for p in rep["period"][:prior]]
    if earlier_import_from_jp:
        rows.append((201901, "M", "JP", 10 * USD))
    rows += [
        (rep["period"].iloc[-1], "X", "US", old_cents),
        (rep["period"].iloc[-1], "X", "JP", new_cents),
    ]
    return rep, lines(rows)


def test_new_partner_fires_when_large_in_share_and_amount():
    """JP first appears with US$1.3m of US$2.5m exports (52%) after six months of US only."""
    rep, lin = _partner_case(13 * MILLION // 10)
    flags = fired(rep, "new_partner", lin)
    assert flags["period"].tolist() == [201907]
    detail = flags["detail"].iloc[0]
    assert detail["partners"] == [{"partner": "JP", "usd_cents": 13 * MILLION // 10, "share": 0.52}]
    assert detail["month_exports_usd_cents"] == 25 * MILLION // 10


@pytest.mark.parametrize(
    "case",
    [
        dict(new_cents=11 * MILLION // 10),  # 47.8% of the month's exports
        dict(new_cents=99 * MILLION // 100, old_cents=MILLION // 2),  # 66%, but under US$1m
        dict(new_cents=13 * MILLION // 10, prior=5),  # a newcomer: too little history
        dict(new_cents=13 * MILLION // 10, earlier_import_from_jp=True),  # JP seen before (imports)
    ],
)
def test_new_partner_near_misses(case):
    """Just under the share, just under US$1m, five months of history, or a known partner."""
    rep, lin = _partner_case(**case)
    assert fired(rep, "new_partner", lin).empty


def test_repeated_total_six_consecutive_months():
    """The same US$123,456.78 six months running: the sixth (and a seventh) month are flagged."""
    flags = fired(reports([12_345_678] * 7), "repeated")
    assert flags["period"].tolist() == [201906, 201907]
    assert flags["detail"].iloc[0] == {
        "total_usd_cents": 12_345_678,
        "run_start": 201901,
        "months": 6,
    }


@pytest.mark.parametrize(
    "rep",
    [
        reports([12_345_678] * 5),  # five months only
        reports([12_345_678] * 5 + [12_345_679]),  # one cent different
        reports([0] * 8),  # nothing reported is not a repeated amount
        reports([12_345_678] * 6, periods=[201901, 201902, 201903, 201905, 201906, 201907]),  # gap
    ],
)
def test_repeated_near_misses(rep):
    """Five months, a one-cent difference, zeros, or a month missing in between: no flag."""
    assert fired(rep, "repeated").empty


def test_revisions_three_versions():
    """A report in its third version is flagged; its neighbour in its second is not."""
    flags = fired(reports([MILLION, 2 * MILLION], versions=[3, 2]), "revisions")
    assert flags["period"].tolist() == [201901]
    assert flags["detail"].iloc[0] == {"versions": 3}


def test_flags_carry_report_and_version_and_thresholds_are_settings():
    """Each flag names its report and the version it judged; a stricter setting fires more."""
    rep = reports([MILLION, 2 * MILLION], versions=[3, 2])
    flags = compute_flags(rep, NO_LINES)
    assert list(flags.columns) == FLAG_COLUMNS
    assert flags[["report_id", "version_id"]].values.tolist() == [[1, 101]]
    strict = QualityThresholds(revisions_min_versions=2)
    assert len(compute_flags(rep, NO_LINES, strict)) == 2


def test_no_reports_no_flags():
    """Empty input gives an empty frame with the flag columns."""
    assert compute_flags(reports([]), NO_LINES).empty


def test_thresholds_from_environment():
    """STM_QUALITY_<FIELD> overrides a default with the field's type."""
    th = QualityThresholds.from_env({"STM_QUALITY_JUMP_Z": "4", "STM_QUALITY_REPEAT_MONTHS": "8"})
    assert th.jump_z == 4.0 and th.repeat_months == 8 and th.share_max == 0.6


def test_settings_carry_the_thresholds():
    """Settings.from_env reads them; a Settings built in code has the defaults."""
    from etl.settings import Settings

    assert Settings.from_env({"STM_QUALITY_SHARE_MAX": "0.7"}).quality.share_max == 0.7
    assert Settings().quality == QualityThresholds()


def test_since_judges_only_the_months_a_change_can_alter():
    """With since=2019-02 the jumps of 2018-07 and 2019-01 are not judged again, but January's
    annual share is (its year's total includes the months from February on)."""
    rep = reports(
        [10 * MILLION] * 6 + [50 * MILLION] + [10 * MILLION] * 5 + [50 * MILLION] + [MILLION] * 5,
        start=201801,
    )
    everything = compute_flags(rep, NO_LINES)
    later = compute_flags(rep, NO_LINES, since=201902)
    assert set(everything[everything["rule"] == "jump"]["period"]) >= {201807, 201901}
    assert not {201807, 201901} & set(later[later["rule"] == "jump"]["period"])
    assert set(later[later["rule"] == "annual_share"]["period"]) == {201901}
