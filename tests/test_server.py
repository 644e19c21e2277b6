"""The REST service as a client sees it: a real ``presidio-gliner2 serve`` process on loopback.

One server per test session (the ``server`` fixture in ``tests/conftest.py``, started on first
use, stopped at the end), driven over HTTP with httpx. Request bodies and expected status codes
follow Presidio's e2e tests (e2e-tests/tests/test_api_analyzer.py, test_api_anonymizer.py), except
where we answer a client mistake with 4xx instead of Presidio's 500 (see README, "REST service and
playground").
The server runs with LOG_LEVEL=DEBUG so the log check covers the most talkative setting.
Content assertions need the bundled model; without it the server runs a random-head checkpoint
and only the mechanics are checked.
"""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest

from tests.support.models import needs_default
from tests.support.server import MAX_BODY_BYTES

LICENSE_TEXT = "John Smith drivers license is AC432223"
NOTE = ("Patient John Smith (MRN 4471-992) was seen on 03/14/2024 at Boston General. "
        "Call him at 617-555-0199 or email john.smith@example.com. SSN 123-45-6789.")
PLANTED = ["John Smith", "AC432223", "617-555-0199", "john.smith@example.com", "123-45-6789", "4471-992",
           "admin@github.com", "Jane Doe", "034453334"]


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


def post_raw(client, path: str, body: str) -> httpx.Response:
    return client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})


def with_approx_scores(results: list) -> list:
    """Results with ``pytest.approx`` scores: a padded batch and a single text differ in float
    rounding only (~1e-7), which can still cross a fixed rounding boundary (0.639875)."""
    return [dict(r, score=pytest.approx(r["score"], abs=1e-4)) for r in results]


def check_results(text: str, results: list) -> None:
    """Presidio's result shape, exact offsets, trimmed non-empty spans."""
    for r in results:
        assert set(r) == {"analysis_explanation", "end", "entity_type", "score", "start"}
        assert 0 <= r["start"] < r["end"] <= len(text)
        value = text[r["start"]:r["end"]]
        assert value.strip() == value and value
        assert 0 <= r["score"] <= 1


# --- analyzer ---------------------------------------------------------------------------------

def test_health_answers_like_presidio(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.text == "Presidio Analyzer service is up"


def test_analyze_returns_presidio_results(client):
    response = post_raw(client, "/analyze", json.dumps({"text": NOTE, "language": "en"}))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    results = response.json()
    assert isinstance(results, list)
    check_results(NOTE, results)
    assert all(r["analysis_explanation"] is None for r in results)


@needs_default
def test_analyze_finds_the_planted_identifiers(client):
    results = client.post("/analyze", json={"text": NOTE, "language": "en"}).json()
    found = {(NOTE[r["start"]:r["end"]], r["entity_type"]) for r in results}
    assert ("John Smith", "PERSON") in found
    assert ("john.smith@example.com", "EMAIL_ADDRESS") in found
    assert any(value == "617-555-0199" for value, _ in found)
    assert any(value == "123-45-6789" for value, _ in found)


def test_analyze_score_threshold_keeps_only_results_above_it(client):
    everything = client.post("/analyze", json={"text": NOTE, "language": "en", "score_threshold": 0}).json()
    above = client.post("/analyze", json={"text": NOTE, "language": "en", "score_threshold": 0.7}).json()
    assert all(r["score"] >= 0.7 for r in above)
    assert above == [r for r in everything if r["score"] >= 0.7]


def test_analyze_list_input_answers_a_list_per_text(client):
    texts = [NOTE, LICENSE_TEXT, "Nothing to see here."]
    batched = client.post("/analyze", json={"text": texts, "language": "en"})
    assert batched.status_code == 200
    one_by_one = [client.post("/analyze", json={"text": t, "language": "en"}).json() for t in texts]
    assert batched.json() == [with_approx_scores(r) for r in one_by_one]


def test_analyze_entities_restricts_the_types(client):
    results = client.post("/analyze", json={"text": NOTE, "language": "en", "entities": ["PERSON"]}).json()
    assert {r["entity_type"] for r in results} <= {"PERSON"}


def test_analyze_partially_unsupported_entities_return_the_supported_ones(client):
    text = "codice fiscale RSSMRA85M01H501Q, IBAN IT60X0542811101000000123456"
    response = client.post("/analyze", json={"text": text, "language": "en",
                                             "entities": ["IT_FISCAL_CODE", "IBAN_CODE"]})
    assert response.status_code == 200
    results = response.json()
    assert ("IBAN_CODE", 38, 65, 1.0) in [(r["entity_type"], r["start"], r["end"], r["score"]) for r in results]
    assert {r["entity_type"] for r in results} == {"IBAN_CODE"}


def test_analyze_ignores_unknown_keys_and_takes_a_correlation_id(client):
    for extra in ({"correlation_id": "123"}, {"trace": "1"}, {"trace": "somedata"}, {"return_decision_process": 0}):
        response = client.post("/analyze", json={"text": LICENSE_TEXT, "language": "en", **extra})
        assert response.status_code == 200, extra
        assert all(r["analysis_explanation"] is None for r in response.json())


def test_analyze_decision_process_explains_every_result(client):
    results = client.post("/analyze", json={"text": NOTE, "language": "en",
                                            "return_decision_process": True}).json()
    check_results(NOTE, results)
    for r in results:
        explanation = r["analysis_explanation"]
        assert {"recognizer", "pattern_name", "pattern", "original_score", "score", "textual_explanation",
                "score_context_improvement", "supportive_context_word", "validation_result"} <= set(explanation)
        if explanation["recognizer"] == "GLiNER2Recognizer":
            assert "GLiNER2" in explanation["textual_explanation"]


def test_analyze_ad_hoc_pattern_recognizer(client):
    text = "John Smith drivers license is AC432223. Zip code: 10023"
    zip_recognizer = {"name": "Zip code Recognizer", "supported_language": "en", "supported_entity": "ZIP",
                      "patterns": [{"name": "zip code (weak)", "regex": r"(\b\d{5}(?:\-\d{4})?\b)", "score": 0.01}]}
    plain = client.post("/analyze", json={"text": text, "language": "en", "score_threshold": 0,
                                          "ad_hoc_recognizers": [zip_recognizer]}).json()
    zips = [r for r in plain if r["entity_type"] == "ZIP"]
    assert [(r["start"], r["end"], r["score"]) for r in zips] == [(50, 55, 0.01)]

    with_context = dict(zip_recognizer, context=["zip", "code"])
    boosted = client.post("/analyze", json={"text": text, "language": "en", "score_threshold": 0,
                                            "ad_hoc_recognizers": [with_context]}).json()
    assert [r["score"] for r in boosted if r["entity_type"] == "ZIP"][0] > 0.01


def test_analyze_ad_hoc_deny_list_recognizer(client):
    text = "Mr. John Smith's drivers license is AC432223"
    recognizers = [{"name": "Mr. Recognizer", "supported_language": "en", "deny_list": ["Mr.", "Mister"],
                    "supported_entity": "MR_TITLE"},
                   {"name": "Ms. Recognizer", "supported_language": "en", "deny_list": ["Ms.", "Miss", "Mrs."],
                    "supported_entity": "MS_TITLE"}]
    results = client.post("/analyze", json={"text": text, "language": "en", "ad_hoc_recognizers": recognizers}).json()
    titles = [(r["entity_type"], r["start"], r["end"], r["score"]) for r in results if r["entity_type"].endswith("_TITLE")]
    assert titles == [("MR_TITLE", 0, 3, 1.0)]


def test_analyze_malformed_ad_hoc_recognizer_is_a_400_naming_the_problem(client):
    body = {"text": "Zip code: 10023", "language": "en", "ad_hoc_recognizers": [
        {"name": "Zip code Recognizer", "supported_language": "en", "supported_entity": "ZIP",
         "patterns": [{"type": "zip code (weak)", "bebex": r"(\b\d{5}\b)", "confidence": 0.01}]}]}
    response = client.post("/analyze", json=body)
    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith("Failed to parse /analyze request for AnalyzerEngine.analyze().")
    assert "unexpected keyword argument 'type'" in message


def test_analyze_allow_lists(client):
    text = "email: admin@github.com"

    def emails(**options):
        results = client.post("/analyze", json={"text": text, "language": "en", **options}).json()
        return {(r["start"], r["end"]) for r in results if r["entity_type"] == "EMAIL_ADDRESS"}

    assert (7, 23) in emails()
    assert (7, 23) not in emails(allow_list=["admin@github.com"])
    assert (7, 23) not in emails(allow_list=[".*@github.com"], allow_list_match="regex")
    assert (7, 23) in emails(allow_list=[".*@github.com"])  # exact match is the default
    # case-sensitive regex: GitHub != github, so the address is reported
    upper = client.post("/analyze", json={"text": "email: admin@GitHub.com", "language": "en",
                                          "allow_list": [".*@github.com"], "allow_list_match": "regex",
                                          "regex_flags": 0}).json()
    assert any((r["entity_type"], r["start"], r["end"]) == ("EMAIL_ADDRESS", 7, 23) for r in upper)


def test_supported_entities_and_recognizers(client):
    entities = client.get("/supportedentities", params={"language": "en"})
    assert entities.status_code == 200
    assert {"PERSON", "EMAIL_ADDRESS", "US_SSN", "PHONE_NUMBER"} <= set(entities.json())
    # Presidio ignores unknown query parameters and lists every language's entities
    assert client.get("/supportedentities?uknown=input").json() == entities.json()
    recognizers = client.get("/recognizers", params={"language": "en"})
    assert recognizers.status_code == 200
    assert "GLiNER2Recognizer" in recognizers.json()
    # general keeps spaCy's NER beside GLiNER2 (names, places, organizations); healthcare does not
    # (filtered of lone abbreviations: AbbreviationAwareSpacyRecognizer; Presidio's own stays disabled)
    assert "AbbreviationAwareSpacyRecognizer" in recognizers.json() and "SpacyRecognizer" not in recognizers.json()
    healthcare = client.get("/recognizers", params={"language": "en", "config": "healthcare"}).json()
    assert "GLiNER2Recognizer" in healthcare
    assert not {"SpacyRecognizer", "AbbreviationAwareSpacyRecognizer"} & set(healthcare)


@pytest.mark.parametrize("query", ["language=he", "language=zz"])
def test_supported_entities_unknown_language_is_a_400(client, query):
    response = client.get(f"/supportedentities?{query}")
    assert response.status_code == 400  # Presidio: 500
    assert response.json() == {"error": "No matching recognizers were found to serve the request."}


@pytest.mark.parametrize("body, status, error", [
    ("{}", 400, "No text provided"),
    ('{"language": "en"}', 400, "No text provided"),
    ('{"text": "", "language": "en"}', 400, "No text provided"),
    ('{"text": [], "language": "en"}', 400, "No text provided"),
    (json.dumps({"text": LICENSE_TEXT}), 400, "No language provided"),
    (json.dumps({"text": LICENSE_TEXT, "language": "zz"}), 400,
     "No matching recognizers were found to serve the request."),
    (json.dumps({"text": LICENSE_TEXT, "language": "en", "entities": ["NOT_A_TYPE"]}), 400,
     "No matching recognizers were found to serve the request."),
])
def test_analyze_client_mistakes_are_400_with_presidio_messages(client, body, status, error):
    response = post_raw(client, "/analyze", body)
    assert response.status_code == status  # Presidio answers these with 500
    assert response.json() == {"error": error}


@pytest.mark.parametrize("body, field", [
    ({"text": 5, "language": "en"}, "text"),
    ({"text": [LICENSE_TEXT, 7], "language": "en"}, "text"),
    ({"text": LICENSE_TEXT, "language": "en", "score_threshold": "high"}, "score_threshold"),
    ({"text": LICENSE_TEXT, "language": "en", "score_threshold": 1.5}, "score_threshold"),
    ({"text": LICENSE_TEXT, "language": "en", "entities": "PERSON"}, "entities"),
    ({"text": LICENSE_TEXT, "language": "en", "allow_list_match": "fuzzy"}, "allow_list_match"),
    ({"text": LICENSE_TEXT, "language": 3}, "language"),
])
def test_analyze_wrong_types_are_422_naming_the_field(client, body, field):
    response = client.post("/analyze", json=body)
    assert response.status_code == 422
    message = response.json()["error"]
    assert message.startswith("Invalid request: ") and f"{field}:" in message
    assert LICENSE_TEXT not in message


@pytest.mark.parametrize("path", ["/analyze", "/anonymize", "/redact"])
def test_invalid_json_is_a_400(client, path):
    response = post_raw(client, path, '{"text": "John Smith", "language": "en",}')
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid request json")


def test_oversize_body_is_a_413(client):
    body = json.dumps({"text": "a" * (MAX_BODY_BYTES + 1), "language": "en"})
    response = post_raw(client, "/analyze", body)
    assert response.status_code == 413
    assert "MAX_BODY_BYTES" in response.json()["error"]

    def chunks():  # no Content-Length: the limit must hold while streaming too
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 10_000 + 1):
            yield b"a" * 10_000
        yield b'", "language": "en"}'

    streamed = client.post("/analyze", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_unknown_path_and_wrong_method_are_json_errors(client):
    missing = client.get("/nope")
    assert missing.status_code == 404 and missing.json() == {"error": "Not Found"}
    wrong = client.get("/analyze")
    assert wrong.status_code == 405 and "error" in wrong.json()
    assert "POST" in wrong.headers.get("allow", "")


# --- anonymizer -------------------------------------------------------------------------------

ANONYMIZE_TEXT = "hello world, my name is Jane Doe. My number is: 034453334"


def without_scores(body: dict) -> dict:
    return {"text": body["text"], "items": sorted(({k: v for k, v in i.items() if k != "score"}
                                                   for i in body["items"]), key=lambda i: i["start"])}


def test_anonymize_like_presidio(client):
    body = {"text": ANONYMIZE_TEXT,
            "anonymizers": {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},
                            "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": True}},
            "analyzer_results": [{"start": 24, "end": 32, "score": 0.8, "entity_type": "NAME"},
                                 {"start": 24, "end": 28, "score": 0.8, "entity_type": "FIRST_NAME"},
                                 {"start": 29, "end": 32, "score": 0.6, "entity_type": "LAST_NAME"},
                                 {"start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER"}]}
    response = client.post("/anonymize", json=body)
    assert response.status_code == 200
    assert without_scores(response.json()) == {
        "text": "hello world, my name is ANONYMIZED. My number is: 03445****",
        "items": [{"operator": "replace", "entity_type": "NAME", "start": 24, "end": 34, "text": "ANONYMIZED"},
                  {"operator": "mask", "entity_type": "PHONE_NUMBER", "start": 50, "end": 59, "text": "03445****"}]}


def test_anonymize_keep_and_overlaps_like_presidio(client):
    body = {"text": "I'm George Washington Square Park",
            "anonymizers": {"NAME": {"type": "replace"}, "LOCATION": {"type": "keep"}},
            "analyzer_results": [{"start": 4, "end": 21, "score": 0.8, "entity_type": "NAME"},
                                 {"start": 11, "end": 33, "score": 0.8, "entity_type": "LOCATION"}]}
    assert client.post("/anonymize", json=body).json()["text"] == "I'm <NAME>Washington Square Park"


def test_anonymize_empty_inputs(client):
    empty_text = client.post("/anonymize", json={"text": "", "anonymizers": {"DEFAULT": {"type": "replace"}},
                                                 "analyzer_results": []})
    assert empty_text.status_code == 200 and empty_text.json() == {"text": "", "items": []}
    no_results = client.post("/anonymize", json={"text": "hello world!", "analyzer_results": []})
    assert no_results.json() == {"text": "hello world!", "items": []}


def test_anonymize_list_input(client):
    body = {"text": ["Jane Doe here", "call 034453334"],
            "analyzer_results": [[{"start": 0, "end": 8, "score": 0.8, "entity_type": "PERSON"}],
                                 [{"start": 5, "end": 14, "score": 0.9, "entity_type": "PHONE_NUMBER"}]]}
    response = client.post("/anonymize", json=body)
    assert [r["text"] for r in response.json()] == ["<PERSON> here", "call <PHONE_NUMBER>"]
    misaligned = client.post("/anonymize", json=dict(body, analyzer_results=body["analyzer_results"][:1]))
    assert misaligned.status_code == 422


@pytest.mark.parametrize("body, status, error", [
    ({}, 400, "Invalid request json"),
    ({"text": "hi", "anonymizers": {"DEFAULT": {"type": "custom", "new_value": "lambda x: x[::-1]"}},
      "analyzer_results": []}, 400, "Custom type anonymizer is not supported"),
    ({"text": "hi"}, 422, "Invalid input, request must contain analyzer results"),
    ({"text": "hi", "anonymizers": {"DEFAULT": {"type": "shred"}},
      "analyzer_results": [{"start": 0, "end": 2, "score": 1, "entity_type": "X"}]}, 422, None),
    ({"text": "hi", "analyzer_results": [{"start": 0, "end": 10, "score": 1, "entity_type": "X"}]}, 422, None),
    ({"text": "hi", "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "**", "chars_to_mask": 1}},
      "analyzer_results": [{"start": 0, "end": 2, "score": 1, "entity_type": "X"}]}, 422, None),
])
def test_anonymize_client_mistakes(client, body, status, error):
    response = client.post("/anonymize", json=body)
    assert response.status_code == status
    if error:
        assert response.json() == {"error": error}
    else:
        assert response.json()["error"]


def test_anonymizers_and_deanonymizers_lists(client):
    assert {"hash", "mask", "redact", "replace", "encrypt", "keep", "custom"} <= set(client.get("/anonymizers").json())
    assert {"decrypt", "deanonymize_keep"} <= set(client.get("/deanonymizers").json())


def test_encrypt_then_deanonymize_restores_the_text(client):
    text = "Lorem Ipsum is a Software Engineer"
    anonymized = client.post("/anonymize", json={
        "text": text,
        "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "1111111111111111"},
                        "TITLE": {"type": "encrypt", "key": "2222222222222222"}},
        "analyzer_results": [{"start": 0, "end": 12, "score": 0.8, "entity_type": "NAME"},
                             {"start": 18, "end": len(text), "score": 0.8, "entity_type": "TITLE"}]}).json()
    assert "Lorem" not in anonymized["text"]
    restored = client.post("/deanonymize", json={
        "text": anonymized["text"],
        "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "1111111111111111"},
                          "TITLE": {"type": "decrypt", "key": "2222222222222222"}},
        "anonymizer_results": [{k: i[k] for k in ("start", "end", "entity_type")} for i in anonymized["items"]]})
    assert restored.status_code == 200
    assert restored.json()["text"] == text


def test_deanonymize_errors_like_presidio(client):
    text = "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz+YqHNnMW2mC5r3AWoay8Spsoajyyy"
    bad_key = client.post("/deanonymize", json={
        "text": text, "deanonymizers": {"NUMBER": {"type": "decrypt", "key": "invalidkey"}},
        "anonymizer_results": [{"start": 0, "end": len(text), "entity_type": "NUMBER"}]})
    assert bad_key.status_code == 422
    assert bad_key.json() == {"error": "Invalid input, key must be of length 128, 192 or 256 bits"}
    assert client.post("/deanonymize", json={}).json() == {"error": "Invalid request json"}
    no_results = client.post("/deanonymize", json={"text": text})
    assert no_results.status_code == 200 and no_results.json() == {"text": text, "items": []}


def test_analyze_output_feeds_anonymize_unchanged(client):
    """Presidio's integration flow: /analyze's JSON (explanations and all) is /anonymize's input."""
    analyzed = client.post("/analyze", json={"text": NOTE, "language": "en", "return_decision_process": True}).json()
    response = client.post("/anonymize", json={"text": NOTE, "analyzer_results": analyzed,
                                               "anonymizers": {"PERSON": {"type": "replace", "new_value": "<PERSON>"}}})
    assert response.status_code == 200
    out = response.json()["text"]
    assert analyzed and "<PERSON>" in out
    # What is left of the note once the operators' tags are taken out ("<US_SSN>" holds "SSN",
    # which general's spaCy NER also reports as an organization).
    remaining = re.sub(r"<[A-Z_]+>", " ", out)
    for r in analyzed:
        value = NOTE[r["start"]:r["end"]]
        assert value not in remaining or NOTE.count(value) > 1, r["entity_type"]  # never the value itself


# --- ours: /redact, /classify, /configs --------------------------------------------------------

def test_redact_returns_text_findings_and_classes(client):
    response = client.post("/redact", json={"text": NOTE})
    assert response.status_code == 200
    body = response.json()
    assert {"text", "findings", "document_classes", "mapping"} <= set(body)
    assert body["mapping"] is None
    for finding in body["findings"]:
        check_results(NOTE, [{k: finding.get(k) for k in ("start", "end", "entity_type", "score")}
                             | {"analysis_explanation": None}])
        assert not ({"text", "value"} & set(finding))  # findings never carry values
    # every character outside the findings is unchanged, in order
    kept, at = [], 0
    for f in sorted(body["findings"], key=lambda f: f["start"]):
        kept.append(NOTE[at:f["start"]])
        at = max(at, f["end"])
    kept.append(NOTE[at:])
    position = 0
    for piece in kept:
        position = body["text"].index(piece, position) + len(piece)


@needs_default
def test_redact_removes_the_planted_identifiers(client):
    body = client.post("/redact", json={"text": NOTE, "config": "healthcare"}).json()
    for value in ("John Smith", "617-555-0199", "john.smith@example.com", "123-45-6789"):
        assert value not in body["text"]
    assert body["text"].startswith("Patient <PERSON>")


def test_redact_list_pseudonyms_and_reversible_mapping(client):
    texts = [NOTE, "John Smith called again."]
    batched = client.post("/redact", json={"text": texts, "reversible": True}).json()
    assert isinstance(batched, list) and len(batched) == 2
    for original, result in zip(texts, batched):
        restored = result["text"]
        for placeholder, value in (result["mapping"] or {}).items():
            restored = restored.replace(placeholder, value)
        assert restored == original


@pytest.mark.parametrize("body, status, fragment", [
    ({"text": NOTE, "config": "nonsense"}, 400, "Unknown config 'nonsense'"),
    ({"text": NOTE, "policy": "/etc/passwd"}, 400, "Unknown policy"),
    ({"text": NOTE, "operator": "custom"}, 400, "Custom type anonymizer is not supported"),
    ({"text": NOTE, "reversible": True, "anonymizers": {"PERSON": {"type": "hash"}}}, 400, "reversible"),
    ({"text": ""}, 400, "No text provided"),
    ({"text": NOTE, "score_threshold": 2}, 422, "score_threshold"),
])
def test_redact_client_mistakes(client, body, status, fragment):
    response = client.post("/redact", json=body)
    assert response.status_code == status
    assert fragment in response.json()["error"]
    assert "John Smith" not in response.json()["error"]


def test_classify_returns_document_classes(client):
    response = client.post("/classify", json={"text": [NOTE, "Hi Bob, the invoice is attached."],
                                              "config": "healthcare"})
    assert response.status_code == 200
    bodies = response.json()
    assert len(bodies) == 2
    for body in bodies:
        assert "document_type" in body["document_classes"]
        for item in body["document_classes"]["document_type"]:
            assert set(item) == {"label", "score"} and 0 <= item["score"] <= 1


def test_configs_lists_what_the_playground_may_pick(client):
    body = client.get("/configs").json()
    assert body["default"] == "general"
    assert set(body["configs"]) == {"general", "healthcare", "finance"}
    assert "custom" not in body["operators"] and "replace" in body["operators"]
    finance = client.get("/supportedentities", params={"language": "en", "config": "finance"})
    assert finance.status_code == 200 and "IBAN_CODE" in finance.json()


# --- logs: last, after everything above ran --------------------------------------------------

def test_zz_logs_have_access_lines_and_no_input_text(server, client):
    client.post("/analyze", json={"text": NOTE, "language": "en"})  # so the check stands alone too
    client.post("/anonymize", json={"text": NOTE})  # 422: no analyzer_results
    deadline = time.monotonic() + 10  # the access line is written just after the response is sent
    while not ("POST /analyze 200" in server.log() and "POST /anonymize 422" in server.log()) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    log = server.log()
    assert "POST /analyze 200" in log and "POST /anonymize 422" in log
    assert "?" not in "".join(line for line in log.splitlines() if "presidio_gliner2.server.access" in line)
    for value in PLANTED + [NOTE, "Lorem Ipsum"]:
        assert value not in log, f"a request value reached the server log: {value[:4]}..."
