"""Ours: POST /redact (analyze + anonymize + document classes in one call) and POST /classify."""

from __future__ import annotations

from presidio_gliner2.server.analysis import texts_of
from presidio_gliner2.server.anonymization import check_operator, check_operator_names
from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY
from presidio_gliner2.redaction.analysis import classify_batch, gliner2_recognizers
from presidio_gliner2.redaction.policies import policy_names
from presidio_gliner2.server.engines import Engines
from presidio_gliner2.server.errors import ApiError
from presidio_gliner2.server.schemas import ClassifyRequest, RedactRequest


def redact(engines: Engines, request: RedactRequest) -> object:
    from presidio_anonymizer.entities import InvalidParamError

    from presidio_gliner2.redaction.redactor import Redactor

    texts, was_list = texts_of(request.text)
    analyzer = engines.analyzer_for(request.config)
    operators = {entity: config.model_dump() for entity, config in (request.anonymizers or {}).items()}
    check_operator_names([request.operator])
    for entity, op in operators.items():
        check_operator(entity, op["type"], {k: v for k, v in op.items() if k != "type"})
    if request.policy is not None and request.policy not in policy_names():
        # Only shipped names: a path would let a client make the server read its files.
        raise ApiError(400, f"Unknown policy {request.policy!r}; shipped policies: {', '.join(policy_names())}")
    try:
        redactor = Redactor(analyzer=analyzer, operators=operators or None,
                            default_operator=request.operator or "replace", pseudonyms=request.pseudonyms,
                            reversible=request.reversible, policy=request.policy, language=request.language,
                            score_threshold=request.score_threshold, entities=request.entities,
                            surrogate_key=request.surrogate_key)
        results = redactor.redact_batch(texts)
    except InvalidParamError as exc:
        raise ApiError(422, exc.err_msg) from None
    except (TypeError, ValueError) as exc:
        raise ApiError(400, str(exc.args[0]) if exc.args else type(exc).__name__) from None
    descriptions = label_descriptions(analyzer)
    bodies = [result.to_dict() for result in results]
    for body in bodies:
        for finding in body["findings"]:
            if MODEL_LABEL_KEY in finding and "description" not in finding:
                finding["description"] = descriptions.get((finding["entity_type"], finding[MODEL_LABEL_KEY]), "")
    return bodies if was_list else bodies[0]


def label_descriptions(analyzer) -> dict[tuple[str, str], str]:
    """(entity, model label) -> the label's description in the pack, for the playground's tooltips."""
    return {(entity, label.label): label.description or ""
            for recognizer in gliner2_recognizers(analyzer)
            for entity, labels in recognizer.pack.entities.items() for label in labels}


def classify(engines: Engines, request: ClassifyRequest) -> object:
    texts, was_list = texts_of(request.text)
    analyzer = engines.analyzer_for(request.config)
    if not gliner2_recognizers(analyzer):
        raise ApiError(400, "This config has no GLiNER2Recognizer, so it has no document classifiers")
    bodies = [{"document_classes": classes} for classes in classify_batch(analyzer, texts)]
    return bodies if was_list else bodies[0]
