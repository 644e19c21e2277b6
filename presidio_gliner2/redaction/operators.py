"""Operator specs for the Redactor: Presidio's operators, two additions, and per-class policies.

An operator spec is what you would give Presidio's anonymizer for one entity type, in any of
three spellings: an ``OperatorConfig``, Presidio's JSON form ``{"type": "mask", "masking_char":
"*", ...}``, or a bare name ``"redact"``. Specs are keyed by entity type, ``DEFAULT`` for the rest.

Additions (translated to Presidio ``custom`` operators per document):

* ``{"type": "pseudonym"}``: numbered placeholders, the same one for every mention of the same
  value within a document: ``<PERSON_1>``, ``<PERSON_2>``, ...
* ``{"type": "mask", "keep_last": 4, "masking_char": "*"}``: mask every letter and digit except the
  last ``keep_last`` ones and keep separators, whatever the value's length
  (``4111 1111 1111 1111`` -> ``**** **** **** 1111``). Presidio's own mask counts characters
  from one end, which cannot keep "the last 4" of values of different lengths.

A policy picks operators by document class (``classify()`` of the GLiNER2 recognizer)::

    task: document_type          # which classifier decides
    default:                     # operators for documents no rule matches (optional)
      DEFAULT: {type: replace}
    classes:
      clinical note:
        DEFAULT: {type: replace}
      bank statement:
        CREDIT_CARD: {type: mask, masking_char: "*", keep_last: 4}
        DEFAULT: {type: replace}
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional, Union

from presidio_anonymizer.entities import OperatorConfig

from presidio_gliner2 import resources

PSEUDONYM = "pseudonym"
PRESIDIO_OPERATORS = ("replace", "redact", "mask", "hash", "encrypt", "keep", "custom")
OPERATOR_NAMES = PRESIDIO_OPERATORS + (PSEUDONYM,)
POLICY_DIR = resources.shipped_dir("policy")


def operator_spec(spec: Any, where: str = "operator") -> OperatorConfig:
    """One spec (OperatorConfig, JSON-style dict or name) as an OperatorConfig. Validates the name."""
    if isinstance(spec, OperatorConfig):
        config = OperatorConfig(spec.operator_name, dict(spec.params or {}))
    elif isinstance(spec, str):
        config = OperatorConfig(spec, {})
    elif isinstance(spec, Mapping):
        params = dict(spec)
        name = params.pop("type", None)
        if not isinstance(name, str):
            raise ValueError(f"{where}: a dict operator needs a 'type' (one of {', '.join(OPERATOR_NAMES)})")
        config = OperatorConfig(name, params)
    else:
        raise TypeError(f"{where}: an operator is an OperatorConfig, a dict with 'type', or a name; "
                        f"got {type(spec).__name__}")
    if config.operator_name not in OPERATOR_NAMES:
        raise ValueError(f"{where}: unknown operator {config.operator_name!r}; "
                         f"use one of {', '.join(OPERATOR_NAMES)}")
    if "keep_last" in config.params:
        keep = config.params["keep_last"]
        if config.operator_name != "mask":
            raise ValueError(f"{where}: keep_last belongs to the mask operator")
        if not isinstance(keep, int) or isinstance(keep, bool) or keep < 0:
            raise ValueError(f"{where}: keep_last must be a non-negative integer")
    return config


def operator_map(specs: Optional[Mapping[str, Any]], where: str = "operators") -> dict[str, OperatorConfig]:
    """A mapping entity type -> spec, each spec as an OperatorConfig."""
    if specs is None:
        return {}
    if not isinstance(specs, Mapping):
        raise TypeError(f"{where} must map entity types (or DEFAULT) to operators, "
                        f"not {type(specs).__name__}")
    return {str(entity): operator_spec(spec, f"{where}[{entity}]") for entity, spec in specs.items()}


def mask_keep_last(value: str, keep_last: int, masking_char: str = "*") -> str:
    """Mask letters and digits except the last ``keep_last`` of them; separators stay."""
    if len(masking_char) != 1:
        raise ValueError("masking_char must be a single character")
    alnum_total = sum(ch.isalnum() for ch in value)
    to_mask = max(alnum_total - keep_last, 0)
    out = []
    for ch in value:
        if ch.isalnum() and to_mask > 0:
            out.append(masking_char)
            to_mask -= 1
        else:
            out.append(ch)
    return "".join(out)


# Entity types whose partial mentions ("Okafor") refer to a fuller one ("Margaret Okafor").
NAME_ENTITIES = frozenset({"PERSON"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"})


class Pseudonyms:
    """Numbered placeholders for one document, the same one for every mention of a value.

    ``exact=True`` (reversible redaction) keys on the exact value, so restoring gives back the
    exact text. Otherwise case and runs of whitespace are ignored (``John  SMITH`` = ``John Smith``),
    and a PERSON mention whose name words are all part of exactly one fuller name in the document
    shares its placeholder (``Dr. Okafor`` -> the ``<PERSON_1>`` of ``Margaret Okafor``; with two
    different Okafors it gets its own). A placeholder that already occurs in the text is skipped,
    so a restore is never ambiguous.
    """

    def __init__(self, text: str, exact: bool = False):
        self._text = text
        self._exact = exact
        self._by_key: dict[tuple[str, str], str] = {}
        self._alias: dict[tuple[str, str], tuple[str, str]] = {}
        self._counts: dict[str, int] = {}
        self.mapping: dict[str, str] = {}

    def _key(self, entity_type: str, value: str) -> tuple[str, str]:
        key = entity_type, (value if self._exact else " ".join(value.split()).casefold())
        return self._alias.get(key, key)

    def assign_all(self, mentions: list[tuple[str, str]]) -> None:
        """Placeholders for (entity_type, value) mentions given in text order, numbered by first mention."""
        if not self._exact:
            self._alias = _name_aliases([self._key(entity, value) for entity, value in mentions])
        for entity, value in mentions:
            self.assign(entity, value)

    def assign(self, entity_type: str, value: str) -> str:
        key = self._key(entity_type, value)
        if key not in self._by_key:
            number = self._counts.get(entity_type, 0)
            while True:
                number += 1
                placeholder = f"<{entity_type}_{number}>"
                if placeholder not in self._text:
                    break
            self._counts[entity_type] = number
            self._by_key[key] = placeholder
            self.mapping[placeholder] = value
        return self._by_key[key]

    def operator(self, entity_type: str) -> Callable[[str], str]:
        def placeholder(value: str) -> str:
            found = self._by_key.get(self._key(entity_type, value))
            if found is None:  # never name the value: this message may reach a log
                raise RuntimeError(f"no pseudonym was assigned for a {entity_type} finding")
            return found

        return placeholder


def _name_words(value: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", value) if w not in _HONORIFICS)


def _name_aliases(keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Partial name -> the one fuller name it belongs to (keys are normalised, lower case)."""
    names = list(dict.fromkeys(k for k in keys if k[0] in NAME_ENTITIES))
    words = {k: _name_words(k[1]) for k in names}
    aliases = {}
    for key in sorted(names, key=lambda k: -len(words[k])):  # fuller names settle first
        if not words[key]:
            continue
        # Same words in another order ("Okafor, Margaret") or a strict subset of a fuller name.
        fuller = [other for other in names if other != key and other[0] == key[0]
                  and (words[key] < words[other] or (words[key] == words[other] and names.index(other) < names.index(key)))]
        roots = [f for f in fuller if not any(words[f] < words[g] for g in fuller)]
        roots = list(dict.fromkeys(_root(f, aliases) for f in roots))
        if len(roots) == 1:
            aliases[key] = roots[0]
    return {key: _root(key, aliases) for key in aliases}


def _root(key, aliases):
    while key in aliases:
        key = aliases[key]
    return key


@dataclass
class Policy:
    """Operators per document class; see the module docstring for the YAML shape."""

    task: str
    classes: dict[str, dict[str, OperatorConfig]] = field(default_factory=dict)
    default: dict[str, OperatorConfig] = field(default_factory=dict)

    def operators_for(self, document_classes: Mapping[str, list]) -> tuple[Optional[str], dict[str, OperatorConfig]]:
        """(matched class or None, its operators): the best-scoring class of ``task`` with a rule."""
        for entry in document_classes.get(self.task) or []:
            label = entry.get("label") if isinstance(entry, Mapping) else entry
            if label in self.classes:
                return label, self.classes[label]
        return None, self.default

    @classmethod
    def load(cls, policy: Union["Policy", Mapping, str, os.PathLike]) -> "Policy":
        if isinstance(policy, Policy):
            return policy
        if isinstance(policy, (str, os.PathLike)):
            path = resources.resolve("policy", policy)
            data = resources.load_yaml(path, "policy")
            where = str(path)
        elif isinstance(policy, Mapping):
            data, where = policy, "policy"
        else:
            raise TypeError(f"policy must be a mapping, a file or a shipped policy name, not {type(policy).__name__}")
        if not isinstance(data, Mapping):
            raise ValueError(f"{where}: a policy is a mapping with 'task' and 'classes'")
        unknown = set(data) - {"task", "classes", "default"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)} (allowed: task, classes, default)")
        task = data.get("task")
        if not isinstance(task, str) or not task:
            raise ValueError(f"{where}: 'task' names the classifier that picks the class, e.g. document_type")
        classes = data.get("classes") or {}
        if not isinstance(classes, Mapping) or not classes:
            raise ValueError(f"{where}: 'classes' maps document classes to operators and must not be empty")
        return cls(
            task=task,
            classes={str(name): operator_map(ops, f"{where}: classes[{name}]") for name, ops in classes.items()},
            default=operator_map(data.get("default"), f"{where}: default"),
        )


def policy_names() -> list[str]:
    return resources.names("policy")
