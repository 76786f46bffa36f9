"""The relations between a month's cells: a node = the sum of the nodes below it, in each
dimension, and all categories (partners) = a group + everything outside it (_children);
1–M月 = 1–(M−1)月 + M (relations_of); the month's values by key with its relations
(month_relations)."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from etl.disclosure.catalogue import ALL, MONTH, SELF, YTD, Hierarchy
from etl.disclosure.pattern.cells import cell_keys
from etl.disclosure.pattern.keys import DIMS, PREVIOUS
from etl.filters import GROUP_PREFIX


def month_relations(cells: pd.DataFrame, hierarchy: Hierarchy, month: int):
    """A month's cell values by key, and the relations among its nonzero cells."""
    value = dict(zip(cell_keys(cells), map(int, cells["value"].tolist())))
    return value, relations_of(value, hierarchy, month)


def _children(hierarchy: Hierarchy, partners: set[str]):
    """For each dimension, a function node -> the ways it splits into other nodes' sum.

    Besides the hierarchy (a node = the nodes below it), a group splits the total too: all =
    the group + everything outside it (the total minus a group gives the rest away).
    """
    region_children = hierarchy.region_children()
    mains = sorted(set(hierarchy.category_main.values()))
    subs: dict[str, list[str]] = defaultdict(list)
    for code, main in hierarchy.category_main.items():
        if code != main:
            subs[main].append(code)
    grouped_partners = {p for members in hierarchy.partner_groups.values() for p in members}
    all_partners = sorted(partners | grouped_partners)
    modes = {"full": [["bop", "3"]], "bop": [["1", "2", "4"]]}

    def outside(members: frozenset[str]) -> list[str]:
        """The category nodes that sum to everything outside a group."""
        out = []
        for main in mains:
            if main in members:
                continue
            inside = [c for c in subs[main] if c in members]
            out += [c for c in subs[main] if c not in members] + [main + SELF] if inside else [main]
        return out

    category_splits = {ALL: [mains]}
    for group, members in hierarchy.category_groups.items():
        category_splits[ALL].append([GROUP_PREFIX + group, *outside(members)])
        category_splits[GROUP_PREFIX + group] = [sorted(members)]
    for main in hierarchy.split_mains:
        category_splits[main] = [[*sorted(subs[main]), main + SELF]]
    partner_splits = {ALL: [all_partners]}
    for group, members in hierarchy.partner_groups.items():
        rest = [p for p in all_partners if p not in members]
        partner_splits[ALL].append([GROUP_PREFIX + group, *rest])
        partner_splits[GROUP_PREFIX + group] = [sorted(members)]

    def region(node: str) -> list[list[str]]:
        if node.endswith(SELF) or node not in region_children:
            return []
        return [[*region_children[node], node + SELF]]

    return (
        region,
        lambda n: category_splits.get(n, []),
        lambda n: modes.get(n, []),
        lambda n: [["X", "M"]] if n == ALL else [],
        lambda n: partner_splits.get(n, []),
    )


def relations_of(value: dict[tuple, int], hierarchy: Hierarchy, month: int):
    """Every relation among the month's nonzero cells: (parent key, [nonzero child keys])."""
    partners = {k[5] for k in value if k[5] != ALL and not k[5].startswith(GROUP_PREFIX)}
    by_dim = _children(hierarchy, partners)
    # For each dimension, the codes a cell's siblings take (the key without that dimension ->
    # codes with a nonzero cell): a split keeps only those, so a total over some 200 partners
    # builds the few keys that exist rather than 200 keys to look up.
    present: list[dict[tuple, set]] = [defaultdict(set) for _ in DIMS]
    for key, amount in value.items():
        if amount != 0:
            for i in range(len(DIMS)):
                present[i][key[: i + 1] + key[i + 2 :]].add(key[i + 1])
    out: list[tuple[tuple, list[tuple]]] = []
    for key in value:
        window, *dims = key
        for i, splits_of in enumerate(by_dim):
            if (i == 4 and dims[1] != ALL) or (i == 1 and dims[4] != ALL):
                continue  # partners are crossed with all categories only: no such cells
            splits = splits_of(dims[i])
            if not splits:
                continue
            codes = present[i].get(key[: i + 1] + key[i + 2 :], ())
            for children in splits:
                out.append(
                    (
                        key,
                        [(window, *dims[:i], c, *dims[i + 1 :]) for c in children if c in codes],
                    )
                )
        if window == YTD and month % 100 >= 3:
            out.append((key, [(PREVIOUS, *dims), (MONTH, *dims)]))
    return out
