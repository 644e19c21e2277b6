"""Concurrent calls that arrive within a few milliseconds share one model pass.

A service answers many small requests at once; each alone would run its own encoder pass of one or
two texts. ``MicroBatcher`` wraps a batch function ``fn(items) -> results`` (one result per item,
in order): the first caller opens a batch and waits up to ``max_wait_s`` for others (or until
``max_items`` are in), then runs ``fn`` once for everyone and hands each caller its own slice.

While an earlier pass of the same batcher is still running, the open batch keeps collecting past
``max_wait_s`` until that pass ends (or the batch is full): under load the next pass takes
everyone who arrived meanwhile, so batches grow with concurrency, while a lone caller waits only
``max_wait_s``. (On the 2-core machine a fixed 5 ms window shared few passes at concurrency 8;
``bench/load_test.py --matrix``.)

Each caller gets exactly what its own call would have returned: the batch function must treat
items independently (the engine does: padding is masked). If the shared call fails, or the
leader's deadline stops it, every caller runs its own items again alone, so one request's bad
input or short deadline never fails another's.
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, Optional, Sequence, TypeVar

from presidio_gliner2.engine.deadline import DeadlineExceeded

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Batch:
    def __init__(self) -> None:
        self.items: list = []
        self.callers = 0
        self.closed = False
        self.full = threading.Event()
        self.done = threading.Event()
        self.results: Optional[list] = None
        self.rerun = False  # each caller runs its own items alone


class MicroBatcher(Generic[Item, Result]):
    """Coalesces concurrent ``fn(items)`` calls; see the module docstring."""

    def __init__(self, fn: Callable[[list], list], max_wait_s: float, max_items: int):
        if not max_wait_s >= 0:
            raise ValueError(f"max_wait_s must be a number >= 0, got {max_wait_s!r}")
        if not isinstance(max_items, int) or max_items < 1:
            raise ValueError(f"max_items must be a positive integer, got {max_items!r}")
        self._fn = fn
        self.max_wait_s = float(max_wait_s)
        self.max_items = max_items
        self._lock = threading.Lock()
        self._open: Optional[_Batch] = None
        self._running = 0  # calls of fn in progress, shared or alone
        self._idle = threading.Condition(self._lock)  # notified when a call of fn ends
        self.passes = 0  # shared calls run (for tests and benchmarks)

    def __call__(self, items: Sequence[Item]) -> list[Result]:
        items = list(items)
        if self.max_wait_s == 0 or len(items) >= self.max_items:
            return self._run(items)
        with self._lock:
            batch = self._open
            leader = batch is None or batch.closed or len(batch.items) + len(items) > self.max_items
            if leader:
                batch = self._open = _Batch()
            offset = len(batch.items)
            batch.items.extend(items)
            batch.callers += 1
            if len(batch.items) >= self.max_items:
                batch.full.set()
                self._idle.notify_all()  # a leader waiting for a running pass goes now
        if leader:
            self._lead(batch)
        else:
            batch.done.wait()
        if batch.rerun:
            return self._run(items)  # alone: its own error (or result), nobody else's
        return batch.results[offset:offset + len(items)]

    def _lead(self, batch: _Batch) -> None:
        batch.full.wait(self.max_wait_s)
        with self._lock:
            # Keep collecting while an earlier pass runs: its callers' successors arrive meanwhile.
            while self._running and not batch.full.is_set():
                self._idle.wait()
            batch.closed = True
            if self._open is batch:
                self._open = None
        try:
            if batch.callers == 1:
                batch.rerun = True  # nobody joined: a plain call, errors and all
                return
            self.passes += 1
            batch.results = self._run(batch.items)
        except (Exception, DeadlineExceeded):  # noqa: BLE001 - each caller retries alone
            batch.rerun = True
        finally:
            batch.done.set()

    def _run(self, items: list) -> list:
        with self._lock:
            self._running += 1
        try:
            return self._fn(items)
        finally:
            with self._lock:
                self._running -= 1
                self._idle.notify_all()
