"""Registry YAML: every GLiNER2Recognizer parameter reaches the constructor through Presidio's own
RecognizerRegistryProvider and AnalyzerEngineProvider (Presidio drops unknown keys otherwise)."""

from __future__ import annotations

import inspect

import pytest
import yaml
from presidio_analyzer import AnalyzerEngine, AnalyzerEngineProvider
from presidio_analyzer.input_validation import yaml_recognizer_models
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

import presidio_gliner2.plugin  # noqa: F401  (registers the config model)
from presidio_gliner2 import GLiNER2Recognizer


def _entry(model_dir, pack_path) -> dict:
    """A registry entry that sets every constructor parameter to a non-default value."""
    return {
        "name": "ClinicalG2",
        "class_name": "GLiNER2Recognizer",
        "type": "predefined",
        "model": str(model_dir),
        "entities": str(pack_path),
        "classifiers": {"urgency": {"labels": {"urgent": "needs action today", "routine": "can wait"},
                                    "multi_label": True, "threshold": 0.4}},
        "supported_language": "de",
        "supported_entities": ["PERSON", "US_SSN"],
        "threshold": 0.42,
        "device": "cpu",
        "backend": "torch-int8",
        "window_words": 100,
        "window_overlap": 10,
        "batch_size": 3,
        "label_descriptions": False,
        "on_error": "skip",
        "context": ["patient", "patientin"],
        "version": "9.9.9",
        "score_thresholds": {"default": 0.3},
    }


@pytest.fixture(scope="module")
def pack_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("packs") / "ward.yaml"
    path.write_text(yaml.safe_dump({
        "name": "ward",
        "entities": {"PERSON": [{"label": "person", "description": "a patient or clinician"}],
                     "US_SSN": "social security number", "PHONE_NUMBER": "phone number"},
        "classifiers": {"document_type": {"labels": ["clinical note", "email"]}},
    }))
    return path


def _check_every_parameter(rec: GLiNER2Recognizer, model_dir) -> None:
    assert isinstance(rec, GLiNER2Recognizer)
    assert rec.name == "ClinicalG2"
    assert rec.model_name == str(model_dir)
    assert rec.pack.name == "ward"
    assert list(rec.classifiers) == ["urgency"]
    assert rec.classifiers["urgency"].multi_label and rec.classifiers["urgency"].threshold == 0.4
    assert rec.supported_language == "de"
    assert rec.supported_entities == ["PERSON", "US_SSN"]
    assert rec.threshold == 0.42
    assert rec.device == "cpu"
    assert rec.backend == "torch-int8" and rec._model.backend == "torch-int8"
    assert (rec.window_words, rec.window_overlap) == (100, 10)
    assert rec.batch_size == 3 and rec.label_descriptions is False
    assert rec.on_error == "skip"
    assert rec.context == ["patient", "patientin"]
    assert rec.version == "9.9.9"
    assert rec.score_thresholds == {"default": 0.3}


def test_the_test_entry_covers_every_constructor_parameter(minilm_dir, pack_path):
    params = set(inspect.signature(GLiNER2Recognizer.__init__).parameters) - {"self"}
    keys = set(_entry(minilm_dir, pack_path)) - {"class_name", "type", "score_thresholds"}
    assert params <= keys, f"not covered by the YAML test: {sorted(params - keys)}"


def test_config_model_is_registered_on_import():
    assert "GLiNER2Recognizer" in yaml_recognizer_models.CONFIG_MODEL_MAP


def test_registry_provider_passes_every_parameter(minilm_dir, pack_path, tmp_path):
    conf = tmp_path / "registry.yaml"
    conf.write_text(yaml.safe_dump({"supported_languages": ["de"], "global_regex_flags": 26,
                                    "recognizers": [_entry(minilm_dir, pack_path)]}))
    registry = RecognizerRegistryProvider(conf_file=str(conf)).create_recognizer_registry()
    [rec] = [r for r in registry.recognizers if isinstance(r, GLiNER2Recognizer)]
    _check_every_parameter(rec, minilm_dir)


def test_analyzer_engine_provider_passes_every_parameter_and_runs(minilm_dir, pack_path, tmp_path):
    entry = _entry(minilm_dir, pack_path)
    conf = tmp_path / "analyzer.yaml"
    conf.write_text(yaml.safe_dump({
        "supported_languages": ["de"],
        "default_score_threshold": 0,
        "nlp_configuration": {"nlp_engine_name": "no_op", "models": [{"lang_code": "de", "model_name": "none"}]},
        "recognizer_registry": {"global_regex_flags": 26, "recognizers": [entry]},
    }))
    engine = AnalyzerEngineProvider(analyzer_engine_conf_file=str(conf)).create_engine()
    assert isinstance(engine, AnalyzerEngine)
    [rec] = [r for r in engine.registry.recognizers if isinstance(r, GLiNER2Recognizer)]
    _check_every_parameter(rec, minilm_dir)
    text = "Patientin Ana Silva, SSN 123-45-6789."
    results = engine.analyze(text, language="de")
    for result in results:
        assert result.entity_type in {"PERSON", "US_SSN"}
        assert 0 <= result.start < result.end <= len(text)


def test_two_instances_of_the_class_with_different_names(minilm_dir, tmp_path):
    conf = tmp_path / "registry.yaml"
    conf.write_text(yaml.safe_dump({"supported_languages": ["en"], "global_regex_flags": 26, "recognizers": [
        {"name": "G2Health", "class_name": "GLiNER2Recognizer", "model": str(minilm_dir), "entities": "healthcare",
         "device": "cpu"},
        {"name": "G2Finance", "class_name": "GLiNER2Recognizer", "model": str(minilm_dir), "entities": "finance",
         "classifiers": False, "device": "cpu"},
    ]}))
    registry = RecognizerRegistryProvider(conf_file=str(conf)).create_recognizer_registry()
    health, finance = [r for r in registry.recognizers if isinstance(r, GLiNER2Recognizer)]
    assert (health.name, health.pack.name, finance.name, finance.pack.name) == \
        ("G2Health", "healthcare", "G2Finance", "finance")
    assert finance.classifiers == {} and health.classifiers
    assert health._model is finance._model


def test_a_misspelled_key_fails_by_name_instead_of_vanishing(minilm_dir, tmp_path):
    conf = tmp_path / "registry.yaml"
    conf.write_text(yaml.safe_dump({"supported_languages": ["en"], "global_regex_flags": 26, "recognizers": [
        {"name": "GLiNER2Recognizer", "model": str(minilm_dir), "entites": "finance", "device": "cpu"}]}))
    with pytest.raises(TypeError, match="entites"):
        RecognizerRegistryProvider(conf_file=str(conf)).create_recognizer_registry()
