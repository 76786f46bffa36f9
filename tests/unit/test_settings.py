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


def test_upload_limits_come_from_the_environment_with_documented_defaults():
    """Every upload limit is a setting; the defaults are the ones docs/security.md lists."""
    d = Settings.from_env({})
    assert (d.max_upload_bytes, d.max_upload_files, d.max_upload_rows) == (50 * 2**20, 20, 300_000)
    assert (d.max_xlsx_uncompressed_bytes, d.max_upload_jobs) == (400 * 2**20, 2)
    assert (d.upload_worker_memory_mb, d.upload_check_seconds) == (2048, 600)
    assert (d.cli_max_rows, d.cli_max_xlsx_uncompressed_bytes) == (1_048_576, 2048 * 2**20)
    s = Settings.from_env(
        {
            "STM_MAX_UPLOAD_JOBS": "1",
            "STM_UPLOAD_WORKER_MEMORY_MB": "512",
            "STM_UPLOAD_CHECK_SECONDS": "60",
            "STM_CLI_MAX_ROWS": "1000",
            "STM_CLI_MAX_XLSX_UNCOMPRESSED_BYTES": "1024",
        }
    )
    assert (s.max_upload_jobs, s.upload_worker_memory_mb, s.upload_check_seconds) == (1, 512, 60)
    assert (s.cli_max_rows, s.cli_max_xlsx_uncompressed_bytes) == (1000, 1024)
    documented = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for variable in (
        "STM_MAX_UPLOAD_BYTES",
        "STM_MAX_UPLOAD_FILES",
        "STM_MAX_UPLOAD_ROWS",
        "STM_MAX_XLSX_UNCOMPRESSED_BYTES",
        "STM_MAX_UPLOAD_JOBS",
        "STM_UPLOAD_WORKER_MEMORY_MB",
        "STM_UPLOAD_CHECK_SECONDS",
        "STM_CLI_MAX_ROWS",
        "STM_CLI_MAX_XLSX_UNCOMPRESSED_BYTES",
    ):
        assert f"`{variable}`" in documented, variable
