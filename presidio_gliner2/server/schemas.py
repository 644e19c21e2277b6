"""Request and response bodies: Presidio's JSON field for field, plus ours for /redact and /classify.

Requests ignore unknown keys, as Presidio does (its e2e tests send a ``trace`` key). Response
models document the shapes in the OpenAPI document; the handlers build plain dicts so a
response is exactly what Presidio would send (e.g. ``analysis_explanation: null``).
"""

from __future__ import annotations

import re
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Text = Union[str, list[str]]
DEFAULT_REGEX_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Open(BaseModel):
    """Objects Presidio reads with ``**kwargs`` or extends between versions: extra keys pass."""

    model_config = ConfigDict(extra="allow")


# --- analyzer ---------------------------------------------------------------------------------

class AdHocRecognizer(_Open):
    """A Presidio PatternRecognizer built for this request only (``PatternRecognizer.from_dict``)."""

    name: Optional[str] = None
    supported_language: str = "en"
    supported_entity: Optional[str] = None
    supported_entities: Optional[list[str]] = Field(None, description="Instead of supported_entity.")
    patterns: Optional[list[dict[str, Any]]] = Field(
        None, description="Each {name, regex, score}, as Presidio's Pattern.from_dict reads it.")
    deny_list: Optional[list[str]] = None
    context: Optional[list[str]] = None


class AnalyzeRequest(_Request):
    text: Text = Field(description="A text, or a list of texts answered by a list of result lists.")
    language: str = Field(description="Two-letter code of a language the analyzer serves, e.g. 'en'.")
    entities: Optional[list[str]] = Field(None, description="Entity types to look for (default: all).")
    correlation_id: Optional[str] = None
    score_threshold: Optional[float] = Field(None, ge=0, le=1)
    return_decision_process: Optional[bool] = False
    ad_hoc_recognizers: Optional[list[AdHocRecognizer]] = None
    context: Optional[list[str]] = Field(None, description="Context words that raise matching results' scores.")
    allow_list: Optional[list[str]] = Field(None, description="Values never reported.")
    allow_list_match: Literal["exact", "regex"] = "exact"
    regex_flags: Optional[int] = Field(DEFAULT_REGEX_FLAGS, ge=0, le=2 ** 16)


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


class AnalyzerResultIn(_Open):
    start: int
    end: int
    score: float = 0.0
    entity_type: str


class AnonymizeRequest(_Open):
    text: Text = ""
    anonymizers: Optional[dict[str, OperatorConfig]] = Field(
        None, description="Operator per entity type; the key DEFAULT applies to the rest (default: replace).")
    analyzer_results: Optional[Union[list[AnalyzerResultIn], list[list[AnalyzerResultIn]]]] = Field(
        None, description="The /analyze results for text (one list per text when text is a list).")


class AnonymizerResultIn(_Open):
    start: int
    end: int
    entity_type: str


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
    entities: Optional[list[str]] = None
    score_threshold: Optional[float] = Field(None, ge=0, le=1)
    operator: Optional[str] = Field(None, description="Default operator: replace, mask, redact, hash, "
                                                      "encrypt, keep (default: replace).")
    anonymizers: Optional[dict[str, OperatorConfig]] = Field(None, description="Operator per entity type, "
                                                                                 "as in /anonymize.")
    pseudonyms: bool = Field(False, description="Consistent numbered placeholders: <PERSON_1> every time "
                                                "for the same person.")
    reversible: bool = Field(False, description="Also return the placeholder -> original value mapping.")
    policy: Optional[str] = Field(None, description="A shipped policy that picks operators per document "
                                                    "class, e.g. by_document_type.")


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


class ErrorResponse(BaseModel):
    error: str
