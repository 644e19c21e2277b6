"""Span-level quality: precision, recall and F1 per label (exact boundaries and any
overlap), type-agnostic scores, and the leak rate: the share of gold PII characters
(whitespace excluded) that no prediction covers. Leak rate is what a redactor cares
about: a character left uncovered is a character disclosed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

Gold = tuple[str, int, int]  # label, start, end


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "support": self.tp + self.fn}


@dataclass
class Report:
    exact: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    overlap: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    agnostic_exact: Counts = field(default_factory=Counts)
    agnostic_overlap: Counts = field(default_factory=Counts)
    gold_chars: int = 0
    leaked_chars: int = 0
    documents: int = 0

    @property
    def leak_rate(self) -> float:
        return self.leaked_chars / self.gold_chars if self.gold_chars else 0.0

    def to_dict(self) -> dict:
        labels = sorted(set(self.exact) | set(self.overlap))
        return {
            "documents": self.documents,
            "type_agnostic": {"exact": self.agnostic_exact.scores(), "overlap": self.agnostic_overlap.scores()},
            "micro": {"exact": _sum(self.exact.values()).scores(), "overlap": _sum(self.overlap.values()).scores()},
            "leak_rate": self.leak_rate,
            "per_label": {l: {"exact": self.exact[l].scores(), "overlap": self.overlap[l].scores()} for l in labels},
        }

    def add(self, text: str, gold: Sequence[Gold], predicted: Sequence[Gold]) -> None:
        self.documents += 1
        _match(gold, predicted, self.exact, lambda g, p: g == p)
        _match(gold, predicted, self.overlap, lambda g, p: g[0] == p[0] and g[1] < p[2] and p[1] < g[2])
        _match_agnostic(gold, predicted, self.agnostic_exact, lambda g, p: g[1:] == p[1:])
        _match_agnostic(gold, predicted, self.agnostic_overlap, lambda g, p: g[1] < p[2] and p[1] < g[2])
        covered = set()
        for _, start, end in predicted:
            covered.update(range(start, end))
        for _, start, end in gold:
            for index in range(start, end):
                if not text[index].isspace():
                    self.gold_chars += 1
                    self.leaked_chars += index not in covered


def _sum(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
    return total


def _match(gold, predicted, table, same: Callable) -> None:
    used = set()
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and same(g, p)), None)
        if hit is None:
            table[g[0]].fn += 1
        else:
            used.add(hit)
            table[g[0]].tp += 1
    for i, p in enumerate(predicted):
        if i not in used:
            table[p[0]].fp += 1


def _match_agnostic(gold, predicted, counts: Counts, same: Callable) -> None:
    used = set()
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and same(g, p)), None)
        if hit is None:
            counts.fn += 1
        else:
            used.add(hit)
            counts.tp += 1
    counts.fp += sum(1 for i in range(len(predicted)) if i not in used)


def gold_spans(record: dict) -> list[Gold]:
    """Explicit-span gold of a record (string mentions: every occurrence)."""
    text = record["input"]
    spans = []
    for label, mentions in (record["output"].get("entities") or {}).items():
        for mention in mentions:
            if isinstance(mention, dict):
                spans.append((label, mention["start"], mention["end"]))
            else:
                start = text.find(mention)
                while start >= 0:
                    spans.append((label, start, start + len(mention)))
                    start = text.find(mention, start + 1)
    return spans


def evaluate_model(model, records: Sequence[dict], labels: dict[str, str], threshold: float = 0.5,
                   batch_size: int = 8, label_map: dict[str, str] | None = None,
                   labels_per_prompt: int | None = None) -> Report:
    """Run ``model`` over ``records`` asking for ``labels`` ({name: description}) and
    score against gold. ``label_map`` renames predicted labels to gold labels.

    ``labels_per_prompt`` splits the labels into groups, one prompt each, the way the bundled
    model was trained (at most 16 labels per prompt) and the way the recognizer asks."""
    report = Report()
    texts = [r["input"] for r in records]
    names = list(labels)
    size = labels_per_prompt or len(names) or 1
    groups = [names[i:i + size] for i in range(0, len(names), size)] or [[]]
    results = [dict() for _ in texts]
    for group in groups:
        schema = {name: labels[name] for name in group}
        for merged, result in zip(results, model.batch_extract_entities(
                texts, schema, batch_size=batch_size, threshold=threshold, include_spans=True)):
            merged.update(result.get("entities", {}))
    label_map = label_map or {}
    for record, entities in zip(records, results):
        predicted = [
            (label_map.get(label, label), item["start"], item["end"])
            for label, items in entities.items()
            for item in (items if isinstance(items, list) else [items] if items else [])
        ]
        report.add(record["input"], gold_spans(record), predicted)
    return report
