"""The kinds of synthetic respondent: size, foreign and outward affiliates, institutions, how many
categories, directions and lines, reporting currency and unit, entry, exit and gaps. Invented but
plausible parameters, not official statistics.
"""

from __future__ import annotations

SCALE_SIGMA, SCALE_CAP = 1.15, 40.0  # firm size: lognormal, capped (no single firm dominates)

# Kinds of respondent.
FOREIGN_AFFILIATE_SHARE = 0.10  # foreign-invested affiliates: report mode-3 (FATS) sales lines
OUTWARD_SHARE = 0.02  # Chinese firms with affiliates abroad (mode-3 exports)
INSTITUTION_SHARE = 0.02  # 事业单位 (USCC "12…"): research institutes, design institutes
N_CATEGORIES_P = (0.45, 0.35, 0.2)
DIRECTIONS_P = (0.55, 0.3, 0.15)  # both, exports only, imports only
EXTRA_LINES_LAMBDA = 5.5  # template lines beyond one per category (Poisson mean)
# (currency, unit, probability)
CURRENCY_UNITS = (
    ("USD", "万美元", 0.78),
    ("CNY", "万元", 0.18),
    ("USD", "美元", 0.02),
    ("CNY", "元", 0.02),
)
ENTRY_LATE_SHARE = 0.35  # firms that start reporting after January 2015
EXIT_SHARE = 0.12
GAP_P = 0.04  # a firm misses a month
RAMP_MONTHS = 6
