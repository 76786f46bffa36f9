"""The hand-sized files in sample_data/: each demonstrates what its README entry says."""

import datetime as dt
import importlib.util

import pytest

from etl.intake.read import read_report
from etl.intake.validate import RegistryFacts, validate_report
from etl.intake.validate.issues import ISSUE_KINDS
from etl.reference import reference_from_seeds
from etl.settings import PROJECT_ROOT

REF = reference_from_seeds(PROJECT_ROOT / "seeds")
TODAY = dt.date(2024, 1, 15)
FILE_LEVEL = {"missing_columns", "duplicate_column", "no_data"}


def _generator():
    path = PROJECT_ROOT / "sample_data" / "make_hand_samples.py"
    spec = importlib.util.spec_from_file_location("make_hand_samples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def check(sample_dir, name, facts=None):
    read = read_report(sample_dir / name, name)
    return read, validate_report(read.frame, REF, facts, today=TODAY)


def test_clean_file_is_clean_and_varied(sample_dir):
    _, result = check(sample_dir, "clean_2019-06.xlsx")
    assert result.issues.empty, result.issues
    clean = result.clean
    assert 35 <= len(clean) <= 45 and set(clean["period"]) == {201906}
    assert clean["uscc"].nunique() >= 6
    assert {"120116", "120103", "120101", "120116-TEDA", "120116-DJ", "500000-LJ"} <= set(
        clean["region_code"]
    )
    assert set(clean["mode"]) == {1, 2, 3, 4}
    assert set(clean["unit"]) == {"万美元", "万元"} and set(clean["currency"]) == {"USD", "CNY"}
    assert clean["enterprise_name"].str.endswith("（合成数据）").all()


def test_mistakes_file_has_every_row_error_and_every_warning(sample_dir):
    facts = RegistryFacts(GEN.DEMO_REGISTRY_NAMES, GEN.DEMO_RECENT_MEDIAN_USD_CENTS)
    _, result = check(sample_dir, "mistakes_2019-06.xlsx", facts)
    # The scope errors depend on who uploads (a clerk's regions), not on the file alone.
    errors = {c for c, k in ISSUE_KINDS.items() if k.severity == "error"} - FILE_LEVEL
    errors -= {"region_not_assigned", "enterprise_not_assigned", "region_change_not_allowed"}
    # Control characters are checked in tests/unit/validate/test_result.py; the shipped file predates it.
    errors -= {"control_character"}
    warnings = {c for c, k in ISSUE_KINDS.items() if k.severity == "warning"}
    assert errors | warnings <= set(result.counts_by_code)
    assert not result.ok
    # one kind of error per faulty row, so the file reads as a catalogue
    per_row = result.issues[result.issues["severity"] == "error"].groupby("row")["code"].nunique()
    assert per_row.max() == 1


def test_mistakes_header_file_names_missing_and_unknown_columns(sample_dir):
    read, result = check(sample_dir, "mistakes_header_2019-06.csv")
    assert read.encoding == "utf-8-sig"
    assert result.counts_by_code == {"missing_columns": 1}
    message = result.issues.iloc[0]["problem_zh"]
    assert "金额" in message and "币种" in message and "Amt" in message


def test_gbk_file_is_decoded_with_chinese_intact(sample_dir):
    read, result = check(sample_dir, "gbk_2019-07.csv")
    assert read.encoding == "gb18030"
    assert (sample_dir / "gbk_2019-07.csv").read_bytes().decode("gbk")  # really GBK bytes
    assert result.issues.empty, result.issues
    assert "天津示例咨询有限公司（合成数据）" in set(result.clean["enterprise_name"])
    assert set(result.clean["period"]) == {201907}
    assert read.frame["报告期"].iloc[0] == "2019年7月"


def test_revision_file_revises_two_enterprises_of_the_clean_file(sample_dir):
    _, clean = check(sample_dir, "clean_2019-06.xlsx")
    read, revision = check(sample_dir, "revision_2019-06.csv")
    assert read.encoding == "utf-8" and revision.issues.empty
    revised = set(revision.clean["uscc"])
    assert len(revised) == 2 and revised <= set(clean.clean["uscc"])
    assert set(revision.clean["period"]) == {201906}
    key = ["uscc", "direction", "category_code", "mode", "partner_code", "amount_orig_minor"]
    before = clean.clean[clean.clean["uscc"].isin(revised)]
    assert set(map(tuple, before[key].values)) != set(map(tuple, revision.clean[key].values))


def test_filled_template_validates_clean(sample_dir):
    read, result = check(sample_dir, "template_filled_2019-08.xlsx")
    assert read.sheet == "数据" and result.issues.empty, result.issues
    assert len(result.clean) >= 5 and set(result.clean["period"]) == {201908}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Every sample written afresh by make_hand_samples.py into a scratch folder."""
    out = tmp_path_factory.mktemp("samples")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(GEN, "OUT", out)
        GEN.main()
    return out


@pytest.mark.parametrize(
    "name",
    [
        "clean_2019-06.xlsx",
        "mistakes_2019-06.xlsx",
        "mistakes_header_2019-06.csv",
        "revision_2019-06.csv",
        "gbk_2019-07.csv",
        "template_filled_2019-08.xlsx",
    ],
)
def test_files_are_what_the_generator_writes(sample_dir, regenerated, name):
    """The committed files are reproducible byte for byte from make_hand_samples.py."""
    assert (regenerated / name).read_bytes() == (sample_dir / name).read_bytes()
