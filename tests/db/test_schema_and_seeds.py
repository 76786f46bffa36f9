"""Migrations build the whole schema on both databases; seeds load idempotently."""

import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine
from etl.migrate import downgrade, upgrade
from etl.models import Base
from etl.seed import load_seeds
from etl.settings import PROJECT_ROOT


def test_migrations_create_exactly_the_models_schema(engine):
    """Every model table and column exists after `upgrade head` (the template ran it)."""
    inspector = sa.inspect(engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        assert {c["name"] for c in inspector.get_columns(name)} == set(table.columns.keys()), name


def test_downgrade_and_upgrade_round_trip(db_url):
    """The migration chain goes down to nothing and back up."""
    engine = make_engine(db_url)
    downgrade(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert "report_line" in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_seeds_are_idempotent_and_editable(session_factory):
    """A second load writes nothing; an edited row is updated in place."""
    with session_factory.begin() as s:
        assert sum(load_seeds(s, PROJECT_ROOT / "seeds").values()) == 0
        s.get(m.Region, "120101").name_zh = "改过的名字"
    with session_factory.begin() as s:
        written = load_seeds(s, PROJECT_ROOT / "seeds")
        assert written["region"] == 1 and s.get(m.Region, "120101").name_zh == "和平区"
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.ServiceCategory)) >= 12
        assert s.scalar(sa.select(m.LoadLock.id)) == 1
