"""Average the weights of two checkpoints of one model line (a "model soup", WiSE-FT):

    python -m presidio_gliner2.training.average presidio_gliner2/models/default build/export-v6 \\
        --weight 0.7 --out build/train/bundled-v10      # `make model`: stage 8's export, stage 6's

writes ``weight * first + (1 - weight) * second`` as a checkpoint (fp32) that ``export`` and
``GLiNER2.from_pretrained`` read. Only checkpoints where one was trained from the other (or both
from a common one) average into something useful; the shapes, buffers and configs must match.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch


class IncompatibleCheckpoints(ValueError):
    """The two checkpoints are not the same architecture: nothing to average."""


def average_state_dicts(first: dict, second: dict, weight: float) -> dict:
    """``weight * first + (1 - weight) * second`` for floating-point tensors; other tensors (ids,
    counters) must be equal in both and are kept."""
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"weight must lie in [0, 1], got {weight}")
    if first.keys() != second.keys():
        only = sorted(first.keys() ^ second.keys())
        raise IncompatibleCheckpoints(f"the checkpoints have different parameters ({len(only)} not in both, "
                                      f"e.g. {only[0]}); average only checkpoints of one architecture")
    averaged = {}
    for name, tensor in first.items():
        other = second[name]
        if tensor.shape != other.shape:
            raise IncompatibleCheckpoints(f"parameter {name} has shape {tuple(tensor.shape)} in the first "
                                          f"checkpoint and {tuple(other.shape)} in the second")
        if tensor.is_floating_point():
            averaged[name] = weight * tensor.float() + (1.0 - weight) * other.float()
        elif torch.equal(tensor, other):
            averaged[name] = tensor
        else:
            raise IncompatibleCheckpoints(f"non-float buffer {name} differs between the checkpoints")
    return averaged


def average_checkpoints(first: Path, second: Path, weight: float, out: Path) -> Path:
    """Write the weighted average of two checkpoint directories to ``out`` (fp32); the first
    checkpoint's config and tokenizer come along."""
    from presidio_gliner2.engine.api import GLiNER2

    model_a, model_b = GLiNER2.from_pretrained(first), GLiNER2.from_pretrained(second)
    if model_a.model.config.to_dict() != model_b.model.config.to_dict():
        raise IncompatibleCheckpoints(f"{first} and {second} have different model configs")
    averaged = average_state_dicts(model_a.state_dict(), model_b.state_dict(), weight)
    model_a.float().load_state_dict(averaged)
    model_a.save_pretrained(out)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m presidio_gliner2.training.average", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--weight", type=float, required=True, help="share of the first checkpoint, in [0, 1]")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    print(f"wrote {average_checkpoints(args.first, args.second, args.weight, args.out)}")


if __name__ == "__main__":
    main()
