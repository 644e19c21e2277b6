"""The GLiNER2 span model: an encoder plus span, count and classification heads.

Loading reads the published checkpoint layout (``config.json``, ``encoder_config/``,
tokenizer files, ``model.safetensors`` or ``pytorch_model.bin``) from a directory or
a hub id resolved through ``huggingface_hub`` (so ``HF_HUB_OFFLINE`` and the local
cache apply). Remote code never runs and pickles are loaded with
``weights_only=True``. ``save_pretrained`` writes the same layout.
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings
from pathlib import Path
from typing import Any, Optional, Union

import torch
from torch import nn

from presidio_gliner2 import resources
from presidio_gliner2.engine.config import ENCODER_CONFIG_DIR, GLiNER2Config
from presidio_gliner2.engine.encoding import EncodedWindow, InputEncoder
from presidio_gliner2.engine.layers import COUNT_LAYERS, MAX_COUNT, SpanRepLayer, mlp

logger = logging.getLogger(__name__)

WEIGHTS_NAME = "model.safetensors"
LEGACY_WEIGHTS_NAME = "pytorch_model.bin"
HUB_OPTIONS = frozenset({"cache_dir", "force_download", "local_files_only", "token", "revision", "subfolder", "proxies"})
DEFAULT_MODEL_NAME = "default"
DEFAULT_MODEL_DIR = resources.shipped_dir("model") / DEFAULT_MODEL_NAME
CHECKPOINT_PATTERNS = ["*.json", "*.safetensors", "*.bin", "*.model", "*.txt", "encoder_config/*"]


def resolve_checkpoint_dir(name_or_path: Union[str, os.PathLike], **hub_options: Any) -> Path:
    """A local directory as is; otherwise a hub id, downloaded or found in the HF cache."""
    subfolder = hub_options.pop("subfolder", None)
    if str(name_or_path) == DEFAULT_MODEL_NAME:
        if not (DEFAULT_MODEL_DIR / "config.json").is_file():
            raise FileNotFoundError(
                f"The bundled model is not installed at {DEFAULT_MODEL_DIR}; reinstall presidio-gliner2 "
                "or pass a checkpoint directory"
            )
        return DEFAULT_MODEL_DIR
    path = Path(name_or_path)
    if path.is_dir():
        return path / subfolder if subfolder else path
    if path.exists():
        raise ValueError(f"{name_or_path} is a file; a GLiNER2 checkpoint is a directory")
    if str(name_or_path).startswith((".", "/", "~")) or str(name_or_path).count("/") != 1:
        raise FileNotFoundError(f"No checkpoint directory at {name_or_path!r} (and it is not a hub id like 'org/name')")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        root = Path(snapshot_download(repo_id=str(name_or_path), allow_patterns=CHECKPOINT_PATTERNS, **hub_options))
    except LocalEntryNotFoundError as exc:
        raise FileNotFoundError(
            f"Checkpoint {name_or_path!r} is not in the local Hugging Face cache and cannot be downloaded "
            f"(offline or unreachable). Copy it to a directory and pass that path instead. ({exc.__class__.__name__})"
        ) from None
    return root / subfolder if subfolder else root


def load_tokenizer(directory: Path, encoder_config=None):
    from transformers import AutoTokenizer

    # Passing the encoder's config keeps transformers from reading our config.json
    # (model_type "extractor", which it does not know).
    options = {"config": encoder_config} if encoder_config is not None else {}
    try:
        return AutoTokenizer.from_pretrained(str(directory), **options)
    except AttributeError as exc:
        # transformers 5 reads a list-valued ``extra_special_tokens`` (written by
        # older versions) as a mapping; the 10 tokens are re-added anyway.
        if "'list' object has no attribute 'keys'" not in str(exc):
            raise
        return AutoTokenizer.from_pretrained(str(directory), extra_special_tokens={}, **options)


def load_state_dict(directory: Path) -> dict[str, torch.Tensor]:
    safetensors_path = directory / WEIGHTS_NAME
    if safetensors_path.is_file():
        from safetensors.torch import load_file

        return load_file(str(safetensors_path))
    legacy_path = directory / LEGACY_WEIGHTS_NAME
    if legacy_path.is_file():
        return torch.load(str(legacy_path), map_location="cpu", weights_only=True)
    raise FileNotFoundError(f"{directory} holds neither {WEIGHTS_NAME} nor {LEGACY_WEIGHTS_NAME}")


def build_encoder(encoder_config, attn_implementation: str) -> nn.Module:
    from transformers import AutoModel

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"`torch\.jit\.script`", category=FutureWarning)
        try:
            encoder = AutoModel.from_config(encoder_config, attn_implementation=attn_implementation)
        except (TypeError, ValueError, ImportError):
            # DeBERTa-v2/v3 have no SDPA path; eager attention is numerically the same.
            encoder = AutoModel.from_config(encoder_config, attn_implementation="eager")
    return encoder.float()


class GLiNER2Model(nn.Module):
    """Encoder + ``span_rep`` + ``classifier`` + ``count_pred`` + ``count_embed``."""

    def __init__(self, config: GLiNER2Config, encoder: nn.Module, tokenizer):
        super().__init__()
        self.config = config
        self.inputs = InputEncoder(tokenizer)
        self.tokenizer = tokenizer
        self.encoder = encoder
        if encoder.get_input_embeddings().weight.shape[0] != len(tokenizer):
            encoder.resize_token_embeddings(len(tokenizer), mean_resizing=False)
        hidden = encoder.config.hidden_size
        self.hidden_size = hidden
        self.span_rep = SpanRepLayer(hidden, config.max_width, config.span_dropout)
        self.classifier = mlp(hidden, hidden * 2, 1)
        self.count_pred = mlp(hidden, hidden * 2, MAX_COUNT)
        self.count_embed = COUNT_LAYERS[config.counting_layer](hidden)
        self.name_or_path: Optional[str] = None
        self.eval()

    # -- loading and saving -------------------------------------------------

    @classmethod
    def from_pretrained(cls, name_or_path: Union[str, os.PathLike], map_location=None, **hub_options: Any):
        """Load a span checkpoint from a directory or a hub id (``fastino/gliner2-base-v1``)."""
        unknown = set(hub_options) - HUB_OPTIONS
        if unknown:
            raise TypeError(f"Unknown from_pretrained options {sorted(unknown)}; hub options are {sorted(HUB_OPTIONS)}")
        from transformers import AutoConfig

        directory = resolve_checkpoint_dir(name_or_path, **hub_options)
        config = GLiNER2Config.from_file(directory / "config.json")
        encoder_dir = directory / ENCODER_CONFIG_DIR
        if not (encoder_dir / "config.json").is_file():
            raise FileNotFoundError(f"{directory} has no {ENCODER_CONFIG_DIR}/config.json: not a GLiNER2 checkpoint")
        encoder_config = AutoConfig.from_pretrained(str(encoder_dir))
        tokenizer = load_tokenizer(directory, encoder_config)
        state_dict = load_state_dict(directory)
        # Every parameter is overwritten by the strict load below: skip random init.
        with _skip_weight_init():
            encoder = build_encoder(encoder_config, config.attn_implementation)
            _fit_vocabulary(encoder, state_dict)
            model = cls(config, encoder, tokenizer)
        _fit_vocabulary(model.encoder, state_dict)
        model.load_checkpoint_weights(state_dict, source=str(name_or_path))
        model.name_or_path = str(name_or_path)
        if map_location is not None:
            model.to(map_location)
        return model

    @classmethod
    def from_encoder(
        cls, encoder_name_or_path: Union[str, os.PathLike], counting_layer: str = "count_lstm", seed: Optional[int] = None
    ):
        """A fresh model (untrained heads) around a pretrained HF encoder directory, to fine-tune."""
        from transformers import AutoModel, AutoTokenizer

        if seed is not None:
            torch.manual_seed(seed)
        directory = str(encoder_name_or_path)
        tokenizer = AutoTokenizer.from_pretrained(directory)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"`torch\.jit\.script`", category=FutureWarning)
            encoder = AutoModel.from_pretrained(directory).float()
        config = GLiNER2Config(model_name=directory, counting_layer=counting_layer)
        model = cls(config, encoder, tokenizer)
        model.name_or_path = directory
        return model

    def load_checkpoint_weights(self, state_dict: dict[str, torch.Tensor], source: str = "checkpoint") -> None:
        expected = self.state_dict()
        missing = sorted(set(expected) - set(state_dict))
        unexpected = sorted(set(state_dict) - set(expected))
        if missing or unexpected:
            raise RuntimeError(
                f"{source} does not match a GLiNER2 span model with counting_layer="
                f"{self.config.counting_layer!r}: missing keys {missing[:10]}{' ...' if len(missing) > 10 else ''}, "
                f"unexpected keys {unexpected[:10]}{' ...' if len(unexpected) > 10 else ''}"
            )
        for key, tensor in state_dict.items():
            if tensor.shape != expected[key].shape:
                raise RuntimeError(
                    f"{source}: {key} has shape {tuple(tensor.shape)}, the model expects {tuple(expected[key].shape)}"
                )
        self.load_state_dict(state_dict, strict=True)

    def save_pretrained(self, directory: Union[str, os.PathLike], dtype: Optional[torch.dtype] = None) -> None:
        """Write the published checkpoint layout, loadable by us and by the reference library.
        ``dtype=torch.float16`` halves the file (weights load back as float32)."""
        from safetensors.torch import save_file

        directory = Path(directory)
        (directory / ENCODER_CONFIG_DIR).mkdir(parents=True, exist_ok=True)
        self.config.save(directory)
        self.encoder.config.save_pretrained(str(directory / ENCODER_CONFIG_DIR))
        state = {
            key: (value.to(dtype) if dtype is not None and value.is_floating_point() else value).detach().contiguous().cpu()
            for key, value in self.state_dict().items()
        }
        save_file(state, str(directory / WEIGHTS_NAME))
        self.tokenizer.save_pretrained(str(directory))

    # -- forward pieces -----------------------------------------------------

    @property
    def device(self) -> torch.device:
        return next(self.parameters()).device

    def encode(self, windows: list[EncodedWindow]) -> tuple[torch.Tensor, torch.Tensor, list[int]]:
        """One padded encoder pass. Returns hidden states [B, T, H], the word vectors
        (each word's first subword) padded to [B, L, H], and the word count per row."""
        device = self.device
        length = max(len(w.input_ids) for w in windows)
        input_ids = torch.zeros(len(windows), length, dtype=torch.long)
        attention = torch.zeros(len(windows), length, dtype=torch.long)
        word_counts = [len(w.word_positions) for w in windows]
        word_index = torch.zeros(len(windows), max(word_counts), dtype=torch.long)
        for row, window in enumerate(windows):
            input_ids[row, : len(window.input_ids)] = torch.tensor(window.input_ids, dtype=torch.long)
            attention[row, : len(window.input_ids)] = 1
            word_index[row, : word_counts[row]] = torch.tensor(window.word_positions, dtype=torch.long)
        hidden = self.encoder(input_ids=input_ids.to(device), attention_mask=attention.to(device)).last_hidden_state
        # A word with no subwords points one past its predecessor's pieces; clamp keeps it in range.
        word_index = word_index.clamp(max=length - 1).to(device)
        words = torch.gather(hidden, 1, word_index.unsqueeze(-1).expand(-1, -1, hidden.shape[-1]))
        return hidden, words, word_counts

    def max_positions(self) -> Optional[int]:
        """The encoder's hard sequence limit, or None for relative-position encoders."""
        config = self.encoder.config
        if getattr(config, "relative_attention", False) and not getattr(config, "position_biased_input", True):
            return None
        limit = getattr(config, "max_position_embeddings", None)
        if limit is None:
            return None
        if config.model_type in ("roberta", "xlm-roberta", "camembert", "longformer"):
            limit -= (config.pad_token_id or 0) + 1  # position ids start after the padding index
        return int(limit)


def _skip_weight_init():
    try:
        from transformers.initialization import no_init_weights
    except ImportError:  # transformers 4.x
        try:
            from transformers.modeling_utils import no_init_weights
        except ImportError:
            return contextlib.nullcontext()
    return no_init_weights()


def _fit_vocabulary(encoder: nn.Module, state_dict: dict[str, torch.Tensor]) -> None:
    """Match the encoder's embedding rows to the checkpoint's before a strict load."""
    keys = [k for k in state_dict if k.startswith("encoder.") and k.endswith("word_embeddings.weight")]
    if len(keys) != 1:
        return
    saved = state_dict[keys[0]]
    current = encoder.get_input_embeddings().weight
    if saved.shape[0] > current.shape[0]:
        encoder.resize_token_embeddings(saved.shape[0], mean_resizing=False)
    elif saved.shape[0] < current.shape[0] and saved.shape[1] == current.shape[1]:
        padded = current.detach().clone()
        padded[: saved.shape[0]] = saved
        state_dict[keys[0]] = padded
