"""The Dash app: create_app(settings) builds the shell, imports the pages, binds the database."""

from __future__ import annotations

from pathlib import Path

import dash

from dashboard import api, briefings, downloads, i18n
from dashboard.auth.install import init_auth
from dashboard.context import CONFIG_KEY, AppContext
from dashboard.filter_bar import callbacks as filter_bar_callbacks
from dashboard.pages.evaluation import routes as evaluation_routes
from dashboard.pages.exports import routes as export_routes
from dashboard.pages.reconciliation import routes as reconciliation_routes
from dashboard.pages.supervision import routes as supervision_routes
from dashboard.pages.tasks import routes as task_routes
from dashboard.pages.upload import routes as upload_routes
from dashboard.shell import callbacks as shell_callbacks
from dashboard.shell import layout as shell_layout
from dashboard.shell.nav import check_pages
from etl.settings import Settings

HERE = Path(__file__).resolve().parent

# <html lang> lets Chromium pick Simplified-Chinese glyphs before any CSS loads.
INDEX_STRING = """<!DOCTYPE html>
<html lang="zh-CN">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def create_app(settings: Settings | None = None) -> dash.Dash:
    """A new app for these settings (default: from the environment); no database is opened."""
    settings = settings or Settings.from_env()
    _reset_dash_globals()
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        external_stylesheets=[],
        title=i18n.t("app.title"),
        update_title=None,
        suppress_callback_exceptions=True,
        index_string=INDEX_STRING,
    )
    check_pages(dash.page_registry)
    app.server.config[CONFIG_KEY] = AppContext(settings)
    # Bodies larger than a full drop (files are sent base64 in JSON: 4/3 of their size) are
    # refused with 413 before anything parses them.
    app.server.config["MAX_CONTENT_LENGTH"] = (
        settings.max_upload_files * settings.max_upload_bytes * 4 // 3 + 1024 * 1024
    )
    if settings.secret_key:
        app.server.secret_key = settings.secret_key
    if settings.auth_required:
        init_auth(
            app.server,
            settings.instance_path,
            settings.secret_key,
            secure_cookies=settings.secure_cookies,
            session_hours=settings.session_hours,
        )
    app.layout = shell_layout.layout
    shell_callbacks.register_callbacks(app)
    filter_bar_callbacks.register_callbacks(app)  # shared by every page that shows the filter bar
    downloads.register_callbacks(app)  # CSV/xlsx of every chart (downloads.download_bar)
    upload_routes.register(app.server)  # template and problem-list downloads of 数据报送
    export_routes.register_routes(app.server)  # archived snapshot files (导出 page)
    briefings.register_routes(app.server)  # archived briefings (简报 and 导出 pages)
    task_routes.register(app.server)  # evidence files of 试点任务
    supervision_routes.register(app.server)  # reminder lists of 任务督查 (xlsx)
    evaluation_routes.register(app.server)  # scorecards of 绩效评价与考核 (xlsx)
    reconciliation_routes.register(app.server)  # template of published totals (对比监测)
    api.register(app.server)  # the read-only API /api/v1 (bearer tokens)
    return app


def _reset_dash_globals() -> None:
    """Empty Dash's process-wide page registry and pending global callbacks."""
    # Dash keeps both at module level (plotly/dash's tests reset them the same way in their
    # clear_pages_state fixture). Every app re-imports the page modules, which register their
    # pages and @callback functions again, so entries left by an earlier app must go. Hence:
    # only page modules use the global @dash.callback; the shell uses app.callback.
    # This is the one place that touches Dash's private state.
    from dash import _callback, _pages

    _pages.PAGE_REGISTRY.clear()
    _callback.GLOBAL_CALLBACK_LIST.clear()
    _callback.GLOBAL_CALLBACK_MAP.clear()
