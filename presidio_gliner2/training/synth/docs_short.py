"""One-sentence texts and short informal messages, in Presidio's taxonomy.

Template sentences, text messages and two-line e-mails: names, places, organisations,
nationalities and religions, titles, ages and dates at sentence level, where a model
cannot lean on a form's field labels. Some sentences carry no PII at all.
"""

from __future__ import annotations

import re
from typing import Callable

from . import values as V
from .builder import Doc, E, N
from .ctx import Ctx, Person

Slot = Callable[[Ctx, Person], list]

SLOTS: dict[str, Slot] = {
    "name": lambda c, p: c.name(p, c.pick(["full", "full", "full_mi", "initial_last"]), title=c.p(0.25)),
    "first": lambda c, p: [E("person", p.first, p.role)],
    "ref": lambda c, p: c.ref(p),
    "other": lambda c, p: c.name(c.person(), "full", title=c.p(0.3)),
    "dr": lambda c, p: c.name(c.person(role="clinician", clinician=True), c.pick(["full", "initial_last"]), title=True),
    "age": lambda c, p: c.age(p),
    "aage": lambda c, p: c.age(p, attributive=True),
    "nrp": lambda c, p: [c.nrp()],
    "nationality": lambda c, p: [c.nrp("nationality")],
    "religion": lambda c, p: [c.nrp("religion")],
    "job": lambda c, p: [c.job_title(lower=c.p(0.5))],
    "city": lambda c, p: [E("city", c.address().city)],
    "place": lambda c, p: [c.country_or_state()],
    "addr": lambda c, p: [c.addr_inline(c.address(), "home")],
    "zip": lambda c, p: [E("zip code", c.address().postcode)],
    "fac": lambda c, p: [c.facility()],
    "org": lambda c, p: [c.org(c.pick(["employer", "company", "bank", "insurer"]))],
    "date": lambda c, p: [c.date(c.days_ago(-60, 900))],
    "pdate": lambda c, p: c.partial_date(c.days_ago(-30, 2000)),
    "year": lambda c, p: c.partial_date(c.days_ago(200, 6000), year=True),
    "dob": lambda c, p: [c.dob(p)],
    "phone": lambda c, p: [c.phone()],
    "email": lambda c, p: [c.email(p)],
    "url": lambda c, p: [c.url(person=p)],
    "ip": lambda c, p: [E("ip address", V.ip_address(c.rng))],
    "ssn": lambda c, p: [E("social security number", V.format_ssn(c.rng, V.ssn_digits(c.rng)))],
    "card": lambda c, p: [E("credit card number", V.format_card(c.rng, V.card_number(c.rng)[1]), c.pick(["credit", "debit"]))],
    "iban": lambda c, p: [E("iban", V.format_iban(c.rng, V.iban(c.rng)))],
    "mrn": lambda c, p: [E("medical record number", V.mrn(c.rng))],
    "member": lambda c, p: [E("health plan beneficiary number", V.member_id(c.rng))],
    "plate": lambda c, p: [E("vehicle identifier", V.plate(c.rng, c.country), "plate")],
    "dl": lambda c, p: [E("license number", V.drivers_license(c.rng, c.country, p.last), "dl")],
    "money": lambda c, p: [N("money", c.money(5, 9000))],
    "drug": lambda c, p: c.drug(),
    "dz": lambda c, p: [c.disease()],
    "time": lambda c, p: [c.time()],
}

SENTENCES = [
    "{name} ({age}), a {nrp} {job} from {city}, joined {org} in {year}.",
    "My name is {name} and I live at {addr}.",
    "{dr} will see {ref} at {fac} on {date}.",
    "Call {name} on {phone} or email {email}.",
    "{name}, {age}, was born on {dob} in {city}, {place}.",
    "I'm {age} and I work as a {job} at {org}.",
    "Please send the signed form to {email} by {pdate}.",
    "{name}'s SSN is {ssn} and date of birth {dob}.",
    "The {nationality} consulate in {city} contacted {name} about the visa.",
    "{ref} is a practising {religion} and asked for a chaplain before surgery at {fac}.",
    "Transfer {money} to IBAN {iban} in the name of {name}.",
    "{name} moved from {place} to {addr} on {pdate}.",
    "Our {job}, {name}, can be reached at {phone}.",
    "Patient {name}, MRN {mrn}, seen at {fac} on {pdate} for {dz}.",
    "The car with plate {plate} is registered to {name} of {city}.",
    "{name} ({nationality}, {age}) applied for the {job} role at {org}.",
    "Her card {card} was declined at {time} on {pdate}.",
    "Visit {url} to read more about {name}.",
    "Login from {ip} at {time} for user {email}.",
    "a {aage} {religion} woman from {city} presented to {fac} with {dz}.",
    "{name} was treated by {dr} at {fac} in {year}.",
    "Member ID {member} belongs to {name}, DOB {dob}.",
    "Ship to {addr}, attention {name}.",
    "The {nrp} community centre on the corner hosted {name} in {year}.",
    "{other} and {name} met at {org} in {city} in {year}.",
    "Driver's licence {dl} was issued to {name} on {date}.",
    "{name} lives in {zip} and works for {org}.",
]
PHI_FREE = [
    "Take {drug} with food and recheck in two weeks.",
    "Start {drug} and hold if SBP < 100.",
    "Na 138, K 3.9, Cr 1.1, no acute changes.",
    "Please update the app to v2.3.1 and restart before the next sync.",
    "The report is attached as labs_final.xlsx (2 pages).",
    "BP 120/80, HR 88, afebrile, VSS, NAD.",
    "History of {dz}, stable on current regimen.",
    "Glucose 142 mg/dL fasting; A1c 7.2%.",
    "The meeting moved to the third floor conference room.",
    "Ratio was 1:1 and the dose was 40 mg q6h.",
]
MESSAGES = [
    "hey its {first}, new number is {phone}",
    "can u pick up mom from {fac} at {time}?",
    "moving to {addr} on {pdate}!!",
    "dr appt w {dr} {pdate}, dont forget",
    "my email changed to {email} btw",
    "{first} is {age} today, party at {addr}",
    "lol {other} said the {nationality} place on main st is closed",
    "can you send me {name}'s number? i think its {phone}",
    "omw to {fac}, visiting {first}",
    "pls pay me back {money}, iban {iban}",
]

_SLOT_NAME = re.compile(r"\{(\w+)\}")


def fill(d: Doc, ctx: Ctx, p: Person, template: str) -> None:
    """Write ``template``, drawing only the slots it names, in the template's order: a set's order
    changes with the process's string hashing, and with it every value drawn after, so the same
    seed made different documents in different runs."""
    d.f(template, **{slot: SLOTS[slot](ctx, p) for slot in dict.fromkeys(_SLOT_NAME.findall(template))})


def one_sentence(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role=ctx.pick(["person", "patient", "customer"]))
    fill(d, ctx, p, ctx.pick(PHI_FREE) if ctx.p(0.12) else ctx.pick(SENTENCES))
    return d


def short_email(ctx: Ctx) -> Doc:
    """A two-line e-mail: greeting, one sentence, sign-off."""
    d = Doc()
    p = ctx.person(role="friend")
    d.f("{greet} {first},\n\n", greet=ctx.pick(["Hi", "Hello", "Dear", "Hey"]), first=[E("person", p.first, "friend")])
    fill(d, ctx, p, ctx.pick(SENTENCES))
    d.f("\n\n{bye}\n", bye=ctx.pick(["Thanks,", "Best,", "Cheers,", "Regards,"]))
    d.add(ctx.name(ctx.person(), ctx.pick(["full", "full_mi"]), title=False))
    return d


def text_messages(ctx: Ctx) -> Doc:
    """A text-message thread of two to four lines."""
    d = Doc()
    p = ctx.person(role="friend")
    for _ in range(ctx.rng.randint(2, 4)):
        if ctx.p(0.5):
            opening, closing = ctx.pick([("[", "] "), ("", " "), ("", ": ")])
            d.add(opening, ctx.time(), closing)
        fill(d, ctx, p, ctx.pick(MESSAGES))
        d.add("\n")
    return d
