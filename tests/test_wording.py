"""Asking for gold labels in other words (``eval --wording``): the file, the rewording, the CLI."""

import json
import re
from pathlib import Path

import pytest

from presidio_gliner2.cli import main
from presidio_gliner2.training.data import read_jsonl
from presidio_gliner2.training.evaluation import evaluate_model
from presidio_gliner2.training.labels import COARSE_LABELS, PII_LABELS
from presidio_gliner2.training.synth.prompts import PARTS, written_wordings
from presidio_gliner2.training.wording import Wording, load_wording, reword

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "bench" / "unseen_wording.yaml"
DEV_SETS = sorted((ROOT / "data" / "external").glob("*-dev.jsonl.gz")) + \
    sorted((ROOT / "tests" / "data" / "handwritten").glob("*.jsonl"))


def _records(path: Path) -> list[dict]:
    return [record for _, record in read_jsonl(path)]


def _training_wording() -> tuple[set[str], set[str]]:
    """Every label name and every description phrase the model was trained with (lower case)."""
    names, phrases = set(), set()
    for label in list(PII_LABELS.values()) + list(COARSE_LABELS.values()):
        names |= {label.name.lower(), *(s.lower() for s in label.synonyms)}
        phrases.add(label.description.lower())
    for heads, kinds in PARTS.values():
        names |= {phrase.lower() for phrase in heads + kinds}
        phrases |= {phrase.lower() for phrase in heads + kinds}
    return names, phrases


def test_the_unseen_wording_covers_every_gold_label_of_the_dev_sets():
    wording = load_wording(UNSEEN)
    assert len(DEV_SETS) >= 7
    for path in DEV_SETS:
        reword(_records(path), wording)  # raises, naming the label, when one is missing


def test_the_unseen_wording_is_not_the_training_wording():
    names, phrases = _training_wording()
    for gold, item in load_wording(UNSEEN).items():
        assert item.label.lower() not in names, gold
        assert item.description.lower() not in phrases, gold


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _within(phrase: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", text.lower()) is not None


def test_the_hand_written_training_wordings_stay_clear_of_the_unseen_wording():
    """synth/label_wordings.yaml (stage 5's training names and descriptions) was written without
    reading the benchmark file; natural phrasings still converge, so a name that equals, contains or
    sits inside a benchmark name, or a description sharing over 40% of its words with a benchmark
    description, was removed from the training file. This keeps it so."""
    benchmark = load_wording(UNSEEN)
    for label, (names, descriptions) in written_wordings().items():
        for name in names:
            for item in benchmark.values():
                assert not (_within(name, item.label) or _within(item.label, name)), (label, name)
        for description in descriptions:
            for gold, item in benchmark.items():
                shared = _words(description) & _words(item.description)
                assert len(shared) / len(_words(description) | _words(item.description)) <= 0.4, (label, gold)


def test_reword_renames_labels_describes_them_and_maps_them_back():
    record = {"input": "Ann Lee lives in Oslo.", "output": {"entities": {"person": ["Ann Lee"], "location": ["Oslo"]}}}
    wording = {"person": Wording("human name", "what a human is called"), "location": Wording("place name", "a place")}
    [copy] = reword([record], wording)
    assert copy["output"]["entities"] == {"human name": ["Ann Lee"], "place name": ["Oslo"]}
    assert copy["output"]["entity_descriptions"] == {"human name": "what a human is called", "place name": "a place"}
    assert copy["meta"]["label_map"] == {"human name": "person", "place name": "location"}
    assert record["output"]["entities"] == {"person": ["Ann Lee"], "location": ["Oslo"]}  # the input is untouched


class _EchoModel:
    """Finds 'Ann Lee' under whatever label the prompt names first; records the prompts."""

    def __init__(self):
        self.prompts = []

    def batch_extract_entities(self, texts, schema, **_):
        self.prompts.append(dict(schema))
        first = next(iter(schema))
        return [{"entities": {first: [{"text": "Ann Lee", "start": 0, "end": 7, "confidence": 0.9}]}} for _ in texts]


def test_evaluation_prompts_in_the_new_words_and_scores_per_gold_label():
    record = {"input": "Ann Lee lives in Oslo.", "output": {"entities": {"person": ["Ann Lee"], "location": ["Oslo"]}}}
    wording = {"person": Wording("human name", "what a human is called"), "location": Wording("place name", "a place")}
    model = _EchoModel()
    report = evaluate_model(model, reword([record], wording)).to_dict()
    assert model.prompts == [{"human name": "what a human is called", "place name": "a place"}]
    assert report["per_label"]["person"]["exact"]["recall"] == 1.0
    assert report["per_label"]["location"]["exact"]["recall"] == 0.0
    assert "human name" not in report["per_label"]


def test_a_gold_label_without_wording_is_named_in_the_error():
    record = {"input": "Ann", "output": {"entities": {"person": ["Ann"], "iban": []}}}
    with pytest.raises(ValueError, match="'iban'"):
        reword([record], {"person": Wording("human name", "a name")})


@pytest.mark.parametrize("text, message", [
    ("person: human name\n", "exactly a non-empty 'label'"),
    ("person: {label: human name}\n", "exactly a non-empty 'label'"),
    ("person: {label: x, description: ''}\n", "exactly a non-empty 'label'"),
    ("person: {label: Name, description: a}\ncity: {label: name, description: b}\n", "'name'"),
    ("[]\n", "maps each gold label"),
])
def test_malformed_wording_files_fail_with_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "wording.yaml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_wording(path)


def test_the_cli_refuses_wording_with_labels_or_packs(tmp_path, capsys):
    data = ROOT / "tests" / "data" / "handwritten" / "general.jsonl"
    for extra in (["--labels", "person"], ["--pack", "general"]):
        assert main(["eval", str(data), "--wording", str(UNSEEN), *extra]) == 1
        assert "--wording" in capsys.readouterr().err


def test_the_bundled_model_finds_names_and_phones_asked_in_unseen_words(tmp_path, capsys):
    data = tmp_path / "gold.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [
        {"input": "Please call Maria Gonzalez back on 415-555-0132 before Friday.",
         "output": {"entities": {"person": ["Maria Gonzalez"], "phone number": ["415-555-0132"]}}},
        {"input": "Nothing personal is written here.", "output": {"entities": {"person": []}}},
    ]) + "\n")
    out = tmp_path / "report.json"
    assert main(["eval", str(data), "--model", "default", "--wording", str(UNSEEN), "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    assert set(report["per_label"]) == {"person", "phone number"}  # scored per gold label, not per new word
    assert report["type_agnostic"]["overlap"]["recall"] == 1.0
    assert "type-agnostic F2 (any overlap): 1.0000" in capsys.readouterr().out


def test_the_dev_benchmark_adds_a_model_row_asked_in_unseen_words(tmp_path):
    data = tmp_path / "tiny-dev.jsonl"
    data.write_text(json.dumps({"input": "Please call Maria Gonzalez back on 415-555-0132.",
                                "output": {"entities": {"person": ["Maria Gonzalez"],
                                                        "phone number": ["415-555-0132"]}}}) + "\n")
    out = tmp_path / "bench.json"
    assert main(["eval", str(data), "--configs", "general", "--no-baseline", "--wording", str(UNSEEN),
                 "--json", str(out)]) == 0
    rows = json.loads(out.read_text())
    assert [r["system"] for r in rows] == ["config:general", "model", "model:unseen-wording"]
    assert rows[-1]["gold_spans"] == 2 and 0.0 <= rows[-1]["leak_rate"] <= 1.0


def test_reword_known_asks_known_labels_in_the_wording_and_keeps_the_rest():
    from presidio_gliner2.training.wording import reword_known

    record = {"input": "Ann Lee, DOB 1/2/1990, ID 77.",
              "output": {"entities": {"name": ["Ann Lee"], "dob": ["1/2/1990"], "ID_NUMBER": ["77"]},
                         "entity_descriptions": {"ID_NUMBER": "any id"}},
              "meta": {"label_map": {"name": "person", "dob": "date of birth", "ID_NUMBER": "identifier"}}}
    wording = {"person": Wording("human name", "what a human is called"),
               "date of birth": Wording("day someone arrived", "when they were born")}
    [copy] = reword_known([record], wording)
    assert copy["output"]["entities"] == {"human name": ["Ann Lee"], "day someone arrived": ["1/2/1990"],
                                          "ID_NUMBER": ["77"]}
    assert copy["output"]["entity_descriptions"] == {"human name": "what a human is called",
                                                     "day someone arrived": "when they were born",
                                                     "ID_NUMBER": "any id"}
    assert copy["meta"]["label_map"] == {"human name": "person", "day someone arrived": "date of birth",
                                         "ID_NUMBER": "identifier"}
    assert record["output"]["entities"]["name"] == ["Ann Lee"]  # the original is left as it was


PICK = ROOT / "presidio_gliner2" / "training" / "pick_wording.yaml"


def test_the_pick_wording_asks_every_model_label_in_words_of_its_own():
    """The trainer's checkpoint pick (TrainConfig.pick_wording) must ask in words that are neither
    trained on nor the benchmark's, or the pick would favour one of them."""
    pick = load_wording(PICK)
    assert set(pick) == set(PARTS)
    names, phrases = _training_wording()
    hand_written = written_wordings()
    benchmark = load_wording(UNSEEN)
    for gold, item in pick.items():
        assert item.label.lower() not in names and item.description.lower() not in phrases, gold
        other_names = [n for ns, _ in hand_written.values() for n in ns] + [b.label for b in benchmark.values()]
        for name in other_names:
            assert not (_within(name, item.label) or _within(item.label, name)), (gold, name)
        other_descriptions = [d for _, ds in hand_written.values() for d in ds] + \
            [b.description for b in benchmark.values()]
        for description in other_descriptions:
            shared = _words(description) & _words(item.description)
            assert len(shared) / len(_words(description) | _words(item.description)) <= 0.4, gold
