"""Export a trained checkpoint as the bundled model: fp16 weights, same layout.

    python -m presidio_gliner2.training.export build/train/bundled/best presidio_gliner2/models/default
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import torch


def export(source: Path, destination: Path) -> Path:
    from presidio_gliner2.engine.api import GLiNER2

    model = GLiNER2.from_pretrained(source)
    if destination.exists():
        shutil.rmtree(destination)
    model.save_pretrained(destination, dtype=torch.float16)
    metrics = source / "metrics.json"
    if metrics.is_file():
        shutil.copy(metrics, destination / "validation_metrics.json")
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
