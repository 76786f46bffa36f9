"""The 数据报送 page's four steps as cards (template, files, preview, history) and the dialog
that asks for a retraction's reason."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import section_card
from dashboard.i18n import t
from dashboard.ids import Upload
from dashboard.pages.upload import views as upload_views
from dashboard.tables import grid_locale


def template_section(lang: str):
    """Step 1: download the template."""
    return section_card(
        t("upload.step_template", lang),
        [
            html.P(t("upload.template_hint", lang), className="mb-2"),
            html.A(
                t("upload.template_button", lang),
                href="/upload/template.xlsx",
                id=Upload.TEMPLATE,
                className="btn btn-outline-primary",
                download="服务贸易企业直报模板.xlsx",
            ),
        ],
    )


def files_section(lang: str, limit_mb: int, regions: list[tuple[str, str]]):
    """Step 2: drop files (a clerk is told their regions); the check's progress and cancel."""
    scope = []
    if regions:
        names = "、".join(f"{name}（{code}）" for code, name in regions)
        scope = [
            dbc.Alert(
                t("upload.scope_clerk", lang, regions=names),
                color="secondary",
                class_name="py-2",
                id=Upload.SCOPE,
            )
        ]
    drop = dcc.Upload(
        id=Upload.DROP,
        multiple=True,
        accept=".xlsx,.csv",
        children=html.Div(
            [
                html.Div(t("upload.drop", lang), className="stm-drop-main"),
                html.Div(t("upload.drop_hint", lang, limit=limit_mb), className="stm-drop-hint"),
            ]
        ),
        className="stm-drop",
    )
    return section_card(
        t("upload.step_files", lang),
        scope
        + [
            drop,
            html.Div(id=Upload.MESSAGE, className="mt-2"),
            dbc.Progress(
                id=Upload.PROGRESS,
                value=0,
                striped=True,
                animated=True,
                class_name="mt-3 stm-upload-progress",
                style={"display": "none"},
            ),
            html.Div(
                [
                    html.Div(
                        id=Upload.PROGRESS_TEXT,
                        className="stm-upload-progress-text me-3",
                        role="status",
                    ),
                    dbc.Button(
                        t("upload.cancel", lang),
                        id=Upload.CANCEL,
                        color="secondary",
                        outline=True,
                        size="sm",
                        style={"display": "none"},
                    ),
                ],
                className="d-flex align-items-center",
            ),
        ],
    )


def preview_section(lang: str):
    """Step 3: the checked files' preview, the commit button and the load's results."""
    return section_card(
        t("upload.step_preview", lang),
        [
            html.Div(id=Upload.PREVIEW),
            html.Div(
                [
                    dbc.Button(
                        t("upload.commit", lang),
                        id=Upload.COMMIT,
                        color="primary",
                        disabled=True,
                        class_name="me-3",
                    ),
                    html.Span(id=Upload.COMMIT_NOTE, className="stm-footnote"),
                ],
                className="d-flex align-items-center mt-2",
            ),
            html.Div(id=Upload.RESULTS, className="mt-3"),
        ],
    )


def history_section(lang: str, may_retract: bool):
    """Step 4: the batch history; with the retract button and dialog for roles that may."""
    lead = "upload.history.lead_all" if may_retract else "upload.history.lead_clerk"
    tools = (
        [
            dbc.Button(
                t("upload.retract", lang),
                id=Upload.RETRACT,
                color="danger",
                outline=True,
                size="sm",
            )
        ]
        if may_retract
        else []
    )
    options = {
        "pagination": True,
        "paginationPageSize": 20,
        "tooltipShowDelay": 300,
        "localeText": grid_locale(lang, t("upload.history.empty", lang)),
    }
    if may_retract:
        options["rowSelection"] = {"mode": "singleRow"}
    grid = dag.AgGrid(
        id=Upload.HISTORY,
        columnDefs=upload_views.history_column_defs(lang),
        rowData=[],
        defaultColDef={"sortable": True, "resizable": True, "filter": True},
        dashGridOptions=options,
        style={"height": "460px"},
        className="ag-theme-quartz stm-grid",
    )
    return section_card(
        t("upload.history.title", lang),
        [
            html.P(t(lead, lang), className="stm-section-lead"),
            html.Div(id=Upload.RETRACT_MESSAGE),
            grid,
            _retract_modal(lang) if may_retract else html.Div(),
        ],
        tools=tools,
    )


def _retract_modal(lang: str) -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=Upload.RETRACT_TITLE)),
            dbc.ModalBody(
                [
                    html.Div(id=Upload.RETRACT_BODY),
                    dbc.Label(t("upload.retract.reason", lang), html_for=Upload.RETRACT_REASON),
                    dbc.Textarea(id=Upload.RETRACT_REASON, maxLength=500, rows=3),
                ]
            ),
            dbc.ModalFooter(
                [
                    dbc.Button(
                        t("upload.retract.cancel", lang),
                        id=Upload.RETRACT_CANCEL,
                        color="secondary",
                        outline=True,
                    ),
                    dbc.Button(
                        t("upload.retract.confirm", lang), id=Upload.RETRACT_CONFIRM, color="danger"
                    ),
                ]
            ),
        ],
        id=Upload.RETRACT_MODAL,
        is_open=False,
    )
