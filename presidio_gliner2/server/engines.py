"""The engines one server process holds: analyzers per deployment config, the anonymizers.

The main analyzer is built when the app is created (so a worker only listens once its model is
loaded); the other configs the playground and /redact may switch to are built on first use and
kept. The model itself is loaded once per process and shared (GLiNER2Recognizer's cache), so a
second config costs its NLP pipeline and Presidio recognizers, not a second model.
"""

from __future__ import annotations

import logging
import threading
from typing import Optional

from presidio_analyzer import AnalyzerEngine, AnalyzerEngineProvider
from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

from presidio_gliner2.server.errors import ApiError
from presidio_gliner2.server.settings import Settings

logger = logging.getLogger("presidio_gliner2.server")

PRESIDIO_FILES = "custom"  # the name the main analyzer goes by when Presidio's env files built it


class Engines:
    def __init__(self, settings: Settings):
        import presidio_gliner2.plugin  # noqa: F401 - registers GLiNER2Recognizer with Presidio's YAML loader

        self.settings = settings
        self.anonymizer = AnonymizerEngine()
        self.deanonymizer = DeanonymizeEngine()
        self._lock = threading.Lock()
        self._analyzers: dict[str, AnalyzerEngine] = {}
        if settings.uses_presidio_files:
            if settings.model:
                logger.warning("PRESIDIO_GLINER2_MODEL is ignored: with Presidio's configuration files the "
                               "recognizer registry names the model")
            self.default_config = PRESIDIO_FILES
            self._analyzers[PRESIDIO_FILES] = self._shared(self._from_presidio_files())
        else:
            self.default_config = settings.config
            self._analyzers[settings.config] = self._shared(self._from_config(settings.config))

    @property
    def analyzer(self) -> AnalyzerEngine:
        return self._analyzers[self.default_config]

    @property
    def config_names(self) -> list[str]:
        names = [self.default_config]
        if not self.settings.uses_presidio_files:
            names += [c for c in self.settings.extra_configs if c not in names]
        return names

    def analyzer_for(self, config: Optional[str]) -> AnalyzerEngine:
        """The analyzer of a config the server offers; builds it on first use (call off the loop)."""
        name = config or self.default_config
        if name not in self.config_names:
            raise ApiError(400, f"Unknown config {name!r}; this server offers: {', '.join(self.config_names)}")
        with self._lock:
            if name not in self._analyzers:
                self._analyzers[name] = self._shared(self._from_config(name))
            return self._analyzers[name]

    def is_loaded(self, config: str) -> bool:
        return config in self._analyzers

    def _shared(self, analyzer: AnalyzerEngine) -> AnalyzerEngine:
        """Concurrent requests share model passes (micro-batching; settings.py)."""
        from presidio_gliner2.redaction.analysis import gliner2_recognizers

        for recognizer in gliner2_recognizers(analyzer):
            recognizer.share_passes(self.settings.micro_batch_wait_ms, self.settings.micro_batch_max_texts)
        return analyzer

    def _from_presidio_files(self) -> AnalyzerEngine:
        s = self.settings
        logger.info("building the analyzer from Presidio's configuration files")
        return AnalyzerEngineProvider(
            analyzer_engine_conf_file=s.analyzer_conf_file,
            nlp_engine_conf_file=s.nlp_conf_file,
            recognizer_registry_conf_file=s.recognizer_registry_conf_file,
        ).create_engine()

    def _from_config(self, name: str) -> AnalyzerEngine:
        from presidio_gliner2.redaction import analyzers as configs

        logger.info("building the analyzer for config %s", name)
        return configs.build_analyzer(name, model=self.settings.model)
