"""Pure: what the Exports page shows of archived snapshots, and the names their files get."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import html

from dashboard import i18n
from dashboard.components import empty_state
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Exports
from etl.periods import add_months, format_period
from etl.snapshot.archive import SnapshotEntry
from etl.snapshot.format import BEIJING

DOWNLOAD_KINDS = ("xlsx", "html", "pdf")  # cells.json stays on the server (revision diffs)
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
SHA_SHOWN = 12


def download_href(snapshot_id: int, kind: str) -> str:
    """The download route of one file: /exports/7/xlsx."""
    return f"/exports/{snapshot_id}/{kind}"


def default_month(first: int | None, last: int | None, today: dt.date) -> int | None:
    """The last complete month with data: the newest loaded month before the current one."""
    if last is None:
        return None
    before_this_month = add_months(today.year * 100 + today.month, -1)
    month = min(last, before_this_month)
    return month if first is None or month >= first else last


def month_options(
    first: int | None, last: int | None, lang: str, circulated: bool = False
) -> list[dict]:
    """Every loaded month, newest first, as dropdown options (value YYYY-MM). circulated (对外
    通报版): February is 1–2月 and January none (make_snapshot refuses a circulated January)."""
    if first is None or last is None:
        return []
    months, month = [], last
    while month >= first:
        if not (circulated and month % 100 == 1):
            label = (i18n.fmt_circulated_month if circulated else i18n.fmt_period)(month, lang)
            months.append({"label": label, "value": format_period(month)})
        month = add_months(month, -1)
    return months


def made_at(moment: dt.datetime) -> str:
    """A creation time in Beijing time, to the minute (SQLite hands back naive UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def files_markdown(entry: SnapshotEntry, lang: str) -> str:
    """Links to the entry's files (markdown for the grid); 'no PDF*' when none was printed."""
    links = [
        f"[{t('exports.file.' + kind, lang)}]({download_href(entry.id, kind)})"
        for kind in DOWNLOAD_KINDS
        if kind in entry.files
    ]
    if "pdf" not in entry.files:
        links.append(t("exports.file.no_pdf", lang))
    return " · ".join(links)


def variant_text(internal: bool, lang: str) -> str:
    """对外通报版, or the internal warning."""
    return t("exports.variant.internal" if internal else "exports.variant.public", lang)


def edition_text(entry: SnapshotEntry, lang: str) -> str:
    """首版, or which snapshot it revises and how many cells changed."""
    if entry.revised_from_id is None:
        return t("exports.edition.original", lang)
    return t("exports.edition.revised", lang, id=entry.revised_from_id, n=entry.changed_cells or 0)


def grid_rows(
    entries: list[SnapshotEntry], region_names: dict[str, dict[str, str]], lang: str = DEFAULT_LANG
) -> list[dict]:
    """One grid row per archived snapshot, in the listing's order."""
    lang = i18n.normalize_lang(lang)
    rows = []
    for e in entries:
        sha = e.sha256.get("xlsx") or ""
        rows.append(
            {
                "id": e.id,
                "row_id": str(e.id),
                "month": i18n.fmt_period(e.month, lang),
                "region": region_names.get(e.region_code, {}).get(lang) or e.region_code,
                "variant": variant_text(e.internal, lang),
                "internal": e.internal,
                "edition": edition_text(e, lang),
                "vintage": t("exports.vintage", lang, id=e.vintage_event_id),
                "made_at": made_at(e.created_at),
                "made_by": e.created_by,
                "sha": sha[:SHA_SHOWN],
                "sha_full": sha,
                "files": files_markdown(e, lang),
            }
        )
    return rows


def column_defs(lang: str) -> list[dict]:
    """Grid columns: facts first, the download links last (markdown links)."""

    def col(field: str, **extra) -> dict:
        return {"field": field, "headerName": t(f"exports.col.{field}", lang), **extra}

    return [
        col("id", width=64),
        col("month", width=110),
        col("region", width=90),
        col(
            "variant",
            width=150,
            wrapText=True,
            autoHeight=True,
            cellClassRules={"stm-cell-internal": "params.data.internal"},
        ),
        col("edition", flex=1, minWidth=110, wrapText=True, autoHeight=True),
        col("vintage", width=110),
        col("made_at", width=150),
        col("made_by", width=90),
        col("sha", width=128, tooltipField="sha_full", cellClass="stm-mono"),
        col("files", width=190, cellRenderer="markdown", sortable=False),
    ]


def made_message(made, month: int, internal: bool, lang: str) -> dbc.Alert:
    """What a run of the form did: made (with changes and a missing PDF), found, or why not."""
    label = f"{i18n.fmt_period(month, lang)} {variant_text(internal, lang)}"
    if made.error:
        reason = made.error
        if not internal and month % 100 == 1:  # etl.snapshot.archive refuses it: say why here
            reason = t("exports.january", lang, period=i18n.fmt_ytd(month + 1, lang))
        return dbc.Alert(t("exports.failed", lang, reason=reason), color="danger")
    if made.existing:
        return dbc.Alert(
            t("exports.existing", lang, label=label, id=made.snapshot_id), color="info"
        )
    lines = [t("exports.made", lang, label=label, id=made.snapshot_id)]
    if made.changed_cells is not None:
        lines.append(t("exports.made_revised", lang, n=made.changed_cells))
    if made.pdf_message:
        lines.append(t("exports.no_pdf_made", lang, reason=made.pdf_message))
    return dbc.Alert(
        [html.Div(line) for line in lines], color="warning" if made.pdf_message else "success"
    )


def file_name(entry: SnapshotEntry, region_name: str, kind: str) -> str:
    """The Chinese name of a downloaded file: 服务贸易统计监测月报_月份_地区_版本[_修订版].kind."""
    parts = [
        "服务贸易统计监测月报",
        i18n.fmt_period(entry.month, "zh"),
        region_name,
        "内部版_不得外传" if entry.internal else "对外通报版",
    ]
    if entry.revised_from_id is not None:
        parts.append(f"修订版（编号{entry.id}）")
    return "_".join(parts) + f".{kind}"


def empty_list(may_make: bool, command: str, lang: str) -> html.Div:
    """No snapshot yet: a statistician is told how to make one (the form, or the command); a
    leader is told who makes them — never a server command they cannot run."""
    if may_make:
        return empty_state(t("exports.list.empty", lang), None, command, id=Exports.EMPTY)
    return empty_state(
        t("exports.list.empty_reader", lang),
        t("exports.list.empty_reader_hint", lang),
        id=Exports.EMPTY,
    )
