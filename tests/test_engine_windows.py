"""Long documents go through the encoder in bounded batches of windows (issue 11, item 1).

Memory in the encoder grows with the windows of one pass, so a pass must never hold more than
``batch_size`` windows, however long the document; and splitting the passes must not change
what comes back (same spans, same scores within float noise).
"""

from __future__ import annotations

import random

import pytest

from presidio_gliner2.engine.api import GLiNER2
from tests.support.battery import composed_schema
from tests.support.helpers import assert_same

CHECKPOINT = "tiny-deberta-count_lstm_v2"  # small and fast; relative positions: windows come from window_words
WINDOW_WORDS, WINDOW_OVERLAP = 64, 16
BOTH = {"include_confidence": True, "include_spans": True}
LABELS = ["person", "email", "phone number", "organization"]
UNBOUNDED = 100_000  # more windows than any text here has: every window in one pass

_SENTENCES = [
    "Maria Lopez moved from Madrid to Boston in 2019 and now works for Northwind Traders.",
    "Please call 212-555-0147 or write to support@contoso.example before Friday.",
    "Patient ID QX-2291-884 was admitted on 4 July 2022; contact Dr. Okafor at the clinic.",
    "The shipment left the warehouse late, so the customer asked for a refund.",
    "Ahmed met his sister Leila in Cairo, then flew to Tokyo with colleagues from Initech.",
    "Invoice 88-1203 is overdue. Reply to billing@fabrikam.example or phone +44 20 7946 0958.",
]


def _document(words: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        sentence = rng.choice(_SENTENCES)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


@pytest.fixture(scope="module")
def model(checkpoints) -> GLiNER2:
    """A model of its own: small windows, so a few hundred words already make several."""
    return GLiNER2.from_pretrained(str(checkpoints.path(CHECKPOINT)), window_words=WINDOW_WORDS,
                                   window_overlap=WINDOW_OVERLAP)


class EncoderCalls:
    """Records the rows (windows) of every encoder pass, through a forward pre-hook."""

    def __init__(self, model: GLiNER2):
        self.rows: list[int] = []
        self._handle = model.encoder.register_forward_pre_hook(self._record, with_kwargs=True)

    def _record(self, module, args, kwargs) -> None:
        input_ids = kwargs["input_ids"] if "input_ids" in kwargs else args[0]
        self.rows.append(int(input_ids.shape[0]))

    def __enter__(self) -> "EncoderCalls":
        return self

    def __exit__(self, *exc) -> None:
        self._handle.remove()


@pytest.mark.parametrize("batch_size", [1, 4])
def test_long_document_windows_go_through_the_encoder_in_bounded_batches(model, batch_size):
    text = _document(5000)
    with EncoderCalls(model) as calls:
        model.batch_extract_entities([text], LABELS, batch_size=batch_size)
    assert sum(calls.rows) > 5000 // WINDOW_WORDS, "the document was not split into windows"
    assert max(calls.rows) <= batch_size, f"{max(calls.rows)} windows in one encoder pass"


def test_extract_bounds_windows_per_pass_too(model):
    """The single-text API has no batch_size argument: it uses the default bound (8 windows)."""
    with EncoderCalls(model) as calls:
        model.extract_entities(_document(5000, seed=1), LABELS)
    assert len(calls.rows) > 1
    assert max(calls.rows) <= 8


def test_several_texts_share_the_bound(model):
    """Short texts still share a pass; a long text among them never widens it past the bound."""
    texts = [_SENTENCES[0], _document(900, seed=2), _SENTENCES[1], _SENTENCES[2], _document(300, seed=3)]
    with EncoderCalls(model) as calls:
        model.batch_extract_entities(texts, LABELS, batch_size=3)
    assert max(calls.rows) <= 3
    assert 3 in calls.rows, "short texts no longer share an encoder pass"


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [1, 2, 5])
def test_bounded_batches_give_the_same_results_as_one_pass(model, batch_size):
    """Every task kind (entities, structures with choices, relations, classifications) on texts of
    several windows: the results do not depend on how the windows are grouped into passes."""
    texts = [_document(700, seed=4), _SENTENCES[3], _document(400, seed=5), "", _document(150, seed=6)]
    schema = composed_schema(model)
    bounded = model.batch_extract(texts, schema, batch_size=batch_size, threshold=0.3, **BOTH)
    whole = model.batch_extract(texts, schema, batch_size=UNBOUNDED, threshold=0.3, **BOTH)
    assert_same(bounded, whole)
    entities = model.batch_extract_entities(texts, LABELS, batch_size=batch_size, threshold=0.3, **BOTH)
    assert any(any(spans) for result in entities for spans in result["entities"].values())
    assert_same(entities, model.batch_extract_entities(texts, LABELS, batch_size=UNBOUNDED, threshold=0.3, **BOTH))


def test_freed_memory_goes_back_to_the_os_after_every_pass(model, monkeypatch):
    """glibc keeps what a pass freed, so a long document's passes piled up in the process
    (bench/memory.py: 593 MiB over the loaded model at 10,000 words, 421 MiB with a trim per pass)."""
    import platform
    import sys

    import presidio_gliner2.engine.api as api
    from presidio_gliner2.engine.memory import release_freed_memory

    trims = []
    monkeypatch.setattr(api, "release_freed_memory", lambda: trims.append(True))
    with EncoderCalls(model) as calls:
        model.batch_extract_entities([_document(2000)], LABELS, batch_size=2)
    assert len(calls.rows) > 2 and len(trims) == len(calls.rows)
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_freed_memory() is glibc  # where glibc is, the trim is really there, not a no-op


def test_auto_window_reads_a_deberta_text_of_400_words_in_one_pass(checkpoints):
    """DeBERTa has no position limit: the default window (1,024 words there) reads a 400-word
    text whole, as the reference does, instead of two overlapping 384-word windows (issue 12,
    item 5); past 1,024 words it still cuts, so cost stays linear and memory bounded."""
    from presidio_gliner2.engine.windows import RELATIVE_WINDOW_WORDS

    auto = GLiNER2.from_pretrained(str(checkpoints.path(CHECKPOINT)))
    assert auto.max_positions() is None
    assert auto.window_words == RELATIVE_WINDOW_WORDS
    with EncoderCalls(auto) as calls:
        auto.extract_entities(_document(400), LABELS)
    assert calls.rows == [1]
    with EncoderCalls(auto) as calls:
        auto.extract_entities(_document(2500), LABELS)
    # 2,500 text words (more model words, punctuation counts): 3 or 4 windows of 1,024, where
    # 384-word windows would take at least 8.
    assert 3 <= sum(calls.rows) <= 4


def test_auto_window_keeps_384_words_under_a_position_limit():
    """MiniLM (the bundled model) has 512 absolute positions: "auto" keeps 384-word windows, and
    an explicit setting still wins everywhere."""
    from presidio_gliner2.engine.windows import DEFAULT_WINDOW_WORDS

    bundled = GLiNER2.from_pretrained("default")
    assert bundled.max_positions() is not None and bundled.window_words == DEFAULT_WINDOW_WORDS
    bundled.set_window(200, 20)
    assert (bundled.window_words, bundled.window_overlap) == (200, 20)
    bundled.set_window("auto", 64)
    assert bundled.window_words == DEFAULT_WINDOW_WORDS
