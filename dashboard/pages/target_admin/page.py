"""目标管理 / Targets admin: administrators change, add and delete policy targets in the browser.

The rules are etl.targets.rules (the seed loader applies the same); every change is audited with
its values before and after; /targets and the Overview read the targets afresh on each request.
Every callback checks `manage_targets` on the server before anything else.
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import TargetAdmin as Ids
from dashboard.pages.target_admin import data, views
from dashboard.tables import grid
from etl.targets.rules import RATIO_KINDS, TargetError

dash.register_page(
    __name__,
    nav_group="manage",
    path="/admin/targets",
    order=96,
    name_key="nav.target_admin",
    permission="manage_targets",
)

ACTION = data.ACTION
FIXED = ("code", "region_code", "measure", "kind")  # set when a target is added, never changed
EDITABLE = ("threshold", "window_start", "window_end", "name_zh", "name_en", "source")
F = Ids.FIELDS


def _field(label, control, width: int = 3, label_id: str | None = None) -> dbc.Col:
    extra = {"id": label_id} if label_id else {}
    return dbc.Col(
        [dbc.Label(label, class_name="stm-control-label", **extra), control], xs=12, md=width
    )


def _form(lang: str, choices: dict) -> dbc.Card:
    def text(key: str, width: int, **kw):
        return _field(t(f"tadmin.field.{key}", lang), dbc.Input(id=F[key], **kw), width)

    def pick(key: str, options: list[dict], width: int, **kw):
        return _field(
            t(f"tadmin.field.{key.replace('_code', '')}", lang),
            dcc.Dropdown(id=F[key], options=options, **kw),
            width,
        )

    currency = [{"label": t("tadmin.currency.USD", lang), "value": "USD"}]
    return section_card(
        None,
        [
            html.H2(t("tadmin.form.new", lang), id=Ids.FORM_TITLE, className="stm-section-title"),
            html.P(t("tadmin.form.pick", lang), className="stm-section-lead"),
            dbc.Row(
                [
                    text("code", 3, maxLength=40),
                    pick("region_code", views.region_options(choices, lang), 2),
                    pick("measure", views.measure_options(choices, lang), 4),
                    pick("kind", views.kind_options(lang), 3),
                ],
                class_name="g-2 mb-2",
            ),
            dbc.Row(
                [
                    _field(
                        views.threshold_label(None, lang),
                        dbc.Input(id=F["threshold"], inputMode="decimal"),
                        3,
                        Ids.THRESHOLD_LABEL,
                    ),
                    text("window_start", 3, placeholder="2018-07", maxLength=10),
                    text("window_end", 3, placeholder="2020-06", maxLength=10),
                    pick("currency", currency, 3, value="USD", clearable=False, disabled=True),
                ],
                class_name="g-2 mb-2",
            ),
            dbc.Row(
                [text("name_zh", 6, maxLength=200), text("name_en", 6, maxLength=300)],
                class_name="g-2 mb-2",
            ),
            dbc.Row([text("source", 12, maxLength=300)], class_name="g-2 mb-2"),
            html.P(t("tadmin.fixed_note", lang), className="stm-footnote"),
            html.Div(
                [
                    dbc.Button(t("tadmin.save", lang), id=Ids.SAVE, color="primary"),
                    dbc.Button(t("tadmin.new", lang), id=Ids.NEW, color="secondary", outline=True),
                    dbc.Button(t("tadmin.add", lang), id=Ids.ADD, color="success", outline=True),
                    dbc.Button(
                        t("tadmin.delete", lang), id=Ids.DELETE, color="danger", outline=True
                    ),
                ],
                className="d-flex flex-wrap gap-2",
            ),
        ],
    )


def _confirm(lang: str) -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(t("tadmin.confirm_title", lang))),
            dbc.ModalBody(id=Ids.CONFIRM_BODY),
            dbc.ModalFooter(
                [
                    dbc.Button(
                        t("tadmin.cancel", lang), id=Ids.CONFIRM_NO, color="secondary", outline=True
                    ),
                    dbc.Button(t("tadmin.confirm", lang), id=Ids.CONFIRM_YES, color="danger"),
                ]
            ),
        ],
        id=Ids.CONFIRM,
        is_open=False,
    )


def _grid(
    id: str, columns: list[dict], lang: str, empty_key: str, options: dict | None = None, **kw
) -> dag.AgGrid:
    # No column filters: a handful of rows, and the filter icons would cost the columns' width.
    return grid(id, columns, lang, empty_key, wrap_headers=False, options=options, **kw)


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """The targets table, the edit / new form, the delete confirmation and the change history."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    targets = _grid(
        Ids.GRID,
        views.column_defs(lang),
        lang,
        "tadmin.empty",
        {"rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True}},
        getRowId="params.data.code",
    )
    history_columns = [
        {
            "field": k,
            "headerName": t(f"tadmin.hcol.{k}", lang),
            "width": w,
            **({"flex": 1, "wrapText": True, "autoHeight": True} if k == "change" else {}),
        }
        for k, w in (("at", 180), ("user", 110), ("action", 90), ("code", 170), ("change", 400))
    ]
    return html.Div(
        [
            page_header(t("tadmin.title", lang), t("tadmin.lead", lang), title_id=Ids.TITLE),
            dcc.Store(id=Ids.CONTEXT, data={"lang": lang}),
            dcc.Store(id=Ids.TICK, data=0),
            dcc.Store(id=Ids.SELECTED, data=None),
            html.Div(id=Ids.MESSAGE),
            section_card(t("tadmin.targets", lang), targets),
            _form(lang, data.choices()),
            _confirm(lang),
            section_card(
                t("tadmin.history", lang),
                _grid(Ids.HISTORY, history_columns, lang, "tadmin.history_empty"),
            ),
            html.P(t("tadmin.seed_note", lang), className="stm-footnote"),
        ]
    )


def _lang(context) -> str:
    return (context or {}).get("lang", DEFAULT_LANG)


@callback(
    Output(Ids.GRID, "rowData"),
    Output(Ids.HISTORY, "rowData"),
    Input(Ids.TICK, "data"),
    State(Ids.CONTEXT, "data"),
)
def show_targets(_tick, context):
    """Every target and the newest changes, re-read after each change."""
    auth.guard(ACTION)
    lang = _lang(context)
    return (
        views.target_rows(data.targets(), data.choices(), lang),
        views.history_rows(data.history(), lang),
    )


@callback(
    Output(Ids.FORM_TITLE, "children"),
    Output(Ids.SELECTED, "data"),
    Output(Ids.GRID, "selectedRows"),
    *[Output(F[k], "value") for k in (*FIXED, *EDITABLE)],
    *[Output(F[k], "disabled") for k in FIXED],
    Input(Ids.GRID, "selectedRows"),
    Input(Ids.NEW, "n_clicks"),
    State(Ids.CONTEXT, "data"),
)
def fill_form(selected, _new, context):
    """The chosen target's values, ready to edit; 新建 empties the form for a new target."""
    auth.guard(ACTION)
    lang = _lang(context)
    row = None if ctx.triggered_id == Ids.NEW else (selected or [None])[0]
    if row is None:
        blank = [None] * len(FIXED) + [""] * len(EDITABLE)
        return (
            t("tadmin.form.new", lang),
            None,
            [] if ctx.triggered_id == Ids.NEW else dash.no_update,
            *blank,
            *[False] * len(FIXED),
        )
    form = row["form"]
    return (
        t("tadmin.form.edit", lang, code=form["code"]),
        {"code": form["code"], "kind": form["kind"]},
        dash.no_update,
        *[form[k] for k in (*FIXED, *EDITABLE)],
        *[True] * len(FIXED),
    )


@callback(
    Output(Ids.THRESHOLD_LABEL, "children"),
    Output(F["threshold"], "disabled"),
    Input(F["kind"], "value"),
    State(Ids.CONTEXT, "data"),
)
def threshold_unit(kind, context):
    """The threshold's unit follows the kind; structure targets have none."""
    auth.guard(ACTION)
    return views.threshold_label(kind, _lang(context)), kind in RATIO_KINDS


@callback(
    Output(Ids.MESSAGE, "children"),
    Output(Ids.TICK, "data"),
    Input(Ids.SAVE, "n_clicks"),
    Input(Ids.ADD, "n_clicks"),
    *[State(F[k], "value") for k in (*FIXED, *EDITABLE)],
    State(Ids.SELECTED, "data"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def save_target(_save, _add, *values):
    """保存修改 changes the selected target; 新增目标 stores the form as a new target."""
    auth.guard(ACTION)
    *fields, selected, context, tick = values
    lang = _lang(context)
    form = dict(zip((*FIXED, *EDITABLE), fields))
    try:
        if ctx.triggered_id == Ids.ADD:
            form["threshold"] = views.stored_threshold(form["kind"], form["threshold"])
            row = data.add({**form, "currency": "USD"})
            return _alert(t("tadmin.added", lang, code=row["code"]), "success"), (tick or 0) + 1
        if not selected:
            return _alert(t("tadmin.pick_first", lang), "warning"), dash.no_update
        form["threshold"] = views.stored_threshold(selected["kind"], form["threshold"])
        changed = data.update(selected["code"], {k: form[k] for k in EDITABLE})
    except TargetError as exc:
        return _problems(exc, lang), dash.no_update
    if not changed:
        return _alert(t("tadmin.unchanged", lang, code=selected["code"]), "info"), dash.no_update
    text = t(
        "tadmin.saved",
        lang,
        code=selected["code"],
        changes=views.change_text(changed, selected["kind"], lang),
    )
    return _alert(text, "success"), (tick or 0) + 1


@callback(
    Output(Ids.CONFIRM, "is_open"),
    Output(Ids.CONFIRM_BODY, "children"),
    Output(Ids.MESSAGE, "children", allow_duplicate=True),
    Input(Ids.DELETE, "n_clicks"),
    Input(Ids.CONFIRM_NO, "n_clicks"),
    State(Ids.SELECTED, "data"),
    State(F["name_zh"], "value"),
    State(F["name_en"], "value"),
    State(Ids.CONTEXT, "data"),
    prevent_initial_call=True,
)
def ask_delete(_delete, _cancel, selected, name_zh, name_en, context):
    """删除目标 asks for confirmation first; 取消 closes the question."""
    auth.guard(ACTION)
    lang = _lang(context)
    if ctx.triggered_id == Ids.CONFIRM_NO:
        return False, dash.no_update, dash.no_update
    if not selected:
        return False, dash.no_update, _alert(t("tadmin.pick_first", lang), "warning")
    name = name_zh if lang == "zh" else name_en
    return True, t("tadmin.confirm_body", lang, code=selected["code"], name=name), None


@callback(
    Output(Ids.CONFIRM, "is_open", allow_duplicate=True),
    Output(Ids.MESSAGE, "children", allow_duplicate=True),
    Output(Ids.TICK, "data", allow_duplicate=True),
    Input(Ids.CONFIRM_YES, "n_clicks"),
    State(Ids.SELECTED, "data"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def delete_target(_yes, selected, context, tick):
    """Delete the selected target once confirmed."""
    auth.guard(ACTION)
    lang = _lang(context)
    if not selected:
        return False, _alert(t("tadmin.pick_first", lang), "warning"), dash.no_update
    try:
        data.delete(selected["code"])
    except TargetError as exc:
        return False, _problems(exc, lang), dash.no_update
    return (
        False,
        _alert(t("tadmin.deleted", lang, code=selected["code"]), "success"),
        (tick or 0) + 1,
    )


def _problems(exc: TargetError, lang: str) -> dbc.Alert:
    return dbc.Alert(
        [
            html.Div(t("tadmin.problems", lang), className="fw-semibold"),
            html.Ul([html.Li(line) for line in views.problem_lines(exc.problems, lang)]),
        ],
        color="danger",
        class_name="py-2",
        dismissable=True,
    )


def _alert(text: str, color: str) -> dbc.Alert:
    return dbc.Alert(text, color=color, class_name="py-2", dismissable=True)
