"""Checks on what callers hand the engine, shared by every layer above it.

Each raises with a message that names the argument and its type or value, never the text.
"""

from __future__ import annotations

import math
from typing import Any, Optional, Sequence


def check_text(text: Any, where: str = "text") -> str:
    """``text`` itself when it is a str; TypeError otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"{where} must be a str, got {type(text).__name__}")
    return text


def check_texts(texts: Any) -> list[str]:
    """A list or other sequence of str (not one str) as a list; TypeError naming the first bad item."""
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise TypeError(f"texts must be a list of strings, got {type(texts).__name__}")
    for index, text in enumerate(texts):
        check_text(text, f"texts[{index}]")
    return list(texts)


def check_unit_interval(value: Any, what: str) -> float:
    """A number in [0, 1] (not a bool, not NaN); ValueError otherwise."""
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value)
            or not 0 <= value <= 1):
        raise ValueError(f"{what} must be a number in [0, 1], got {value!r}")
    return float(value)


def check_positive_int(value: Any, what: str, optional: bool = False) -> Optional[int]:
    """An int >= 1 (not a bool), or None when ``optional``; ValueError otherwise."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a positive integer{' or None' if optional else ''}, got {value!r}")
    return value


def check_window(window_words: Optional[int], window_overlap: Optional[int]) -> None:
    """Long-text window settings: words per window (None: no word limit) and overlap in words."""
    check_positive_int(window_words, "window_words", optional=True)
    if window_overlap is not None and (isinstance(window_overlap, bool) or not isinstance(window_overlap, int)
                                       or window_overlap < 0):
        raise ValueError(f"window_overlap must be a non-negative integer, got {window_overlap!r}")
    if window_words is not None and window_overlap is not None and window_overlap >= window_words:
        raise ValueError(f"window_overlap ({window_overlap}) must be smaller than window_words ({window_words})")
