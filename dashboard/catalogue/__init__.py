"""THE string catalogue: every user-facing string in zh-CN and English, one module per area.

Add a page's strings in its own module here and list it below; a key may be defined only once.
"""

from __future__ import annotations

from dashboard.catalogue import overview, partner_names, partners, regions, shell, targets

from . import modes, sectors  # 供给模式, 服务类别

_PARTS = (shell.STRINGS, overview.STRINGS, targets.STRINGS,
          regions.STRINGS, partners.STRINGS, partner_names.STRINGS)
_PARTS += (modes.STRINGS, sectors.STRINGS)

from . import auth, grid  # noqa: E402  登录, 表格控件

_PARTS += (auth.STRINGS, grid.STRINGS)


def _merge(parts) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"catalogue keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


CATALOGUE = _merge(_PARTS)
