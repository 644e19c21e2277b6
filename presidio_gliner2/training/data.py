"""Training data: the reference JSONL format, validated and aligned to model words.

One record per line: ``{"input": text, "output": {...}}`` with ``entities`` ({label:
[mention, ...]}, a mention being a string — every occurrence is gold — or an explicit
``{"text", "start", "end"}`` span), ``entity_descriptions``, ``classifications``
([{"task", "labels", "true_label", ...}]), ``json_structures`` ([{name: {field: value}}]),
``json_descriptions`` and ``relations`` ([{name: {"head": ..., "tail": ...}}]).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from presidio_gliner2.engine.words import Word, split_words
from presidio_gliner2.jsonl import loads_line

OUTPUT_KEYS = frozenset(
    {"entities", "entity_descriptions", "classifications", "json_structures", "json_descriptions", "relations",
     "relation_descriptions"}
)
WordSpan = tuple[int, int]  # first word, last word (inclusive)


class DataError(ValueError):
    """A record that cannot be trained on; the message names the line and the problem."""


# ``meta.use`` of records from evaluation-only sources (bench/eval_only_sets.py): the project
# may score on them but never train, validate, calibrate or pick a checkpoint on them.
EVALUATION_ONLY = "evaluation-only"


def model_text(text: str) -> str:
    """The text as the model reads it: ending in sentence punctuation."""
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass
class Example:
    """One aligned record: words plus gold word spans per task."""

    text: str
    words: list[Word]
    entities: dict[str, list[WordSpan]]  # every listed label; [] marks a negative
    entity_descriptions: dict[str, str]
    classifications: list[dict]
    structures: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)  # name, instances
    structure_descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: list[tuple[str, list[tuple[WordSpan, WordSpan]]]] = field(default_factory=list)
    line: int = 0
    dropped: list[str] = field(default_factory=list)  # mentions we could not align, for the validator


def read_jsonl(path: Union[str, Path]) -> Iterator[tuple[int, dict]]:
    # .gz files are read transparently: the external training data is committed compressed
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            yield number, loads_line(line, f"{path}:{number}", DataError)


def read_training_jsonl(path: Union[str, Path]) -> Iterator[tuple[int, dict]]:
    """``read_jsonl`` for anything that fits or tunes the model: evaluation-only records are refused."""
    for number, record in read_jsonl(path):
        meta = record.get("meta") if isinstance(record, dict) else None
        if isinstance(meta, dict) and meta.get("use") == EVALUATION_ONLY:
            raise DataError(f"{path}:{number}: this record is from an evaluation-only source "
                            f"({meta.get('source', 'unnamed')}); score with it (`presidio-gliner2 eval`), "
                            "never train or calibrate on it")
        yield number, record


def load_examples(paths: Union[str, Path, Iterable[Union[str, Path]]], max_width: int = 8, strict: bool = False) -> list[Example]:
    """Read and align JSONL files. Unalignable mentions are dropped (``strict`` raises)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    examples = []
    for path in paths:
        for number, record in read_training_jsonl(path):
            example = align_record(record, max_width=max_width, line=number, source=str(path))
            if strict and example.dropped:
                raise DataError(f"{path}:{number}: cannot align {example.dropped[0]}")
            examples.append(example)
    return examples


def validate_file(path: Union[str, Path], max_width: int = 8) -> list[str]:
    """Problems found, one line each, naming the line number; [] when the file is clean."""
    problems = []
    try:
        for number, record in read_jsonl(path):
            try:
                example = align_record(record, max_width=max_width, line=number, source=str(path))
            except DataError as exc:
                problems.append(str(exc))
                continue
            problems += [f"{path}:{number}: {problem}" for problem in example.dropped]
    except DataError as exc:
        problems.append(str(exc))
    return problems


def align_record(record: Any, max_width: int = 8, line: int = 0, source: str = "") -> Example:
    where = f"{source}:{line}" if source else f"line {line}"
    if not isinstance(record, dict) or not isinstance(record.get("input"), str) or not isinstance(record.get("output"), dict):
        raise DataError(f"{where}: a record needs a string 'input' and a dict 'output'")
    text, output = record["input"], record["output"]
    unknown = set(output) - OUTPUT_KEYS
    if unknown:
        raise DataError(f"{where}: unknown output keys {sorted(unknown)}")
    words = split_words(model_text(text))
    aligner = _Aligner(text, words, max_width)
    entities: dict[str, list[WordSpan]] = {}
    for label, mentions in (output.get("entities") or {}).items():
        if not isinstance(mentions, list):
            raise DataError(f"{where}: entities[{label!r}] must be a list of mentions")
        spans: list[WordSpan] = []
        for mention in mentions:
            spans += aligner.mention_spans(mention, f"entity {label!r}")
        entities[label] = sorted(set(spans))
    descriptions = dict(output.get("entity_descriptions") or {})
    for label in descriptions:
        entities.setdefault(label, [])
    classifications = []
    for config in output.get("classifications") or []:
        if not isinstance(config, dict) or "task" not in config or not config.get("labels"):
            raise DataError(f"{where}: a classification needs 'task' and 'labels'")
        true = config.get("true_label")
        true_labels = true if isinstance(true, list) else [true]
        missing = [t for t in true_labels if t not in config["labels"]]
        if missing:
            raise DataError(f"{where}: true_label {missing} of task {config['task']!r} is not among its labels")
        classifications.append(config)
    structures = []
    grouped: dict[str, list[dict]] = {}
    for item in output.get("json_structures") or []:
        for name, fields in item.items():
            grouped.setdefault(name, []).append(fields)
    for name, instances in grouped.items():
        aligned = []
        for fields in instances:
            values = {}
            for field_name, value in fields.items():
                if isinstance(value, dict) and "choices" in value:
                    values[field_name] = {"choices": list(value["choices"]), "value": value.get("value")}
                else:
                    mentions = value if isinstance(value, list) else [value]
                    spans = []
                    for mention in mentions:
                        if mention not in (None, ""):
                            spans += aligner.mention_spans(mention, f"{name}.{field_name}", first_only=True)
                    values[field_name] = spans
            aligned.append(values)
        structures.append((name, aligned))
    relations = []
    grouped_relations: dict[str, list[tuple[WordSpan, WordSpan]]] = {}
    for item in output.get("relations") or []:
        for name, pair in item.items():
            head = aligner.mention_spans(pair.get("head"), f"{name}.head", first_only=True)
            tail = aligner.mention_spans(pair.get("tail"), f"{name}.tail", first_only=True)
            bucket = grouped_relations.setdefault(name, [])
            if head and tail:
                bucket.append((head[0], tail[0]))
    relations = list(grouped_relations.items())
    return Example(text, words, entities, descriptions, classifications, structures,
                   dict(output.get("json_descriptions") or {}), relations, line, aligner.dropped)


class _Aligner:
    """Maps mentions to word spans; long spans are split at commas (the span head
    reads at most ``max_width`` words)."""

    def __init__(self, text: str, words: list[Word], max_width: int):
        self.text, self.words, self.max_width = text, words, max_width
        self.starts = {w.start: i for i, w in enumerate(words)}
        self.ends = {w.end: i for i, w in enumerate(words)}
        self.dropped: list[str] = []

    def mention_spans(self, mention: Any, what: str, first_only: bool = False) -> list[WordSpan]:
        if isinstance(mention, dict):
            span = self._explicit(mention, what)
            return self._fit(span) if span else []
        if not isinstance(mention, str) or not mention.strip():
            self.dropped.append(f"{what}: empty or non-string mention {mention!r}")
            return []
        target = [w.text for w in split_words(mention)]
        found = [
            (i, i + len(target) - 1)
            for i in range(len(self.words) - len(target) + 1)
            if [w.text for w in self.words[i:i + len(target)]] == target
        ]
        if not found:
            self.dropped.append(f"{what}: mention of {len(mention)} characters is not a word sequence of the text")
            return []
        found = found[:1] if first_only else found
        return [piece for span in found for piece in self._fit(span)]

    def _explicit(self, mention: dict, what: str) -> Optional[WordSpan]:
        start, end, value = mention.get("start"), mention.get("end"), mention.get("text")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(self.text):
            self.dropped.append(f"{what}: span offsets {start!r}..{end!r} are outside the text")
            return None
        if value is not None and self.text[start:end] != value:
            self.dropped.append(f"{what}: text[{start}:{end}] does not equal the mention's text")
            return None
        if start not in self.starts or end not in self.ends:
            self.dropped.append(f"{what}: span {start}..{end} does not start and end on word boundaries")
            return None
        return self.starts[start], self.ends[end]

    def _fit(self, span: WordSpan) -> list[WordSpan]:
        first, last = span
        if last - first < self.max_width:
            return [span]
        pieces, current = [], []
        for index in range(first, last + 1):
            if self.words[index].text in (",", ";") or len(current) == self.max_width:
                if current:
                    pieces.append((current[0], current[-1]))
                current = [] if self.words[index].text in (",", ";") else [index]
            else:
                current.append(index)
        if current:
            pieces.append((current[0], current[-1]))
        return pieces
