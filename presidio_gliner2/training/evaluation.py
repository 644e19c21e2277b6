"""Span-level quality: precision, recall and F1 per label (exact boundaries and any
overlap), type-agnostic scores, and the leak rate: the share of gold PII characters
(whitespace excluded) that no prediction covers. Leak rate is what a redactor cares
about: a character left uncovered is a character disclosed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

Gold = tuple[str, int, int]  # label, start, end
Scored = tuple[str, float, int, int]  # a prediction: label, confidence, start, end


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


def record_schema(record: dict, descriptions: bool = True,
                  known: dict[str, str] | None = None) -> dict[str, str | None]:
    """The labels a gold record is annotated for, as its annotators named them: the question
    each document is asked in evaluation. With ``descriptions``, each label carries the record's
    own description, else the one ``known`` gives for that name."""
    output = record["output"]
    described = {**(known or {}), **(output.get("entity_descriptions") or {})} if descriptions else {}
    return {label: described.get(label) or None for label in output.get("entities") or {}}


def evaluate_model(model, records: Sequence[dict], labels: dict[str, str | None] | None = None,
                   threshold: float = 0.5, batch_size: int = 8, label_map: dict[str, str] | None = None,
                   labels_per_prompt: int | None = None, descriptions: bool = True,
                   known_descriptions: dict[str, str] | None = None,
                   select: Callable[[list[Scored]], list[Scored]] | None = None) -> Report:
    """Run ``model`` over ``records`` and score against gold.

    ``labels`` ({name: description or None}) asks every document the same question; without it
    each record is asked for its own labels (``record_schema``), which is how generated data with
    synonym label names must be scored. Gold and predicted labels are renamed through the
    record's ``meta.label_map`` (shown name -> canonical type, written by the generator) and then
    ``label_map``, so scores are reported per entity type. ``labels_per_prompt`` splits the
    labels into groups, one prompt each, the way the bundled model was trained (at most 16
    labels per prompt) and the way the recognizer asks. ``select``, given each document's
    predictions as ``(label, confidence, start, end)``, returns the ones to score (the dev
    benchmark counts one finding per value, as its pipelines do)."""
    report = Report()
    jobs: dict[tuple, list[int]] = {}  # one prompt (a label group) -> the records asked it
    for index, record in enumerate(records):
        schema = labels if labels is not None else record_schema(record, descriptions, known_descriptions)
        names = list(schema)
        size = labels_per_prompt or len(names) or 1
        for first in range(0, len(names), size):
            group = tuple((name, schema[name] or None) for name in names[first:first + size])
            jobs.setdefault(group, []).append(index)
    found: list[dict] = [{} for _ in records]
    for group, indexes in jobs.items():
        results = model.batch_extract_entities([records[i]["input"] for i in indexes], dict(group),
                                               batch_size=batch_size, threshold=threshold, include_spans=True,
                                               include_confidence=select is not None)
        for index, result in zip(indexes, results):
            found[index].update(result.get("entities", {}))
    for record, entities in zip(records, found):
        rename = {**((record.get("meta") or {}).get("label_map") or {}), **(label_map or {})}
        scored = [
            (label, item.get("confidence", 1.0), item["start"], item["end"])
            for label, items in entities.items()
            for item in (items if isinstance(items, list) else [items] if items else [])
        ]
        if select is not None:
            scored = select(scored)
        predicted = [(rename.get(label, label), start, end) for label, _, start, end in scored]
        gold = [(rename.get(label, label), start, end) for label, start, end in gold_spans(record)]
        report.add(record["input"], gold, predicted)
    return report


def markdown_report(report: dict) -> str:
    """A report (``Report.to_dict()``) as the Markdown tables of the model card."""
    lines = ["| entity type | support | P | R | F1 | P (overlap) | R (overlap) | F1 (overlap) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    rows = list(report["per_label"].items()) + [("**micro**", report["micro"]), ("**type-agnostic**", report["type_agnostic"])]
    for label, scores in rows:
        exact, overlap = scores["exact"], scores["overlap"]
        lines.append(f"| {label} | {exact['support']} | {exact['precision']:.3f} | {exact['recall']:.3f} | "
                     f"{exact['f1']:.3f} | {overlap['precision']:.3f} | {overlap['recall']:.3f} | {overlap['f1']:.3f} |")
    lines += ["", f"Documents: {report['documents']}. Leak rate (gold PII characters, whitespace excluded, "
              f"not covered by any prediction): **{report['leak_rate']:.4f}**."]
    return "\n".join(lines)
