"""The monthly briefing (月度简报): every number in its text rebuilt from the query layer, the
archive (docx, one-page PDF), the release hook that never fails a release, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from docx import Document

from etl import models as m
from etl import numbers
from etl.aggregates import window_comparison
from etl.briefing import fit
from etl.briefing.archive import BriefingError, list_briefings, make_briefing
from etl.briefing.charts import SIZES, figures, images
from etl.briefing.compose import compose
from etl.briefing.facts import read_facts
from etl.briefing.render import write_docx
from etl.cli.main import EXIT_FAILED, EXIT_OK, main
from etl.data_version import RELEASED
from etl.filters import ReportFilter
from etl.queries import figures as queries_figures
from etl.release.store import release_month
from etl.summary import summary_frame
from etl.targets.status import evaluate_targets
from tests.conftest import SQLITE_ONLY
from tests.db.helpers import NO_SUPPRESSION, no_lp, release_months
from tests.db.snapshot_data import load_two_years

MONTH, SCOPE = 201906, "120000"


@pytest.fixture
def loaded(session_factory, tmp_path):
    """Two years of constructed reports, every month released without the disclosure rule: these
    tests read the briefing's text, wording and layout, and 16 enterprises leave the rule little
    to publish (the city's 1–6月 total is hidden); test_disclosure.test_dsc008 reads a briefing
    through a pattern."""
    load_two_years(session_factory, tmp_path)
    release_months(session_factory, rule=NO_SUPPRESSION)
    return session_factory


def _facts(factory):
    with factory() as s:
        return read_facts(s, SCOPE, MONTH, 3, dt.date(2019, 7, 15))


def _expected_numbers(factory) -> set[str]:
    """Every number the briefing may print, rebuilt from the query layer independently."""
    out = set()
    with factory() as s:
        s.info[RELEASED] = True
        for by in ("direction", "category", "region", "partner"):
            frame = summary_frame(s, 2019, 6, region=SCOPE, by=by)
            for row in frame.to_dict("records"):
                out.add(numbers.amount_text(int(row["current"])))
                if row["growth"] is not None and row["growth"] == row["growth"]:
                    out.add(numbers.percent_text(abs(row["growth"])))
                if row["contribution_pp"] is not None:
                    out.add(numbers.decimal_text(abs(row["contribution_pp"]), 1))
        whole = queries_figures.totals(
            s, ReportFilter(201801, MONTH, regions=(SCOPE,)), ("period",)
        )
        part = queries_figures.totals(
            s, ReportFilter(201801, MONTH, regions=(SCOPE,), categories=("group:KIS",)), ("period",)
        )
        spans = ((201901, MONTH), (201801, MONTH - 100))
        kis = window_comparison(*(_sum(frame, span) for frame in (part, whole) for span in spans))
        out |= {numbers.amount_text(kis["amount"]), numbers.percent_text(kis["share"])}
        out.add(numbers.percent_text(abs(kis["growth"])))
        out.add(numbers.decimal_text(abs(kis["share_change"]) * 100, 1))
        for result in evaluate_targets(s, MONTH):
            if result.target.region_code != SCOPE:
                continue
            ev = result.headline()
            if ev.gap is not None:
                out.add(numbers.amount_text(abs(int(round(ev.gap)))))
            if ev.needed_growth_remaining is not None:
                out.add(numbers.percent_text(abs(ev.needed_growth_remaining)))
            # the target's own name and window label carry their numbers ("年均增长10%")
            out |= set(_numbers_in(ev.window.label_zh + result.target.name_zh))
        release = s.scalar(sa.select(m.Release).where(m.Release.period == MONTH, m.Release.current))
        out.add(str(release.id))
        cov = json.loads(release.checklist)["coverage"]
    for key in ("expected", "reported"):
        if cov.get(key) is not None:
            out.add(f"{int(cov[key]):,}")
    for key in ("reported_share", "missing_share_of_prior_year"):
        if cov.get(key) is not None:
            out.add(numbers.percent_text(cov[key]))
    return out


def _numbers_in(text: str) -> list[str]:
    return re.findall(r"\d[\d,]*(?:\.\d+)?%?", text)


def test_every_number_in_the_text_is_rebuilt_from_the_query_layer(loaded):
    """Each number the Chinese briefing prints is an amount, 同比, share, 百分点, target gap or
    count the query layer gives for the released month (or a date, month or release number)."""
    facts = _facts(loaded)
    briefing = compose(facts, "zh")
    expected = _expected_numbers(loaded) | {"2019", "1", "6", "2", "3", "4"}
    date = re.escape(facts.released_at.strftime("%Y"))
    text = re.sub(date + r"-\d\d-\d\d", "", briefing.text())
    found = _numbers_in(text)
    assert found, text
    unknown = [n for n in found if n not in expected]
    assert unknown == [], (unknown, text)

    # The headline reads as the bureau's own release.
    with loaded() as s:
        s.info[RELEASED] = True
        total = summary_frame(s, 2019, 6, region=SCOPE, by="direction").iloc[0]
    assert briefing.headline.startswith(
        f"2019年1–6月，全市服务进出口{numbers.amount_text(int(total['current']))}亿美元，同比"
    )
    assert "其中出口" in briefing.headline and "进口" in briefing.headline
    assert "知识密集型服务进出口" in briefing.headline and "占全市服务进出口的" in briefing.headline
    assert "拉动" in briefing.sections[0].sentences[0]


def test_the_briefing_reads_released_figures_only(loaded, tmp_path):
    """A load after the release changes nothing in the briefing until the month is re-released;
    an unreleased month has no briefing."""
    from etl.intake.load import load_file
    from tests.db.helpers import line, write_report

    before = compose(_facts(loaded), "zh").headline
    extra = [line(99, "2019-06", "出口", "SC", 1, "US", "5000")]
    assert load_file(loaded, write_report(tmp_path / "late.csv", extra)).ok
    assert compose(_facts(loaded), "zh").headline == before
    with loaded() as s:
        assert read_facts(s, SCOPE, 201907, 3, dt.date(2019, 8, 1)) is None


@SQLITE_ONLY  # rendering and wiring over the query layer
def test_archive_docx_pdf_one_page_and_listing(loaded, settings):
    """The archived briefing: docx with the headline and three pictures, a one-page A4 PDF, a
    row keyed by release; asked again, the same row is returned."""
    out = make_briefing(loaded, settings, SCOPE, MONTH, "zh", user="stat")
    assert not out.existing and {"docx", "html"} <= out.files.keys()
    doc = Document(out.files["docx"])
    text = "\n".join(p.text for p in doc.paragraphs)
    assert out.briefing.headline in text and "数据来源" in text
    assert len(doc.inline_shapes) == 3
    if "pdf" in out.files:  # Chromium present (it is on the test machines)
        pdf = out.files["pdf"].read_bytes()
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    again = make_briefing(loaded, settings, SCOPE, MONTH, "zh", user="stat")
    assert again.existing and again.briefing_id == out.briefing_id
    with loaded() as s:
        entries = list_briefings(s)
    assert [(e.period, e.lang, e.scope_code) for e in entries] == [(MONTH, "zh", SCOPE)]
    with pytest.raises(BriefingError):
        make_briefing(loaded, settings, SCOPE, 201907, "zh")


def test_january_has_no_briefing_of_its_own(loaded, settings):
    """1–2月 is one figure for leaders, so January alone would read 保密 throughout: asked for,
    it is refused with February named, and its release makes none (nor mails one)."""
    from etl.intake.load import load_file
    from etl.mail.delivery import on_release
    from tests.db.helpers import line, write_report

    january = write_report(
        settings.instance_path.parent / "jan.csv",
        [line(k, "2019-01", "出口", "SJ", 1, "JP", str(10 + k)) for k in range(1, 6)],
    )
    assert load_file(loaded, january).ok
    [release] = release_months(loaded, months=[201901], rule=NO_SUPPRESSION)
    with pytest.raises(BriefingError, match="1–2月.*--month 2019-02"):
        make_briefing(loaded, settings, SCOPE, 201901, "zh")
    on_release(loaded, settings, release)
    with loaded() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Briefing)) == 0


def test_a_first_run_archives_the_newest_released_month_of_each_scope(loaded, settings, capsys):
    """`init-db --sample…` ends with the newest month's circulated snapshot and briefing of each
    scope that has released months, so the Exports page of a demo is not empty; once."""
    from etl.cli.data import archive_newest
    from etl.queries.release import released_months
    from etl.snapshot.archive import list_snapshots

    with loaded() as s:
        newest = max(released_months(s, SCOPE))
        assert not released_months(s, "500000-LJ")  # a scope without releases gets nothing
    archive_newest(loaded, settings)
    assert f"{SCOPE} {newest // 100}-{newest % 100:02d}: snapshot and briefing archived" in (
        capsys.readouterr().out
    )
    archive_newest(loaded, settings)  # found, not made again
    with loaded() as s:
        snapshots = [(e.month, e.region_code, e.internal) for e in list_snapshots(s, True)]
        briefings = [(e.period, e.scope_code, e.lang) for e in list_briefings(s)]
    assert snapshots == [(newest, SCOPE, False)] and briefings == [(newest, SCOPE, "zh")]


def office_pages(docx: Path, folder: Path) -> int:
    """The pages of a .docx as LibreOffice lays it out (converted to PDF headless)."""
    if shutil.which("soffice") is None:
        if os.environ.get("STM_REQUIRE_PG") == "1":  # the full suite: make test installs it
            pytest.fail("soffice (libreoffice-writer-nogui) required by the full suite")
        pytest.skip("LibreOffice not installed")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless"]
        + ["--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = (folder / docx.with_suffix(".pdf").name).read_bytes()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@SQLITE_ONLY  # rendering and wiring over the query layer
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_docx_is_one_a4_page(loaded, settings, tmp_path, lang):
    """#17: the Word briefing keeps to one A4 page as Word lays it out (LibreOffice here), and a
    briefing with twice the text still does: its charts shrink instead of spilling over."""
    out = make_briefing(loaded, settings, SCOPE, MONTH, lang, user="stat")
    assert office_pages(out.files["docx"], tmp_path) == 1
    long = replace(
        out.briefing,
        sections=[replace(p, sentences=p.sentences * 2) for p in out.briefing.sections],
    )
    pictures = images(figures(_facts(loaded), lang))
    assert {key: fit.png_size(data) for key, data in pictures.items()} == {
        key: (2 * w, 2 * h) for key, (w, h) in SIZES.items()
    }  # drawn at their designed sizes (kaleido's default is 700×500)
    path = write_docx(long, pictures, tmp_path / "long.docx")

    assert office_pages(path, tmp_path) == 1
    shrunk = Document(path).inline_shapes[0].width
    assert shrunk < Document(out.files["docx"]).inline_shapes[0].width


@SQLITE_ONLY  # rendering and wiring over the query layer
def test_english_briefing(loaded):
    """English is available: the same facts, amounts in US$ billion."""
    briefing = compose(_facts(loaded), "en")
    assert briefing.headline.startswith("In January–June 2019, Tianjin's services trade was US$ ")
    assert "billion" in briefing.headline and "。" not in briefing.text()


@SQLITE_ONLY  # rendering and wiring over the query layer
def test_release_hook_runs_after_commit_and_never_fails_the_release(loaded, settings):
    """The hook runs once after the commit; a hook that raises leaves the release standing; a
    release rolled back runs no hook."""
    from etl.intake.load import load_file
    from tests.db.helpers import line, write_report

    calls = []

    def failing(release_id):
        calls.append(release_id)
        raise RuntimeError("briefing broke")

    assert load_file(
        loaded,
        write_report(
            settings.instance_path.parent / "r.csv",
            [line(7, "2019-06", "出口", "SJ", 1, "JP", "10")],
        ),
    ).ok
    with loaded.begin() as s:
        release, _ = release_month(
            s,
            SCOPE,
            MONTH,
            "stat",
            "修订",
            min_coverage=0.9,
            deadline_day=10,
            override_coverage=True,
            safeguards=no_lp(),
            after_commit=failing,
        )
        rid = release.id
        assert calls == []  # not before the commit
    assert calls == [rid]
    with loaded() as s:
        assert s.get(m.Release, rid).current
    assert load_file(
        loaded,
        write_report(
            settings.instance_path.parent / "s.csv",
            [line(8, "2019-06", "出口", "SJ", 1, "JP", "10")],
        ),
    ).ok
    with pytest.raises(RuntimeError):
        with loaded.begin() as s:
            release_month(
                s,
                SCOPE,
                MONTH,
                "stat",
                "x",
                min_coverage=0.9,
                deadline_day=10,
                override_coverage=True,
                safeguards=no_lp(),
                after_commit=calls.append,
            )
            raise RuntimeError("rolled back")
    assert calls == [rid]


@SQLITE_ONLY  # rendering and wiring over the query layer
def test_cli_briefing(loaded, settings, capsys):
    """python -m etl briefing --month prints the text and the archived files; unreleased: 1."""
    assert main(["briefing", "--month", "2019-06", "--no-pdf"], settings) == EXIT_OK
    out = capsys.readouterr().out
    assert "服务贸易月度简报" in out and "docx:" in out
    assert main(["briefing", "--month", "2019-07", "--no-pdf"], settings) == EXIT_FAILED


@SQLITE_ONLY  # rendering and wiring over the query layer
def test_cli_release_makes_the_briefing_after_the_commit(session_factory, settings, tmp_path):
    """python -m etl release: the release is committed, then the month's briefings (zh, en) are
    archived with it; with STM_BRIEFING_ON_RELEASE off (the tests' default), none is made."""
    from dataclasses import replace

    load_two_years(session_factory, tmp_path)
    release_months(session_factory, months=[201905])
    assert main(["release", "--month", "2019-06"], settings) == EXIT_OK
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(m.Briefing.id))) == 0
    on = replace(settings, briefing_on_release=True)
    assert main(["release", "--month", "2018-06", "--note", "x"], on) == EXIT_OK
    with session_factory() as s:
        made = s.scalars(sa.select(m.Briefing)).all()
        assert sorted((b.period, b.lang) for b in made) == [(201806, "en"), (201806, "zh")]


def _sum(frame, span: tuple[int, int]) -> int:
    """The amounts of a period, amount frame within a span, summed."""
    return int(frame.loc[frame["period"].between(*span), "amount"].sum())
