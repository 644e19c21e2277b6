"""``presidio-gliner2 serve``: uvicorn running the app factory, configured like Presidio's image.

Flags override the environment (PORT, WORKERS, LOG_LEVEL, HOST, PRESIDIO_GLINER2_CONFIG,
PRESIDIO_GLINER2_MODEL, PRESIDIO_GLINER2_BACKEND) and are written back into it, so every worker
process builds the same app from ``Settings.from_env()``. The container image runs this command
with no flags.
"""

from __future__ import annotations

import argparse
import os

from presidio_gliner2.engine.backends import BACKENDS

BACKEND_ENV = "PRESIDIO_GLINER2_BACKEND"  # read by plugin.model_cache in every worker

APP_FACTORY = "presidio_gliner2.server:create_app"
# Third-party loggers stay at INFO or above whatever LOG_LEVEL says: at DEBUG, Presidio's context
# enhancer logs the words around each finding, i.e. pieces of the analyzed text.
THIRD_PARTY_FLOOR = "INFO"
DEFAULT_REGEX_TIMEOUT_S = 5


def add_serve_parser(commands) -> argparse.ArgumentParser:
    serve = commands.add_parser("serve", help="run the Presidio-compatible REST service and web playground")
    serve.add_argument("--host", help="interface to bind (env HOST; default 127.0.0.1, the image uses 0.0.0.0)")
    serve.add_argument("--port", type=int, help="port (env PORT; default 3000 like Presidio's analyzer)")
    serve.add_argument("--workers", type=int, help="worker processes, each with its own model (env WORKERS)")
    serve.add_argument("--config", help="deployment config: general, healthcare, finance or a YAML path "
                                        "(env PRESIDIO_GLINER2_CONFIG; Presidio's ANALYZER_CONF_FILE etc. win)")
    serve.add_argument("--model", help="model for every GLiNER2 recognizer (env PRESIDIO_GLINER2_MODEL)")
    serve.add_argument("--backend", choices=BACKENDS,
                       help="where the GLiNER2 encoder runs, for every recognizer whose config names none "
                            "(env PRESIDIO_GLINER2_BACKEND; default torch)")
    serve.add_argument("--log-level", help="env LOG_LEVEL (default INFO)")
    return serve


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from presidio_gliner2.server.settings import Settings

    settings = Settings.from_env().with_overrides(host=args.host, port=args.port, workers=args.workers,
                                                  config=args.config, model=args.model,
                                                  log_level=args.log_level and args.log_level.upper())
    # Presidio reads its regex timeout (60 s per pattern) when imported: a catastrophic ad-hoc pattern
    # would hold the model slot a minute per pattern and text. 5 s is far above what the shipped
    # patterns need on MAX_TEXT_CHARS; set REGEX_TIMEOUT_SECONDS to choose another.
    os.environ.setdefault("REGEX_TIMEOUT_SECONDS", str(DEFAULT_REGEX_TIMEOUT_S))
    for name, value in (("HOST", settings.host), ("PORT", settings.port), ("WORKERS", settings.workers),
                        ("LOG_LEVEL", settings.log_level), ("PRESIDIO_GLINER2_CONFIG", settings.config),
                        ("PRESIDIO_GLINER2_MODEL", settings.model), (BACKEND_ENV, args.backend)):
        if value is not None:
            os.environ[name] = str(value)
    uvicorn.run(APP_FACTORY, factory=True, host=settings.host, port=settings.port, workers=settings.workers,
                log_config=log_config(settings.log_level), access_log=False, server_header=False)
    return 0


def log_config(level: str) -> dict:
    floor = level if _severity(level) >= _severity(THIRD_PARTY_FLOOR) else THIRD_PARTY_FLOOR
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "root": {"handlers": ["stderr"], "level": floor},
        "loggers": {
            "presidio_gliner2": {"level": level},
            "uvicorn": {"level": floor},
            "uvicorn.access": {"level": "WARNING"},  # replaced by our access log (no query strings)
            "presidio-analyzer": {"level": floor},
            "presidio-anonymizer": {"level": floor},
        },
    }


def _severity(level: str) -> int:
    import logging

    value = logging.getLevelName(level)
    if not isinstance(value, int):
        raise ValueError(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {level!r}")
    return value
