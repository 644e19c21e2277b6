"""Work whose deadline passed stops between encoder passes and between texts (issue 11, item 4)."""

from __future__ import annotations

import time

import pytest

from presidio_gliner2.engine.deadline import DeadlineExceeded, check, deadline


def test_check_does_nothing_without_a_deadline_and_raises_after_it():
    check()
    with deadline(0.05):
        check()
        time.sleep(0.06)
        with pytest.raises(DeadlineExceeded):
            check()
    check()  # the block's deadline is gone again


def test_nested_deadlines_keep_the_earlier():
    with deadline(0.01):
        with deadline(60):
            time.sleep(0.02)
            with pytest.raises(DeadlineExceeded):
                check()


def test_a_long_document_stops_between_passes(minilm_dir):
    from presidio_gliner2.engine.api import GLiNER2

    model = GLiNER2.from_pretrained(minilm_dir)
    passes = []
    model.encoder.register_forward_pre_hook(lambda module, args: passes.append(1))
    text = " ".join(["word"] * 5000)
    with deadline(0.0), pytest.raises(DeadlineExceeded):
        model.batch_extract_entities([text], ["person"], batch_size=1)
    assert passes == []  # stopped before the first of many passes


def test_the_gate_gives_the_job_its_deadline_and_counts_pending():
    import asyncio

    from presidio_gliner2.server.errors import ApiError
    from presidio_gliner2.server.gate import InferenceGate

    gate = InferenceGate(slots=1, timeout_s=0.2)
    stopped = []

    def slow_job():
        try:
            while True:
                time.sleep(0.05)
                check()
        except DeadlineExceeded:
            stopped.append(True)
            raise

    async def scenario():
        with pytest.raises(ApiError) as caught:
            await gate.run(slow_job)
        assert caught.value.status == 504
        for _ in range(40):  # the job notices its deadline on its next check
            if stopped and gate.pending == 0:
                break
            await asyncio.sleep(0.05)

    asyncio.run(scenario())
    gate.close()
    assert stopped == [True] and gate.pending == 0 and not gate.saturated
