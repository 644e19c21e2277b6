"""One loaded GLiNER2 model per (source, device) per process.

Presidio builds one recognizer instance per language, and deployments often build several
recognizers (one per pack) on the same model: they all share what ``get_model`` returns.
A shared model's window settings are set per call under its lock (``model_lock``), because
each recognizer may want its own.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Optional

_MODELS: dict[tuple[str, str], Any] = {}
_LOCKS: dict[int, threading.RLock] = {}
_CACHE_LOCK = threading.Lock()


class ModelLoadError(RuntimeError):
    """The model could not be loaded; the recognizer that asked for it is not usable."""


def resolve_device(device: Optional[str] = None) -> str:
    """``device``, else ``$PRESIDIO_DEVICE`` (Presidio's variable), else cuda when available, else cpu."""
    if device:
        return str(device)
    if os.environ.get("PRESIDIO_DEVICE"):
        return os.environ["PRESIDIO_DEVICE"]
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def model_key(source: str, device: str) -> tuple[str, str]:
    path = Path(source).expanduser()
    # A directory is keyed by its real path, so "./m" and "/abs/m" share one model.
    return (str(path.resolve()) if path.is_dir() else source, device)


def get_model(source: str, device: Optional[str] = None):
    """The shared model for ``source`` ('default', a checkpoint directory or a hub id) on ``device``."""
    device = resolve_device(device)
    key = model_key(source, device)
    with _CACHE_LOCK:
        model = _MODELS.get(key)
        if model is not None:
            return model
        from presidio_gliner2.engine.api import GLiNER2
        from presidio_gliner2.engine.canary import verify_canary
        from presidio_gliner2.engine.checkpoint import resolve_checkpoint_dir

        try:
            model = GLiNER2.from_pretrained(source, map_location=device)
            model.eval()
            # A damaged model still loads; it must also find its canary's identifiers before it serves.
            verify_canary(model, resolve_checkpoint_dir(source))
        except Exception as exc:  # fail closed: say which model and where, keep the cause
            raise ModelLoadError(f"Could not load GLiNER2 model {source!r} on device {device!r}: "
                                 f"{type(exc).__name__}: {exc}") from exc
        _MODELS[key] = model
        _LOCKS[id(model)] = threading.RLock()
        return model


def model_lock(model) -> threading.RLock:
    with _CACHE_LOCK:
        return _LOCKS.setdefault(id(model), threading.RLock())


def clear_model_cache() -> None:
    """Forget every loaded model (tests; freeing memory in long-lived processes)."""
    with _CACHE_LOCK:
        _MODELS.clear()
        _LOCKS.clear()
