"""Tables and one-firm builders behind the synthetic-report generator (etl/sample/generate.py).

Everything here is an invented but plausible parameter, not an official statistic.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from etl.intake.uscc import CHARSET, complete_uscc

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

# Name parts.
SYNTHETIC_MARK = "（合成）"
ZIHAO_CHARS = "恒达信诚华通海泰安远瑞博宏鑫嘉盛联创智汇德丰源广昌隆兴旺宇鼎卓越星辰润合众益新融航腾"
FOREIGN_SYLLABLES = "艾德森诺维斯卡特伦菲瑞克普拉尔蒙纳丽奥贝格莱"
INDUSTRY_WORDS = {
    "SA": ("电子加工", "精密制造", "来料加工"),
    "SB": ("航空维修工程", "船舶修理", "设备维修服务", "飞机维修"),
    "SC": ("国际物流", "国际货运代理", "航运", "港口物流", "供应链管理", "航空货运"),
    "SD": ("国际旅行社", "商务旅行服务", "留学服务", "国际医疗健康管理"),
    "SE": ("建设工程", "国际工程", "建筑工程"),
    "SF": ("保险经纪", "保险代理", "再保险经纪"),
    "SG": ("融资租赁", "金融租赁", "商业保理", "金融信息服务"),
    "SH": ("知识产权运营", "品牌管理", "技术许可"),
    "SI": ("软件", "信息技术", "网络科技", "数据科技", "云计算"),
    "SJ": ("企业管理咨询", "检验检测", "技术服务", "工程设计", "会计咨询", "广告"),
    "SK": ("文化传媒", "影视制作", "动漫", "会展服务"),
    "SL": ("国际事务服务",),
}
INSTITUTION_WORDS = ("技术研究院", "科学研究所", "检测中心", "设计研究院")
COMPANY_SUFFIXES = (("有限公司", 0.8), ("股份有限公司", 0.1), ("有限责任公司", 0.1))
REGION_PREFIXES = {
    "120116-TJFTZ": "天津港保税区",
    "120116-SSTEC": "中新天津生态城",
    "120116-DJ": "天津东疆",
    "120116-HTDZ": "天津滨海高新区",
    "120116-TEDA": "天津开发区",
    "120116": "天津滨海",
    LIANGJIANG: "重庆两江",
}


# Builders for one firm (called in a loop by etl.sample.generate._build; the rng is shared, in order).


def pick(rng: np.random.Generator, weights: dict, size: int | None = None, replace=True):
    """One key (size=None) or a list of keys drawn with the given weights."""
    keys = list(weights)
    w = np.array([weights[k] for k in keys], dtype=float)
    idx = rng.choice(len(keys), size=size, replace=replace, p=w / w.sum())
    return keys[idx] if size is None else [keys[i] for i in idx]


def area_code(rng: np.random.Generator, region: str, codes: frozenset[str]) -> str:
    """USCC positions 3–8: mostly the region's own registration authority, sometimes the city's."""
    own = region.split("-")[0]
    zone = "-" in region and region != LIANGJIANG
    weights = {}
    for c in sorted(codes):
        if c.endswith("0000"):
            weights[c] = 1.0
        elif zone:
            weights[c] = 3.0 if c == own else 6.0
        else:
            weights[c] = 10.0 if c == own else 2.0
    return pick(rng, weights)


def new_uscc(rng: np.random.Generator, kind: str, area: str, recent: bool, taken: set[str]) -> str:
    """A unique valid USCC: "91" (enterprise) or "12" (事业单位), the area code, then the 主体标识码."""
    while True:
        if kind != "institution" and rng.random() < (0.9 if recent else 0.05):
            # registered since the USCC reform (Oct 2015): "MA" + 6 characters
            body = "MA" + "".join(CHARSET[i] for i in rng.integers(0, 31, 6))
        else:  # converted from an old 组织机构代码: 8 digits
            body = "".join(str(d) for d in rng.integers(0, 10, 8))
        code = complete_uscc(("12" if kind == "institution" else "91") + area + body)
        if code not in taken:
            taken.add(code)
            return code


def new_name(rng: np.random.Generator, kind: str, region: str, main: str, taken: set[str]) -> str:
    city = "重庆" if region == LIANGJIANG else "天津"
    while True:
        zihao = "".join(rng.choice(list(ZIHAO_CHARS), 2, replace=False))
        industry = str(rng.choice(INDUSTRY_WORDS[main]))
        suffix = pick(rng, dict(COMPANY_SUFFIXES))
        if kind == "institution":
            name = f"{city}市{zihao}{rng.choice(INSTITUTION_WORDS)}"
        elif kind == "foreign":
            brand = "".join(rng.choice(list(FOREIGN_SYLLABLES), 3, replace=False))
            name = f"{brand}（{city}）{industry}有限公司"
        elif rng.random() < 0.25:
            name = f"{zihao}（{city}）{industry}{suffix}"
        else:
            prefix = REGION_PREFIXES.get(region, city) if rng.random() < 0.5 else city
            name = f"{prefix}{zihao}{industry}{suffix}"
        name += SYNTHETIC_MARK
        if name not in taken:
            taken.add(name)
            return name


def firm_lines(rng, i: int, kind: str, region: str, group: str, subs: dict, partners: dict):
    """The firm's categories and template lines: (ent, code, main, direction, mode, partner, weight)."""
    boost = REGION_CATEGORY_BOOST.get(region, {})
    cw = {c: CATEGORY_WEIGHTS[group][c] * boost.get(c, 1.0) for c in MAINS}
    if kind == "institution":
        cw = {c: cw[c] for c in ("SI", "SJ", "SH")}
    k = min(int(rng.choice(3, p=N_CATEGORIES_P)) + 1, len(cw))
    mains = pick(rng, cw, size=k, replace=False)
    codes = [
        str(rng.choice(subs[m])) if subs[m] and rng.random() < SUB_ITEM_SHARE else m for m in mains
    ]
    dir_p = {"SA": (0.2, 0.8, 0.0), "SD": (0.7, 0.15, 0.15)}.get(mains[0], DIRECTIONS_P)
    dirs = ((0, 1), (0,), (1,))[int(rng.choice(3, p=dir_p))]
    n_p = int(rng.choice(4, p=N_PARTNERS_P)) + 1
    firm_partners = pick(rng, partners, size=min(n_p, len(partners)), replace=False)
    combos = [(ci, d, pi) for ci in range(k) for d in dirs for pi in range(len(firm_partners))]
    order = rng.permutation(len(combos))
    first = {}
    for j in order:
        first.setdefault(combos[j][0], j)
    chosen = list(first.values())
    extra = min(len(combos), k + int(rng.poisson(EXTRA_LINES_LAMBDA))) - len(chosen)
    chosen += [j for j in order if j not in first.values()][: max(extra, 0)]
    chosen.sort()  # lines in category, direction, partner order
    rank_w = (1.0, 0.5, 0.3, 0.2)
    lines = []
    for j in chosen:
        ci, d, pi = combos[j]
        main = mains[ci]
        modes, mp = zip(*MODE_MIX[main], strict=True)
        mode = int(rng.choice(modes, p=mp))
        share = EXPORT_SHARE[main] if d == 0 else 1 - EXPORT_SHARE[main]
        w = float(rng.lognormal(0, 0.7)) * 2 * share * rank_w[pi]
        weight = w * (MODE4_WEIGHT if mode == 4 else 1.0)
        lines.append((i, codes[ci], main, d, mode, firm_partners[pi], weight))
        if mode != 4 and rng.random() < MODE4_ADDON.get(main, 0.0):
            lines.append((i, codes[ci], main, d, 4, firm_partners[pi], w * MODE4_WEIGHT))
    total = sum(line[-1] for line in lines)
    lines = [(*line[:-1], line[-1] / total) for line in lines]
    if kind in ("foreign", "outward"):  # mode 3 (FATS sales): several times the firm's BOP trade
        table, d = (FDI_SOURCE_WEIGHTS, 1) if kind == "foreign" else (OUTWARD_HOST_WEIGHTS, 0)
        home = pick(rng, {p: w for p, w in table.items() if p in partners})
        for ci in range(min(k, 1 + int(rng.random() < 0.3))):
            weight = float(rng.uniform(1.5, 4.0)) / (ci + 1)
            lines.append((i, codes[ci], mains[ci], d, 3, home, weight))
    return lines, mains[0]
