"""Tables (pipe, tab or comma separated) and key: value forms.

Rosters, census sheets and exported spreadsheets put one value per cell, with only a
header to say what it is; forms put a label before each value. Cells reuse the sentence
slots of ``docs_short``; a few columns hold hard negatives (rooms, diagnoses, amounts).
"""

from __future__ import annotations

from .builder import Doc, N
from .ctx import Ctx
from .docs_short import SLOTS
from .layout import emit_fields

# column: (header spellings, slot or a hard-negative maker)
COLUMNS: dict[str, tuple[tuple[str, ...], object]] = {
    "name": (("Name", "Patient", "Employee", "Full name", "NAME"), "name"),
    "dob": (("DOB", "Date of birth", "D.O.B."), "dob"),
    "age": (("Age", "AGE", "Age/Sex"), "age"),
    "mrn": (("MRN", "Chart #", "Hosp No"), "mrn"),
    "phone": (("Phone", "Tel", "Contact #", "Mobile"), "phone"),
    "email": (("Email", "E-mail"), "email"),
    "city": (("City", "Town"), "city"),
    "zip": (("ZIP", "Postcode", "Zip code"), "zip"),
    "addr": (("Address", "Home address"), "addr"),
    "fac": (("Facility", "Site", "Hospital", "Unit"), "fac"),
    "date": (("Date", "Admit", "Visit", "Seen"), "pdate"),
    "job": (("Title", "Position", "Job title", "Occupation"), "job"),
    "nationality": (("Nationality", "Citizenship"), "nationality"),
    "religion": (("Religion", "Faith"), "religion"),
    "member": (("Member ID", "Insurance #"), "member"),
    "room": (("Room", "Bed", "Loc"), lambda c: [c.room()]),
    "dx": (("Dx", "Diagnosis", "Problem"), lambda c: [c.disease()]),
    "amount": (("Amount", "Balance", "Due"), lambda c: [N("money", c.money(5, 5000))]),
    "status": (("Status", "Code", "Acuity"), lambda c: [c.pick(["active", "d/c", "FULL", "DNR", "pending", "ok"])]),
}


def _cell(ctx: Ctx, column: str, person) -> list:
    maker = COLUMNS[column][1]
    if isinstance(maker, str):
        return SLOTS[maker](ctx, person)
    return maker(ctx)


def table(ctx: Ctx) -> Doc:
    d = Doc()
    columns = ctx.rng.sample(list(COLUMNS), ctx.rng.randint(3, 6))
    if "name" not in columns and ctx.p(0.7):
        columns[0] = "name"
    sep = ctx.pick([" | ", "\t", "|", ", ", "  "])
    edge = sep.strip() == "|" and ctx.p(0.5)
    if ctx.p(0.4):
        d.add(ctx.pick(["Census", "Patient list", "Staff roster", "Export", "Contacts", "PT LIST"]), "\n")
    row = [ctx.pick(list(COLUMNS[c][0])) for c in columns]
    d.add("| " if edge else "", sep.join(row), " |" if edge else "", "\n")
    if edge:
        d.add("|", "|".join("---" for _ in columns), "|\n")
    for _ in range(ctx.rng.randint(1, 8)):
        person = ctx.person(role=ctx.pick(["patient", "employee", "person"]))
        if edge:
            d.add("| ")
        for i, column in enumerate(columns):
            d.add(sep if i else "", _cell(ctx, column, person))
        d.add(" |" if edge else "", "\n")
    return d


def form(ctx: Ctx) -> Doc:
    d = Doc()
    person = ctx.person(role=ctx.pick(["patient", "employee", "customer", "person"]))
    columns = ctx.rng.sample(list(COLUMNS), ctx.rng.randint(4, 10))
    if ctx.p(0.5):
        d.add(ctx.pick(["Intake form", "REGISTRATION", "Contact sheet", "Visitor log", "Profile"]), "\n")
    emit_fields(d, ctx, [(ctx.pick(list(COLUMNS[c][0])), _cell(ctx, c, person)) for c in columns],
                mode=ctx.pick([None, "lines", "tabs", "pairs", "caps"]))
    return d
