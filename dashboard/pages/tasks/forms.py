"""A task's two forms: a unit's progress report with its evidence file, and the review of reports."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import section_card
from dashboard.i18n import t
from dashboard.ids import Tasks as Ids
from dashboard.pages.tasks import data, views
from etl.periods import add_months, format_period


def report_form(lang: str, units: list[str]) -> dbc.Card:
    """A unit's progress report: period (last month by default), status, text, figures, evidence."""
    statuses = [{"label": views.status_name(s, lang), "value": s} for s in views.STATUSES]
    last_month = format_period(add_months(data.today().year * 100 + data.today().month, -1))
    mb = data.max_evidence_bytes() // (1024 * 1024)
    figures = [
        dbc.Col(
            [
                dbc.Label(t(f"tasks.figure.{k}", lang), class_name="stm-control-label"),
                dbc.Input(id=Ids.FIGURES[k], type="number", min=0, step=1),
            ],
            xs=12,
            md=4,
        )
        for k in views.FIGURES
    ]
    return section_card(
        t("tasks.form.title", lang),
        [
            html.P(
                t("tasks.form.lead", lang, units="、".join(units)), className="stm-section-lead"
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label(t("tasks.form.period", lang), class_name="stm-control-label"),
                            dbc.Input(id=Ids.PERIOD, value=last_month, maxLength=7),
                        ],
                        xs=12,
                        md=3,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(t("tasks.form.status", lang), class_name="stm-control-label"),
                            dcc.Dropdown(id=Ids.STATUS, options=statuses),
                        ],
                        xs=12,
                        md=3,
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            dbc.Label(t("tasks.form.text", lang), class_name="stm-control-label"),
            dbc.Textarea(id=Ids.TEXT, maxLength=2000, rows=3, class_name="mb-2"),
            dbc.Label(t("tasks.form.figures", lang), class_name="stm-control-label"),
            dbc.Row(figures, class_name="g-2 mb-2"),
            dcc.Upload(
                id=Ids.UPLOAD,
                children=html.Div(t("tasks.form.evidence", lang, mb=mb)),
                max_size=data.max_evidence_bytes(),
                accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png",
                className="stm-upload mb-1",
            ),
            html.Div(id=Ids.UPLOAD_NAME, className="stm-footnote mb-2"),
            dbc.Button(t("tasks.form.submit", lang), id=Ids.SUBMIT, color="primary"),
        ],
    )


def review_form(lang: str) -> dbc.Card:
    """Pick a report awaiting review, comment, 确认 or 退回."""
    return section_card(
        t("tasks.review.title", lang),
        [
            dbc.Label(t("tasks.review.pick", lang), class_name="stm-control-label"),
            dcc.Dropdown(
                id=Ids.REVIEW_PICK,
                options=[],
                placeholder=t("tasks.review.none", lang),
                className="mb-2",
            ),
            dbc.Label(t("tasks.review.comment", lang), class_name="stm-control-label"),
            dbc.Textarea(id=Ids.COMMENT, maxLength=1000, rows=2, class_name="mb-2"),
            html.Div(
                [
                    dbc.Button(t("tasks.review.confirm", lang), id=Ids.CONFIRM, color="success"),
                    dbc.Button(
                        t("tasks.review.return", lang), id=Ids.RETURN, color="danger", outline=True
                    ),
                ],
                className="d-flex gap-2",
            ),
        ],
    )
