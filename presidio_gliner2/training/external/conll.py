"""CoNLL-style token columns: one ``token ... tag`` line per token, blank lines between
sentences, ``-DOCSTART-`` lines between documents (when the file has them)."""

from __future__ import annotations

from typing import Iterable, Iterator

TaggedSentence = list[tuple[str, str]]  # (token, tag)


def read_sentences(lines: Iterable[str], tag_column: int = -1) -> Iterator[list[TaggedSentence]]:
    """Documents as lists of sentences; a file without ``-DOCSTART-`` is one document.

    Columns may be split by tabs or spaces; the token is the first column and the tag
    ``tag_column`` (the last by default).
    """
    document: list[TaggedSentence] = []
    sentence: TaggedSentence = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        if line.startswith("-DOCSTART-"):
            if sentence:
                document.append(sentence)
                sentence = []
            if document:
                yield document
                document = []
            continue
        if not line.strip():
            if sentence:
                document.append(sentence)
                sentence = []
            continue
        columns = line.split("\t") if "\t" in line else line.split(" ")
        if len(columns) < 2:
            raise ValueError(f"line {number}: expected 'token<TAB>tag', got {len(columns)} column(s); "
                             "check the file is CoNLL columns")
        sentence.append((columns[0], columns[tag_column].strip()))
    if sentence:
        document.append(sentence)
    if document:
        yield document
