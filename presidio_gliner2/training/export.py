"""Export a trained checkpoint as the bundled model: fp16 weights, same layout.

    python -m presidio_gliner2.training.export build/train/bundled/best presidio_gliner2/models/default
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import torch


def export(source: Path, destination: Path) -> Path:
    """Write ``source`` as fp16 into ``destination`` with the canary; the model card there is kept.

    Raises ModelIntegrityError (and leaves ``destination`` as it was) when the fp16 model fails
    the canary: a model that cannot find a name, a date of birth, a phone, an e-mail and an SSN in
    one plain sentence must not ship.
    """
    from presidio_gliner2.engine.api import GLiNER2
    from presidio_gliner2.engine.canary import verify_canary, write_canary

    model = GLiNER2.from_pretrained(source)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "model"
        model.save_pretrained(staged, dtype=torch.float16)
        write_canary(staged)
        metrics = source / "metrics.json"
        if metrics.is_file():
            shutil.copy(metrics, staged / "validation_metrics.json")
        verify_canary(GLiNER2.from_pretrained(staged).eval(), staged)
        card = destination / "MODEL_CARD.md"
        if card.is_file():  # written by people, not by the export
            shutil.copy(card, staged / card.name)
        if destination.exists():
            shutil.rmtree(destination)
        shutil.copytree(staged, destination)
    return destination


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("destination", type=Path)
    args = parser.parse_args()
    path = export(args.source, args.destination)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    print(f"exported to {path} ({size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
