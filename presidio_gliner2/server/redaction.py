"""Ours: POST /redact (analyze + anonymize + document classes in one call) and POST /classify."""

from __future__ import annotations

from presidio_gliner2.server.analysis import texts_of
from presidio_gliner2.server.anonymization import operators_from
from presidio_gliner2.server.engines import Engines, gliner2_recognizers
from presidio_gliner2.server.errors import ApiError
from presidio_gliner2.server.schemas import ClassifyRequest, RedactRequest


def redact(engines: Engines, request: RedactRequest) -> object:
    from presidio_gliner2.redact import Redactor

    texts, was_list = texts_of(request.text)
    analyzer = engines.analyzer_for(request.config)
    operators = operators_from(request.anonymizers)
    if any(op.operator_name == "custom" for op in operators.values()) or request.operator == "custom":
        raise ApiError(400, "Custom type anonymizer is not supported")
    try:
        redactor = Redactor(analyzer=analyzer, operators=operators or None,
                            default_operator=request.operator or "replace", pseudonyms=request.pseudonyms,
                            reversible=request.reversible, language=request.language,
                            score_threshold=request.score_threshold, entities=request.entities)
        results = redactor.redact_batch(texts)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, str(exc.args[0]) if exc.args else type(exc).__name__) from None
    bodies = [result.to_dict() for result in results]
    return bodies if was_list else bodies[0]


def classify(engines: Engines, request: ClassifyRequest) -> object:
    texts, was_list = texts_of(request.text)
    recognizers = gliner2_recognizers(engines.analyzer_for(request.config))
    if not recognizers:
        raise ApiError(400, "This config has no GLiNER2Recognizer, so it has no document classifiers")
    merged = [dict() for _ in texts]
    for recognizer in recognizers:
        for classes, (_, found) in zip(merged, recognizer.analyze_and_classify(texts)):
            classes.update(found)
    bodies = [{"document_classes": classes} for classes in merged]
    return bodies if was_list else bodies[0]
