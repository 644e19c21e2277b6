"""Documents per second through the Presidio pipeline on short texts, in one run.

Rows, on the same texts (bench/load_test.py's sentences, repeated to ``--docs``):

* ``stock Presidio + spaCy``: Presidio's default recognizers with spaCy's small English model,
  ``AnalyzerEngine.analyze`` per text (what a Presidio user has today).
* ``general config as it was, per text``: the shipped general config with described labels (as
  shipped before issue 12), ``AnalyzerEngine.analyze`` per text, as Presidio calls recognizers:
  the baseline of issue 12.
* ``general config, per text``: today's config (label names only), per text.
* ``general config, batched``: the same config through the one batched analysis every face
  uses (``analyze_batch``: one pass per chunk, length-bucketed), per backend.

    python bench/pipeline_speed.py                      # torch only
    python bench/pipeline_speed.py --backends torch,torch-int8,onnx,onnx-int8

Writes bench/results/pipeline_speed.md and .json. Needs the machine to itself.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_test import SENTENCES  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def described(name: str) -> Path:
    """The shipped config with label descriptions back in its GLiNER2 prompt (as it shipped before)."""
    import tempfile

    import yaml

    from presidio_gliner2.redaction.analyzers import config_path

    conf = yaml.safe_load(config_path(name).read_text())
    for entry in conf["recognizer_registry"]["recognizers"]:
        if entry.get("name") == "GLiNER2Recognizer":
            entry["label_descriptions"] = True
    # A config given as a path (--config build/x.yaml) names its file by the stem, not the path.
    path = Path(tempfile.mkdtemp(prefix="pipeline-speed-")) / f"{Path(name).stem}-described.yaml"
    path.write_text(yaml.safe_dump(conf))
    return path


def timed(function, texts, rounds: int) -> float:
    """Best documents/s over ``rounds`` runs (after one warm-up run)."""
    function(texts[:4])
    best = 0.0
    for _ in range(rounds):
        began = time.perf_counter()
        function(texts)
        best = max(best, len(texts) / (time.perf_counter() - began))
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--backends", default="torch")
    parser.add_argument("--config", default="general")
    args = parser.parse_args(argv)

    from presidio_gliner2.redaction.analysis import analyze_batch
    from presidio_gliner2.redaction.analyzers import build_analyzer
    from presidio_gliner2.redaction.benchmark import stock_presidio

    texts = [SENTENCES[i % len(SENTENCES)] for i in range(args.docs)]
    rows = []

    stock = stock_presidio()
    rows.append(("stock Presidio + spaCy, per text", "-",
                 timed(lambda ts: [stock.analyze(t, language="en") for t in ts], texts, args.rounds)))
    before = build_analyzer(described(args.config))
    rows.append((f"{args.config} config as it was (described labels), per text: baseline", "torch",
                 timed(lambda ts: [before.analyze(t, language="en") for t in ts], texts, args.rounds)))
    today = build_analyzer(args.config)
    rows.append((f"{args.config} config, per text", "torch",
                 timed(lambda ts: [today.analyze(t, language="en") for t in ts], texts, args.rounds)))
    for backend in args.backends.split(","):
        analyzer = build_analyzer(args.config, **({} if backend == "torch" else {"backend": backend}))
        rows.append((f"{args.config} config, batched (analyze_batch)", backend,
                     timed(lambda ts: analyze_batch(analyzer, ts, classify=False), texts, args.rounds)))

    base = rows[1][2]  # the config as it was, per text
    lines = ["# Presidio pipeline throughput on short texts, one run", "",
             f"`python bench/pipeline_speed.py --backends {args.backends} --docs {args.docs}`; {os.cpu_count()} CPUs, "
             f"{args.docs} sentences of 10-20 words, best of {args.rounds} rounds.", "",
             "| pipeline | backend | documents/s | vs the baseline |", "| --- | --- | --- | --- |"]
    lines += [f"| {name} | {backend} | {rate:.1f} | {rate / base:.2f}x |" for name, backend, rate in rows]
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pipeline_speed.md").write_text(markdown)
    (RESULTS / "pipeline_speed.json").write_text(json.dumps(
        [{"pipeline": n, "backend": b, "documents_per_s": round(r, 2)} for n, b, r in rows], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
