"""python -m presidio_gliner2.training.synth --n 5000 --seed 1 --out data.jsonl"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from ..labels import COARSE_LABELS, PII_LABELS
from . import generate_documents, label_counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m presidio_gliner2.training.synth",
                                 description="Generate synthetic PII documents with gold spans (JSONL).")
    ap.add_argument("--n", type=int, default=5000, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output .jsonl path")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    spans, docs, kinds, negs, words = Counter(), Counter(), Counter(), Counter(), []
    styles, looks, prompt_sizes = Counter(), Counter(), Counter()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)  # `make model` on a fresh clone has no build/
    with open(args.out, "w", encoding="utf-8") as fh:
        for rec in generate_documents(args.n, args.seed):
            c = label_counts(rec)
            spans.update(c)
            docs.update(c.keys())
            kinds[rec["meta"]["kind"] or "(none)"] += 1
            styles[rec["meta"]["style"]] += 1
            looks.update(rec["meta"]["surface"] or ["plain"])
            prompt_sizes[_size_bucket(len(rec["output"]["entities"]))] += 1
            negs.update(h["type"] for h in rec["meta"]["hard_negatives"])
            words.append(len(rec["input"].split()))
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    dt = time.perf_counter() - t0

    print(f"wrote {args.n} documents to {args.out} in {dt:.1f}s ({args.n / dt:.0f} docs/s)")
    words.sort()
    print(f"words per document: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
    print(f"\n{'label':32} {'spans':>7} {'docs':>6}")
    for label in (*PII_LABELS, *COARSE_LABELS):
        print(f"{label:32} {spans[label]:7d} {docs[label]:6d}")
    for title, counts in (("style", styles), ("surface", looks), ("labels per prompt", prompt_sizes)):
        print(f"\n{title:32} {'docs':>7}")
        for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"{name:32} {n:7d}")
    print(f"\n{'document kind':32} {'docs':>7}")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"{kind:32} {n:7d}")
    print(f"\n{'hard negative':32} {'count':>7}")
    for kind, n in sorted(negs.items(), key=lambda kv: -kv[1]):
        print(f"{kind:32} {n:7d}")


def _size_bucket(n: int) -> str:
    return next(name for name, hi in (("1", 1), ("2-5", 5), ("6-12", 12), ("13-20", 20), ("21-32", 32)) if n <= hi)


if __name__ == "__main__":
    main()
