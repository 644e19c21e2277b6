"""Which kind of text a record is, and how its surface looks.

A style is a builder plus the document type it counts as (None: no document-type task)
and the labels that are plausible in it (asked for as negatives first). "document" is
the original full-document builders of ``docs_*``; the others widen the generator to
what gets redacted in practice. After building, a record may be turned ALL-CAPS or all
lower case and may get OCR noise, at rates that depend on the style.
"""

from __future__ import annotations

import random
from typing import Callable

from .builder import Doc
from .ctx import Ctx
from . import docs_icu, docs_short, docs_tables
from .noise import Neg, Span, ocr_noise, recase

_CLINICAL = {"person", "age", "date", "date of birth", "organization", "phone number", "street address", "city",
             "medical record number", "title", "country or state", "nationality, religion or political group"}
_ANY = _CLINICAL | {"email address", "zip code", "url", "ip address", "social security number", "credit card number",
                    "iban", "health plan beneficiary number", "vehicle identifier", "license number"}

STYLES: dict[str, tuple[Callable[[Ctx], Doc], str | None, set[str]]] = {
    "icu shorthand": (docs_icu.icu_note, "clinical note", _CLINICAL),
    "phi-free note": (docs_icu.phi_free_note, "clinical note", _CLINICAL),
    "one sentence": (docs_short.one_sentence, None, _ANY),
    "text messages": (docs_short.text_messages, "chat log", _ANY),
    "short email": (docs_short.short_email, "email", _ANY),
    "table": (docs_tables.table, None, _ANY),
    "form": (docs_tables.form, None, _ANY),
}
# Share of records per style, in percent; "document" is every builder of DOCUMENT_TYPES.
STYLE_WEIGHTS: dict[str, float] = {"document": 55, "icu shorthand": 11, "phi-free note": 5, "one sentence": 13,
                                   "text messages": 4, "short email": 3, "table": 5, "form": 4}
# style -> (P(all upper case), P(all lower case)); OCR noise is style-independent.
CASE_RATES: dict[str, tuple[float, float]] = {"icu shorthand": (0.3, 0.45), "phi-free note": (0.3, 0.45),
                                              "text messages": (0.05, 0.45), "one sentence": (0.08, 0.12)}
DEFAULT_CASE = (0.05, 0.06)
OCR_RATE = 0.06


def surface(rng: random.Random, style: str, text: str, spans: list[Span],
            negs: list[Neg]) -> tuple[str, list[Span], list[Neg], list[str]]:
    """Recase and/or add OCR noise; returns the new text, annotations and what was done."""
    looks: list[str] = []
    upper, lower = CASE_RATES.get(style, DEFAULT_CASE)
    r = rng.random()
    if r < upper:
        text, looks = recase(text, upper=True), ["upper"]
    elif r < upper + lower:
        text, looks = recase(text, upper=False), ["lower"]
    if rng.random() < OCR_RATE:
        text, spans, negs = ocr_noise(rng, text, spans, negs)
        looks.append("ocr")
    return text, spans, negs, looks
