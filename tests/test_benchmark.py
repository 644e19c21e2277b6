"""The dev benchmark (presidio-gliner2 eval --configs): scores every system on the same sets."""

from __future__ import annotations

import json

import pytest

from presidio_gliner2.redaction.benchmark import (f_beta, markdown, model_row, one_finding_per_value, pipeline_row,
                                                 read_sets)
from presidio_gliner2.training.evaluation import evaluate_model
from tests.support.models import needs_default
from tests.support.redaction import pattern_analyzer

EMAIL = "jane.roe@example.org"


def _record(text: str, spans: dict) -> dict:
    return {"input": text, "output": {"entities": {label: [{"text": text[s:e], "start": s, "end": e}
                                                            for s, e in found] for label, found in spans.items()}}}


def test_f2_weighs_recall_four_times():
    assert f_beta(1.0, 0.5) == pytest.approx(5 * 0.5 / (4 + 0.5))
    assert f_beta(0.5, 1.0) > f_beta(1.0, 0.5)
    assert f_beta(0.0, 0.0) == 0.0


def test_pipeline_row_counts_leaks_and_flags_on_pii_free_documents():
    text = f"Mail {EMAIL} or call."
    start = text.index(EMAIL)
    records = [
        _record(text, {"email address": [(start, start + len(EMAIL))], "person": [(0, 4)]}),  # "Mail" as a fake name
        _record("Nothing personal here, but write to bob@example.com.", {"email address": []}),
    ]
    row = pipeline_row("tiny", "patterns", pattern_analyzer("general"), records)
    assert row.documents == 2 and row.gold_spans == 2
    assert row.recall == 0.5  # the e-mail, not the "name"
    assert row.leak_rate == pytest.approx(4 / (4 + len(EMAIL)))
    assert row.pii_free_documents == 1 and row.pii_free_flagged == 1.0  # the second e-mail is not gold
    assert "| tiny | patterns | 2 |" in markdown([row])


def test_one_finding_per_value_drops_a_second_name_and_what_lies_inside_a_better_span():
    spans = [("person", 0.9, 0, 8), ("organization", 0.6, 0, 8),  # one value, two names
             ("person", 0.4, 0, 4),                                # inside a better span
             ("place", 0.95, 20, 25), ("address", 0.5, 12, 30)]    # a better span inside a worse one
    assert one_finding_per_value(spans) == [("person", 0.9, 0, 8), ("place", 0.95, 20, 25), ("address", 0.5, 12, 30)]
    assert one_finding_per_value([]) == []


class _TwoNamesModel:
    """Reports every asked label on the first word (mapping logic only; the real model's rows are
    tested in test_wording.py and test_eval_configs_scores_every_system_in_one_run)."""

    def batch_extract_entities(self, texts, labels, include_confidence=False, **_):
        def item(confidence):
            return {"start": 0, "end": 3, **({"confidence": confidence} if include_confidence else {})}
        return [{"entities": {label: [item(0.9 - 0.1 * i)] for i, label in enumerate(labels)}} for _ in texts]


def test_the_model_row_counts_a_value_reported_under_two_names_once():
    records = [_record("Ann works at Acme.", {"person": [(0, 3)], "organization": []})]
    assert evaluate_model(_TwoNamesModel(), records, descriptions=False).agnostic_overlap.fp == 1
    row = model_row("tiny", _TwoNamesModel(), records)
    assert row.precision == 1.0 and row.recall == 1.0 and row.leak_rate == 0.0


def test_read_sets_names_sets_by_file(tmp_path):
    path = tmp_path / "notes-dev.jsonl"
    path.write_text(json.dumps(_record("x", {})) + "\n")
    assert list(read_sets([path])) == ["notes-dev"]


@pytest.mark.slow
@needs_default
def test_eval_configs_scores_every_system_in_one_run(tmp_path):
    from presidio_gliner2.cli import main

    out = tmp_path / "bench.json"
    code = main(["eval", "tests/data/handwritten/general.jsonl", "--configs", "general", "--json", str(out)])
    assert code == 0
    rows = json.loads(out.read_text())
    assert [r["system"] for r in rows] == ["config:general", "presidio-spacy", "model"]
    assert all(0.0 <= r["leak_rate"] <= 1.0 and r["documents"] > 0 for r in rows)


def test_eval_configs_passes_the_threshold_to_the_model_alone_rows(tmp_path, monkeypatch):
    from presidio_gliner2.cli import main
    from presidio_gliner2.redaction import benchmark

    seen = {}

    def fake_run(paths, configs, **options):
        seen.update(options, configs=configs)
        return []

    monkeypatch.setattr(benchmark, "run", fake_run)
    data = tmp_path / "tiny-dev.jsonl"
    data.write_text(json.dumps(_record("x", {})) + "\n")
    assert main(["eval", str(data), "--configs", "general", "--threshold", "0.3"]) == 0
    assert seen["configs"] == ["general"] and seen["model_threshold"] == 0.3
