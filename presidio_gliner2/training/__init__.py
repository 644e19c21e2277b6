"""Fine-tuning GLiNER2 span models: data format, losses, trainer, synthetic documents."""
