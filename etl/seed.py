"""Reference data from seeds/*.csv into the database, idempotently (edit a file, run again)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from babel import Locale
from sqlalchemy.orm import Session

from etl import models
from etl.data_version import REFERENCE_CHANGED
from etl.targets.rules import TargetError, check_target
from etl.tasks import seeds as task_seeds

_ZH = Locale.parse("zh_Hans_CN")
_EN = Locale.parse("en")


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV as dicts with stripped values."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def _main_codes(rows: list[dict[str, str]]) -> dict[str, str]:
    parents = {r["code"]: r["parent_code"] for r in rows}

    def main(code: str) -> str:
        while parents.get(code):
            code = parents[code]
        return code

    return {code: main(code) for code in parents}


def read_seed_tables(seeds: Path) -> dict[type, list[dict]]:
    """Parse every seed file into model-ready dicts, keyed by model class (parents first)."""
    cats = read_csv(seeds / "service_categories.csv")
    mains = _main_codes(cats)
    partners = read_csv(seeds / "partners.csv")
    tasks = read_csv(seeds / "pilot_tasks.csv")
    regions = [
        dict(r, parent_code=r["parent_code"] or None, sort_order=int(r["sort_order"]))
        for r in read_csv(seeds / "regions.csv")
    ]
    groups = [
        dict(
            code=r["code"],
            name_zh=r["name_zh"],
            name_en=r["name_en"],
            source=r["source"] or None,
            region_code=r["region_code"] or None,
        )
        for r in read_csv(seeds / "category_groups.csv")
    ]
    return {
        models.Region: regions,  # before the category groups, which name a region
        models.ServiceCategory: [
            dict(
                code=r["code"],
                parent_code=r["parent_code"] or None,
                main_code=mains[r["code"]],
                level=int(r["level"]),
                sort_order=int(r["sort_order"]),
                bpm6_item=int(r["bpm6_item"]) if r["bpm6_item"] else None,
                name_zh=r["name_zh"],
                name_en=r["name_en"],
            )
            for r in cats
        ],
        models.CategoryGroup: groups,
        models.CategoryGroupMember: read_csv(seeds / "category_group_members.csv"),
        models.SupplyMode: [
            dict(r, code=int(r["code"]), in_bop_total=r["in_bop_total"].lower() == "true")
            for r in read_csv(seeds / "supply_modes.csv")
        ],
        models.Partner: [
            dict(
                code=r["code"],
                name_zh=r["name_zh"] or _ZH.territories.get(r["code"], r["code"]),
                name_en=r["name_en"] or _EN.territories.get(r["code"], r["code"]),
            )
            for r in partners
        ],
        models.PartnerGroup: [
            dict(r, note=r["note"] or None) for r in read_csv(seeds / "partner_groups.csv")
        ],
        models.PartnerGroupMember: read_csv(seeds / "partner_group_members.csv"),
        models.FxRate: [
            dict(
                year=int(r["year"]),
                month=int(r["month"] or 0),
                cny_per_usd=Decimal(r["cny_per_usd"]),
                source=r["source"],
            )
            for r in read_csv(seeds / "fx_rates.csv")
        ],
        models.Target: seed_targets(read_csv(seeds / "targets.csv"), regions, groups),
        models.Organisation: task_seeds.organisation_rows(read_csv(seeds / "organisations.csv")),
        models.PilotTask: task_seeds.task_rows(tasks),
        models.PilotTaskUnit: task_seeds.task_unit_rows(tasks),
        models.EvaluationIndicator: [
            dict(
                r,
                weight=Decimal(r["weight"]),
                zero_at=Decimal(r["zero_at"]),
                full_at=Decimal(r["full_at"]),
                sort_order=int(r["sort_order"]),
            )
            for r in read_csv(seeds / "evaluation_indicators.csv")
        ],
    }


def seed_targets(rows: list[dict[str, str]], regions: list[dict], groups: list[dict]) -> list[dict]:
    """The target rows, each checked by the rules the Targets admin page applies (TargetError)."""
    region_codes = {r["code"] for r in regions}
    group_codes = {g["code"] for g in groups}
    out = []
    for row in rows:
        target, problems = check_target(
            row, region_codes, group_codes, taken=[t["code"] for t in out]
        )
        if problems:
            raise TargetError(row.get("code", ""), problems)
        out.append(target)
    return out


def _key(model: type, row: dict) -> tuple:
    if model is models.FxRate:
        return (row["year"], row["month"])
    return tuple(row[c.name] for c in sa.inspect(model).primary_key)


SEED_ACTOR = "seeds"
# Tables wholly derived from the seed files: a row the file no longer has is deleted (a unit
# taken off a task in pilot_tasks.csv must not stay on it).
SEED_OWNED = (models.PilotTaskUnit,)
# Tables administrators edit in the browser: the file adds rows it has and the table lacks, and
# never overwrites a stored row (evaluation weights and marks are set on the 绩效评价 page).
INSERT_ONLY = (models.EvaluationIndicator,)


def _delete_missing(session: Session, existing: dict, keep: set) -> int:
    gone = [obj for key, obj in existing.items() if key not in keep]
    for obj in gone:
        session.delete(obj)
    return len(gone)


def load_seeds(session: Session, seeds: Path, overwrite_targets: bool = False) -> dict[str, int]:
    """Insert or update every reference row from the seed files; returns rows written per table.

    Policy targets are the exception: administrators edit them on the Targets admin page, so the
    file fills an empty target table only (a new installation). `overwrite_targets=True` writes
    the file's targets over the database's (web edits of those codes are lost; others are kept).
    """
    written: dict[str, int] = {}
    for model, rows in read_seed_tables(seeds).items():
        if (
            model is models.Target
            and not overwrite_targets
            and session.scalar(sa.select(sa.func.count()).select_from(model))
        ):
            written[model.__tablename__] = 0
            continue
        if model is models.FxRate:
            existing = {(r.year, r.month): r for r in session.scalars(sa.select(model))}
        else:
            existing = {
                _key(model, _pk_dict(model, r)): r for r in session.scalars(sa.select(model))
            }
        count = 0
        for row in rows:
            obj = existing.get(_key(model, row))
            if obj is None:
                session.add(model(**row))
                count += 1
            elif model in INSERT_ONLY:
                continue
            elif any(getattr(obj, k) != v for k, v in row.items()):
                for k, v in row.items():
                    setattr(obj, k, v)
                count += 1
        if model in SEED_OWNED:
            count += _delete_missing(session, existing, {_key(model, row) for row in rows})
        session.flush()
        written[model.__tablename__] = count
    if any(written.values()):
        # An audit row names every change of reference data; remembered answers
        # (etl.data_version) are keyed on the newest one, so group or region edits show at once.
        session.add(
            models.AuditEntry(
                username=SEED_ACTOR,
                action=REFERENCE_CHANGED,
                detail=json.dumps(written, ensure_ascii=False),
            )
        )
    return written


def _pk_dict(model: type, obj) -> dict:
    return {c.name: getattr(obj, c.key) for c in sa.inspect(model).primary_key}


def upsert_fx_rates(session: Session, rows: list[dict[str, str]], source: str) -> int:
    """Monthly (month 0: annual) CNY-per-USD rates in, replacing a month's earlier rate."""
    existing = {(r.year, r.month): r for r in session.scalars(sa.select(models.FxRate))}
    for row in rows:
        key = (int(row["year"]), int(row.get("month") or 0))
        rate = Decimal(row["cny_per_usd"])
        if not (Decimal("0.5") < rate < Decimal("50")):
            raise ValueError(f"implausible rate {rate} for {key}")
        obj = existing.get(key) or models.FxRate(year=key[0], month=key[1])
        obj.cny_per_usd, obj.source = rate, row.get("source") or source
        session.add(obj)
    return len(rows)
