"""The HTTP endpoints: Presidio's analyzer and anonymizer APIs, ours, and the playground page."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from presidio_gliner2.redaction.operators import offered
from presidio_gliner2.redaction.policies import policy_names
from presidio_gliner2.server import analysis, anonymization, redaction, schemas
from presidio_gliner2.server.analysis import check_language
from presidio_gliner2.server.errors import ApiError

STATIC_DIR = Path(__file__).resolve().parent / "static"
HEALTH_TEXT = "Presidio Analyzer service is up"  # Presidio's analyzer answers exactly this

_errors = {status: {"model": schemas.ErrorResponse, "description": what} for status, what in {
    400: "A client mistake: the message says what was wrong",
    413: "The body is larger than MAX_BODY_BYTES",
    422: "The body does not match this schema, or the anonymizer rejected a parameter",
    500: "An unexpected server error (no details are given out)",
    503: "Busy: no model slot freed up within REQUEST_TIMEOUT_S",
    504: "The model pass took longer than REQUEST_TIMEOUT_S",
}.items()}


def _responses(*statuses):
    return {status: _errors[status] for status in statuses}


analyzer_router = APIRouter(tags=["analyzer (Presidio)"])
anonymizer_router = APIRouter(tags=["anonymizer (Presidio)"])
ours_router = APIRouter(tags=["presidio-gliner2"])


def _engines(request: Request):
    return request.app.state.engines


def _check_size(request: Request, text) -> None:
    """413 before any model work when a request asks for more than MAX_TEXTS or MAX_TEXT_CHARS."""
    settings = request.app.state.settings
    texts = text if isinstance(text, list) else [text] if isinstance(text, str) else []
    if len(texts) > settings.max_texts:
        raise ApiError(413, f"The request has {len(texts)} texts; this server takes at most {settings.max_texts} "
                            "per request (MAX_TEXTS). Send them in smaller lists.")
    chars = sum(len(t) for t in texts if isinstance(t, str))
    if chars > settings.max_text_chars:
        raise ApiError(413, f"The request's texts hold {chars} characters; this server takes at most "
                            f"{settings.max_text_chars} per request (MAX_TEXT_CHARS). Split the documents.")


async def _gated(request: Request, job):
    return await request.app.state.gate.run(job)


@analyzer_router.get("/health", response_class=PlainTextResponse, responses=_responses(500))
async def health() -> str:
    """Answers once the analyzer and its model are loaded (the app is built before it listens)."""
    return HEALTH_TEXT


@ours_router.get("/ready", response_class=PlainTextResponse, responses=_responses(503))
async def ready(request: Request) -> PlainTextResponse:
    """Readiness for load balancers: 503 while the model slots are saturated (every slot busy and
    as many requests again waiting), so traffic goes to another worker; /health stays liveness."""
    gate = request.app.state.gate
    if gate.saturated:
        raise ApiError(503, f"Saturated: {gate.pending} requests running or waiting for {gate.slots} model slot(s)")
    return PlainTextResponse(f"ready: {gate.pending} request(s) in progress, {gate.slots} model slot(s)")


@analyzer_router.post("/analyze", response_model=schemas.AnalyzeResponse,
                      responses=_responses(400, 413, 422, 500, 503, 504))
async def analyze(body: schemas.AnalyzeRequest, request: Request):
    """Presidio's /analyze: results for a text, or a list of result lists for a list of texts."""
    engines = _engines(request)
    _check_size(request, body.text)
    return JSONResponse(await _gated(request, lambda: analysis.analyze(engines.analyzer, body)))


@analyzer_router.get("/recognizers", response_model=list[str], responses=_responses(400, 500, 503, 504))
async def recognizers(request: Request, language: Optional[str] = None,
                      config: Optional[str] = Query(None, description="Ours: another config this server offers")):
    """Names of the recognizers serving a language (every language when none is given)."""
    analyzer = await _analyzer(request, config)
    try:
        names = sorted({r.name for r in analyzer.get_recognizers(language)})
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    return JSONResponse(names)


@analyzer_router.get("/supportedentities", response_model=list[str], responses=_responses(400, 500, 503, 504))
async def supported_entities(request: Request, language: Optional[str] = None,
                             config: Optional[str] = Query(None, description="Ours: another config this server offers")):
    """Entity types the analyzer can find in a language (every language when none is given)."""
    analyzer = await _analyzer(request, config)
    if language:
        check_language(analyzer, language)
    return JSONResponse(sorted(analyzer.get_supported_entities(language)))


async def _analyzer(request: Request, config: Optional[str]):
    engines = _engines(request)
    if config is None or engines.is_loaded(config):
        return engines.analyzer_for(config)
    return await _gated(request, lambda: engines.analyzer_for(config))  # first use builds it: off the loop


@anonymizer_router.post("/anonymize", response_model=schemas.AnonymizeResponse,
                        responses=_responses(400, 413, 422, 500))
async def anonymize(body: schemas.AnonymizeRequest, request: Request):
    """Presidio's /anonymize: apply operators to the given analyzer results."""
    engine = _engines(request).anonymizer
    return JSONResponse(await run_in_threadpool(anonymization.anonymize, engine, body))


@anonymizer_router.post("/deanonymize", response_model=schemas.AnonymizeResponse,
                        responses=_responses(400, 413, 422, 500))
async def deanonymize(body: schemas.DeanonymizeRequest, request: Request):
    """Presidio's /deanonymize: reverse reversible operators (decrypt)."""
    engine = _engines(request).deanonymizer
    return JSONResponse(await run_in_threadpool(anonymization.deanonymize, engine, body))


@anonymizer_router.get("/anonymizers", response_model=list[str], responses=_responses(500))
async def anonymizers(request: Request):
    return JSONResponse(sorted(_engines(request).anonymizer.get_anonymizers()))


@anonymizer_router.get("/deanonymizers", response_model=list[str], responses=_responses(500))
async def deanonymizers(request: Request):
    return JSONResponse(sorted(_engines(request).deanonymizer.get_deanonymizers()))


@ours_router.post("/redact", response_model=schemas.RedactResponse,
                  responses=_responses(400, 413, 422, 500, 503, 504))
async def redact(body: schemas.RedactRequest, request: Request):
    """Analyze, anonymize and classify in one call: redacted text, findings (no values), classes."""
    engines = _engines(request)
    _check_size(request, body.text)
    return JSONResponse(await _gated(request, lambda: redaction.redact(engines, body)))


@ours_router.post("/classify", response_model=schemas.ClassifyResponse,
                  responses=_responses(400, 413, 422, 500, 503, 504))
async def classify(body: schemas.ClassifyRequest, request: Request):
    """Document classes (e.g. document_type) from the GLiNER2 recognizer's classifiers."""
    engines = _engines(request)
    _check_size(request, body.text)
    return JSONResponse(await _gated(request, lambda: redaction.classify(engines, body)))


@ours_router.get("/configs", response_model=schemas.ConfigsResponse, responses=_responses(500))
async def configs(request: Request):
    """The deployment configs this server offers (for the playground), and the operators."""
    engines = _engines(request)
    operators = offered()
    return JSONResponse({"default": engines.default_config, "configs": engines.config_names,
                         "operators": [op.name for op in operators],
                         "operator_menu": [{"name": op.name, "menu": op.menu, "required": list(op.required)}
                                           for op in operators],
                         "policies": policy_names()})


@ours_router.get("/docs", include_in_schema=False)
async def docs():
    """The OpenAPI document, browsable, from the package's static files (no CDN)."""
    return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")


@ours_router.get("/", include_in_schema=False)
async def playground():
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")
