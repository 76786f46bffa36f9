"""Small layout factories shared by pages: KPI cards, empty states, page headers."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html


def _id(id: str | dict | None) -> dict:
    # Dash rejects id=None, so the prop is passed only when there is one.
    return {} if id is None else {"id": id}


def page_header(title: str, lead: str | None = None, title_id: str | None = None) -> html.Div:
    """A page title with an optional one-sentence lead."""
    children = [html.H1(title, className="stm-page-title", **_id(title_id))]
    if lead:
        children.append(html.P(lead, className="stm-page-lead"))
    return html.Div(children, className="stm-page-header")


def kpi_card(title: str, value: str, sub: str | None = None,
             id: str | dict | None = None) -> dbc.Card:
    """A headline number: title above, the formatted value, a small line of context below."""
    body = [html.Div(title, className="stm-kpi-title"),
            html.Div(value, className="stm-kpi-value")]
    if sub:
        body.append(html.Div(sub, className="stm-kpi-sub"))
    return dbc.Card(dbc.CardBody(body), class_name="stm-kpi h-100", **_id(id))


def empty_state(message: str, hint: str | None = None, command: str | None = None,
                id: str | dict | None = None) -> html.Div:
    """A visible message box in place of a chart or table that has nothing to show."""
    children: list = [html.P(message, className="stm-empty-message")]
    if hint:
        children.append(html.P(hint, className="stm-empty-hint"))
    if command:
        children.append(html.Pre(html.Code(command), className="stm-empty-command"))
    return html.Div(children, className="stm-empty", role="status", **_id(id))
