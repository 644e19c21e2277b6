"""Make ``type: predefined`` / ``class_name: GLiNER2Recognizer`` work in Presidio registry YAML.

Presidio finds a predefined class by walking ``EntityRecognizer.__subclasses__()``, so the class
only has to be imported. But it validates each entry with a pydantic model and builds the
recognizer from the validated dump: a class without its own model in
``yaml_recognizer_models.CONFIG_MODEL_MAP`` gets the generic one, which silently drops every key
it does not know (model, entities, threshold, ...). We register a model that keeps them all, and
one for AbbreviationAwareSpacyRecognizer (its abbreviation lists).
``CONFIG_MODEL_MAP`` is a module-level dict, not a public API (presidio-analyzer 2.2.366), so we
feature-detect it and warn, rather than fail, where it is missing.
"""

from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from typing import Any, Dict, List, Optional, Union

logger = logging.getLogger("presidio_gliner2")

CLASS_NAME = "GLiNER2Recognizer"
SPACY_CLASS_NAME = "AbbreviationAwareSpacyRecognizer"


@lru_cache(maxsize=1)
def _keeping_config():
    """Presidio's predefined-recognizer model, keeping every key (unknown ones too, so that a typo
    reaches the constructor and fails there by name instead of vanishing)."""
    from pydantic import ConfigDict
    from presidio_analyzer.input_validation.yaml_recognizer_models import PredefinedRecognizerConfig

    class KeepingRecognizerConfig(PredefinedRecognizerConfig):
        model_config = ConfigDict(extra="allow", protected_namespaces=())

        def model_dump(self, *args, **kwargs) -> Dict[str, Any]:
            # None means "not given": the constructor's default applies.
            kwargs.setdefault("exclude_none", True)
            return super().model_dump(*args, **kwargs)

    return KeepingRecognizerConfig


@lru_cache(maxsize=1)
def config_model():
    """The pydantic model Presidio validates GLiNER2Recognizer entries with (built once)."""
    from pydantic import Field

    class GLiNER2RecognizerConfig(_keeping_config()):
        """Every GLiNER2Recognizer keyword."""

        model: Optional[str] = Field(None, description="'default', a checkpoint directory or a hub id")
        entities: Optional[Union[str, Dict[str, Any]]] = Field(None, description="pack name, pack path or mapping")
        classifiers: Optional[Union[bool, Dict[str, Any]]] = Field(None, description="None, false or a mapping")
        threshold: Optional[float] = Field(None, description="default score threshold for labels")
        device: Optional[Union[str, int]] = Field(None, description="torch device")
        backend: Optional[str] = Field(None, description="'torch', 'torch-int8', 'onnx' or 'onnx-int8'")
        window_words: Optional[int] = Field(None, description="long-text window, in model words")
        window_overlap: Optional[int] = Field(None, description="overlap of consecutive windows, in words")
        batch_size: Optional[int] = Field(None, description="texts per encoder pass")
        label_descriptions: Optional[bool] = Field(None, description="label descriptions in the prompt (default true)")
        on_error: Optional[str] = Field(None, description="'raise' or 'skip'")
        version: Optional[str] = Field(None, description="recognizer version")

    return GLiNER2RecognizerConfig


@lru_cache(maxsize=1)
def spacy_config_model():
    """The pydantic model for AbbreviationAwareSpacyRecognizer entries: Presidio's predefined
    keys plus the abbreviation lists (which the generic model would drop)."""
    from pydantic import Field

    class AbbreviationAwareSpacyRecognizerConfig(_keeping_config()):
        abbreviations: Optional[List[str]] = Field(None, description="terms to drop (default: the shipped list)")
        extra_abbreviations: Optional[List[str]] = Field(None, description="terms added to the list")
        ner_strength: Optional[float] = Field(None, description="score of spaCy's entities")

    return AbbreviationAwareSpacyRecognizerConfig


def register_yaml_config() -> bool:
    """Register the config model with Presidio's YAML loader; True when registered.

    Called when ``presidio_gliner2.plugin.recognizer`` is imported, which also defines the class
    the loader looks up by name."""
    try:
        from presidio_analyzer.input_validation import yaml_recognizer_models
    except ImportError:  # an older presidio-analyzer: no pydantic validation, keys pass as they are
        return False
    registry = getattr(yaml_recognizer_models, "CONFIG_MODEL_MAP", None)
    if not isinstance(registry, dict):
        warnings.warn(
            "presidio-analyzer has no CONFIG_MODEL_MAP; GLiNER2Recognizer parameters in registry YAML may be "
            "dropped by Presidio. Construct GLiNER2Recognizer in Python, or pin presidio-analyzer 2.2.366.",
            RuntimeWarning, stacklevel=2,
        )
        return False
    registry[CLASS_NAME] = config_model()
    registry[SPACY_CLASS_NAME] = spacy_config_model()
    return True
