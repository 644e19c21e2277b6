"""Request limits on model work (issue 11): texts and characters per request answer 413 before the
model runs, configurable like the body limit; settings that cannot work stop the server at start."""

from __future__ import annotations

import pytest

from presidio_gliner2.server.settings import Settings
from tests.support.models import needs_default


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from presidio_gliner2.server import create_app

    app = create_app(Settings(max_texts=3, max_text_chars=120, extra_configs=()))
    with TestClient(app) as test_client:
        yield test_client


@needs_default
@pytest.mark.parametrize("path", ["/analyze", "/redact", "/classify"])
def test_too_many_texts_is_413_and_says_which_limit(client, path):
    body = {"text": ["a note", "b note", "c note", "d note"], "language": "en"}
    response = client.post(path, json=body)
    assert response.status_code == 413
    assert "MAX_TEXTS" in response.json()["error"] and "note" not in response.json()["error"]


@needs_default
@pytest.mark.parametrize("path", ["/analyze", "/redact", "/classify"])
def test_too_many_characters_is_413(client, path):
    response = client.post(path, json={"text": ["\U0001F600" * 70, "x" * 51], "language": "en"})
    assert response.status_code == 413
    assert "MAX_TEXT_CHARS" in response.json()["error"]


@needs_default
def test_at_the_limits_the_request_runs(client):
    response = client.post("/analyze", json={"text": ["Call Jane at 617-555-0142.", "ok", "x" * 80],
                                             "language": "en"})
    assert response.status_code == 200 and len(response.json()) == 3


@pytest.mark.parametrize("name", ["REQUEST_TIMEOUT_S", "MAX_TEXTS", "MAX_TEXT_CHARS"])
@pytest.mark.parametrize("value", ["nan", "inf", "0", "-3"])
def test_settings_that_cannot_work_are_refused_at_start(name, value):
    if name != "REQUEST_TIMEOUT_S" and value in ("nan", "inf"):
        value = "1.5"  # integers: a float is as wrong
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: value})


def test_limits_come_from_the_environment():
    settings = Settings.from_env({"MAX_TEXTS": "10", "MAX_TEXT_CHARS": "5000"})
    assert (settings.max_texts, settings.max_text_chars) == (10, 5000)


# --- request fields that used to be coerced, logged or unbounded (issue 11, items 5 and minor) ---

@needs_default
@pytest.mark.parametrize("path, body, field", [
    ("/analyze", {"score_threshold": True}, "score_threshold"),        # was 1.0: nothing reported, 200
    ("/redact", {"score_threshold": False}, "score_threshold"),
    ("/analyze", {"return_decision_process": "yes"}, "return_decision_process"),
    ("/analyze", {"regex_flags": 128}, "regex_flags"),                   # re.DEBUG prints patterns to stdout
    ("/analyze", {"entities": ["PERSON\nINFO forged log line"]}, "entities"),
    ("/analyze", {"ad_hoc_recognizers": [{"supported_entity": "X", "deny_list": ["a"]}] * 11}, "ad_hoc_recognizers"),
    ("/analyze", {"allow_list": ["w"] * 1001}, "allow_list"),
])
def test_bad_fields_are_422_naming_the_field(client, path, body, field):
    response = client.post(path, json={"text": "Call Jane at 617-555-0142.", "language": "en", **body})
    assert response.status_code == 422, response.text
    assert field in response.json()["error"] and "Jane" not in response.json()["error"]


@needs_default
def test_debug_regex_flag_prints_nothing(client, capfd):
    client.post("/analyze", json={"text": "x", "language": "en", "allow_list": ["secret-value"],
                                  "allow_list_match": "regex", "regex_flags": 128 | 2})
    assert "secret-value" not in capfd.readouterr().out


@needs_default
@pytest.mark.parametrize("path, body", [
    ("/anonymize", {"text": "Jane Roe", "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "*",
                                                                  "chars_to_mask": 0}},
                    "analyzer_results": [{"start": 0, "end": 8, "score": 0.9, "entity_type": "PERSON"}]}),
    ("/redact", {"text": "Jane Roe", "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "*",
                                                               "chars_to_mask": -2}}}),
])
def test_a_mask_of_nothing_is_422(client, path, body):
    response = client.post(path, json=body)
    assert response.status_code == 422 and "chars_to_mask" in response.json()["error"]


@needs_default
def test_a_lone_surrogate_is_422_without_quoting_the_text(client):
    body = '{"text": "Jane Roe \\ud800 617-555-0142", "language": "en"}'
    response = client.post("/analyze", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert "surrogate" in response.json()["error"] and "Jane" not in response.json()["error"]


@needs_default
def test_docs_are_served_from_the_package_without_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/docs.js" in page.text
    assert "https://" not in page.text and "http://" not in page.text
    script = client.get("/static/docs.js")
    assert script.status_code == 200 and "https://" not in script.text and "/openapi.json" in script.text
    assert client.get("/redoc").status_code == 404


@needs_default
@pytest.mark.parametrize("result", [
    {"start": 5, "end": 2, "score": 0.9, "entity_type": "PERSON"},
    {"start": -1, "end": 2, "score": 0.9, "entity_type": "PERSON"},
    {"start": 0, "end": 2, "score": "NaN", "entity_type": "PERSON"},
    {"start": 0, "end": 2, "score": 0.9, "entity_type": ""},
])
def test_impossible_analyzer_results_are_4xx_not_500(client, result):
    response = client.post("/anonymize", json={"text": "Jane Roe", "analyzer_results": [result]})
    assert response.status_code == 422, response.text


@needs_default
def test_deanonymize_without_deanonymizers_is_422(client):
    response = client.post("/deanonymize", json={"text": "<PERSON>", "anonymizer_results": [
        {"start": 0, "end": 8, "entity_type": "PERSON"}]})
    assert response.status_code == 422 and "deanonymizers" in response.json()["error"]
