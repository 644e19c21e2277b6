"""The hand-written evaluation set (tests/data/handwritten): well-formed gold spans, valid labels,
and JSONL files that are exactly what build.py (their source of truth) writes."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from presidio_gliner2.training.labels import DOCUMENT_TYPES, PII_LABELS

DATA = Path(__file__).parent / "data" / "handwritten"
FILES = {"healthcare": "hc", "finance": "fin", "general": "gen"}


def load_build_module():
    spec = importlib.util.spec_from_file_location("handwritten_build", DATA / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def load(stem):
    with open(DATA / f"{stem}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def records():
    return {stem: load(stem) for stem in FILES}


def all_records(records):
    return [r for recs in records.values() for r in recs]


def test_at_least_fifty_documents_with_unique_ids(records):
    recs = all_records(records)
    assert len(recs) >= 50
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))
    for stem, prefix in FILES.items():
        assert records[stem], stem
        assert all(r["id"].startswith(prefix + "-") for r in records[stem])


def test_spans_index_the_text_exactly(records):
    for r in all_records(records):
        text = r["input"]
        for label, spans in r["output"]["entities"].items():
            assert label in PII_LABELS, (r["id"], label)
            assert spans, (r["id"], label)
            for span in spans:
                assert set(span) == {"text", "start", "end"}
                assert 0 <= span["start"] < span["end"] <= len(text)
                assert text[span["start"]:span["end"]] == span["text"], (r["id"], span)
                assert span["text"] == span["text"].strip(), (r["id"], span)


def test_spans_never_overlap(records):
    for r in all_records(records):
        spans = sorted((s["start"], s["end"]) for spans in r["output"]["entities"].values() for s in spans)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, r["id"]


def test_document_type_classification(records):
    for r in all_records(records):
        (task,) = r["output"]["classifications"]
        assert task["task"] == "document_type"
        assert task["labels"] == list(DOCUMENT_TYPES)
        assert task["true_label"] in DOCUMENT_TYPES, r["id"]


def test_documents_are_realistic_lengths_and_include_negatives(records):
    recs = all_records(records)
    for r in recs:
        assert 40 <= len(r["input"].split()) <= 400, r["id"]
    assert any(not r["output"]["entities"] for r in recs)


def test_files_equal_what_build_py_writes(tmp_path):
    build = load_build_module()
    written = build.build(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{stem}.jsonl" for stem in FILES)
    for stem in FILES:
        expected = (tmp_path / f"{stem}.jsonl").read_text(encoding="utf-8")
        committed = (DATA / f"{stem}.jsonl").read_text(encoding="utf-8")
        assert committed == expected, f"{stem}.jsonl is stale: run python tests/data/handwritten/build.py"
