r"""Entity packs: which Presidio entities a GLiNER2Recognizer finds, and how it asks the model.

A pack is YAML (``recognizers/<name>.yaml`` at the top of the source tree, shipped in the wheel;
or any file)::

    name: healthcare
    description: one line about what the pack is for
    language: en                 # the language of its labels and descriptions
    entities:
      PERSON:                    # Presidio entity name
        - label: person          # what the model is prompted with
          description: full or partial name of a specific person
          ignore_followed_by: '\s+(?:sign|reflex|syndrome)\b'  # optional: a span right before a
                                 # match is not reported (an eponym: "Babinski sign")
          unless_preceded_by: '(?:Mr|Mrs|Ms|Dr)\.?\s*'   # optional: ... except right after a match
                                 # of this ("Mr. Wells score" is a person)
          threshold: 0.5         # optional, per label
      AGE:
        - label: age
          ignore: '\D*(?:\d|[1-8]\d)(?!\d)\D*'   # optional: a span whose whole text matches is
                                                 # not reported (a policy: Safe Harbor ages under 90)
      LOCATION:
        - label: street address
        - label: city
    classifiers:
      document_type:
        multi_label: false       # optional (default false: one label, softmax)
        threshold: 0.3           # optional (default 0.5)
        labels:
          clinical note: a clinician's note about a patient visit
          email: an email message

Shorthands: an entity may map to one label (``PERSON: person``, ``PERSON: {label: ...}``);
a classifier's labels may be a list of names. Several labels may map to one entity; one label
may map to only one entity. Everything is validated on load: unknown keys, empty sections,
thresholds outside [0, 1], repeated labels are ValueErrors that name the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

import presidio_gliner2.resources as resources
from presidio_gliner2.engine.schema import check_threshold

PACKS_DIR = resources.shipped_dir("pack")

_PACK_KEYS = {"name", "description", "language", "entities", "classifiers"}
_LABEL_KEYS = {"label", "description", "threshold", "ignore", "ignore_followed_by", "unless_preceded_by"}
# How much text after / before a span ``ignore_followed_by`` / ``unless_preceded_by`` look at.
FOLLOWING_CHARS = 64
PRECEDING_CHARS = 32
_CLASSIFIER_KEYS = {"labels", "multi_label", "threshold", "description"}
_ENTITY_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
DEFAULT_CLASSIFIER_THRESHOLD = 0.5
_RESERVED_TASKS = {"entities", "relation_extraction"}


@dataclass(frozen=True)
class EntityLabel:
    """One model label and the Presidio entity it reports as."""

    entity: str
    label: str
    description: Optional[str] = None
    threshold: Optional[float] = None
    ignore: Optional[re.Pattern] = None  # spans whose whole text matches are not reported
    ignore_followed_by: Optional[re.Pattern] = None  # spans the text right after matches are not reported
    unless_preceded_by: Optional[re.Pattern] = None  # ... unless the text right before matches

    def ignores(self, value: str) -> bool:
        return self.ignore is not None and self.ignore.fullmatch(value) is not None

    def ignores_span(self, text: str, start: int, end: int) -> bool:
        """The pack's policy for ``text[start:end]``: its whole text matches ``ignore``, or the
        text right after it (up to ``FOLLOWING_CHARS``) starts with a match of ``ignore_followed_by``
        and the text right before it (up to ``PRECEDING_CHARS``) does not end with a match of
        ``unless_preceded_by``."""
        if self.ignores(text[start:end]):
            return True
        if self.ignore_followed_by is None or self.ignore_followed_by.match(text[end:end + FOLLOWING_CHARS]) is None:
            return False
        return self.unless_preceded_by is None or self.unless_preceded_by.search(
            text[max(0, start - PRECEDING_CHARS):start]) is None


@dataclass(frozen=True)
class Classifier:
    """A document classification task: labels (name -> description or None)."""

    task: str
    labels: dict[str, Optional[str]]
    multi_label: bool = False
    threshold: float = DEFAULT_CLASSIFIER_THRESHOLD


@dataclass(frozen=True)
class Pack:
    name: str
    entities: dict[str, tuple[EntityLabel, ...]]
    classifiers: dict[str, Classifier] = field(default_factory=dict)
    description: str = ""
    language: str = "en"
    source: Optional[str] = None  # file the pack came from, for error messages

    @property
    def entity_names(self) -> list[str]:
        return list(self.entities)

    def labels(self, entities: Optional[Iterable[str]] = None) -> list[EntityLabel]:
        """The labels of ``entities`` (all when None), in pack order."""
        wanted = None if entities is None else set(entities)
        return [item for entity, items in self.entities.items() if wanted is None or entity in wanted
                for item in items]

    def label_for(self, label: str) -> EntityLabel:
        for item in self.labels():
            if item.label == label:
                return item
        raise KeyError(label)

    def to_dict(self) -> dict:
        """The pack in its YAML shape (``load_pack`` of it gives an equal pack)."""
        def label(item: EntityLabel) -> dict:
            out: dict[str, Any] = {"label": item.label}
            if item.description:
                out["description"] = item.description
            if item.threshold is not None:
                out["threshold"] = item.threshold
            if item.ignore is not None:
                out["ignore"] = item.ignore.pattern
            if item.ignore_followed_by is not None:
                out["ignore_followed_by"] = item.ignore_followed_by.pattern
            if item.unless_preceded_by is not None:
                out["unless_preceded_by"] = item.unless_preceded_by.pattern.removeprefix("(?:").removesuffix(r")\Z")
            return out

        return {
            "name": self.name, "description": self.description, "language": self.language,
            "entities": {entity: [label(item) for item in items] for entity, items in self.entities.items()},
            "classifiers": {task: {"labels": dict(c.labels), "multi_label": c.multi_label, "threshold": c.threshold}
                            for task, c in self.classifiers.items()},
        }

    def subset(self, entities: Iterable[str]) -> "Pack":
        """The same pack restricted to ``entities`` (each must be in the pack)."""
        entities = list(entities)
        missing = [e for e in entities if e not in self.entities]
        if missing:
            raise ValueError(
                f"Entities {missing} are not in pack {self.name!r}; it has {self.entity_names}"
            )
        return Pack(self.name, {e: self.entities[e] for e in self.entities if e in entities},
                    self.classifiers, self.description, self.language, self.source)


def pack_names() -> list[str]:
    """Names of the packs that ship inside the package."""
    return resources.names("pack")


def load_pack(name_or_path: Union[str, Path, Mapping, "Pack"]) -> Pack:
    """A bundled pack by name, a pack YAML file, an inline pack dict (with ``entities``), or an
    inline entity mapping (``{"PERSON": "person", "US_SSN": {"label": ..., ...}}``)."""
    if isinstance(name_or_path, Pack):
        return name_or_path
    if isinstance(name_or_path, Mapping):
        data = dict(name_or_path)
        if "entities" not in data:
            data = {"name": "inline", "entities": data}
        return pack_from_dict(data, where="inline pack")
    if not isinstance(name_or_path, (str, Path)):
        raise TypeError(f"A pack is a name, a file path or a mapping, got {type(name_or_path).__name__}")
    path = resources.resolve("pack", name_or_path)
    data = resources.load_yaml(path, "Pack file")
    if not isinstance(data, dict):
        raise ValueError(f"Pack file {path} must hold a mapping with 'name' and 'entities'")
    data.setdefault("name", path.stem)
    return pack_from_dict(data, where=str(path), source=str(path))


def pack_from_dict(data: Mapping, where: str = "pack", source: Optional[str] = None) -> Pack:
    _no_unknown(data, _PACK_KEYS, where)
    name = _text(data.get("name", "inline"), f"{where}: name")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise ValueError(f"{where}: description must be a string")
    language = _text(data.get("language", "en"), f"{where}: language")
    entities = _entities(data.get("entities"), where)
    classifiers = _classifiers(data.get("classifiers"), where)
    return Pack(name, entities, classifiers, description.strip(), language, source)


def _entities(raw: Any, where: str) -> dict[str, tuple[EntityLabel, ...]]:
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError(f"{where}: 'entities' must be a non-empty mapping of Presidio entity -> model labels")
    entities: dict[str, tuple[EntityLabel, ...]] = {}
    owner: dict[str, str] = {}
    for entity, spec in raw.items():
        if not isinstance(entity, str) or not _ENTITY_NAME.match(entity):
            raise ValueError(f"{where}: entity name {entity!r} must be a word like PERSON or US_SSN")
        specs = spec if isinstance(spec, list) else [spec]
        if not specs:
            raise ValueError(f"{where}: entity {entity} has no labels")
        labels = []
        for index, item in enumerate(specs):
            label = _entity_label(entity, item, f"{where}: entities.{entity}[{index}]")
            key = label.label.strip().lower()
            if key in owner:
                raise ValueError(f"{where}: label {label.label!r} is used twice ({owner[key]} and {entity}); "
                                 "a model label can report only one entity")
            owner[key] = entity
            labels.append(label)
        entities[entity] = tuple(labels)
    return entities


def _entity_label(entity: str, item: Any, where: str) -> EntityLabel:
    if isinstance(item, str):
        item = {"label": item}
    if not isinstance(item, Mapping):
        raise ValueError(f"{where}: a label is a name or a mapping with label/description/threshold/ignore"
                         "/ignore_followed_by/unless_preceded_by")
    _no_unknown(item, _LABEL_KEYS, where)
    label = _text(item.get("label"), f"{where}: label")
    description = item.get("description")
    if description is not None:
        description = _text(description, f"{where}: description")
    return EntityLabel(entity, label.strip(), description and description.strip(),
                       check_threshold(item.get("threshold"), where), _ignore_pattern(item.get("ignore"), where),
                       _ignore_pattern(item.get("ignore_followed_by"), where, "ignore_followed_by"),
                       _ignore_pattern(item.get("unless_preceded_by"), where, "unless_preceded_by", at_end=True))


def _ignore_pattern(raw: Any, where: str, key: str = "ignore", at_end: bool = False) -> Optional[re.Pattern]:
    """``at_end``: the pattern must end where the span starts (it is searched in the text before)."""
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"{where}: {key} must be a regular expression (a non-empty string)")
    try:
        return re.compile(f"(?:{raw})\\Z" if at_end else raw, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: {key} is not a valid regular expression ({exc})") from None


def _classifiers(raw: Any, where: str) -> dict[str, Classifier]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: 'classifiers' must be a mapping of task -> {{labels, ...}}")
    classifiers = {}
    for task, spec in raw.items():
        here = f"{where}: classifiers.{task}"
        _text(task, f"{where}: a classifier task name")
        if task in _RESERVED_TASKS:  # keys of the model's own output
            raise ValueError(f"{here}: {task!r} is reserved; name the classifier something else")
        if not isinstance(spec, Mapping):
            raise ValueError(f"{here} must be a mapping with 'labels'")
        _no_unknown(spec, _CLASSIFIER_KEYS, here)
        labels = spec.get("labels")
        if isinstance(labels, list):
            labels = {label: None for label in labels}
        if not isinstance(labels, Mapping) or len(labels) < 2:
            raise ValueError(f"{here}: 'labels' must list at least two labels (a list, or label -> description)")
        checked: dict[str, Optional[str]] = {}
        for label, description in labels.items():
            label = _text(label, f"{here}: a label").strip()
            if label in checked:
                raise ValueError(f"{here}: label {label!r} appears twice")
            checked[label] = None if description is None else _text(description, f"{here}.{label}").strip()
        multi = spec.get("multi_label", False)
        if not isinstance(multi, bool):
            raise ValueError(f"{here}: multi_label must be true or false, got {multi!r}")
        threshold = check_threshold(spec.get("threshold", DEFAULT_CLASSIFIER_THRESHOLD), here)
        classifiers[task] = Classifier(task, checked, multi, threshold)
    return classifiers


def classifiers_from(value: Any, where: str = "classifiers") -> dict[str, Classifier]:
    """Validate an inline ``classifiers`` mapping (same shape as in a pack)."""
    return _classifiers(value, where)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a non-empty string, got {value!r}")
    return value


def _no_unknown(data: Mapping, allowed: set, where: str) -> None:
    unknown = sorted(str(k) for k in set(data) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}; allowed: {sorted(allowed)}")
