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

from etl.briefing import fit
from etl.briefing.compose import Briefing
from etl.briefing.fit import Paragraph

BODY_FONT = {"zh": "仿宋", "en": "Times New Roman"}
HEAD_FONT = {"zh": "黑体", "en": "Arial"}
NAVY = RGBColor(0x1F, 0x3A, 0x68)
MONTHLY_WIDTH, PAIR_WIDTH = 0.9, 0.48  # of the text width: the monthly chart, each of the pair


def _font(run, name: str, size: float, bold: bool = False, color=None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    # Word takes CJK glyphs from the East Asian font slot, not from font.name.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(doc, p: Paragraph, font: str, **kw):
    par = doc.add_paragraph()
    par.paragraph_format.space_after = Pt(p.after)
    par.paragraph_format.space_before = Pt(p.before)
    par.paragraph_format.line_spacing = p.spacing
    if p.indent:
        par.paragraph_format.first_line_indent = Pt(p.size * 2)  # 首行缩进两字
    align = kw.pop("align", None)
    if align is not None:
        par.alignment = align
    _font(par.add_run(p.text), font, p.size, **kw)
    return par


def _layout(briefing: Briefing) -> dict:
    """The paragraphs of the page, keyed by their place: sizes and spacing in one spot, so the
    writer and the one-page estimate (etl.briefing.fit) read the same numbers."""
    zh = briefing.lang == "zh"
    return {
        "title": Paragraph(briefing.title, 18, after=2),
        "subtitle": Paragraph(briefing.subtitle, 11, after=6),
        "headline": Paragraph(briefing.headline, 10.5, indent=zh),
        "sections": [
            (
                part,
                Paragraph(part.heading, 11.5, before=3, after=1),
                [Paragraph(s, 10, spacing=1.1, after=1, indent=zh) for s in part.sentences],
            )
            for part in briefing.sections
        ],
        "source": Paragraph(briefing.source, 8.5, before=4),
    }


def _pictures(briefing: Briefing, images: dict[str, bytes], width: float) -> list:
    """(png, width cm) of each picture row: the monthly chart, then the taller of the pair."""
    rows = []
    if "monthly" in images:
        rows.append((images["monthly"], width * MONTHLY_WIDTH))
    drivers = any(part.key == "drivers" for part in briefing.sections)
    if drivers and {"contrib", "partners"} <= images.keys():
        pair = [images["contrib"], images["partners"]]
        tallest = max(pair, key=lambda data: fit.picture_height(data, 1.0))
        rows.append((tallest, width * PAIR_WIDTH))
    return rows


def write_docx(briefing: Briefing, images: dict[str, bytes], path: Path) -> Path:
    """One A4 page: title, subtitle, headline, sections, charts, source line; the charts shrink
    (etl.briefing.fit) when the text would push the page over."""
    lang = briefing.lang
    body, head = BODY_FONT[lang], HEAD_FONT[lang]
    page = fit.Page()
    layout = _layout(briefing)
    text = [layout["title"], layout["subtitle"], layout["headline"], layout["source"]]
    for _, heading, sentences in layout["sections"]:
        text += [heading, *sentences]
    scale = fit.chart_scale(text, _pictures(briefing, images, page.text_width), page)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(page.width), Cm(page.height)
    section.top_margin, section.bottom_margin = Cm(page.top), Cm(page.bottom)
    section.left_margin, section.right_margin = Cm(page.left), Cm(page.right)
    doc.core_properties.title = f"{briefing.title} {briefing.subtitle}"
    doc.core_properties.language = "zh-CN" if lang == "zh" else "en"
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(doc, layout["title"], head, bold=True, align=center, color=NAVY)
    _paragraph(doc, layout["subtitle"], body, align=center)
    _paragraph(doc, layout["headline"], body)
    width = Cm(page.text_width)
    if "monthly" in images:
        doc.add_picture(_stream(images["monthly"]), width=int(width * MONTHLY_WIDTH * scale))
        doc.paragraphs[-1].alignment = center
    for part, heading, sentences in layout["sections"]:
        _paragraph(doc, heading, head, bold=True, color=NAVY)
        for sentence in sentences:
            _paragraph(doc, sentence, body)
        if part.key == "drivers" and {"contrib", "partners"} <= images.keys():
            table = doc.add_table(rows=1, cols=2)
            for cell, key in zip(table.rows[0].cells, ("contrib", "partners")):
                picture = _stream(images[key])
                cell.paragraphs[0].add_run().add_picture(
                    picture, width=int(width * PAIR_WIDTH * scale)
                )
    _paragraph(doc, layout["source"], body, color=RGBColor(0x55, 0x55, 0x55))
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
.pair { display: flex; gap: 4mm; align-items: flex-start; } .pair img { width: 50%; }
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
