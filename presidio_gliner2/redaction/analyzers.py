"""Analyzer engines from deployment configs (``config/*.yaml``, shipped in the wheel, or your own file).

``config_path("healthcare")`` finds a shipped file (or checks a path you give);
``build_analyzer("healthcare")`` builds the ``AnalyzerEngine`` once per (file, model) per process.

An engine from ``build_analyzer`` applies the checksum overlap rule (``overlaps.py``) to every
``analyze`` call; one built directly with ``AnalyzerEngineProvider`` from the same file gives
Presidio's plain behaviour.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Optional, Union

import yaml

import presidio_gliner2.resources as resources
from presidio_gliner2.engine.backends import check_backend
from presidio_gliner2.plugin.offline import use_offline_public_suffix_list
from presidio_gliner2.plugin.recognizer import GLiNER2Recognizer  # noqa: F401  (registers it for the YAML loader)

CONFIG_DIR = resources.shipped_dir("config")
_NLP_RECOGNIZER_WARNING = r"NLP recognizer .* is not in the list of recognizers"
# Presidio logs these for every slim-engine config with the spaCy NER recognizer disabled, which
# is exactly what ours are; they would read as a misconfiguration in a deployment's logs.
_EXPECTED_LOG_WARNINGS = ("is not in the list of recognizers", "nlp engine should be either")


def _drop_expected_warnings(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return not any(part in message for part in _EXPECTED_LOG_WARNINGS)

_engines: dict = {}
_engines_lock = threading.Lock()


def config_names() -> list[str]:
    """Names of the shipped deployment configs (``general``, ``healthcare``, ``finance``)."""
    return resources.names("config")


def config_path(name_or_path: Union[str, os.PathLike]) -> Path:
    """The file of a shipped config name, or ``name_or_path`` itself if it is an existing file."""
    return resources.resolve("config", name_or_path)


def build_analyzer(name_or_path: Union[str, os.PathLike] = "general", *, model: Optional[str] = None,
                   backend: Optional[str] = None):
    """An ``AnalyzerEngine`` from a deployment config, cached per (file, model, backend) per process.

    ``model`` overrides the ``model`` of every GLiNER2Recognizer entry (a checkpoint directory, a hub
    id or ``default``), ``backend`` its ``backend`` (``torch``, ``torch-int8``, ``onnx``, ``onnx-int8``;
    None: the entry's own, else ``$PRESIDIO_GLINER2_BACKEND``, else torch). The engine applies the
    checksum overlap rule on every ``analyze`` call.
    """
    path = config_path(name_or_path)
    backend = None if backend is None else check_backend(backend)
    key = (str(path), os.path.getmtime(path), model, backend)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _create(path, model, backend)
            _engines[key] = engine
    return engine


# Presidio's NLP recognizers: when a config names none for a language, Presidio adds one whose
# entities come from the NLP engine, which only loading the engine reveals.
_NLP_RECOGNIZERS = ("SpacyRecognizer", "StanzaRecognizer", "TransformersRecognizer")


def supported_entities(name_or_path: Union[str, os.PathLike], language: str = "en") -> Optional[set[str]]:
    """The entity types ``build_analyzer(name_or_path)`` supports in ``language``, read from the
    config without loading the GLiNER2 model or the NLP engine (the CLI checks ``--entities``
    before either loads): Presidio's registry loader builds every other recognizer (cheap), the
    GLiNER2 entries contribute their packs' entities.

    None when the file cannot tell: it names no NLP recognizer, so the NLP engine would add one.
    Raises ValueError (or FileNotFoundError) for a config that cannot be read or its packs.
    """
    from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

    from presidio_gliner2.plugin.packs import load_pack

    conf = _read(config_path(name_or_path))
    registry = dict(conf["recognizer_registry"] or {})
    entries = registry.get("recognizers") or []
    if not any(_names(entry) & set(_NLP_RECOGNIZERS) for entry in entries):
        return None
    languages = conf.get("supported_languages") or registry.get("supported_languages") or ["en"]
    ours = [entry for entry in entries if "GLiNER2Recognizer" in _names(entry)]
    others = RecognizerRegistryProvider(registry_configuration={
        **registry, "supported_languages": languages, "recognizers": [e for e in entries if e not in ours]},
    ).create_recognizer_registry()
    try:
        entities = set(others.get_supported_entities([language]))
    except ValueError:  # Presidio: no recognizer serves the language
        entities = set()
    for entry in ours:
        entry = entry if isinstance(entry, dict) else {}
        if entry.get("enabled", True) is False or language not in _entry_languages(entry, languages):
            continue
        pack = load_pack(entry.get("entities", "general"))
        if entry.get("supported_entities") is not None:
            pack = pack.subset(entry["supported_entities"])
        entities.update(pack.entity_names)
    return entities


def _names(entry) -> set:
    """A registry entry's names: a bare string, or a mapping's name and class_name."""
    return {entry} if isinstance(entry, str) else {entry.get("name"), entry.get("class_name")} if isinstance(
        entry, dict) else set()


def _entry_languages(entry: dict, languages: list) -> list:
    # Presidio makes one instance per language: the entry's own, else the config's.
    if entry.get("supported_language"):
        return [entry["supported_language"]]
    return entry.get("supported_languages") or languages


def _create(path: Path, model: Optional[str], backend: Optional[str] = None):
    from presidio_analyzer import AnalyzerEngineProvider

    from presidio_gliner2.redaction.overlaps import OverlapRulesAnalyzerEngine

    use_offline_public_suffix_list()
    conf = _read(path)
    if model is not None or backend is not None:
        conf = _with_model(conf, model, backend)
    # AnalyzerEngineProvider reads only files, and silently falls back to Presidio's default config
    # (spaCy en_core_web_lg, a download) when a file is missing or unparsable; so we hand it a file
    # we have already parsed and checked.
    with tempfile.TemporaryDirectory() as tmp:
        checked = Path(tmp) / path.name
        checked.write_text(yaml.safe_dump(conf, sort_keys=False))
        presidio_logger = logging.getLogger("presidio-analyzer")
        presidio_logger.addFilter(_drop_expected_warnings)
        try:
            with warnings.catch_warnings():
                # The loader warns that the (deliberately disabled) spaCy NER recognizer is missing.
                warnings.filterwarnings("ignore", message=_NLP_RECOGNIZER_WARNING)
                engine = AnalyzerEngineProvider(analyzer_engine_conf_file=str(checked)).create_engine()
        finally:
            presidio_logger.removeFilter(_drop_expected_warnings)
    return OverlapRulesAnalyzerEngine.wrap(engine)


def _read(path: Path) -> dict:
    conf = resources.load_yaml(path, "analyzer config")
    if not isinstance(conf, dict):
        raise ValueError(f"analyzer config {path} must be a mapping at the top level")
    if "nlp_configuration" not in conf or "recognizer_registry" not in conf:
        # Without them Presidio would quietly load its defaults (spaCy en_core_web_lg, a download).
        raise ValueError(f"analyzer config {path} needs both 'nlp_configuration' and 'recognizer_registry'")
    return conf


def _with_model(conf: dict, model: Optional[str], backend: Optional[str] = None) -> dict:
    recognizers = conf["recognizer_registry"].get("recognizers") or []
    entries = [r for r in recognizers
               if isinstance(r, dict) and "GLiNER2Recognizer" in (r.get("class_name"), r.get("name"))]
    if not entries:
        raise ValueError(f"{'model=' if model is not None else 'backend='} was given but the config has no "
                         "GLiNER2Recognizer entry")
    for entry in entries:
        if model is not None:
            entry["model"] = str(model)
        if backend is not None:
            entry["backend"] = backend
    return conf
