"""The encoder as an ONNX file: exported locally once per checkpoint, cached on disk, never downloaded.

Where: ``<checkpoint>/onnx/`` when the checkpoint directory is writable (and not the bundled
model, whose directory belongs to the package installer), else the user cache
``$PRESIDIO_GLINER2_CACHE/onnx/<key>/`` (default ``~/.cache/presidio-gliner2/onnx/<key>/``). A valid
file already beside the checkpoint is used even where that directory is read-only, so a model may
ship pre-exported (valid only for the library versions it was exported with; see the key).

Each file has a marker ``<file>.json``: the cache key (a hash of the checkpoint's files, weights
by their SHA-256, and the torch / transformers / onnx / onnxruntime versions and export settings)
and the file's own SHA-256. A missing or different key (another checkpoint, a library upgrade) or
a file that no longer matches its checksum is exported again. Files are written under a temporary
name and renamed into place, marker last, under a lock file, so a killed export or two processes
exporting at once never leave a half file that looks valid.

The export uses torch's TorchScript-based exporter (``dynamo=False``): it needs only the ``onnx``
package, traces transformers' BERT and DeBERTa-v2/v3 encoders with dynamic batch and sequence
axes, and runs offline. (The newer ``torch.export`` exporter also needs ``onnxscript``.)
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import os
import re
import warnings
from pathlib import Path
from typing import Callable, Iterator, Optional

import torch
from torch import nn

from presidio_gliner2.engine import checkpoint
from presidio_gliner2.engine.backends import FLOAT_LAYER
from presidio_gliner2.engine.onnx_encoder import INPUT_NAMES, OUTPUT_NAME

logger = logging.getLogger("presidio_gliner2.engine")

CACHE_ENV = "PRESIDIO_GLINER2_CACHE"
SUBDIR = "onnx"
FILES = {"onnx": "encoder.onnx", "onnx-int8": "encoder.int8.onnx"}
# Bump when the export or quantization settings change: every cached file is then rebuilt.
# 2: int8 weights in 7 bits (reduce_range), see quantize_int8.
FORMAT = 2
OPSET = 17
# Files a checkpoint's encoder does not depend on: a new model card must not trigger an export.
NOT_MODEL_FILES = {checkpoint.CHECKSUMS_NAME, "canary.json", "validation_metrics.json"}
# One ONNX protobuf holds at most 2 GiB; larger encoders would need external-data files.
MAX_EXPORT_BYTES = 1900 * 1024 * 1024


def cached_encoder_file(model: nn.Module, backend: str, prove: Optional[Callable[[], None]] = None) -> Path:
    """A valid ONNX file of ``model.encoder`` for ``backend`` ('onnx' or 'onnx-int8'): from the cache,
    or exported (and quantized) now. ``prove`` runs once before any export."""
    source = getattr(model, "checkpoint_dir", None)
    key = cache_key(source)
    beside = Path(source) / SUBDIR if source is not None else None
    if beside is not None and is_valid(beside / FILES[backend], key):
        return beside / FILES[backend]
    directory = beside if beside is not None and _writable(beside, source) else user_cache_dir() / key[:32]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"cannot create the ONNX export cache {directory} ({type(exc).__name__}); set "
                      f"{CACHE_ENV} to a writable directory") from None
    steps = [prove] if prove is not None else []
    with _locked(directory):
        return _ensure(model.encoder, backend, directory, key, steps)


def _ensure(encoder: nn.Module, backend: str, directory: Path, key: str, steps: list) -> Path:
    path = directory / FILES[backend]
    if is_valid(path, key):
        return path
    if path.exists() or _marker(path).exists():
        logger.warning("the cached ONNX encoder %s is stale or damaged; exporting it again", path)
    while steps:
        steps.pop()()  # the checkpoint proves itself before anything is written
    if backend == "onnx-int8":
        source = _ensure(encoder, "onnx", directory, key, steps)
        _publish(path, key, lambda tmp: quantize_int8(source, tmp))
    else:
        _publish(path, key, lambda tmp: export_encoder(encoder, tmp))
    return path


# -- the key and the markers ---------------------------------------------------------------------

def cache_key(source: Optional[os.PathLike]) -> str:
    """Hash of what the export depends on: the checkpoint's model files and the library versions."""
    import onnx
    import onnxruntime
    import transformers

    if source is None:
        raise ValueError("the ONNX backends need a model loaded from a checkpoint directory (from_pretrained)")
    payload = {
        "format": FORMAT, "opset": OPSET, "torch": torch.__version__, "transformers": transformers.__version__,
        "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__, "files": checkpoint_digests(Path(source)),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def checkpoint_digests(directory: Path) -> dict[str, str]:
    """SHA-256 of every file the model is built from (weights: as recorded in checksums.json,
    which loading has just verified, else hashed now)."""
    recorded = _recorded_checksums(directory)
    digests = {}
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if not path.is_file() or relative.parts[0] in (SUBDIR, ".cache") or path.suffix == ".md" \
                or str(relative) in NOT_MODEL_FILES or path.name.startswith("."):
            continue
        digests[relative.as_posix()] = recorded.get(relative.as_posix()) or checkpoint.file_sha256(path)
    return digests


def _recorded_checksums(directory: Path) -> dict[str, str]:
    """The weight files' recorded SHA-256 (the only entries ``checkpoint.load_state_dict`` verifies)."""
    try:
        recorded = json.loads((directory / checkpoint.CHECKSUMS_NAME).read_text(encoding="utf-8"))["files"]
        return {name: str(recorded[name]) for name in (checkpoint.WEIGHTS_NAME, checkpoint.LEGACY_WEIGHTS_NAME)
                if name in recorded}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def is_valid(path: Path, key: str) -> bool:
    """The file exists, was made for ``key``, and still matches the checksum recorded when it was written."""
    try:
        marker = json.loads(_marker(path).read_text(encoding="utf-8"))
        if marker.get("key") != key or path.stat().st_size != marker.get("bytes"):
            return False
    except (OSError, ValueError, AttributeError):
        return False
    return checkpoint.file_sha256(path) == marker.get("sha256")


def _publish(path: Path, key: str, write: Callable[[Path], None]) -> None:
    """``write`` a temporary file, then rename it into place and record its marker (temp + rename too)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    marker_tmp = tmp.with_name(tmp.name + ".json")
    try:
        _marker(path).unlink(missing_ok=True)
        write(tmp)
        marker = {"key": key, "sha256": checkpoint.file_sha256(tmp), "bytes": tmp.stat().st_size,
                  "file": path.name, "format": FORMAT}
        marker_tmp.write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        os.replace(marker_tmp, _marker(path))
    finally:
        tmp.unlink(missing_ok=True)
        marker_tmp.unlink(missing_ok=True)


# -- where ---------------------------------------------------------------------------------------

def user_cache_dir() -> Path:
    """``$PRESIDIO_GLINER2_CACHE/onnx``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, ``/presidio-gliner2/onnx``."""
    root = os.environ.get(CACHE_ENV, "").strip()
    if root:
        return Path(root).expanduser() / SUBDIR
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "presidio-gliner2" / SUBDIR


def _writable(beside: Path, source: os.PathLike) -> bool:
    if Path(source).resolve() == checkpoint.DEFAULT_MODEL_DIR.resolve():
        return False
    try:
        beside.mkdir(exist_ok=True)
    except OSError:
        return False
    return os.access(beside, os.W_OK)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """An exclusive lock on the cache directory (POSIX; elsewhere the rename alone keeps files whole)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(directory / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# -- export and quantization -----------------------------------------------------------------------

class _LastHiddenState(nn.Module):
    """The encoder with the two inputs and one output the ONNX graph has."""

    def __init__(self, encoder: nn.Module):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def export_encoder(encoder: nn.Module, path: Path) -> None:
    """Trace ``encoder`` into ``path`` with dynamic batch and sequence axes (fp32, CPU)."""
    size = sum(p.numel() * p.element_size() for p in encoder.parameters())
    if size > MAX_EXPORT_BYTES:
        raise ValueError(f"the encoder has {size / 2**30:.1f} GiB of weights, over the 2 GiB a single ONNX file holds; "
                         "use backend 'torch' or 'torch-int8'")
    logger.info("exporting the encoder to ONNX (once per checkpoint): %s", path.parent)
    vocab = int(encoder.config.vocab_size)
    # Two rows, the second padded: a trace without padding could drop the attention mask.
    input_ids = (torch.arange(32, dtype=torch.long).reshape(2, 16) % max(vocab - 5, 1)) + 5
    attention_mask = torch.ones_like(input_ids)
    attention_mask[1, 10:] = 0
    axes = {0: "batch", 1: "sequence"}
    # torch >= 2.9 defaults to the torch.export-based exporter; before 2.5 there is no such switch.
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
        # The tracer warns about shape-dependent Python branches in transformers' modelling code;
        # they depend on the model's config, not the input, and the tests check the export on other shapes.
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=UserWarning)
        torch.onnx.export(
            _LastHiddenState(encoder).eval(), (input_ids, attention_mask), str(path), **legacy,
            input_names=list(INPUT_NAMES), output_names=[OUTPUT_NAME], opset_version=OPSET,
            dynamic_axes={INPUT_NAMES[0]: axes, INPUT_NAMES[1]: axes, OUTPUT_NAME: axes}, do_constant_folding=True,
        )


def quantize_int8(source: Path, path: Path, keep_float: Optional[re.Pattern] = FLOAT_LAYER) -> None:
    """ONNX Runtime's dynamic quantization: int8 weights (per output channel) for the weight matmuls
    (the linear layers) but those ``keep_float`` names (see ``backends.FLOAT_LAYER``); activations
    are quantized per call. Attention's activation-by-activation matmuls, embeddings and layer
    norms stay fp32, where int8 would cost accuracy for little speed."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logger.info("quantizing the ONNX encoder to int8 (once per checkpoint): %s", path.parent)
    graph = onnx.load(str(source), load_external_data=False).graph
    excluded = [node.name for node in graph.node
                if node.op_type == "MatMul" and keep_float is not None and keep_float.search(node.name)]
    with _quiet_quantizer():
        # DefaultTensorType: ONNX shape inference cannot type the outputs of ONNX Runtime's fused
        # operators (com.microsoft domain); the encoder's tensors are all float.
        # reduce_range: 7-bit weights. On x86 CPUs without VNNI (AVX2 only, e.g. this project's AMD
        # EPYC CI machine), ONNX Runtime's u8 x s8 kernel adds pairs of products in 16 bits and
        # saturates; with full-range weights the bundled model flipped 23 of 372 span decisions
        # at 0.5 there against 10 with 7 bits (tests/test_backends.py's texts and labels).
        quantize_dynamic(str(source), str(path), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                         per_channel=True, reduce_range=True, nodes_to_exclude=excluded,
                         extra_options={"MatMulConstBOnly": True, "DefaultTensorType": onnx.TensorProto.FLOAT})


@contextlib.contextmanager
def _quiet_quantizer() -> Iterator[None]:
    # ORT's quantizer logs a "consider pre-processing" hint on the root logger at every call; the
    # shape-inference pre-processing it suggests brings nothing to dynamic quantization of matmuls.
    root = logging.getLogger()
    hint = _DropMessage("pre-processing before quantization")
    root.addFilter(hint)
    try:
        yield
    finally:
        root.removeFilter(hint)


class _DropMessage(logging.Filter):
    def __init__(self, part: str):
        super().__init__()
        self.part = part

    def filter(self, record: logging.LogRecord) -> bool:
        return self.part not in record.getMessage()
