"""Errors as Presidio's services send them: a JSON object ``{"error": "..."}``.

A client mistake gets a 4xx whose message says what was wrong; where Presidio answers a client
mistake with 500 (missing text or language, unknown language) we answer 400 with Presidio's
message. Nothing here ever echoes request values: pydantic's error details carry the offending
input, so only their location and message are used, and unexpected exceptions are logged by
class and traceback lines, never by message (a message could quote the analyzed text).
"""

from __future__ import annotations

import logging
import traceback

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from presidio_gliner2.plugin.model_cache import InferenceError

logger = logging.getLogger("presidio_gliner2.server")

NO_TEXT = "No text provided"
NO_LANGUAGE = "No language provided"
INVALID_JSON = "Invalid request json"


class ApiError(Exception):
    """An error with the HTTP status and the message the client should see."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, headers=None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


async def api_error_handler(request: Request, exc: ApiError) -> JSONResponse:
    level = logging.WARNING if exc.status < 500 else logging.ERROR
    logger.log(level, "%s %s -> %d", request.method, request.url.path, exc.status)
    return error_response(exc.status, exc.message)


MODEL_FAILED = "Internal server error: the model could not process the request"


async def inference_error_handler(request: Request, exc: InferenceError) -> JSONResponse:
    """A failed model pass is the server's fault, whatever the text: 500, and nothing of the
    text or of the underlying error goes back to the client (InferenceError's message is
    text-free, so the log line may carry it)."""
    logger.error("%s %s -> 500: %s", request.method, request.url.path, exc)
    return error_response(500, MODEL_FAILED)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    status, message = describe_validation_errors(exc.errors(), request.url.path)
    logger.warning("%s %s -> %d", request.method, request.url.path, status)
    return error_response(status, message)


def describe_validation_errors(errors, path: str) -> tuple[int, str]:
    """(status, message) for pydantic errors; the message names fields and rules, never values."""
    body_errors = [e for e in errors if tuple(e.get("loc", ()))[:1] == ("body",)]
    for error in body_errors:
        loc = tuple(error["loc"])
        if error["type"] == "json_invalid":
            return 400, f"{INVALID_JSON}: the body is not valid JSON"
        if loc == ("body",):
            if error["type"] == "missing":
                return 400, f"{INVALID_JSON}: the body is empty"
            return 400, f"{INVALID_JSON}: the body must be a JSON object"
    missing = {tuple(e["loc"])[1:] for e in body_errors if e["type"] == "missing"}
    if path.endswith("/analyze") and ("text",) in missing:
        return 400, NO_TEXT
    if path.endswith("/analyze") and ("language",) in missing:
        return 400, NO_LANGUAGE
    by_place: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if not _is_union_tag(p)]
        where = ".".join(loc[1:] if loc[:1] == ["body"] else loc) or "body"
        by_place.setdefault(where, []).append(error.get("msg", "invalid value"))
    return 422, "Invalid request: " + "; ".join(
        f"{where}: {' or '.join(_dedupe(messages))}" for where, messages in by_place.items())


_TYPE_TAGS = {"str", "int", "float", "bool", "dict", "list", "none"}


def _is_union_tag(part) -> bool:
    """pydantic names the union member that failed ('str', 'list[str]') inside the location."""
    return isinstance(part, str) and (part in _TYPE_TAGS or "[" in part or part[:1].isupper()
                                      or part.startswith("function-"))


def _dedupe(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


class CatchAllMiddleware:
    """Turns an unexpected exception into ``500 {"error": "Internal server error"}``.

    Starlette's own 500 handler re-raises so the server logs the exception with its message;
    this middleware sits inside it and swallows the exception after logging only its class and
    traceback, so no analyzed text can reach a log line through an exception message.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the last line of defence, by design
            logger.error("unhandled %s on %s %s\n%s", type(exc).__name__, scope.get("method"), scope.get("path"),
                         "".join(traceback.format_tb(exc.__traceback__)).rstrip())
            if not started:
                await error_response(500, "Internal server error")(scope, receive, send)
