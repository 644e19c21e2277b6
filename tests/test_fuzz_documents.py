"""Fuzzing the .txt/.jsonl/.csv readers and writers (issue 11): whatever the file holds, every
document read goes out through the redaction function, or the file fails with ValueError and
no output is written. Nothing read is ever written back unredacted.

The model is replaced by a deterministic redaction that turns every digit into "#", so digits
stand for the PII: a digit in a redacted place of the output is a leak.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from presidio_gliner2.jsonl import split_lines
from presidio_gliner2.redaction.documents import redact_file

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def fake_redact(text: str) -> str:
    return "".join("#" if ch.isdigit() else ch for ch in text)


@dataclass
class _Result:
    text: str
    findings: list = field(default_factory=list)
    items: list = field(default_factory=list)
    document_classes: dict = field(default_factory=dict)
    policy_class: object = None


class FakeRedactor:
    def __init__(self):
        self.seen: list[str] = []

    def redact_batch(self, texts, progress=False):
        self.seen.extend(texts)
        return [_Result(fake_redact(t)) for t in texts]


# Characters that break readers: separators, quotes, line ends of every kind (U+2028, U+0085,
# lone CR), NUL, a BOM, digits (the "PII") and some ordinary letters.
TRICKY = list(',;"\'\r\n\t \x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff\\{}[]:') + list("0123456789") + list("abAB")
tricky_text = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(blacklist_categories=("Cs",)), max_size=60)
no_digits = st.text(alphabet=st.sampled_from([c for c in TRICKY if not c.isdigit()]), max_size=12)


def _run(tmp_path, content: bytes, fmt: str, **options):
    """(redactor, output text or None, error or None); a failure must leave no file behind."""
    source, target = tmp_path / f"in.{fmt}", tmp_path / f"out.{fmt}"
    for stale in (source, target):
        stale.unlink(missing_ok=True)
    source.write_bytes(content)
    redactor = FakeRedactor()
    try:
        records = redact_file(redactor, source, target, fmt, **options)
    except ValueError as exc:  # the documented failure: the file cannot be read as its format
        assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == [source.name]
        return redactor, None, exc
    assert isinstance(records, list)
    return redactor, target.read_bytes().decode("utf-8"), None


# --- .txt ----------------------------------------------------------------------------------------

@SETTINGS
@given(text=tricky_text)
def test_txt_is_one_document_redacted_whole(tmp_path, text):
    redactor, out, error = _run(tmp_path, text.encode("utf-8"), "txt")
    assert error is None and redactor.seen == [text] and out == fake_redact(text)


@SETTINGS
@given(raw=st.binary(max_size=40))
def test_txt_that_is_not_utf8_fails_cleanly(tmp_path, raw):
    redactor, out, error = _run(tmp_path, raw, "txt")
    if error is not None:
        assert "not UTF-8" in str(error) and redactor.seen == []
    else:
        assert out == fake_redact(raw.decode("utf-8"))


# --- .jsonl --------------------------------------------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | tricky_text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(no_digits, inner, max_size=3),
                           max_leaves=6)
records = st.fixed_dictionaries({"text": tricky_text}, optional={"id": st.integers(), "meta": json_values})
# JSON may escape a lone surrogate ("\\ud800"): it reads as a str no UTF-8 file can hold.
with_surrogates = st.text(alphabet=st.sampled_from(TRICKY + ["\ud800", "\udfff"]), max_size=8)
escaped_records = st.fixed_dictionaries({"text": with_surrogates}, optional={"meta": with_surrogates})
jsonl_lines = st.lists(st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                                 records.map(json.dumps), escaped_records.map(json.dumps),
                                 st.sampled_from(["", " ", "\t", "{", "[]", '{"text": 5}', '"text"', "null"])),
                       max_size=5)


@SETTINGS
@example(lines=['{"text": "\\ud800"}'], ending="\n", last=False)
@given(lines=jsonl_lines, ending=st.sampled_from(["\n", "\r\n"]), last=st.booleans())
def test_jsonl_redacts_every_text_field_or_fails(tmp_path, lines, ending, last):
    content = ending.join(lines) + (ending if last else "")
    redactor, out, error = _run(tmp_path, content.encode("utf-8"), "jsonl")
    if error is not None:
        assert "line " in str(error) and redactor.seen == []  # says where; refused before any redaction
        return
    records_in = [json.loads(line) for line in split_lines(content) if line.strip()]
    assert redactor.seen == [r["text"] for r in records_in]
    out_lines = split_lines(out)
    assert len(out_lines) == len(split_lines(content))
    records_out = [json.loads(line) for line in out_lines if line.strip()]
    assert [r["text"] for r in records_out] == [fake_redact(r["text"]) for r in records_in]
    assert [dict(r, text=None) for r in records_out] == [dict(r, text=None) for r in records_in]


# --- .csv ----------------------------------------------------------------------------------------

def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


csv_tables = st.lists(st.lists(tricky_text, min_size=0, max_size=4), min_size=1, max_size=5)


def _written(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@SETTINGS
@example(content='"0\r"\r\n')
@given(content=st.one_of(csv_tables.map(_written), tricky_text))  # well-formed files and raw text alike
def test_csv_redacts_every_cell_below_the_header_or_fails(tmp_path, content):
    redactor, out, error = _run(tmp_path, content.encode("utf-8"), "csv")
    if error is not None:
        assert str(error).startswith(("not valid CSV", "the first line"))
        return
    rows_in, rows_out = _rows(content), _rows(out)
    if not rows_in:
        assert out == content
        return
    assert rows_out[0] == rows_in[0]  # the header is names, not data
    assert rows_out[1:] == [[fake_redact(cell) for cell in row] for row in rows_in[1:]]
    assert redactor.seen == [cell for row in rows_in[1:] for cell in row]


@SETTINGS
@given(header=st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=4),
       body=st.lists(st.lists(tricky_text, max_size=5), max_size=4), column=st.sampled_from(["a", "b"]))
def test_csv_columns_redact_every_cell_of_the_chosen_name_or_fail(tmp_path, header, body, column):
    content = _written([header] + body)
    redactor, out, error = _run(tmp_path, content.encode("utf-8"), "csv", columns=[column])
    if error is not None:
        assert "no column" in str(error) or "cells but the header" in str(error) or "header" in str(error)
        return
    rows_in, rows_out = _rows(content), _rows(out)
    chosen = {i for i, name in enumerate(rows_in[0]) if name == column}
    for row_in, row_out in zip(rows_in[1:], rows_out[1:]):
        assert row_out == [fake_redact(c) if i in chosen else c for i, c in enumerate(row_in)]
        assert len(row_in) <= len(rows_in[0])  # ragged rows fail with --columns
    assert len(rows_out) == len(rows_in)


# --- what the fuzzing found (regressions) ---------------------------------------------------------

def test_csv_cell_holding_a_lone_carriage_return_keeps_its_row(tmp_path):
    # The writer ends lines with "\n" and so quoted only cells holding "\n": a cell's "\r" went out
    # bare, and the file read back split that row in two.
    content = 'id,note\r\n1,"call 617\rback"\r\n"2\r",x\r\n'
    _, out, error = _run(tmp_path, content.encode("utf-8"), "csv")
    assert error is None
    assert _rows(out) == [["id", "note"], ["#", "call ###\rback"], ["#\r", "x"]]


def test_jsonl_record_with_an_escaped_lone_surrogate_fails_before_redaction(tmp_path):
    # It used to reach the model (a tokenizer error) or, past it, fail only when the output was written.
    line = json.dumps({"id": 1, "text": "Jane Roe \ud800 617-555-0142"})
    redactor, out, error = _run(tmp_path, (line + "\n").encode("utf-8"), "jsonl")
    assert out is None and redactor.seen == []
    assert "line 1: not valid Unicode text" in str(error) and "Jane" not in str(error)
