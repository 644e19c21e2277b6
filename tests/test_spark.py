"""The Spark job (``presidio_gliner2.spark``) on a real local Spark (``local[2]``) with the bundled
model: a DataFrame of clinical notes comes back redacted, equal to ``Redactor.redact_batch`` on
the same texts; null cells, failing rows and the file CLI.

One Spark session for the module; the first job loads the model once in each Python worker,
later jobs reuse them.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from tests.support.batch import (NOTES, OPTIONS, PLANTED, ROWS, assert_nothing_planted_left,
                                 assert_same_as_redact_batch, expected_rows, failing_operator, needs_java)
from tests.support.models import needs_default

pyspark = pytest.importorskip("pyspark", reason="the batch extra is not installed: pip install -e '.[batch]'")
pytestmark = [needs_java()]

from pyspark.sql import SparkSession  # noqa: E402

from presidio_gliner2.spark import CLASSES_DDL, FINDINGS_DDL, main, redact_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this environment
    session = (SparkSession.builder.master("local[2]").appName("presidio-gliner2-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def notes(spark):
    return spark.createDataFrame(ROWS, "id int, note string").repartition(2)


@pytest.fixture(scope="module")
def redactor():
    from presidio_gliner2 import Redactor

    return Redactor(**OPTIONS)


def _rows(df) -> dict[int, dict]:
    return {row["id"]: row.asDict() for row in df.collect()}  # no orderBy: sorting would run the job twice


@needs_default
@pytest.mark.slow
def test_a_dataframe_of_notes_comes_back_redacted_like_redact_batch(notes, redactor):
    from pyspark.sql import functions as F

    out = redact_dataframe(notes, "note", **OPTIONS)
    assert out.columns == ["id", "note", "note_redacted", "note_findings", "note_classes", "note_error"]
    # The documented DDLs parse the JSON columns (in the same job: each collect runs the model again).
    rows = _rows(out.withColumn("parsed_findings", F.from_json("note_findings", FINDINGS_DDL))
                    .withColumn("parsed_classes", F.from_json("note_classes", CLASSES_DDL)))
    assert_same_as_redact_batch(rows, expected_rows(redactor))
    assert_nothing_planted_left(rows)
    assert [rows[i]["note"] for i, _ in ROWS] == [note for _, note in ROWS]  # other columns as they were
    null = rows[len(NOTES)]
    assert (null["note_redacted"], null["note_findings"], null["note_classes"]) == (None, "[]", "{}")
    first = rows[0]
    assert [(f["entity_type"], f["start"], f["end"]) for f in first["parsed_findings"]] == \
        [(f["entity_type"], f["start"], f["end"]) for f in json.loads(first["note_findings"])]
    assert list(first["parsed_classes"]) == ["document_type"]


@needs_default
@pytest.mark.slow
def test_a_failing_row_is_reported_and_never_passed_through(notes):
    # Okafor is in row 0: that row fails in the custom operator, whose message quotes the value.
    options = {**OPTIONS, "operators": {"PERSON": {"type": "custom", "lambda": failing_operator("Okafor")}}}
    rows = _rows(redact_dataframe(notes, "note", **options))
    failed = rows[0]
    assert failed["note_error"] == "ValueError"
    assert (failed["note_redacted"], failed["note_findings"], failed["note_classes"]) == (None, None, None)
    assert all(rows[i]["note_error"] is None for i in rows if i != 0)
    assert rows[2]["note_redacted"] and "Maria Reyes" not in rows[2]["note_redacted"]
    assert_nothing_planted_left(rows)

    from pyspark.errors import PythonException

    with pytest.raises(PythonException) as raised:
        redact_dataframe(notes.filter("id = 0"), "note", on_error="raise", **options).collect()
    message = str(raised.value)
    assert "RowRedactionError" in message and "ValueError" in message
    assert not [p for p in PLANTED if p in message], "the job's error quotes the row"


@needs_default
@pytest.mark.slow
def test_the_file_cli_writes_redacted_parquet_csv_and_json_lines(spark, tmp_path, capsys):
    import pandas as pd

    frame = pd.DataFrame({"id": [i for i, _ in ROWS], "note": [n for _, n in ROWS]})
    frame.to_parquet(tmp_path / "notes.parquet")
    frame.to_csv(tmp_path / "notes.csv", index=False)
    frame.to_json(tmp_path / "notes.jsonl", orient="records", lines=True)
    out = tmp_path / "out"
    inputs = [str(tmp_path / name) for name in ("notes.parquet", "notes.csv", "notes.jsonl")]
    code = main(inputs + ["--column", "note", "--config", "healthcare", "--out-dir", str(out)])
    assert code == 0, capsys.readouterr().err
    written = pd.read_parquet(out / "notes.redacted.parquet").set_index("id").sort_index()
    assert list(written.columns) == ["note", "note_findings", "note_classes", "note_error"]
    assert written["note"].iloc[0].startswith("Patient <PERSON>")
    csv = spark.read.options(header=True, multiLine=True, escape='"').csv(str(out / "notes.redacted.csv")).toPandas()
    lines = pd.concat(pd.read_json(part, lines=True) for part in (out / "notes.redacted.jsonl").glob("part-*.json"))
    for table in (written.reset_index(), csv, lines):
        assert "note_error" in table.columns and table["note_error"].isna().all()
        assert not [p for p in PLANTED if p in table.astype(str).to_csv()]
    assert capsys.readouterr().err.count("6 rows, 0 failed") == 3
    # Again without --overwrite: a usage error, nothing touched.
    assert main([inputs[0], "--column", "note", "--out-dir", str(out)]) == 2


class _Frame:
    """What redact_dataframe reads of a DataFrame before building anything (no JVM needed)."""

    def __init__(self, **types):
        from pyspark.sql.types import StructField, StructType

        self.schema = StructType([StructField(name, kind()) for name, kind in types.items()])
        self.columns = list(types)


def test_bad_calls_fail_on_the_driver_before_any_job():
    from pyspark.sql.types import IntegerType, StringType

    notes = _Frame(id=IntegerType, note=StringType)
    with pytest.raises(ValueError, match="no column 'text'"):
        redact_dataframe(notes, "text")
    with pytest.raises(TypeError, match="not string"):
        redact_dataframe(notes, "id")
    with pytest.raises(TypeError, match="unknown Redactor option"):
        redact_dataframe(notes, "note", confg="healthcare")
    with pytest.raises(TypeError, match="analyzer="):
        redact_dataframe(notes, "note", analyzer=object())
    with pytest.raises(ValueError, match="reversible"):
        redact_dataframe(notes, "note", reversible=True)
    with pytest.raises(ValueError, match="on_error"):
        redact_dataframe(notes, "note", on_error="skip")
    with pytest.raises(ValueError, match="already exist"):
        redact_dataframe(_Frame(note=StringType, note_findings=StringType), "note")
