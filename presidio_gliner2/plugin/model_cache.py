"""One loaded GLiNER2 model per (source, device, backend) per process.

Presidio builds one recognizer instance per language, and deployments often build several
recognizers (one per pack) on the same model: they all share what ``get_model`` returns.
A shared model's window settings are set per call under its lock (``model_lock``), because
each recognizer may want its own.
"""

from __future__ import annotations

import os
import threading
import traceback
from pathlib import Path
from typing import Any, Optional

BACKEND_ENV = "PRESIDIO_GLINER2_BACKEND"
_MODELS: dict[tuple[str, str, str], Any] = {}
_LOCKS: dict[int, threading.RLock] = {}
_CACHE_LOCK = threading.Lock()


class ModelLoadError(RuntimeError):
    """The model could not be loaded; the recognizer that asked for it is not usable."""


class InferenceError(RuntimeError):
    """A model pass failed (a tokenizer or torch error, or any other exception inside it).

    Its message names the failing exception's type and where it was raised, never its message:
    a tokenizer's message can quote the text. The cause is not chained for the same reason (a
    logged traceback would print it). Faces answer it as a server error (500, exit 1), not as
    a client mistake.
    """

    @classmethod
    def from_exception(cls, exc: BaseException, who: str, texts: int) -> "InferenceError":
        frames = traceback.extract_tb(exc.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        return cls(f"{who}: the model pass failed ({type(exc).__name__}{where}) on {texts} text(s)")


def resolve_device(device: Optional[str] = None) -> str:
    """``device``, else ``$PRESIDIO_DEVICE`` (Presidio's variable), else cuda when available, else cpu."""
    if device:
        return str(device)
    if os.environ.get("PRESIDIO_DEVICE"):
        return os.environ["PRESIDIO_DEVICE"]
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def resolve_backend(backend: Optional[str] = None) -> str:
    """``backend``, else ``$PRESIDIO_GLINER2_BACKEND``, else ``"torch"``; ValueError for an unknown name.

    Precedence, as every face sees it: an explicit argument (``GLiNER2Recognizer(backend=...)``,
    ``build_analyzer(..., backend=...)``, ``--backend``) > the recognizer's YAML entry > the
    environment variable > ``"torch"``."""
    from presidio_gliner2.engine.backends import DEFAULT_BACKEND, check_backend

    if backend is not None:
        return check_backend(backend)
    if os.environ.get(BACKEND_ENV, "").strip():
        return check_backend(os.environ[BACKEND_ENV], f"environment variable {BACKEND_ENV}")
    return DEFAULT_BACKEND


def model_key(source: str, device: str, backend: str = "torch") -> tuple[str, str, str]:
    path = Path(source).expanduser()
    # A directory is keyed by its real path, so "./m" and "/abs/m" share one model.
    return (str(path.resolve()) if path.is_dir() else source, device, backend)


def get_model(source: str, device: Optional[str] = None, backend: Optional[str] = None):
    """The shared model for ``source`` ('default', a checkpoint directory or a hub id) on ``device``,
    its encoder on ``backend`` (see ``resolve_backend``)."""
    device = resolve_device(device)
    backend = resolve_backend(backend)
    key = model_key(source, device, backend)
    with _CACHE_LOCK:
        model = _MODELS.get(key)
        if model is not None:
            return model
        from presidio_gliner2.engine.api import GLiNER2
        from presidio_gliner2.engine.canary import verify_canary
        from presidio_gliner2.engine.checkpoint import resolve_checkpoint_dir

        try:
            model = GLiNER2.from_pretrained(source, map_location=device, backend=backend)
            model.eval()
            # A damaged model still loads; it must also find its canary's identifiers before it
            # serves (on its backend too: an int8 or exported encoder must still find them).
            verify_canary(model, resolve_checkpoint_dir(source))
        except Exception as exc:  # fail closed: say which model and where, keep the cause
            raise ModelLoadError(f"Could not load GLiNER2 model {source!r} on device {device!r} with backend "
                                 f"{backend!r}: {type(exc).__name__}: {exc}") from exc
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
