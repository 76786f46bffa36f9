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
    SAMPLE_NOTICE_TEXT = "shell-sample-notice-text"
    LOGOUT = "shell-logout"


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


class Modes:
    """供给模式: the modes over time, their shares, category × mode matrix, table."""

    TITLE = "modes-title"
    CONTEXT = "modes-context"
    SCOPE_NOTE = "modes-scope-note"
    NAV = "modes-nav"  # dcc.Location(refresh="callback-nav") a drill-down click writes
    CARDS = "modes-cards"
    MEASURE = "modes-measure"  # 当月 / 1–N月累计 (URL key "show")
    TREND_BOX = "modes-trend-box"
    TREND = "modes-trend"
    FATS_NOTE = "modes-fats-note"
    SHARES_BOX = "modes-shares-box"
    SHARES = "modes-shares"
    MATRIX_BOX = "modes-matrix-box"
    MATRIX = "modes-matrix"
    GRID = "modes-grid"
    GRID_BOX = "modes-grid-box"
    EMPTY = "modes-empty"
    TREND_DOWNLOAD = "modes-trend"  # download names (see Downloads)
    MATRIX_DOWNLOAD = "modes-matrix"
    TABLE_DOWNLOAD = "modes-table"


class Sectors:
    """服务类别: ranking, composition, pillar / emerging / knowledge-intensive groups, table."""

    TITLE = "sectors-title"
    CONTEXT = "sectors-context"
    SCOPE_NOTE = "sectors-scope-note"
    NAV = "sectors-nav"  # dcc.Location(refresh="callback-nav") a drill-down click writes
    RANKING_BOX = "sectors-ranking-box"
    RANKING = "sectors-ranking"
    TREEMAP_BOX = "sectors-treemap-box"
    TREEMAP = "sectors-treemap"
    GROUPS_BOX = "sectors-groups-box"
    GROUP_SHARES = "sectors-group-shares"
    EMERGING = "sectors-emerging"
    GRID_BOX = "sectors-grid-box"
    GRID = "sectors-grid"
    EMPTY = "sectors-empty"
    RANKING_DOWNLOAD = "sectors-ranking"  # download names (see Downloads)
    GROUPS_DOWNLOAD = "sectors-groups"
    TABLE_DOWNLOAD = "sectors-table"


class Regions:
    """地区: the chosen region's children, drill-down, trend and table."""

    TITLE = "regions-title"
    CONTEXT = "regions-context"
    CRUMB_BOX = "regions-crumb-box"
    CRUMB = "regions-crumb"
    SUMMARY = "regions-summary"
    LEAF = "regions-leaf"
    EMPTY = "regions-empty"
    CHARTS = "regions-charts"  # the ranking and contribution cards, or words for a leaf
    RANK = "regions-rank"
    CONTRIB = "regions-contrib"
    TREND_BOX = "regions-trend-box"
    TREND = "regions-trend"
    GRID = "regions-grid"
    GRID_NOTE = "regions-grid-note"
    TABLE_DOWNLOAD = "regions-table"  # download names (see Downloads)
    TREND_DOWNLOAD = "regions-trend"


class Partners:
    """伙伴: top partner economies, partner groups, trend and table."""

    TITLE = "partners-title"
    CONTEXT = "partners-context"
    NOTE = "partners-note"
    TOP = "partners-top"  # RadioItems: 10 / 15 (?top=15)
    SELECTED = "partners-selected"
    BAR_BOX = "partners-bar-box"
    BAR = "partners-bar"
    GROUPS_BOX = "partners-groups-box"
    GROUPS = "partners-groups"
    GROUPS_TABLE = "partners-groups-table"
    TREND_BOX = "partners-trend-box"
    TREND = "partners-trend"
    GRID = "partners-grid"
    EMPTY = "partners-empty"
    TABLE_DOWNLOAD = "partners-table"  # download names (see Downloads)
    GROUPS_DOWNLOAD = "partners-groups"
    TREND_DOWNLOAD = "partners-trend"


class Quality:
    """数据质量: flag list with filters, the selected flag, its review form and history."""

    TITLE = "quality-title"
    STATUS = "quality-status"  # filters
    RULE = "quality-rule"
    MONTH = "quality-month"
    COUNT = "quality-count"
    GRID = "quality-grid"
    EXPORT = "quality-export"
    DOWNLOAD = "quality-download"
    CONTEXT = "quality-context"  # lang
    SELECTED = "quality-selected"  # the selected flag's id
    CARD = "quality-card"
    FORM = "quality-form"
    REVIEW_STATUS = "quality-review-status"
    NOTE = "quality-note"
    SAVE = "quality-save"
    FEEDBACK = "quality-feedback"
    HISTORY = "quality-history"
    HISTORY_LIST = "quality-history-list"
    STATUS_BADGE = "quality-status-badge"
    EMPTY = "quality-empty"
