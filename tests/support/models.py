"""Checkpoints and models the session shares, and the marker for checks that need the bundled model.

``CheckpointStore`` builds each random-head checkpoint at most once per session (optionally into
``PRESIDIO_GLINER2_TEST_CHECKPOINT_CACHE``, keyed by a hash of the builder and library versions);
``ModelStore`` loads each one once per implementation, ours or the reference. The fixtures in
``tests/conftest.py`` hand them out.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.support import checkpoints as checkpoint_builder

CHECKPOINTS = [
    ("minilm", "count_lstm"),
    ("minilm", "count_lstm_v2"),
    ("tiny-deberta", "count_lstm"),
    ("tiny-deberta", "count_lstm_v2"),
]
CHECKPOINT_IDS = [f"{enc}-{layer}" for enc, layer in CHECKPOINTS]
CHECKPOINT_SPECS = dict(zip(CHECKPOINT_IDS, CHECKPOINTS))

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "presidio_gliner2" / "models" / "default"
HAS_DEFAULT = (DEFAULT_MODEL_DIR / "config.json").is_file()
needs_default = pytest.mark.skipif(
    not HAS_DEFAULT, reason="content check needs the bundled model "
    "(presidio_gliner2/models/default/config.json is missing; `make model` builds it)")


def _build_key() -> str:
    import gliner2
    import torch
    import transformers

    digest = hashlib.sha256()
    for path in (Path(checkpoint_builder.__file__), checkpoint_builder.SPM_DIR / "spm.model"):
        digest.update(path.read_bytes())
    digest.update(f"{gliner2.__version__}|{transformers.__version__}|{torch.__version__}".encode())
    return digest.hexdigest()[:16]


class CheckpointStore:
    """Builds each (encoder, counting_layer) checkpoint at most once per session."""

    def __init__(self, root: Path):
        self.root = root
        self.cache = os.environ.get("PRESIDIO_GLINER2_TEST_CHECKPOINT_CACHE")
        self._dirs: dict[str, Path] = {}

    def path(self, key: str) -> Path:
        if key not in self._dirs:
            encoder, counting_layer = CHECKPOINT_SPECS[key]
            out = self.root / key
            if self.cache:
                cached = Path(self.cache) / _build_key() / key
                if not (cached / "model.safetensors").is_file():
                    tmp = cached.with_name(key + ".tmp")
                    shutil.rmtree(tmp, ignore_errors=True)
                    checkpoint_builder.build_reference_checkpoint(tmp, encoder, counting_layer, seed=0)
                    tmp.rename(cached)
                out = cached
            else:
                checkpoint_builder.build_reference_checkpoint(out, encoder, counting_layer, seed=0)
            self._dirs[key] = out
        return self._dirs[key]


class ModelStore:
    """Loads each checkpoint once per implementation ("ours" or "ref")."""

    def __init__(self, checkpoints: CheckpointStore):
        self.checkpoints = checkpoints
        self._models: dict[tuple[str, str], object] = {}

    def get(self, impl: str, key: str):
        if (impl, key) not in self._models:
            self._models[(impl, key)] = load(impl, self.checkpoints.path(key))
        return self._models[(impl, key)]


def ours_class():
    from presidio_gliner2 import GLiNER2

    return GLiNER2


def ref_class():
    from gliner2 import GLiNER2

    return GLiNER2


def load(impl: str, path, **kwargs):
    """A fresh load of ``path`` by ours ("ours") or the reference ("ref")."""
    cls = ours_class() if impl == "ours" else ref_class()
    return cls.from_pretrained(str(path), **kwargs)
