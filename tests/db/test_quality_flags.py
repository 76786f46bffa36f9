"""Data-quality flags in the database: computed at load, kept with their notes, updated by
revisions and retractions, listed by the CLI (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from etl.cli.main import EXIT_OK, main
from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from etl.models.quality import QualityFlag, QualityFlagNote
from etl.periods import add_months, format_period
from etl.quality.store import SYSTEM_AUTHOR, ReviewError, review_flag
from etl.queries import quality as qq
from tests.db.helpers import line, uscc, write_report
from tests.db.quality_cases import EXPECTED, write_cases

# Twelve months around US$1m (in 万美元), then January 2019 at US$5m: a jump.
HISTORY = [
    line(
        1, format_period(add_months(201801, i)), "出口", "SC", 1, "US", ("100", "110", "90")[i % 3]
    )
    for i in range(12)
]
JUMP = line(1, "2019-01", "出口", "SC", 1, "US", "500")
CALM = line(1, "2019-01", "出口", "SC", 1, "US", "105")


def _load(factory, tmp_path, name: str, rows: list[tuple]):
    outcome = load_file(factory, write_report(tmp_path / name, rows), user="tester")
    assert outcome.status == "loaded", outcome
    return outcome


def _flags(factory, rule: str | None = None) -> list[QualityFlag]:
    with factory() as s:
        stmt = sa.select(QualityFlag).order_by(QualityFlag.id)
        if rule:
            stmt = stmt.where(QualityFlag.rule == rule)
        flags = list(s.scalars(stmt))
        s.expunge_all()
        return flags


def _notes(factory, flag_id: int) -> list[tuple[str, str, str]]:
    with factory() as s:
        return [
            (n.author, n.status, n.note)
            for n in s.scalars(
                sa.select(QualityFlagNote)
                .where(QualityFlagNote.flag_id == flag_id)
                .order_by(QualityFlagNote.id)
            )
        ]


def test_loading_a_file_computes_its_flags(session_factory, tmp_path):
    """The jump in January 2019 is flagged by the batch that brought it, with its numbers."""
    _load(session_factory, tmp_path, "h.csv", HISTORY)
    assert _flags(session_factory) == []
    batch = _load(session_factory, tmp_path, "j.csv", [JUMP])
    (flag,) = _flags(session_factory)
    assert (flag.uscc, flag.period, flag.rule, flag.status) == (uscc(1), 201901, "jump", "open")
    assert flag.batch_id == batch.batch_id and flag.cleared_at is None
    detail = json.loads(flag.detail)
    assert detail["total_usd_cents"] == 500_0000_00 and detail["direction"] == "up"
    assert detail["median_usd_cents"] == 100_0000_00 and detail["prior_months"] == 12


def test_notes_are_history_and_a_revision_clears_then_reopens(session_factory, tmp_path):
    """Two reviews leave two notes; a calm revision clears the flag but keeps the notes; a new
    jump makes it fire again, back to open with a system note."""
    _load(session_factory, tmp_path, "h.csv", HISTORY + [JUMP])
    (flag,) = _flags(session_factory)
    with session_factory.begin() as s:
        review_flag(s, flag.id, "stat", "checked", "已电话核实")
    with session_factory.begin() as s:
        review_flag(s, flag.id, "stat", "explained", "一次性大额合同，附合同复印件")
    assert _notes(session_factory, flag.id) == [
        ("stat", "checked", "已电话核实"),
        ("stat", "explained", "一次性大额合同，附合同复印件"),
    ]
    calm = _load(session_factory, tmp_path, "calm.csv", [CALM])
    (cleared,) = _flags(session_factory)
    assert cleared.cleared_at is not None and cleared.batch_id == calm.batch_id
    assert cleared.status == "explained" and len(_notes(session_factory, flag.id)) == 2
    with session_factory() as s:
        assert qq.flag_list(s).empty and len(qq.flag_list(s, cleared=True)) == 1
    jump_again = [line(1, "2019-01", "出口", "SC", 1, "US", "600")]
    _load(session_factory, tmp_path, "again.csv", jump_again)
    (again,) = _flags(session_factory, "jump")
    assert again.id == flag.id and again.cleared_at is None and again.status == "open"
    assert _notes(session_factory, flag.id)[-1] == (SYSTEM_AUTHOR, "open", "")


def test_reviews_are_validated(session_factory, tmp_path):
    """Unknown status, empty note or unknown flag are refused; nothing is written."""
    _load(session_factory, tmp_path, "h.csv", HISTORY + [JUMP])
    (flag,) = _flags(session_factory)
    for flag_id, status, note in (
        (flag.id, "done", "x"),
        (flag.id, "checked", "  "),
        (flag.id + 99, "checked", "x"),
    ):
        with pytest.raises(ReviewError), session_factory.begin() as s:
            review_flag(s, flag_id, "stat", status, note)
    assert _notes(session_factory, flag.id) == []


def test_retraction_updates_flags(session_factory, tmp_path):
    """A third version flags 'revisions'; retracting it clears that flag and restores the jump
    of the version it replaced."""
    _load(session_factory, tmp_path, "h.csv", HISTORY + [JUMP])
    _load(session_factory, tmp_path, "v2.csv", [CALM])
    assert [f.cleared_at is not None for f in _flags(session_factory)] == [True]
    third = _load(
        session_factory, tmp_path, "v3.csv", [line(1, "2019-01", "出口", "SC", 1, "US", "104")]
    )
    (revisions,) = _flags(session_factory, "revisions")
    assert json.loads(revisions.detail) == {"versions": 3} and revisions.cleared_at is None
    retract_batch(session_factory, third.batch_id, "tester", "wrong file")
    (revisions,) = _flags(session_factory, "revisions")
    assert revisions.cleared_at is not None and revisions.batch_id == third.batch_id
    (jump,) = _flags(session_factory, "jump")
    assert jump.cleared_at is not None  # version 2 (calm) is current again
    with session_factory() as s:
        listed = qq.flag_list(s, cleared=True)
    assert sorted(listed["rule"]) == ["jump", "revisions"]


def test_a_batch_touches_only_its_enterprises(session_factory, tmp_path):
    """Loading another enterprise's report leaves enterprise 1's flag as it was."""
    _load(session_factory, tmp_path, "h.csv", HISTORY + [JUMP])
    (before,) = _flags(session_factory)
    _load(session_factory, tmp_path, "other.csv", [line(2, "2019-01", "出口", "SC", 1, "US", "7")])
    (after,) = _flags(session_factory)
    assert (after.batch_id, after.computed_at, after.detail) == (
        before.batch_id,
        before.computed_at,
        before.detail,
    )


def test_cli_lists_and_recomputes(session_factory, settings, tmp_path, capsys):
    """`quality` lists open flags (table, json); `--recompute` finds lost flags again."""
    _load(session_factory, tmp_path, "h.csv", HISTORY + [JUMP])
    assert main(["quality", "--month", "2019-01"], settings) == EXIT_OK
    out = capsys.readouterr().out
    assert uscc(1) in out and "jump" in out and "US$ 5,000,000.00" in out
    with session_factory.begin() as s:
        s.execute(sa.delete(QualityFlag))
    assert main(["quality", "--recompute", "--format", "json"], settings) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [(r["month"], r["rule"], r["status"]) for r in rows] == [("2019-01", "jump", "open")]
    assert main(["quality", "--month", "2019-13"], settings) == 2


def test_each_rule_fires_on_its_constructed_enterprise(session_factory, tmp_path):
    """Loading the five constructed cases raises exactly one flag per rule, on the intended
    enterprise and month, and the list carries names and region names."""
    for path in write_cases(tmp_path):
        assert load_file(session_factory, path, user="tester").status == "loaded"
    with session_factory() as s:
        listed = qq.flag_list(s)
    found = {(r.uscc, r.rule, r.period) for r in listed.itertuples()}
    assert found == {(uscc(n), rule, month) for n, (rule, month) in EXPECTED.items()}
    assert set(listed["region_zh"]) == {"滨海新区"}
    assert listed["name"].str.contains("质量测试").all()


def test_new_partner_flags_follow_later_and_earlier_months(session_factory, tmp_path):
    """A later month leaves enterprise 903's new-partner flag alone (only months from the
    batch's first month are re-judged); a back-filled earlier month with JP clears it."""
    for path in write_cases(tmp_path):
        load_file(session_factory, path, user="tester")
    (flag,) = _flags(session_factory, "new_partner")
    later = [line(903, "2019-02", "出口", "SC", 1, "US", "210")]
    _load(session_factory, tmp_path, "later.csv", later)
    (kept,) = _flags(session_factory, "new_partner")
    assert kept.cleared_at is None and kept.batch_id == flag.batch_id
    earlier = [line(903, "2018-06", "进口", "SC", 1, "JP", "1")]
    backfill = _load(session_factory, tmp_path, "backfill.csv", earlier)
    (gone,) = _flags(session_factory, "new_partner")
    assert gone.cleared_at is not None and gone.batch_id == backfill.batch_id
