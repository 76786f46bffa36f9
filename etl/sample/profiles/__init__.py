"""The synthetic sample's enterprise profiles: the invented but plausible parameters behind
etl/sample/generate.py (regions: where firms sit and what they mainly trade; trade: modes, export
shares, presence, growth, partners; firms: kinds of respondent, currencies, entry and exit;
timeline: calibration, seasonality, Spring Festival, COVID) and the builders for one firm (draw:
the weighted pick; identity: names and USCCs; lines: categories and template lines); the names
generate reads re-exported here. Not official statistics. May import: numpy, intake.uscc.
"""

from __future__ import annotations

from etl.sample.profiles.draw import pick
from etl.sample.profiles.firms import (
    CURRENCY_UNITS,
    ENTRY_LATE_SHARE,
    EXIT_SHARE,
    FOREIGN_AFFILIATE_SHARE,
    GAP_P,
    INSTITUTION_SHARE,
    OUTWARD_SHARE,
    RAMP_MONTHS,
    SCALE_CAP,
    SCALE_SIGMA,
)
from etl.sample.profiles.identity import area_code, new_name, new_uscc
from etl.sample.profiles.lines import firm_lines
from etl.sample.profiles.regions import (
    LIANGJIANG,
    MAINS,
    REGION_SCALE,
    TIANJIN,
    TIANJIN_REGION_WEIGHTS,
    TIANJIN_SHARE,
)
from etl.sample.profiles.timeline import (
    COVID_ALL,
    COVID_SC_BOOST,
    COVID_SD,
    LJ_2017_TOTAL,
    SEASON_BASE,
    SEASON_SD,
    SPRING_FESTIVAL,
    TJ_BASE_TOTAL,
    TJ_PILOT1_GROWTH,
)
from etl.sample.profiles.trade import (
    GROWTH,
    NOISE_DEFAULT,
    NOISE_SIGMA,
    PARTNER_BOOST_LJ,
    PARTNER_WEIGHTS,
    PRESENCE,
    PRESENCE_DEFAULT,
)

__all__ = [
    "MAINS",
    "TIANJIN",
    "LIANGJIANG",
    "TIANJIN_REGION_WEIGHTS",
    "TIANJIN_SHARE",
    "REGION_SCALE",
    "PRESENCE",
    "PRESENCE_DEFAULT",
    "NOISE_SIGMA",
    "NOISE_DEFAULT",
    "GROWTH",
    "PARTNER_WEIGHTS",
    "PARTNER_BOOST_LJ",
    "SCALE_SIGMA",
    "SCALE_CAP",
    "FOREIGN_AFFILIATE_SHARE",
    "OUTWARD_SHARE",
    "INSTITUTION_SHARE",
    "CURRENCY_UNITS",
    "ENTRY_LATE_SHARE",
    "EXIT_SHARE",
    "GAP_P",
    "RAMP_MONTHS",
    "TJ_BASE_TOTAL",
    "TJ_PILOT1_GROWTH",
    "LJ_2017_TOTAL",
    "SEASON_BASE",
    "SEASON_SD",
    "SPRING_FESTIVAL",
    "COVID_ALL",
    "COVID_SD",
    "COVID_SC_BOOST",
    "pick",
    "area_code",
    "new_uscc",
    "new_name",
    "firm_lines",
]
