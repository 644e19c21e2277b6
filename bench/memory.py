"""Peak memory of analyzing one long document: flat in its length (issue 11: 5k vs 50k words within 1.5x).

Each case runs in a fresh Python process, because the peak RSS of a process only ever grows and
torch allocates outside Python's allocator (tracemalloc would not see it). The child builds the
``general`` config's analyzer on the bundled model, warms it up on a short text, resets the
kernel's peak-RSS mark (``/proc/self/clear_refs``), runs one stage on an N-word document from
``bench/texts.py`` and reads the peak back (``VmHWM``):

* ``redact``: ``Redactor(config="general").redact(text)``, everything a face runs;
* ``model``: the GLiNER2 recognizer's pass alone (the engine: windows, encoder, decoding);
* ``spacy``: the NLP pass alone (Presidio's spaCy pipeline, long texts in pieces as the
  analysis runs it: ``redaction/nlp_pieces.py``).

    python bench/memory.py            # the three stages at 5,000 and 50,000 words
    python bench/memory.py --quick    # the redact stage only

Reports the RSS after loading (baseline), the peak during the stage, the growth (peak - baseline)
and the 50k/5k ratios; writes ``bench/results/memory.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SIZES = (5_000, 50_000)
STAGES = ("redact", "model", "spacy")
LIMIT = 1.5  # the bound on the 50k/5k peak ratio


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(stage: str, words: int, threads: int) -> dict:
    """One measurement in this (fresh) process; returns MiB and seconds."""
    import gc

    import torch

    from presidio_gliner2 import Redactor
    from presidio_gliner2.redaction.analysis import gliner2_recognizers
    from presidio_gliner2.redaction.nlp_pieces import nlp_artifacts
    from texts import make_text

    torch.set_num_threads(threads)
    redactor = Redactor(config="general")
    recognizer = gliner2_recognizers(redactor.analyzer, "en")[0]
    runs = {
        "redact": lambda t: redactor.redact(t),
        "model": lambda t: recognizer.analyze_batch([t]),
        "spacy": lambda t: nlp_artifacts(redactor.analyzer.nlp_engine, [t], "en"),
    }
    run = runs[stage]
    run(make_text(200, seed=1))  # warm-up: lazy imports, first-call allocations
    text = make_text(words, seed=0)
    gc.collect()
    baseline = _status_kib("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # peak RSS := current RSS (Linux >= 4.0)
        reset = True
    except OSError:
        reset = False  # the peak then includes loading: an upper bound
    began = time.perf_counter()
    run(text)
    seconds = time.perf_counter() - began
    peak = _status_kib("VmHWM")
    return {"stage": stage, "words": words, "chars": len(text), "baseline_mib": baseline / 1024,
            "peak_mib": peak / 1024, "growth_mib": (peak - baseline) / 1024, "seconds": seconds,
            "peak_reset": reset}


def measure(stage: str, words: int, threads: int) -> dict:
    command = [sys.executable, __file__, "--child", stage, str(words), "--threads", str(threads)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"{stage} at {words} words failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: list[dict], threads: int, command: str) -> tuple[str, dict]:
    lines = ["# Peak memory of one long document (bundled model, `general` config)", "",
             f"`{command}` on {platform.machine()} Linux, Python {platform.python_version()}, "
             f"{threads} torch thread(s), {os.cpu_count()} cores; one fresh process per row. "
             "Baseline: RSS after loading and a warm-up; peak: the kernel's high-water mark "
             "during the stage alone (reset just before it); growth: peak - baseline.", "",
             "| stage | words | chars | baseline MiB | peak MiB | growth MiB | seconds |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['stage']} | {r['words']:,} | {r['chars']:,} | {r['baseline_mib']:.0f} | "
                     f"{r['peak_mib']:.0f} | {r['growth_mib']:.0f} | {r['seconds']:.1f} |")
    ratios = {}
    for stage in dict.fromkeys(r["stage"] for r in rows):
        small, large = (next(r for r in rows if r["stage"] == stage and r["words"] == n) for n in SIZES)
        ratios[stage] = {"peak": large["peak_mib"] / small["peak_mib"],
                         "growth": large["growth_mib"] / max(small["growth_mib"], 1.0)}
    lines += ["", f"50k / 5k words (bound: peak within {LIMIT}x):", ""]
    for stage, ratio in ratios.items():
        verdict = "within" if ratio["peak"] <= LIMIT else "OVER"
        lines.append(f"- {stage}: peak {ratio['peak']:.2f}x ({verdict} {LIMIT}x), growth {ratio['growth']:.2f}x")
    if not all(r["peak_reset"] for r in rows):
        lines.append("\nThe peak mark could not be reset here: peaks include loading (upper bounds).")
    return "\n".join(lines) + "\n", {"rows": rows, "ratios": ratios, "threads": threads, "command": command}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the redact stage only")
    parser.add_argument("--threads", type=int, default=2, help="torch threads in each child (default 2)")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "WORDS"), help=argparse.SUPPRESS)
    # `make bench BENCH_ARGS=...` hands the speed benchmark's options here too: ignore the others.
    args, _ = parser.parse_known_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.threads)))
        return 0
    stages = STAGES[:1] if args.quick else STAGES
    rows = []
    for stage in stages:
        for words in SIZES:
            rows.append(measure(stage, words, args.threads))
            print(f"{stage} {words} words: peak {rows[-1]['peak_mib']:.0f} MiB", file=sys.stderr)
    command = "python bench/memory.py" + (" --quick" if args.quick else "") + f" --threads {args.threads}"
    markdown, payload = report(rows, args.threads, command)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "memory.md").write_text(markdown)
    (args.out_dir / "memory.json").write_text(json.dumps(payload, indent=2) + "\n")
    print(markdown)
    return 0 if all(r["peak"] <= LIMIT for r in payload["ratios"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
