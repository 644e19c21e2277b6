"""The surrogate operator's fakes (issue 14): never the original, same shape, consistent, valid
check digits, reserved ranges, names that keep sex and culture, places that agree."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presidio_gliner2.redaction.surrogates import identifiers, names, places
from presidio_gliner2.redaction.surrogates.document import DocumentSurrogates, check_shift_range
from presidio_gliner2.redaction.surrogates.draw import key_bytes

KEY = "a-key-of-sixteen-chars"


def shape(value: str) -> str:
    """A regex of the value's shape: each digit a digit, each letter a letter, the rest as is."""
    return "".join(r"\d" if ch.isdigit() else "[A-Za-z]" if ch.isalpha() else re.escape(ch) for ch in value)


def templated(template: str):
    """Values of a template: 9 -> a digit, A -> an upper-case letter, a -> a lower-case one."""
    parts = [st.sampled_from(string.digits) if ch == "9" else st.sampled_from(string.ascii_uppercase) if ch == "A"
             else st.sampled_from(string.ascii_lowercase) if ch == "a" else st.just(ch) for ch in template]
    return st.tuples(*parts).map("".join)


# Entity type -> templates of values it holds; the fake must match the original's shape.
SHAPED = {
    "PHONE_NUMBER": ["(999) 999-9999", "999-999-9999", "+1 999 999 9999", "999.999.9999", "+44 7999 999999",
                     "+49 30 99999999", "07999 999999"],
    "FAX_NUMBER": ["999-999-9999"],
    "US_SSN": ["999-99-9999", "999999999", "999 99 9999"],
    "US_ITIN": ["999-99-9999"],
    "MEDICAL_RECORD_NUMBER": ["99999999", "MRN-999999", "AA9999999"],
    "US_HEALTH_INSURANCE_MEMBER_ID": ["AA-99999-99", "AAA999999999"],
    "ACCOUNT_NUMBER": ["9999-9999-99", "aa99999"],
    "US_DRIVER_LICENSE": ["A9999999", "999-999-999"],
    "US_PASSPORT": ["999999999", "A99999999"],
    "CREDIT_CARD": ["4999 9999 9999 9999", "5999-9999-9999-9999", "3799 999999 99999", "6011999999999999"],
    "IBAN_CODE": ["GB99 AAAA 9999 9999 9999 99", "DE99999999999999999999", "FR9999999999999999999999999"],
    "ABA_ROUTING_NUMBER": ["999999999"],
    "US_NPI": ["9999999999"],
    "VEHICLE_IDENTIFIER": ["9AAAA99A99A999999"],
    "US_MBI": ["9AA9-AA9-AA99"],
    "TAX_ID": ["99-9999999"],
    "SWIFT_CODE": ["AAAAGB22", "AAAAUS99AAA"],
    "MAC_ADDRESS": ["99:99:99:99:99:99", "99-99-99-99-99-99"],
}
CASES = [(entity, template) for entity, templates in SHAPED.items() for template in templates]


@pytest.mark.parametrize("entity,template", CASES, ids=[f"{e}:{t}" for e, t in CASES])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_surrogate_keeps_the_shape_and_is_never_the_original(entity, template, data):
    value = data.draw(templated(template))
    document = DocumentSurrogates("", key=KEY)
    fake = document.surrogate(entity, value)
    assert fake != value
    pattern = re.sub(r"\\d|\[A-Za-z\]", "[0-9A-Fa-f]", shape(value)) if entity == "MAC_ADDRESS" else shape(value)
    assert re.fullmatch(pattern, fake), f"{entity}: {template} -> shape changed"
    assert document.surrogate(entity, value) == fake  # every mention alike
    assert DocumentSurrogates("", key=KEY).surrogate(entity, value) == fake  # and in the next document
    assert document.mapping[fake] == value


@settings(max_examples=60, deadline=None)
@given(value=templated("9999 9999 9999 9999") | templated("9999999999999") | templated("999999999999999"))
def test_cards_are_luhn_valid_on_test_bins(value):
    fake = DocumentSurrogates("", key=KEY).surrogate("CREDIT_CARD", value)
    digits = re.sub(r"\D", "", fake)
    assert identifiers.luhn_valid(digits)
    assert any(digits.startswith(b) for _, b in identifiers._TEST_BINS)


@settings(max_examples=40, deadline=None)
@given(value=templated("GB99 AAAA 9999 9999 9999 99") | templated("DE99999999999999999999"))
def test_ibans_keep_their_country_and_valid_check_digits(value):
    fake = DocumentSurrogates("", key=KEY).surrogate("IBAN_CODE", value)
    assert fake[:2] == value[:2] and identifiers.iban_valid(fake)


@settings(max_examples=40, deadline=None)
@given(value=templated("999999999"))
def test_routing_numbers_pass_the_aba_checksum(value):
    assert identifiers.aba_valid(DocumentSurrogates("", key=KEY).surrogate("ABA_ROUTING_NUMBER", value))


@settings(max_examples=40, deadline=None)
@given(value=templated("9999999999"))
def test_npis_pass_the_npi_check_digit(value):
    assert identifiers.npi_valid(DocumentSurrogates("", key=KEY).surrogate("US_NPI", value))


@settings(max_examples=40, deadline=None)
@given(value=templated("9AAAA99A99A999999"))
def test_vins_carry_a_valid_check_digit(value):
    assert identifiers.vin_valid(DocumentSurrogates("", key=KEY).surrogate("VEHICLE_IDENTIFIER", value))


def test_known_valid_numbers_pass_the_validators_the_fakes_are_checked_with():
    assert identifiers.luhn_valid("4111111111111111") and not identifiers.luhn_valid("4111111111111112")
    assert identifiers.iban_valid("GB82 WEST 1234 5698 7654 32") and not identifiers.iban_valid("GB83WEST12345698765432")
    assert identifiers.aba_valid("011000015") and not identifiers.aba_valid("011000016")
    assert identifiers.npi_valid("1234567893") and not identifiers.npi_valid("1234567890")
    assert identifiers.vin_valid("1M8GDM9AXKP042788") and not identifiers.vin_valid("1M8GDM9A1KP042788")


def test_presidio_validators_accept_the_checksummed_fakes():
    from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer

    document = DocumentSurrogates("", key=KEY)
    card = document.surrogate("CREDIT_CARD", "4532 0151 1283 0366")
    iban = document.surrogate("IBAN_CODE", "GB82 WEST 1234 5698 7654 32")
    assert CreditCardRecognizer().analyze(f"card {card}", ["CREDIT_CARD"])
    assert IbanRecognizer().analyze(f"iban {iban}", ["IBAN_CODE"])


@pytest.mark.parametrize("entity,value,reserved", [
    ("US_SSN", "512-44-8391", r"9\d\d-\d\d-\d{4}"),
    ("US_ITIN", "912-71-1234", r"9\d\d-(7\d|8[0-8])-\d{4}"),
    ("PHONE_NUMBER", "(937) 555-0142", r"\(\d{3}\) 555-01\d\d"),
    ("PHONE_NUMBER", "+1 617 555 0199", r"\+1 \d{3} 555 01\d\d"),
    ("PHONE_NUMBER", "+44 7700 123456", r"\+44 7700 900\d{3}"),
    ("EMAIL_ADDRESS", "jane.doe42@mercy-hospital.org", r"[a-z]+\.[a-z]+\d\d@example\.org"),
    ("EMAIL_ADDRESS", "jdoe@gmail.com", r"[a-z]+@example\.com"),
    ("URL", "https://portal.mercy.org/patients/48213", r"https://example\.org/patients/\d{5}"),
    ("IP_ADDRESS", "10.20.30.40", r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+"),
    ("IP_ADDRESS", "fe80::1ff:fe23:4567:890a", r"2001:db8:[0-9a-f:]+"),
    ("MAC_ADDRESS", "3C:22:FB:12:34:56", r"00:53:00:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}"),
])
def test_fakes_come_from_reserved_ranges(entity, value, reserved):
    fake = DocumentSurrogates("", key=KEY).surrogate(entity, value)
    assert re.fullmatch(reserved, fake), f"{entity} fake outside the reserved range"


def test_a_key_links_documents_and_no_key_does_not():
    a, b = DocumentSurrogates("", key=KEY), DocumentSurrogates("", key=KEY)
    assert a.surrogate("PERSON", "Maria Reyes") == b.surrogate("PERSON", "Maria Reyes")
    assert a.days == b.days
    other = DocumentSurrogates("", key="another-key-of-16-chars")
    fresh = [DocumentSurrogates("").surrogate("US_SSN", "512-44-8391") for _ in range(5)]
    assert other.surrogate("US_SSN", "512-44-8391") != a.surrogate("US_SSN", "512-44-8391")
    assert len(set(fresh)) > 1


def test_two_values_never_share_a_fake_in_a_document():
    document = DocumentSurrogates("", key=KEY)
    values = [f"{n:08d}" for n in range(300)]
    fakes = [document.surrogate("MEDICAL_RECORD_NUMBER", v) for v in values]
    assert len(set(fakes)) == len(values)


# ------------------------------------------------------------------------------------- names

def _given_in(word: str, sex: str) -> bool:
    return any(word.casefold() in {n.casefold() for n in getattr(names.culture_lists(c), sex)} for c in names.CULTURES)


def test_a_partial_name_follows_its_fuller_name():
    mentions = [("PERSON", "Margaret Okafor"), ("PERSON", "Dr. Okafor"), ("PERSON", "OKAFOR, MARGARET"),
                ("PERSON", "M. Okafor"), ("EMAIL_ADDRESS", "margaret.okafor@mercy.org")]
    document = DocumentSurrogates("", key=KEY)
    document.prepare(mentions)
    full, titled, listed, initial, email = (document.surrogate(e, v) for e, v in mentions)
    given, surname = full.split()
    assert titled == f"Dr. {surname}"
    assert listed == f"{surname.upper()}, {given.upper()}"
    assert initial == f"{given[0]}. {surname}"
    assert email.startswith(f"{given.lower()}.{surname.lower()}@".encode("ascii", "ignore").decode())


def test_names_keep_sex_and_culture():
    document = DocumentSurrogates("", key=KEY)
    for value, sex in (("Margaret Okafor", "female"), ("Jonathan Reyes", "male"), ("Priya Natarajan", "female")):
        given, surname = document.surrogate("PERSON", value).split()
        assert _given_in(given, sex), f"{value}: the fake given name is not {sex}"
    given, surname = document.surrogate("PERSON", "Chinedu Okafor").split()
    assert surname in names.culture_lists("nigerian").surnames
    given, surname = document.surrogate("PERSON", "Alejandro Hernández").split()
    assert surname in names.culture_lists("hispanic").surnames
    assert document.surrogate("PERSON", "Mrs. Smith").startswith("Mrs. ")


@settings(max_examples=50, deadline=None)
@given(first=st.sampled_from(names.culture_lists("english").female[:200]),
       last=st.sampled_from(names.culture_lists("english").surnames[:300]))
def test_person_fakes_differ_in_every_name_word(first, last):
    fake = DocumentSurrogates("", key=KEY).surrogate("PERSON", f"{first} {last}")
    fake_first, fake_last = fake.split()
    assert fake_first.casefold() != first.casefold() and fake_last.casefold() != last.casefold()


# ------------------------------------------------------------------------------------- places

def test_city_state_and_zip_agree_and_repeat():
    document = DocumentSurrogates("", key=KEY)
    fake = document.surrogate("LOCATION", "418 Willow Creek Rd, Dayton, OH 45402")
    match = re.fullmatch(r"(\d{3}) ([A-Z][a-z]+ [A-Z][a-z]+) Rd, ([A-Za-z .]+), ([A-Z]{2}) (\d{5})", fake)
    assert match, "the address lost its shape"
    number, _, city, state, zip_code = match.groups()
    assert number != "418" or city != "Dayton"
    assert city in places.states()[state][1]
    low, high = places._zip_range(state)
    assert low <= int(zip_code) <= high
    assert document.surrogate("LOCATION", "Dayton") == city
    assert document.surrogate("LOCATION", "OH") == state
    assert document.surrogate("LOCATION", "Ohio") == places.states()[state][0]


def test_facility_names_keep_their_generic_words():
    fake = DocumentSurrogates("", key=KEY).surrogate("ORGANIZATION", "Mercy General Hospital")
    assert fake.endswith(" General Hospital") and not fake.startswith("Mercy")


@pytest.mark.parametrize("entity,value", [("NRP", "Catholic"), ("NRP", "Nigerian"), ("TITLE", "Mrs."),
                                          ("LOCATION", "Kenya"), ("AGE", "64"), ("AGE", "93-year-old")])
def test_closed_lists_and_ages(entity, value):
    fake = DocumentSurrogates("", key=KEY).surrogate(entity, value)
    assert fake != value
    if value == "93-year-old":
        assert fake == "90+-year-old"
    if entity == "AGE" and value == "64":
        assert 61 <= int(fake) <= 67


def test_what_has_no_fake_of_its_kind_becomes_a_numbered_placeholder():
    document = DocumentSurrogates("", key=KEY)
    assert document.surrogate("DATE_TIME", "the week before last") == "<DATE_TIME_1>"
    assert document.surrogate("MEDICAL_RECORD_NUMBER", "--") == "<MEDICAL_RECORD_NUMBER_1>"
    assert document.mapping["<DATE_TIME_1>"] == "the week before last"


# ------------------------------------------------------------------------------------- checks

@pytest.mark.parametrize("low,high", [(5, 1), (0, 0), (-40000, 3), (1.5, 3), (True, 3)])
def test_bad_shift_ranges_are_refused(low, high):
    with pytest.raises(ValueError):
        check_shift_range(low, high)


def test_short_keys_are_refused():
    with pytest.raises(ValueError, match="at least 16"):
        key_bytes("short")
    with pytest.raises(ValueError, match="at least 16"):
        DocumentSurrogates("", key="short")
