"""Spark face: redact a text column of a DataFrame, batched through the model on the executors.

::

    from presidio_gliner2.spark import redact_dataframe

    out = redact_dataframe(spark.read.parquet("notes/"), "note", config="healthcare", pseudonyms=True)
    out.drop("note").write.parquet("redacted/")

Adds ``note_redacted``, ``note_findings`` (JSON, never a value), ``note_classes`` (JSON) and
``note_error`` (see ``presidio_gliner2.batch`` for their contents, nulls and failed rows); every
other column is left as it is (the original text column too: drop it before writing).

How it runs: an iterator pandas UDF over the text column only. Each Spark Python worker builds
one ``Redactor`` from the options the first time a batch reaches it (the analyzer and model are
cached per process, so a worker that Spark reuses never loads them again; nothing is broadcast),
then redacts each Arrow batch in chunks of ``chunk_size`` rows, one model pass per chunk. One
model per concurrently running task slot (``spark.task.cpus`` threads each, through
``OMP_NUM_THREADS``, which PySpark sets).

Files: ``python -m presidio_gliner2.spark notes/*.parquet --column note --config healthcare``
(``main`` below; ``--master`` for a cluster, local mode by default), or a two-line job file for
``spark-submit`` (README, "Spark").
"""

from __future__ import annotations

import uuid
from typing import Any, Iterator, Optional

from presidio_gliner2 import batch

try:
    import pandas as pd
    from pyspark.sql import DataFrame, functions as F
    from pyspark.sql.types import StringType, StructField, StructType
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError("presidio_gliner2.spark needs pyspark with pandas and pyarrow: "
                      "pip install 'presidio-gliner2[batch]'") from exc

__all__ = ["redact_dataframe", "FINDINGS_DDL", "CLASSES_DDL", "main"]

# For from_json: F.from_json("note_findings", FINDINGS_DDL) gives an array of structs.
FINDINGS_DDL = ("array<struct<entity_type:string,start:int,end:int,score:double,recognizer:string,"
                "operator:string,model_label:string>>")
CLASSES_DDL = "map<string,array<struct<label:string,score:double>>>"

_RESULT = StructType([StructField(suffix, StringType(), True) for suffix in batch.SUFFIXES])


def redact_dataframe(df: DataFrame, column: str, *, on_error: str = "report", chunk_size: int = batch.CHUNK_SIZE,
                     **redactor_options: Any) -> DataFrame:
    """``df`` with ``<column>_redacted``, ``_findings``, ``_classes`` and ``_error`` added.

    :param column: a string column; null cells stay null (with ``[]`` findings and ``{}`` classes).
    :param on_error: ``"report"``: a row whose redaction raises gets a null text and the
        exception class in ``<column>_error`` (the job goes on); ``"raise"``: the job fails.
    :param chunk_size: rows per model pass on the executors.
    :param redactor_options: the ``Redactor``'s (``config``, ``entities``, ``operators``,
        ``pseudonyms``, ``policy``, ``score_threshold``, ...) plus ``model``; checked by name here,
        built on each executor. They travel pickled, so a ``custom`` operator's function must be
        picklable (cloudpickle handles lambdas).
    :raises ValueError, TypeError: unknown options, a missing or non-string column, an output
        column that exists already; before any job runs.
    """
    options = batch.check_options(redactor_options)
    batch.check_on_error(on_error)
    batch.check_chunk_size(chunk_size)
    names = batch.check_columns(column, df.columns)
    if not isinstance(df.schema[column].dataType, StringType):
        raise TypeError(f"column {column!r} is {df.schema[column].dataType.simpleString()}, not string; "
                        "cast it first")
    udf = _redact_udf(uuid.uuid4().hex, options, on_error, chunk_size)
    result = f"__presidio_gliner2_{uuid.uuid4().hex}"
    out = df.withColumn(result, udf(F.col(_quoted(column))))
    out = out.withColumns({names[suffix]: F.col(result).getField(suffix) for suffix in batch.SUFFIXES})
    return out.drop(result)


def _redact_udf(job: str, options: dict, on_error: str, chunk_size: int):
    # Runs on the executors. The closure carries only plain values; the Redactor is built there.
    def redact(texts: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        redactor = batch.cached_redactor(job, options)
        for series in texts:
            columns = batch.redact_values(redactor, series.tolist(), on_error, chunk_size)
            yield pd.DataFrame(columns, columns=list(batch.SUFFIXES), dtype=object)

    return F.pandas_udf(redact, returnType=_RESULT)


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


# ------------------------------------------------------------------------------------- files

_READERS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "json", ".json": "json"}
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m presidio_gliner2.spark PATH... --column COL``: redact files with Spark.

    Each input (Parquet file or directory, CSV with a header, JSON Lines) is written to
    ``--out-dir/NAME.redacted.EXT`` (or next to it), a Spark output directory, with the text
    column(s) replaced by their redacted text and ``<col>_findings``, ``<col>_classes``,
    ``<col>_error`` added. Exit 0: every row redacted; 1: some rows failed (their text is null and
    ``<col>_error`` names the exception class) or a job failed; 2: usage error, nothing written.
    """
    import argparse
    import sys
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m presidio_gliner2.spark",
                                     description="Redact text columns of Parquet/CSV/JSON Lines files with Spark.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="local paths or URIs Spark can read")
    parser.add_argument("--column", required=True, help="comma-separated text column(s) to redact")
    parser.add_argument("--out-dir", help="write NAME.redacted.EXT here (default: next to each input)")
    parser.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    parser.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    parser.add_argument("--config", default="general",
                        help="deployment config: general, healthcare, finance or a YAML path")
    parser.add_argument("--model", help="override the GLiNER2 model of the config (a checkpoint directory)")
    parser.add_argument("--entities", help="comma-separated entity types (default: all of the config)")
    parser.add_argument("--score-threshold", type=float, help="minimum score for every result")
    parser.add_argument("--pseudonyms", action="store_true", help="numbered placeholders (<PERSON_1>) per document")
    parser.add_argument("--policy", help="operators per document class: a shipped policy name or a YAML file")
    parser.add_argument("--operators", type=Path, metavar="YAML",
                        help="per-entity operators: ENTITY|DEFAULT -> {type: ...}")
    args = parser.parse_args(argv)

    try:
        options, columns, jobs = _plan(args)
    except (ValueError, TypeError, FileNotFoundError) as exc:
        print(f"usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()
    spark = existing or _session(args.master)
    status = EXIT_OK
    try:
        for source, target, fmt in jobs:
            try:
                failed, rows = _redact_file(spark, source, target, fmt, columns, options, args.overwrite)
            except Exception as exc:  # noqa: BLE001 - this input has no complete output; go on
                print(f"error: {source}: {_describe(exc)}", file=sys.stderr)
                status = EXIT_FAILURE
                continue
            print(f"{source} -> {target}: {rows} rows, {failed} failed", file=sys.stderr)
            if failed:
                status = EXIT_FAILURE
    finally:
        if existing is None:
            spark.stop()
    return status


def _plan(args):
    import os
    import posixpath

    from presidio_gliner2.resources import load_yaml, resolve

    columns = [c.strip() for c in args.column.split(",") if c.strip()]
    if not columns:
        raise ValueError("--column names no column")
    resolve("config", args.config)
    if args.policy is not None:
        resolve("policy", args.policy)
    if args.score_threshold is not None and not 0.0 <= args.score_threshold <= 1.0:
        raise ValueError(f"--score-threshold must be in [0, 1], got {args.score_threshold}")
    options: dict = {"config": args.config}
    for key in ("model", "policy", "score_threshold"):
        if getattr(args, key) is not None:
            options[key] = getattr(args, key)
    if args.entities:
        options["entities"] = [e.strip() for e in args.entities.split(",") if e.strip()]
    if args.pseudonyms:
        options["pseudonyms"] = True
    if args.operators is not None:
        operators = load_yaml(args.operators, "--operators")
        if not isinstance(operators, dict):
            raise ValueError(f"--operators {args.operators} must map entity types to operators")
        from presidio_gliner2.redaction.operators import operator_map

        operator_map(operators, "--operators")  # a bad spec is a usage error here, not a failed job
        options["operators"] = operators
    if args.model is not None and os.path.isdir(args.model):
        options["model"] = os.path.abspath(args.model)  # the workers' working directory is not ours
    batch.check_options(options)
    jobs = []
    for source in args.paths:
        # A local path or a URI Spark reads (hdfs://, s3a://, ...): string operations keep the "//".
        source = source.rstrip("/")
        remote = "://" in source
        base = posixpath.basename(source) if remote else os.path.basename(source)
        stem, suffix = os.path.splitext(base)
        fmt = _READERS.get(suffix.lower())
        if fmt is None:
            raise ValueError(f"{source}: unsupported file type (use {', '.join(_READERS)})")
        if not remote and not os.path.exists(source):
            raise ValueError(f"{source}: no such file or directory")
        name = f"{stem}.redacted{suffix}"
        if args.out_dir is not None:
            target = posixpath.join(args.out_dir, name) if "://" in args.out_dir else os.path.join(args.out_dir, name)
        else:
            target = source[: len(source) - len(base)] + name
        if "://" not in target and os.path.exists(target) and not args.overwrite:
            raise ValueError(f"{target} exists (use --overwrite)")
        jobs.append((source, target, fmt))
    return options, columns, jobs


def _session(master: Optional[str]):
    import os
    import sys

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("presidio-gliner2-redact")
    if master:
        builder = builder.master(master)
    # Started by plain `python -m` in local mode: the Python workers must run this environment (PySpark
    # would start `python3` from PATH). Under spark-submit (which sets PYSPARK_GATEWAY_PORT) or on a
    # cluster, the cluster's own settings apply.
    launched_here = "PYSPARK_GATEWAY_PORT" not in os.environ
    if launched_here and (not master or master.startswith("local")):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # stderr is for our summary
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _redact_file(spark, source, target, fmt: str, columns: list[str], options: dict, overwrite: bool):
    csv_options = {"header": True, "multiLine": True, "escape": '"'}
    reader = spark.read.options(**csv_options) if fmt == "csv" else spark.read
    df = getattr(reader, fmt)(source)
    for column in columns:
        names = batch.output_columns(column)
        df = redact_dataframe(df, column, **options)
        # The text column holds the redacted text (null where a row failed); the original is not written.
        df = df.withColumn(column, F.col(_quoted(names["redacted"]))).drop(names["redacted"])
    writer = df.write.mode("overwrite" if overwrite else "errorifexists")
    if fmt == "csv":
        writer = writer.options(header=True, escape='"')
    elif fmt == "json":
        writer = writer.option("ignoreNullFields", False)  # keep the all-null error column
    getattr(writer, fmt)(target)
    # Count what was written (not the DataFrame again, which would run the model a second time).
    errors = [batch.output_columns(c)["error"] for c in columns]
    if fmt == "json":
        written = spark.read.schema(", ".join(f"{_quoted(e)} string" for e in errors)).json(target)
    else:
        written = getattr(spark.read.options(**csv_options) if fmt == "csv" else spark.read, fmt)(target)
    any_error = F.lit(False)
    for error in errors:
        any_error = any_error | F.col(_quoted(error)).isNotNull()
    counts = written.agg(F.count(F.lit(1)).alias("rows"), F.sum(any_error.cast("int")).alias("failed")).first()
    return int(counts["failed"] or 0), int(counts["rows"])


def _describe(exc: BaseException) -> str:
    # Our exceptions carry no document text (row errors are class names). Of a Python worker's
    # traceback, which Spark wraps in its own message, keep the last line: the exception itself.
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    line = lines[-1] if any(line.startswith("Traceback") for line in lines) else lines[0]
    return f"{type(exc).__name__}: {line}"


if __name__ == "__main__":  # python -m presidio_gliner2.spark (run as __main__; the job uses the real module)
    import sys

    from presidio_gliner2.spark import main as _main

    sys.exit(_main())
