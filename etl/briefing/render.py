"""The briefing as a Word document (python-docx) and as one A4 HTML page (printed to PDF by
headless Chromium, as the snapshot is): the same sentences and chart images in both."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from etl.briefing.compose import Briefing

BODY_FONT = {"zh": "仿宋", "en": "Times New Roman"}
HEAD_FONT = {"zh": "黑体", "en": "Arial"}
NAVY = RGBColor(0x1F, 0x3A, 0x68)


def _font(run, name: str, size: float, bold: bool = False, color=None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    # Word takes CJK glyphs from the East Asian font slot, not from font.name.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(doc, text: str, font: str, size: float, **kw):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(kw.pop("after", 3))
    p.paragraph_format.space_before = Pt(kw.pop("before", 0))
    p.paragraph_format.line_spacing = kw.pop("spacing", 1.15)
    if kw.pop("indent", False):
        p.paragraph_format.first_line_indent = Pt(size * 2)  # 首行缩进两字
    align = kw.pop("align", None)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, **kw)
    return p


def write_docx(briefing: Briefing, images: dict[str, bytes], path: Path) -> Path:
    """One A4 page: title, subtitle, headline, sections, charts, source line."""
    lang = briefing.lang
    body, head = BODY_FONT[lang], HEAD_FONT[lang]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(1.6)
    section.left_margin = section.right_margin = Cm(1.9)
    doc.core_properties.title = f"{briefing.title} {briefing.subtitle}"
    doc.core_properties.language = "zh-CN" if lang == "zh" else "en"
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(doc, briefing.title, head, 18, bold=True, align=center, color=NAVY, after=2)
    _paragraph(doc, briefing.subtitle, body, 11, align=center, after=6)
    _paragraph(doc, briefing.headline, body, 10.5, indent=lang == "zh", after=3)
    width = section.page_width - section.left_margin - section.right_margin
    if "monthly" in images:
        doc.add_picture(_stream(images["monthly"]), width=int(width * 0.9))
        doc.paragraphs[-1].alignment = center
    for part in briefing.sections:
        _paragraph(doc, part.heading, head, 11.5, bold=True, color=NAVY, before=3, after=1)
        for sentence in part.sentences:
            _paragraph(doc, sentence, body, 10, indent=lang == "zh", after=1, spacing=1.1)
        if part.key == "drivers" and {"contrib", "partners"} <= images.keys():
            table = doc.add_table(rows=1, cols=2)
            for cell, key in zip(table.rows[0].cells, ("contrib", "partners")):
                picture = _stream(images[key])
                cell.paragraphs[0].add_run().add_picture(picture, width=int(width * 0.48))
    _paragraph(doc, briefing.source, body, 8.5, before=4, color=RGBColor(0x55, 0x55, 0x55))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def _stream(data: bytes):
    import io

    return io.BytesIO(data)


CSS = """
@page { size: A4 portrait; margin: 14mm 16mm; }
body { font-family: "FangSong", "Noto Serif CJK SC", "Songti SC", serif; color: #222;
  max-width: 178mm; margin: 0 auto; font-size: 10.5pt; line-height: 1.45; }
h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; color: #1F3A68; text-align: center;
  font-size: 18pt; margin: 0 0 2pt; }
.sub { text-align: center; margin: 0 0 6pt; font-size: 11pt; }
h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; color: #1F3A68; font-size: 11.5pt;
  margin: 5pt 0 1pt; }
p { margin: 0 0 2pt; }
p.zh { text-indent: 2em; }
p.lead { font-size: 11pt; }
img { display: block; margin: 2pt auto; }
.pair { display: flex; gap: 4mm; } .pair img { width: 50%; }
img.wide { width: 100%; }
.source { font-size: 8.5pt; color: #555; margin-top: 5pt; }
"""


# One A4 page whatever the length of the text: when the page is taller than the printable area
# (297 mm less the margins), the whole page is zoomed down to fit before Chromium prints it.
FIT_ONE_PAGE = """<script>
window.addEventListener("load", function () {
  var printable = (297 - 28) * 96 / 25.4 - 8;
  var height = document.documentElement.scrollHeight;
  if (height > printable) { document.body.style.zoom = (printable / height).toFixed(3); }
});
</script>"""


def render_html(briefing: Briefing, images: dict[str, bytes]) -> str:
    """The briefing as one self-contained HTML page (images inline) that prints on one A4."""
    e = html.escape
    cls = "zh" if briefing.lang == "zh" else "en"

    def img(key: str, css: str = "") -> str:
        if key not in images:
            return ""
        data = base64.b64encode(images[key]).decode("ascii")
        return f"<img class='{css}' alt='{e(key)}' src='data:image/png;base64,{data}'>"

    parts = [
        f"<!DOCTYPE html><html lang='{'zh-CN' if cls == 'zh' else 'en'}'><head>"
        f"<meta charset='utf-8'><title>{e(briefing.title)} {e(briefing.subtitle)}</title>"
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(briefing.title)}</h1><p class='sub'>{e(briefing.subtitle)}</p>",
        f"<p class='{cls} lead'>{e(briefing.headline)}</p>",
        img("monthly", "wide"),
    ]
    for part in briefing.sections:
        parts.append(f"<h2>{e(part.heading)}</h2>")
        parts.extend(f"<p class='{cls}'>{e(s)}</p>" for s in part.sentences)
        if part.key == "drivers":
            parts.append(f"<div class='pair'>{img('contrib')}{img('partners')}</div>")
    parts.append(f"<p class='source'>{e(briefing.source)}</p>{FIT_ONE_PAGE}</body></html>")
    return "".join(parts)
