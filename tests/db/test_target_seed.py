"""`python -m etl seed` keeps the targets edited in the browser unless told to overwrite them."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.cli.main import main
from etl.seed import load_seeds, read_seed_tables
from etl.settings import PROJECT_ROOT
from etl.targets import store as target_store
from etl.targets.rules import TargetError

SEEDS = PROJECT_ROOT / "seeds"


def _edit_and_delete(session_factory):
    with session_factory.begin() as s:
        target_store.update_target(s, "TJ_PILOT_GROWTH", {"threshold": "0.12"}, "admin")
        target_store.delete_target(s, "LJ_2017_LEVEL", "admin")


def _targets(session_factory) -> dict[str, Decimal]:
    with session_factory() as s:
        return dict(s.execute(sa.select(m.Target.code, m.Target.threshold)).all())


def test_seed_keeps_web_edits_and_deletions(session_factory):
    _edit_and_delete(session_factory)
    with session_factory.begin() as s:
        written = load_seeds(s, SEEDS)
    assert written["target"] == 0
    targets = _targets(session_factory)
    assert targets["TJ_PILOT_GROWTH"] == Decimal("0.12") and "LJ_2017_LEVEL" not in targets


def test_overwrite_targets_writes_the_file_back(settings, session_factory, capsys):
    _edit_and_delete(session_factory)
    assert main(["seed", "--overwrite-targets"], settings=settings) == 0
    assert '"target": 2' in capsys.readouterr().out  # one changed back, one re-added
    targets = _targets(session_factory)
    assert targets["TJ_PILOT_GROWTH"] == Decimal("0.1")
    assert targets["LJ_2017_LEVEL"] == Decimal("10000000000")


def test_an_empty_target_table_is_seeded(session_factory):
    with session_factory.begin() as s:
        s.execute(sa.delete(m.Target))
    with session_factory.begin() as s:
        assert load_seeds(s, SEEDS)["target"] == 4


def test_the_seed_file_obeys_the_same_rules_as_the_page(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    text = (seeds / "targets.csv").read_text(encoding="utf-8")
    (seeds / "targets.csv").write_text(
        text.replace("0.10,2018-07,2020-06", "0.10,2020-07,2020-06"), encoding="utf-8"
    )
    with pytest.raises(TargetError, match="TJ_PILOT_GROWTH.*考核期开始月份 2020-07 晚于结束月份"):
        read_seed_tables(seeds)
