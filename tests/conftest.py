"""Session fixtures: random-head span checkpoints built once, and models loaded once.

* ``HF_HUB_OFFLINE=1`` for the whole session: nothing may touch the network.
* torch threads: ``PRESIDIO_GLINER2_TEST_THREADS`` if set; otherwise one thread when the machine is
  already busy at session start (1-minute load average above half the cores), where intra-op
  threads oversubscribe and run up to 10x slower, and torch's default on an idle machine.
* Checkpoints (``CHECKPOINTS``: MiniLM and tiny DeBERTa x ``count_lstm``/``count_lstm_v2``) are built
  with the reference library into a session temp dir. Set ``PRESIDIO_GLINER2_TEST_CHECKPOINT_CACHE``
  to a directory to reuse builds across sessions (keyed by a hash of the fixture sources and
  library versions).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest  # noqa: E402
import torch  # noqa: E402

from tests.fixtures.checkpoints import FIXTURES_DIR, build_reference_checkpoint  # noqa: E402

def _test_threads() -> int | None:
    if os.environ.get("PRESIDIO_GLINER2_TEST_THREADS"):
        return int(os.environ["PRESIDIO_GLINER2_TEST_THREADS"])
    try:
        busy = os.getloadavg()[0] > (os.cpu_count() or 1) / 2
    except OSError:
        busy = False
    return 1 if busy else None


if _test_threads():
    torch.set_num_threads(_test_threads())

CHECKPOINTS = [
    ("minilm", "count_lstm"),
    ("minilm", "count_lstm_v2"),
    ("tiny-deberta", "count_lstm"),
    ("tiny-deberta", "count_lstm_v2"),
]
CHECKPOINT_IDS = [f"{enc}-{layer}" for enc, layer in CHECKPOINTS]
CHECKPOINT_SPECS = dict(zip(CHECKPOINT_IDS, CHECKPOINTS))


def _build_key() -> str:
    import gliner2
    import transformers

    digest = hashlib.sha256()
    for path in (FIXTURES_DIR / "checkpoints.py", FIXTURES_DIR / "spm" / "spm.model"):
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
                    build_reference_checkpoint(tmp, encoder, counting_layer, seed=0)
                    tmp.rename(cached)
                out = cached
            else:
                build_reference_checkpoint(out, encoder, counting_layer, seed=0)
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
    cls = ours_class() if impl == "ours" else ref_class()
    return cls.from_pretrained(str(path), **kwargs)


@pytest.fixture(scope="session")
def checkpoints(tmp_path_factory) -> CheckpointStore:
    return CheckpointStore(tmp_path_factory.mktemp("checkpoints"))


@pytest.fixture(scope="session")
def models(checkpoints) -> ModelStore:
    return ModelStore(checkpoints)


@pytest.fixture(scope="session", params=CHECKPOINT_IDS)
def ckpt_key(request) -> str:
    """Each test using this runs once per checkpoint kind."""
    return request.param


@pytest.fixture(scope="session")
def ckpt_dir(checkpoints, ckpt_key) -> Path:
    return checkpoints.path(ckpt_key)


@pytest.fixture(scope="session")
def ours(models, ckpt_key):
    return models.get("ours", ckpt_key)


@pytest.fixture(scope="session")
def ref(models, ckpt_key):
    return models.get("ref", ckpt_key)


@pytest.fixture(scope="session")
def minilm_dir(checkpoints) -> Path:
    return checkpoints.path("minilm-count_lstm")


@pytest.fixture(scope="session")
def minilm_ours(models):
    return models.get("ours", "minilm-count_lstm")


@pytest.fixture(scope="session")
def minilm_ref(models):
    return models.get("ref", "minilm-count_lstm")
