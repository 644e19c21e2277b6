"""The parity battery: seeded PII-like texts and schemas covering every task type and option.

Texts are built from fixed pieces with ``random.Random(SEED)`` so the battery is stable. All of
them stay well under MiniLM's 512 positions with the largest schema (checked by
``tests/test_parity.py::test_battery_fits_minilm``), because the reference crashes past that.
"""

from __future__ import annotations

import random

SEED = 20240611

_FIRST = ["John", "Maria", "Wei", "Aïsha", "José", "Zoë", "Olusegun", "Anna-Lena", "Søren", "Priya", "Mateo"]
_LAST = ["Smith", "García", "Müller", "O'Brien", "Nguyen", "Kowalski", "Okafor", "Dubois", "Tanaka", "Haddad"]
_CITIES = ["Boston", "São Paulo", "Zürich", "Kraków", "New York", "Lagos", "Montréal", "Osaka"]
_ORGS = ["Acme Corp", "Northwind Traders", "Initech", "Globex", "Contoso Bank", "Umbrella Health"]
_STREETS = ["Main St.", "Rue de Rivoli", "Baker Street", "Elm Avenue", "Königsallee"]


def _email(rng: random.Random) -> str:
    first = rng.choice(["jane.doe", "m.garcia", "wei_zhang", "zoe+test", "admin"])
    return f"{first}@{rng.choice(['example.com', 'mail.example.org', 'contoso.example'])}"


def _phone(rng: random.Random) -> str:
    return rng.choice([
        f"617-555-{rng.randint(0, 9999):04d}",
        f"+44 20 7946 {rng.randint(0, 9999):04d}",
        f"(212) 555-{rng.randint(1000, 9999)}",
    ])


def _identifier(rng: random.Random) -> str:
    return rng.choice([
        f"HX-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}",
        f"MRN {rng.randint(100000, 999999)}",
        f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
    ])


def _sentence(rng: random.Random) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    templates = [
        lambda: f"{name} lives at {rng.randint(1, 999)} {rng.choice(_STREETS)} in {rng.choice(_CITIES)}.",
        lambda: f"Contact {name} at {_email(rng)} or {_phone(rng)}",
        lambda: f"Patient ID {_identifier(rng)} was seen by Dr. {rng.choice(_LAST)} on {rng.randint(1, 28)} March 2021.",
        lambda: f"See https://www.example.org/users/{rng.randint(1, 99)}?ref=mail for the {rng.choice(_ORGS)} policy!",
        lambda: f"Does {name} still work for {rng.choice(_ORGS)} in {rng.choice(_CITIES)}?",
        lambda: f"Card ending {rng.randint(1000, 9999)} was charged ${rng.randint(5, 900)}.{rng.randint(10, 99)} by {rng.choice(_ORGS)}.",
        lambda: f"{name} ({rng.randint(18, 90)}) emailed {_email(rng)} about invoice {_identifier(rng)}.",
        lambda: "The weather was fine, and nobody mentioned anything personal at all.",
    ]
    return rng.choice(templates)()


def _prose(rng: random.Random, n_words: int) -> str:
    """Plain sentences (about 1.2 MiniLM subwords a word): long, yet under 512 positions."""
    templates = [
        "The meeting with {first} ran long, so we moved the rest of the plan to the next day.",
        "After lunch {first} walked to the station in {city} and waited for the train home.",
        "Nobody at the office knew why the old printer kept stopping in the middle of a page.",
        "We asked {first} {last} to send the report before the end of the week.",
        "It rained all morning, but the afternoon was warm and the park was full of people.",
    ]
    sentences, count = [], 0
    while count < n_words:
        sentence = rng.choice(templates).format(
            first=rng.choice(_FIRST), last=rng.choice(_LAST), city=rng.choice(_CITIES))
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def _paragraph(rng: random.Random, n_words: int) -> str:
    sentences, count = [], 0
    while count < n_words:
        sentence = _sentence(rng)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


HANDWRITTEN = [
    "John",
    "Hi!",
    "Call 617-555-0199 now",
    "Email: jane.doe@example.com; web: https://example.org/a?b=1&c=2.",
    "Ticket HX-4471-223 was opened by Zoë Müller, José García and Søren Kierkegaard in São Paulo.",
    "東京で山田太郎さんに会いました。電話は03-1234-5678です。",
    "Ping @nurse_kim 😀 about MRN 4471223 👍🏽 before 5 p.m. today.",
    "Cafe\u0301 owner Jose\u0301 Nu\u0303nez paid 40€ to Zoe\u0308.",
    "Line one: John Smith\r\nLine two: 617-555-0199\r\n",
    "Tabs\tand  double  spaces   between Maria and Wei.",
    "ALL CAPS: JOHN SMITH WORKS AT ACME CORP IN BOSTON",
    "İstanbul'da Ayşe Yılmaz ile görüştük; straße, STRASSE.",
    "Mary's SSN is 078-05-1120 and her IBAN is DE89 3704 0044 0532 0130 00?",
]


def battery_texts() -> list[str]:
    rng = random.Random(SEED)
    generated = [_paragraph(rng, n) for n in (5, 12, 20, 35, 50)]
    generated.append(_paragraph(rng, 20).rstrip(".!?"))  # no final punctuation
    generated += [_paragraph(rng, 90), _paragraph(rng, 140), _prose(rng, 300)]
    return HANDWRITTEN + generated


TEXTS = battery_texts()

# -- schemas ------------------------------------------------------------------------------

ENTITY_SCHEMAS = {
    "list": ["person", "email", "phone number", "location", "organization", "id"],
    "descriptions": {"person": "a human name", "email": "an email address", "url": "a web address"},
    "dtype-thresholds": {
        "person": {"description": "full name of a person", "dtype": "str", "threshold": 0.3},
        "phone": {"dtype": "list", "threshold": 0.7},
        "date": "a calendar date",
        "city": {"dtype": "str"},
    },
    "single-str": "person",
}

CLASSIFICATION_TASKS = {
    "single": {"sentiment": ["positive", "negative", "neutral"]},
    "described-multi": {
        "topic": {
            "labels": {"billing": "money and invoices", "health": "medical matters", "travel": "trips", "tech": "computers"},
            "multi_label": True,
            "cls_threshold": 0.4,
        }
    },
    "topk-and-plain": {
        "topic": {"labels": ["a", "b", "c", "d", "e"], "multi_label": True, "cls_threshold": 0.2, "top_k": 2},
        "urgency": ["low", "high"],
    },
}

STRUCTURES = {
    "plain": {"contact": ["name::str", "email", "phone::list::a phone number"]},
    "choices": {
        "ticket": [
            "priority::[low|medium|high]::str::how urgent it is",
            "tags::[billing|bug|feature]::list",
            "summary::str::one line summary",
        ],
        "person": ["name", "age::str"],
    },
}

RELATIONS = {
    "list": ["works_for", "lives_in"],
    "described": {"works_for": "employment relation", "located_in": {"description": "x is located in y"}},
    "thresholds": {"works_for": {"threshold": 0.3}, "lives_in": {"threshold": 0.8}},
}


# The relation descriptions ``composed_schema`` uses (the reference leaks them into relation keys).
COMPOSED_RELATION_DESCRIPTIONS = {"works_for": "employment", "lives_in": "residence"}


def composed_schema(model):
    """All four task kinds through the builder; the chain ends on a non-structure call."""
    return (
        model.create_schema()
        .entities({"person": "a person's name", "email": "email address"}, threshold=0.4)
        .structure("contact")
        .field("name", dtype="str", description="full name")
        .field("phone", dtype="list", threshold=0.6)
        .field("channel", dtype="str", choices=["email", "phone", "letter"])
        .relations(dict(COMPOSED_RELATION_DESCRIPTIONS))
        .classification("sentiment", {"positive": "happy", "negative": "unhappy"}, cls_threshold=0.3)
        .classification("flags", ["pii", "financial", "medical"], multi_label=True, top_k=2)
    )
