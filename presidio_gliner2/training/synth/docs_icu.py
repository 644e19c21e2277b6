"""ICU and nursing shorthand notes, with PHI embedded or with none at all.

Real progress notes are terse: "pt is 58 yo m s/p cabg at baystate icu 7/22, f/u w/ dr
smith". Identifiers sit in shorthand full of things that look like identifiers and are
not (vitals "BP 120/80", labs "K 3.9", doses "40 mg", frequencies "q6h", ratios, file names
and versions); those are recorded as hard negatives. A PHI-free note has no span at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from . import values as V
from . import vocab as W
from .builder import Doc, E, N
from .ctx import Ctx, Person

SEX = {"M": ["m", "M", "male", "man"], "F": ["f", "F", "female", "woman"]}


def _vitals(ctx: Ctx) -> list:
    rng = ctx.rng
    items = [("HR", f"{rng.randint(52, 130)}"), ("BP", f"{rng.randint(86, 180)}/{rng.randint(40, 100)}"),
             ("RR", str(rng.randint(10, 32))), ("SpO2", f"{rng.randint(86, 100)}%"), ("MAP", str(rng.randint(55, 95))),
             ("T", f"{rng.uniform(35.8, 39.4):.1f}"), ("CVP", str(rng.randint(4, 16)))]
    rng.shuffle(items)
    out: list = []
    for i, (k, v) in enumerate(items[: rng.randint(2, 5)]):
        out += ([ctx.pick([", ", " ", "; "])] if i else []) + [k + ctx.pick([" ", "", ": "]), N("vital", v)]
    return out


def _labs(ctx: Ctx) -> list:
    out: list = []
    for i, (name, lo, hi, dec) in enumerate(ctx.rng.sample(W.LAB_SHORTHAND, ctx.rng.randint(2, 5))):
        out += ([ctx.pick([", ", " ", " / "])] if i else []) + [N("lab", name), " ",
                                                                N("lab_value", f"{ctx.rng.uniform(lo, hi):.{dec}f}")]
    return out


def _sh(ctx: Ctx, k: int = 1) -> list:
    """Shorthand tokens (hard negatives) joined by spaces or commas."""
    out: list = []
    for i, tok in enumerate(ctx.rng.sample(W.SHORTHAND, k)):
        out += ([ctx.pick([" ", ", ", ". "])] if i else []) + [N("shorthand", tok)]
    return out


def _dose(ctx: Ctx) -> list:
    name, doses, unit = ctx.pick(W.DRUGS)
    return [N("drug", name.split()[0].lower()), " ", N("dose", f"{ctx.pick(doses)} {unit}"), " ",
            N("sig", ctx.pick(["q6h", "q12h", "q8h", "qd", "bid", "tid", "prn", "IV q12h", "PO daily", "x1"]))]


def _doctor(ctx: Ctx) -> list:
    """Doctors as notes write them: "dr smith", "Dr. Patel", "DR JONES", "smith (renal)"."""
    doc = ctx.person(role="clinician", clinician=True, non_anglo=0.35)
    r = ctx.rng.random()
    if r < 0.45:
        return [E("title", ctx.pick(["dr", "dr.", "Dr", "Dr."]), "honorific"), " ",
                E("person", ctx.pick([doc.last.lower(), doc.last, f"{doc.first} {doc.last}".lower()]), "clinician")]
    if r < 0.7:
        return ctx.name(doc, ctx.pick(["full", "initial_last"]), title=True)
    return [E("person", doc.last.lower(), "clinician"), " (", ctx.pick(["renal", "cards", "ID", "GI", "pulm", "surg"]),
            ")"]


def _phi_lines(ctx: Ctx, p: Person, d: Doc) -> list[Callable[[], object]]:
    rng = ctx.rng
    adm = ctx.days_ago(1, 20)
    sex = ctx.pick(SEX[p.gender])
    rel = ctx.pick(["wife", "husband", "son", "daughter", "sister", "brother", "mother"])
    return [
        lambda: d.f(ctx.pick(["pt is a {age} {sex} s/p {proc} at {fac} ", "{age} {sex} w/ h/o {dz}, tx from {fac} ",
                              "{age} {sex} adm to {fac} "]),
                    age=ctx.age(p, attributive=True), sex=sex, proc=ctx.pick(["cabg", "CABG x3", "ex-lap", "TAVR", "PCI"]),
                    fac=ctx.facility(), dz=ctx.disease()),
        lambda: d.f("admitted {date} c/o {sx}. ", date=ctx.partial_date(adm, "admission"),
                    sx=ctx.pick(["SOB", "cp", "fevers", "AMS", "n/v", "abd pain", "fall"])),
        lambda: d.f("seen by {dr}, f/u {date}. ", dr=_doctor(ctx), date=ctx.partial_date(ctx.today + dt.timedelta(days=rng.randint(3, 40)))),
        lambda: d.f("{rel} {name} called, # {phone}, updated on poc. ", rel=rel,
                    name=ctx.name(ctx.relative(rel), ctx.pick(["full", "full", "initial_last"]), title=False),
                    phone=ctx.phone()),
        lambda: d.f("lives at {addr} w/ {rel}. ", addr=ctx.addr_inline(ctx.address(), "home"), rel=rel),
        lambda: d.f("from {place}, {nrp}, ", place=ctx.country_or_state(), nrp=ctx.nrp()),
        lambda: d.f("pt worked as {job} at {org} until {yr}. ", job=ctx.job_title(lower=ctx.p(0.5)),
                    org=ctx.org("employer"), yr=ctx.partial_date(ctx.days_ago(400, 4000), year=True)),
        lambda: d.f("mrn {mrn} ", mrn=E("medical record number", ctx.pick(["", "#"]) + str(rng.randint(1000000, 9999999)))),
        lambda: d.f("h/o {dz} dx {yr}, ", dz=ctx.disease(), yr=ctx.partial_date(ctx.days_ago(700, 6000), year=True)),
        lambda: d.f("plan d/c to {fac} on the {date}. ", fac=ctx.facility(),
                    date=E("date", V.format_partial_date(ctx.today + dt.timedelta(days=rng.randint(1, 12)), "ordinal"),
                           "discharge")),
        lambda: d.f("pt {ref} ", ref=ctx.ref(p)),
    ]


def _clinical_lines(ctx: Ctx, d: Doc) -> list[Callable[[], object]]:
    return [
        lambda: d.f("VS: {v}. ", v=_vitals(ctx)),
        lambda: d.f("labs {l}. ", l=_labs(ctx)),
        lambda: d.f("{s}. ", s=_sh(ctx, ctx.rng.randint(1, 4))),
        lambda: d.f("given {dose}. ", dose=_dose(ctx)),
        lambda: d.f("{sys}: {s}. ", sys=ctx.pick(["neuro", "cv", "resp", "gi", "gu", "id", "skin", "social"]),
                    s=_sh(ctx, ctx.rng.randint(1, 3))),
        lambda: d.f("{x} ", x=N("tech", ctx.pick(W.TECH_NEGATIVES))),
        lambda: d.f("hx {dz}, ", dz=ctx.disease()),
        lambda: d.f("{k}, {tech}, {dose}. ", k=N("shorthand", ctx.pick(W.SHORTHAND)), tech=N("tech", ctx.pick(W.TECH_NEGATIVES)),
                    dose=_dose(ctx)),
        lambda: d.f("I/O {a}/{b}. ", a=N("vital", str(ctx.rng.randint(400, 3000))), b=N("vital", str(ctx.rng.randint(300, 2500)))),
        lambda: d.f("SOB {x} {dz}. ", x=N("shorthand", "2/2"), dz=N("shorthand", ctx.pick(["CHF", "PNA", "COPD", "fluid overload"]))),
    ]


def icu_note(ctx: Ctx, phi: bool = True) -> Doc:
    d = Doc()
    p = ctx.person(role="patient", elderly=0.15)
    if ctx.p(0.6):
        d.f(ctx.pick(["{u} NPN {t}\n", "nursing progress note {t}\n", "{u} nsg note\n", "npn {t}: ", "{u} RN note - "]),
            u=ctx.pick(W.UNITS), t=ctx.time())
    lines = _clinical_lines(ctx, d)
    if phi:
        phi_lines = _phi_lines(ctx, p, d)
        ctx.rng.shuffle(phi_lines)
        lines = phi_lines[: ctx.rng.randint(1, 5)] + ctx.rng.sample(lines, ctx.rng.randint(2, 6))
        ctx.rng.shuffle(lines)
    else:
        lines = ctx.rng.sample(lines, ctx.rng.randint(3, 8))
    for i, fn in enumerate(lines):
        fn()
        if ctx.p(0.25):
            d.add("\n")
    if ctx.p(0.3):
        d.add("\n", ctx.pick(["will cont to monitor.", "plan as above.", "see flowsheet.", "rn to f/u."]))
    return d


def phi_free_note(ctx: Ctx) -> Doc:
    return icu_note(ctx, phi=False)
