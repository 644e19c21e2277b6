"""Text assembly with exact gold offsets.

A document is built left to right from parts: plain strings, ``Ent`` (a gold span) and
``Neg`` (a hard negative, recorded but never tagged). Offsets are taken while appending,
so ``text[start:end] == value`` holds by construction and spans never overlap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple, Union


class Ent(NamedTuple):
    label: str  # canonical PII label (a key of PII_LABELS)
    value: str
    tags: frozenset = frozenset()  # sub-kinds, e.g. {"patient"}, {"vin"}: decide which synonyms fit


class Neg(NamedTuple):
    kind: str  # hard-negative type: drug, disease, money, icd10, ...
    value: str


Part = Union[str, Ent, Neg, None, Iterable["Part"]]


def E(label: str, value: str, *tags: str) -> Ent:
    if value != value.strip() or not value:
        raise ValueError(f"entity value must be non-empty without surrounding whitespace: {value!r}")
    return Ent(label, value, frozenset(tags))


def N(kind: str, value: str) -> Neg:
    return Neg(kind, value)


@lru_cache(maxsize=4096)
def _template(tpl: str) -> tuple[str, ...]:
    return tuple(re.split(r"\{(\w+)\}", tpl))


class Doc:
    def __init__(self, caps: bool = False):
        self.caps = caps
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[tuple[str, int, int, frozenset]] = []
        self.negs: list[tuple[str, int, int]] = []

    def _raw(self, s: str) -> int:
        if self.caps:
            u = s.upper()
            if len(u) == len(s):
                s = u
        start = self._len
        self._parts.append(s)
        self._len += len(s)
        return start

    def add(self, *items: Part) -> "Doc":
        for it in items:
            if it is None:
                continue
            if isinstance(it, str):
                if it:
                    self._raw(it)
            elif isinstance(it, Ent):
                start = self._raw(it.value)
                self.spans.append((it.label, start, self._len, it.tags))
            elif isinstance(it, Neg):
                start = self._raw(it.value)
                self.negs.append((it.kind, start, self._len))
            else:
                self.add(*it)
        return self

    def f(self, template: str, **fields: Part) -> "Doc":
        """Append ``template`` with ``{name}`` placeholders filled from ``fields``."""
        pieces = _template(template)
        for i, piece in enumerate(pieces):
            if i % 2:
                self.add(fields[piece])
            elif piece:
                self._raw(piece)
        return self

    def line(self, template: str = "", **fields: Part) -> "Doc":
        self.f(template, **fields)
        self._raw("\n")
        return self

    def blank(self) -> "Doc":
        if self._parts and not self._text_endswith("\n\n"):
            self._raw("\n" if self._text_endswith("\n") else "\n\n")
        return self

    def _text_endswith(self, suffix: str) -> bool:
        tail = ""
        for p in reversed(self._parts):
            tail = p + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    def text(self) -> str:
        return "".join(self._parts).rstrip()

    @property
    def length(self) -> int:
        return self._len
