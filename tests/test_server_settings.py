"""Service settings from the environment and the logging floor (no server needed)."""

from __future__ import annotations

import argparse
import logging

import pytest

from presidio_gliner2.server.serve import add_serve_parser, log_config
from presidio_gliner2.server.settings import Settings


def test_defaults_match_presidios_analyzer_image():
    settings = Settings.from_env({})
    assert (settings.port, settings.workers, settings.config, settings.host) == (3000, 1, "general", "127.0.0.1")
    assert not settings.uses_presidio_files


def test_presidio_variables_keep_their_meaning_and_empty_means_unset():
    settings = Settings.from_env({"PORT": "5002", "WORKERS": "2", "LOG_LEVEL": "debug",
                                  "ANALYZER_CONF_FILE": "/conf/a.yaml", "NLP_CONF_FILE": " ",
                                  "PRESIDIO_GLINER2_PACK": "finance", "PRESIDIO_GLINER2_CONFIGS": "finance"})
    assert (settings.port, settings.workers, settings.log_level) == (5002, 2, "DEBUG")
    assert settings.analyzer_conf_file == "/conf/a.yaml" and settings.nlp_conf_file is None
    assert settings.uses_presidio_files
    assert settings.config == "finance" and settings.extra_configs == ("finance",)


@pytest.mark.parametrize("name, value", [("PORT", "http"), ("WORKERS", "0"), ("REQUEST_TIMEOUT_S", "-1")])
def test_bad_numbers_name_the_variable(name, value):
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: value})


def test_flags_override_the_environment():
    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--port", "4000", "--config", "healthcare"])
    settings = Settings.from_env({"PORT": "5000"}).with_overrides(port=args.port, config=args.config, host=args.host)
    assert (settings.port, settings.config, settings.host) == (4000, "healthcare", "127.0.0.1")


def test_third_party_loggers_never_go_below_info():
    config = log_config("DEBUG")
    assert config["loggers"]["presidio_gliner2"]["level"] == "DEBUG"
    for name in ("presidio-analyzer", "presidio-anonymizer", "uvicorn"):
        assert logging.getLevelName(config["loggers"][name]["level"]) >= logging.INFO
    assert config["loggers"]["uvicorn.access"]["level"] == "WARNING"
    with pytest.raises(ValueError, match="LOG_LEVEL"):
        log_config("LOUD")
