"""The bundled model, loaded by name, on a clinical note written here (not by the generator).

Content assertions: these fail if the shipped model stops finding the identifiers a hospital
most needs removed.
"""

from pathlib import Path

import pytest

from presidio_gliner2 import GLiNER2

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "presidio_gliner2" / "models" / "default"

NOTE = (
    "ED triage 03/14/2026 22:40. Pt Marguerite Okonkwo-Bell, DOB 09/23/1957, MRN 4471-0935.\n"
    "SSN 318-62-4407 on file. Called daughter at (614) 555-0199; records to be sent to\n"
    "mokonkwobell@fastmail.com per pt request. 68F w/ SOB, hx CHF, on furosemide 40 mg daily.\n"
)

EXPECTED = {
    "person": "Marguerite Okonkwo-Bell",
    "date of birth": "09/23/1957",
    "medical record number": "4471-0935",
    "social security number": "318-62-4407",
    "phone number": "(614) 555-0199",
    "email address": "mokonkwobell@fastmail.com",
}


@pytest.fixture(scope="module")
def default_model():
    if not (DEFAULT_DIR / "config.json").is_file():
        pytest.skip("the bundled model is not in this checkout (make model builds it)")
    return GLiNER2.from_pretrained("default")


def test_default_loads_from_inside_the_package(default_model):
    assert default_model.config.max_width >= 8
    size = sum(f.stat().st_size for f in DEFAULT_DIR.rglob("*") if f.is_file())
    assert size < 70 * 2**20


def test_default_finds_the_identifiers_of_a_clinical_note(default_model):
    result = default_model.extract_entities(NOTE, list(EXPECTED), include_spans=True, threshold=0.5)
    for label, value in EXPECTED.items():
        found = [NOTE[item["start"]:item["end"]] for item in result["entities"][label]]
        # Report which label failed, never the values (they are PII in spirit).
        assert value in found, f"bundled model missed the {label} ({len(found)} other spans)"


def test_default_leaves_the_clinical_content_alone(default_model):
    result = default_model.extract_entities(NOTE, list(EXPECTED), include_spans=True, threshold=0.5)
    tagged = [NOTE[item["start"]:item["end"]] for items in result["entities"].values() for item in items]
    for clinical in ("furosemide", "CHF", "40 mg", "SOB"):
        assert not any(clinical in span for span in tagged), f"tagged clinical content as PII: {clinical!r}"


def test_default_finds_initial_dot_email_addresses(default_model):
    # v5 missed these (the generator never wrote an initial before a dot); v6 trained on them.
    text = "Records to be sent to m.okonkwobell@fastmail.com per pt request."
    result = default_model.extract_entities(text, ["email address"], include_spans=True, threshold=0.5)
    assert [text[i["start"]:i["end"]] for i in result["entities"]["email address"]] == ["m.okonkwobell@fastmail.com"]
