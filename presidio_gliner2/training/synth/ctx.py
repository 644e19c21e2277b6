"""Per-document context: locale, people, places, organisations and the renderings of each.

One ``Ctx`` is made per document from that document's seed. Faker supplies the name
tables (weighted first and last names of six English locales), UK postcodes and job
titles; sampling from the tables is done with our own ``random.Random`` so a seed fully
determines the document and generation stays fast.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from faker import Faker

from . import values as V
from . import vocab as W
from .builder import E, Ent, N

LOCALE_COUNTRY = {"en_US": "US", "en_GB": "UK", "en_CA": "CA", "en_AU": "AU", "en_IE": "IE", "en_IN": "IN"}
REL_GENDER = {"husband": "M", "wife": "F", "son": "M", "daughter": "F", "father": "M", "mother": "F",
              "brother": "M", "sister": "F", "mum": "F", "dad": "M", "gran": "F"}
LOCALE_WEIGHTS = {"en_US": 40, "en_GB": 15, "en_CA": 10, "en_AU": 10, "en_IE": 8, "en_IN": 17}


class _Weighted:
    def __init__(self, items):
        if isinstance(items, dict):
            self.keys = list(items)
            self.cum = list(itertools.accumulate(float(w) for w in items.values()))
        else:
            self.keys = list(items)
            self.cum = None

    def pick(self, rng: random.Random) -> str:
        if self.cum is None:
            return rng.choice(self.keys)
        return rng.choices(self.keys, cum_weights=self.cum)[0]


@lru_cache(maxsize=None)
def _faker(locale: str) -> Faker:
    return Faker(locale)


@lru_cache(maxsize=None)
def _name_tables(locale: str) -> tuple[_Weighted, _Weighted, _Weighted]:
    fk = _faker(locale)
    for prov in fk[locale].providers:
        if hasattr(prov, "first_names_male") and hasattr(prov, "last_names"):
            return (_Weighted(prov.first_names_male), _Weighted(prov.first_names_female),
                    _Weighted(prov.last_names))
    raise RuntimeError(f"Faker locale {locale} has no person provider")


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum()))


@dataclass
class Person:
    first: str
    last: str
    gender: str  # "M" / "F"
    middle: str = ""
    role: str = "person"
    clinician: bool = False
    age: int | None = None
    dob: dt.date | None = None
    extra: dict = field(default_factory=dict)  # memoised per-person values (phone, email...) for repeats

    @property
    def title(self) -> str:
        if self.clinician:
            return "Dr."
        return {"M": "Mr.", "F": "Ms."}[self.gender]

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Address:
    line1: str
    line2: str
    city: str
    region: str
    postcode: str
    country: str

    def city_line(self) -> str:
        c = self.country
        if c in ("US", "CA"):
            return f"{self.city}, {self.region} {self.postcode}"
        if c == "AU":
            return f"{self.city} {self.region} {self.postcode}"
        if c == "UK":
            return f"{self.city} {self.postcode}"
        if c == "IE":
            return f"{self.city}, {self.postcode}"
        return f"{self.city} {self.postcode}" if not self.region else f"{self.city}, {self.region} {self.postcode}"

    def one_line(self) -> str:
        head = f"{self.line1}, {self.line2}" if self.line2 else self.line1
        return f"{head}, {self.city_line()}"

    def lines(self) -> list[str]:
        out = [self.line1] + ([self.line2] if self.line2 else [])
        if self.country in ("UK", "IE"):
            out += [self.city, self.postcode]
        else:
            out.append(self.city_line())
        return out


class Ctx:
    def __init__(self, seed: int, locale: str | None = None):
        self.seed = seed
        self.rng = rng = random.Random(seed)
        self.locale = locale or rng.choices(list(LOCALE_WEIGHTS), weights=list(LOCALE_WEIGHTS.values()))[0]
        self.country = LOCALE_COUNTRY[self.locale]
        self.fk = _faker(self.locale)
        self.fk.seed_instance(seed)
        self.today = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3800))
        styles = V.DATE_STYLES_US if self.country == "US" else V.DATE_STYLES_INTL
        # Each document mostly sticks to one date style, like a real template does.
        self.date_style = rng.choice(styles[:4]) if rng.random() < 0.6 else rng.choice(styles)
        self.cur = W.CURRENCY[self.country]
        self._used_names: set[str] = set()

    # ------------------------------------------------------------ small helpers
    def p(self, prob: float) -> bool:
        return self.rng.random() < prob

    def pick(self, seq):
        return self.rng.choice(seq)

    # ------------------------------------------------------------ people
    def person(self, role: str = "person", gender: str | None = None, clinician: bool = False,
               age: int | None = None, adult: bool = True, non_anglo: float = 0.28,
               elderly: float | None = None) -> Person:
        rng = self.rng
        gender = gender or rng.choice("MF")
        for _ in range(10):
            if rng.random() < non_anglo:
                origin = rng.choice(list(W.NON_ANGLO))
                givens, families = W.NON_ANGLO[origin]
                same = [g for g, s in givens if s == gender] or [g for g, _ in givens]
                first, last = rng.choice(same), rng.choice(families)
            else:
                male, female, lasts = _name_tables(self.locale)
                first = (male if gender == "M" else female).pick(rng)
                last = lasts.pick(rng)
                if rng.random() < 0.06:  # double-barrelled surname
                    last = f"{last}-{lasts.pick(rng)}"
            if last not in self._used_names and first not in self._used_names:
                break
        self._used_names.update((first, last))
        male, female, _ = _name_tables(self.locale)
        middle = (male if gender == "M" else female).pick(rng) if rng.random() < 0.5 else ""
        person = Person(first, last, gender, middle, role, clinician)
        if age is None:
            if elderly is None:
                elderly = 0.12 if role == "patient" else 0.02
            age = V.random_age(rng, adult=adult, elderly=elderly)
        person.age = age
        birthday = self.today - dt.timedelta(days=365.25 * age + rng.randrange(1, 364))
        person.dob = birthday
        return person

    def relative(self, rel: str, **kw) -> Person:
        """A family member whose gender fits the relation word ("wife", "son"...)."""
        return self.person(role="family", gender=REL_GENDER.get(rel.lower()), **kw)

    def name(self, p: Person, style: str | None = None, title: bool | None = None, tags: tuple = ()) -> list:
        """A first mention of a person: the span never includes the title."""
        rng = self.rng
        tags = tags or (p.role,)
        style = style or rng.choices(
            ["full", "full_mi", "full_middle", "last_first", "last_first_mi", "caps_last_first", "initial_last"],
            weights=[10, 4, 2, 3, 2, 1, 1])[0]
        mi = f"{p.middle[0]}." if p.middle else ""
        value = {
            "full": p.full,
            "full_mi": f"{p.first} {mi} {p.last}" if mi else p.full,
            "full_middle": f"{p.first} {p.middle} {p.last}" if p.middle else p.full,
            "last_first": f"{p.last}, {p.first}",
            "last_first_mi": f"{p.last}, {p.first} {mi}" if mi else f"{p.last}, {p.first}",
            "caps_last_first": f"{p.last.upper()}, {p.first.upper()}",
            "initial_last": f"{p.first[0]}. {p.last}",
        }[style]
        parts: list = []
        use_title = title if title is not None else (p.clinician and rng.random() < 0.7) or rng.random() < 0.12
        if use_title and style not in ("last_first", "last_first_mi", "caps_last_first"):
            t = p.title if p.clinician else rng.choice([p.title, p.title.rstrip("."),
                                                        "Mrs." if p.gender == "F" else "Mr."])
            if self.country in ("UK", "IE", "AU") and rng.random() < 0.5:
                t = t.rstrip(".")
            parts += [E("title", t, "honorific"), " "]
        parts.append(E("person", value, *tags))
        if p.clinician and not use_title and rng.random() < 0.6:
            parts += [", ", N("credential", rng.choice(W.CREDENTIALS))]
        return parts

    def ref(self, p: Person, tags: tuple = ()) -> list:
        """A later, shorter mention of someone already named."""
        rng = self.rng
        tags = tags or (p.role,)
        r = rng.random()
        if p.clinician or r < 0.45:
            t = p.title
            if self.country in ("UK", "IE", "AU") and rng.random() < 0.5:
                t = t.rstrip(".")
            return [E("title", t, "honorific"), " ", E("person", p.last, *tags)]
        if r < 0.75:
            return [E("person", p.first, *tags)]
        if r < 0.85:
            return [E("person", p.last, *tags)]
        return [E("person", p.full, *tags)]

    # ------------------------------------------------------------ dates, ages
    def fmt_date(self, d: dt.date, style: str | None = None) -> str:
        if style is None:
            style = self.date_style
            if self.rng.random() < 0.12:
                style = self.rng.choice(V.DATE_STYLES_US if self.country == "US" else V.DATE_STYLES_INTL)
        return V.format_date(d, style)

    def date(self, d: dt.date, *tags: str, style: str | None = None) -> Ent:
        if style is None and self.rng.random() < 0.06:  # notes and forms often drop the year
            return E("date", V.format_partial_date(d, self.pick(self._PARTIAL_IN_FIELDS[self.country == "US"])), *tags)
        return E("date", self.fmt_date(d, style), *tags)

    _PARTIAL_IN_FIELDS = {True: ("m_d", "mon_d", "month_d", "mon_yyyy", "m_yyyy"),
                          False: ("d_m", "mon_d", "mon_yyyy", "m_yyyy")}

    def partial_date(self, d: dt.date, *tags: str, year: bool = False) -> list:
        """A date without its year (or a bare year), as notes write it: "7/22", "the 14th", "'19";
        with ``year``, one that names the year ("2019", "'19", "Jan 2019")."""
        styles = V.PARTIAL_YEAR_STYLES if year else V.PARTIAL_DATE_STYLES
        style = self.pick([s for s in styles if s != ("d_m" if self.country == "US" else "m_d")])
        value = E("date", V.format_partial_date(d, style), *tags)
        return ["the ", value] if style == "the_ordinal" else [value]

    def dob(self, p: Person, style: str | None = None) -> Ent:
        return E("date of birth", self.fmt_date(p.dob, style))

    def days_ago(self, lo: int, hi: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(lo, hi))

    def age(self, p: Person, style: str | None = None, tag: str = "patient", attributive: bool = False) -> list:
        """Age phrase. ``attributive`` styles fit "a {age} woman"; the others stand alone."""
        a = str(p.age)
        g = p.gender
        if style is None:
            pool = ["y/o", "yo", "hyphen", "year old", "YO", "y.o.", "glued"] if attributive else \
                ["y/o", "yo", "hyphen", "aged", "years old", "yrs", "sex", "age", "YO", "y.o.", "glued", "glued_sex"]
            style = self.rng.choice(pool)
        if style == "hyphen":  # one word for the model: the span is the whole word
            return [E("age", f"{a}-year-old", tag)]
        if style == "sex":
            return [E("age", f"{a}{g}", tag)]
        if style == "glued":  # "57yo", "58y": one word, so the whole word is the span
            return [E("age", a + self.pick(["yo", "y", "yo", "YO", "yrs"]), tag)]
        if style == "glued_sex":  # "57yo f"
            return [E("age", a + self.pick(["yo", "y"]), tag), " " + g.lower()]
        if style == "aged":
            return ["aged ", E("age", a, tag)]
        if style == "age":
            return ["age ", E("age", a, tag)]
        return [E("age", a, tag), " " + {"y/o": "y/o", "yo": "yo", "year old": "year old", "years old": "years old",
                                           "yrs": "yrs", "YO": "YO", "y.o.": "y.o."}[style]]

    # ------------------------------------------------------------ contact details
    def phone(self, mobile: bool | None = None, label: str = "phone number", country: str | None = None,
              intl: float = 0.15) -> Ent:
        mobile = self.rng.random() < 0.5 if mobile is None else mobile
        value = V.phone(self.rng, country or self.country, mobile=mobile, intl=intl)
        return E(label, value, "mobile" if mobile else "landline")

    def fax(self) -> Ent:
        return E("fax number", V.phone(self.rng, self.country, mobile=False, intl=0.05))

    def email(self, p: Person | None = None, domain: str | None = None) -> Ent:
        rng = self.rng
        if p is not None and domain is None and "email" in p.extra and rng.random() < 0.8:
            return p.extra["email"]  # the same person usually keeps the same address
        if p is None:
            local = rng.choice(["info", "support", "billing", "admin", "records", "referrals", "payroll", "hr",
                                "accounts", "reception", "help", "noreply", "claims"])
        else:
            f, l = _ascii(p.first).lower() or "x", _ascii(p.last).lower() or "y"
            local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}", f"{f}_{l}", f"{f}.{l}{rng.randint(1, 99)}",
                                f"{l}{f[0]}{rng.randint(10, 9999)}", f"{f}{rng.randint(70, 2005)}", f"{f}.{l[0]}",
                                f"{f[0]}.{l}", f"{f[0]}.{l}{rng.randint(1, 99)}", f"{f[0]}-{l}"])
        ent = E("email address", f"{local}@{domain or rng.choice(W.EMAIL_DOMAINS)}")
        if p is not None and domain is None:
            p.extra.setdefault("email", ent)
        return ent

    def domain_for(self, org_name: str) -> str:
        words = [_ascii(w).lower() for w in org_name.split()]
        words = [w for w in words if w and w not in ("the", "of", "and", "inc", "llc", "ltd", "plc", "co", "pty",
                                                     "pvt", "st")]
        stem = "".join(words[:2]) or "example"
        tld = {"US": ".com", "UK": self.pick([".co.uk", ".org.uk", ".com"]), "CA": self.pick([".ca", ".com"]),
               "AU": self.pick([".com.au", ".org.au"]), "IE": ".ie", "IN": self.pick([".in", ".co.in", ".com"])}[
            self.country]
        if "hospital" in org_name.lower() or "health" in org_name.lower():
            tld = {"US": ".org", "UK": ".nhs.uk"}.get(self.country, tld)
        return stem + tld

    _PATHS = {
        "health": ["/portal/login", "/patients/records?id={d6}", "/appointments", "/telehealth/room/{a10}",
                   "/mychart", "/visit/{a10}"],
        "bank": ["/account/statements", "/help", "/disputes", "/secure/login", "/contact-us", "/wires/status?ref={d6}"],
        "generic": ["/track/{a10}", "/apply?ref={d5}", "/contact-us", "/help", "/support/tickets/{d6}",
                    "/account/settings", "/downloads", "/reset-password?token={a10}", "/careers"],
    }

    def url(self, domain: str | None = None, person: Person | None = None, kind: str = "generic") -> Ent:
        rng = self.rng
        if person is not None and rng.random() < 0.6:
            f, l = _ascii(person.first).lower(), _ascii(person.last).lower()
            v = rng.choice([f"https://www.linkedin.com/in/{f}-{l}-{rng.randint(10, 999)}", f"https://{f}{l}.com",
                            f"http://www.{l}{f[0]}.me", f"https://github.com/{f}{l}{rng.randint(1, 99)}",
                            f"https://instagram.com/{f}.{l}", f"https://about.me/{f}{l}"])
            return E("url", v)
        domain = domain or rng.choice(["example-portal.com", "mycare-online.org", "secure-pay.net", "docsign.io"])
        path = rng.choice(["", "/"] + self._PATHS[kind]).format(
            d6=V.digits(rng, 6), d5=V.digits(rng, 5), a10=V.alnum(rng, 10).lower())
        scheme = rng.choice(["https://", "https://www.", "http://", "www."])
        return E("url", f"{scheme}{domain}{path}")

    # ------------------------------------------------------------ places
    def address(self, country: str | None = None) -> Address:
        rng = self.rng
        c = country or self.country
        city, region = rng.choice(W.CITIES[c])
        _, _, lasts = _name_tables(self.locale)
        base = rng.choice(W.STREET_BASES) if rng.random() < 0.6 else lasts.pick(rng).split("-")[0]
        street = f"{base} {rng.choice(W.STREET_SUFFIXES[c])}"
        num = rng.choice([str(rng.randint(1, 99)), str(rng.randint(100, 9999)), f"{rng.randint(1, 300)}{rng.choice('AB')}"])
        line2 = ""
        if c == "US":
            line1 = f"{num} {street}"
            if rng.random() < 0.35:
                line2 = rng.choice([f"Apt {rng.randint(1, 40)}{rng.choice('ABCD')}", f"Suite {rng.randint(100, 950)}",
                                    f"Unit {rng.randint(1, 300)}", f"#{rng.randint(1, 99)}", f"Apt. {rng.randint(100, 999)}"])
            postcode = V.digits(rng, 5, True) + (f"-{V.digits(rng, 4)}" if rng.random() < 0.15 else "")
        elif c == "UK":
            line1 = f"{num} {street}"
            if rng.random() < 0.3:
                line1 = f"Flat {rng.randint(1, 30)}, {line1}" if rng.random() < 0.5 else line1
                line2 = "" if line1.startswith("Flat") else rng.choice(["Westfield House", "The Old Rectory",
                                                                          f"Flat {rng.randint(1, 30)}"])
            postcode = self.fk.postcode()
        elif c == "CA":
            line1 = f"{num} {street}"
            if rng.random() < 0.3:
                line2 = f"Unit {rng.randint(100, 2500)}"
            lt, dg = "ABCEGHJKLMNPRSTVXY", V.DIGITS
            pc = rng.choice(lt) + rng.choice(dg) + rng.choice(lt) + " " + rng.choice(dg) + rng.choice(lt) + rng.choice(dg)
            postcode = pc if rng.random() < 0.8 else pc.replace(" ", "")
        elif c == "AU":
            line1 = f"{num} {street}" if rng.random() < 0.7 else f"{rng.randint(1, 40)}/{rng.randint(1, 200)} {street}"
            first_digit = {"NSW": "2", "ACT": "26", "VIC": "3", "QLD": "4", "SA": "5", "WA": "6", "TAS": "7",
                           "NT": "08"}[region]
            postcode = first_digit + V.digits(rng, 4 - len(first_digit))
        elif c == "IE":
            line1 = f"{num} {street}" if rng.random() < 0.7 else f"{rng.randint(1, 40)} {rng.choice(W.STREET_BASES)} {rng.choice(['Park', 'Court', 'Grove', 'Heights'])}"
            if city == "Dublin" and rng.random() < 0.6:
                city = f"Dublin {rng.randint(1, 24)}"
            keys = "ACDEFHKNPRTVWXY"
            postcode = f"{rng.choice(keys)}{V.digits(rng, 2)} {''.join(rng.choice(keys + V.DIGITS) for _ in range(4))}"
        else:  # IN
            flat = f"Flat {rng.randint(101, 1204)}, {rng.choice(W.IN_BUILDINGS)}"
            road = f"{rng.randint(1, 20)}th {rng.choice(W.STREET_SUFFIXES['IN'])}" if rng.random() < 0.4 else street
            line1 = f"{flat}, {road}" if rng.random() < 0.5 else f"{num}, {road}"
            line2 = rng.choice(W.IN_LOCALITIES)
            postcode = V.digits(rng, 6, True)
            if rng.random() < 0.3:
                postcode = f"{postcode[:3]} {postcode[3:]}"
            region = region if rng.random() < 0.4 else ""
        return Address(line1, line2, city, region, postcode, c)

    def addr_inline(self, a: Address, *tags: str) -> Ent:
        return E("street address", a.one_line(), *tags)

    def addr_lines(self, a: Address, *tags: str, indent: str = "") -> list:
        parts: list = []
        for i, ln in enumerate(a.lines()):
            if i:
                parts.append("\n" + indent)
            parts.append(E("street address", ln, *tags))
        return [indent] + parts if indent else parts

    def addr(self, a: Address, *tags: str, multiline: float = 0.0) -> list:
        if self.rng.random() < multiline:
            return self.addr_lines(a, *tags)
        return [self.addr_inline(a, *tags)]

    def addr_fields(self, a: Address, *tags: str, sep: str = "\n") -> list:
        """Form fields: street on its own, then city / region / postcode each labelled on its own."""
        street = f"{a.line1}, {a.line2}" if a.line2 else a.line1
        c = a.country
        city_lbl = "Town" if c in ("UK", "IE") and self.p(0.5) else "City"
        pc_lbl = {"US": "ZIP", "CA": "Postal Code", "AU": "Postcode", "UK": "Postcode", "IE": "Eircode",
                  "IN": "PIN"}[c]
        parts: list = [self.pick(["Street: ", "Address: ", "Street address: ", "Address line 1: "]),
                       E("street address", street, *tags), sep, f"{city_lbl}: ", E("city", a.city)]
        if a.region:
            parts += [sep, self.pick(["State: ", "State/Province: ", "Region: "]) if c != "CA" else "Province: ",
                      E("country or state", a.region, "state")]
        parts += [sep, f"{pc_lbl}: ", E("zip code", a.postcode)]
        return parts

    # ------------------------------------------------------------ organisations
    def org_name(self, kind: str) -> str:
        rng = self.rng
        _, _, lasts = _name_tables(self.locale)
        city = rng.choice(W.CITIES[self.country])[0]
        fill = dict(city=city, last=lasts.pick(rng).split("-")[0], last2=lasts.pick(rng).split("-")[0],
                    adj=rng.choice(W.ORG_ADJ), saint=rng.choice(W.SAINTS))
        if kind == "hospital":
            return rng.choice(W.HOSPITAL_PATTERNS).format(**fill)
        if kind == "lab":
            return rng.choice(W.LAB_PATTERNS).format(**fill)
        if kind == "pharmacy":
            return rng.choice(W.PHARMACY_PATTERNS).format(**fill)
        if kind == "insurer":
            return rng.choice(W.INSURER_PATTERNS).format(**fill)
        if kind == "bank":
            if rng.random() < 0.35:
                return rng.choice(W.BANKS_REAL)
            return rng.choice(W.BANK_PATTERNS).format(**fill)
        # employer / company
        r = rng.random()
        if r < 0.3:
            return self.fk.company()
        if r < 0.7:
            return f"{fill['adj']} {rng.choice(W.COMPANY_STEMS)} {rng.choice(W.COMPANY_SUFFIXES)}"
        return f"{fill['last']} {rng.choice(W.COMPANY_STEMS)}" + rng.choice(["", " " + rng.choice(W.COMPANY_SUFFIXES)])

    def org(self, kind: str, name: str | None = None) -> Ent:
        tag = {"employer": "employer", "company": "company", "bank": "bank", "insurer": "insurer"}.get(kind, kind)
        return E("organization", name or self.org_name(kind), tag)

    # ------------------------------------------------------------ hard negatives
    def money(self, lo: float = 5, hi: float = 5000, cents: bool = True) -> str:
        amount = self.rng.uniform(lo, hi)
        s = f"{amount:,.2f}" if cents else f"{round(amount):,}"
        if self.rng.random() < 0.12:
            code = {"$": "USD", "£": "GBP", "C$": "CAD", "A$": "AUD", "€": "EUR", "Rs. ": "INR"}[self.cur]
            return f"{code} {s}"
        return f"{self.cur}{s}"

    def drug(self) -> list:
        name, doses, unit = self.pick(W.DRUGS)
        return [N("drug", name), " ", N("dose", f"{self.pick(doses)} {unit}")]

    def drug_line(self) -> list:
        return self.drug() + [" ", N("sig", self.pick(W.SIGS))]

    def disease(self) -> Ent | object:
        return N("disease", self.pick(W.DISEASES))

    def lab(self) -> tuple[str, str, str, str]:
        """(test, value, unit, reference range)."""
        test, unit, lo, hi, dec = self.pick(W.LAB_TESTS)
        span = hi - lo
        val = self.rng.uniform(lo, hi)
        ref = f"{lo + span * 0.2:.{dec}f}-{hi - span * 0.2:.{dec}f}"
        return test, f"{val:.{dec}f}", unit, ref

    def time(self) -> object:
        h, m = self.rng.randint(0, 23), self.rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
        return N("time", self.pick([f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}",
                                    f"{h:02d}{m:02d}", f"{h:02d}:{m:02d} hrs", f"{(h % 12) or 12}:{m:02d}{'am' if h < 12 else 'pm'}"]))

    def room(self) -> object:
        t = self.pick(W.ROOMS)
        return N("room", t.format(n=self.rng.randint(100, 899), b=self.rng.randint(1, 40), w=self.rng.randint(1, 12),
                                  l=self.pick("ABCD")))

    def vitals(self) -> list:
        rng = self.rng
        items = [("BP", f"{rng.randint(96, 172)}/{rng.randint(54, 102)}"), ("HR", str(rng.randint(52, 118))),
                 ("RR", str(rng.randint(12, 24))), ("T", f"{rng.uniform(36.1, 38.9):.1f} C"),
                 ("SpO2", f"{rng.randint(88, 100)}%"), ("Wt", f"{rng.randint(48, 130)} kg")]
        rng.shuffle(items)
        out: list = []
        for i, (k, val) in enumerate(items[: rng.randint(3, 6)]):
            out += ([", "] if i else []) + [f"{k} ", N("vital", val)]
        return out

    def icd(self) -> tuple[object, str]:
        code, desc = self.pick(W.ICD10)
        return N("icd10", code), desc

    def cpt(self) -> tuple[object, str]:
        code, desc = self.pick(W.CPT)
        return N("cpt", code), desc

    def year_phrase(self, preps: tuple[str, ...] = ("in ", "since ", "back in ", "around ")) -> list:
        y = str(self.today.year - self.rng.randint(1, 15))
        return [self.pick(preps), E("date", y, "year")]

    # ------------------------------------------------------------ titles, groups, facilities
    def job_title(self, lower: bool = False) -> Ent:
        title = self.pick(W.JOB_TITLES)
        return E("title", title.lower() if lower else title, "job")

    def nrp(self, kind: str | None = None) -> Ent:
        """A nationality, ethnicity, religion or political group."""
        kind = kind or self.pick(list(W.NRP))
        return E("nationality, religion or political group", self.pick(W.NRP[kind]), kind)

    def facility(self) -> Ent:
        """A hospital, ward or care facility written the way notes name it ("Baystate ICU")."""
        rng = self.rng
        if rng.random() < 0.5:
            name = rng.choice(W.FACILITIES)
        else:
            name = self.org_name("hospital")
        if rng.random() < 0.3:
            name = f"{name.replace(' Hospital', '').replace(' Medical Center', '')} {rng.choice(W.UNITS)}"
        return E("organization", name, "facility")

    def country_or_state(self) -> Ent:
        if self.p(0.5):
            return E("country or state", self.pick(W.COUNTRIES), "country")
        return E("country or state", self.pick(W.STATES), "state")

    def txn_id(self) -> object:
        rng = self.rng
        return N("transaction_id", rng.choice([f"TXN{V.alnum(rng, 10)}", f"{V.digits(rng, 8)}-{V.digits(rng, 6)}",
                                               f"FT{V.digits(rng, 2)}{V.alnum(rng, 8)}", V.alnum(rng, 16),
                                               f"REF{V.digits(rng, 9)}"]))

    def invoice_no(self) -> object:
        rng = self.rng
        return N("invoice", rng.choice([f"INV-{rng.randint(2015, 2025)}-{V.digits(rng, 4)}", f"INV{V.digits(rng, 6)}",
                                        f"{V.digits(rng, 5)}", f"PO-{V.digits(rng, 6)}"]))

    def order_no(self) -> object:
        rng = self.rng
        return N("order", rng.choice([f"{V.digits(rng, 3)}-{V.digits(rng, 7)}-{V.digits(rng, 7)}", V.digits(rng, 9),
                                      f"ORD-{V.alnum(rng, 8)}", f"W{V.digits(rng, 9)}"]))

    def ticket_no(self) -> object:
        rng = self.rng
        return N("ticket", rng.choice([f"TKT-{V.digits(rng, 5)}", f"INC{V.digits(rng, 7)}", f"{V.digits(rng, 6)}",
                                       f"CS-{V.digits(rng, 4)}-{V.digits(rng, 3)}", f"SR{V.digits(rng, 8)}"]))

    def sku(self) -> object:
        return N("sku", V.model_number(self.rng))

    def role(self, pool: list[str]) -> object:
        return N("role", self.pick(pool))
