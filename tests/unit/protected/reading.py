"""What a test reads off a figure: the C markers, their places and hovers, the values drawn and
the footnote."""

from __future__ import annotations

import pandas as pd

from dashboard import protected_marks as marks
from dashboard.i18n import t

NA = pd.NA


E8 = 10**10  # 1 亿美元 in cents


NOTE = {lang: t("fig.protected_note", lang) for lang in ("zh", "en")}


def markers(fig) -> list:
    return [tr for tr in fig.data if tr.legendgroup == marks.PROTECTED]


def values(fig) -> list:
    """The traces that draw figures (everything but the C markers)."""
    return [tr for tr in fig.data if tr.legendgroup != marks.PROTECTED]


def _positions(axis) -> list:
    axis = list(axis)
    if marks._multicategory(axis):  # [[years], [months]] -> (year, month)
        return list(zip(*axis))
    return axis


def marked(fig) -> list:
    """Where the C markers are: x positions (y for horizontal bars), in drawing order."""
    out = []
    for tr in markers(fig):
        horizontal = all(v == 0 for v in tr.x) and not all(v == 0 for v in tr.y or [0])
        out += _positions(tr.y if horizontal else tr.x)
    return out


def hover(fig) -> str:
    return " ".join(h for tr in markers(fig) for h in tr.hovertext)


def value_at(trace, position, horizontal: bool = False):
    """The trace's value at a position (None: a gap); KeyError when it has no such position."""
    where, value = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
    return dict(zip(_positions(where), value))[position]


def noted(fig, lang: str = "zh") -> bool:
    texts = [fig.layout.title.subtitle.text or ""] + [a.text for a in fig.layout.annotations]
    return any(NOTE[lang] in text for text in texts)


def assert_marked(
    fig, position, lang: str = "zh", names: tuple[str, ...] = (), baseline: bool = True
) -> None:
    """A C at the position (text C, on the baseline), hover 保密 naming the series, footnote."""
    assert position in marked(fig)
    for tr in markers(fig):
        assert {c.strip() for c in tr.text} == {"C"} and tr.mode == "text"
        assert tr.showlegend is False
        horizontal = all(v == 0 for v in tr.x) and not all(v == 0 for v in tr.y)
        if baseline:
            assert all(v == 0 for v in (tr.x if horizontal else tr.y))
    assert t("fig.protected", lang) in hover(fig)
    for name in names:
        assert name in hover(fig)
    assert noted(fig, lang)


def assert_clean(fig) -> None:
    assert markers(fig) == [] and not noted(fig, "zh") and not noted(fig, "en")
