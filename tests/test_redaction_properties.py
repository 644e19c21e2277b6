"""Property tests (hypothesis, bounded): results lie inside the text, are non-empty and trimmed;
redaction changes nothing outside the findings; a reversible redaction restores exactly.

The model is a random-head test checkpoint, which finds spans all over arbitrary text: good for
exercising offsets and overlaps, not for content.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult

from presidio_gliner2 import Redactor
from presidio_gliner2.redaction.overlaps import apply_checksum_precedence, disjoint_findings, drop_contained
from tests.support.redaction import gliner2_analyzer, outside_unchanged

PII_TOKENS = ["4539 1488 0343 6467", "jane.roe@example.org", "617-555-0142", "GB82 WEST 1234 5698 7654 32",
              "536-22-8714", "021000021", "Jane Roe", "03/14/1958", "<PERSON_1>", "http://x.example.com/a?b=1"]
WORDS = ["patient", "seen", "on", "by", "Dr.", "card", "account", "MRN", "café", "naïve", "日本", "—", ",", ".",
         "\n", "\t", "  ", "(", ")", ":"]
SEGMENT = st.one_of(st.sampled_from(PII_TOKENS), st.sampled_from(WORDS),
                    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12))
TEXTS = st.lists(SEGMENT, max_size=14).map(lambda parts: " ".join(parts))
# A few entities keep the prompt to one group, so each example is one short model pass.
ENTITIES = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "US_SSN", "MEDICAL_RECORD_NUMBER"]
SETTINGS = settings(max_examples=10, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def redactor(minilm_dir):
    return Redactor(analyzer=gliner2_analyzer(minilm_dir, "healthcare"), reversible=True, entities=ENTITIES)


def _well_formed(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    return 0 <= start < end <= len(text) and span == span.strip() and span != ""


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_results_and_redaction_properties(redactor, texts):
    for text, results in zip(texts, redactor.analyze_batch(texts)):
        for result in results:
            assert _well_formed(text, result.start, result.end), (result.entity_type, result.start, result.end)
    for text, redacted in zip(texts, redactor.redact_batch(texts)):
        spans = [(f["start"], f["end"]) for f in redacted.findings]
        assert all(_well_formed(text, s, e) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "findings overlap"
        assert outside_unchanged(text, redacted)
        assert Redactor.restore(redacted.text, redacted.mapping) == text


@st.composite
def _results(draw):
    text = draw(st.text(alphabet="ab 1-.", min_size=1, max_size=40))
    results = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        gliner = draw(st.booleans())
        validated = not gliner and draw(st.booleans())
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: "CreditCardRecognizer" if validated else "Other"}
        if gliner:
            metadata["model_label"] = "x"
        score = 1.0 if validated else draw(st.floats(0.01, 0.99))
        results.append(RecognizerResult(draw(st.sampled_from(["A", "B", "C"])), start, end, score,
                                         recognition_metadata=metadata))
    return text, results


def _covered(text, results):
    return {i for r in results for i in range(r.start, r.end) if not text[i].isspace()}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(case=_results())
def test_overlap_rules_never_uncover_a_character(case):
    text, results = case
    ruled = apply_checksum_precedence(text, results)
    # The checksum rule only drops pieces without a letter or digit.
    lost = _covered(text, results) - _covered(text, ruled)
    assert all(not text[i].isalnum() for i in lost)
    kept = drop_contained(ruled)
    assert _covered(text, kept) == _covered(text, ruled)
    assert all(any(k is r for r in ruled) for k in kept)
    findings = disjoint_findings(text, ruled)
    assert _covered(text, disjoint_findings(text, kept)) == _covered(text, findings)
    assert _covered(text, ruled) <= _covered(text, findings)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert all(text[f.start:f.end] == text[f.start:f.end].strip() != "" for f in findings)
