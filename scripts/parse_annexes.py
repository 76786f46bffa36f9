"""Write seeds/pilot_tasks.csv and seeds/organisations.csv from the policy documents' annexes."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a plain script from anywhere

from etl.tasks.annex import AnnexItem, parse_documents  # noqa: E402
from etl.tasks.organisations import CITY_OF_DOCUMENT, ORGANISATIONS  # noqa: E402

# Each document under its name in the shared folder, then under its repository copy's name.
SOURCE_FILES = {
    "tianjin": ("000_d5aede44cc1d1e58.txt", "tianjin_2018.txt"),
    "liangjiang": ("002_14e778ad91f9879f.txt", "liangjiang_2016.txt"),
}
DEFAULT_SOURCE = ROOT.parent / "shared" / "seeds"
TASK_COLUMNS = [
    "document",
    "area_no",
    "area",
    "number",
    "text",
    "measures",
    "deadline_text",
    "deadline",
    "deadline_kind",
    "lead_units",
    "cooperating_units",
]
ORGANISATION_COLUMNS = ["name", "kind", "documents", "aliases"]
LIST_SEPARATOR = "；"


def read_documents(source: Path) -> dict[str, str]:
    """The text of each document found in `source`, by document name."""
    texts = {}
    for document, names in SOURCE_FILES.items():
        found = [source / name for name in names if (source / name).is_file()]
        if not found:
            raise SystemExit(f"{source}: none of {', '.join(names)} found")
        texts[document] = found[0].read_text(encoding="utf-8")
    return texts


def task_row(item: AnnexItem) -> list[str]:
    """The pilot_tasks.csv row of one item."""
    return [
        item.document,
        "" if item.area_no is None else str(item.area_no),
        item.area,
        str(item.number),
        item.text,
        item.measures,
        item.deadline_text,
        item.deadline.isoformat() if item.deadline else "",
        item.deadline_kind,
        LIST_SEPARATOR.join(item.lead_units),
        LIST_SEPARATOR.join(item.cooperating_units),
    ]


def organisation_rows(items: list[AnnexItem]) -> list[list[str]]:
    """One organisations.csv row per organisation of the table, in the table's order."""
    documents: dict[str, list[str]] = {}
    for item in items:
        for name in item.lead_units + item.cooperating_units:
            documents.setdefault(name, [])
            if item.document not in documents[name]:
                documents[name].append(item.document)
    return [
        [
            org.name,
            org.kind,
            LIST_SEPARATOR.join(documents.get(org.name, [])),
            LIST_SEPARATOR.join(org.aliases),
        ]
        for org in ORGANISATIONS
    ]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8, "\\n" line ends, so that a regenerated file is byte-identical."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse, write both files, print what was written."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help="folder with the two documents: ../shared/seeds (default) or seeds/policy_documents",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "seeds", help="default: seeds/")
    args = parser.parse_args(argv)
    items = parse_documents(read_documents(args.source))
    write_csv(args.out / "pilot_tasks.csv", TASK_COLUMNS, [task_row(i) for i in items])
    write_csv(args.out / "organisations.csv", ORGANISATION_COLUMNS, organisation_rows(items))
    counts = {d: sum(i.document == d for i in items) for d in CITY_OF_DOCUMENT}
    print(f"pilot_tasks.csv: {counts}; organisations.csv: {len(ORGANISATIONS)} organisations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
