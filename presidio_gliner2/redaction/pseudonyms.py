"""Numbered placeholders per document (``<PERSON_1>``), consistent across mentions of one value."""

from __future__ import annotations

import re
from typing import Callable

# Entity types whose partial mentions ("Okafor") refer to a fuller one ("Margaret Okafor").
NAME_ENTITIES = frozenset({"PERSON"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"})


class Pseudonyms:
    """Numbered placeholders for one document, the same one for every mention of a value.

    ``exact=True`` (reversible redaction) keys on the exact value, so restoring gives back the
    exact text. Otherwise case and runs of whitespace are ignored (``John  SMITH`` = ``John Smith``),
    and a PERSON mention whose name words are all part of exactly one fuller name in the document
    shares its placeholder (``Dr. Okafor`` -> the ``<PERSON_1>`` of ``Margaret Okafor``; with two
    different Okafors it gets its own). A placeholder that already occurs in the text is skipped,
    so a restore is never ambiguous.
    """

    def __init__(self, text: str, exact: bool = False):
        self._text = text
        self._exact = exact
        self._by_key: dict[tuple[str, str], str] = {}
        self._alias: dict[tuple[str, str], tuple[str, str]] = {}
        self._counts: dict[str, int] = {}
        self.mapping: dict[str, str] = {}

    def _key(self, entity_type: str, value: str) -> tuple[str, str]:
        key = entity_type, (value if self._exact else " ".join(value.split()).casefold())
        return self._alias.get(key, key)

    def assign_all(self, mentions: list[tuple[str, str]]) -> None:
        """Placeholders for (entity_type, value) mentions given in text order, numbered by first mention."""
        if not self._exact:
            self._alias = _name_aliases([self._key(entity, value) for entity, value in mentions])
        for entity, value in mentions:
            self.assign(entity, value)

    def assign(self, entity_type: str, value: str) -> str:
        key = self._key(entity_type, value)
        if key not in self._by_key:
            number = self._counts.get(entity_type, 0)
            while True:
                number += 1
                placeholder = f"<{entity_type}_{number}>"
                if placeholder not in self._text:
                    break
            self._counts[entity_type] = number
            self._by_key[key] = placeholder
            self.mapping[placeholder] = value
        return self._by_key[key]

    def operator(self, entity_type: str) -> Callable[[str], str]:
        def placeholder(value: str) -> str:
            # Presidio's anonymizer may merge overlapping results of one type into a value that was
            # not announced: it gets the next number.
            return self.assign(entity_type, value)

        return placeholder


def _name_words(value: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", value) if w not in _HONORIFICS)


def _name_aliases(keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Partial name -> the one fuller name it belongs to (keys are normalised, lower case)."""
    names = list(dict.fromkeys(k for k in keys if k[0] in NAME_ENTITIES))
    words = {k: _name_words(k[1]) for k in names}
    aliases = {}
    for key in sorted(names, key=lambda k: -len(words[k])):  # fuller names settle first
        if not words[key]:
            continue
        # Same words in another order ("Okafor, Margaret") or a strict subset of a fuller name.
        fuller = [other for other in names if other != key and other[0] == key[0]
                  and (words[key] < words[other] or (words[key] == words[other] and names.index(other) < names.index(key)))]
        roots = [f for f in fuller if not any(words[f] < words[g] for g in fuller)]
        roots = list(dict.fromkeys(_root(f, aliases) for f in roots))
        if len(roots) == 1:
            aliases[key] = roots[0]
    return {key: _root(key, aliases) for key in aliases}


def _root(key, aliases):
    while key in aliases:
        key = aliases[key]
    return key
