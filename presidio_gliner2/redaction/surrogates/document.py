"""One document's surrogates: the same fake for every mention of a value, never the original,
never the fake of another value, and (with a key) the same fake in every document.

``DocumentSurrogates.surrogate(entity_type, value)`` is the ``surrogate`` operator and
``shift(entity_type, value)`` the ``date_shift`` operator for one document. Names are faked word by
word, so ``Dr. Okafor`` follows ``Margaret Okafor`` (``Dr. Adeyemi`` after ``Linda Adeyemi``) and an
email ``margaret.okafor@...`` follows them too. Whatever cannot be faked in its own kind (a date
that does not parse, an ID with no letters or digits) becomes a numbered placeholder
(``<DATE_TIME_1>``), never the original.

``mapping`` (fake -> original) is what a reversible redaction returns; nothing here logs values.
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Optional

from presidio_gliner2.redaction.pseudonyms import Pseudonyms
from presidio_gliner2.redaction.surrogates import groups, identifiers, names, places
from presidio_gliner2.redaction.surrogates.dates import safe_harbor_age, shift_date
from presidio_gliner2.redaction.surrogates.draw import Draw, key_bytes

DATE_ENTITIES = frozenset({"DATE_TIME", "DATE_OF_BIRTH", "DATE"})
AGE_ENTITIES = frozenset({"AGE"})
PERSON_ENTITIES = frozenset({"PERSON"})
PLACE_ENTITIES = frozenset({"LOCATION", "ADDRESS", "STREET_ADDRESS", "CITY", "STATE", "ZIP_CODE", "GPE"})
DEFAULT_MIN_DAYS, DEFAULT_MAX_DAYS = -365, 365
MAX_SHIFT_DAYS = 36500
_ATTEMPTS = 24


def check_shift_range(min_days: object, max_days: object, where: str = "date_shift") -> tuple[int, int]:
    """The day range as two ints, or a ValueError saying what is wrong with it."""
    for name, days in (("min_days", min_days), ("max_days", max_days)):
        if isinstance(days, bool) or not isinstance(days, int) or abs(days) > MAX_SHIFT_DAYS:
            raise ValueError(f"{where}: {name} must be a whole number of days within ±{MAX_SHIFT_DAYS} (got {days!r})")
    if min_days > max_days:
        raise ValueError(f"{where}: min_days ({min_days}) is after max_days ({max_days})")
    if min_days == max_days == 0:
        raise ValueError(f"{where}: a shift range of only 0 days leaves every date as it was")
    return min_days, max_days


class DocumentSurrogates:
    """Surrogates and date shifts for one document.

    :param text: the document (placeholders that would already occur in it are skipped).
    :param key: a secret of at least 16 characters: the same value gets the same surrogate, and
        the document the same date shift, in every document redacted with this key (use one key
        per patient to shift all of a patient's documents alike). None: fresh randomness per
        document.
    :param exact: key on the exact value (reversible redaction: one original per fake); otherwise
        case and runs of whitespace are ignored.
    :param min_days, max_days: the range of the date shift in days; 0 is never drawn (the range
        must hold a non-zero day).
    """

    def __init__(self, text: str, key: Optional[str | bytes] = None, exact: bool = False,
                 min_days: int = DEFAULT_MIN_DAYS, max_days: int = DEFAULT_MAX_DAYS):
        min_days, max_days = check_shift_range(min_days, max_days)
        self._draw = Draw(key_bytes(key))
        self._exact = exact
        self.days = self._draw.rng("date-shift", min_days, max_days).choice(
            [d for d in range(min_days, max_days + 1) if d != 0])
        self._placeholders = Pseudonyms(text, exact=True)
        self._by_key: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()
        self._words: dict[tuple[str, str], str] = {}  # (role, word) -> fake word
        self._word_fakes: set[str] = set()
        self._roles: dict[str, str] = {}  # name word -> "given"/"surname", learnt from the fuller names
        self._traits: dict[str, tuple[Optional[str], str]] = {}  # given name -> (sex, culture)
        self.geo = places.Geography(lambda *parts: self._draw.rng("place", *parts))
        self.mapping: dict[str, str] = {}

    # ------------------------------------------------------------------------------- operators

    def prepare(self, mentions: list[tuple[str, str]]) -> None:
        """Learn from all (entity_type, value) mentions of the document before faking any: which
        words are surnames, and each given name's sex (``Dr. Okafor`` after ``Margaret Okafor``)."""
        people = [names.read_name(value) for entity, value in mentions if entity in PERSON_ENTITIES]
        for words in sorted(people, key=lambda ws: -sum(w.role in ("given", "surname") for w in ws)):
            sex = names.honorific_sex(words)
            for word in words:
                if word.role in ("given", "surname"):
                    self._roles.setdefault(word.text.casefold(), word.role)
                if word.role == "given":
                    traits = names.given_name_traits(word.text)
                    self._traits.setdefault(word.text.casefold(), (traits[0] or sex, traits[1]))

    def surrogate(self, entity_type: str, value: str) -> str:
        """A fake of the same kind and shape (dates are shifted, ages kept under 90)."""
        if entity_type in DATE_ENTITIES:
            return self.shift(entity_type, value)
        return self._consistent(entity_type, value, self._fake)

    def shift(self, entity_type: str, value: str) -> str:
        """The document's date shift; ages over 89 become "90+" and younger ones stay (Safe Harbor)."""
        def shifted(entity: str, original: str, attempt: int) -> Optional[str]:
            if entity in AGE_ENTITIES:
                return safe_harbor_age(original)
            return shift_date(original, self.days)

        return self._consistent(entity_type, value, shifted, may_equal=True)

    def operator(self, kind: str, entity_type: str) -> Callable[[str], str]:
        """A one-argument function for Presidio's ``custom`` operator."""
        apply = self.surrogate if kind == "surrogate" else self.shift
        return lambda value: apply(entity_type, value)

    # ------------------------------------------------------------------------------- consistency

    def _consistent(self, entity_type: str, value: str, make, may_equal: bool = False) -> str:
        key = (entity_type, value if self._exact else " ".join(value.split()).casefold())
        if key in self._by_key:
            return self._by_key[key]
        fake = previous = None
        for attempt in range(_ATTEMPTS):
            candidate = make(entity_type, value, attempt)
            if candidate is None or candidate == previous:  # nothing of its kind, or no other draw
                break
            previous = candidate
            if candidate in self._taken or (candidate.casefold() == value.casefold() and not may_equal):
                continue
            fake = candidate
            break
        if fake is None:  # nothing of its own kind: a numbered placeholder, never the original
            fake = self._placeholders.assign(entity_type, value)
        self._by_key[key] = fake
        self._taken.add(fake)
        self.mapping[fake] = value
        return fake

    def _fake(self, entity_type: str, value: str, attempt: int) -> Optional[str]:
        rng = self._draw.rng("value", entity_type, " ".join(value.split()).casefold(), attempt)
        if entity_type in PERSON_ENTITIES:
            return self._person(value)
        if entity_type in PLACE_ENTITIES:
            return places.fake_place(value, rng, self.geo, self._word_fake())
        if entity_type == "ORGANIZATION":
            return places.fake_organization(value, rng, self.geo, self._word_fake())
        if entity_type == "EMAIL_ADDRESS":
            return identifiers.fake_email(value, rng, self._word_fake(ascii_only=True))
        if entity_type == "URL":
            return identifiers.fake_url(value, rng, self._word_fake(ascii_only=True))
        if entity_type == "NRP":
            return groups.fake_nrp(value, rng)
        if entity_type == "TITLE":
            return groups.fake_title(value, rng)
        if entity_type in AGE_ENTITIES:
            return groups.fake_age(value, rng)
        fake = identifiers.IDENTIFIER_FAKES.get(entity_type, identifiers.redraw_shape)
        return fake(value, rng)

    # ------------------------------------------------------------------------------- names

    def _person(self, value: str) -> Optional[str]:
        words = names.read_name(value)
        if not any(w.role in ("given", "surname", "initial") for w in words):
            return None
        sex = names.honorific_sex(words)
        out, cursor = [], 0
        for word in words:
            out.append(value[cursor:word.start])
            out.append(self._name_word(word, sex))
            cursor = word.end
        out.append(value[cursor:])
        return "".join(out)

    def _name_word(self, word: names.NameWord, sex: Optional[str]) -> str:
        role = self._roles.get(word.text.casefold(), word.role) if word.role in ("given", "surname") else word.role
        if role == "given":
            known_sex, culture = self._traits.get(word.text.casefold()) or names.given_name_traits(word.text)
            return self._word(("given", word.text), lambda rng: names.fake_given(rng, known_sex or sex, culture))
        if role == "surname":
            culture = names.surname_culture(word.text)
            return self._word(("surname", word.text), lambda rng: names.fake_surname(rng, culture))
        if role == "initial":
            return self._initial(word.text)
        return word.text  # honorifics, suffixes: kept

    def _initial(self, letter: str) -> str:
        """The initial of the fake of this document's given name with that initial, if just one."""
        given = [w for w, role in self._roles.items() if role == "given" and w[:1] == letter.casefold()]
        if len(given) == 1 and ("given", given[0]) in self._words:
            return names.same_case(self._words[("given", given[0])][:1], letter)
        fake = self._word(("initial", letter), lambda rng: rng.choice(
            [c for c in "ABCDEFGHJKLMNPRSTW" if c != letter.upper()]))
        return names.same_case(fake, letter)

    def _word(self, key: tuple[str, str], draw) -> str:
        """One word's fake, the same for every mention (case aside), never the word itself and never
        the fake of another word."""
        role, text = key
        slot = (role, text.casefold())
        if slot not in self._words:  # drawn once: every later mention must get the same word
            for tries in range(_ATTEMPTS):
                fake = draw(self._draw.rng("word", role, text.casefold(), tries))
                if fake.casefold() != text.casefold() and fake.casefold() not in self._word_fakes:
                    break
            self._words[slot] = fake
            self._word_fakes.add(fake.casefold())
        return names.same_case(self._words[slot], text)

    def _word_fake(self, ascii_only: bool = False) -> Callable[[str], str]:
        """Fakes for the proper words of places, organizations, emails and URLs: a name word's own
        fake when the document has one (``okafor`` in an email), else a surname. ``ascii_only``:
        accents dropped, as addresses are written (``córdova`` -> ``cordova``)."""
        def fake(text: str) -> str:
            fresh = named(text)
            return _ascii(fresh) if ascii_only else fresh

        def named(text: str) -> str:
            bare = text.casefold()
            for role in ("surname", "given"):
                if (role, bare) in self._words:
                    return names.same_case(self._words[(role, bare)], text)
            role = self._roles.get(bare)
            if role:  # a name word of this document not yet faked
                return self._name_word(names.NameWord(text, role, 0, len(text)), None)
            return self._word(("proper", text), lambda rng: names.fake_surname(rng, names.DEFAULT_CULTURE))

        return fake


def _ascii(word: str) -> str:
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return "".join(ch for ch in folded if ch.isascii()) or "x"
