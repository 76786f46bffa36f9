"""Every component ID in the app, one class per page (pages import these, tests select them)."""


class Shell:
    """The frame around every page: URL, language, navigation."""

    ROOT = "shell-root"
    URL = "shell-url"
    LANG = "shell-lang"  # dcc.Store(storage_type="local"): the language last chosen
    BRAND = "shell-brand"
    NAV = "shell-nav"
    NAV_LINK = "shell-nav-link"  # pattern-matching type: {"type": NAV_LINK, "page": module}
    LANG_ZH = "shell-lang-zh"
    LANG_EN = "shell-lang-en"


class Home:
    """首页: what the database holds."""

    TITLE = "home-title"
    FACTS = "home-facts"
    EMPTY = "home-empty"
    KPI_PERIODS = "home-kpi-periods"
    KPI_ENTERPRISES = "home-kpi-enterprises"
    KPI_REPORTS = "home-kpi-reports"
    KPI_LINES = "home-kpi-lines"
    KPI_BATCHES = "home-kpi-batches"


class NotFound:
    """The 404 page."""

    TITLE = "not-found-title"
    HOME_LINK = "not-found-home-link"
