"""The weighted draw of the synthetic sample, for the one-firm builders and etl.sample.generate."""

from __future__ import annotations

import numpy as np


def pick(rng: np.random.Generator, weights: dict, size: int | None = None, replace=True):
    """One key (size=None) or a list of keys drawn with the given weights."""
    keys = list(weights)
    w = np.array([weights[k] for k in keys], dtype=float)
    idx = rng.choice(len(keys), size=size, replace=replace, p=w / w.sum())
    return keys[idx] if size is None else [keys[i] for i in idx]
