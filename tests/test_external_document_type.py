"""scripts/external_document_type.py: external train records asked their document type, "other"."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from presidio_gliner2.training.data import align_record
from presidio_gliner2.training.labels import DOCUMENT_TYPES, OTHER_DOCUMENT_TYPE

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("external_document_type", ROOT / "scripts" / "external_document_type.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(source: str) -> dict:
    return {"input": "Ada Quist joined the Leeds Rovers.",
            "output": {"entities": {"person": [{"text": "Ada Quist", "start": 0, "end": 9}], "location": []}},
            "meta": {"source": source}}


def test_a_seeded_share_of_external_records_is_asked_and_the_answer_is_other():
    script = _script()
    records = [_record("gum") for _ in range(400)]
    out = script.with_document_type(records)
    assert out == script.with_document_type(records)  # seeded
    asked = [r["output"]["classifications"][0] for r in out if r["output"].get("classifications")]
    assert 0.6 * len(records) < len(asked) < 0.8 * len(records)
    for task in asked:
        assert task["task"] == "document_type" and task["true_label"] == OTHER_DOCUMENT_TYPE
        assert OTHER_DOCUMENT_TYPE in task["labels"] and set(task["labels"]) - {OTHER_DOCUMENT_TYPE} <= set(DOCUMENT_TYPES)
    assert all("classifications" not in r["output"] for r in records)  # the input is untouched
    example = align_record(next(r for r in out if r["output"].get("classifications")))
    assert example.classifications[0]["true_label"] == OTHER_DOCUMENT_TYPE and example.entities["person"]


def test_a_source_not_known_to_be_other_is_refused():
    with pytest.raises(ValueError, match="synth"):
        _script().with_document_type([_record("synth")])
