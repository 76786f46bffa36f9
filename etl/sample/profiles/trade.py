"""What the synthetic firms' lines carry: modes of supply, export shares, how often a line shows up
and its noise, growth by category, sub-items, partner economies and the economies of mode-3
affiliates. Invented but plausible parameters, not official statistics.
"""

from __future__ import annotations

# Modes of supply per main category: (mode, probability).
MODE_MIX: dict[str, tuple[tuple[int, float], ...]] = {
    "SA": ((1, 1.0),),
    "SB": ((1, 0.65), (2, 0.2), (4, 0.15)),
    "SC": ((1, 0.9), (2, 0.1)),
    "SD": ((2, 1.0),),
    "SE": ((1, 0.5), (4, 0.5)),
    "SF": ((1, 0.95), (2, 0.05)),
    "SG": ((1, 0.92), (2, 0.08)),
    "SH": ((1, 1.0),),
    "SI": ((1, 0.92), (4, 0.08)),
    "SJ": ((1, 0.85), (2, 0.05), (4, 0.1)),
    "SK": ((1, 0.6), (2, 0.3), (4, 0.1)),
    "SL": ((1, 0.5), (2, 0.5)),
}
MODE4_ADDON = {"SB": 0.1, "SE": 0.2, "SI": 0.1, "SJ": 0.12}  # extra mode-4 line (staff sent abroad)
MODE4_WEIGHT = 0.3  # mode-4 lines are small

# Share of a category's value that is exports (the rest imports).
EXPORT_SHARE = {
    "SA": 0.95,
    "SB": 0.6,
    "SC": 0.55,
    "SD": 0.3,
    "SE": 0.7,
    "SF": 0.3,
    "SG": 0.45,
    "SH": 0.15,
    "SI": 0.65,
    "SJ": 0.55,
    "SK": 0.4,
    "SL": 0.5,
}
# How often a line shows up in a month (royalties and construction are lumpy), and its noise.
PRESENCE = {"SE": 0.6, "SH": 0.45, "SL": 0.5}
PRESENCE_DEFAULT = 0.88
NOISE_SIGMA = {"SE": 0.5, "SH": 0.45, "SL": 0.4}
NOISE_DEFAULT = 0.2
# Underlying growth per year by category (before calibration; 维修/文化 grow faster, 加工 declines).
GROWTH = {
    "SA": -0.05,
    "SB": 0.16,
    "SC": 0.07,
    "SD": 0.08,
    "SE": 0.04,
    "SF": 0.08,
    "SG": 0.1,
    "SH": 0.11,
    "SI": 0.13,
    "SJ": 0.09,
    "SK": 0.16,
    "SL": 0.02,
}
SUB_ITEM_SHARE = 0.2  # a firm reports a category under one of its sub-items this often

# Partner economies (ISO 3166): the usual top partners plus Belt-and-Road economies.
PARTNER_WEIGHTS: dict[str, float] = {
    "HK": 22,
    "US": 13,
    "JP": 9,
    "KR": 7,
    "SG": 6,
    "DE": 5,
    "GB": 4,
    "AU": 3,
    "TW": 3,
    "FR": 2,
    "NL": 2,
    "CA": 2,
    "MO": 1,
    "IT": 1,
    "CH": 1,
    "RU": 2,
    "MY": 1.5,
    "TH": 1.5,
    "VN": 1.5,
    "ID": 1.5,
    "IN": 1.5,
    "AE": 1.5,
    "KZ": 1,
    "PK": 1,
    "SA": 1,
    "PL": 0.8,
    "TR": 0.8,
    "PH": 0.8,
    "IL": 0.5,
    "CZ": 0.5,
    "HU": 0.5,
    "EG": 0.5,
    "BD": 0.4,
    "LK": 0.3,
    "UZ": 0.3,
    "MN": 0.3,
}
PARTNER_BOOST_LJ = {"DE": 2, "PL": 2.5, "KZ": 2, "RU": 1.5, "SG": 1.5}  # 中欧班列, 中新互联互通
N_PARTNERS_P = (0.2, 0.3, 0.3, 0.2)  # a firm trades with 1..4 partners
# Investor economies of foreign-invested affiliates (mode 3, inward FATS).
FDI_SOURCE_WEIGHTS = {
    "HK": 45,
    "SG": 8,
    "JP": 10,
    "KR": 8,
    "US": 8,
    "DE": 6,
    "TW": 6,
    "GB": 3,
    "NL": 3,
    "FR": 3,
}
# Host economies of Chinese-owned affiliates abroad (mode 3, outward FATS).
OUTWARD_HOST_WEIGHTS = {
    "HK": 30,
    "SG": 10,
    "US": 8,
    "PK": 6,
    "MY": 6,
    "ID": 6,
    "KZ": 5,
    "AE": 5,
    "SA": 4,
    "DE": 4,
    "RU": 4,
    "TH": 4,
}
