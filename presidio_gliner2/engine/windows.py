"""Long texts -> overlapping word windows, and bounded batches of them.

A text longer than ``window_words`` words, or than the encoder's position limit once the
schema prompt is counted, is cut into word windows that overlap by ``window_overlap``
words; each window is encoded on its own (schema prompt + its words). Windows then go
through the encoder ``batch_size`` at a time, never all at once: encoder memory follows
the windows of one pass, so it stays flat however long the document is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence, TypeVar, Union

from presidio_gliner2.engine.encoding import EncodedWindow, InputEncoder, SchemaPrefix
from presidio_gliner2.engine.schema import CompiledSchema
from presidio_gliner2.engine.words import Word, WordSplitter, split_words

DEFAULT_WINDOW_WORDS = 384
# Encoders with relative positions only (DeBERTa v2/v3) have no position limit: the reference reads
# a text whole. A window there only bounds memory and keeps cost linear in length, so it can be
# much longer than 384 words: below roughly 1,500 subwords a base-size encoder's cost per token is
# mostly its linear layers, so a longer window costs no more per word, and every cut adds an
# overlap's worth of words read twice. 1,024 words (about 1,300-1,500 subwords) reads most documents
# in one pass, as the reference does, and a long one in few windows.
RELATIVE_WINDOW_WORDS = 1024
AUTO_WINDOW = "auto"  # DEFAULT_WINDOW_WORDS, or RELATIVE_WINDOW_WORDS for an encoder with no position limit
DEFAULT_WINDOW_OVERLAP = 64
DEFAULT_BATCH_SIZE = 8  # texts per chunk, and windows per encoder pass
MIN_TEXT_POSITIONS = 16  # a schema that leaves fewer positions for the text is an error

T = TypeVar("T")


@dataclass
class Window:
    word_start: int  # first text word of the window, in document words
    word_end: int  # one past the last
    encoded: EncodedWindow


@dataclass
class Document:
    text: str  # the caller's text
    model_text: str  # with the sentence-final period the model expects
    words: list[Word]
    schema: CompiledSchema
    windows: list[Window] = field(default_factory=list)


def model_text(text: str) -> str:
    """The text as the model was trained to see it: ending in sentence punctuation."""
    return text if text.endswith((".", "!", "?")) else text + "."


def batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most ``size`` items."""
    for begin in range(0, len(items), size):
        yield list(items[begin:begin + size])


def resolve_window_words(window_words: Union[int, str, None], max_positions: Optional[int]) -> Optional[int]:
    """``"auto"`` -> the window for this encoder (see RELATIVE_WINDOW_WORDS); other values as given."""
    if window_words == AUTO_WINDOW:
        return DEFAULT_WINDOW_WORDS if max_positions is not None else RELATIVE_WINDOW_WORDS
    return window_words


def plan_windows(
    subword_counts: Sequence[int],
    budget: Optional[int],
    window_words: Optional[int],
    overlap_words: int,
) -> list[tuple[int, int]]:
    """Word ranges [start, end) covering every word, each within ``window_words`` words
    and ``budget`` subwords, consecutive ranges overlapping by ``overlap_words``."""
    total = len(subword_counts)
    if total == 0:
        return [(0, 0)]
    if (window_words is None or total <= window_words) and (budget is None or sum(subword_counts) <= budget):
        return [(0, total)]
    windows = []
    start = 0
    while True:
        end, used = start, 0
        while end < total and (window_words is None or end - start < window_words):
            cost = max(subword_counts[end], 1)
            if budget is not None and used + cost > budget and end > start:
                break
            used += cost
            end += 1
        windows.append((start, end))
        if end >= total:
            return windows
        # Step back by the overlap, but always move forward.
        start = max(end - overlap_words, start + 1)


def text_budget(prefix: SchemaPrefix, max_positions: Optional[int]) -> Optional[int]:
    """Encoder positions left for the text words of one window (None: no limit)."""
    if max_positions is None:
        return None
    budget = max_positions - len(prefix.ids) - sum(len(p) for p in prefix.prefix_ids)
    if budget < MIN_TEXT_POSITIONS:
        raise ValueError(
            f"The schema alone takes {max_positions - budget} of the encoder's {max_positions} positions; "
            "use fewer labels or shorter descriptions"
        )
    return budget


class Windower:
    """Turns (text, schema) pairs into documents of encoded windows, for one extraction call.

    Each schema's prompt is encoded once per call (keyed by identity: the compiled schemas
    live as long as the call).
    """

    def __init__(self, inputs: InputEncoder, splitter: WordSplitter, window_words: Optional[int],
                 window_overlap: int, max_positions: Optional[int], max_len: Optional[int] = None):
        self.inputs = inputs
        self.splitter = splitter
        self.window_words = window_words
        self.window_overlap = window_overlap
        self.max_positions = max_positions
        self.max_len = max_len
        self._prefixes: dict[int, SchemaPrefix] = {}

    def document(self, text: str, schema: CompiledSchema) -> Optional[Document]:
        """The windows of ``text``; None for a text with nothing but whitespace (no model pass)."""
        if not text.strip():
            return None
        seen = model_text(text)
        words = split_words(seen, self.splitter)
        if self.max_len is not None:
            words = words[: self.max_len]
        prefix = self._prefix(schema)
        budget = text_budget(prefix, self.max_positions)
        word_ids = self.inputs.word_ids(words)
        if budget is not None:
            # A word may take at most half of a window's positions (a long symbol run can tokenize
            # to hundreds of pieces), so windows always hold more than one word and move forward.
            word_ids = [ids if len(ids) <= budget // 2 else ids[: budget // 2] for ids in word_ids]
        ranges = plan_windows([len(ids) for ids in word_ids], budget, self.window_words, self.window_overlap)
        windows = [Window(start, end, InputEncoder.encode_window(prefix, word_ids[start:end])) for start, end in ranges]
        return Document(text, seen, words, schema, windows)

    def _prefix(self, schema: CompiledSchema) -> SchemaPrefix:
        prefix = self._prefixes.get(id(schema))
        if prefix is None:
            prefix = self._prefixes[id(schema)] = self.inputs.encode_schema(schema)
        return prefix
