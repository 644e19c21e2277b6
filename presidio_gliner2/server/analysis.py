"""POST /analyze: Presidio's analyzer request, run through the redaction layer's batched analysis
(one GLiNER2 pass for every text of a list, the overlap rules whatever built the analyzer) and answered as Presidio does. Runs in the inference gate's thread, never on the event loop.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from presidio_analyzer import AnalyzerEngine, PatternRecognizer

from presidio_gliner2.redaction.analysis import analyze_batch
from presidio_gliner2.server.errors import NO_LANGUAGE, NO_TEXT, ApiError
from presidio_gliner2.server.schemas import AnalyzeRequest

PARSE_ERROR = "Failed to parse /analyze request for AnalyzerEngine.analyze()."


def texts_of(text: Any) -> tuple[list[str], bool]:
    """(texts, was_list); empty input is Presidio's "No text provided"."""
    if not text:
        raise ApiError(400, NO_TEXT)
    return (list(text), True) if isinstance(text, list) else ([text], False)


def check_language(analyzer: AnalyzerEngine, language: Optional[str]) -> None:
    if not language:
        raise ApiError(400, NO_LANGUAGE)
    try:
        analyzer.get_supported_entities(language)
    except ValueError as exc:  # Presidio: "No matching recognizers were found to serve the request."
        raise ApiError(400, str(exc)) from None


def ad_hoc_recognizers(request: AnalyzeRequest) -> list[PatternRecognizer]:
    recognizers = []
    for index, spec in enumerate(request.ad_hoc_recognizers or ()):
        try:
            recognizers.append(PatternRecognizer.from_dict(spec.model_dump(exclude_none=True)))
        except (TypeError, ValueError, KeyError, AttributeError, re.error) as exc:
            raise ApiError(400, f"{PARSE_ERROR} ad_hoc_recognizers[{index}]: {_reason(exc)}") from None
    return recognizers


def analyze(analyzer: AnalyzerEngine, request: AnalyzeRequest) -> list:
    """The response body: a list of results, or a list of lists for a list of texts."""
    texts, was_list = texts_of(request.text)
    check_language(analyzer, request.language)
    ad_hoc = ad_hoc_recognizers(request)
    options = dict(
        language=request.language, entities=request.entities, correlation_id=request.correlation_id,
        score_threshold=request.score_threshold, return_decision_process=bool(request.return_decision_process),
        ad_hoc_recognizers=ad_hoc or None, context=request.context, allow_list=request.allow_list,
        allow_list_match=request.allow_list_match, regex_flags=request.regex_flags,
    )
    try:
        per_text = [a.results for a in analyze_batch(analyzer, texts, classify=False, **options)]
    except TypeError as exc:
        raise ApiError(400, f"{PARSE_ERROR} {_reason(exc)}") from None
    except (ValueError, re.error) as exc:
        raise ApiError(400, _reason(exc)) from None
    bodies = [[result_body(r) for r in sorted(results, key=_order)] for results in per_text]
    return bodies if was_list else bodies[0]


def result_body(result) -> dict:
    """Presidio's JSON for one result: recognition_metadata dropped, explanation or null."""
    explanation = result.analysis_explanation
    return {
        "analysis_explanation": _plain(explanation.to_dict()) if explanation is not None else None,
        "end": result.end,
        "entity_type": result.entity_type,
        "score": float(result.score),
        "start": result.start,
    }


def _plain(value: dict) -> dict:
    # Explanations may hold numpy floats or other objects; JSON-safe like Presidio's default=.
    return json.loads(json.dumps(value, default=lambda o: o.to_dict() if hasattr(o, "to_dict") else str(o)))


def _order(result):
    return result.start, result.end, result.entity_type, -result.score


def _reason(exc: BaseException) -> str:
    return str(exc.args[0]) if exc.args else type(exc).__name__
