"""Quality of an entity pack on gold JSONL, measured through GLiNER2Recognizer itself (the same
label groups, per-label thresholds and classifier prompt a deployment uses).

Gold labels are the bundled model's label names (PII_LABELS). A pack label counts as the gold label
it is, or whose synonym it is; gold spans of labels the pack does not ask for are left out (the
pack does not promise them), and the report lists them.
"""

from __future__ import annotations

from typing import Optional, Sequence

from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY
from presidio_gliner2.training.evaluation import Report, gold_spans
from presidio_gliner2.training.labels import PII_LABELS


def gold_label_of(label: str) -> Optional[str]:
    """The PII_LABELS name a pack label stands for (itself or one of its synonyms), else None."""
    if label in PII_LABELS:
        return label
    lowered = label.lower()
    return next((name for name, item in PII_LABELS.items() if lowered in item.synonyms), None)


def evaluate_pack(recognizer, records: Sequence[dict]) -> dict:
    """Run ``recognizer`` (a GLiNER2Recognizer) over ``records``; the Report dict plus
    ``pack``, ``excluded_gold_labels`` and ``document_type`` accuracy where the pack classifies."""
    pack_labels = {item.label: gold_label_of(item.label) for item in recognizer.pack.labels()}
    covered = {gold for gold in pack_labels.values() if gold}
    texts = [record["input"] for record in records]
    report = Report()
    excluded: set[str] = set()
    doc_total = doc_correct = 0
    doc_labels = set(recognizer.classifiers["document_type"].labels) if "document_type" in recognizer.classifiers \
        else set()
    for record, (results, classes) in zip(records, recognizer.analyze_and_classify(texts)):
        gold = []
        for span in gold_spans(record):
            (gold.append(span) if span[0] in covered else excluded.add(span[0]))
        predicted = []
        for result in results:
            label = result.recognition_metadata[MODEL_LABEL_KEY]
            predicted.append((pack_labels.get(label) or label, result.start, result.end))
        report.add(record["input"], gold, predicted)
        truth = _true_document_type(record)
        if truth in doc_labels:
            doc_total += 1
            best = (classes.get("document_type") or [{}])[0].get("label")
            doc_correct += best == truth
    out = report.to_dict()
    out["pack"] = recognizer.pack.name
    out["excluded_gold_labels"] = sorted(excluded)
    if doc_labels:
        out["document_type"] = {"documents": doc_total, "accuracy": doc_correct / doc_total if doc_total else 0.0}
    return out


def _true_document_type(record: dict) -> Optional[str]:
    for task in record["output"].get("classifications") or []:
        if task.get("task") == "document_type":
            return task.get("true_label")
    return None
