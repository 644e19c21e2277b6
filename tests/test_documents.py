"""redaction/documents.py and jsonl.py: documents in files are read whole, and every one is redacted.

The analyzer here is Presidio's pattern recognizers only (no model): what is under test is the
reading and writing, not the detection.
"""

from __future__ import annotations

import json

import pytest

from presidio_gliner2 import Redactor
from presidio_gliner2.jsonl import loads_line, split_lines
from presidio_gliner2.redaction.documents import redact_file
from tests.support.redaction import pattern_analyzer

EMAIL = "jane.roe@example.org"


@pytest.fixture(scope="module")
def redactor():
    return Redactor(analyzer=pattern_analyzer("general"))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b", "\x0c", "\r"])
def test_jsonl_record_holding_a_unicode_line_separator_is_one_record(tmp_path, redactor, separator):
    # Valid JSON may carry these unescaped inside a string; str.splitlines() split the record apart.
    record = {"id": 1, "text": f"write to {EMAIL}{separator}thanks"}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    records = redact_file(redactor, source, target, "jsonl")
    [line] = target.read_text(encoding="utf-8").split("\n")[:-1]
    out = json.loads(line)
    assert EMAIL not in out["text"] and out["text"].endswith(f"{separator}thanks")
    assert [r["line"] for r in records] == [1]


def test_split_lines_splits_at_newline_only_and_keeps_endings():
    assert split_lines("a\u2028b\nc\r\nd") == ["a\u2028b\n", "c\r\n", "d"]
    assert split_lines("") == [] and split_lines("x\n") == ["x\n"]
    assert "".join(split_lines("p\nq\n\nr")) == "p\nq\n\nr"


def test_loads_line_names_the_place_not_the_content():
    with pytest.raises(ValueError, match=r"^notes.jsonl:3: not valid JSON") as caught:
        loads_line('{"text": "Jane Roe', "notes.jsonl:3")
    assert "Jane" not in str(caught.value)


# --- CSV: every cell that is read is redacted, or the file fails with no output (issue 11) ---

def _csv(tmp_path, content: str):
    source = tmp_path / "in.csv"
    source.write_text(content, encoding="utf-8", newline="")
    return source, tmp_path / "out.csv"


def test_csv_cells_beyond_the_header_are_redacted(tmp_path, redactor):
    source, target = _csv(tmp_path, f"name,note\nJane,hello\nJoe,hi,{EMAIL}\n")
    redact_file(redactor, source, target, "csv")
    assert EMAIL not in target.read_text()


def test_csv_cells_beyond_the_header_with_chosen_columns_fail(tmp_path, redactor):
    source, target = _csv(tmp_path, f"name,note\nJane,hello,{EMAIL}\n")
    with pytest.raises(ValueError, match="row 1 has 3 cells but the header names 2") as caught:
        redact_file(redactor, source, target, "csv", columns=["note"])
    assert not target.exists() and EMAIL not in str(caught.value)


def test_csv_second_column_of_the_same_name_is_redacted(tmp_path, redactor):
    source, target = _csv(tmp_path, f"contact,contact\nnone,{EMAIL}\n")
    redact_file(redactor, source, target, "csv", columns=["contact"])
    assert EMAIL not in target.read_text()


def test_csv_blank_first_line_fails_instead_of_redacting_nothing(tmp_path, redactor):
    source, target = _csv(tmp_path, f"\nname,contact\nJane,{EMAIL}\n")
    with pytest.raises(ValueError, match="header"):
        redact_file(redactor, source, target, "csv")
    assert not target.exists()


def test_csv_unbalanced_quote_fails_instead_of_passing_the_file_through(tmp_path, redactor):
    source, target = _csv(tmp_path, f'"name,contact\nJane,{EMAIL}\n')
    with pytest.raises(ValueError, match="not valid CSV") as caught:
        redact_file(redactor, source, target, "csv")
    assert not target.exists() and EMAIL not in str(caught.value)


@pytest.mark.slow
def test_csv_field_longer_than_the_csv_module_default_limit(tmp_path, redactor):
    long_note = "x " * 70_000 + EMAIL  # over csv's default 131,072-character field limit
    source, target = _csv(tmp_path, f'note\n"{long_note}"\n')
    redact_file(redactor, source, target, "csv")
    assert EMAIL not in target.read_text()


# --- CLI usage errors: exit 2 before the model loads, nothing written (issue 11, minor) ---

@pytest.mark.parametrize("extra, message", [
    (["--config", "nope"], "--config"),
    (["--policy", "nope"], "--policy"),
    (["--score-threshold", "5"], "--score-threshold"),
    (["--operator", "hash", "--salt", "short"], "--salt"),
    (["--operator", "encrypt", "--key", "short"], "--key"),
])
def test_cli_usage_errors_exit_2_before_loading_the_model(tmp_path, monkeypatch, capsys, extra, message):
    import presidio_gliner2.plugin.recognizer as recognizer_module
    from presidio_gliner2.cli import main

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded for a usage error")

    monkeypatch.setattr(recognizer_module, "get_model", no_model)
    source = tmp_path / "note.txt"
    source.write_text(f"write to {EMAIL}")
    assert main(["redact", str(source), "--out-dir", str(tmp_path / "out"), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_outputs_follow_the_umask(tmp_path, redactor):
    import os
    import stat

    source = tmp_path / "note.txt"
    source.write_text(f"write to {EMAIL}")
    old = os.umask(0o022)
    try:
        redact_file(redactor, source, tmp_path / "out.txt", "txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644  # mkstemp alone gives 0600


def test_ctrl_c_exits_130_with_a_report_of_what_was_finished(tmp_path, monkeypatch, capsys):
    import presidio_gliner2.cli.redact as cli_redact
    from presidio_gliner2.cli import main

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(f"write to {EMAIL}")
    second.write_text("second")
    real = cli_redact.redact_file

    def interrupt_on_second(redactor, source, *args, **kwargs):
        if source.name == "b.txt":
            raise KeyboardInterrupt
        return real(redactor, source, *args, **kwargs)

    monkeypatch.setattr(cli_redact, "redact_file", interrupt_on_second)
    monkeypatch.setattr(cli_redact, "_redactor", lambda args, ops: Redactor(analyzer=pattern_analyzer("general")))
    out = tmp_path / "out"
    assert main(["redact", str(first), str(second), "--out-dir", str(out), "--no-progress"]) == 130
    report = json.loads((out / "redaction-report.json").read_text())
    assert [f["status"] for f in report["files"]] == ["ok", "interrupted"] and report["interrupted"]
    assert (out / "a.txt").is_file() and not (out / "b.txt").exists()
    assert "Traceback" not in capsys.readouterr().err
