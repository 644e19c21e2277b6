"""Presidio's spaCy pass over long texts in pieces (redaction/nlp_pieces.py, issue 11): the same
tokens and offsets as one whole-text pass, texts beyond spaCy's max_length analyzed, not refused.
Pattern recognizers only (no model): the NLP pass is what is under test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import presidio_gliner2.redaction.nlp_pieces as nlp_pieces
from presidio_gliner2.redaction.analysis import analyze_batch
from tests.support.redaction import pattern_analyzer

SENTENCES = ["Patient seen today for follow-up of hypertension.", "Call Dr. Ames at 617-555-0142 if worse!",
             "Mail went to jane.roe@example.org\n", "Labs were reviewed; potassium 4.1 mmol/L.",
             "She  walks   daily\tand sleeps well?", "Next visit: 03/14/2024 at 10:30 am."]


def _text(n: int) -> str:
    return " ".join(SENTENCES[(i * 7) % len(SENTENCES)] for i in range(n))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list("ab .!?\n\t")), max_size=400), size=st.integers(5, 60))
def test_pieces_rejoin_to_the_text_and_stay_within_the_size(text, size):
    parts = nlp_pieces.pieces(text, size)
    assert "".join(parts) == text and all(len(p) <= size for p in parts)
    for part in parts[:-1]:  # a cut falls just after whitespace whenever half a piece has some
        assert part[-1].isspace() or not any(c.isspace() for c in part[len(part) // 2:])


@pytest.fixture(scope="module")
def engine():
    return pattern_analyzer("general").nlp_engine


def test_pieces_give_the_tokens_and_offsets_of_one_whole_pass(engine, monkeypatch):
    text = _text(400)  # about 18,000 characters
    monkeypatch.setattr(nlp_pieces, "PIECE_CHARS", 2_000)
    [whole] = [a for _, a in engine.process_batch([text], "en")]
    [pieced] = nlp_pieces.nlp_artifacts(engine, [text], "en")
    assert len(nlp_pieces.pieces(text, 2_000)) > 5
    assert pieced.tokens.text == text
    assert [t.text for t in pieced.tokens] == [t.text for t in whole.tokens]
    assert pieced.tokens_indices == whole.tokens_indices
    same = sum(a == b for a, b in zip(pieced.lemmas, whole.lemmas))
    assert same >= 0.99 * len(whole.lemmas)  # a tag near a cut may differ


def test_short_texts_keep_one_batched_pass(engine, monkeypatch):
    calls = []
    original = type(engine).process_batch
    monkeypatch.setattr(type(engine), "process_batch", lambda self, texts, language: calls.append(len(texts))
                        or original(self, texts, language))
    out = nlp_pieces.nlp_artifacts(engine, ["one note", "two notes", ""], "en")
    assert calls == [3] and [a.tokens.text for a in out] == ["one note", "two notes", ""]


def test_a_text_beyond_spacys_max_length_is_analyzed(monkeypatch):
    # spaCy refuses a text over nlp.max_length (1,000,000 characters) with E088; scaled down here.
    analyzer = pattern_analyzer("general")
    monkeypatch.setattr(analyzer.nlp_engine.nlp["en"], "max_length", 5_000)
    monkeypatch.setattr(nlp_pieces, "PIECE_CHARS", 2_000)
    text = _text(300) + " Last: write to late.mail@example.org."
    [analysis] = analyze_batch(analyzer, [text], classify=False)
    emails = [text[r.start:r.end] for r in analysis.results if r.entity_type == "EMAIL_ADDRESS"]
    assert "late.mail@example.org" in emails and emails.count("jane.roe@example.org") == text.count("jane.roe@")
