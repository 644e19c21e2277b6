"""Checkpoints on disk: where one is ("default", a directory or a hub id), and what it holds.

The published layout is ``config.json``, ``encoder_config/``, tokenizer files and
``model.safetensors`` (or a legacy ``pytorch_model.bin``). Hub ids resolve through
``huggingface_hub``, so ``HF_HUB_OFFLINE`` and the local cache apply. Remote code never
runs, and a pickle is only ever loaded with ``weights_only=True``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import warnings
from pathlib import Path
from typing import Any, Optional, Union

import torch
from torch import nn

import presidio_gliner2.resources as resources
from presidio_gliner2.engine.config import ENCODER_CONFIG_DIR

WEIGHTS_NAME = "model.safetensors"
LEGACY_WEIGHTS_NAME = "pytorch_model.bin"
HUB_OPTIONS = frozenset({"cache_dir", "force_download", "local_files_only", "token", "revision", "subfolder", "proxies"})
DEFAULT_MODEL_NAME = "default"
DEFAULT_MODEL_DIR = resources.shipped_dir("model") / DEFAULT_MODEL_NAME
CHECKSUMS_NAME = "checksums.json"  # SHA-256 of the weight files, written by save_state_dict
CHECKPOINT_PATTERNS = ["*.json", "*.safetensors", "*.bin", "*.model", "*.txt", "encoder_config/*"]


def check_hub_options(hub_options: dict[str, Any]) -> None:
    unknown = set(hub_options) - HUB_OPTIONS
    if unknown:
        raise TypeError(f"Unknown from_pretrained options {sorted(unknown)}; hub options are {sorted(HUB_OPTIONS)}")


def resolve_checkpoint_dir(name_or_path: Union[str, os.PathLike], **hub_options: Any) -> Path:
    """A local directory as is; otherwise a hub id, downloaded or found in the HF cache."""
    subfolder = hub_options.pop("subfolder", None)
    if str(name_or_path) == DEFAULT_MODEL_NAME:
        if not (DEFAULT_MODEL_DIR / "config.json").is_file():
            raise FileNotFoundError(
                f"The bundled model is not installed at {DEFAULT_MODEL_DIR}; reinstall presidio-gliner2 "
                "or pass a checkpoint directory"
            )
        return DEFAULT_MODEL_DIR
    path = Path(name_or_path)
    if path.is_dir():
        return path / subfolder if subfolder else path
    if path.exists():
        raise ValueError(f"{name_or_path} is a file; a GLiNER2 checkpoint is a directory")
    if str(name_or_path).startswith((".", "/", "~")) or str(name_or_path).count("/") != 1:
        raise FileNotFoundError(f"No checkpoint directory at {name_or_path!r} (and it is not a hub id like 'org/name')")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        root = Path(snapshot_download(repo_id=str(name_or_path), allow_patterns=CHECKPOINT_PATTERNS, **hub_options))
    except LocalEntryNotFoundError as exc:
        raise FileNotFoundError(
            f"Checkpoint {name_or_path!r} is not in the local Hugging Face cache and cannot be downloaded "
            f"(offline or unreachable). Copy it to a directory and pass that path instead. ({exc.__class__.__name__})"
        ) from None
    return root / subfolder if subfolder else root


def load_encoder_config(directory: Path):
    from transformers import AutoConfig

    encoder_dir = directory / ENCODER_CONFIG_DIR
    if not (encoder_dir / "config.json").is_file():
        raise FileNotFoundError(f"{directory} has no {ENCODER_CONFIG_DIR}/config.json: not a GLiNER2 checkpoint")
    return AutoConfig.from_pretrained(str(encoder_dir))


def load_tokenizer(directory: Union[str, Path], encoder_config=None):
    from transformers import AutoTokenizer

    # Passing the encoder's config keeps transformers from reading our config.json
    # (model_type "extractor", which it does not know).
    options = {"config": encoder_config} if encoder_config is not None else {}
    try:
        return AutoTokenizer.from_pretrained(str(directory), **options)
    except AttributeError as exc:
        # transformers 5 reads a list-valued ``extra_special_tokens`` (written by
        # older versions) as a mapping; the 10 tokens are re-added anyway.
        if "'list' object has no attribute 'keys'" not in str(exc):
            raise
        return AutoTokenizer.from_pretrained(str(directory), extra_special_tokens={}, **options)


def load_state_dict(directory: Path) -> dict[str, torch.Tensor]:
    """Safetensors first; the legacy pickle only with ``weights_only=True``. Weight files listed in
    ``checksums.json`` must match it (``ModelIntegrityError`` otherwise)."""
    safetensors_path = directory / WEIGHTS_NAME
    if safetensors_path.is_file():
        from safetensors.torch import load_file

        verify_checksums(directory, [WEIGHTS_NAME])
        return load_file(str(safetensors_path))
    legacy_path = directory / LEGACY_WEIGHTS_NAME
    if legacy_path.is_file():
        verify_checksums(directory, [LEGACY_WEIGHTS_NAME])
        return torch.load(str(legacy_path), map_location="cpu", weights_only=True)
    raise FileNotFoundError(f"{directory} holds neither {WEIGHTS_NAME} nor {LEGACY_WEIGHTS_NAME}")


def save_state_dict(state_dict: dict[str, torch.Tensor], directory: Path, dtype: Optional[torch.dtype] = None) -> None:
    """Write ``model.safetensors``; ``dtype`` casts floating-point tensors (e.g. float16 halves the file)."""
    from safetensors.torch import save_file

    state = {
        key: (value.to(dtype) if dtype is not None and value.is_floating_point() else value).detach().contiguous().cpu()
        for key, value in state_dict.items()
    }
    save_file(state, str(directory / WEIGHTS_NAME))
    write_checksums(directory, [WEIGHTS_NAME])


class ModelIntegrityError(RuntimeError):
    """The model's files are not the ones it was saved with, or it fails its canary: it must not serve."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(directory: Path, names: list[str]) -> None:
    """Record the SHA-256 of weight files in ``checksums.json`` (what ``verify_checksums`` checks)."""
    payload = {"algorithm": "sha256", "files": {name: file_sha256(directory / name) for name in names}}
    (directory / CHECKSUMS_NAME).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def verify_checksums(directory: Path, names: list[str]) -> None:
    """Raise ModelIntegrityError when a file in ``names`` differs from its recorded checksum. A
    checkpoint without ``checksums.json`` (the reference's, older ones) is not checked."""
    path = directory / CHECKSUMS_NAME
    if not path.is_file():
        return
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        raise ModelIntegrityError(f"{path} is not a checksum file; re-save the model") from None
    for name in names:
        if name in recorded and file_sha256(directory / name) != recorded[name]:
            raise ModelIntegrityError(
                f"{directory / name} does not match the checksum recorded when the model was saved: the file "
                "is damaged or was replaced. Reinstall presidio-gliner2 or re-export the model.")


@contextlib.contextmanager
def _quiet_jit_warning():
    # Some encoders' modelling code warns about ``torch.jit.script`` at import time.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"`torch\.jit\.script`", category=FutureWarning)
        yield


def build_encoder(encoder_config, attn_implementation: str) -> nn.Module:
    """A randomly initialised encoder from its config (weights come from the checkpoint)."""
    from transformers import AutoModel

    with _quiet_jit_warning():
        try:
            encoder = AutoModel.from_config(encoder_config, attn_implementation=attn_implementation)
        except (TypeError, ValueError, ImportError):
            # DeBERTa-v2/v3 have no SDPA path; eager attention is numerically the same.
            encoder = AutoModel.from_config(encoder_config, attn_implementation="eager")
    return encoder.float()


def load_pretrained_encoder(directory: Union[str, Path]) -> nn.Module:
    """A pretrained Hugging Face encoder (to fine-tune new heads on)."""
    from transformers import AutoModel

    with _quiet_jit_warning():
        return AutoModel.from_pretrained(str(directory)).float()


def skip_weight_init():
    """A context in which new modules skip random init (a strict load overwrites every parameter)."""
    try:
        from transformers.initialization import no_init_weights
    except ImportError:  # transformers 4.x
        try:
            from transformers.modeling_utils import no_init_weights
        except ImportError:
            return contextlib.nullcontext()
    return no_init_weights()


def fit_vocabulary(encoder: nn.Module, state_dict: dict[str, torch.Tensor]) -> None:
    """Match the encoder's embedding rows to the checkpoint's before a strict load."""
    keys = [k for k in state_dict if k.startswith("encoder.") and k.endswith("word_embeddings.weight")]
    if len(keys) != 1:
        return
    saved = state_dict[keys[0]]
    current = encoder.get_input_embeddings().weight
    if saved.shape[0] > current.shape[0]:
        encoder.resize_token_embeddings(saved.shape[0], mean_resizing=False)
    elif saved.shape[0] < current.shape[0] and saved.shape[1] == current.shape[1]:
        padded = current.detach().clone()
        padded[: saved.shape[0]] = saved
        state_dict[keys[0]] = padded
