"""Paraphrased label descriptions, so the model reads a description instead of memorising one.

Users write their own descriptions ("location: street address, city, ZIP code or hospital
name"). Each label has a few head phrases and a list of the kinds of value it covers; a
description is a template over one head and a random, reordered subset of the kinds, in
lengths from two words to a full sentence.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import yaml

from ..labels import COARSE_LABELS, PII_LABELS

# Hand-written alternative names and descriptions per label, in styles the templates below cannot
# produce (functional phrasings, jargon, format descriptions, instructions); see the file's header.
WORDINGS_FILE = Path(__file__).with_name("label_wordings.yaml")

# label -> (head phrases, kinds of value it covers)
PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "person": (("name of a person", "person's name", "full or partial name", "name of an individual",
                "people's names"), ("first name", "surname", "full name", "patient name", "relative's name",
                                    "doctor's name", "nickname")),
    "street address": (("street address", "postal address", "mailing address", "address of a home or office"),
                       ("house number and street", "apartment or unit", "city, state and ZIP code", "PO box",
                        "postcode")),
    "city": (("city name", "town or city", "name of a city"), ("city", "town", "village", "suburb")),
    "zip code": (("postal code", "ZIP code", "postcode"), ("5-digit ZIP", "ZIP+4", "UK postcode",
                                                          "Canadian postal code", "PIN code")),
    "date": (("calendar date", "date of an event", "date"),
             ("admission date", "visit date", "discharge date", "transaction date", "partial date like 7/22",
              "year", "month and day")),
    "date of birth": (("birth date", "date of birth", "when a person was born"), ("DOB", "birthday", "birth year")),
    "age": (("person's age", "age in years", "how old someone is"), ("58 y/o", "aged 60", "a 74-year-old", "60M",
                                                                     "57yo")),
    "phone number": (("phone number", "telephone number", "number to call"),
                     ("mobile", "landline", "cell", "home phone", "work phone", "pager number")),
    "fax number": (("fax number", "facsimile number"), ("fax", "office fax", "clinic fax line")),
    "email address": (("email address", "e-mail", "electronic mail address"), ("work email", "personal email")),
    "url": (("web address", "URL", "link"), ("website", "portal link", "profile URL", "web page")),
    "ip address": (("IP address", "network address"), ("IPv4 address", "IPv6 address", "client IP")),
    "social security number": (("social security number", "SSN"), ("9-digit SSN", "last four of the SSN")),
    "medical record number": (("medical record number", "patient chart number", "hospital patient ID"),
                              ("MRN", "chart number", "hospital number", "unit number")),
    "health plan beneficiary number": (("health insurance member ID", "beneficiary number", "insurance ID"),
                                       ("member ID", "Medicare number", "policy number", "subscriber ID")),
    "account number": (("account number", "billing account number"), ("customer account", "billing account",
                                                                       "utility account")),
    "license number": (("license number", "licence or certificate number"),
                       ("driver's license", "medical license", "DEA number", "certificate number")),
    "vehicle identifier": (("vehicle identifier", "vehicle number"), ("VIN", "license plate", "registration plate")),
    "device identifier": (("device serial number", "device identifier"), ("implant serial", "IMEI",
                                                                          "equipment serial", "pump serial")),
    "credit card number": (("payment card number", "card number"), ("credit card", "debit card", "Visa number",
                                                                    "Mastercard number")),
    "bank account number": (("bank account number", "deposit account number"), ("checking account",
                                                                                 "savings account",
                                                                                 "current account")),
    "routing number": (("bank routing number", "ABA number"), ("routing transit number", "ABA routing code")),
    "iban": (("IBAN", "international bank account number"), ("European bank account", "IBAN code")),
    "swift code": (("SWIFT code", "BIC"), ("bank identifier code", "SWIFT/BIC")),
    "tax identification number": (("tax ID", "taxpayer identification number"), ("EIN", "ITIN", "PAN",
                                                                                  "tax file number", "UTR")),
    "loan number": (("loan number", "loan account number"), ("mortgage number", "auto loan ID", "loan reference")),
    "customer id": (("customer ID", "client reference number"), ("customer number", "member number",
                                                                 "client ID")),
    "crypto wallet address": (("crypto wallet address", "cryptocurrency address"), ("bitcoin address",
                                                                                    "ethereum address")),
    "organization": (("organization name", "name of a company or institution", "organisation"),
                     ("company", "hospital", "clinic", "bank", "employer", "insurer", "agency", "school")),
    "country or state": (("country or state", "region name"), ("country", "state", "province", "county")),
    "nationality, religion or political group": (("nationality, religion or political group",
                                                  "group a person belongs to"),
                                                 ("nationality", "ethnicity", "religion", "political party")),
    "title": (("title", "job title or honorific"), ("job title", "occupation", "Dr.", "Mr.", "Mrs.",
                                                    "professional title")),
    "location": (("location", "place", "any place name"), ("street address", "city", "ZIP code",
                                                         "hospital or facility name", "state", "country")),
    "identifier": (("identifier", "ID number", "any identifying number"),
                   ("SSN", "medical record number", "member ID", "account number", "card number", "license number",
                    "serial number", "VIN")),
    "contact": (("contact details", "way to reach a person"), ("phone number", "fax number", "email address",
                                                               "mobile")),
    "dates": (("date of any kind", "date or year"), ("date of birth", "visit date", "partial date", "year", "month and day")),
    "bank details": (("bank details", "banking information"), ("bank account number", "IBAN", "routing number",
                                                               "SWIFT code")),
}

TEMPLATES = ("{head}", "{head}, such as {kinds}", "{head} (e.g. {kinds})", "{kinds}", "any {head} in the text",
             "{head}: {kinds}", "{Head}; includes {kinds}", "{kinds} or similar", "mentions of {head}",
             "{Head}, for example {kinds}.", "{kinds}")

assert set(PARTS) == set(PII_LABELS) | set(COARSE_LABELS), "every label needs description parts"


def _join(kinds: list[str], rng: random.Random) -> str:
    if len(kinds) == 1:
        return kinds[0]
    sep = rng.choice([", ", ", ", "; ", " / "])
    last = rng.choice([" or ", ", ", " and ", sep])
    return sep.join(kinds[:-1]) + last + kinds[-1]


def paraphrase(label: str, rng: random.Random) -> str:
    """A description of ``label`` written the way a user might write it."""
    heads, kinds = PARTS[label]
    head = rng.choice(heads)
    picked = rng.sample(kinds, k=rng.randint(1, min(len(kinds), 4)))
    return rng.choice(TEMPLATES).format(head=head, Head=head[:1].upper() + head[1:], kinds=_join(picked, rng))


def canonical(label: str) -> str:
    return (PII_LABELS.get(label) or COARSE_LABELS[label]).description


@lru_cache(maxsize=1)
def written_wordings() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """label -> (alternative names, alternative descriptions) from ``label_wordings.yaml``."""
    raw = yaml.safe_load(WORDINGS_FILE.read_text(encoding="utf-8"))
    missing = set(PARTS) - set(raw or {})
    if missing:
        raise ValueError(f"{WORDINGS_FILE.name} has no wordings for {sorted(missing)}: add names and descriptions")
    return {label: (tuple(entry["names"]), tuple(entry["descriptions"])) for label, entry in raw.items()}
