"""Pure: seeds/organisations.csv and seeds/pilot_tasks.csv as model-ready rows."""

from __future__ import annotations

import datetime as dt

SEPARATOR = "；"
LEAD, COOPERATING = "lead", "cooperating"


def task_id(document: str, number: int | str) -> str:
    """The ledger's id of a task: '<document>-<number>' ('tianjin-7')."""
    return f"{document}-{int(number)}"


def split_names(cell: str) -> list[str]:
    """A '；'-joined list of names as a list (empty cell: none)."""
    return [n.strip() for n in (cell or "").split(SEPARATOR) if n.strip()]


def organisation_rows(rows: list[dict[str, str]]) -> list[dict]:
    """Organisation rows as stored."""
    return [
        dict(name=r["name"], kind=r["kind"], documents=r["documents"], aliases=r["aliases"])
        for r in rows
    ]


def task_rows(rows: list[dict[str, str]]) -> list[dict]:
    """Pilot-task rows as stored (deadline as a date; area_no None where there are no areas)."""
    return [
        dict(
            id=task_id(r["document"], r["number"]),
            document=r["document"],
            area_no=int(r["area_no"]) if r["area_no"] else None,
            area=r["area"],
            number=int(r["number"]),
            text=r["text"],
            measures=r["measures"],
            deadline_text=r["deadline_text"],
            deadline=dt.date.fromisoformat(r["deadline"]) if r["deadline"] else None,
            deadline_kind=r["deadline_kind"],
        )
        for r in rows
    ]


def task_unit_rows(rows: list[dict[str, str]]) -> list[dict]:
    """One row per unit named on a task: lead units first, then cooperating, in the table's order."""
    out = []
    for r in rows:
        names = [(n, LEAD) for n in split_names(r["lead_units"])]
        names += [(n, COOPERATING) for n in split_names(r["cooperating_units"])]
        for position, (name, role) in enumerate(names, start=1):
            out.append(
                dict(
                    task_id=task_id(r["document"], r["number"]),
                    organisation=name,
                    role=role,
                    position=position,
                )
            )
    return out
