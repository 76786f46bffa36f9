"""Component IDs of the pages of the 数据 menu: modes, sectors, districts, partners, the export tables."""


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
    GRID_NOTE = "sectors-grid-note"
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
    GRID_NOTE = "partners-grid-note"
    EMPTY = "partners-empty"
    TABLE_DOWNLOAD = "partners-table"  # download names (see Downloads)
    GROUPS_DOWNLOAD = "partners-groups"
    TREND_DOWNLOAD = "partners-trend"


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
