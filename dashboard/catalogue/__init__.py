"""THE string catalogue: every user-facing string in zh-CN and English, one module per area.

Add a page's strings as `STRINGS = {key: {"zh": ..., "en": ...}}` in a new module of this package;
it is found by name, and a key may be defined only once across all modules.
"""

from __future__ import annotations

import importlib
import pkgutil


def _merge(parts) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"catalogue keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


def _parts() -> list[dict[str, dict[str, str]]]:
    # Sorted by module name so a duplicate key is reported the same way on every machine.
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return [importlib.import_module(f"{__name__}.{name}").STRINGS for name in names]


CATALOGUE = _merge(_parts())
