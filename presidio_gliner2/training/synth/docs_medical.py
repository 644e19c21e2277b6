"""Healthcare documents: clinical notes, discharge summaries, referral letters, lab
reports, prescriptions and insurance claims."""

from __future__ import annotations

import datetime as dt

from . import values as V
from . import vocab as W
from .builder import Doc, E, N
from .ctx import Ctx
from .layout import boilerplate, emit_fields, heading, run_sections

SEX = {"M": ["male", "man", "M", "gentleman"], "F": ["female", "woman", "F", "lady"]}
PRONOUN = {"M": ("He", "his", "him"), "F": ("She", "her", "her")}


def _mrn(ctx: Ctx):
    if not hasattr(ctx, "_mrn_value"):
        ctx._mrn_value = V.mrn(ctx.rng)
    return E("medical record number", ctx._mrn_value)


def _mrn_label(ctx: Ctx) -> str:
    if ctx.country in ("UK", "IE"):
        return ctx.pick(["Hospital No.", "MRN", "Unit No.", "Hosp No"])
    return ctx.pick(["MRN", "Medical Record #", "Chart No.", "MR#", "Patient ID", "Acct/MRN"])


def _member(ctx: Ctx):
    if not hasattr(ctx, "_member_value"):
        ctx._member_value = V.member_id(ctx.rng)
    return E("health plan beneficiary number", ctx._member_value)


def _device(ctx: Ctx, kinds=("pacemaker", "icd", "insulin_pump", "cgm", "cochlear", "cpap", "neurostim",
                             "infusion_pump", "hearing_aid")) -> list:
    kind = ctx.pick(list(kinds))
    phrase, implant = V.DEVICE_KINDS[kind]
    tags = ("implant",) if implant else ("equipment",)
    serial = E("device identifier", V.device_serial(ctx.rng, kind), *tags)
    tpl = ctx.pick(["{phrase} ({model}), serial number {serial}", "{phrase} model {model}, S/N: {serial}",
                    "{phrase}, SN {serial}", "{phrase} (serial {serial})", "{phrase} {model} serial# {serial}"])
    out: list = []
    pieces = tpl.replace("{", "\x00{").split("\x00")
    for piece in pieces:
        if piece.startswith("{phrase}"):
            out += [phrase, piece[len("{phrase}"):]]
        elif piece.startswith("{model}"):
            out += [ctx.sku(), piece[len("{model}"):]]
        elif piece.startswith("{serial}"):
            out += [serial, piece[len("{serial}"):]]
        else:
            out.append(piece)
    return out


def _clinician(ctx: Ctx, role: str = "clinician"):
    return ctx.person(role=role, clinician=True, non_anglo=0.35)


def _license(ctx: Ctx, prescriber=None) -> tuple[str, object]:
    if ctx.country == "US" and prescriber is not None and ctx.p(0.5):
        return "DEA #", E("license number", V.dea_number(ctx.rng, prescriber.last), "cert")
    tag, val = V.professional_license(ctx.rng, ctx.country)
    label = {"UK": "GMC No.", "IE": "IMC No.", "AU": "AHPRA Reg.", "IN": "Reg. No."}.get(
        ctx.country, ctx.pick(["License #", "Lic. No.", "State License", "Medical License No."]))
    return label, E("license number", val, tag)


def _hpi(d: Doc, ctx: Ctx, p, doc_date_tag: str = "service") -> None:
    he, his, him = PRONOUN[p.gender]
    sex = ctx.pick(SEX[p.gender])
    d.f(ctx.pick(["{ref} is a {age} {sex} with a history of {dz1} and {dz2} who presents with {sx}. ",
                  "{ref}, {age} {sex}, PMH {dz1}, {dz2}, presents c/o {sx}. ",
                  "This is a {age} {sex} known to have {dz1} and {dz2}, seen today for {sx}. "]),
        ref=ctx.ref(p), age=ctx.age(p, attributive=True), sex=sex, dz1=ctx.disease(), dz2=ctx.disease(),
        sx=ctx.pick(["worsening shortness of breath", "chest pain", "fatigue and polyuria", "a productive cough",
                     "dizziness", "left knee pain", "fever and dysuria", "headache", "palpitations", "leg swelling"]))
    extras = [
        lambda: d.f("Symptoms started {n} days ago. {He} was last seen {year}. ", n=str(ctx.rng.randint(2, 14)), He=he,
                    year=ctx.year_phrase()),
        lambda: d.f("{He} reports taking {drug} as prescribed. ", He=he, drug=ctx.drug_line()),
        lambda: d.f("Lives with {his} {rel} {name} in {city}; family can be reached at {phone}. ", his=his,
                    rel=(rel := ctx.pick(["husband", "wife", "partner", "son", "daughter"])),
                    name=ctx.name(ctx.relative(rel), title=False), city=E("city", ctx.address().city),
                    phone=ctx.phone()),
        lambda: d.f("Seen in the ED at {org} on {date} for similar symptoms. ", org=ctx.org("hospital"),
                    date=ctx.date(ctx.days_ago(20, 400))),
        lambda: d.f("Denies chest pain, fever or weight loss. {His} {dz} has been stable on {drug}. ",
                    His=his.capitalize(), dz=ctx.disease(), drug=ctx.drug()),
        lambda: d.f("Home glucose readings {a}-{b} mg/dL. Last {lab} was {val}. ", a=N("lab_value", str(ctx.rng.randint(90, 140))),
                    b=N("lab_value", str(ctx.rng.randint(150, 290))), lab=N("lab", "HbA1c"),
                    val=N("lab_value", f"{ctx.rng.uniform(5.6, 10.5):.1f}%")),
        lambda: d.f("{He} was previously followed by {dr} at {org} until {year}. ", He=he,
                    dr=ctx.name(_clinician(ctx)), org=ctx.org("hospital"), year=ctx.year_phrase(("",))),
        lambda: d.f("{His} {rel}, who accompanies {him} today, reports increased confusion at night. ",
                    His=his.capitalize(), him=him, rel=ctx.pick(["daughter", "son", "wife", "husband", "carer"])),
        lambda: d.f("Works night shifts at {org}; sleep is poor. ", org=ctx.org("employer")),
    ]
    ctx.rng.shuffle(extras)
    for fn in extras[: ctx.rng.choice([1, 1, 2, 3, 4])]:
        fn()
    d.add("\n")


def clinical_note(ctx: Ctx) -> Doc:
    layout = ctx.pick(["soap", "soap", "nursing", "narrative", "telehealth"])
    caps = layout == "nursing" and ctx.p(0.75)
    d = Doc(caps=caps)
    p = ctx.person(role="patient")
    doc_ = _clinician(ctx)
    visit = ctx.today
    org_name = ctx.org_name("hospital")
    org = ctx.org("hospital", org_name)
    if layout == "nursing":
        d.line(ctx.pick(["NURSING NOTE", "Nursing Progress Note", "RN NOTE", "Shift note"]))
        d.line("{t} PT {name} {ml} {mrn} {room}. {age} {sex}.", t=ctx.time(), name=ctx.name(p, "caps_last_first"),
               ml=ctx.pick(["MRN", "MRN#", "HOSP NO"]), mrn=_mrn(ctx), room=ctx.room(), age=ctx.age(p, "sex"),
               sex=ctx.pick(["", "FULL CODE", "DNR"]))
        lines = [
            lambda: d.line("{t} A&O X3. VS {v}. C/O PAIN {n}/10.", t=ctx.time(), v=ctx.vitals(),
                           n=str(ctx.rng.randint(2, 9))),
            lambda: d.line("{t} GIVEN {drug} PER ORDER. {role} AWARE.", t=ctx.time(), drug=ctx.drug_line(),
                           role=ctx.role(W.ROLES_MEDICAL)),
            lambda: d.line("{t} {rel} {name} CALLED, UPDATED ON POC. CONTACT {phone}.", t=ctx.time(),
                           rel=(rel := ctx.pick(["DAUGHTER", "SON", "WIFE", "HUSBAND", "SISTER"])),
                           name=ctx.name(ctx.relative(rel), ctx.pick(["full", "full_mi"]), title=False),
                           phone=ctx.phone()),
            lambda: d.line("{t} {ref} NOTIFIED RE: {lab} {val}. NEW ORDERS RECEIVED.", t=ctx.time(), ref=ctx.ref(doc_),
                           lab=N("lab", ctx.lab()[0]), val=N("lab_value", ctx.lab()[1])),
            lambda: d.line("{t} PT AMBULATED IN HALL W/ ASSIST X1. TOLERATED WELL. {room}.", t=ctx.time(),
                           room=ctx.room()),
            lambda: d.line("{t} DOB {dob} VERIFIED W/ 2 IDENTIFIERS PRIOR TO {drug}.", t=ctx.time(), dob=ctx.dob(p),
                           drug=ctx.drug()),
            lambda: d.line("{t} HX {dz}. BLOOD SUGAR {v} MG/DL, COVERED W/ SLIDING SCALE.", t=ctx.time(),
                           dz=ctx.disease(), v=N("lab_value", str(ctx.rng.randint(90, 320)))),
            lambda: d.line("{t} {dev} CHECKED, FUNCTIONING.", t=ctx.time(), dev=_device(ctx)),
            lambda: d.line("{t} PT {ref} RESTING IN BED, CALL LIGHT IN REACH.", t=ctx.time(), ref=ctx.ref(p)),
        ]
        ctx.rng.shuffle(lines)
        for fn in lines[: ctx.rng.randint(3, 8)]:
            fn()
        d.line("{who} {date}", who=ctx.name(ctx.person(role="clinician", clinician=False),
                                          ctx.pick(["initial_last", "full"]), title=False),
               date=ctx.date(visit, "service"))
        return d

    # header
    if ctx.p(0.7):
        d.line(ctx.pick(["{org}", "{org} - Outpatient Clinic", "{org}\nDepartment of Internal Medicine"]), org=org)
    d.line(ctx.pick(["PROGRESS NOTE", "Clinic Note", "Office Visit", "Telehealth Visit Note" if layout == "telehealth"
                     else "Follow-up Visit", "Consultation Note"]))
    emit_fields(d, ctx, [
        (ctx.pick(["Patient", "Name", "Pt Name", "Patient Name"]), ctx.name(p, title=False)),
        (ctx.pick(["DOB", "Date of Birth", "D.O.B."]), [ctx.dob(p)]),
        (_mrn_label(ctx), [_mrn(ctx)]),
        (ctx.pick(["Date of Service", "Visit Date", "DOS", "Date of Visit"]), [ctx.date(visit, "service")]),
        (ctx.pick(["Provider", "Attending", "Clinician", "Seen by"]), ctx.name(doc_)),
        (ctx.pick(["Insurance", "Payer"]), [ctx.org("insurer"), " ", ctx.pick(["ID", "Member ID", "#"]), " ", _member(ctx)])
        if ctx.p(0.35) else None,
        ("Location", [ctx.room()]) if ctx.p(0.3) else None,
    ])
    d.blank()
    secs = [
        lambda: (heading(d, ctx, ctx.pick(["HPI", "History of Present Illness", "Subjective", "S"])), _hpi(d, ctx, p)),
        lambda: (heading(d, ctx, ctx.pick(["PMH", "Past Medical History", "Problem List"])),
                 [d.line("- {dz}", dz=ctx.disease()) for _ in range(ctx.rng.randint(1, 4))]),
        lambda: (heading(d, ctx, ctx.pick(["Medications", "Current Meds", "Meds"])),
                 [d.line("{n}. {drug}", n=str(i + 1), drug=ctx.drug_line()) for i in range(ctx.rng.randint(1, 5))]),
        lambda: (heading(d, ctx, "Allergies"), d.line(ctx.pick(["NKDA", "Penicillin (rash)", "Sulfa - hives",
                                                                "No known drug allergies", "Codeine (nausea)"]))),
        lambda: (heading(d, ctx, ctx.pick(["Objective", "Exam", "Vitals", "O"])),
                 d.line("{v}. {exam}", v=ctx.vitals(), exam=ctx.pick(
                     ["Lungs clear bilaterally.", "Mild pitting edema bilateral LE.", "RRR, no murmurs.",
                      "Abdomen soft, non-tender.", "Alert, oriented x3."]))),
        lambda: (heading(d, ctx, "Labs"),
                 [d.line("{t} {v} {u}", t=N("lab", l[0]), v=N("lab_value", l[1]), u=l[2]) for l in
                  (ctx.lab() for _ in range(ctx.rng.randint(2, 4)))]),
        lambda: (heading(d, ctx, "Social History"),
                 d.line(ctx.pick(["Works at {org} as a {job}. Former smoker, quit {year}.",
                                  "Employed by {org} ({job}); drinks socially. Quit smoking {year}."]),
                        job=ctx.job_title(lower=True), org=ctx.org("employer"), year=ctx.year_phrase())),
        lambda: (heading(d, ctx, "Devices"), d.line("s/p {dev} placed {year}.", dev=_device(ctx), year=ctx.year_phrase())),
        lambda: (heading(d, ctx, ctx.pick(["ROS", "Review of Systems"])),
                 d.line(ctx.pick(["Negative for fever, chills, night sweats and weight loss. Positive for fatigue.",
                                  "Constitutional: no fever. CV: no chest pain, + orthopnea. Resp: mild dyspnea on exertion. "
                                  "GI: no nausea. GU: no dysuria. Neuro: no focal weakness.",
                                  "All other systems reviewed and negative except as noted in the HPI."]))),
    ]
    if layout == "telehealth":
        secs.append(lambda: d.line(ctx.pick([
            "Video visit conducted via {url} ; patient connected from IP {ip} at {t}. Verbal consent obtained.",
            "Telehealth session (audio/video). Session link: {url} . Client IP {ip}. Start time {t}."]),
            url=ctx.url(ctx.domain_for(org_name), kind="health"), ip=E("ip address", V.ip_address(ctx.rng)), t=ctx.time()))
    if layout == "narrative":
        secs = secs[:1] + secs[2:3] + secs[4:5]
    run_sections(d, ctx, secs, fixed_head=1, keep=0.7)
    heading(d, ctx, ctx.pick(["Assessment and Plan", "A/P", "Plan", "Impression"]))
    for i in range(ctx.rng.randint(1, 5)):
        code, desc = ctx.icd()
        d.line("{n}. {desc} ({code}) - {plan}", n=str(i + 1), desc=desc, code=code, plan=ctx.pick(
            [["start ", *ctx.drug_line()], ["continue ", *ctx.drug()], "recheck labs in 3 months",
             ["increase ", *ctx.drug()], "referral to cardiology", "lifestyle counselling provided"]))
    r = ctx.rng.random()
    if r < 0.4:
        d.line("Follow up with {ref} on {date}. Call {phone} with questions.", ref=ctx.ref(doc_),
               date=ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(7, 90))),
               phone=ctx.phone(mobile=False))
    elif r < 0.7:
        d.line("Discussed plan with {ref} and {role}, who agree.", ref=ctx.ref(p), role=ctx.role(W.ROLES_MEDICAL))
    d.blank()
    sig_label, lic = _license(ctx, doc_)
    d.line(ctx.pick(["Electronically signed by {name} on {date} {t}", "Signed: {name} {date}", "{name}\n{date} {t}"]),
           name=ctx.name(doc_), date=ctx.date(visit, "service"), t=ctx.time())
    if ctx.p(0.35):
        d.line("{l}: {lic}", l=sig_label, lic=lic)
    if ctx.p(0.25):
        d.line("{ml} {mrn} | Page 1 of 1", ml=_mrn_label(ctx), mrn=_mrn(ctx))
    boilerplate(d, ctx, "clinical", 0.3)
    return d


def discharge_summary(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="patient")
    att, pcp = _clinician(ctx), _clinician(ctx)
    org = ctx.org("hospital")
    adm = ctx.today - dt.timedelta(days=ctx.rng.randint(2, 15))
    d.line("{org}", org=org)
    d.line(ctx.pick(["DISCHARGE SUMMARY", "Discharge Summary", "HOSPITAL DISCHARGE SUMMARY"]))
    emit_fields(d, ctx, [
        (ctx.pick(["Patient Name", "Patient", "Name"]), ctx.name(p, title=False)),
        (_mrn_label(ctx), [_mrn(ctx)]),
        (ctx.pick(["DOB", "Date of Birth"]), [ctx.dob(p)]),
        (ctx.pick(["Age/Sex", "Age"]), [E("age", str(p.age), "patient"), "/" + p.gender if ctx.p(0.5) else ""]),
        (ctx.pick(["Admission Date", "Date of Admission", "Admitted"]), [ctx.date(adm, "admission")]),
        (ctx.pick(["Discharge Date", "Date of Discharge", "Discharged"]), [ctx.date(ctx.today, "discharge")]),
        (ctx.pick(["Attending Physician", "Attending", "Consultant"]), ctx.name(att)),
        (ctx.pick(["PCP", "Primary Care", "GP"]), ctx.name(pcp)) if ctx.p(0.6) else None,
        ("Unit", [ctx.room()]) if ctx.p(0.4) else None,
    ])
    d.blank()
    secs = [
        lambda: (heading(d, ctx, ctx.pick(["Discharge Diagnoses", "Diagnoses", "Principal Diagnosis"])),
                 [d.line("- {desc} ({code})", desc=x[1], code=x[0]) for x in (ctx.icd() for _ in range(ctx.rng.randint(1, 3)))]),
        lambda: (heading(d, ctx, "Hospital Course"),
                 d.f("{ref} was admitted on {date} with {dz}. ", ref=ctx.ref(p), date=ctx.date(adm, "admission"),
                     dz=ctx.disease()),
                 d.f("{He} was treated with {drug} and {drug2}. ", He=PRONOUN[p.gender][0], drug=ctx.drug(),
                     drug2=ctx.drug()),
                 d.f(ctx.pick(["Labs notable for {lab} {val}. ", "Peak {lab} of {val}. "]), lab=N("lab", ctx.lab()[0]),
                     val=N("lab_value", ctx.lab()[1])),
                 d.f(ctx.pick(["Seen by {ref} of cardiology. ", "Case discussed with {ref}. ", ""]),
                     ref=ctx.name(_clinician(ctx))),
                 [d.f(ctx.pick(["On {date}, {ref} {ev}. ", "{date}: {ev}. "]),
                      date=ctx.date(adm + dt.timedelta(days=k + 1), "inpatient"), ref=ctx.ref(p),
                      ev=ctx.pick(["was transferred out of the ICU", "developed a low-grade fever, cultures sent",
                                   "was started on a heparin drip", "tolerated a regular diet",
                                   "was evaluated by physical therapy", "had a repeat echocardiogram"]))
                  for k in range(ctx.rng.choice([0, 0, 1, 2, 3]))],
                 d.line("{He} improved and was discharged in stable condition.", He=PRONOUN[p.gender][0])),
        lambda: (heading(d, ctx, ctx.pick(["Discharge Medications", "Medications on Discharge"])),
                 [d.line("- {drug}", drug=ctx.drug_line()) for _ in range(ctx.rng.randint(2, 5))]),
        lambda: (heading(d, ctx, "Procedures"),
                 [d.line("{cpt} {desc}", cpt=c[0], desc=c[1]) for c in (ctx.cpt() for _ in range(ctx.rng.randint(1, 2)))]),
        lambda: (heading(d, ctx, "Follow-up"),
                 d.line("With {name} at {org} on {date}. Phone {phone}{fax}.", name=ctx.ref(pcp),
                        org=ctx.org("hospital"), date=ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(5, 30))),
                        phone=ctx.phone(mobile=False), fax=[", fax ", ctx.fax()] if ctx.p(0.4) else "")),
        lambda: (heading(d, ctx, "Disposition"),
                 d.line(ctx.pick(["Home with {rel} {name}. Home address: {addr}.", "Discharged to home ({addr}) with {rel} {name}."]),
                        rel=(rel := ctx.pick(["wife", "husband", "daughter", "son", "partner"])),
                        name=ctx.name(ctx.relative(rel), title=False), addr=ctx.addr_inline(ctx.address(), "home"))),
        lambda: (heading(d, ctx, "Devices"), d.line("{dev} interrogated prior to discharge.", dev=_device(ctx))),
    ]
    run_sections(d, ctx, secs, fixed_head=2, keep=0.75)
    d.line("Dictated by {name}. {t}", name=ctx.name(att), t=ctx.time())
    boilerplate(d, ctx, "clinical", 0.3)
    return d


def referral_letter(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="patient")
    sender, recipient = _clinician(ctx), _clinician(ctx)
    org_name = ctx.org_name("hospital")
    org_addr = ctx.address()
    d.add(ctx.org("hospital", org_name), "\n", ctx.addr_lines(org_addr, "work"), "\n")
    d.line("Tel: {ph}{fax}", ph=ctx.phone(mobile=False), fax=["  Fax: ", ctx.fax()] if ctx.p(0.6) else "")
    if ctx.p(0.4):
        d.line("{email}", email=ctx.email(None, ctx.domain_for(org_name)))
    d.blank()
    d.line("{date}", date=ctx.date(ctx.today))
    d.blank()
    d.add(ctx.name(recipient, title=True), "\n")
    if ctx.p(0.6):
        d.add(ctx.org("hospital"), "\n", ctx.addr_lines(ctx.address(), "work"), "\n")
    d.blank()
    d.line(ctx.pick(["Dear {ref},", "Dear Colleague,", "Dear {ref}"]), ref=ctx.ref(recipient))
    d.blank()
    d.line(ctx.pick(["Re: {name}, DOB {dob}, {ml} {mrn}", "RE: {name} (DOB: {dob}) {ml}: {mrn}",
                     "Re: {name}\nDate of birth: {dob}\n{ml}: {mrn}"]),
           name=ctx.name(p, title=ctx.p(0.4), style=ctx.pick(["full", "full_mi", "full_middle"])), dob=ctx.dob(p),
           ml=_mrn_label(ctx), mrn=_mrn(ctx))
    if ctx.p(0.4):
        d.line("Address: {addr}   Tel: {ph}", addr=ctx.addr_inline(ctx.address(), "home"), ph=ctx.phone(mobile=True))
    d.blank()
    he, his, him = PRONOUN[p.gender]
    d.f(ctx.pick(["Thank you for seeing {ref}, a {age} {sex} ", "I would be grateful if you could see {ref}, a {age} {sex} ",
                  "I am writing to refer {ref}, a {age} {sex}, "]), ref=ctx.ref(p), age=ctx.age(p, attributive=True),
        sex=ctx.pick(SEX[p.gender]))
    d.f(ctx.pick(["with {dz} and {dz2}. ", "who has a background of {dz} and recently developed {dz2}. "]),
        dz=ctx.disease(), dz2=ctx.disease())
    d.f(ctx.pick(["{He} is currently on {drug} and {drug2}. ", "Current medications include {drug} and {drug2}. "]),
        He=he, drug=ctx.drug_line(), drug2=ctx.drug())
    if ctx.p(0.5):
        d.f("Recent bloods showed {lab} of {val} {u}. ", lab=N("lab", (l := ctx.lab())[0]), val=N("lab_value", l[1]), u=l[2])
    if ctx.p(0.4):
        d.f("{He} was seen by {ref} {year} for the same problem. ", He=he, ref=ctx.name(_clinician(ctx)),
            year=ctx.year_phrase())
    d.add("\n")
    if ctx.p(0.5):
        d.line("{His} insurance is with {ins}, member ID {mem}.", His=his.capitalize(), ins=ctx.org("insurer"),
               mem=_member(ctx))
    d.line(ctx.pick(["{ref} can be contacted on {ph}.", "Please contact {ref} directly on {ph} to arrange an appointment.",
                     "Best contact number for {ref} is {ph}."]), ref=ctx.ref(p), ph=ctx.phone(mobile=True))
    d.blank()
    d.line(ctx.pick(["Yours sincerely,", "Kind regards,", "Sincerely,", "With thanks,"]))
    d.blank()
    d.line("{name}", name=ctx.name(sender, title=ctx.p(0.5)))
    lbl, lic = _license(ctx, sender)
    if ctx.p(0.6):
        d.line("{l} {lic}", l=lbl, lic=lic)
    if ctx.p(0.3):
        d.line("cc: {ref}", ref=ctx.name(_clinician(ctx)))
    return d


def lab_report(ctx: Ctx) -> Doc:
    d = Doc(caps=ctx.p(0.15))
    p = ctx.person(role="patient")
    orderer = _clinician(ctx)
    lab_name = ctx.org_name("lab")
    d.line("{org}", org=ctx.org("lab", lab_name))
    if ctx.p(0.6):
        d.line("{addr}", addr=ctx.addr_inline(ctx.address(), "work"))
    if ctx.p(0.5):
        d.line("CLIA #: {clia}   Phone: {ph}", clia=E("license number", V.clia_number(ctx.rng), "cert"),
               ph=ctx.phone(mobile=False))
    d.line(ctx.pick(["LABORATORY REPORT", "Final Report", "CUMULATIVE LAB REPORT", "Pathology Report"]))
    coll = ctx.today - dt.timedelta(days=ctx.rng.randint(0, 3))
    emit_fields(d, ctx, [
        ("Patient", ctx.name(p, ctx.pick(["last_first", "caps_last_first", "full", "last_first_mi"]), title=False)),
        (ctx.pick(["DOB", "Birth Date"]), [ctx.dob(p)]),
        ("Age/Sex", [E("age", str(p.age), "patient"), f"/{p.gender}"]) if ctx.p(0.6) else None,
        (_mrn_label(ctx), [_mrn(ctx)]),
        (ctx.pick(["Ordering Physician", "Ordered by", "Requesting Clinician"]), ctx.name(orderer)),
        (ctx.pick(["Collected", "Collection Date"]), [ctx.date(coll, "collection"), " ", ctx.time()]),
        ("Received", [ctx.date(coll, "collection"), " ", ctx.time()]) if ctx.p(0.5) else None,
        (ctx.pick(["Reported", "Report Date"]), [ctx.date(ctx.today)]),
        ("Specimen", [N("specimen", ctx.pick(["Serum", "Whole blood", "Urine", "Plasma"]))]),
    ], mode=ctx.pick(["lines", "pairs", "tabs"]))
    d.blank()
    d.line(ctx.pick(["TEST  RESULT  FLAG  UNITS  REFERENCE", "Test | Result | Units | Ref Range", "Analyte\tValue\tRange"]))
    for _ in range(ctx.rng.randint(4, 12)):
        test, val, unit, ref = ctx.lab()
        lo, hi = ref.split("-")
        try:
            flag = "H" if float(val) > float(hi) else "L" if float(val) < float(lo) else ""
        except ValueError:
            flag = ""
        d.line("{t}  {v}  {f}  {u}  {r}", t=N("lab", test), v=N("lab_value", val), f=flag, u=unit, r=N("lab_value", ref))
    d.blank()
    r = ctx.rng.random()
    if r < 0.35:
        nurse = ctx.person(role="clinician")
        d.line("Critical value called to {name} at {t} on {date}, read back verified.",
               name=ctx.name(nurse, ctx.pick(["full", "initial_last"]), title=False) + [", ", N("credential", "RN")],
               t=ctx.time(), date=ctx.date(coll))
    elif r < 0.6:
        d.line("Comment: {c}", c=ctx.pick(["Specimen slightly hemolyzed.", "Fasting specimen.", "Results verified by repeat analysis.",
                                             "Non-fasting sample; interpret lipids with caution."]))
    if ctx.p(0.5):
        d.line("Verified by: {name}", name=ctx.name(_clinician(ctx)))
    if ctx.p(0.3):
        d.line("{p} {ml} {mrn}   Page 1 of 1", p=ctx.ref(p), ml=_mrn_label(ctx), mrn=_mrn(ctx))
    boilerplate(d, ctx, "lab", 0.3)
    return d


def prescription(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="patient")
    dr = _clinician(ctx)
    clinic = ctx.org_name("hospital")
    d.line("{name}", name=ctx.name(dr))
    d.line("{org}", org=ctx.org("hospital", clinic))
    d.add(ctx.addr(ctx.address(), "work", multiline=0.4), "\n")
    d.line("Ph {ph}{fx}", ph=ctx.phone(mobile=False), fx=["  Fax ", ctx.fax()] if ctx.p(0.5) else "")
    lbl, lic = _license(ctx, dr)
    d.line("{l} {lic}", l=lbl, lic=lic)
    d.blank()
    emit_fields(d, ctx, [
        ("Patient", ctx.name(p, title=False)),
        ("DOB", [ctx.dob(p)]),
        ("Address", [ctx.addr_inline(ctx.address(), "home")]) if ctx.p(0.6) else None,
        ("Phone", [ctx.phone()]) if ctx.p(0.4) else None,
        (ctx.pick(["Plan ID", "Member #", "Insurance ID"]), [_member(ctx)]) if ctx.p(0.4) else None,
        ("Date", [ctx.date(ctx.today)]),
    ])
    d.blank()
    for _ in range(ctx.rng.randint(1, 3)):
        name, doses, unit = ctx.pick(W.DRUGS)
        d.line("Rx: {drug} {dose}", drug=N("drug", name), dose=N("dose", f"{ctx.pick(doses)} {unit}"))
        d.line("Sig: {sig}", sig=N("sig", ctx.pick(W.SIGS)))
        n = ctx.rng.choice([14, 28, 30, 60, 90])
        d.line("Disp: #{n}   Refills: {r}", n=N("quantity", str(n)), r=N("quantity", str(ctx.rng.randint(0, 5))))
    d.blank()
    if ctx.p(0.5):
        d.line("Send to: {org}, {ph}", org=ctx.org("pharmacy"), ph=ctx.phone(mobile=False))
    d.line(ctx.pick(["Substitution permitted.", "Dispense as written.", "Do not substitute."]))
    d.line("Signature: {name}", name=ctx.name(dr, ctx.pick(["full", "initial_last"]), title=False))
    return d


def insurance_claim(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="patient")
    dr = _clinician(ctx)
    ins = ctx.org_name("insurer")
    us = ctx.country == "US"
    d.line(ctx.pick(["HEALTH INSURANCE CLAIM FORM", "Claim for Reimbursement", "MEDICAL CLAIM", "Provider Claim Submission"]))
    d.line("Payer: {ins}", ins=ctx.org("insurer", ins))
    d.blank()
    a = ctx.address()
    fields = [
        (ctx.pick(["1a. Insured's ID Number", "Member ID", "Policy Number", "Subscriber ID"]), [_member(ctx)]),
        (ctx.pick(["2. Patient's Name (Last, First, MI)", "Patient Name"]),
         ctx.name(p, ctx.pick(["last_first_mi", "caps_last_first", "last_first"]), title=False)),
        (ctx.pick(["3. Patient's Birth Date", "Date of Birth"]), [ctx.dob(p), "   Sex: ", p.gender]),
    ]
    if us and ctx.p(0.35):
        fields.append(("Insured's SSN", [E("social security number", V.format_ssn(ctx.rng, V.ssn_digits(ctx.rng)))]))
    emit_fields(d, ctx, fields, mode="lines", shuffle=0)
    d.add(ctx.pick(["5. Patient's Address\n", "Patient Address\n"]))
    if ctx.p(0.6):
        d.add(ctx.addr_fields(a, "home"), "\n")
    else:
        d.add(ctx.addr_inline(a, "home"), "\n")
    d.line("Telephone: {ph}", ph=ctx.phone())
    if ctx.p(0.4):
        holder = ctx.person(role="insured")
        d.line("4. Insured's Name: {n}   Relationship: {r}", n=ctx.name(holder, "last_first", title=False),
               r=ctx.pick(["Spouse", "Parent", "Other"]))
    d.blank()
    d.line("21. Diagnosis or Nature of Illness")
    for i in range(ctx.rng.randint(1, 3)):
        code, desc = ctx.icd()
        d.line("{l}. {code}  {desc}", l="ABC"[i], code=code, desc=desc)
    d.line("24. Services")
    total = 0.0
    for _ in range(ctx.rng.randint(1, 4)):
        code, desc = ctx.cpt()
        dos = ctx.today - dt.timedelta(days=ctx.rng.randint(1, 40))
        amt = round(ctx.rng.uniform(25, 900), 2)
        total += amt
        d.line("{dos}  {cpt}  {desc}  {amt}", dos=ctx.date(dos, "service"), cpt=code, desc=desc,
               amt=N("money", f"{ctx.cur}{amt:,.2f}"))
    d.line("28. Total Charge: {t}", t=N("money", f"{ctx.cur}{total:,.2f}"))
    d.blank()
    tax_tag, tax = V.tax_id(ctx.rng, ctx.country, person=False)
    emit_fields(d, ctx, [
        ("25. Federal Tax I.D. Number" if us else "Provider Tax ID", [E("tax identification number", tax, tax_tag)]),
        ("26. Patient's Account No.", [E("account number", V.account_number(ctx.rng))]),
        ("31. Signature of Physician", ctx.name(dr)),
        ("32. Service Facility", [ctx.org("hospital"), ", ", ctx.addr_inline(ctx.address(), "work")]),
        ("33. Billing Provider Ph #", [ctx.phone(mobile=False)]),
        ("Date", [ctx.date(ctx.today)]),
    ], mode="lines", shuffle=0.3)
    return d


BUILDERS = {
    "clinical note": (clinical_note, {"person", "date", "date of birth", "age", "medical record number", "phone number",
                                      "organization", "health plan beneficiary number", "license number",
                                      "device identifier", "city", "ip address", "url"}),
    "discharge summary": (discharge_summary, {"person", "date", "date of birth", "age", "medical record number",
                                              "organization", "phone number", "fax number", "street address",
                                              "device identifier"}),
    "referral letter": (referral_letter, {"person", "date", "date of birth", "age", "medical record number",
                                          "organization", "phone number", "fax number", "street address",
                                          "email address", "health plan beneficiary number", "license number"}),
    "lab report": (lab_report, {"person", "date", "date of birth", "age", "medical record number", "organization",
                                "street address", "license number", "phone number"}),
    "prescription": (prescription, {"person", "date", "date of birth", "organization", "street address",
                                    "phone number", "fax number", "license number", "health plan beneficiary number"}),
    "insurance claim": (insurance_claim, {"person", "date", "date of birth", "organization", "street address", "city",
                                          "zip code", "phone number", "health plan beneficiary number",
                                          "tax identification number", "account number"}),
}
