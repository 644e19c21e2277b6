"""Word splitting with exact character offsets.

The model sees lower-cased words; callers need offsets into *their* text. We match
the pattern against the original string and lower-case only each token, because
Unicode case folding can change a string's length ("İ".lower() is two code points).
The whitespace pattern is the one the published checkpoints were trained with.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Callable, Iterator, NamedTuple, Union


class Word(NamedTuple):
    text: str  # lower-cased form fed to the tokenizer
    start: int  # character offset into the caller's text
    end: int  # exclusive


WordSplitter = Callable[[str, bool], Iterator[tuple[str, int, int]]]

_COMBINING_MARKS = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)).startswith("M")
)
_WORD_CHAR = rf"[\w{_COMBINING_MARKS}\u200c\u200d]"

# URLs, emails and @handles stay whole; word runs joined by "-" or "_" stay one word
# (so "617-555-0199" is one word); anything else is one non-space character.
_WHITESPACE_PATTERN = re.compile(
    rf"""(?:https?://[^\s]+|www\.[^\s]+)
    |[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{{2,}}
    |@[a-z0-9_]+
    |{_WORD_CHAR}+(?:[-_]{_WORD_CHAR}+)*
    |\S""",
    re.VERBOSE | re.IGNORECASE,
)
# For scripts written without spaces (CJK): Latin/number runs stay whole, every
# other non-space character is a word.
_CHAR_PATTERN = re.compile(r"[A-Za-z0-9@._\-+]+|\S")


def _regex_splitter(pattern: re.Pattern) -> WordSplitter:
    def split(text: str, lower: bool = True) -> Iterator[tuple[str, int, int]]:
        for match in pattern.finditer(text):
            token = match.group()
            yield (token.lower() if lower else token), match.start(), match.end()

    return split


WORD_SPLITTERS: dict[str, WordSplitter] = {
    "whitespace": _regex_splitter(_WHITESPACE_PATTERN),
    "char": _regex_splitter(_CHAR_PATTERN),
}


def resolve_word_splitter(splitter: Union[str, WordSplitter, None] = None) -> WordSplitter:
    """A splitter by name ("whitespace", the default, or "char") or a callable."""
    if splitter is None:
        return WORD_SPLITTERS["whitespace"]
    if isinstance(splitter, str):
        try:
            return WORD_SPLITTERS[splitter]
        except KeyError:
            raise ValueError(
                f"Unknown word_splitter {splitter!r}; use one of {sorted(WORD_SPLITTERS)} or a callable"
            ) from None
    if callable(splitter):
        return splitter
    raise TypeError(f"word_splitter must be a name or a callable, got {type(splitter).__name__}")


def split_words(text: str, splitter: WordSplitter | None = None) -> list[Word]:
    """Split ``text`` into lower-cased words with offsets into ``text``."""
    splitter = splitter or WORD_SPLITTERS["whitespace"]
    return [Word(token, start, end) for token, start, end in splitter(text, True)]


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` clamped to the text and moved inward past whitespace (``start == end`` when
    nothing but whitespace was inside): an identifier never includes its surrounding spaces."""
    start, end = max(0, min(int(start), len(text))), max(0, min(int(end), len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
