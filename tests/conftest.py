"""Shared fixtures: random-head span checkpoints built once, models loaded once, one server.

* ``HF_HUB_OFFLINE=1`` for the whole session: nothing may touch the network.
* torch threads: ``PRESIDIO_GLINER2_TEST_THREADS`` if set; otherwise one thread when the machine is
  already busy at session start (1-minute load average above half the cores), where intra-op
  threads oversubscribe and run up to 10x slower, and torch's default on an idle machine.
* Checkpoints (``tests/support/models.py``: MiniLM and tiny DeBERTa x ``count_lstm``/``count_lstm_v2``) are built
  with the reference library into a session temp dir. Set ``PRESIDIO_GLINER2_TEST_CHECKPOINT_CACHE``
  to a directory to reuse builds across sessions (keyed by a hash of the fixture sources and
  library versions).
* ``server``: one real ``presidio-gliner2 serve`` process on a loopback port for the session,
  serving the bundled model, or the MiniLM random-head checkpoint where the bundled model is
  missing (``tests/support/server.py``).

Support code (builders, the battery, comparators, the server process) lives in ``tests/support/``;
test modules import from there, never from each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest  # noqa: E402
import torch  # noqa: E402

from tests.support.models import CHECKPOINT_IDS, HAS_DEFAULT, CheckpointStore, ModelStore  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402


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


@pytest.fixture(scope="session")
def server(request) -> Iterator[ServerProcess]:
    """The session's REST server (started on first use, stopped at the end of the session)."""
    model = None if HAS_DEFAULT else str(request.getfixturevalue("minilm_dir"))
    process = ServerProcess(model)
    yield process
    process.stop()
