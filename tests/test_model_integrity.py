"""A damaged model fails at load instead of serving "no PII" (issue 11, critical 3).

The bundled model is copied and its safetensors data zeroed or randomised with the header intact,
so the file still loads as tensors of the right shapes; before the canary, the recognizer loaded
it, the server answered /health and only regex findings came back.
"""

from __future__ import annotations

import os
import shutil
import struct

import pytest

from presidio_gliner2 import resources
from presidio_gliner2.engine.canary import CANARY_FILE, DEFAULT_CANARY, ModelIntegrityError, read_canary, verify_canary

pytestmark = pytest.mark.skipif("default" not in resources.names("model"), reason="needs the bundled model")


def _damaged_copy(tmp_path, how: str, keep_checksums: bool = False):
    """The bundled model with its weight data zeroed or randomised; without its checksum file unless
    asked, so that the canary is what must catch it (as for a model saved before checksums)."""
    source = resources.resolve("model", "default")
    target = tmp_path / f"model-{how}-{keep_checksums}"
    shutil.copytree(source, target)
    if not keep_checksums:
        (target / "checksums.json").unlink(missing_ok=True)
    weights = target / "model.safetensors"
    raw = bytearray(weights.read_bytes())
    data_start = 8 + struct.unpack("<Q", bytes(raw[:8]))[0]  # safetensors: u64 header length, JSON header, data
    size = len(raw) - data_start
    raw[data_start:] = bytes(size) if how == "zeroed" else os.urandom(size)
    weights.write_bytes(bytes(raw))
    return target


@pytest.mark.parametrize("how", ["zeroed", "randomised"])
def test_recognizer_refuses_a_damaged_model(tmp_path, how):
    from presidio_gliner2 import GLiNER2Recognizer
    from presidio_gliner2.plugin.model_cache import ModelLoadError

    damaged = str(_damaged_copy(tmp_path, how))
    with pytest.raises(ModelLoadError, match="failed its canary") as caught:  # Presidio loads in __init__
        GLiNER2Recognizer(model=damaged, entities="healthcare")
    assert "Maria" not in str(caught.value) and "123-45-6789" not in str(caught.value)


def test_server_does_not_start_on_a_damaged_model(tmp_path):
    from presidio_gliner2.plugin.model_cache import ModelLoadError
    from presidio_gliner2.server import Settings, create_app

    with pytest.raises(ModelLoadError, match="canary"):
        create_app(Settings(model=str(_damaged_copy(tmp_path, "zeroed")), extra_configs=()))


def test_the_bundled_model_ships_its_canary_and_passes_it():
    from presidio_gliner2.engine.api import GLiNER2

    directory = resources.resolve("model", "default")
    assert read_canary(directory) == DEFAULT_CANARY
    verify_canary(GLiNER2.from_pretrained("default").eval(), directory)  # raises if it fails


def test_a_checkpoint_without_a_canary_is_not_checked(tmp_path, minilm_dir):
    from presidio_gliner2.engine.api import GLiNER2

    assert not (minilm_dir / CANARY_FILE).exists()
    verify_canary(GLiNER2.from_pretrained(minilm_dir).eval(), minilm_dir)  # random heads: would fail a canary


def test_a_malformed_canary_file_is_an_error(tmp_path):
    (tmp_path / CANARY_FILE).write_text('{"text": "abc", "spans": [{"label": "x", "start": 2, "end": 9}]}')
    with pytest.raises(ValueError, match="inside its text"):
        read_canary(tmp_path)
    with pytest.raises(ModelIntegrityError):
        raise ModelIntegrityError("a type callers can catch")


# --- weight checksums: recorded at save, verified at load ---

def test_save_records_checksums_and_a_changed_weight_file_fails_to_load(tmp_path, minilm_dir):
    from presidio_gliner2.engine.api import GLiNER2
    from presidio_gliner2.engine.checkpoint import CHECKSUMS_NAME

    saved = tmp_path / "saved"
    GLiNER2.from_pretrained(minilm_dir).save_pretrained(saved)
    assert (saved / CHECKSUMS_NAME).is_file()
    GLiNER2.from_pretrained(saved)  # intact: loads
    weights = saved / "model.safetensors"
    raw = bytearray(weights.read_bytes())
    raw[-1] ^= 0xFF  # one byte of one weight
    weights.write_bytes(bytes(raw))
    with pytest.raises(ModelIntegrityError, match="does not match the checksum"):
        GLiNER2.from_pretrained(saved)


def test_a_damaged_bundled_model_fails_on_its_checksum_before_its_canary(tmp_path):
    from presidio_gliner2.engine.api import GLiNER2
    from presidio_gliner2.engine.checkpoint import CHECKSUMS_NAME

    damaged = _damaged_copy(tmp_path, "zeroed", keep_checksums=True)
    assert (damaged / CHECKSUMS_NAME).is_file(), "the bundled model ships its checksums"
    with pytest.raises(ModelIntegrityError, match="checksum"):
        GLiNER2.from_pretrained(damaged)
