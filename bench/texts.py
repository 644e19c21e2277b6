"""Deterministic PII-like documents and label sets for benchmarks (no external data).

``make_text(n_words, seed)`` strings together short clinical / banking / HR sentences full of
names, phone numbers, e-mails, addresses, dates and identifiers, then cuts at exactly
``n_words`` whitespace-separated words. Same ``seed``, same text, on every machine.
"""

from __future__ import annotations

import random

FIRST = ["Maria", "James", "Aisha", "Wei", "Olga", "Carlos", "Priya", "Liam", "Fatima", "Kenji",
         "Sophie", "Mateo", "Hannah", "Omar", "Elena", "David", "Chloe", "Ravi", "Ingrid", "Tomas"]
LAST = ["Gonzalez", "Smith", "Khan", "Zhang", "Petrova", "Silva", "Patel", "O'Brien", "Haddad",
        "Tanaka", "Dubois", "Rossi", "Muller", "Farouk", "Novak", "Cohen", "Martin", "Iyer",
        "Larsen", "Kowalski"]
STREETS = ["Elm Street", "Maple Avenue", "Harbor Road", "Oak Lane", "Sunset Boulevard",
           "King's Way", "Mill Road", "Cedar Court", "Station Street", "Park Drive"]
CITIES = [("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Portland", "OR", "97205"),
          ("Columbus", "OH", "43215"), ("Denver", "CO", "80202"), ("Boston", "MA", "02108"),
          ("Madison", "WI", "53703"), ("Raleigh", "NC", "27601")]
ORGS = ["Northwind Traders", "Contoso Bank", "Fabrikam Health", "Initech", "Globex Insurance",
        "Mercy General Hospital", "Tailspin Airlines", "Woodgrove Credit Union"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DOMAINS = ["example.com", "mail.example.org", "contoso.example", "northwind.example.net"]

# 20 PII labels; the 5-label cases use the first five.
PII_LABELS = [
    "person", "email address", "phone number", "street address", "date",
    "date of birth", "social security number", "credit card number", "bank account number",
    "iban", "medical record number", "health insurance id", "driver's license number",
    "passport number", "ip address", "url", "organization", "username", "city",
    "license plate",
]

# 50 document types; the n-label cases use the first n.
DOCUMENT_TYPES = [
    "clinical note", "bank statement", "email", "invoice", "insurance claim",
    "discharge summary", "lab report", "prescription", "loan application", "payslip",
    "radiology report", "credit card statement", "tax return", "receipt", "purchase order",
    "contract", "non-disclosure agreement", "employment agreement", "resume", "cover letter",
    "job offer", "performance review", "incident report", "police report", "court filing",
    "legal notice", "chat transcript", "support ticket", "meeting notes", "press release",
    "news article", "blog post", "product review", "marketing brochure", "user manual",
    "technical specification", "source code", "log file", "travel itinerary", "boarding pass",
    "hotel reservation", "rental agreement", "utility bill", "school transcript",
    "medical consent form", "patient intake form", "referral letter", "death certificate",
    "birth certificate", "passport application",
]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1950, 2024)}"


def _sentence(rng: random.Random) -> str:
    name = _person(rng)
    first, last = name.split(" ", 1)
    email = f"{first.lower()}.{last.lower().replace(chr(39), '')}@{rng.choice(DOMAINS)}"
    phone = f"({_digits(rng, 3)}) 555-{_digits(rng, 4)}"
    city, state, zip_code = rng.choice(CITIES)
    address = f"{rng.randint(10, 9999)} {rng.choice(STREETS)}, {city}, {state} {zip_code}"
    org = rng.choice(ORGS)
    templates = [
        f"Patient {name} (DOB {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1940, 2010)}, "
        f"MRN {_digits(rng, 8)}) was admitted to {org} on {_date(rng)}.",
        f"Please contact {name} at {phone} or {email} regarding the account.",
        f"The customer lives at {address} and has banked with {org} since {rng.randint(1990, 2023)}.",
        f"Card ending {_digits(rng, 4)} was charged ${rng.randint(5, 900)}.{_digits(rng, 2)} on {_date(rng)}.",
        f"SSN {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 4)} belongs to {name}, employee ID E-{_digits(rng, 6)}.",
        f"Wire the refund to IBAN DE{_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)} "
        f"{_digits(rng, 4)} {_digits(rng, 2)} in the name of {name}.",
        f"Dr. {rng.choice(LAST)} reviewed the lab results with {first} and scheduled a follow-up visit.",
        f"{name} works for {org} as a claims analyst and reports to {_person(rng)}.",
        f"Login from IP 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)} "
        f"by user {first.lower()}{_digits(rng, 2)} was flagged at 03:{_digits(rng, 2)} UTC.",
        f"Insurance member ID {rng.choice('ABCHKX')}{_digits(rng, 9)} covers {first} and two dependents.",
        f"Passport number {rng.choice('XYZ')}{_digits(rng, 8)} was issued to {name} on {_date(rng)}.",
        "The patient reports mild headaches and no changes in appetite or sleep.",
        "Statements are mailed on the first business day of each month.",
        f"Send the signed forms to {address} before {_date(rng)}.",
        f"Visit https://portal.{rng.choice(DOMAINS)}/account/{_digits(rng, 6)} to review the claim.",
    ]
    return rng.choice(templates)


def make_text(n_words: int, seed: int = 0) -> str:
    """A PII-rich document of exactly ``n_words`` whitespace-separated words, ending in a period.

    The final period matters for comparisons: without one, the reference gliner2 appends a
    period internally and can return offsets past the end of the caller's text."""
    rng = random.Random(f"pii-text:{seed}")
    words: list[str] = []
    while len(words) < n_words:
        words.extend(_sentence(rng).split())
    words = words[:n_words]
    words[-1] = words[-1].rstrip(".,;:!?") + "."
    return " ".join(words)


def make_texts(count: int, n_words: int, seed: int = 0) -> list[str]:
    """``count`` different documents of ``n_words`` words each."""
    return [make_text(n_words, seed=seed * 100_003 + i) for i in range(count)]
