"""How fast can int8 make the encoder alone? ONNX Runtime and torch variants of one encoder, timed bare.

Issue 12 asks an int8 backend to be 2.5x faster than the reference, which runs the fp32 torch
encoder. This times the encoder only (no heads, no tokenization: an upper bound for the whole
engine) on random ids, for:

- ``fp32``: the export ``onnx`` runs;
- ``int8 (shipped rule)``: what ``onnx-int8`` runs (feed-forward output projections kept float);
- ``int8 all``: every weight matmul int8 (``bench/backends.py --variants``' ``onnx-int8:all-matmuls``);
- ``fused fp32`` / ``fused int8 all`` / ``fused int8 (shipped rule)``: the same after ONNX
  Runtime's transformer optimizer (BERT fusions: bias-GELU, skip-layer-norm) before quantizing;
- ``int8 all + attention``: also attention's activation-by-activation matmuls int8 (the dynamic
  quantizer's ``MatMulConstBOnly`` off);
- ``static int8 (QDQ)``: weights and activations int8 with scales fixed by a calibration pass
  (``quantize_static``, QDQ format, per-channel weights; calibrated on random ids, so its maxdiff
  says nothing of accuracy, only its time counts).

``--torch`` adds the torch encoder (what the reference runs): fp32, dynamic int8 of every linear
layer under each of torch's quantized engines (``x86`` is the default, ``fbgemm``, ``onednn``),
and bf16 autocast (not int8; fast only where the CPU has AMX or AVX-512 BF16).

    python bench/encoder_int8_variants.py   # the DeBERTa-v3-base-size checkpoint of bench/engine_speed.py

Median of 5 runs after one warm-up, in the engine's own ONNX Runtime session (``OnnxEncoder``,
2 threads). ``maxdiff``: the largest absolute difference of the last hidden state from fp32.
Variants are written next to the export (``<checkpoint>/onnx/variants/``), once.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

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


def quantize_dynamic_all(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                     per_channel=True, extra_options={"MatMulConstBOnly": False,
                                                      "DefaultTensorType": onnx.TensorProto.FLOAT})


def quantize_static_qdq(source: Path, target: Path, vocab: int) -> None:
    import onnx
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static

    rng = np.random.default_rng(1)

    class RandomIds(CalibrationDataReader):
        def __init__(self):
            self.feeds = iter([{"input_ids": rng.integers(5, vocab - 1, size=(1, 120)),
                                "attention_mask": np.ones((1, 120), dtype=np.int64)} for _ in range(4)])

        def get_next(self):
            return next(self.feeds, None)

    quantize_static(str(source), str(target), RandomIds(), quant_format=QuantFormat.QDQ,
                    op_types_to_quantize=["MatMul"], per_channel=True, activation_type=QuantType.QInt8,
                    weight_type=QuantType.QInt8,
                    extra_options={"MatMulConstBOnly": True, "DefaultTensorType": onnx.TensorProto.FLOAT})


def torch_variants(checkpoint: Path) -> dict[str, Callable]:
    """The torch encoder as the reference runs it, its dynamic int8 under each quantized engine, bf16."""
    import copy

    import torch

    from presidio_gliner2 import GLiNER2

    encoder = GLiNER2.from_pretrained(str(checkpoint)).model.encoder.eval()
    runs: dict[str, Callable] = {"torch fp32": encoder}
    for engine in ("x86", "fbgemm", "onednn"):
        if engine not in torch.backends.quantized.supported_engines:
            continue
        torch.backends.quantized.engine = engine  # weights are packed for the engine set when quantizing
        quantized = torch.ao.quantization.quantize_dynamic(copy.deepcopy(encoder), {torch.nn.Linear},
                                                           dtype=torch.qint8)
        runs[f"torch int8 all ({engine})"] = functools.partial(_with_engine, engine, quantized)

    def bf16(**feed):
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return encoder(**feed)

    runs["torch bf16 autocast"] = bf16
    return runs


def _with_engine(engine: str, module, **feed):
    import torch

    torch.backends.quantized.engine = engine
    return module(**feed)


def variants(export: Path, heads: int, hidden: int, vocab: int) -> dict[str, Path]:
    work = export.parent / "variants"
    work.mkdir(exist_ok=True)
    steps = [
        ("int8 (shipped rule)", "int8.onnx", lambda t: quantize_int8(export, t, FLOAT_LAYER)),
        ("int8 all", "int8-all.onnx", lambda t: quantize_int8(export, t, None)),
        ("fused fp32", "fused.onnx", lambda t: fuse(export, t, heads, hidden)),
        ("fused int8 (shipped rule)", "fused-int8.onnx", lambda t: quantize_int8(work / "fused.onnx", t, FLOAT_LAYER)),
        ("fused int8 all", "fused-int8-all.onnx", lambda t: quantize_int8(work / "fused.onnx", t, None)),
        ("int8 all + attention", "int8-all-attention.onnx", lambda t: quantize_dynamic_all(export, t)),
        ("static int8 (QDQ)", "static-qdq.onnx", lambda t: quantize_static_qdq(export, t, vocab)),
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
    parser.add_argument("--torch", action="store_true",
                        help="also time the torch encoder: fp32 (the reference's), int8 per quantized engine, bf16")
    args = parser.parse_args(argv)
    import json

    import torch

    torch.set_num_threads(args.threads)  # the engine's ONNX session takes torch's thread count

    export = args.checkpoint / "onnx" / "encoder.onnx"
    if not export.is_file():
        raise SystemExit(f"no ONNX export at {export}: run `python bench/backends.py --skip-accuracy "
                         "--speed-models deberta-base` once to build and export the checkpoint")
    config = json.loads((args.checkpoint / "encoder_config" / "config.json").read_text())
    vocab = int(config["vocab_size"])
    paths = variants(export, config["num_attention_heads"], config["hidden_size"], vocab)
    rng = np.random.default_rng(0)
    feeds = {case: {"input_ids": torch.from_numpy(rng.integers(5, vocab - 1, size=shape)),
                    "attention_mask": torch.ones(shape, dtype=torch.long)} for case, shape in CASES.items()}
    runs: dict[str, Callable] = {name: OnnxEncoder(path, config=None) for name, path in paths.items()}  # the engine's session
    if args.torch:
        runs.update(torch_variants(args.checkpoint))
    times, baseline = {}, {}
    with torch.inference_mode():
        for name, encoder in runs.items():
            for case, feed in feeds.items():
                out = encoder(**feed).last_hidden_state.float().numpy()  # warm-up
                samples = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    encoder(**feed)
                    samples.append(time.perf_counter() - start)
                baseline.setdefault(case, out)
                times[name, case] = (statistics.median(samples) * 1000, float(np.abs(out - baseline[case]).max()))
    bases = ["fp32"] + (["torch fp32"] if args.torch else [])
    print(f"`python bench/encoder_int8_variants.py{' --torch' if args.torch else ''}` on {args.checkpoint.name}, "
          f"{args.threads} threads, median of {args.runs}; x: speed-up over "
          + " / ".join(f"`{b}`" for b in bases) + "; maxdiff: largest difference of the hidden state from `fp32`\n")
    print("| variant | " + " | ".join(f"{case}: ms (x, maxdiff)" for case in CASES) + " |")
    print("|---|" + "---:|" * len(CASES))
    for name in runs:
        cells = []
        for c in CASES:
            ratios = " / ".join(f"{times[b, c][0] / times[name, c][0]:.2f}" for b in bases)
            cells.append(f"{times[name, c][0]:.0f} ({ratios}, {times[name, c][1]:.3f})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
