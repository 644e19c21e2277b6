"""Ray Data face: redact a text column of a ``ray.data.Dataset`` with a pool of model actors.

::

    import ray
    from presidio_gliner2.ray import redact_dataset

    ds = ray.data.read_parquet("notes/")
    out = redact_dataset(ds, "note", config="healthcare", pseudonyms=True, concurrency=4)
    out.drop_columns(["note"]).write_parquet("redacted/")

Adds ``note_redacted``, ``note_findings`` (JSON, never a value), ``note_classes`` (JSON) and
``note_error`` (see ``presidio_gliner2.batch`` for their contents, nulls and failed rows); every
other column is left as it is (the original text column too: drop it before writing).

How it runs: ``map_batches`` with a callable class in an actor pool of ``concurrency`` actors.
Each actor builds one ``Redactor`` (and so loads the model once) when it starts; batches reach it
as Arrow tables, and the four columns are appended to them. Nothing is built on the driver.
"""

from __future__ import annotations

from typing import Any, Union

# Absolute imports: this module is presidio_gliner2.ray, and these are the real packages.
import pyarrow as pa
import ray
import ray.data

from presidio_gliner2 import batch

__all__ = ["redact_dataset"]


class RedactBatch:
    """The actor's callable: one Redactor per actor, four string columns appended per batch."""

    def __init__(self, column: str, options: dict, on_error: str, chunk_size: int):
        self.column = column
        self.on_error = on_error
        self.chunk_size = chunk_size
        self.redactor = batch.build_redactor(options)

    def __call__(self, table: pa.Table) -> pa.Table:
        names = batch.check_columns(self.column, table.column_names)
        columns = batch.redact_values(self.redactor, table.column(self.column).to_pylist(), self.on_error,
                                      self.chunk_size)
        for suffix in batch.SUFFIXES:
            table = table.append_column(names[suffix], pa.array(columns[suffix], type=pa.string()))
        return table


def redact_dataset(ds: "ray.data.Dataset", column: str, *, concurrency: Union[int, tuple[int, int]] = 1,
                   num_cpus: float = 1, batch_size: int = 256, on_error: str = "report",
                   chunk_size: int = batch.CHUNK_SIZE, **redactor_options: Any) -> "ray.data.Dataset":
    """``ds`` with ``<column>_redacted``, ``_findings``, ``_classes`` and ``_error`` added (lazily,
    like every Ray Data transform).

    :param column: a string column; null cells stay null (with ``[]`` findings and ``{}`` classes);
        a cell that is not a string is a failed row (``TypeError``).
    :param concurrency: model actors: a number, or ``(min, max)`` for an autoscaling pool.
    :param num_cpus: CPUs reserved per actor (also its torch threads, through Ray's OMP_NUM_THREADS).
    :param batch_size: rows per batch handed to an actor.
    :param on_error: ``"report"``: a row whose redaction raises gets a null text and the exception
        class in ``<column>_error``; ``"raise"``: the dataset fails when that row is reached.
    :param chunk_size: rows per model pass inside an actor.
    :param redactor_options: the ``Redactor``'s (``config``, ``entities``, ``operators``,
        ``pseudonyms``, ``policy``, ...) plus ``model``; checked by name here, built in each actor.
    :raises ValueError, TypeError: unknown options or bad settings, at once; a missing column or an
        output column that exists already fails the dataset when it runs.
    """
    options = batch.check_options(redactor_options)
    batch.check_on_error(on_error)
    batch.check_chunk_size(chunk_size)
    if not isinstance(column, str) or not column:
        raise TypeError(f"column must be a non-empty column name, got {type(column).__name__}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if isinstance(concurrency, tuple) and len(concurrency) == 2:
        compute = ray.data.ActorPoolStrategy(min_size=concurrency[0], max_size=concurrency[1])
    elif isinstance(concurrency, int) and not isinstance(concurrency, bool) and concurrency >= 1:
        compute = ray.data.ActorPoolStrategy(size=concurrency)
    else:
        raise ValueError(f"concurrency must be a positive integer or a (min, max) pair, got {concurrency!r}")
    return ds.map_batches(
        RedactBatch, batch_format="pyarrow", batch_size=batch_size, compute=compute, num_cpus=num_cpus,
        fn_constructor_kwargs={"column": column, "options": options, "on_error": on_error,
                               "chunk_size": chunk_size})

