"""Deterministic draws: the same key and the same inputs give the same fake, on any machine.

Every fake is drawn from a ``random.Random`` seeded with HMAC-SHA256(key, inputs). With a key the
caller keeps (the operator's ``key``), a value gets the same surrogate in every document; without
one, each document draws a fresh random key, so its fakes cannot be linked to another document's.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from typing import Optional

MIN_KEY_CHARS = 16


def check_key(key: object, where: str = "a surrogate key") -> None:
    """A caller's key must be a string of at least 16 characters, so it cannot be guessed by
    trying dictionary words; a ValueError (TypeError for another type) says so."""
    if not isinstance(key, (str, bytes)):
        raise TypeError(f"{where} is a string, not {type(key).__name__}")
    if len(key) < MIN_KEY_CHARS:
        raise ValueError(f"{where} needs at least {MIN_KEY_CHARS} characters (a short key lets anyone "
                         "who guesses it link the fakes to the originals)")


def key_bytes(key: Optional[str | bytes]) -> bytes:
    """The HMAC key: the caller's (``check_key``), or a fresh random one when ``key`` is None."""
    if key is None:
        return secrets.token_bytes(32)
    check_key(key)
    return key.encode("utf-8") if isinstance(key, str) else key


class Draw:
    """Seeded random generators, one per (purpose, value, attempt)."""

    def __init__(self, key: bytes):
        self._key = key

    def rng(self, *parts: object) -> random.Random:
        message = "\x1f".join(str(part) for part in parts).encode("utf-8", "surrogatepass")
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return random.Random(int.from_bytes(digest, "big"))

    def integer(self, low: int, high: int, *parts: object) -> int:
        return self.rng(*parts).randint(low, high)
