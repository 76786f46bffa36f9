"""Component IDs of the frame around every page and the parts pages share: the shell, the
filter bar, downloads, links, the 404 page."""


class Shell:
    """The frame around every page: URL, language, navigation."""

    ROOT = "shell-root"
    URL = "shell-url"
    LANG = "shell-lang"  # dcc.Store(storage_type="local"): the language last chosen
    FILTER_KEYS = "shell-filter-keys"  # dcc.Store: the query keys a link carries to other pages
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


class HomeLinks:
    """Links from the home page to the data pages."""

    OVERVIEW = "home-overview-link"


class NotFound:
    """The 404 page."""

    TITLE = "not-found-title"
    HOME_LINK = "not-found-home-link"
