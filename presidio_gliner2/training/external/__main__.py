"""``python -m presidio_gliner2.training.external --source NAME --in PATH (--out FILE | --out-dir DIR)``

Prints counts (never text) as JSON; ``DATA_CARD.md`` quotes them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from presidio_gliner2.training.external.sources import SOURCES, convert
from presidio_gliner2.training.external.split import DEV_FRACTION, SEED


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)  # mtime=0: same input, byte-identical file
    path.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presidio_gliner2.training.external", description=__doc__)
    parser.add_argument("--source", required=True, choices=sorted(SOURCES))
    parser.add_argument("--in", dest="path", required=True, type=Path, help="local copy of the source (file or folder)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="one JSONL file (.gz compresses) holding --split")
    target.add_argument("--out-dir", type=Path, help="writes <source>-train.jsonl.gz and <source>-dev.jsonl.gz")
    parser.add_argument("--split", choices=["train", "dev", "all"], default="all", help="with --out: which part")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--dev-fraction", type=float, default=DEV_FRACTION,
                        help="share of documents held out where the source has no official split")
    parser.add_argument("--min-words", type=int, default=40)
    parser.add_argument("--max-words", type=int, default=160)
    args = parser.parse_args(argv)
    if not args.path.exists():
        parser.error(f"--in {args.path} does not exist; see DATA_CARD.md for how to get each source")
    result = convert(args.source, args.path, args.seed, args.dev_fraction, args.min_words, args.max_words)
    if args.out_dir:
        for split, records in result.records.items():
            write_jsonl(args.out_dir / f"{args.source}-{split}.jsonl.gz", records)
    else:
        parts = ["train", "dev"] if args.split == "all" else [args.split]
        write_jsonl(args.out, [r for part in parts for r in result.records[part]])
    json.dump(result.stats(), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
