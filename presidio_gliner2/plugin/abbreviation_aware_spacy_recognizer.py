"""AbbreviationAwareSpacyRecognizer: spaCy's NER, less the abbreviations it mistakes for names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, List, Optional

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

SHORTHAND_FILE = Path(__file__).with_name("shorthand.txt")
# Characters around an entity's text that do not change what it names ("(MRN)", "SSN:").
_SURROUNDING = " \t\r\n.,;:!?()[]{}\"'`*-"


@lru_cache(maxsize=1)
def bundled_shorthand() -> frozenset[str]:
    """The shipped list (``shorthand.txt``): one term per line, ``#`` comments."""
    lines = SHORTHAND_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())


def lookup_forms(terms: Iterable[str]) -> frozenset[str]:
    """Each term as written and in capitals: notes write "copd" and "COPD", never "Copd" for it.
    Title case is not added, so "Ed" (a name) is not "ED" (the emergency department)."""
    forms = set()
    for term in terms:
        term = term.strip()
        if term:
            forms.update((term, term.upper()))
    return frozenset(forms)


class AbbreviationAwareSpacyRecognizer(LocalRecognizer):
    """spaCy's named entities (PERSON, LOCATION, ORGANIZATION, ...) as Presidio's SpacyRecognizer
    reports them, except an entity whose whole text is a known abbreviation that names nobody.

    spaCy's small English model tags a lone field name or shorthand as an organization or a person
    ("MRN", "SSN", "DOB", "COPD", "IBAN", "UTC"): on the clinical queries of the dev benchmark,
    these were most of what the general config flagged wrongly. Redacting them hides the words
    that make a note readable and protects nothing. An entity that is longer than the
    abbreviation ("MRN 4417", "CHF Bank") is kept whole: only an exact match is dropped, so a
    value next to its field name is never uncovered by this filter.

    :param abbreviations: the terms to drop (matched as written and in capitals, after stripping
        surrounding punctuation). None: the shipped list, ``shorthand.txt`` (clinical, banking and
        form shorthand; no US state, country or organization acronym such as "MD", "WHO", "FDA").
    :param extra_abbreviations: terms added to ``abbreviations`` (your own house shorthand).
    :param supported_language: / supported_entities / ner_strength / context / name: as Presidio's
        SpacyRecognizer (default entities: PERSON, LOCATION, ORGANIZATION).

    It reads the entities the spaCy NLP engine already found (no second spaCy run). It wraps a
    SpacyRecognizer rather than subclassing it: Presidio's registry accepts exactly one NLP
    recognizer of exactly the engine's class, so a config lists ``SpacyRecognizer`` with
    ``enabled: false`` and this recognizer beside it (``config/general.yaml``).
    """

    DEFAULT_ENTITIES = ["PERSON", "LOCATION", "ORGANIZATION"]

    def __init__(
        self,
        abbreviations: Optional[Iterable[str]] = None,
        extra_abbreviations: Optional[Iterable[str]] = None,
        supported_language: str = "en",
        supported_entities: Optional[List[str]] = None,
        ner_strength: float = 0.85,
        context: Optional[List[str]] = None,
        name: Optional[str] = None,
    ):
        for argument, value in (("abbreviations", abbreviations), ("extra_abbreviations", extra_abbreviations)):
            if isinstance(value, str):
                raise TypeError(f"{argument} must be a list of terms, not one string; write [{value!r}]")
        terms = list(bundled_shorthand() if abbreviations is None else abbreviations)
        terms += list(extra_abbreviations or [])
        self.abbreviations = lookup_forms(terms)
        entities = list(supported_entities or self.DEFAULT_ENTITIES)
        self._spacy = SpacyRecognizer(supported_language=supported_language, supported_entities=entities,
                                      ner_strength=ner_strength)
        super().__init__(supported_entities=entities, supported_language=supported_language, context=context,
                         name=name)

    def load(self) -> None:  # noqa: D102  (the NLP engine has loaded spaCy already)
        pass

    def is_abbreviation(self, entity_text: str) -> bool:
        """True when the entity's whole text, less surrounding punctuation, is a listed term."""
        return entity_text.strip(_SURROUNDING) in self.abbreviations or entity_text.strip() in self.abbreviations

    def analyze(self, text: str, entities, nlp_artifacts=None) -> List[RecognizerResult]:  # noqa: D102
        kept = []
        for result in self._spacy.analyze(text, entities, nlp_artifacts=nlp_artifacts):
            if self.is_abbreviation(text[result.start:result.end]):
                continue
            # Reported as this recognizer, so explanations and overlap rules name the one that ran.
            result.recognition_metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                           RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
            if result.analysis_explanation is not None:
                result.analysis_explanation.recognizer = self.name
            kept.append(result)
        return kept
