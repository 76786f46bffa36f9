"""Who a synthetic firm is: the parts of its invented name (always marked （合成）) and its USCC.

Builders for one firm, called in a loop by etl.sample.generate._build; the rng is shared, in order.
"""

from __future__ import annotations

import numpy as np

from etl.intake.uscc import CHARSET, complete_uscc
from etl.sample.profiles.draw import pick
from etl.sample.profiles.regions import LIANGJIANG

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
