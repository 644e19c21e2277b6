"""The PII label inventory the bundled model is trained on.

Fine labels (``PII_LABELS``) each annotate their own spans; coarse labels
(``COARSE_LABELS``) are asked for in training prompts too and their gold is the union of
their fine members' spans ("location" = street addresses, cities, ZIPs, states and
facility names).

Each model label has the description the entity packs show the model, synonyms used for
schema augmentation (so user-written label names work too), and the Presidio entity
name it maps to. Presidio's own names are used wherever one exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PiiLabel:
    name: str
    description: str
    presidio: str
    synonyms: tuple[str, ...] = field(default_factory=tuple)


PII_LABELS: dict[str, PiiLabel] = {
    label.name: label
    for label in [
        PiiLabel("person", "full or partial name of a specific person", "PERSON",
                 ("name", "person name", "patient name", "full name", "individual")),
        PiiLabel("street address", "street address with house number, street, unit, city, state or postcode",
                 "LOCATION", ("address", "postal address", "home address", "mailing address")),
        PiiLabel("city", "city or town name", "LOCATION", ("town", "municipality")),
        PiiLabel("zip code", "postal or ZIP code", "LOCATION", ("postal code", "postcode", "zip")),
        PiiLabel("date", "calendar date tied to a person or event, such as an admission or visit date",
                 "DATE_TIME", ("date of service", "admission date", "event date")),
        PiiLabel("date of birth", "a person's birth date", "DATE_OF_BIRTH", ("dob", "birth date", "birthday")),
        PiiLabel("age", "a person's age in years", "AGE", ("patient age", "age in years")),
        PiiLabel("phone number", "telephone or mobile number", "PHONE_NUMBER",
                 ("telephone", "phone", "mobile number", "contact number")),
        PiiLabel("fax number", "fax number", "FAX_NUMBER", ("fax",)),
        PiiLabel("email address", "email address", "EMAIL_ADDRESS", ("email", "e-mail")),
        PiiLabel("url", "web address or link", "URL", ("website", "link", "web address")),
        PiiLabel("ip address", "IPv4 or IPv6 network address", "IP_ADDRESS", ("ip",)),
        PiiLabel("social security number", "US social security number", "US_SSN", ("ssn", "social security")),
        PiiLabel("medical record number", "hospital-assigned patient chart or medical record number",
                 "MEDICAL_RECORD_NUMBER", ("mrn", "chart number", "patient id")),
        PiiLabel("health plan beneficiary number", "health insurance member or beneficiary ID",
                 "HEALTH_PLAN_BENEFICIARY_NUMBER", ("insurance id", "member id", "policy number")),
        PiiLabel("account number", "customer or billing account number", "ACCOUNT_NUMBER", ("account id",)),
        PiiLabel("license number", "driver's license, professional or medical license, or certificate number",
                 "MEDICAL_LICENSE", ("driver's license", "certificate number", "licence number")),
        PiiLabel("vehicle identifier", "vehicle identification number (VIN) or license plate", "VEHICLE_IDENTIFIER",
                 ("vin", "license plate", "plate number")),
        PiiLabel("device identifier", "medical device or equipment serial number", "DEVICE_IDENTIFIER",
                 ("serial number", "device serial", "implant serial number")),
        PiiLabel("credit card number", "payment card number", "CREDIT_CARD", ("card number", "credit card", "debit card")),
        PiiLabel("bank account number", "bank or deposit account number", "US_BANK_NUMBER",
                 ("bank account", "checking account number", "savings account number")),
        PiiLabel("routing number", "ABA bank routing number", "ABA_ROUTING_NUMBER", ("aba number", "routing transit number")),
        PiiLabel("iban", "international bank account number", "IBAN_CODE", ("iban code",)),
        PiiLabel("swift code", "SWIFT or BIC bank identifier code", "SWIFT_CODE", ("bic", "swift", "bic code")),
        PiiLabel("tax identification number", "tax ID such as an EIN or ITIN", "TAX_ID", ("ein", "itin", "tax id")),
        PiiLabel("loan number", "loan or mortgage account number", "LOAN_NUMBER", ("mortgage number", "loan id")),
        PiiLabel("customer id", "customer, client or member reference number", "CUSTOMER_ID",
                 ("client id", "customer number", "reference number")),
        PiiLabel("crypto wallet address", "cryptocurrency wallet address", "CRYPTO", ("bitcoin address", "wallet address")),
        PiiLabel("organization", "company, hospital, bank or other organization name", "ORGANIZATION",
                 ("company", "employer", "institution", "hospital name", "organisation")),
        PiiLabel("country or state", "country, state, province or county name", "LOCATION",
                 ("country", "state", "province", "region")),
        PiiLabel("nationality, religion or political group", "a person's nationality, ethnicity, religion or "
                 "political affiliation", "NRP", ("nrp", "nationality", "religion", "political group", "ethnicity")),
        PiiLabel("title", "job title, occupation or honorific such as Dr. or Mrs.", "TITLE",
                 ("job title", "occupation", "profession", "honorific", "salutation")),
    ]
}


@dataclass(frozen=True)
class CoarseLabel:
    """A label that stands for several fine labels: its gold is the union of their spans.

    ``members`` maps a fine label to the span tags it needs (None: every span of it), so
    "location" takes hospital names from "organization" but not banks or employers."""

    name: str
    description: str
    presidio: str
    members: dict[str, frozenset | None]
    synonyms: tuple[str, ...] = field(default_factory=tuple)

    def covers(self, label: str, tags: frozenset) -> bool:
        if label not in self.members:
            return False
        need = self.members[label]
        return need is None or bool(tags & need)


_ID_LABELS = ("social security number", "medical record number", "health plan beneficiary number", "account number",
              "license number", "vehicle identifier", "device identifier", "credit card number", "bank account number",
              "routing number", "iban", "swift code", "tax identification number", "loan number", "customer id",
              "crypto wallet address")
FACILITY_TAGS = frozenset({"hospital", "facility"})

# Presidio's catch-all identifier type ("any other number that identifies a person"), what the coarse
# ``identifier`` label is reported as in a pack. Any identifier gold is evidence for it, and on the
# same characters a specific type (US_SSN, MEDICAL_RECORD_NUMBER) names the value better.
CATCH_ALL_ENTITIES = frozenset({"UNIQUE_IDENTIFIER"})

COARSE_LABELS: dict[str, CoarseLabel] = {
    label.name: label
    for label in [
        CoarseLabel("location", "any place: street address, city, state, ZIP code, country, or hospital or facility name",
                    "LOCATION", {"street address": None, "city": None, "zip code": None, "country or state": None,
                                 "organization": FACILITY_TAGS},
                    ("place", "LOCATION", "place or address", "geographic location", "address or place")),
        CoarseLabel("identifier", "any ID number: SSN, record, member, account, card, licence, serial or other "
                    "identifying number", "ID", {label: None for label in _ID_LABELS},
                    ("id number", "ID", "identification number", "identifying number", "ID_NUMBER")),
        CoarseLabel("contact", "phone, fax or email contact details", "CONTACT",
                    {"phone number": None, "fax number": None, "email address": None},
                    ("contact details", "contact information", "contact info", "phone, fax or email")),
        CoarseLabel("dates", "any date, including birth dates, partial dates and years", "DATE_TIME",
                    {"date": None, "date of birth": None},
                    ("any date", "DATE_TIME", "date or year", "dates and years", "date/time")),
        CoarseLabel("bank details", "bank account, IBAN, routing or SWIFT code", "BANK_DETAILS",
                    {"bank account number": None, "iban": None, "routing number": None, "swift code": None},
                    ("banking details", "bank information", "bank info")),
    ]
}

DOCUMENT_TYPES: dict[str, str] = {
    "clinical note": "a clinician's note about a patient visit or hospital stay",
    "discharge summary": "summary written when a patient leaves hospital",
    "referral letter": "letter referring a patient to another clinician",
    "lab report": "laboratory test results for a patient",
    "prescription": "medication prescription",
    "insurance claim": "health insurance claim or billing form",
    "bank statement": "statement of transactions on a bank account",
    "loan application": "application for a loan or mortgage",
    "kyc form": "know-your-customer identity verification form",
    "wire transfer": "request or confirmation of a bank wire transfer",
    "card dispute": "letter disputing a card transaction",
    "payroll slip": "employee pay slip",
    "email": "an email message",
    "chat log": "a chat or messaging conversation",
    "support ticket": "customer support ticket",
    "hr record": "human resources record about an employee",
}


def _name_index() -> dict[str, str]:
    index = {}
    for label in list(PII_LABELS.values()) + list(COARSE_LABELS.values()):
        for name in (*label.synonyms, label.name):  # a label's own name wins over another's synonym
            index[name.lower()] = label.name
    return index


_BY_NAME = _name_index()


def canonical_label(name: str) -> str | None:
    """The model label (fine or coarse) a label name stands for: itself or one of its synonyms."""
    return _BY_NAME.get(name.lower())
