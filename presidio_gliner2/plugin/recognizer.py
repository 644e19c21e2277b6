"""GLiNER2Recognizer: a Presidio LocalRecognizer backed by a GLiNER2 model and an entity pack."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from presidio_gliner2.engine.backends import check_backend
from presidio_gliner2.engine.decoding import best_per_key
from presidio_gliner2.engine.inputs import check_text, check_texts, check_window
from presidio_gliner2.engine.schema import check_threshold
from presidio_gliner2.engine.words import trim_whitespace
from presidio_gliner2.engine.deadline import DeadlineExceeded
from presidio_gliner2.plugin.micro_batching import MicroBatcher
from presidio_gliner2.plugin.model_cache import InferenceError, get_model, model_lock
from presidio_gliner2.plugin import log_privacy
from presidio_gliner2.plugin.offline import use_offline_public_suffix_list
from presidio_gliner2.plugin.registration import register_yaml_config
from presidio_gliner2.plugin.prompts import PromptGroup, build_schema, plan_groups
from presidio_gliner2.plugin.packs import Classifier, EntityLabel, Pack, classifiers_from, load_pack

logger = logging.getLogger("presidio_gliner2.plugin.recognizer")

DEFAULT_THRESHOLD = 0.5
# recognition_metadata key of every result this recognizer makes: the model label that found it.
# Downstream (overlap rules, findings, evaluation) tells GLiNER2 results apart by it.
MODEL_LABEL_KEY = "model_label"
ON_ERROR = ("raise", "skip")


@dataclass
class _Prediction:
    """What one pass found in one text: (label, start, end, score) spans and document classes."""

    spans: list[tuple[EntityLabel, int, int, float]] = field(default_factory=list)
    classes: dict[str, list[dict]] = field(default_factory=dict)
    failed: bool = False


class GLiNER2Recognizer(LocalRecognizer):
    """Finds the entities of an entity pack with a GLiNER2 model, and classifies documents.

    :param model: ``"default"`` (the bundled PII model), a checkpoint directory or a hub id.
        Loaded once per (model, device) per process and shared by every instance; a model that
        fails to load fails the construction (``ModelLoadError``).
    :param entities: a bundled pack name (``general``, ``healthcare``, ``finance``), a pack YAML
        path, or an inline mapping (Presidio entity -> label / {label, description, threshold} /
        a list of those; or a whole pack dict with ``entities`` and ``classifiers``).
    :param classifiers: None: the pack's document classifiers; False: none; or a mapping
        task -> {labels, multi_label, threshold} (the pack format).
    :param supported_language: the one language this instance serves (Presidio makes one
        instance per language; they share the model).
    :param supported_entities: serve only these entities of the pack (each must be in it).
    :param threshold: score threshold for labels without their own (default 0.5).
    :param device: torch device; None: ``$PRESIDIO_DEVICE``, else cuda when available, else cpu.
    :param backend: where the encoder runs: ``"torch"`` (exact), ``"torch-int8"``, ``"onnx"`` or
        ``"onnx-int8"`` (CPU; the ONNX ones need ``pip install 'presidio-gliner2[onnx]'``). None:
        ``$PRESIDIO_GLINER2_BACKEND``, else ``"torch"``.
    :param window_words: / window_overlap: long-text windows in model words (None: the model's
        defaults, 384 / 64); all windows of a text run in one batched encoder pass.
    :param batch_size: texts per encoder pass.
    :param label_descriptions: put each label's description in the prompt (default). False
        prompts with label names only: a much shorter prompt, so a faster pass and room for the
        classifiers in the same pass, at the accuracy measured in bench/results/ (README).
    :param on_error: ``"raise"`` (default) raises ``InferenceError`` when a model pass fails;
        ``"skip"`` logs a warning (never text or values) and returns no results for that call.
    :param name: / context / version: Presidio's.

    The model is prompted only with this recognizer's labels for the entities a call asks for
    (Presidio passes every entity of every recognizer; the others are ignored). Labels that do
    not fit one prompt are split into groups (at most 32 labels and three quarters of the
    encoder's positions, which is how the bundled model was trained; every shipped pack fits
    one). ``analyze``/``analyze_batch`` ask for entities only; ``analyze_and_classify`` (and
    ``precomputed(classify=True)``) put the classifiers in the first group, so classes come from
    the same pass as entities.
    """

    # The bundled model v2 trained on prompts of up to 32 described labels and 384 of its 512
    # positions, so each shipped pack fits one prompt: one encoder pass per text window.
    LABELS_PER_PROMPT_DESCRIBED = 32
    LABELS_PER_PROMPT = 32
    PROMPT_SHARE = 0.75  # of the encoder's positions; the rest is left for the text window
    PROMPT_TOKENS_UNBOUNDED = 256  # budget for encoders without a position limit

    def __init__(
        self,
        model: str = "default",
        entities: Union[str, Mapping, Pack] = "general",
        classifiers: Union[None, bool, Mapping] = None,
        supported_language: str = "en",
        supported_entities: Optional[Sequence[str]] = None,
        threshold: Optional[float] = None,
        device: Optional[str] = None,
        backend: Optional[str] = None,
        window_words: Optional[int] = None,
        window_overlap: Optional[int] = None,
        batch_size: int = 8,
        label_descriptions: bool = True,
        on_error: str = "raise",
        name: str = "GLiNER2Recognizer",
        context: Optional[list[str]] = None,
        version: str = "0.1.0",
    ):
        if not isinstance(model, str) or not model.strip():
            raise ValueError(f"model must be 'default', a checkpoint directory or a hub id, got {model!r}")
        if not isinstance(supported_language, str) or not supported_language.strip():
            raise ValueError(f"supported_language must be a language code like 'en', got {supported_language!r}")
        pack = load_pack(entities)
        if supported_entities is not None:
            if isinstance(supported_entities, str) or not all(isinstance(e, str) for e in supported_entities):
                raise TypeError("supported_entities must be a list of entity names")
            pack = pack.subset(supported_entities)
        self.pack = pack
        self.classifiers = _classifiers(classifiers, pack)
        self.threshold = check_threshold(threshold, "the recognizer")
        if device is not None and not isinstance(device, (str, int)):
            raise TypeError(f"device must be a string like 'cpu' or 'cuda:0', got {type(device).__name__}")
        self.device = None if device is None else str(device)
        self.backend = None if backend is None else check_backend(backend, "the recognizer's backend")
        check_window(window_words, window_overlap)
        self.window_words, self.window_overlap = window_words, window_overlap
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        self.batch_size = batch_size
        if not isinstance(label_descriptions, bool):
            raise TypeError(f"label_descriptions must be true or false, got {label_descriptions!r}")
        self.label_descriptions = label_descriptions
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
        self.on_error = on_error
        self.model_name = model
        self._model = None
        self._plans: dict[tuple, list[PromptGroup]] = {}
        self._local = threading.local()
        self._batcher: Optional[MicroBatcher] = None  # share_passes() turns it on
        super().__init__(supported_entities=pack.entity_names, name=name, supported_language=supported_language,
                         version=version, context=context)

    # -- Presidio contract ----------------------------------------------------

    def load(self) -> None:
        """Get the shared model (loading it on first use) and check that every prompt fits."""
        # No backend given: get_model resolves it ($PRESIDIO_GLINER2_BACKEND, else torch); the
        # two-argument call also keeps stand-ins for get_model with the older signature working.
        self._model = get_model(self.model_name, self.device) if self.backend is None else get_model(
            self.model_name, self.device, backend=self.backend)
        self._window = self._effective_window(self._model.window_words, self._model.window_overlap)
        self._plan(tuple(self.pack.entity_names), bool(self.classifiers))  # raises if a label cannot fit

    def analyze(self, text: str, entities: Optional[Iterable[str]] = None, nlp_artifacts=None) -> list[RecognizerResult]:
        check_text(text)
        selected = self._select(entities)
        if not selected:
            return []
        prediction = self._cached(text, selected)
        if prediction is None:
            # Entities only: the document classifiers stay out of a prompt whose classes nobody
            # reads (with them in it, v6 left more names unredacted on external text).
            prediction = self._predict([text], selected, with_classes=False)[0]
        return self._results(text, prediction, selected)

    def get_supported_entities(self) -> list[str]:
        return list(self.supported_entities)

    def to_dict(self) -> dict:
        """Every constructor argument; ``GLiNER2Recognizer.from_dict`` of it builds an equal recognizer."""
        pack = self.pack.to_dict()
        pack.pop("classifiers")
        return {
            **super().to_dict(),
            "model": self.model_name,
            "entities": pack,
            "classifiers": {task: {"labels": dict(c.labels), "multi_label": c.multi_label, "threshold": c.threshold}
                            for task, c in self.classifiers.items()} or False,
            "threshold": self.threshold, "device": self.device, "backend": self.backend,
            "window_words": self.window_words,
            "window_overlap": self.window_overlap, "batch_size": self.batch_size,
            "label_descriptions": self.label_descriptions, "on_error": self.on_error,
            "context": list(self.context),
        }

    # -- batches and classification -------------------------------------------

    def analyze_batch(self, texts: Sequence[str], entities: Optional[Iterable[str]] = None,
                      language: Optional[str] = None) -> list[list[RecognizerResult]]:
        """Results per text, from one batched model pass over all texts (entities only)."""
        return [results for results, _ in self._batch(texts, entities, language, with_classes=False)]

    def analyze_and_classify(self, texts: Sequence[str], entities: Optional[Iterable[str]] = None,
                             language: Optional[str] = None) -> list[tuple[list[RecognizerResult], dict]]:
        """(results, document classes) per text, from the same pass."""
        return self._batch(texts, entities, language)

    def classify(self, text: str, language: Optional[str] = None) -> dict[str, list[dict]]:
        """``{task: [{"label", "score"}, ...]}``: labels at or above the task's threshold, best first."""
        check_text(text)
        self._check_language(language)
        if not self.classifiers:
            return {}
        selected = tuple(self.pack.entity_names)
        prediction = self._cached(text, selected) or self._cached_classes(text)
        if prediction is None:
            # Only the first group carries the classifiers: the same prompt analyze() uses.
            prediction = self._predict([text], selected, first_group_only=True)[0]
        return _copy_classes(prediction.classes)

    @contextmanager
    def precomputed(self, texts: Sequence[str], entities: Optional[Iterable[str]] = None,
                    language: Optional[str] = None, classify: bool = True) -> Iterator["GLiNER2Recognizer"]:
        """Run ONE batched pass over ``texts``; inside the block, analyze()/classify() of any of
        those exact texts are served from it (for callers such as AnalyzerEngine that call
        recognizers one text at a time). A call asking for entities outside ``entities`` runs the
        model as usual. ``classify=False`` leaves the document classifiers out of the pass (their
        labels can need a prompt of their own: a second pass per text). Per thread; blocks nest."""
        texts = check_texts(texts)
        self._check_language(language)
        selected = self._select(entities)
        with_classes = classify and bool(self.classifiers)
        predictions = self._predict(texts, selected, with_classes=with_classes) if (selected or with_classes) else [
            _Prediction() for _ in texts]
        frame = {text: (frozenset(selected), prediction) for text, prediction in zip(texts, predictions)}
        stack = self._frames()
        stack.append(frame)
        try:
            yield self
        finally:
            del stack[next(i for i, f in enumerate(stack) if f is frame)]

    # -- internals ------------------------------------------------------------

    def _batch(self, texts, entities, language, with_classes: bool = True) -> list[tuple[list[RecognizerResult], dict]]:
        texts = check_texts(texts)
        self._check_language(language)
        selected = self._select(entities)
        with_classes = with_classes and bool(self.classifiers)
        if not selected and not with_classes:
            return [([], {}) for _ in texts]
        predictions = self._predict(texts, selected, with_classes=with_classes)
        return [(self._results(text, p, selected), _copy_classes(p.classes)) for text, p in zip(texts, predictions)]

    def _check_language(self, language: Optional[str]) -> None:
        if language is not None and language != self.supported_language:
            raise ValueError(f"{self.name} serves language {self.supported_language!r}, not {language!r}; "
                             "create one recognizer per language (they share the model)")

    def _select(self, entities: Optional[Iterable[str]]) -> tuple[str, ...]:
        """This recognizer's entities among those asked for, in pack order; others are not ours."""
        if entities is None:
            return tuple(self.supported_entities)
        if isinstance(entities, str):
            raise TypeError("entities must be a list of entity names, not a single string")
        wanted = set(entities)
        return tuple(e for e in self.supported_entities if e in wanted)

    def _frames(self) -> list:
        if not hasattr(self._local, "frames"):
            self._local.frames = []
        return self._local.frames

    def _cached(self, text: str, selected: tuple[str, ...]) -> Optional[_Prediction]:
        for frame in reversed(self._frames()):
            hit = frame.get(text)
            if hit is not None and set(selected) <= hit[0]:
                return hit[1]
        return None

    def _cached_classes(self, text: str) -> Optional[_Prediction]:
        for frame in reversed(self._frames()):
            hit = frame.get(text)
            if hit is not None and (hit[1].classes or hit[1].failed):
                return hit[1]
        return None

    def _plan(self, selected: tuple[str, ...], with_classes: bool) -> list[PromptGroup]:
        key = (selected, with_classes)
        if key not in self._plans:
            labels = self.pack.labels(selected)
            if not self.label_descriptions:
                labels = [replace(label, description=None) for label in labels]
            self._plans[key] = plan_groups(
                self._model, labels, list(self.classifiers.values()) if with_classes else [],
                self.LABELS_PER_PROMPT_DESCRIBED, self.LABELS_PER_PROMPT, self._prompt_budget())
        return self._plans[key]

    def _prompt_budget(self) -> int:
        limit = self._model.max_positions()
        return self.PROMPT_TOKENS_UNBOUNDED if limit is None else int(limit * self.PROMPT_SHARE)

    def _predict(self, texts: list[str], selected: tuple[str, ...], first_group_only: bool = False,
                 with_classes: Optional[bool] = None) -> list[_Prediction]:
        groups = self._plan(selected, bool(self.classifiers) if with_classes is None else with_classes)
        if first_group_only:
            groups = groups[:1]
        try:
            return self._run(texts, groups)
        except DeadlineExceeded:
            raise  # the caller gave up: not a model failure, and never "no results"
        except Exception as exc:
            if self.on_error == "raise":
                raise InferenceError.from_exception(exc, self.name, len(texts)) from None
            # Never the message: it could quote input. The type and sizes say enough to look.
            logger.warning("%s: inference failed (%s) on %d text(s); returning no results (on_error='skip')",
                           self.name, type(exc).__name__, len(texts))
            return [_Prediction(failed=True) for _ in texts]

    def _run(self, texts: list[str], groups: list[PromptGroup]) -> list[_Prediction]:
        predictions = [_Prediction() for _ in texts]
        if not groups or not texts:
            return predictions
        schemas = [build_schema(group, self.threshold) for group in groups]
        # Group-major: each group's texts sit together, one batched call for everything.
        run_texts = [text for _ in groups for text in texts]
        run_schemas = [schema for schema in schemas for _ in texts]
        outputs = self._extract(run_texts, run_schemas)
        for index, (group, output) in enumerate(zip((g for g in groups for _ in texts), outputs)):
            text_index = index % len(texts)
            _collect(predictions[text_index], texts[text_index], group, output)
        for prediction in predictions:
            prediction.spans = _best_per_entity_span(prediction.spans)
        return predictions

    def share_passes(self, max_wait_ms: float, max_texts: int) -> None:
        """Micro-batching for services: concurrent calls from other threads arriving within
        ``max_wait_ms``, or while the previous pass runs, share one model pass of up to
        ``max_texts`` texts (``micro_batching.py``);
        each still gets exactly its own results. ``max_wait_ms=0`` turns it off (the default: a
        single caller would only wait)."""
        if not isinstance(max_wait_ms, (int, float)) or isinstance(max_wait_ms, bool) or not 0 <= max_wait_ms <= 1000:
            raise ValueError(f"max_wait_ms must be a number of milliseconds in [0, 1000], got {max_wait_ms!r}")
        if str(getattr(self._model, "backend", "torch")).endswith("int8"):
            # Dynamic int8 scales activations by each batch's range: sharing a pass would make one
            # request's findings depend on the others' texts (measured: bench/load_test.py --matrix).
            logger.info("%s: no shared passes on an int8 backend (results would depend on other requests)", self.name)
            max_wait_ms = 0
        self._batcher = None if max_wait_ms == 0 else MicroBatcher(
            lambda items: self._extract_now([t for t, _ in items], [s for _, s in items]),
            max_wait_ms / 1000.0, max_texts)

    def _extract(self, texts: list[str], schemas: list) -> list[dict]:
        if self._batcher is not None:
            return self._batcher(list(zip(texts, schemas)))
        return self._extract_now(texts, schemas)

    def _extract_now(self, texts: list[str], schemas: list) -> list[dict]:
        model = self._model
        threshold = DEFAULT_THRESHOLD if self.threshold is None else self.threshold
        with model_lock(model):
            # The model is shared: set this recognizer's window for the call, then put it back.
            saved = (model.window_words, model.window_overlap)
            model.set_window(*self._window)
            try:
                return model.batch_extract(texts, schemas, batch_size=self.batch_size, threshold=threshold,
                                           include_confidence=True, include_spans=True)
            finally:
                model.set_window(*saved)

    def _effective_window(self, model_words: Optional[int], model_overlap: int) -> tuple[Optional[int], int]:
        words = self.window_words if self.window_words is not None else model_words
        overlap = self.window_overlap
        if overlap is None:
            # The model's overlap, unless it would not fit a smaller window given here.
            overlap = model_overlap if words is None or model_overlap < words else words // 4
        if words is not None and overlap >= words:
            raise ValueError(f"window_overlap ({overlap}) must be smaller than the window ({words} words)")
        return words, overlap

    def _results(self, text: str, prediction: _Prediction, selected: tuple[str, ...]) -> list[RecognizerResult]:
        wanted = set(selected)
        results = []
        for label, start, end, score in prediction.spans:
            if label.entity not in wanted:
                continue
            description = label.description or ""
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=score,
                textual_explanation=f"Identified as {label.entity} by GLiNER2 (label '{label.label}'"
                                    + (f": {description})" if description else ")"),
            )
            metadata = {
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                MODEL_LABEL_KEY: label.label,
                "description": description,
                "document_classes": _copy_classes(prediction.classes),
                "model": self.model_name,
            }
            results.append(RecognizerResult(label.entity, start, end, score, explanation, metadata))
        return results


def _collect(prediction: _Prediction, text: str, group: PromptGroup, output: dict) -> None:
    by_label = {label.label: label for label in group.labels}
    for name, items in (output.get("entities") or {}).items():
        label = by_label.get(name)
        if label is None:
            continue
        for item in items if isinstance(items, list) else [items]:
            if not item:
                continue
            start, end = trim_whitespace(text, item["start"], item["end"])
            # the pack's policy, e.g. ages under 90, an eponym ("Babinski sign")
            if start < end and not label.ignores_span(text, start, end):
                prediction.spans.append((label, start, end, float(item["confidence"])))
    for classifier in group.classifiers:
        value = output.get(classifier.task)
        chosen = value if isinstance(value, list) else [value] if value else []
        scored = [{"label": c["label"], "score": float(c["confidence"])} for c in chosen
                  if float(c["confidence"]) >= classifier.threshold]
        prediction.classes[classifier.task] = sorted(scored, key=lambda c: -c["score"])


def _best_per_entity_span(spans):
    """Two labels of one entity on the same characters: keep the more confident."""
    return sorted(best_per_key(spans, lambda s: (s[0].entity, s[1], s[2]), lambda s: s[3]),
                  key=lambda s: (s[1], s[2], s[0].entity))


def _copy_classes(classes: dict) -> dict:
    return {task: [dict(item) for item in items] for task, items in classes.items()}


def _classifiers(value: Union[None, bool, Mapping], pack: Pack) -> dict[str, Classifier]:
    if value is None or value is True:
        return dict(pack.classifiers)
    if value is False:
        return {}
    if isinstance(value, Mapping):
        return classifiers_from(value)
    raise TypeError(f"classifiers must be None (the pack's), False (none) or a mapping, got {type(value).__name__}")


# Importing the recognizer plugs it into Presidio: registry YAML passes every parameter through,
# Presidio's text-bearing log records are rewritten, and email validation never hits the network.
register_yaml_config()
log_privacy.install()
use_offline_public_suffix_list()
