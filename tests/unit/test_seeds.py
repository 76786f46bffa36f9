"""The reference data files say what docs/domain.md and the policy documents say."""

from decimal import Decimal

import pytest

from etl import models
from etl.reference import reference_from_seeds
from etl.seed import read_seed_tables
from etl.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="module")
def tables():
    return read_seed_tables(SEEDS)


@pytest.fixture(scope="module")
def ref():
    return reference_from_seeds(SEEDS)


def test_twelve_main_categories_with_official_names(tables):
    """SA..SL with SAFE's Chinese names; sub-items point at a main category."""
    main = {r["code"]: r["name_zh"] for r in tables[models.ServiceCategory] if r["level"] == 1}
    assert list(main) == [f"S{c}" for c in "ABCDEFGHIJKL"]
    assert main["SC"] == "运输" and main["SD"] == "旅行" and main["SJ"] == "其他商业服务"
    assert main["SI"] == "电信、计算机和信息服务" and main["SB"] == "维护和维修服务"
    subs = [r for r in tables[models.ServiceCategory] if r["level"] > 1]
    assert subs and all(r["main_code"] in main for r in subs)


def test_groupings_are_data(tables):
    """知识密集型 = SF..SK; Tianjin pillars = transport, travel, other business services."""
    members = {}
    for r in tables[models.CategoryGroupMember]:
        members.setdefault(r["group_code"], set()).add(r["category_code"])
    assert members["KIS"] == {"SF", "SG", "SH", "SI", "SJ", "SK"}
    assert members["TJ_PILLAR"] == {"SC", "SD", "SJ"}
    assert {"SB", "SK"} <= members["TJ_EMERGING"]


def test_modes_and_the_bop_rule(ref):
    """The BOP total counts modes 1, 2 and 4; mode 3 (商业存在) is FATS, a different measure."""
    assert ref.modes == {1: "跨境提供", 2: "境外消费", 3: "商业存在", 4: "自然人移动"}
    assert ref.modes_in_bop == frozenset({1, 2, 4})


def test_tianjin_has_its_sixteen_districts_and_liangjiang_is_a_new_area(tables, ref):
    """GB/T 2260 codes for Tianjin's districts; 两江新区 under 重庆市."""
    regions = {r["code"]: r for r in tables[models.Region]}
    districts = [
        c for c, r in regions.items() if r["kind"] == "district" and r["parent_code"] == "120000"
    ]
    assert len(districts) == 16 and regions["120116"]["name_zh"] == "滨海新区"
    assert (
        regions["500000-LJ"]["kind"] == "new_area"
        and regions["500000-LJ"]["parent_code"] == "500000"
    )
    assert "120116-TEDA" in ref.region_descendants("120116")
    assert set(ref.region_descendants("120000")) >= set(districts)


def test_partner_names_come_from_babel_with_official_overrides(ref):
    """Chinese names from CLDR; HK/MO/TW named as Chinese official usage requires."""
    assert ref.partners["US"] == "美国" and ref.partners["DE"] == "德国"
    assert ref.partners["HK"] == "中国香港" and ref.partners["TW"] == "中国台湾"
    assert "CN" not in ref.partners and len(ref.partners) > 240


def test_fx_annual_averages_and_monthly_precedence(ref):
    """NBS annual averages serve every month until a monthly rate exists."""
    assert ref.rate_for(201806) == Decimal("6.6174") and ref.rate_for(202312) == Decimal("7.0467")
    assert ref.rate_for(201401) is None
    monthly = type(ref)(**{**ref.__dict__, "fx": {**ref.fx, (2018, 6): Decimal("6.4")}})
    assert monthly.rate_for(201806) == Decimal("6.4") and monthly.rate_for(201807) == Decimal(
        "6.6174"
    )


def test_targets_from_the_policy_documents(tables):
    """Tianjin ≥10% average annual growth over the pilot; 两江新区 US$10bn in 2017."""
    targets = {r["code"]: r for r in tables[models.Target]}
    tj = targets["TJ_PILOT_GROWTH"]
    assert (tj["region_code"], tj["measure"], tj["kind"]) == (
        "120000",
        "bop_total",
        "growth_avg_annual",
    )
    assert tj["threshold"] == Decimal("0.10") and (tj["window_start"], tj["window_end"]) == (
        201807,
        202006,
    )
    lj = targets["LJ_2017_LEVEL"]
    assert lj["threshold"] == Decimal("10000000000") and (lj["window_start"], lj["window_end"]) == (
        201701,
        201712,
    )
    assert all(r["source"] for r in targets.values())
