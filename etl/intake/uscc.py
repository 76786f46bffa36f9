"""统一社会信用代码 (GB 32100-2015): normalise, check and (for synthetic data) complete codes."""

from __future__ import annotations

import unicodedata

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters; I, O, S, V, Z are never used
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, …
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation-code check (positions 9–17)


def normalize_uscc(text: object) -> str:
    """Upper-case, full-width to half-width, spaces and hyphens removed."""
    s = unicodedata.normalize("NFKC", "" if text is None else str(text))
    return "".join(ch for ch in s.upper() if not ch.isspace() and ch not in "-—_")


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (which must be in CHARSET)."""
    total = sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """Why a normalised code is not a valid USCC (a short key), or None when it is valid."""
    if len(code) != 18:
        return "length"
    if any(ch not in CHARSET for ch in code):
        return "charset"
    if not code[2:8].isdigit():
        return "area"
    if check_character(code[:17]) != code[17]:
        return "check"
    return None


def is_valid_uscc(text: object) -> bool:
    """Whether the text, once normalised, is a valid USCC."""
    return uscc_problem(normalize_uscc(text)) is None


def org_code_consistent(code: str) -> bool:
    """GB 11714 check of the embedded organisation code (positions 9–17); a warning only."""
    body, check = code[8:16], code[16]
    values = [int(ch, 36) for ch in body]  # full alphabet here: A=10 … Z=35
    c = 11 - sum(v * w for v, w in zip(values, _ORG_WEIGHTS)) % 11
    expected = "X" if c == 10 else "0" if c == 11 else str(c)
    return check == expected


def area_code(code: str) -> str:
    """The registration authority's 6-digit area code (positions 3–8)."""
    return code[2:8]


def complete_uscc(first16: str) -> str:
    """A valid USCC from 16 characters: adds the organisation-code check, then the USCC check."""
    body = first16[8:16]
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(body, _ORG_WEIGHTS)) % 11
    org_check = "X" if c == 10 else "0" if c == 11 else str(c)
    first17 = first16 + org_check
    return first17 + check_character(first17)
