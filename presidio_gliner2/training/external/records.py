"""Sentences with character-offset mentions, chunking, and our JSONL record.

Every source converter ends in the same shapes: a ``Sentence`` (text plus mentions as
exact character offsets into that text) and a ``Document`` (sentences in order). This
module turns tokens + BIO tags into sentences, groups sentences into training-sized
chunks and writes the record. Offsets are computed while the text is built, never
searched for afterwards, so a repeated name can never be attached to the wrong place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Sequence

from presidio_gliner2.engine.words import split_words
from presidio_gliner2.training.data import model_text


@dataclass(frozen=True)
class Mention:
    start: int  # character offset, inclusive
    end: int  # exclusive
    label: str  # already one of our model labels


@dataclass
class Sentence:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    new_paragraph: bool = False  # joined with a line break instead of a space


@dataclass
class Document:
    doc_id: str
    sentences: list[Sentence]
    split: Optional[str] = None  # "train" / "dev" when the source fixes it; None: seeded split
    genre: str = ""
    licence: str = ""
    separator: str = " "  # between sentences of one paragraph ("\n" for a feed of tweets)


@dataclass(frozen=True)
class Chunk:
    text: str
    mentions: tuple[Mention, ...]
    first_sentence: int
    last_sentence: int


# Detokenisation for sources that only give tokens: no space before closing punctuation
# and clitics, none after opening brackets. Straight quotes alternate open/close.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "n't", "N'T",
                              "'re", "'ll", "'ve", "'m", "'d", "’s", "n’t", "''", "”", "’"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "£", "€", "``", "“", "‘"})


def join_tokens(tokens: Sequence[str], space_after: Optional[Sequence[bool]] = None) -> tuple[str, list[tuple[int, int]]]:
    """Text and each token's (start, end); ``space_after`` wins over the heuristics when given."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    quote_open = False
    for index, token in enumerate(tokens):
        if index:
            if space_after is not None:
                space = space_after[index - 1]
            else:
                previous = tokens[index - 1]
                space = token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER
                if previous == '"' and quote_open:
                    space = False  # just after an opening quote
                if token == '"' and quote_open:
                    space = False  # a closing quote hugs the word before it
            if space:
                parts.append(" ")
                length += 1
        if token == '"':
            quote_open = not quote_open
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return "".join(parts), offsets


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans (first, last exclusive, type) from BIO, IOB1 or bare type tags.

    ``I-X`` without a preceding X opens a new entity (IOB1, and sloppy BIO);
    ``B-X`` right after an X entity starts a second, adjacent one.
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for index, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-") if tag[:2] in ("B-", "I-", "E-", "S-") else ("I", "", tag)
        inside = tag != "O" and name != ""
        continues = inside and prefix in ("I", "E") and kind == name
        if start is not None and not continues:
            spans.append((start, index, kind))
            start, kind = None, None
        if inside and not continues:
            start, kind = index, name
    return spans


_TRIM = "#\"'“”‘’«»()[]{},;:!?"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip quotes, brackets and hashtag marks around a mention (``#Pistorius`` -> ``Pistorius``)."""
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def sentence_from_bio(tokens: Sequence[str], tags: Sequence[str], label_map: Mapping[str, Optional[str]],
                      space_after: Optional[Sequence[bool]] = None) -> Sentence:
    """One sentence; source types mapped to ``None`` are dropped (their words stay as text)."""
    if len(tokens) != len(tags):
        raise ValueError(f"{len(tokens)} tokens but {len(tags)} tags: fix the reader for this source")
    text, offsets = join_tokens(tokens, space_after)
    mentions = []
    for first, last, kind in bio_spans(tags):
        label = map_label(label_map, kind)
        if label is None:
            continue
        start, end = trim(text, offsets[first][0], offsets[last - 1][1])
        if any(c.isalnum() for c in text[start:end]):  # a tagged lone "." or "@" is an annotation slip
            mentions.append(Mention(start, end, label))
    return Sentence(text, mentions)


def map_label(label_map: Mapping[str, Optional[str]], kind: str) -> Optional[str]:
    if kind not in label_map:
        raise KeyError(f"source type {kind!r} has no entry in the label map: add it to external/labels.py")
    return label_map[kind]


def word_count(text: str) -> int:
    return len(text.split())


def chunk_document(document: Document, min_words: int = 40, max_words: int = 160) -> list[Chunk]:
    """Consecutive sentences grouped into chunks of about ``min_words``..``max_words`` words.

    A chunk closes at a paragraph start once it has ``min_words``, and before a sentence
    that would push it past ``max_words``. A short tail joins the previous chunk when it fits.
    """
    groups: list[list[int]] = []
    current: list[int] = []
    words = 0
    for index, sentence in enumerate(document.sentences):
        size = word_count(sentence.text)
        if current and (words + size > max_words or (sentence.new_paragraph and words >= min_words)):
            groups.append(current)
            current, words = [], 0
        current.append(index)
        words += size
    if current:
        tail = sum(word_count(document.sentences[i].text) for i in current)
        if groups and tail < min_words and tail + sum(word_count(document.sentences[i].text) for i in groups[-1]) <= max_words:
            groups[-1] += current
        else:
            groups.append(current)
    return [_join(document, group) for group in groups]


def _join(document: Document, indices: list[int]) -> Chunk:
    parts: list[str] = []
    mentions: list[Mention] = []
    length = 0
    for position, index in enumerate(indices):
        sentence = document.sentences[index]
        if position:
            separator = "\n" if sentence.new_paragraph else document.separator
            parts.append(separator)
            length += len(separator)
        mentions += [Mention(m.start + length, m.end + length, m.label) for m in sentence.mentions]
        parts.append(sentence.text)
        length += len(sentence.text)
    return Chunk("".join(parts), tuple(sorted(mentions, key=lambda m: (m.start, m.end))), indices[0], indices[-1])


def misaligned(text: str, mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions that do not start and end on the engine's word boundaries (the trainer would drop them)."""
    words = split_words(model_text(text))
    starts = {w.start for w in words}
    ends = {w.end for w in words}
    return [m for m in mentions if m.start not in starts or m.end not in ends]


def to_record(text: str, mentions: Iterable[Mention], labels: Sequence[str], meta: dict) -> dict:
    """Our training record: every label the source annotates is listed, [] marking a known absence."""
    entities: dict[str, list[dict]] = {label: [] for label in labels}
    for mention in mentions:
        if mention.label not in entities:
            raise ValueError(f"label {mention.label!r} is not among the source's labels {list(labels)}")
        value = text[mention.start:mention.end]
        if not value or value != value.strip():
            raise ValueError(f"mention {mention.start}..{mention.end} is empty or has outer spaces: fix its offsets")
        entities[mention.label].append({"text": value, "start": mention.start, "end": mention.end})
    return {"input": text, "output": {"entities": entities}, "meta": meta}
