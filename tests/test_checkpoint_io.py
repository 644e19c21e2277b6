"""Checkpoint files: round trips with the reference, legacy layouts, strict loading, hub ids offline."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from tests.support.battery import COMPOSED_RELATION_DESCRIPTIONS, TEXTS, composed_schema
from tests.support.helpers import assert_same, clip_reference, fix_reference_relation_keys
from tests.support.models import load

SPECIAL_TOKENS = ["[SEP_STRUCT]", "[SEP_TEXT]", "[P]", "[C]", "[E]", "[R]", "[L]", "[EXAMPLE]", "[OUTPUT]", "[DESCRIPTION]"]
PROBE_TEXTS = [TEXTS[i] for i in (2, 4, 6, 14, 16)]
ROUND_TRIP_KEYS = ["minilm-count_lstm", "tiny-deberta-count_lstm_v2"]
FLAGS = {"include_confidence": True, "include_spans": True, "threshold": 0.4}


def outputs(model) -> list:
    """Every task kind, offsets and confidences on a few texts: enough to tell two loads apart."""
    return model.batch_extract(PROBE_TEXTS, composed_schema(model), batch_size=8, **FLAGS)


def assert_same_outputs(ours_model, ref_model, context: str) -> None:
    for text, got, want in zip(PROBE_TEXTS, outputs(ours_model), outputs(ref_model)):
        want = clip_reference(fix_reference_relation_keys(want, COMPOSED_RELATION_DESCRIPTIONS), text)
        assert_same(got, want, context=f"{context}: {text!r}")


def copy_checkpoint(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def special_ids(model) -> list[int]:
    tokenizer = model.tokenizer if hasattr(model, "tokenizer") else model.processor.tokenizer
    return tokenizer.convert_tokens_to_ids(SPECIAL_TOKENS)


# -- round trips ----------------------------------------------------------------------------

@pytest.mark.parametrize("key", ROUND_TRIP_KEYS)
def test_saved_by_us_loads_in_reference(checkpoints, models, tmp_path, key):
    ours = models.get("ours", key)
    ours.save_pretrained(tmp_path / "ours-saved")
    saved = tmp_path / "ours-saved"
    assert (saved / "config.json").is_file() and (saved / "encoder_config" / "config.json").is_file()
    assert (saved / "model.safetensors").is_file()
    original = load_file(str(checkpoints.path(key) / "model.safetensors"))
    written = load_file(str(saved / "model.safetensors"))
    assert sorted(written) == sorted(original)
    for name, tensor in original.items():
        assert written[name].dtype == torch.float32 and torch.equal(written[name], tensor), name
    ref_from_ours = load("ref", saved)
    assert special_ids(ref_from_ours) == special_ids(models.get("ref", key))
    assert_same_outputs(ours, ref_from_ours, f"{key}: reference loading our save")


@pytest.mark.parametrize("key", ROUND_TRIP_KEYS)
def test_saved_by_reference_loads_in_ours(checkpoints, models, key):
    """The fixture checkpoints are reference saves; ours holds exactly their weights."""
    ours = models.get("ours", key)
    stored = load_file(str(checkpoints.path(key) / "model.safetensors"))
    state = ours.state_dict()
    assert sorted(state) == sorted(stored)
    for name, tensor in stored.items():
        assert torch.equal(state[name].float().cpu(), tensor), name
    assert special_ids(ours) == special_ids(models.get("ref", key))
    assert_same_outputs(ours, models.get("ref", key), key)


# -- legacy layouts -------------------------------------------------------------------------

LEGACY_KEYS = ("counting_layer", "max_width", "model_name", "model_type", "token_pooling")


@pytest.mark.parametrize("key", ["tiny-deberta-count_lstm_v2", "tiny-deberta-count_lstm"])
def test_legacy_five_key_config(checkpoints, models, tmp_path, key):
    """Public checkpoints ship a ~5-key config.json (no architecture, span_head, config_version)."""
    ckpt = copy_checkpoint(checkpoints.path(key), tmp_path / "legacy")
    config = json.loads((ckpt / "config.json").read_text())
    (ckpt / "config.json").write_text(json.dumps({k: config[k] for k in LEGACY_KEYS}))
    assert_same_outputs(load("ours", ckpt), load("ref", ckpt), f"{key} legacy config")


def test_legacy_config_without_counting_layer_means_count_lstm(checkpoints, tmp_path):
    ckpt = copy_checkpoint(checkpoints.path("tiny-deberta-count_lstm"), tmp_path / "legacy")
    config = json.loads((ckpt / "config.json").read_text())
    (ckpt / "config.json").write_text(json.dumps({k: config[k] for k in LEGACY_KEYS if k != "counting_layer"}))
    assert_same_outputs(load("ours", ckpt), load("ref", ckpt), "no counting_layer")


def test_pytorch_model_bin_fallback(checkpoints, models, tmp_path):
    key = "tiny-deberta-count_lstm_v2"
    ckpt = copy_checkpoint(checkpoints.path(key), tmp_path / "bin")
    state = load_file(str(ckpt / "model.safetensors"))
    (ckpt / "model.safetensors").unlink()
    torch.save(state, ckpt / "pytorch_model.bin")
    assert_same_outputs(load("ours", ckpt), models.get("ref", key), "pytorch_model.bin")


def _old_style_tokenizer_files(ckpt: Path, drop_tokenizer_json: bool = False) -> None:
    """Rewrite transformers-5 tokenizer metadata (an ``extra_special_tokens`` list) the way older
    transformers wrote it: ``additional_special_tokens`` + ``added_tokens_decoder`` in
    tokenizer_config.json, special_tokens_map.json and added_tokens.json."""
    config = json.loads((ckpt / "tokenizer_config.json").read_text())
    added = json.loads((ckpt / "tokenizer.json").read_text())["added_tokens"]
    ids = {t["content"]: t["id"] for t in added}
    assert all(token in ids for token in SPECIAL_TOKENS)
    config.pop("extra_special_tokens")
    config["additional_special_tokens"] = SPECIAL_TOKENS
    config["added_tokens_decoder"] = {
        str(t["id"]): {k: t[k] for k in ("content", "lstrip", "normalized", "rstrip", "single_word", "special")}
        for t in added
    }
    (ckpt / "tokenizer_config.json").write_text(json.dumps(config, indent=2))
    special_map = {k: config[k] for k in ("cls_token", "sep_token", "pad_token", "unk_token", "mask_token") if k in config}
    special_map["additional_special_tokens"] = SPECIAL_TOKENS
    (ckpt / "special_tokens_map.json").write_text(json.dumps(special_map, indent=2))
    first_new = min(ids[t] for t in SPECIAL_TOKENS)  # tokens beyond the base vocabulary
    beyond = {content: i for content, i in ids.items() if i >= first_new}
    if config.get("tokenizer_class") == "DebertaV2Tokenizer":
        beyond = {"[MASK]": ids["[MASK]"], **beyond}  # DeBERTa-v3 appends [MASK] after the spm pieces
    (ckpt / "added_tokens.json").write_text(json.dumps(beyond, indent=2))
    if drop_tokenizer_json:
        from tests.support.checkpoints import spm_dir

        (ckpt / "tokenizer.json").unlink()
        shutil.copy(spm_dir() / "spm.model", ckpt / "spm.model")


@pytest.mark.parametrize("key", ["minilm-count_lstm", "tiny-deberta-count_lstm"])
def test_old_style_tokenizer_metadata(checkpoints, models, tmp_path, key):
    """Both metadata styles for the 10 special tokens give the same ids and outputs."""
    ckpt = copy_checkpoint(checkpoints.path(key), tmp_path / "old-style")
    _old_style_tokenizer_files(ckpt)
    assert "extra_special_tokens" not in (ckpt / "tokenizer_config.json").read_text()
    ours_old = load("ours", ckpt)
    assert special_ids(ours_old) == special_ids(models.get("ours", key))
    assert_same_outputs(ours_old, models.get("ref", key), f"{key} old-style tokenizer files")


def test_spm_model_without_tokenizer_json(checkpoints, models, tmp_path):
    """Like the public DeBERTa-v3 checkpoints: spm.model + added_tokens.json, no tokenizer.json."""
    key = "tiny-deberta-count_lstm"
    ckpt = copy_checkpoint(checkpoints.path(key), tmp_path / "spm-only")
    _old_style_tokenizer_files(ckpt, drop_tokenizer_json=True)
    ours_spm = load("ours", ckpt)
    assert special_ids(ours_spm) == special_ids(models.get("ours", key))
    assert_same_outputs(ours_spm, models.get("ref", key), "spm.model only")


# -- strict loading -------------------------------------------------------------------------

def _edit_state(checkpoints, tmp_path, edit) -> Path:
    ckpt = copy_checkpoint(checkpoints.path("tiny-deberta-count_lstm"), tmp_path / "edited")
    state = load_file(str(ckpt / "model.safetensors"))
    edit(state)
    save_file(state, str(ckpt / "model.safetensors"))
    return ckpt


def test_missing_key_is_an_error_naming_it(checkpoints, tmp_path):
    ckpt = _edit_state(checkpoints, tmp_path, lambda s: s.pop("count_pred.2.bias"))
    with pytest.raises(Exception, match=r"count_pred\.2\.bias"):
        load("ours", ckpt)


def test_unexpected_key_is_an_error_naming_it(checkpoints, tmp_path):
    ckpt = _edit_state(checkpoints, tmp_path, lambda s: s.update({"span_rep.extra_head.weight": torch.zeros(2, 2)}))
    with pytest.raises(Exception, match=r"span_rep\.extra_head\.weight"):
        load("ours", ckpt)


def test_count_layer_mismatch_is_an_error(checkpoints, tmp_path):
    """config.json says count_lstm_v2 but the weights are count_lstm: refuse, naming a key."""
    ckpt = copy_checkpoint(checkpoints.path("tiny-deberta-count_lstm"), tmp_path / "mismatch")
    config = json.loads((ckpt / "config.json").read_text())
    config["counting_layer"] = "count_lstm_v2"
    (ckpt / "config.json").write_text(json.dumps(config))
    with pytest.raises(Exception, match=r"count_embed\."):
        load("ours", ckpt)


# -- hub ids, offline -----------------------------------------------------------------------

REPO_ID = "presidio-tests/gliner2-tiny"
COMMIT = hashlib.sha1(b"presidio-gliner2 test snapshot").hexdigest()


def _hf_cache(root: Path, src: Path, repo_id: str = REPO_ID) -> Path:
    """``src`` laid out as huggingface_hub stores a download: blobs, a snapshot of symlinks, refs/main."""
    repo = root / ("models--" + repo_id.replace("/", "--"))
    snapshot = repo / "snapshots" / COMMIT
    (repo / "blobs").mkdir(parents=True)
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        data = path.read_bytes()
        blob = repo / "blobs" / hashlib.sha256(data).hexdigest()
        blob.write_bytes(data)
        link = snapshot / path.relative_to(src)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(blob, link.parent))
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)
    return root


@pytest.fixture(scope="module")
def hub_cache(checkpoints, tmp_path_factory) -> Path:
    return _hf_cache(tmp_path_factory.mktemp("hf-cache"), checkpoints.path("tiny-deberta-count_lstm"))


def test_hub_id_from_cache_dir(hub_cache, models):
    """(The reference cannot do this: it loads the tokenizer without passing cache_dir on.)"""
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    ours = load("ours", REPO_ID, cache_dir=str(hub_cache))
    assert_same_outputs(ours, models.get("ref", "tiny-deberta-count_lstm"), "hub id via cache_dir")


def test_hub_id_at_a_pinned_revision(hub_cache, models):
    ours = load("ours", REPO_ID, cache_dir=str(hub_cache), revision=COMMIT)
    assert_same_outputs(ours, models.get("ref", "tiny-deberta-count_lstm"), "revision=<commit>")


@pytest.mark.slow  # a fresh interpreter imports the package and loads a model: ~5 s
def test_hub_id_from_hf_hub_cache_env(hub_cache, models):
    """HF_HUB_CACHE is read when huggingface_hub is imported, so this runs in a fresh process."""
    script = (
        "import json, sys; from presidio_gliner2 import GLiNER2; "
        f"m = GLiNER2.from_pretrained({REPO_ID!r}); "
        f"print(json.dumps(m.extract_entities({PROBE_TEXTS[1]!r}, ['person', 'email'], include_spans=True)))"
    )
    env = {**os.environ, "HF_HUB_CACHE": str(hub_cache), "HF_HUB_OFFLINE": "1"}
    env.pop("HF_HOME", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    want = models.get("ours", "tiny-deberta-count_lstm").extract_entities(
        PROBE_TEXTS[1], ["person", "email"], include_spans=True)
    assert got == json.loads(json.dumps(want))


def test_missing_hub_id_offline_is_a_clear_error(hub_cache):
    missing = "presidio-tests/no-such-model"
    with pytest.raises((FileNotFoundError, OSError)) as info:
        load("ours", missing, cache_dir=str(hub_cache))
    assert missing in str(info.value)


def test_unknown_revision_offline_is_a_clear_error(hub_cache):
    with pytest.raises((FileNotFoundError, OSError)) as info:
        load("ours", REPO_ID, cache_dir=str(hub_cache), revision="v9.9")
    assert REPO_ID in str(info.value)
