"""Fakes from closed lists: nationalities, religions and political groups (NRP), titles, ages."""

from __future__ import annotations

import random
import re
from typing import Optional

from presidio_gliner2.redaction.surrogates.names import same_case

NRP_GROUPS = (
    ("American", "British", "Canadian", "Mexican", "Irish", "German", "French", "Italian", "Spanish",
     "Portuguese", "Polish", "Greek", "Swedish", "Dutch", "Russian", "Ukrainian", "Nigerian", "Kenyan",
     "Ethiopian", "Ghanaian", "Egyptian", "Moroccan", "Turkish", "Indian", "Pakistani", "Bangladeshi",
     "Chinese", "Japanese", "Korean", "Vietnamese", "Filipino", "Indonesian", "Brazilian", "Colombian",
     "Cuban", "Haitian", "Jamaican", "Dominican", "Salvadoran", "Guatemalan", "Puerto Rican"),
    ("Catholic", "Protestant", "Baptist", "Methodist", "Lutheran", "Presbyterian", "Episcopalian",
     "Pentecostal", "Orthodox", "Mormon", "Quaker", "Jewish", "Muslim", "Hindu", "Buddhist", "Sikh",
     "Jain", "Atheist", "Agnostic", "Christian", "Evangelical", "Adventist", "Unitarian"),
    ("Democrat", "Republican", "Independent", "Libertarian", "Green", "Socialist", "Conservative",
     "Liberal", "Labour", "Progressive"),
)
TITLES_FEMALE = ("Mrs.", "Ms.", "Miss")
TITLES_OTHER = ("Mr.", "Dr.", "Prof.", "Mx.", "Rev.")


def fake_nrp(value: str, rng: random.Random) -> Optional[str]:
    bare = value.strip()
    plural = bare.endswith("s") and not bare.endswith("ss")
    key = (bare[:-1] if plural else bare).casefold()
    group = next((g for g in NRP_GROUPS if key in {w.casefold() for w in g}),
                 next((g for g in NRP_GROUPS if bare.casefold() in {w.casefold() for w in g}), NRP_GROUPS[0]))
    fake = rng.choice([w for w in group if w.casefold() not in (key, bare.casefold())])
    if plural and key in {w.casefold() for w in group}:
        fake += "s"
    return value.replace(bare, same_case(fake, bare), 1) if bare else None


def fake_title(value: str, rng: random.Random) -> Optional[str]:
    bare = value.strip()
    key = bare.rstrip(".").casefold()
    female = key in {t.rstrip(".").casefold() for t in TITLES_FEMALE}
    pool = [t for t in (TITLES_FEMALE if female else TITLES_OTHER) if t.rstrip(".").casefold() != key]
    fake = rng.choice(pool)
    fake = fake if bare.endswith(".") or not fake.endswith(".") else fake.rstrip(".")
    return value.replace(bare, fake, 1) if bare else None


def fake_age(value: str, rng: random.Random) -> Optional[str]:
    """Another age within three years (never over 89); over 89 becomes "90+" (HIPAA Safe Harbor).
    None when the age is not written in digits."""
    match = re.search(r"\d+", value)
    if not match:
        return None
    age = int(match.group(0))
    if age > 89:
        fake = "90+"
    else:
        fake = str(rng.choice([a for a in range(max(age - 3, 0), min(age + 3, 89) + 1) if a != age]))
    return value[:match.start()] + fake + value[match.end():]
