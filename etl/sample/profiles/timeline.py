"""The synthetic sample over time: calibration totals, seasonality, Spring Festival dates and the
COVID-19 multipliers. Invented but plausible parameters, not official statistics.
"""

from __future__ import annotations

from datetime import date

# Calibration (US dollars, BOP basis = modes 1, 2, 4).
TJ_BASE_TOTAL = 12.0e9  # Tianjin 2017-07..2018-06
TJ_PILOT1_GROWTH = 0.13  # 2018-07..2019-06 over the base year
LJ_2017_TOTAL = 9.6e9  # 两江新区 calendar 2017: just short of the US$10bn target

# Seasonality: month-of-year factors (before the Spring Festival and month-length adjustments).
SEASON_BASE = (0.99, 1.0, 1.02, 0.99, 1.0, 1.05, 1.0, 1.0, 1.02, 0.96, 1.02, 1.12)
SEASON_SD = (1.0, 1.2, 0.9, 0.95, 1.0, 1.0, 1.2, 1.25, 0.95, 1.1, 0.85, 0.85)  # travel peaks
SPRING_FESTIVAL = {
    2013: date(2013, 2, 10),
    2014: date(2014, 1, 31),
    2015: date(2015, 2, 19),
    2016: date(2016, 2, 8),
    2017: date(2017, 1, 28),
    2018: date(2018, 2, 16),
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
}

# COVID-19: multipliers on the trend, 2020-01..2021-12 (later months keep December 2021's).
COVID_ALL = (
    0.97,
    0.52,
    0.58,
    0.64,
    0.70,
    0.76,
    0.78,
    0.80,
    0.82,
    0.83,
    0.84,
    0.86,
    0.72,
    0.70,
    0.73,
    0.73,
    0.74,
    0.74,
    0.75,
    0.75,
    0.76,
    0.76,
    0.77,
    0.77,
)
COVID_SD = (  # travel collapses
    0.90,
    0.35,
    0.15,
    0.12,
    0.12,
    0.14,
    0.16,
    0.18,
    0.18,
    0.20,
    0.20,
    0.20,
    0.22,
    0.22,
    0.23,
    0.24,
    0.24,
    0.25,
    0.26,
    0.26,
    0.27,
    0.27,
    0.28,
    0.28,
)
COVID_SC_BOOST = (  # freight rates surge from mid-2020 (multiplies COVID_ALL)
    1.0,
    1.0,
    1.05,
    1.1,
    1.15,
    1.2,
    1.25,
    1.3,
    1.35,
    1.4,
    1.45,
    1.5,
    1.5,
    1.5,
    1.52,
    1.54,
    1.55,
    1.56,
    1.57,
    1.58,
    1.58,
    1.6,
    1.6,
    1.6,
)
