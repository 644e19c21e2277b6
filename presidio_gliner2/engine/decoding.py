"""Span probabilities -> spans, records and labels; overlap policies; result formatting.

A candidate span is ``(text, confidence, char_start, char_end)``. The default policy
(``overlap_policy=None``) is the published span decoder: greedy by confidence, per
label, skipping a span that overlaps one already kept for that label.

``decode_document`` turns the heads' output for each window of a document into its raw
result (document offsets, merged across windows); ``format_results`` gives that the
public shape, the same as the reference library's.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Optional, Sequence, TypeVar

import torch

from presidio_gliner2.engine.schema import CompiledSchema, Field, Task

if TYPE_CHECKING:  # only for annotations: decoding reads these, it never builds them
    from presidio_gliner2.engine.model import WindowOutput
    from presidio_gliner2.engine.windows import Document, Window

Span = tuple[str, float, int, int]

_POLICY_ALIASES = {
    "allow": "allow", "all": "allow", "none": "allow",
    "nested": "nested", "allow_nested": "nested",
    "flat": "disallow", "disallow": "disallow", "no_overlap": "disallow", "non_overlapping": "disallow",
    "longest": "longest", "keep_longest": "longest",
}

T = TypeVar("T")


def normalize_overlap_policy(policy: Optional[str]) -> Optional[str]:
    """None (the greedy default) or one of allow, nested, disallow (flat), longest."""
    if policy is None:
        return None
    if not isinstance(policy, str):
        raise TypeError(f"overlap_policy must be a string or None, got {type(policy).__name__}")
    try:
        return _POLICY_ALIASES[policy.strip().lower().replace("-", "_")]
    except KeyError:
        raise ValueError(
            f"Unknown overlap_policy {policy!r}; use None, 'allow', 'nested', 'flat' (or 'disallow') or 'longest'"
        ) from None


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _rank_key(row: tuple[int, Span]) -> tuple:
    index, span = row
    return (-span[1], span[2], span[3], index)


def resolve_overlaps(spans: Sequence[Span], policy: str) -> list[Span]:
    """Apply an explicit policy; results ranked by confidence, then start, then end."""
    if not spans:
        return []
    seen: set[tuple[int, int]] = set()
    distinct = []
    for row in sorted(enumerate(spans), key=_rank_key):
        bounds = (row[1][2], row[1][3])
        if bounds not in seen:
            seen.add(bounds)
            distinct.append(row)
    if policy == "allow":
        return [span for _, span in distinct]
    if policy == "nested":
        kept: list[tuple[int, Span]] = []
        for row in distinct:
            s, e = row[1][2], row[1][3]
            crossing = any(
                _overlaps(s, e, k[2], k[3]) and not ((s <= k[2] and k[3] <= e) or (k[2] <= s and e <= k[3]))
                for _, k in kept
            )
            if not crossing:
                kept.append(row)
        return [span for _, span in kept]
    if policy == "longest":
        return [
            span
            for _, span in distinct
            if not any(
                o[2] <= span[2] and span[3] <= o[3] and (o[2] < span[2] or span[3] < o[3]) for _, o in distinct
            )
        ]
    return _max_weight_non_overlapping(distinct)


def _max_weight_non_overlapping(distinct: list[tuple[int, Span]]) -> list[Span]:
    """Weighted interval scheduling; ties prefer more spans, then the better-ranked set."""
    by_end = sorted(distinct, key=lambda row: (row[1][3], row[1][2], -row[1][1], row[0]))
    ends = [row[1][3] for row in by_end]
    previous = [bisect.bisect_right(ends, row[1][2], 0, i) - 1 for i, row in enumerate(by_end)]
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]

    def ranking(selection: tuple[int, ...]) -> tuple:
        return tuple(_rank_key(row) for row in sorted((by_end[i] for i in selection), key=_rank_key))

    for i, row in enumerate(by_end):
        score, chosen = best[previous[i] + 1]
        take = (score + row[1][1], chosen + (i,))
        skip = best[i]
        if take[0] != skip[0]:
            best.append(take if take[0] > skip[0] else skip)
        elif len(take[1]) != len(skip[1]):
            best.append(take if len(take[1]) > len(skip[1]) else skip)
        else:
            best.append(take if ranking(take[1]) < ranking(skip[1]) else skip)
    selected = sorted((by_end[i] for i in best[-1][1]), key=_rank_key)
    return [span for _, span in selected]


def finalize_spans(spans: Sequence[Span], dtype: str = "list", policy: Optional[str] = None) -> list[Span]:
    """Resolve overlaps within one label/field; a ``str`` field keeps only the best span."""
    if policy is None:
        kept: list[Span] = []
        starts: list[int] = []  # kept spans never overlap, so sorted starts imply sorted ends
        ends: list[int] = []
        for span in sorted(spans, key=lambda s: s[1], reverse=True):  # stable: ties keep position order
            index = bisect.bisect_right(starts, span[2])
            if (index and ends[index - 1] > span[2]) or (index < len(starts) and starts[index] < span[3]):
                continue
            starts.insert(index, span[2])
            ends.insert(index, span[3])
            kept.append(span)
    else:
        kept = resolve_overlaps(spans, policy)
    return kept if dtype == "list" else kept[:1]


def span_item(span: Span, include_confidence: bool, include_spans: bool) -> Any:
    text, confidence, start, end = span
    if not include_confidence and not include_spans:
        return text
    item: dict[str, Any] = {"text": text}
    if include_confidence:
        item["confidence"] = confidence
    if include_spans:
        item["start"], item["end"] = start, end
    return item


# ---------------------------------------------------------------------------
# Formatting raw results into the public payload (same shapes as the reference).


def _dedupe_items(values: Iterable[Any]) -> list[Any]:
    unique, seen = [], set()
    for value in values:
        if isinstance(value, dict):
            text = value.get("text", "")
            key = (text.lower(), value.get("start"), value.get("end"))
        else:
            text, key = value, (value.lower() if value else value)
        if text and key not in seen:
            seen.add(key)
            unique.append(value)
    return unique


def _format_record(record: dict) -> dict:
    formatted = {}
    for name, value in record.items():
        if isinstance(value, list):
            formatted[name] = _dedupe_items(value)
        else:
            formatted[name] = value or None
    return formatted


def _format_classification(value: Any, include_confidence: bool) -> Any:
    if isinstance(value, list):
        return [{"label": l, "confidence": c} if include_confidence else l for l, c in value]
    if isinstance(value, tuple):
        label, confidence = value
        return {"label": label, "confidence": confidence} if include_confidence else label
    return value


def format_results(
    raw: dict, include_confidence: bool, relation_order: Sequence[str], classification_tasks: Sequence[str]
) -> dict:
    formatted: dict[str, Any] = {}
    relations: "OrderedDict[str, list]" = OrderedDict()
    for key, value in raw.items():
        if key in classification_tasks:
            formatted[key] = _format_classification(value, include_confidence)
        elif key in relation_order or (
            isinstance(value, list) and value and (
                isinstance(value[0], tuple) or (isinstance(value[0], dict) and "head" in value[0] and "tail" in value[0])
            )
        ):
            relations[key] = value if isinstance(value, list) else []
        elif isinstance(value, list):
            if not value:
                formatted[key] = {} if key == "entities" else []
            elif key == "entities":
                formatted[key] = _format_record(value[0])
            else:
                formatted[key] = [_format_record(instance) for instance in value]
        elif isinstance(value, dict):
            formatted[key] = _format_record(value)
        else:
            formatted[key] = value
    for name in relation_order:
        relations.setdefault(name, [])
    if relations:
        formatted["relation_extraction"] = dict(relations)
    return formatted


# ---------------------------------------------------------------------------
# The heads' output for a document's windows -> its raw result (document offsets).

Part = tuple["Window", "WindowOutput"]  # one window of a document and what the heads said about it


@dataclass(frozen=True)
class DecodeOptions:
    threshold: float  # the default for fields without their own
    policy: Optional[str]  # a normalized overlap policy, or None for the greedy default
    include_confidence: bool = False
    include_spans: bool = False


def decode_document(doc: "Document", parts: list[Part], options: DecodeOptions) -> dict:
    """Every task of the document's schema, decoded across all its windows."""
    raw: "OrderedDict[str, Any]" = OrderedDict()
    single = len(parts) == 1
    for task_index, task in enumerate(doc.schema.tasks):
        if task.kind == "classifications":
            # A label's document score is its best score in any window.
            probabilities = torch.stack(
                [class_probabilities(task, out.class_logits[task_index]) for _, out in parts]
            ).max(0).values
            raw[task.name] = decode_classification(task, probabilities)
        elif task.kind == "entities":
            raw[task.name] = _decode_entities(doc, task, task_index, parts, options)
        else:
            raw[task.name] = _decode_instances(doc, task, task_index, parts, options, single)
    return raw


def empty_result(schema: CompiledSchema) -> dict:
    """What a text with no words yields: every requested key, nothing found."""
    raw: "OrderedDict[str, Any]" = OrderedDict()
    for task in schema.tasks:
        if task.kind == "entities":
            raw[task.name] = [OrderedDict((f.name, [] if f.dtype == "list" else "") for f in task.fields)]
        elif task.kind == "classifications":
            raw[task.name] = [] if task.classification.get("multi_label") else None
        else:
            raw[task.name] = []
    return raw


def class_probabilities(task: Task, logits: torch.Tensor) -> torch.Tensor:
    """Sigmoid for multi-label tasks (or ``class_act="sigmoid"``), softmax otherwise."""
    config = task.classification
    activation = config.get("class_act", "auto")
    multi = config.get("multi_label", False)
    if activation == "sigmoid" or (activation == "auto" and multi):
        return torch.sigmoid(logits)
    return torch.softmax(logits, dim=-1)


def decode_classification(task: Task, probabilities: torch.Tensor) -> Any:
    """The best label with its score, or (multi-label) every label over ``cls_threshold``."""
    config = task.classification
    labels = list(config["labels"])
    values = probabilities.tolist()
    if not config.get("multi_label", False):
        best = int(torch.argmax(probabilities))
        return (labels[best], values[best])
    threshold = config.get("cls_threshold", 0.5)
    chosen = [(label, p) for label, p in zip(labels, values) if p >= threshold]
    if not chosen:
        best = int(torch.argmax(probabilities))
        chosen = [(labels[best], values[best])]
    if config.get("top_k") is not None:
        chosen = sorted(chosen, key=lambda pair: pair[1], reverse=True)[: config["top_k"]]
    return chosen


def _window_spans(doc: "Document", window: "Window", probs: torch.Tensor, threshold: float) -> list[Span]:
    """Candidates >= threshold from one (instance, field) score grid [L, W], in doc offsets."""
    prefix = window.encoded.num_prefix_words
    text_probs = probs[prefix:]
    n_words = window.word_end - window.word_start
    selected = text_probs >= threshold
    starts, widths = torch.nonzero(selected, as_tuple=True)
    confidences = text_probs[selected].tolist()  # same row-major order as nonzero
    spans = []
    first_cut = window.word_start > 0
    last_cut = window.word_end < len(doc.words)
    for s, w, confidence in zip(starts.tolist(), widths.tolist(), confidences):
        e = s + w  # last word, inclusive
        if e >= n_words:
            continue
        # A span touching a cut edge is seen whole by the neighbouring window.
        if (first_cut and s == 0) or (last_cut and e == n_words - 1):
            continue
        start_word, end_word = doc.words[window.word_start + s], doc.words[window.word_start + e]
        spans.append((doc.model_text[start_word.start:end_word.end].strip(), confidence,
                      start_word.start, end_word.end))
    return spans


def _field_spans(doc: "Document", task: Task, field: Field, parts: list[Part], task_index: int, instance: int,
                 threshold: float, options: DecodeOptions) -> list[Span]:
    """One field's spans for one instance, merged across windows, validated, overlaps resolved."""
    field_index = task.fields.index(field)
    spans: list[Span] = []
    for window, out in parts:
        grid = out.span_probabilities.get(task_index)
        if grid is None or instance >= grid.shape[0]:
            continue
        spans += _window_spans(doc, window, grid[instance, field_index], threshold)
    if len(parts) > 1:
        spans = _best_per_boundary(spans)
    if field.validators:
        spans = [s for s in spans if all(v.validate(s[0]) for v in field.validators)]
    spans = finalize_spans(spans, field.dtype, options.policy)
    return _clip(spans, doc.text)


def _field_threshold(field: Field, options: DecodeOptions) -> float:
    return field.threshold if field.threshold is not None else options.threshold


def _decode_entities(doc: "Document", task: Task, task_index: int, parts: list[Part], options: DecodeOptions) -> list:
    if not any(out.counts.get(task_index, 0) > 0 for _, out in parts):
        return []
    by_name = {f.name: f for f in task.fields}
    found: "OrderedDict[str, Any]" = OrderedDict()
    for name in task.output_order:
        field = by_name.get(name)
        if field is None:
            continue
        spans = _field_spans(doc, task, field, parts, task_index, 0, _field_threshold(field, options), options)
        found[name] = _field_value(spans, field.dtype, options, empty_str="")
    return [found] if found else []


def _decode_instances(doc: "Document", task: Task, task_index: int, parts: list[Part], options: DecodeOptions,
                      single: bool) -> Any:
    """Structure records or relation pairs: each window's instances, repeats across windows dropped."""
    counts = [out.counts.get(task_index, 0) for _, out in parts]
    if max(counts) <= 0:
        return [] if task.kind == "relations" else {}
    decode_instance = _relation_instance if task.kind == "relations" else _structure_instance
    instances: list[Any] = []
    seen: set = set()
    for part, count in zip(parts, counts):
        for instance in range(count):
            value = decode_instance(doc, task, task_index, [part], instance, options)
            if value is None:
                continue
            if not single:
                key = repr(value)
                if key in seen:
                    continue
                seen.add(key)
            instances.append(value)
    return instances


def _relation_instance(doc: "Document", task: Task, task_index: int, parts: list[Part], instance: int,
                       options: DecodeOptions) -> Any:
    threshold = task.threshold if task.threshold is not None else options.threshold
    values = []
    for name in task.output_order:
        field = next((f for f in task.fields if f.name == name), None)
        if field is None:
            continue
        spans = _field_spans(doc, task, field, parts, task_index, instance, threshold, options)
        values.append(spans[0] if spans else None)
    if len(values) != 2 or not values[0] or not values[1]:
        return None
    head, tail = values
    if not options.include_confidence and not options.include_spans:
        return (head[0], tail[0])
    return {"head": span_item(head, options.include_confidence, options.include_spans),
            "tail": span_item(tail, options.include_confidence, options.include_spans)}


def _structure_instance(doc: "Document", task: Task, task_index: int, parts: list[Part], instance: int,
                        options: DecodeOptions) -> Optional[dict]:
    record: "OrderedDict[str, Any]" = OrderedDict()
    by_name = {f.name: f for f in task.fields}
    for name in task.output_order:
        field = by_name.get(name)
        if field is None:
            continue
        threshold = _field_threshold(field, options)
        if field.choices:
            record[name] = _decode_choice(field, task, task_index, parts, instance, threshold, options)
        else:
            spans = _field_spans(doc, task, field, parts, task_index, instance, threshold, options)
            record[name] = _field_value(spans, field.dtype, options, empty_str=None)
    if any(v is not None and v != [] for v in record.values()):
        return record
    return None


def _decode_choice(field: Field, task: Task, task_index: int, parts: list[Part], instance: int, threshold: float,
                   options: DecodeOptions) -> Any:
    """Choice fields read the width-0 score at each choice's word in the prefix."""
    best_per_choice: dict[str, float] = {}
    for window, out in parts:
        grid = out.span_probabilities.get(task_index)
        if grid is None or instance >= grid.shape[0]:
            continue
        prefix = window.encoded.num_prefix_words
        scores = grid[instance, task.fields.index(field), :prefix, 0]
        words = [w.lower() for w in window.encoded.prefix_words]
        for choice in field.choices:
            if choice.lower() in words:
                score = float(scores[words.index(choice.lower())])
                best_per_choice[choice] = max(score, best_per_choice.get(choice, -1.0))
    if field.dtype == "list":
        chosen = []
        for choice in dict.fromkeys(field.choices):
            score = best_per_choice.get(choice)
            if score is not None and score >= threshold:
                chosen.append({"text": choice, "confidence": score} if options.include_confidence else choice)
        return chosen
    best, best_score = None, -1.0
    for choice in field.choices:
        score = best_per_choice.get(choice)
        if score is not None and score > best_score:
            best, best_score = choice, score
    if best and best_score >= threshold:
        return {"text": best, "confidence": best_score} if options.include_confidence else best
    return None


def _field_value(spans: list[Span], dtype: str, options: DecodeOptions, empty_str: Any) -> Any:
    confidence, with_spans = options.include_confidence, options.include_spans
    if dtype == "list":
        return [span_item(s, confidence, with_spans) for s in spans]
    if spans:
        return span_item(spans[0], confidence, with_spans)
    return empty_str if not confidence and not with_spans else None


def best_per_key(items: Iterable[T], key: Callable[[T], Hashable], score: Callable[[T], float]) -> list[T]:
    """One item per key, the highest-scoring (the first of equals), in first-seen key order."""
    best: dict[Hashable, T] = {}
    for item in items:
        k = key(item)
        if k not in best or score(item) > score(best[k]):
            best[k] = item
    return list(best.values())


def _best_per_boundary(spans: list[Span]) -> list[Span]:
    """Across overlapping windows, one candidate per (start, end): the most confident."""
    return sorted(best_per_key(spans, lambda s: (s[2], s[3]), lambda s: s[1]), key=lambda s: (s[2], s[3]))


def _clip(spans: list[Span], text: str) -> list[Span]:
    """Keep offsets inside the caller's text (the model saw an extra final period)."""
    limit = len(text)
    clipped, seen = [], set()
    for value, confidence, start, end in spans:
        if end > limit:
            value = text[start:limit].rstrip()
            end = start + len(value)
            if not value:
                continue
        if (start, end) in seen:  # two candidates that differed only by the period
            continue
        seen.add((start, end))
        clipped.append((value, confidence, start, end))
    return clipped
