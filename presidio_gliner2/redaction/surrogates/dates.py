"""Date shifting: every date moves by the same number of days and keeps its original format.

De-identification shifts all dates of a document by one offset, so intervals survive ("admitted
03/14/1951, discharged 03/20/1951" stays six days apart). The operator picks the offset and handles
fallbacks; this module only reads and writes dates (standard library only).

A value is split into digit runs, letter runs and everything else; each token gets a role (day,
month or year number, month name, weekday, ordinal suffix, filler word ``the``/``of``/``on``/``at``,
time of day, separator) and the shifted date is written back into the same tokens: zero-padding,
2- or 4-digit years, ``'51``, month names full or abbreviated in the same case, ordinals (``22nd`` ->
``24th``) and weekdays recomputed, times of day kept. Partial dates are anchored, so output is
deterministic and intervals kept as well as possible: month/day in the leap year 2000 (Feb 29
reads), month + year on the 15th, a year alone on July 2. A time of day alone (``10:30 am``) is no
date and shifting by whole days does not change it: ``shift_date`` returns it unchanged.

All-numeric dates read M/D/Y (US) unless the first number cannot be a month (D/M/Y), Y-M-D when
the 4-digit year leads, YYYYMMDD, M/YYYY, M/D. Where the original does not show its style, output
picks one: a 10-31 day or month with no padded or 1-digit neighbour stays padded in numeric dates
and unpadded beside a month name; ``May`` counts as a full month name.

``None`` for anything not fully understood: other words (``yesterday``, ``Q3 2020``, ``the 1990s``,
``age 45``), impossible dates (``02/30/2020``), a weekday without a full date, results out of range
(years 1-9999; 1800-2100 for a lone year or ``YYYYMMDD``; a 2-digit year must stay in its century
window) and empty text. The original is never returned for such a value.

``safe_harbor_age`` is the companion for AGE spans: HIPAA Safe Harbor puts ages over 89 at ``90+``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Abbreviations longer than three letters, written again when the original used one ("Sept").
_LONG_ABBREVIATIONS = {"september": "sept", "tuesday": "tues", "thursday": "thur"}
# Every spelling read, lower case -> full name: full names, 3-letter and the longer abbreviations.
_NAMES = ({name: name for name in _MONTHS + _WEEKDAYS} | {name[:3]: name for name in _MONTHS + _WEEKDAYS}
          | {abbreviation: name for name, abbreviation in _LONG_ABBREVIATIONS.items()} | {"thurs": "thursday"})
_FILLERS = frozenset({"the", "of", "on", "at"})
_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SEPARATORS = frozenset(",./-")
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+|[^0-9A-Za-z]+")
_AMPM = r"[AaPp]\.?[Mm]\.?"
# A time of day: ISO ``T08:15:00Z`` after a date, ``10:30``, ``10:30:15 AM``, ``4 pm``. Not after a
# date separator ("3/4 pm" is no time), so a date's own numbers are never taken for an hour.
_TIME = re.compile(
    r"(?:(?<=[0-9])T|(?<![0-9A-Za-z:.'/-]))(?P<hour>[0-9]{1,2})"
    rf"(?::(?P<minute>[0-9]{{2}})(?::(?P<second>[0-9]{{2}})(?:\.[0-9]+)?)?(?:\s*(?P<ampm>{_AMPM}))?"
    rf"|\s*(?P<ampm_only>{_AMPM}))"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?(?![0-9A-Za-z:])")
_LEAP_YEAR = 2000  # anchor year of a month/day without a year: a leap year, so Feb 29 reads
_MID_MONTH = 15  # anchor day of a month + year without a day
_MID_YEAR = (7, 2)  # anchor month and day of a year alone
# A lone 4-digit number, or 8 digits as YYYYMMDD, is a year only in this range (else an identifier).
_YEAR_RANGE = range(1800, 2101)


@dataclass(frozen=True)
class ParsedDate:
    """The calendar date a value stands for (partial dates anchored) and which parts it names."""

    date: datetime.date
    has_year: bool
    has_month: bool
    has_day: bool


@dataclass(frozen=True)
class _Field:
    # day, month, year, lone_year, compact, month_name, weekday, suffix; num / num' (after an
    # apostrophe) for a number not yet given its role.
    role: str
    text: str


@dataclass(frozen=True)
class _Template:
    parts: tuple[str | _Field, ...]  # literal text and fields, in order
    parsed: ParsedDate
    pad: bool  # whether an ambiguous two-digit day or month (10-31) is written zero-padded


def parse_date(value: str, today: datetime.date | None = None) -> ParsedDate | None:
    """The date ``value`` stands for, partial dates anchored as ``shift_date`` uses them, or ``None``
    when it is no date this module reads (a time alone included). ``today`` sets the 2-digit year
    pivot (default: the real today)."""
    template = _read(_checked(value), today or datetime.date.today())
    return template.parsed if isinstance(template, _Template) else None


def shift_date(value: str, days: int, today: datetime.date | None = None) -> str | None:
    """``value`` with its date moved by ``days`` days, in the same format; a time of day alone
    unchanged; ``None`` when it is no date this module reads or the result is out of range.
    Raises ``TypeError`` when ``value`` is not a ``str`` (for any text it returns, never raises)."""
    today = today or datetime.date.today()
    template = _read(_checked(value), today)
    if template == "time":
        return value
    if template is None:
        return None
    try:
        new = template.parsed.date + datetime.timedelta(days=days)
    except OverflowError:  # past year 1 or 9999
        return None
    rendered = [part if isinstance(part, str) else _render(part, new, template.pad, today)
                for part in template.parts]
    return None if None in rendered else "".join(rendered)


def _checked(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")
    return value


def _read(value: str, today: datetime.date) -> _Template | str | None:
    """The value's template, ``"time"`` for a time of day alone, or ``None``."""
    tokens = _tokens(value)
    parts = _classify(tokens) if tokens is not None else None
    if parts is None:
        return None
    if not any(isinstance(part, _Field) for part in parts):
        return "time" if any(kind == "time" for kind, _ in tokens) else None
    return _template(parts, today)


def _tokens(value: str) -> list[tuple[str, str]] | None:
    """(kind, text) pairs, kind num, word, sep or time (a whole time of day); ``None`` when a
    time-like token is no valid time (``25:00``)."""
    tokens, position = [], 0
    for match in _TIME.finditer(value):
        if not _valid_time(match):
            return None
        tokens += _split(value[position:match.start()]) + [("time", match.group())]
        position = match.end()
    return tokens + _split(value[position:])


def _split(text: str) -> list[tuple[str, str]]:
    # ASCII only: a Unicode digit or letter falls in a separator run and is rejected there.
    return [("num" if token[0] in "0123456789" else "word" if token[0].isascii() and token[0].isalpha()
             else "sep", token) for token in _TOKEN.findall(text)]


def _valid_time(match: re.Match[str]) -> bool:
    hour, minute, second = (int(match[name] or 0) for name in ("hour", "minute", "second"))
    twelve_hour = bool(match["ampm"] or match["ampm_only"])
    return (1 <= hour <= 12 if twelve_hour else hour <= 23) and minute <= 59 and second <= 59


def _classify(tokens: list[tuple[str, str]]) -> list[str | _Field] | None:
    """Literal text and fields (numbers not yet given a role); ``None`` for any other word or
    character."""
    parts: list[str | _Field] = []
    for index, (kind, text) in enumerate(tokens):
        before = tokens[index - 1] if index else ("", "")
        after = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if kind == "num":
            if len(text) not in (1, 2, 4, 8):  # no date number has another width
                return None
            parts.append(_Field("num'" if before[0] == "sep" and before[1].endswith("'") else "num", text))
        elif kind == "word":
            low = text.lower()
            if before[0] == "num" and low in _SUFFIXES:
                parts.append(_Field("suffix", text))
            elif low in _NAMES:
                parts.append(_Field("month_name" if _NAMES[low] in _MONTHS else "weekday", text))
            elif low in _FILLERS:
                parts.append(text)
            else:
                return None
        elif kind == "sep":
            # An apostrophe only right before a number ('51); other characters only separators.
            body = text[:-1] if text.endswith("'") and after == "num" else text
            if not all(char in _SEPARATORS or char.isspace() for char in body):
                return None
            parts.append(text)
        else:
            parts.append(text)
    return parts


def _template(parts: list[str | _Field], today: datetime.date) -> _Template | None:
    """Roles for the numbers, the date they name, and whether the document pads its numbers."""
    numbers = [index for index, part in enumerate(parts) if isinstance(part, _Field) and part.role[:3] == "num"]
    kinds = [part.role for part in parts if isinstance(part, _Field)]
    if not numbers or kinds.count("month_name") > 1 or kinds.count("weekday") > 1:
        return None
    texts = [parts[index].text for index in numbers]
    named = "month_name" in kinds
    roles = _named_roles(texts, [parts[index].role == "num'" for index in numbers]) if named else (
        None if "num'" in kinds else _numeric_roles(texts))
    ordinals = [index + 1 < len(parts) and getattr(parts[index + 1], "role", "") == "suffix" for index in numbers]
    if roles is None or any(ordinal and role != "day" for ordinal, role in zip(ordinals, roles)):
        return None
    for index, role in zip(numbers, roles):
        parts[index] = _Field(role, parts[index].text)
    parsed = _parsed_date(parts, today)
    # A weekday belongs to one full date: without a year (or day) it names none.
    if parsed is None or ("weekday" in kinds and not (parsed.has_year and parsed.has_day)):
        return None
    small = [text for text, role in zip(texts, roles) if role in ("day", "month")]
    # How an ambiguous 10-31 is written: like its neighbours ("03/14" pads, "3/14" does not), else
    # padded in all-numeric dates (ISO) and not in dates with a month name ("March 14").
    pad = any(text[0] == "0" for text in small) or (not named and all(len(text) == 2 for text in small))
    return _Template(tuple(parts), parsed, pad)


def _numeric_roles(texts: list[str]) -> list[str] | None:
    """Roles in an all-numeric date, from the count and widths of its numbers."""
    widths = [len(text) for text in texts]
    if widths in ([8], [4]):
        return ["compact" if widths == [8] else "lone_year"]
    if len(widths) == 2:
        if widths[0] == 4 and widths[1] <= 2:
            return ["year", "month"]
        if widths[1] == 4 and widths[0] <= 2:
            return ["month", "year"]
        if max(widths) <= 2:  # month first (US) unless the first number cannot be a month
            return ["day", "month"] if int(texts[0]) > 12 else ["month", "day"]
    if len(widths) == 3 and widths[1] <= 2:
        if widths[0] == 4 and widths[2] <= 2:
            return ["year", "month", "day"]
        if widths[0] <= 2 and widths[2] in (2, 4):
            return ["day", "month", "year"] if int(texts[0]) > 12 else ["month", "day", "year"]
    return None


def _named_roles(texts: list[str], apostrophes: list[bool]) -> list[str] | None:
    """Roles of the (at most two) numbers beside a month name: a day and/or a year."""
    years = [index for index, text in enumerate(texts) if apostrophes[index] or len(text) == 4]
    if len(texts) == 2 and not years:
        years = [1]  # "14 Mar 51": the day comes first
    roles = ["year" if index in years else "day" for index in range(len(texts))]
    if len(texts) > 2 or roles.count("year") > 1 or roles.count("day") > 1:
        return None
    widths_ok = all(len(text) <= 2 if role == "day" else len(text) in (2, 4) for text, role in zip(texts, roles))
    apostrophes_ok = all(len(text) == 2 for text, marked in zip(texts, apostrophes) if marked)
    return roles if widths_ok and apostrophes_ok else None


def _parsed_date(parts: list[str | _Field], today: datetime.date) -> ParsedDate | None:
    """The (anchored) date the fields name, or ``None`` when it does not exist or is out of range."""
    fields = {part.role: part.text for part in parts if isinstance(part, _Field)}
    if "compact" in fields:
        fields |= {"year": fields["compact"][:4], "month": fields["compact"][4:6], "day": fields["compact"][6:]}
    year_text = fields.get("year") or fields.get("lone_year")
    year = (int(year_text) if len(year_text) == 4 else _full_year(int(year_text), today)) if year_text else None
    month = _MONTHS.index(_NAMES[fields["month_name"].lower()]) + 1 if "month_name" in fields else (
        int(fields["month"]) if "month" in fields else None)
    day = int(fields["day"]) if "day" in fields else None
    if month is None and day is not None:
        return None
    if ("compact" in fields or "lone_year" in fields) and year not in _YEAR_RANGE:
        return None
    try:
        date = datetime.date(_LEAP_YEAR if year is None else year, _MID_YEAR[0] if month is None else month,
                             day if day is not None else _MID_MONTH if month is not None else _MID_YEAR[1])
    except ValueError:
        return None
    return ParsedDate(date, year is not None, month is not None, day is not None)


def _full_year(two_digits: int, today: datetime.date) -> int:
    """A 2-digit year: this century up to this year's two digits, the previous century above them."""
    century, pivot = divmod(today.year, 100)
    return century * 100 + two_digits if two_digits <= pivot else (century - 1) * 100 + two_digits


def _render(field: _Field, new: datetime.date, pad: bool, today: datetime.date) -> str | None:
    """The field's text for the shifted date, in the original's style; ``None`` out of range."""
    role, text = field.role, field.text
    if role in ("day", "month"):
        value = new.day if role == "day" else new.month
        width = 2 if text[0] == "0" or (len(text) == 2 and pad) else 1
        return f"{value:0{width}d}"
    if role in ("lone_year", "compact") and new.year not in _YEAR_RANGE:
        return None
    if role == "compact":
        return f"{new.year:04d}{new.month:02d}{new.day:02d}"
    if role in ("year", "lone_year"):
        if len(text) == 4:
            return f"{new.year:04d}"
        # A 2-digit year must read back as the same year, i.e. stay in its century window.
        return f"{new.year % 100:02d}" if _full_year(new.year % 100, today) == new.year else None
    if role == "month_name":
        return _styled(_MONTHS[new.month - 1], text)
    if role == "weekday":
        return _styled(_WEEKDAYS[new.weekday()], text)
    return _styled(_ordinal_suffix(new.day), text)


def _ordinal_suffix(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _styled(word: str, original: str) -> str:
    """``word`` (lower case, full) in the form and case of ``original``: as written when it is the same
    name, else full or abbreviated like it (``Sept`` -> ``Oct``, ``Tues`` -> ``Wed``, ``Thur`` -> ``Tues``);
    UPPER, lower or Title."""
    low = original.lower()
    full = _NAMES.get(low, low)  # a suffix or a full name is its own full form
    if full == word:
        word = low
    elif full != low:
        word = _LONG_ABBREVIATIONS.get(word, word[:3]) if len(low) > 3 else word[:3]
    if original.isupper():
        return word.upper()
    return word if original.islower() else word.capitalize()


_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {word: value for value, word in enumerate(_SMALL)} | dict(zip(_TENS, range(20, 100, 10)))
_WORD = rf"(?:{'|'.join(_NUMBER_WORDS)}|hundred)\b"
# The first number of an age: digits, or number words joined by spaces, hyphens and "and".
_AGE_NUMBER = re.compile(rf"[0-9]+|\b{_WORD}(?:[\s-]+(?:and[\s-]+)?{_WORD})*", re.IGNORECASE)
_OLDEST_KEPT_AGE = 89  # HIPAA Safe Harbor: older ages are aggregated into one "90 or older" group


def safe_harbor_age(value: str) -> str | None:
    """HIPAA Safe Harbor for an AGE span: over 89, its number (digits or English words: ``93``,
    ``ninety-three``, ``one hundred and two``) becomes ``90+`` and the rest stays (``93-year-old`` ->
    ``90+-year-old``); 89 or under, the value unchanged (Safe Harbor keeps those ages); ``None`` when
    it holds no number. Raises ``TypeError`` when ``value`` is not a ``str``."""
    match = _AGE_NUMBER.search(_checked(value))
    if match is None:
        return None
    if _number_value(match.group()) <= _OLDEST_KEPT_AGE:
        return value
    return value[:match.start()] + "90+" + value[match.end():]


def _number_value(number: str) -> int:
    if number[0] in "0123456789":
        digits = number.lstrip("0") or "0"
        return int(digits) if len(digits) <= 4 else 10_000  # int() of thousands of digits raises
    value = 0
    for word in re.split(r"[\s-]+", number.lower()):
        if word == "hundred":
            value = max(value, 1) * 100
        elif word != "and":
            value += _NUMBER_WORDS[word]
    return value
