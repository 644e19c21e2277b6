"""Every face analyzes through the same batched entry point, with the overlap rules (checksum first, contained results dropped).

The REST service built from Presidio's own configuration files (ANALYZER_CONF_FILE, a plain
``AnalyzerEngine``) used to skip the rule; a Luhn-valid card that the model also tags as a bank
account number must come back as CREDIT_CARD alone, from the REST service and the Redactor alike.
"""

from __future__ import annotations

import copy

import pytest
import yaml

from presidio_gliner2 import resources

pytestmark = pytest.mark.skipif("default" not in resources.names("model"),
                                reason="needs the bundled model: the card must really be tagged by a model")

TEXT = "Please charge card 4111 1111 1111 1111 for the visit."
CARD = (19, 38)
# The bundled model tags this card number with these labels; reported as US_BANK_NUMBER.
MODEL_ENTITIES = {"US_BANK_NUMBER": ["credit card number", "bank account number"]}


@pytest.fixture(scope="module")
def presidio_conf_file(tmp_path_factory):
    """Our finance deployment config with the GLiNER2 entry asking the model for the card as a bank
    number: a Presidio analyzer conf file, as ANALYZER_CONF_FILE would name it."""
    conf = yaml.safe_load(resources.resolve("config", "finance").read_text())
    conf = copy.deepcopy(conf)
    for entry in conf["recognizer_registry"]["recognizers"]:
        if isinstance(entry, dict) and entry.get("class_name", entry.get("name")) == "GLiNER2Recognizer":
            entry["entities"] = MODEL_ENTITIES
            entry["model"] = "default"
    path = tmp_path_factory.mktemp("presidio-files") / "analyzer.yaml"
    path.write_text(yaml.safe_dump(conf))
    return path


def _overlaps_card(start: int, end: int) -> bool:
    return start < CARD[1] and CARD[0] < end


def test_the_model_really_tags_the_card():
    from presidio_gliner2 import GLiNER2Recognizer

    recognizer = GLiNER2Recognizer(entities=MODEL_ENTITIES)
    recognizer.load()
    tagged = [(r.start, r.end) for r in recognizer.analyze(TEXT) if r.entity_type == "US_BANK_NUMBER"]
    assert any(_overlaps_card(*span) for span in tagged), "premise: the model tags the card number"


def test_rest_service_from_presidio_files_applies_checksum_first(presidio_conf_file):
    from fastapi.testclient import TestClient
    from presidio_analyzer import AnalyzerEngine

    from presidio_gliner2.server import Settings, create_app

    app = create_app(Settings(analyzer_conf_file=str(presidio_conf_file), extra_configs=()))
    engine = app.state.engines.analyzer
    assert type(engine) is AnalyzerEngine  # Presidio's own engine, not our wrapper: the rule must come from the path
    with TestClient(app) as client:
        response = client.post("/analyze", json={"text": TEXT, "language": "en"})
    assert response.status_code == 200
    found = [(r["entity_type"], r["start"], r["end"]) for r in response.json()]
    assert ("CREDIT_CARD", *CARD) in found
    assert not [f for f in found if f[0] != "CREDIT_CARD" and _overlaps_card(f[1], f[2])], found
    # Without the rule a plain engine keeps the model's overlapping span: the path made the difference.
    plain = engine.analyze(TEXT, language="en")
    assert any(r.entity_type == "US_BANK_NUMBER" and _overlaps_card(r.start, r.end) for r in plain)


def test_redactor_and_rest_service_agree(presidio_conf_file):
    from presidio_analyzer import AnalyzerEngineProvider

    from presidio_gliner2 import Redactor
    from presidio_gliner2.redaction.analysis import analyze_batch

    engine = AnalyzerEngineProvider(analyzer_engine_conf_file=str(presidio_conf_file)).create_engine()
    findings = Redactor(analyzer=engine).redact(TEXT).findings
    card_findings = [(f["entity_type"], f["start"], f["end"]) for f in findings
                     if _overlaps_card(f["start"], f["end"])]
    assert card_findings == [("CREDIT_CARD", *CARD)]
    batched = analyze_batch(engine, [TEXT, TEXT])
    assert [sorted((r.entity_type, r.start, r.end) for r in a.results) for a in batched][0] == \
        [sorted((r.entity_type, r.start, r.end) for r in a.results) for a in batched][1]
