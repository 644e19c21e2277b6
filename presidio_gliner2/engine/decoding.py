"""Span probabilities -> spans, records and labels; overlap policies; result formatting.

A candidate span is ``(text, confidence, char_start, char_end)``. The default policy
(``overlap_policy=None``) is the published span decoder: greedy by confidence, per
label, skipping a span that overlaps one already kept for that label.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from typing import Any, Callable, Iterable, Optional, Sequence

Span = tuple[str, float, int, int]

_POLICY_ALIASES = {
    "allow": "allow", "all": "allow", "none": "allow",
    "nested": "nested", "allow_nested": "nested",
    "flat": "disallow", "disallow": "disallow", "no_overlap": "disallow", "non_overlapping": "disallow",
    "longest": "longest", "keep_longest": "longest",
}


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
