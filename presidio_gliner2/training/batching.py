"""Examples -> model inputs and gold targets, with schema augmentation.

Each example becomes one sequence: a schema (labels shuffled, some dropped, some written in
another case, descriptions on or off) and a window of its words that fits the encoder.
Targets follow the reference: entities have count 1; structures and relations count their instances;
classification labels are multi-hot.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Optional

from presidio_gliner2.engine.encoding import EncodedWindow, InputEncoder
from presidio_gliner2.engine.layers import MAX_COUNT
from presidio_gliner2.engine.schema import CompiledSchema, compile_schema
from presidio_gliner2.training.data import Example
from presidio_gliner2.training.labels import canonical_label
from presidio_gliner2.training.synth.prompts import PARTS, canonical, paraphrase, written_wordings

MIN_TEXT_SUBWORDS = 128


@dataclass
class Augmentation:
    drop_negative_label: float = 0.2
    drop_positive_label: float = 0.05
    no_descriptions: float = 0.3
    drop_description: float = 0.2
    drop_classification: float = 0.2
    drop_classification_label: float = 0.2
    max_labels: int = 32  # the generator writes prompts of 1 to 32 labels
    label_case: float = 0.1  # per label: "Phone Number", "PHONE NUMBER", "phone_number", "phone-number"
    # Per label, for label names the model has not memorised (users write their own): another
    # phrase for the same thing ("name of an individual" for "person"), or an opaque code name
    # ("type 7") that leaves the description as the only clue, so the model learns to read it.
    reword_label: float = 0.0
    opaque_label: float = 0.0
    # Per label, a hand-written alternative name (synth/label_wordings.yaml), described in the same
    # file's words with probability WRITTEN_DESCRIBED; and, for labels keeping their name, a
    # hand-written description in place of the templated one.
    written_label: float = 0.0
    written_description: float = 0.0
    # Share of opaque labels ("type 7") described in hand-written words (label_wordings.yaml) rather
    # than a templated paraphrase: the description is then the only clue, in a user's phrasing.
    opaque_written: float = 0.0

    @property
    def rewords_labels(self) -> bool:
        # Off, no random draw is made for it, so configs without rewording keep their sample stream.
        return bool(self.reword_label or self.opaque_label or self.written_label or self.written_description)


WRITTEN_DESCRIBED = 0.6


@dataclass
class SpanTarget:
    task_index: int
    count: int  # gold instance count (entities: 1)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (instance, field, start word, width)


@dataclass
class Sample:
    encoded: EncodedWindow
    schema: CompiledSchema
    span_targets: list[SpanTarget]
    class_targets: dict[int, list[float]]  # task index -> multi-hot over its labels
    negative_drop: Optional[float] = None  # this sample's, where its train file sets one


def build_sample(example: Example, inputs: InputEncoder, rng: random.Random, augment: Optional[Augmentation],
                 max_subwords: int, max_words: int) -> Optional[Sample]:
    raw, original = _schema(example, rng, augment)
    if raw is None:
        return None
    while True:
        schema = compile_schema(raw)
        prefix = inputs.encode_schema(schema)
        budget = max_subwords - len(prefix.ids) - sum(len(p) for p in prefix.prefix_ids)
        if budget >= MIN_TEXT_SUBWORDS:
            break
        # Too many labels for the encoder: ask for fewer, negatives first; as many at once as the
        # overflow needs at the average cost of a label (schema tasks included), then check again.
        labels = list(raw.get("entities", {}))
        if len(labels) <= 1:
            return None
        negatives = [l for l in labels if not example.entities.get(original.get(l, l))]
        positives = [l for l in labels if l not in negatives]
        count = min(len(labels) - 1, max(1, (MIN_TEXT_SUBWORDS - budget) * len(labels) // len(prefix.ids)))
        for drop in (negatives[::-1] + positives[::-1])[:count]:
            raw["entities"].pop(drop)
            raw.get("entity_descriptions", {}).pop(drop, None)
    word_ids = [ids[: max(1, budget // 4)] for ids in inputs.word_ids(example.words)]
    first, last = _window(word_ids, budget, max_words, rng if augment else None)
    encoded = InputEncoder.encode_window(prefix, word_ids[first:last])
    offset = encoded.num_prefix_words - first

    def inside(span):
        return first <= span[0] and span[1] < last

    span_targets, class_targets = [], {}
    for index, task in enumerate(schema.tasks):
        if task.kind == "entities":
            target = SpanTarget(index, 1)
            for field_index, label in enumerate(task.fields):
                for start, end in example.entities.get(original.get(label.name, label.name), []):
                    if inside((start, end)):
                        target.spans.append((0, field_index, start + offset, end - start))
            span_targets.append(target)
        elif task.kind == "classifications":
            true = task.classification.get("true_label")
            true = set(true if isinstance(true, list) else [true])
            class_targets[index] = [1.0 if f.name in true else 0.0 for f in task.fields]
        elif task.kind == "json_structures":
            instances = dict(example.structures).get(task.name, [])
            target = SpanTarget(index, min(len(instances), MAX_COUNT - 1))
            for instance_index, values in enumerate(instances[: target.count]):
                for field_index, field_spec in enumerate(task.fields):
                    value = values.get(field_spec.name)
                    if isinstance(value, dict):  # a choice: the chosen word in the prefix, width 0
                        chosen = value.get("value")
                        for choice in (chosen if isinstance(chosen, list) else [chosen]):
                            lowered = [w.lower() for w in encoded.prefix_words]
                            if isinstance(choice, str) and choice.lower() in lowered:
                                target.spans.append((instance_index, field_index, lowered.index(choice.lower()), 0))
                    else:
                        for start, end in value or []:
                            if inside((start, end)):
                                target.spans.append((instance_index, field_index, start + offset, end - start))
            span_targets.append(target)
        else:  # relations
            pairs = dict(example.relations).get(task.name, [])
            target = SpanTarget(index, min(len(pairs), MAX_COUNT - 1))
            for instance_index, (head, tail) in enumerate(pairs[: target.count]):
                for field_index, span in ((0, head), (1, tail)):
                    if inside(span):
                        target.spans.append((instance_index, field_index, span[0] + offset, span[1] - span[0]))
            span_targets.append(target)
    return Sample(encoded, schema, span_targets, class_targets)


def _window(word_ids: list, budget: int, max_words: int, rng: Optional[random.Random]) -> tuple[int, int]:
    total = len(word_ids)
    costs = [max(1, len(ids)) for ids in word_ids]
    if total <= max_words and sum(costs) <= budget:
        return 0, total
    # The longest run from a (random) start that fits both limits.
    starts = range(total) if rng is None else [rng.randrange(total)]
    start = next(iter(starts))
    end, used = start, 0
    while end < total and end - start < max_words and used + costs[end] <= budget:
        used += costs[end]
        end += 1
    if end - start < min(max_words, total) // 2 and start > 0:  # near the end: extend backwards instead
        while start > 0 and end - start < max_words and used + costs[start - 1] <= budget:
            start -= 1
            used += costs[start]
    return start, max(end, start + 1)


_CASES = (lambda name: " ".join(w[:1].upper() + w[1:] for w in name.split(" ")), str.upper,
          lambda name: name.replace(" ", "_"), lambda name: name.replace(" ", "-"),
          lambda name: name.upper().replace(" ", "_"))


_OPAQUE = ("type {n}", "label {n}", "category {c}", "entity_{n}", "class {c}{n}", "T{n}", "field {n}", "tag {c}",
           "kind #{n}", "E{n}")


def _recased(labels: list[str], rng: random.Random, p: float) -> dict[str, str]:
    """Shown name -> label for labels written another way, as users do ("PHONE_NUMBER")."""
    taken, renamed = set(labels), {}
    for label in labels:
        if rng.random() < p:
            name = rng.choice(_CASES)(label)
            if name not in taken:
                taken.add(name)
                renamed[name] = label
    return renamed


def _reworded(labels: list[str], descriptions: dict[str, str], rng: random.Random, augment: Augmentation,
              taken: set[str]) -> dict[str, str]:
    """Shown name -> label for labels asked in other words: a phrase of the label's description
    parts (``synth.prompts.PARTS`` heads) or an opaque code name. An opaque label always gets a
    description (added to ``descriptions``): without one it could not be found."""
    renamed = {}
    for label in labels:
        known = canonical_label(label)
        if known is None:
            continue
        draw = rng.random()
        if draw < augment.opaque_label:
            name = rng.choice(_OPAQUE).format(n=rng.randint(1, 40), c=rng.choice("ABCDEFGHJK"))
            if name not in taken:
                if augment.opaque_written and rng.random() < augment.opaque_written:
                    descriptions[label] = rng.choice(written_wordings()[known][1])
                else:
                    descriptions[label] = descriptions.get(label) or (
                        paraphrase(known, rng) if rng.random() < 0.5 else canonical(known))
        elif draw < augment.opaque_label + augment.reword_label:
            name = rng.choice(PARTS[known][0])
            name = rng.choice(_CASES)(name) if rng.random() < augment.label_case else name
        elif draw < augment.opaque_label + augment.reword_label + augment.written_label:
            names, written = written_wordings()[known]
            name = rng.choice(names)
            if name not in taken and rng.random() < WRITTEN_DESCRIBED:
                descriptions[label] = rng.choice(written)
        else:
            if descriptions.get(label) and rng.random() < augment.written_description:
                descriptions[label] = rng.choice(written_wordings()[known][1])
            continue
        if name not in taken and name != label:
            taken.add(name)
            renamed[name] = label
    return renamed


def _schema(example: Example, rng: random.Random, augment: Optional[Augmentation]) -> tuple[Optional[dict], dict]:
    """The raw schema one sample asks, and shown label name -> example label where renamed."""
    raw: dict[str, Any] = {}
    labels = list(example.entities)
    descriptions = dict(example.entity_descriptions)
    if augment:
        kept = []
        for label in labels:
            drop = augment.drop_positive_label if example.entities[label] else augment.drop_negative_label
            if rng.random() >= drop:
                kept.append(label)
        rng.shuffle(kept)
        labels = kept[: augment.max_labels]
        if rng.random() < augment.no_descriptions:
            descriptions = {}
        else:
            descriptions = {k: v for k, v in descriptions.items() if rng.random() >= augment.drop_description}
    renamed = {}
    if augment:
        renamed = _reworded(labels, descriptions, rng, augment, set(labels)) if augment.rewords_labels else {}
        reworded = set(renamed.values())
        renamed.update(_recased([l for l in labels if l not in reworded], rng, augment.label_case))
    shown = {label: name for name, label in renamed.items()}
    if labels:
        raw["entities"] = {shown.get(label, label): "" for label in labels}
        described = {shown.get(k, k): v for k, v in descriptions.items() if k in labels and v}
        if described:
            raw["entity_descriptions"] = described
    classifications = []
    for config in example.classifications:
        if augment and rng.random() < augment.drop_classification:
            continue
        config = dict(config)
        if augment:
            true = config.get("true_label")
            true = set(true if isinstance(true, list) else [true])
            names = [l for l in config["labels"] if l in true or rng.random() >= augment.drop_classification_label]
            rng.shuffle(names)
            config["labels"] = names
        if config.get("label_descriptions"):
            config["label_descriptions"] = {k: v for k, v in config["label_descriptions"].items() if k in config["labels"]}
        classifications.append({k: v for k, v in config.items() if k != "meta"})
    if classifications:
        raw["classifications"] = classifications
    if example.structures:
        raw["json_structures"] = [
            {name: {f: ({"value": v["value"], "choices": v["choices"]} if isinstance(v, dict) else "")
                    for f, v in instances[0].items()}}
            for name, instances in example.structures if instances
        ]
        if example.structure_descriptions:
            raw["json_descriptions"] = example.structure_descriptions
    if example.relations:
        raw["relations"] = [{name: {"head": "", "tail": ""}} for name, _ in example.relations]
    if not raw:
        return None, {}
    return raw, renamed
