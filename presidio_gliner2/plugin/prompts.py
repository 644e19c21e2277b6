"""Prompt planning: which labels and classifiers go into one prompt, and the schema for it.

A recognizer's labels are split into groups that fit the encoder (a label count per prompt and a
token budget); each group is one engine schema. Pure functions over a model's input encoder, so
they are unit-tested with a fake model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from presidio_gliner2.engine.schema import Schema, compile_schema
from presidio_gliner2.plugin.packs import Classifier, EntityLabel


@dataclass(frozen=True)
class PromptGroup:
    """Labels (and, for the first group, the classifiers) asked in one prompt."""

    labels: tuple[EntityLabel, ...]
    classifiers: tuple[Classifier, ...] = ()


def plan_groups(model, labels: list[EntityLabel], classifiers: list[Classifier], max_described: int,
                max_plain: int, budget: int) -> list[PromptGroup]:
    """Split ``labels`` into prompts that fit: at most ``max_described`` labels when any has a
    description (else ``max_plain``) and at most ``budget`` schema tokens. The classifiers
    ride in the first group (alone, if no label fits beside them)."""

    def fits(group: PromptGroup) -> bool:
        limit = max_described if any(l.description for l in group.labels) else max_plain
        return len(group.labels) <= limit and schema_tokens(model, group) <= budget

    groups: list[PromptGroup] = []
    current = PromptGroup((), tuple(classifiers))
    if classifiers and not fits(current):
        raise ValueError(f"The document classifiers alone take {schema_tokens(model, current)} prompt tokens, "
                         f"more than the {budget} allowed; use fewer labels or shorter descriptions")
    for label in labels:
        candidate = PromptGroup(current.labels + (label,), current.classifiers)
        if fits(candidate):
            current = candidate
            continue
        if current.labels or current.classifiers:
            groups.append(current)
        current = PromptGroup((label,))
        if not fits(current):
            raise ValueError(f"Label {label.label!r} ({label.entity}) takes {schema_tokens(model, current)} prompt "
                             f"tokens, more than the {budget} allowed; shorten its description")
    if current.labels or current.classifiers:
        groups.append(current)
    return groups


def schema_tokens(model, group: PromptGroup) -> int:
    return len(model.inputs.encode_schema(compile_schema(build_schema(group, None))).ids)


def build_schema(group: PromptGroup, threshold: Optional[float]):
    """The engine schema for one group; per-label thresholds, else ``threshold``."""
    schema = Schema()
    if group.labels:
        config = {}
        for label in group.labels:
            entry: dict[str, Any] = {"threshold": label.threshold if label.threshold is not None else threshold}
            if label.description:
                entry["description"] = label.description
            config[label.label] = entry
        schema.entities(config)
    for classifier in group.classifiers:
        schema.classification(classifier.task, list(classifier.labels), multi_label=classifier.multi_label,
                              cls_threshold=classifier.threshold)
        described = {l: d for l, d in classifier.labels.items() if d}
        if described:
            schema.schema["classifications"][-1]["label_descriptions"] = described
    return schema
