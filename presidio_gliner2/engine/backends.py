"""Where the encoder runs, chosen by one name; the heads (span, count, classifier) stay in torch.

- ``"torch"``: the checkpoint's own transformers encoder; exact parity with the reference.
- ``"torch-int8"``: the same encoder with its ``nn.Linear`` layers dynamically quantized to int8
  (``torch.ao.quantization.quantize_dynamic``: int8 weights per output channel, activations
  quantized per call).
- ``"onnx"`` / ``"onnx-int8"``: the encoder exported to ONNX once per checkpoint (cached on disk,
  see ``onnx_export``) and run by ONNX Runtime's CPU provider; ``onnx-int8`` quantizes the
  export's weight matmuls the same way with ONNX Runtime's dynamic quantizer.

Both int8 backends keep each layer's feed-forward output projection (``FLOAT_LAYER``) in float.

Every backend but ``torch`` runs on CPU and is for inference only: such a model cannot be saved
or trained (its encoder weights are no longer torch parameters, or no longer float).
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from torch import nn

# torch is imported where it is used: the CLI reads BACKENDS for its --backend choices.
BACKENDS = ("torch", "torch-int8", "onnx", "onnx-int8")
# The feed-forward output projection reads GELU outputs with large outliers, which one int8 scale
# per call flattens. Measured on the bundled model (handwritten sets, type-agnostic F1 0.852 on
# torch): all linears int8 loses 1.2 (torch) / 0.6 (ONNX) points with per-channel weights and
# 4.8 / 2.0 with per-tensor ones; keeping this one float loses 0.5 / 0.0. Matches transformers'
# BERT and DeBERTa module names (``encoder.layer.3.output.dense``) and the ONNX node names the
# export gives them (``/encoder/encoder/layer.3/output/dense/MatMul``); not ``attention.output.dense``.
FLOAT_LAYER = re.compile(r"(?:^|[./])layer\.\d+[./]output[./]dense(?:$|/)")
DEFAULT_BACKEND = "torch"
ONNX_BACKENDS = ("onnx", "onnx-int8")
ONNX_EXTRA = "pip install 'presidio-gliner2[onnx]'"


class BackendUnavailable(ImportError):
    """The backend's optional packages are not installed; the message names the extra to install."""


def check_backend(backend, source: str = "backend") -> str:
    """The backend name, validated (case and surrounding spaces ignored); ValueError lists the valid ones."""
    if not isinstance(backend, str) or backend.strip().lower() not in BACKENDS:
        raise ValueError(f"{source} must be one of {', '.join(repr(b) for b in BACKENDS)}; got {backend!r}")
    return backend.strip().lower()


def require_packages(backend: str) -> None:
    """Raise BackendUnavailable, naming the extra to install, when ``backend`` needs packages that are missing."""
    if backend not in ONNX_BACKENDS:
        return
    try:
        import onnx  # noqa: F401  (the exporter writes it, the int8 quantizer reads it)
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailable(
            f"backend {backend!r} needs ONNX Runtime and onnx, which are not installed ({exc.name} is missing): "
            f"{ONNX_EXTRA}, or choose backend 'torch' or 'torch-int8'") from None


def check_device(backend: str, device) -> None:
    import torch

    if backend != DEFAULT_BACKEND and device is not None and torch.device(device).type != "cpu":
        raise ValueError(f"backend {backend!r} runs on CPU only; got device {str(device)!r}. "
                         "Use backend 'torch' on an accelerator.")


def use_backend(model: "nn.Module", backend: str, prove: Optional[Callable[[], None]] = None) -> None:
    """Swap ``model.encoder`` (a loaded ``GLiNER2Model`` on CPU) for ``backend``'s.

    ``prove`` runs before anything is exported (the checkpoint's canary on the torch model), so a
    damaged checkpoint fails before it is written to the export cache."""
    backend = check_backend(backend)
    if backend == model.backend:
        return
    if model.backend != DEFAULT_BACKEND:
        raise ValueError(f"this model already runs on backend {model.backend!r}; load it again to choose another")
    require_packages(backend)
    check_device(backend, model.device)
    model.eval()
    if backend == "torch-int8":
        quantize_linear_layers(model.encoder)
    else:
        from presidio_gliner2.engine.onnx_encoder import OnnxEncoder
        from presidio_gliner2.engine.onnx_export import cached_encoder_file

        path = cached_encoder_file(model, backend, prove)
        model.encoder = OnnxEncoder(path, model.encoder.config)
    model.backend = backend


def quantize_linear_layers(encoder: "nn.Module", keep_float: Optional[re.Pattern] = FLOAT_LAYER) -> "nn.Module":
    """int8 weights (per output channel) for every ``nn.Linear`` of ``encoder`` whose name
    ``keep_float`` does not match, in place (the quantized engine of this CPU: x86/fbgemm on Intel
    and AMD, qnnpack on ARM)."""
    import torch
    from torch import nn

    try:
        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic
    except ImportError:
        raise BackendUnavailable(f"backend 'torch-int8' needs torch.ao.quantization.quantize_dynamic, which torch "
                                 f"{torch.__version__} does not have; use backend 'onnx-int8' ({ONNX_EXTRA})") from None
    if torch.backends.quantized.engine == "none":
        raise RuntimeError("backend 'torch-int8': this torch build has no quantized CPU engine "
                           f"(supported: {torch.backends.quantized.supported_engines}); use backend 'onnx-int8'")
    with warnings.catch_warnings():
        # torch >= 2.10 marks torch.ao.quantization deprecated (in favour of torchao), but it still
        # works and needs no extra package; the warning would repeat on every load.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"torch\.ao\..*")
        warnings.filterwarnings("ignore", message=r".*torch\.ao\.quantization is deprecated.*")
        warnings.filterwarnings("ignore", message=r".*quantize_per_tensor.*deprecated.*")
        layers = {name: per_channel_dynamic_qconfig for name, module in encoder.named_modules()
                  if isinstance(module, nn.Linear) and not (keep_float and keep_float.search(name))}
        return quantize_dynamic(encoder, layers, dtype=torch.qint8, inplace=True)
