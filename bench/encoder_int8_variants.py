"""How fast can int8 make the encoder alone? ONNX Runtime variants of one exported encoder, timed bare.

Issue 12 asks an int8 backend to be 2.5x faster than the reference, which runs the fp32 torch
encoder. This times the encoder only (no heads, no tokenization: an upper bound for the whole
engine) on random ids, for:

- ``fp32``: the export ``onnx`` runs;
- ``int8 (shipped rule)``: what ``onnx-int8`` runs (feed-forward output projections kept float);
- ``int8 all``: every weight matmul int8 (``bench/backends.py --variants``' ``onnx-int8:all-matmuls``);
- ``fused fp32`` / ``fused int8 all`` / ``fused int8 (shipped rule)``: the same after ONNX
  Runtime's transformer optimizer (BERT fusions: bias-GELU, skip-layer-norm) before quantizing.

    python bench/encoder_int8_variants.py   # the DeBERTa-v3-base-size checkpoint of bench/engine_speed.py

Median of 5 runs after one warm-up, in the engine's own ONNX Runtime session (``OnnxEncoder``,
2 threads). ``maxdiff``: the largest absolute difference of the last hidden state from fp32.
Variants are written next to the export (``<checkpoint>/onnx/variants/``), once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presidio_gliner2.engine.backends import FLOAT_LAYER  # noqa: E402
from presidio_gliner2.engine.onnx_encoder import OnnxEncoder  # noqa: E402
from presidio_gliner2.engine.onnx_export import quantize_int8  # noqa: E402

CASES = {"1 x 80 tokens": (1, 80), "1 x 300 tokens": (1, 300), "8 x 80 tokens": (8, 80)}


def fuse(source: Path, target: Path, heads: int, hidden: int) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    model = optimize_model(str(source), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0,
                           use_gpu=False)
    fused = {op: n for op, n in model.get_fused_operator_statistics().items() if n}
    print(f"fused operators: {fused}", file=sys.stderr)
    model.save_model_to_file(str(target))


def variants(export: Path, heads: int, hidden: int) -> dict[str, Path]:
    work = export.parent / "variants"
    work.mkdir(exist_ok=True)
    steps = [
        ("int8 (shipped rule)", "int8.onnx", lambda t: quantize_int8(export, t, FLOAT_LAYER)),
        ("int8 all", "int8-all.onnx", lambda t: quantize_int8(export, t, None)),
        ("fused fp32", "fused.onnx", lambda t: fuse(export, t, heads, hidden)),
        ("fused int8 (shipped rule)", "fused-int8.onnx", lambda t: quantize_int8(work / "fused.onnx", t, FLOAT_LAYER)),
        ("fused int8 all", "fused-int8-all.onnx", lambda t: quantize_int8(work / "fused.onnx", t, None)),
    ]
    paths = {"fp32": export}
    for name, file, build in steps:
        if not (work / file).is_file():
            build(work / file)
        paths[name] = work / file
    return paths


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=ROOT / ".cache" / "bench" / "deberta-base-count_lstm_v2-seed0",
                        help="a checkpoint whose encoder was exported (bench/backends.py does it on first use)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    import json

    import torch

    torch.set_num_threads(args.threads)  # the engine's ONNX session takes torch's thread count

    export = args.checkpoint / "onnx" / "encoder.onnx"
    if not export.is_file():
        raise SystemExit(f"no ONNX export at {export}: run `python bench/backends.py --skip-accuracy "
                         "--speed-models deberta-base` once to build and export the checkpoint")
    config = json.loads((args.checkpoint / "encoder_config" / "config.json").read_text())
    paths = variants(export, config["num_attention_heads"], config["hidden_size"])
    vocab = int(config["vocab_size"])
    rng = np.random.default_rng(0)
    feeds = {case: {"input_ids": torch.from_numpy(rng.integers(5, vocab - 1, size=shape)),
                    "attention_mask": torch.ones(shape, dtype=torch.long)} for case, shape in CASES.items()}
    times, baseline = {}, {}
    for name, path in paths.items():
        encoder = OnnxEncoder(path, config=None)  # the session the engine runs
        for case, feed in feeds.items():
            out = encoder(**feed).last_hidden_state.numpy()  # warm-up
            samples = []
            for _ in range(args.runs):
                start = time.perf_counter()
                encoder(**feed)
                samples.append(time.perf_counter() - start)
            baseline.setdefault(case, out)
            times[name, case] = (statistics.median(samples) * 1000, float(np.abs(out - baseline[case]).max()))
    print(f"`python bench/encoder_int8_variants.py` on {args.checkpoint.name}, {args.threads} threads, "
          f"median of {args.runs}\n")
    print("| variant | " + " | ".join(f"{case}: ms (x fp32, maxdiff)" for case in CASES) + " |")
    print("|---|" + "---:|" * len(CASES))
    for name in paths:
        cells = [f"{times[name, c][0]:.0f} ({times['fp32', c][0] / times[name, c][0]:.2f}x, {times[name, c][1]:.3f})"
                 for c in CASES]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
