"""The checkpoint's ``config.json``: read (migrating legacy keys), validate, write.

Published checkpoints come in two shapes. Old ones carry about five keys
(``counting_layer``, a top-level ``max_width``, ``model_name``, ...); the reference
library 2.x writes a fuller set with a ``span_head`` block. Both load here, and we
always write the full shape so the reference library can load what we save.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

CONFIG_NAME = "config.json"
ENCODER_CONFIG_DIR = "encoder_config"
COUNTING_LAYERS = ("count_lstm", "count_lstm_v2")
CONFIG_VERSION = 3


@dataclass
class GLiNER2Config:
    model_name: str = ""
    counting_layer: str = "count_lstm"
    max_width: int = 8
    span_mode: str = "markerV0"
    span_dropout: float = 0.1
    token_pooling: str = "first"
    attn_implementation: str = "sdpa"
    max_len: Optional[int] = None
    # Keys we do not interpret are kept so a load/save round trip loses nothing.
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        if self.counting_layer not in COUNTING_LAYERS:
            raise ValueError(
                f"Unsupported counting_layer {self.counting_layer!r}; this engine supports {COUNTING_LAYERS}"
            )
        if self.span_mode != "markerV0":
            raise ValueError(f"Unsupported span_mode {self.span_mode!r}; only 'markerV0' exists for span models")
        if not isinstance(self.max_width, int) or self.max_width < 1:
            raise ValueError(f"max_width must be a positive integer, got {self.max_width!r}")
        if self.token_pooling != "first":
            raise ValueError(
                f"Unsupported token_pooling {self.token_pooling!r}; published checkpoints use 'first'"
            )
        if self.attn_implementation not in ("sdpa", "eager", "flash_attention_2"):
            raise ValueError(f"Unknown attn_implementation {self.attn_implementation!r}")

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "GLiNER2Config":
        values = dict(values)
        architecture = values.pop("architecture", None) or "span"
        if architecture != "span":
            raise ValueError(
                f"This checkpoint uses the {architecture!r} architecture; presidio_gliner2 implements "
                "the 'span' architecture (every fastino/gliner2-*-v1 checkpoint)"
            )
        span_head = dict(values.pop("span_head", None) or {})
        legacy_width = values.pop("max_width", None)
        max_width = span_head.get("max_width", legacy_width if legacy_width is not None else 8)
        known = dict(
            model_name=values.pop("model_name", ""),
            counting_layer=values.pop("counting_layer", None) or "count_lstm",
            max_width=max_width,
            span_mode=span_head.get("span_mode", "markerV0"),
            span_dropout=span_head.get("dropout", 0.1),
            token_pooling=values.pop("token_pooling", "first"),
            attn_implementation=values.pop("attn_implementation", None) or "sdpa",
            max_len=values.pop("max_len", None),
        )
        for key in ("architectures", "config_version", "architecture_version", "model_type"):
            values.pop(key, None)
        return cls(**known, extra=values)

    @classmethod
    def from_file(cls, path: str | Path) -> "GLiNER2Config":
        path = Path(path)
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"No {CONFIG_NAME} at {path}: not a GLiNER2 checkpoint directory") from None
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} is not valid JSON: {exc}") from None
        if not isinstance(values, dict):
            raise ValueError(f"{path} must hold a JSON object")
        return cls.from_dict(values)

    def to_dict(self) -> dict[str, Any]:
        import transformers

        values = dict(self.extra)
        values.update(
            architecture="span",
            architecture_version=1,
            architectures=["GLiNER2"],
            attn_implementation=self.attn_implementation,
            config_version=CONFIG_VERSION,
            counting_layer=self.counting_layer,
            max_len=self.max_len,
            max_width=self.max_width,
            model_name=self.model_name,
            model_type="extractor",
            span_head={"dropout": self.span_dropout, "max_width": self.max_width, "span_mode": self.span_mode},
            token_pooling=self.token_pooling,
            transformers_version=transformers.__version__,
        )
        return dict(sorted(values.items()))

    def save(self, directory: str | Path) -> None:
        path = Path(directory) / CONFIG_NAME
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")
