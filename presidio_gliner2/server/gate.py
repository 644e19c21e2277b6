"""Runs blocking model work off the event loop, a bounded number at a time, under a deadline.

Inference is CPU-bound and holds the GIL only in parts, so it runs in a small dedicated thread
pool whose size is the number of passes allowed at once. The event loop stays free to accept
requests, answer /health and refuse work it cannot finish in time:

- a job still queued when the deadline passes is cancelled and answered 503 (busy);
- a job already running cannot be interrupted (torch has no cancellation), so the client gets
  504 and the slot frees itself when the pass ends.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from presidio_gliner2.server.errors import ApiError

T = TypeVar("T")


class InferenceGate:
    def __init__(self, slots: int, timeout_s: float):
        if slots < 1:
            raise ValueError(f"slots must be at least 1, got {slots}")
        self.timeout_s = timeout_s
        self._pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="inference")

    async def run(self, job: Callable[[], T]) -> T:
        future = self._pool.submit(job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except asyncio.TimeoutError:
            # wait_for cancelled the wrapper, which cancels the job only if it had not started.
            if future.cancelled():
                raise ApiError(503, f"The server is busy: the request waited {self.timeout_s:g} s "
                                    "(REQUEST_TIMEOUT_S) for a free model slot. Retry later.") from None
            raise ApiError(504, f"The request took longer than {self.timeout_s:g} s (REQUEST_TIMEOUT_S).") from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
