"""GLiNER2: the public extraction API, a drop-in for the reference ``gliner2.GLiNER2``
on span checkpoints (same methods, arguments and output shapes).

A thin facade over the engine's modules: checks the arguments (``inputs``), compiles
schemas (``schema``), cuts texts into windows (``windows``), runs the model
(``model``) in bounded batches and decodes what its heads say (``decoding``).

Where we differ on purpose:
- Long documents never crash and are never truncated silently: past the encoder's
  position limit or ``window_words`` words, a text is split into overlapping word
  windows; the windows go through the encoder at most ``batch_size`` at a time, so
  memory does not grow with the document. Results come back with document offsets,
  merged across windows.
- Bad input raises: non-string text is a TypeError; a malformed schema, field spec or
  threshold is a ValueError naming the culprit. Empty or whitespace-only text
  returns empty results without running the model.
- Offsets always index the caller's text: a span reaching into the period that the
  model input appends is clipped to the text (dropped if nothing is left).
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional, Sequence, Union

import torch

from presidio_gliner2.engine import deadline
from presidio_gliner2.engine.backends import DEFAULT_BACKEND, check_backend, check_device, require_packages, use_backend
from presidio_gliner2.engine.canary import verify_canary
from presidio_gliner2.engine.decoding import (
    DecodeOptions,
    decode_document,
    empty_result,
    format_results as format_payload,
    normalize_overlap_policy,
)
from presidio_gliner2.engine.memory import release_freed_memory
from presidio_gliner2.engine.inputs import check_positive_int, check_text, check_texts, check_unit_interval, check_window
from presidio_gliner2.engine.model import GLiNER2Model, ModelBatch, WindowOutput
from presidio_gliner2.engine.schema import (
    CompiledSchema,
    Schema,
    classification_schema,
    compile_schema,
    json_schema,
)
from presidio_gliner2.engine.windows import (
    AUTO_WINDOW,
    DEFAULT_BATCH_SIZE,
    DEFAULT_WINDOW_OVERLAP,
    DEFAULT_WINDOW_WORDS,
    Document,
    Windower,
    batches,
    resolve_window_words,
)
from presidio_gliner2.engine.words import resolve_word_splitter

SchemaArg = Union[Schema, dict]


def _chained(name: str):
    """An ``nn.Module`` method run on the wrapped model that returns the facade, so
    ``GLiNER2.from_pretrained(...).to("cuda").eval()`` still yields a GLiNER2."""

    def method(self: "GLiNER2", *args: Any, **kwargs: Any) -> "GLiNER2":
        getattr(self.model, name)(*args, **kwargs)
        return self

    method.__name__ = name
    method.__doc__ = f"``nn.Module.{name}`` on the wrapped model; returns this GLiNER2."
    return method


class GLiNER2:
    """The schema-driven extraction API over a ``GLiNER2Model`` (``.model``).

    ``window_words`` / ``window_overlap`` (attributes, also ``from_pretrained``
    arguments) set the long-document word window; the encoder's position limit
    always applies on top. ``window_words="auto"`` (the default) is 384 words for an
    encoder with a position limit (BERT, MiniLM) and 1,024 for one without (DeBERTa),
    which then reads most texts whole, as the reference does.

    The facade holds the model rather than being it; everything else the module has
    (``encoder``, ``config``, ``tokenizer``, ``inputs``, the heads, ``parameters()``,
    ``state_dict()``, ``device``, ``training``...) reads through to it, so code written
    for the module (training, benchmarks) works on a GLiNER2 too.
    """

    window_words: Optional[int] = DEFAULT_WINDOW_WORDS
    window_overlap: int = DEFAULT_WINDOW_OVERLAP

    def __init__(self, model: GLiNER2Model, word_splitter=None, window_words: Union[int, str, None] = AUTO_WINDOW,
                 window_overlap: int = DEFAULT_WINDOW_OVERLAP):
        self.model = model
        self.set_word_splitter(word_splitter)
        self.set_window(window_words, window_overlap)

    def __getattr__(self, name: str) -> Any:
        # Only called for names the facade lacks. "model" itself must not recurse (copy, pickle).
        if name == "model":
            raise AttributeError(name)
        return getattr(self.model, name)

    to = _chained("to")
    eval = _chained("eval")
    train = _chained("train")
    half = _chained("half")
    cpu = _chained("cpu")
    cuda = _chained("cuda")
    requires_grad_ = _chained("requires_grad_")

    # -- loading, saving, settings --------------------------------------------

    @classmethod
    def from_pretrained(
        cls,
        name_or_path: Union[str, os.PathLike],
        map_location=None,
        word_splitter=None,
        window_words: Union[int, str, None] = AUTO_WINDOW,
        window_overlap: int = DEFAULT_WINDOW_OVERLAP,
        quantize: bool = False,
        compile: bool = False,
        backend: str = DEFAULT_BACKEND,
        **hub_options: Any,
    ) -> "GLiNER2":
        """Load a span checkpoint from a directory or a hub id. ``quantize`` casts to fp16
        (for GPUs); ``compile`` applies ``torch.compile`` to the encoder. ``backend`` says where the
        encoder runs: ``"torch"`` (exact parity with the reference), ``"torch-int8"``, ``"onnx"`` or
        ``"onnx-int8"`` (CPU only; the ONNX ones need ``pip install 'presidio-gliner2[onnx]'`` and
        export the encoder once per checkpoint, see ``engine.onnx_export``)."""
        backend = check_backend(backend)
        require_packages(backend)  # before the load: a missing extra fails fast
        check_device(backend, map_location)
        if backend != DEFAULT_BACKEND and (quantize or compile):
            raise ValueError(f"quantize and compile apply to backend 'torch' only, not {backend!r}")
        model = GLiNER2Model.from_pretrained(name_or_path, map_location=map_location, **hub_options)
        facade = cls(model, word_splitter, window_words, window_overlap)
        if backend != DEFAULT_BACKEND:
            # A checkpoint with a canary must pass it on torch before its encoder is exported.
            use_backend(model, backend, prove=lambda: verify_canary(facade, model.checkpoint_dir))
        if quantize:
            facade.quantize()
        if compile:
            facade.compile()
        return facade

    @classmethod
    def from_encoder(cls, encoder_name_or_path: Union[str, os.PathLike], counting_layer: str = "count_lstm",
                     seed: Optional[int] = None) -> "GLiNER2":
        """Untrained heads around a pretrained HF encoder directory, to fine-tune."""
        return cls(GLiNER2Model.from_encoder(encoder_name_or_path, counting_layer=counting_layer, seed=seed))

    def save_pretrained(self, directory: Union[str, os.PathLike], dtype: Optional[torch.dtype] = None) -> None:
        """Write the published checkpoint layout (``dtype=torch.float16`` halves the file)."""
        self.model.save_pretrained(directory, dtype=dtype)

    def quantize(self) -> "GLiNER2":
        """fp16 weights; worthwhile on GPUs, slow on most CPUs."""
        self.model.half()
        return self

    def compile(self) -> "GLiNER2":
        self.model.encoder = torch.compile(self.model.encoder, dynamic=True)
        return self

    def max_positions(self) -> Optional[int]:
        """The encoder's hard sequence limit, or None for relative-position encoders."""
        return self.model.max_positions()

    def set_word_splitter(self, word_splitter=None) -> None:
        """"whitespace" (default), "char" (for CJK) or a callable ``(text, lower) -> (token, start, end)``."""
        self._splitter = resolve_word_splitter(word_splitter)

    def set_window(self, window_words: Union[int, str, None], window_overlap: int) -> None:
        """Words per window (None: only the encoder's limit; "auto": sized to the encoder, see the
        class docstring) and words shared by neighbours."""
        if window_overlap is None:
            raise ValueError("window_overlap must be a non-negative integer, got None")
        window_words = resolve_window_words(window_words, self.max_positions())
        check_window(window_words, window_overlap)
        self.window_words, self.window_overlap = window_words, window_overlap

    def create_schema(self) -> Schema:
        return Schema()

    # -- the convenience API --------------------------------------------------

    def extract(self, text: str, schema, threshold: float = 0.5, format_results: bool = True,
                include_confidence: bool = False, include_spans: bool = False, max_len: Optional[int] = None,
                overlap_policy: Optional[str] = None) -> dict:
        check_text(text)
        return self.batch_extract([text], schema, DEFAULT_BATCH_SIZE, threshold, 0, format_results,
                                  include_confidence, include_spans, max_len=max_len,
                                  overlap_policy=overlap_policy)[0]

    def extract_entities(self, text: str, entity_types, threshold: float = 0.5, format_results: bool = True,
                         include_confidence: bool = False, include_spans: bool = False,
                         max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, Schema().entities(entity_types), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_entities(self, texts: Sequence[str], entity_types, batch_size: int = DEFAULT_BATCH_SIZE,
                               threshold: float = 0.5, num_workers: int = 0, format_results: bool = True,
                               include_confidence: bool = False, include_spans: bool = False,
                               max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, Schema().entities(entity_types), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def classify_text(self, text: str, tasks: dict, threshold: float = 0.5, format_results: bool = True,
                      include_confidence: bool = False, include_spans: bool = False,
                      max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, classification_schema(tasks), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_classify_text(self, texts: Sequence[str], tasks: dict, batch_size: int = DEFAULT_BATCH_SIZE,
                            threshold: float = 0.5, num_workers: int = 0, format_results: bool = True,
                            include_confidence: bool = False, include_spans: bool = False,
                            max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, classification_schema(tasks), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def extract_json(self, text: str, structures: dict, threshold: float = 0.5, format_results: bool = True,
                     include_confidence: bool = False, include_spans: bool = False,
                     max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, json_schema(structures), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_json(self, texts: Sequence[str], structures: dict, batch_size: int = DEFAULT_BATCH_SIZE,
                           threshold: float = 0.5, num_workers: int = 0, format_results: bool = True,
                           include_confidence: bool = False, include_spans: bool = False,
                           max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> list[dict]:
        return self.batch_extract(texts, json_schema(structures), batch_size, threshold, num_workers,
                                  format_results, include_confidence, include_spans, max_len, overlap_policy)

    def extract_relations(self, text: str, relation_types, threshold: float = 0.5, format_results: bool = True,
                          include_confidence: bool = False, include_spans: bool = False,
                          max_len: Optional[int] = None, overlap_policy: Optional[str] = None) -> dict:
        return self.extract(text, Schema().relations(relation_types), threshold, format_results, include_confidence,
                            include_spans, max_len, overlap_policy)

    def batch_extract_relations(self, texts: Sequence[str], relation_types, batch_size: int = DEFAULT_BATCH_SIZE,
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
        schemas: Union[SchemaArg, Sequence[SchemaArg]],
        batch_size: int = DEFAULT_BATCH_SIZE,
        threshold: float = 0.5,
        num_workers: int = 0,
        format_results: bool = True,
        include_confidence: bool = False,
        include_spans: bool = False,
        max_len: Optional[int] = None,
        overlap_policy: Optional[str] = None,
    ) -> list[dict]:
        """Extract with one schema for all texts, or one per text.

        ``batch_size`` bounds the work in flight: texts are prepared ``batch_size`` at a
        time, and their windows go through the encoder at most ``batch_size`` per pass
        (short texts: one window each, so one pass per chunk; a long text: as many
        passes as it needs). ``num_workers`` is accepted for compatibility;
        preprocessing runs in-process."""
        texts = check_texts(texts)
        check_positive_int(batch_size, "batch_size")
        threshold = check_unit_interval(threshold, "threshold")
        check_positive_int(max_len, "max_len", optional=True)
        options = DecodeOptions(threshold, normalize_overlap_policy(overlap_policy), include_confidence, include_spans)
        if not texts:
            return []
        compiled = _compile_schemas(schemas, len(texts))
        if self.model.training:
            self.model.eval()
        windower = Windower(self.model.inputs, self._splitter, self.window_words, self.window_overlap,
                            self.max_positions(), max_len)
        results: list[dict] = []
        for chunk in batches(list(zip(texts, compiled)), batch_size):
            documents = [windower.document(text, schema) for text, schema in chunk]
            outputs = self._window_outputs(documents, batch_size)
            for (_, schema), document in zip(chunk, documents):
                if document is None:
                    raw = empty_result(schema)
                else:
                    raw = decode_document(document, [(w, next(outputs)) for w in document.windows], options)
                results.append(format_payload(raw, include_confidence, schema.relation_order,
                                              schema.classification_tasks) if format_results else raw)
        return results

    def _window_outputs(self, documents: list[Optional[Document]], batch_size: int) -> Iterator[WindowOutput]:
        """The heads' output for every window of ``documents``, in order, ``batch_size`` windows
        per model pass, computed a block of ``BUCKET_PASSES`` passes at a time (memory stays flat
        in document length). Within a block, windows of similar length share a pass: a pass pads
        every window to its longest, so sorting by length saves that padding's encoder work."""
        windows = [(window.encoded, doc.schema) for doc in documents if doc is not None for window in doc.windows]
        for start in range(0, len(windows), batch_size * BUCKET_PASSES):
            block = windows[start:start + batch_size * BUCKET_PASSES]
            by_length = sorted(range(len(block)), key=lambda i: len(block[i][0].input_ids))
            outputs: list[Optional[WindowOutput]] = [None] * len(block)
            for batch in batches(by_length, batch_size):
                deadline.check()  # a caller that gave up (a 504) does not keep the model busy
                encoded, schemas = zip(*(block[i] for i in batch))
                for index, output in zip(batch, self.model(ModelBatch(list(encoded), list(schemas))).windows):
                    outputs[index] = output
                release_freed_memory()  # else a long document's passes pile up (engine/memory.py)
            yield from outputs


# Passes' worth of windows sorted by length together: enough to group short and long texts of a
# batch call, few enough that the outputs held at once stay small.
BUCKET_PASSES = 8


def _compile_schemas(schemas: Union[SchemaArg, Sequence[SchemaArg]], count: int) -> list[CompiledSchema]:
    """One compiled schema per text: the same one for all, or one each."""
    if isinstance(schemas, (list, tuple)):
        if len(schemas) != count:
            raise ValueError(f"Got {len(schemas)} schemas for {count} texts; pass one schema or one per text")
        return [compile_schema(schema) for schema in schemas]
    return [compile_schema(schemas)] * count
