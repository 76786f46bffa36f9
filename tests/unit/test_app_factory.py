"""create_app and app.py: a Flask server, pages registered, and no database touched until asked."""

from __future__ import annotations

import sys

import dash
import flask
import pytest

from dashboard import context, create_app
from dashboard.context import CONFIG_KEY
from etl.settings import Settings


@pytest.fixture
def engine_calls(monkeypatch) -> list[str]:
    """Records every engine the dashboard makes."""
    calls: list[str] = []
    real = context.make_engine

    def spy(url: str):
        calls.append(url)
        return real(url)

    monkeypatch.setattr(context, "make_engine", spy)
    return calls


@pytest.fixture
def settings_nowhere(tmp_path) -> Settings:
    """Settings pointing at a database file in a folder that does not exist yet."""
    instance = tmp_path / "instance"
    return Settings(
        instance_path=instance,
        database_url=f"sqlite:///{instance / 'db.sqlite3'}",
        auth_required=False,
    )


def test_app_module_exposes_factory_app_and_flask_server(engine_calls) -> None:
    import app as app_module

    assert app_module.create_app is create_app
    assert isinstance(app_module.app, dash.Dash)
    assert isinstance(app_module.server, flask.Flask)
    assert app_module.server is app_module.app.server
    assert not app_module.server.config[CONFIG_KEY].engine_created


def test_no_engine_until_asked(settings_nowhere, engine_calls) -> None:
    app = create_app(settings_nowhere)
    ctx = app.server.config[CONFIG_KEY]
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    assert engine_calls == [] and not ctx.engine_created
    assert not settings_nowhere.instance_path.exists()
    assert ctx.session_factory is ctx.session_factory
    assert engine_calls == [settings_nowhere.database_url]
    ctx.dispose()


def test_pages_registered_once_per_app(settings_nowhere) -> None:
    create_app(settings_nowhere)
    first = dict(dash.page_registry)
    create_app(settings_nowhere)
    assert list(dash.page_registry) == list(first)
    home = dash.page_registry["dashboard.pages.home.page"]
    assert (home["path"], home["order"], home["name_key"]) == ("/", 0, "nav.home")
    assert dash.page_registry["dashboard.pages.not_found_404"]["nav"] is False


def test_home_says_so_when_the_database_has_no_schema(settings_nowhere) -> None:
    app = create_app(settings_nowhere)
    home = sys.modules["dashboard.pages.home.page"]
    with app.server.test_request_context("/"):
        text = str(home.layout(lang="zh").to_plotly_json())
    assert "无法读取数据库" in text and "python -m etl init-db" in text
    app.server.config[CONFIG_KEY].dispose()
