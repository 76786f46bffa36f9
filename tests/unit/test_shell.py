"""The shell's pure parts: navigation order, page checks, language choice, query strings."""

from __future__ import annotations

import pytest

from dashboard.shell import LangChoice, check_pages, choose_lang, nav_pages, with_query


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
