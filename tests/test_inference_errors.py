"""A failed model pass (issue 11, minor): a server error, never a client mistake, and never the text.

The model is made to fail the way a tokenizer does, with a message that quotes the document; the
REST service must answer 500 with a generic message on every endpoint that runs the model, and the
CLI must exit 1 with a one-line error, no traceback and no output file.
"""

from __future__ import annotations

import json
import logging

import pytest

from presidio_gliner2.cli import main
from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer
from presidio_gliner2.server.errors import MODEL_FAILED
from presidio_gliner2.server.settings import Settings
from tests.support.models import needs_default

NAME = "Jane Roe"
TEXT = f"Patient {NAME} called from 617-555-0142."


def _fail_like_a_tokenizer(self, texts, schemas):
    raise ValueError(f"TextEncodeInput must be a str, got {texts[0]!r}")


@pytest.fixture()
def broken_model(monkeypatch):
    monkeypatch.setattr(GLiNER2Recognizer, "_extract", _fail_like_a_tokenizer)


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from presidio_gliner2.server import create_app

    with TestClient(create_app(Settings(extra_configs=()))) as test_client:
        yield test_client


@needs_default
@pytest.mark.parametrize("path", ["/analyze", "/redact", "/classify"])
@pytest.mark.parametrize("text", [TEXT, [TEXT, "second note"]])
def test_a_failed_model_pass_is_500_without_the_text(client, broken_model, caplog, path, text):
    with caplog.at_level(logging.DEBUG):
        response = client.post(path, json={"text": text, "language": "en"})
    assert response.status_code == 500, response.text
    assert response.json() == {"error": MODEL_FAILED}
    assert NAME not in caplog.text and "617-555" not in caplog.text
    assert any("model pass failed (ValueError" in r.getMessage() for r in caplog.records)  # logged, by type


@needs_default
def test_the_service_answers_normally_once_the_model_works_again(client):
    response = client.post("/analyze", json={"text": TEXT, "language": "en"})
    assert response.status_code == 200


@needs_default
@pytest.mark.parametrize("command", ["redact", "analyze"])
def test_the_cli_exits_1_with_one_generic_line(tmp_path, capsys, broken_model, command):
    source = tmp_path / "note.txt"
    source.write_text(TEXT)
    argv = ["redact", str(source), "--no-progress"] if command == "redact" else ["analyze", TEXT]
    code = main(argv + ["--config", "general"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "InferenceError" in err and "ValueError" in err and "Traceback" not in err
    assert NAME not in out + err and "617-555" not in out + err
    assert not (tmp_path / "note.redacted.txt").exists()
    if command == "redact":
        report = (tmp_path / "redaction-report.json").read_text()
        assert json.loads(report)["files"][0]["status"] == "failed" and NAME not in report
