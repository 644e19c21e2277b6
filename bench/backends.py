"""Each encoder backend against torch, in one run: accuracy, probability drift and speed (CPU).

1. **Accuracy** (the bundled model): the dev benchmark's model-alone score on every set
   (``data/external/*-dev.jsonl.gz`` and ``tests/data/handwritten/*.jsonl``; each document asked
   for its own labels by name, as ``presidio-gliner2 eval --configs`` scores the ``model`` row):
   type-agnostic precision, recall, F1 and F2 with any overlap, the leak rate, and each backend's
   F1 and leak delta against torch, per set and over all sets.
2. **Drift** (the bundled model, the same texts): for each shipped pack, its labels and
   descriptions in one prompt (as the recognizer asks), every real span's probability on each
   backend against torch: the largest and the 99th-percentile difference (over all spans, and
   over the spans either side scores at least 0.1), how many span decisions flip at the pack's
   own thresholds (of how many torch takes), and how many count-head decisions change.
3. **Speed**: median wall time per call of each backend, of the reference gliner2 2.1.0 on the
   same checkpoint, and of the bare torch encoder forward on the reference's input ids (the
   floor), interleaved after a warm-up (``engine_speed.measure``). Checkpoints from
   ``bench/engine_speed.py`` (built once into ``.cache/bench/``): ``minilm`` and the
   DeBERTa-v3-base-size ``deberta-base``; ``bundled`` is the shipped model (no reference: its
   fp16 file would run the reference in half precision).

    python bench/backends.py                       # everything: about 30-45 min on the 2-core machine
    python bench/backends.py --skip-speed          # accuracy + drift only (~15 min)
    python bench/backends.py --skip-accuracy --speed-models deberta-base
    python bench/backends.py --variants            # also int8 with every linear quantized
    python bench/backends.py --smoke --out-dir /tmp/x   # 3 texts, bundled model only (~2 min)

The first ONNX use of a checkpoint exports it (seconds for MiniLM, about a minute for
deberta-base) into its export cache; that is load time, not timed here. ``--threads`` sets torch's
and so ONNX Runtime's intra-op threads. Writes ``bench/results/backends.md`` and ``.json``;
numbers only, never text.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import engine_speed  # noqa: E402
from texts import PII_LABELS, make_text, make_texts  # noqa: E402

BACKENDS = ("torch", "torch-int8", "onnx", "onnx-int8")
VARIANTS = ("torch-int8:all-linears", "onnx-int8:all-matmuls")
SETS = sorted((ROOT / "data" / "external").glob("*-dev.jsonl.gz")) + sorted(
    (ROOT / "tests" / "data" / "handwritten").glob("*.jsonl"))
THRESHOLD = 0.5
BATCH_SIZE = 8


# -- models --------------------------------------------------------------------------------------

def load(source: str, backend: str):
    """Our engine on ``backend``; a ``VARIANTS`` name quantizes every linear layer (no float ones)."""
    from presidio_gliner2 import GLiNER2
    from presidio_gliner2.engine import backends, onnx_export
    from presidio_gliner2.engine.onnx_encoder import OnnxEncoder

    if backend == "torch-int8:all-linears":
        model = GLiNER2.from_pretrained(source)
        backends.quantize_linear_layers(model.model.encoder, keep_float=None)
        model.model.backend = "torch-int8"
    elif backend == "onnx-int8:all-matmuls":
        model = GLiNER2.from_pretrained(source, backend="onnx")
        target = Path(tempfile.mkdtemp(prefix="backends-bench-")) / "encoder.int8-all.onnx"
        onnx_export.quantize_int8(model.encoder.path, target, keep_float=None)
        model.model.encoder = OnnxEncoder(target, model.model.encoder.config)
        model.model.backend = "onnx-int8"
    else:
        model = GLiNER2.from_pretrained(source, backend=backend)
    return model.eval()


def loaded(source: str, names: list[str]):
    """(name, model) one at a time, so at most one extra model is in memory besides torch's."""
    for name in names:
        start = time.perf_counter()
        model = load(source, name)
        print(f"  {name}: loaded in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        yield name, model


# -- 1. accuracy -----------------------------------------------------------------------------------

def _row(dataset: str, backend: str, report) -> dict:
    from presidio_gliner2.redaction.benchmark import f_beta

    scores = report.agnostic_overlap.scores()
    return dict(dataset=dataset, backend=backend, documents=report.documents, gold_spans=scores["support"],
                precision=scores["precision"], recall=scores["recall"], f1=scores["f1"],
                f2=f_beta(scores["precision"], scores["recall"]), leak_rate=report.leak_rate)


def _merged(reports: list):
    from presidio_gliner2.training.evaluation import Report

    total = Report()
    for report in reports:
        for name in ("tp", "fp", "fn"):
            setattr(total.agnostic_overlap, name, getattr(total.agnostic_overlap, name) +
                    getattr(report.agnostic_overlap, name))
        total.gold_chars += report.gold_chars
        total.leaked_chars += report.leaked_chars
        total.documents += report.documents
    return total


def accuracy(model, backend: str, sets: dict[str, list[dict]]) -> list[dict]:
    from presidio_gliner2.training.evaluation import evaluate_model

    reports = {name: evaluate_model(model, records, threshold=THRESHOLD, descriptions=False, batch_size=BATCH_SIZE)
               for name, records in sets.items()}
    rows = [_row(name, backend, report) for name, report in reports.items()]
    return rows + [_row("all", backend, _merged(list(reports.values())))]


def with_deltas(rows: list[dict]) -> list[dict]:
    torch_rows = {r["dataset"]: r for r in rows if r["backend"] == "torch"}
    for r in rows:
        base = torch_rows.get(r["dataset"])
        r["f1_delta_points"] = None if base is None else 100 * (r["f1"] - base["f1"])
        r["leak_delta_points"] = None if base is None else 100 * (r["leak_rate"] - base["leak_rate"])
    return rows


# -- 2. drift --------------------------------------------------------------------------------------

def pack_prompts() -> dict[str, tuple[dict, list[float]]]:
    """Each shipped pack's labels {label: description} and per-label thresholds (the recognizer's default 0.5)."""
    from presidio_gliner2.plugin.packs import load_pack, pack_names

    prompts = {}
    for name in pack_names():
        labels: dict[str, Optional[str]] = {}
        thresholds: dict[str, float] = {}
        for item in load_pack(name).labels():
            labels.setdefault(item.label, item.description)
            threshold = item.threshold if item.threshold is not None else THRESHOLD
            thresholds[item.label] = min(threshold, thresholds.get(item.label, threshold))
        prompts[name] = (labels, [thresholds[label] for label in labels])
    return prompts


def drift_rows(model, backend: str, texts: list[str], prompts: dict, reference: dict) -> list[dict]:
    from tests.support.drift import compare, head_outputs

    rows = []
    for pack, (labels, thresholds) in prompts.items():
        heads = head_outputs(model, texts, labels, BATCH_SIZE)
        if backend == "torch":
            reference[pack] = heads
        drift = compare(reference[pack], heads, (THRESHOLD,), field_thresholds=thresholds)
        rows.append(dict(pack=pack, backend=backend, texts=len(texts), **drift.to_dict()))
    return rows


# -- 3. speed --------------------------------------------------------------------------------------

def speed_cases(n_batch: int) -> list[tuple[str, list[str], list[str], int]]:
    """(name, texts, labels, batch_size) per case."""
    return [
        ("extract_entities 50w x 5 labels", [make_text(50, seed=50)], PII_LABELS[:5], 1),
        ("extract_entities 200w x 20 labels", [make_text(200, seed=200)], PII_LABELS[:20], 1),
        (f"batch_extract_entities {n_batch} x 50w x 5 labels", make_texts(n_batch, 50, seed=1), PII_LABELS[:5],
         BATCH_SIZE),
    ]


def speed(key: str, names: list[str], args) -> list[dict]:
    if key == "bundled":
        source, ref = "default", None
    else:
        path = engine_speed.checkpoint(args.cache_dir, key)
        source, ref = str(path), engine_speed.load_reference(path)
    models = {name: model for name, model in loaded(source, names)}
    rows = []
    for case, texts, labels, batch_size in speed_cases(args.batch_texts):
        fns = {}
        kwargs = dict(threshold=THRESHOLD, include_spans=True, include_confidence=True)
        if ref is not None:
            fns["ref"] = lambda r=ref: r.batch_extract_entities(texts, labels, batch_size=batch_size, **kwargs)
            schema = ref.create_schema().entities(labels)
            floor_batches = engine_speed.reference_batches(ref, texts, schema, batch_size=batch_size)
            fns["floor"] = engine_speed.floor_fn(ref, floor_batches)
        for name, model in models.items():
            fns[name] = lambda m=model: m.batch_extract_entities(texts, labels, batch_size=batch_size, **kwargs)
        times, results, errors = engine_speed.measure(fns, args.warmup, args.runs, args.min_runs, args.budget_s)
        medians = {name: statistics.median(values) for name, values in times.items() if values}
        row = dict(model=key, case=case, ms=medians, runs={k: len(v) for k, v in times.items()}, errors=errors,
                   same_as_torch={name: engine_speed.same_output(results.get(name), results.get("torch"))
                                  for name in models if name != "torch" and name in results})
        rows.append(row)
        print(f"  {key} / {case}: " + ", ".join(f"{k} {v:.0f} ms" for k, v in medians.items()),
              file=sys.stderr, flush=True)
    return rows


# -- report ----------------------------------------------------------------------------------------

def _f(value, spec: str = ".3f") -> str:
    return "n/a" if value is None else format(value, spec)


def markdown(result: dict) -> str:
    meta = result["meta"]
    lines = ["# Encoder backends against torch", "",
             f"`{meta['command']}` — {meta['date']}, commit {meta['commit']}, {meta['cpu']} ({meta['cpus']} CPUs, "
             f"load {meta['load_average']}), {meta['threads']} thread(s), torch {meta['torch']}, onnxruntime "
             f"{meta['onnxruntime']}.", ""]
    if result["accuracy"]:
        lines += ["## Accuracy: the bundled model alone on the dev benchmark", "",
                  "Type-agnostic, any overlap; each document asked for its own labels by name; threshold 0.5. "
                  "Deltas are points against torch on the same set (goal: at most 1 point of F1 lost).", "",
                  "| set | backend | docs | gold | P | R | F1 | F2 | leak | ΔF1 | Δleak |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in result["accuracy"]:
            lines.append(f"| {r['dataset']} | {r['backend']} | {r['documents']} | {r['gold_spans']} | "
                         f"{r['precision']:.3f} | {r['recall']:.3f} | **{r['f1']:.3f}** | {r['f2']:.3f} | "
                         f"{r['leak_rate']:.3f} | {_f(r['f1_delta_points'], '+.2f')} | "
                         f"{_f(r['leak_delta_points'], '+.2f')} |")
        lines.append("")
    if result["drift"]:
        lines += ["## Drift: span probabilities against torch, same texts", "",
                  "Every real span of every text with each pack's labels in one prompt. p99 (near): over the "
                  "spans either side scores at least 0.1. Flips: span decisions that change at the pack's "
                  "thresholds, of the spans torch takes.", "",
                  "| pack | backend | texts | spans | max abs | p99 abs | p99 abs (near) | flips / torch's | "
                  "count flips |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for r in result["drift"]:
            lines.append(f"| {r['pack']} | {r['backend']} | {r['texts']} | {r['span_probabilities']} | "
                         f"{r['max_abs']:.4f} | {r['p99_abs']:.5f} | {r['p99_near_abs']:.4f} | "
                         f"{r['flips']['per label']} / {r['positives']['per label']} | {r['count_flips']} |")
        lines.append("")
    if result["speed"]:
        lines += ["## Speed: median ms per call (lower is better)", "",
                  "ref: gliner2 2.1.0 on the same checkpoint; floor: the bare torch encoder forward on the "
                  "reference's input ids. ×ref and ×torch: speed-up of the best int8 backend. same: output equal to "
                  "torch's (spans exact, confidences within 1e-4).", ""]
        names = [n for n in result["backends"]]
        header = ["model", "case", "ref", "floor", *names, "best int8 ×ref", "best int8 ×torch", "same as torch"]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * 2 + "---:|" * (len(header) - 3) + "---|"]
        for r in result["speed"]:
            ms = r["ms"]
            int8 = [n for n in names if "int8" in n and n in ms]
            best = min(int8, key=lambda n: ms[n]) if int8 else None
            cells = [r["model"], r["case"], _f(ms.get("ref"), ".0f"), _f(ms.get("floor"), ".0f"),
                     *[_f(ms.get(n), ".0f") for n in names],
                     _f(ms["ref"] / ms[best], ".2f") + f" ({best})" if best and "ref" in ms else "n/a",
                     _f(ms["torch"] / ms[best], ".2f") if best and "torch" in ms else "n/a",
                     ", ".join(f"{n}: {'yes' if s else 'no'}" for n, s in r["same_as_torch"].items())]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def metadata(args, argv: list[str]) -> dict:
    import onnxruntime
    import torch

    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return dict(command="python bench/backends.py " + " ".join(argv), cpu=cpu, cpus=os.cpu_count(),
                threads=args.threads, torch=torch.__version__, onnxruntime=onnxruntime.__version__,
                date=time.strftime("%Y-%m-%d %H:%M"), commit=commit, load_average=f"{os.getloadavg()[0]:.1f}")


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="3 texts, one pack, the bundled model's speed, 1 round")
    parser.add_argument("--skip-accuracy", action="store_true", help="no accuracy and no drift section")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--variants", action="store_true", help="also " + ", ".join(VARIANTS))
    parser.add_argument("--drift-texts", type=int, default=400, help="texts per set for the drift section")
    parser.add_argument("--speed-models", default="minilm,deberta-base", help="bundled, minilm, deberta-base")
    parser.add_argument("--batch-texts", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--min-runs", type=int, default=1)
    parser.add_argument("--budget-s", type=float, default=20.0, help="timed seconds per case (estimated)")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--name", default="backends",
                        help="file stem of the results: NAME.md and NAME.json (make bench: backends-speed)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.speed_models, args.batch_texts, args.runs, args.budget_s, args.drift_texts = "bundled", 3, 1, 0.0, 3

    import torch
    import transformers

    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()
    from presidio_gliner2.redaction.benchmark import read_sets

    names = list(BACKENDS) + (list(VARIANTS) if args.variants else [])
    result = dict(meta=metadata(args, argv), backends=names, accuracy=[], drift=[], speed=[])
    if not args.skip_accuracy:
        sets = read_sets(SETS[-1:] if args.smoke else SETS)
        if args.smoke:
            sets = {name: records[:3] for name, records in sets.items()}
        texts = [r["input"] for records in sets.values() for r in records[:args.drift_texts]]
        prompts = pack_prompts()
        if args.smoke:
            prompts = dict(list(prompts.items())[:1])
        print(f"accuracy and drift: {sum(map(len, sets.values()))} documents, {len(texts)} drift texts",
              file=sys.stderr, flush=True)
        reference: dict = {}
        for name, model in loaded("default", names):
            result["accuracy"] += accuracy(model, name, sets)
            result["drift"] += drift_rows(model, name, texts, prompts, reference)
        with_deltas(result["accuracy"])
    if not args.skip_speed:
        for key in [k.strip() for k in args.speed_models.split(",") if k.strip()]:
            if key != "bundled" and key not in engine_speed.MODELS:
                parser.error(f"unknown speed model {key!r}: bundled, {', '.join(engine_speed.MODELS)}")
            print(f"speed: {key}", file=sys.stderr, flush=True)
            result["speed"] += speed(key, names, args)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    text = markdown(result)
    (args.out_dir / f"{args.name}.md").write_text(text + "\n", encoding="utf-8")
    (args.out_dir / f"{args.name}.json").write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
