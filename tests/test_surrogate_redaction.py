"""Surrogates and date shifting through the redaction layer and every face (issue 14): restore
exactly with the mapping, keep every interval between a document's dates, the shipped policy, the
CLI, the REST service, and the sample clinical note on the bundled model."""

from __future__ import annotations

import datetime
import itertools
import json

import httpx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from presidio_gliner2.cli import main
from presidio_gliner2.redaction.document_operators import DocumentOperators
from presidio_gliner2.redaction.policies import Policy, policy_names
from presidio_gliner2.redaction.redactor import Redactor
from presidio_gliner2.redaction.surrogates.dates import parse_date
from tests.support.models import needs_default
from tests.support.redaction import DEMO_PLANTED, pattern_analyzer, pattern_config

KEY = "patient-0042-key-material"
PIECES = {  # entity -> values a document may hold
    "PERSON": ["Margaret Okafor", "Dr. Okafor", "Jonathan Q. Reyes", "Mr. Reyes", "Priya Natarajan"],
    "US_SSN": ["512-44-8391", "078-05-1120"],
    "PHONE_NUMBER": ["(937) 555-0142", "617.555.0199"],
    "EMAIL_ADDRESS": ["maria.reyes@example.com", "okafor.m@mercy.org"],
    "LOCATION": ["418 Willow Creek Rd, Dayton, OH 45402", "Boston", "Ohio"],
    "MEDICAL_RECORD_NUMBER": ["00731942", "MRN-448812"],
    "DATE_TIME": ["04/17/1961", "11/02/2025", "March 3, 2020", "2019-12-31", "14 Mar 51", "yesterday"],
    "CREDIT_CARD": ["4532 0151 1283 0366"],
}
SURROGATES = {"DEFAULT": OperatorConfig("surrogate", {}), "DATE_TIME": OperatorConfig("date_shift", {})}


def _document(picks: list[tuple[str, str]]) -> tuple[str, list[RecognizerResult]]:
    text, findings = "Note.", []
    for entity, value in picks:
        text += " Seen: "
        findings.append(RecognizerResult(entity, len(text), len(text) + len(value), 0.9))
        text += value + "."
    return text, findings


def _anonymize(text, findings, operators, exact=True, key=None):
    document = DocumentOperators(text, operators, exact=exact, surrogate_key=key)
    configs, used = document.configs(findings)
    result = AnonymizerEngine().anonymize(text=text, analyzer_results=findings, operators=configs)
    items = [{"start": i.start, "end": i.end, "entity_type": i.entity_type} for i in result.items]
    return result.text, items, document.mapping


mentions = st.lists(st.sampled_from([(e, v) for e, vs in PIECES.items() for v in vs]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(picks=mentions)
def test_the_mapping_restores_the_document_exactly(picks):
    text, findings = _document(picks)
    redacted, items, mapping = _anonymize(text, findings, SURROGATES)
    assert Redactor.restore(redacted, mapping, items) == text
    for entity, value in picks:
        if entity != "DATE_TIME":
            assert value not in redacted.replace("example.com", "")  # every original gone


@settings(max_examples=60, deadline=None)
@given(picks=mentions)
def test_repeated_values_get_the_same_surrogate(picks):
    text, findings = _document(picks + picks)
    redacted, items, _ = _anonymize(text, findings, SURROGATES, exact=False)
    fakes = [redacted[i["start"]:i["end"]] for i in sorted(items, key=lambda i: i["start"])]
    half = len(fakes) // 2
    assert fakes[:half] == fakes[half:]


DATE_FORMATS = ["%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y", "%d %b %Y", "%m/%d/%y", "%b %d %Y"]


@settings(max_examples=60, deadline=None)
@given(dates=st.lists(st.dates(datetime.date(1930, 1, 1), datetime.date(2030, 12, 31)), min_size=2, max_size=6),
       formats=st.lists(st.sampled_from(DATE_FORMATS), min_size=6, max_size=6),
       key=st.none() | st.just(KEY))
def test_date_shifting_keeps_every_interval_of_a_document(dates, formats, key):
    # A 2-digit year is shifted only while it stays in its century window (today's year and the 99
    # before it); one that would leave it becomes a placeholder (test_date_shift.py). Keep
    # such dates a whole shift range (365 days) inside the window, whatever today is.
    today = datetime.date.today()
    window = (datetime.date(today.year - 99, 1, 1) + datetime.timedelta(days=366),
              datetime.date(today.year, 12, 31) - datetime.timedelta(days=366))
    assume(all(window[0] <= d <= window[1] for d, f in zip(dates, formats) if "%y" in f))
    picks = [("DATE_TIME", d.strftime(f)) for d, f in zip(dates, formats)]
    text, findings = _document(picks)
    redacted, items, _ = _anonymize(text, findings, {"DEFAULT": OperatorConfig("date_shift", {})}, key=key)
    shifted = [parse_date(redacted[i["start"]:i["end"]]).date for i in sorted(items, key=lambda i: i["start"])]
    originals = [parse_date(v).date for _, v in picks]
    assert len(shifted) == len(originals)
    for (a, b), (fa, fb) in zip(itertools.combinations(originals, 2), itertools.combinations(shifted, 2)):
        assert fb - fa == b - a
    assert shifted[0] != originals[0]  # the shift is never 0 days


def test_one_key_shifts_every_document_of_a_patient_alike():
    redactor = Redactor(analyzer=pattern_analyzer("healthcare"), operators={"DATE_TIME": "date_shift"})
    first = redactor.redact("Admitted 03/14/2024.", surrogate_key=KEY)
    second = redactor.redact("Admitted 03/14/2024.", surrogate_key=KEY)
    other = redactor.redact("Admitted 03/14/2024.", surrogate_key="another-patient-key-0043")
    assert first.text == second.text != "Admitted 03/14/2024."
    assert other.text != first.text  # another patient's key: another shift


# ------------------------------------------------------------------------------------- Redactor + policy

NOTE = ("Pt SSN 512-44-8391, seen 03/14/2024 and again 03/28/2024. Call (617) 555-0199 or "
        "write to jane.roe@mercy.org. Card 4532 0151 1283 0366.")
NOTE_VALUES = ["512-44-8391", "03/14/2024", "03/28/2024", "(617) 555-0199", "jane.roe@mercy.org", "4532 0151 1283 0366"]


def test_the_surrogates_policy_is_shipped_and_applies_to_every_document():
    assert "surrogates" in policy_names()
    policy = Policy.load("surrogates")
    assert policy.task is None and policy.operators_for({})[1]["DEFAULT"].operator_name == "surrogate"
    assert policy.operators_for({})[1]["DATE_TIME"].operator_name == "date_shift"


def test_redactor_with_the_surrogates_policy_is_reversible_and_reports_no_values():
    redactor = Redactor(analyzer=pattern_analyzer("healthcare"), policy="surrogates", reversible=True,
                        surrogate_key=KEY)
    result = redactor.redact(NOTE)
    assert not any(value in result.text for value in NOTE_VALUES)
    assert Redactor.restore(result.text, result.mapping, result.items) == NOTE
    report = json.dumps({"findings": result.findings, "items": result.items})
    assert not any(value in report for value in NOTE_VALUES)
    assert {f["operator"] for f in result.findings} == {"surrogate", "date_shift"}
    dates = [result.text[i["start"]:i["end"]] for i in result.items if i["entity_type"] == "DATE_TIME"]
    first, second = (parse_date(d).date for d in dates)
    assert second - first == datetime.timedelta(days=14)
    assert redactor.redact(NOTE).text == result.text  # the key makes it repeatable


def test_reversible_refuses_operators_without_a_mapping():
    with pytest.raises(ValueError, match="encrypt"):
        Redactor(analyzer=pattern_analyzer("healthcare"), reversible=True, operators={"US_SSN": "mask"})
    redactor = Redactor(analyzer=pattern_analyzer("healthcare"), reversible=True)
    with pytest.raises(ValueError, match="mapping"):
        redactor.redact(NOTE, operators={"DEFAULT": "hash"})


@pytest.mark.parametrize("spec, fragment", [
    ({"type": "surrogate", "key": "short"}, "at least 16"),
    ({"type": "date_shift", "min_days": 10, "max_days": 1}, "after max_days"),
    ({"type": "date_shift", "min_days": 0, "max_days": 0}, "only 0 days"),
    ({"type": "surrogate", "salt": "x" * 20}, "takes key"),
])
def test_bad_surrogate_parameters_are_refused(spec, fragment):
    with pytest.raises(ValueError, match=fragment):
        Redactor(analyzer=pattern_analyzer("healthcare"), operators={"DEFAULT": spec})


# ------------------------------------------------------------------------------------- CLI

def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_surrogates_with_a_key_are_the_same_in_every_file(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(NOTE)
    code, _, err = _run(capsys, "redact", tmp_path / "a.txt", tmp_path / "b.txt", "--config",
                        pattern_config("healthcare"), "--policy", "surrogates", "--surrogate-key", KEY,
                        "--out-dir", tmp_path / "out", "--no-progress")
    assert code == 0, err
    a, b = ((tmp_path / "out" / n).read_text() for n in ("a.txt", "b.txt"))
    assert a == b and not any(value in a for value in NOTE_VALUES)
    report = (tmp_path / "out" / "redaction-report.json").read_text()
    assert '"surrogate"' in report and not any(value in report for value in NOTE_VALUES)


def test_cli_date_shift_operator_and_its_range(tmp_path, capsys):
    (tmp_path / "n.txt").write_text("Seen 03/14/2024.")
    code, _, err = _run(capsys, "redact", tmp_path / "n.txt", "--config", pattern_config("healthcare"),
                        "--operator", "date_shift", "--max-shift-days", "3", "--entities", "DATE_TIME",
                        "--no-progress")
    assert code == 0, err
    shifted = parse_date((tmp_path / "n.redacted.txt").read_text()[5:-1]).date
    assert 1 <= abs((shifted - datetime.date(2024, 3, 14)).days) <= 3


@pytest.mark.parametrize("argv, fragment", [
    (["--operator", "surrogate", "--surrogate-key", "short"], "at least 16"),
    (["--operator", "replace", "--max-shift-days", "5"], "goes with"),
])
def test_cli_surrogate_usage_errors_exit_2_and_write_nothing(tmp_path, capsys, argv, fragment):
    (tmp_path / "n.txt").write_text(NOTE)
    code, _, err = _run(capsys, "redact", tmp_path / "n.txt", "--config", pattern_config("healthcare"), *argv,
                        "--no-progress")
    assert code == 2 and fragment in err
    assert not (tmp_path / "n.redacted.txt").exists()


# ------------------------------------------------------------------------------------- REST

@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


@pytest.mark.slow
def test_rest_redact_with_the_surrogates_policy_and_a_key(client):
    body = {"text": NOTE, "config": "healthcare", "policy": "surrogates", "surrogate_key": KEY, "reversible": True}
    first, second = (client.post("/redact", json=body) for _ in range(2))
    assert first.status_code == 200, first.text
    result = first.json()
    assert result["text"] == second.json()["text"]
    assert not any(value in result["text"] for value in NOTE_VALUES)
    assert Redactor.restore(result["text"], result["mapping"], result["items"]) == NOTE
    short = client.post("/redact", json={**body, "surrogate_key": "short"})
    assert short.status_code == 422


def test_rest_anonymize_takes_the_surrogate_operator(client):
    text = "SSN 512-44-8391 and again 512-44-8391, phone 617-555-0199."
    results = [{"entity_type": "US_SSN", "start": 4, "end": 15, "score": 0.9},
               {"entity_type": "US_SSN", "start": 26, "end": 37, "score": 0.9},
               {"entity_type": "PHONE_NUMBER", "start": 45, "end": 57, "score": 0.9}]
    response = client.post("/anonymize", json={"text": text, "analyzer_results": results,
                                               "anonymizers": {"DEFAULT": {"type": "surrogate", "key": KEY}}})
    assert response.status_code == 200, response.text
    body = response.json()
    fake = body["text"][4:15]
    assert fake != "512-44-8391" and fake.startswith("9") and body["text"][26:37] == fake
    assert "555-01" in body["text"][45:57]
    assert {item["operator"] for item in body["items"]} == {"surrogate"}
    bad = client.post("/anonymize", json={"text": text, "analyzer_results": results,
                                          "anonymizers": {"DEFAULT": {"type": "surrogate", "key": "short"}}})
    assert bad.status_code == 422


def test_rest_offers_the_surrogate_operators(client):
    info = client.get("/configs").json()
    assert {"surrogate", "date_shift"} <= set(info["operators"])
    assert "surrogates" in json.dumps(info)


# ------------------------------------------------------------------------------------- the sample note

@needs_default
@pytest.mark.slow
def test_the_sample_note_with_the_surrogates_policy_keeps_no_original_identifier():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "redact_sample.py"
    spec = importlib.util.spec_from_file_location("redact_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    redactor = Redactor(config="healthcare", policy="surrogates", reversible=True)
    result = redactor.redact(module.SAMPLE, surrogate_key=KEY)
    for value in DEMO_PLANTED:
        assert value not in result.text, "an original identifier was left"
    assert "<" not in result.text  # every identifier became a fake, none a placeholder
    assert Redactor.restore(result.text, result.mapping, result.items) == module.SAMPLE


def test_presidio_anonymizer_engine_takes_the_operators_with_a_key():
    from presidio_gliner2.redaction.surrogates.presidio_operators import add_to

    engine = add_to(AnonymizerEngine())
    text = "SSN 512-44-8391, seen 03/14/2024; SSN 512-44-8391."
    results = [RecognizerResult("US_SSN", 4, 15, 0.9), RecognizerResult("DATE_TIME", 22, 32, 0.9),
               RecognizerResult("US_SSN", 38, 49, 0.9)]
    operators = {"US_SSN": OperatorConfig("surrogate", {"key": KEY}),
                 "DATE_TIME": OperatorConfig("date_shift", {"key": KEY, "min_days": 1, "max_days": 30})}
    out = engine.anonymize(text, results, operators).text
    assert out[4:15] == out[38:49] != "512-44-8391" and out[4] == "9"
    assert 1 <= (parse_date(out[22:32]).date - datetime.date(2024, 3, 14)).days <= 30
    with pytest.raises(Exception, match="needs a 'key'"):
        engine.anonymize(text, results, {"DEFAULT": OperatorConfig("surrogate", {})})
