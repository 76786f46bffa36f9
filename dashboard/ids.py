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
    SAMPLE_NOTICE = "shell-sample-notice"


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


class Targets:
    """目标监测: target cards, the cumulative-path chart and the district evaluation."""

    TITLE = "targets-title"
    URL = "targets-url"  # the page's own dcc.Location: the as-of choice goes into ?as_of=
    CONTEXT = "targets-context"  # dcc.Store: {"as_of": 201906, "lang": "zh"} of this render
    AS_OF = "targets-as-of"
    EMPTY = "targets-empty"
    CARDS = "targets-cards"
    CARD = "targets-card"  # pattern-matching type: {"type": CARD, "target": code}
    CHART_PICK = "targets-chart-pick"
    CHART_BOX = "targets-chart-box"
    CHART = "targets-chart"
    DIST_CITY = "targets-dist-city"
    DIST_WINDOW = "targets-dist-window"
    DIST_NOTE = "targets-dist-note"
    DIST_GRID = "targets-dist-grid"
    EXPORT_XLSX = "targets-export-xlsx"
    EXPORT_CSV = "targets-export-csv"
    DOWNLOAD = "targets-download"


class FilterBar:
    """The filter bar every data page shares (dashboard/filter_bar.py); state lives in URL."""

    ROOT = "filter-bar"
    URL = "filter-url"  # the page's dcc.Location(refresh=False): pages read its "search"
    PERIOD_KIND = "filter-period-kind"
    MONTH = "filter-month"
    YEAR = "filter-year"
    FROM = "filter-from"
    TO = "filter-to"
    MONTH_BOX = "filter-month-box"
    YEAR_BOX = "filter-year-box"
    RANGE_BOX = "filter-range-box"
    REGION = "filter-region"
    DIRECTION = "filter-direction"
    CATEGORIES = "filter-categories"
    MODES = "filter-modes"
    UNIT = "filter-unit"
    SCOPE = "filter-scope"
    RESET = "filter-reset"


class Downloads:
    """CSV/xlsx download of a chart's data (dashboard/downloads.py); pattern-matching types."""

    CSV = "download-csv"  # {"type": CSV, "name": chart name}
    XLSX = "download-xlsx"
    DATA = "download-data"  # dcc.Store with the table behind the chart
    FILE = "download-file"  # dcc.Download


class Overview:
    """总览: headline figures, trend, knowledge-intensive share, targets, data coverage."""

    TITLE = "overview-title"
    CONTEXT = "overview-context"
    SCOPE_NOTE = "overview-scope-note"
    KPIS = "overview-kpis"
    KPI_TOTAL = "overview-kpi-total"
    KPI_EXPORTS = "overview-kpi-exports"
    KPI_IMPORTS = "overview-kpi-imports"
    KPI_BALANCE = "overview-kpi-balance"
    TREND = "overview-trend"
    TREND_BOX = "overview-trend-box"
    KIS = "overview-kis"
    TARGETS = "overview-targets"
    COVERAGE = "overview-coverage"
    EMPTY = "overview-empty"
    KIS_CHART = "overview-kis-chart"
    KIS_SHARE = "overview-kis-share-value"
    TREND_DOWNLOAD = "overview-trend"  # download names (see Downloads)
    KIS_DOWNLOAD = "overview-kis-share"


class HomeLinks:
    """Links from the home page to the data pages."""

    OVERVIEW = "home-overview-link"
