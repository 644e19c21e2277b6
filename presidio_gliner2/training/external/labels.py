"""Source entity types -> our model labels (``training/labels.py``).

``None`` drops the type: its words stay in the text but are not annotated (MISC, works
of art, events: not personal data). ``location`` is a coarse label that is not in the
PII inventory: these corpora tag any place (country, city, river, venue) without saying
which, so it cannot be narrowed to ``city`` or ``street address`` honestly.
"""

from __future__ import annotations

from typing import Optional

LabelMap = dict[str, Optional[str]]

CONLL_PER_LOC_ORG: LabelMap = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": None}

# GUM annotates every mention (pronouns and common nouns included) with one of 11 types;
# gum.py keeps proper-name mentions of the first three and calendar expressions of "time".
GUM: LabelMap = {
    "person": "person",
    "organization": "organization",
    "place": "location",
    "time": "dates",  # coarse: full dates, partial dates and years; full ones are also "date" (FULL_DATE_LABEL)
    "abstract": None, "animal": None, "event": None, "object": None, "plant": None,
    "quantity": None, "substance": None,
}

# LitBank (ACE types): litbank.py keeps proper-name mentions only (the coref layer's PROP_*).
LITBANK: LabelMap = {
    "PER": "person",
    "ORG": "organization",
    "GPE": "location", "LOC": "location", "FAC": "location",  # countries, rivers, streets, houses: any place
    "VEH": None,  # ships and coaches by name ("the Pequod"): not personal data
}

# ASQ-PHI lists HIPAA Safe Harbor identifiers; its GEOGRAPHIC_LOCATION is mostly hospitals and
# clinics ("Mt. Sinai", "Elm Clinic"), which our coarse "location" covers; its DATE is full or
# partial calendar dates (bare years are not PHI there), our coarse "dates".
ASQ_PHI: LabelMap = {
    "NAME": "person", "GEOGRAPHIC_LOCATION": "location", "DATE": "dates",
    "MEDICAL_RECORD_NUMBER": "medical record number",
    "HEALTH_PLAN_BENEFICIARY_NUMBER": "health plan beneficiary number",
    "PHONE_NUMBER": "phone number", "FAX_NUMBER": "fax number", "SOCIAL_SECURITY_NUMBER": "social security number",
    "EMAIL_ADDRESS": "email address", "ACCOUNT_NUMBER": "account number",
    "CERTIFICATE_LICENSE_NUMBER": "license number", "IP_ADDRESS": "ip address",
    "UNIQUE_IDENTIFIER": "identifier",  # our coarse "any ID number"
}

# Our synthetic data keeps "date" for full calendar dates (day, month and year) and the
# coarse "dates" for any date incl. "March 2023" and "in 2019"; GUM time spans get "dates",
# and the full ones get "date" as well, so both labels mean the same thing in both sources.
FULL_DATE_LABEL = "date"


def annotated_labels(label_map: LabelMap, extra: tuple[str, ...] = ()) -> list[str]:
    """Our labels a source annotates exhaustively: each record lists all of them."""
    return sorted({label for label in label_map.values() if label is not None} | set(extra))
