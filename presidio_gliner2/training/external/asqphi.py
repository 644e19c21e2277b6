"""ASQ-PHI (JamesWeatherhead/synthetic-clinical-queries, MIT): clinician-to-AI search queries with
HIPAA Safe Harbor PHI listed per query, a fifth of them PHI-free ("hard negatives": ages under 90,
bare years, diagnoses and drugs, which Safe Harbor lets stay).

The file (``data/synthetic_dataset.txt``) is blocks of::

    ===QUERY===
    <the query, one or more lines>
    ===PHI_TAGS===
    {"identifier_type": "NAME", "value": "Anna S."}
    ...

Values carry no offsets: every occurrence of a value in its query is a mention (longest values
first, overlaps skipped). A query with a value that does not occur in it is dropped and counted.
A dev set only: the queries were written by a language model for a benchmark, and what we want
from them is an outside view of clinical text and of how often PHI-free text gets flagged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from presidio_gliner2.training.external.records import Document, Mention, Sentence

FILE = "data/synthetic_dataset.txt"
LICENCE = "MIT"
QUERY, TAGS = "===QUERY===", "===PHI_TAGS==="


class UnmatchedValue(ValueError):
    """A listed PHI value that is not in its query."""


def read_blocks(text: str) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(query, [(identifier_type, value)]) per block, in file order."""
    for number, block in enumerate(text.split(QUERY)[1:], 1):
        if TAGS not in block:
            raise ValueError(f"query block {number} has no {TAGS} line: is this {FILE}?")
        query, tags = block.split(TAGS, 1)
        pairs = []
        for line in tags.splitlines():
            if line.strip():
                item = json.loads(line)
                pairs.append((item["identifier_type"], item["value"]))
        yield query.strip(), pairs


def mentions_in(query: str, pairs: list[tuple[str, str]], label_map: dict) -> list[Mention]:
    """Every occurrence of every value, longest first; overlaps with a longer value are skipped."""
    taken: list[tuple[int, int]] = []
    mentions = []
    for kind, value in sorted(pairs, key=lambda p: -len(p[1])):
        value = value.strip()
        start = query.find(value) if value else -1
        if start < 0:
            raise UnmatchedValue(kind)
        while start >= 0:
            end = start + len(value)
            if not any(start < b and a < end for a, b in taken):
                taken.append((start, end))
                label = label_map[kind]
                if label is not None:
                    mentions.append(Mention(start, end, label))
            start = query.find(value, end)
    return sorted(mentions, key=lambda m: m.start)


def read_asqphi(path: Path, label_map: dict) -> Iterator[Document]:
    """One document per query, all in the dev split; ``path`` is the file or the repository folder."""
    if path.is_dir():
        path = path / FILE
    for number, (query, pairs) in enumerate(read_blocks(path.read_text(encoding="utf-8"))):
        unknown = {kind for kind, _ in pairs if kind not in label_map}
        if unknown:
            raise KeyError(f"PHI types {sorted(unknown)} are not mapped in labels.ASQ_PHI")
        try:
            mentions = mentions_in(query, pairs, label_map)
        except UnmatchedValue:
            yield Document(f"asqphi-{number:04d}", [], split="dev")  # no sentences: convert() counts it dropped
            continue
        yield Document(f"asqphi-{number:04d}", [Sentence(query, mentions)], split="dev",
                       genre="clinical query", licence=LICENCE)
