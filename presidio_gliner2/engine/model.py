"""The GLiNER2 span model: an encoder plus span, count and classification heads.

``GLiNER2Model.forward`` takes a batch of encoded windows (each with the compiled schema
its prompt was built from) and returns what the heads produce, per window: the number of
instances of each span task, span probabilities per (instance, field) and the
classification logits. Turning those into spans and labels is ``decoding``'s job.

``from_pretrained`` / ``save_pretrained`` read and write the published checkpoint layout
(see ``checkpoint``), so the reference library loads what we save and vice versa.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Optional, Union

import torch
from torch import nn

from presidio_gliner2.engine import checkpoint
from presidio_gliner2.engine.config import ENCODER_CONFIG_DIR, GLiNER2Config
from presidio_gliner2.engine.encoding import EncodedWindow, InputEncoder
from presidio_gliner2.engine.layers import COUNT_LAYERS, MAX_COUNT, SpanRepLayer, mlp
from presidio_gliner2.engine.schema import CompiledSchema, Task


@dataclass
class ModelBatch:
    """Encoded windows and, for each, the compiled schema its prompt holds."""

    windows: list[EncodedWindow]
    schemas: list[CompiledSchema]


@dataclass
class WindowOutput:
    """What the heads say about one window, keyed by the task's index in its schema. On CPU."""

    counts: dict[int, int] = field(default_factory=dict)  # span task -> predicted instances
    span_probabilities: dict[int, torch.Tensor] = field(default_factory=dict)  # -> [instances, fields, L, W]
    class_logits: dict[int, torch.Tensor] = field(default_factory=dict)  # classification task -> [labels]


@dataclass
class ModelOutput:
    windows: list[WindowOutput]


class _TaskSlot(NamedTuple):
    """One task of one window: where its [P] and label markers sit in that window's sequence."""

    row: int
    task_index: int
    task: Task
    positions: list[int]  # [P] first, then one per label


class _SpanJob(NamedTuple):
    row: int
    task_index: int
    positions: list[int]
    instances: int


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
        self.checkpoint_dir: Optional[Path] = None  # where from_pretrained found it (the ONNX export cache keys on it)
        self.backend = "torch"  # where the encoder runs; backends.use_backend swaps it
        self.eval()

    # -- loading and saving -------------------------------------------------

    @classmethod
    def from_pretrained(cls, name_or_path: Union[str, os.PathLike], map_location=None, **hub_options: Any):
        """Load a span checkpoint from a directory or a hub id (``fastino/gliner2-base-v1``)."""
        checkpoint.check_hub_options(hub_options)
        directory = checkpoint.resolve_checkpoint_dir(name_or_path, **hub_options)
        config = GLiNER2Config.from_file(directory / "config.json")
        encoder_config = checkpoint.load_encoder_config(directory)
        tokenizer = checkpoint.load_tokenizer(directory, encoder_config)
        state_dict = checkpoint.load_state_dict(directory)
        # Every parameter is overwritten by the strict load below: skip random init.
        with checkpoint.skip_weight_init():
            encoder = checkpoint.build_encoder(encoder_config, config.attn_implementation)
            checkpoint.fit_vocabulary(encoder, state_dict)
            model = cls(config, encoder, tokenizer)
        # Adding the special tokens may have resized the embeddings again: fit once more.
        checkpoint.fit_vocabulary(model.encoder, state_dict)
        model.load_checkpoint_weights(state_dict, source=str(name_or_path))
        model.name_or_path = str(name_or_path)
        model.checkpoint_dir = directory
        if map_location is not None:
            model.to(map_location)
        return model

    @classmethod
    def from_encoder(
        cls, encoder_name_or_path: Union[str, os.PathLike], counting_layer: str = "count_lstm", seed: Optional[int] = None
    ):
        """A fresh model (untrained heads) around a pretrained HF encoder directory, to fine-tune."""
        if seed is not None:
            torch.manual_seed(seed)
        directory = str(encoder_name_or_path)
        tokenizer = checkpoint.load_tokenizer(directory)
        encoder = checkpoint.load_pretrained_encoder(directory)
        model = cls(GLiNER2Config(model_name=directory, counting_layer=counting_layer), encoder, tokenizer)
        model.name_or_path = directory
        return model

    def load_checkpoint_weights(self, state_dict: dict[str, torch.Tensor], source: str = "checkpoint") -> None:
        """A strict load that names the missing, unexpected or misshapen keys."""
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
        if self.backend != "torch":
            raise ValueError(f"this model's encoder runs on backend {self.backend!r}, which keeps no float torch weights "
                             "to save; load the checkpoint with backend='torch' and save that")
        directory = Path(directory)
        (directory / ENCODER_CONFIG_DIR).mkdir(parents=True, exist_ok=True)
        self.config.save(directory)
        self.encoder.config.save_pretrained(str(directory / ENCODER_CONFIG_DIR))
        checkpoint.save_state_dict(self.state_dict(), directory, dtype)
        self.tokenizer.save_pretrained(str(directory))

    # -- properties -----------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return next(self.parameters()).device

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

    # -- forward ------------------------------------------------------------

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

    def forward(self, batch: ModelBatch) -> ModelOutput:
        """One encoder pass over the batch's windows, then every head, batched across windows."""
        hidden, words, word_counts = self.encode(batch.windows)
        outputs = ModelOutput([WindowOutput() for _ in batch.windows])
        span_slots, class_slots = [], []
        for row, (window, schema) in enumerate(zip(batch.windows, batch.schemas)):
            for task_index, (task, positions) in enumerate(zip(schema.tasks, window.marker_positions)):
                slot = _TaskSlot(row, task_index, task, positions)
                (class_slots if task.kind == "classifications" else span_slots).append(slot)
        if class_slots:
            self._classify(class_slots, hidden, outputs)
        if span_slots:
            jobs = self._count(span_slots, hidden, outputs)
            if jobs:
                self._score_spans(jobs, hidden, words, word_counts, outputs)
        return outputs

    def _classify(self, slots: list[_TaskSlot], hidden: torch.Tensor, outputs: ModelOutput) -> None:
        """Label logits from each label marker's hidden state."""
        device = hidden.device
        rows = torch.tensor([s.row for s in slots for _ in s.positions[1:]], device=device)
        cols = torch.tensor([c for s in slots for c in s.positions[1:]], device=device)
        logits = self.classifier(hidden[rows, cols]).squeeze(-1).float().cpu()
        offset = 0
        for slot in slots:
            labels = len(slot.positions) - 1
            outputs.windows[slot.row].class_logits[slot.task_index] = logits[offset: offset + labels]
            offset += labels

    def _count(self, slots: list[_TaskSlot], hidden: torch.Tensor, outputs: ModelOutput) -> list[_SpanJob]:
        """Instances per span task from its [P] state; the tasks with any become span jobs."""
        device = hidden.device
        rows = torch.tensor([s.row for s in slots], device=device)
        cols = torch.tensor([s.positions[0] for s in slots], device=device)
        counts = self.count_pred(hidden[rows, cols]).argmax(-1).tolist()
        jobs = []
        for slot, count in zip(slots, counts):
            outputs.windows[slot.row].counts[slot.task_index] = count
            if count > 0:
                # Entities read only the first instance's queries.
                instances = 1 if slot.task.kind == "entities" else count
                jobs.append(_SpanJob(slot.row, slot.task_index, slot.positions, instances))
        return jobs

    def _score_spans(self, jobs: list[_SpanJob], hidden: torch.Tensor, words: torch.Tensor,
                     word_counts: list[int], outputs: ModelOutput) -> None:
        """Span probabilities for every (instance, field) query of every job."""
        device = hidden.device
        field_rows = torch.tensor([j.row for j in jobs for _ in j.positions[1:]], device=device)
        field_cols = torch.tensor([c for j in jobs for c in j.positions[1:]], device=device)
        groups = torch.tensor([g for g, j in enumerate(jobs) for _ in j.positions[1:]], device=device)
        steps = max(j.instances for j in jobs)
        queries = self.count_embed(hidden[field_rows, field_cols], steps, groups)  # [steps, fields, H]

        # Per window, concatenate its tasks' queries (instance-major) into one list.
        per_window: dict[int, list[torch.Tensor]] = {}
        slices = []
        offset = 0
        for job in jobs:
            fields = len(job.positions) - 1
            task_queries = queries[: job.instances, offset: offset + fields].reshape(job.instances * fields, -1)
            offset += fields
            start = sum(len(q) for q in per_window.get(job.row, []))
            per_window.setdefault(job.row, []).append(task_queries)
            slices.append((job, start, fields))
        rows = sorted(per_window)
        stacked = [torch.cat(per_window[r]) for r in rows]
        padded = torch.zeros(len(rows), max(len(q) for q in stacked), queries.shape[-1], device=device,
                             dtype=queries.dtype)
        for i, q in enumerate(stacked):
            padded[i, : len(q)] = q
        row_index = torch.tensor(rows, device=device)
        counts = torch.tensor([word_counts[r] for r in rows], device=device)
        probabilities = torch.sigmoid(self.span_rep.score_queries(words[row_index], padded, counts)).float().cpu()
        position = {r: i for i, r in enumerate(rows)}
        for job, start, fields in slices:
            block = probabilities[position[job.row], start: start + job.instances * fields, : word_counts[job.row]]
            outputs.windows[job.row].span_probabilities[job.task_index] = block.reshape(
                job.instances, fields, block.shape[-2], block.shape[-1])
