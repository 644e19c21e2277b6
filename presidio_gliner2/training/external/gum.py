"""GUM (Georgetown University Multilayer corpus): CoNLL-U files under ``dep/`` whose MISC
column carries CorefUD entity brackets, ``Entity=(12-person-...-Barack_Obama`` ... ``12)``.

GUM marks *every* mention (pronouns, "the children") with one of 11 types, not only
names. We derive named entities from the syntax, conservatively:

* person / organization / place: the mention's syntactic head is a proper noun (PROPN)
  that is not a title or role word ("Professor", "Director"); the name is the run of
  proper nouns around the head, joined by name particles ("de", "van") and, for
  organizations and places, by "of", "the", "for", "&" ("University of Toronto").
  Titles are cut from person names ("Professor Cres Eastman" -> "Cres Eastman").
  Capitalised adjectives and nouns inside the name count ("United States", "New York").
* time -> dates: runs of calendar words (month, weekday, day number, year, 12/03/2019)
  that contain a month, a year or a numeric date; durations and "this week" are dropped.
  Runs with day, month and year are also "date" (the label our generator uses for them).

Overlapping candidates keep the longest (flat NER, like most NER corpora).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from presidio_gliner2.training.external.labels import FULL_DATE_LABEL, GUM as GUM_LABELS
from presidio_gliner2.training.external.records import Document, Mention, Sentence, join_tokens, map_label

# Genres whose *texts* carry a permissive licence (GUM's LICENSE.txt); all annotations are CC BY 4.0.
GENRE_LICENCES = {
    "academic": "CC BY 4.0",
    "court": "CC BY 4.0",
    "interview": "CC BY 2.5",  # Wikinews
    "news": "CC BY 2.5",  # Wikinews
}

TITLES = frozenset("""mr mrs ms miss mx dr doctor prof professor president vice senator sen rep representative
governor gov judge justice sir dame lord lady king queen prince princess pope father rev reverend captain capt
general gen col colonel lt lieutenant sgt sergeant mayor minister chancellor chairman chairwoman chair ceo director
officer detective chief saint st secretary speaker commissioner ambassador attorney counsel mister madam""".split())
_PERSON_JOINERS = frozenset({"-", ".", "de", "da", "di", "du", "van", "von", "der", "den", "bin", "al", "la", "le", "ibn"})
_NAME_JOINERS = _PERSON_JOINERS | {"of", "the", "for", "&", "on"}  # not "and": "Australia and New Zealand" is two places
_NAME_TAGS = frozenset({"PROPN", "ADJ", "NOUN", "NUM", "VERB", "X"})
GENERIC = frozenset("""university church party house court government department state states city county school
college company agency ministry army navy police council committee board office hospital center centre museum
station union foundation institute association society parliament congress senate administration commission bank
north south east west""".split())
_MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())
_YEAR = re.compile(r"^'?(1[0-9]|20)\d\d(s|'s)?$|^'\d\ds$")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$")
_DAY = re.compile(r"^\d{1,2}(st|nd|rd|th)?$", re.IGNORECASE)
_DATE_JOINERS = frozenset({",", "of", "the", "-", "–", "/"})
_ENTITY = re.compile(r"\(([^()]*)\)?|([^()]+)\)")


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    head: int  # sentence-local index of the head word, -1 for the root
    space_after: bool


@dataclass
class RawMention:
    first: int  # sentence-local word index
    last: int  # inclusive
    etype: str


def read_gum(root: Path, genres: Optional[Iterable[str]] = None) -> Iterator[Document]:
    """Documents of the permissively licensed genres under ``root/dep``, split per ``root/splits.md``."""
    genres = set(genres or GENRE_LICENCES)
    unknown = genres - set(GENRE_LICENCES)
    if unknown:
        raise ValueError(f"genres {sorted(unknown)} are not cleared for use (licence); allowed: {sorted(GENRE_LICENCES)}")
    dep = root / "dep"
    if not dep.is_dir():
        raise FileNotFoundError(f"{dep} not found: --in must be the root of a GUM checkout (with dep/ and splits.md)")
    splits = read_splits(root / "splits.md")
    for path in sorted(dep.glob("GUM_*.conllu")):
        genre = path.stem.split("_")[1]
        if genre not in genres:
            continue
        split = splits.get(path.stem, "train")
        if split.startswith("test"):
            continue  # GUM's test partitions stay untouched, for anyone's evaluation
        with open(path, encoding="utf-8") as handle:
            for document in parse_conllu(handle):
                document.split = "dev" if split == "dev" else "train"
                document.genre = genre
                document.licence = f"text {GENRE_LICENCES[genre]}, annotations CC BY 4.0"
                yield document


def read_splits(path: Path) -> dict[str, str]:
    """``splits.md``: ``## dev`` headings followed by ``  * GUM_news_iodine`` items."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: GUM's official splits are needed to keep its test set out")
    splits, current = {}, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current:
            splits[line.strip()[2:].strip()] = current
    return splits


def parse_conllu(lines: Iterable[str]) -> Iterator[Document]:
    doc_id, sentences = "", []
    words: list[Word] = []
    mentions: list[RawMention] = []
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    new_paragraph = False
    mwt_end, mwt_space = 0, True
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("# newdoc id"):
            if doc_id and sentences:
                yield Document(doc_id, sentences)
            doc_id, sentences = line.split("=", 1)[1].strip(), []
        elif line.startswith("# newpar"):
            new_paragraph = True
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                sentences.append(_sentence(words, mentions, new_paragraph))
                new_paragraph = False
            words, mentions, open_mentions = [], [], {}
            mwt_end = 0  # word ids restart in every sentence
        else:
            columns = line.split("\t")
            ident = columns[0]
            if "." in ident:
                continue  # empty nodes carry no text
            misc = dict(item.split("=", 1) for item in columns[9].split("|") if "=" in item)
            if "-" in ident:  # multi-word token: its words are written without spaces between them
                mwt_end = int(ident.split("-")[1])
                mwt_space = misc.get("SpaceAfter") != "No"
                continue
            index = int(ident)
            space = misc.get("SpaceAfter") != "No"
            if index < mwt_end:
                space = False
            elif index == mwt_end:
                space = mwt_space
            words.append(Word(columns[1], columns[2], columns[3], int(columns[6]) - 1, space))
            _entity_events(misc.get("Entity", ""), len(words) - 1, open_mentions, mentions)
    if words:
        sentences.append(_sentence(words, mentions, new_paragraph))
    if doc_id and sentences:
        yield Document(doc_id, sentences)


def _entity_events(value: str, position: int, open_mentions: dict, mentions: list[RawMention]) -> None:
    """Apply one word's brackets; a mention left open at the sentence end is dropped."""
    for match in _ENTITY.finditer(value):
        opened, closed = match.group(1), match.group(2)
        if opened is not None:
            fields = opened.split("-")
            ident = fields[0].split("[")[0]
            etype = fields[1] if len(fields) > 1 else ""
            open_mentions.setdefault(ident, []).append((position, etype))
            if match.group(0).endswith(")"):
                closed = ident
        if closed is not None:
            stack = open_mentions.get(closed.split("[")[0])
            if stack:
                first, etype = stack.pop()
                mentions.append(RawMention(first, position, etype))


def _sentence(words: list[Word], mentions: list[RawMention], new_paragraph: bool) -> Sentence:
    text, offsets = join_tokens([w.form for w in words], [w.space_after for w in words])
    candidates: list[tuple[int, int, str]] = []
    for mention in mentions:
        label = map_label(GUM_LABELS, mention.etype) if mention.etype in GUM_LABELS else None
        if label == "dates":
            candidates += [(a, b, label) for a, b in date_runs(words, mention.first, mention.last)]
        elif label is not None:
            span = name_span(words, mention, label)
            if span:
                candidates.append((*span, label))
    kept: list[tuple[int, int, str]] = []
    for first, last, label in sorted(set(candidates), key=lambda c: (c[0] - c[1], c[0])):
        if all(last < a or first > b for a, b, _ in kept):
            kept.append((first, last, label))
    found = [Mention(offsets[a][0], offsets[b][1], label) for a, b, label in sorted(kept)]
    found += [Mention(offsets[a][0], offsets[b][1], FULL_DATE_LABEL)
              for a, b, label in sorted(kept) if label == "dates" and full_date(words, a, b)]
    return Sentence(text, found, new_paragraph)


def mention_head(words: list[Word], first: int, last: int) -> int:
    """The first word of the mention whose syntactic head lies outside it."""
    for index in range(first, last + 1):
        if not first <= words[index].head <= last:
            return index
    return first


def name_span(words: list[Word], mention: RawMention, label: str) -> Optional[tuple[int, int]]:
    head = mention_head(words, mention.first, mention.last)
    if words[head].upos != "PROPN" or _bare(words[head].lemma) in TITLES:
        return None
    joiners = _PERSON_JOINERS if label == "person" else _NAME_JOINERS

    def capitalised(i: int) -> bool:
        # GUM tags "United" (States), "New" (York), "Republican" (Party) ADJ: capitals mark the name
        return words[i].upos == "PROPN" or (words[i].form[:1].isupper() and words[i].upos in _NAME_TAGS)

    def part(i: int) -> bool:
        return capitalised(i) or words[i].form.lower() in joiners

    left, right = head, head
    while left - 1 >= mention.first and part(left - 1):
        left -= 1
    while right + 1 <= mention.last and part(right + 1):
        right += 1
    while left < right and not capitalised(left):
        left += 1
    while right > left and not capitalised(right):
        right -= 1
    if label == "person":  # "Home Secretary Suella Braverman" -> "Suella Braverman"
        titles = [i for i in range(left, right) if _bare(words[i].form) in TITLES]
        left = titles[-1] + 1 if titles else left
    if not capitalised(left) or _bare(words[left].form) in TITLES:
        return None
    if left == right and _bare(words[left].form) in GENERIC:
        return None  # "the University", "the Court": a capitalised common noun, not a name
    return left, right


def date_runs(words: list[Word], first: int, last: int) -> list[tuple[int, int]]:
    """Runs of calendar words inside a time mention that contain a month, a year or a numeric date."""
    runs: list[tuple[int, int]] = []
    start: Optional[int] = None
    for index in range(first, last + 2):
        inside = index <= last and (_date_word(words[index].form) or (
            start is not None and words[index].form.lower() in _DATE_JOINERS))
        if inside and start is None:
            start = index
        if not inside and start is not None:
            end = index - 1
            while end > start and not _date_word(words[end].form):
                end -= 1
            if any(_date_trigger(words[i].form) for i in range(start, end + 1)):
                runs.append((start, end))
            start = None
    return runs


def full_date(words: list[Word], first: int, last: int) -> bool:
    """Day, month and year ("February 23, 2006", "23/02/2006"); "March 2023" or "2006" alone are partial."""
    forms = [words[i].form for i in range(first, last + 1)]
    if any(_NUMERIC_DATE.match(f) and len(re.split(r"[/.-]", f)) == 3 for f in forms):
        return True
    return (any(_bare(f) in _MONTHS for f in forms) and any(_DAY.match(f) for f in forms)
            and any(_YEAR.match(f) for f in forms))


def _bare(form: str) -> str:
    return form.lower().rstrip(".")


def _date_trigger(form: str) -> bool:
    return _bare(form) in _MONTHS or bool(_YEAR.match(form)) or bool(_NUMERIC_DATE.match(form))


def _date_word(form: str) -> bool:
    return _date_trigger(form) or _bare(form) in _WEEKDAYS or bool(_DAY.match(form))
