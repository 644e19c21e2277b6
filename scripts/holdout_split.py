"""Stage 3's data: the external train files split by document into a part to train on and a
held-out part for in-run validation, so that choosing the checkpoint never looks at the dev
sets the dev benchmark reports (stage 2 chose on external dev records).

    python scripts/holdout_split.py build/data/synth-validation.jsonl build/data
        -> build/data/external-fit.jsonl.gz       (train on these)
           build/data/external-holdout.jsonl.gz   (never trained on)
           build/data/validation-v3.jsonl         (150 generated + 150 held-out external records,
                                                  taken from the sources in turn)

Held out: a seeded 8 % of each source's train documents (``meta.doc_id`` up to ``#``), whole
documents only, so no chunk of a held-out document is trained on; for BTC, whose documents are
whole sections of unrelated tweets, 8 % of the records (groups of tweets).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from presidio_gliner2.training.external.split import dev_documents

SOURCES = ("gum", "btc", "wikigold", "litbank")
HOLDOUT_FRACTION = 0.08
SEED = 29  # not the dev split's seed (13): a different draw over the train documents


def document_of(record: dict) -> str:
    doc_id = record["meta"]["doc_id"]
    # A BTC "document" is a whole section of unrelated tweets: there the unit is the record.
    return doc_id if record["meta"]["source"] == "btc" else doc_id.split("#", 1)[0]


def split_source(path: Path) -> tuple[list[str], list[str]]:
    lines = gzip.open(path, "rt", encoding="utf-8").read().splitlines()
    documents = [document_of(json.loads(line)) for line in lines]  # parsed once, in line order
    held = dev_documents(documents, HOLDOUT_FRACTION, SEED)
    fit = [line for line, document in zip(lines, documents) if document not in held]
    holdout = [line for line, document in zip(lines, documents) if document in held]
    return fit, holdout


def write_gz(path: Path, lines: list[str]) -> None:
    path.write_bytes(gzip.compress("".join(line + "\n" for line in lines).encode("utf-8"), mtime=0))


def main(synth_validation: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fit, holdout = [], []
    by_source: dict[str, list[str]] = {}
    for name in SOURCES:
        source_fit, source_holdout = split_source(Path("data/external") / f"{name}-train.jsonl.gz")
        fit += source_fit
        holdout += source_holdout
        if source_holdout:
            by_source[name] = list(source_holdout)
        print(f"{name}: {len(source_fit)} records to train on, {len(source_holdout)} held out")
    write_gz(out / "external-fit.jsonl.gz", fit)
    write_gz(out / "external-holdout.jsonl.gz", holdout)
    synth = Path(synth_validation).read_text(encoding="utf-8").splitlines()[:150]
    # Round robin over the sources (each shuffled), so tweets, the most numerous, do not outweigh
    # the prose the model misses most.
    for index, name in enumerate(sorted(by_source)):
        random.Random(index).shuffle(by_source[name])
    queues = [by_source[name] for name in sorted(by_source)]
    external = [queue[i] for i in range(max(map(len, queues))) for queue in queues if i < len(queue)]
    lines = synth + external[:150]
    random.Random(0).shuffle(lines)
    (out / "validation-v3.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} validation records -> {out / 'validation-v3.jsonl'}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
