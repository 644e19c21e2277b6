"""ASGI middleware: a request body size limit and an access log that never shows bodies."""

from __future__ import annotations

import logging
import time

from presidio_gliner2.server.errors import error_response

access_logger = logging.getLogger("presidio_gliner2.server.access")


class BodyLimitMiddleware:
    """Answers 413 when a body is larger than ``max_bytes``.

    A declared Content-Length is checked before anything is read (the server holds the client to
    it). A chunked body has no declared length: it is read here, at most ``max_bytes`` of it,
    and replayed to the app, so a client cannot get around the limit by leaving the length out.
    Reading it here matters: FastAPI turns any error raised while it reads a body into a 400.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self):
        return error_response(413, f"Request body is larger than the limit of {self.max_bytes} bytes (MAX_BODY_BYTES)")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or ())
        declared = headers.get(b"content-length")
        if declared is not None:
            if declared.isdigit() and int(declared) > self.max_bytes:
                return await self._too_large()(scope, receive, send)
            return await self.app(scope, receive, send)
        if b"chunked" not in headers.get(b"transfer-encoding", b"").lower():
            return await self.app(scope, receive, send)

        messages, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return await self._too_large()(scope, receive, send)
            messages.append(message)
            if not message.get("more_body", False):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


class AccessLogMiddleware:
    """One line per request: method, path without query string, status, milliseconds."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        began = time.perf_counter()
        status = 500

        async def status_send(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, status_send)
        finally:
            access_logger.info("%s %s %d %.1fms", scope.get("method"), scope.get("path"), status,
                               (time.perf_counter() - began) * 1000)
