"""One task's page (/tasks?task=id): its facts, its report history, and the forms of the roles
that may report on it or review its reports."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth
from dashboard.components import empty_state, page_header, section_card
from dashboard.i18n import t
from dashboard.ids import Tasks as Ids
from dashboard.pages.tasks import data, forms, views
from dashboard.tables import grid


def _fact(label: str, value) -> html.Div:
    return html.Div(
        [html.Div(label, className="stm-kpi-caption"), html.Div(value, className="stm-task-fact")],
        className="mb-2",
    )


def task_page(task_id: str, lang: str) -> html.Div:
    """The task's page; the forms only for the roles (and units) that may use them."""
    state = data.ledger(data.today())
    found = state[state["id"] == task_id]
    back = dcc.Link(t("tasks.back", lang), href=f"/tasks?lang={lang}", className="stm-back-link")
    if found.empty:
        return html.Div([back, empty_state(t("tasks.unknown", lang, task=task_id))])
    row = found.iloc[0]
    gap = data.gap_months()
    [grid_row] = views.task_rows(found, lang, gap)
    title = t(
        "tasks.detail.title",
        lang,
        document=views.document_name(row["document"], lang),
        number=int(row["number"]),
    )
    facts = [
        _fact(t("tasks.detail.area", lang), row["area"] or "—"),
        _fact(t("tasks.col.text", lang), row["text"]),
    ]
    if row["measures"]:
        facts.append(
            _fact(
                t("tasks.detail.measures", lang),
                [html.P(p, className="mb-1") for p in row["measures"].split("\n")],
            )
        )
    facts += [
        dbc.Row(
            [
                dbc.Col(_fact(t("tasks.detail.deadline", lang), grid_row["deadline"]), md=3),
                dbc.Col(_fact(t("tasks.col.lead", lang), grid_row["lead"] or "—"), md=3),
                dbc.Col(
                    _fact(t("tasks.col.cooperating", lang), grid_row["cooperating"] or "—"), md=3
                ),
                dbc.Col(
                    _fact(
                        t("tasks.detail.state", lang),
                        html.Span(f"{grid_row['status']} · {grid_row['state']}", id=Ids.STATE),
                    ),
                    md=3,
                ),
            ]
        )
    ]
    ours = [u for u in row["lead"] + row["cooperating"] if u in data.my_units()]
    parts = [
        back,
        page_header(title, None, title_id=Ids.TITLE),
        dcc.Store(id=Ids.CONTEXT, data={"lang": lang, "task": task_id}),
        dcc.Store(id=Ids.TICK, data=0),
        section_card(None, facts),
        html.Div(id=Ids.MESSAGE),
        section_card(
            t("tasks.history", lang),
            grid(
                Ids.HISTORY,
                views.history_columns(lang),
                lang,
                "tasks.history.empty",
                column_defaults={"filter": True, "floatingFilter": False},
            ),
        ),
    ]
    if auth.allowed(data.REPORT) and auth.current_principal() is not None:
        parts.append(
            forms.report_form(lang, ours)
            if ours
            else dbc.Alert(t("tasks.form.not_yours", lang), color="secondary", class_name="py-2")
        )
    if data.may_review():
        parts.append(forms.review_form(lang))
    return html.Div(parts)
