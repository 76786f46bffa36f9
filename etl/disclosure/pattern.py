"""A released month's suppression pattern over the linked cells of etl.disclosure.catalogue.

Inputs are enterprise-level lines of the year up to the month (as released). For the month M the
cells of two windows are computed — ``m`` (M alone; 1–2月 for February) and ``y`` (1–M月) — with
their contributor counts and two largest contributions. Primary: fewer than `min_contributors`
contributors or the two largest above `dominance_k` of the cell. Secondary: every linear relation
between cells (a node = the sum of the nodes below it, in each dimension; 1–M月 = 1–(M−1)月 + M)
holds no suppressed cell or at least two, the complement chosen to cover the protection level
(the smallest cell of the relation worth at least `protection` × the suppressed one). The 1–(M−1)月
cells are fixed by the earlier release: their suppressions count, they are never changed.
Proven, or not, by etl.disclosure.audit. Pure pandas.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from etl.disclosure.catalogue import (
    ALL,
    MONTH,
    SELF,
    YTD,
    Hierarchy,
    direction_nodes,
    mode_nodes,
    twin_window,
)
from etl.disclosure.table import DisclosureRule
from etl.filters import GROUP_PREFIX

PREVIOUS = "p"  # window of the fixed 1–(M−1)月 cells inside a pattern computation
DIMS = ("region", "category", "mode", "direction", "partner")
PRIMARY, SECONDARY = "primary", "secondary"


@dataclass
class Pattern:
    """The month's cells (key columns, value, n, top2) and the suppressed ones with why."""

    cells: pd.DataFrame  # window, region, category, mode, direction, partner, value, n, top2
    suppressed: dict[tuple, str]  # (window, region, category, mode, direction, partner) -> why
    value: dict[tuple, int]
    relations: list[tuple[tuple, list[tuple]]]
    fixed: set[tuple]
    protection: float
    rule: DisclosureRule | None = None  # None: no union check (the relation rule alone)

    def close(self) -> None:
        """Restore every relation after suppressions were added from outside (the audit)."""
        stats = _stats(self.cells) if self.rule is not None else {}
        _secondary(
            self.value,
            self.relations,
            self.suppressed,
            self.fixed,
            self.protection,
            stats,
            self.rule,
        )


def _window_lines(lines: pd.DataFrame, month: int) -> dict[str, pd.DataFrame]:
    """The lines of each window of a month: ``m`` (1–2月 for February) and ``y`` (1–M月)."""
    year_start = (month // 100) * 100 + 1
    first_of_m = year_start if month % 100 == 2 else month
    return {
        MONTH: lines[lines["period"].between(first_of_m, month)],
        YTD: lines[lines["period"].between(year_start, month)],
    }


def _expand(frame: pd.DataFrame, column: str, nodes_of) -> pd.DataFrame:
    """One row per (row, node of `column`), summed by enterprise and every other column."""
    codes = frame[column].drop_duplicates()
    mapping = pd.DataFrame([(c, n) for c in codes for n in nodes_of(c)], columns=[column, "node"])
    out = frame.merge(mapping, on=column).drop(columns=[column]).rename(columns={"node": column})
    keys = [c for c in out.columns if c != "amount"]
    return out.groupby(keys, as_index=False, sort=False)["amount"].sum()


def cell_statistics(
    lines: pd.DataFrame, hierarchy: Hierarchy, scope: str, detail: str
) -> pd.DataFrame:
    """Cells of one window and family: value, contributors, two largest contributions.

    lines: uscc, region_code, `detail` (category_code or partner_code), mode, direction,
    amount. Family "category_code": every category node, partner ``*``; "partner_code": every
    partner node other than ``*`` (that margin is the category family's), category ``*``.
    """
    columns = ["uscc", "region", "category", "mode", "direction", "partner"]
    if lines.empty:
        return pd.DataFrame(columns=[*columns[1:], "value", "n", "top2"])
    frame = lines.rename(columns={"region_code": "region", detail: detail.split("_")[0]})
    frame = frame.groupby(
        ["uscc", "region", detail.split("_")[0], "mode", "direction"], as_index=False
    )["amount"].sum()
    frame = _expand(frame, "region", lambda c: hierarchy.region_nodes(c, scope))
    frame = _expand(frame, "mode", mode_nodes)
    frame = _expand(frame, "direction", direction_nodes)
    if detail == "category_code":
        frame = _expand(frame, "category", hierarchy.category_nodes)
        frame["partner"] = ALL
    else:
        frame = _expand(
            frame, "partner", lambda p: [n for n in hierarchy.partner_nodes(p) if n != ALL]
        )
        frame["category"] = ALL
    # stable: a cell's order picks among equally cheap complements, and the default quicksort
    # orders tied amounts by the CPU's SIMD kernels (test_dsx008)
    frame = frame[frame["amount"] != 0].sort_values("amount", ascending=False, kind="stable")
    keys = columns[1:]
    grouped = frame.groupby(keys, sort=False)["amount"]
    stats = pd.DataFrame(
        {
            "value": grouped.sum(),
            "n": grouped.size(),
            "top2": frame.groupby(keys, sort=False)
            .head(2)
            .groupby(keys, sort=False)["amount"]
            .sum(),
        }
    ).reset_index()
    return stats.astype({"value": "int64", "n": "int64", "top2": "int64", "mode": str})


def primary(cells: pd.DataFrame, rule: DisclosureRule) -> pd.Series:
    """Cells failing the threshold or the (n, k) dominance rule (zero is not confidential)."""
    few = (cells["n"] > 0) & (cells["n"] < rule.min_contributors)
    dominated = (cells["value"] > 0) & (cells["top2"] > rule.dominance_k * cells["value"])
    return few | dominated


def month_cells(
    year_lines: pd.DataFrame, month: int, hierarchy: Hierarchy, scope: str
) -> pd.DataFrame:
    """A month's cells of both windows and both families, with a ``window`` column, from the
    enterprise lines of its year (later months' lines are left out)."""
    windows = _window_lines(year_lines[year_lines["period"] <= month], month)
    frames = []
    for window in (MONTH, YTD):
        for detail in ("category_code", "partner_code"):
            stats = cell_statistics(windows[window], hierarchy, scope, detail)
            frames.append(stats.assign(window=window))
    return pd.concat(frames, ignore_index=True)[["window", *DIMS, "value", "n", "top2"]]


def month_relations(cells: pd.DataFrame, hierarchy: Hierarchy, month: int):
    """A month's cell values by key, and the relations among its nonzero cells."""
    value = dict(zip(cell_keys(cells), map(int, cells["value"].tolist())))
    return value, relations_of(value, hierarchy, month)


def compute_pattern(
    cells: pd.DataFrame,
    hierarchy: Hierarchy,
    scope: str,
    month: int,
    fixed_suppressed: set[tuple],
    rule: DisclosureRule,
    protection: float,
) -> Pattern:
    """Primary and secondary suppressions of a month's cells.

    fixed_suppressed: keys (region, category, mode, direction, partner) of the 1–(M−1)月 cells
    the earlier release suppressed (empty for February: 1–2月 is the first cell of a year).
    """
    value, relations = month_relations(cells, hierarchy, month)
    suppressed: dict[tuple, str] = {}
    for key in cell_keys(cells[primary(cells, rule)]):
        suppressed[key] = PRIMARY
    if month % 100 == 2:  # 1–2月: the month and the year so far are the same cell
        for key in list(suppressed):
            suppressed[(twin_window(key[0]), *key[1:])] = PRIMARY
    fixed = {(PREVIOUS, *k) for k in fixed_suppressed}
    pattern = Pattern(cells, suppressed, value, relations, fixed, protection, rule)
    pattern.close()
    return pattern


def _stats(cells: pd.DataFrame) -> dict[tuple, tuple[int, int]]:
    """(window, dims…) -> (contributors, two largest contributions) of every cell."""
    return dict(zip(cell_keys(cells), zip(cells["n"].tolist(), cells["top2"].tolist())))


def cell_keys(cells: pd.DataFrame) -> list[tuple]:
    """Each cell's key (window, dims…), read column by column (a row at a time is slow)."""
    return list(zip(*(cells[c].astype(str).tolist() for c in ("window", *DIMS))))


def union_may_fail(hidden: list[tuple], value: dict, stats: dict, rule: DisclosureRule) -> bool:
    """Whether the sum of a relation's hidden cells (published as the parent less the shown ones)
    may fail the primary rules. From each cell's count and top two only, so it errs towards
    hiding: the union has at least max(n) contributors and its top two are at most the sum of
    the cells' top twos. A cell without statistics (a fixed earlier cell) counts as failing."""
    if any(k not in stats for k in hidden):
        return True
    n = max(stats[k][0] for k in hidden)
    total = sum(value.get(k, 0) for k in hidden)
    top2 = sum(stats[k][1] for k in hidden)
    return (0 < n < rule.min_contributors) or (total > 0 and top2 > rule.dominance_k * total)


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


_MODE_DETAIL = {"bop": 0, "full": 1}


def _detail(key: tuple) -> int:
    """How detailed a cell is (higher: further from the headline figures)."""
    _, region, category, mode, direction, partner = key
    return (
        region.count("-")
        + region.endswith(SELF)
        + (0 if region.endswith("0000") else 1)
        + (0 if category == ALL else 1 + (category.endswith(SELF) or len(category) > 2))
        + _MODE_DETAIL.get(mode, 2)
        + (direction != ALL)
        + (0 if partner == ALL else 1 + (not partner.startswith(GROUP_PREFIX)))
    )


def headline(key: tuple) -> int:
    """How much a cell is a headline figure (4: the scope's total; 1: a detailed cell)."""
    return 4 - min(_detail(key), 3)


def _cost(key: tuple, twins: dict[tuple, list[tuple]], suppressed: dict) -> int:
    """What hiding a cell costs: its own headline weight and that of the visible twins it drags."""
    dragged = [t for t in twins.get(key, ()) if t not in suppressed and t[0] != PREVIOUS]
    return headline(key) + sum(headline(t) for t in dragged)


def _secondary(
    value: dict[tuple, int],
    relations: list[tuple[tuple, list[tuple]]],
    suppressed: dict[tuple, str],
    fixed: set[tuple],
    protection: float,
    stats: dict | None = None,
    rule: DisclosureRule | None = None,
) -> None:
    """Add complementary suppressions until no relation holds exactly one suppressed cell, and
    (with a rule) the hidden part of every relation whose parent is shown passes the primary
    rules as a whole: else a contributor to one hidden cell, or anyone for a dominated sum,
    learns the others from the parent less the shown cells (τ-ARGUS's singleton problem)."""
    closer = _Closer(value, relations, suppressed, fixed, protection, stats or {}, rule)
    # sorted: the same data gives the same pattern in every process (sets of str are not)
    queue = [i for k in list(suppressed) + sorted(fixed) for i in closer.index.get(k, ())]
    while queue:
        closer.close(queue)
        queue = closer.widen() if rule is not None else []


class _Closer:
    """The state of _secondary: each relation's nonzero members and how many of them are hidden
    (kept as cells are hidden, so a relation is checked in constant time)."""

    def __init__(self, value, relations, suppressed, fixed, protection, stats, rule):
        self.value, self.relations, self.suppressed, self.fixed = (
            value,
            relations,
            suppressed,
            fixed,
        )
        self.protection, self.stats, self.rule = protection, stats, rule
        self.members_of = [
            [k for k in (parent, *kids) if value.get(k, 0) != 0 or k[0] == PREVIOUS]
            for parent, kids in relations
        ]
        self.index: dict[tuple, list[int]] = defaultdict(list)
        for i, members in enumerate(self.members_of):
            for k in members:
                self.index[k].append(i)
        self.hidden_count = [0] * len(relations)
        for k in (*suppressed, *fixed):
            for i in self.index.get(k, ()):
                self.hidden_count[i] += 1
        # A cell equal to one other by structure (a relation of two nonzero members) drags its
        # twin along when hidden: count what a pick would drag, the headline figures dearest.
        self.twins: dict[tuple, list[tuple]] = defaultdict(list)
        for members in self.members_of:
            if len(members) == 2:
                a, b = members
                self.twins[a].append(b)
                self.twins[b].append(a)

    def hide(self, key: tuple) -> list[int]:
        """Suppress a shown cell; the relations it is in, to check again."""
        self.suppressed[key] = SECONDARY
        touched = self.index[key]
        for i in touched:
            self.hidden_count[i] += 1
        return touched

    def _is_hidden(self, key: tuple) -> bool:
        return key in self.suppressed or key in self.fixed

    def close(self, queue: list[int]) -> None:
        """The relation rule: no relation with exactly one hidden cell (complements by cost)."""
        value = self.value
        while queue:
            i = queue.pop()
            if self.hidden_count[i] != 1:
                continue
            members = self.members_of[i]
            hidden = next(k for k in members if self._is_hidden(k))
            candidates = [k for k in members if k not in self.suppressed and k[0] != PREVIOUS]
            if not candidates:
                continue  # only fixed cells left: the audit reports it
            target = value.get(hidden, 0) * self.protection
            enough = [k for k in candidates if value[k] >= target]
            # the most detailed cell that covers the protection level, the smallest of those;
            # the headline totals (the scope, all categories, bop, both directions) go last
            if enough:
                pick = min(enough, key=lambda k: (_cost(k, self.twins, self.suppressed), value[k]))
            else:
                pick = max(candidates, key=value.get)
            queue.extend(self.hide(pick))

    def widen(self) -> list[int]:
        """Hide one more shown cell in every relation whose hidden part may fail as a whole;
        the relations touched, to close again."""
        queue: list[int] = []
        for i, (parent, _) in enumerate(self.relations):
            members = self.members_of[i]
            count = self.hidden_count[i]
            if count < 2 or count >= len(members) - 1:
                continue  # fewer than two hidden, or no shown child (the parent is a member)
            if members[0] != parent or parent in self.suppressed:
                continue  # the parent is hidden or zero: the hidden sum is not published
            kids = members[1:]
            hidden = [k for k in kids if self._is_hidden(k)]
            shown = [k for k in kids if not self._is_hidden(k)]
            if not union_may_fail(hidden, self.value, self.stats, self.rule):
                continue
            pick = min(shown, key=lambda k: (_cost(k, self.twins, self.suppressed), self.value[k]))
            queue.extend(self.hide(pick))
        return queue
