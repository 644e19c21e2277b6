"""Evaluation-only sets (bench/eval_only_sets.py): converted with exact offsets, marked, and refused
by everything that trains or tunes. The inputs here are written for the test in each source's
format; the real files are never committed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from presidio_gliner2.cli import main
from presidio_gliner2.training.data import EVALUATION_ONLY, DataError, load_examples, read_jsonl, read_training_jsonl

ROOT = Path(__file__).resolve().parent.parent


def _sets():
    spec = importlib.util.spec_from_file_location("eval_only_sets", ROOT / "bench" / "eval_only_sets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _template_file(path: Path) -> Path:
    text = "Ring Ada Quist at 555-0100 about her flat at 12 Elm Row\nLeeds ."
    spans = [{"entity_type": "PERSON", "entity_value": "Ada Quist", "start_position": 5, "end_position": 14},
             {"entity_type": "PHONE_NUMBER", "entity_value": "555-0100", "start_position": 18, "end_position": 26},
             # a trailing space inside the span, as some generated values have: trimmed, not rejected
             {"entity_type": "STREET_ADDRESS", "entity_value": "12 Elm Row\nLeeds ",
              "start_position": 45, "end_position": 62}]
    path.write_text(json.dumps([{"full_text": text, "spans": spans},
                                {"full_text": "Nothing personal here.", "spans": []}]), encoding="utf-8")
    return path


def _run(tmp_path: Path, *args: str) -> dict[str, list[dict]]:
    assert _sets().main(["--out", str(tmp_path / "out"), *args]) == 0
    return {p.name.removesuffix(".jsonl.gz"): [r for _, r in read_jsonl(p)] for p in (tmp_path / "out").iterdir()}


def test_template_sentences_keep_exact_offsets_and_presidio_types_map_to_our_labels(tmp_path):
    records = _run(tmp_path, "--presidio-synth", str(_template_file(tmp_path / "synth.json")))["presidio-synth"]
    first, empty = records
    entities = first["output"]["entities"]
    assert [(s["text"], first["input"][s["start"]:s["end"]]) for s in entities["person"]] == [("Ada Quist",) * 2]
    assert entities["phone number"][0]["text"] == "555-0100"
    assert entities["street address"][0]["text"] == "12 Elm Row\nLeeds"
    assert entities["title"] == [] and "location" in entities  # every mapped label is asked, [] = absent
    assert not any(empty["output"]["entities"].values())
    assert {r["meta"]["use"] for r in records} == {EVALUATION_ONLY}


def test_a_presidio_type_we_do_not_map_is_an_error_that_names_it(tmp_path):
    path = tmp_path / "synth.json"
    path.write_text(json.dumps([{"full_text": "Call 911 now", "spans": [
        {"entity_type": "MEDICAL_CODE", "entity_value": "911", "start_position": 5, "end_position": 8}]}]))
    with pytest.raises(ValueError, match="MEDICAL_CODE"):
        _run(tmp_path, "--presidio-synth", str(path))


def test_social_media_posts_become_line_separated_chunks_with_groups_as_organizations(tmp_path):
    posts = tmp_path / "posts.conll"
    lines = []
    for index in range(30):  # 30 posts of 6 words: more than one 40..160-word chunk
        lines += ["Saw\tO", "Mia\tB-person", "with\tO", "Arcade\tB-group", "Fire\tI-group", f"#{index}\tO", ""]
    posts.write_text("\n".join(lines), encoding="utf-8")
    records = _run(tmp_path, "--wnut17", str(posts))["wnut17-test"]
    assert len(records) >= 2
    for record in records:
        assert "\n" in record["input"]
        for label, spans in record["output"]["entities"].items():
            for span in spans:
                assert record["input"][span["start"]:span["end"]] == span["text"]
    entities = records[0]["output"]["entities"]
    assert entities["organization"][0]["text"] == "Arcade Fire"
    assert entities["person"][0]["text"] == "Mia"


def test_training_and_calibration_refuse_evaluation_only_records(tmp_path, capsys):
    path = tmp_path / "out" / "presidio-synth.jsonl.gz"
    _run(tmp_path, "--presidio-synth", str(_template_file(tmp_path / "synth.json")))
    with pytest.raises(DataError, match="evaluation-only source .presidio-synth"):
        list(read_training_jsonl(path))
    with pytest.raises(DataError, match="never train or calibrate"):
        load_examples(path)
    # calibrate reads its data before the model loads: refused without touching a model
    assert main(["calibrate", str(path), "--pack", "general", "--out", str(tmp_path / "pack.yaml")]) == 1
    assert not (tmp_path / "pack.yaml").exists()
    error = capsys.readouterr().err
    assert "evaluation-only" in error and "Ada" not in error  # names the problem, never the text
