"""Schema presentation: which label names, descriptions and document-type choices a
training record shows, so that user-written labels and descriptions work at inference.

A prompt asks for 1 to 32 labels: some or all of the labels present, coarse labels
(``COARSE_LABELS``, gold = union of their members' spans) beside or instead of their fine
members, and negatives (labels with no gold span in the text); one in ten asks for every
trained label of a shipped pack at once, described. Descriptions are the canonical ones
or paraphrases (``prompts.py``).

Narrow synonyms are shown only when every gold span of that label fits them: "patient
name" only if all people in the document are patients, "vin" only if every vehicle
identifier is a VIN, "ein" only for EINs, and so on (``SYNONYM_REQUIRES``).
"""

from __future__ import annotations

import random
from collections import Counter

from ..labels import COARSE_LABELS, DOCUMENT_TYPES, FACILITY_TAGS, PII_LABELS
from .prompts import canonical, paraphrase

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
    ("organization", "hospital name"): FACILITY_TAGS,
    ("country or state", "country"): frozenset({"country"}),
    ("country or state", "state"): frozenset({"state"}),
    ("country or state", "province"): frozenset({"state"}),
    ("nationality, religion or political group", "nationality"): frozenset({"nationality"}),
    ("nationality, religion or political group", "religion"): frozenset({"religion"}),
    ("nationality, religion or political group", "political group"): frozenset({"political"}),
    ("nationality, religion or political group", "ethnicity"): frozenset({"ethnicity"}),
    ("title", "job title"): frozenset({"job"}),
    ("title", "occupation"): frozenset({"job"}),
    ("title", "profession"): frozenset({"job"}),
    ("title", "honorific"): frozenset({"honorific"}),
    ("title", "salutation"): frozenset({"honorific"}),
}

TASK = "document_type"


def compatible_synonyms(label: str, span_tags: list[frozenset]) -> list[str]:
    out = []
    for syn in PII_LABELS[label].synonyms:
        need = SYNONYM_REQUIRES.get((label, syn))
        if need is None or all(tags & need for tags in span_tags):
            out.append(syn)
    return out


PACK_LIKE: tuple[tuple[str, ...], ...] = (  # the trained labels of the shipped packs, asked all at once
    ("person", "street address", "city", "zip code", "date of birth", "date", "age", "phone number", "fax number",
     "email address", "social security number", "medical record number", "health plan beneficiary number",
     "account number", "license number", "vehicle identifier", "device identifier", "url", "ip address"),
    ("person", "street address", "city", "zip code", "date", "date of birth", "phone number", "email address", "url",
     "ip address", "social security number", "license number", "credit card number", "bank account number", "iban",
     "customer id"),
    ("person", "street address", "city", "zip code", "phone number", "email address", "date of birth",
     "credit card number", "bank account number", "routing number", "iban", "swift code", "social security number",
     "tax identification number", "license number", "account number", "loan number", "customer id",
     "crypto wallet address"),
)
ALL_LABELS: tuple[str, ...] = tuple(PII_LABELS) + tuple(COARSE_LABELS)
MAX_PROMPT_LABELS = 32
# Presidio entity names work as label names only where one fine label owns the entity.
_PRESIDIO_OWNERS = Counter(label.presidio for label in PII_LABELS.values())
_COARSE_NAMES = {n for c in COARSE_LABELS.values() for n in (c.name, *c.synonyms)}
PRESIDIO_NAMES = {name: label.presidio for name, label in PII_LABELS.items()
                  if _PRESIDIO_OWNERS[label.presidio] == 1 and label.presidio not in _COARSE_NAMES}

Span = tuple[str, int, int, frozenset]


def gold_for(label: str, spans: list[Span]) -> list[tuple[int, int, frozenset]]:
    """Gold spans of a fine label, or of a coarse one (the union of its members' spans)."""
    coarse = COARSE_LABELS.get(label)
    if coarse is None:
        return [(s, e, t) for name, s, e, t in spans if name == label]
    return sorted((s, e, t) for name, s, e, t in spans if coarse.covers(name, t))


def prompt_size(rng: random.Random) -> int:
    """How many labels a prompt asks for: 1 to 32, most often 6 to 20."""
    lo, hi = rng.choices([(1, 1), (2, 5), (6, 12), (13, 20), (21, MAX_PROMPT_LABELS)], weights=[8, 20, 30, 24, 18])[0]
    return rng.randint(lo, hi)


def _asked(rng: random.Random, spans: list[Span], plausible: set[str]) -> tuple[list[str], bool]:
    """The labels one record asks for (positives, coarse labels, negatives), shuffled; and
    whether it is a pack-like prompt."""
    if rng.random() < 0.1:
        asked = list(rng.choice(PACK_LIKE))
        rng.shuffle(asked)
        return asked, True
    positives = sorted({label for label, _, _, _ in spans})
    asked = set(positives)
    if rng.random() < 0.4:
        for coarse in rng.sample(sorted(COARSE_LABELS), k=rng.randint(1, 3)):
            if rng.random() < 0.5:  # ask the coarse label instead of its members, else beside them
                asked -= set(COARSE_LABELS[coarse].members)
            asked.add(coarse)
    size = prompt_size(rng)
    asked_list = sorted(asked)
    if size < len(asked_list):
        asked_list = rng.sample(asked_list, size)
    absent = [label for label in ALL_LABELS if label not in asked and not gold_for(label, spans)]
    likely = [label for label in absent if label in plausible]
    others = [label for label in absent if label not in plausible]
    rng.shuffle(likely)
    rng.shuffle(others)
    pool = likely + others if rng.random() < 0.7 else others + likely
    asked_list += pool[: max(0, size - len(asked_list))]
    rng.shuffle(asked_list)
    return asked_list, False


def _shown_name(rng: random.Random, label: str, spans: list[tuple[int, int, frozenset]], used: set[str],
                canonical_p: float) -> str:
    if rng.random() < canonical_p:
        name = label
    elif label in COARSE_LABELS:
        name = rng.choice(COARSE_LABELS[label].synonyms)
    elif label in PRESIDIO_NAMES and rng.random() < 0.15:
        name = PRESIDIO_NAMES[label]
    else:
        syns = [s for s in compatible_synonyms(label, [t for _, _, t in spans]) if s not in ALL_LABELS]
        name = rng.choice(syns) if syns else label
    return label if name in used else name


def present(rng: random.Random, kind: str | None, spans: list[Span], text: str,
            plausible: set[str], canonical_p: float = 0.45) -> tuple[dict, dict, dict | None, dict]:
    """Returns (entities, entity_descriptions, classification or None, label_map shown->canonical)."""
    order, pack_like = _asked(rng, spans, plausible)
    if pack_like:  # packs name their labels canonically
        canonical_p = 0.9
    names: dict[str, str] = {}
    gold: dict[str, list] = {}
    for label in order:
        gold[label] = gold_for(label, spans)
        names[label] = _shown_name(rng, label, gold[label], set(names.values()), canonical_p)

    entities = {names[label]: [{"text": text[s:e], "start": s, "end": e} for s, e, _ in gold[label]]
                for label in order}

    mode = rng.random()
    if pack_like or mode < 0.35:
        described = order
    elif mode < 0.6:
        described = []
    else:
        described = [label for label in order if rng.random() < 0.5]
    paraphrase_p = 0.3 if pack_like else 0.6
    descriptions = {names[label]: paraphrase(label, rng) if rng.random() < paraphrase_p else canonical(label)
                    for label in described}
    label_map = {names[label]: label for label in order}
    return entities, descriptions, _classification(rng, kind), label_map


def _classification(rng: random.Random, kind: str | None) -> dict | None:
    if kind is None:
        return None
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
    return classification
