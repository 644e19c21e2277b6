"""Stop work whose caller has given up: a deadline for the current thread of work, checked between
encoder passes (and, above the engine, between texts).

A server answers 504 when a request runs past its time, but torch cannot be interrupted mid-pass;
without this the rest of the request's passes would still run, holding the only model slot. The
caller sets a deadline around the work (``with deadline(seconds):``); ``check()`` raises
``DeadlineExceeded`` once it has passed. Without a deadline ``check()`` does nothing.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional

_DEADLINE: ContextVar[Optional[float]] = ContextVar("presidio_gliner2_deadline", default=None)


class DeadlineExceeded(TimeoutError):
    """The work's deadline passed; it was stopped between two steps (no partial result is returned)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Run the block under a deadline ``seconds`` from now (nested deadlines: the earlier wins)."""
    until = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(until if outer is None else min(outer, until))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise DeadlineExceeded when the current deadline has passed."""
    until = _DEADLINE.get()
    if until is not None and time.monotonic() > until:
        raise DeadlineExceeded("the deadline passed; the remaining work was stopped")
