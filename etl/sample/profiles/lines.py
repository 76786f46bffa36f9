"""What a synthetic firm reports: its categories and template lines, with their weights.

A builder for one firm, called in a loop by etl.sample.generate._build; the rng is shared, in order.
"""

from __future__ import annotations

from etl.sample.profiles.draw import pick
from etl.sample.profiles.firms import DIRECTIONS_P, EXTRA_LINES_LAMBDA, N_CATEGORIES_P
from etl.sample.profiles.regions import CATEGORY_WEIGHTS, MAINS, REGION_CATEGORY_BOOST
from etl.sample.profiles.trade import (
    EXPORT_SHARE,
    FDI_SOURCE_WEIGHTS,
    MODE4_ADDON,
    MODE4_WEIGHT,
    MODE_MIX,
    N_PARTNERS_P,
    OUTWARD_HOST_WEIGHTS,
    SUB_ITEM_SHARE,
)


def firm_lines(rng, i: int, kind: str, region: str, group: str, subs: dict, partners: dict):
    """The firm's categories and template lines: (ent, code, main, direction, mode, partner, weight)."""
    boost = REGION_CATEGORY_BOOST.get(region, {})
    cw = {c: CATEGORY_WEIGHTS[group][c] * boost.get(c, 1.0) for c in MAINS}
    if kind == "institution":
        cw = {c: cw[c] for c in ("SI", "SJ", "SH")}
    k = min(int(rng.choice(3, p=N_CATEGORIES_P)) + 1, len(cw))
    mains = pick(rng, cw, size=k, replace=False)
    codes = [
        str(rng.choice(subs[m])) if subs[m] and rng.random() < SUB_ITEM_SHARE else m for m in mains
    ]
    dir_p = {"SA": (0.2, 0.8, 0.0), "SD": (0.7, 0.15, 0.15)}.get(mains[0], DIRECTIONS_P)
    dirs = ((0, 1), (0,), (1,))[int(rng.choice(3, p=dir_p))]
    n_p = int(rng.choice(4, p=N_PARTNERS_P)) + 1
    firm_partners = pick(rng, partners, size=min(n_p, len(partners)), replace=False)
    combos = [(ci, d, pi) for ci in range(k) for d in dirs for pi in range(len(firm_partners))]
    order = rng.permutation(len(combos))
    first = {}
    for j in order:
        first.setdefault(combos[j][0], j)
    chosen = list(first.values())
    extra = min(len(combos), k + int(rng.poisson(EXTRA_LINES_LAMBDA))) - len(chosen)
    chosen += [j for j in order if j not in first.values()][: max(extra, 0)]
    chosen.sort()  # lines in category, direction, partner order
    rank_w = (1.0, 0.5, 0.3, 0.2)
    lines = []
    for j in chosen:
        ci, d, pi = combos[j]
        main = mains[ci]
        modes, mp = zip(*MODE_MIX[main], strict=True)
        mode = int(rng.choice(modes, p=mp))
        share = EXPORT_SHARE[main] if d == 0 else 1 - EXPORT_SHARE[main]
        w = float(rng.lognormal(0, 0.7)) * 2 * share * rank_w[pi]
        weight = w * (MODE4_WEIGHT if mode == 4 else 1.0)
        lines.append((i, codes[ci], main, d, mode, firm_partners[pi], weight))
        if mode != 4 and rng.random() < MODE4_ADDON.get(main, 0.0):
            lines.append((i, codes[ci], main, d, 4, firm_partners[pi], w * MODE4_WEIGHT))
    total = sum(line[-1] for line in lines)
    lines = [(*line[:-1], line[-1] / total) for line in lines]
    if kind in ("foreign", "outward"):  # mode 3 (FATS sales): several times the firm's BOP trade
        table, d = (FDI_SOURCE_WEIGHTS, 1) if kind == "foreign" else (OUTWARD_HOST_WEIGHTS, 0)
        home = pick(rng, {p: w for p, w in table.items() if p in partners})
        for ci in range(min(k, 1 + int(rng.random() < 0.3))):
            weight = float(rng.uniform(1.5, 4.0)) / (ci + 1)
            lines.append((i, codes[ci], mains[ci], d, 3, home, weight))
    return lines, mains[0]
