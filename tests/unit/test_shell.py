"""The shell's pure parts: navigation order, page checks, language choice, query strings."""

from __future__ import annotations

import pytest

from dashboard.shell.links import LangChoice, choose_lang, with_query
from dashboard.shell.nav import check_pages, nav_pages


def _page(module: str, order=None, **extra) -> dict:
    return {"module": module, "path": f"/{module}", "order": order, **extra}


def test_nav_pages_sorted_by_order_and_filtered() -> None:
    registry = {
        p["module"]: p
        for p in [
            _page("b", 20, name_key="nav.modes"),
            _page("a", 10, name_key="nav.overview"),
            _page("z", None, name_key="nav.upload"),
            _page("hidden", 5, name_key="nav.home", nav=False),
            _page("nameless", 1),
        ]
    }
    assert [p["module"] for p in nav_pages(registry)] == ["a", "b", "z"]


def test_nav_pages_hides_pages_the_role_may_not_open() -> None:
    registry = {
        p["module"]: p
        for p in [
            _page("overview", 10, name_key="nav.overview"),
            _page("upload", 20, name_key="nav.upload", permission="upload"),
            _page("admin", 30, name_key="nav.home", permission="manage_users"),
        ]
    }
    leader = {"view_aggregates", "export"}
    assert [p["module"] for p in nav_pages(registry, leader.__contains__)] == ["overview"]
    clerk = {"view_aggregates", "upload"}
    assert [p["module"] for p in nav_pages(registry, clerk.__contains__)] == ["overview", "upload"]


def test_check_pages_rejects_unknown_name_key() -> None:
    check_pages({"ok": _page("ok", 1, name_key="nav.home"), "x": _page("x", nav=False)})
    with pytest.raises(ValueError, match="name_key"):
        check_pages({"bad": _page("bad", 1, name_key="nav.nope")})


@pytest.mark.parametrize(
    "search,stored,expected",
    [
        ("?lang=en", None, LangChoice("en", store="en")),
        ("?lang=en", "en", LangChoice("en")),
        ("?lang=zh", "en", LangChoice("zh", store="zh")),
        ("", None, LangChoice("zh")),
        ("", "zh", LangChoice("zh")),
        ("", "en", LangChoice("en", search="?lang=en")),
        ("?region=120116", "en", LangChoice("en", search="?region=120116&lang=en")),
    ],
)
def test_choose_lang(search, stored, expected) -> None:
    assert choose_lang(search, stored) == expected


@pytest.mark.parametrize(
    "path,search,params,expected",
    [
        ("/", None, {"lang": "en"}, "/?lang=en"),
        ("/modes", "?lang=zh&year=2019", {"lang": "en"}, "/modes?lang=en&year=2019"),
        ("/modes", "", {}, "/modes"),
    ],
)
def test_with_query(path, search, params, expected) -> None:
    assert with_query(path, search, **params) == expected


def test_nav_tree_groups_pages_into_dropdowns_after_lone_links() -> None:
    """#17: ~17 links for an admin fit at 1440 px: lone links first, then 数据/分析/管理 menus."""
    from dashboard.shell.nav import nav_tree

    pages = [
        _page("home", 0),
        _page("overview", 10),
        _page("modes", 20, nav_group="data"),
        _page("targets", 60, nav_group="analysis"),
        _page("upload", 80, nav_group="manage"),
        _page("exports", 70, nav_group="data"),
        _page("odd", 99, nav_group="zzz"),
    ]
    tree = nav_tree(pages)
    assert [(g, [p["module"] for p in ps]) for g, ps in tree] == [
        (None, ["home"]),
        (None, ["overview"]),
        ("data", ["modes", "exports"]),
        ("analysis", ["targets"]),
        ("manage", ["upload"]),
        ("zzz", ["odd"]),
    ]
    # A group whose pages the person may not open is not shown at all.
    assert [g for g, _ in nav_tree(pages[:3])] == [None, None, "data"]


def test_landing_path_sends_people_without_enterprise_rights_to_the_overview() -> None:
    from dashboard.shell.nav import landing_path

    assert landing_path({"view_aggregates", "view_enterprises"}.__contains__) == "/"
    assert landing_path({"view_aggregates", "export"}.__contains__) == "/overview"
    assert landing_path({"view_tasks"}.__contains__) == "/"  # 填报单位: no Overview to land on
