"""Value formats for identifiers, with real checksums where the format has one.

Every function takes a ``random.Random`` and returns the string exactly as it is written
in the document. Checksums: Luhn (cards, IMEI), ABA mod-10 (routing), ISO 13616 mod-97
(IBAN), ISO 3779 (VIN check digit), DEA check digit, Base58Check / Bech32 (bitcoin), the
Australian TFN weights.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import string

DIGITS = string.digits
UPPER = string.ascii_uppercase


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    if first_nonzero:
        return str(rng.randrange(10 ** (n - 1), 10 ** n))
    return str(rng.randrange(10 ** n)).zfill(n)


def letters(rng: random.Random, n: int, alphabet: str = UPPER) -> str:
    return "".join(rng.choices(alphabet, k=n))


def alnum(rng: random.Random, n: int, alphabet: str = UPPER + DIGITS) -> str:
    return "".join(rng.choices(alphabet, k=n))


def group(s: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(s[i:i + size])
        i += size
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


# ---------------------------------------------------------------- checksums
def luhn_check_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    ds = [c for c in number if c.isdigit()]
    return len(ds) > 1 and luhn_check_digit("".join(ds[:-1])) == ds[-1]


def aba_valid(number: str) -> bool:
    d = [int(c) for c in number]
    return len(d) == 9 and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


_VIN_MAP = {**{str(i): i for i in range(10)},
            **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
            **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_MAP[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_valid(vin: str) -> bool:
    return len(vin) == 17 and vin[8] == vin_check_digit(vin)


# ---------------------------------------------------------------- payment cards
CARD_BRANDS = {
    "Visa": (("4",), 16), "Mastercard": (("51", "52", "53", "54", "55", "2221", "2720"), 16),
    "American Express": (("34", "37"), 15), "Discover": (("6011", "65"), 16), "RuPay": (("6521", "6522"), 16),
}


def card_number(rng: random.Random, brand: str | None = None) -> tuple[str, str]:
    """(brand, bare digits), Luhn-valid."""
    brand = brand or rng.choices(list(CARD_BRANDS), weights=[45, 35, 12, 6, 2])[0]
    prefixes, length = CARD_BRANDS[brand]
    payload = rng.choice(prefixes)
    payload += digits(rng, length - 1 - len(payload))
    return brand, payload + luhn_check_digit(payload)


def format_card(rng: random.Random, number: str) -> str:
    sizes = (4, 6, 5) if len(number) == 15 else (4, 4, 4, 4)
    return rng.choices([group(number, sizes, " "), group(number, sizes, "-"), number], weights=[5, 2, 3])[0]


def masked_card(rng: random.Random, number: str) -> str:
    last4 = number[-4:]
    return rng.choice([f"**** **** **** {last4}", f"XXXX-XXXX-XXXX-{last4}", f"xxxxxxxxxxxx{last4}",
                       f"{number[:6]}******{last4}"])


# ---------------------------------------------------------------- US identifiers
def ssn_digits(rng: random.Random) -> str:
    area = rng.choice([rng.randint(1, 665), rng.randint(667, 899)])
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def format_ssn(rng: random.Random, ssn: str) -> str:
    return rng.choices([f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}", ssn, f"{ssn[:3]} {ssn[3:5]} {ssn[5:]}"],
                       weights=[7, 2, 1])[0]


def aba_routing(rng: random.Random) -> str:
    prefix = rng.choice([f"{rng.randint(1, 12):02d}", f"{rng.randint(21, 32):02d}"])
    body = prefix + digits(rng, 6)
    d = [int(c) for c in body]
    check = (10 - (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5]) % 10) % 10
    return body + str(check)


_EIN_PREFIXES = ["01", "02", "04", "10", "12", "20", "22", "26", "27", "30", "33", "35", "38", "41", "45", "46",
                 "47", "52", "54", "56", "58", "61", "65", "71", "75", "81", "83", "86", "88", "91", "94", "98"]


def ein(rng: random.Random) -> str:
    v = rng.choice(_EIN_PREFIXES) + digits(rng, 7)
    return rng.choices([f"{v[:2]}-{v[2:]}", v], weights=[8, 2])[0]


def itin(rng: random.Random) -> str:
    middle = rng.choice(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    v = f"9{digits(rng, 2)}{middle:02d}{digits(rng, 4)}"
    return rng.choices([f"{v[:3]}-{v[3:5]}-{v[5:]}", v], weights=[8, 2])[0]


def tax_id(rng: random.Random, country: str, person: bool = True, last_name: str = "X") -> tuple[str, str]:
    """(tag, value): an ID used for tax in that country."""
    if country == "US":
        return ("itin", itin(rng)) if person and rng.random() < 0.4 else ("ein", ein(rng))
    if country == "IN":
        first = (last_name[:1].upper() if last_name[:1].isalpha() else "K")
        return "pan", letters(rng, 3) + ("P" if person else "C") + first + digits(rng, 4) + letters(rng, 1)
    if country == "AU":
        weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
        while True:
            d = [rng.randint(0, 9) for _ in range(9)]
            if sum(a * b for a, b in zip(d, weights)) % 11 == 0 and d[0]:
                s = "".join(map(str, d))
                return "tfn", rng.choice([s, f"{s[:3]} {s[3:6]} {s[6:]}"])
    if country == "CA":
        return "bn", digits(rng, 9, True) + rng.choice(["RT0001", "RC0001", "RP0001"])
    if country == "IE":
        return "ppsn", digits(rng, 7) + rng.choice(UPPER) + rng.choice(["", "A", "W"])
    return "utr", rng.choice([digits(rng, 10, True), f"{digits(rng, 5, True)} {digits(rng, 5)}"])


# ---------------------------------------------------------------- banking
IBAN_SPECS = {  # country: BBAN pattern (a = letter, n = digit)
    "GB": "aaaannnnnnnnnnnnnn", "IE": "aaaannnnnnnnnnnnnn", "DE": "nnnnnnnnnnnnnnnnnn",
    "FR": "nnnnnnnnnnnnnnnnnnnnnnn", "NL": "aaaannnnnnnnnn", "ES": "nnnnnnnnnnnnnnnnnnnn",
    "IT": "annnnnnnnnnnnnnnnnnnnnn", "CH": "nnnnnnnnnnnnnnnnn", "BE": "nnnnnnnnnnnn",
}
IBAN_COUNTRY_FOR = {"UK": "GB", "IE": "IE"}


def iban(rng: random.Random, country: str | None = None, bank_code: str | None = None) -> str:
    """Bare IBAN (no spaces) with valid mod-97 check digits."""
    country = country or rng.choice(list(IBAN_SPECS))
    pattern = IBAN_SPECS[country]
    bban = "".join(rng.choice(UPPER) if ch == "a" else rng.choice(DIGITS) for ch in pattern)
    if bank_code and pattern.startswith("aaaa"):
        bban = bank_code[:4] + bban[4:]
    rearranged = bban + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in rearranged)) % 97
    return f"{country}{check:02d}{bban}"


def format_iban(rng: random.Random, value: str) -> str:
    return rng.choices([group(value, (4,) * 8, " "), value], weights=[6, 4])[0]


def swift(rng: random.Random, country: str, bank_code: str | None = None) -> str:
    bank = (bank_code or letters(rng, 4))[:4].upper()
    loc = rng.choice(UPPER) + rng.choice(UPPER + "23456789")
    branch = rng.choices(["", "XXX", alnum(rng, 3)], weights=[6, 2, 2])[0]
    return bank + country + loc + branch


def bank_code_from(name: str, rng: random.Random) -> str:
    letters_only = [c for c in name.upper() if c.isalpha() and c not in "AEIOU"]
    code = "".join(letters_only[:4])
    while len(code) < 4:
        code += rng.choice(UPPER)
    return code


def bank_account_number(rng: random.Random, country: str) -> str:
    if country == "UK":
        return digits(rng, 8)
    if country == "IN":
        return digits(rng, rng.choice([11, 12, 14, 16]), True)
    if country == "AU":
        return rng.choice([digits(rng, 9, True), f"{digits(rng, 4)} {digits(rng, 5)}"])
    if country == "CA":
        return digits(rng, 7, True)
    if country == "IE":
        return digits(rng, 8)
    v = digits(rng, rng.choice([9, 10, 11, 12]), True)
    return rng.choices([v, f"{v[:4]}-{v[4:]}", f"{v[:3]} {v[3:6]} {v[6:]}"], weights=[6, 2, 1])[0]


# ---------------------------------------------------------------- other account-like numbers
def account_number(rng: random.Random) -> str:
    return rng.choice([
        digits(rng, 10, True), f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}", f"A{digits(rng, 8)}", f"{letters(rng, 2)}-{digits(rng, 7)}",
        digits(rng, 12, True), f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4)}",
    ])


def loan_number(rng: random.Random) -> str:
    return rng.choice([
        f"LN-{rng.randint(2012, 2025)}-{digits(rng, 6)}", digits(rng, 10, True), f"HL-{digits(rng, 5)}-{digits(rng, 2)}",
        f"MTG{digits(rng, 7)}", f"{digits(rng, 3)}-{digits(rng, 7)}", f"PL{digits(rng, 9)}", f"AUTO-{digits(rng, 8)}",
    ])


def customer_id(rng: random.Random) -> str:
    return rng.choice([
        f"CUST-{digits(rng, 6)}", f"C-{digits(rng, 5)}", digits(rng, 7, True), f"CLT-{digits(rng, 4)}-{digits(rng, 2)}",
        f"{letters(rng, 2)}{digits(rng, 6)}", f"CID{digits(rng, 8)}", f"{digits(rng, 4)}-{letters(rng, 3)}-{digits(rng, 3)}",
        f"M{digits(rng, 9)}",
    ])


def mrn(rng: random.Random) -> str:
    return rng.choice([
        digits(rng, 8), f"{letters(rng, 2)}-{digits(rng, 4)}-{digits(rng, 3)}", digits(rng, 7, True),
        f"E{digits(rng, 7)}", f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 2)}", f"MR{digits(rng, 6)}",
        f"{digits(rng, 2)}-{digits(rng, 6)}", f"{letters(rng, 3)}{digits(rng, 7)}",
    ])


_MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def member_id(rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:  # Medicare Beneficiary Identifier: C A AN N A AN N A A N N
        a = lambda: rng.choice(_MBI_ALPHA)  # noqa: E731
        an = lambda: rng.choice(_MBI_ALPHA + DIGITS)  # noqa: E731
        v = f"{rng.randint(1, 9)}{a()}{an()}{rng.randint(0, 9)}{a()}{an()}{rng.randint(0, 9)}{a()}{a()}{digits(rng, 2)}"
        return rng.choice([v, f"{v[:4]}-{v[4:7]}-{v[7:]}"])
    if kind == 1:
        return letters(rng, 3) + digits(rng, 9)
    if kind == 2:
        return f"W{digits(rng, 9)}-{digits(rng, 2)}"
    if kind == 3:
        return f"{letters(rng, 3)} {digits(rng, 4)} {digits(rng, 4)}"
    if kind == 4:
        return f"U{digits(rng, 10)}"
    if kind == 5:
        return f"{digits(rng, 9)}{letters(rng, 1)}"  # UK NHS-style free text IDs vary widely
    return f"{letters(rng, 2)}{digits(rng, 7)}-{digits(rng, 2)}"


# ---------------------------------------------------------------- licences
_US_DL = [lambda r: letters(r, 1) + digits(r, 7), lambda r: f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}",
          lambda r: f"{letters(r, 1)}{digits(r, 3)}-{digits(r, 3)}-{digits(r, 2)}-{digits(r, 3)}-{digits(r, 1)}",
          lambda r: digits(r, 8), lambda r: f"{letters(r, 1)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}",
          lambda r: letters(r, 1) + digits(r, 12)]


def drivers_license(rng: random.Random, country: str, last_name: str = "SMITH") -> str:
    if country == "UK":
        sur = "".join(c for c in last_name.upper() if c.isalpha())[:5].ljust(5, "9")
        return f"{sur}{digits(rng, 6)}{letters(rng, 2)}{rng.randint(1, 9)}{letters(rng, 2)}"
    if country == "AU":
        return rng.choice([digits(rng, 8), digits(rng, 9), f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"])
    if country == "CA":
        return f"{letters(rng, 1)}{digits(rng, 4)}-{digits(rng, 5)}-{digits(rng, 5)}"
    if country == "IE":
        return f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
    if country == "IN":
        return f"{letters(rng, 2)}{digits(rng, 2)} {digits(rng, 11)}"
    return rng.choice(_US_DL)(rng)


def dea_number(rng: random.Random, last_name: str) -> str:
    d = [rng.randint(0, 9) for _ in range(6)]
    check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10
    initial = last_name[:1].upper() if last_name[:1].isalpha() else "X"
    return rng.choice("ABFM") + initial + "".join(map(str, d)) + str(check)


def professional_license(rng: random.Random, country: str) -> tuple[str, str]:
    """(tag, value) for medical / nursing / pharmacy / other professional licences and certificates."""
    kind = rng.randrange(6)
    if country == "UK":
        return "cert", rng.choice([digits(rng, 7, True), f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 4)}{letters(rng, 1)}"])
    if country == "AU":
        return "cert", f"MED{digits(rng, 10)}"
    if country == "IN":
        return "cert", f"{letters(rng, 3)}/{digits(rng, 5)}/{rng.randint(2001, 2022)}"
    if kind == 0:
        return "cert", f"{letters(rng, 1)}{digits(rng, 5)}"
    if kind == 1:
        return "cert", f"MD{digits(rng, 6)}"
    if kind == 2:
        return "cert", f"RN{digits(rng, 7)}"
    if kind == 3:
        return "cert", f"{digits(rng, 2)}.{digits(rng, 6)}"
    if kind == 4:
        return "cert", f"CERT-{digits(rng, 5)}-{letters(rng, 1)}"
    return "cert", f"{digits(rng, 4)}-{digits(rng, 6)}"


def clia_number(rng: random.Random) -> str:
    return f"{digits(rng, 2)}D{digits(rng, 7)}"


# ---------------------------------------------------------------- vehicles and devices
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_WMIS = ["1HG", "1FA", "2T1", "JTD", "WVW", "5YJ", "3VW", "KMH", "SAL", "1G1", "WBA", "JN1", "4T1", "1C4", "YV1",
         "MA3", "SHH", "WDD"]


def vin(rng: random.Random) -> str:
    body = rng.choice(_WMIS) + alnum(rng, 5, _VIN_CHARS)
    year = rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
    tail = year + alnum(rng, 1, _VIN_CHARS) + digits(rng, 6)
    partial = body + "0" + tail
    return body + vin_check_digit(partial) + tail


def plate(rng: random.Random, country: str) -> str:
    if country == "UK":
        return f"{letters(rng, 2)}{digits(rng, 2)} {letters(rng, 3)}"
    if country == "AU":
        return rng.choice([f"{letters(rng, 3)}-{digits(rng, 3)}", f"{digits(rng, 1)}{letters(rng, 2)} {digits(rng, 1)}{letters(rng, 2)}",
                           f"{letters(rng, 3)} {digits(rng, 2)}{letters(rng, 1)}"])
    if country == "CA":
        return f"{letters(rng, 4)} {digits(rng, 3)}"
    if country == "IE":
        return f"{rng.randint(12, 25)}{rng.choice(['1', '2', ''])}-{rng.choice(['D', 'C', 'G', 'KY', 'L', 'WX'])}-{rng.randint(1, 99999)}"
    if country == "IN":
        return f"{rng.choice(['MH', 'KA', 'DL', 'TN', 'TS', 'GJ'])} {digits(rng, 2)} {letters(rng, 2)} {digits(rng, 4)}"
    return rng.choice([f"{digits(rng, 1, True)}{letters(rng, 3)}{digits(rng, 3)}", f"{letters(rng, 3)}-{digits(rng, 4)}",
                       f"{letters(rng, 3)} {digits(rng, 4)}", f"{letters(rng, 2)}{digits(rng, 1)}-{letters(rng, 1)}{digits(rng, 2)}"])


def imei(rng: random.Random) -> str:
    payload = rng.choice(["35", "86", "01", "99"]) + digits(rng, 12)
    v = payload + luhn_check_digit(payload)
    return rng.choice([v, f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}"])


DEVICE_KINDS = {  # kind: (human phrase, implant?)
    "pacemaker": ("pacemaker", True), "icd": ("implantable cardioverter-defibrillator", True),
    "insulin_pump": ("insulin pump", False), "cgm": ("continuous glucose monitor", False),
    "cochlear": ("cochlear implant", True), "cpap": ("CPAP machine", False), "hearing_aid": ("hearing aid", False),
    "neurostim": ("spinal cord stimulator", True), "laptop": ("laptop", False), "phone": ("mobile handset", False),
    "router": ("router", False), "infusion_pump": ("infusion pump", False),
}


def device_serial(rng: random.Random, kind: str) -> str:
    if kind == "phone":
        return imei(rng)
    if kind in ("pacemaker", "icd", "neurostim"):
        return rng.choice([f"{letters(rng, 3)}{digits(rng, 6)}{letters(rng, 1)}", f"{digits(rng, 8)}",
                           f"SN {digits(rng, 3)}-{digits(rng, 5)}"]).replace("SN ", "")
    if kind in ("insulin_pump", "cgm"):
        return rng.choice([f"NG{digits(rng, 7)}{letters(rng, 1)}", f"{letters(rng, 2)}{digits(rng, 8)}",
                           f"{digits(rng, 2)}-{digits(rng, 6)}-{digits(rng, 2)}"])
    if kind == "laptop":
        return rng.choice([alnum(rng, 12), f"5CD{digits(rng, 4)}{alnum(rng, 3)}", alnum(rng, 7), f"PF{alnum(rng, 6)}"])
    if kind == "router":
        return rng.choice([f"{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 6)}", f"SN{alnum(rng, 10)}"])
    return rng.choice([digits(rng, 11), f"{letters(rng, 1)}{digits(rng, 9)}", f"{alnum(rng, 4)}-{alnum(rng, 4)}-{alnum(rng, 4)}"])


def model_number(rng: random.Random) -> str:
    """A product model / SKU code: a hard negative, never tagged."""
    return rng.choice([f"MMT-{rng.randint(500, 799)}{rng.choice(['', 'G'])}", f"XR-{rng.randint(100, 990)}",
                       f"SKU {digits(rng, 2)}-{digits(rng, 4)}-{letters(rng, 1)}", f"Model {letters(rng, 2)}{digits(rng, 3)}",
                       f"part no. {digits(rng, 4)}-{digits(rng, 2)}", f"{letters(rng, 3)}-{digits(rng, 4)}"])


# ---------------------------------------------------------------- network
def ipv4(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"
    if kind < 0.25:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    first = rng.choice([23, 31, 45, 50, 62, 66, 71, 73, 81, 86, 92, 98, 103, 109, 122, 142, 151, 174, 185, 203, 212])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    groups = [rng.choice(["2001", "2600", "2a02", "2406", "fe80", "2a01", "2607"])] + \
             [f"{rng.randint(0, 0xffff):x}" for _ in range(7)]
    if rng.random() < 0.5:  # compress a run of groups
        i = rng.randint(1, 4)
        j = rng.randint(i + 1, min(i + 4, 7))
        return ":".join(groups[:i]) + "::" + ":".join(groups[j:])
    return ":".join(groups)


def ip_address(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.3 else ipv4(rng)


# ---------------------------------------------------------------- crypto
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _b58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (b >> i) & 1 else 0
    return chk


def _bech32_address(program: bytes) -> str:
    hrp = "bc"
    acc, bits, data = 0, 0, [0]  # witness version 0
    for b in program:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    polymod = _bech32_polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in data + checksum)


def crypto_wallet(rng: random.Random) -> tuple[str, str]:
    """(tag, address): btc (legacy, P2SH or bech32) or eth."""
    kind = rng.random()
    payload = bytes(rng.getrandbits(8) for _ in range(20))
    if kind < 0.25:
        return "btc", _b58check(b"\x00" + payload)
    if kind < 0.4:
        return "btc", _b58check(b"\x05" + payload)
    if kind < 0.65:
        return "btc", _bech32_address(payload)
    return "eth", "0x" + payload.hex()


# ---------------------------------------------------------------- phones
_US_AREA = [201, 202, 206, 212, 213, 305, 312, 314, 404, 415, 503, 512, 602, 612, 614, 617, 646, 702, 713, 718,
            720, 773, 808, 813, 817, 858, 904, 916, 919, 971, 978, 984]
_CA_AREA = [416, 647, 613, 514, 438, 604, 778, 403, 587, 780, 204, 306, 902, 709, 506, 905]


def phone(rng: random.Random, country: str, mobile: bool | None = None, intl: float = 0.15) -> str:
    mobile = rng.random() < 0.5 if mobile is None else mobile
    use_intl = rng.random() < intl
    if country in ("US", "CA"):
        area = rng.choice(_US_AREA if country == "US" else _CA_AREA)
        ex = rng.choice([555, rng.randint(200, 989)])
        line = rng.randint(0, 9999) if ex != 555 else rng.randint(100, 199)
        a, b, c = str(area), str(ex), f"{line:04d}"
        if use_intl:
            return rng.choice([f"+1 {a} {b} {c}", f"+1-{a}-{b}-{c}", f"+1 ({a}) {b}-{c}"])
        v = rng.choices([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"{a}{b}{c}",
                         f"1-{a}-{b}-{c}", f"({a}){b}-{c}"], weights=[6, 5, 3, 1, 1, 1, 1])[0]
        if not mobile and rng.random() < 0.08:
            v += rng.choice([f" ext. {rng.randint(10, 999)}", f" x{rng.randint(100, 9999)}"])
        return v
    if country == "UK":
        if mobile:
            n = f"7{rng.choice(['700', '400', '911', '824', '983', '507'])}{digits(rng, 6)}"
            return rng.choice([f"+44 {n[:4]} {n[4:]}", f"0{n[:4]} {n[4:]}", f"0{n}", f"+44 (0){n[:4]} {n[4:]}"]) if use_intl \
                else rng.choice([f"0{n[:4]} {n[4:]}", f"0{n[:4]} {n[4:7]} {n[7:]}", f"0{n}"])
        area, rest = rng.choice([("20", 8), ("161", 7), ("113", 7), ("117", 7), ("121", 7), ("131", 7), ("1632", 6)])
        sub = digits(rng, rest, True)
        split = {8: (4, 4), 7: (3, 4), 6: (6,)}[rest]
        sub_s = group(sub, split, " ")
        return f"+44 {area} {sub_s}" if use_intl else rng.choice([f"0{area} {sub_s}", f"(0{area}) {sub_s}"])
    if country == "AU":
        if mobile:
            n = "4" + digits(rng, 8)
            return f"+61 {n[:3]} {n[3:6]} {n[6:]}" if use_intl else rng.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n}"])
        area = rng.choice(["2", "3", "7", "8"])
        sub = digits(rng, 8, True)
        return f"+61 {area} {sub[:4]} {sub[4:]}" if use_intl else rng.choice([f"(0{area}) {sub[:4]} {sub[4:]}", f"0{area} {sub[:4]} {sub[4:]}"])
    if country == "IE":
        if mobile:
            p = rng.choice(["83", "85", "86", "87", "89"])
            n = digits(rng, 7, True)
            return f"+353 {p} {n[:3]} {n[3:]}" if use_intl else rng.choice([f"0{p} {n[:3]} {n[3:]}", f"0{p}-{n}"])
        area = rng.choice(["1", "21", "91", "61", "51"])
        n = digits(rng, 7 if area == "1" else 6, True)
        return f"+353 {area} {n[:3]} {n[3:]}" if use_intl else rng.choice([f"(0{area}) {n[:3]} {n[3:]}", f"0{area} {n[:3]} {n[3:]}"])
    # IN
    if mobile:
        n = rng.choice("6789") + digits(rng, 9)
        return rng.choice([f"+91 {n[:5]} {n[5:]}", f"+91-{n}", n, f"0{n[:5]} {n[5:]}", f"{n[:5]} {n[5:]}"])
    area = rng.choice(["11", "22", "80", "44", "40", "20", "33"])
    n = digits(rng, 8, True)
    return rng.choice([f"+91-{area}-{n[:4]}-{n[4:]}", f"0{area} {n}", f"0{area}-{n}", f"({area}) {n[:4]} {n[4:]}"])


# ---------------------------------------------------------------- dates and ages
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]

DATE_STYLES_US = ["mdy_slash", "mdy_slash_short", "iso", "month_d_y", "mon_d_y", "d_mon_y", "dd_mon_yyyy_caps",
                  "mdy_dash", "mdy_2y", "d_mon_yy"]
DATE_STYLES_INTL = ["dmy_slash", "dmy_slash_short", "iso", "d_month_y", "d_mon_y", "dd_mon_yyyy_caps", "dmy_dot",
                    "ordinal_month_y", "d_mon_yy", "month_d_y", "dmy_dash"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


_DATE_FORMATTERS = {
    "mdy_slash": lambda d, m: f"{d.month:02d}/{d.day:02d}/{d.year}",
    "mdy_slash_short": lambda d, m: f"{d.month}/{d.day}/{d.year}",
    "dmy_slash": lambda d, m: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "dmy_slash_short": lambda d, m: f"{d.day}/{d.month}/{d.year}",
    "iso": lambda d, m: d.isoformat(),
    "month_d_y": lambda d, m: f"{m} {d.day}, {d.year}",
    "mon_d_y": lambda d, m: f"{m[:3]} {d.day}, {d.year}",
    "d_month_y": lambda d, m: f"{d.day} {m} {d.year}",
    "d_mon_y": lambda d, m: f"{d.day} {m[:3]} {d.year}",
    "d_mon_yy": lambda d, m: f"{d.day} {m[:3]} {d.year % 100:02d}",
    "dd_mon_yyyy_caps": lambda d, m: f"{d.day:02d}-{m[:3].upper()}-{d.year}",
    "mdy_dash": lambda d, m: f"{d.month:02d}-{d.day:02d}-{d.year}",
    "dmy_dash": lambda d, m: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "mdy_2y": lambda d, m: f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
    "dmy_dot": lambda d, m: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "ordinal_month_y": lambda d, m: f"{_ordinal(d.day)} {m} {d.year}",
}


def format_date(d: dt.date, style: str) -> str:
    return _DATE_FORMATTERS[style](d, _MONTHS[d.month - 1])


def random_age(rng: random.Random, adult: bool = True, elderly: float = 0.1) -> int:
    r = rng.random()
    if r < elderly:
        return rng.randint(90, 104)
    if not adult and r < 0.2:
        return rng.randint(0, 17)
    return rng.randint(18, 89)


# Partial dates, as notes write them: "7/22", "Jan 3", "the 14th", "'19", "2019".
PARTIAL_DATE_STYLES = ("m_d", "d_m", "mon_d", "month_d", "ordinal", "the_ordinal", "apos_yy", "yyyy", "mon_yyyy",
                       "m_yyyy", "mon_apos_yy")
PARTIAL_YEAR_STYLES = ("apos_yy", "yyyy", "yyyy", "mon_yyyy", "m_yyyy", "mon_apos_yy")
_PARTIAL_FORMATTERS = {
    "m_d": lambda d, m: f"{d.month}/{d.day}",
    "d_m": lambda d, m: f"{d.day}/{d.month}",
    "mon_d": lambda d, m: f"{m[:3]} {d.day}",
    "month_d": lambda d, m: f"{m} {d.day}",
    "ordinal": lambda d, m: _ordinal(d.day),
    "the_ordinal": lambda d, m: _ordinal(d.day),  # written after "the", which stays outside the span
    "apos_yy": lambda d, m: f"'{d.year % 100:02d}",
    "yyyy": lambda d, m: str(d.year),
    "mon_yyyy": lambda d, m: f"{m[:3]} {d.year}",
    "m_yyyy": lambda d, m: f"{d.month}/{d.year}",
    "mon_apos_yy": lambda d, m: f"{m[:3]} '{d.year % 100:02d}",
}


def format_partial_date(d: dt.date, style: str) -> str:
    return _PARTIAL_FORMATTERS[style](d, _MONTHS[d.month - 1])
