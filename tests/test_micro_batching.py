"""Micro-batching (issue 12): concurrent calls share one model pass, and each caller gets exactly
what it would have got alone, whatever the others sent."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from presidio_gliner2.plugin.micro_batching import MicroBatcher
from presidio_gliner2.server.settings import Settings
from tests.support.models import needs_default


def _concurrently(function, inputs: list, workers: int = 8) -> list:
    start = threading.Barrier(len(inputs))

    def call(item):
        start.wait()
        return function(item)

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(call, inputs))


def test_concurrent_calls_share_passes_and_get_their_own_slices():
    calls = []

    def double(items):
        calls.append(len(items))
        time.sleep(0.01)
        return [2 * i for i in items]

    batcher = MicroBatcher(double, max_wait_s=0.05, max_items=100)
    inputs = [[n, n + 100] for n in range(8)]
    outputs = _concurrently(batcher, inputs)
    assert outputs == [[2 * a, 2 * b] for a, b in inputs]
    assert sum(calls) == 16 and len(calls) < 8  # fewer passes than callers


def test_a_batch_keeps_collecting_while_an_earlier_pass_runs():
    # Callers that arrive while a pass runs, even far apart, go together into the next pass: under
    # load batches grow with concurrency instead of staying at what a 5 ms window catches.
    release = threading.Event()
    calls = []

    def slow_first(items):
        calls.append(list(items))
        if len(calls) == 1:
            assert release.wait(5)
        return [-i for i in items]

    batcher = MicroBatcher(slow_first, max_wait_s=0.005, max_items=100)
    with ThreadPoolExecutor(4) as pool:
        first = pool.submit(batcher, [0])
        while not calls:
            time.sleep(0.001)
        later = []
        for n in (1, 2, 3):
            later.append(pool.submit(batcher, [n]))
            time.sleep(0.03)  # six times the wait: without the rule each would run alone
        assert calls == [[0]]  # nobody ran beside the pass in progress
        release.set()
        assert first.result(5) == [0] and [f.result(5) for f in later] == [[-1], [-2], [-3]]
    assert calls == [[0], [1, 2, 3]]
    assert batcher.passes == 1


def test_a_lone_caller_waits_only_the_window():
    batcher = MicroBatcher(lambda items: list(items), max_wait_s=0.005, max_items=100)
    for _ in range(20):
        assert batcher([1]) == [1]
    assert batcher.passes == 0  # each ran alone: a finished pass holds no later batch open


def test_a_batch_never_exceeds_max_items():
    sizes = []

    def echo(items):
        sizes.append(len(items))
        return list(items)

    batcher = MicroBatcher(echo, max_wait_s=0.05, max_items=4)
    inputs = [[n, n] for n in range(8)]
    assert _concurrently(batcher, inputs) == inputs
    assert max(sizes) <= 4


def test_one_callers_bad_input_fails_only_that_caller():
    def strict(items):
        if "bad" in items:
            raise ValueError("a bad item")
        return [item.upper() for item in items]

    batcher = MicroBatcher(strict, max_wait_s=0.05, max_items=100)

    def call(items):
        try:
            return batcher(items)
        except ValueError:
            return "failed"

    outputs = _concurrently(call, [["a"], ["bad"], ["c"], ["d"]], workers=4)
    assert outputs == [["A"], "failed", ["C"], ["D"]]


def test_zero_wait_calls_straight_through_and_bad_settings_are_refused():
    batcher = MicroBatcher(lambda items: [len(items)] * len(items), max_wait_s=0, max_items=4)
    assert batcher(["x"]) == [1] and batcher.passes == 0
    with pytest.raises(ValueError):
        MicroBatcher(list, max_wait_s=float("nan"), max_items=4)
    with pytest.raises(ValueError):
        MicroBatcher(list, max_wait_s=0.01, max_items=0)


@pytest.mark.parametrize("value", ["nan", "-1", "5000", "soon"])
def test_micro_batch_wait_setting_is_validated_at_start(value):
    with pytest.raises(ValueError, match="MICRO_BATCH_WAIT_MS"):
        Settings.from_env({"MICRO_BATCH_WAIT_MS": value})
    assert Settings.from_env({"MICRO_BATCH_WAIT_MS": "0"}).micro_batch_wait_ms == 0


TEXTS = [
    "Jane Roe called from 617-555-0142 about her claim.",
    "Patient Jonathan Reyes, DOB 04/17/1961, MRN 00731942.",
    "Wire 2,000 USD to IBAN GB82 WEST 1234 5698 7654 32 for Acme Corp.",
    "Dr. Priya Natarajan saw the patient at Mercy General Hospital in Dayton.",
    "Email maria.reyes@example.com or call (937) 555-0199 after 5 pm.",
    "No identifiers in this sentence at all.",
    "Card 4111 1111 1111 1111 was used in Boston on March 3, 2020.",
    "Contact Mr. Okafor at 22 Baker Street, London.",
]


def _key(results):
    return sorted((r.entity_type, r.start, r.end) for r in results)


@needs_default
@pytest.mark.slow
def test_shared_passes_give_the_results_of_sequential_calls():
    from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer

    recognizer = GLiNER2Recognizer(model="default", entities="general", name="MicroBatched")
    recognizer.load()
    alone = [recognizer.analyze(text) for text in TEXTS]
    recognizer.share_passes(max_wait_ms=50, max_texts=64)
    together = _concurrently(recognizer.analyze, TEXTS)
    assert recognizer._batcher.passes >= 1  # at least one pass was shared
    for a, b in zip(alone, together):
        assert _key(a) == _key(b)
        for x, y in zip(sorted(a, key=lambda r: (r.start, r.entity_type)), sorted(b, key=lambda r: (r.start, r.entity_type))):
            assert abs(x.score - y.score) < 1e-4  # padding in a shared batch moves scores by float noise only
    recognizer.share_passes(max_wait_ms=0, max_texts=64)
    assert recognizer._batcher is None


def test_int8_backends_never_share_passes():
    from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer

    recognizer = GLiNER2Recognizer(model="default", entities="general")
    recognizer._model = type("Int8Model", (), {"backend": "onnx-int8"})()  # dynamic int8: batch-dependent scales
    recognizer.share_passes(max_wait_ms=5, max_texts=32)
    assert recognizer._batcher is None
    recognizer._model = type("TorchModel", (), {"backend": "torch"})()
    recognizer.share_passes(max_wait_ms=5, max_texts=32)
    assert recognizer._batcher is not None
