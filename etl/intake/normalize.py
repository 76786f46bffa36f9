"""Spellings clerks use for headers and coded values, mapped to the codes the database stores."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from etl.intake.schemas import REPORT_COLUMNS
from etl.reference import ReferenceCodes

_CN_DIGITS = "一二三四"


def header_key(text: object) -> str:
    """A header as compared: NFKC (full-width brackets to half-width), case-folded, no spaces."""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in s if not ch.isspace())


@lru_cache(maxsize=65536)
def value_key(text: str) -> str:
    """A value as compared: NFKC, case-folded, without spaces or punctuation (、 , ( ) …)."""
    s = unicodedata.normalize("NFKC", text).casefold()
    return "".join(
        ch for ch in s if not ch.isspace() and not unicodedata.category(ch).startswith("P")
    )


def leading_token(text: str) -> str:
    """The first space-separated token: the code in the template's "CODE 名称" drop-down form."""
    parts = unicodedata.normalize("NFKC", text).split(maxsplit=1)
    return parts[0] if parts else ""


HEADER_KEYS: dict[str, str] = {
    header_key(spelling): col.key
    for col in REPORT_COLUMNS
    for spelling in (col.header_zh, col.header_en, *col.aliases)
}


@dataclass(frozen=True)
class Vocabulary:
    """Accepted spellings of one coded column: codes, names and synonyms, compared by value_key."""

    codes: dict[str, object]  # value_key(code) -> canonical code
    spellings: dict[str, object]  # value_key(any accepted spelling, codes included) -> code
    fallbacks: tuple[Callable[[str], Iterable[str]], ...] = field(default=())

    def resolve(self, text: str) -> object | None:
        """The canonical code for one written value, or None when it is not recognised."""
        key = value_key(text)
        if key in self.spellings:
            return self.spellings[key]
        for variants in self.fallbacks:
            for alt in variants(key):
                if alt in self.spellings:
                    return self.spellings[alt]
        # "SC 运输": the leading token decides when it is a valid code on its own.
        token = leading_token(text)
        if token != text.strip():
            return self.codes.get(value_key(token))
        return None


def _vocabulary(
    codes: dict[str, object],
    *name_maps: dict,
    synonyms: dict[str, object] | None = None,
    fallbacks: tuple[Callable[[str], Iterable[str]], ...] = (),
) -> Vocabulary:
    """Build a vocabulary; codes win over names, names over synonyms, on any clash."""
    code_keys = {value_key(str(c)): c for c in codes}
    spellings: dict[str, object] = {}
    for key, code in (synonyms or {}).items():
        if code in codes:  # a synonym only for codes the reference data actually has
            spellings[value_key(key)] = code
    for names in reversed(name_maps):
        spellings.update({value_key(name): code for code, name in names.items() if name})
    spellings.update(code_keys)
    return Vocabulary(code_keys, spellings, fallbacks)


# ---------------------------------------------------------------- synonyms beyond the seed names

DIRECTION_SPELLINGS = {
    "X": ("X", "出口", "收入", "贷方", "export", "exports", "credit"),
    "M": ("M", "进口", "支出", "借方", "import", "imports", "debit"),
}

CATEGORY_SYNONYMS = {
    "加工": "SA",
    "维护和维修": "SB",
    "维修服务": "SB",
    "维修": "SB",
    "运输服务": "SC",
    "旅游": "SD",
    "旅游服务": "SD",
    "旅行服务": "SD",
    "建筑": "SE",
    "建筑服务": "SE",
    "建设服务": "SE",
    "保险": "SF",
    "保险服务": "SF",
    "金融": "SG",
    "专有权利使用费和特许费": "SH",
    "知识产权使用费服务": "SH",
    "电信计算机和信息服务": "SI",
    "计算机和信息服务": "SI",
    "个人文化和娱乐服务": "SK",
    "文化和娱乐服务": "SK",
    "政府服务": "SL",
    "别处未提及的政府服务": "SL",
}

PARTNER_SYNONYMS = {
    "香港": "HK",
    "中国香港特别行政区": "HK",
    "澳门": "MO",
    "中国澳门特别行政区": "MO",
    "台湾": "TW",
    "台湾地区": "TW",
    "未列明": "ZZ",
    "USA": "US",
    "UK": "GB",
    "Korea": "KR",
    "Republic of Korea": "KR",
}

REGION_SYNONYMS = {
    "天津开发区": "120116-TEDA",
    "泰达": "120116-TEDA",
    "TEDA": "120116-TEDA",
    "天津保税区": "120116-TJFTZ",
    "滨海高新区": "120116-HTDZ",
    "生态城": "120116-SSTEC",
    "东疆": "120116-DJ",
    "东疆保税港区": "120116-DJ",
    "两江": "500000-LJ",
}

CURRENCY_SPELLINGS = {
    "USD": ("USD", "美元", "美金", "US$", "US dollar"),
    "CNY": ("CNY", "RMB", "人民币", "人民币元", "元", "yuan"),
}

UNIT_SPELLINGS = {
    "元": ("元", "人民币元", "CNY", "RMB", "yuan"),
    "万元": ("万元", "人民币万元", "万元人民币", "10k yuan"),
    "美元": ("美元", "美金", "USD", "US$", "dollars"),
    "万美元": ("万美元", "万美金", "10k USD", "10k dollars"),
}


def _service_suffix(key: str) -> Iterable[str]:
    """运输服务 ↔ 运输: try the key with and without the generic suffix 服务."""
    return (key[:-2],) if key.endswith("服务") else (key + "服务",)


def _city_prefix(key: str) -> Iterable[str]:
    """天津市滨海新区 → 滨海新区: the city prefix adds nothing inside one bureau's file."""
    return tuple(key[len(p) :] for p in ("天津市", "天津", "重庆市", "重庆") if key.startswith(p))


def _spelling_map(spellings: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {s: code for code, forms in spellings.items() for s in forms}


@dataclass(frozen=True)
class Vocabularies:
    """One vocabulary per coded column of the report file."""

    direction: Vocabulary
    category: Vocabulary
    mode: Vocabulary
    partner: Vocabulary
    region: Vocabulary
    currency: Vocabulary
    unit: Vocabulary


def _mode_spellings(ref: ReferenceCodes) -> dict[str, int]:
    out: dict[str, int] = {}
    for code in ref.modes:
        for form in (
            f"模式{_CN_DIGITS[code - 1]}",
            f"模式{code}",
            f"mode{code}",
            f"第{code}种模式",
        ):
            out[form] = code
    return out


def build_vocabularies(ref: ReferenceCodes) -> Vocabularies:
    """Vocabularies for the reference codes in force (seed files or database)."""
    region_short = {}
    for code, name in ref.regions.items():
        for suffix in ("新区", "区"):  # 和平区 → 和平, 两江新区 → 两江
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                region_short[name[: -len(suffix)]] = code
                break
    return Vocabularies(
        direction=_vocabulary({"X": 0, "M": 0}, synonyms=_spelling_map(DIRECTION_SPELLINGS)),
        category=_vocabulary(
            ref.categories,
            ref.categories,
            ref.category_names_en,
            synonyms=CATEGORY_SYNONYMS,
            fallbacks=(_service_suffix,),
        ),
        mode=_vocabulary(ref.modes, ref.modes, ref.mode_names_en, synonyms=_mode_spellings(ref)),
        partner=_vocabulary(
            ref.partners, ref.partners, ref.partner_names_en, synonyms=PARTNER_SYNONYMS
        ),
        region=_vocabulary(
            ref.regions,
            ref.regions,
            ref.region_names_en,
            synonyms={**region_short, **REGION_SYNONYMS},
            fallbacks=(_city_prefix,),
        ),
        currency=_vocabulary({"USD": 0, "CNY": 0}, synonyms=_spelling_map(CURRENCY_SPELLINGS)),
        unit=_vocabulary(
            {u: 0 for u in ("元", "万元", "美元", "万美元")}, synonyms=_spelling_map(UNIT_SPELLINGS)
        ),
    )
