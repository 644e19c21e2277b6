"""Operators per document class: a policy picks the Redactor's operators from the class the
GLiNER2 recognizer's classifier gives the document (``classify()``)::

    task: document_type          # which classifier decides
    default:                     # operators for documents no rule matches (optional)
      DEFAULT: {type: replace}
    classes:
      clinical note:
        DEFAULT: {type: replace}
      bank statement:
        CREDIT_CARD: {type: mask, masking_char: "*", keep_last: 4}
        DEFAULT: {type: replace}

A policy without ``task`` and ``classes`` applies its ``default`` to every document (the shipped
``surrogates`` policy). Shipped policies live in ``config/policies/`` (``by_document_type``,
``surrogates``); any YAML file or mapping works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Optional, Union

from presidio_anonymizer.entities import OperatorConfig

import presidio_gliner2.resources as resources
from presidio_gliner2.redaction.operators import operator_map

POLICY_DIR = resources.shipped_dir("policy")


@dataclass
class Policy:
    """Operators per document class; see the module docstring for the YAML shape."""

    task: Optional[str]
    classes: dict[str, dict[str, OperatorConfig]] = field(default_factory=dict)
    default: dict[str, OperatorConfig] = field(default_factory=dict)

    def operators_for(self, document_classes: Mapping[str, list]) -> tuple[Optional[str], dict[str, OperatorConfig]]:
        """(matched class or None, its operators): the best-scoring class of ``task`` with a rule."""
        for entry in (document_classes.get(self.task) or []) if self.task else []:
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
        classes = data.get("classes") or {}
        if task is None and not classes:  # one rule for every document
            if not data.get("default"):
                raise ValueError(f"{where}: a policy without 'task' and 'classes' needs 'default' operators")
        else:
            if not isinstance(task, str) or not task:
                raise ValueError(f"{where}: 'task' names the classifier that picks the class, e.g. document_type")
            if not isinstance(classes, Mapping) or not classes:
                raise ValueError(f"{where}: 'classes' maps document classes to operators and must not be empty")
        return cls(
            task=task,
            classes={str(name): operator_map(ops, f"{where}: classes[{name}]") for name, ops in classes.items()},
            default=operator_map(data.get("default"), f"{where}: default"),
        )


def policy_names() -> list[str]:
    return resources.names("policy")
