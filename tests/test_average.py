"""Weight averaging of two checkpoints (training/average.py): the written checkpoint holds the
weighted mean, loads and runs like any other, and checkpoints of different architectures are
refused with an error that says so."""

from __future__ import annotations

import pytest
import torch

from presidio_gliner2 import GLiNER2
from presidio_gliner2.training.average import (
    IncompatibleCheckpoints, average_checkpoints, average_state_dicts, main as average_cli,
)


@pytest.fixture(scope="module")
def two_tiny(checkpoints, tmp_path_factory):
    """The tiny DeBERTa checkpoint and a copy with every float weight moved by seeded noise."""
    first = checkpoints.path("tiny-deberta-count_lstm")
    model = GLiNER2.from_pretrained(first)
    generator = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(0.05 * torch.randn(parameter.shape, generator=generator, dtype=parameter.dtype))
    second = tmp_path_factory.mktemp("moved") / "ckpt"
    model.save_pretrained(second)
    return first, second


def test_the_average_holds_the_weighted_mean(two_tiny, tmp_path):
    first, second = two_tiny
    out = average_checkpoints(first, second, 0.25, tmp_path / "avg")
    a, b, avg = (GLiNER2.from_pretrained(p).state_dict() for p in (first, second, out))
    moved = [name for name in a if a[name].is_floating_point() and not torch.equal(a[name], b[name])]
    assert moved, "the fixture should have moved the weights"
    for name in moved:
        torch.testing.assert_close(avg[name], 0.25 * a[name].float() + 0.75 * b[name].float())


def test_the_average_loads_and_finds_spans_like_any_checkpoint(two_tiny, tmp_path):
    first, second = two_tiny
    average_cli([str(first), str(second), "--weight", "1.0", "--out", str(tmp_path / "same")])
    text = "Call Maria Lopez at 555-0101 on 3 March 2024."
    ours = GLiNER2.from_pretrained(tmp_path / "same").extract_entities(text, ["person", "phone number", "date"],
                                                                       include_confidence=True)
    reference = GLiNER2.from_pretrained(first).extract_entities(text, ["person", "phone number", "date"],
                                                                include_confidence=True)
    assert ours == reference  # weight 1.0: the first checkpoint, unchanged


def test_different_architectures_are_refused(checkpoints, tmp_path):
    with pytest.raises(IncompatibleCheckpoints, match="architecture|config"):
        average_checkpoints(checkpoints.path("tiny-deberta-count_lstm"), checkpoints.path("tiny-deberta-count_lstm_v2"),
                            0.5, tmp_path / "avg")


def test_a_weight_outside_zero_to_one_is_refused():
    tensors = {"w": torch.ones(2)}
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        average_state_dicts(tensors, tensors, 1.5)


def test_a_differing_integer_buffer_is_refused():
    with pytest.raises(IncompatibleCheckpoints, match="position_ids"):
        average_state_dicts({"position_ids": torch.arange(3)}, {"position_ids": torch.arange(1, 4)}, 0.5)
