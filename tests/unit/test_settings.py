"""Settings come from the environment with safe defaults; tests pass their own."""

from pathlib import Path

from etl.settings import PROJECT_ROOT, Settings


def test_defaults_point_at_the_embedded_sqlite_file():
    """With nothing set, the database is a SQLite file under instance/."""
    s = Settings.from_env({})
    assert s.database_url == f"sqlite:///{PROJECT_ROOT / 'instance' / 'services_trade.sqlite3'}"
    assert (s.host, s.port) == ("127.0.0.1", 8050)
    assert s.is_sqlite


def test_environment_overrides():
    """DATABASE_URL, host, port, instance folder and disclosure parameters come from the environment."""
    s = Settings.from_env(
        {
            "DATABASE_URL": "postgresql+psycopg://u@127.0.0.1:5432/x",
            "STM_PORT": "9000",
            "STM_HOST": "0.0.0.0",
            "STM_INSTANCE_PATH": "/tmp/inst",
            "STM_DISCLOSURE_MIN_N": "5",
            "STM_SECRET_KEY": "k",
            "STM_REPORT_DEADLINE_DAY": "15",
        }
    )
    assert s.database_url.startswith("postgresql+psycopg://") and not s.is_sqlite
    assert (s.host, s.port, s.instance_path) == ("0.0.0.0", 9000, Path("/tmp/inst"))
    assert s.disclosure_min_contributors == 5 and s.secret_key == "k"
    assert s.report_deadline_day == 15 and Settings.from_env({}).report_deadline_day == 10


def test_instance_path_moves_the_default_database(tmp_path):
    """A custom instance folder carries the default SQLite file with it."""
    s = Settings(instance_path=tmp_path)
    assert s.database_url == f"sqlite:///{tmp_path / 'services_trade.sqlite3'}"
    assert s.with_database("sqlite:///x.db").database_url == "sqlite:///x.db"


def test_sign_in_is_required_unless_a_test_says_otherwise():
    """Real deployments always require sign-in: there is no environment switch to turn it off."""
    assert Settings.from_env({}).auth_required is True
    assert Settings.from_env({"STM_AUTH": "off"}).auth_required is True
