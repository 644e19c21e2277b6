"""One batched analysis that every face calls: texts in, Presidio results and document classes out.

The CLI, the REST service, the ``Redactor`` and batch jobs all go through ``iter_analyses`` (or
``analyze_batch``), so a document is analyzed the same way whichever door it came in by:

1. Texts go in chunks of ``chunk_size``. For each chunk, every ``GLiNER2Recognizer`` of the
   analyzer that serves the language runs ONE batched model pass (its ``precomputed`` block),
   which also yields the document classes; spaCy processes the chunk in one pipe.
2. Presidio's ``AnalyzerEngine.analyze`` runs per text, served from that pass, with the decision
   process on (validators report through it).
3. The overlap rules (``overlaps.resolve_overlaps``: a validated checksum match wins over a
   GLiNER2 span, and a result wholly inside a higher-ranked one is dropped) are applied whatever
   kind of ``AnalyzerEngine`` it is (ours from ``build_analyzer``, or one Presidio built from its
   own configuration files); explanations are dropped again unless the caller asked for them.

Whitespace-only texts have no findings and no classes, without running anything.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Sequence

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from presidio_gliner2.engine import deadline
from presidio_gliner2.engine.inputs import check_texts
from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer
from presidio_gliner2.redaction.nlp_pieces import nlp_artifacts
from presidio_gliner2.redaction.overlaps import OverlapRulesAnalyzerEngine, resolve_overlaps

# Texts per batched model pass: bounds the memory of the cached model outputs and spaCy docs.
CHUNK_SIZE = 64


@dataclass
class TextAnalysis:
    """What the analyzer found in one text: Presidio results (position order is not promised,
    Presidio's own order is kept) and the GLiNER2 recognizers' document classes."""

    results: list[RecognizerResult] = field(default_factory=list)
    classes: dict[str, list[dict]] = field(default_factory=dict)


def gliner2_recognizers(analyzer: AnalyzerEngine, language: Optional[str] = None) -> list[GLiNER2Recognizer]:
    """The GLiNER2 recognizers in an analyzer's registry (of ``language``, or of every language)."""
    return [r for r in analyzer.registry.recognizers
            if isinstance(r, GLiNER2Recognizer) and (language is None or r.supported_language == language)]


def iter_analyses(analyzer: AnalyzerEngine, texts: Sequence[str], *, language: str = "en",
                  entities: Optional[Sequence[str]] = None, score_threshold: Optional[float] = None,
                  return_decision_process: bool = False, classify: bool = True,
                  chunk_size: int = CHUNK_SIZE, **presidio_options: Any) -> Iterator[TextAnalysis]:
    """A ``TextAnalysis`` per text, in order, computed a chunk at a time (see the module docstring).

    ``presidio_options`` go to ``AnalyzerEngine.analyze`` as they are (``ad_hoc_recognizers``,
    ``context``, ``allow_list``, ``allow_list_match``, ``regex_flags``, ``correlation_id``).
    ``classify=False`` skips the document classes (a recognizer whose entities are not wanted
    then runs no pass at all).
    """
    texts = check_texts(texts)
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size!r}")
    recognizers = gliner2_recognizers(analyzer, language)
    for start in range(0, len(texts), chunk_size):
        chunk = texts[start:start + chunk_size]
        with _one_pass(recognizers, chunk, entities, classify):
            for text, artifacts in zip(chunk, _nlp_artifacts(analyzer, chunk, language)):
                deadline.check()  # between texts too: Presidio's recognizers run per text
                if not text.strip():
                    yield TextAnalysis()
                    continue
                results = analyzer.analyze(text=text, language=language, entities=entities,
                                           score_threshold=score_threshold, nlp_artifacts=artifacts,
                                           return_decision_process=True, **presidio_options)
                if not isinstance(analyzer, OverlapRulesAnalyzerEngine):  # that one has applied them already
                    results = resolve_overlaps(text, results, presidio_options.get("ad_hoc_recognizers"))
                if not return_decision_process:
                    for result in results:
                        result.analysis_explanation = None
                yield TextAnalysis(results, _classes(recognizers, text) if classify else {})


def analyze_batch(analyzer: AnalyzerEngine, texts: Sequence[str], **options: Any) -> list[TextAnalysis]:
    """``iter_analyses`` as a list."""
    return list(iter_analyses(analyzer, texts, **options))


def classify_batch(analyzer: AnalyzerEngine, texts: Sequence[str], language: Optional[str] = None) -> list[dict]:
    """Document classes per text from the analyzer's GLiNER2 recognizers (of ``language``, or all),
    one model pass each.

    Raises ``ValueError`` when the analyzer has no GLiNER2 recognizer (so no classifier).
    """
    texts = check_texts(texts)
    recognizers = gliner2_recognizers(analyzer, language)
    if not recognizers:
        raise ValueError("the analyzer has no GLiNER2Recognizer, so it has no document classifiers")
    merged: list[dict] = [{} for _ in texts]
    for recognizer in recognizers:
        for classes, (_, found) in zip(merged, recognizer.analyze_and_classify(texts)):
            classes.update(found)
    return merged


def _one_pass(recognizers: list[GLiNER2Recognizer], texts: list[str], entities: Optional[Sequence[str]],
              classify: bool) -> ExitStack:
    stack = ExitStack()
    for recognizer in recognizers:
        own = None if entities is None else [e for e in entities if e in recognizer.supported_entities]
        if own == [] and not classify:
            continue  # nothing of this recognizer's is asked for
        # With none of its entities wanted it still runs for the classes (classifiers only); with
        # no classes wanted the classifiers stay out of the prompt (a pass fewer per text).
        stack.enter_context(recognizer.precomputed(texts, own, classify=classify))
    return stack


def _nlp_artifacts(analyzer: AnalyzerEngine, texts: list[str], language: str) -> list:
    return nlp_artifacts(analyzer.nlp_engine, texts, language)  # long texts in pieces: memory stays flat


def _classes(recognizers: list[GLiNER2Recognizer], text: str) -> dict:
    classes: dict = {}
    for recognizer in recognizers:
        classes.update(recognizer.classify(text))
    return classes
