"""The briefing's two or three charts (pure figures) and their PNG images (kaleido, as plotly
renders static images). Protected or missing values are left out of a chart and the title says so."""

from __future__ import annotations

import logging
import tempfile
import textwrap
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from etl.aggregates import combine_jan_feb, per_month, records
from etl.briefing.compose import missing, row_protected
from etl.briefing.facts import BriefingFacts, is_protected
from etl.briefing.wording import word
from etl.numbers import decimal_text
from etl.snapshot.format import FONT_STACK, rounded

BLUE, ORANGE, GREY, RED = "#2F5597", "#ED7D31", "#A5A5A5", "#C00000"
TOP_PARTNERS = 8
STOP_SECONDS = 30  # kaleido's browser not stopped by then is left to the process's exit
log = logging.getLogger(__name__)
# plotly always passes its (empty) browser options, which a running kaleido server ignores. Set
# once here: a catch_warnings() around the call swaps the process's filters, and charts render
# in server threads, where that restores another thread's filters (the likely source of 76
# warnings that pytest.ini ignores, printed for a page test in one CI run).
warnings.filterwarnings("ignore", message="The kopts argument is ignored")
SIZES = {"monthly": (900, 300), "contrib": (440, 300), "partners": (440, 300)}
LABEL_CHARS = 26  # a bar's name longer than this wraps: the half-width charts clipped them


def _label(name: str) -> str:
    """A bar's name on lines of at most LABEL_CHARS (English EBOPS names run to 60)."""
    return "<br>".join(textwrap.wrap(name, LABEL_CHARS)) or name


def _fitted_height(fig: go.Figure, height: int, top: int, bottom: int) -> int:
    """The chart's height, raised so that every line of a horizontal chart's names has room."""
    labels = list(fig.data[0].y) if fig.data and fig.data[0].y is not None else []
    lines = sum(str(label).count("<br>") + 1 for label in labels)
    return max(height, top + bottom + 14 * lines + 8 * len(labels))


def _style(
    fig: go.Figure, title: str, key: str, lang: str, hidden: bool, horizontal: bool = False
) -> go.Figure:
    """Size, fonts and axes of a briefing chart; a chart that leaves protected items out says
    so on a line under its title (in the title it ran past the right edge of a half-width chart)."""
    width, height = SIZES[key]
    note = word("chart.protected_left_out", lang) if hidden else ""
    top = 56 if note else 40
    if horizontal:
        height = _fitted_height(fig, height, top, 30)
    fig.update_layout(
        title=dict(
            text=title,
            subtitle=dict(text=note, font=dict(size=11, color="#595959")),
            font=dict(size=14),
            x=0.01,
            xanchor="left",
        ),
        font_family=FONT_STACK,
        font_size=11,
        width=width,
        height=height,
        margin=dict(l=120 if horizontal else 45, r=15, t=top, b=30),
        legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"),
        plot_bgcolor="white",
        paper_bgcolor="white",
        barmode="group",
        showlegend=not horizontal,
    )
    fig.update_xaxes(gridcolor="#E5E5E5")
    fig.update_yaxes(
        gridcolor="#E5E5E5",
        autorange="reversed" if horizontal else None,
        automargin=horizontal,  # the names' width, not a guess of it
    )
    return fig


def monthly_figure(facts: BriefingFacts, lang: str) -> go.Figure:
    """Monthly services trade of the year against the year before (1–2月 as one bar)."""
    frame = facts.monthly.copy()
    hidden = is_protected(frame)
    if "status" in frame.columns:
        frame = frame[frame["status"] != "C"]
    frame = frame.dropna(subset=["amount"])[["period", "amount"]]
    fig = go.Figure()
    if not frame.empty:
        frame["amount"] = frame["amount"].astype("int64")
        frame = combine_jan_feb(frame, jan_in_feb=True)  # facts are circulated: Feb holds Jan
        # The one rule of every monthly chart: 1–2月 at its monthly average, and named so.
        frame["amount"] = per_month(frame)
        order = []
        for year, color in ((facts.year - 1, GREY), (facts.year, BLUE)):
            part = frame[frame["period"] // 100 == year]
            labels = [
                word("chart.jan_feb", lang) if m == "1-2" else word("chart.month", lang, m=m)
                for m in part["months"]
            ]
            order += [(p % 100, lb) for p, lb in zip(part["period"], labels)]
            fig.add_bar(
                x=labels,
                y=[rounded("usd", v) for v in part["amount"]],
                name=word("chart.year", lang, year=year),
                marker_color=color,
            )
        # Months in calendar order, whichever year has them first (plotly orders by appearance).
        fig.update_xaxes(categoryorder="array", categoryarray=[lb for _, lb in sorted(set(order))])
    return _style(fig, word("chart.monthly", lang), "monthly", lang, hidden)


def _nothing_shown(fig: go.Figure, lang: str, all_protected: bool, empty: str) -> go.Figure:
    """A chart with no bar says why in its middle, without empty axes (they read −1 to 6):
    every item is confidential, or the `empty` wording (no data, no comparable data)."""
    text = word("chart.all_protected" if all_protected else empty, lang)
    fig.add_annotation(
        text=text,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font=dict(size=13, color="#595959"),
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def contribution_figure(facts: BriefingFacts, lang: str) -> go.Figure:
    """Contribution of each category to growth, in percentage points."""
    rows = [r for r in records(facts.category) if r["code"] != "TOTAL"]
    hidden = any(row_protected(r) for r in rows)
    shown = [r for r in rows if not row_protected(r) and not missing(r.get("contribution_pp"))]
    shown.sort(key=lambda r: -r["contribution_pp"])
    name = "name_en" if lang == "en" else "name_zh"
    values = [float(decimal_text(r["contribution_pp"], 1, grouping=False)) for r in shown]
    fig = go.Figure(
        go.Bar(
            y=[_label(r[name] or r["name_zh"]) for r in shown],
            x=values,
            orientation="h",
            marker_color=[BLUE if v >= 0 else RED for v in values],
        )
    )
    fig = _style(fig, word("chart.contrib", lang), "contrib", lang, hidden, horizontal=True)
    if not shown:
        return _nothing_shown(
            fig, lang, bool(rows) and all(map(row_protected, rows)), "chart.no_base"
        )
    return fig


def partners_figure(facts: BriefingFacts, lang: str) -> go.Figure:
    """The main partners' trade in the year to the month."""
    rows = [r for r in records(facts.partner) if r["code"] != "TOTAL"]
    hidden = any(row_protected(r) for r in rows)
    shown = sorted((r for r in rows if not row_protected(r)), key=lambda r: -int(r["current"]))
    shown = shown[:TOP_PARTNERS]
    name = "name_en" if lang == "en" else "name_zh"
    fig = go.Figure(
        go.Bar(
            y=[_label(r[name] or r["name_zh"]) for r in shown],
            x=[rounded("usd", int(r["current"])) for r in shown],
            orientation="h",
            marker_color=BLUE,
        )
    )
    fig = _style(fig, word("chart.partners", lang), "partners", lang, hidden, horizontal=True)
    if not shown:
        return _nothing_shown(
            fig, lang, bool(rows) and all(map(row_protected, rows)), "chart.empty"
        )
    return fig


def figures(facts: BriefingFacts, lang: str) -> dict[str, go.Figure]:
    """The briefing's charts by key (monthly, contrib, partners)."""
    return {
        "monthly": monthly_figure(facts, lang),
        "contrib": contribution_figure(facts, lang),
        "partners": partners_figure(facts, lang),
    }


_browser_users = 0
_browser_lock = threading.Lock()


@contextmanager
def one_browser() -> Iterator[None]:
    """Every chart drawn inside shares one headless Chromium (kaleido's sync server): a release's
    two briefings start it once instead of once each (about 3 s a start). Nested uses share it;
    the outermost stops it."""
    global _browser_users
    with _browser_lock:
        if _browser_users == 0:
            kaleido.start_sync_server(silence_warnings=True)
        _browser_users += 1
    try:
        yield
    finally:
        with _browser_lock:
            _browser_users -= 1
            if _browser_users == 0:
                _stop_server()


def _stop_server() -> None:
    """Stop kaleido's browser, waiting at most STOP_SECONDS.

    kaleido's stop waits for its server thread without a timeout, and that thread can wait for
    ever on its browser (seen once at the end of a test session, the browser idle): the caller
    would hang with it. Its thread is a daemon: it is left to the process's exit."""
    stopper = threading.Thread(
        target=kaleido.stop_sync_server, kwargs={"silence_warnings": True}, daemon=True
    )
    stopper.start()
    stopper.join(STOP_SECONDS)
    if stopper.is_alive():
        log.warning("kaleido's browser did not stop within %s s; left to the exit", STOP_SECONDS)


def images(figs: dict[str, go.Figure], scale: int = 2) -> dict[str, bytes]:
    """PNG images of the figures (kaleido renders them with headless Chromium, all in one
    browser session: one start instead of one per chart)."""
    with tempfile.TemporaryDirectory(prefix="stm-briefing-") as folder:
        paths = [Path(folder) / f"{key}.png" for key in figs]
        # write_images draws at plotly's default 700×500 unless told: pass each chart's size.
        sizes = [(fig.layout.width, fig.layout.height) for fig in figs.values()]
        pio.write_images(
            list(figs.values()),
            paths,
            format="png",
            scale=scale,
            width=[w for w, _ in sizes],
            height=[h for _, h in sizes],
        )
        return {key: path.read_bytes() for key, path in zip(figs, paths)}
