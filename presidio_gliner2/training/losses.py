"""Training losses, as the reference defines them (all summed over the batch):

- span: BCE over every valid (instance, field, start, width) of each span task, with
  queries built from the *gold* count (teacher forcing) and each negative dropped with
  probability ``negative_drop``;
- count: cross-entropy of the count head on each span task's [P] vector (entities: 1);
- classification: BCE over each classification label.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from presidio_gliner2.engine.model import GLiNER2Model
from presidio_gliner2.training.batching import Sample


def batch_loss(model: GLiNER2Model, samples: list[Sample], negative_drop: float = 0.5) -> dict[str, torch.Tensor]:
    device = model.device
    hidden, words, word_counts = model.encode([s.encoded for s in samples])

    zero = hidden.sum() * 0
    losses = {"span": zero, "count": zero, "classification": zero}

    # Classification: BCE on every [L] vector.
    rows, cols, targets = [], [], []
    for row, sample in enumerate(samples):
        for task_index, multi_hot in sample.class_targets.items():
            positions = sample.encoded.marker_positions[task_index][1:]
            rows += [row] * len(positions)
            cols += positions
            targets += multi_hot
    if rows:
        logits = model.classifier(hidden[torch.tensor(rows, device=device), torch.tensor(cols, device=device)]).squeeze(-1)
        losses["classification"] = F.binary_cross_entropy_with_logits(
            logits, torch.tensor(targets, device=device, dtype=logits.dtype), reduction="sum")

    # Count head on every span task's [P].
    jobs = [(row, target, sample.encoded.marker_positions[target.task_index])
            for row, sample in enumerate(samples) for target in sample.span_targets]
    if not jobs:
        return _total(losses)
    p_rows = torch.tensor([row for row, _, _ in jobs], device=device)
    p_cols = torch.tensor([positions[0] for _, _, positions in jobs], device=device)
    count_logits = model.count_pred(hidden[p_rows, p_cols])
    counted = [i for i, (_, target, _) in enumerate(jobs) if target.count > 0]
    if counted:
        losses["count"] = F.cross_entropy(
            count_logits[counted], torch.tensor([jobs[i][1].count for i in counted], device=device), reduction="sum")

    # Span scores with teacher-forced counts.
    active = [(row, target, positions) for row, target, positions in jobs if target.count > 0]
    if not active:
        return _total(losses)
    f_rows = torch.tensor([row for row, _, p in active for _ in p[1:]], device=device)
    f_cols = torch.tensor([c for _, _, p in active for c in p[1:]], device=device)
    groups = torch.tensor([g for g, (_, _, p) in enumerate(active) for _ in p[1:]], device=device)
    steps = max(target.count for _, target, _ in active)
    queries = model.count_embed(hidden[f_rows, f_cols], steps, groups)  # [steps, fields, H]

    per_row: dict[int, list[torch.Tensor]] = {}
    gold: dict[int, list[tuple[int, int, int]]] = {}  # row -> (query index, start, width)
    offset = 0
    for row, target, positions in active:
        fields = len(positions) - 1
        base = sum(len(q) for q in per_row.get(row, []))
        per_row.setdefault(row, []).append(queries[: target.count, offset: offset + fields].reshape(-1, queries.shape[-1]))
        offset += fields
        for instance, field_index, start, width in target.spans:
            gold.setdefault(row, []).append((base + instance * fields + field_index, start, width))
    rows_used = sorted(per_row)
    stacked = [torch.cat(per_row[r]) for r in rows_used]
    padded = torch.zeros(len(rows_used), max(len(q) for q in stacked), queries.shape[-1], device=device, dtype=queries.dtype)
    query_mask = torch.zeros(len(rows_used), padded.shape[1], dtype=torch.bool, device=device)
    for i, q in enumerate(stacked):
        padded[i, : len(q)] = q
        query_mask[i, : len(q)] = True
    row_index = torch.tensor(rows_used, device=device)
    counts = torch.tensor([word_counts[r] for r in rows_used], device=device)
    logits = model.span_rep.score_queries(words[row_index], padded, counts)  # [B, Q, L, W]
    labels = torch.zeros_like(logits)
    for i, row in enumerate(rows_used):
        for query, start, width in gold.get(row, []):
            if start < logits.shape[2] and width < logits.shape[3]:
                labels[i, query, start, width] = 1.0
    valid = torch.isfinite(logits) & query_mask[:, :, None, None]
    drops = [_drop(samples[r], negative_drop) for r in rows_used]
    if model.training and any(drops):
        drops = torch.tensor(drops, device=device, dtype=logits.dtype)
        keep = (torch.rand_like(logits) >= drops[:, None, None, None]) | (labels > 0)
        # A sample whose file sets its own drop is partially annotated: what it leaves unmarked may
        # be a name, but a span it marks under one label is surely not another label's. Those
        # negatives stay (without them the model learns to give a name every label it is asked).
        partial = torch.tensor([samples[r].negative_drop is not None for r in rows_used], device=device)
        marked = labels.amax(dim=1, keepdim=True) > 0  # [B, 1, L, W]: gold under any query
        keep = keep | (marked & partial[:, None, None, None])
        valid = valid & keep
    losses["span"] = F.binary_cross_entropy_with_logits(logits[valid], labels[valid], reduction="sum")
    return _total(losses)


def _drop(sample: Sample, default: float) -> float:
    return default if sample.negative_drop is None else sample.negative_drop


def _total(losses: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    losses["total"] = losses["span"] + losses["count"] + losses["classification"]
    return losses
