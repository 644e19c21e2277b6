"""Stage 7's external data: the externally written train records (news, academic and court text,
interviews, fiction, Wikipedia, tweets) with a ``document_type`` question whose answer is "other".

    python scripts/external_document_type.py build/data/external-fit.jsonl.gz build/data/external-fit-doctype.jsonl.gz

Why: the shipped packs ask their document classifier in the same prompt as their entities, and
until model v6 the model had only seen that question on generated documents, never on text like
this, and never with "other" as the answer. With the classifier in the prompt, v6 left more of the
dev sets' names unredacted (GUM leak 0.149 -> 0.184 through the healthcare config) than without.

None of these texts is one of the trained document types (no clinical notes, bank statements,
e-mails or chat logs among them), so "other" is true for each. A seeded ``SHARE`` of the records
get the question; the rest stay entity-only.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from presidio_gliner2.training.data import read_training_jsonl
from presidio_gliner2.training.labels import OTHER_DOCUMENT_TYPE
from presidio_gliner2.training.synth.schema import document_type_task

SHARE = 0.7
SEED = 71
SOURCES = frozenset({"gum", "btc", "wikigold", "litbank"})  # each checked: none is a trained document type


def with_document_type(records: list[dict], seed: int = SEED, share: float = SHARE) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for record in records:
        source = record.get("meta", {}).get("source")
        if source not in SOURCES:
            raise ValueError(f"record from {source!r}: only {sorted(SOURCES)} are known to be 'other' documents")
        record = json.loads(json.dumps(record))  # a copy: the input stays as read
        if rng.random() < share:
            record["output"]["classifications"] = [document_type_task(rng, OTHER_DOCUMENT_TYPE)]
        out.append(record)
    return out


def main(source: str, target: str) -> None:
    records = with_document_type([record for _, record in read_training_jsonl(source)])
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    Path(target).write_bytes(gzip.compress(data, mtime=0) if target.endswith(".gz") else data)
    asked = sum(1 for r in records if r["output"].get("classifications"))
    print(json.dumps({"records": len(records), "asked_document_type": asked}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
