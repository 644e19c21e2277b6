"""Operators with state per document, as Presidio ``custom`` operators for one anonymizer call.

Presidio's anonymizer applies an operator to one value at a time. Ours need the whole document:
pseudonyms number values by first mention, surrogates keep one fake per value and one date shift
per document, ``mask`` with ``keep_last`` counts letters and digits. ``DocumentOperators`` turns
the specs for one document into ``OperatorConfig("custom", {"lambda": ...})`` entries around that
state, and collects what each replacement stood for (``mapping``) when the redaction is
reversible. The Redactor and the REST service's ``/anonymize`` both use it.
"""

from __future__ import annotations

from typing import Mapping, Optional

from presidio_anonymizer.entities import OperatorConfig

from presidio_gliner2.redaction.operators import DATE_SHIFT, PSEUDONYM, SURROGATE, mask_keep_last
from presidio_gliner2.redaction.pseudonyms import Pseudonyms
from presidio_gliner2.redaction.surrogates.document import DEFAULT_MAX_DAYS, DEFAULT_MIN_DAYS, DocumentSurrogates


class DocumentOperators:
    """Presidio operator configs for the findings of one document.

    :param text: the document.
    :param operators: entity type (or ``DEFAULT``) -> OperatorConfig, ``DEFAULT`` required.
    :param exact: key pseudonyms and surrogates on the exact value, so ``mapping`` restores it.
    :param surrogate_key: the key of ``surrogate``/``date_shift`` operators that name none.
    """

    def __init__(self, text: str, operators: Mapping[str, OperatorConfig], exact: bool = False,
                 surrogate_key: Optional[str] = None):
        self._text = text
        self._operators = operators
        self._exact = exact
        self._surrogate_key = surrogate_key
        self.pseudonyms = Pseudonyms(text, exact=exact)
        self._surrogates: dict[tuple, DocumentSurrogates] = {}

    def spec(self, entity_type: str) -> OperatorConfig:
        return self._operators.get(entity_type, self._operators["DEFAULT"])

    def configs(self, findings) -> tuple[dict[str, OperatorConfig], dict[str, str]]:
        """(Presidio operator configs for the entity types present, each type's operator name)."""
        configs: dict[str, OperatorConfig] = {}
        used: dict[str, str] = {}
        mentions: dict[str, list[tuple[str, str]]] = {PSEUDONYM: [], SURROGATE: []}
        for finding in findings:  # text order, so placeholders are numbered by first mention
            entity = finding.entity_type
            spec = self.spec(entity)
            name = spec.operator_name
            used[entity] = name
            value = self._text[finding.start:finding.end]
            if name == PSEUDONYM:
                mentions[PSEUDONYM].append((entity, value))
                configs[entity] = OperatorConfig("custom", {"lambda": self.pseudonyms.operator(entity)})
            elif name in (SURROGATE, DATE_SHIFT):
                surrogates = self._surrogates_for(spec.params)
                mentions[SURROGATE].append((entity, value))
                configs[entity] = OperatorConfig("custom", {"lambda": surrogates.operator(name, entity)})
            elif name == "mask" and "keep_last" in spec.params:
                keep, char = spec.params["keep_last"], spec.params.get("masking_char", "*")
                configs[entity] = OperatorConfig("custom", {"lambda": lambda v, k=keep, c=char: mask_keep_last(v, k, c)})
            else:
                configs[entity] = spec
        self.pseudonyms.assign_all(mentions[PSEUDONYM])
        for surrogates in self._surrogates.values():
            surrogates.prepare(mentions[SURROGATE])
        # Presidio requires a DEFAULT; every present type has its own entry, so it is never used.
        configs.setdefault("DEFAULT", OperatorConfig("redact", {}))
        return configs, used

    @property
    def mapping(self) -> dict[str, str]:
        """Replacement -> original value, for every pseudonym and surrogate handed out."""
        mapping = dict(self.pseudonyms.mapping)
        for surrogates in self._surrogates.values():
            mapping.update(surrogates.mapping)
        return mapping

    def _surrogates_for(self, params: Mapping) -> DocumentSurrogates:
        key = params.get("key") or self._surrogate_key
        days = (params.get("min_days", DEFAULT_MIN_DAYS), params.get("max_days", DEFAULT_MAX_DAYS))
        slot = (key, days)
        if slot not in self._surrogates:
            self._surrogates[slot] = DocumentSurrogates(self._text, key=key, exact=self._exact,
                                                        min_days=days[0], max_days=days[1])
        return self._surrogates[slot]
