"""Overlap policies and result formatting on hand-made candidate spans."""

import pytest

from presidio_gliner2.engine.decoding import finalize_spans, format_results, normalize_overlap_policy


def span(start, end, confidence):
    return (f"{start}-{end}", confidence, start, end)


CANDIDATES = [span(0, 10, 0.6), span(0, 4, 0.9), span(5, 10, 0.8), span(3, 7, 0.7), span(20, 25, 0.5)]


def bounds(spans):
    return [(s[2], s[3]) for s in spans]


def test_default_is_greedy_by_confidence_without_overlaps():
    assert bounds(finalize_spans(CANDIDATES)) == [(0, 4), (5, 10), (20, 25)]


def test_allow_keeps_every_distinct_span_ranked():
    duplicated = CANDIDATES + [span(0, 4, 0.3)]
    assert bounds(finalize_spans(duplicated, policy="allow")) == [(0, 4), (5, 10), (3, 7), (0, 10), (20, 25)]


def test_nested_rejects_only_crossing_spans():
    assert bounds(finalize_spans(CANDIDATES, policy="nested")) == [(0, 4), (5, 10), (0, 10), (20, 25)]


def test_longest_drops_strictly_contained_spans():
    assert bounds(finalize_spans(CANDIDATES, policy="longest")) == [(0, 10), (20, 25)]


def test_flat_maximises_total_confidence():
    # (0,4)+(5,10) = 1.7 beats (0,10) = 0.6 and (3,7) = 0.7.
    assert bounds(finalize_spans(CANDIDATES, policy="disallow")) == [(0, 4), (5, 10), (20, 25)]
    heavy = [span(0, 10, 0.99), span(0, 4, 0.3), span(5, 10, 0.3)]
    assert bounds(finalize_spans(heavy, policy="flat")) == [(0, 10)]


def test_str_dtype_keeps_the_best_span_only():
    assert bounds(finalize_spans(CANDIDATES, dtype="str")) == [(0, 4)]


def test_unknown_policy_is_named():
    with pytest.raises(ValueError, match="greedy"):
        normalize_overlap_policy("greedy")


def test_formatting_dedupes_by_text_without_spans_and_by_offsets_with_spans():
    raw = {
        "entities": [{"person": ["John", "john", "Mary"], "id": [
            {"text": "A1", "start": 0, "end": 2}, {"text": "A1", "start": 9, "end": 11}]}],
        "doc": ("note", 0.9),
        "works_for": [("John", "Acme")],
    }
    out = format_results(raw, include_confidence=False, relation_order=["works_for", "owns"], classification_tasks=["doc"])
    assert out["entities"] == {"person": ["John", "Mary"], "id": raw["entities"][0]["id"]}
    assert out["doc"] == "note"
    assert out["relation_extraction"] == {"works_for": [("John", "Acme")], "owns": []}
