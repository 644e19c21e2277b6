"""LitBank (dbamman/litbank): ~2,000-word excerpts of 100 public-domain novels with
ACE-style entity mentions (PER, FAC, GPE, LOC, VEH, ORG), proper *and* common, nested.

Three folders of a LitBank checkout are read:

* ``entities/brat/<work>_brat.ann``: the entity layer, brat standoff over the tokenised
  ``<work>_brat.txt`` (one sentence per line, tokens split by single spaces). It does not
  say whether a mention is a name ("Tom Sawyer") or a common noun phrase ("the boy").
* ``coref/brat/<work>_brat.ann``: the coreference layer over the *same* text, whose mention
  types carry exactly that marker: ``PROP_PER``, ``NOM_FAC``, ``PRON_PER`` ...
* ``original/<work>.txt``: the Gutenberg text; every token is found in it in order, which
  gives the real spacing (``don't``, ``“Bingley.”``) and the paragraph breaks.

Which mentions become names:

* A coref ``PROP_*`` mention is a name. The name is cut out of the mention: the runs of
  capitalised tokens (joined by name particles, and for places and organisations by
  "of", "the", "&" ...), leading determiners, titles ("Mr.", "Aunt", "Captain") and
  epithets ("old", "Poor") removed. The first run is the name ("Mr. Bennet" -> "Bennet",
  "her cousin Edith" -> "Edith", "the Bank of England" -> "Bank of England"); a mention that
  is only a title ("the Duchess") gives none.
* An entity-layer mention the coref layer did not classify (mostly bare titles, "Mr."),
  a further run inside a name mention, and a ``NOM_*`` mention that still looks like a
  multi-word name once its determiner is gone ("the Spanish Main") are *unresolved*
  when their capitalised core is not covered by a kept name: the annotation cannot tell
  us whether it is a name, so chunks holding one are dropped, as every record must list
  all its names.

Overlapping names keep the longest ("Bank of England" over "England"), as in ``gum.py``.
PER -> person, ORG -> organization, GPE / LOC / FAC -> location; VEH is dropped (labels.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

from presidio_gliner2.training.external.gum import TITLES as GUM_TITLES
from presidio_gliner2.training.external.labels import LITBANK
from presidio_gliner2.training.external.records import Chunk, Document, Mention, Sentence, join_tokens, map_label

LICENCE = "CC BY 4.0"

# Forms of address in 18th-20th century fiction, on top of GUM's list; cut from person names.
TITLES = GUM_TITLES | frozenset("""madame madam mme monsieur mons mademoiselle mlle signor signora herr frau fraulein
aunt auntie uncle cousin widow master mistress missus squire count countess baron baroness duke duchess earl
marquis marquess marchioness viscount archdeacon archbishop bishop canon dean monsignor cardinal deacon parson
vicar rector major corporal private admiral commander ensign emperor empress czar tsar sultan chieftain
brother sister mother grandfather grandmother granny grandpa grandma papa mamma mama pa mis esq esquire hon honourable
honorable right dr mr mrs ms messrs mme""".split())
# Epithets fiction puts before a name ("old Pontifex", "Poor Thomas", "the late John Graves").
EPITHETS = frozenset("old young poor little dear good late great big fat plain said same".split())
DETERMINERS = frozenset("the a an this that these those my his her our their your its thy".split())
# A joiner counts only between capitalised words: "William the Conqueror", "Bank of England".
_PERSON_JOINERS = frozenset({"-", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "del", "st.", "the"})
_POSSESSIVE = frozenset({"'s", "’s"})
# "Lincoln's Inn", "Van Diemen’s Land"; not "and": "Australia and New Zealand" is two places
_NAME_JOINERS = _PERSON_JOINERS | _POSSESSIVE | {"of", "&", "on", "upon"}
# Capitalised only by position or by rule: never the sign of a name by themselves.
_FUNCTION_WORDS = frozenset("i he she it we they you thou what who this that there here no one".split())
_ITALICS = frozenset({"_", "__"})  # Gutenberg's italic marks, tokens of their own in LitBank
_TYPED = re.compile(r"^(PROP|NOM|PRON)_([A-Z]+)$")


@dataclass
class LitSentence(Sentence):
    unresolved: bool = False  # holds a mention that may be a name we could not label


@dataclass(frozen=True)
class Annotation:
    kind: str  # PER, FAC, ...
    start: int  # character offsets into the brat text
    end: int
    form: str = ""  # "PROP", "NOM", "PRON"; "" for an entity-layer mention the coref layer lacks


def read_litbank(root: Path) -> Iterator[Document]:
    """One document per work; ids are the work's file stem (``litbank-1342_pride_and_prejudice``)."""
    entities, coref, original = root / "entities" / "brat", root / "coref" / "brat", root / "original"
    for folder in (entities, coref, original):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} not found: --in must be the root of a LitBank checkout "
                                    "(with entities/brat, coref/brat and original)")
    for ann in sorted(entities.glob("*_brat.ann")):
        work = ann.name[: -len("_brat.ann")]
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        coref_ann = coref / ann.name
        if not coref_ann.is_file() or (coref / f"{work}_brat.txt").read_text(encoding="utf-8") != text:
            raise ValueError(f"{work}: the coref layer is missing or over a different text")
        annotations = merge_layers(read_ann(ann.read_text(encoding="utf-8")),
                                   read_ann(coref_ann.read_text(encoding="utf-8")))
        source = (original / f"{work}.txt").read_text(encoding="utf-8")
        yield build_document(f"litbank-{work}", text, annotations, source)


def read_ann(content: str) -> list[Annotation]:
    """Text-bound annotations (``T`` lines) of a brat file; coref chain labels are skipped."""
    found = []
    for line in content.splitlines():
        if not line.startswith("T"):
            continue
        _, middle, _ = line.split("\t", 2)
        parts = middle.split(" ")
        if len(parts) != 3:
            continue  # discontinuous spans: none in LitBank's typed mentions
        kind, start, end = parts
        typed = _TYPED.match(kind)
        if typed:
            found.append(Annotation(typed.group(2), int(start), int(end), typed.group(1)))
        elif kind.isupper() and kind.isalpha():
            found.append(Annotation(kind, int(start), int(end)))
    return found


def merge_layers(entity_layer: Sequence[Annotation], coref_layer: Sequence[Annotation]) -> list[Annotation]:
    """Coref mentions with a type (their PROP/NOM/PRON form and their type, the later, corrected
    annotation) plus the entity-layer mentions at spans the coref layer has not typed (form "")."""
    typed = {(a.start, a.end): a for a in coref_layer if a.form}
    extra = [a for a in entity_layer if (a.start, a.end) not in typed]
    return sorted(list(typed.values()) + extra, key=lambda a: (a.start, a.end, a.kind))


def build_document(doc_id: str, text: str, annotations: Sequence[Annotation], source: str) -> Document:
    """Sentences from the brat text's lines; spacing and paragraphs from the original text."""
    tokens: list[tuple[int, int, int]] = []  # (start, end, sentence) in the brat text
    offset = 0
    for number, line in enumerate(text.split("\n")):
        for token in line.split(" "):
            if token:
                tokens.append((offset, offset + len(token), number))
            offset += len(token) + 1
    forms = [text[a:b] for a, b, _ in tokens]
    spaces, paragraphs = align(forms, source)
    by_sentence: dict[int, list[int]] = {}
    for index, (_, _, number) in enumerate(tokens):
        by_sentence.setdefault(number, []).append(index)
    starts = {a: i for i, (a, _, _) in enumerate(tokens)}
    ends = {b: i for i, (_, b, _) in enumerate(tokens)}
    spans = [(token_span(a, starts, ends, tokens), a) for a in annotations]
    sentences = []
    for number in sorted(by_sentence):
        indices = by_sentence[number]
        first, last = indices[0], indices[-1]
        inside = [(s, a) for s, a in spans if s and first <= s[0] and s[1] <= last]
        sentences.append(build_sentence([forms[i] for i in indices], [spaces[i] for i in indices],
                                        [(s[0] - first, s[1] - first, a) for s, a in inside],
                                        paragraphs[first]))
    return Document(doc_id, sentences, genre="fiction", licence=LICENCE)


def token_span(annotation: Annotation, starts: dict, ends: dict, tokens) -> Optional[tuple[int, int]]:
    """(first, last) token of a mention; a mention off the token grid snaps to the tokens it
    touches; one that crosses a sentence line is left out (None)."""
    first = starts.get(annotation.start)
    last = ends.get(annotation.end)
    if first is None or last is None:
        touched = [i for i, (a, b, _) in enumerate(tokens) if a < annotation.end and b > annotation.start]
        if not touched:
            return None
        first, last = touched[0], touched[-1]
    if tokens[first][2] != tokens[last][2]:
        return None
    return first, last


def align(forms: Sequence[str], source: str) -> tuple[list[bool], list[bool]]:
    """Whether each token is followed by whitespace, and whether a blank line comes before it,
    in the original text; LitBank's tokens are verbatim substrings of it, in order."""
    if not forms:
        return [], []
    pattern = r"\s*".join(re.escape(f) for f in forms[:12])
    found = re.search(pattern, source)
    if not found:
        raise ValueError(f"excerpt starting {' '.join(forms[:6])!r} not found in the original text")
    position = found.start()
    gaps: list[str] = []
    for form in forms:
        start = position
        while position < len(source) and source[position].isspace():
            position += 1
        if not source.startswith(form, position):
            raise ValueError(f"token {form!r} not found at offset {position} of the original text")
        gaps.append(source[start:position])
        position += len(form)
    gaps.append(" ")
    spaces = [bool(gaps[i + 1]) for i in range(len(forms))]
    paragraphs = [i == 0 or gap.count("\n") >= 2 for i, gap in enumerate(gaps[:-1])]
    return spaces, paragraphs


def build_sentence(forms: Sequence[str], spaces: Sequence[bool], mentions: Sequence[tuple[int, int, Annotation]],
                   new_paragraph: bool) -> LitSentence:
    """Names of one sentence; ``mentions`` are sentence-local token spans (last inclusive)."""
    kept_index = [i for i, f in enumerate(forms) if f not in _ITALICS]
    space_after = list(spaces)
    for i in range(len(forms) - 1, 0, -1):  # "“ _ You _ want" -> "“You want"
        if forms[i] in _ITALICS:
            space_after[i - 1] = space_after[i - 1] or space_after[i]
    text, offsets = join_tokens([forms[i] for i in kept_index], [space_after[i] for i in kept_index])
    position = {index: k for k, index in enumerate(kept_index)}
    words = [forms[i] for i in kept_index]

    def local(first: int, last: int) -> Optional[tuple[int, int]]:
        inner = [position[i] for i in range(first, last + 1) if i in position]
        return (inner[0], inner[-1]) if inner else None

    candidates: list[tuple[int, int, str]] = []
    doubtful: list[tuple[int, int]] = []
    for first, last, annotation in mentions:
        span = local(first, last)
        if span is None:
            continue
        label = map_label(LITBANK, annotation.kind)
        if label is None:
            continue  # vehicles: neither labelled nor a reason to drop
        runs = name_runs(words, span[0], span[1], annotation.kind == "PER")
        if annotation.form == "PROP":
            # "Tom 's Aunt Polly": the possessor is a name of its own (nested mention), not the head
            heads = [r for r in runs if not (r[1] < span[1] and words[r[1] + 1] in _POSSESSIVE)] or runs
            if heads:
                candidates.append((*heads[0], label))
            doubtful += [r for r in runs if r != heads[0]]
        elif annotation.form == "" or (annotation.form == "NOM" and any(b > a for a, b in runs)):
            doubtful += runs  # unclassified, or a common-noun mention that reads like a name
    opening = next((i for i, w in enumerate(words) if any(c.isalnum() for c in w)), 0)
    doubtful = [(a, b) for a, b in doubtful
                if not (a == b and (a == opening or _bare(words[a]) in _FUNCTION_WORDS))]
    kept: list[tuple[int, int, str]] = []
    for first, last, label in sorted(set(candidates), key=lambda c: (c[0] - c[1], c[0], c[2])):  # deterministic ties
        if all(last < a or first > b for a, b, _ in kept):
            kept.append((first, last, label))
    unresolved = any(not any(a <= first and last <= b for a, b, _ in kept) for first, last in doubtful)
    found = [Mention(offsets[a][0], offsets[b][1], label) for a, b, label in sorted(kept)]
    return LitSentence(text, found, new_paragraph, unresolved=unresolved)


def capitalised(form: str) -> bool:
    letters = form.lstrip("'‘’\"“")
    return letters[:1].isupper()


def name_runs(words: Sequence[str], first: int, last: int, person: bool) -> list[tuple[int, int]]:
    """Runs of capitalised tokens inside ``first..last`` (inclusive) with determiners, titles and
    epithets cut from their left (titles and epithets only for persons); empty runs are skipped."""
    joiners = _PERSON_JOINERS if person else _NAME_JOINERS
    runs: list[tuple[int, int]] = []
    index = first
    while index <= last:
        if not capitalised(words[index]):
            index += 1
            continue
        end = index
        while end + 1 <= last and (capitalised(words[end + 1]) or (
                words[end + 1].lower() in joiners and end + 2 <= last)):
            end += 1
        while end > index and not capitalised(words[end]):
            end -= 1
        runs.append((index, end))
        index = end + 1
    trimmed = []
    for start, end in runs:
        while start <= end and (_bare(words[start]) in DETERMINERS or (person and (
                _bare(words[start]) in TITLES or _bare(words[start]) in EPITHETS))):
            start += 1
        while start <= end and not capitalised(words[start]):
            start += 1
        if start <= end:
            trimmed.append((start, end))
    return trimmed


def unresolved_chunk(document: Document, chunk: Chunk) -> bool:
    """Chunks holding a mention that may be an unlabelled name are dropped (see the module doc)."""
    return any(getattr(document.sentences[i], "unresolved", False)
               for i in range(chunk.first_sentence, chunk.last_sentence + 1))


def _bare(form: str) -> str:
    return form.lower().rstrip(".")
