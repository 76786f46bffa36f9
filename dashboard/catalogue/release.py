"""Strings of releases (数据发布): the marks on figures and the Release page."""

STRINGS = {
    "release.mark.unreleased": {"zh": "未发布：{months}", "en": "unreleased: {months}"},
    "release.mark.preliminary": {"zh": "初步", "en": "preliminary"},
    "release.mark.revised": {"zh": "修订（{date}发布）", "en": "revised (released {date})"},
    "release.mark.final": {"zh": "最终", "en": "final"},
}
