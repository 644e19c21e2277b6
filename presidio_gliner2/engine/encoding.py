"""Schema + words -> encoder input ids, and the index maps back to words and labels.

Layout of one sequence (no [CLS]/[SEP]; every element is tokenized on its own):

    ( [P] prompt ( [E] label [E] label ) ) [SEP_STRUCT] ( [P] ... ) [SEP_TEXT] prefix words

``prefix`` holds the choices of choice fields, read by the span head like words.
A word's vector is its first subword's hidden state; a task's vectors are the
hidden states at its [P] and at each marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from presidio_gliner2.engine.schema import CompiledSchema, Task
from presidio_gliner2.engine.words import Word

SPECIAL_TOKENS = [
    "[SEP_STRUCT]", "[SEP_TEXT]", "[P]", "[C]", "[E]", "[R]", "[L]", "[EXAMPLE]", "[OUTPUT]", "[DESCRIPTION]",
]
SEP_STRUCT, SEP_TEXT = "[SEP_STRUCT]", "[SEP_TEXT]"


def task_elements(task: Task) -> list[str]:
    elements = ["(", "[P]", task.prompt, "("]
    for label in task.fields:
        elements += [task.marker, label.name]
    return elements + [")", ")"]


def choice_prefix(schema: CompiledSchema) -> list[str]:
    """``( structure: field ( a | b ) , field ( c | d ) )`` per structure with choice fields."""
    prefix: list[str] = []
    for task in schema.choice_tasks:
        inner: list[str] = []
        for label in task.fields:
            if label.choices:
                choices = [token for i, c in enumerate(label.choices) for token in (["|", c] if i else [c])]
                inner += [label.name, "(", *choices, ")", ","]
        prefix += ["(", f"{task.name}:", *inner[:-1], ")"]
    return prefix


@dataclass
class SchemaPrefix:
    """The part of every sequence that depends on the schema only (shared by windows)."""

    ids: list[int]
    marker_positions: list[list[int]]  # per task: [P] then one per label
    prefix_words: list[str]  # choice-prefix words placed before the text words
    prefix_ids: list[list[int]]  # subword ids per prefix word


@dataclass
class EncodedWindow:
    input_ids: list[int]
    word_positions: list[int]  # first-subword position of every word, prefix words first
    marker_positions: list[list[int]]
    prefix_words: list[str]

    @property
    def num_prefix_words(self) -> int:
        return len(self.prefix_words)


class InputEncoder:
    """Turns schemas and words into ids with one tokenizer; caches per-element tokenization."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        tokenizer.add_special_tokens({"additional_special_tokens": SPECIAL_TOKENS})
        self._ids = lru_cache(maxsize=65536)(self._element_ids)

    def _element_ids(self, element: str) -> tuple[int, ...]:
        return tuple(self.tokenizer.convert_tokens_to_ids(self.tokenizer.tokenize(element)))

    def element_ids(self, element: str) -> tuple[int, ...]:
        return self._ids(element)

    def encode_schema(self, schema: CompiledSchema) -> SchemaPrefix:
        ids: list[int] = []
        markers: list[list[int]] = []
        for index, task in enumerate(schema.tasks):
            if index:
                ids += self._ids(SEP_STRUCT)
            positions = []
            for slot, element in enumerate(task_elements(task)):
                # Only structural slots count: a prompt may itself contain "[E]".
                if slot == 1 or (slot >= 4 and slot % 2 == 0 and slot < len(task.fields) * 2 + 4):
                    positions.append(len(ids))
                ids += self._ids(element)
            markers.append(positions)
        ids += self._ids(SEP_TEXT)
        prefix_words = choice_prefix(schema)
        return SchemaPrefix(ids, markers, prefix_words, [list(self._ids(w)) for w in prefix_words])

    def word_ids(self, words: Sequence[Word]) -> list[tuple[int, ...]]:
        return [self._ids(word.text) for word in words]

    @staticmethod
    def encode_window(prefix: SchemaPrefix, word_ids: Sequence[Sequence[int]]) -> EncodedWindow:
        ids = list(prefix.ids)
        positions = []
        for piece in list(prefix.prefix_ids) + list(word_ids):
            # A word that tokenizes to nothing keeps a row (at the next subword) so
            # word rows stay aligned with character offsets.
            positions.append(len(ids))
            ids += piece
        return EncodedWindow(ids, positions, prefix.marker_positions, prefix.prefix_words)

