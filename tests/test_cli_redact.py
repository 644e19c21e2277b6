"""``presidio-gliner2 redact`` / ``analyze``: file round trips, the report, exit codes.

Run in-process through cli.main (one analyzer per session, shared with the other redaction tests)
on the finance config's pattern recognizers; one test runs the GLiNER2 config on a test checkpoint.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from presidio_gliner2.cli import main
from tests.support.redaction import pattern_config

CARD = "4539 1488 0343 6467"
EMAIL = "jane.roe@example.org"
PHONE = "617-555-0142"
VALUES = [CARD, EMAIL, PHONE]


@pytest.fixture()
def config():
    return str(pattern_config("finance"))


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _report_has_no_values(path):
    raw = path.read_text()
    return not any(v in raw for v in VALUES)


def test_txt_round_trip_and_report(tmp_path, capsys, config):
    source = tmp_path / "note.txt"
    text = f"Card {CARD}\nmail {EMAIL}\r\nbye\n"
    source.write_bytes(text.encode())
    code, out, err = _run(capsys, "redact", source, "--config", config, "--no-progress")
    assert code == 0, err
    target = tmp_path / "note.redacted.txt"
    assert target.read_bytes().decode() == "Card <CREDIT_CARD>\nmail <EMAIL_ADDRESS>\r\nbye\n"  # newlines kept
    report = json.loads((tmp_path / "redaction-report.json").read_text())
    entry = report["files"][0]
    assert entry["status"] == "ok" and entry["entity_counts"] == {"CREDIT_CARD": 1, "EMAIL_ADDRESS": 1}
    finding = entry["records"][0]["findings"][0]
    assert text[finding["start"]:finding["end"]] == CARD  # positions point into the input
    assert report["totals"]["findings"] == 2
    assert _report_has_no_values(tmp_path / "redaction-report.json")
    assert "CREDIT_CARD" in err and "EMAIL_ADDRESS" in err  # per-entity summary on stderr
    assert not any(v in out + err for v in VALUES)


def test_jsonl_round_trip_keeps_other_fields_and_blank_lines(tmp_path, capsys, config):
    source = tmp_path / "msgs.jsonl"
    rows = [{"id": 1, "body": f"call {PHONE}", "meta": {"k": "v"}}, {"id": 2, "body": "nothing"}]
    source.write_text(json.dumps(rows[0]) + "\n\n" + json.dumps(rows[1]) + "\n")
    out_dir = tmp_path / "out"
    code, _, err = _run(capsys, "redact", source, "--config", config, "--text-field", "body",
                        "--out-dir", out_dir, "--pseudonyms", "--no-progress")
    assert code == 0, err
    lines = (out_dir / "msgs.jsonl").read_text().split("\n")
    assert json.loads(lines[0]) == {"id": 1, "body": "call <PHONE_NUMBER_1>", "meta": {"k": "v"}}
    assert lines[1] == "" and json.loads(lines[2]) == rows[1]
    report = json.loads((out_dir / "redaction-report.json").read_text())
    assert [r["line"] for r in report["files"][0]["records"]] == [1, 3]


def test_csv_redacts_only_the_chosen_columns(tmp_path, capsys, config):
    source = tmp_path / "people.csv"
    source.write_text(f'id,note,contact\n1,"card {CARD}, ok",{EMAIL}\n2,plain,{EMAIL}\n')
    code, _, err = _run(capsys, "redact", source, "--config", config, "--columns", "note",
                        "--operator", "mask", "--keep-last", "4", "--no-progress")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO((tmp_path / "people.redacted.csv").read_text())))
    assert rows == [["id", "note", "contact"], ["1", "card **** **** **** 6467, ok", EMAIL], ["2", "plain", EMAIL]]
    report = json.loads((tmp_path / "redaction-report.json").read_text())
    assert {(r["row"], r["column"]) for r in report["files"][0]["records"]} == {(1, "note"), (2, "note")}


def test_hash_salt_and_operators_file(tmp_path, capsys, config):
    source = tmp_path / "a.txt"
    source.write_text(f"{EMAIL} and {EMAIL} card {CARD}")
    ops = tmp_path / "ops.yaml"
    ops.write_text("CREDIT_CARD: {type: redact}\n")
    code, _, err = _run(capsys, "redact", source, "--config", config, "--operator", "hash",
                        "--salt", "a-sixteen-byte-salt!", "--operators", ops, "--no-progress")
    assert code == 0, err
    words = (tmp_path / "a.redacted.txt").read_text().split(" ")
    assert words[0] == words[2] and len(words[0]) == 64 and words[-1] == ""


def test_encrypted_output_decrypts_with_the_reported_replacements(tmp_path, capsys, config, monkeypatch):
    from presidio_gliner2 import Redactor

    key = "WmZq4t7w!z%C&F)J"
    monkeypatch.setenv("PRESIDIO_GLINER2_KEY", key)
    source = tmp_path / "a.txt"
    text = f"mail {EMAIL}, card {CARD}"
    source.write_text(text)
    code, _, err = _run(capsys, "redact", source, "--config", config, "--operator", "encrypt", "--no-progress")
    assert code == 0, err
    redacted = (tmp_path / "a.redacted.txt").read_text()
    assert EMAIL not in redacted and CARD not in redacted
    record = json.loads((tmp_path / "redaction-report.json").read_text())["files"][0]["records"][0]
    assert Redactor.decrypt(redacted, record["replacements"], key) == text


def test_bad_record_fails_with_exit_1_and_no_output(tmp_path, capsys, config):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.jsonl"
    good.write_text(f"mail {EMAIL}")
    bad.write_text(json.dumps({"text": f"mail {EMAIL}"}) + "\n" + json.dumps({"other": EMAIL}) + "\n")
    code, _, err = _run(capsys, "redact", good, bad, "--config", config, "--no-progress")
    assert code == 1
    assert "line 2: no string field 'text'" in err and EMAIL not in err
    assert (tmp_path / "good.redacted.txt").is_file()  # complete outputs for the inputs that worked
    assert not (tmp_path / "bad.redacted.jsonl").exists()  # nothing half-written
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    report = json.loads((tmp_path / "redaction-report.json").read_text())
    assert [f["status"] for f in report["files"]] == ["ok", "failed"] and report["totals"]["failed"] == 1
    assert _report_has_no_values(tmp_path / "redaction-report.json")


def test_missing_csv_column_is_exit_1(tmp_path, capsys, config):
    source = tmp_path / "t.csv"
    source.write_text("a,b\n1,2\n")
    code, _, err = _run(capsys, "redact", source, "--config", config, "--columns", "zzz", "--no-progress")
    assert code == 1 and "no column(s) ['zzz']" in err
    assert not (tmp_path / "t.redacted.csv").exists()


@pytest.mark.parametrize("setup, argv, message", [
    (None, ["missing.txt"], "no such file"),
    ("x.pdf", ["x.pdf"], "unsupported file type"),
    ("a.txt", ["a.txt", "--columns", "x"], "--columns applies to .csv"),
    ("a.txt", ["a.txt", "--operator", "encrypt"], "needs --key"),
    ("a.txt", ["a.txt", "--pseudonyms", "--operator", "redact"], "--pseudonyms"),
    ("a.txt", ["a.txt", "--keep-last", "-1"], "--keep-last"),
    ("a.txt", ["a.txt", "--salt", "a-sixteen-byte-salt!"], "--salt goes with --operator hash"),
])
def test_usage_errors_are_exit_2_and_write_nothing(tmp_path, capsys, config, monkeypatch, setup, argv, message):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRESIDIO_GLINER2_KEY", raising=False)
    if setup:
        (tmp_path / setup).write_text("hello")
    before = set(tmp_path.iterdir())
    code, _, err = _run(capsys, "redact", *argv, "--config", config, "--no-progress")
    assert code == 2 and message in err
    assert set(tmp_path.iterdir()) == before


@pytest.fixture()
def no_analyzer(monkeypatch):
    """Building the analyzer (spaCy, the model) fails the test: checks must come before it."""
    import presidio_gliner2.redaction.analyzers as analyzers

    def build_analyzer(*args, **kwargs):
        raise AssertionError("the analyzer was built")

    monkeypatch.setattr(analyzers, "build_analyzer", build_analyzer)


@pytest.mark.parametrize("command", ["redact", "analyze"])
def test_unknown_entities_are_exit_2_before_the_model_loads(tmp_path, capsys, monkeypatch, no_analyzer, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("hello")
    before = set(tmp_path.iterdir())
    target = ["a.txt", "--no-progress"] if command == "redact" else ["hello"]
    code, _, err = _run(capsys, command, *target, "--config", "general", "--entities", "PERSON,NOPE")
    assert code == 2 and "--entities" in err and "NOPE" in err and "the analyzer was built" not in err
    assert set(tmp_path.iterdir()) == before


def test_known_entities_pass_the_early_check(tmp_path, capsys, no_analyzer):
    source = tmp_path / "a.txt"
    source.write_text("hello")
    # PERSON from the GLiNER2 pack, CREDIT_CARD from Presidio's recognizers: on to the build.
    code, _, err = _run(capsys, "redact", source, "--config", "general", "--entities", "PERSON,CREDIT_CARD",
                        "--no-progress")
    assert code == 1 and "the analyzer was built" in err


def test_existing_output_needs_overwrite(tmp_path, capsys, config):
    source = tmp_path / "a.txt"
    source.write_text(f"mail {EMAIL}")
    (tmp_path / "a.redacted.txt").write_text("old")
    code, _, err = _run(capsys, "redact", source, "--config", config, "--no-progress")
    assert code == 2 and "--overwrite" in err and (tmp_path / "a.redacted.txt").read_text() == "old"
    code, _, _ = _run(capsys, "redact", source, "--config", config, "--overwrite", "--no-progress")
    assert code == 0 and (tmp_path / "a.redacted.txt").read_text() == "mail <EMAIL_ADDRESS>"


def test_argparse_errors_are_exit_2_and_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit) as info:
        main(["redact"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["redact", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "exit codes:" in out and "usage error" in out


def test_unbuildable_config_is_exit_1(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("x")
    broken = tmp_path / "broken.yaml"
    broken.write_text("supported_languages: [en]\n")  # a file, but no nlp_configuration/recognizer_registry
    code, _, err = _run(capsys, "redact", source, "--config", broken, "--no-progress")
    assert code == 1 and "could not build the analyzer" in err


def test_unknown_config_name_is_a_usage_error(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("x")
    code, _, err = _run(capsys, "redact", source, "--config", "no-such-config", "--no-progress")
    assert code == 2 and "--config" in err


def test_analyze_prints_presidio_json(tmp_path, capsys, config):
    code, out, err = _run(capsys, "analyze", f"mail {EMAIL}", "--config", config)
    assert code == 0, err
    results = json.loads(out)
    email = next(r for r in results if r["entity_type"] == "EMAIL_ADDRESS")
    assert (email["start"], email["end"], email["score"]) == (5, 5 + len(EMAIL), 1.0)
    assert email["analysis_explanation"] is None and email["recognition_metadata"]["recognizer_name"] == "EmailRecognizer"
    source = tmp_path / "t.txt"
    source.write_text(f"card {CARD}")
    code, out, _ = _run(capsys, "analyze", "--file", source, "--config", config, "--explain")
    card = next(r for r in json.loads(out) if r["entity_type"] == "CREDIT_CARD")
    assert card["analysis_explanation"]["validation_result"] is True
    code, _, err = _run(capsys, "analyze", "x", "--file", source, "--config", config)
    assert code == 2 and "not both" in err


def test_redact_and_analyze_with_the_model_config(tmp_path, capsys, minilm_dir):
    source = tmp_path / "n.txt"
    text = f"Patient Jane Roe, mail {EMAIL}."
    source.write_text(text)
    code, _, err = _run(capsys, "redact", source, "--config", "healthcare", "--model", minilm_dir, "--no-progress")
    assert code == 0, err
    assert EMAIL not in (tmp_path / "n.redacted.txt").read_text()
    record = json.loads((tmp_path / "redaction-report.json").read_text())["files"][0]["records"][0]
    assert "document_type" in record["document_classes"]
    code, out, err = _run(capsys, "analyze", text, "--config", "healthcare", "--model", minilm_dir, "--classify")
    assert code == 0, err
    payload = json.loads(out)
    assert set(payload) == {"results", "document_classes"}
    model_results = [r for r in payload["results"] if "model_label" in r["recognition_metadata"]]
    assert all(r["recognition_metadata"]["recognizer_name"] == "GLiNER2Recognizer" for r in model_results)
