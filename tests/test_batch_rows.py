"""The row logic the Spark and Ray jobs share (``presidio_gliner2.batch``), with a stand-in
Redactor: nulls, failing rows found one by one, errors without text, one Redactor per job."""

from __future__ import annotations

import json
import math

import pytest

from presidio_gliner2 import batch
from presidio_gliner2.redaction.redactor import RedactionResult


class StubRedactor:
    """Redacts every digit; raises (quoting the text) on a text containing "boom"."""

    def __init__(self):
        self.calls: list[int] = []

    def redact_batch(self, texts):
        self.calls.append(len(texts))
        if any("boom" in t for t in texts):
            raise ValueError(f"cannot redact {texts!r}")
        return [RedactionResult(text="".join("#" if c.isdigit() else c for c in t),
                                findings=[{"entity_type": "NUMBER", "start": i, "end": i + 1, "score": 1.0,
                                           "recognizer": "stub", "operator": "replace"}
                                          for i, c in enumerate(t) if c.isdigit()],
                                document_classes={"document_type": [{"label": "note", "score": 0.9}]})
                for t in texts]


def test_cells_become_four_columns_and_nulls_stay_null():
    values = ["call 555", None, float("nan"), "", "no digits"]
    out = batch.redact_values(StubRedactor(), values)
    assert list(out) == list(batch.SUFFIXES)
    assert out["redacted"] == ["call ###", None, None, "", "no digits"]
    assert json.loads(out["findings"][0])[0] == {"entity_type": "NUMBER", "start": 5, "end": 6, "score": 1.0,
                                                  "recognizer": "stub", "operator": "replace"}
    assert out["findings"][1:3] == ["[]", "[]"] and out["classes"][1:3] == ["{}", "{}"]
    assert json.loads(out["classes"][0]) == {"document_type": [{"label": "note", "score": 0.9}]}
    assert out["error"] == [None] * 5


def test_a_failing_row_is_found_and_only_it_is_marked():
    redactor = StubRedactor()
    values = ["a 1", "b 2", "boom 3", "c 4", "d 5"]
    out = batch.redact_values(redactor, values, chunk_size=4)
    assert out["redacted"] == ["a #", "b #", None, "c #", "d #"]
    assert out["findings"][2] is None and out["classes"][2] is None
    assert out["error"] == [None, None, "ValueError", None, None]
    assert redactor.calls == [4, 1, 1, 1, 1, 1]  # the failed chunk redone row by row; the next chunk whole


def test_a_cell_that_is_not_text_is_a_failed_row():
    out = batch.redact_values(StubRedactor(), ["x 1", 42, b"bytes"])
    assert out["error"] == [None, "TypeError", "TypeError"]
    assert out["redacted"][1:] == [None, None]


def test_raise_mode_names_the_class_and_never_the_text():
    with pytest.raises(batch.RowRedactionError) as raised:
        batch.redact_values(StubRedactor(), ["fine 1", "boom secret-value"], on_error="raise")
    assert "ValueError" in str(raised.value) and "row 1" in str(raised.value)
    assert "secret-value" not in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__  # the original stays out


def test_options_are_checked_by_name_against_the_redactor():
    assert batch.check_options({"config": "healthcare", "model": "default", "pseudonyms": True}) == {
        "config": "healthcare", "model": "default", "pseudonyms": True}
    with pytest.raises(TypeError, match="psuedonyms"):
        batch.check_options({"psuedonyms": True})
    with pytest.raises(TypeError, match="analyzer="):
        batch.check_options({"analyzer": None})
    with pytest.raises(ValueError, match="reversible"):
        batch.check_options({"reversible": True})


def test_output_columns_are_checked():
    assert batch.check_columns("note", ["id", "note"]) == {
        "redacted": "note_redacted", "findings": "note_findings", "classes": "note_classes", "error": "note_error"}
    with pytest.raises(ValueError, match="no column 'text'"):
        batch.check_columns("text", ["id", "note"])
    with pytest.raises(ValueError, match="note_error"):
        batch.check_columns("note", ["note", "note_error"])


def test_one_redactor_per_job_per_process(monkeypatch):
    built = []
    monkeypatch.setattr(batch, "build_redactor", lambda options: built.append(options) or object())
    monkeypatch.setattr(batch, "_redactors", type(batch._redactors)())
    first = batch.cached_redactor("job-a", {"config": "general"})
    assert batch.cached_redactor("job-a", {"config": "general"}) is first
    batch.cached_redactor("job-b", {"config": "finance"})
    assert len(built) == 2
    for job in range(batch._CACHED + 1):
        batch.cached_redactor(f"more-{job}", {})
    assert len(batch._redactors) == batch._CACHED  # bounded: old jobs' Redactors are let go


def test_missing_values_in_every_spelling():
    pd = pytest.importorskip("pandas")
    assert all(batch.is_missing(v) for v in (None, math.nan, pd.NA))
    assert not any(batch.is_missing(v) for v in ("", "nan", 0, 0.0))


def test_model_goes_to_the_analyzer_built_from_the_config():
    """The Redactor takes no model; the job builds the config's analyzer with it (here a config
    without a GLiNER2 entry, which build_analyzer refuses a model for, before loading anything)."""
    from tests.support.redaction import pattern_config

    with pytest.raises(ValueError, match="GLiNER2Recognizer"):
        batch.build_redactor({"config": str(pattern_config("finance")), "model": "default"})
