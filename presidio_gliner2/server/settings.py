"""Service settings, read from the environment the way Presidio's analyzer image reads them.

Presidio's variables keep their meaning (``ANALYZER_CONF_FILE``, ``NLP_CONF_FILE``,
``RECOGNIZER_REGISTRY_CONF_FILE``, ``PORT``, ``WORKERS``, ``LOG_LEVEL``), so a deployment that
mounts Presidio YAML files works unchanged; ours are prefixed ``PRESIDIO_GLINER2_`` or named
after what they limit.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional

import presidio_gliner2.resources as resources

DEFAULT_PORT = 3000  # Presidio's analyzer image listens on 3000
DEFAULT_CONFIG = "general"
DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024
DEFAULT_REQUEST_TIMEOUT_S = 60.0
# Model work one request may ask for: a list of 2,000 tiny texts or a megabyte of emoji fit the
# body limit and would still hold the model for minutes. Over either limit: 413, nothing runs.
DEFAULT_MAX_TEXTS = 256
DEFAULT_MAX_TEXT_CHARS = 200_000


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; ``Settings.from_env()`` is what ``serve`` uses."""

    # Presidio's own deployment files; when any is set they win over ``config``.
    analyzer_conf_file: Optional[str] = None
    nlp_conf_file: Optional[str] = None
    recognizer_registry_conf_file: Optional[str] = None
    # Our deployment config: a bundled name (general, healthcare, finance) or a YAML path.
    config: str = DEFAULT_CONFIG
    # Replaces the model of every GLiNER2Recognizer in the configs ('default', a directory, a hub id).
    model: Optional[str] = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    workers: int = 1
    log_level: str = "INFO"
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_texts: int = DEFAULT_MAX_TEXTS  # texts per /analyze, /redact or /classify request
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS  # characters of all texts of one request together
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S
    # Requests worked on at once in one worker process (threads). Their model passes are shared:
    # calls arriving within ``micro_batch_wait_ms`` of each other go through one pass of up to
    # ``micro_batch_max_texts`` texts (0 ms: no sharing), and each answer is what it would have
    # been alone; passes on one model run one at a time.
    inference_slots: int = 8
    micro_batch_wait_ms: float = 5.0
    micro_batch_max_texts: int = 32
    # Configs the playground and /redact may switch to, besides ``config``: every shipped one.
    extra_configs: tuple = field(default_factory=lambda: tuple(resources.names("config")))

    @property
    def uses_presidio_files(self) -> bool:
        return bool(self.analyzer_conf_file or self.nlp_conf_file or self.recognizer_registry_conf_file)

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env

        def text(name: str, default: Optional[str] = None) -> Optional[str]:
            value = env.get(name, "").strip()
            return value or default

        def number(name: str, default, kind):
            value = text(name)
            if value is None:
                return default
            try:
                parsed = kind(value)
            except ValueError:
                raise ValueError(f"environment variable {name} must be a {kind.__name__}, got {value!r}") from None
            if not math.isfinite(parsed) or parsed <= 0:  # "nan" parses as a float, and compares false
                raise ValueError(f"environment variable {name} must be a positive number, got {value!r}")
            return parsed

        extra = text("PRESIDIO_GLINER2_CONFIGS")
        return cls(
            analyzer_conf_file=text("ANALYZER_CONF_FILE"),
            nlp_conf_file=text("NLP_CONF_FILE"),
            recognizer_registry_conf_file=text("RECOGNIZER_REGISTRY_CONF_FILE"),
            config=text("PRESIDIO_GLINER2_CONFIG") or text("PRESIDIO_GLINER2_PACK") or DEFAULT_CONFIG,
            model=text("PRESIDIO_GLINER2_MODEL"),
            host=text("HOST", "127.0.0.1"),
            port=number("PORT", DEFAULT_PORT, int),
            workers=number("WORKERS", 1, int),
            log_level=(text("LOG_LEVEL", "INFO")).upper(),
            max_body_bytes=number("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, int),
            max_texts=number("MAX_TEXTS", DEFAULT_MAX_TEXTS, int),
            max_text_chars=number("MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS, int),
            request_timeout_s=number("REQUEST_TIMEOUT_S", DEFAULT_REQUEST_TIMEOUT_S, float),
            inference_slots=number("INFERENCE_SLOTS", 8, int),
            micro_batch_wait_ms=_wait_ms(text("MICRO_BATCH_WAIT_MS")),
            micro_batch_max_texts=number("MICRO_BATCH_MAX_TEXTS", 32, int),
            extra_configs=tuple(c.strip() for c in extra.split(",") if c.strip()) if extra is not None
            else tuple(resources.names("config")),
        )


def _wait_ms(value: Optional[str]) -> float:
    """MICRO_BATCH_WAIT_MS: 0 (off) up to 1000 ms; anything else stops the server at start."""
    if value is None:
        return 5.0
    try:
        parsed = float(value)
    except ValueError:
        raise ValueError(f"environment variable MICRO_BATCH_WAIT_MS must be a number, got {value!r}") from None
    if not (math.isfinite(parsed) and 0 <= parsed <= 1000):
        raise ValueError(f"environment variable MICRO_BATCH_WAIT_MS must be between 0 and 1000, got {value!r}")
    return parsed
