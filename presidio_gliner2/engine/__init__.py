"""Our GLiNER2 span-model library: torch + transformers, never presidio."""
