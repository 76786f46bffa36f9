"""Migrations build the whole schema on both databases; seeds load idempotently."""

import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
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


def test_a_table_others_reference_is_altered_in_place_with_its_rows(db_url):
    """0018 copies category_group (SQLite's batch mode) while category_group_member refers to
    it: the members stay, the seeds name 天津's groups' region, and foreign keys are on again."""
    engine = make_engine(db_url)

    def members() -> int:
        with engine.connect() as c:
            return c.scalar(sa.select(sa.func.count()).select_from(m.CategoryGroupMember))

    before = members()
    assert before > 0
    downgrade(engine, "0017")
    assert "region_code" not in {
        c["name"] for c in sa.inspect(engine).get_columns("category_group")
    }
    upgrade(engine)
    assert members() == before
    with make_session_factory(engine).begin() as s:
        load_seeds(s, PROJECT_ROOT / "seeds")
        assert s.get(m.CategoryGroup, "TJ_PILLAR").region_code == "120000"
        assert s.get(m.CategoryGroup, "KIS").region_code is None
    if engine.dialect.name == "sqlite":
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
