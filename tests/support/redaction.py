"""Helpers for the redaction tests (configs, Redactor, CLI, properties, logs).

Analyzers are cached per process (``configs.build_analyzer`` caches per file and model), so every
test module that asks for the same one reuses it: one spaCy load and one model load per session.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from presidio_analyzer import EntityRecognizer, RecognizerResult

import presidio_gliner2.plugin  # noqa: F401  registers GLiNER2Recognizer with Presidio's YAML loader
from presidio_gliner2.redaction.analyzers import build_analyzer, config_path

_pattern_configs: dict[str, Path] = {}
_tmp = Path(tempfile.mkdtemp(prefix="pg2-redaction-tests-"))


def pattern_config(name: str = "finance") -> Path:
    """A shipped config without its GLiNER2 entry and with spaCy's NER off: Presidio's pattern
    recognizers only, no model."""
    if name not in _pattern_configs:
        conf = yaml.safe_load(config_path(name).read_text())
        recognizers = [r for r in conf["recognizer_registry"]["recognizers"] if r["name"] != "GLiNER2Recognizer"]
        conf["recognizer_registry"]["recognizers"] = [
            {"name": r["name"], "type": r.get("type", "predefined"), "enabled": False}
            if r["name"] in ("SpacyRecognizer", "AbbreviationAwareSpacyRecognizer") else r for r in recognizers]
        path = _tmp / f"{name}-patterns.yaml"
        path.write_text(yaml.safe_dump(conf))
        _pattern_configs[name] = path
    return _pattern_configs[name]


def pattern_analyzer(name: str = "finance"):
    return build_analyzer(pattern_config(name))


def gliner2_analyzer(model_dir, name: str = "healthcare"):
    """A shipped config with its GLiNER2 entry pointed at ``model_dir`` (a test checkpoint)."""
    return build_analyzer(name, model=str(model_dir))


class SpanRecognizer(EntityRecognizer):
    """Reports fixed (entity, start, end, score) spans with GLiNER2's metadata shape.

    Unit-test stand-in for the model in overlap tests, where the rule, not the model, is under test.
    """

    def __init__(self, spans: list[tuple[str, int, int, float]], name: str = "SpanRecognizer"):
        self.spans = spans
        super().__init__(supported_entities=sorted({s[0] for s in spans}), name=name, supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        return [RecognizerResult(entity, start, end, score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            "model_label": entity.lower(), "description": "", "document_classes": {}})
                for entity, start, end, score in self.spans if entity in entities]


def outside_unchanged(original: str, result) -> bool:
    """True when every character outside the findings is unchanged and in order.

    Walks the findings (original positions) and the replacements (``items``, positions in the
    redacted text) side by side and compares every gap between them byte for byte.
    """
    findings = sorted(result.findings, key=lambda f: f["start"])
    items = sorted(result.items, key=lambda i: i["start"])
    if len(findings) != len(items):
        return False
    cursor, position = 0, 0
    for finding, item in zip(findings, items):
        if result.text[position:item["start"]] != original[cursor:finding["start"]]:
            return False
        cursor, position = finding["end"], item["end"]
    return result.text[position:] == original[cursor:]


def planted_absent(redacted: str, values: list[str]) -> list[str]:
    """The planted values still present in the redacted text (should be empty)."""
    return [v for v in values if v in redacted]


# The identifiers planted in scripts/redact_sample.py's note (`make demo`).
DEMO_PLANTED = {  # value -> the entity types that may report it
    "Mercy General Hospital": {"ORGANIZATION", "LOCATION"},
    "Jonathan Q. Reyes": {"PERSON"},
    "04/17/1961": {"DATE_OF_BIRTH", "DATE_TIME"},
    "00731942": {"MEDICAL_RECORD_NUMBER"},
    "512-44-8391": {"US_SSN"},
    "11/02/2025": {"DATE_TIME"},
    "Priya Natarajan": {"PERSON"},
    "418 Willow Creek Rd, Dayton, OH 45402": {"LOCATION"},
    "Maria Reyes": {"PERSON"},
    "(937) 555-0142": {"PHONE_NUMBER"},
    "maria.reyes@example.com": {"EMAIL_ADDRESS"},
    "WX-88213-07": {"HEALTH_PLAN_BENEFICIARY_NUMBER", "ACCOUNT_NUMBER", "UNIQUE_IDENTIFIER"},
}

