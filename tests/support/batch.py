"""Shared by the Spark and Ray tests: clinical notes with planted identifiers, what
``Redactor.redact_batch`` makes of them, and the comparison of a job's rows with that."""

from __future__ import annotations

import json
import os
import shutil

import pytest

NOTES = [
    "Patient Jane Roe (MRN 448812) was seen on 03/04/2021 by Dr. Okafor. Call 617-555-0142.",
    "Discharge summary: Carlos Mendez, SSN 512-44-8391, lives at 418 Willow Creek Rd, Dayton, OH 45402. "
    "Follow up in two weeks; contact carlos.mendez@example.com.",
    "Referral from Dr. Priya Natarajan for Maria Reyes (DOB 04/17/1961). Phone (937) 555-0142.",
    "Nurse note: vitals stable, no acute distress. Continue current medication and reassess tomorrow.",
]
PLANTED = ["Jane Roe", "448812", "03/04/2021", "Okafor", "617-555-0142", "Carlos Mendez", "512-44-8391",
           "418 Willow Creek Rd", "carlos.mendez@example.com", "Priya Natarajan", "Maria Reyes", "04/17/1961",
           "(937) 555-0142"]
# The rows every job test runs: the notes, a null cell and an empty one, each with an id.
ROWS = [(i, note) for i, note in enumerate(NOTES)] + [(len(NOTES), None), (len(NOTES) + 1, "")]
COLUMNS = ["note_redacted", "note_findings", "note_classes", "note_error"]
OPTIONS = {"config": "healthcare"}


def needs_java():
    return pytest.mark.skipif(
        shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
        reason="Spark needs a Java runtime: `make java` installs Debian's openjdk-17-jre-headless")


def expected_rows(redactor) -> dict[int, dict]:
    """id -> the four columns ``Redactor.redact_batch`` gives for the same texts, in one process."""
    ids = [i for i, note in ROWS if note is not None]
    results = redactor.redact_batch([note for _, note in ROWS if note is not None])
    expected = {i: {"note_redacted": r.text, "note_findings": r.findings, "note_classes": r.document_classes,
                    "note_error": None} for i, r in zip(ids, results)}
    for i, note in ROWS:
        if note is None:
            expected[i] = {"note_redacted": None, "note_findings": [], "note_classes": {}, "note_error": None}
    return expected


def assert_same_as_redact_batch(rows: dict[int, dict], expected: dict[int, dict]) -> None:
    """A job's rows (id -> columns, findings and classes as the JSON strings the job wrote) equal the
    in-process ``redact_batch``: the same text and spans; scores to 3 decimals (batches differ)."""
    assert sorted(rows) == sorted(expected)
    for i, row in rows.items():
        want = expected[i]
        assert row["note_error"] is None, f"row {i} failed: {row['note_error']}"
        assert row["note_redacted"] == want["note_redacted"], f"row {i}"
        findings = json.loads(row["note_findings"])
        assert _without_scores(findings) == _without_scores(want["note_findings"]), f"row {i}"
        assert [f["score"] for f in findings] == pytest.approx([f["score"] for f in want["note_findings"]], abs=1e-3)
        classes = json.loads(row["note_classes"])
        assert {task: [c["label"] for c in found] for task, found in classes.items()} == \
            {task: [c["label"] for c in found] for task, found in want["note_classes"].items()}, f"row {i}"


def assert_nothing_planted_left(rows: dict[int, dict]) -> None:
    for i, row in rows.items():
        for column in COLUMNS:
            value = row[column] or ""
            left = [p for p in PLANTED if p in value]
            assert left == [], f"row {i}: {column} still has {len(left)} planted identifier(s)"


def failing_operator(marker: str):
    """A custom operator that raises, quoting the value, on a value containing ``marker``. A closure,
    so Spark's and Ray's cloudpickle ship it by value (workers need not import the tests)."""
    def operator(value: str) -> str:
        if marker in value:
            raise ValueError(f"cannot redact {value!r}")
        return "<PERSON>"

    return operator


def _without_scores(findings: list[dict]) -> list[dict]:
    return [{k: v for k, v in f.items() if k != "score"} for f in findings]
