"""Secondary suppression: complements until no relation holds exactly one hidden cell, the cheapest
(etl.disclosure.pattern.costs) of those covering the protection the hidden cell must carry (its
need: a primary cell's level, passed on to the complements hidden for it, never more than their
own level); and one more shown cell wherever the hidden part of a relation whose parent is shown
may fail the primary rules as a whole (union_may_fail, τ-ARGUS's singleton problem). _secondary
runs it; _Closer keeps its state."""

from __future__ import annotations

from collections import defaultdict

from etl.disclosure.catalogue import ALL
from etl.disclosure.pattern.costs import _cost, scope_total
from etl.disclosure.pattern.keys import PREVIOUS, SECONDARY
from etl.disclosure.table import DisclosureRule


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


def _secondary(
    value: dict[tuple, int],
    relations: list[tuple[tuple, list[tuple]]],
    suppressed: dict[tuple, str],
    fixed: set[tuple],
    protection: float,
    stats: dict | None = None,
    rule: DisclosureRule | None = None,
    need: dict[tuple, float] | None = None,
    scope: str | None = None,
) -> None:
    """Add complementary suppressions until no relation holds exactly one suppressed cell, and
    (with a rule) the hidden part of every relation whose parent is shown passes the primary
    rules as a whole: else a contributor to one hidden cell, or anyone for a dominated sum,
    learns the others from the parent less the shown cells (τ-ARGUS's singleton problem).

    need: what each complement hidden so far must carry (kept across calls; filled here);
    scope: the region whose cells are the headline figures."""
    closer = _Closer(
        value, relations, suppressed, fixed, protection, stats or {}, rule, need, scope
    )
    # sorted: the same data gives the same pattern in every process (sets of str are not)
    queue = [i for k in list(suppressed) + sorted(fixed) for i in closer.index.get(k, ())]
    while queue:
        closer.close(queue)
        queue = closer.widen() if rule is not None else []


class _Closer:
    """The state of _secondary: each relation's nonzero members and how many of them are hidden
    (kept as cells are hidden, so a relation is checked in constant time), and the protection
    each complement must carry."""

    def __init__(self, value, relations, suppressed, fixed, protection, stats, rule, need, scope):
        self.value, self.relations, self.suppressed, self.fixed = (
            value,
            relations,
            suppressed,
            fixed,
        )
        self.protection, self.stats, self.rule = protection, stats, rule
        # A complement is hidden so that the primary cells behind it can move by their level; it
        # need carry no more than that. A share of its own value (the rule before) made every step
        # of a chain dearer: from a primary of a million to the scope's largest categories.
        self.need = need if need is not None else {}
        self.scope = scope
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

    def price(self, key: tuple) -> tuple:
        """The order complements are picked in: no total of the whole scope (all categories and
        partners: the cards every reader opens) if anything else will do, the least headline
        (twins counted), the smallest."""
        _, _, _, mode, direction, _ = key
        whole = scope_total(key, self.scope)
        top = whole and direction == ALL and mode in ("bop", "full")
        return top, whole, _cost(key, self.twins, self.suppressed, self.scope), self.value[key]

    def carries(self, key: tuple) -> float:
        """The protection a hidden cell must carry: its own level, or less where it was hidden
        for a primary cell whose level is less. A fixed 1–(M−1)月 cell of an earlier release
        carries nothing here (its value and why it was hidden are not the month's): the
        cheapest complement closes its relation, and the audit over the year checks its
        primary cells."""
        return self.need.get(key, self.value.get(key, 0) * self.protection)

    def hide(self, key: tuple, need: float) -> list[int]:
        """Suppress a shown cell hidden for a cell that carries need; the relations it is in, to
        check again."""
        self.suppressed[key] = SECONDARY
        self.need[key] = min(need, self.carries(key))
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
            target = self.carries(hidden)
            enough = [k for k in candidates if value[k] >= target]
            # the most detailed cell that covers the protection level, the smallest of those;
            # the headline totals (the scope, all categories, bop, both directions) go last
            if enough:
                pick = min(enough, key=self.price)
            else:
                pick = max(candidates, key=value.get)
            queue.extend(self.hide(pick, target))

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
            pick = min(shown, key=self.price)
            queue.extend(self.hide(pick, max(map(self.carries, hidden))))
        return queue
