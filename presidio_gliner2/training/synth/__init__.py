"""Synthetic PII documents with gold character offsets, for fine-tuning the PII model.

Documents, not sentences: 16 document kinds (clinical notes incl. terse ALL-CAPS nursing
notes, discharge summaries, referral letters, lab reports, prescriptions, insurance claims,
bank statements, loan applications, KYC forms, wire transfers, card disputes, payroll
slips, emails, chat logs, support tickets, HR records), several layouts each, randomised
section order, six English locales (Faker name tables for en_US, en_GB, en_CA, en_AU,
en_IE, en_IN plus our own non-Anglo names, places and value formats). A seed fully
determines the output.

Beside full documents (55%), other styles (``styles.py``): terse ICU / nursing shorthand
notes with PHI embedded, PHI-free notes, one-sentence texts, text messages, two-line
e-mails, tables and key: value forms. Any record may then be turned ALL-CAPS or all lower
case and may get OCR noise (``noise.py``).

Annotation rules
----------------
* A span is the identifying value itself, never its field label or title:
  "MRN: 00482913" -> "00482913"; "Dr. Jane Smith" -> "Jane Smith"; "Jane Smith, MD" ->
  "Jane Smith"; the honorific is a "title" span of its own, as are job titles
  ("Registered Nurse"). Later short mentions ("Mr. Smith", "Jane", "SMITH, JANE") are annotated
  every time they occur.
* Spans sit on word boundaries of the engine's word splitter. Where a value is glued into
  one word with other characters the span is that whole word: "45-year-old", "45M".
* Street address: an address written on one line is one "street address" span from the
  street through the postcode ("12 Oak St, Apt 4, Springfield, IL 62704"). An address
  written over several lines gets one "street address" span per line. "city" and
  "zip code" are used only when they stand on their own, outside a full address (form
  fields "City: Leeds", "ZIP: 62704", "I'm in Omaha").
* Dates: a person's birth date is "date of birth"; every other date (visit, admission,
  transaction, statement period, hire, expiry...) is "date", partial ones and bare years
  included ("7/22", "Jan 3", "the 14th" -> "14th", "'19", "in 2019"). Times of day and a
  vehicle's model year are not dates.
* Phone extensions belong to the phone span ("(617) 555-0199 ext. 204").
* "organization" covers hospitals, clinics, labs, pharmacies, insurers, banks, employers,
  companies and merchants named in statements. Hospitals and care facilities ("Mount
  Sinai", "Baystate ICU") are also locations: the coarse "location" label takes them.
* "country or state" is a country, state or province on its own ("State: Ohio", "from
  Mexico"); "nationality, religion or political group" is Presidio's NRP.
* Ages every way they are written: "58 YO", "57yo f" -> "57yo", "aged 60", "60M", "a
  74-year-old" -> "74-year-old".
* Masked numbers ("**** **** **** 4821", "XXX-XX-6789", "card ending 4821") are already
  redacted and are hard negatives, not spans.
* Hard negatives are recorded in ``meta.hard_negatives`` and never overlap a gold span:
  drug names and doses, diseases (including eponyms such as "Parkinson's disease"), lab
  values and ranges, vital signs (BP "132/84"), ICD-10 and CPT codes, money amounts,
  times, vehicle model years, room/bed numbers, ICU shorthand ("VSS", "s/p", "q6h", "SOB 2/2
  CHF"), file names, version numbers and units ("mg/dL"), SKUs and model numbers, transaction / invoice / order /
  ticket numbers, payroll deduction names ("Social Security"), credentials ("MD") and
  generic roles ("the patient", "the customer").

Record format (one JSON object a line)::

    {"input": text,
     "output": {"entities": {shown_label: [{"text", "start", "end"}, ...]},   # [] = negative
                "entity_descriptions": {shown_label: description},
                "classifications": [{"task": "document_type", "labels": [...],
                                     "true_label": kind, "label_descriptions"?: {...}}]},
     "meta": {"kind" (None: no document-type task, and "classifications" is []), "style",
              "surface": ["upper" | "lower", "ocr"], "seed", "index", "locale",
              "label_map": {shown_label: canonical (a PII_LABELS or COARSE_LABELS name)},
              "spans": [[fine label, start, end], ...]  # the full annotation, whatever is asked
              "hard_negatives": [{"type", "text", "start", "end"}]}}

The prompt a record asks (labels, names, descriptions, negatives) is chosen in
``schema.py``; a coarse label's gold is the union of its fine members' spans.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Iterator

from ..labels import DOCUMENT_TYPES, PII_LABELS
from . import docs_finance, docs_general, docs_medical
from .ctx import Ctx
from .schema import present
from .styles import STYLE_WEIGHTS, STYLES, surface
from .vocab import DRUG_NAMES

BUILDERS = {**docs_medical.BUILDERS, **docs_finance.BUILDERS, **docs_general.BUILDERS}
DOC_KINDS: tuple[str, ...] = tuple(BUILDERS)
KIND_WEIGHTS = {k: (1.6 if k == "clinical note" else 1.0) for k in DOC_KINDS}

assert set(DOC_KINDS) == set(DOCUMENT_TYPES), "every document type needs a builder"

__all__ = ["DOC_KINDS", "DRUG_NAMES", "STYLES", "generate_documents", "make_document", "write_jsonl", "label_counts"]


def _doc_seed(seed: int, index: int) -> int:
    return random.Random(f"presidio-gliner2-synth:{seed}:{index}").getrandbits(63)


def make_document(doc_seed: int, kind: str | None = None, index: int = 0, style: str | None = None) -> dict:
    """One record from its own seed (so any record can be regenerated alone)."""
    rng = random.Random(doc_seed)
    style = style or ("document" if kind else rng.choices(list(STYLE_WEIGHTS), weights=list(STYLE_WEIGHTS.values()))[0])
    if style == "document":
        kind = kind or rng.choices(DOC_KINDS, weights=[KIND_WEIGHTS[k] for k in DOC_KINDS])[0]
        builder, plausible = BUILDERS[kind]
    else:
        builder, kind, plausible = STYLES[style]
    ctx = Ctx(rng.getrandbits(63))
    doc = builder(ctx)
    text = doc.text()
    if any(label == "url" and e == len(text) for label, _, e, _ in doc.spans):
        # Readers append a full stop to unpunctuated text and a URL word would swallow it.
        doc.add("\n", rng.choice(["Thank you.", "Thanks!", "Page 1 of 1", "[end]", "Regards."]))
        text = doc.text()
    spans = [sp for sp in doc.spans if sp[2] <= len(text)]
    negs = [n for n in doc.negs if n[2] <= len(text)]
    text, spans, negs, looks = surface(rng, style, text, spans, negs)
    for label, s, e, _ in spans:
        assert label in PII_LABELS, label
    entities, descriptions, classification, label_map = present(rng, kind, spans, text, plausible)
    return {
        "input": text,
        "output": {"entities": entities, "entity_descriptions": descriptions,
                   "classifications": [classification] if classification else []},
        "meta": {"kind": kind, "style": style, "surface": looks, "seed": doc_seed, "index": index,
                 "locale": ctx.locale, "label_map": label_map,
                 "spans": [[label, s, e] for label, s, e, _ in spans],
                 "hard_negatives": [{"type": k, "text": text[s:e], "start": s, "end": e} for k, s, e in negs]},
    }


def generate_documents(n: int, seed: int) -> Iterator[dict]:
    """``n`` records, fully determined by ``seed``."""
    for i in range(n):
        yield make_document(_doc_seed(seed, i), index=i)


def write_jsonl(path: str | Path, n: int, seed: int) -> Counter:
    """Write ``n`` records to ``path``; returns span counts per canonical label."""
    counts: Counter = Counter()
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate_documents(n, seed):
            counts.update(label_counts(rec))
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return counts


def label_counts(record: dict) -> Counter:
    """Gold spans per canonical label in one record."""
    lm = record["meta"]["label_map"]
    return Counter({lm[name]: len(spans) for name, spans in record["output"]["entities"].items() if spans})
