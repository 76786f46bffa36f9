"""Component IDs of the pages the navigation bar links alone: 首页, 总览, 简报, 对比监测."""


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
    KIS_NA = "overview-kis-na"  # the group share does not apply to the chosen categories
    BENCHMARK = "overview-benchmark"  # 增长对标: the published-growth sentence (or nothing)


class Briefing:
    """简报: the monthly briefing of a released month, its downloads and the archive list."""

    TITLE = "briefing-title"
    SCOPE = "briefing-scope"
    MONTH = "briefing-month"
    BODY = "briefing-body"
    PRINT = "briefing-print"
    PRINTED = "briefing-printed"
    CONTEXT = "briefing-context"
    EMPTY = "briefing-empty"
    ARCHIVE = "briefing-archive"  # the list on the Exports page


class Reconciliation:
    """对比监测: year and month, published figures against direct reports, movers, benchmarking."""

    TITLE = "reconciliation-title"
    YEAR = "reconciliation-year"
    MONTH = "reconciliation-month"
    TABLE = "reconciliation-table"
    MOVERS = "reconciliation-movers"
    BENCHMARK = "reconciliation-benchmark"
    SUMMARY = "reconciliation-summary"
    LANG = "reconciliation-lang"  # dcc.Store: the page's language
    UPLOAD = "reconciliation-upload"  # dcc.Upload: a file of published totals
    UPLOAD_RESULT = "reconciliation-upload-result"  # loaded, unchanged, or the problem table
    PROBLEMS = "reconciliation-problems"  # the rejected file's row/column table
    LOADED = "reconciliation-loaded"  # dcc.Store: the batch just loaded (refreshes the rest)
    TEMPLATE = "reconciliation-template"  # link to the template (xlsx)
    HISTORY = "reconciliation-history"  # the files loaded: who, when, rows, name
    RESULTS = "reconciliation-results"  # the pickers and tables (hidden while nothing is loaded)
    EMPTY = "reconciliation-empty"  # nothing loaded yet
