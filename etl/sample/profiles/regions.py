"""Where the synthetic firms sit and what they mainly trade: the 12 main categories, the region
mix inside Tianjin and 两江新区's share, category weights by region group, local specialisms and
size by region. Invented but plausible parameters, not official statistics.
"""

from __future__ import annotations

MAINS: tuple[str, ...] = tuple(f"S{c}" for c in "ABCDEFGHIJKL")

# Region mix inside Tianjin (滨海新区 and its functional zones largest; 和平/河西/南开 sizeable).
TIANJIN_REGION_WEIGHTS: dict[str, float] = {
    "120116": 16,
    "120116-TEDA": 12,
    "120116-TJFTZ": 8,
    "120116-HTDZ": 7,
    "120116-SSTEC": 3,
    "120116-DJ": 6,
    "120101": 10,
    "120103": 10,
    "120104": 7,
    "120102": 3,
    "120105": 3,
    "120106": 1.5,
    "120110": 2.5,
    "120111": 3,
    "120112": 1.5,
    "120113": 2,
    "120114": 2,
    "120115": 0.8,
    "120117": 0.5,
    "120118": 0.8,
    "120119": 0.5,
}
TIANJIN_SHARE = 0.8
LIANGJIANG = "500000-LJ"
TIANJIN = "120000"

# Which main category a firm mainly trades in, by region group.
CATEGORY_WEIGHTS: dict[str, dict[str, float]] = {
    "TJ": {
        "SA": 5,
        "SB": 6,
        "SC": 22,
        "SD": 7,
        "SE": 5,
        "SF": 3,
        "SG": 5,
        "SH": 5,
        "SI": 14,
        "SJ": 22,
        "SK": 5,
        "SL": 1,
    },
    "LJ": {
        "SA": 9,
        "SB": 4,
        "SC": 14,
        "SD": 5,
        "SE": 5,
        "SF": 3,
        "SG": 5,
        "SH": 7,
        "SI": 20,
        "SJ": 22,
        "SK": 5,
        "SL": 1,
    },
}
# Local specialisms: multipliers on CATEGORY_WEIGHTS for firms in a region.
REGION_CATEGORY_BOOST: dict[str, dict[str, float]] = {
    "120116-DJ": {"SG": 5, "SC": 2},  # 东疆: financial leasing, shipping
    "120116-TJFTZ": {"SC": 2, "SB": 3},  # airport/port: logistics, aircraft maintenance
    "120116-HTDZ": {"SI": 2.5, "SH": 2},
    "120116-TEDA": {"SJ": 1.5, "SI": 1.5, "SH": 1.5, "SA": 2},
    "120116-SSTEC": {"SI": 2, "SK": 3},
    "120116": {"SC": 1.8, "SE": 1.5},
    "120101": {"SD": 2.5, "SF": 2.5, "SG": 2},  # 和平: finance, travel agencies
    "120103": {"SJ": 1.5, "SG": 1.5, "SE": 1.5},
    "120104": {"SI": 1.8, "SK": 1.8},  # 南开: universities, software
}
# Size multipliers by region (the Binhai zones host the large logistics and leasing firms).
REGION_SCALE = {"120116": 1.3, "120116-TEDA": 1.3, "120116-TJFTZ": 1.3, "120116-DJ": 1.6}
