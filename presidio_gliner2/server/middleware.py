"""ASGI middleware: a request body size limit and an access log that never shows bodies."""

from __future__ import annotations

import logging
import time

from presidio_gliner2.server.errors import error_response

access_logger = logging.getLogger("presidio_gliner2.server.access")


class _BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Answers 413 when a body is larger than ``max_bytes``.

    A declared Content-Length is checked before anything is read; a chunked body is counted as
    it streams, so a client cannot get around the limit by leaving the length out.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return f"Request body is larger than the limit of {self.max_bytes} bytes (MAX_BODY_BYTES)"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await error_response(413, self._message())(scope, receive, send)

        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await error_response(413, self._message())(scope, receive, send)


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
