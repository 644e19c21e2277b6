"""What the Spark and Ray jobs share: Redactor options, the columns they add, one batch of rows.

For an input column ``c`` both jobs add four string columns:

========================  ==========================================================================
``c_redacted``            the redacted text; null where ``c`` is null and where redaction failed
``c_findings``            JSON array of the findings, ``[{"entity_type", "start", "end", "score",
                          "recognizer", "operator", "model_label"?}]``, offsets into ``c``; never a
                          value. ``"[]"`` where ``c`` is null; null where redaction failed
``c_classes``             JSON object of the document classes, ``{"document_type": [{"label",
                          "score"}]}``; ``"{}"`` where ``c`` is null; null where redaction failed
``c_error``               null, or the exception class (``"ValueError"``) of a row whose redaction
                          failed: that row's ``c_redacted`` is null, never the unredacted text
========================  ==========================================================================

The Redactor is built where the rows are (each Spark Python worker, each Ray actor), once, from
the options, which are plain values: nothing heavy travels from the driver. Rows go through
``Redactor.redact_batch`` in chunks (one batched model pass per chunk); when a chunk fails, its rows
are redone one by one so that only the failing rows are marked.

Nothing here logs, prints or raises with a text or a detected value: errors carry class names.
"""

from __future__ import annotations

import inspect
import json
import threading
from collections import OrderedDict
from typing import Any, Mapping, Optional, Sequence

SUFFIXES = ("redacted", "findings", "classes", "error")
ON_ERROR = ("report", "raise")
CHUNK_SIZE = 64  # rows per redact_batch call: one model pass, and what a failure redoes row by row
_CACHED = 4  # Redactors kept per process (one per job that ran here; the model itself is shared)


class RowRedactionError(RuntimeError):
    """A row could not be redacted and the job was asked to stop (``on_error="raise"``)."""


def output_columns(column: str) -> dict[str, str]:
    """``{"redacted": "c_redacted", "findings": "c_findings", ...}`` for input column ``c``."""
    return {suffix: f"{column}_{suffix}" for suffix in SUFFIXES}


def check_on_error(on_error: str) -> str:
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, got {on_error!r}")
    return on_error


def check_chunk_size(chunk_size: int) -> int:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return chunk_size


def check_columns(column: str, existing: Sequence[str]) -> dict[str, str]:
    """The output column names, after checking that ``column`` exists and none of them does."""
    if not isinstance(column, str) or not column:
        raise TypeError(f"column must be a non-empty column name, got {type(column).__name__}")
    if column not in existing:
        raise ValueError(f"no column {column!r} (columns: {', '.join(existing)})")
    names = output_columns(column)
    taken = [name for name in names.values() if name in existing]
    if taken:
        raise ValueError(f"the output column(s) {', '.join(taken)} already exist; rename or drop them first")
    return names


# --------------------------------------------------------------------------------- options

def _redactor_parameters() -> dict[str, inspect.Parameter]:
    from presidio_gliner2.redaction.redactor import Redactor

    return dict(inspect.signature(Redactor).parameters)


def check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The Redactor's keyword options for a batch job, checked by name (nothing is built).

    ``model`` is accepted whatever the Redactor's own signature: the analyzer of ``config`` is then
    built with that model. ``analyzer`` is refused: an engine is never shipped to the workers.
    ``reversible`` is refused: its mapping holds the original values, which a job never writes.
    """
    if "analyzer" in options:
        raise TypeError("analyzer= would ship an AnalyzerEngine to every worker; name the deployment by "
                        "config= (and model=) and each worker builds its own, once")
    if options.get("reversible"):
        raise ValueError("reversible=True keeps a placeholder -> original value mapping, which a batch job "
                         "never writes; use pseudonyms=True, or encrypt with a key")
    known = set(_redactor_parameters()) - {"self", "analyzer"} | {"model"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown Redactor option(s) {', '.join(unknown)}; the options are {', '.join(sorted(known))}")
    return dict(options)


def build_redactor(options: Mapping[str, Any]):
    """A ``Redactor`` from checked options (the analyzer, spaCy and the model are cached per process)."""
    from presidio_gliner2.redaction.redactor import Redactor

    options = dict(options)
    parameters = _redactor_parameters()
    if "model" in options and "model" not in parameters:
        from presidio_gliner2.redaction.analyzers import build_analyzer

        config = options.pop("config", parameters["config"].default)
        options["analyzer"] = build_analyzer(config, model=options.pop("model"))
    return Redactor(**options)


_redactors: "OrderedDict[str, Any]" = OrderedDict()
_redactors_lock = threading.Lock()


def cached_redactor(job: str, options: Mapping[str, Any]):
    """This process's Redactor for ``job`` (a token the driver made for one call), built on first use."""
    with _redactors_lock:
        redactor = _redactors.get(job)
        if redactor is None:
            redactor = build_redactor(options)
            _redactors[job] = redactor
            while len(_redactors) > _CACHED:
                _redactors.popitem(last=False)
        else:
            _redactors.move_to_end(job)
        return redactor


# ------------------------------------------------------------------------------------ rows

def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA: a null cell, whichever way a batch format spells it."""
    return value is None or (isinstance(value, float) and value != value) or type(value).__name__ == "NAType"


def redact_values(redactor, values: Sequence[Any], on_error: str = "report",
                  chunk_size: int = CHUNK_SIZE) -> dict[str, list[Optional[str]]]:
    """The four output columns (keyed by suffix) for one batch of cells, in order.

    A null cell gives a null text with ``[]`` findings and ``{}`` classes. A cell that is not a
    string, or whose redaction raises, gives nulls and its exception class in ``error``; with
    ``on_error="raise"`` it raises ``RowRedactionError`` instead (class name and row, no text).
    """
    count = len(values)
    out: dict[str, list[Optional[str]]] = {suffix: [None] * count for suffix in SUFFIXES}
    pending = []
    for index, value in enumerate(values):
        if is_missing(value):
            out["findings"][index], out["classes"][index] = "[]", "{}"
        elif not isinstance(value, str):
            _fail(out, index, TypeError, on_error)
        else:
            pending.append(index)
    for start in range(0, len(pending), chunk_size):
        rows = pending[start:start + chunk_size]
        try:
            results = redactor.redact_batch([values[i] for i in rows])
        except Exception:  # noqa: BLE001 - find the failing rows, one by one
            results = None
        if results is not None:
            for index, result in zip(rows, results):
                _put(out, index, result)
            continue
        for index in rows:
            try:
                result = redactor.redact_batch([values[index]])[0]
            except Exception as exc:  # noqa: BLE001 - reported per row, never passed through
                _fail(out, index, type(exc), on_error)
            else:
                _put(out, index, result)
    return out


def _put(out: dict, index: int, result) -> None:
    out["redacted"][index] = result.text
    out["findings"][index] = json.dumps(result.findings, ensure_ascii=False, separators=(",", ":"))
    out["classes"][index] = json.dumps(result.document_classes, ensure_ascii=False, separators=(",", ":"))


def _fail(out: dict, index: int, error: type, on_error: str) -> None:
    if on_error == "raise":
        # `from None`: the original exception (whose message could quote the row) stays out of the
        # traceback that Spark and Ray ship back to the driver.
        raise RowRedactionError(f"row {index} of a batch could not be redacted ({error.__name__}); "
                                "with on_error='report' it would get a null text and this class in the "
                                "error column") from None
    out["error"][index] = error.__name__
