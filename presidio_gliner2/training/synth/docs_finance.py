"""Financial documents: bank statements, loan applications, KYC forms, wire transfers,
card-dispute letters and payroll slips."""

from __future__ import annotations

import datetime as dt

from . import values as V
from . import vocab as W
from .builder import Doc, E, N
from .ctx import Ctx
from .layout import boilerplate, emit_fields, heading, run_sections


def _bank(ctx: Ctx) -> tuple[str, str]:
    name = ctx.org_name("bank")
    return name, V.bank_code_from(name, ctx.rng)


def _bank_account(ctx: Ctx, tag: str | None = None):
    tag = tag or ctx.pick(["checking", "savings", "current"])
    return E("bank account number", V.bank_account_number(ctx.rng, ctx.country), tag)


def _iban(ctx: Ctx, code: str, country: str | None = None):
    c = country or V.IBAN_COUNTRY_FOR.get(ctx.country) or ctx.pick(list(V.IBAN_SPECS))
    return E("iban", V.format_iban(ctx.rng, V.iban(ctx.rng, c, code))), c


def _swift(ctx: Ctx, code: str, country: str):
    return E("swift code", V.swift(ctx.rng, country, code))


def _card(ctx: Ctx):
    brand, number = V.card_number(ctx.rng)
    tag = ctx.pick(["credit", "debit"])
    return brand, number, E("credit card number", V.format_card(ctx.rng, number), tag), tag


def bank_statement(ctx: Ctx) -> Doc:
    d = Doc(caps=ctx.p(0.1))
    p = ctx.person(role="customer")
    bank, code = _bank(ctx)
    acct_tag = ctx.pick(["checking", "savings", "current"])
    acct = V.bank_account_number(ctx.rng, ctx.country)
    start = ctx.today.replace(day=1)
    end = start + dt.timedelta(days=ctx.rng.randint(27, 30))
    d.line("{bank}", bank=ctx.org("bank", bank))
    if ctx.p(0.5):
        d.line("{addr}", addr=ctx.addr_inline(ctx.address(), "work"))
    d.line(ctx.pick(["Account Statement", "STATEMENT OF ACCOUNT", "Monthly Statement", "{t} Account Statement"]),
           t=acct_tag.capitalize())
    d.blank()
    d.add(ctx.name(p, ctx.pick(["full", "full_mi", "caps_last_first"]), title=ctx.p(0.3)), "\n")
    d.add(ctx.addr_lines(ctx.address(), "home"), "\n")
    d.blank()
    fields = [
        (ctx.pick(["Account Number", "Account No.", "Acct #"]), [E("bank account number", acct, acct_tag)]),
        ("Statement Period", [ctx.date(start), " to ", ctx.date(end)]),
        (ctx.pick(["Customer ID", "Customer No.", "Client Number"]), [E("customer id", V.customer_id(ctx.rng))])
        if ctx.p(0.5) else None,
    ]
    if ctx.country == "US":
        fields.append(("Routing Number", [E("routing number", V.aba_routing(ctx.rng))]) if ctx.p(0.6) else None)
    elif ctx.country in ("UK", "IE") or ctx.p(0.2):
        ib, c = _iban(ctx, code)
        fields += [("IBAN", [ib]), ("BIC", [_swift(ctx, code, c)]) if ctx.p(0.7) else None]
    emit_fields(d, ctx, fields, shuffle=0.3)
    d.blank()
    opening = ctx.rng.uniform(200, 15000)
    d.line("Opening balance: {a}", a=N("money", f"{ctx.cur}{opening:,.2f}"))
    d.line(ctx.pick(["Date  Description  Amount  Balance", "DATE | DETAILS | DEBIT | CREDIT | BALANCE",
                     "Date\tTransaction\tAmount"]))
    bal = opening
    day = start
    for _ in range(ctx.rng.choice([4, 6, 8, 10, 12, 16, 20])):
        day = min(end, day + dt.timedelta(days=ctx.rng.randint(0, 3)))
        amt = round(ctx.rng.uniform(3, 900), 2)
        r = ctx.rng.random()
        if r < 0.06:
            desc = [ctx.pick(["LOAN PMT ", "MORTGAGE PAYMENT ", "AUTO LOAN "]),
                    E("loan number", V.loan_number(ctx.rng), "loan")]
            amt = -amt
        elif r < 0.45:
            desc = [ctx.org("company", ctx.pick(W.MERCHANTS)), " ", ctx.pick(["", "#" + V.digits(ctx.rng, 4), "CARD " + V.digits(ctx.rng, 4)])]
            amt = -amt
        elif r < 0.6:
            other = ctx.person(role="payee", non_anglo=0.3)
            desc = [ctx.pick(["TRANSFER TO ", "ZELLE TO ", "FASTER PMT TO ", "TFR "]),
                    E("person", ctx.pick([other.full.upper(), f"{other.first[0]} {other.last}".upper(), other.full]), "payee")]
            amt = -amt
        elif r < 0.7:
            emp = ctx.org_name("employer")
            desc = [ctx.pick(["DIRECT DEPOSIT ", "SALARY ", "PAYROLL "]), ctx.org("employer", emp)]
            amt = abs(amt) * 4
        elif r < 0.8:
            desc = [ctx.pick(W.TXN_GENERIC), " REF ", ctx.txn_id()]
            amt = -amt
        else:
            desc = [ctx.pick(W.TXN_GENERIC)]
        bal += amt
        d.line("{date}  {desc}  {amt}  {bal}", date=ctx.date(day, style=ctx.date_style), desc=desc,
               amt=N("money", f"{amt:,.2f}"), bal=N("money", f"{bal:,.2f}"))
    d.line("Closing balance: {a}", a=N("money", f"{ctx.cur}{bal:,.2f}"))
    d.blank()
    if ctx.p(0.4):
        brand, number, card, _ = _card(ctx)
        d.line("Linked {b} card: {m}", b=brand, m=N("masked", V.masked_card(ctx.rng, number)))
    d.line(ctx.pick(["Questions? Call {ph} or visit {url} ", "Customer service: {ph} | {url} ",
                     "Report lost cards on {ph}."]), ph=ctx.phone(mobile=False, intl=0.0),
           url=ctx.url(ctx.domain_for(bank), kind="bank"))
    boilerplate(d, ctx, ctx.pick(["statement", "security"]), 0.4)
    return d


def loan_application(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="applicant")
    lender = ctx.org_name("bank")
    kind = ctx.pick(["Mortgage", "Auto Loan", "Personal Loan", "Home Equity Loan"])
    d.line("{org}", org=ctx.org("bank", lender))
    d.line(ctx.pick([f"{kind} Application", f"APPLICATION FOR {kind.upper()}", f"{kind} - Borrower Information"]))
    if ctx.p(0.7):
        loan_tag = "mortgage" if kind in ("Mortgage", "Home Equity Loan") else "loan"
        d.line("{l}: {n}", l=ctx.pick(["Loan Number", "Application No.", "Loan #", "Reference"]),
               n=E("loan number", V.loan_number(ctx.rng), loan_tag))
    d.line("Date: {date}", date=ctx.date(ctx.today))
    d.blank()
    heading(d, ctx, ctx.pick(["Section 1: Borrower Information", "Applicant", "Personal Details"]))
    a = ctx.address()
    items = [
        ("Full Name", ctx.name(p, ctx.pick(["full", "full_mi", "full_middle"]), title=False)),
        ("Date of Birth", [ctx.dob(p)]),
    ]
    if ctx.country == "US":
        items.append((ctx.pick(["SSN", "Social Security Number", "SSN/ITIN"]),
                      [E("social security number", V.format_ssn(ctx.rng, V.ssn_digits(ctx.rng)))]))
    else:
        tag, tid = V.tax_id(ctx.rng, ctx.country, person=True, last_name=p.last)
        items.append(("Tax ID", [E("tax identification number", tid, tag)]))
    items += [
        ("Home Phone" if ctx.p(0.5) else "Mobile", [ctx.phone()]),
        ("Email", [ctx.email(p)]),
        ("Driver's License No.", [E("license number", V.drivers_license(ctx.rng, ctx.country, p.last), "dl")])
        if ctx.p(0.5) else None,
        ("Marital Status", [ctx.pick(["Married", "Single", "Separated"])]),
    ]
    emit_fields(d, ctx, items)
    if ctx.p(0.5):
        d.add(ctx.addr_fields(a, "home"), "\n")
    else:
        d.line("Current Address: {a}", a=ctx.addr_inline(a, "home"))
    d.line("Years at address: {n}", n=N("duration", str(ctx.rng.randint(1, 25))))
    d.blank()
    secs = [
        lambda: (heading(d, ctx, ctx.pick(["Employment", "Section 2: Employment and Income"])),
                 emit_fields(d, ctx, [
                     ("Employer", [ctx.org("employer")]),
                     ("Position", [ctx.job_title()]),
                     ("Employer Phone", [ctx.phone(mobile=False)]),
                     ("Gross Monthly Income", [N("money", ctx.money(2500, 18000))]),
                     ("Years employed", [N("duration", str(ctx.rng.randint(1, 30)))]),
                 ])),
        lambda: (heading(d, ctx, "Loan Request"),
                 d.line("Amount requested: {a}; term {t} months at {r} APR.", a=N("money", ctx.money(5000, 650000, False)),
                        t=N("quantity", str(ctx.pick([36, 48, 60, 180, 360]))),
                        r=N("percent", f"{ctx.rng.uniform(2.5, 11.9):.2f}%")),
                 d.line("Property address: {a}", a=ctx.addr_inline(ctx.address(), "property"))
                 if kind in ("Mortgage", "Home Equity Loan") else
                 d.line("Vehicle: {y} {mk}, VIN {vin}, plate {pl}", y=N("year", str(ctx.today.year - ctx.rng.randint(0, 8))),
                        mk=ctx.pick(["Honda Civic", "Toyota RAV4", "Ford F-150", "Tesla Model 3", "Kia Sportage", "VW Golf"]),
                        vin=E("vehicle identifier", V.vin(ctx.rng), "vin"),
                        pl=E("vehicle identifier", V.plate(ctx.rng, ctx.country), "plate"))
                 if kind == "Auto Loan" else d.line("Purpose: {x}", x=ctx.pick(["debt consolidation", "home improvement",
                                                                                "medical expenses", "wedding"]))),
        lambda: (heading(d, ctx, "Bank Details"),
                 d.line("Bank: {b}  Account: {a}{rt}", b=ctx.org("bank"), a=_bank_account(ctx),
                        rt=["  Routing: ", E("routing number", V.aba_routing(ctx.rng))] if ctx.country == "US" else "")),
        lambda: (heading(d, ctx, "Co-Applicant"),
                 d.line("{n}, DOB {dob}, {ph}", n=ctx.name(co := ctx.person(role="applicant"), title=False),
                        dob=ctx.dob(co), ph=ctx.phone())),
        lambda: (heading(d, ctx, "Declarations"),
                 d.line("Any bankruptcies {y}? {a}. Outstanding judgments? No.", y=ctx.year_phrase(),
                        a=ctx.pick(["No", "No", "Yes - discharged"]))),
    ]
    run_sections(d, ctx, secs, keep=0.7)
    d.line("Applicant signature: {n}   Date: {date}", n=ctx.name(p, "full", title=False), date=ctx.date(ctx.today))
    if ctx.p(0.3):
        d.line("Loan officer: {n}, NMLS # {lic}", n=ctx.name(ctx.person(role="staff"), title=False),
               lic=E("license number", V.digits(ctx.rng, ctx.rng.choice([6, 7]), True), "cert"))
    boilerplate(d, ctx, "application", 0.5)
    return d


def kyc_form(ctx: Ctx) -> Doc:
    d = Doc(caps=ctx.p(0.08))
    p = ctx.person(role="customer")
    crypto = ctx.p(0.4)
    org = ctx.org_name("bank") if not crypto else ctx.pick(["CoinVault Exchange", "Northwind Digital Assets",
                                                            "BlockHarbor Ltd", "Satoshi Square Inc."])
    d.line("{org}", org=ctx.org("bank" if not crypto else "company", org))
    d.line(ctx.pick(["Know Your Customer (KYC) Form", "CUSTOMER IDENTIFICATION", "Identity Verification",
                     "KYC / CDD Questionnaire"]))
    d.blank()
    a = ctx.address()
    items = [
        (ctx.pick(["Full legal name", "Name", "Customer name"]), ctx.name(p, ctx.pick(["full", "full_middle", "last_first"]), title=False)),
        (ctx.pick(["Date of birth", "DOB"]), [ctx.dob(p)]),
        ("Nationality", [ctx.nrp("nationality")]),
        (ctx.pick(["Customer ID", "Client ID", "CIF"]), [E("customer id", V.customer_id(ctx.rng))]),
        ("Phone", [ctx.phone(intl=0.4)]),
        ("Email", [ctx.email(p)]),
    ]
    if ctx.country == "US" and ctx.p(0.7):
        items.append(("SSN", [E("social security number", V.format_ssn(ctx.rng, V.ssn_digits(ctx.rng)))]))
    if ctx.p(0.6):
        tag, tid = V.tax_id(ctx.rng, ctx.country, person=True, last_name=p.last)
        items.append((ctx.pick(["Tax ID", "TIN", "Tax identification number"]), [E("tax identification number", tid, tag)]))
    emit_fields(d, ctx, items)
    if ctx.p(0.5):
        d.add(ctx.addr_fields(a, "home"), "\n")
    else:
        d.line("Residential address: {a}", a=ctx.addr_inline(a, "home"))
    d.blank()
    heading(d, ctx, ctx.pick(["Identity document", "ID Verification"]))
    exp = ctx.today + dt.timedelta(days=ctx.rng.randint(200, 3000))
    d.line("Document type: Driver's licence  Number: {n}  Expiry: {e}",
           n=E("license number", V.drivers_license(ctx.rng, ctx.country, p.last), "dl"), e=ctx.date(exp, "expiry"))
    secs = [
        lambda: d.line("Occupation: {j}  Employer: {o}", j=ctx.job_title(), o=ctx.org("employer")),
        lambda: d.line("Source of funds: {s}. Expected monthly volume: {m}.", s=ctx.pick(["salary", "savings", "business income",
                                                                                          "inheritance", "sale of property"]),
                       m=N("money", ctx.money(500, 50000, False))),
        lambda: d.line("Onboarding IP: {ip}  Session {t}", ip=E("ip address", V.ip_address(ctx.rng)), t=ctx.time()),
        lambda: d.line("Withdrawal wallet: {w}", w=E("crypto wallet address", (w := V.crypto_wallet(ctx.rng))[1], w[0]))
        if crypto else d.line("Linked account: {a} at {b}", a=_bank_account(ctx), b=ctx.org("bank")),
        lambda: d.line("PEP: {x}   Sanctions screening: {y}   Risk rating: {z}", x=ctx.pick(["No", "No", "Yes"]),
                       y=ctx.pick(["Clear", "Clear", "Potential match - cleared"]), z=ctx.pick(["Low", "Medium", "High"])),
    ]
    if crypto:
        secs.append(lambda: d.line("Deposit address assigned: {w}", w=E("crypto wallet address", (w := V.crypto_wallet(ctx.rng))[1], w[0])))
    run_sections(d, ctx, secs, keep=0.8)
    d.line("Reviewed by {n} on {date}. {role} identity confirmed by video call.",
           n=ctx.name(ctx.person(role="staff"), ctx.pick(["full", "initial_last"]), title=False), date=ctx.date(ctx.today),
           role=ctx.role(["The customer", "The applicant", "Client"]))
    boilerplate(d, ctx, ctx.pick(["security", "application"]), 0.3)
    return d


def wire_transfer(ctx: Ctx) -> Doc:
    d = Doc()
    sender = ctx.person(role="customer")
    bene_is_org = ctx.p(0.4)
    bene = ctx.person(role="beneficiary")
    bank, code = _bank(ctx)
    bene_bank, bcode = _bank(ctx)
    bene_country = ctx.pick(["GB", "DE", "FR", "IE", "NL", "ES", "IT", "CH", "BE"])
    style = ctx.pick(["request", "confirmation"])
    amount = N("money", ctx.money(500, 95000))
    ref = ctx.invoice_no()
    if style == "request":
        if ctx.p(0.7):
            d.line("From: {n} <{e}>", n=ctx.name(sender, "full", title=False), e=ctx.email(sender))
            d.line("To: {e}", e=ctx.email(None, ctx.domain_for(bank)))
            d.line("Subject: {s}", s=ctx.pick(["Wire transfer request", "International payment", "Re: wire instructions",
                                               "Payment to supplier"]))
            d.line("Date: {date} {t}", date=ctx.date(ctx.today), t=ctx.time())
            d.blank()
        d.line(ctx.pick(["Hello,", "Hi team,", "Dear {bank} team,"]), bank=ctx.org("bank", bank))
        d.blank()
        d.line("Please send a wire of {amt} from my {kind} account {acct} to the beneficiary below{when}.", amt=amount,
               kind=ctx.pick(["checking", "savings", "business"]), acct=_bank_account(ctx),
               when=[" on ", ctx.date(ctx.today + dt.timedelta(days=ctx.rng.randint(1, 5)))] if ctx.p(0.5) else "")
        d.blank()
    else:
        if ctx.p(0.6):
            d.line("From: {e}", e=ctx.email(None, ctx.domain_for(bank)))
            d.line("To: {e}", e=ctx.email(sender))
            d.line("Subject: Outgoing wire confirmation {txn}", txn=ctx.txn_id())
            d.blank()
        d.line("Dear {n},", n=ctx.ref(sender))
        d.blank()
        d.line("Your outgoing wire of {amt} was released on {date}. Details:", amt=amount, date=ctx.date(ctx.today))
        d.blank()
    ib, _ = _iban(ctx, bcode, bene_country)
    items = [
        ("Beneficiary name", [ctx.org("company")] if bene_is_org else ctx.name(bene, "full", title=False)),
        ("Beneficiary address", [ctx.addr_inline(ctx.address(), "work" if bene_is_org else "home")]) if ctx.p(0.6) else None,
        ("Beneficiary bank", [ctx.org("bank", bene_bank)]),
        (ctx.pick(["SWIFT/BIC", "SWIFT", "BIC"]), [_swift(ctx, bcode, bene_country)]),
        ("IBAN", [ib]) if ctx.p(0.8) else ("Account number", [E("bank account number", V.digits(ctx.rng, 10), "checking")]),
        ("Reference", [ref]),
    ]
    if ctx.p(0.25):
        items.append(("Intermediary bank ABA", [E("routing number", V.aba_routing(ctx.rng))]))
    emit_fields(d, ctx, items, shuffle=0.3)
    d.blank()
    if style == "request":
        if ctx.p(0.4):
            d.line("If you need to verify, call me on {ph}. My customer number is {cid}.", ph=ctx.phone(mobile=True),
                   cid=E("customer id", V.customer_id(ctx.rng)))
        if ctx.p(0.5) and ctx.country == "US":
            d.line("Originating routing number: {r}", r=E("routing number", V.aba_routing(ctx.rng)))
        d.line(ctx.pick(["Thanks,", "Regards,", "Best,"]))
        d.line("{n}", n=ctx.ref(sender) if ctx.p(0.4) else ctx.name(sender, "full", title=False))
        if ctx.p(0.5):
            d.line("{ph}", ph=ctx.phone())
    else:
        d.line("If you did not request this payment, call us immediately on {ph} and quote customer number {cid}.",
               ph=ctx.phone(mobile=False), cid=E("customer id", V.customer_id(ctx.rng)))
        d.line("Wire Operations, {bank}", bank=ctx.org("bank", bank))
    boilerplate(d, ctx, "wire" if style == "confirmation" else "email", 0.5)
    return d


def card_dispute(ctx: Ctx) -> Doc:
    d = Doc()
    p = ctx.person(role="cardholder")
    bank, _ = _bank(ctx)
    brand, number, card, card_tag = _card(ctx)
    merchant = ctx.pick(W.MERCHANTS) if ctx.p(0.5) else ctx.org_name("company")
    txn_date = ctx.today - dt.timedelta(days=ctx.rng.randint(3, 50))
    d.add(ctx.name(p, "full", title=ctx.p(0.3)), "\n")
    d.add(ctx.addr_lines(ctx.address(), "home"), "\n")
    if ctx.p(0.5):
        d.line("{ph}", ph=ctx.phone())
    d.blank()
    d.line("{date}", date=ctx.date(ctx.today))
    d.blank()
    d.line(ctx.pick(["Disputes Department", "Card Services - Chargebacks", "Attn: Billing Error Dispute"]))
    d.line("{bank}", bank=ctx.org("bank", bank))
    if ctx.p(0.6):
        d.add(ctx.addr_lines(ctx.address(), "work"), "\n")
    d.blank()
    d.line("Re: Dispute of charge on {b} {kind} card {card}", b=brand, kind=card_tag, card=card)
    if ctx.p(0.5):
        d.line("Account number: {a}", a=E("account number", V.account_number(ctx.rng)))
    d.blank()
    d.line(ctx.pick(["Dear Sir or Madam,", "To whom it may concern,", "Dear Disputes Team,"]))
    d.blank()
    d.f("I am writing to dispute a charge of {amt} from {m} dated {date} on the card above. ",
        amt=N("money", ctx.money(9, 2500)), m=ctx.org("company", merchant), date=ctx.date(txn_date))
    d.f(ctx.pick(["I did not authorize this transaction. ", "The item was never delivered despite order {o}. ",
                  "I was charged twice for the same purchase. ", "I cancelled the subscription {y}. "]),
        o=ctx.order_no(), y=ctx.year_phrase(("in ", "back in ")))
    d.f("The transaction reference is {txn}. ", txn=ctx.txn_id())
    if ctx.p(0.5):
        d.f("I contacted the merchant on {date} and spoke with {n}, but no refund was issued. ",
            date=ctx.date(txn_date + dt.timedelta(days=ctx.rng.randint(1, 3))),
            n=ctx.name(ctx.person(role="staff"), ctx.pick(["full", "initial_last"]), title=False))
    d.add("\n\n")
    d.line("Please credit {amt} to my account and send me written confirmation. You can reach me at {ph} or {em}.",
           amt=N("money", ctx.money(9, 2500)), ph=ctx.phone(), em=ctx.email(p))
    if ctx.p(0.3):
        d.line("My customer ID is {c}.", c=E("customer id", V.customer_id(ctx.rng), "ref"))
    d.blank()
    d.line(ctx.pick(["Sincerely,", "Yours faithfully,", "Regards,"]))
    d.line("{n}", n=ctx.name(p, "full", title=False))
    d.line("Enclosures: receipt, statement showing {m}", m=N("masked", V.masked_card(ctx.rng, number)))
    return d


def payroll_slip(ctx: Ctx) -> Doc:
    d = Doc(caps=ctx.p(0.2))
    p = ctx.person(role="employee")
    emp = ctx.org_name("employer")
    end = ctx.today
    start = end - dt.timedelta(days=ctx.pick([6, 13, 14, 30]))
    d.line("{org}", org=ctx.org("employer", emp))
    if ctx.p(0.6):
        d.line("{a}", a=ctx.addr_inline(ctx.address(), "work"))
    if ctx.p(0.6):
        tag, tid = V.tax_id(ctx.rng, ctx.country, person=False)
        d.line("{l}: {t}", l="EIN" if tag == "ein" else "Employer Tax Ref", t=E("tax identification number", tid, tag))
    d.line(ctx.pick(["EARNINGS STATEMENT", "Payslip", "Pay Advice", "PAY STUB"]))
    d.blank()
    items = [
        ("Employee", ctx.name(p, ctx.pick(["full", "last_first", "caps_last_first"]), title=False)),
        ("Pay period", [ctx.date(start), " - ", ctx.date(end)]),
        ("Pay date", [ctx.date(end + dt.timedelta(days=ctx.rng.randint(0, 4)))]),
        ("Department", [ctx.pick(W.DEPARTMENTS)]),
    ]
    if ctx.country == "US":
        ssn = V.ssn_digits(ctx.rng)
        items.append(("SSN", [N("masked", f"XXX-XX-{ssn[-4:]}")] if ctx.p(0.6) else
                      [E("social security number", V.format_ssn(ctx.rng, ssn))]))
    elif ctx.p(0.6):
        tag, tid = V.tax_id(ctx.rng, ctx.country, person=True, last_name=p.last)
        items.append(("Tax ID", [E("tax identification number", tid, tag)]))
    emit_fields(d, ctx, items, mode=ctx.pick(["lines", "pairs"]))
    if ctx.p(0.5):
        d.add(ctx.addr_lines(ctx.address(), "home"), "\n")
    d.blank()
    gross = ctx.rng.uniform(900, 9000)
    d.line("Earnings  Hours  Rate  Current  YTD")
    d.line("Regular  {h}  {r}  {c}  {y}", h=N("quantity", f"{ctx.rng.randint(30, 86)}.00"),
           r=N("money", f"{ctx.rng.uniform(14, 95):.2f}"), c=N("money", f"{gross:,.2f}"),
           y=N("money", f"{gross * ctx.rng.randint(2, 20):,.2f}"))
    if ctx.p(0.5):
        d.line("Overtime  {h}  {r}  {c}", h=N("quantity", f"{ctx.rng.randint(1, 12)}.00"),
               r=N("money", f"{ctx.rng.uniform(20, 120):.2f}"), c=N("money", f"{ctx.rng.uniform(40, 900):,.2f}"))
    d.line("Deductions")
    deds = {"US": ["Federal Income Tax", "Social Security", "Medicare", "State Tax", "401(k)", "Dental"],
            "UK": ["PAYE Tax", "National Insurance", "Pension", "Student Loan"],
            "IN": ["TDS", "Provident Fund", "Professional Tax", "ESI"],
            "AU": ["PAYG Withholding", "Superannuation", "Medicare Levy"],
            "CA": ["Federal Tax", "CPP", "EI", "Provincial Tax"],
            "IE": ["PAYE", "PRSI", "USC", "Pension"]}[ctx.country]
    for ded in ctx.rng.sample(deds, k=min(len(deds), ctx.rng.randint(2, 4))):
        d.line("{n}  {a}", n=N("deduction", ded), a=N("money", f"{ctx.rng.uniform(10, 900):,.2f}"))
    d.line("Net Pay: {a}", a=N("money", ctx.money(700, 7000)))
    d.blank()
    if ctx.p(0.8):
        d.line("Direct deposit to {bank} account {a}{rt}", bank=ctx.org("bank"), a=_bank_account(ctx),
               rt=[", routing ", E("routing number", V.aba_routing(ctx.rng))] if ctx.country == "US" and ctx.p(0.7) else "")
    if ctx.p(0.3):
        d.line("Questions about your pay? Contact {n} in {dept} at {e}.",
               n=ctx.name(ctx.person(role="staff"), "full", title=False), dept=ctx.role(["Payroll", "HR"]),
               e=ctx.email(None, ctx.domain_for(emp)))
    if ctx.p(0.4):
        d.line("Leave balance: annual {a} days, sick {b} days. YTD gross {g}, YTD tax {t}.",
               a=N("quantity", str(ctx.rng.randint(0, 28))), b=N("quantity", str(ctx.rng.randint(0, 12))),
               g=N("money", ctx.money(5000, 150000)), t=N("money", ctx.money(800, 40000)))
    boilerplate(d, ctx, "statement", 0.2)
    return d


BUILDERS = {
    "bank statement": (bank_statement, {"person", "street address", "bank account number", "date", "organization",
                                        "customer id", "routing number", "iban", "swift code", "phone number", "url",
                                        "credit card number"}),
    "loan application": (loan_application, {"person", "date of birth", "social security number", "phone number",
                                            "email address", "street address", "city", "zip code", "organization",
                                            "loan number", "bank account number", "routing number", "license number",
                                            "vehicle identifier", "tax identification number", "date"}),
    "kyc form": (kyc_form, {"person", "date of birth", "social security number", "tax identification number",
                            "phone number", "email address", "street address", "city", "zip code", "customer id",
                            "license number", "ip address", "crypto wallet address", "bank account number",
                            "organization", "date"}),
    "wire transfer": (wire_transfer, {"person", "organization", "iban", "swift code", "bank account number",
                                      "routing number", "email address", "phone number", "street address", "date",
                                      "customer id"}),
    "card dispute": (card_dispute, {"person", "street address", "credit card number", "account number",
                                    "organization", "date", "phone number", "email address", "customer id"}),
    "payroll slip": (payroll_slip, {"person", "organization", "street address", "date", "social security number",
                                    "tax identification number", "bank account number", "routing number",
                                    "email address"}),
}
