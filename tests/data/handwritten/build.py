"""Hand-written PII evaluation documents: the source of truth for ``*.jsonl`` in this folder.

Every document below was written by hand, one at a time, to look like the messy real-world
text the model will meet (typos, shorthand, forwarded headers, OCR line breaks, chat
timestamps, non-US formats). None of it comes from a generator or a template, and none of it
may ever be used for training: it exists to tell whether a model trained on synthetic data
generalises. All people, numbers and addresses are invented.

Run ``python tests/data/handwritten/build.py`` to rewrite ``healthcare.jsonl``,
``finance.jsonl`` and ``general.jsonl``; ``--stats`` prints the label and document-type
counts used in README.md. ``tests/test_handwritten_data.py`` checks the committed files
equal what this script writes.

How a document is written
-------------------------
``doc(id, document_type, text, {label: [mention, ...]})``. A mention is the exact string of
the PII value. By default every occurrence of it (case-sensitive, not glued to a letter,
digit or underscore on either side) is gold. ``M(text, 0)`` / ``M(text, [0, 2])`` keeps only
those occurrences (0-based, counted over all occurrences in the text) when some are not PII,
e.g. "Will" the name versus "Will" starting a question. ``M(text, inword=True)`` lets the
value be glued to what follows it, as in "58M" (58-year-old male) where only "58" is the age;
the left edge must still be a boundary.

The script computes offsets, fails if a mention is not found, if two gold spans overlap
partially, or if a label or document type is not in ``presidio_gliner2.training.labels``.
An occurrence that lies wholly inside a longer gold span of another mention is skipped
rather than doubled (the city "Wichita" inside a street address that also names it):
spans never nest or overlap.

Annotation rules
----------------
* Labels are exactly the keys of ``PII_LABELS``; the document type is a key of
  ``DOCUMENT_TYPES``.
* The span is the value, not its field name: "MRN: 00482913" -> "00482913".
* person: full or partial names of specific people, patients and staff alike ("J. Okafor",
  "Okafor", "Grace", a nickname, a name written in lower case, initials standing for a
  person in minutes such as "SG"). Titles (Dr., Mr., Mrs., Ms, Smt., Prof.) and
  post-nominals (MD, RN, FRCP) are outside the span; a possessive "'s" is outside it. Names
  inside an e-mail address or URL are part of that span only. A bot's name is not a person.
  A value that wraps onto the next line in running text stays one span (newline included).
* street address: a one-line address (street through postcode, country left out) is one
  span; a multi-line address gets one span per line, including a "City ST 12345" line.
  city / zip code only when they stand on their own outside a full address (a town in a
  card-transaction descriptor, "CITY:" and "ZIP:" form fields, "postcode? N4 1RT").
  States, provinces, countries and neighbourhoods are not tagged.
* date of birth for birth dates; date for other dates tied to a person or an event (visit,
  admission, transaction, pay period, e-mail sent dates). A date is written as it appears,
  weekday included when it is part of the expression ("Tue 4 Mar 2025"). Month-and-year
  ("June 2019") counts when tied to a person or event; years alone, times, and relative
  dates ("yesterday") do not.
* age: the number only ("54" in "54 y/o", "58" in "58M").
* organization: named companies, employers, hospitals, clinics, GP practices, labs,
  pharmacies, insurers, banks, merchants (also in card-statement descriptors and in lower
  case: "tesco"), schools, regulators and councils. A bank's name in front of a card
  product is tagged ("Castlerock" in "Castlerock Platinum Mastercard"); the product words
  are not. Not tagged: card networks and product or software names (Visa, Mastercard,
  iPhone), drug brands, departments ("Cardiology Service", "Appeals Unit").
* phone / fax / email / url / ip address: the value as written, country codes and an
  extension included ("732-555-0197 ext 4410"); organisations' numbers count too. An IP
  range written as "198.51.100.40-47" is one span. Private (10.x) addresses count.
* Identifier labels: medical record number (hospital or clinic chart/hospital numbers);
  health plan beneficiary number (insurance member IDs, policy numbers, and national
  health numbers: NHS, Medicare, OHIP); account number (billing/customer accounts such as
  a utility, phone or hospital billing account); bank account number (deposit accounts);
  routing number (ABA, and its foreign equivalents: UK sort code, Australian BSB, Indian
  IFSC); a Canadian "institution-transit-account" string is one bank account number;
  license number (driver's licences, medical/professional registrations such as GMC,
  DEA, AHPRA, CPSO or state licence numbers, lab safety certificates); tax identification
  number (EIN, ITIN, Indian PAN, VAT, UTR, employer PAYE reference, Australian ABN and TFN);
  customer id (customer, client, member, employee or staff numbers that identify a person
  in an organisation's system); device identifier (serial numbers of medical devices and
  equipment, asset tags, MAC address); vehicle identifier (VIN, number plate); loan
  number (mortgage, auto, student and business loan accounts); crypto wallet address.
* Nothing that the label inventory has no label for appears in the text (no passport,
  national insurance or Aadhaar numbers), so no PII is left untagged for want of a label.
* Masked numbers that keep the field's form ("XXXX XXXX XXXX 4821", "****6620") are tagged
  with the label of the full number; bare last-four digits in prose ("card ending 4821")
  are not.
* Not tagged: drug or disease names, dosages, lab values, amounts of money, generic roles
  ("the patient", "customer"), product codes, ICD/CPT codes, ticket/case/claim/order/
  invoice/transaction/accession numbers (they identify a document or event, not a person),
  years alone, times.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from presidio_gliner2.training.labels import DOCUMENT_TYPES, PII_LABELS  # noqa: E402

DOMAINS = {"hc": "healthcare", "fin": "finance", "gen": "general"}
MIN_WORDS, MAX_WORDS = 40, 400


@dataclass(frozen=True)
class M:
    """A mention: the exact PII string, optionally restricted to some occurrences."""

    text: str
    occurrences: int | list[int] | None = None
    inword: bool = False


@dataclass
class Doc:
    id: str
    document_type: str
    text: str
    entities: dict[str, list] = field(default_factory=dict)


DOCS: list[Doc] = []


def doc(doc_id: str, document_type: str, text: str, entities: dict[str, list] | None = None) -> None:
    if text.startswith("\n"):
        text = text[1:]
    DOCS.append(Doc(doc_id, document_type, text.rstrip(), entities or {}))


def _occurrences(text: str, mention: M) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(mention.text)
    if not mention.inword:
        pattern += r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def resolve(d: Doc) -> dict[str, list[dict]]:
    """Gold spans of one document, checked; label -> [{text, start, end}] in PII_LABELS order."""
    where = f"{d.id}"
    if d.document_type not in DOCUMENT_TYPES:
        raise ValueError(f"{where}: unknown document type {d.document_type!r}")
    n_words = len(d.text.split())
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        raise ValueError(f"{where}: {n_words} words, want {MIN_WORDS}-{MAX_WORDS}")
    candidates = []  # (label, mention, explicit, [(start, end), ...])
    for label, mentions in d.entities.items():
        if label not in PII_LABELS:
            raise ValueError(f"{where}: unknown label {label!r}")
        seen = set()
        for raw in mentions:
            mention = raw if isinstance(raw, M) else M(raw)
            if mention.text != mention.text.strip() or not mention.text:
                raise ValueError(f"{where}: mention {mention.text!r} has whitespace at an edge")
            if (mention.text, str(mention.occurrences)) in seen:
                raise ValueError(f"{where}: mention {mention.text!r} listed twice under {label!r}")
            seen.add((mention.text, str(mention.occurrences)))
            found = _occurrences(d.text, mention)
            if not found:
                raise ValueError(f"{where}: {label} mention {mention.text!r} not found")
            explicit = mention.occurrences is not None
            if explicit:
                wanted = [mention.occurrences] if isinstance(mention.occurrences, int) else mention.occurrences
                if any(i >= len(found) or i < 0 for i in wanted):
                    raise ValueError(f"{where}: {mention.text!r} occurs {len(found)} times, asked for {wanted}")
                found = [found[i] for i in wanted]
            candidates.append((len(candidates), label, mention, explicit, found))

    # Longest first, so a value nested in a longer gold span is recognised as nested.
    flat = [(i, label, explicit, s, e) for i, label, _, explicit, spans in candidates for s, e in spans]
    flat.sort(key=lambda c: (-(c[4] - c[3]), c[3]))
    claimed: list[tuple[int, int, str]] = []
    kept: dict[str, list[tuple[int, int]]] = {}
    used: dict[int, int] = {}
    for i, label, explicit, s, e in flat:
        inside = [c for c in claimed if c[0] <= s and e <= c[1]]
        overlap = [c for c in claimed if s < c[1] and c[0] < e and not (c[0] <= s and e <= c[1])]
        if overlap:
            raise ValueError(f"{where}: {label} {d.text[s:e]!r}@{s} overlaps {overlap[0][2]} "
                             f"{d.text[overlap[0][0]:overlap[0][1]]!r}")
        if any((c[0], c[1]) == (s, e) for c in inside):
            raise ValueError(f"{where}: {d.text[s:e]!r}@{s} is gold twice ({label} and {inside[0][2]})")
        if inside:
            if explicit:
                raise ValueError(f"{where}: {label} {d.text[s:e]!r}@{s} explicitly asked for but lies "
                                 f"inside {inside[0][2]} {d.text[inside[0][0]:inside[0][1]]!r}")
            continue
        claimed.append((s, e, label))
        kept.setdefault(label, []).append((s, e))
        used[i] = used.get(i, 0) + 1
    for i, label, mention, _, _ in candidates:
        if not used.get(i):
            raise ValueError(f"{where}: {label} mention {mention.text!r} only occurs inside other spans")

    out = {}
    for label in PII_LABELS:
        if label in kept:
            out[label] = [{"text": d.text[s:e], "start": s, "end": e} for s, e in sorted(kept[label])]
    return out


def record(d: Doc) -> dict:
    return {
        "id": d.id,
        "input": d.text,
        "output": {
            "entities": resolve(d),
            "classifications": [
                {"task": "document_type", "labels": list(DOCUMENT_TYPES), "true_label": d.document_type}
            ],
        },
    }


def records() -> dict[str, list[dict]]:
    """Domain file stem -> records, in authoring order; raises on any annotation error."""
    ids = [d.id for d in DOCS]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate ids: {dupes}")
    by_domain: dict[str, list[dict]] = {}
    for d in DOCS:
        prefix = d.id.split("-")[0]
        if prefix not in DOMAINS:
            raise ValueError(f"{d.id}: id prefix must be one of {sorted(DOMAINS)}")
        by_domain.setdefault(DOMAINS[prefix], []).append(record(d))
    return by_domain


def build(out_dir: str | Path = HERE) -> list[Path]:
    """Write one JSONL file per domain into out_dir; return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, recs in records().items():
        path = out_dir / f"{stem}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        paths.append(path)
    return paths


def stats() -> str:
    """Markdown tables of span counts per label and documents per domain and type."""
    by_domain = records()
    label_docs: dict[str, int] = {k: 0 for k in PII_LABELS}
    label_spans: dict[str, int] = {k: 0 for k in PII_LABELS}
    types: dict[tuple[str, str], int] = {}
    negatives = 0
    for stem, recs in by_domain.items():
        for r in recs:
            ents = r["output"]["entities"]
            negatives += not ents
            for label, spans in ents.items():
                label_docs[label] += 1
                label_spans[label] += len(spans)
            t = r["output"]["classifications"][0]["true_label"]
            types[(stem, t)] = types.get((stem, t), 0) + 1
    n_docs = sum(len(v) for v in by_domain.values())
    lines = [f"{n_docs} documents ({negatives} with no PII), {sum(label_spans.values())} gold spans.", "",
             "| label | spans | documents |", "|---|---:|---:|"]
    lines += [f"| {k} | {label_spans[k]} | {label_docs[k]} |" for k in PII_LABELS]
    lines += ["", "| domain | document type | documents |", "|---|---|---:|"]
    for stem in DOMAINS.values():
        for t in DOCUMENT_TYPES:
            if (stem, t) in types:
                lines.append(f"| {stem} | {t} | {types[(stem, t)]} |")
    return "\n".join(lines)


# =====================================================================================
# Healthcare
# =====================================================================================

doc("hc-001", "clinical note", """
ED PHYSICIAN NOTE   St. Brendan's Regional Med Ctr - Emergency Dept
Pt: HALVORSEN, Erik J      MRN 00517726     DOB 02/17/1966
DOS: 11/03/2024  Arrival 0412 via EMS

CC: SOB, CP

HPI: 58M w/ hx CHF (EF 30-35% on echo 6/2023), HTN, T2DM, c/o worsening SOB x3d,
2 pillow orthopnea -> now sleeping in recliner. +PND. Wife (Ingrid) states he ran out of
furosemide "about a week ago". Denies fever, cough productive of sputum. Mild substernal
pressure since ~0200, nonradiating.

ROS otherwise neg per HPI.

PMH: as above + CKD3a. PSH: CABG x3 2019 (Dr Feldstein @ Mercy Heart Institute)
Meds: metoprolol succ 50 daily, lisinopril 10, metformin 1000 BID, furosemide 40 (not taking)
All: PCN (rash)

Exam: BP 168/94 HR 104 RR 24 SpO2 88% RA -> 95% 4L NC. JVD to angle of jaw. Bibasilar
crackles. 2+ pitting edema BLE.

A/P: acute on chronic HFrEF exacerbation, likely med noncompliance. r/o ACS - trop x2, ECG
no acute STE.
- IV furosemide 40mg now
- BiPAP if worsens
- admit tele, cards consult
Contact: wife Ingrid Halvorsen (917) 555-0148 (cell)
PCP: Dr. Anita Rao, Bayside Family Medicine

Electronically signed: M. Okonkwo, MD 11/03/2024 05:37
""", {
    "person": ["HALVORSEN, Erik J", "Ingrid", "Feldstein", "Ingrid Halvorsen", "Anita Rao", "M. Okonkwo"],
    "organization": ["St. Brendan's Regional Med Ctr", "Mercy Heart Institute", "Bayside Family Medicine"],
    "medical record number": ["00517726"],
    "date of birth": ["02/17/1966"],
    "date": ["11/03/2024", "6/2023"],
    "age": [M("58", inword=True)],
    "phone number": ["(917) 555-0148"],
})

doc("hc-002", "clinical note", """
Consultation - Hollins Park Surgery
Patient: Mrs Margaret (Peggy) Olawale   NHS No: 943 476 5919   D.O.B. 14-Aug-1951 (73y)
Address: 22 Cranbrook Avenue, Leeds LS8 4QT
Tel: 0113 496 0732  Mob: 07700 900481

12-Feb-2025 10:40  Dr Siobhan Keane (GP)
History: Telephone consultation. Daughter Funmi present on speaker. Pt reports 2/52 of
dysuria + frequency, no haematuria, no loin pain, no fevers/rigors. Has had 3 UTIs in past
12 months. Some new confusion per daughter - "she put the kettle in the fridge on Sunday".
Examination: Not examined (tel). Urine dip dropped in by daughter yesterday: leuc +++ nit pos.
Comment: ?recurrent UTI, ?delirium secondary. Lives alone, carers BD via Bluebell Home Care.
Plan: Nitrofurantoin MR 100mg BD 3/7. MSU sent to lab. Safety-netting given - if more
confused, fever, not eating -> 111 / A&E. Review 1/52 or sooner. Consider urology referral
(LTHT) if further recurrence. Daughter's number updated on record: 07700 900662.
""", {
    "person": ["Margaret (Peggy) Olawale", "Siobhan Keane", "Funmi"],
    "organization": ["Hollins Park Surgery", "Bluebell Home Care", "LTHT"],
    "health plan beneficiary number": ["943 476 5919"],
    "date of birth": ["14-Aug-1951"],
    "age": [M("73", inword=True)],
    "street address": ["22 Cranbrook Avenue, Leeds LS8 4QT"],
    "phone number": ["0113 496 0732", "07700 900481", "07700 900662"],
    "date": ["12-Feb-2025"],
})

doc("hc-003", "clinical note", """
NURSING PROGRESS NOTE - Ward 7B (Endocrine), Royal Coastal Hospital, Gold Coast
Pt: Grace Whitfield-Tane   UR No. 2281-664   Medicare 2953 71046 1
DOB 09.05.2007 (17 yrs)

Shift: Night 2130-0700, 23/01/25
S: Pt states "feel heaps better", no N/V since 0100. Mum (Hope Whitfield) stayed overnight,
went home 0600 - ph 0491 570 156 if needed.
O: BGLs 2200 14.2, 0200 9.8, 0600 7.1. Ketones 0.4 at 0600 (down from 3.1 on adm). IV fluids
ceased 0500 as per Dr Nguyen. Tolerating sips + dry toast.
Insulin pump (780G, SN NG3817442H) re-sited by pt at 0615 under supervision, L abdomen. Site
from 21/01 looked red/indurated - photo'd, swab sent.
A: DKA resolving. ?Pump site infection.
P: Endo team r/v in AM re: pump restart vs SC basal-bolus. Diabetes educator (Will) to see
pt + mum re sick day rules before d/c. Will need new script for consumables.
- K. Papadopoulos RN
""", {
    "person": ["Grace Whitfield-Tane", "Hope Whitfield", "Nguyen", M("Will", 0), "K. Papadopoulos"],
    "organization": ["Royal Coastal Hospital"],
    "city": ["Gold Coast"],
    "medical record number": ["2281-664"],
    "health plan beneficiary number": ["2953 71046 1"],
    "date of birth": ["09.05.2007"],
    "age": ["17"],
    "date": ["23/01/25", "21/01"],
    "phone number": ["0491 570 156"],
    "device identifier": ["NG3817442H"],
})

doc("hc-004", "clinical note", """
Virtual Visit - Progress Note (Psychiatry)
Clinic: North York Mood & Anxiety Clinic
Patient: Arjun Venkataraman | OHIP 5584-672-913-KT | chart # NYM-20417
Date of visit: Jan 8 2025 | video, pt at home (Scarborough)
Present: pt, his partner Daniel joined last 10 min w/ pt consent

Subjective: 34yo M with MDD, recurrent, seen for med f/u. Started sertraline 50->100 mg on
Dec 2. Reports mood "maybe 5/10, was 3". Sleep improved ~6h. Still low motivation at work
(software QA at Lindqvist Analytics), took 4 sick days in Dec. Denies SI/HI, no plan/intent.
PHQ-9 today 14 (was 21). GAD-7 11. Some GI upset first wk, settled. Alcohol: 2-3 beers
weekends.

Objective: Casually dressed, good eye contact, speech nl rate. Affect constricted but
reactive. TP linear. Insight/judgment fair.

Plan:
1. Continue sertraline 100 mg daily
2. CBT referral - waitlist at CAMH ~4 months; gave self-help workbook info
3. Letter for employer re: graduated RTW (pt to email his HR contact,
   hr.accommodations@lindqvist-analytics.example.com)
4. RTC 4 wks, sooner prn. Crisis line info reviewed.

Dr. Hana Yoshida, MD FRCPC
""", {
    "person": ["Arjun Venkataraman", "Daniel", "Hana Yoshida"],
    "organization": ["North York Mood & Anxiety Clinic", "Lindqvist Analytics", "CAMH"],
    "health plan beneficiary number": ["5584-672-913-KT"],
    "medical record number": ["NYM-20417"],
    "date": ["Jan 8 2025", "Dec 2"],
    "city": ["Scarborough"],
    "age": [M("34", inword=True)],
    "email address": ["hr.accommodations@lindqvist-analytics.example.com"],
})

doc("hc-005", "clinical note", """
ORTHOPAEDIC OUTPATIENT CLINIC  - Fracture Clinic
Whitmore General Hosp1tal NHS Trust
Hosp No: W0 771 2384          Clinic date: O4/03/2025
Name : CHEUNG , Wai Lun (Mr)
D0B: 30/11/1988                Age: 36

Seen with regards to R distal radius # sustained
on 15/02/2025 (fell off e-scooter in town).
Cast removed today. Skin intact. Mild stiff-
ness wrist, fingers full ROM. XR: united, no
loss of position.

Plan: - physio referral (wrist/hand) - Iocal
hand therapy at Cliffe Road Health Centre
        - return to driving when comfortable
        - no routine f/u needed, discharge
          to GP care (Dr. P. Sandhu ,
          Meanwood Group Practice)

Dictated by : Mr A. Obuya , Consultant
Orthopaedic Surgeon     GMC 7048215
Typed  05/03/2025
""", {
    "organization": ["Whitmore General Hosp1tal NHS Trust", "Cliffe Road Health Centre", "Meanwood Group Practice"],
    "medical record number": ["W0 771 2384"],
    "date": ["O4/03/2025", "15/02/2025", "05/03/2025"],
    "person": ["CHEUNG , Wai Lun", "P. Sandhu", "A. Obuya"],
    "date of birth": ["30/11/1988"],
    "age": ["36"],
    "license number": ["7048215"],
})

doc("hc-006", "discharge summary", """
DISCHARGE SUMMARY
Lakeshore Methodist Hospital - Cardiology Service
Patient: Rosalind T. Abernathy         MRN: LMH-3390217
DOB: 07/22/1941   Age: 83   Sex: F
Admit: 09/14/2024    Discharge: 09/19/2024
Attending: Dr. Kwame Asante-Boateng
PCP: Leonard Friis, DO (Northgate Internal Medicine, fax 312-555-0177)

ADMITTING DIAGNOSIS: Syncope
DISCHARGE DIAGNOSES:
1. Complete heart block, s/p dual-chamber pacemaker placement 9/16
2. Acute kidney injury, resolved
3. Hypertension
4. Osteoarthritis

HOSPITAL COURSE:
83 y/o woman brought in by her neighbor after a witnessed syncopal episode at home while
getting up from the couch. No prodrome, no seizure activity, ~30 sec LOC. In the ED HR 32 with
complete heart block on telemetry; transcutaneous pacing pads applied but not needed, started
on dopamine gtt briefly. Cardiology (Dr. Asante-Boateng) took her for dual-chamber PPM on 9/16
via L subclavian approach, uncomplicated. Device: generator model L331, serial 714482; RA lead
serial PJN2201437, RV lead serial PJN2209915. Device card given to pt and copy scanned to chart.

Cr 1.9 on admission (baseline 1.1), likely prerenal + held ACEi; improved to 1.2 with IVF.
Lisinopril restarted at reduced dose at discharge.

She worked with PT/OT, ambulating with rolling walker, cleared for home with home health. Her
daughter, Claire Abernathy-Voss, will stay with her for the first week.

SOCIAL HX: Widowed, lives alone in a 2-story house (bedroom upstairs), retired school
librarian. Never smoker, occasional glass of wine. Independent in ADLs before admission, still
drives. Neighbor checks on her daily.

PROCEDURES THIS ADMISSION:
- Transthoracic echo 9/15: EF 55-60%, mild MR, no WMA
- Dual-chamber permanent pacemaker implant 9/16 (see above)
- CXR post-implant: leads in good position, no PTX

PENDING AT DISCHARGE: TSH (sent 9/18), will be followed up by PCP. Home health (Lakeshore
Home Care) to start 9/20, first visit to include wound check and med reconciliation.

DISCHARGE MEDICATIONS:
- Lisinopril 5 mg daily (CHANGED, was 20)
- Amlodipine 5 mg daily
- Acetaminophen 650 mg q6h prn pain
- STOP ibuprofen (renal)

FOLLOW-UP:
- Device clinic, Lakeshore Methodist Heart Center, 10-14 days for wound check +
  interrogation. Remote monitor set up; pt's home monitor s/n RM-55038871.
- PCP Dr. Friis in 1 week, BMP at that visit.
- Cardiology Dr. Asante-Boateng 3 months.

Pt instructions: no lifting L arm above shoulder x4 wks, no driving x1 week. Call
312-555-0102 for fever, wound drainage, dizziness or fainting.

Dictated: K. Asante-Boateng, MD 09/19/2024
Cc: Leonard Friis, DO
""", {
    "organization": ["Lakeshore Methodist Hospital", "Northgate Internal Medicine", "Lakeshore Methodist Heart Center",
                     "Lakeshore\nHome Care"],
    "person": ["Rosalind T. Abernathy", "Kwame Asante-Boateng", "Leonard Friis", "Asante-Boateng",
               "Claire Abernathy-Voss", "Friis", "K. Asante-Boateng"],
    "medical record number": ["LMH-3390217"],
    "date of birth": ["07/22/1941"],
    "age": ["83"],
    "date": ["09/14/2024", "09/19/2024", "9/16", "9/15", "9/18", "9/20"],
    "fax number": ["312-555-0177"],
    "phone number": ["312-555-0102"],
    "device identifier": ["714482", "PJN2201437", "PJN2209915", "RM-55038871"],
})

doc("hc-007", "discharge summary", """
From: Ward 23 (Acute Medical Unit), Ashbourne Royal Infirmary
To: Dr R. Mahmood, Fernside Medical Practice, 4 Station Parade, Harrogate HG1 1TE
Fax 01423 555 704 | NHS.net: fernside.admin@nhs.example.net

IMMEDIATE DISCHARGE SUMMARY

Name: Thomas PRYCE-EVANS    Hosp no: K4410973    NHS no: 485 777 3456
DoB: 02/03/1979    Address: Flat 9, Harlow Court, 61 Otley Road, Harrogate HG2 0DJ
Admitted 28/12/2024 via ED   Discharged 31/12/2024
Consultant: Dr E. Lindgren

Dx: Community acquired pneumonia (CURB-65 1). Background: asthma, ex-smoker (20 pack yrs).

Summary: 45M, 4d productive cough, fever, pleuritic L chest pain. CXR LLL consolidation.
Treated IV co-amoxiclav + clarithromycin, stepped down to oral day 2. O2 weaned day 2. CRP
212 -> 48. Safe for d/c.

TTO: co-amoxiclav 625mg TDS to complete 5/7 total; salbutamol inhaler prn (own supply).

Actions for GP: please repeat CXR in 6/52 to confirm resolution (pt >40, ex-smoker). Sick
note issued to 10/01/2025 - works as a delivery driver for Dalesway Logistics.

NOK: partner Megan Hale 07700 900 215
Summary completed by Dr Obinna Eze (FY2)
""", {
    "organization": ["Ashbourne Royal Infirmary", "Fernside Medical Practice", "Dalesway Logistics"],
    "person": ["R. Mahmood", "Thomas PRYCE-EVANS", "E. Lindgren", "Megan Hale", "Obinna Eze"],
    "street address": ["4 Station Parade, Harrogate HG1 1TE", "Flat 9, Harlow Court, 61 Otley Road, Harrogate HG2 0DJ"],
    "fax number": ["01423 555 704"],
    "email address": ["fernside.admin@nhs.example.net"],
    "medical record number": ["K4410973"],
    "health plan beneficiary number": ["485 777 3456"],
    "date of birth": ["02/03/1979"],
    "date": ["28/12/2024", "31/12/2024", "10/01/2025"],
    "age": [M("45", inword=True)],
    "phone number": ["07700 900 215"],
})

doc("hc-008", "discharge summary", """
PEDIATRIC DISCHARGE SUMMARY - Children's Hospital of the Plains, Wichita
Pt name: Hope Esperanza Delgado-Ruiz     MRN 6612048    DOB 04/02/2021  (3 yo)
Admission date: 01/27/2025    Discharge date: 01/30/2025
Parents: Marisol Ruiz (mother, primary contact, Spanish-speaking - interpreter used),
Will Delgado (father)
Home: 1408 N Grove St Apt 2, Wichita KS 67214 - (316) 555-0193

Reason for admission: Bronchiolitis? -> final dx RSV + acute otitis media R.
Course: Hope was admitted from ED for increased WOB and poor PO intake (only 2 wet diapers
in 24h). Required HFNC up to 8 L on HD1, weaned to RA by HD3. Tolerating full diet, voiding
well. Amoxicillin started for AOM.
Discharge meds: amoxicillin 400 mg/5 mL, 7 mL PO BID x 9 more days.
Immunizations: up to date per state registry.
Follow-up: PCP Dr. Nkechi Adeyemi at Southside Pediatrics within 2-3 days. Return
precautions discussed w/ mom via phone interpreter - hope she understands to come back if
breathing fast or lips look blue.
Insurance: KanCare member ID 76201958834
""", {
    "organization": ["Children's Hospital of the Plains", "Southside Pediatrics", "KanCare"],
    "city": ["Wichita"],
    "person": ["Hope Esperanza Delgado-Ruiz", "Hope", "Marisol Ruiz", "Will Delgado", "Nkechi Adeyemi"],
    "medical record number": ["6612048"],
    "date of birth": ["04/02/2021"],
    "age": [M("3", 0)],
    "date": ["01/27/2025", "01/30/2025"],
    "street address": ["1408 N Grove St Apt 2, Wichita KS 67214"],
    "phone number": ["(316) 555-0193"],
    "health plan beneficiary number": ["76201958834"],
})

doc("hc-009", "discharge summary", """
Hopital Sainte-Odile - Resume de depart / Discharge Summary (EN copy)

Patient: Lefebvre, Noémie   RAMQ: LEFN 8561 2214   Dossier: 00-338172
Né(e) le / DOB: 1985-06-12   Admission: 2024-10-02   Congé: 2024-10-04

Lap chole 2024-10-02 for symptomatic cholelithiasis, uncomplicated. Tolerating diet POD1,
pain controlled w/ acetaminophen + hydromorphone 1 mg PO q4h prn (6 tabs dispensed). JP drain
removed POD2.
F/u: Dr. Gagnon-Mbeki, general surgery clinic 2 wks (clinic will call 514-555-0136).
Staples out at CLSC des Faubourgs day 10.
Return to ED: fever >38.5, jaundice, increasing pain.
""", {
    "organization": ["Hopital Sainte-Odile", "CLSC des Faubourgs"],
    "person": ["Lefebvre, Noémie", "Gagnon-Mbeki"],
    "health plan beneficiary number": ["LEFN 8561 2214"],
    "medical record number": ["00-338172"],
    "date of birth": ["1985-06-12"],
    "date": ["2024-10-02", "2024-10-04"],
    "phone number": ["514-555-0136"],
})

doc("hc-010", "referral letter", """
Riverbank Surgery
118 Mill Lane, Kidderminster, DY10 2QP
Tel 01562 555 210 | Fax 01562 555 211
www.riverbanksurgery.example.org

14 October 2024

Dr Fiona McAllister
Consultant Dermatologist
Dept of Dermatology, Worcester Royal Hospital
Charles Hastings Way
Worcester WR5 1DD

Dear Dr McAllister,

Re: Mr Kofi Mensah-Bonsu, DOB 19/04/1962, NHS 721 448 0916
    7 Hawthorn Close, Stourport-on-Severn DY13 8RL

Thank you for seeing this 62 year old retired bus driver under the 2WW pathway. He noticed a
changing pigmented lesion on his left upper back about 3 months ago, which his wife says has
"got bigger and darker". On examination it is 9mm, asymmetrical with an irregular border and
two colours; dermoscopy image uploaded to the e-RS referral.

PMH: T2DM (diet controlled), BPH. Meds: tamsulosin 400mcg OD. NKDA.
He is happy to be contacted on his mobile 07700 900 388; his wife (Abena) usually answers the
landline.

Yours sincerely,

Dr Harriet Lowe
GP Partner, GMC 6132907
""", {
    "organization": ["Riverbank Surgery", "Worcester Royal Hospital"],
    "street address": ["118 Mill Lane, Kidderminster, DY10 2QP", "Charles Hastings Way", "Worcester WR5 1DD",
                       "7 Hawthorn Close, Stourport-on-Severn DY13 8RL"],
    "phone number": ["01562 555 210", "07700 900 388"],
    "fax number": ["01562 555 211"],
    "url": ["www.riverbanksurgery.example.org"],
    "date": ["14 October 2024"],
    "person": ["Fiona McAllister", "McAllister", "Kofi Mensah-Bonsu", "Abena", "Harriet Lowe"],
    "date of birth": ["19/04/1962"],
    "health plan beneficiary number": ["721 448 0916"],
    "age": ["62"],
    "license number": ["6132907"],
})

doc("hc-011", "referral letter", """
*** FAX ***   Page 1 of 3
TO: Sleep Disorders Center, Pinecrest University Health    FAX: (503) 555-0261
FROM: Cascade Valley Family Practice    FAX: (503) 555-0288   PH: (503) 555-0280
DATE: 3/5/25
RE: referral - Tobias Wendt-Herrera   DOB 8/30/1977

CONFIDENTIALITY: this fax contains PHI. If received in error pls call sender & destroy.
----------------------------------------------------------------
REFERRAL FOR SLEEP STUDY

Pt: Tobias Wendt-Herrera, 47 M
Addr: 2219 SE Alder St, Portland, OR 97214
Ins: Regence BlueCross  ID# RGX884410273
Reason: loud snoring, witnessed apneas (per wife), ESS 15, BMI 36.4, HTN on 2 agents.
STOP-BANG 6.
Request: in-lab PSG, titrate if OSA confirmed. Pt prefers afternoon appts, works nights at
Bridgeport Freight Distribution warehouse.
Pls schedule directly w/ pt: cell 971-555-0147.
Referring: Jennifer Oyelaran-Brooks, FNP-C   ------ see attached visit note + med list
""", {
    "organization": ["Pinecrest University Health", "Cascade Valley Family Practice", "Regence BlueCross",
                     "Bridgeport Freight Distribution"],
    "fax number": ["(503) 555-0261", "(503) 555-0288"],
    "phone number": ["(503) 555-0280", "971-555-0147"],
    "date": ["3/5/25"],
    "person": ["Tobias Wendt-Herrera", "Jennifer Oyelaran-Brooks"],
    "date of birth": ["8/30/1977"],
    "age": ["47"],
    "street address": ["2219 SE Alder St, Portland, OR 97214"],
    "health plan beneficiary number": ["RGX884410273"],
})

doc("hc-012", "referral letter", """
---------- Forwarded message ---------
From: Dr. Sunita Bhargava <sunita.bhargava@lotusmaternity.example.in>
Date: Mon, 17 Jun 2024 at 19:42
Subject: Ref - Mrs. Kavya Reddy, G2P1, 29 wks, ?GDM
To: Dr Pradeep Menon <drpmenon@example.in>
Cc: Front Desk <frontdesk@lotusmaternity.example.in>

Dear Pradeep,

Referring Mrs Kavya Reddy (31 yrs, UHID LM-2024-08812) for your opinion. OGTT at 28 wks:
fasting 98, 1h 192, 2h 171 mg/dl. Mother and elder sister both diabetic. Previous baby 3.6 kg
by LSCS at Lotus Maternity in 2021.

She is staying at her mother's place for now, address:
H.No. 44, 9th Cross, 4th Block, Jayanagar, Bengaluru 560011
Husband Sandeep Reddy will bring her. Mob +91 98450 12377.

Kindly see her this week if possible, MNT + SMBG to start, insulin if needed.

Regards
Dr. Sunita B.
MS (OBG)
Lotus Maternity & Fertility Centre, Bengaluru | 080-4555-0190
""", {
    "person": ["Sunita Bhargava", "Kavya Reddy", "Pradeep Menon", "Pradeep", "Sandeep Reddy", "Sunita B."],
    "email address": ["sunita.bhargava@lotusmaternity.example.in", "drpmenon@example.in",
                      "frontdesk@lotusmaternity.example.in"],
    "date": ["Mon, 17 Jun 2024"],
    "age": ["31"],
    "medical record number": ["LM-2024-08812"],
    "organization": ["Lotus Maternity", "Lotus Maternity & Fertility Centre"],
    "street address": ["H.No. 44, 9th Cross, 4th Block, Jayanagar, Bengaluru 560011"],
    "city": ["Bengaluru"],
    "phone number": ["+91 98450 12377", "080-4555-0190"],
})

doc("hc-013", "referral letter", """
REFERRAL FORM - COMMUNITY PHYSIOTHERAPY (MSK)
Please complete ALL sections. Incomplete forms will be returned to the referrer.

Section 1 - Patient details
Surname: ____________   Forename(s): ____________
Date of birth: __ / __ / ____     NHS number: ___ ___ ____
Address: _________________________________  Postcode: ________
Telephone (home): ______________  Mobile: ______________
Interpreter required?  Y / N    Language: ________

Section 2 - Clinical information
Presenting complaint and duration:
Relevant PMH / red flags screened (cauda equina, cancer hx, unexplained wt loss, fever):  Y / N
Current analgesia:
Imaging (attach report if available):

Section 3 - Referrer
Name / role:                     Practice code:
Signature:                       Date:

Urgent referrals (suspected cauda equina, fracture) must NOT be sent on this form - send the
patient to ED. Return the completed form by secure email or post to the MSK triage hub.
Forms received after 3pm on a Friday are triaged the next working day.
""")

doc("hc-014", "lab report", """
QUESTLINE CLINICAL LABORATORIES
4120 Industrial Pkwy, Suite 200, Sacramento, CA 95834
------------------------------------------------------------------------
PATIENT: NAKAMURA, KENJI R            ACCESSION: QL24-7783210
DOB: 05/09/1958   AGE: 66Y  SEX: M    COLLECTED: 12/02/2024 07:55
PATIENT ID: 0049921736                RECEIVED:  12/02/2024 11:20
ORDERING: SUAREZ, ELENA MD            REPORTED:  12/03/2024 06:41
CLIENT: Delta Oaks Medical Group, Stockton

TEST                  RESULT      FLAG   REF RANGE       UNITS
HEMOGLOBIN A1C        8.4         H      4.0-5.6         %
GLUCOSE, FASTING      162         H      70-99           mg/dL
CREATININE            1.38        H      0.70-1.30       mg/dL
eGFR                  55          L      >59             mL/min/1.73m2
POTASSIUM             4.6                3.5-5.3         mmol/L
LDL-C (CALC)          112         H      <100            mg/dL
MICROALB/CREAT RATIO  48          H      <30             mg/g

COMMENT: eGFR calculated with CKD-EPI 2021 equation.
Critical/abnormal results called to and read back by T. WASHBURNE (RN) 12/03/2024 07:02
""", {
    "organization": ["QUESTLINE CLINICAL LABORATORIES", "Delta Oaks Medical Group"],
    "street address": ["4120 Industrial Pkwy, Suite 200, Sacramento, CA 95834"],
    "person": ["NAKAMURA, KENJI R", "SUAREZ, ELENA", "T. WASHBURNE"],
    "date of birth": ["05/09/1958"],
    "age": [M("66", inword=True)],
    "date": ["12/02/2024", "12/03/2024"],
    "medical record number": ["0049921736"],
    "city": ["Stockton"],
})

doc("hc-015", "lab report", """
SRI VENKATESWARA DIAGNOSTICS & PATHOLOGY LAB
Plot 12, Ameerpet X Roads, Hyderabad - 500016 | Ph: 040-2555-0143 | reports@svdiagnostics.example.in

Patient Name : Mr. RAJESH KUMAR IYER          Age/Sex : 45 Y / M
Ref. By      : Dr. S. Chandrasekhar            Lab No. : SVD/24/118734
Sample Date  : 22-Aug-2024                     Report Date : 23-Aug-2024
Patient ID   : SVD-PT-660291

                 COMPLETE BLOOD COUNT (CBC)
Haemoglobin            11.2 g/dL        (13.0 - 17.0)   LOW
Total WBC Count        11800 /cumm      (4000 - 11000)  HIGH
Neutrophils            78 %             (40 - 80)
Lymphocytes            16 %             (20 - 40)       LOW
Platelet Count         1.9 lakhs/cumm   (1.5 - 4.1)
ESR                    42 mm/1st hr     (0 - 15)        HIGH

                 WIDAL TEST (slide)
S. Typhi O   1:160      S. Typhi H   1:80

Impression: Leucocytosis with neutrophilia, raised ESR. Clinical correlation advised.

------ End of Report ------
Dr. Meenakshi Sundaram, MD (Path)       Reg No: TSMC/FMR/04417
Consultant Pathologist
""", {
    "organization": ["SRI VENKATESWARA DIAGNOSTICS & PATHOLOGY LAB"],
    "street address": ["Plot 12, Ameerpet X Roads, Hyderabad - 500016"],
    "phone number": ["040-2555-0143"],
    "email address": ["reports@svdiagnostics.example.in"],
    "person": ["RAJESH KUMAR IYER", "S. Chandrasekhar", "Meenakshi Sundaram"],
    "age": ["45"],
    "date": ["22-Aug-2024", "23-Aug-2024"],
    "medical record number": ["SVD-PT-660291"],
    "license number": ["TSMC/FMR/04417"],
})

doc("hc-016", "lab report", """
Reference intervals - adult chemistry panel (effective from next calibration cycle)

Analyte            Units      Male          Female
Sodium             mmol/L     135-145       135-145
Potassium          mmol/L     3.5-5.1       3.5-5.1
Urea               mmol/L     2.5-7.8       2.5-7.8
Creatinine         umol/L     59-104        45-84
ALT                U/L        <41           <33
ALP                U/L        30-130        30-130
Bilirubin (total)  umol/L     <21           <21
Albumin            g/L        35-50         35-50
CRP                mg/L       <5            <5
HbA1c              mmol/mol   20-41 (non-diabetic); 42-47 at risk; >=48 diabetes

Notes:
1. Haemolysed samples will have K+ suppressed and a comment appended.
2. eGFR reported only for age 18 and over; not valid in pregnancy, AKI or extremes of
   muscle mass.
3. Critical values are phoned to the requesting ward/practice within 1 hour (K+ >6.5,
   Na+ <120, glucose <2.5).
4. Samples older than 24h on arrival: K+, phosphate and LDH not reported.
""")

doc("hc-017", "lab report", """
MICROBIOLOGY REPORT        Southern Cross Pathology Pty Ltd
Lab ref 25-MB-004417
Patient  : TUILAGI, Sione
DOB      : 3/10/1990     Sex: M
Medicare : 4472 19853 2
Address  : 16 Banksia Cres
           Blacktown NSW 2148
Requested: Dr L. Ferreira, Westmead Family Doctors
Collected: 07/02/2025  Specimen: Wound swab L foot

Microscopy: Gram pos cocci in clus ters +++
            Pus cells ++
Culture:    Staphylococcus aureus - heavy growth
Sensitivi ties:
  Flucloxacillin  S
  Cephalexin     S
  Clindamycin    R  (inducible)
  Doxycycline    S
  Co-trimoxazole S
MRSA screen: NEGATIVE
Comrnent: Clindamycin resistance detected - avoid. Results phoned to
Dr Ferreira's practice 08/02/25 14:10 (spoke to Joy at reception).
""", {
    "organization": ["Southern Cross Pathology Pty Ltd", "Westmead Family Doctors"],
    "person": ["TUILAGI, Sione", "L. Ferreira", "Ferreira", "Joy"],
    "date of birth": ["3/10/1990"],
    "health plan beneficiary number": ["4472 19853 2"],
    "street address": ["16 Banksia Cres", "Blacktown NSW 2148"],
    "date": ["07/02/2025", "08/02/25"],
})

doc("hc-018", "prescription", """
Harborview Urgent Care & Family Clinic
770 Pacific Ave, Suite 4B, Long Beach, CA 90813
Tel 562-555-0119   Fax 562-555-0120

Rx                                        Date: 04/11/2025
Name: Darnell J. Whitaker                 DOB: 10/14/1993
Address: 3341 Cherry Ave #12, Signal Hill, CA 90755

amoxicillin-clavulanate 875/125 mg tab
Sig: 1 tab PO BID with food x 10 days
Disp: #20 (twenty)    Refills: 0

benzonatate 100 mg cap
Sig: 1 cap PO TID prn cough
Disp: #30    Refills: 1

[x] Substitution permitted

Prescriber: Farah Haddad, MD       CA Lic. A158842      DEA: BH4827739
Signature: _____________________
""", {
    "organization": ["Harborview Urgent Care & Family Clinic"],
    "street address": ["770 Pacific Ave, Suite 4B, Long Beach, CA 90813", "3341 Cherry Ave #12, Signal Hill, CA 90755"],
    "phone number": ["562-555-0119"],
    "fax number": ["562-555-0120"],
    "date": ["04/11/2025"],
    "person": ["Darnell J. Whitaker", "Farah Haddad"],
    "date of birth": ["10/14/1993"],
    "license number": ["A158842", "BH4827739"],
})

doc("hc-019", "prescription", """
Dr. Anjali Deshpande  MBBS, MD (Medicine)
Reg. No. 2009/03/1187 (MMC)
Deshpande Clinic, Shop 3, Shree Krupa Bldg, Tilak Road, Pune 411030
Mon-Sat 6-9 pm | Ph 020 2555 0416

Name: Smt. Lata Kulkarni      Age: 67 yrs / F      Date: 09/09/2024
Wt 58 kg   BP 150/90   RBS 212

c/o giddiness on & off x 1 wk, knee pain (B/L)
k/c/o DM-2, HTN ~10 yrs

Rx
1) Tab Telma 40 (telmisartan)   1-0-0  x 1 month
2) Tab Glycomet GP 1            1-0-1  after food x 1 month
3) Tab Shelcal 500              0-1-0  x 1 month
4) Diclofenac gel - local application BD

Adv: HbA1c, lipid profile, KFT, urine R/M
Review after 2 wks with reports
(son Mr. Ashish Kulkarni - 98220 55014 - to bring reports)
""", {
    "person": ["Anjali Deshpande", "Lata Kulkarni", "Ashish Kulkarni"],
    "license number": ["2009/03/1187"],
    "organization": ["Deshpande Clinic"],
    "street address": ["Shop 3, Shree Krupa Bldg, Tilak Road, Pune 411030"],
    "phone number": ["020 2555 0416", "98220 55014"],
    "age": ["67"],
    "date": ["09/09/2024"],
})

doc("hc-020", "prescription", """
ePrescribe - Transmission Confirmation
Sent to: Queensway Pharmacy #1187, 255 Queen St E, Brampton ON L6W 2B5 (fax 905-555-0158)
Status: DELIVERED 2025-02-18 16:03

Patient: Gurpreet Kaur Dhillon    DOB 1972-11-30
Health card: 7734-229-581-AB
Phone: 647-555-0172

Medication: Levothyroxine 100 mcg tablet
Directions: Take 1 tablet by mouth every morning on an empty stomach, 30-60 min before
breakfast
Qty: 90   Repeats: 3   Interval: 90 days
Note to pharmacist: dose increased from 88 mcg, TSH 7.9 on 2025-02-10. Pt aware. Please
counsel re: separating from calcium/iron.

Prescriber: Dr. Thomas Oduya, CPSO #98214
Clinic: Bramalea Village Medical, tel 905-555-0150
""", {
    "organization": ["Queensway Pharmacy", "Bramalea Village Medical"],
    "street address": ["255 Queen St E, Brampton ON L6W 2B5"],
    "fax number": ["905-555-0158"],
    "phone number": ["647-555-0172", "905-555-0150"],
    "date": ["2025-02-18", "2025-02-10"],
    "date of birth": ["1972-11-30"],
    "health plan beneficiary number": ["7734-229-581-AB"],
    "person": ["Gurpreet Kaur Dhillon", "Thomas Oduya"],
    "license number": ["98214"],
})

doc("hc-021", "insurance claim", """
HEALTH INSURANCE CLAIM FORM (CMS-1500 02/12) - text export
1. MEDICARE [ ] MEDICAID [ ] GROUP HEALTH PLAN [X]
1a. INSURED'S ID NUMBER: W289-441-0673
2. PATIENT'S NAME: OKAFOR-LINDQVIST, AMARA C
3. PATIENT'S BIRTH DATE: 03 | 21 | 1989   SEX: F
4. INSURED'S NAME: OKAFOR-LINDQVIST, DAVID
5. PATIENT'S ADDRESS: 908 W BELDEN AVE APT 3F
   CITY: CHICAGO  STATE: IL  ZIP: 60614   TEL: (773) 555-0166
6. PATIENT RELATIONSHIP TO INSURED: SPOUSE
11c. INSURANCE PLAN NAME: BLUE MERIDIAN HEALTH
21. DIAGNOSIS: A. J02.9  B. R50.9
24. DOS 01/06/2025  POS 11  CPT 99213  MOD 25  DX PTR AB  $185.00  UNITS 1
    DOS 01/06/2025  POS 11  CPT 87880          DX PTR A   $42.00   UNITS 1
25. FEDERAL TAX I.D. NUMBER: 36-4418207  [ ] SSN [X] EIN
26. PATIENT'S ACCOUNT NO.: LPA-000731
28. TOTAL CHARGE: $227.00
31. SIGNATURE OF PHYSICIAN: Miriam Castellanos MD   DATE 01/08/2025
32. SERVICE FACILITY: Lincoln Park Pediatrics & Adult Care, 2450 N Clark St, Chicago IL 60614
33. BILLING PROVIDER PH: (773) 555-0190
""", {
    "health plan beneficiary number": ["W289-441-0673"],
    "person": ["OKAFOR-LINDQVIST, AMARA C", "OKAFOR-LINDQVIST, DAVID", "Miriam Castellanos"],
    "date of birth": ["03 | 21 | 1989"],
    "street address": ["908 W BELDEN AVE APT 3F", "2450 N Clark St, Chicago IL 60614"],
    "city": ["CHICAGO"],
    "zip code": ["60614"],
    "phone number": ["(773) 555-0166", "(773) 555-0190"],
    "organization": ["BLUE MERIDIAN HEALTH", "Lincoln Park Pediatrics & Adult Care"],
    "date": ["01/06/2025", "01/08/2025"],
    "tax identification number": ["36-4418207"],
    "account number": ["LPA-000731"],
})

doc("hc-022", "insurance claim", """
Yusuf Al-Hashimi
45 Larchmont Terrace, Apt 7
Edison, NJ 08817
yusuf.alhashimi@example.com | 732-555-0124

February 3, 2025

Appeals Unit
Keystone Mutual Health Insurance Co.
PO Box 7720
Harrisburg, PA 17106-7720

RE: Appeal of denied claim
Member: Yusuf Al-Hashimi   Member ID: KMH 4471 9920 06
Patient: Leila Al-Hashimi (daughter), DOB 11/19/2012
Claim #: 2024-1187-55302   Date of service: 12/10/2024

To whom it may concern,

I'm writing to appeal the denial of the above claim for my daughter Leila's MRI of the right
knee, which your EOB dated January 14, 2025 says was "not medically necessary". I disagree.
Leila is 12 and plays travel soccer; she had a twisting injury on 11/23/2024, and after 2
weeks of rest and a brace her orthopedist, Dr. Renata Kowalczyk at Garden State Sports
Orthopaedics, ordered the MRI because she still had locking and an effusion. The MRI showed a
displaced bucket-handle tear of the medial meniscus and she had surgery on 12/20/2024, so I
don't see how it could be unnecessary.

Also, the prior auth was requested by Dr Kowalczyk's office on 12/4 - they told me the
reference was PA-66120 and that it was "pending", and then the scan was done before anyone
called back. That shouldn't be held against us.

I've attached the EOB, Dr. Kowalczyk's letter of medical necessity, the MRI report and the op
note. Please review and reprocess. You can reach me on my cell above or at work,
732-555-0197 ext 4410 (I'm at Raritan Valley Community College weekdays).

Sincerely,
Yusuf Al-Hashimi
""", {
    "person": ["Yusuf Al-Hashimi", "Leila Al-Hashimi", "Leila", "Renata Kowalczyk", "Kowalczyk"],
    "street address": ["45 Larchmont Terrace, Apt 7", "Edison, NJ 08817", "PO Box 7720", "Harrisburg, PA 17106-7720"],
    "email address": ["yusuf.alhashimi@example.com"],
    "phone number": ["732-555-0124", "732-555-0197 ext 4410"],
    "date": ["February 3, 2025", "12/10/2024", "January 14, 2025", "11/23/2024", "12/20/2024", "12/4"],
    "date of birth": ["11/19/2012"],
    "age": ["12"],
    "health plan beneficiary number": ["KMH 4471 9920 06"],
    "organization": ["Keystone Mutual Health Insurance Co.", "Garden State Sports\nOrthopaedics",
                     "Raritan Valley Community College"],
})

doc("hc-023", "insurance claim", """
HEALTH FUND CLAIM - DENTAL (itemised account)
Bondi Junction Family Dental  ABN 51 824 753 556
Level 2, 500 Oxford St, Bondi Junction NSW 2022  |  (02) 9555 0137
Treating dentist: Dr Mei-Ling Soh (AHPRA DEN0001187452)

Patient: Ethan Burgess-Nguyen   DOB 14/06/2011
Member: Priya Burgess (mother)   Fund: Coastline Health   Membership no. 60391847
Service date: 29/01/2025

Item  Tooth  Description                        Fee
012          Periodic oral exam                 $68.00
114          Scale & clean                      $115.00
121          Fluoride application               $42.00
022   16     Intraoral periapical x-ray         $44.00
532   16     Adhesive restoration, 2 surf post  $235.00
                                     TOTAL      $504.00
Claim lodged on the spot: benefit paid $312.40, gap $191.60 (EFTPOS)
Next recall: 6 months. Parent advised re: fissure sealants for 7s.
""", {
    "organization": ["Bondi Junction Family Dental", "Coastline Health"],
    "tax identification number": ["51 824 753 556"],
    "street address": ["Level 2, 500 Oxford St, Bondi Junction NSW 2022"],
    "phone number": ["(02) 9555 0137"],
    "person": ["Mei-Ling Soh", "Ethan Burgess-Nguyen", "Priya Burgess"],
    "license number": ["DEN0001187452"],
    "date of birth": ["14/06/2011"],
    "health plan beneficiary number": ["60391847"],
    "date": ["29/01/2025"],
})

doc("hc-024", "insurance claim", """
Subject: Claim for medical expenses abroad - policy TRV-88213406
From: Ingrid Sørensen <ingrid.sorensen@example.dk>
To: claims@nordicshield-insurance.example.com
Date: 2 April 2025 21:17

Hej,

I want to claim back what I paid for medical treatment on holiday. I was in Málaga from
14.03.2025 to 24.03.2025 and on 19.03.2025 I fell on the steps in the old town, cut my chin
and hurt my wrist. I went to Clínica Costa del Sol where they stitched it (5 stitches) and
did x-ray - wrist sprain, no fracture. Doctor was Dr. Álvaro Benítez Ruiz.

Invoice nr F-2025-00731 for 412,50 EUR is attached, plus the medical report (in Spanish,
sorry) and the pharmacy receipt for 23,80 EUR for painkillers and a wrist support.

My details:
Policy holder: Ingrid Sørensen, born 08.12.1984
Policy no: TRV-88213406
Address: Vesterbrogade 118, 3. th, 1620 København V
Phone +45 20 55 01 43

Please pay to my account in Lunar Bank:
IBAN DK41 1314 0003 2877 14
BIC LUNRDKKK

Thank you, and sorry for my English.
Venlig hilsen
Ingrid
""", {
    "health plan beneficiary number": ["TRV-88213406"],
    "person": ["Ingrid Sørensen", "Álvaro Benítez Ruiz", "Ingrid"],
    "email address": ["ingrid.sorensen@example.dk", "claims@nordicshield-insurance.example.com"],
    "date": ["2 April 2025", "14.03.2025", "24.03.2025", "19.03.2025"],
    "city": ["Málaga"],
    "organization": ["Clínica Costa del Sol", "Lunar Bank"],
    "date of birth": ["08.12.1984"],
    "street address": ["Vesterbrogade 118, 3. th, 1620 København V"],
    "phone number": ["+45 20 55 01 43"],
    "iban": ["DK41 1314 0003 2877 14"],
    "swift code": ["LUNRDKKK"],
})


# =====================================================================================
# Finance
# =====================================================================================

doc("fin-001", "bank statement", """
FIRST PRAIRIE CREDIT UNION
PO Box 4410, Lincoln, NE 68504  |  1-800-555-0175  |  fpcu.example.org

Statement period: 10/01/2024 - 10/31/2024                         Page 1 of 2

DEANDRE & TASHA MOULTRIE
1127 S 27TH ST
LINCOLN NE 68502

Member #: 0088213     Share Draft (Checking) Acct: 0088213-10     Routing/ABA: 304083257

DATE   DESCRIPTION                                       AMOUNT      BALANCE
10/01  Beginning balance                                              2,412.77
10/02  ACH DEP CORNHUSKER STEEL PAYROLL                 1,884.20     4,296.97
10/03  POS HY-VEE #1427 LINCOLN NE                       -143.62     4,153.35
10/05  CHECK #1183                                       -950.00     3,203.35
10/07  ONLINE XFER TO TIARA MOULTRIE                      -60.00     3,143.35
10/11  ATM W/D FPCU BRANCH 04                             -80.00     3,063.35
10/15  XFER TO AUTO LOAN L-0088213-02                   -312.55     2,750.80
10/16  ACH DEP CORNHUSKER STEEL PAYROLL                 1,884.20     4,635.00
10/18  LINCOLN ELECTRIC SYSTEM AUTOPAY ACCT 5520-118837  -121.09     4,513.91
10/22  POS KWIK SHOP 0882                                 -38.40     4,475.51
10/29  MOBILE DEPOSIT                                    +200.00     4,675.51
10/31  Dividend earned                                      0.41     4,675.92

Ending balance 10/31/2024: $4,675.92
Lost or stolen card, 24/7: 1-800-555-0199
""", {
    "organization": ["FIRST PRAIRIE CREDIT UNION", "CORNHUSKER STEEL", "HY-VEE", "FPCU", "LINCOLN ELECTRIC SYSTEM",
                     "KWIK SHOP"],
    "street address": ["PO Box 4410, Lincoln, NE 68504", "1127 S 27TH ST", "LINCOLN NE 68502"],
    "phone number": ["1-800-555-0175", "1-800-555-0199"],
    "url": ["fpcu.example.org"],
    "loan number": ["L-0088213-02"],
    "date": ["10/01/2024", "10/31/2024", "10/01", "10/02", "10/03", "10/05", "10/07", "10/11", "10/15", "10/16", "10/18",
             "10/22", "10/29", "10/31"],
    "person": ["DEANDRE", "TASHA MOULTRIE", "TIARA MOULTRIE"],
    "customer id": ["0088213"],
    "bank account number": ["0088213-10"],
    "routing number": ["304083257"],
    "city": ["LINCOLN"],
    "account number": ["5520-118837"],
})

doc("fin-002", "bank statement", """
Northgate Building Society
Current Account Statement                         Statement no. 37
                                                   01 Sep 2024 to 30 Sep 2024
Mr O Adebayo-Clarke
Flat 14, Kestrel House
88 Whitechapel Road
London
E1 1JQ

Your account: Everyday Current Account
Sort code 40-17-62    Account no. 31926819
IBAN GB57 NGBS 4017 6231 9268 19    BIC NGBSGB21

Date     Description                                  Paid out    Paid in     Balance
01 Sep   Balance brought forward                                             1,204.18
02 Sep   CARD PAYMENT TESCO EXPRESS                      14.85               1,189.33
02 Sep   TFL TRAVEL CH                                    7.40               1,181.93
03 Sep   DD THAMES WATER                                 38.00               1,143.93
05 Sep   FPI CHIDI OKEKE ref FOOTBALL SUBS                           20.00    1,163.93
06 Sep   SO L ADEBAYO ref RENT SEPT                     650.00                 513.93
13 Sep   CARD PAYMENT PRET A MANGER                       6.95                 506.98
20 Sep   BGC HARTWELL & ROSS LLP SALARY                          2,486.31    2,993.29
24 Sep   CARD PAYMENT DELIVEROO                          23.49               2,969.80
27 Sep   DD VODAFONE LTD a/c 7781029934                  32.00               2,937.80
30 Sep   Balance carried forward                                             2,937.80

Arranged overdraft limit 500.00.
Northgate Building Society is authorised by the Prudential Regulation Authority and
regulated by the Financial Conduct Authority and the Prudential Regulation Authority.
""", {
    "organization": ["Northgate Building Society", "TESCO EXPRESS", "TFL", "THAMES WATER", "PRET A MANGER",
                     "HARTWELL & ROSS LLP", "DELIVEROO", "VODAFONE LTD", "Prudential Regulation Authority",
                     "Financial Conduct Authority"],
    "date": ["01 Sep 2024", "30 Sep 2024", "01 Sep", "02 Sep", "03 Sep", "05 Sep", "06 Sep", "13 Sep", "20 Sep",
             "24 Sep", "27 Sep", "30 Sep"],
    "person": ["O Adebayo-Clarke", "CHIDI OKEKE", "L ADEBAYO"],
    "street address": ["Flat 14, Kestrel House", "88 Whitechapel Road", "London", "E1 1JQ"],
    "routing number": ["40-17-62"],
    "bank account number": ["31926819"],
    "iban": ["GB57 NGBS 4017 6231 9268 19"],
    "swift code": ["NGBSGB21"],
    "account number": ["7781029934"],
})

doc("fin-003", "bank statement", """
GODAVARI URBAN CO-OPERATIVE BANK LTD.
Statement of Account

A/c Holder   : PRIYANKA SHARMA
Address      : 302, Sai Residency, Plot 17, Sector 21, Kharghar, Navi Mumbai - 410210
Mobile       : +91 99300 41872
Email        : priyanka.sharma88@example.com
A/c No       : 50100348827716        Type: SAVINGS - REGULAR
IFSC         : GUCB0000214
Customer ID  : 88120473
Period       : 01-Nov-2024 to 30-Nov-2024

Date      Narration                                        Ref No          Debit      Credit       Balance
01/11/24  OPENING BALANCE                                                                        48,210.55
03/11/24  UPI/DR/430812556671/ZOMATO/Payment               430812556671    412.00                47,798.55
05/11/24  NEFT CR-HDFC0001187-ZENITH SOFTLABS PVT LTD-SALARY N305241187330         1,12,500.00   1,60,298.55
07/11/24  ACH D- BAJAJ FINANCE LTD EMI LAN 4P1CD88213770   ACHDR0711    14,380.00               1,45,918.55
12/11/24  IMPS/P2P/431612009877/RAHUL VERMA/rent           431612009877 22,000.00               1,23,918.55
15/11/24  ATM WDL CASH SELF                                ATM9921       5,000.00               1,18,918.55
19/11/24  POS 4591XXXXXXXX2207 BIG BAZAAR                  POS1187       3,218.60               1,15,699.95
28/11/24  INT.PD:01-11-2024 TO 30-11-2024                                              322.40   1,16,022.35

Closing Balance : 1,16,022.35
*This is a computer generated statement and does not require a signature.
""", {
    "organization": ["GODAVARI URBAN CO-OPERATIVE BANK LTD.", "ZOMATO", "ZENITH SOFTLABS PVT LTD", "BAJAJ FINANCE LTD",
                     "BIG BAZAAR"],
    "person": ["PRIYANKA SHARMA", "RAHUL VERMA"],
    "street address": ["302, Sai Residency, Plot 17, Sector 21, Kharghar, Navi Mumbai - 410210"],
    "phone number": ["+91 99300 41872"],
    "email address": ["priyanka.sharma88@example.com"],
    "bank account number": ["50100348827716"],
    "routing number": ["GUCB0000214", "HDFC0001187"],
    "customer id": ["88120473"],
    "loan number": ["4P1CD88213770"],
    "date": ["01-Nov-2024", "30-Nov-2024", "01/11/24", "03/11/24", "05/11/24", "07/11/24", "12/11/24", "15/11/24",
             "19/11/24", "28/11/24", "01-11-2024", "30-11-2024"],
    "credit card number": ["4591XXXXXXXX2207"],
})

doc("fin-004", "bank statement", """
Meridian Federal Bank
MERIDIAN REWARDS VISA SIGNATURE                     Statement Closing Date   02/14/2025
Account ending in 8210                              Payment Due Date         03/11/2025
                                                    New Balance              $1,317.44
ALEJANDRA M FIGUEROA-CHEN                           Minimum Payment Due      $40.00
PO BOX 1928
SANTA FE NM 87504-1928

TRANSACTIONS
Trans   Post    Description                                      Amount
01/16   01/17   SOUTHWEST AIR 5262418830071 DALLAS TX            412.96
01/18   01/18   SQ *CAFE LOS ALAMITOS SANTA FE NM                 38.20
01/22   01/23   SMITHS FOOD #4471 SANTA FE NM                    126.51
01/25   01/27   REI CO-OP #0011 SEATTLE WA                        64.99
02/01   02/01   PAYMENT - THANK YOU                             -900.00
02/03   02/04   ZIA GAS & GO ALBUQUERQUE NM                       51.17
02/09   02/10   ABQ BASEBALL CLUB TIX ALBUQUERQUE NM              88.00

Rewards: 1,742 pts earned this period. Redeem at meridianfederal.example.com/rewards

- - - - - - - - - - - - - detach and return with payment - - - - - - - - - - - - -
Account Number   5200 8282 8282 8210        Amount Enclosed $__________
ALEJANDRA M FIGUEROA-CHEN  -  Make check payable to Meridian Federal Bank
Mail to: Meridian Card Services, PO Box 660421, Dallas TX 75266-0421
""", {
    "organization": ["Meridian Federal Bank", "SOUTHWEST AIR", "CAFE LOS ALAMITOS", "SMITHS FOOD", "REI CO-OP",
                     "ZIA GAS & GO", "ABQ BASEBALL CLUB", "Meridian Card Services"],
    "date": ["02/14/2025", "03/11/2025", "01/16", "01/17", "01/18", "01/22", "01/23", "01/25", "01/27", "02/01",
             "02/03", "02/04", "02/09", "02/10"],
    "person": ["ALEJANDRA M FIGUEROA-CHEN"],
    "street address": ["PO BOX 1928", "SANTA FE NM 87504-1928", "PO Box 660421, Dallas TX 75266-0421"],
    "city": ["DALLAS", "SANTA FE", "SEATTLE", "ALBUQUERQUE"],
    "url": ["meridianfederal.example.com/rewards"],
    "credit card number": ["5200 8282 8282 8210"],
})

doc("fin-005", "loan application", """
UNIFORM RESIDENTIAL LOAN APPLICATION - borrower summary (exported from LOS, pls verify before submission)
Lender: Cedar Ridge Mortgage Co.  NMLS ID 418822
Loan #: CRM-2025-004417   Purpose: Purchase   Amount: $384,000   Term: 360 mo   Rate lock exp: 03/28/2025

SECTION 1: BORROWER INFORMATION
Name: Marcus Anthony Delacroix-Webb
SSN: 523-71-4409     DOB: 06/02/1986     Citizenship: U.S. Citizen
Marital status: Married     Dependents: 2 (ages 6 and 3)
Contact: cell (720) 555-0134, email m.delacroixwebb@example.net
Current address: 4471 Tennyson St, Unit 2, Denver, CO 80212  (rent, 3 yrs 4 mo, $2,150/mo)

Co-borrower: Simone Y. Delacroix-Webb   SSN 901-44-2817   DOB 11/17/1988
Email simone.dw@example.com

SECTION 1b: EMPLOYMENT
Borrower - Front Range Aerospace Components LLC, 12600 W Cedar Dr, Lakewood, CO 80228
  Quality Engineer II, start date 08/15/2019, base $8,750/mo, HR verification (303) 555-0160
Co-borrower - self-employed, Simone Delacroix Design Studio (sole prop), EIN 84-3319027
  Schedule C avg $4,210/mo over 2 yrs

SECTION 2: ASSETS & LIABILITIES
Checking   Alpine Summit Bank   acct 2209 4471 836   bal $18,422.10
Savings    Alpine Summit Bank   acct 2209 4471 905   bal $61,050.00
401(k)     Keystone Retirement Services   acct 77-0048213   vested $94,800
Auto loan  Rocky Mountain Auto Finance   acct #RMAF-662019   bal $14,380   pmt $412/mo
Student loan  servicer acct 9001882734   bal $22,600   pmt $248/mo

SECTION 3: REAL ESTATE OWNED: none

SECTION 4: LOAN & PROPERTY
Subject property: 2816 S Kearney St, Denver, CO 80222
Purchase price $480,000   Down payment $96,000 (incl. gift $10,000 from parent Loretta Webb -
gift letter pending)

Declarations: all "No" except B (will occupy as primary residence).

SECTION 5: MILITARY SERVICE
Borrower: none. Co-borrower: none.

SECTION 6: HOUSING COUNSELING / HOMEBUYER EDUCATION
Both borrowers completed homebuyer education online 01/18/2025 (certificate uploaded).

CONDITIONS OUTSTANDING (from initial UW review):
 - 2 most recent paystubs for borrower (have one, dated 02/28/2025)
 - 2023 and 2024 personal and business tax returns, signed, for co-borrower
 - explanation letter for credit inquiry by Rocky Mountain Auto Finance in Nov
 - large deposit of $6,500 into savings on 02/03/2025 - source?
 - homeowners insurance binder for subject property

LO notes: borrower's prior address 2019-2022 was 1180 Pearl St Apt 9, Boulder CO 80302 - need
VOR for that period. Co-borrower's DL (CO 14-228-9931) expires 04/2025, get an updated copy
before CTC.
Loan Officer: Priya Natarajan   NMLS# 1844017   priya.natarajan@cedarridgemortgage.example.com
""", {
    "organization": ["Cedar Ridge Mortgage Co.", "Front Range Aerospace Components LLC", "Simone Delacroix Design Studio",
                     "Alpine Summit Bank", "Keystone Retirement Services", "Rocky Mountain Auto Finance"],
    "license number": ["418822", "1844017", "14-228-9931"],
    "loan number": ["CRM-2025-004417", "RMAF-662019", "9001882734"],
    "date": ["03/28/2025", "08/15/2019", "04/2025", "01/18/2025", "02/28/2025", "02/03/2025"],
    "person": ["Marcus Anthony Delacroix-Webb", "Simone Y. Delacroix-Webb", "Loretta Webb", "Priya Natarajan"],
    "social security number": ["523-71-4409", "901-44-2817"],
    "date of birth": ["06/02/1986", "11/17/1988"],
    "age": [M("6", 0), M("3", 0)],
    "phone number": ["(720) 555-0134", "(303) 555-0160"],
    "email address": ["m.delacroixwebb@example.net", "simone.dw@example.com",
                      "priya.natarajan@cedarridgemortgage.example.com"],
    "street address": ["4471 Tennyson St, Unit 2, Denver, CO 80212", "12600 W Cedar Dr, Lakewood, CO 80228",
                       "2816 S Kearney St, Denver, CO 80222", "1180 Pearl St Apt 9, Boulder CO 80302"],
    "tax identification number": ["84-3319027"],
    "bank account number": ["2209 4471 836", "2209 4471 905"],
    "account number": ["77-0048213"],
})

doc("fin-006", "loan application", """
DEALER CREDIT APPLICATION - Sunbelt Toyota of Mesa          Deal # 55821
Submitted to: Desert Sky Federal Credit Union via dealer portal, 01/09/2025 3:47 PM

APPLICANT
Name   Ramirez-Tso, Isabella Quynh      DOB 09/23/1999      SSN ***-**-6620
Home   1655 E Broadway Rd Lot 112, Mesa AZ 85204   Time at res: 1y 8m   Rent $1,050
Cell   480.555.0111      Email  bella.rtso@example.com
DL#    D09817465 (AZ)   exp 09/23/2031
Employer  Saguaro Valley Medical Center - Patient Care Tech, 2y 3m, $3,460/mo gross
          work ph 480-555-0182

VEHICLE
2022 Toyota Corolla LE   VIN 2T1BURHE4NC718833   Stock# P4471   Odometer 28,412
Cash price $21,995   Down $2,500
Trade: 2012 Honda Civic, VIN 19XFB2F59CE304117, plate AZ CJW-8841, owned outright
Amt financed $21,187.44   Term 72   APR requested 9.49%

REFERENCES
1. Teodoro Ramirez (father)   602-555-0193
2. Keisha Lomax (coworker)    480-555-0126

Co-applicant: none
Applicant consents to credit inquiry - e-signed 01/09/2025 15:52
""", {
    "organization": ["Sunbelt Toyota of Mesa", "Desert Sky Federal Credit Union", "Saguaro Valley Medical Center"],
    "date": ["01/09/2025", "09/23/2031"],
    "person": ["Ramirez-Tso, Isabella Quynh", "Teodoro Ramirez", "Keisha Lomax"],
    "date of birth": ["09/23/1999"],
    "social security number": ["***-**-6620"],
    "street address": ["1655 E Broadway Rd Lot 112, Mesa AZ 85204"],
    "phone number": ["480.555.0111", "480-555-0182", "602-555-0193", "480-555-0126"],
    "email address": ["bella.rtso@example.com"],
    "license number": ["D09817465"],
    "vehicle identifier": ["2T1BURHE4NC718833", "19XFB2F59CE304117", "CJW-8841"],
})

doc("fin-007", "loan application", """
From: Nguyen Thi Lan <lan@phohanoikitchen.example.com>
Sent: Thursday, May 8, 2025 11:02 PM
To: smallbusiness@harborline.example.com
Subject: RE: 7(a) loan application - Pho Ha Noi Kitchen LLC - missing items

Hi Mr. Castillo,

sorry for late reply, restaurant was very busy this week. Here is the info you asked:

- Business legal name: Pho Ha Noi Kitchen LLC (dba "Pho Ha Noi")
- EIN: 87-2246190
- Business address: 3015 Bellaire Blvd, Ste 108, Houston TX 77036
- Owners: me (Lan Thi Nguyen, 60%) and my brother Minh Van Nguyen (40%)
- My SSN 626-48-1173, Minh SSN 644-21-9058
- My home: 11422 Sandstone St, Houston TX 77072
- Requested amount $150,000 for kitchen equipment + 2nd location buildout
- Existing debt: equipment loan with Bayou City Capital, loan no. BCC-EQ-20931, balance about
  $38,000

Business checking is at Harborline Bank, acct 7710 2298 4413, so you can see the deposits
already.

I will upload 2023 and 2024 tax returns tonight to the portal link you sent
(https://portal.harborline.example.com/upload/c/8812XQ). Minh is travelling to Da Nang until
May 20, he will sign the personal guarantee when he is back.

Thank you!!
Lan
Phở Hà Nội Kitchen | 713-555-0148
""", {
    "person": ["Nguyen Thi Lan", "Castillo", "Lan Thi Nguyen", "Minh Van Nguyen", "Minh", "Lan"],
    "email address": ["lan@phohanoikitchen.example.com", "smallbusiness@harborline.example.com"],
    "date": ["Thursday, May 8, 2025", "May 20"],
    "organization": ["Pho Ha Noi Kitchen LLC", "Pho Ha Noi", "Bayou City Capital", "Harborline Bank",
                     "Phở Hà Nội Kitchen"],
    "tax identification number": ["87-2246190"],
    "street address": ["3015 Bellaire Blvd, Ste 108, Houston TX 77036", "11422 Sandstone St, Houston TX 77072"],
    "social security number": ["626-48-1173", "644-21-9058"],
    "loan number": ["BCC-EQ-20931"],
    "bank account number": ["7710 2298 4413"],
    "url": ["https://portal.harborline.example.com/upload/c/8812XQ"],
    "city": ["Da Nang"],
    "phone number": ["713-555-0148"],
})

doc("fin-008", "loan application", """
Online application ref APP-77120-K   submitted 14/03/2025 08:12   from IP 203.0.113.47

Product: Personal Loan | Amount: 7,500 GBP | Term: 48 months | Purpose: Car purchase
Title: Ms   First name: chloe   Surname: Brannigan-Oduya
Date of birth: 27 / 07 / 1994
Email: chloe.b.oduya@example.co.uk   Mobile: 07700 900 517
Residential status: Tenant (private)   Time at address: 1 yr 3 mths
Current address: 12b Albion Terrace, Brighton, BN2 9NA
Previous address: 3 Marlowe Close, Crawley, RH10 6PG  (6 yrs)
Employment: Full time - Senior Pharmacy Technician, Downland Community Health NHS Trust,
since 09/2020
Gross annual income: 31,400   Other income: none
Monthly rent share: 725   Dependants: 0
Existing credit: credit card with Halstead Bank (limit 2,000), no other loans
Bank: Halstead Bank   sort code 20-91-43   acct 61829044   (account held 8 yrs)
Purpose notes (free text): "need to replace my car, the old fiesta failed its MOT big time
lol. looking at a used one from a dealer in hove around 6-7k. would like to keep monthly
under 200 if poss"
Marketing consent: No
Declaration accepted: yes   Signature (typed): chloe brannigan-oduya
""", {
    "date": ["14/03/2025", "09/2020"],
    "ip address": ["203.0.113.47"],
    "person": ["chloe", "Brannigan-Oduya", "chloe brannigan-oduya"],
    "date of birth": ["27 / 07 / 1994"],
    "email address": ["chloe.b.oduya@example.co.uk"],
    "phone number": ["07700 900 517"],
    "street address": ["12b Albion Terrace, Brighton, BN2 9NA", "3 Marlowe Close, Crawley, RH10 6PG"],
    "organization": ["Downland Community Health NHS Trust", "Halstead Bank"],
    "routing number": ["20-91-43"],
    "bank account number": ["61829044"],
    "city": ["hove"],
})

doc("fin-009", "kyc form", """
NEW ACCOUNT FORM - INDIVIDUAL  (Customer Identification Program)
Bluewater Securities LLC

1. Account owner
   Legal name: Harrison Oluwadamilare Pike   (goes by "Harry")
   DOB: 1971-02-08   SSN/TIN: 478-29-5516   Citizenship: US
   Residential address (no PO boxes): 77 Orchard Hill Rd, Glastonbury, CT 06033
   Mailing address: same
   Home phone: 860-555-0121   Mobile: 860-555-0178   Email: hpike71@example.com

2. Identification
   ID type: Driver license   Number: 109448721   State: CT
   Issued: 05/14/2021   Expires: 02/08/2027
   Verified by: R. Castellano, branch 0412, in person 10/02/2024

3. Employment
   Status: Employed   Employer: Hartwell Insurance Group   Occupation: Actuary
   Employer address: 1 State Street Plaza, 9th Fl, Hartford, CT 06103
   Affiliated with a broker-dealer? No   Senior officer / 10% shareholder of a public co.? No

4. Financial profile
   Annual income: $250k-$500k   Net worth (excl. home): $1M-$2.5M
   Investment objective: Growth   Risk tolerance: Moderate   Time horizon: 10+ yrs

5. Trusted contact person
   Name: Evelyn Pike-Morrow (sister)   Phone: +1 (413) 555-0155

6. Funding
   ACATS transfer from account 6620-1183 at another firm; initial ACH from Pioneer Valley
   Bank, routing 211072270, acct 004418290012

Account no. assigned: BWS-5512-8830
""", {
    "organization": ["Bluewater Securities LLC", "Hartwell Insurance Group", "Pioneer Valley\n   Bank"],
    "person": ["Harrison Oluwadamilare Pike", "Harry", "R. Castellano", "Evelyn Pike-Morrow"],
    "date of birth": ["1971-02-08"],
    "social security number": ["478-29-5516"],
    "street address": ["77 Orchard Hill Rd, Glastonbury, CT 06033", "1 State Street Plaza, 9th Fl, Hartford, CT 06103"],
    "phone number": ["860-555-0121", "860-555-0178", "+1 (413) 555-0155"],
    "email address": ["hpike71@example.com"],
    "license number": ["109448721"],
    "date": ["05/14/2021", "02/08/2027", "10/02/2024"],
    "account number": ["6620-1183", "BWS-5512-8830"],
    "routing number": ["211072270"],
    "bank account number": ["004418290012"],
})

doc("fin-010", "kyc form", """
KYC REVIEW - Tier 2 upgrade                      Case: KYC-2025-0418-0093
Platform: Lumenbit Exchange (Lumenbit Technologies OÜ)
User ID: LB-U-00738214        Registered email: zhao.wenjing.91@example.com
Declared name: ZHAO Wenjing (赵文静)
DOB: 1991-12-03   Nationality: CN, resident in Canada
Address: 1203-8888 Odlin Cres, Richmond BC V6X 3Z8
Phone: +1 604 555 0112
ID doc: BC Driver's Licence 7719043, exp 2028-12-03 - selfie liveness PASS (score 0.97)
Proof of address: utility bill (BC Hydro, acct 0489 2271 0034) dated 2025-03-21, name +
address match.

Source of funds: "salary + sold condo in Shanghai 2023". Employer declared: Pacific Rim
Logistics Inc., Vancouver.
Expected activity: 20k-50k CAD/month deposits, BTC & ETH.

Withdrawal whitelist:
 BTC  bc1q8r4j0m3xk2v5e7d9wzq6h0lfs3yup4cn72tgde
 ETH  0x7aE3c91F04b2D8e55c0A19F3e6B2d4C81f09aB3e

Login history (last 4):
 2025-04-16 22:41 UTC  IP 24.85.190.12     Richmond, CA   mobile app 4.12
 2025-04-17 02:13 UTC  IP 24.85.190.12     Richmond, CA
 2025-04-17 14:09 UTC  IP 185.220.101.34   DE (Tor exit)  <-- flagged
 2025-04-18 01:55 UTC  IP 2001:569:7c1e:4a00:9d2:1f3b:e41:77c0   Richmond, CA

Analyst note: one login from a Tor exit node, user says she was testing a VPN. No sanctions /
PEP hits. Recommend APPROVE with enhanced monitoring 90d. -- reviewed by D. Kaur, 2025-04-18
""", {
    "organization": ["Lumenbit Exchange", "Lumenbit Technologies OÜ", "BC Hydro", "Pacific Rim\nLogistics Inc."],
    "customer id": ["LB-U-00738214"],
    "email address": ["zhao.wenjing.91@example.com"],
    "person": ["ZHAO Wenjing", "赵文静", "D. Kaur"],
    "date of birth": ["1991-12-03"],
    "street address": ["1203-8888 Odlin Cres, Richmond BC V6X 3Z8"],
    "phone number": ["+1 604 555 0112"],
    "license number": ["7719043"],
    "date": ["2028-12-03", "2025-03-21", "2025-04-16", "2025-04-17", "2025-04-18"],
    "account number": ["0489 2271 0034"],
    "city": ["Shanghai", "Vancouver", "Richmond"],
    "crypto wallet address": ["bc1q8r4j0m3xk2v5e7d9wzq6h0lfs3yup4cn72tgde", "0x7aE3c91F04b2D8e55c0A19F3e6B2d4C81f09aB3e"],
    "ip address": ["24.85.190.12", "185.220.101.34", "2001:569:7c1e:4a00:9d2:1f3b:e41:77c0"],
})

doc("fin-011", "kyc form", """
CORPORATE CLIENT ONBOARDING - KYB checklist (internal)          RM: Tomasz Wiśniewski
Client: Ferncastle Renewables Ltd
Registered office: Unit 4, Tannery Yard, 22 Canal Street, Manchester M1 3HE
Trading address: as above
VAT reg no: GB 318 4470 26        Corporation tax UTR: 7730418852
Website: https://ferncastle-renewables.example.co.uk
Nature of business: installation of commercial solar PV and battery storage (SIC 43210)

Directors / UBOs (>25%):
 - Jonathan Ashworth-Reyes, director, 50%, DOB 12/1979 (month/year only on register)
   resid. address 9 Lytham Road, Didsbury, Manchester M20 2PQ - verified via e-ID
 - Anjali Ferncastle, director, 50%, DOB Mar 1983
   resid. address 14 The Crescent, Altrincham WA14 2UE - verified, cert. passport copy on file
 - Nils Haugen, company secretary (no shareholding)

Main overseas supplier (expected outbound payments):
 Nordvik Solar AS   IBAN NO93 8601 1117 947   BIC NDVKNOK2
Expected turnover 2.4m p.a.; FX payments EUR/NOK monthly.

Checks: sanctions clear 03/02/2025; adverse media 1 hit (planning dispute with the local
council, 2021) - not material. Risk rating: LOW.
Onboarding contact: accounts@ferncastle-renewables.example.co.uk / 0161 555 0193
""", {
    "person": ["Tomasz Wiśniewski", "Jonathan Ashworth-Reyes", "Anjali Ferncastle", "Nils Haugen"],
    "organization": ["Ferncastle Renewables Ltd", "Nordvik Solar AS"],
    "street address": ["Unit 4, Tannery Yard, 22 Canal Street, Manchester M1 3HE",
                       "9 Lytham Road, Didsbury, Manchester M20 2PQ", "14 The Crescent, Altrincham WA14 2UE"],
    "tax identification number": ["GB 318 4470 26", "7730418852"],
    "url": ["https://ferncastle-renewables.example.co.uk"],
    "date of birth": ["12/1979", "Mar 1983"],
    "iban": ["NO93 8601 1117 947"],
    "swift code": ["NDVKNOK2"],
    "date": ["03/02/2025"],
    "email address": ["accounts@ferncastle-renewables.example.co.uk"],
    "phone number": ["0161 555 0193"],
})

doc("fin-012", "kyc form", """
CUSTOMER INFORMATION FORM (CIF) - INDIVIDUAL                    Form No. 0048817
1. Name (as per PAN): MOHAMMED IRFAN SHAIKH
2. Father's / Spouse name: ABDUL RASHEED SHAIKH
3. Date of Birth: 17/10/1987        Gender: M     Marital status: Married
4. PAN: BXQPS4471K
5. Officially Valid Document: Driving Licence No. TN02 20150004412 (valid till 16/10/2035)
6. Address (permanent): No. 14/2, 3rd Main Road, Shenoy Nagar, Chennai - 600030
   Address (correspondence): same as above
7. Mobile: +91 94440 31872     Email: irfan.shaikh87@example.com
8. Occupation: Salaried, Coromandel Auto Parts Pvt Ltd (Asst. Manager - Purchase)
   Gross annual income: 10-25 lakh
9. Nominee: AYESHA IRFAN (wife), DOB 02/06/1990
10. Existing relationship with bank? No
11. FATCA/CRS: Tax resident of India only - Yes
Declaration: I hereby declare that the details furnished above are true and correct to the
best of my knowledge and I undertake to inform the bank of any change therein.
Place: Chennai        Date: 22/01/2025        Signature: [signed] M.I. Shaikh
For Bank Use: Customer ID allotted 30917745   KYC verified by S. Lakshmi
""", {
    "person": ["MOHAMMED IRFAN SHAIKH", "ABDUL RASHEED SHAIKH", "AYESHA IRFAN", "M.I. Shaikh", "S. Lakshmi"],
    "date of birth": ["17/10/1987", "02/06/1990"],
    "tax identification number": ["BXQPS4471K"],
    "license number": ["TN02 20150004412"],
    "date": ["16/10/2035", "22/01/2025"],
    "street address": ["No. 14/2, 3rd Main Road, Shenoy Nagar, Chennai - 600030"],
    "phone number": ["+91 94440 31872"],
    "email address": ["irfan.shaikh87@example.com"],
    "organization": ["Coromandel Auto Parts Pvt Ltd"],
    "city": ["Chennai"],
    "customer id": ["30917745"],
})

doc("fin-013", "wire transfer", """
From: Karen Whitlock <kwhitlock@ashgrove-dental.example.com>
Sent: Monday, 3 March 2025 09:14
To: Accounts Payable <ap@ashgrove-dental.example.com>
Subject: FW: URGENT - updated bank details for invoice 88213

Hi Danny,

Please see below from Orbis Dental Supply - they've changed banks. Can you set up the new
details and pay the outstanding invoice today? It's overdue and they're threatening to stop
deliveries.

Thanks
Karen

Karen Whitlock | Practice Manager
Ashgrove Dental Group
Tel: +44 (0)20 7946 0321

-----Original Message-----
From: Orbis Dental Supply - Accounts <accounts@orbis-dentalsupply.example.net>
Sent: 28 February 2025 17:52
To: Karen Whitlock
Subject: URGENT - updated bank details for invoice 88213

Dear Customer,

Due to an ongoing audit our previous account at Barclays is temporarily suspended. Kindly
remit all payments to our new account below with immediate effect:

Beneficiary: Orbis Dental Supply Ltd
Bank: Rheinland Handelsbank AG, Köln
IBAN: DE66 1002 0030 0044 1882 2731
BIC/SWIFT: RHHBDEFFXXX
Reference: INV-88213 / ASHGROVE   (your customer no. ORB-C-00417)

Please confirm once payment is sent and send the remittance advice to this email. Do not use
the old account details.

Regards,
Accounts Department
Orbis Dental Supply Ltd
""", {
    "person": ["Karen Whitlock", "Danny", "Karen"],
    "email address": ["kwhitlock@ashgrove-dental.example.com", "ap@ashgrove-dental.example.com",
                      "accounts@orbis-dentalsupply.example.net"],
    "date": ["Monday, 3 March 2025", "28 February 2025"],
    "organization": ["Orbis Dental Supply", "Orbis Dental Supply Ltd", "Ashgrove Dental Group", "Barclays",
                     "Rheinland Handelsbank AG", "ASHGROVE"],
    "phone number": ["+44 (0)20 7946 0321"],
    "city": ["Köln"],
    "iban": ["DE66 1002 0030 0044 1882 2731"],
    "swift code": ["RHHBDEFFXXX"],
    "customer id": ["ORB-C-00417"],
})

doc("fin-014", "wire transfer", """
OUTGOING INTERNATIONAL WIRE - CONFIRMATION
Pacific Northwest Bank - Wire Operations - 206-555-0130

Confirmation #: OW-250418-00731          Status: RELEASED 04/18/2025 10:22 PT
UETR: 6f1c2a9e-4b7d-4e21-9c3a-0d5e8f7b2a61

ORIGINATOR
  Name:     Jonas Eklund-Mwangi
  Account:  8830041172 (Personal Checking)
  Address:  2207 NE 65th St Apt 310, Seattle WA 98115

BENEFICIARY
  Name:     Abernethy & Cole Solicitors LLP (client account)
  IBAN:     GB19 MIDL 4005 1279 3144 55
  Address:  14 Caversham Place, London N7 8QR
BENEFICIARY BANK
  HSBC UK Bank plc, London        SWIFT/BIC: MIDLGB22
INTERMEDIARY: none

Amount: USD 48,250.00   Rate 0.7541   GBP 36,385.33   Fee USD 45.00 (OUR)
Remittance info: "Completion funds - purchase of Flat 3, 41 Ellerton Road, London SW18 3NR -
buyer J Eklund-Mwangi - your ref AC/CONV/2291"

Requested by phone by the client on 04/17/2025 and verified by callback to the number on file,
(206) 555-0184, by L. Fontaine.
""", {
    "organization": ["Pacific Northwest Bank", "Abernethy & Cole Solicitors LLP", "HSBC UK Bank plc"],
    "phone number": ["206-555-0130", "(206) 555-0184"],
    "date": ["04/18/2025", "04/17/2025"],
    "person": ["Jonas Eklund-Mwangi", "J Eklund-Mwangi", "L. Fontaine"],
    "bank account number": ["8830041172"],
    "street address": ["2207 NE 65th St Apt 310, Seattle WA 98115", "14 Caversham Place, London N7 8QR",
                       "Flat 3, 41 Ellerton Road, London SW18 3NR"],
    "iban": ["GB19 MIDL 4005 1279 3144 55"],
    "city": ["London"],
    "swift code": ["MIDLGB22"],
})

doc("fin-015", "wire transfer", """
OUTGOING WIRE TRANSFER REQUEST (domestic / international)              Form WT-02 rev. 7
Complete in BLUE or BLACK ink. Incomplete requests will not be processed.

ORIGINATOR
Account name: ______________________   Account number: ______________________
Daytime phone (for callback): ______________________

BENEFICIARY
Name: ______________________   Address: ________________________________________
Account no. / IBAN: ______________________
Bank name: ______________________
ABA routing no. (domestic): ___________   SWIFT/BIC (international): ___________
Intermediary bank (if required): ______________________

Amount (figures): ____________   Currency: [ ] USD  [ ] EUR  [ ] GBP  [ ] other ____
Purpose of payment (required for international wires): ______________________

Cut-off: domestic wires received after 4:00 pm ET and international wires after 2:00 pm ET
are processed the next business day. Fees: domestic $25, international $45 (beneficiary bank
charges may also apply).
IMPORTANT: we will call you back on the number we hold on file before releasing any wire over
$10,000 or any wire to a new beneficiary. We will never ask you to change payment details by
email.

Customer signature: ______________   Date: ________
For bank use: Verified by ______   Callback time ______   Approver ______
""")

doc("fin-016", "wire transfer", """
From: Closing Team <closings@summitviewtitle.example.com>
To: aisha.bennett-cole@example.com; marco.cole@example.com
Cc: Ted Varga <tvarga@lakeshorerealty.example.com>
Date: Tue, Jun 10, 2025 at 4:31 PM
Subject: Wiring Instructions - 618 Larkspur Ln, Naperville IL 60540 - File #ST-25-11873

Hi Aisha and Marco,

Congratulations, you're scheduled to close on Friday 6/13 at 10am at our Naperville office
(1900 Springbrook Square Dr, Suite 120, Naperville IL 60564).

Your cash to close is $86,412.57 (see attached Closing Disclosure). Funds must be received by
12:00 pm the day before closing. Please wire to our escrow account:

  Bank: Lakeland Commerce Bank, Chicago IL
  ABA Routing #: 071000518
  Account #: 4402119837
  Account name: Summit View Title LLC - Escrow
  Reference: ST-25-11873 / Bennett-Cole

!!! BEFORE SENDING, CALL US to verify these instructions at 630-555-0144 (the number on our
website, not one in an email). We will NEVER email you changed wiring instructions. !!!

Thanks,
Renée Dubois, Escrow Officer
Summit View Title LLC | summitviewtitle.example.com

---
From: Aisha Bennett-Cole <aisha.bennett-cole@example.com>
Date: Tue, Jun 10, 2025 at 5:02 PM

Thanks Renée! Calling you now to confirm. Marco is sending his part from Prairie State Bank
(acct ending 0093) and I'll cover the rest from our joint savings.
""", {
    "email address": ["closings@summitviewtitle.example.com", "aisha.bennett-cole@example.com",
                      "marco.cole@example.com", "tvarga@lakeshorerealty.example.com"],
    "person": ["Ted Varga", "Aisha", "Marco", "Bennett-Cole", "Renée Dubois", "Aisha Bennett-Cole", "Renée"],
    "date": ["Tue, Jun 10, 2025", "Friday 6/13"],
    "street address": ["618 Larkspur Ln, Naperville IL 60540", "1900 Springbrook Square Dr, Suite 120, Naperville IL 60564"],
    "city": ["Naperville", "Chicago"],
    "organization": ["Lakeland Commerce Bank", "Summit View Title LLC", "Prairie State Bank"],
    "routing number": ["071000518"],
    "bank account number": ["4402119837"],
    "phone number": ["630-555-0144"],
    "url": ["summitviewtitle.example.com"],
})

doc("fin-017", "card dispute", """
Rosa Inés Villanueva
3920 Magnolia Blvd Apt 214
Burbank, CA 91505
(818) 555-0163

November 12, 2024

Castlerock Bank Card Services
Attn: Billing Disputes
P.O. Box 30285
Salt Lake City, UT 84130-0285

Re: Dispute of charges - Card number 4012 8888 8888 1881

To Whom It May Concern:

I am writing to dispute two charges on my Castlerock Platinum Mastercard statement dated
11/05/2024:

    10/19/2024   SUNNYSIDE FITNESS CLUB   $89.99
    10/26/2024   SUNNYSIDE FITNESS CLUB   $89.99

I cancelled my gym membership in person on September 28, 2024 and was given a cancellation
confirmation number (CX-77120) by the front desk manager, a man named Troy. I have attached
a copy of the confirmation email I received that same day. The club has kept billing my card
anyway.

I called the merchant at 818-555-0107 twice (Oct 22 and Oct 30) and was told "corporate
handles refunds", but corporate never called back.

Please remove these charges and any related finance charges, and block further charges from
this merchant. My member number with the gym was SFC-0048823 if that helps.

Sincerely,
Rosa I. Villanueva
""", {
    "person": ["Rosa Inés Villanueva", "Troy", "Rosa I. Villanueva"],
    "street address": ["3920 Magnolia Blvd Apt 214", "Burbank, CA 91505", "P.O. Box 30285",
                       "Salt Lake City, UT 84130-0285"],
    "phone number": ["(818) 555-0163", "818-555-0107"],
    "date": ["November 12, 2024", "11/05/2024", "10/19/2024", "10/26/2024", "September 28, 2024", "Oct 22", "Oct 30"],
    "organization": ["Castlerock Bank Card Services", "Castlerock", "SUNNYSIDE FITNESS CLUB"],
    "credit card number": ["4012 8888 8888 1881"],
    "customer id": ["SFC-0048823"],
})

doc("fin-018", "card dispute", """
[Dispute submitted via online banking]
Submission ID: DSP-4481920   Channel: mobile app 7.3.1 (Android)
Session IP: 2600:1700:5a30:8e10::4c   Timestamp: 2025-02-02 19:48:11 CST

Cardholder: Brandon T. Okeke-Larsen        Customer #: 11847730
Card: debit  XXXX XXXX XXXX 7391
Transaction: 01/29/2025   $642.18   "ELECTRO DEPOT ONLINE 888-555-0190 MN"
Reason selected: Merchandise/services not received

Customer statement (free text):
"ordered a 55in tv on jan 21 from electrodepot, tracking said deliverd on 1/28 but nothing
came. my building has a locked lobby and cameras, building mgr (Sandra) checked the footage and
no delivery. contacted seller on chat 1/29 and 1/31, they say 'we will investigate' 7-10 biz
days. i want my money back. order # ED-7719-44821"

Contact preference: text to 612-555-0139
Delivery address on order: 1215 Marquette Ave Apt 1807, Minneapolis MN 55403
AVS at authorization: street + ZIP match (55403)
Provisional credit eligible: Y (Reg E)
""", {
    "ip address": ["2600:1700:5a30:8e10::4c"],
    "date": ["2025-02-02", "01/29/2025", "jan 21", "1/28", "1/29", "1/31"],
    "person": ["Brandon T. Okeke-Larsen", "Sandra"],
    "customer id": ["11847730"],
    "credit card number": ["XXXX XXXX XXXX 7391"],
    "organization": ["ELECTRO DEPOT", "electrodepot"],
    "phone number": ["888-555-0190", "612-555-0139"],
    "street address": ["1215 Marquette Ave Apt 1807, Minneapolis MN 55403"],
    "zip code": ["55403"],
})

doc("fin-019", "card dispute", """
From: tash.kowalski@example.com.au
To: disputes@wattlebank.example.com.au
Date: Sat, 19 Oct 2024 8:02 pm AEDT
Subject: unauthorised transactions?? pls help

Hi there,

i just checked my app and theres 3 transactions on my credit card i did NOT make:

17/10   UBER *EATS SYDNEY        $46.20
17/10   JB HI-FI ONLINE          $1,899.00
18/10   VALVE STEAM PURCHASE     $120.00

card is a Wattle Bank Low Rate Visa 4000 0566 5566 5556, name on card NATASHA KOWALSKI. I
still have the card in my wallet so it must have been skimmed or something?? I used it at a
servo in Ballarat on Tuesday, maybe there.

I've locked the card in the app already. Can you cancel it and send a new one to my address:
7/22 Sturt St, Ballarat Central VIC 3350. My mobile is 0412 555 091 (also on file).

Also pls dont charge me the interest on the $1,899 - i'm not paying that.

Thanks
Tash (Natasha Kowalski)
Customer no 55-210-9984
""", {
    "email address": ["tash.kowalski@example.com.au", "disputes@wattlebank.example.com.au"],
    "date": ["Sat, 19 Oct 2024", "17/10", "18/10"],
    "organization": ["UBER", "JB HI-FI", "VALVE", "Wattle Bank"],
    "city": ["SYDNEY", "Ballarat"],
    "credit card number": ["4000 0566 5566 5556"],
    "person": ["NATASHA KOWALSKI", "Tash", "Natasha Kowalski"],
    "street address": ["7/22 Sturt St, Ballarat Central VIC 3350"],
    "phone number": ["0412 555 091"],
    "customer id": ["55-210-9984"],
})

doc("fin-020", "card dispute", """
Granite Peak Bank, N.A.
Card Dispute Resolution Department
PO Box 9011, Wilmington, DE 19899

January 6, 2025

MR. OLUWAFEMI ADEYEMI-STROUD
1440 W 8TH ST APT 5
ERIE PA 16502

Dispute case number: GPB-DSP-2024-118820
Card: Granite Peak Cash Back Mastercard ending in 5100

Dear Mr. Adeyemi-Stroud:

We have completed our review of your dispute regarding the transaction below:

   Transaction date: 11/30/2024
   Merchant: LAKEVIEW AUTO REPAIR LLC, ERIE PA
   Amount: $1,284.50

Based on the information provided by you and by the merchant, we have determined that the
charge was valid. The merchant provided a repair authorization signed by you on 11/28/2024
and an itemized invoice showing the work was completed on vehicle VIN 1FTEW1EP5JFA61234
(plate PA KXM-4410), which matches the vehicle you listed on your dispute form.

As a result, the provisional credit of $1,284.50 issued to your account on 12/09/2024 will be
reversed on your next statement (closing date 01/15/2025).

If you disagree with this decision, you may request copies of the documents we relied on by
calling 1-888-555-0172, Monday-Friday 8am-8pm ET, and referencing your case number.

Sincerely,

Denise M. Harper
Dispute Resolution Specialist
""", {
    "organization": ["Granite Peak Bank, N.A.", "Granite Peak", "LAKEVIEW AUTO REPAIR LLC"],
    "street address": ["PO Box 9011, Wilmington, DE 19899", "1440 W 8TH ST APT 5", "ERIE PA 16502"],
    "date": ["January 6, 2025", "11/30/2024", "11/28/2024", "12/09/2024", "01/15/2025"],
    "person": ["OLUWAFEMI ADEYEMI-STROUD", "Adeyemi-Stroud", "Denise M. Harper"],
    "city": ["ERIE"],
    "vehicle identifier": ["1FTEW1EP5JFA61234", "KXM-4410"],
    "phone number": ["1-888-555-0172"],
})

doc("fin-021", "payroll slip", """
EARNINGS STATEMENT
Tri-County Plumbing & Heating, Inc.          Pay date: 03/14/2025
4801 Industrial Blvd, Dayton, OH 45414         Period: 02/23/2025 - 03/08/2025
FEIN 31-1188472

Employee: Luis Alberto Quintanilla     Emp ID: 000417     Dept: Service
SSN: XXX-XX-4409
Address: 218 Wyoming St, Dayton, OH 45410
Filing status: MFJ

EARNINGS          Rate     Hours     Current        YTD
Regular          31.50     80.00    2,520.00   12,600.00
Overtime         47.25      6.50      307.13    1,181.25
On-call pay                            75.00      300.00
GROSS                               2,902.13   14,081.25

DEDUCTIONS                          Current        YTD
Federal income tax                   231.40   1,124.80
Social Security                      179.93     873.04
Medicare                              42.08     204.18
OH state tax                          71.12     345.60
Dayton city tax (2.5%)                72.55     352.03
401(k) 5%                            145.11     704.06
Dental (pre-tax)                      18.40      92.00
NET PAY                            2,141.54

DIRECT DEPOSIT
Miami Valley Federal Credit Union   RTN 242272803   Acct ****6620   2,141.54
""", {
    "organization": ["Tri-County Plumbing & Heating, Inc.", "Miami Valley Federal Credit Union"],
    "date": ["03/14/2025", "02/23/2025", "03/08/2025"],
    "street address": ["4801 Industrial Blvd, Dayton, OH 45414", "218 Wyoming St, Dayton, OH 45410"],
    "tax identification number": ["31-1188472"],
    "person": ["Luis Alberto Quintanilla"],
    "customer id": ["000417"],
    "social security number": ["XXX-XX-4409"],
    "city": ["Dayton"],
    "routing number": ["242272803"],
    "bank account number": ["****6620"],
})

doc("fin-022", "payroll slip", """
PAYSLIP                                          Greystone Logistics UK Ltd
Employee: Ms Priya D. Ramsaran                   Payroll no: GL-30881
Department: Warehouse - Night shift              Tax period: Month 11
Pay date: 28/02/2025                             Tax code: 1257L   NI cat: A

Payments                  Units     Rate       Amount
Basic pay                160.00    12.85     2,056.00
Night premium             64.00     1.90       121.60
Overtime x1.5             12.00    19.28       231.36
Holiday pay                7.50    12.85        96.38
Total gross                                 2,505.34

Deductions
PAYE income tax                                305.80
National Insurance                             126.32
Pension (employee 5%)                          111.59
Student loan (Plan 2)                           44.00
Total deductions                               587.71

NET PAY                                     1,917.63
Paid by BACS to: Kingsmere Bank   sort code 30-96-35   a/c ****5678

Year to date: Gross 26,910.44   Tax 3,211.40   NI 1,302.18   Pension 1,178.05

Employer: Greystone Logistics UK Ltd, Unit 7 Crossways Business Park, Dartford DA2 6QG
Employer PAYE ref: 475/GA81204
Queries: payroll@greystone-logistics.example.co.uk
""", {
    "organization": ["Greystone Logistics UK Ltd", "Kingsmere Bank"],
    "person": ["Priya D. Ramsaran"],
    "customer id": ["GL-30881"],
    "date": ["28/02/2025"],
    "routing number": ["30-96-35"],
    "bank account number": ["****5678"],
    "street address": ["Unit 7 Crossways Business Park, Dartford DA2 6QG"],
    "tax identification number": ["475/GA81204"],
    "email address": ["payroll@greystone-logistics.example.co.uk"],
})

doc("fin-023", "payroll slip", """
NILGIRI INFOTECH SOLUTIONS PVT. LTD.
#42, 2nd Floor, Brigade Signature Towers, Whitefield Main Road, Bengaluru - 560066
Salary Slip for the month of January 2025

Employee Name   : Karthik Subramanian        Employee Code : NIS-2207
Designation     : Senior Software Engineer   Department    : Cloud Platform
Date of Joining : 15-Jul-2019                Days Paid     : 31
PAN             : ATKPS6612M                 Location      : Bengaluru
Bank            : Malabar Coast Bank         A/c No.       : 1122 0045 8871 09
IFSC            : MCBL0004412

EARNINGS                 AMOUNT (INR)    DEDUCTIONS              AMOUNT (INR)
Basic                       62,500.00    Provident Fund              7,500.00
HRA                         31,250.00    Professional Tax              200.00
Special Allowance           38,940.00    Income Tax (TDS)           18,612.00
Conveyance                   1,600.00    Group Health Ins.             850.00
Medical Allowance            1,250.00
Total Earnings            1,35,540.00    Total Deductions           27,162.00

NET PAY : 1,08,378.00 (Rupees One Lakh Eight Thousand Three Hundred Seventy Eight Only)

This is a system generated payslip and does not require a signature.
""", {
    "organization": ["NILGIRI INFOTECH SOLUTIONS PVT. LTD.", "Malabar Coast Bank"],
    "street address": ["#42, 2nd Floor, Brigade Signature Towers, Whitefield Main Road, Bengaluru - 560066"],
    "date": ["January 2025", "15-Jul-2019"],
    "person": ["Karthik Subramanian"],
    "customer id": ["NIS-2207"],
    "tax identification number": ["ATKPS6612M"],
    "city": ["Bengaluru"],
    "bank account number": ["1122 0045 8871 09"],
    "routing number": ["MCBL0004412"],
})

doc("fin-024", "payroll slip", """
STATEMENT 0F EARNINGS AND DEDUCTI0NS
Boreal Timber Products Ltd.                       Employee # 20447

AMIRA HASSAN-LEBLANC
88 Aspen Ridge Cres
Fort McMurray AB T9K 0P3

Pay Period: 2025/01/06 - 2025/01/19     Cheque Date: 2025/01/24     Advice #: 0003318

Earnings        Hrs      Rate       Current        YTD
Regular        80.00     38.75     3,100.00    6,200.00
Shift Diff     40.00      2.25        90.00      180.00
Stat Holiday    -          -           0.00      310.00
Gr0ss                              3,190.00    6,690.00

Ded uctions
Fed Tax                              401.22      842.56
Prov Tax (AB)                        181.08      380.27
CPP                                  175.14      367.80
EI                                    52.63      110.52
Union Dues (Local 1-207)              47.85       95.70
RRSP (matched)                       127.60      255.20
Net Pay                            2,204.48    4,638.95

Deposited to acct 003-10482-5519220
""", {
    "organization": ["Boreal Timber Products Ltd."],
    "customer id": ["20447"],
    "person": ["AMIRA HASSAN-LEBLANC"],
    "street address": ["88 Aspen Ridge Cres", "Fort McMurray AB T9K 0P3"],
    "date": ["2025/01/06", "2025/01/19", "2025/01/24"],
    "bank account number": ["003-10482-5519220"],
})


# =====================================================================================
# General
# =====================================================================================

doc("gen-001", "email", """
From: Olumide Fashola <o.fashola@example.org>
To: Grace Whitcombe <grace@whitcombe-lettings.example.co.uk>
Date: Wed, 5 Feb 2025 22:47
Subject: Re: Re: boiler STILL not fixed - Flat 2, 19 Ashby Road

Hi Grace,

Sorry to chase again but we have now been without heating or hot water since Saturday. The
engineer from HeatWise came on Monday, said the part (a diverter valve?) needs ordering and
he'd "be back Wednesday". It's now Wednesday night and nobody has come or called. My partner
Will is working from home and it's 9 degrees in the living room.

Under our tenancy agreement (signed 14/08/2023) you're responsible for repairs to the heating.
I'm happy for the engineer to come any time tomorrow - just give him my number, 07700 900 942,
and the key safe code is the same as before. Or Will is on 07700 900 135.

If it's not sorted by Friday I'll have to contact Charnwood Borough Council's private housing
team, which I really don't want to do.

Thanks,
Olu

Flat 2, 19 Ashby Road, Loughborough LE11 3AA
""", {
    "person": ["Olumide Fashola", "Grace Whitcombe", "Grace", "Will", "Olu"],
    "email address": ["o.fashola@example.org", "grace@whitcombe-lettings.example.co.uk"],
    "date": ["Wed, 5 Feb 2025", "14/08/2023"],
    "street address": ["Flat 2, 19 Ashby Road", "Flat 2, 19 Ashby Road, Loughborough LE11 3AA"],
    "organization": ["HeatWise", "Charnwood Borough Council"],
    "phone number": ["07700 900 942", "07700 900 135"],
})

doc("gen-002", "email", """
Sooyeon - FYI, samples coming Tues. Can you make sure receiving at Secaucus logs them and
sends me photos? Gavin's cell is 201-555-0186 if they need to coordinate. thx
Ji-hoon

Ji-hoon Park | Purchasing Lead | Hanbit Foods USA
(201) 555-0110

---------- Forwarded message ---------
From: Beatriz Monteiro <b.monteiro@casaverde-imports.example.com>
Date: Fri, Mar 14, 2025 at 3:05 PM
Subject: Samples shipped + intro
To: Ji-hoon Park <jpark@hanbitfoods.example.com>

Dear Mr. Park,

As promised on the call, we shipped the olive oil and preserved lemon samples today via DHL
(AWB 7741 0928 3315) to your Secaucus warehouse, attention Ms. Rivera. They should arrive on
Tuesday.

I've also copied our US distributor contact, Gavin Ostrowski, who handles the Northeast
accounts - he'll be in touch about pricing tiers.

Best regards,

Beatriz Monteiro
Export Manager | Casa Verde Imports, Lda.
Rua do Almada 211, 4050-038 Porto, Portugal
T +351 22 555 0148 | M +351 912 555 073 | F +351 22 555 0149
www.casaverde-imports.example.com
""", {
    "person": ["Sooyeon", "Gavin", "Ji-hoon", "Ji-hoon Park", "Beatriz Monteiro", "Park", "Rivera", "Gavin Ostrowski"],
    "city": ["Secaucus"],
    "phone number": ["201-555-0186", "(201) 555-0110", "+351 22 555 0148", "+351 912 555 073"],
    "fax number": ["+351 22 555 0149"],
    "organization": ["Hanbit Foods USA", "DHL", "Casa Verde Imports, Lda."],
    "email address": ["b.monteiro@casaverde-imports.example.com", "jpark@hanbitfoods.example.com"],
    "date": ["Fri, Mar 14, 2025"],
    "street address": ["Rua do Almada 211, 4050-038 Porto"],
    "url": ["www.casaverde-imports.example.com"],
})

doc("gen-003", "email", """
Subject: Office update - kitchen refurb, fire drill, bike shed

Hi all,

A few housekeeping bits for the next couple of weeks:

1) The 3rd floor kitchen will be closed from Monday for the refurb (new dishwasher, finally).
Please use the 2nd floor kitchen in the meantime and don't leave mugs in the sink - the
cleaners aren't paid to wash them.

2) We have a fire drill scheduled some time next week. When the alarm sounds, leave by the
nearest exit and go to the assembly point in the car park. Don't stop to grab your laptop.
Fire wardens will have hi-vis vests.

3) The bike shed lock has been changed. The new code is on the noticeboard by reception -
please don't share it by email.

4) Reminder that the building is closed on the bank holiday. Heating will be off over the
long weekend so take any plants home if you're worried about them.

Any questions, reply to this email or grab someone from the facilities team.

Thanks,
Facilities
""")

doc("gen-004", "email", """
From: Security Alerts <no-reply@accounts.tessellate.example.com>
To: r.achterberg@example.nl
Date: 29 Jan 2025 03:12:44 +0100
Subject: New sign-in to your Tessellate account

Hi Ruud,

We noticed a new sign-in to your Tessellate account (r.achterberg@example.nl).

  When:      29 January 2025, 03:11 CET
  Device:    Windows 10, Chrome 131
  Location:  Bucharest, Romania (approximate)
  IP:        86.124.77.203

If this was you, you can ignore this email.

If you don't recognise this activity, your password may have been compromised. Reset it now
at https://accounts.tessellate.example.com/security/reset?u=88213077 and review your recent
activity. We also recommend turning on two-step verification.

Account ID: TS-88213077

-- The Tessellate Security Team
Tessellate Inc., 500 Howard St, San Francisco, CA 94105
You received this mandatory service email because you have a Tessellate account.
""", {
    "email address": ["no-reply@accounts.tessellate.example.com", "r.achterberg@example.nl"],
    "date": ["29 Jan 2025", "29 January 2025"],
    "organization": ["Tessellate", "Tessellate Inc."],
    "person": ["Ruud"],
    "city": ["Bucharest"],
    "ip address": ["86.124.77.203"],
    "url": ["https://accounts.tessellate.example.com/security/reset?u=88213077"],
    "customer id": ["TS-88213077"],
    "street address": ["500 Howard St, San Francisco, CA 94105"],
})

doc("gen-005", "chat log", """
[12/04/2025, 18:02] Hope Adeyinka: r u still coming 2nite??
[12/04/2025, 18:05] Will Traore: ya just leaving work now, traffic on the A406 is mad tho
[12/04/2025, 18:05] Hope Adeyinka: lol ok. can u grab ice from the tesco on ur way
[12/04/2025, 18:06] Will Traore: 👍 how many bags
[12/04/2025, 18:07] Hope Adeyinka: 3? its like 25 ppl. also Kemi says shes bringing her bf, the one from the wedding
[12/04/2025, 18:09] Will Traore: the guy who works at deloitte?? 😂
[12/04/2025, 18:09] Hope Adeyinka: DONT. be nice
[12/04/2025, 18:15] Will Traore: will do. whats the address again, its the new place right
[12/04/2025, 18:16] Hope Adeyinka: 41 Cavendish Rd. buzzer says ADEYINKA-BELL. ring twice the 1st one is broken
[12/04/2025, 18:16] Will Traore: postcode? for the satnav
[12/04/2025, 18:17] Hope Adeyinka: N4 1RT
[12/04/2025, 18:16] Hope Adeyinka: if u get lost call me 07700 900 604 or Femi 07700 900 771
[12/04/2025, 18:40] Will Traore: outside. no answer on buzzer
[12/04/2025, 18:41] Hope Adeyinka: coming!!!
""", {
    "date": ["12/04/2025"],
    "person": ["Hope Adeyinka", "Will Traore", "Kemi", "ADEYINKA-BELL", "Femi"],
    "organization": ["tesco", "deloitte"],
    "street address": ["41 Cavendish Rd"],
    "zip code": ["N4 1RT"],
    "phone number": ["07700 900 604", "07700 900 771"],
})

doc("gen-006", "chat log", """
Chat transcript - Nimbus Home & Garden customer care
Started: 2024-12-19 14:22 GMT   Chat ID 88-441902

[14:22] Bot: Hi! I'm Sprout, the Nimbus assistant. What can I help with today?
[14:22] Customer: need to change delivery address for my order
[14:23] Bot: I can connect you to an agent. Please share your order number and the email on your account.
[14:23] Customer: NHG-2024-7781102, aoife.brennan@example.ie
[14:24] Agent (Ciarán): Hi Aoife, thanks for waiting, I've got your order up - 1x garden bench + 2x planters, due Friday 20 Dec. What's the new address?
[14:25] Customer: its going to my mams instead, 27 Glenmalure Park, Rathfarnham, Dublin 14, D14 X2F3. Ill be there for christmas anyway
[14:25] Customer: oh and her mobile in case the driver needs it 087 555 0193
[14:27] Agent (Ciarán): Done - updated to 27 Glenmalure Park, Rathfarnham, Dublin 14, D14 X2F3. Courier (FastLane) will text 087 555 0193 on the morning with a 2hr slot. Anything else?
[14:27] Customer: no thats it thanks a mil
[14:28] Agent (Ciarán): No bother! Happy Christmas 🎄
""", {
    "organization": ["Nimbus Home & Garden", "Nimbus", "FastLane"],
    "date": ["2024-12-19", "Friday 20 Dec"],
    "email address": ["aoife.brennan@example.ie"],
    "person": ["Ciarán", "Aoife"],
    "street address": ["27 Glenmalure Park, Rathfarnham, Dublin 14, D14 X2F3"],
    "phone number": ["087 555 0193"],
})

doc("gen-007", "chat log", """
#proj-atlas-migration

Marguerite Oyelowo  9:14 AM
@Dev Patel did the DB cutover finish last night? status page still says "maintenance"

Dev Patel  9:16 AM
mostly. customers table migrated fine, but the import choked on ~40 rows with malformed
phone numbers. I dumped the row ids to the ticket

Dev Patel  9:17 AM
e.g. one was a client in Leeds with "tel: n/a" and another had the fax in the phone column lol

Marguerite Oyelowo  9:18 AM
ok. pls redact before pasting stuff in here, legal got twitchy last time 🙃

Dev Patel  9:18 AM
yep sorry. nothing personal in the ticket, just row ids

Sunny Kapoor  9:31 AM
FYI the prod DB host for the new cluster is 10.42.7.19, replica at 10.42.7.20. don't
hardcode them, use the service name

Marguerite Oyelowo  9:33 AM
👍 ty. @Sunny Kapoor can you and Dev pair on the rollback plan today? I'm out from 2 for my
kid's school thing at Thornbury Primary
""", {
    "person": ["Marguerite Oyelowo", "Dev Patel", "Sunny Kapoor", "Dev"],
    "city": ["Leeds"],
    "ip address": ["10.42.7.19", "10.42.7.20"],
    "organization": ["Thornbury Primary"],
})

doc("gen-008", "chat log", """
SMS thread - exported 02/03/2025
Mum: Did u get the car back from the garage?
Me: yep picked it up at 4. they did the brakes and the MOT, 412 quid 😬
Mum: Ouch. Is it still the same reg, KT19 WFD? Need it for the parking permit renewal
Me: ya KT19 WFD. permit thing is on the council website, takes 5 mins
Mum: ok will try after dinner. Your dad is useless with websites
Me: lol. also the garage (Hendry's Autos) said the rear tyres will need doing by spring
Mum: Dad says use Kwik Fit its cheaper
Me: ok tell Dad I'll sort it. Aunty Rukhsana rang btw, wants u to call her back on 01632 960 418
Mum: Will do x
""", {
    "date": ["02/03/2025"],
    "vehicle identifier": ["KT19 WFD"],
    "organization": ["Hendry's Autos", "Kwik Fit"],
    "person": ["Rukhsana"],
    "phone number": ["01632 960 418"],
})

doc("gen-009", "support ticket", """
Ticket #INC0048812   Priority: P2   Category: Hardware > Laptop
Opened: 2025-03-06 08:47 by Amara Chukwu-Hale (amara.chukwuhale@northwind-legal.example.com)
Location: 5th floor, Birmingham office

Summary: laptop won't connect to VPN after BIOS update, "certificate invalid"

Description:
Since the update pushed last night my laptop can't connect to the VPN. Error says certificate
invalid. Tried restarting twice. I have a client call at 11 and need the case files on the S:
drive.

Asset details (auto-populated):
  Asset tag: NWL-LT-02291
  Model: Latitude 7440
  Serial / service tag: 8QZ4KM3
  MAC (Wi-Fi): 3C:22:FB:91:4E:07
  Last seen IP: 10.20.14.188 (internal), 81.174.203.66 (public, home broadband)

Work notes:
[09:05] Kwabena O. (Service Desk): Called user on 0121 555 0166, remote session. Machine cert
expired 2025-03-05, re-enrolled device. VPN connects now.
[09:22] Kwabena O. (Service Desk): User confirmed access to S: drive. Resolving.
Resolved: 2025-03-06 09:23
""", {
    "date": ["2025-03-06", "2025-03-05"],
    "person": ["Amara Chukwu-Hale", "Kwabena O."],
    "email address": ["amara.chukwuhale@northwind-legal.example.com"],
    "city": ["Birmingham"],
    "device identifier": ["NWL-LT-02291", "8QZ4KM3", "3C:22:FB:91:4E:07"],
    "ip address": ["10.20.14.188", "81.174.203.66"],
    "phone number": ["0121 555 0166"],
})

doc("gen-010", "support ticket", """
SUPPORT TICKET  #TEL-5520981                                   Status: Pending customer
Customer: Dimitrios Karagiannis      Account no: 4402-118-7750      Customer ID: CUS-00918273
Service: Home Fibre 500 + landline (020 7946 0812)
Install address: 58B Brackenbury Road, London W6 0BE   (availability check for W6 0BE: FTTP)
Router: Hub 4, S/N FH4A22C019337
Contact: dkaragiannis@example.com / 07700 900 330
Channel: web form, 10 Feb 2025 21:04

Customer wrote:
"Hello, I have been charged twice for January (two payments of 42.50 GBP on 03/01 and 05/01
from my bank). Also my bill shows a 35 GBP 'engineer missed appointment' fee but it was YOUR
engineer who did not show up on 14 January, I took the day off work for it. I want both
refunded please. My previous ticket about the no-show was TEL-5511304 but no-one replied."

Agent notes (Farah S., Billing, 11 Feb 09:40):
- Confirmed duplicate DD collection 03/01 + 05/01, refund of 42.50 raised (REF RF-77120)
- Missed appt fee applied in error - engineer no-show confirmed in field log for 14/01.
  Credit 35.00 + goodwill 10.00 applied.
- Emailed customer. Set to Pending customer for 5 days then auto-close.
""", {
    "person": ["Dimitrios Karagiannis", "Farah S."],
    "account number": ["4402-118-7750"],
    "customer id": ["CUS-00918273"],
    "phone number": ["020 7946 0812", "07700 900 330"],
    "street address": ["58B Brackenbury Road, London W6 0BE"],
    "zip code": ["W6 0BE"],
    "device identifier": ["FH4A22C019337"],
    "email address": ["dkaragiannis@example.com"],
    "date": ["10 Feb 2025", "03/01", "05/01", "14 January", "11 Feb", "14/01"],
})

doc("gen-011", "support ticket", """
Ticket #FAC-20931   Category: Facilities > Printing   Priority: P4

Summary: Printer on 3rd floor (by the kitchen) keeps jamming

Description:
The big printer next to the kitchen on the third floor jams every time someone prints
double-sided. It shows error code J-204 and the tray 2 light flashes orange. We've tried
opening the side panel and pulling out the paper but there's always a tiny scrap left
somewhere. About half the team on this floor has given up and walks down to the 2nd floor
printer instead.

Could someone take a look this week? Also the toner is showing low (about 10%).

Work notes:
- Assigned to facilities queue.
- Vendor visit booked for next Thursday morning; spare toner left at reception in the
  meantime.
- Workaround: print single-sided or use the 2nd floor device.
""")

doc("gen-012", "support ticket", """
Subject: [Ticket 301877] Webhook deliveries failing since Mar 2 - Larkspur Analytics
Customer: Larkspur Analytics GmbH  |  Org ID: ORG-5548-2291  |  Plan: Business
Requester: Felix Baumgartner-Osei <f.baumgartner@larkspur-analytics.example.de>
CC: ops@larkspur-analytics.example.de

Hi team,

since 2 March our webhook endpoint isn't receiving any events from you. Nothing changed on our
side as far as I know. Endpoint is https://hooks.larkspur-analytics.example.de/v2/ingest?src=tessera
- it returns 200 when I curl it from my laptop.

Our firewall only allows your documented egress IPs, maybe they changed? We currently allow
198.51.100.24 and 198.51.100.25.

Can you check? This is blocking our daily reporting for a customer.

Thanks
Felix
--
Felix Baumgartner-Osei | Platform Engineer
Larkspur Analytics GmbH, Torstraße 140, 10119 Berlin
+49 30 555 01 87

-- Internal note (Chidinma, Tier 2, 4 Mar 2025 10:12): egress range expanded on Mar 1 (see
status page). New IPs 198.51.100.40-47 not in their allowlist. Replied with doc link
https://docs.tessera.example.com/webhooks/ip-ranges. Pending.
""", {
    "date": ["Mar 2", "2 March", "4 Mar 2025", "Mar 1"],
    "organization": ["Larkspur Analytics", "Larkspur Analytics GmbH"],
    "customer id": ["ORG-5548-2291"],
    "person": ["Felix Baumgartner-Osei", "Felix", "Chidinma"],
    "email address": ["f.baumgartner@larkspur-analytics.example.de", "ops@larkspur-analytics.example.de"],
    "url": ["https://hooks.larkspur-analytics.example.de/v2/ingest?src=tessera",
            "https://docs.tessera.example.com/webhooks/ip-ranges"],
    "ip address": ["198.51.100.24", "198.51.100.25", "198.51.100.40-47"],
    "street address": ["Torstraße 140, 10119 Berlin"],
    "phone number": ["+49 30 555 01 87"],
})

doc("gen-013", "hr record", """
EMPLOYEE PERSONNEL RECORD - CONFIDENTIAL
Halcyon Biotech Inc. - Human Resources

Employee: Thornton-Liu, Mei-Xing ("Maisie")      Employee ID: HB-004417
Job title: Senior Research Associate II          Department: Assay Development
Manager: Dr. Rafael Quiñones                     Location: Cambridge, MA site
Hire date: 09/12/2019                            Status: Full-time, exempt
Date of birth: 04/30/1990                        SSN: 612-40-8873
Home address: 23 Pemberton St, Apt 3, Somerville, MA 02143
Personal email: maisie.tl@example.com            Mobile: (617) 555-0179
Work email: mthorntonliu@halcyonbio.example.com  Desk: (617) 555-0102
Driver's license (fleet vehicle use): MA S48811207
Parking permit: plate 7XK-482 (MA), Lot C

EMERGENCY CONTACTS
1. Daniel Thornton-Liu (spouse) - (617) 555-0144
2. Grace Liu (mother) - +1 (415) 555-0127, San Francisco

COMPENSATION HISTORY
09/12/2019  Hired, Research Associate I, $72,000
03/01/2021  Promotion, Research Associate II, $81,500
03/01/2023  Merit increase, $89,900
03/01/2024  Promotion, Senior Research Associate II, $101,000

PAYROLL / DIRECT DEPOSIT
Bank: Charles River Savings Bank   Routing: 211370545   Account: 5500 2188 6130

BENEFITS
Medical: Harborview PPO, family tier - member ID HPX 7731 0042 18
Dependents: Daniel Thornton-Liu (spouse), Leo Thornton-Liu (son, DOB 05/02/2022)
Life insurance beneficiary: Daniel Thornton-Liu (100%)
401(k): enrolled, 6% pre-tax, plan account 401-HB-004417

LEAVE
05/06/2022 - 08/26/2022  Parental leave (FMLA + company paid), returned to same role
11/18/2024  Intermittent FMLA approved (family member care), up to 12 weeks/yr, recert due
05/18/2025

PERFORMANCE
2023 review: Exceeds expectations. Led transfer of ELISA platform to automated liquid
handlers; mentored 2 junior associates. Manager comment: "Maisie is the person everyone goes
to when an assay breaks."
2024 review: Meets/Exceeds. Some concern re: missed deadlines in Q3 during family leave
period - discussed, no action, workload redistributed.

NOTES
- 01/14/2025: employee asked for her last name on records to be changed to Thornton-Liu
  (previously Thornton). Updated in HRIS; new badge issued.
- Immigration: N/A (US citizen).
- Training: BSL-2 certified (cert no. EHS-BSL2-7719, exp 02/2026).

Record maintained by: Yolanda Pryce, HR Business Partner (ypryce@halcyonbio.example.com)
""", {
    "organization": ["Halcyon Biotech Inc.", "Charles River Savings Bank", "Harborview PPO"],
    "person": ["Thornton-Liu, Mei-Xing", "Maisie", "Rafael Quiñones", "Daniel Thornton-Liu", "Grace Liu",
               "Thornton-Liu", "Thornton", "Yolanda Pryce", "Leo Thornton-Liu"],
    "health plan beneficiary number": ["HPX 7731 0042 18"],
    "account number": ["401-HB-004417"],
    "customer id": ["HB-004417"],
    "city": ["Cambridge", "San Francisco"],
    "date": ["09/12/2019", "03/01/2021", "03/01/2023", "03/01/2024", "05/06/2022", "08/26/2022", "11/18/2024",
             "05/18/2025", "01/14/2025", "02/2026"],
    "date of birth": ["04/30/1990", "05/02/2022"],
    "social security number": ["612-40-8873"],
    "street address": ["23 Pemberton St, Apt 3, Somerville, MA 02143"],
    "email address": ["maisie.tl@example.com", "mthorntonliu@halcyonbio.example.com", "ypryce@halcyonbio.example.com"],
    "phone number": ["(617) 555-0179", "(617) 555-0102", "(617) 555-0144", "+1 (415) 555-0127"],
    "license number": ["S48811207", "EHS-BSL2-7719"],
    "vehicle identifier": ["7XK-482"],
    "routing number": ["211370545"],
    "bank account number": ["5500 2188 6130"],
})

doc("gen-014", "hr record", """
CONFIDENTIAL - FILE NOTE: INVESTIGATION MEETING
Brindley Hotels Ltd - The Wharf Hotel
Employee: Kieran O'Malley (Bar Supervisor, staff no. 30417)
Meeting date: 22/11/2024, 14:00, GM's office
Present: Sophie Grainger (General Manager, chair), Hope Mbatha (HR Advisor, note-taker),
Kieran O'Malley, Deepak Rao (companion, colleague)

Purpose: to investigate till discrepancies on the main bar on 8 Nov and 15 Nov totalling
186.40 GBP.

Summary:
SG explained the purpose of the meeting and that it was not disciplinary at this stage.
KO'M said he was aware of the shortfall on 15 Nov but not on 8 Nov. He said that on 15 Nov
the card machine went down for about 40 mins and some customers paid cash that may have been
rung through as card. He said a new starter (Jade) was also using his till login because
hers hadn't been set up yet. SG asked why this wasn't reported on the night; KO'M said he
told the duty manager, Marek, verbally at the end of the shift.

Actions:
1. HM to obtain CCTV for both dates and the till logs.
2. SG to speak to Marek, and to IT about Jade's login.
3. Reconvene within 7 days. KO'M reminded of confidentiality and that he can contact the
   employee assistance line on 0800 555 0173.

Notes typed by Hope Mbatha, 22/11/2024. Copy to employee file.
""", {
    "organization": ["Brindley Hotels Ltd", "The Wharf Hotel"],
    "person": ["Kieran O'Malley", "Sophie Grainger", "Hope Mbatha", "Deepak Rao", "SG", "KO'M", "Jade", "Marek",
               "HM"],
    "customer id": ["30417"],
    "date": ["22/11/2024", "8 Nov", "15 Nov"],
    "phone number": ["0800 555 0173"],
})

doc("gen-015", "hr record", """
NEW STARTER CHECKLIST - Coastline Civil Pty Ltd (ABN 33 615 204 881)
Name: Tevita Fifita          Start date: Mon 3 Feb 2025        Role: Site Engineer (Grade 3)
Reports to: Bronwyn Archer   Employee no.: CC-1182

[x] Tax file number declaration received - TFN 459 812 337
[x] Super choice form - fund: Banksia Super, member no. 70442813
[x] Bank details: BSB 062-914  acct 1048 2277
[x] Licence sighted: NSW driver licence 18 442 903, exp 11/2027
[x] White Card (construction induction) no. CGI-00912745
[x] Vehicle: pool ute allocated - rego EVF 42T
[ ] Site induction - booked 04/02/2025, Parramatta depot
[x] Emergency contact: Salote Fifita (wife) 0423 555 108
[x] Medical declaration: asthma (well controlled) - no restrictions
[ ] Laptop issued - pending, IT ticket raised
Home address: 14 Harris Pl, Merrylands NSW 2160
Personal email: tevita.f@example.com
Checklist completed by: N. Patel (HR), 31/01/2025
""", {
    "organization": ["Coastline Civil Pty Ltd", "Banksia Super"],
    "tax identification number": ["33 615 204 881", "459 812 337"],
    "person": ["Tevita Fifita", "Bronwyn Archer", "Salote Fifita", "N. Patel"],
    "date": ["Mon 3 Feb 2025", "11/2027", "04/02/2025", "31/01/2025"],
    "customer id": ["CC-1182", "70442813"],
    "routing number": ["062-914"],
    "bank account number": ["1048 2277"],
    "license number": ["18 442 903", "CGI-00912745"],
    "vehicle identifier": ["EVF 42T"],
    "city": ["Parramatta"],
    "phone number": ["0423 555 108"],
    "street address": ["14 Harris Pl, Merrylands NSW 2160"],
    "email address": ["tevita.f@example.com"],
})

doc("gen-016", "email", """
From: Rahel Tesfaye <rahel.tesfaye@example.com>
To: careers@brightwater-energy.example.com
Date: Sunday, 9 March 2025 19:26
Subject: Application - Data Analyst (ref DA-2025-14) - Rahel Tesfaye

Dear Hiring Team,

Please find attached my CV and cover letter for the Data Analyst position advertised on your
website.

I am currently a junior analyst at Meridian Freight Solutions in Rotterdam, where for the past
two years I have built the weekly capacity dashboards and automated our carrier scorecards in
Python and SQL. Before that I completed my MSc in Applied Statistics at the University of Leeds
(graduated September 2022).

I will be relocating to Aberdeen in May for family reasons and would be available to start
from 2 June 2025. I have the right to work in the UK.

My portfolio and some public notebooks are at https://rtesfaye.example.io/portfolio and my
GitLab profile is gitlab.example.com/rtesfaye.

Referees: Dr Hannah Vos (MSc supervisor), h.vos@leeds.example.ac.uk, and Pieter de Graaf
(current manager), +31 10 555 0142.

Kind regards,
Rahel Tesfaye
+44 7700 900 486
""", {
    "person": ["Rahel Tesfaye", "Hannah Vos", "Pieter de Graaf"],
    "email address": ["rahel.tesfaye@example.com", "careers@brightwater-energy.example.com", "h.vos@leeds.example.ac.uk"],
    "date": ["Sunday, 9 March 2025", "September 2022", "2 June 2025"],
    "organization": ["Meridian Freight Solutions", "University of Leeds"],
    "city": ["Rotterdam", "Aberdeen"],
    "url": ["https://rtesfaye.example.io/portfolio", "gitlab.example.com/rtesfaye"],
    "phone number": ["+31 10 555 0142", "+44 7700 900 486"],
})

doc("gen-017", "support ticket", """
Ticket #CX-2025-031447    Queue: Withdrawals / Tier 1 -> escalated Tier 2
Created: 2025-03-31 06:58 UTC via in-app chat
User: Oyinkansola Bakare   UID 55120948   Verified: Tier 2   Country: NG
Email on file: oyin.bakare@example.com
Login IP at ticket creation: 102.89.34.217 (Lagos)

Customer message:
"good morning pls I made a BTC withdrawal 2 days ago, 0.0412 BTC to my own wallet
1Hq7tXw2kZ9bRvN4pLmC8sYdFgE3uJa6Wr and its still showing 'processing'. the explorer shows
nothing. I also sent USDT on ERC20 to 0x4b9D1e07A3c2F58e6d0B7a91C4e2f3D8a6B05c17 same day and
that one arrived fine. I need the btc for rent this week, please help asap"

Agent notes:
[07:20] Tomás R.: withdrawal WD-8812047 stuck at broadcast step, fee estimate too low during
the mempool spike on 03/29. Not a compliance hold. Escalated to wallet ops.
[09:45] Wallet ops (Ikenna): rebroadcast with CPFP, tx now in mempool, 1 conf expected within
~30 min. Tx hash shared with customer.
[10:31] Tomás R.: customer confirmed receipt. Apologised, refunded the network fee (0.00018
BTC) as goodwill. Closing.
""", {
    "date": ["2025-03-31", "03/29"],
    "person": ["Oyinkansola Bakare", "Tomás R.", "Ikenna"],
    "customer id": ["55120948"],
    "email address": ["oyin.bakare@example.com"],
    "ip address": ["102.89.34.217"],
    "city": ["Lagos"],
    "crypto wallet address": ["1Hq7tXw2kZ9bRvN4pLmC8sYdFgE3uJa6Wr", "0x4b9D1e07A3c2F58e6d0B7a91C4e2f3D8a6B05c17"],
})

if __name__ == "__main__":
    if "--stats" in sys.argv[1:]:
        print(stats())
    else:
        for p in build():
            print(p)
