"""Schema presentation: which label names, descriptions and document-type choices a
training record shows, so that user-written labels and descriptions work at inference.

Narrow synonyms are shown only when every gold span of that label fits them: "patient
name" only if all people in the document are patients, "vin" only if every vehicle
identifier is a VIN, "ein" only for EINs, and so on (``SYNONYM_REQUIRES``).
"""

from __future__ import annotations

import random

from ..labels import DOCUMENT_TYPES, PII_LABELS

# (label, synonym) -> span tags of which every gold span must carry at least one
SYNONYM_REQUIRES: dict[tuple[str, str], frozenset] = {
    ("person", "patient name"): frozenset({"patient"}),
    ("date", "date of service"): frozenset({"service"}),
    ("date", "admission date"): frozenset({"admission"}),
    ("organization", "employer"): frozenset({"employer"}),
    ("organization", "company"): frozenset({"employer", "company", "bank", "insurer"}),
    ("vehicle identifier", "vin"): frozenset({"vin"}),
    ("vehicle identifier", "license plate"): frozenset({"plate"}),
    ("vehicle identifier", "plate number"): frozenset({"plate"}),
    ("device identifier", "implant serial number"): frozenset({"implant"}),
    ("tax identification number", "ein"): frozenset({"ein"}),
    ("tax identification number", "itin"): frozenset({"itin"}),
    ("crypto wallet address", "bitcoin address"): frozenset({"btc"}),
    ("credit card number", "debit card"): frozenset({"debit"}),
    ("credit card number", "credit card"): frozenset({"credit"}),
    ("bank account number", "checking account number"): frozenset({"checking"}),
    ("bank account number", "savings account number"): frozenset({"savings"}),
    ("license number", "driver's license"): frozenset({"dl"}),
    ("license number", "certificate number"): frozenset({"cert"}),
    ("customer id", "reference number"): frozenset({"ref"}),
    ("phone number", "mobile number"): frozenset({"mobile"}),
    ("age", "patient age"): frozenset({"patient"}),
    ("street address", "home address"): frozenset({"home"}),
    ("loan number", "mortgage number"): frozenset({"mortgage"}),
}

TASK = "document_type"


def compatible_synonyms(label: str, span_tags: list[frozenset]) -> list[str]:
    out = []
    for syn in PII_LABELS[label].synonyms:
        need = SYNONYM_REQUIRES.get((label, syn))
        if need is None or all(tags & need for tags in span_tags):
            out.append(syn)
    return out


def present(rng: random.Random, kind: str, spans: list[tuple[str, int, int, frozenset]], text: str,
            plausible: set[str], canonical_p: float = 0.55) -> tuple[dict, dict, dict, dict]:
    """Returns (entities, entity_descriptions, classification, label_map shown->canonical)."""
    by_label: dict[str, list[tuple[int, int, frozenset]]] = {}
    for label, s, e, tags in spans:
        by_label.setdefault(label, []).append((s, e, tags))

    shown = set(by_label)
    absent = sorted(plausible - shown)
    if rng.random() < 0.3:  # vary the set of negatives a little
        absent = [a for a in absent if rng.random() < 0.6]
    shown.update(absent)
    if rng.random() < 0.3:
        others = sorted(set(PII_LABELS) - shown)
        shown.update(rng.sample(others, k=min(len(others), rng.randint(1, 3))))
    order = sorted(shown)
    rng.shuffle(order)

    names: dict[str, str] = {}
    used: set[str] = set()
    for label in order:
        name = label
        if rng.random() >= canonical_p:
            syns = [s for s in compatible_synonyms(label, [t for _, _, t in by_label.get(label, [])])
                    if s not in used and s not in PII_LABELS]
            if syns:
                name = rng.choice(syns)
        if name in used:
            name = label
        used.add(name)
        names[label] = name

    entities = {names[label]: [{"text": text[s:e], "start": s, "end": e} for s, e, _ in by_label.get(label, [])]
                for label in order}

    mode = rng.random()
    if mode < 0.35:
        described: list[str] = []
    elif mode < 0.6:
        described = order
    else:
        described = [label for label in order if rng.random() < 0.5]
    descriptions = {names[label]: PII_LABELS[label].description for label in described}

    others = [t for t in DOCUMENT_TYPES if t != kind]
    labels = [kind] + rng.sample(others, k=rng.randint(2, 7))
    rng.shuffle(labels)
    classification: dict = {"task": TASK, "labels": labels, "true_label": kind}
    r = rng.random()
    if r < 0.25:
        classification["label_descriptions"] = {t: DOCUMENT_TYPES[t] for t in labels}
    elif r < 0.4:
        classification["label_descriptions"] = {t: DOCUMENT_TYPES[t] for t in labels if rng.random() < 0.5} or \
            {kind: DOCUMENT_TYPES[kind]}
    label_map = {names[label]: label for label in order}
    return entities, descriptions, classification, label_map
