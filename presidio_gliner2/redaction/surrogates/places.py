"""Fake places that agree with each other: a street, a city, a state and a ZIP drawn together.

Within a document every state maps to one fake state, and every city to a real city of its fake
state (so ``Dayton, OH 45402`` becomes e.g. ``Tacoma, WA 98433``: city, state and ZIP agree, and
the next mention of Dayton or Ohio says the same). House numbers and units keep their digit count,
street names get common street-name words and keep their suffix (``Rd``, ``Avenue``). Facility and
organization names keep their generic words (``General Hospital``) and lose their proper ones.
ZIP ranges per state are Faker's en_US address data.
"""

from __future__ import annotations

import functools
import random
import re
from typing import Callable, Optional

from presidio_gliner2.redaction.surrogates.identifiers import redraw_shape
from presidio_gliner2.redaction.surrogates.names import same_case

# State -> name and a few of its real cities (real places are fine as fakes: none is the patient's).
_STATES = """AL Alabama: Birmingham, Montgomery, Huntsville | AK Alaska: Anchorage, Fairbanks, Juneau
AZ Arizona: Phoenix, Tucson, Mesa | AR Arkansas: Little Rock, Fayetteville, Fort Smith
CA California: Los Angeles, San Diego, Sacramento, Fresno | CO Colorado: Denver, Colorado Springs, Boulder
CT Connecticut: Hartford, New Haven, Stamford | DE Delaware: Wilmington, Dover, Newark
FL Florida: Miami, Orlando, Tampa, Jacksonville | GA Georgia: Atlanta, Savannah, Augusta
HI Hawaii: Honolulu, Hilo, Kailua | ID Idaho: Boise, Nampa, Idaho Falls | IL Illinois: Chicago, Springfield, Peoria
IN Indiana: Indianapolis, Fort Wayne, Evansville | IA Iowa: Des Moines, Cedar Rapids, Davenport
KS Kansas: Wichita, Topeka, Lawrence | KY Kentucky: Louisville, Lexington, Bowling Green
LA Louisiana: New Orleans, Baton Rouge, Shreveport | ME Maine: Portland, Bangor, Augusta
MD Maryland: Baltimore, Annapolis, Frederick | MA Massachusetts: Boston, Worcester, Springfield, Lowell
MI Michigan: Detroit, Grand Rapids, Lansing | MN Minnesota: Minneapolis, Saint Paul, Rochester
MS Mississippi: Jackson, Gulfport, Hattiesburg | MO Missouri: Kansas City, St. Louis, Springfield
MT Montana: Billings, Missoula, Helena | NE Nebraska: Omaha, Lincoln, Grand Island
NV Nevada: Las Vegas, Reno, Henderson | NH New Hampshire: Manchester, Nashua, Concord
NJ New Jersey: Newark, Trenton, Camden | NM New Mexico: Albuquerque, Santa Fe, Las Cruces
NY New York: Buffalo, Rochester, Albany, Syracuse | NC North Carolina: Charlotte, Raleigh, Durham
ND North Dakota: Fargo, Bismarck, Grand Forks | OH Ohio: Columbus, Cleveland, Cincinnati, Dayton, Toledo
OK Oklahoma: Oklahoma City, Tulsa, Norman | OR Oregon: Portland, Salem, Eugene
PA Pennsylvania: Philadelphia, Pittsburgh, Allentown | RI Rhode Island: Providence, Warwick, Cranston
SC South Carolina: Columbia, Charleston, Greenville | SD South Dakota: Sioux Falls, Rapid City, Pierre
TN Tennessee: Nashville, Memphis, Knoxville | TX Texas: Houston, Dallas, Austin, San Antonio
UT Utah: Salt Lake City, Provo, Ogden | VT Vermont: Burlington, Montpelier, Rutland
VA Virginia: Richmond, Norfolk, Roanoke | WA Washington: Seattle, Spokane, Tacoma
WV West Virginia: Charleston, Huntington, Morgantown | WI Wisconsin: Milwaukee, Madison, Green Bay
WY Wyoming: Cheyenne, Casper, Laramie"""
COUNTRIES = ("United States", "Canada", "Mexico", "United Kingdom", "Ireland", "France", "Germany", "Spain",
             "Italy", "Portugal", "Netherlands", "Belgium", "Sweden", "Norway", "Poland", "Greece", "Turkey",
             "India", "Pakistan", "China", "Japan", "Korea", "Vietnam", "Philippines", "Indonesia", "Australia",
             "New Zealand", "Brazil", "Argentina", "Colombia", "Peru", "Chile", "Nigeria", "Kenya", "Ghana",
             "Ethiopia", "Egypt", "South Africa", "Morocco", "Israel", "Jamaica", "Haiti", "Cuba")
STREET_WORDS = ("Oak", "Maple", "Cedar", "Pine", "Elm", "Birch", "Chestnut", "Walnut", "Spruce", "Hickory",
                "Washington", "Lincoln", "Jefferson", "Madison", "Franklin", "Jackson", "Adams", "Monroe",
                "Park", "Lake", "Hill", "River", "Church", "Mill", "Spring", "Forest", "Meadow", "Ridge",
                "Sunset", "Highland", "Orchard", "Harbor", "Valley", "Summit", "Prospect", "Bridge", "Grove")
STREET_SUFFIXES = frozenset("""street st avenue ave av road rd boulevard blvd drive dr lane ln way court ct place
pl parkway pkwy highway hwy circle cir terrace ter square sq trail trl loop crescent cres row alley
plaza path pike route rte""".split())
DIRECTIONS = frozenset("n s e w ne nw se sw north south east west northeast northwest southeast southwest".split())
UNIT_WORDS = frozenset("apt apartment suite ste unit bldg building fl floor room rm box po p o lot #".split())
# Words of facility and organization names that say what kind of place it is, not which one.
GENERIC_WORDS = frozenset("""hospital hospitals medical center centre clinic clinics health healthcare general
memorial regional community university college school bank credit union trust insurance group inc llc ltd
corp corporation company co associates partners pharmacy laboratory laboratories lab labs services systems
foundation institute children's childrens women's womens st saint of the and for department dept unit ward
practice family care urgent emergency hospice nursing home rehabilitation rehab cancer heart eye dental
financial capital savings national federal first mutual holdings global international solutions
technologies county city state north south east west upper lower new old valley lake mount mountain park
river beach fort port island heights springs falls village town township district hall building tower
wing floor office offices church cathedral temple mosque synagogue center's facility""".split())


@functools.cache
def states() -> dict[str, tuple[str, tuple[str, ...]]]:
    """abbreviation -> (name, cities)."""
    table = {}
    for entry in re.split(r"\s*[|\n]\s*", _STATES):
        head, cities = entry.split(":")
        abbr, name = head.split(" ", 1)
        table[abbr] = (name, tuple(c.strip() for c in cities.split(",")))
    return table


@functools.cache
def _state_lookup() -> dict[str, str]:
    lookup = {}
    for abbr, (name, _) in states().items():
        lookup[abbr.casefold()] = abbr
        lookup[name.casefold()] = abbr
    return lookup


@functools.cache
def _city_states() -> dict[str, str]:
    return {city.casefold(): abbr for abbr, (_, cities) in states().items() for city in cities}


def _state_of(text: str) -> Optional[str]:
    """The state a name or a capitalised abbreviation stands for ("OH", "Ohio"; not "oh" or "in")."""
    bare = text.strip().rstrip(".")
    abbr = _state_lookup().get(bare.casefold())
    if abbr is None or (len(bare) == 2 and not bare.isupper()) or not bare[:1].isupper():
        return None
    return abbr


def _show_state(fake: str, original: str) -> str:
    """The fake state written as the original was: abbreviation or name, in its case style."""
    return fake if len(original.strip().rstrip(".")) == 2 else same_case(states()[fake][0], original.strip())


def _zip_range(abbr: str) -> tuple[int, int]:
    from faker.providers.address.en_US import Provider

    return Provider.states_postcode.get(abbr, (10000, 99999))


Word = Callable[[str], str]


class Geography:
    """One document's map of real places to fake ones (states, then cities within them)."""

    def __init__(self, rng_for: Callable[..., random.Random]):
        self._rng_for = rng_for
        self._states: dict[str, str] = {}
        self._cities: dict[str, str] = {}
        self.last_state: Optional[str] = None  # the fake state of the latest address, for lone ZIPs

    def state(self, original_abbr: str) -> str:
        if original_abbr not in self._states:
            taken = set(self._states.values())
            choices = [s for s in states() if s != original_abbr and s not in taken] or \
                      [s for s in states() if s != original_abbr]
            self._states[original_abbr] = self._rng_for("state", original_abbr).choice(sorted(choices))
        return self._states[original_abbr]

    def city(self, original: str, original_state: Optional[str]) -> str:
        key = original.casefold()
        if key not in self._cities:
            home = original_state or _city_states().get(key)
            fake_state = self.state(home) if home else self._rng_for("state-of", key).choice(sorted(states()))
            taken = set(self._cities.values())
            cities = [c for c in states()[fake_state][1] if c.casefold() != key and c not in taken]
            if not cities:  # every city of that state used already: any other
                cities = [c for _, (_, cs) in sorted(states().items()) for c in cs if c.casefold() != key]
            self._cities[key] = self._rng_for("city", key).choice(cities)
        return self._cities[key]

    def zip_code(self, original: str, fake_state: Optional[str]) -> str:
        abbr = fake_state or self.last_state or self._rng_for("zip-state", original).choice(sorted(states()))
        low, high = _zip_range(abbr)
        rng = self._rng_for("zip", original)
        fresh = f"{rng.randint(low, high):05d}"
        if "-" in original or len(re.sub(r"\D", "", original)) == 9:
            fresh += "-" + f"{rng.randint(0, 9999):04d}"
        return fresh


# ------------------------------------------------------------------------------- one value

_TOKEN = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?|[^\w\s]|_", re.UNICODE)
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")


def fake_place(value: str, rng: random.Random, geo: Geography, word: Word) -> Optional[str]:
    """A fake LOCATION: a whole state, city, country or ZIP alone, or an address or place name."""
    bare = value.strip()
    whole = _whole_value(bare, rng, geo)
    if whole is not None:
        return value.replace(bare, whole, 1)
    return _fake_address(value, rng, geo, word)


def _whole_value(bare: str, rng: random.Random, geo: Geography) -> Optional[str]:
    key = bare.casefold().rstrip(".")
    state = _state_of(bare)
    if state:
        return _show_state(geo.state(state), bare)
    if key in _city_states():
        return same_case(geo.city(bare, None), bare)
    if key in {c.casefold() for c in COUNTRIES}:
        return same_case(rng.choice([c for c in COUNTRIES if c.casefold() != key]), bare)
    if _ZIP.fullmatch(bare):
        return geo.zip_code(bare, None)
    return None


def _fake_address(value: str, rng: random.Random, geo: Geography, word: Word) -> Optional[str]:
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(value)]
    texts = [t[0].rstrip(".").casefold() for t in tokens]
    replacement: dict[int, str] = {}
    # Trailing "ST 12345" or "State 12345": the state maps first, so the city and ZIP can agree.
    fake_state = original_state = None
    for index in range(len(tokens) - 1, 0, -1):
        for width in (2, 1):  # "New York" before "York"
            first = index - width + 1
            if first < 1:
                continue
            phrase = value[tokens[first][1]:tokens[index][2]]
            original_state = _state_of(phrase)
            if original_state:
                fake_state = geo.state(original_state)
                replacement[first] = _show_state(fake_state, phrase)
                for folded in range(first + 1, index + 1):
                    replacement[folded] = ""
                break
        if fake_state:
            break
    if fake_state:
        geo.last_state = fake_state
    suffix_at = max((i for i, t in enumerate(texts) if t in STREET_SUFFIXES and i > 0), default=None)
    city_words: list[int] = []
    for index, (token, _, _) in enumerate(tokens):
        if index in replacement or not token[0].isalnum():
            continue
        bare = texts[index]
        if _ZIP.fullmatch(token) and index > 0:
            replacement[index] = geo.zip_code(token, fake_state)
        elif any(ch.isdigit() for ch in token):
            replacement[index] = redraw_shape(token, rng) or token  # house number, unit
        elif bare in DIRECTIONS or bare in UNIT_WORDS or (bare in STREET_SUFFIXES and index == suffix_at):
            continue
        elif suffix_at is not None and index < suffix_at:
            fresh = _street_word(rng, token, exclude=set(replacement.values()))
            replacement[index] = same_case(fresh, token)
        elif suffix_at is not None or original_state:
            city_words.append(index)  # after the street, before the state: the city
        elif bare not in GENERIC_WORDS and token[0].isupper():  # "in", "near": not a name
            replacement[index] = _proper_word(token, rng, geo, word)
    while len(city_words) > 1 and city_words[-1] - city_words[0] != len(city_words) - 1:
        early = city_words.pop(0)  # the city is the run of words nearest the state
        replacement[early] = _proper_word(tokens[early][0], rng, geo, word)
    if city_words:  # the whole city phrase becomes one real city of the fake state
        first, last = city_words[0], city_words[-1]
        phrase = value[tokens[first][1]:tokens[last][2]]
        replacement[first] = same_case(geo.city(phrase, original_state), phrase)
        for index in range(first + 1, last + 1):
            replacement[index] = ""
    if not replacement:
        return None
    return _rebuild(value, tokens, replacement)


def _street_word(rng: random.Random, original: str, exclude: set[str]) -> str:
    return rng.choice([w for w in STREET_WORDS
                       if w.casefold() != original.rstrip(".").casefold() and w not in exclude])


def _proper_word(token: str, rng: random.Random, geo: Geography, word: Word) -> str:
    if token.casefold() in _city_states():
        return same_case(geo.city(token, None), token)
    return word(token)


def _rebuild(value: str, tokens, replacement: dict[int, str]) -> str:
    out, cursor = [], 0
    for index, (_, start, end) in enumerate(tokens):
        if index not in replacement:
            continue
        if replacement[index] == "":  # folded into the previous replacement (a multi-word city)
            cursor = end
            continue
        out += [value[cursor:start], replacement[index]]
        cursor = end
    out.append(value[cursor:])
    return "".join(out)


def fake_organization(value: str, rng: random.Random, geo: Geography, word: Word) -> Optional[str]:
    """Proper words replaced, generic ones (``General Hospital``, ``Credit Union``) kept."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(value)]
    replacement = {}
    for index, (token, _, _) in enumerate(tokens):
        if not token[0].isalnum():
            continue
        if any(ch.isdigit() for ch in token):
            replacement[index] = redraw_shape(token, rng) or token
        elif token.rstrip(".").casefold() not in GENERIC_WORDS:
            replacement[index] = _proper_word(token, rng, geo, word)
    if not replacement:  # only generic words ("the Bank"): give it a name
        lead = same_case(rng.choice(STREET_WORDS), value.strip() or "X")
        return lead + " " + value if value.strip() else None
    return _rebuild(value, tokens, replacement)
