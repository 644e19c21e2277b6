"""GLiNER2: the public extraction API, a drop-in for the reference ``gliner2.GLiNER2``
on span checkpoints (same methods, arguments and output shapes).

Where we differ on purpose:
- Long documents never crash and are never truncated silently: past the encoder's
  position limit or ``window_words`` words, a text is split into overlapping word
  windows that run through the encoder in one batch; results come back with
  document offsets, merged across windows.
- Bad input raises: non-string text is a TypeError; a malformed schema, field spec or
  threshold is a ValueError naming the culprit. Empty or whitespace-only text
  returns empty results without running the model.
- Offsets always index the caller's text: a span reaching into the period that the
  model input appends is clipped to the text (dropped if nothing is left).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional, Sequence, Union

import torch

from presidio_gliner2.engine.decoding import (
    Span,
    finalize_spans,
    format_results as format_payload,
    normalize_overlap_policy,
    span_item,
)
from presidio_gliner2.engine.encoding import EncodedWindow, InputEncoder, plan_windows
from presidio_gliner2.engine.model import GLiNER2Model
from presidio_gliner2.engine.schema import CompiledSchema, Schema, Task, compile_schema, parse_field_spec
from presidio_gliner2.engine.words import Word, resolve_word_splitter, split_words

DEFAULT_WINDOW_WORDS = 384
DEFAULT_WINDOW_OVERLAP = 64


@dataclass
class _Window:
    doc: int
    word_start: int  # first text word of the window, in document words
    word_end: int
    encoded: EncodedWindow


@dataclass
class _Document:
    text: str  # the caller's text
    model_text: str  # with the sentence-final period the model expects
    words: list[Word]
    schema: CompiledSchema
    windows: list[int]  # indices into the batch's window list


def _model_text(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


class GLiNER2(GLiNER2Model):
    """GLiNER2 span model with the schema-driven extraction API.

    ``window_words`` / ``window_overlap`` (attributes, also ``from_pretrained``
    arguments) set the long-document word window; the encoder's position limit
    always applies on top.
    """

    window_words: Optional[int] = DEFAULT_WINDOW_WORDS
    window_overlap: int = DEFAULT_WINDOW_OVERLAP

    @classmethod
    def from_pretrained(
        cls,
        name_or_path,
        map_location=None,
        word_splitter=None,
        window_words: Optional[int] = DEFAULT_WINDOW_WORDS,
        window_overlap: int = DEFAULT_WINDOW_OVERLAP,
        quantize: bool = False,
        compile: bool = False,
        **hub_options: Any,
    ) -> "GLiNER2":
        """Load a span checkpoint from a directory or a hub id. ``quantize`` casts to fp16
        (for GPUs); ``compile`` applies ``torch.compile`` to the encoder."""
        model = super().from_pretrained(name_or_path, map_location=map_location, **hub_options)
        model.set_word_splitter(word_splitter)
        model.set_window(window_words, window_overlap)
        if quantize:
            model.quantize()
        if compile:
            model.compile()
        return model

    def quantize(self) -> "GLiNER2":
        """fp16 weights; worthwhile on GPUs, slow on most CPUs."""
        return self.half()

    def compile(self) -> "GLiNER2":
        self.encoder = torch.compile(self.encoder, dynamic=True)
        return self

    def set_word_splitter(self, word_splitter=None) -> None:
        """"whitespace" (default), "char" (for CJK) or a callable ``(text, lower) -> (token, start, end)``."""
        self._splitter = resolve_word_splitter(word_splitter)

    def set_window(self, window_words: Optional[int], window_overlap: int) -> None:
        if window_words is not None and (not isinstance(window_words, int) or window_words < 1):
            raise ValueError(f"window_words must be a positive integer or None, got {window_words!r}")
        if not isinstance(window_overlap, int) or window_overlap < 0:
            raise ValueError(f"window_overlap must be a non-negative integer, got {window_overlap!r}")
        if window_words is not None and window_overlap >= window_words:
            raise ValueError(f"window_overlap ({window_overlap}) must be smaller than window_words ({window_words})")
        self.window_words, self.window_overlap = window_words, window_overlap

    def create_schema(self) -> Schema:
        return Schema()

    # -- the convenience API --------------------------------------------------

    def extract(self, text: str, schema, threshold: float = 0.5, format_results: bool = True,
                include_confidence: bool = False, include_spans: bool = False, max_len: Optional[int] = None,
                overlap_policy: Optional[str] = None) -> dict:
        _check_text(text)
        return self.batch_extract([text], schema, 1, threshold, 0, format_results, include_confidence,
                                  include_spans, max_len=max_len, overlap_policy=overlap_policy)[0]

    def extract_entities(self, text: str, entity_types, threshold: float = 0.5, format_results: bool = True,
                         include_confidence: bool = False, include_spans: bool = False,
                         max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, Schema().entities(entity_types), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_entities(self, texts: Sequence[str], entity_types, batch_size: int = 8, threshold: float = 0.5,
                               num_workers: int = 0, format_results: bool = True, include_confidence: bool = False,
                               include_spans: bool = False, max_len: Optional[int] = None,
                               overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, Schema().entities(entity_types), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def classify_text(self, text: str, tasks: dict, threshold: float = 0.5, format_results: bool = True,
                      include_confidence: bool = False, include_spans: bool = False,
                      max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, _classification_schema(tasks), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_classify_text(self, texts: Sequence[str], tasks: dict, batch_size: int = 8, threshold: float = 0.5,
                            num_workers: int = 0, format_results: bool = True, include_confidence: bool = False,
                            include_spans: bool = False, max_len: Optional[int] = None,
                            overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, _classification_schema(tasks), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def extract_json(self, text: str, structures: dict, threshold: float = 0.5, format_results: bool = True,
                     include_confidence: bool = False, include_spans: bool = False,
                     max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, _json_schema(structures), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_json(self, texts: Sequence[str], structures: dict, batch_size: int = 8, threshold: float = 0.5,
                           num_workers: int = 0, format_results: bool = True, include_confidence: bool = False,
                           include_spans: bool = False, max_len: Optional[int] = None,
                           overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, _json_schema(structures), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def extract_relations(self, text: str, relation_types, threshold: float = 0.5, format_results: bool = True,
                          include_confidence: bool = False, include_spans: bool = False,
                          max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, Schema().relations(relation_types), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_relations(self, texts: Sequence[str], relation_types, batch_size: int = 8,
                                threshold: float = 0.5, num_workers: int = 0, format_results: bool = True,
                                include_confidence: bool = False, include_spans: bool = False,
                                max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, Schema().relations(relation_types), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    # -- the batched core -----------------------------------------------------

    @torch.inference_mode()
    def batch_extract(
        self,
        texts: Sequence[str],
        schemas: Union[Schema, dict, Sequence[Union[Schema, dict]]],
        batch_size: int = 8,
        threshold: float = 0.5,
        num_workers: int = 0,
        format_results: bool = True,
        include_confidence: bool = False,
        include_spans: bool = False,
        max_len: Optional[int] = None,
        overlap_policy: Optional[str] = None,
    ) -> list[dict]:
        """Extract with one schema for all texts, or one per text. ``batch_size`` texts
        (with all their windows) share one encoder pass. ``num_workers`` is accepted for
        compatibility; preprocessing runs in-process."""
        if isinstance(texts, str) or not isinstance(texts, Sequence):
            raise TypeError(f"texts must be a list of strings, got {type(texts).__name__}")
        for index, text in enumerate(texts):
            _check_text(text, index)
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        _check_threshold(threshold)
        if max_len is not None and (not isinstance(max_len, int) or max_len < 1):
            raise ValueError(f"max_len must be a positive integer or None, got {max_len!r}")
        policy = normalize_overlap_policy(overlap_policy)
        if not texts:
            return []
        if isinstance(schemas, (list, tuple)):
            if len(schemas) != len(texts):
                raise ValueError(f"Got {len(schemas)} schemas for {len(texts)} texts; pass one schema or one per text")
            compiled = [compile_schema(schema) for schema in schemas]
        else:
            compiled = [compile_schema(schemas)] * len(texts)
        if self.training:
            self.eval()
        options = dict(threshold=float(threshold), policy=policy, include_confidence=include_confidence,
                       include_spans=include_spans)
        results: list[dict] = []
        for begin in range(0, len(texts), batch_size):
            chunk = list(zip(texts[begin:begin + batch_size], compiled[begin:begin + batch_size]))
            raw_results = self._run_batch(chunk, max_len, options)
            for (text, schema), raw in zip(chunk, raw_results):
                results.append(
                    format_payload(raw, include_confidence, schema.relation_order, schema.classification_tasks)
                    if format_results else raw
                )
        return results

    def _run_batch(self, chunk: list[tuple[str, CompiledSchema]], max_len: Optional[int], options: dict) -> list[dict]:
        windows: list[_Window] = []
        documents: list[Optional[_Document]] = []
        prefixes: dict[int, Any] = {}
        limit = self.max_positions()
        for doc_index, (text, schema) in enumerate(chunk):
            if not text.strip():
                documents.append(None)
                continue
            model_text = _model_text(text)
            words = split_words(model_text, getattr(self, "_splitter", None))
            if max_len is not None:
                words = words[:max_len]
            prefix = prefixes.get(id(schema))
            if prefix is None:
                prefix = prefixes[id(schema)] = self.inputs.encode_schema(schema)
            word_ids = self.inputs.word_ids(words)
            budget = None
            if limit is not None:
                budget = limit - len(prefix.ids) - sum(len(p) for p in prefix.prefix_ids)
                if budget < 16:
                    raise ValueError(
                        f"The schema alone takes {limit - budget} of the encoder's {limit} positions; "
                        "use fewer labels or shorter descriptions"
                    )
                word_ids = [ids if len(ids) <= budget // 2 else ids[: budget // 2] for ids in word_ids]
            spans = plan_windows([len(ids) for ids in word_ids], budget, self.window_words, self.window_overlap)
            first = len(windows)
            for start, end in spans:
                encoded = InputEncoder.encode_window(prefix, word_ids[start:end])
                windows.append(_Window(doc_index, start, end, encoded))
            documents.append(_Document(text, model_text, words, schema, list(range(first, len(windows)))))
        outputs = self._forward(windows, [documents[w.doc].schema for w in windows]) if windows else []
        return [
            _empty_result(schema) if doc is None else self._decode_document(doc, windows, outputs, options)
            for doc, (_, schema) in zip(documents, chunk)
        ]

    # -- model passes ---------------------------------------------------------

    def _forward(self, windows: list[_Window], schemas: list[CompiledSchema]) -> list[dict]:
        """One encoder pass over all windows, then batched heads. Returns per window:
        counts per span task, span probabilities per task [T, M, L, W] on CPU, class
        probabilities per classification task."""
        device = self.device
        hidden, words, word_counts = self.encode([w.encoded for w in windows])

        # Schema vectors: for each (window, task) the [P] vector and one per label.
        span_jobs, class_jobs = [], []
        for row, (window, schema) in enumerate(zip(windows, schemas)):
            for task_index, (task, positions) in enumerate(zip(schema.tasks, window.encoded.marker_positions)):
                job = (row, task_index, task, positions)
                (class_jobs if task.kind == "classifications" else span_jobs).append(job)

        results = [{"counts": {}, "spans": {}, "classes": {}} for _ in windows]
        if class_jobs:
            rows = torch.tensor([r for r, _, _, p in class_jobs for _ in p[1:]], device=device)
            cols = torch.tensor([c for _, _, _, p in class_jobs for c in p[1:]], device=device)
            logits = self.classifier(hidden[rows, cols]).squeeze(-1).float().cpu()
            offset = 0
            for row, task_index, task, positions in class_jobs:
                task_logits = logits[offset: offset + len(positions) - 1]
                offset += len(positions) - 1
                results[row]["classes"][task_index] = _class_probabilities(task, task_logits)

        if span_jobs:
            rows = torch.tensor([r for r, _, _, _ in span_jobs], device=device)
            cols = torch.tensor([p[0] for _, _, _, p in span_jobs], device=device)
            counts = self.count_pred(hidden[rows, cols]).argmax(-1).tolist()
            active = []
            for (row, task_index, task, positions), count in zip(span_jobs, counts):
                results[row]["counts"][task_index] = count
                if count > 0:
                    # Entities read only the first instance's queries.
                    active.append((row, task_index, positions, 1 if task.kind == "entities" else count))
            if active:
                self._score_spans(active, hidden, words, word_counts, results)
        return results

    def _score_spans(self, active, hidden, words, word_counts, results) -> None:
        device = hidden.device
        field_rows = torch.tensor([r for r, _, p, _ in active for _ in p[1:]], device=device)
        field_cols = torch.tensor([c for _, _, p, _ in active for c in p[1:]], device=device)
        groups = torch.tensor([g for g, (_, _, p, _) in enumerate(active) for _ in p[1:]], device=device)
        steps = max(n for _, _, _, n in active)
        queries = self.count_embed(hidden[field_rows, field_cols], steps, groups)  # [steps, fields, H]

        # Per window, concatenate its tasks' queries (instance-major) into one list.
        per_window: dict[int, list[torch.Tensor]] = {}
        slices = []
        offset = 0
        for row, task_index, positions, n in active:
            fields = len(positions) - 1
            task_queries = queries[:n, offset: offset + fields].reshape(n * fields, -1)
            offset += fields
            start = sum(len(q) for q in per_window.get(row, []))
            per_window.setdefault(row, []).append(task_queries)
            slices.append((row, task_index, start, n, fields))
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
        for row, task_index, start, n, fields in slices:
            block = probabilities[position[row], start: start + n * fields, : word_counts[row]]
            results[row]["spans"][task_index] = block.reshape(n, fields, block.shape[-2], block.shape[-1])

    # -- decoding -------------------------------------------------------------

    def _decode_document(self, doc: _Document, windows: list[_Window], outputs: list[dict], options: dict) -> dict:
        raw: "OrderedDict[str, Any]" = OrderedDict()
        single = len(doc.windows) == 1
        for task_index, task in enumerate(doc.schema.tasks):
            parts = [(windows[w], outputs[w]) for w in doc.windows]
            if task.kind == "classifications":
                probabilities = torch.stack([out["classes"][task_index] for _, out in parts]).max(0).values
                raw[task.name] = _decode_classification(task, probabilities)
            elif task.kind == "entities":
                raw[task.name] = self._decode_entities(doc, task, task_index, parts, options)
            else:
                raw[task.name] = self._decode_instances(doc, task, task_index, parts, options, single)
        return raw

    def _window_spans(self, doc: _Document, window: _Window, probs: torch.Tensor, threshold: float) -> list[Span]:
        """Candidates >= threshold from one (instance, field) score grid [L, W], in doc offsets."""
        prefix = window.encoded.num_prefix_words
        text_probs = probs[prefix:]
        n_words = window.word_end - window.word_start
        selected = text_probs >= threshold
        starts, widths = torch.nonzero(selected, as_tuple=True)
        confidences = text_probs[selected].tolist()  # same row-major order as nonzero
        spans = []
        first_cut = window.word_start > 0
        last_cut = window.word_end < len(doc.words)
        for s, w, confidence in zip(starts.tolist(), widths.tolist(), confidences):
            e = s + w  # last word, inclusive
            if e >= n_words:
                continue
            # A span touching a cut edge is seen whole by the neighbouring window.
            if (first_cut and s == 0) or (last_cut and e == n_words - 1):
                continue
            start_word, end_word = doc.words[window.word_start + s], doc.words[window.word_start + e]
            spans.append((doc.model_text[start_word.start:end_word.end].strip(), confidence,
                          start_word.start, end_word.end))
        return spans

    def _field_spans(self, doc, task, field, parts, task_index, instance, threshold, options) -> list[Span]:
        field_index = task.fields.index(field)
        spans: list[Span] = []
        for window, out in parts:
            grid = out["spans"].get(task_index)
            if grid is None or instance >= grid.shape[0]:
                continue
            spans += self._window_spans(doc, window, grid[instance, field_index], threshold)
        if len(parts) > 1:
            spans = _best_per_boundary(spans)
        if field.validators:
            spans = [s for s in spans if all(v.validate(s[0]) for v in field.validators)]
        spans = finalize_spans(spans, field.dtype, options["policy"])
        return _clip(spans, doc.text)

    def _decode_entities(self, doc, task, task_index, parts, options) -> list:
        if not any(out["counts"].get(task_index, 0) > 0 for _, out in parts):
            return []
        by_name = {f.name: f for f in task.fields}
        found: "OrderedDict[str, Any]" = OrderedDict()
        for name in task.output_order:
            field = by_name.get(name)
            if field is None:
                continue
            threshold = field.threshold if field.threshold is not None else options["threshold"]
            spans = self._field_spans(doc, task, field, parts, task_index, 0, threshold, options)
            found[name] = _field_value(spans, field.dtype, options, empty_str="")
        return [found] if found else []

    def _decode_instances(self, doc, task, task_index, parts, options, single: bool) -> Any:
        counts = [out["counts"].get(task_index, 0) for _, out in parts]
        if max(counts) <= 0:
            return [] if task.kind == "relations" else {}
        instances: list[Any] = []
        seen: set = set()
        for window_part, count in zip(parts, counts):
            for instance in range(count):
                value = (
                    self._relation_instance(doc, task, task_index, [window_part], instance, options)
                    if task.kind == "relations"
                    else self._structure_instance(doc, task, task_index, [window_part], instance, options)
                )
                if value is None:
                    continue
                if not single:
                    key = repr(value)
                    if key in seen:
                        continue
                    seen.add(key)
                instances.append(value)
        return instances

    def _relation_instance(self, doc, task, task_index, parts, instance, options):
        threshold = task.threshold if task.threshold is not None else options["threshold"]
        values = []
        for name in task.output_order:
            field = next((f for f in task.fields if f.name == name), None)
            if field is None:
                continue
            spans = self._field_spans(doc, task, field, parts, task_index, instance, threshold, options)
            values.append(spans[0] if spans else None)
        if len(values) != 2 or not values[0] or not values[1]:
            return None
        head, tail = values
        if not options["include_confidence"] and not options["include_spans"]:
            return (head[0], tail[0])
        return {"head": span_item(head, options["include_confidence"], options["include_spans"]),
                "tail": span_item(tail, options["include_confidence"], options["include_spans"])}

    def _structure_instance(self, doc, task, task_index, parts, instance, options):
        record: "OrderedDict[str, Any]" = OrderedDict()
        by_name = {f.name: f for f in task.fields}
        for name in task.output_order:
            field = by_name.get(name)
            if field is None:
                continue
            threshold = field.threshold if field.threshold is not None else options["threshold"]
            if field.choices:
                record[name] = _decode_choice(field, task, task_index, parts, instance, threshold, options)
            else:
                spans = self._field_spans(doc, task, field, parts, task_index, instance, threshold, options)
                record[name] = _field_value(spans, field.dtype, options, empty_str=None)
        if any(v is not None and v != [] for v in record.values()):
            return record
        return None

    # -- loading helpers ------------------------------------------------------

    @classmethod
    def from_encoder(cls, encoder_name_or_path, counting_layer: str = "count_lstm", seed: Optional[int] = None):
        model = super().from_encoder(encoder_name_or_path, counting_layer=counting_layer, seed=seed)
        model.set_word_splitter(None)
        return model


# ---------------------------------------------------------------------------


def _check_text(text: Any, index: Optional[int] = None) -> None:
    if not isinstance(text, str):
        where = "text" if index is None else f"texts[{index}]"
        raise TypeError(f"{where} must be a str, got {type(text).__name__}")


def _check_threshold(threshold: Any) -> None:
    if (isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or math.isnan(threshold)
            or not 0 <= threshold <= 1):
        raise ValueError(f"threshold must be a number in [0, 1], got {threshold!r}")


def _classification_schema(tasks: dict) -> Schema:
    if not isinstance(tasks, dict) or not tasks:
        raise ValueError("tasks must be a non-empty dict of {task: labels or {labels: [...], ...}}")
    schema = Schema()
    for name, config in tasks.items():
        if isinstance(config, dict) and "labels" in config:
            options = dict(config)
            schema.classification(name, options.pop("labels"), **options)
        else:
            schema.classification(name, config)
    return schema


def _json_schema(structures: dict) -> Schema:
    if not isinstance(structures, dict) or not structures:
        raise ValueError("structures must be a non-empty dict of {name: [field specs]}")
    schema = Schema()
    for name, fields in structures.items():
        if not isinstance(fields, (list, tuple)) or not fields:
            raise ValueError(f"Structure {name!r} needs a non-empty list of field specs")
        builder = schema.structure(name)
        for spec in fields:
            field_name, dtype, choices, description = parse_field_spec(spec)
            builder.field(field_name, dtype=dtype, choices=choices, description=description)
    return schema


def _class_probabilities(task: Task, logits: torch.Tensor) -> torch.Tensor:
    config = task.classification
    activation = config.get("class_act", "auto")
    multi = config.get("multi_label", False)
    if activation == "sigmoid" or (activation == "auto" and multi):
        return torch.sigmoid(logits)
    return torch.softmax(logits, dim=-1)


def _decode_classification(task: Task, probabilities: torch.Tensor) -> Any:
    config = task.classification
    labels = list(config["labels"])
    values = probabilities.tolist()
    if not config.get("multi_label", False):
        best = int(torch.argmax(probabilities))
        return (labels[best], values[best])
    threshold = config.get("cls_threshold", 0.5)
    chosen = [(label, p) for label, p in zip(labels, values) if p >= threshold]
    if not chosen:
        best = int(torch.argmax(probabilities))
        chosen = [(labels[best], values[best])]
    if config.get("top_k") is not None:
        chosen = sorted(chosen, key=lambda pair: pair[1], reverse=True)[: config["top_k"]]
    return chosen


def _decode_choice(field, task, task_index, parts, instance, threshold, options) -> Any:
    """Choice fields read the width-0 score at each choice's word in the prefix."""
    best_per_choice: dict[str, float] = {}
    for window, out in parts:
        grid = out["spans"].get(task_index)
        if grid is None or instance >= grid.shape[0]:
            continue
        prefix = window.encoded.num_prefix_words
        scores = grid[instance, task.fields.index(field), :prefix, 0]
        words = [w.lower() for w in window.encoded.prefix_words]
        for choice in field.choices:
            if choice.lower() in words:
                score = float(scores[words.index(choice.lower())])
                best_per_choice[choice] = max(score, best_per_choice.get(choice, -1.0))
    if field.dtype == "list":
        chosen = []
        for choice in dict.fromkeys(field.choices):
            score = best_per_choice.get(choice)
            if score is not None and score >= threshold:
                chosen.append({"text": choice, "confidence": score} if options["include_confidence"] else choice)
        return chosen
    best, best_score = None, -1.0
    for choice in field.choices:
        score = best_per_choice.get(choice)
        if score is not None and score > best_score:
            best, best_score = choice, score
    if best and best_score >= threshold:
        return {"text": best, "confidence": best_score} if options["include_confidence"] else best
    return None


def _field_value(spans: list[Span], dtype: str, options: dict, empty_str: Any) -> Any:
    confidence, with_spans = options["include_confidence"], options["include_spans"]
    if dtype == "list":
        return [span_item(s, confidence, with_spans) for s in spans]
    if spans:
        return span_item(spans[0], confidence, with_spans)
    return empty_str if not confidence and not with_spans else None


def _best_per_boundary(spans: list[Span]) -> list[Span]:
    """Across overlapping windows, one candidate per (start, end): the most confident."""
    best: dict[tuple[int, int], Span] = {}
    for span in spans:
        key = (span[2], span[3])
        if key not in best or span[1] > best[key][1]:
            best[key] = span
    return sorted(best.values(), key=lambda s: (s[2], s[3]))


def _clip(spans: list[Span], text: str) -> list[Span]:
    """Keep offsets inside the caller's text (the model saw an extra final period)."""
    limit = len(text)
    clipped, seen = [], set()
    for value, confidence, start, end in spans:
        if end > limit:
            value = text[start:limit].rstrip()
            end = start + len(value)
            if not value:
                continue
        if (start, end) in seen:  # two candidates that differed only by the period
            continue
        seen.add((start, end))
        clipped.append((value, confidence, start, end))
    return clipped


def _empty_result(schema: CompiledSchema) -> dict:
    """What a text with no words yields: every requested key, nothing found."""
    raw: "OrderedDict[str, Any]" = OrderedDict()
    for task in schema.tasks:
        if task.kind == "entities":
            raw[task.name] = [OrderedDict((f.name, [] if f.dtype == "list" else "") for f in task.fields)]
        elif task.kind == "classifications":
            raw[task.name] = [] if task.classification.get("multi_label") else None
        else:
            raw[task.name] = []
    return raw
