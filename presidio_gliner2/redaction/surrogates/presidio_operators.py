"""``surrogate`` and ``date_shift`` as operators of Presidio's own ``AnonymizerEngine``::

    from presidio_anonymizer import AnonymizerEngine
    from presidio_gliner2.redaction.surrogates.presidio_operators import add_to

    engine = add_to(AnonymizerEngine())
    engine.anonymize(text, results, {"DEFAULT": OperatorConfig("surrogate", {"key": KEY})})

Presidio hands an operator one value at a time, with no view of the document, so here the key is
required: it is what makes a value's fake (and the date shift) the same at every mention. The
Redactor and the REST service do better with the whole document (``document_operators.py``): a
partial name follows its fuller name, and two values never share a fake.
"""

from __future__ import annotations

from presidio_anonymizer.operators import Operator, OperatorType

from presidio_gliner2.redaction.operators import DATE_SHIFT, SURROGATE, check_operator_params
from presidio_gliner2.redaction.surrogates.document import DEFAULT_MAX_DAYS, DEFAULT_MIN_DAYS, DocumentSurrogates


class _Keyed(Operator):
    kind = SURROGATE

    def validate(self, params: dict = None) -> None:
        params = {k: v for k, v in (params or {}).items() if k != "entity_type"}
        if params.get("key") is None:
            raise ValueError(f"{self.kind} in Presidio's AnonymizerEngine needs a 'key' (at least 16 characters): "
                             "it keeps every mention of a value alike; without one use presidio_gliner2.Redactor")
        check_operator_params(self.kind, params, self.kind)

    def operate(self, text: str = None, params: dict = None) -> str:
        params = params or {}
        document = DocumentSurrogates("", key=params["key"], min_days=params.get("min_days", DEFAULT_MIN_DAYS),
                                      max_days=params.get("max_days", DEFAULT_MAX_DAYS))
        entity_type = params.get("entity_type") or "DEFAULT"
        return document.surrogate(entity_type, text) if self.kind == SURROGATE else document.shift(entity_type, text)

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


class SurrogateOperator(_Keyed):
    """A realistic fake of the entity's kind, the same for the same value and key."""

    kind = SURROGATE

    def operator_name(self) -> str:
        return SURROGATE


class DateShiftOperator(_Keyed):
    """Dates moved by the key's number of days, in their own format; ages over 89 -> 90+."""

    kind = DATE_SHIFT

    def operator_name(self) -> str:
        return DATE_SHIFT


def add_to(engine):
    """Register both operators with an ``AnonymizerEngine`` and return it."""
    engine.add_anonymizer(SurrogateOperator)
    engine.add_anonymizer(DateShiftOperator)
    return engine
