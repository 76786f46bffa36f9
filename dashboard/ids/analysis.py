"""Component IDs of the pages of the 分析 menu: targets, the pilot tasks, their supervision, the evaluation."""


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
