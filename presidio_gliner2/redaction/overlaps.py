"""Overlap rules between GLiNER2 spans and Presidio's pattern recognizers.

Three rules, all pure functions over ``RecognizerResult`` lists:

* ``apply_checksum_precedence``: a pattern match whose validator passed (Luhn card, IBAN mod-97,
  ABA and NPI checksums, DEA license check, ...) wins over an overlapping GLiNER2 span. The GLiNER2
  span is *trimmed* to the characters outside the validated match, never simply dropped, so the
  union of redacted characters is unchanged; only the entity type of the overlapping characters
  changes. Pieces left with no letter or digit (a stray ``.`` or ``-``) are dropped.
* ``drop_contained``: a result that lies wholly inside a higher-ranked result of any type is
  dropped (the URL Presidio finds inside an e-mail address, the catch-all "other identifying
  number" on the characters of an MRN). No character becomes uncovered; the analysis reports one
  finding per value instead of several names for it. ``resolve_overlaps`` is the checksum rule
  followed by this one: what every analysis applies.
* ``disjoint_findings``: turns overlapping results of different types into non-overlapping spans
  that still cover every character of every result (Presidio's anonymizer would otherwise drop
  contained results or swallow the text between partial overlaps). Priority: validated match,
  then a specific type over a catch-all one (``CATCH_ALL_ENTITIES``), then score, then length,
  then position.

Why not leave overlaps to Presidio: ``AnalyzerEngine`` keeps overlapping results of different
types, and ``AnonymizerEngine`` picks by score alone, so a GLiNER2 ``US_BANK_NUMBER`` at 0.9 could
relabel a Luhn-valid card, and partially overlapping results can eat the text between them.
"""

from __future__ import annotations

import inspect
from typing import Collection, Iterable, List, Optional, Sequence

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

from presidio_gliner2.engine.words import trim_whitespace
from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY
from presidio_gliner2.training.labels import CATCH_ALL_ENTITIES

# Presidio pattern recognizers whose ``validate_result`` is a checksum or strict format check.
# Used only when a result carries no AnalysisExplanation (the engine strips explanations unless
# ``return_decision_process=True``): then a score of exactly 1.0 from one of these recognizers
# can only come from a passed validation.
CHECKSUM_RECOGNIZERS = frozenset({
    "CreditCardRecognizer", "IbanRecognizer", "AbaRoutingRecognizer", "UsNpiRecognizer",
    "MedicalLicenseRecognizer", "EmailRecognizer", "CryptoRecognizer", "NhsRecognizer",
    "InAadhaarRecognizer", "AuAbnRecognizer", "AuAcnRecognizer", "AuTfnRecognizer",
    "AuMedicareRecognizer", "PlPeselRecognizer", "EsNifRecognizer", "EsNieRecognizer",
    "ItFiscalCodeRecognizer", "ItVatCodeRecognizer", "FiPersonalIdentityCodeRecognizer",
})


def is_gliner2(result: RecognizerResult) -> bool:
    """True for results produced by GLiNER2Recognizer (they carry the model label)."""
    return MODEL_LABEL_KEY in (result.recognition_metadata or {})


def is_validated(result: RecognizerResult) -> bool:
    """True when a pattern recognizer's validator (checksum) accepted this match."""
    if is_gliner2(result):
        return False
    explanation = result.analysis_explanation
    if explanation is not None and getattr(explanation, "validation_result", None) is not None:
        return bool(explanation.validation_result)
    name = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)
    return name in CHECKSUM_RECOGNIZERS and result.score >= 1.0


def _has_content(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _piece(result: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(
        entity_type=result.entity_type, start=start, end=end, score=result.score,
        analysis_explanation=result.analysis_explanation,
        recognition_metadata=dict(result.recognition_metadata or {}),
    )


def _subtract(text: str, result: RecognizerResult, blocked: Sequence[tuple[int, int]],
              need_content: bool) -> List[RecognizerResult]:
    """The parts of ``result`` outside every ``blocked`` interval, whitespace-trimmed.

    ``need_content`` also drops pieces without a letter or digit (leftover punctuation).
    """
    pieces, cursor = [], result.start
    for block_start, block_end in sorted(blocked):
        if block_end <= cursor or block_start >= result.end:
            continue
        if block_start > cursor:
            pieces.append((cursor, block_start))
        cursor = max(cursor, block_end)
    if cursor < result.end:
        pieces.append((cursor, result.end))
    out = []
    for start, end in pieces:
        start, end = trim_whitespace(text, start, end)
        if start < end and (not need_content or _has_content(text, start, end)):
            out.append(_piece(result, start, end))
    return out


def apply_checksum_precedence(text: str, results: Iterable[RecognizerResult]) -> List[RecognizerResult]:
    """Trim every GLiNER2 result away from the validated pattern matches it overlaps.

    Order is kept (a trimmed result's pieces take its place), so Presidio's score order survives.
    Results that overlap no validated match are returned as they are (same objects).
    """
    results = list(results)
    validated = [(r.start, r.end) for r in results if is_validated(r)]
    if not validated:
        return results
    out: List[RecognizerResult] = []
    for result in results:
        overlapping = [(s, e) for s, e in validated if s < result.end and result.start < e]
        if is_gliner2(result) and overlapping:
            out.extend(_subtract(text, result, overlapping, need_content=True))
        else:
            out.append(result)
    return out


def drop_contained(results: Iterable[RecognizerResult],
                   keep_recognizers: Collection[str] = ()) -> List[RecognizerResult]:
    """``results`` less each one whose characters all lie inside one higher-ranked result.

    Ranked as ``disjoint_findings`` ranks (validated match, a specific type over a catch-all,
    score, length, position). A result inside a *lower*-ranked one is kept (a validated card
    number inside a model span keeps its own type and score), so the covered characters never
    change. Results of the recognizers whose identifiers are in ``keep_recognizers`` are never
    dropped: a caller's ad hoc recognizers in a request are reported as Presidio reports them.
    Order is kept, and the kept results are the same objects.
    """
    results = list(results)
    kept: List[RecognizerResult] = []
    dropped: set[int] = set()
    for index in sorted(range(len(results)), key=lambda i: _rank(results[i])):
        result = results[index]
        identifier = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
        if identifier not in keep_recognizers and any(k.start <= result.start and result.end <= k.end for k in kept):
            dropped.add(index)
        else:
            kept.append(result)
    return [r for i, r in enumerate(results) if i not in dropped]


def resolve_overlaps(text: str, results: Iterable[RecognizerResult],
                     ad_hoc_recognizers: Optional[Iterable[EntityRecognizer]] = None) -> List[RecognizerResult]:
    """The overlap rules every analysis applies: checksum precedence, then ``drop_contained``
    (which never drops a result of the request's ``ad_hoc_recognizers``)."""
    keep = {recognizer.id for recognizer in ad_hoc_recognizers or ()}
    return drop_contained(apply_checksum_precedence(text, results), keep_recognizers=keep)


def _rank(result: RecognizerResult) -> tuple:
    """Priority between overlapping results, highest first (a sort key)."""
    return (not is_validated(result), result.entity_type in CATCH_ALL_ENTITIES, -result.score,
            -(result.end - result.start), result.start)


def disjoint_findings(text: str, results: Iterable[RecognizerResult]) -> List[RecognizerResult]:
    """Non-overlapping results covering every character any input result covered.

    Higher-priority results keep their span; a lower-priority result keeps only its pieces outside
    them (trimmed; whitespace-only pieces dropped, since whitespace carries no identifier). Same-type
    overlaps are merged first, as Presidio's anonymizer does.
    """
    # Trimmed first: a pattern may match surrounding whitespace, which is no part of an identifier.
    results = _merge_same_type([piece for r in results for piece in _subtract(text, r, [], need_content=False)])
    ranked = sorted(results, key=_rank)
    taken: List[tuple[int, int]] = []
    out: List[RecognizerResult] = []
    for result in ranked:
        overlapping = [(s, e) for s, e in taken if s < result.end and result.start < e]
        # Coverage beats tidiness here: any piece that is not pure whitespace stays a finding.
        pieces = [result] if not overlapping else _subtract(text, result, overlapping, need_content=False)
        for piece in pieces:
            out.append(piece)
            taken.append((piece.start, piece.end))
    return sorted(out, key=lambda r: (r.start, r.end))


def _merge_same_type(results: List[RecognizerResult]) -> List[RecognizerResult]:
    by_type: dict[str, List[RecognizerResult]] = {}
    for result in results:
        by_type.setdefault(result.entity_type, []).append(result)
    merged: List[RecognizerResult] = []
    for group in by_type.values():
        group.sort(key=lambda r: (r.start, r.end))
        current = group[0]
        for result in group[1:]:
            if result.start < current.end:  # overlapping (touching spans stay separate)
                best = max((current, result), key=lambda r: (is_validated(r), r.score))
                union = _piece(best, current.start, max(current.end, result.end))
                union.score = max(current.score, result.score)
                current = union
                continue
            merged.append(current)
            current = result
        merged.append(current)
    return merged



class OverlapRulesAnalyzerEngine(AnalyzerEngine):
    """An ``AnalyzerEngine`` that applies ``resolve_overlaps`` to every result list.

    It asks Presidio for the decision process internally (validators report through the
    AnalysisExplanation) and strips the explanations again unless the caller asked for them,
    so its output has Presidio's shape.
    """

    @classmethod
    def wrap(cls, engine: AnalyzerEngine) -> "OverlapRulesAnalyzerEngine":
        """The same registry, NLP engine and settings as ``engine``, with the rules applied."""
        wrapped = cls.__new__(cls)
        wrapped.__dict__.update(engine.__dict__)
        return wrapped

    def analyze(self, *args, **kwargs):
        # Bind against Presidio's own signature, so positional callers work exactly as there.
        bound = inspect.signature(AnalyzerEngine.analyze).bind(self, *args, **kwargs)
        bound.apply_defaults()
        wanted = bool(bound.arguments["return_decision_process"])
        bound.arguments["return_decision_process"] = True
        results = AnalyzerEngine.analyze(*bound.args, **bound.kwargs)
        results = resolve_overlaps(bound.arguments["text"], results, bound.arguments["ad_hoc_recognizers"])
        if not wanted:
            for result in results:
                result.analysis_explanation = None
        return results
