"""Deterministic, seeded train/dev split by document.

Sources with an official split keep it (their dev is our dev; their test is never
emitted, so anyone can still evaluate on it cleanly). The others hold out a seeded
fraction of documents: the same seed and document ids always give the same dev set.
"""

from __future__ import annotations

import random
from typing import Iterable

DEV_FRACTION = 0.12
SEED = 13


def dev_documents(doc_ids: Iterable[str], fraction: float = DEV_FRACTION, seed: int = SEED) -> set[str]:
    if not 0 <= fraction < 1:
        raise ValueError(f"dev fraction {fraction} must be in [0, 1)")
    ids = sorted(set(doc_ids))  # sorted so the input order does not matter
    count = round(len(ids) * fraction)
    return set(random.Random(seed).sample(ids, count))
