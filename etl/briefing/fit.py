"""How tall the briefing's Word page will be, and how far its charts shrink to keep it to one A4
page. Pure: a conservative estimate of Word's line breaking (a CJK character is one em wide, other
characters half an em), never a measurement — the test lays the .docx out with LibreOffice."""

from __future__ import annotations

import math
import struct
import unicodedata
from dataclasses import dataclass

PT_PER_CM = 72 / 2.54


@dataclass(frozen=True)
class Page:
    """A4 portrait and the margins write_docx sets, in cm."""

    width: float = 21.0
    height: float = 29.7
    top: float = 1.6
    bottom: float = 1.6
    left: float = 1.9
    right: float = 1.9

    @property
    def text_width(self) -> float:
        """The width between the margins."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        """The height between the margins."""
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as write_docx sets it: text, size (pt), spacing, space before/after (pt)."""

    text: str
    size: float
    spacing: float = 1.15
    before: float = 0
    after: float = 3
    indent: bool = False


def _em(char: str) -> float:
    """A character's advance in em: wide (CJK, full-width punctuation) 1, others 0.55."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.55


def paragraph_height(p: Paragraph, width_cm: float) -> float:
    """The paragraph's height in cm: its lines (rounded up) at the line pitch, plus spacing."""
    ems = sum(_em(c) for c in p.text) + (2 if p.indent else 0)
    per_line = width_cm * PT_PER_CM / p.size
    lines = max(1, math.ceil(ems / per_line))
    # Word's single line of a CJK font is about 1.3 em; "spacing" multiplies it.
    pitch = p.size * 1.3 * p.spacing
    return (lines * pitch + p.before + p.after) / PT_PER_CM


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its IHDR chunk."""
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def picture_height(data: bytes, width_cm: float) -> float:
    """The height (cm) of a picture placed at width_cm, with its aspect kept."""
    width, height = png_size(data)
    return width_cm * height / width


def chart_scale(
    paragraphs: list[Paragraph], pictures: list[tuple[bytes, float]], page: Page = Page()
) -> float:
    """The factor (at most 1, at least 0.5) by which the pictures shrink so that the text and
    pictures fit the page; pictures: (png, width in cm) stacked one above the other."""
    text = sum(paragraph_height(p, page.text_width) for p in paragraphs)
    drawn = sum(picture_height(data, width) + 0.2 for data, width in pictures)
    room = page.text_height * 0.97 - text  # 3% for what the estimate cannot see
    if drawn <= 0 or room >= drawn:
        return 1.0
    return max(0.5, room / drawn)
