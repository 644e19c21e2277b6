"""Fakes for numbers and codes: the original's length, separators and letter/digit pattern, drawn
from reserved ranges where one exists, with valid check digits where the type has them.

* phone and fax: North American numbers become 555-01xx (reserved for fiction), UK ones Ofcom's
  drama ranges; others keep their country code and get new digits.
* US_SSN in the 9xx area and US_ITIN in 9xx-7x (never issued as SSNs), cards on the networks'
  published test BINs (Luhn-valid), IBANs with mod-97 check digits, ABA routing numbers with the
  3-7-1 checksum, NPIs with the 80840-prefixed Luhn digit, VINs with the position-9 check digit.
* emails and URLs on example.com / example.org / example.net (RFC 2606), IPs in the documentation
  ranges (RFC 5737, RFC 3849), MACs in the documentation block 00-53-00 (RFC 7042).
* anything else: every digit and letter redrawn, separators kept.

Each function takes the value and a seeded ``random.Random`` and returns the fake, or None when the
value has nothing to redraw (the caller then falls back to a placeholder).
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
from typing import Callable, Optional

Fake = Callable[[str, random.Random], Optional[str]]


# ------------------------------------------------------------------------------- shape

def redraw_shape(value: str, rng: random.Random, letters: str = string.ascii_uppercase,
                 keep: frozenset[int] = frozenset()) -> Optional[str]:
    """Every digit a new digit (a run's leading zero stays a zero, a non-zero lead stays non-zero),
    every letter a new letter of the same case from ``letters``; positions in ``keep`` and
    everything else as it was. None when there is nothing to redraw."""
    out, redrawn = [], False
    for index, ch in enumerate(value):
        if index in keep:
            out.append(ch)
        elif ch.isdigit():
            leads = index == 0 or not value[index - 1].isdigit()
            if leads and ch == "0":
                out.append("0")
            else:
                out.append(str(rng.randint(1, 9) if leads else rng.randint(0, 9)))
            redrawn = True
        elif ch.isalpha():
            pick = rng.choice(letters)
            out.append(pick.lower() if ch.islower() else pick.upper())
            redrawn = True
        else:
            out.append(ch)
    return "".join(out) if redrawn else None


def fill_digits(template: str, digits: str) -> str:
    """The template with its digits replaced, in order, by ``digits`` (same count)."""
    feed = iter(digits)
    return "".join(next(feed) if ch.isdigit() else ch for ch in template)


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _random_digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


# ------------------------------------------------------------------------------- check digits

def luhn_check_digit(payload: str) -> str:
    total = 0
    for index, ch in enumerate(reversed(payload)):
        digit = int(ch)
        if index % 2 == 0:  # doubled: every second digit from the right, counting the check digit
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return len(number) > 1 and number.isdigit() and luhn_check_digit(number[:-1]) == number[-1]


def iban_check_digits(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged.upper())
    return f"{98 - int(numeric) % 97:02d}"


def iban_valid(iban: str) -> bool:
    compact = re.sub(r"\s", "", iban).upper()
    if len(compact) < 5 or not compact.isalnum():
        return False
    numeric = "".join(str(int(ch, 36)) for ch in compact[4:] + compact[:4])
    return int(numeric) % 97 == 1


def aba_valid(number: str) -> bool:
    if len(number) != 9 or not number.isdigit():
        return False
    d = [int(ch) for ch in number]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def npi_valid(number: str) -> bool:
    return len(number) == 10 and number.isdigit() and luhn_valid("80840" + number)


_VIN_VALUES = {**{str(d): d for d in range(10)},
               **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_VALUES[ch] * weight for ch, weight in zip(vin.upper(), _VIN_WEIGHTS))
    return "X" if total % 11 == 10 else str(total % 11)


def vin_valid(vin: str) -> bool:
    return (len(vin) == 17 and all(ch in _VIN_VALUES for ch in vin.upper())
            and vin_check_digit(vin) == vin[8].upper())


# ------------------------------------------------------------------------------- phones

def fake_phone(value: str, rng: random.Random) -> Optional[str]:
    digits = _digits(value)
    tail = f"{rng.randint(0, 99):02d}"
    if len(digits) == 10 or (len(digits) == 11 and digits[0] == "1"):
        area = f"{rng.randint(2, 9)}{rng.randint(0, 8)}{rng.randint(0, 9)}"  # never N9X or a N11 code
        if area[1:] == "11":
            area = area[0] + "10"
        return fill_digits(value, digits[:-10] + area + "55501" + tail)
    if len(digits) == 12 and digits.startswith("447"):
        return fill_digits(value, "447700900" + f"{rng.randint(0, 999):03d}")
    if len(digits) == 11 and digits.startswith("07"):
        return fill_digits(value, "07700900" + f"{rng.randint(0, 999):03d}")
    if len(digits) == 12 and digits.startswith("4420"):
        return fill_digits(value, "442079460" + f"{rng.randint(0, 999):03d}")
    if len(digits) == 11 and digits.startswith("020"):
        return fill_digits(value, "02079460" + f"{rng.randint(0, 999):03d}")
    if len(digits) < 5:
        return redraw_shape(value, rng)
    match = re.match(r"\s*(\+\d{1,3})", value)  # keep the country code of an international number
    keep = frozenset(range(match.end())) if match else frozenset()
    return redraw_shape(value, rng, keep=keep)


# ------------------------------------------------------------------------------- government and finance

def fake_ssn(value: str, rng: random.Random) -> Optional[str]:
    if len(_digits(value)) != 9:
        return redraw_shape(value, rng)
    return fill_digits(value, f"9{rng.randint(0, 99):02d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}")


def fake_itin(value: str, rng: random.Random) -> Optional[str]:
    if len(_digits(value)) != 9:
        return redraw_shape(value, rng)
    return fill_digits(value, f"9{rng.randint(0, 99):02d}{rng.randint(70, 88)}{rng.randint(0, 9999):04d}")


# The networks' published test numbers' BINs, by the original's leading digits.
_TEST_BINS = (("34", "378282"), ("37", "371449"), ("4", "411111"), ("51", "555555"), ("52", "555555"),
              ("53", "555555"), ("54", "555555"), ("55", "510510"), ("2", "222300"), ("6011", "601111"),
              ("65", "601100"), ("64", "601100"), ("30", "305693"), ("36", "305693"), ("38", "305693"),
              ("35", "353011"))


def fake_card(value: str, rng: random.Random) -> Optional[str]:
    digits = _digits(value)
    if not 12 <= len(digits) <= 19:
        return redraw_shape(value, rng)
    bin_ = next((b for prefix, b in _TEST_BINS if digits.startswith(prefix)), "411111")
    payload = bin_ + _random_digits(rng, len(digits) - len(bin_) - 1)
    return fill_digits(value, payload + luhn_check_digit(payload))


def fake_iban(value: str, rng: random.Random) -> Optional[str]:
    compact = re.sub(r"\s", "", value)
    if len(compact) < 8 or not compact.isalnum() or not compact[:2].isalpha():
        return redraw_shape(value, rng)
    country = compact[:2].upper()
    bban = redraw_shape(compact[4:].upper(), rng) or compact[4:].upper()
    fresh = country + iban_check_digits(country, bban) + bban
    if compact.islower():
        fresh = fresh.lower()
    feed = iter(fresh)  # back into the original's spacing
    return "".join(ch if ch.isspace() else next(feed) for ch in value)


def fake_aba(value: str, rng: random.Random) -> Optional[str]:
    if len(_digits(value)) != 9:
        return redraw_shape(value, rng)
    prefix = f"{rng.choice(list(range(1, 13)) + list(range(21, 33))):02d}"
    while True:
        number = prefix + _random_digits(rng, 7)
        for last in "0123456789":
            if aba_valid(number[:8] + last):
                return fill_digits(value, number[:8] + last)


def fake_npi(value: str, rng: random.Random) -> Optional[str]:
    if len(_digits(value)) != 10:
        return redraw_shape(value, rng)
    payload = str(rng.randint(1, 2)) + _random_digits(rng, 8)
    return fill_digits(value, payload + luhn_check_digit("80840" + payload))


def fake_vin(value: str, rng: random.Random) -> Optional[str]:
    if len(value) != 17 or not value.isalnum():
        return redraw_shape(value, rng)
    for _ in range(100):  # until the check digit is a digit where the original's is (or X where X)
        chars = [rng.choice(VIN_LETTERS) if ch.isalpha() else str(rng.randint(0, 9)) for ch in value.upper()]
        chars[8] = "0"
        chars[8] = vin_check_digit("".join(chars))
        if chars[8].isdigit() == value[8].isdigit():
            break
    fresh = "".join(chars)
    return fresh.lower() if value.islower() else fresh


_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # Medicare Beneficiary Identifiers never use S, L, O, I, B, Z


def fake_mbi(value: str, rng: random.Random) -> Optional[str]:
    fresh = redraw_shape(value, rng, letters=_MBI_LETTERS)
    if fresh and fresh[0] == "0":
        fresh = str(rng.randint(1, 9)) + fresh[1:]
    return fresh


def fake_swift(value: str, rng: random.Random) -> Optional[str]:
    # The country code (positions 5-6) says where the bank is, not who the customer is.
    return redraw_shape(value, rng, keep=frozenset({4, 5}) if len(value) in (8, 11) else frozenset())


_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def fake_crypto(value: str, rng: random.Random) -> Optional[str]:
    """A Bitcoin base58check address of the same kind (P2PKH '1', P2SH '3'); others redrawn in shape."""
    import hashlib

    if value[:1] not in ("1", "3") or not 26 <= len(value) <= 35:
        return redraw_shape(value, rng, letters=string.ascii_lowercase)
    payload = bytes([0 if value[0] == "1" else 5]) + bytes(rng.randrange(256) for _ in range(20))
    checksum = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number = int.from_bytes(payload + checksum, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _BASE58[remainder] + encoded
    return "1" * (len(payload + checksum) - len((payload + checksum).lstrip(b"\0"))) + encoded


# ------------------------------------------------------------------------------- network

def fake_ip(value: str, rng: random.Random) -> Optional[str]:
    address, slash, prefix = value.partition("/")
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return redraw_shape(value, rng)
    if parsed.version == 4:
        network = rng.choice(("192.0.2", "198.51.100", "203.0.113"))
        fresh = f"{network}.{rng.randint(1, 254)}"
    else:
        fresh = str(ipaddress.IPv6Address(int(ipaddress.IPv6Address("2001:db8::")) + rng.getrandbits(64)))
        fresh = fresh.upper() if address.isupper() else fresh
    return fresh + (slash + prefix if slash else "")


def fake_mac(value: str, rng: random.Random) -> Optional[str]:
    hex_digits = re.sub(r"[^0-9A-Fa-f]", "", value)
    if len(hex_digits) != 12:
        return redraw_shape(value, rng, letters="ABCDEF")
    fresh = "00530" + "0" + "".join(rng.choice("0123456789abcdef") for _ in range(6))
    fresh = fresh.upper() if any(ch.isupper() for ch in value) else fresh
    feed = iter(fresh)
    return "".join(next(feed) if ch in string.hexdigits else ch for ch in value)


# ------------------------------------------------------------------------------- email and URL

Word = Callable[[str], str]  # a fake for one word of the original (a name's surrogate where known)

_EXAMPLE_DOMAINS = {"org": "example.org", "net": "example.net"}
# Path words that name a site's parts, not a person: kept so the URL still reads like one.
_URL_WORDS = frozenset("""www http https html htm php aspx jsp index home portal patient patients record records
user users profile profiles account accounts login signin auth api v1 v2 app apps view id ids chart charts
search page pages doc docs file files download uploads images img static en us health clinic hospital
billing pay payments statement statements member members provider providers appointment appointments
report reports results lab labs""".split())


def example_domain(domain: str) -> str:
    tld = domain.rsplit(".", 1)[-1].lower()
    return _EXAMPLE_DOMAINS.get(tld, "example.com")


def _redraw_words(text: str, rng: random.Random, word: Word, keep_words: frozenset[str]) -> str:
    def swap(match: re.Match) -> str:
        token = match.group(0)
        if token.isdigit():
            return _random_digits(rng, len(token)) if len(token) > 1 else str(rng.randint(0, 9))
        if token.lower() in keep_words or len(token) <= 2:
            return token
        return word(token)

    return re.sub(r"[0-9]+|[^\W\d_]+", swap, text)


def fake_email(value: str, rng: random.Random, word: Word) -> Optional[str]:
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        return None
    fresh_local = _redraw_words(local, rng, word, frozenset())
    fresh_domain = example_domain(domain)
    return fresh_local + "@" + (fresh_domain.upper() if domain.isupper() else fresh_domain)


def fake_url(value: str, rng: random.Random, word: Word) -> Optional[str]:
    match = re.match(r"(?i)^(\s*(?:[a-z][a-z0-9+.-]*://)?)(www\d?\.)?([^/?#:\s]+)(:\d+)?(.*)$", value, re.S)
    if not match or "." not in match.group(3):
        return redraw_shape(value, rng, letters=string.ascii_lowercase)
    scheme, www, host, port, rest = (g or "" for g in match.groups())
    return scheme + www + example_domain(host) + port + _redraw_words(rest, rng, word, _URL_WORDS)


# ------------------------------------------------------------------------------- by entity type

IDENTIFIER_FAKES: dict[str, Fake] = {
    "PHONE_NUMBER": fake_phone, "FAX_NUMBER": fake_phone,
    "US_SSN": fake_ssn, "US_ITIN": fake_itin, "TAX_ID": redraw_shape,
    "CREDIT_CARD": fake_card, "IBAN_CODE": fake_iban, "ABA_ROUTING_NUMBER": fake_aba, "US_NPI": fake_npi,
    "VEHICLE_IDENTIFIER": fake_vin, "US_MBI": fake_mbi, "SWIFT_CODE": fake_swift, "CRYPTO": fake_crypto,
    "IP_ADDRESS": fake_ip, "MAC_ADDRESS": fake_mac,
}
