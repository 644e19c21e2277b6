"""Presidio's NLP pass (spaCy) over long texts, a piece at a time (issue 11).

spaCy runs its tok2vec and tagger over a whole Doc at once, so its memory grows with the text:
a 50,000-word document (59k tokens) took 883 MiB over the loaded pipeline, more than the
GLiNER2 pass, and a text over ``nlp.max_length`` (1,000,000 characters) is refused outright.
Cut into pieces of at most ``PIECE_CHARS`` and piped one at a time, the same document took
100 MiB (``bench/memory.py``, stage ``spacy``). The pieces end just after whitespace, after a
line or sentence end where there is one, so spaCy makes the same tokens; ``Doc.from_docs`` joins
them into one Doc over the exact text, and Presidio's recognizers read tokens, offsets and
lemmas from it as usual.
A tag near a cut may differ from the whole-text tag (the tagger sees a few tokens of context).
"""

from __future__ import annotations

import re
from typing import Any, Optional

PIECE_CHARS = 20_000
# Where a piece may end (just after the match), best first: a line end, a sentence end, any space;
# always after a whole run of whitespace, which spaCy makes one token ("\n " is one, not two).
_BREAKS = (re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))


def nlp_artifacts(engine: Any, texts: list[str], language: str) -> list:
    """Presidio's ``NlpArtifacts`` per text: short texts in one batch as before, long ones in pieces
    where the engine is a plain spaCy one (others, e.g. Stanza, get their own whole-text pass)."""
    pieceable = _pieceable(engine)
    long = [i for i, text in enumerate(texts) if pieceable and len(text) > PIECE_CHARS]
    short = [i for i, text in enumerate(texts) if not (pieceable and len(text) > PIECE_CHARS)]
    out: list = [None] * len(texts)
    for i, (_, artifacts) in zip(short, engine.process_batch([texts[i] for i in short], language)):
        out[i] = artifacts
    for i in long:
        out[i] = _in_pieces(engine, texts[i], language)
    return out


def pieces(text: str, size: Optional[int] = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` (``PIECE_CHARS``) characters;
    joined, they are ``text``."""
    size = size or PIECE_CHARS
    out, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, start: int, limit: int) -> int:
    window = text[start:limit]
    for pattern in _BREAKS:
        # Not too early (pieces stay large), and not inside a whitespace run the limit cuts short.
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)
                if m.end() < len(window) or not text[start + m.end()].isspace()]
        if ends:
            return start + ends[-1]
    return limit  # no whole whitespace run in half a piece: a hard cut


def _pieceable(engine: Any) -> bool:
    """Engines whose ``process_text`` is ``_doc_to_nlp_artifact(self.nlp[language](text))``."""
    from presidio_analyzer.nlp_engine import SlimSpacyNlpEngine, SpacyNlpEngine

    process_text = getattr(type(engine), "process_text", None)
    return process_text in (SpacyNlpEngine.process_text, SlimSpacyNlpEngine.process_text)


def _in_pieces(engine: Any, text: str, language: str):
    from spacy.tokens import Doc

    nlp = engine.nlp[language]
    docs = list(nlp.pipe(pieces(text), batch_size=1))  # one piece per pass: that is the point
    return engine._doc_to_nlp_artifact(Doc.from_docs(docs, ensure_whitespace=False), language)
