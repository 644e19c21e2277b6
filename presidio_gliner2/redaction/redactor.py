"""``Redactor`` (public as ``presidio_gliner2.Redactor``): analyze + anonymize in one call, with
per-document operators and pseudonyms::

    redactor = Redactor(config="healthcare", pseudonyms=True)
    result = redactor.redact("Jane Roe (MRN 448812) called from 617-555-0142.")
    result.text        # '<PERSON_1> (MRN <MEDICAL_RECORD_NUMBER_1>) called from <PHONE_NUMBER_1>.'
    result.findings    # [{'entity_type': 'PERSON', 'start': 0, 'end': 8, 'score': 0.97, ...}, ...]

How one document is redacted:

1. The batched analysis every face shares (``analysis.py``) runs Presidio's ``AnalyzerEngine``
   (built from a deployment config, ``analyzers.py``) with one GLiNER2 model pass per chunk of
   texts, which also yields the document classes, and applies the overlap rules (``overlaps.resolve_overlaps``).
2. Overlapping results of different types become disjoint spans that still cover every character
   any result covered (``overlaps.disjoint_findings``). These spans are the ``findings``.
3. Operators are chosen per entity type: the call's ``operators``, then the policy's rule for the
   document's class, then the Redactor's ``operators``, then ``default_operator``.
4. Presidio's ``AnonymizerEngine`` applies them. The output is then checked: every finding was
   replaced and every character outside the findings is unchanged, or ``RuntimeError``.

Nothing here logs, prints or raises with the text or a detected value.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Sequence

from presidio_analyzer import RecognizerResult
from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine
from presidio_anonymizer.entities import OperatorConfig, OperatorResult

from presidio_gliner2.engine.inputs import check_text, check_texts
from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY
from presidio_gliner2.redaction.analysis import TextAnalysis, classify_batch, gliner2_recognizers, iter_analyses
from presidio_gliner2.redaction.document_operators import DocumentOperators
from presidio_gliner2.redaction.operators import DOCUMENT_OPERATORS, PSEUDONYM, operator_map, operator_spec
from presidio_gliner2.redaction.policies import Policy
from presidio_gliner2.redaction.overlaps import disjoint_findings
from presidio_gliner2.redaction.surrogates.draw import check_key

logger = logging.getLogger("presidio-gliner2")


@dataclass
class RedactionResult:
    """One redacted document.

    ``findings`` and ``items`` carry positions, types and scores, never values: ``items`` is the
    report of what was replaced, in the redacted text. ``mapping`` does carry the original values
    (replacement -> value); it exists only when ``reversible=True``.
    """

    text: str
    findings: list[dict] = field(default_factory=list)
    document_classes: dict = field(default_factory=dict)
    mapping: Optional[dict[str, str]] = None
    items: list[dict] = field(default_factory=list)  # replacements, positions in the redacted text
    policy_class: Optional[str] = None  # the document class whose policy rule was applied

    def to_dict(self) -> dict:
        return {"text": self.text, "findings": self.findings, "document_classes": self.document_classes,
                "mapping": self.mapping, "items": self.items, "policy_class": self.policy_class}


class Redactor:
    """Analyze and anonymize text with a GLiNER2-backed Presidio analyzer.

    :param config: a shipped deployment config (``general``, ``healthcare``, ``finance``) or a path
        to an AnalyzerEngineProvider YAML; ignored when ``analyzer`` is given.
    :param analyzer: a ready ``AnalyzerEngine`` (any recognizers; GLiNER2 ones are batched).
    :param operators: entity type (or ``DEFAULT``) -> operator spec: a Presidio ``OperatorConfig``,
        its JSON form ``{"type": "hash", "salt": "..."}`` or a name; plus ``pseudonym`` and
        ``mask`` with ``keep_last`` (see ``operators.py``).
    :param default_operator: the spec for entity types without one (``replace``: ``<PERSON>``).
    :param pseudonyms: numbered placeholders (``<PERSON_1>``) for entity types without an operator,
        the same one for every mention of the same value in a document.
    :param reversible: the replacement -> value ``mapping`` in each result, for
        ``Redactor.restore``; pseudonyms and surrogates are then keyed on the exact value. Every
        operator must be one that keeps that mapping (``pseudonym``, the default then;
        ``surrogate``; ``date_shift``): for others use ``encrypt`` and ``Redactor.decrypt``.
    :param policy: operators per document class: a mapping, a YAML file or a shipped policy name
        (``by_document_type``); needs a GLiNER2 recognizer with that classifier.
    :param surrogate_key: the key of ``surrogate`` and ``date_shift`` operators that name none (at
        least 16 characters): the same value gets the same fake, and dates the same shift, in
        every document; a call's ``surrogate_key`` overrides it (one key per patient). None: new
        fakes and a new shift for each document.
    :param language: the analyzer language.
    :param score_threshold: passed to ``AnalyzerEngine.analyze`` (None: recognizer thresholds).
    :param entities: restrict every call to these entity types (None: all the analyzer supports).
    """

    def __init__(self, config: Any = "general", analyzer=None, operators: Optional[Mapping[str, Any]] = None,
                 default_operator: Any = "replace", pseudonyms: bool = False, reversible: bool = False,
                 policy: Any = None, language: str = "en", score_threshold: Optional[float] = None,
                 entities: Optional[Sequence[str]] = None, surrogate_key: Optional[str] = None):
        if score_threshold is not None and not (isinstance(score_threshold, (int, float))
                                                and 0.0 <= score_threshold <= 1.0):
            raise ValueError("score_threshold must be a number in [0, 1] or None")
        self._operators = operator_map(operators, "operators")
        reversible_default = reversible and default_operator == "replace"
        self._default = operator_spec(PSEUDONYM if pseudonyms or reversible_default else default_operator,
                                      "default_operator")
        self.reversible = bool(reversible)
        self.policy = Policy.load(policy) if policy is not None else None
        self.surrogate_key = _check_surrogate_key(surrogate_key)
        if self.reversible:
            self._check_reversible({"DEFAULT": self._default, **self._operators}, "reversible=True")
            if self.policy is not None:
                for rules in [self.policy.default, *self.policy.classes.values()]:
                    self._check_reversible(rules, "reversible=True with this policy")
        self.language = language
        self.score_threshold = score_threshold
        if analyzer is None:
            from presidio_gliner2.redaction.analyzers import build_analyzer

            analyzer = build_analyzer(config)
        self.analyzer = analyzer
        if language not in (getattr(analyzer, "supported_languages", None) or [language]):
            raise ValueError(f"language {language!r} is not supported by the analyzer "
                             f"(supported: {', '.join(analyzer.supported_languages)})")
        self.entities = self._check_entities(entities)
        self._gliner2 = gliner2_recognizers(analyzer, language)
        if self.policy is not None and self.policy.task is not None:
            if not self._gliner2:
                raise ValueError("a policy picks operators by document class, which needs a GLiNER2Recognizer "
                                 "in the analyzer")
            tasks = sorted({task for r in self._gliner2 for task in r.classifiers})
            if self.policy.task not in tasks:
                raise ValueError(f"the policy's task {self.policy.task!r} is not a classifier of the analyzer's "
                                 f"GLiNER2 recognizers (they have: {', '.join(tasks) or 'none'})")
        self._anonymizer = AnonymizerEngine()

    # ---------------------------------------------------------------------------------- analyze

    def analyze(self, text: str, entities: Optional[Sequence[str]] = None,
                return_decision_process: bool = False) -> list[RecognizerResult]:
        """Presidio results for one text, with the checksum overlap rule applied."""
        return self.analyze_batch([check_text(text)], entities, return_decision_process)[0]

    def analyze_batch(self, texts: Sequence[str], entities: Optional[Sequence[str]] = None,
                      return_decision_process: bool = False) -> list[list[RecognizerResult]]:
        """``analyze`` for many texts: one batched GLiNER2 pass and one spaCy pipe per chunk."""
        return [analysis.results for analysis in
                self._analyses(check_texts(texts), entities, return_decision_process, classify=False)]

    def analyze_and_classify(self, text: str, entities: Optional[Sequence[str]] = None,
                             return_decision_process: bool = False) -> tuple[list[RecognizerResult], dict]:
        """``analyze`` and ``classify`` of one text from the same model pass."""
        analysis = next(self._analyses([check_text(text)], entities, return_decision_process))
        return analysis.results, analysis.classes

    def classify(self, text: str) -> dict:
        """Document classes from the analyzer's GLiNER2 recognizers, e.g. {"document_type": [...]}."""
        if not self._gliner2 or not check_text(text).strip():
            return {}
        return classify_batch(self.analyzer, [text], self.language)[0]  # the model only, no Presidio pass

    # ----------------------------------------------------------------------------------- redact

    def redact(self, text: str, entities: Optional[Sequence[str]] = None,
               operators: Optional[Mapping[str, Any]] = None, surrogate_key: Optional[str] = None) -> RedactionResult:
        return self.redact_batch([check_text(text)], entities, operators, surrogate_key=surrogate_key)[0]

    def redact_batch(self, texts: Sequence[str], entities: Optional[Sequence[str]] = None,
                     operators: Optional[Mapping[str, Any]] = None, progress: bool = False,
                     surrogate_key: Optional[str] = None) -> list[RedactionResult]:
        """``redact`` for many texts, batched through the model; ``progress`` shows a tqdm bar on stderr.
        ``surrogate_key`` (for this call, e.g. one patient's documents) overrides the Redactor's."""
        texts = check_texts(texts)
        call_operators = self._call_operators(operators)
        key = _check_surrogate_key(surrogate_key) or self.surrogate_key
        analyses = self._analyses(texts, entities, return_decision_process=True)
        if progress:
            from tqdm import tqdm

            analyses = tqdm(analyses, total=len(texts), unit="doc", desc="redacting")
        return [self._redact(text, analysis, call_operators, key) for text, analysis in zip(texts, analyses)]

    # ---------------------------------------------------------------------------------- reverse

    @staticmethod
    def restore(redacted_text: str, mapping: Optional[Mapping[str, str]],
                items: Optional[Iterable[Mapping[str, Any]]] = None) -> str:
        """Put the original values back in place of the replacements of a reversible redaction.

        With the result's ``items``, exactly at their positions (a surrogate such as ``Elena Ortiz``
        may also occur in the text as written); without, wherever a placeholder occurs."""
        check_text(redacted_text)
        if not mapping:
            return redacted_text
        if not all(isinstance(k, str) and k and isinstance(v, str) for k, v in mapping.items()):
            raise TypeError("mapping must map placeholder strings to original strings")
        if items is not None:
            return _restore_at(redacted_text, mapping, items)
        pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
        return pattern.sub(lambda m: mapping[m.group(0)], redacted_text)

    @staticmethod
    def decrypt(redacted_text: str, items: Iterable[Mapping[str, Any]], key: str) -> str:
        """Decrypt the ``encrypt``-ed items of a RedactionResult (its ``items``) with ``key``."""
        check_text(redacted_text)
        entities = [OperatorResult(start=i["start"], end=i["end"], entity_type=i["entity_type"])
                    for i in items if i.get("operator") == "encrypt"]
        if not entities:
            return redacted_text
        result = DeanonymizeEngine().deanonymize(
            text=redacted_text, entities=entities, operators={"DEFAULT": OperatorConfig("decrypt", {"key": key})})
        return result.text

    # -------------------------------------------------------------------------------- internals

    def _check_entities(self, entities: Optional[Sequence[str]]) -> Optional[list[str]]:
        if entities is None:
            return None
        if isinstance(entities, str) or not all(isinstance(e, str) for e in entities):
            raise TypeError("entities must be a list of entity type names")
        supported = set(self.analyzer.get_supported_entities(self.language))
        unknown = sorted(set(entities) - supported)
        if unknown:
            raise ValueError(f"unknown entities {unknown}; this analyzer supports {sorted(supported)}")
        return list(entities)

    def _entities(self, entities: Optional[Sequence[str]]) -> Optional[list[str]]:
        return self._check_entities(entities) if entities is not None else self.entities

    def _call_operators(self, operators: Optional[Mapping[str, Any]]) -> dict[str, OperatorConfig]:
        call_operators = operator_map(operators, "operators")
        if self.reversible:
            self._check_reversible(call_operators, "this Redactor is reversible")
        return call_operators

    @staticmethod
    def _check_reversible(operators: Mapping[str, OperatorConfig], where: str) -> None:
        others = sorted({spec.operator_name for spec in operators.values()} - DOCUMENT_OPERATORS)
        if others:
            raise ValueError(f"{where}: every operator must keep a mapping back to the original "
                             f"({', '.join(sorted(DOCUMENT_OPERATORS))}), not {', '.join(others)}; "
                             "use encrypt and Redactor.decrypt to reverse other redactions")

    def _analyses(self, texts: list[str], entities: Optional[Sequence[str]], return_decision_process: bool,
                  classify: bool = True):
        return iter_analyses(self.analyzer, texts, language=self.language, entities=self._entities(entities),
                             score_threshold=self.score_threshold, classify=classify and bool(self._gliner2),
                             return_decision_process=return_decision_process)

    def _redact(self, text: str, analysis: TextAnalysis, call_operators, surrogate_key) -> RedactionResult:
        findings = disjoint_findings(text, analysis.results)
        document_classes = analysis.classes
        policy_class, operators = self._operators_for(document_classes, call_operators)
        document_operators = DocumentOperators(text, operators, exact=self.reversible, surrogate_key=surrogate_key)
        presidio_ops, used = document_operators.configs(findings)
        engine_result = self._anonymizer.anonymize(text=text, analyzer_results=findings, operators=presidio_ops,
                                                   merge_entities_with_spaces=False)
        items = sorted(engine_result.items, key=lambda item: item.start)
        _check_redaction(text, findings, items, engine_result.text)
        return RedactionResult(
            text=engine_result.text,
            findings=[_finding(f, used[f.entity_type]) for f in findings],
            document_classes=document_classes,
            mapping=document_operators.mapping if self.reversible else None,
            items=[{"start": i.start, "end": i.end, "entity_type": i.entity_type, "operator": used[i.entity_type]}
                   for i in items],
            policy_class=policy_class,
        )

    def _operators_for(self, document_classes, call_operators):
        operators = {"DEFAULT": self._default, **self._operators}
        policy_class = None
        if self.policy is not None:
            policy_class, rule = self.policy.operators_for(document_classes)
            operators.update(rule)
        operators.update(call_operators)
        return policy_class, operators


def _finding(result: RecognizerResult, operator: str) -> dict:
    metadata = result.recognition_metadata or {}
    finding = {"entity_type": result.entity_type, "start": result.start, "end": result.end,
               "score": round(float(result.score), 4),
               "recognizer": metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY), "operator": operator}
    if MODEL_LABEL_KEY in metadata:
        finding[MODEL_LABEL_KEY] = metadata[MODEL_LABEL_KEY]
    return finding


def _check_redaction(text: str, findings: list, items: list, redacted: str) -> None:
    """Every finding replaced, every other character unchanged; else RuntimeError (no text in it)."""
    if len(items) != len(findings):
        raise RuntimeError(f"redaction check failed: {len(findings)} findings but {len(items)} replacements")
    pieces, cursor, position = [], 0, 0
    for finding, item in zip(findings, items):
        if item.entity_type != finding.entity_type:
            raise RuntimeError("redaction check failed: replacements out of order with the findings")
        gap = text[cursor:finding.start]
        position += len(gap)
        if item.start != position:
            raise RuntimeError("redaction check failed: a replacement is not where its finding was")
        pieces += [gap, item.text]
        position += len(item.text)
        cursor = finding.end
    pieces.append(text[cursor:])
    if "".join(pieces) != redacted:
        raise RuntimeError("redaction check failed: text outside the findings changed")


def _check_surrogate_key(key: Optional[str]) -> Optional[str]:
    if key is not None:
        if not isinstance(key, str):
            raise ValueError(f"surrogate_key must be a string, not {type(key).__name__}")
        check_key(key, "surrogate_key")
    return key


def _restore_at(redacted_text: str, mapping: Mapping[str, str], items: Iterable[Mapping[str, Any]]) -> str:
    """The originals put back at the items' positions (positions in the redacted text)."""
    pieces, cursor = [], 0
    for item in sorted(items, key=lambda i: i["start"]):
        start, end = item["start"], item["end"]
        if not (isinstance(start, int) and isinstance(end, int) and cursor <= start <= end <= len(redacted_text)):
            raise ValueError("items do not fit the redacted text: positions out of order or out of range")
        replacement = redacted_text[start:end]
        if replacement not in mapping:
            raise ValueError(f"no original in the mapping for the {item.get('entity_type', 'item')} at {start}:{end}")
        pieces += [redacted_text[cursor:start], mapping[replacement]]
        cursor = end
    pieces.append(redacted_text[cursor:])
    return "".join(pieces)
