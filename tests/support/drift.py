"""How far a backend's model outputs move from torch's on the same texts (tests and bench/backends.py).

``head_outputs`` runs the model's heads over texts with one entity schema and returns, per text
window, the count head's instances per task and the span probabilities; ``compare`` lines two
such runs up and reports the largest and the 99th-percentile probability difference and how many
span decisions flip at the given thresholds. Only numbers come out, never text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional, Sequence

import torch

from presidio_gliner2.engine.schema import Schema, compile_schema
from presidio_gliner2.engine.windows import Windower

NEAR = 0.1


def head_outputs(model, texts: Sequence[str], labels, batch_size: int = 8) -> list:
    """``WindowOutput`` of every window of every text (the heads' raw output, before decoding);
    ``labels``: a list of names or {name: description}, asked in one prompt."""
    schema = compile_schema(Schema().entities(labels))
    windower = Windower(model.inputs, model._splitter, model.window_words, model.window_overlap,
                        model.max_positions(), None)
    documents = [windower.document(text, schema) for text in texts]
    with torch.inference_mode():
        return list(model._window_outputs(documents, batch_size))


@dataclass
class Drift:
    windows: int = 0
    count_flips: int = 0  # (window, task) pairs whose predicted instance count differs
    span_probabilities: int = 0  # compared entries (both sides scored the task)
    max_abs: float = 0.0
    p99_abs: float = 0.0  # over every real span: most are near 0 on both sides
    near_decision: int = 0  # spans either side scores at least ``near``
    p99_near_abs: float = 0.0  # over those: the drift that can move a decision
    flips: dict = field(default_factory=dict)  # threshold -> span decisions that flip (at or above vs below)
    positives: dict = field(default_factory=dict)  # threshold -> spans the reference scores at or above it

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def compare(reference: list, candidate: list, thresholds: Sequence[float] = (0.5,),
            field_thresholds: Optional[Sequence[float]] = None, near: float = NEAR) -> Drift:
    """Drift of ``candidate`` from ``reference`` (two ``head_outputs`` of the same texts and labels).
    ``flips`` counts decisions that change at each of ``thresholds`` (one for all labels) and, with
    ``field_thresholds`` (one per label, as a pack sets them), under ``"per label"``."""
    drift = Drift(windows=len(reference), flips={float(t): 0 for t in thresholds},
                  positives={float(t): 0 for t in thresholds})
    if field_thresholds is not None:
        drift.flips["per label"] = drift.positives["per label"] = 0
        per_field = torch.tensor([float(t) for t in field_thresholds])[:, None, None]
    diffs, contested = [], []
    for ref, cand in zip(reference, candidate):
        for task, count in ref.counts.items():
            drift.count_flips += int(cand.counts.get(task) != count)
        for task, probs in ref.span_probabilities.items():
            other = cand.span_probabilities.get(task)
            if other is None or other.shape != probs.shape:
                continue
            # Only real spans: a (start, width) running past the last word is scored too, but
            # decoding never reads it.
            words, widths = probs.shape[-2:]
            valid = (torch.arange(words)[:, None] + torch.arange(widths)[None, :]) < words
            diffs.append((other - probs).abs()[..., valid].flatten())
            contested.append((other - probs).abs()[(torch.maximum(probs, other) >= near) & valid])
            for t in thresholds:
                drift.flips[float(t)] += int(((probs >= t) != (other >= t))[..., valid].sum())
                drift.positives[float(t)] += int((probs >= t)[..., valid].sum())
            if field_thresholds is not None:
                drift.flips["per label"] += int(((probs >= per_field) != (other >= per_field))[..., valid].sum())
                drift.positives["per label"] += int((probs >= per_field)[..., valid].sum())
    if diffs:
        allowed = torch.cat(diffs)
        drift.span_probabilities = int(allowed.numel())
        drift.max_abs = float(allowed.max())
        drift.p99_abs = _p99(allowed)
        near_decision = torch.cat(contested)
        drift.near_decision = int(near_decision.numel())
        drift.p99_near_abs = _p99(near_decision)
    return drift


def _p99(values: torch.Tensor) -> float:
    if not values.numel():
        return 0.0
    return float(values.float().kthvalue(max(1, math.ceil(0.99 * values.numel()))).values)
