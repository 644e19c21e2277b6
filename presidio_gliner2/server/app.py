"""The app factory: ``presidio_gliner2.server:create_app`` (what ``presidio-gliner2 serve`` runs).

FastAPI on uvicorn: an ASGI app whose request models give validation and an OpenAPI document
from one definition, and whose event loop stays free while model passes run in the gate's
threads. Presidio's own services are Flask on gunicorn; clients only see the HTTP API, which is
Presidio's JSON field for field.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Optional

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from presidio_gliner2.server import errors
from presidio_gliner2.server.engines import Engines
from presidio_gliner2.server.gate import InferenceGate
from presidio_gliner2.server.middleware import AccessLogMiddleware, BodyLimitMiddleware
from presidio_gliner2.server.routes import STATIC_DIR, analyzer_router, anonymizer_router, ours_router
from presidio_gliner2.server.settings import Settings

logger = logging.getLogger("presidio_gliner2.server")

DESCRIPTION = """Presidio's analyzer and anonymizer REST APIs (same JSON bodies) backed by a GLiNER2
recognizer, plus `/redact` (analyze + anonymize + document classes) and `/classify`.
Errors are `{"error": "..."}`; client mistakes are 4xx (Presidio answers some with 500)."""


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    from presidio_gliner2 import __version__

    settings = settings or Settings.from_env()
    engines = Engines(settings)  # loads the model now, so a worker listens only when it can answer
    gate = InferenceGate(settings.inference_slots, settings.request_timeout_s)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        gate.close()

    # FastAPI's own /docs and /redoc load their scripts from a CDN; an air-gapped server serves ours.
    app = FastAPI(title="presidio-gliner2", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings, app.state.engines, app.state.gate = settings, engines, gate
    app.add_exception_handler(errors.ApiError, errors.api_error_handler)
    app.add_exception_handler(errors.InferenceError, errors.inference_error_handler)
    app.add_exception_handler(StarletteHTTPException, errors.http_error_handler)
    app.add_exception_handler(RequestValidationError, errors.validation_error_handler)
    # Last added runs first: access log, then the catch-all, then the body limit.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(errors.CatchAllMiddleware)
    app.add_middleware(AccessLogMiddleware)
    for router in (analyzer_router, anonymizer_router, ours_router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    logger.info("presidio-gliner2 %s ready: config %s", __version__, engines.default_config)
    return app
