"""Fake person names that keep the original's sex and culture where its words suggest them.

A name is read word by word (``Dr.``, given names, initials, surname, ``Jr.``; ``Okafor, Margaret``
puts the surname first) and each word gets a fake of its own role: a given name of the same sex
and from the same culture's name list, a surname from the same culture's list, an initial another
letter. Honorifics, suffixes and punctuation stay; case style is kept (``REYES`` -> ``ACEVEDO``).

The name lists are Faker's per-locale person data (read, never a Faker instance: a draw is a seeded
``random.Random``, so the same key gives the same fake). A word found in no list is treated as
coming from the default culture (en_US).
"""

from __future__ import annotations

import functools
import importlib
import random
import re
from dataclasses import dataclass
from typing import Optional

# Cultures whose Faker lists are in Latin script, each with the locales that share it.
CULTURES: dict[str, tuple[str, ...]] = {
    "english": ("en_US", "en_GB"),
    "hispanic": ("es_MX", "es_ES"),
    "italian": ("it_IT",),
    "french": ("fr_FR",),
    "german": ("de_DE",),
    "portuguese": ("pt_BR",),
    "dutch": ("nl_NL",),
    "south asian": ("en_IN",),
    "nigerian": ("yo_NG", "ig_NG", "en_NG"),
    "east african": ("en_KE", "sw"),
    "indonesian": ("id_ID",),
    "vietnamese": ("vi_VN",),
}
DEFAULT_CULTURE = "english"
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mister", "doctor",
                        "nurse", "rev", "fr", "sr", "sra", "srta"})
MALE_HONORIFICS = frozenset({"mr", "mister", "sir", "sr", "fr"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "sra", "srta"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "do", "phd", "rn", "np", "pa", "dds", "esq"})


@dataclass(frozen=True)
class NameLists:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]


@functools.cache
def culture_lists(culture: str) -> NameLists:
    male, female, surnames = [], [], []
    for locale in CULTURES[culture]:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        male += _names(getattr(provider, "first_names_male", ()))
        female += _names(getattr(provider, "first_names_female", ()))
        surnames += _names(getattr(provider, "last_names", ()))
    return NameLists(*(tuple(dict.fromkeys(names)) for names in (male, female, surnames)))


def _names(source) -> list[str]:
    # One word, letters only: a fake must read as one name word wherever it goes.
    return [name for name in source if re.fullmatch(r"[^\W\d_]{2,}", name)]


@functools.cache
def _index() -> dict[str, dict[str, set[str]]]:
    """casefolded word -> {"male"/"female"/"surname": cultures whose list has it}."""
    index: dict[str, dict[str, set[str]]] = {}
    for culture in CULTURES:
        lists = culture_lists(culture)
        for kind, names in (("male", lists.male), ("female", lists.female), ("surname", lists.surnames)):
            for name in names:
                index.setdefault(name.casefold(), {}).setdefault(kind, set()).add(culture)
    return index


def _culture(cultures: set[str], english_first: bool = False) -> str:
    # Given names travel (Jonathan is in the Dutch and German lists too): an English one stays
    # English. The US surname list holds names of every origin, so another culture that has a
    # surname says more about it (Reyes: Hispanic).
    if english_first and DEFAULT_CULTURE in cultures:
        return DEFAULT_CULTURE
    specific = sorted(cultures - {DEFAULT_CULTURE})
    return specific[0] if specific else DEFAULT_CULTURE


def given_name_traits(word: str) -> tuple[Optional[str], str]:
    """(sex or None, culture) suggested by a given name."""
    entry = _index().get(word.casefold(), {})
    male, female = entry.get("male", set()), entry.get("female", set())
    sex = "male" if male and not female else "female" if female and not male else None
    return sex, _culture(male | female, english_first=True) if (male or female) else DEFAULT_CULTURE


def surname_culture(word: str) -> str:
    entry = _index().get(word.casefold(), {})
    return _culture(entry.get("surname", set())) if "surname" in entry else DEFAULT_CULTURE


def is_known_surname(word: str) -> bool:
    return "surname" in _index().get(word.casefold(), {})


def is_known_given_name(word: str) -> bool:
    entry = _index().get(word.casefold(), {})
    return "male" in entry or "female" in entry


def fake_given(rng: random.Random, sex: Optional[str], culture: str) -> str:
    lists = culture_lists(culture)
    pool = lists.male if sex == "male" else lists.female if sex == "female" else lists.male + lists.female
    return rng.choice(pool or culture_lists(DEFAULT_CULTURE).male)


def fake_surname(rng: random.Random, culture: str) -> str:
    return rng.choice(culture_lists(culture).surnames or culture_lists(DEFAULT_CULTURE).surnames)


# ------------------------------------------------------------------------------- reading a name

@dataclass(frozen=True)
class NameWord:
    text: str  # as written, without a trailing period
    role: str  # "honorific", "given", "initial", "surname", "suffix" or "other" (kept)
    start: int
    end: int


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def read_name(value: str) -> list[NameWord]:
    """The words of a person name with their roles (punctuation between them is not listed)."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(value)]
    roles: list[Optional[str]] = [None] * len(words)
    for index, (word, start, end) in enumerate(words):
        bare = word.casefold()
        if bare in HONORIFICS and (index < len(words) - 1 or value[end:end + 1] == "."):
            roles[index] = "honorific"
        elif bare in SUFFIXES and index > 0:
            roles[index] = "suffix"
        elif len(word) == 1:
            roles[index] = "initial"
    names = [i for i, role in enumerate(roles) if role is None]
    comma = value.find(",")
    if comma >= 0 and names and words[names[0]][2] <= comma and any(words[i][1] > comma for i in names):
        # "Okafor, Margaret": surname words before the comma, given names after.
        for i in names:
            roles[i] = "surname" if words[i][2] <= comma else "given"
    elif len(names) == 1:
        i = names[0]
        titled = any(r == "honorific" for r in roles[:i])
        initialed = any(r == "initial" for r in roles[:i])
        lone_given = is_known_given_name(words[i][0]) and not is_known_surname(words[i][0])
        roles[i] = "surname" if titled or initialed or not lone_given else "given"
    else:
        for i in names:
            roles[i] = "surname" if i == names[-1] else "given"
    return [NameWord(word, role or "other", start, end) for (word, start, end), role in zip(words, roles)]


def honorific_sex(words: list[NameWord]) -> Optional[str]:
    for word in words:
        if word.role == "honorific":
            bare = word.text.casefold()
            if bare in MALE_HONORIFICS:
                return "male"
            if bare in FEMALE_HONORIFICS:
                return "female"
    return None


def same_case(fake: str, original: str) -> str:
    """``fake`` written in the original's case style (UPPER, lower or Title)."""
    if original.isupper() and len(original) > 1:
        return fake.upper()
    if original.islower():
        return fake.lower()
    return fake[:1].upper() + fake[1:]
