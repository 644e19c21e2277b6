"""Speed of our engine against the reference gliner2 2.1.0 on the SAME checkpoints (CPU).

Checkpoints (random calibrated heads, built once by ``tests.support.checkpoints`` into
``.cache/bench/``):

* ``minilm``: all-MiniLM-L6-v2 encoder, ``count_lstm``;
* ``deberta-base``: a random DeBERTa-v3-base-size encoder (12 x 768) with the tests' small
  2000-piece SentencePiece vocabulary, ``count_lstm_v2``. The small vocabulary splits text into
  about twice as many pieces as MiniLM's WordPiece vocabulary (1350 vs 670 on the 400-word text),
  so its sequences are longer than a real DeBERTa-v3's would be.

Cases: ``extract_entities`` at 50 / 400 words x 5 / 20 labels, ``classify_text`` with 5 / 10 /
20 / 50 labels (50-word text), ``batch_extract_entities`` on 32 texts of 50 words (5 labels,
batch_size 8). Each case reports the median wall time of the reference and of ours (runs
interleaved, after warm-up), the ratio ours/ref, and the encoder floor: the bare
``encoder(input_ids, attention_mask)`` forward on the reference's own input ids for the same
text and schema (for chunked cases, on its chunk batches). Overhead over the floor is what the
heads, decoding and pre/post-processing cost on top of the transformer.

    python bench/engine_speed.py                   # 1-7 rounds per case within a 20 s budget
    python bench/engine_speed.py --quick           # 1-3 rounds within 5 s
    python bench/engine_speed.py --only-reference  # no presidio_gliner2 needed

The DeBERTa-base cases dominate: each 400-word call and each 32-text batch takes 25-80 s on one
busy core, so they get one timed round either way. Measured: ``--quick --threads 1`` took 15 min
on the project's 2-core machine while other jobs kept its load average near 4; a quiet machine
is several times faster. Single-round ratios within about +-15% are noise there.

Writes a markdown table to stdout and ``bench/results/engine_speed.md`` (+ ``.json``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from texts import DOCUMENT_TYPES, PII_LABELS, make_text, make_texts  # noqa: E402

MODELS = {
    "minilm": dict(encoder="minilm", counting_layer="count_lstm",
                   title="MiniLM-L6-v2 encoder, count_lstm"),
    "deberta-base": dict(encoder="deberta-base", counting_layer="count_lstm_v2",
                         title="DeBERTa-v3-base-size random encoder (small spm vocab), count_lstm_v2"),
}
THRESHOLD = 0.5
BATCH_TEXTS = 32
BATCH_SIZE = 8
# The reference's defaults for extract_entities_long; smaller only if a chunk still overflows.
LONG_CHUNK_SIZES = (384, 256, 192, 128)
LONG_CHUNK_OVERLAP = 64


@dataclass
class Case:
    name: str
    ref: Callable[[], Any]
    ours: Optional[Callable[[], Any]]
    floor_batches: list  # PreprocessedBatch objects whose input ids the floor encodes
    note: str = ""


@dataclass
class Row:
    model: str
    case: str
    ref_ms: Optional[float]
    ours_ms: Optional[float]
    floor_ms: float
    seq_len: str
    same_output: Optional[bool] = None
    note: str = ""
    ours_error: str = ""
    ref_runs: list = field(default_factory=list)
    ours_runs: list = field(default_factory=list)
    floor_runs: list = field(default_factory=list)

    @property
    def ratio(self) -> Optional[float]:
        if self.ref_ms and self.ours_ms:
            return self.ours_ms / self.ref_ms
        return None

    def overhead(self, ms: Optional[float]) -> Optional[float]:
        return None if ms is None else 100.0 * (ms - self.floor_ms) / self.floor_ms


# ---------------------------------------------------------------------------------------------
# Checkpoints and models
# ---------------------------------------------------------------------------------------------

def checkpoint(cache_dir: Path, key: str, seed: int = 0) -> Path:
    """The cached checkpoint for ``key``, built with the reference library if absent."""
    spec = MODELS[key]
    path = cache_dir / f"{spec['encoder']}-{spec['counting_layer']}-seed{seed}"
    if (path / "config.json").is_file():
        return path
    from tests.support.checkpoints import build_reference_checkpoint

    print(f"building checkpoint {path} (once) ...", file=sys.stderr, flush=True)
    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    start = time.perf_counter()
    build_reference_checkpoint(tmp, encoder=spec["encoder"], counting_layer=spec["counting_layer"],
                               seed=seed)
    tmp.rename(path)
    print(f"  built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return path


def load_reference(path: Path):
    from gliner2 import GLiNER2

    model = GLiNER2.from_pretrained(str(path))
    model.eval()
    return model


def load_ours(path: Path):
    from presidio_gliner2 import GLiNER2

    model = GLiNER2.from_pretrained(str(path))
    if hasattr(model, "eval"):
        model.eval()
    return model


# ---------------------------------------------------------------------------------------------
# The reference's input ids (for the encoder floor)
# ---------------------------------------------------------------------------------------------

def reference_batches(ref, texts: list[str], schema, max_len: Optional[int] = None,
                      batch_size: int = BATCH_SIZE) -> list:
    """The PreprocessedBatch objects ``ref.batch_extract`` would encode for these texts."""
    from gliner2.training.trainer import ExtractorCollator

    schema_dicts, _ = ref._build_schema_dicts_and_metadata([schema] * len(texts))
    collator = ExtractorCollator(ref.processor, is_training=False, max_len=max_len,
                                 architecture=ref.architecture)
    items = list(zip(texts, schema_dicts))
    return [collator(items[i:i + batch_size]) for i in range(0, len(items), batch_size)]


def reference_chunk_batches(ref, text: str, schema, chunk_size: int) -> list:
    """The chunk batches ``ref.extract_long`` encodes for ``text``."""
    from gliner2.inference.chunking import split_text_into_chunks
    from gliner2.processing.word_splitter import word_splitter_from

    chunks = split_text_into_chunks(text, chunk_size=chunk_size, chunk_overlap=LONG_CHUNK_OVERLAP,
                                    word_splitter=word_splitter_from(ref))
    return reference_batches(ref, [c.text for c in chunks], schema, max_len=chunk_size)


def encoder_max_positions(ref) -> Optional[int]:
    config = ref.encoder.config
    if getattr(config, "relative_attention", False) and not getattr(config, "position_biased_input", True):
        return None  # DeBERTa-v3 style: no absolute position table to overflow
    return getattr(config, "max_position_embeddings", None)


def floor_fn(ref, batches: list) -> Callable[[], Any]:
    import torch

    def run():
        with torch.inference_mode():
            for batch in batches:
                ref.encoder(input_ids=batch.input_ids, attention_mask=batch.attention_mask)
    return run


def seq_len_text(batches: list) -> str:
    shapes = [tuple(b.input_ids.shape) for b in batches]
    if len(shapes) == 1:
        return "x".join(map(str, shapes[0]))
    return " + ".join("x".join(map(str, s)) for s in shapes)


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------

def entity_kwargs() -> dict:
    return dict(threshold=THRESHOLD, include_spans=True, include_confidence=True)


def long_entity_case(ref, ours, text: str, labels: list[str], name: str, error: str) -> Case:
    """A text longer than the encoder's position table: the reference needs its chunked API."""
    schema = ref.create_schema().entities(labels)
    limit = encoder_max_positions(ref)
    for chunk_size in LONG_CHUNK_SIZES:
        batches = reference_chunk_batches(ref, text, schema, chunk_size)
        if max(b.input_ids.shape[1] for b in batches) <= limit:
            break
    else:
        raise RuntimeError(f"{name}: no chunk size in {LONG_CHUNK_SIZES} fits {limit} positions")
    note = (f"ref: extract_entities raises past {limit} subwords ({error}); timed extract_entities_long"
            f"(chunk_size={chunk_size}, chunk_overlap={LONG_CHUNK_OVERLAP}, batch_size={BATCH_SIZE});"
            f" ours: extract_entities (its own windows, so outputs may differ); floor: the ref's"
            f" chunk batches")
    return Case(
        name=name,
        ref=lambda: ref.extract_entities_long(text, labels, chunk_size=chunk_size,
                                              chunk_overlap=LONG_CHUNK_OVERLAP,
                                              batch_size=BATCH_SIZE, **entity_kwargs()),
        ours=None if ours is None else (lambda: ours.extract_entities(text, labels, **entity_kwargs())),
        floor_batches=batches,
        note=note,
    )


def window_note(ours, batch) -> str:
    """Say so when our engine windows a text that the reference encodes in one sequence."""
    window = getattr(ours, "window_words", None)
    n_words = len(batch.text_tokens[0])
    if ours is None or window is None or n_words <= window:
        return ""
    return (f"the ref encodes all {n_words} words in one sequence; ours splits them into "
            f"{window}-word windows (overlap {ours.window_overlap}), so it encodes more tokens and "
            f"outputs may differ (--ours-window-words none compares like with like)")


def build_cases(ref, ours) -> list[Case]:
    cases: list[Case] = []
    limit = encoder_max_positions(ref)
    for n_words in (50, 400):
        text = make_text(n_words, seed=n_words)
        for n_labels in (5, 20):
            labels = PII_LABELS[:n_labels]
            name = f"extract_entities {n_words}w x {n_labels} labels"
            schema = ref.create_schema().entities(labels)
            batches = reference_batches(ref, [text], schema)
            if limit is not None and batches[0].input_ids.shape[1] > limit:
                try:
                    ref.extract_entities(text, labels, **entity_kwargs())
                except Exception as exc:
                    error = f"{type(exc).__name__}: {str(exc).split('  ')[0][:120]}"
                    cases.append(long_entity_case(ref, ours, text, labels, name, error))
                    continue
            cases.append(Case(
                name=name,
                ref=lambda t=text, l=labels: ref.extract_entities(t, l, **entity_kwargs()),
                ours=None if ours is None else
                (lambda t=text, l=labels: ours.extract_entities(t, l, **entity_kwargs())),
                floor_batches=batches,
                note=window_note(ours, batches[0]),
            ))

    text = make_text(50, seed=50)
    for n_labels in (5, 10, 20, 50):
        tasks = {"document_type": DOCUMENT_TYPES[:n_labels]}
        schema = ref.create_schema().classification("document_type", DOCUMENT_TYPES[:n_labels])
        cases.append(Case(
            name=f"classify_text 50w x {n_labels} labels",
            ref=lambda t=tasks: ref.classify_text(text, t, include_confidence=True),
            ours=None if ours is None else (lambda t=tasks: ours.classify_text(text, t, include_confidence=True)),
            floor_batches=reference_batches(ref, [text], schema),
        ))

    texts = make_texts(BATCH_TEXTS, 50, seed=1)
    labels = PII_LABELS[:5]
    schema = ref.create_schema().entities(labels)
    cases.append(Case(
        name=f"batch_extract_entities {BATCH_TEXTS} x 50w x 5 labels",
        ref=lambda: ref.batch_extract_entities(texts, labels, batch_size=BATCH_SIZE, **entity_kwargs()),
        ours=None if ours is None else
        (lambda: ours.batch_extract_entities(texts, labels, batch_size=BATCH_SIZE, **entity_kwargs())),
        floor_batches=reference_batches(ref, texts, schema, batch_size=BATCH_SIZE),
        note=f"batch_size={BATCH_SIZE} for both",
    ))
    return cases


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------

def time_ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def measure(fns: dict[str, Callable[[], Any]], warmup: int, max_runs: int, min_runs: int,
            budget_s: float) -> tuple[dict[str, list[float]], dict[str, Any], dict[str, str]]:
    """Warm up, then time interleaved rounds (order rotated each round, so drift hits every
    contender alike). The warm-up skips the floor (the reference's own warm-up has already run
    its encoder on the same ids). The number of rounds fits ``budget_s``, estimated from the
    first warm-up round, within [min_runs, max_runs]. Returns times, each contender's first
    result, and our engine's error if it raised."""
    results: dict[str, Any] = {}
    errors: dict[str, str] = {}
    round_s = 0.0
    for i in range(max(warmup, 1)):
        start = time.perf_counter()
        for key, fn in list(fns.items()):
            if key == "floor":
                continue
            try:
                out = fn()
            except Exception as exc:
                if key == "ref":
                    raise
                errors[key] = f"{type(exc).__name__}: {exc}"
                traceback.print_exc()
                del fns[key]
                continue
            results.setdefault(key, out)
        if i == 0:
            elapsed = time.perf_counter() - start
            round_s = elapsed * len(fns) / max(len(fns) - 1, 1)  # + the floor, roughly
    runs = max(min_runs, min(max_runs, int(budget_s // max(round_s, 1e-9))))
    keys = list(fns)
    times: dict[str, list[float]] = {key: [] for key in keys}
    gc.collect()
    for i in range(runs):
        order = keys[i % len(keys):] + keys[:i % len(keys)]
        for key in order:
            times[key].append(time_ms(fns[key]))
    return times, results, errors


def same_output(a: Any, b: Any, tol: float = 1e-4) -> bool:
    """Equal structure, texts and offsets; confidences within ``tol`` (float noise from
    different but equivalent kernels is not a difference)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same_output(a[k], b[k], tol) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_output(x, y, tol) for x, y in zip(a, b))
    return a == b


def run_case(model_key: str, case: Case, ref, args) -> Row:
    fns = {"ref": case.ref, "floor": floor_fn(ref, case.floor_batches)}
    if case.ours is not None:
        fns["ours"] = case.ours
    times, results, errors = measure(fns, args.warmup, args.runs, args.min_runs, args.budget_s)
    same = None
    if "ours" in results:
        same = same_output(results["ours"], results["ref"])
    med = {key: statistics.median(values) for key, values in times.items()}
    return Row(
        model=model_key, case=case.name, ref_ms=med["ref"], ours_ms=med.get("ours"),
        floor_ms=med["floor"], seq_len=seq_len_text(case.floor_batches), same_output=same,
        note=case.note, ours_error=errors.get("ours", ""),
        ref_runs=times["ref"], ours_runs=times.get("ours", []), floor_runs=times["floor"],
    )


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def fmt(value: Optional[float], spec: str, missing: str = "n/a") -> str:
    return missing if value is None else format(value, spec)


def pct(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:+.0f}%"


def markdown(rows: list[Row], meta: dict) -> str:
    lines = [
        "# Engine speed: presidio_gliner2 vs reference gliner2 2.1.0",
        "",
        f"`{meta['command']}` on {meta['cpu']} ({meta['cpus']} CPUs, {meta['threads']} torch "
        f"threads), torch "
        f"{meta['torch']}, transformers {meta['transformers']}, {meta['date']}, commit "
        f"{meta['commit']}. 1-minute load average: {', '.join(meta['load_average'])} (other "
        f"processes on the machine inflate all three columns alike; compare ratios).",
        "",
        f"Each case: {meta['warmup']} warm-up round, then {meta['min_runs']}-{meta['runs']} timed "
        f"rounds (as many as fit {meta['budget_s']:.0f} s) with ref, ours and floor interleaved; "
        "median ms, lower is better."
        + (f" Our engine's window_words set to {meta['ours_window_words']}."
           if meta["ours_window_words"] else ""),
        "",
        "- floor: bare `encoder(input_ids, attention_mask)` on the reference's input ids for the "
        "same text and schema; overhead = (time - floor) / floor.",
        "- same output: ours and ref return the same spans, labels and offsets, with confidences "
        "within 1e-4 (checked on the warm-up round's results).",
        "",
    ]
    notes: list[str] = []
    for key, spec in MODELS.items():
        model_rows = [r for r in rows if r.model == key]
        if not model_rows:
            continue
        lines += [f"## {key}: {spec['title']}", "",
                  "| case | ids (batch x len) | ref ms | ours ms | ours/ref | floor ms "
                  "| ref over floor | ours over floor | same output |",
                  "|---|---|---:|---:|---:|---:|---:|---:|:---:|"]
        for row in model_rows:
            case = row.case
            if row.note:
                notes.append(f"{key} / {row.case}: {row.note}")
                case += f" [{len(notes)}]"
            ours = fmt(row.ours_ms, ".1f", "error" if row.ours_error else "n/a")
            same = "n/a" if row.same_output is None else ("yes" if row.same_output else "no")
            lines.append(
                f"| {case} ({len(row.ref_runs)} runs) | {row.seq_len} | {fmt(row.ref_ms, '.1f')} | {ours} "
                f"| {fmt(row.ratio, '.2f')} | {row.floor_ms:.1f} "
                f"| {pct(row.overhead(row.ref_ms))} | {pct(row.overhead(row.ours_ms))} "
                f"| {same} |")
        lines.append("")
    errors = [r for r in rows if r.ours_error]
    if notes:
        lines += ["Notes:", ""] + [f"{i}. {n}" for i, n in enumerate(notes, 1)] + [""]
    if errors:
        lines += ["Errors in our engine:", ""]
        lines += [f"- {r.model} / {r.case}: `{r.ours_error[:300]}`" for r in errors] + [""]
    return "\n".join(lines)


def metadata(args, argv: list[str]) -> dict:
    import torch
    import transformers

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                                capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return dict(
        command="python bench/engine_speed.py " + " ".join(argv), cpu=cpu, threads=args.threads,
        torch=torch.__version__, transformers=transformers.__version__,
        date=time.strftime("%Y-%m-%d %H:%M"), commit=commit, runs=args.runs, min_runs=args.min_runs,
        budget_s=args.budget_s, warmup=args.warmup,
        only_reference=args.only_reference, cpus=os.cpu_count(),
        ours_window_words=args.ours_window_words,
    )


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="1 warm-up, then 1-3 timed rounds within 5 s per case")
    parser.add_argument("--runs", type=int, help="most timed rounds per case (default 7, quick 3)")
    parser.add_argument("--min-runs", type=int, help="fewest timed rounds per case (default 1)")
    parser.add_argument("--budget-s", type=float,
                        help="seconds of timed rounds per case, as estimated from the warm-up "
                             "(default 20, quick 5); the round count stays within [min-runs, runs]")
    parser.add_argument("--ours-window-words", default=None,
                        help="set our engine's long-text window (an int, or 'none' for one sequence "
                             "where the encoder allows it); default: the engine's own default")
    parser.add_argument("--warmup", type=int, help="warm-up rounds per case (default 1)")
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated: " + ", ".join(MODELS))
    parser.add_argument("--cases", default="", help="only cases whose name contains this text")
    parser.add_argument("--threads", type=int, default=2,
                        help="torch.set_num_threads (on a machine shared with other jobs, 1 is steadier)")
    parser.add_argument("--only-reference", action="store_true", help="skip our engine")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    args.runs = args.runs or (3 if args.quick else 7)
    args.min_runs = min(args.runs, args.min_runs or 1)
    args.budget_s = args.budget_s if args.budget_s is not None else (5.0 if args.quick else 20.0)
    args.warmup = args.warmup if args.warmup is not None else 1
    keys = [k.strip() for k in args.models.split(",") if k.strip()]
    unknown = set(keys) - set(MODELS)
    if unknown:
        parser.error(f"unknown model(s) {sorted(unknown)}; choose from {list(MODELS)}")

    import torch
    import transformers

    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    meta = metadata(args, argv)
    meta["load_average"] = [f"{os.getloadavg()[0]:.1f} at start"]
    rows: list[Row] = []

    for key in keys:
        path = checkpoint(args.cache_dir, key)
        ref = load_reference(path)
        ours = None
        if not args.only_reference:
            try:
                ours = load_ours(path)
            except Exception:
                traceback.print_exc()
                print("error: presidio_gliner2 could not load the checkpoint; fix it or run with "
                      "--only-reference", file=sys.stderr)
                return 1
        if ours is not None and args.ours_window_words is not None:
            words = None if args.ours_window_words.lower() == "none" else int(args.ours_window_words)
            ours.set_window(words, ours.window_overlap if words is None or words > ours.window_overlap else 0)
        for case in build_cases(ref, ours):
            if args.cases and args.cases not in case.name:
                continue
            row = run_case(key, case, ref, args)
            rows.append(row)
            print(f"{key:13s} {row.case:45s} ref {fmt(row.ref_ms, '8.1f')}  ours {fmt(row.ours_ms, '8.1f')}"
                  f"  floor {row.floor_ms:8.1f}  same={row.same_output}", file=sys.stderr, flush=True)
        del ref, ours
        gc.collect()
        meta["load_average"].append(f"{os.getloadavg()[0]:.1f} after {key}")

    report = markdown(rows, meta)
    print(report)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    stem = "engine_speed_reference_only" if args.only_reference else "engine_speed"
    (args.out_dir / f"{stem}.md").write_text(report + "\n")
    payload = dict(meta=meta, rows=[dict(asdict(r), ratio=r.ratio) for r in rows])
    (args.out_dir / f"{stem}.json").write_text(json.dumps(payload, indent=2) + "\n")
    print(f"\nwrote {args.out_dir / (stem + '.md')} and .json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
