"""The snapshot as one self-contained HTML page (plotly.js inline once) and, via Chromium, a PDF."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from etl.disclosure import TOTAL
from etl.snapshot.format import (
    FONT_STACK,
    INTERNAL_STAMP,
    cell_kind,
    cover_facts,
    definitions,
    display,
    rounded,
)
from etl.snapshot.types import C, Snapshot, Table
from etl.snapshot.xlsx import changes_table

CSS = """
body { font-family: %(font)s; color: #222; margin: 0 auto; max-width: 1000px; padding: 16px; }
h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 18px; margin: 18px 0 6px;
  border-left: 4px solid #2F5597; padding-left: 8px; }
.stamp { color: #C00000; font-weight: bold; font-size: 20px; border: 2px solid #C00000;
  display: inline-block; padding: 2px 10px; margin: 6px 0; }
table { border-collapse: collapse; width: 100%%; font-size: 12.5px; margin: 4px 0; }
th, td { border: 1px solid #B7C3D0; padding: 3px 6px; }
th { background: #DDE6F0; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: right; color: #7F6000; background: #FFF5D6; }
tr.total td { font-weight: bold; background: #F3F6FA; }
td.indent { padding-left: 22px; color: #333; }
td.nw { white-space: nowrap; }
table.facts th { width: 90px; text-align: left; }
.notes { font-size: 12px; color: #444; margin: 2px 0 8px; }
.notes li { margin: 2px 0; }
.chart { margin: 6px 0 12px; }
section { break-inside: avoid-page; }
section.page { break-before: auto; }
@page { size: A4 landscape; margin: 11mm; }
@media print { body { max-width: none; padding: 0; } }
""" % {"font": FONT_STACK}
CHART_WIDTH, CHART_HEIGHT = 960, 340
NOWRAP = ("status", "unit", "months")
BLUE, ORANGE, GREY = "#2F5597", "#ED7D31", "#A5A5A5"


def render_html(
    snapshot: Snapshot, changes: pd.DataFrame | None = None, revision: dict | None = None
) -> str:
    """The whole report as one HTML document."""
    meta = snapshot.meta
    e = html.escape
    parts = [
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{e(meta.title)}</title><style>{CSS}</style>"
        f"<script>{get_plotlyjs()}</script></head><body>",
        f"<h1>{e(meta.title)}</h1>",
    ]
    if meta.internal:
        parts.append(f"<div class='stamp'>{INTERNAL_STAMP}</div>")
    parts.append(
        "<table class='facts'>"
        + "".join(
            f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in cover_facts(meta, revision)
        )
        + "</table><h2>说明与定义</h2><ol class='notes'>"
        + "".join(f"<li>{e(n)}</li>" for n in definitions(meta))
        + "</ol>"
    )
    charts = _charts(snapshot)
    for i, table in enumerate(snapshot.tables):
        parts.append(_section(table, meta.internal, new_page=i > 0))
        if table.key in charts:
            parts.append(f"<section class='chart'>{charts[table.key]}</section>")
    if changes is not None:
        parts.append(_section(changes_table(changes), meta.internal))
    parts.append("</body></html>")
    return "".join(parts)


def _section(table: Table, internal: bool, new_page: bool = True) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c.header)}</th>" for c in table.columns)
    body, previous = [], None
    for row in table.rows.to_dict("records"):
        total = row.get("key") in (TOTAL, "TOTAL")
        cells = []
        for column in table.columns:
            kind = cell_kind(column, row)
            text = display(kind, row.get(column.key))
            if column.kind == "text":
                cls = " class='indent'" if row.get("indent") else ""
                if column.key in NOWRAP:
                    cls = " class='nw'"
                if column.key == "name" and table.key == "目标" and text == previous:
                    text = ""  # one target, several windows: name once
                elif column.key == "name":
                    previous = text
            else:
                cls = " class='c' title='保密'" if text == C else " class='num'"
            cells.append(f"<td{cls}>{e(text)}</td>")
        tr = "<tr class='total'>" if total else "<tr>"
        body.append(f"{tr}{''.join(cells)}</tr>")
    stamp = (
        f" <span class='stamp' style='font-size:12px'>{INTERNAL_STAMP}</span>" if internal else ""
    )
    notes = "".join(f"<li>{e(n)}</li>" for n in table.notes)
    page = " class='page'" if new_page else ""
    return (
        f"<section{page}><h2>{e(table.title)}{stamp}</h2><table><thead><tr>{head}</tr>"
        f"</thead><tbody>{''.join(body)}</tbody></table><ul class='notes'>{notes}</ul>"
        "</section>"
    )


def _layout(
    fig: go.Figure, title: str, horizontal: bool = False, height: int = CHART_HEIGHT
) -> str:
    fig.update_layout(
        title=title,
        font_family=FONT_STACK,
        width=CHART_WIDTH,
        height=height,
        margin=dict(l=170 if horizontal else 60, r=20, t=50, b=40),
        legend=dict(orientation="h", y=1.12, x=1, xanchor="right"),
        plot_bgcolor="white",
        barmode="group",
    )
    fig.update_xaxes(gridcolor="#E5E5E5")
    fig.update_yaxes(gridcolor="#E5E5E5", autorange="reversed" if horizontal else None)
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        config={"displayModeBar": False, "responsive": False},
    )


def _shown(values) -> list:
    return [None if v is None or v == C else rounded("usd", v) for v in values]


def monthly_bars(part) -> tuple[list[str], list]:
    """One year's bars of exports + imports in 亿美元: 1–2月 as one bar at the two months'
    monthly average (the product's one rule, etl.aggregates.per_month), then 3月 … ."""
    both = {
        int(mo): None if x is None or m is None else x + m
        for mo, x, m in zip(part["month"], part["X"], part["M"])
    }
    labels, values = [], []
    if 1 in both and 2 in both:
        jan, feb = both.pop(1), both.pop(2)
        labels.append("1–2月（月均）")
        values.append(
            None if jan is None or feb is None else rounded("usd", Decimal(jan + feb) / 2)
        )
    for mo in sorted(both):
        labels.append(f"{mo}月")
        values.append(None if both[mo] is None else rounded("usd", both[mo]))
    return labels, values


def _charts(snapshot: Snapshot) -> dict[str, str]:
    """Charts of shown values only (C cells are left out, and say so)."""
    out = {}
    monthly = snapshot.charts["monthly"]
    fig = go.Figure()
    for year, color in ((monthly["year"].min(), GREY), (monthly["year"].max(), BLUE)):
        labels, values = monthly_bars(monthly[monthly["year"] == year])
        fig.add_bar(x=labels, y=values, name=f"{year}年", marker_color=color)
    out["总体"] = _layout(fig, "月度服务进出口（亿美元；1–2月为两月月均）")
    for key, title in (
        ("服务类别", "分类别出口、进口（亿美元，累计）"),
        ("地区", "分地区进出口（亿美元，累计）"),
        ("伙伴", "主要伙伴进出口（亿美元，累计）"),
    ):
        rows = snapshot.table(key).rows
        rows = rows[(rows["indent"] == 0) & ~rows["key"].isin([TOTAL, "TOTAL"])]
        fig = go.Figure()
        if key == "服务类别":
            fig.add_bar(
                y=rows["name"],
                x=_shown(rows["exports"]),
                name="出口",
                orientation="h",
                marker_color=BLUE,
            )
            fig.add_bar(
                y=rows["name"],
                x=_shown(rows["imports"]),
                name="进口",
                orientation="h",
                marker_color=ORANGE,
            )
        else:
            fig.add_bar(
                y=rows["name"],
                x=_shown(rows["total"]),
                name="进出口",
                orientation="h",
                marker_color=BLUE,
            )
        hidden = any(v == C for col in ("total", "exports", "imports") for v in rows[col])
        suffix = "（C 保密项不在图中显示）" if hidden else ""
        out[key] = _layout(
            fig, title + suffix, horizontal=True, height=max(CHART_HEIGHT, 24 * len(rows) + 100)
        )
    return out


def write_html(
    snapshot: Snapshot,
    path: Path,
    changes: pd.DataFrame | None = None,
    revision: dict | None = None,
) -> Path:
    """Write the self-contained HTML report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(snapshot, changes, revision), encoding="utf-8")
    return path


def find_chromium() -> str | None:
    """A Chromium/Chrome executable: $STM_CHROMIUM or $BROWSER_PATH, else the usual names."""
    for candidate in (os.environ.get("STM_CHROMIUM"), os.environ.get("BROWSER_PATH")):
        if candidate and Path(candidate).exists():
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(html_path: Path, pdf_path: Path, timeout: int = 120) -> tuple[Path | None, str]:
    """Print the HTML to PDF with headless Chromium: (path or None, message)."""
    browser = find_chromium()
    if browser is None:
        return None, (
            "未找到 Chromium/Chrome，未生成 PDF（安装 chromium 或设置 STM_CHROMIUM）。"
            " No Chromium found: PDF not written."
        )
    pdf_path = Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="stm-pdf-") as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=10000",
            f"--print-to-pdf={pdf_path}",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"Chromium 打印 PDF 失败：{exc}"
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        return None, f"Chromium 打印 PDF 失败（退出码 {done.returncode}）：{done.stderr[-300:]}"
    return pdf_path, f"PDF 已由 {browser} 生成"
