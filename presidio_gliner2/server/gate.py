"""Runs blocking model work off the event loop, a bounded number at a time, under a deadline.

Inference is CPU-bound and holds the GIL only in parts, so it runs in a small dedicated thread
pool whose size is the number of passes allowed at once. The event loop stays free to accept
requests, answer /health and refuse work it cannot finish in time:

- a job still queued when the deadline passes is cancelled and answered 503 (busy);
- a job already running cannot be interrupted mid-pass (torch has no cancellation): the client
  gets 504, and the job stops at its next check of the deadline (between encoder passes and
  between texts), so the slot frees itself after at most one more pass.
"""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from presidio_gliner2.engine.deadline import deadline

from presidio_gliner2.server.errors import ApiError

T = TypeVar("T")


class InferenceGate:
    def __init__(self, slots: int, timeout_s: float):
        if slots < 1:
            raise ValueError(f"slots must be at least 1, got {slots}")
        self.slots = slots
        self.timeout_s = timeout_s
        self._pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="inference")
        self._pending = 0  # jobs submitted and not finished (running or queued)
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return self._pending

    @property
    def saturated(self) -> bool:
        """Every slot busy and at least as many jobs again waiting: a new request would wait long."""
        return self._pending >= 2 * self.slots

    async def run(self, job: Callable[[], T]) -> T:
        until = time.monotonic() + self.timeout_s

        def under_deadline() -> T:
            # The deadline counts the time queued: work a client has stopped waiting for stops
            # between encoder passes and between texts (engine.deadline), freeing the slot.
            with deadline(until - time.monotonic()):
                return job()

        with self._lock:
            self._pending += 1
        future = self._pool.submit(under_deadline)
        future.add_done_callback(self._finished)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except asyncio.TimeoutError:
            # wait_for cancelled the wrapper, which cancels the job only if it had not started.
            if future.cancelled():
                raise ApiError(503, f"The server is busy: the request waited {self.timeout_s:g} s "
                                    "(REQUEST_TIMEOUT_S) for a free model slot. Retry later.") from None
            raise ApiError(504, f"The request took longer than {self.timeout_s:g} s (REQUEST_TIMEOUT_S).") from None

    def _finished(self, _future) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
