"""presidio-gliner2: a GLiNER2 recognizer for Microsoft Presidio.

The layers, in the order data flows through them (each imports only those before it):

- ``engine``: our checkpoint-compatible GLiNER2 (torch, transformers; never Presidio);
- ``training``: data, generator, trainer and evaluation for the engine's models;
- ``plugin``: entity packs and ``GLiNER2Recognizer``; importing it plugs into Presidio
  (YAML registration, log privacy, offline public-suffix list);
- ``redaction``: analyzers from deployment configs, overlap rules, operators, the ``Redactor``,
  the batched analysis every face calls, document readers and writers;
- faces: ``cli``, ``server``, and the batch jobs ``spark`` and ``ray`` (with ``batch``, their shared
  row logic; install the ``batch`` extra).

The public names below load on first use, so ``import presidio_gliner2.engine`` costs no Presidio.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_PUBLIC = {
    "GLiNER2": "presidio_gliner2.engine.api",
    "Schema": "presidio_gliner2.engine.schema",
    "GLiNER2Recognizer": "presidio_gliner2.plugin.recognizer",
    "Redactor": "presidio_gliner2.redaction.redactor",
    "RedactionResult": "presidio_gliner2.redaction.redactor",
}
__all__ = sorted(_PUBLIC)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from presidio_gliner2.engine.api import GLiNER2
    from presidio_gliner2.engine.schema import Schema
    from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer
    from presidio_gliner2.redaction.redactor import RedactionResult, Redactor


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'presidio_gliner2' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
