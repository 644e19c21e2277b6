"""General documents: emails, chat logs, support tickets and HR records."""

from __future__ import annotations

import datetime as dt

from . import values as V
from . import vocab as W
from .builder import Doc, E, N
from .ctx import Ctx, Person
from .layout import boilerplate, emit_fields, heading, run_sections


def _signature(d: Doc, ctx: Ctx, p: Person, org_name: str | None) -> None:
    d.line(ctx.pick(["Best,", "Thanks,", "Regards,", "Cheers,", "Kind regards,", "--"]))
    d.line("{n}", n=ctx.name(p, ctx.pick(["full", "full", "full_mi"]), title=False) if ctx.p(0.7) else ctx.ref(p))
    if org_name and ctx.p(0.8):
        d.line("{j} | {o}", j=ctx.job_title(), o=ctx.org("employer", org_name))
    if ctx.p(0.6):
        d.line("{l} {ph}", l=ctx.pick(["T:", "Tel:", "Direct:", "Office:", "Ph"]), ph=ctx.phone(mobile=False))
    if ctx.p(0.35):
        d.line("{l} {ph}", l=ctx.pick(["M:", "Mobile:", "Cell:"]), ph=ctx.phone(mobile=True))
    if ctx.p(0.2):
        d.line("{l} {fx}", l=ctx.pick(["F:", "Fax:"]), fx=ctx.fax())
    if org_name and ctx.p(0.35):
        d.line("{u}", u=ctx.url(ctx.domain_for(org_name)))


EMAIL_TOPICS = ["moved", "meeting", "invoice", "deposit", "intro", "appointment", "vehicle", "it", "reference",
                "mortgage", "crypto"]


def _email_body(d: Doc, ctx: Ctx, sender: Person, to: Person, org_name: str) -> None:
    r = ctx.ref(to) if ctx.p(0.5) else [E("person", to.first, to.role)]
    d.line(ctx.pick(["Hi {r},", "Hello {r},", "Dear {r},", "{r},"]), r=r)
    d.blank()
    topics = ctx.rng.sample(EMAIL_TOPICS, k=ctx.pick([1, 1, 1, 2, 2, 3]))
    for topic in topics:
        _email_topic(d, ctx, topic, org_name)
        if ctx.p(0.3):
            d.line(ctx.pick(["Let me know if anything else is needed.", "Happy to discuss on a call.",
                             "Sorry for the delay on this one.", "No rush on this."]))
        d.blank()


def _email_topic(d: Doc, ctx: Ctx, topic: str, org_name: str) -> None:
    if topic == "mortgage":
        d.line("Your {k} {ln} payment of {amt} is due on {date}. Autopay from account {a} is {st}.",
               k=ctx.pick(["mortgage", "loan"]), ln=E("loan number", V.loan_number(ctx.rng), "mortgage"),
               amt=N("money", ctx.money(400, 4500)), date=ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(3, 25))),
               a=E("bank account number", V.bank_account_number(ctx.rng, ctx.country), "checking"),
               st=ctx.pick(["active", "paused", "not set up"]))
    elif topic == "crypto":
        w = V.crypto_wallet(ctx.rng)
        d.line("For the {amt} you owe me, send it in {c} to {w} - double-check the address before sending.",
               amt=N("money", ctx.money(50, 3000)), c="BTC" if w[0] == "btc" else "ETH",
               w=E("crypto wallet address", w[1], w[0]))
    elif topic == "moved":
        d.line("Just a heads-up that I've moved. My new address is {a}.", a=ctx.addr_inline(ctx.address(), "home"))
        d.line("My mobile is now {ph} and the old landline will be cancelled {y}.", ph=ctx.phone(mobile=True),
               y=ctx.pick(["next week", "at the end of the month", "soon"]))
    elif topic == "meeting":
        d.line("Can we move our review to {date} at {t}? I've booked {room}.", date=ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(1, 20))),
               t=ctx.time(), room=N("room", ctx.pick(["Conference Room B", "Room 4.12", "the Oak meeting room", "Board Room 2"])))
        d.line("{n} from {o} will join too; her number is {ph} if we need to dial in.",
               n=ctx.name(ctx.person(role="colleague", gender="F"), "full", title=False), o=ctx.org("company"),
               ph=ctx.phone())
    elif topic == "invoice":
        d.line("Please find attached invoice {inv} for {amt}, covering {q} units of {sku}.", inv=ctx.invoice_no(),
               amt=N("money", ctx.money(100, 25000)), q=N("quantity", str(ctx.rng.randint(2, 400))), sku=ctx.sku())
        d.line("Payment is due within 30 days. Your billing account number is {a}.", a=E("account number", V.account_number(ctx.rng)))
        if ctx.p(0.5):
            bank = ctx.org_name("bank")
            code = V.bank_code_from(bank, ctx.rng)
            c = V.IBAN_COUNTRY_FOR.get(ctx.country) or ctx.pick(["DE", "NL", "FR"])
            d.line("Bank details: {b}, IBAN {ib}, BIC {bic}.", b=ctx.org("bank", bank),
                   ib=E("iban", V.format_iban(ctx.rng, V.iban(ctx.rng, c, code))), bic=E("swift code", V.swift(ctx.rng, c, code)))
    elif topic == "deposit":
        d.line("Please update my direct deposit to the new account below, effective {date}:", date=ctx.date(ctx.today))
        d.line("Bank: {b}", b=ctx.org("bank"))
        d.line("Account: {a}", a=E("bank account number", V.bank_account_number(ctx.rng, ctx.country), ctx.pick(["checking", "savings"])))
        if ctx.country == "US":
            d.line("Routing: {r}", r=E("routing number", V.aba_routing(ctx.rng)))
        d.line("Let me know if {role} needs a voided cheque.", role=ctx.role(["payroll", "HR", "the payroll team"]))
    elif topic == "intro":
        other = ctx.person(role="contact")
        d.line("I'd like to introduce {n}, who led the {x} project at {o} {y}.", n=ctx.name(other, title=False),
               x=ctx.pick(["migration", "audit", "rebrand", "data platform"]), o=ctx.org("company"), y=ctx.year_phrase(("in ",)))
        d.line("Profile: {u}", u=ctx.url(person=other))
        d.line("You can reach {r} at {e}.", r=ctx.ref(other), e=ctx.email(other))
    elif topic == "appointment":
        rel = ctx.pick(["son", "daughter", "father", "mother"])
        age = ctx.rng.randint(1, 17) if rel in ("son", "daughter") else ctx.rng.randint(62, 97)
        kid = ctx.person(role="patient", gender="M" if rel in ("son", "father") else "F", age=age)
        d.line("My {rel} {n} (DOB {dob}) has an appointment with {dr} on {date}.", rel=rel,
               n=ctx.name(kid, "full", title=False), dob=ctx.dob(kid), dr=ctx.name(ctx.person(role="clinician", clinician=True), title=True),
               date=ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(2, 30)), "service"))
        d.line("Our insurance member ID is {m} and the MRN on the letter is {mrn}. Is {drug} still needed before the visit?",
               m=E("health plan beneficiary number", V.member_id(ctx.rng)), mrn=E("medical record number", V.mrn(ctx.rng)),
               drug=ctx.drug())
    elif topic == "vehicle":
        d.line("For the parking permit, my car is a {mk} with plate {pl}.", mk=ctx.pick(["grey Honda CR-V", "blue Mazda 3",
                                                                                          "white Tesla Model Y", "red Ford Focus"]),
               pl=E("vehicle identifier", V.plate(ctx.rng, ctx.country), "plate"))
        if ctx.p(0.6):
            d.line("The insurer also asked for the VIN: {v}.", v=E("vehicle identifier", V.vin(ctx.rng), "vin"))
    elif topic == "it":
        d.line("My laptop (serial {s}) can't reach the VPN since {t}. It shows IP {ip}.",
               s=E("device identifier", V.device_serial(ctx.rng, "laptop"), "equipment"), t=ctx.time(),
               ip=E("ip address", V.ip_address(ctx.rng)))
        d.line("Ticket {tk} was opened but closed without a fix.", tk=ctx.ticket_no())
    else:
        cand = ctx.person(role="candidate")
        d.line("{n} has listed you as a reference for the {j} role. Could you confirm {pr} dates of employment at {o}?",
               n=ctx.name(cand, title=ctx.p(0.3)), j=ctx.job_title(), pr="her" if cand.gender == "F" else "his",
               o=ctx.org("employer", org_name))
        d.line("{r} started on {date} according to the application.", r=ctx.ref(cand), date=ctx.date(ctx.days_ago(400, 3000)))


def email(ctx: Ctx) -> Doc:
    d = Doc()
    sender = ctx.person(role="sender")
    to = ctx.person(role="recipient")
    org_name = ctx.org_name("company")
    dom = ctx.domain_for(org_name)
    d.line("From: {n} <{e}>", n=ctx.name(sender, "full", title=False), e=ctx.email(sender, dom if ctx.p(0.5) else None))
    d.line("To: {t}", t=[ctx.name(to, "full", title=False), " <", ctx.email(to), ">"] if ctx.p(0.6) else [ctx.email(to)])
    if ctx.p(0.3):
        cc = ctx.person(role="cc")
        d.line("Cc: {e}", e=ctx.email(cc, dom))
    d.line("Date: {date} {t}", date=ctx.date(ctx.today), t=ctx.time())
    d.line("Subject: {s}", s=ctx.pick(["Quick update", "Re: next steps", "Follow-up", "Details as requested", "FW: info",
                                       "Checking in", "Action needed"]))
    d.blank()
    _email_body(d, ctx, sender, to, org_name)
    if ctx.p(0.3):
        d.line("Also, {role} asked me to confirm {x}.", role=ctx.role(W.ROLES_GENERAL),
               x=ctx.pick([["the budget of ", N("money", ctx.money(500, 20000))], "that the order shipped",
                           "the Q3 numbers"]))
        d.blank()
    _signature(d, ctx, sender, org_name)
    if ctx.p(0.3):
        d.blank()
        d.line("On {date}, {n} <{e}> wrote:", date=ctx.date(ctx.today - dt.timedelta(days=ctx.rng.randint(1, 9))),
               n=ctx.name(to, "full", title=False), e=ctx.email(to))
        d.line("> {x}", x=ctx.pick(["Can you send me the details?", "Thanks - see you then.", "Any update on this?"]))
    boilerplate(d, ctx, "email", 0.35)
    return d


def chat_log(ctx: Ctx) -> Doc:
    d = Doc()
    support = ctx.p(0.6)
    cust = ctx.person(role="customer")
    other = ctx.person(role="agent" if support else "friend")
    names = {
        "c": [E("person", ctx.pick([cust.full, cust.first, f"{cust.first} {cust.last[0]}."]), cust.role)],
        "o": [ctx.pick(["Agent ", "Support - ", ""]), E("person", other.first, other.role)] if support
        else [E("person", ctx.pick([other.full, other.first]), other.role)],
    }
    stamp_style = ctx.pick(["[{t}] {n}: ", "{n} ({t}): ", "{n}: ", "{t} - {n}: ", "<{n}> "])
    clock = ctx.rng.randint(7 * 60, 21 * 60)
    h24 = ctx.p(0.5)

    def say(who: str, *parts):
        nonlocal clock
        clock += ctx.rng.randint(0, 3)
        h, m = divmod(clock % 1440, 60)
        d.f(stamp_style, t=N("time", f"{h:02d}:{m:02d}" if h24 else f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"),
            n=names[who])
        d.add(*parts, "\n")

    if support:
        d.line("Chat transcript - {o} - {date}", o=ctx.org("company"), date=ctx.date(ctx.today))
        say("o", "Hi, thanks for contacting us. How can I help?")
        turns = [
            lambda: (say("c", ctx.pick(["my order ", "order "]), ctx.order_no(), " never arrived"),
                     say("o", "Sorry to hear that. Can you confirm the email on the account?"),
                     say("c", ctx.email(cust))),
            lambda: (say("o", "For verification, what's your date of birth?"), say("c", ctx.dob(cust))),
            lambda: (say("o", "And the billing zip / postcode?"), say("c", E("zip code", ctx.address().postcode)),),
            lambda: (say("c", "you can call me on ", ctx.phone(mobile=True), " after ", ctx.time())),
            lambda: (say("c", "I moved, new address is ", ctx.addr_inline(ctx.address(), "home"))),
            lambda: (say("o", "I see a charge of ", N("money", ctx.money(5, 900)), " on ", ctx.date(ctx.days_ago(1, 30)),
                          ", reference ", ctx.txn_id())),
            lambda: (say("c", "my account number is ", E("account number", V.account_number(ctx.rng)))),
            lambda: (say("c", "the device serial is ", E("device identifier", V.device_serial(ctx.rng, ctx.pick(["router", "laptop", "phone"])), "equipment"),
                          ", model ", ctx.sku())),
            lambda: (say("o", "Your customer ID is ", E("customer id", V.customer_id(ctx.rng)), " for future reference.")),
            lambda: (say("c", "I'm in ", E("city", ctx.address().city), " if that matters")),
            lambda: (say("c", "it's the card ending ", N("masked", V.digits(ctx.rng, 4)), ", I don't want to type the full number")),
            lambda: (say("c", "card number is ", E("credit card number", V.format_card(ctx.rng, V.card_number(ctx.rng)[1]),
                                                     ctx.pick(["credit", "debit"]))),
                     say("o", "Please don't share full card numbers in chat - I've masked it on our side.")),
            lambda: (say("o", "Can you confirm the last four of your SSN?"), say("c", N("masked", V.digits(ctx.rng, 4)))),
            lambda: (say("c", "the car is registered under plate ", E("vehicle identifier", V.plate(ctx.rng, ctx.country), "plate"),
                          ", VIN ", E("vehicle identifier", V.vin(ctx.rng), "vin"))),
            lambda: (say("o", "I've sent a reset link to ", ctx.email(cust), ", it expires in ", N("duration", "24 hours"))),
        ]
        ctx.rng.shuffle(turns)
        for fn in turns[: ctx.rng.randint(4, 9)]:
            fn()
        say("o", "Thanks ", E("person", cust.first, cust.role), ", I've escalated this as ", ctx.ticket_no(), ".")
        say("c", ctx.pick(["ok thanks", "great, thank you!", "thx"]))
    else:
        friend3 = ctx.person(role="friend")
        turns = [
            lambda: (say("c", "hey are we still on for ", ctx.pick(["saturday", "tonight", "friday"]), "?"),
                     say("o", "yes! ", ctx.time(), " at mine")),
            lambda: (say("o", "new address btw: ", ctx.addr_inline(ctx.address(), "home"))),
            lambda: (say("c", "text ", E("person", friend3.first, "friend"), " on ", ctx.phone(mobile=True))),
            lambda: (say("o", "did you send the ", N("money", ctx.money(10, 300)), " for the tickets?"),
                     say("c", "yes, sent from my account ", E("bank account number", V.bank_account_number(ctx.rng, ctx.country), "checking"))),
            lambda: (say("c", "my ", ctx.pick(["mum", "dad", "gran", "grandad"]), " turns ", E("age", str(ctx.rng.randint(60, 99)), "person"),
                          " on ", ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(2, 60))))),
            lambda: (say("o", "send me the link"), say("c", ctx.url(person=friend3))),
            lambda: (say("c", "pay me back here: ", E("crypto wallet address", (w := V.crypto_wallet(ctx.rng))[1], w[0]))),
            lambda: (say("o", "flight lands ", ctx.time(), ", I'll be at ", E("city", ctx.address().city), " by then")),
            lambda: (say("c", "ugh the doctor put me on ", *ctx.drug())),
            lambda: (say("o", "email me at ", ctx.email(other), " instead")),
            lambda: (say("c", "someone dinged my car in the car park, plate ", E("vehicle identifier", V.plate(ctx.rng, ctx.country), "plate")),
                     say("o", "omg. did you report it?")),
            lambda: (say("o", "happy birthday!! ", ctx.pick(["how does ", "feels good to be "]), E("age", str(ctx.rng.randint(18, 70)), "person"), "?")),
            lambda: (say("c", "meet at ", N("room", ctx.pick(["gate B12", "platform 4", "table 9"])), ", ", ctx.time())),
        ]
        ctx.rng.shuffle(turns)
        for fn in turns[: ctx.rng.randint(4, 10)]:
            fn()
    return d


def support_ticket(ctx: Ctx) -> Doc:
    d = Doc()
    cust = ctx.person(role="customer")
    agent = ctx.person(role="agent")
    company = ctx.org_name("company")
    d.line("{l} {tk}", l=ctx.pick(["Ticket", "Case", "Request #", "Incident"]), tk=ctx.ticket_no())
    emit_fields(d, ctx, [
        ("Status", [ctx.pick(["Open", "Pending", "Resolved", "Escalated"])]),
        ("Priority", [ctx.pick(["Low", "Normal", "High", "P2"])]),
        ("Requester", ctx.name(cust, ctx.pick(["full", "last_first"]), title=False)),
        ("Email", [ctx.email(cust)]),
        ("Phone", [ctx.phone()]) if ctx.p(0.6) else None,
        (ctx.pick(["Customer ID", "Account ID", "Client #"]), [E("customer id", V.customer_id(ctx.rng))]) if ctx.p(0.7) else None,
        ("Product", [ctx.pick(W.PRODUCTS), " ", ctx.sku()]),
        ("Serial", [E("device identifier", V.device_serial(ctx.rng, ctx.pick(["router", "laptop", "phone"])), "equipment")])
        if ctx.p(0.6) else None,
        ("Created", [ctx.date(ctx.today), " ", ctx.time()]),
        ("Assignee", ctx.name(agent, "full", title=False)),
    ])
    d.blank()
    heading(d, ctx, "Description")
    d.f(ctx.pick(["Customer reports that the {p} stops working after the latest update. ",
                  "The {p} will not power on; customer already tried a reset. ",
                  "Unable to log in to the portal at {u} since {t}. "]), p=ctx.pick(W.PRODUCTS), u=ctx.url(ctx.domain_for(company)),
        t=ctx.time())
    if ctx.p(0.6):
        d.f("Error logs show requests from {ip} being rejected. ", ip=E("ip address", V.ip_address(ctx.rng)))
    if ctx.p(0.4):
        d.f("Order {o} for {amt} was placed on {date}. ", o=ctx.order_no(), amt=N("money", ctx.money(20, 2000)),
            date=ctx.date(ctx.days_ago(3, 90)))
    d.add("\n")
    d.blank()
    heading(d, ctx, ctx.pick(["Comments", "Activity", "Notes"]))
    for _ in range(ctx.rng.randint(1, 4)):
        who = ctx.pick(["agent", "cust"])
        if who == "agent":
            d.line("{date} {t} {n}: {msg}", date=ctx.date(ctx.today), t=ctx.time(), n=ctx.ref(agent, ("agent",)), msg=ctx.pick([
                ["Called customer at ", ctx.phone(), ", left voicemail."],
                ["Asked ", ctx.ref(cust), " to send a photo of the label."],
                ["Replacement approved, shipping to ", ctx.addr_inline(ctx.address(), "home"), "."],
                ["Escalated to tier 2 (", ctx.role(W.ROLES_GENERAL), ")."],
                ["Refund of ", N("money", ctx.money(10, 500)), " issued, ref ", ctx.txn_id(), "."],
            ]))
        else:
            d.line("{date} {t} {n}: {msg}", date=ctx.date(ctx.today), t=ctx.time(), n=ctx.ref(cust, ("customer",)), msg=ctx.pick([
                "Still not working, this is the third time I'm writing.",
                ["My new number is ", ctx.phone(mobile=True), "."],
                ["Please ship it to my office instead: ", ctx.addr_inline(ctx.address(), "work"), "."],
                ["Attached screenshot. The label on the unit says ", E("device identifier", V.device_serial(ctx.rng, "router"), "equipment"), "."],
                ["The app still doesn't show my car, VIN ", E("vehicle identifier", V.vin(ctx.rng), "vin"), "."],
            ]))
    return d


def hr_record(ctx: Ctx) -> Doc:
    d = Doc(caps=ctx.p(0.08))
    p = ctx.person(role="employee")
    emp = ctx.org_name("employer")
    mgr = ctx.person(role="manager")
    hire = ctx.days_ago(200, 5000)
    d.line("{o}", o=ctx.org("employer", emp))
    d.line(ctx.pick(["Employee Record", "PERSONNEL FILE", "HR Information Sheet", "Employee Profile - Confidential"]))
    d.blank()
    a = ctx.address()
    items = [
        ("Name", ctx.name(p, ctx.pick(["full", "full_mi", "last_first"]), title=False)),
        ("Date of Birth", [ctx.dob(p)]),
        ("Age", [E("age", str(p.age), "person")]) if ctx.p(0.3) else None,
        ("Hire Date", [ctx.date(hire, "hire")]),
        ("Job Title", [ctx.job_title()]),
        ("Department", [ctx.pick(W.DEPARTMENTS)]),
        ("Manager", ctx.name(mgr, "full", title=False)),
        ("Work Email", [ctx.email(p, ctx.domain_for(emp))]),
        ("Mobile", [ctx.phone(mobile=True)]),
    ]
    if ctx.country == "US" and ctx.p(0.7):
        items.append(("SSN", [E("social security number", V.format_ssn(ctx.rng, V.ssn_digits(ctx.rng)))]))
    elif ctx.p(0.6):
        tag, tid = V.tax_id(ctx.rng, ctx.country, person=True, last_name=p.last)
        items.append(("Tax ID", [E("tax identification number", tid, tag)]))
    emit_fields(d, ctx, items)
    if ctx.p(0.5):
        d.add(ctx.addr_fields(a, "home"), "\n")
    else:
        d.line("Home Address: {a}", a=ctx.addr_inline(a, "home"))
    d.blank()
    secs = [
        lambda: (heading(d, ctx, "Emergency Contact"),
                 d.line("{n} ({r}) - {ph}", n=ctx.name(ctx.person(role="family"), "full", title=False),
                        r=ctx.pick(["spouse", "mother", "brother", "partner", "friend"]), ph=ctx.phone())),
        lambda: (heading(d, ctx, "Payroll"),
                 d.line("Salary: {s} per year. Direct deposit: {b}, account {a}{rt}.", s=N("money", ctx.money(28000, 190000, False)),
                        b=ctx.org("bank"), a=E("bank account number", V.bank_account_number(ctx.rng, ctx.country), "checking"),
                        rt=[", routing ", E("routing number", V.aba_routing(ctx.rng))] if ctx.country == "US" else "")),
        lambda: (heading(d, ctx, "Equipment"),
                 d.line("Laptop {m}, serial {s}; phone IMEI {i}.", m=ctx.sku(),
                        s=E("device identifier", V.device_serial(ctx.rng, "laptop"), "equipment"),
                        i=E("device identifier", V.imei(ctx.rng), "equipment"))),
        lambda: (heading(d, ctx, "Parking"),
                 d.line("Permit issued for plate {pl}. Driver's licence {dl}.", pl=E("vehicle identifier", V.plate(ctx.rng, ctx.country), "plate"),
                        dl=E("license number", V.drivers_license(ctx.rng, ctx.country, p.last), "dl"))),
        lambda: (heading(d, ctx, ctx.pick(["Notes", "Performance", "History"])),
                 d.f("{r} joined {o} on {date} ", r=ctx.ref(p), o=ctx.org("employer", emp), date=ctx.date(hire, "hire")),
                 d.f("after {n} years at {prev}. ", n=N("duration", str(ctx.rng.randint(1, 12))), prev=ctx.org("employer")),
                 d.f(ctx.pick(["Annual review with {m} on {date}: exceeds expectations. ",
                               "Written warning issued by {m} on {date} for attendance. ",
                               "Promoted on {date}, approved by {m}. "]), m=ctx.ref(mgr), date=ctx.date(ctx.days_ago(10, 180))),
                 d.line("Bonus of {b} approved {y}.", b=N("money", ctx.money(500, 15000, False)), y=ctx.year_phrase(("in ",)))),
        lambda: (heading(d, ctx, "Leave"),
                 d.line("Medical leave from {a} to {b} ({dz}); fit note from {dr}.", a=ctx.date(ctx.days_ago(60, 90)),
                        b=ctx.date(ctx.days_ago(10, 50)), dz=ctx.disease(),
                        dr=ctx.name(ctx.person(role="clinician", clinician=True)))),
    ]
    run_sections(d, ctx, secs, keep=0.6)
    if ctx.p(0.4):
        d.line("Record updated by {n}, {role}, {date}.", n=ctx.name(ctx.person(role="staff"), "initial_last", title=False),
               role=ctx.pick([ctx.role(["HR", "People Ops"]), E("title", "HR Business Partner", "job")]), date=ctx.date(ctx.today))
    return d


BUILDERS = {
    "email": (email, {"person", "email address", "phone number", "organization", "date", "street address", "url",
                      "account number", "bank account number", "routing number", "iban", "swift code",
                      "vehicle identifier", "ip address", "device identifier", "date of birth", "fax number"}),
    "chat log": (chat_log, {"person", "email address", "phone number", "street address", "date", "date of birth",
                            "zip code", "city", "account number", "customer id", "device identifier", "url",
                            "crypto wallet address", "organization", "age"}),
    "support ticket": (support_ticket, {"person", "email address", "phone number", "customer id", "device identifier",
                                        "ip address", "url", "street address", "date"}),
    "hr record": (hr_record, {"person", "date of birth", "date", "email address", "phone number",
                              "social security number", "tax identification number", "street address", "city",
                              "zip code", "bank account number", "routing number", "device identifier",
                              "vehicle identifier", "license number", "organization", "age"}),
}
