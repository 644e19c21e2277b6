"""Surface styles applied to a finished document: ALL-CAPS, all lower case, OCR noise.

Real notes arrive shouted, whispered or scanned. Case changes keep every offset (a
character whose case form has another length is left alone). OCR noise edits only words
that touch no gold span or hard negative (nor the character on either side of one), so
every annotation is moved, never cut, and still sits on word boundaries.
"""

from __future__ import annotations

import random
import re

Span = tuple[str, int, int, frozenset]
Neg = tuple[str, int, int]

_WORD = re.compile(r"[A-Za-z]{2,}")
_SWAPS = {"l": "1", "I": "l", "O": "0", "o": "0", "1": "l", "0": "O", "i": "l"}


def recase(text: str, upper: bool) -> str:
    """Upper or lower case, character by character, so the length never changes."""
    def one(c: str) -> str:
        changed = c.upper() if upper else c.lower()
        return changed if len(changed) == 1 else c
    return "".join(one(c) for c in text)


def _protected(text: str, spans: list[Span], negs: list[Neg]) -> bytearray:
    mask = bytearray(len(text) + 1)
    for s, e in [(s, e) for _, s, e, _ in spans] + [(s, e) for _, s, e in negs]:
        for i in range(max(0, s - 1), min(len(text), e + 1)):
            mask[i] = 1
    return mask


Edit = tuple[int, int, str]  # replace text[start:end] with the string


def _word_edit(rng: random.Random, start: int, word: str, space_after: bool) -> Edit | None:
    """At most one edit for one unprotected word (or the space after it)."""
    end = start + len(word)
    r = rng.random()
    if r < 0.08:  # l/1, O/0 confusions
        spots = [i for i, c in enumerate(word) if c in _SWAPS]
        if spots:
            i = rng.choice(spots)
            return start + i, start + i + 1, _SWAPS[word[i]]
    elif r < 0.11 and len(word) >= 6:  # stray hyphenation from a line break
        cut = start + rng.randint(2, len(word) - 3)
        return cut, cut, rng.choice(["- ", "-\n", "-"])
    elif r < 0.16 and space_after:  # dropped space: merged with the next word
        return end, end + 1, ""
    elif r < 0.18 and space_after:  # doubled space
        return end, end, " "
    return None


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, disjoint edits; returns the new text and old offset -> new offset."""
    out: list[str] = []
    new_index = [0] * (len(text) + 1)
    pos = shift = 0
    for start, end, replacement in edits:
        out += [text[pos:start], replacement]
        for i in range(pos, end):
            new_index[i] = min(i, start) + shift
        shift += len(replacement) - (end - start)
        pos = end
    out.append(text[pos:])
    for i in range(pos, len(text) + 1):
        new_index[i] = i + shift
    return "".join(out), new_index


def ocr_noise(rng: random.Random, text: str, spans: list[Span], negs: list[Neg]) -> tuple[str, list[Span], list[Neg]]:
    mask = _protected(text, spans, negs)
    edits: list[Edit] = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        if any(mask[start:end]):
            continue
        space_after = text[end:end + 1] == " " and not mask[end] and text[end + 1:end + 2].isalpha() \
            and not mask[end + 1]
        edit = _word_edit(rng, start, m.group(), space_after)
        if edit:
            edits.append(edit)
    new_text, new_index = _apply(text, edits)
    moved = [(label, new_index[s], new_index[e], tags) for label, s, e, tags in spans]
    return new_text, moved, [(kind, new_index[s], new_index[e]) for kind, s, e in negs]
