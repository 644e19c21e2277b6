"""The in-run validation set of the bundled model's stage 2: 150 generated records and 150 records
of the external dev sets, shuffled (seeded), so that the trainer's first ``eval_documents`` hold both.

    python scripts/validation_mix.py build/data/synth-validation.jsonl build/data/validation-mixed.jsonl
"""

from __future__ import annotations

import gzip
import random
import sys
from pathlib import Path

EXTERNAL_DEV = [Path("data/external") / f"{name}-dev.jsonl.gz" for name in ("gum", "btc", "wikigold")]


def main(synth_validation: str, out: str) -> None:
    synth = Path(synth_validation).read_text(encoding="utf-8").splitlines(keepends=True)[:150]
    external = [line for path in EXTERNAL_DEV for line in gzip.open(path, "rt", encoding="utf-8").readlines()]
    random.Random(0).shuffle(external)
    lines = [line if line.endswith("\n") else line + "\n" for line in synth + external[:150]]
    random.Random(0).shuffle(lines)
    Path(out).write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} validation records -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
