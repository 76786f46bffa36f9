"""Every component ID in the app, one class per page (pages import these, tests select them)."""


class Shell:
    """The frame around every page: URL, language, navigation."""

    ROOT = "shell-root"
    URL = "shell-url"
    LANG = "shell-lang"  # dcc.Store(storage_type="local"): the language last chosen
    BRAND = "shell-brand"
    NAV = "shell-nav"
    NAV_LINK = "shell-nav-link"  # pattern-matching type: {"type": NAV_LINK, "page": module}
    NAV_GROUP = "shell-nav-group"  # pattern-matching type: {"type": NAV_GROUP, "group": name}
    NAV_TOGGLE = "shell-nav-toggle"  # the menu button of a narrow screen
    NAV_COLLAPSE = "shell-nav-collapse"  # what the menu button opens: links, user, language
    PRINT_HEAD = "shell-print-head"  # printed only: filter state and 打印于 time
    PRINT_SOURCE = "shell-print-source"
    PRINT_TIME = "shell-print-time"
    LANG_ZH = "shell-lang-zh"
    LANG_EN = "shell-lang-en"
    SAMPLE_NOTICE = "shell-sample-notice"
    SAMPLE_NOTICE_TEXT = "shell-sample-notice-text"
    LOGOUT = "shell-logout"
    VIEW_AS = "shell-view-as"


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
    """The filter bar every data page shares (dashboard/filter_bar/); state lives in URL."""

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
    PRINT_LINE = "filter-print-line"  # printed only: the filter state as one line of text


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
    KIS_NA = "overview-kis-na"  # the group share does not apply to the chosen categories
    BENCHMARK = "overview-benchmark"  # 增长对标: the published-growth sentence (or nothing)


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


class Upload:
    """数据报送: template, file drop, background job progress, preview, commit, history, retract."""

    TITLE = "upload-title"
    CONTEXT = "upload-context"  # dcc.Store: {"lang": "zh"} of this render
    SCOPE = "upload-scope"
    TEMPLATE = "upload-template"
    DROP = "upload-drop"
    MESSAGE = "upload-message"  # a file refused before staging (size, type)
    JOB = "upload-job"  # dcc.Store: the current job id
    POLL = "upload-poll"  # dcc.Interval while a job runs
    PROGRESS = "upload-progress"
    PROGRESS_TEXT = "upload-progress-text"
    CANCEL = "upload-cancel"  # stops a running check
    PREVIEW = "upload-preview"
    FILE_CARD = "upload-file-card"  # pattern-matching type, index = file position
    ISSUES_GRID = "upload-issues-grid"  # pattern-matching type
    ISSUES_LINK = "upload-issues-link"  # pattern-matching type, with format
    COMMIT = "upload-commit"
    COMMIT_NOTE = "upload-commit-note"
    RESULTS = "upload-results"
    HISTORY = "upload-history"
    HISTORY_TICK = "upload-history-tick"  # dcc.Store bumped when the history must be re-read
    RETRACT = "upload-retract"
    RETRACT_MODAL = "upload-retract-modal"
    RETRACT_TITLE = "upload-retract-title"
    RETRACT_BODY = "upload-retract-body"
    RETRACT_REASON = "upload-retract-reason"
    RETRACT_CONFIRM = "upload-retract-confirm"
    RETRACT_CANCEL = "upload-retract-cancel"
    RETRACT_MESSAGE = "upload-retract-message"
    RETRACT_IMPACT = "upload-retract-impact"  # what the retraction changes, before confirming


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


class Exports:
    """导出: the snapshot archive grid and the form that makes a snapshot."""

    TITLE = "exports-title"
    CONTEXT = "exports-context"
    LIST = "exports-list"  # the grid and its notes, or the empty state
    GRID = "exports-grid"
    EMPTY = "exports-empty"
    MONTH = "exports-month"
    VARIANT = "exports-variant"
    REVISE = "exports-revise"
    MAKE = "exports-make"
    RESULT = "exports-result"


class Admin:
    """用户管理: the accounts table, the new-account form and actions on the selected account."""

    TITLE = "admin-title"
    CONTEXT = "admin-context"
    GRID = "admin-grid"
    TICK = "admin-tick"  # dcc.Store bumped after every change, to re-read the table
    NEW_USERNAME = "admin-new-username"
    NEW_NAME = "admin-new-name"
    NEW_ROLE = "admin-new-role"
    NEW_REGIONS = "admin-new-regions"
    NEW_ORGANISATIONS = "admin-new-organisations"
    ORGANISATIONS = "admin-organisations"
    CREATE = "admin-create"
    SELECTED = "admin-selected"
    ROLE = "admin-role"
    REGIONS = "admin-regions"
    SAVE_ROLE = "admin-save-role"
    RESET = "admin-reset"
    DISABLE = "admin-disable"
    ENABLE = "admin-enable"
    MESSAGE = "admin-message"
    EMAIL = "admin-email"  # the monthly briefing's delivery (月度简报)
    SUBSCRIBED = "admin-subscribed"
    SAVE_EMAIL = "admin-save-email"


class Coverage:
    """报送情况: key enterprises expected / on time / late / missing, and whom to chase."""

    TITLE = "coverage-title"
    TABS = "coverage-tabs"
    URL = "coverage-url"  # the page's own dcc.Location: month and region go into the query
    CONTEXT = "coverage-context"  # dcc.Store: {"month": 201906, "region": "120116", "lang": …}
    MONTH = "coverage-month"
    REGION = "coverage-region"
    EMPTY = "coverage-empty"
    SUMMARY = "coverage-summary"
    REGION_GRID = "coverage-region-grid"
    CHASE_GRID = "coverage-chase-grid"
    CHASE_XLSX = "coverage-chase-xlsx"
    CHASE_DOWNLOAD = "coverage-chase-download"
    LINE = "coverage-line"  # the line beside the figures on the five figure pages …
    OVERVIEW_LINE = "overview-coverage-line"  # … in these boxes
    REGIONS_LINE = "regions-coverage-line"
    MODES_LINE = "modes-coverage-line"
    SECTORS_LINE = "sectors-coverage-line"
    PARTNERS_LINE = "partners-coverage-line"


class RegisterEdit:
    """重点企业名录 (the coverage page's second tab): upload, add, end, candidates, history."""

    TITLE = "register-title"
    CONTEXT = "register-context"  # dcc.Store: {"lang": …, "month": newest month loaded}
    UPLOAD = "register-upload"
    UPLOAD_RESULT = "register-upload-result"
    ADD_FIELDS = {
        k: f"register-add-{k.replace('_', '-')}"
        for k in ("uscc", "name", "region", "sector", "contact_person", "contact_phone", "since")
    }
    ADD = "register-add"
    ADD_RESULT = "register-add-result"
    END_PICK = "register-end-pick"
    END_UNTIL = "register-end-until"
    END = "register-end"
    END_RESULT = "register-end-result"
    CANDIDATES = "register-candidates"
    CANDIDATE_SINCE = "register-candidate-since"
    ADD_CANDIDATES = "register-add-candidates"
    CANDIDATE_RESULT = "register-candidate-result"
    ENTRIES = "register-entries"
    HISTORY = "register-history"


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


class TargetAdmin:
    """目标管理: the stored targets, the form to edit / add one, delete confirmation, history."""

    TITLE = "target-edit-title"
    CONTEXT = "target-edit-context"  # lang
    TICK = "target-edit-tick"  # bumped after every change, to re-read the table and history
    SELECTED = "target-edit-selected"  # {"code", "kind"} of the target being edited, or None
    GRID = "target-edit-grid"
    MESSAGE = "target-edit-message"
    FORM_TITLE = "target-edit-form-title"
    FIELDS = {
        k: f"target-edit-{k.replace('_', '-')}"
        for k in (
            "code",
            "region_code",
            "measure",
            "kind",
            "threshold",
            "window_start",
            "window_end",
            "currency",
            "name_zh",
            "name_en",
            "source",
        )
    }
    THRESHOLD_LABEL = "target-edit-threshold-label"
    SAVE = "target-edit-save"
    NEW = "target-edit-new"
    ADD = "target-edit-add"
    DELETE = "target-edit-delete"
    CONFIRM = "target-edit-confirm"  # the modal
    CONFIRM_BODY = "target-edit-confirm-body"
    CONFIRM_YES = "target-edit-confirm-yes"
    CONFIRM_NO = "target-edit-confirm-no"
    HISTORY = "target-edit-history"


class Release:
    """数据发布: month and scope, the checklist, confirm with a note, the list of releases."""

    TITLE = "release-title"
    MONTH = "release-month"
    SCOPE = "release-scope"
    CHECKLIST = "release-checklist"
    NOTE = "release-note"
    OVERRIDE = "release-override"
    CONFIRM = "release-confirm"
    FEEDBACK = "release-feedback"
    RUNNING = "release-running"  # shown while a release computes and audits its pattern
    STEP = "release-step"  # in RUNNING: the step the release job is at
    JOB = "release-job"  # dcc.Store: the id of the release job the page follows
    POLL = "release-poll"  # dcc.Interval: reads the job's state while it runs
    LIST = "release-list"
    TICK = "release-tick"  # bumped after each release, to re-read the checklist and the list
    LANG = "release-lang"  # dcc.Store: the page's language


class Tasks:
    """试点任务: the ledger grid, a task's page, progress reports and their review."""

    TITLE = "tasks-title"
    CONTEXT = "tasks-context"  # dcc.Store: {"lang", "task"} of this render
    DOCUMENT = "tasks-document"
    MINE = "tasks-mine"
    COUNT = "tasks-count"
    GRID = "tasks-grid"
    TICK = "task-tick"  # bumped after each report or review: the history is read again
    MESSAGE = "task-message"
    STATE = "task-state"
    HISTORY = "task-history"
    PERIOD = "task-period"
    STATUS = "task-status"
    TEXT = "task-text"
    FIGURES = {
        "enterprises": "task-figure-enterprises",
        "projects": "task-figure-projects",
        "policies": "task-figure-policies",
    }
    UPLOAD = "task-upload"
    UPLOAD_NAME = "task-upload-name"
    SUBMIT = "task-submit"
    REVIEW_PICK = "task-review-pick"
    COMMENT = "task-review-comment"
    CONFIRM = "task-review-confirm"
    RETURN = "task-review-return"


class Supervision:
    """任务督查: the ledger at a glance, the overdue list and the reminder lists."""

    TITLE = "sup-title"
    CONTEXT = "sup-context"
    AS_OF = "sup-as-of"
    DOCUMENT = "sup-document"
    KPIS = "sup-kpis"
    BY_AREA = "sup-by-area"
    BY_LEAD = "sup-by-lead"
    OVERDUE = "sup-overdue"
    UNIT = "sup-unit"
    DOWNLOAD = "sup-download"


class Evaluation:
    """绩效评价与考核: the scorecard, its method, xlsx export and entered values."""

    TITLE = "eval-title"
    CONTEXT = "eval-context"
    KIND = "eval-kind"
    YEAR = "eval-year"
    TICK = "eval-tick"
    GRID = "eval-grid"
    METHOD = "eval-method"
    DOWNLOAD = "eval-download"
    ENTRY_INDICATOR = "eval-entry-indicator"
    ENTRY_SUBJECT = "eval-entry-subject"
    ENTRY_VALUE = "eval-entry-value"
    ENTRY_NOTE = "eval-entry-note"
    ENTRY_SAVE = "eval-entry-save"
    MESSAGE = "eval-message"
    RULE_INDICATOR = "eval-rule-indicator"
    RULE_WEIGHT = "eval-rule-weight"
    RULE_ZERO = "eval-rule-zero"
    RULE_FULL = "eval-rule-full"
    RULE_SAVE = "eval-rule-save"
    RULE_MESSAGE = "eval-rule-message"


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
