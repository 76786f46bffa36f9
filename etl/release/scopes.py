"""The reporting scopes a month is released for, and the scope a region's figures come from."""

from __future__ import annotations

from collections.abc import Mapping

# 天津市 with its districts and functional zones; 两江新区 (reported apart from 重庆市).
SCOPES = ("120000", "500000-LJ")
DEFAULT_SCOPE = SCOPES[0]


def scope_of(region: str, parents: Mapping[str, str | None]) -> str:
    """The scope whose release a region's figures are read from: the region's own scope, or a
    scope below it (重庆市 500000 shows what 两江新区 released); the default scope otherwise."""
    code, seen = region, 0
    while code is not None and seen < 20:
        if code in SCOPES:
            return code
        code, seen = parents.get(code), seen + 1
    for scope in SCOPES:
        ancestor, seen = parents.get(scope), 0
        while ancestor is not None and seen < 20:
            if ancestor == region:
                return scope
            ancestor, seen = parents.get(ancestor), seen + 1
    return DEFAULT_SCOPE
