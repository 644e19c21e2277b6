"""The Presidio plugin: entity packs, prompt planning, the shared model cache, GLiNER2Recognizer.

Importing this package plugs GLiNER2 into Presidio: ``type: predefined`` /
``class_name: GLiNER2Recognizer`` (and ``AbbreviationAwareSpacyRecognizer``) works in Presidio's
registry YAML, Presidio's text-bearing log records are rewritten, and its email validation uses
the bundled public suffix list.
"""

from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer
from presidio_gliner2.plugin.abbreviation_aware_spacy_recognizer import AbbreviationAwareSpacyRecognizer

__all__ = ["GLiNER2Recognizer", "AbbreviationAwareSpacyRecognizer"]
