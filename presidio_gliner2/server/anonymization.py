"""POST /anonymize and /deanonymize: Presidio's anonymizer service on Presidio's engines.

Same bodies and errors as Presidio's anonymizer app: 400 for an empty body or the ``custom``
operator (a lambda cannot come over HTTP), 422 for parameters the engine rejects. Unlike
Presidio, other engine errors on bad values (e.g. a non-numeric ``chars_to_mask``) are 422 with
the reason, not 500.
"""

from __future__ import annotations

from typing import Optional

from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig, OperatorResult, RecognizerResult

from presidio_gliner2.redaction.document_operators import DocumentOperators
from presidio_gliner2.redaction.operators import CATALOGUE, REMOTE_OPERATORS, check_operator_params
from presidio_gliner2.server.errors import INVALID_JSON, ApiError
from presidio_gliner2.server.schemas import AnonymizeRequest, DeanonymizeRequest


def check_operator_names(names) -> None:
    """400 for operators that cannot come over HTTP: code (custom) or sending text elsewhere."""
    for name in names:
        if name in CATALOGUE and CATALOGUE[name].needs_code:
            raise ApiError(400, "Custom type anonymizer is not supported")
        if name in REMOTE_OPERATORS:
            raise ApiError(400, f"Operator {name} sends text to a remote service and is disabled on this server")


def check_operator(entity: str, name: str, params: dict) -> None:
    """One operator of a request: a name that can come over HTTP (400) with parameters that redact
    something (422; a mask of nothing would leave the value as it was)."""
    check_operator_names([name])
    try:
        check_operator_params(name, params, f"anonymizers[{entity}]")
    except ValueError as exc:
        raise ApiError(422, str(exc)) from None


def operators_from(raw: Optional[dict]) -> dict[str, OperatorConfig]:
    operators = {}
    for entity, config in (raw or {}).items():
        params = config.model_dump()
        name = params.pop("type")
        check_operator(entity, name, params)
        operators[entity] = _engine_call(OperatorConfig, name, params)
    return operators


def anonymize(engine: AnonymizerEngine, request: AnonymizeRequest) -> object:
    if not (request.model_fields_set or request.model_extra):  # Presidio: an empty object is no request
        raise ApiError(400, INVALID_JSON)
    operators = operators_from(request.anonymizers)
    if request.analyzer_results is None:
        raise ApiError(422, "Invalid input, request must contain analyzer results")
    texts, results = _aligned(request.text, request.analyzer_results, "analyzer_results")
    bodies = []
    for text, items in zip(texts, results):
        analyzer_results = [RecognizerResult(entity_type=i.entity_type, start=i.start, end=i.end, score=i.score)
                            for i in items]
        # Ours (pseudonym, surrogate, date_shift, mask with keep_last) keep state per text.
        document = DocumentOperators(text, {"DEFAULT": OperatorConfig("replace", {}), **operators})
        configs, used = document.configs(sorted(analyzer_results, key=lambda r: (r.start, r.end)))
        outcome = _engine_call(engine.anonymize, text=text, analyzer_results=analyzer_results, operators=configs)
        bodies.append(engine_result_body(outcome, used))
    return bodies if isinstance(request.text, list) else bodies[0]


def deanonymize(engine: DeanonymizeEngine, request: DeanonymizeRequest) -> object:
    if not (request.model_fields_set or request.model_extra):  # Presidio: an empty object is no request
        raise ApiError(400, INVALID_JSON)
    operators = operators_from(request.deanonymizers)
    if not operators and request.anonymizer_results:
        # Presidio's engine fails inside with a traceback; the client only forgot to say how to undo.
        raise ApiError(422, "Invalid input, 'deanonymizers' must name the operator that reverses each entity "
                            "type, e.g. {\"DEFAULT\": {\"type\": \"decrypt\", \"key\": \"...\"}}")
    texts, results = _aligned(request.text, request.anonymizer_results or None, "anonymizer_results")
    bodies = []
    for text, items in zip(texts, results):
        entities = [OperatorResult(start=i.start, end=i.end, entity_type=i.entity_type,
                                   text=getattr(i, "text", None), operator=getattr(i, "operator", None))
                    for i in items]
        outcome = _engine_call(engine.deanonymize, text=text, entities=entities, operators=operators)
        bodies.append(engine_result_body(outcome))
    return bodies if isinstance(request.text, list) else bodies[0]


def engine_result_body(result, used: Optional[dict] = None) -> dict:
    """Presidio's response body; ``used`` names our operators, which Presidio ran as ``custom``."""
    used = used or {}
    return {"text": result.text,
            "items": [{"start": i.start, "end": i.end, "entity_type": i.entity_type, "text": i.text,
                       "operator": used.get(i.entity_type, i.operator) if i.operator == "custom" else i.operator,
                       "score": i.score} for i in result.items]}


def _aligned(text, results, field: str) -> tuple[list[str], list[list]]:
    """Pairs texts with their result lists; a list text needs one result list per text."""
    if not isinstance(text, list):
        if results and isinstance(results[0], list):
            raise ApiError(422, f"Invalid input, '{field}' must be a list of results when 'text' is a string")
        return [text], [list(results or [])]
    if results is None:
        return list(text), [[] for _ in text]
    if results and not isinstance(results[0], list):
        raise ApiError(422, f"Invalid input, '{field}' must contain one list of results per item in 'text' "
                            "when 'text' is a list")
    if len(results) != len(text):
        raise ApiError(422, f"Invalid input, '{field}' must contain one list of results per item in 'text' "
                            f"when 'text' is a list ({len(text)} text items, {len(results)} '{field}' items)")
    return list(text), [list(r) for r in results]


def _engine_call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except InvalidParamError as exc:
        raise ApiError(422, exc.err_msg) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        # Bad operator parameters surface as plain Python errors inside the operators.
        reason = str(exc.args[0]) if exc.args else type(exc).__name__
        raise ApiError(422, f"Invalid operator parameters: {reason}") from None
