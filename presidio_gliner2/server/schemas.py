"""Request and response bodies: Presidio's JSON field for field, plus ours for /redact and /classify.

Requests ignore unknown keys, as Presidio does (its e2e tests send a ``trace`` key). Response
models document the shapes in the OpenAPI document; the handlers build plain dicts so a
response is exactly what Presidio would send (e.g. ``analysis_explanation: null``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints,
                      field_validator, model_validator)


def _valid_unicode(value: Any) -> Any:
    """JSON may escape a lone surrogate ("\\ud800"); such a string is not text, and the tokenizer's
    error about it would quote the document. Refused here, by position only."""
    for index, text in enumerate(value if isinstance(value, list) else [value]):
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                where = f"item {index}, " if isinstance(value, list) else ""
                raise ValueError(f"not valid Unicode text ({where}a lone surrogate at character {exc.start})") from None
    return value


Text = Annotated[Union[str, list[str]], AfterValidator(_valid_unicode)]
DEFAULT_REGEX_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE
# The flags that change what a pattern matches. re.DEBUG (128) would print every pattern, allow
# lists included, to the server's stdout; the others (TEMPLATE, ASCII, VERBOSE, LOCALE) are no use.
ALLOWED_REGEX_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE
# Names end up in Presidio's log lines: no control characters (a newline would forge a line).
Name = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,100}$")]
EntityName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_\-. ]{1,64}$")]
# Caps per request: patterns x texts run on Presidio's regex engine, each up to its timeout.
MAX_AD_HOC_RECOGNIZERS = 10
MAX_PATTERNS = 20
MAX_LIST_WORDS = 1000


def _not_a_bool(value: Any) -> Any:
    if isinstance(value, bool):  # JSON true would read as 1.0: nothing reported, and a 200
        raise ValueError("must be a number in [0, 1], not true/false")
    return value


Threshold = Annotated[float, BeforeValidator(_not_a_bool), Field(ge=0, le=1)]


def _bool_or_bit(value: Any) -> Any:
    # Presidio's own e2e tests send 0/1; a string ("yes") would read as true behind the client's back.
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    return value


Flag = Annotated[StrictBool, BeforeValidator(_bool_or_bit)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Open(BaseModel):
    """Objects Presidio reads with ``**kwargs`` or extends between versions: extra keys pass."""

    model_config = ConfigDict(extra="allow")


# --- analyzer ---------------------------------------------------------------------------------

class AdHocRecognizer(_Open):
    """A Presidio PatternRecognizer built for this request only (``PatternRecognizer.from_dict``)."""

    name: Optional[Name] = None
    supported_language: str = "en"
    supported_entity: Optional[EntityName] = None
    supported_entities: Optional[list[EntityName]] = Field(None, description="Instead of supported_entity.")
    patterns: Optional[list[dict[str, Any]]] = Field(
        None, max_length=MAX_PATTERNS, description="Each {name, regex, score}, as Presidio's Pattern.from_dict reads it.")
    deny_list: Optional[list[str]] = Field(None, max_length=MAX_LIST_WORDS)
    context: Optional[list[str]] = Field(None, max_length=MAX_LIST_WORDS)


class AnalyzeRequest(_Request):
    text: Text = Field(description="A text, or a list of texts answered by a list of result lists.")
    language: str = Field(description="Two-letter code of a language the analyzer serves, e.g. 'en'.")
    entities: Optional[list[EntityName]] = Field(None, description="Entity types to look for (default: all).")
    correlation_id: Optional[Name] = None
    score_threshold: Optional[Threshold] = None
    return_decision_process: Optional[Flag] = False
    ad_hoc_recognizers: Optional[list[AdHocRecognizer]] = Field(None, max_length=MAX_AD_HOC_RECOGNIZERS)
    context: Optional[list[str]] = Field(None, max_length=MAX_LIST_WORDS,
                                         description="Context words that raise matching results' scores.")
    allow_list: Optional[list[str]] = Field(None, max_length=MAX_LIST_WORDS, description="Values never reported.")
    allow_list_match: Literal["exact", "regex"] = "exact"
    regex_flags: Optional[int] = Field(DEFAULT_REGEX_FLAGS, ge=0, description="A combination of IGNORECASE (2), "
                                       "MULTILINE (8), DOTALL (16) and UNICODE (32).")

    @field_validator("regex_flags")
    @classmethod
    def _known_flags(cls, value):
        if value is not None and value & ~ALLOWED_REGEX_FLAGS:
            raise ValueError("may combine only IGNORECASE (2), MULTILINE (8), DOTALL (16) and UNICODE (32)")
        return value


class AnalysisExplanation(_Open):
    recognizer: str
    pattern_name: Optional[str] = None
    pattern: Optional[str] = None
    original_score: float
    score: float
    textual_explanation: Optional[str] = None
    score_context_improvement: float = 0
    supportive_context_word: str = ""
    validation_result: Optional[Any] = None


class RecognizerResult(BaseModel):
    entity_type: str
    start: int
    end: int
    score: float
    analysis_explanation: Optional[AnalysisExplanation] = None


AnalyzeResponse = Union[list[RecognizerResult], list[list[RecognizerResult]]]


# --- anonymizer -------------------------------------------------------------------------------

class OperatorConfig(_Open):
    """``{"type": "replace" | "mask" | "redact" | "hash" | "encrypt" | "keep" | ..., **params}``."""

    type: str


class _Span(_Open):
    """A span of the request's text: 0 <= start <= end, a non-empty entity type."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    entity_type: EntityName

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


class AnalyzerResultIn(_Span):
    score: float = Field(0.0, ge=0, le=1, allow_inf_nan=False)


class AnonymizeRequest(_Open):
    text: Text = ""
    anonymizers: Optional[dict[str, OperatorConfig]] = Field(
        None, description="Operator per entity type; the key DEFAULT applies to the rest (default: replace).")
    analyzer_results: Optional[Union[list[AnalyzerResultIn], list[list[AnalyzerResultIn]]]] = Field(
        None, description="The /analyze results for text (one list per text when text is a list).")


class AnonymizerResultIn(_Span):
    pass


class DeanonymizeRequest(_Open):
    text: Text = ""
    deanonymizers: Optional[dict[str, OperatorConfig]] = None
    anonymizer_results: Optional[Union[list[AnonymizerResultIn], list[list[AnonymizerResultIn]]]] = None


class OperatorResult(BaseModel):
    start: int
    end: int
    entity_type: str
    text: Optional[str] = None
    operator: Optional[str] = None
    score: Optional[float] = None


class EngineResult(BaseModel):
    text: str
    items: list[OperatorResult]


AnonymizeResponse = Union[EngineResult, list[EngineResult]]


# --- ours -------------------------------------------------------------------------------------

class RedactRequest(_Request):
    text: Text
    config: Optional[str] = Field(None, description="Deployment config: general, healthcare, finance "
                                                    "(default: the server's).")
    language: str = "en"
    entities: Optional[list[EntityName]] = None
    score_threshold: Optional[Threshold] = None
    operator: Optional[str] = Field(None, description="Default operator: replace, pseudonym, surrogate, "
                                                      "date_shift, mask, redact, hash, encrypt, keep "
                                                      "(default: replace).")
    anonymizers: Optional[dict[str, OperatorConfig]] = Field(None, description="Operator per entity type, "
                                                                                 "as in /anonymize.")
    pseudonyms: StrictBool = Field(False, description="Consistent numbered placeholders: <PERSON_1> every time "
                                                "for the same person.")
    reversible: StrictBool = Field(False, description="Also return the replacement -> original value mapping "
                                                      "(operators pseudonym, surrogate and date_shift only).")
    policy: Optional[str] = Field(None, description="A shipped policy: by_document_type (operators per "
                                                    "document class) or surrogates (realistic fakes, dates "
                                                    "shifted).")
    surrogate_key: Optional[str] = Field(None, min_length=16, max_length=1024,
                                         description="Key for surrogate and date_shift: the same fake and the "
                                                     "same date shift in every request with this key (one key "
                                                     "per patient). Default: new ones per document.")


class Finding(_Open):
    entity_type: str
    start: int
    end: int
    score: float


class DocumentClass(BaseModel):
    label: str
    score: float


DocumentClasses = dict[str, list[DocumentClass]]


class RedactResult(_Open):
    text: str
    findings: list[Finding] = Field(description="Positions, types, scores and operators; never values.")
    document_classes: DocumentClasses = {}
    mapping: Optional[dict[str, str]] = Field(None, description="Placeholder -> original value "
                                                                "(reversible=true only).")
    items: list[OperatorResult] = Field([], description="Replacements, positions in the redacted text.")
    policy_class: Optional[str] = None


RedactResponse = Union[RedactResult, list[RedactResult]]


class ClassifyRequest(_Request):
    text: Text
    config: Optional[str] = None


class ClassifyResult(BaseModel):
    document_classes: DocumentClasses


ClassifyResponse = Union[ClassifyResult, list[ClassifyResult]]


class ConfigInfo(BaseModel):
    name: str
    loaded: bool


class OperatorChoice(BaseModel):
    name: str
    menu: str = Field(description="One line for a menu: what the redacted value looks like.")
    required: list[str] = Field(description="Parameters it cannot run without (encrypt: key).")


class ConfigsResponse(BaseModel):
    default: str
    configs: list[str]
    operators: list[str] = Field(description="Operator names /redact accepts (the catalogue, without custom).")
    operator_menu: list[OperatorChoice]
    policies: list[str] = Field([], description="Shipped policies /redact accepts by name.")


class ErrorResponse(BaseModel):
    error: str
