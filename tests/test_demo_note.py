"""`make demo`'s sample note: every identifier redacted, with the right types and document class
(issue 10's first "done when"), through the healthcare deployment config on the bundled model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.support.models import needs_default
from tests.support.redaction import DEMO_PLANTED as PLANTED

@pytest.fixture(scope="module")
def demo():
    path = Path(__file__).resolve().parents[1] / "scripts" / "redact_sample.py"
    spec = importlib.util.spec_from_file_location("redact_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from presidio_gliner2 import Redactor

    return module.SAMPLE, Redactor(config="healthcare").redact(module.SAMPLE)


@needs_default
def test_every_planted_identifier_is_redacted_with_its_type(demo):
    sample, result = demo
    for value, types in PLANTED.items():
        assert value not in result.text, f"left unredacted: a {sorted(types)[0]}"
        start = sample.index(value)
        covering = {f["entity_type"] for f in result.findings if f["start"] < start + len(value) and start < f["end"]}
        assert covering & types, f"{sorted(types)[0]} reported as {sorted(covering)}"


@needs_default
def test_the_note_is_classified_as_a_clinical_document(demo):
    _, result = demo
    best = result.document_classes["document_type"][0]["label"]
    assert best in {"clinical note", "discharge summary"}
