"""An ONNX Runtime session standing in for the transformers encoder: same call, same output field.

``GLiNER2Model.encode`` calls ``encoder(input_ids=..., attention_mask=...).last_hidden_state`` and
reads ``encoder.config`` for the position limit; this module answers both, on ONNX Runtime's CPU
provider.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import torch
from torch import nn

INPUT_NAMES = ("input_ids", "attention_mask")
OUTPUT_NAME = "last_hidden_state"


class EncoderOutput(NamedTuple):
    last_hidden_state: torch.Tensor


class OnnxEncoder(nn.Module):
    """Runs an exported encoder (``onnx_export``) with ONNX Runtime. Thread-safe (ORT sessions are)."""

    def __init__(self, path: Path, config):
        super().__init__()
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # As many threads as torch uses, so torch.set_num_threads / OMP_NUM_THREADS govern both
        # backends alike (ORT would otherwise take every physical core).
        options.intra_op_num_threads = max(1, torch.get_num_threads())
        options.inter_op_num_threads = 1
        # ORT's threads spin after a run by default; here torch runs the heads right after and
        # Presidio's recognizers run between passes, on the same cores: spinning would steal them.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # ORT raises its own Fail/InvalidGraph types
            raise RuntimeError(f"ONNX Runtime could not load the exported encoder {path} ({type(exc).__name__}); "
                               "delete the file to have it exported again") from None
        self.config = config
        self.path = Path(path)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> EncoderOutput:
        feeds = {INPUT_NAMES[0]: input_ids.cpu().numpy(), INPUT_NAMES[1]: attention_mask.cpu().numpy()}
        hidden = self.session.run([OUTPUT_NAME], feeds)[0]
        return EncoderOutput(torch.from_numpy(hidden).to(input_ids.device))

    def extra_repr(self) -> str:
        return f"path={self.path}"
