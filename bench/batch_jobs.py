"""Documents per second of the batch jobs in local mode, next to ``Redactor.redact_batch`` in one
process, on the same texts and the same deployment config.

    python bench/batch_jobs.py                         # 256 documents of 120 words, every core
    python bench/batch_jobs.py --docs 2000 --workers 4
    python bench/batch_jobs.py --docs 5 --out /tmp/smoke   # a smoke run (numbers meaningless)

Engines, measured one after the other in this process (``--engines`` picks some):

- ``redact_batch``: one process, torch's default threads (every core), after the model loaded;
- ``spark``: ``local[W]``, the texts in W partitions; one Python worker per partition, each with
  its own model and one torch thread (PySpark sets OMP_NUM_THREADS to ``spark.task.cpus``).
  ``cold`` includes starting the workers and loading their models; ``warm`` is the same job
  again on the reused workers;
- ``ray``: a local Ray cluster with W CPUs, ``redact_dataset(concurrency=W)``: W actors of one CPU
  each. Every call starts its own actors, so each run includes their model loads.

Every engine's redacted texts are compared with ``redact_batch``'s (``identical`` column).
Writes ``bench/results/batch_jobs.md`` and ``.json`` (or ``--out PREFIX``); the load average
before and after is recorded with the numbers, which mean little on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

from texts import make_texts  # noqa: E402  (bench/texts.py)

RESULTS = ROOT / "bench" / "results"


def run_redact_batch(texts, options):
    from presidio_gliner2 import Redactor

    started = time.perf_counter()
    redactor = Redactor(**options)
    redactor.redact_batch(texts[:4])  # warm-up: spaCy and the model's first pass
    load = time.perf_counter() - started
    started = time.perf_counter()
    results = redactor.redact_batch(texts)
    seconds = time.perf_counter() - started
    return [r.text for r in results], [{"run": "after load", "seconds": seconds, "setup_s": load}]


def run_spark(texts, options, workers):
    from pyspark.sql import SparkSession

    from presidio_gliner2.spark import redact_dataframe

    started = time.perf_counter()
    spark = (SparkSession.builder.master(f"local[{workers}]").appName("batch-jobs-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(list(enumerate(texts)), "id int, text string").repartition(workers).cache()
    df.count()
    setup = time.perf_counter() - started
    runs, redacted = [], None
    try:
        for run in ("cold", "warm"):
            started = time.perf_counter()
            rows = redact_dataframe(df, "text", **options).select("id", "text_redacted", "text_error").collect()
            runs.append({"run": run, "seconds": time.perf_counter() - started, "setup_s": setup if run == "cold" else 0,
                         "failed_rows": sum(r["text_error"] is not None for r in rows)})
            redacted = [r["text_redacted"] for r in sorted(rows, key=lambda r: r["id"])]
    finally:
        spark.stop()
    return redacted, runs


def run_ray(texts, options, workers):
    import ray
    import ray.data

    from presidio_gliner2.ray import redact_dataset

    started = time.perf_counter()
    ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(texts)],
                             override_num_blocks=max(workers * 4, 1)).materialize()
    setup = time.perf_counter() - started
    runs, redacted = [], None
    try:
        for run in ("cold", "cold again"):
            started = time.perf_counter()
            rows = redact_dataset(ds, "text", concurrency=workers, num_cpus=1, batch_size=64, **options).take_all()
            runs.append({"run": run, "seconds": time.perf_counter() - started, "setup_s": setup if run == "cold" else 0,
                         "failed_rows": sum(r["text_error"] is not None for r in rows)})
            redacted = [r["text_redacted"] for r in sorted(rows, key=lambda r: r["id"])]
    finally:
        ray.shutdown()
    return redacted, runs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=256, help="documents (default 256)")
    parser.add_argument("--words", type=int, default=120, help="words per document (default 120)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="Spark local[W] slots and Ray CPUs/actors (default: every core)")
    parser.add_argument("--config", default="healthcare", help="deployment config (default healthcare)")
    parser.add_argument("--engines", default="redact_batch,spark,ray")
    parser.add_argument("--out", type=Path, default=RESULTS / "batch_jobs", help="output prefix (.md and .json)")
    args = parser.parse_args(argv)

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    texts = make_texts(args.docs, args.words, seed=13)
    options = {"config": args.config}
    load_before = os.getloadavg()[0]
    rows, reference = [], None
    for engine in ["redact_batch"] + [e for e in engines if e != "redact_batch"]:
        print(f"{engine} ...", file=sys.stderr)
        if engine == "redact_batch":
            redacted, runs = run_redact_batch(texts, options)
            reference = redacted
            if "redact_batch" not in engines:
                continue
        elif engine == "spark":
            redacted, runs = run_spark(texts, options, args.workers)
        elif engine == "ray":
            redacted, runs = run_ray(texts, options, args.workers)
        else:
            parser.error(f"unknown engine {engine!r}")
        identical = sum(a == b for a, b in zip(redacted, reference))
        for run in runs:
            rows.append({"engine": engine, **run, "docs": len(texts), "docs_per_s": len(texts) / run["seconds"],
                         "identical": f"{identical}/{len(texts)}"})

    report = {
        "docs": args.docs, "words": args.words, "workers": args.workers, "config": args.config,
        "cpus": os.cpu_count(), "machine": platform.processor() or platform.machine(),
        "python": platform.python_version(), "versions": _versions(),
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "rows": rows,
    }
    markdown = _markdown(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n")
    Path(f"{args.out}.md").write_text(markdown)
    print(markdown)
    return 0


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("torch", "presidio-analyzer", "pyspark", "ray"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def _markdown(report: dict) -> str:
    lines = [
        "# Batch jobs: documents per second in local mode",
        "",
        f"{report['docs']} documents of {report['words']} words (bench/texts.py, seed 13), config "
        f"`{report['config']}`, {report['workers']} Spark slots / Ray actors of one CPU, on {report['cpus']} CPUs "
        f"({report['machine']}); load average {report['load_average_before']} before, "
        f"{report['load_average_after']} after. `redact_batch`: one process, torch's default threads, "
        "timed after the model loaded. `cold`: includes starting workers/actors and loading one model in "
        "each; Spark's `warm` reuses them. `setup`: Spark/Ray session start (or, for redact_batch, "
        "the model load), not in `seconds`.",
        "",
        "| engine | run | seconds | docs/s | setup s | identical to redact_batch |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for row in report["rows"]:
        lines.append(f"| {row['engine']} | {row['run']} | {row['seconds']:.1f} | {row['docs_per_s']:.2f} | "
                     f"{row['setup_s']:.1f} | {row['identical']} |")
    lines += ["", "Versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
