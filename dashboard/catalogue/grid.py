"""Strings of the AG Grid tables' own controls (paging, filter menus), by AG Grid's locale keys."""

_GRID = {  # AG Grid localeText key -> (zh, en)
    "page": ("第", "Page"),
    "to": ("至", "to"),
    "of": ("共", "of"),
    "more": ("更多", "more"),
    "firstPage": ("首页", "First page"),
    "lastPage": ("末页", "Last page"),
    "nextPage": ("下一页", "Next page"),
    "previousPage": ("上一页", "Previous page"),
    "filterOoo": ("筛选…", "Filter..."),
    "searchOoo": ("搜索…", "Search..."),
    "contains": ("包含", "Contains"),
    "notContains": ("不包含", "Does not contain"),
    "equals": ("等于", "Equals"),
    "notEqual": ("不等于", "Does not equal"),
    "startsWith": ("开头是", "Begins with"),
    "endsWith": ("结尾是", "Ends with"),
    "blank": ("为空", "Blank"),
    "notBlank": ("不为空", "Not blank"),
    "lessThan": ("小于", "Less than"),
    "greaterThan": ("大于", "Greater than"),
    "lessThanOrEqual": ("小于等于", "Less than or equal to"),
    "greaterThanOrEqual": ("大于等于", "Greater than or equal to"),
    "inRange": ("介于", "Between"),
    "inRangeStart": ("从", "From"),
    "inRangeEnd": ("到", "To"),
    "andCondition": ("且", "AND"),
    "orCondition": ("或", "OR"),
    "applyFilter": ("应用", "Apply"),
    "resetFilter": ("重置", "Reset"),
    "clearFilter": ("清除", "Clear"),
    "selectAll": ("全选", "Select all"),
    "pageSizeSelectorLabel": ("每页行数：", "Page size:"),
}

STRINGS: dict[str, dict[str, str]] = {
    f"grid.{key}": {"zh": zh, "en": en} for key, (zh, en) in _GRID.items()
}
