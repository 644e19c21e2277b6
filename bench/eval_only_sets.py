"""Evaluation-only test sets: the external sets the issue says we will be measured on, read here
and only here, never trained or tuned on.

    python bench/eval_only_sets.py --out build/eval-only \\
        --presidio-synth synth_dataset_v2.json --wnut17 emerging.test.annotated --conll2003 eng.testb

The project's rules put these sources on the evaluation-only list (presidio-research data,
WNUT-17, CoNLL-2003). So this script lives in ``bench/``, away from ``training/``; it writes to
``build/`` (never committed); every record carries ``meta.use = "evaluation-only"``, which the
trainer and ``calibrate`` refuse (``training/data.py: read_training_jsonl``); and no model or
threshold choice is made on their scores: ``make eval-only`` is run once on what already ships.

Where each file comes from (public GitHub repositories; ``git show HEAD:<path>`` in a clone):

- ``--presidio-synth``: microsoft/presidio-research ``data/synth_dataset_v2.json`` (MIT):
  1,500 template sentences filled with Faker values, Presidio's own entity types.
- ``--wnut17``: leondz/emerging_entities_17 ``emerging.test.annotated`` (CC BY 4.0): the WNUT-17
  test set, social-media posts (Twitter, Reddit, YouTube, StackExchange comments).
- ``--conll2003``: the CoNLL-2003 English test set ``eng.testb`` (Reuters news; e.g.
  synalp/NER ``corpus/CoNLL-2003/eng.testb``), IOB1 tags in the last column.

Prints counts (never text) as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from presidio_gliner2.engine.words import trim_whitespace
from presidio_gliner2.training.data import EVALUATION_ONLY
from presidio_gliner2.training.external import conll
from presidio_gliner2.training.external.__main__ import write_jsonl
from presidio_gliner2.training.external.labels import CONLL_PER_LOC_ORG, LabelMap, annotated_labels
from presidio_gliner2.training.external.records import (
    Document, Mention, chunk_document, sentence_from_bio, to_record,
)

# Presidio's types in synth_dataset_v2 -> our model labels. GPE is any city, state or country,
# so it gets the coarse "location"; DATE_TIME is any date or time, the coarse "dates".
PRESIDIO_TYPES: LabelMap = {
    "PERSON": "person", "STREET_ADDRESS": "street address", "GPE": "location", "ORGANIZATION": "organization",
    "CREDIT_CARD": "credit card number", "DATE_TIME": "dates", "TITLE": "title", "PHONE_NUMBER": "phone number",
    "AGE": "age", "NRP": "nationality, religion or political group", "EMAIL_ADDRESS": "email address",
    "ZIP_CODE": "zip code", "DOMAIN_NAME": "url", "IBAN_CODE": "iban", "US_SSN": "social security number",
    "IP_ADDRESS": "ip address", "US_DRIVER_LICENSE": "license number",
}

# WNUT-17: corporations and groups (bands, teams, agencies) are organizations; products and
# creative works are not personal data.
WNUT17_TYPES: LabelMap = {"person": "person", "location": "location", "corporation": "organization",
                          "group": "organization", "product": None, "creative-work": None}


def _meta(source: str, doc_id: str, licence: str) -> dict:
    return {"source": source, "doc_id": doc_id, "licence": licence, "use": EVALUATION_ONLY}


def presidio_synth(path: Path) -> Iterator[dict]:
    """One record per template sentence; every mapped label is listed in every record, so the
    model alone is asked for all of them (as a user with one prompt would)."""
    labels = annotated_labels(PRESIDIO_TYPES)
    for number, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        text = item["full_text"]
        mentions = []
        for span in item["spans"]:
            if span["entity_type"] not in PRESIDIO_TYPES:
                raise ValueError(f"record {number}: unknown entity type {span['entity_type']!r}; "
                                 "add it to PRESIDIO_TYPES")
            start, end = trim_whitespace(text, span["start_position"], span["end_position"])
            if text[start:end] != span["entity_value"].strip():
                raise ValueError(f"record {number}: a span's offsets do not match its value; is this synth_dataset_v2.json?")
            mentions.append(Mention(start, end, PRESIDIO_TYPES[span["entity_type"]]))
        yield to_record(text, mentions, labels, _meta("presidio-synth", f"presidio-synth-{number:04d}", "MIT"))


def _conll_records(path: Path, source: str, label_map: LabelMap, licence: str, posts: bool) -> Iterator[dict]:
    """Documents of CoNLL columns chunked like our external dev sets (40..160 words). ``posts``:
    a file of unrelated posts, one per sentence, joined by line breaks (as the BTC feed is)."""
    labels = annotated_labels(label_map)
    with open(path, encoding="utf-8") as handle:
        documents = list(conll.read_sentences(handle))
    for number, sentences in enumerate(documents):
        converted = [sentence_from_bio([t for t, _ in s], [g for _, g in s], label_map) for s in sentences]
        for sentence in converted:
            sentence.new_paragraph = posts
        document = Document(f"{source}-{number:04d}", converted, separator="\n" if posts else " ")
        for chunk in chunk_document(document):
            doc_id = f"{document.doc_id}#{chunk.first_sentence}-{chunk.last_sentence}"
            yield to_record(chunk.text, chunk.mentions, labels, _meta(source, doc_id, licence))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("build/eval-only"), help="folder for <set>.jsonl.gz")
    parser.add_argument("--presidio-synth", type=Path, help="presidio-research data/synth_dataset_v2.json")
    parser.add_argument("--wnut17", type=Path, help="emerging.test.annotated")
    parser.add_argument("--conll2003", type=Path, help="eng.testb")
    args = parser.parse_args(argv)
    readers = {
        "presidio-synth": (args.presidio_synth, lambda p: presidio_synth(p)),
        "wnut17-test": (args.wnut17, lambda p: _conll_records(p, "wnut17-test", WNUT17_TYPES, "CC BY 4.0", posts=True)),
        "conll2003-test": (args.conll2003, lambda p: _conll_records(p, "conll2003-test", CONLL_PER_LOC_ORG,
                                                                    "Reuters RCV1 (research use)", posts=False)),
    }
    if not any(path for path, _ in readers.values()):
        parser.error("give at least one of --presidio-synth, --wnut17, --conll2003")
    stats = {}
    for name, (path, read) in readers.items():
        if path is None:
            continue
        if not path.is_file():
            parser.error(f"{path} is not a file; see this script's docstring for where each set comes from")
        records = list(read(path))
        write_jsonl(args.out / f"{name}.jsonl.gz", records)
        mentions = Counter(label for r in records for label, spans in r["output"]["entities"].items() for _ in spans)
        stats[name] = {"records": len(records), "pii_free": sum(1 for r in records if not any(r["output"]["entities"].values())),
                       "mentions": dict(sorted(mentions.items()))}
    json.dump(stats, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
