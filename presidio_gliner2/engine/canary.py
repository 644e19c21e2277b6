"""A model proves itself at load: a canary sentence whose identifiers it must find.

A checkpoint may carry ``canary.json``: a synthetic sentence, the labels to ask for, and the gold
spans. A model whose weights were zeroed, randomised or swapped still loads (the tensors have the
right shapes) and then finds nothing, which a redaction tool would report as "no PII". The canary
turns that into a load error. The bundled model ships one (written by ``training/export.py``,
which also refuses to export a model that fails it); any checkpoint may add its own.

Messages name labels and counts, never the sentence or a value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from presidio_gliner2.engine.checkpoint import ModelIntegrityError

CANARY_FILE = "canary.json"
THRESHOLD = 0.5


@dataclass(frozen=True)
class Canary:
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (label, start, end), gold

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(label for label, _, _ in self.spans))

    def to_dict(self) -> dict:
        return {"text": self.text, "spans": [{"label": l, "start": s, "end": e} for l, s, e in self.spans]}


# Synthetic: no real person, number or address. Labels the bundled model is trained on.
_TEXT = ("Patient Maria Lopez (DOB 03/14/1962) was seen on 05/02/2024. Call her at 617-555-0142 "
         "or maria.lopez@example.com; SSN 123-45-6789.")


def _span(label: str, value: str) -> tuple[str, int, int]:
    start = _TEXT.index(value)
    return label, start, start + len(value)


DEFAULT_CANARY = Canary(_TEXT, (
    _span("person", "Maria Lopez"), _span("date of birth", "03/14/1962"), _span("phone number", "617-555-0142"),
    _span("email address", "maria.lopez@example.com"), _span("social security number", "123-45-6789"),
))


def read_canary(directory: Union[str, Path]) -> Canary | None:
    """The checkpoint's canary, or None when it has none; ValueError when the file is malformed."""
    path = Path(directory) / CANARY_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["text"]
        spans = tuple((s["label"], int(s["start"]), int(s["end"])) for s in data["spans"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path} is not a canary file (text, spans: [{{label, start, end}}]): "
                         f"{type(exc).__name__}") from None
    if not isinstance(text, str) or not spans or any(not 0 <= s < e <= len(text) for _, s, e in spans):
        raise ValueError(f"{path}: every canary span must lie inside its text")
    return Canary(text, spans)


def write_canary(directory: Union[str, Path], canary: Canary = DEFAULT_CANARY) -> Path:
    path = Path(directory) / CANARY_FILE
    path.write_text(json.dumps(canary.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def missed_spans(model, canary: Canary) -> list[str]:
    """The canary's gold labels the model does not find (an overlapping span of that label counts)."""
    found = model.extract_entities(canary.text, canary.labels, threshold=THRESHOLD, include_spans=True)
    entities = found.get("entities", {})
    missed = []
    for label, start, end in canary.spans:
        spans = [item for item in entities.get(label, []) if isinstance(item, dict)]
        if not any(item["start"] < end and start < item["end"] for item in spans):
            missed.append(label)
    return missed


def verify_canary(model, directory: Union[str, Path]) -> None:
    """Raise ModelIntegrityError when the checkpoint has a canary and the model fails it."""
    canary = read_canary(directory)
    if canary is None:
        return
    missed = missed_spans(model, canary)
    if missed:
        raise ModelIntegrityError(
            f"the model in {directory} failed its canary: it found {len(canary.spans) - len(missed)} of "
            f"{len(canary.spans)} known identifiers (missed: {', '.join(missed)}). Its weights are damaged or "
            "not the ones it was exported with; reinstall presidio-gliner2 or re-export the model.")
