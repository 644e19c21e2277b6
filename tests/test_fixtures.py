"""The checkpoint builder itself: deterministic, and its tokenizer fixture loads as documented."""

from __future__ import annotations

import torch
from safetensors.torch import load_file

from tests.support.checkpoints import build_reference_checkpoint, load_spm_tokenizer


def test_spm_fixture_loads_as_a_deberta_v3_style_tokenizer():
    tokenizer = load_spm_tokenizer()
    assert len(tokenizer) == 2001  # 2000 pieces + [MASK]
    assert tokenizer.convert_tokens_to_ids(["[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"]) == [0, 1, 2, 3, 2000]
    assert tokenizer.tokenize("john")[0].startswith("\u2581")


def test_builder_is_deterministic_for_a_seed(tmp_path):
    def weights(name, seed):
        return load_file(str(build_reference_checkpoint(tmp_path / name, "tiny-deberta", "count_lstm", seed) /
                             "model.safetensors"))

    first, again, other = weights("a", 0), weights("b", 0), weights("c", 1)
    assert all(torch.equal(first[k], again[k]) for k in first)
    assert any(not torch.equal(first[k], other[k]) for k in first)
