"""Component IDs of the pages of the 管理 menu: upload, coverage and the register, quality,
release, the targets' settings, admin."""

from etl.targets.rules import FIELDS as TARGET_FIELDS


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


class TargetAdmin:
    """目标管理: the stored targets, the form to edit / add one, delete confirmation, history."""

    TITLE = "target-edit-title"
    CONTEXT = "target-edit-context"  # lang
    TICK = "target-edit-tick"  # bumped after every change, to re-read the table and history
    SELECTED = "target-edit-selected"  # {"code", "kind"} of the target being edited, or None
    GRID = "target-edit-grid"
    MESSAGE = "target-edit-message"
    FORM_TITLE = "target-edit-form-title"
    # one per field of a target (etl.targets.rules.FIELDS: the form edits exactly those)
    FIELDS = {k: f"target-edit-{k.replace('_', '-')}" for k in TARGET_FIELDS}
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
