"""Quality metrics: per-label exact/overlap scores, type-agnostic scores, leak rate, label groups."""

import json

import pytest

from presidio_gliner2.cli import main
from presidio_gliner2.training.evaluation import Report, evaluate_model, gold_spans

TEXT = "Ann Lee called 555-0100 on Monday."


def test_exact_overlap_and_type_agnostic_scores():
    report = Report()
    gold = [("person", 0, 7), ("phone number", 15, 23)]
    predicted = [("person", 0, 3), ("date", 15, 23), ("date", 27, 33)]
    report.add(TEXT, gold, predicted)
    scores = report.to_dict()
    assert scores["per_label"]["person"]["exact"]["recall"] == 0.0
    assert scores["per_label"]["person"]["overlap"]["f1"] == 1.0
    assert scores["per_label"]["phone number"]["exact"]["recall"] == 0.0
    # Right span, wrong type: counts for the type-agnostic score only.
    agnostic = scores["type_agnostic"]["exact"]
    assert (agnostic["precision"], agnostic["recall"]) == (1 / 3, 1 / 2)
    assert scores["type_agnostic"]["overlap"]["recall"] == 1.0


def test_leak_rate_counts_uncovered_gold_characters_but_not_whitespace():
    report = Report()
    report.add(TEXT, [("person", 0, 7)], [("person", 0, 3)])  # "Lee" leaks, the space does not count
    assert report.leak_rate == pytest.approx(3 / 6)
    report = Report()
    report.add(TEXT, [("person", 0, 7)], [])
    assert report.leak_rate == 1.0


def test_string_mentions_are_gold_at_every_occurrence():
    record = {"input": "Bo met Bo.", "output": {"entities": {"person": ["Bo"], "date": [{"text": "met", "start": 3, "end": 6}]}}}
    assert sorted(gold_spans(record)) == [("date", 3, 6), ("person", 0, 2), ("person", 7, 9)]


class RecordingModel:
    """Answers every label it is asked for with a fixed span, and remembers each prompt."""

    def __init__(self):
        self.prompts = []

    def batch_extract_entities(self, texts, schema, **_):
        self.prompts.append(dict(schema))
        return [{"entities": {label: [{"text": t[:3], "start": 0, "end": 3}] for label in schema}} for t in texts]


def test_labels_are_asked_in_groups_and_results_merged():
    model = RecordingModel()
    labels = {f"label {i}": "" for i in range(5)}
    records = [{"input": TEXT, "output": {"entities": {"label 4": ["Ann"]}}}]
    report = evaluate_model(model, records, labels, labels_per_prompt=2).to_dict()
    assert [list(p) for p in model.prompts] == [["label 0", "label 1"], ["label 2", "label 3"], ["label 4"]]
    assert report["per_label"]["label 4"]["exact"]["recall"] == 1.0  # found in the last group
    assert report["micro"]["exact"]["precision"] == pytest.approx(1 / 5)


def test_eval_command_scores_a_checkpoint(checkpoints, tmp_path, capsys):
    data = tmp_path / "gold.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [
        {"input": "Patient Ann Lee, phone 555-0100.", "output": {"entities": {"person": ["Ann Lee"], "phone number": ["555-0100"]}}},
        {"input": "No identifiers here.", "output": {"entities": {"person": []}}},
    ]) + "\n")
    out, table = tmp_path / "report.json", tmp_path / "report.md"
    assert main(["eval", str(data), "--model", str(checkpoints.path("minilm-count_lstm")), "--json", str(out),
                 "--markdown", str(table), "--labels-per-prompt", "1"]) == 0
    assert "| **type-agnostic** | 2 |" in table.read_text()
    report = json.loads(out.read_text())
    assert report["documents"] == 2
    assert report["type_agnostic"]["exact"]["support"] == 2
    assert "leak rate" in capsys.readouterr().out
    assert main(["eval", str(data), "--model", str(checkpoints.path("minilm-count_lstm")), "--labels-per-prompt", "0"]) == 1


def test_each_record_is_asked_its_own_labels_and_scored_per_canonical_type():
    model = RecordingModel()
    records = [
        {"input": TEXT, "output": {"entities": {"full name": ["Ann"], "phone": []},
                                   "entity_descriptions": {"full name": "a person's name"}},
         "meta": {"label_map": {"full name": "person", "phone": "phone number"}}},
        {"input": TEXT, "output": {"entities": {"person": ["Ann"]}}},
    ]
    report = evaluate_model(model, records, known_descriptions={"person": "someone"}).to_dict()
    assert model.prompts == [{"full name": "a person's name", "phone": None}, {"person": "someone"}]
    assert report["per_label"]["person"]["exact"]["recall"] == 1.0
    assert report["per_label"]["person"]["exact"]["support"] == 2  # both documents, one type
    assert report["per_label"]["phone number"]["exact"]["precision"] == 0.0  # the fake's phone span is wrong
    model.prompts.clear()
    evaluate_model(model, records, descriptions=False)
    assert model.prompts == [{"full name": None, "phone": None}, {"person": None}]
