"""No input text and no detected value may reach a log record, at any level, from any logger
(ours, Presidio's, spaCy's, transformers'), through a whole analyze / redact / CLI run."""

from __future__ import annotations

import json
import logging

import pytest

from presidio_gliner2 import Redactor
from presidio_gliner2.cli import main
from tests.support.redaction import gliner2_analyzer

SECRETS = ["Quintessa Marlowe-Vance", "qmv.private@example.org", "617-555-0142", "4539 1488 0343 6467",
           "536-22-8714", "GB82 WEST 1234 5698 7654 32"]
# Non-PII words of the text too: nothing of the document may be logged, not just the PII.
MARKERS = ["zebrafinch", "quartzlamp"]
TEXT = (f"zebrafinch note: {SECRETS[0]} ({SECRETS[1]}, {SECRETS[2]}) paid with {SECRETS[3]}; "
        f"SSN {SECRETS[4]}, IBAN {SECRETS[5]}. quartzlamp.")


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record):
        self.records.append(record)

    def texts(self) -> list[str]:
        return [self.format(r) for r in self.records]  # includes any traceback text


@pytest.fixture()
def every_logger_at_debug():
    """Route every logger, existing or created during the test, to one DEBUG handler."""
    capture = _Capture()
    saved = []
    root = logging.getLogger()
    saved.append((root, root.level, root.propagate))
    root.setLevel(logging.DEBUG)
    root.addHandler(capture)
    original_get_logger = logging.Logger.manager.getLogger

    def prepare(logger):
        if isinstance(logger, logging.Logger) and capture not in logger.handlers:
            saved.append((logger, logger.level, logger.propagate))
            logger.setLevel(logging.DEBUG)
            logger.disabled = False
            if not logger.propagate:
                logger.addHandler(capture)

    for logger in list(logging.Logger.manager.loggerDict.values()):
        prepare(logger)

    def get_logger(name):
        logger = original_get_logger(name)
        prepare(logger)
        return logger

    logging.Logger.manager.getLogger = get_logger
    try:
        yield capture
    finally:
        logging.Logger.manager.getLogger = original_get_logger
        root.removeHandler(capture)
        for logger, level, propagate in saved:
            logger.setLevel(level)
            logger.propagate = propagate
            if capture in logger.handlers:
                logger.removeHandler(capture)


def test_no_text_or_value_in_debug_logs(minilm_dir, tmp_path, capsys, every_logger_at_debug):
    analyzer = gliner2_analyzer(minilm_dir, "finance")
    redactor = Redactor(analyzer=analyzer, pseudonyms=True)
    redactor.analyze(TEXT, return_decision_process=True)
    redactor.redact(TEXT)
    Redactor(analyzer=analyzer, reversible=True).redact_batch([TEXT, TEXT.upper()])
    # A failing call must not leak either (Presidio raises on a bad salt deep in the anonymizer).
    with pytest.raises(Exception):
        Redactor(analyzer=analyzer, operators={"DEFAULT": {"type": "hash", "salt": "short"}}).redact(TEXT)

    source = tmp_path / "doc.jsonl"
    source.write_text(json.dumps({"text": TEXT}) + "\n")
    assert main(["redact", str(source), "--config", "finance", "--model", str(minilm_dir), "--no-progress"]) == 0
    assert main(["analyze", TEXT, "--config", "finance", "--model", str(minilm_dir), "--explain"]) == 0
    capsys.readouterr()

    logged = every_logger_at_debug.texts()
    # The capture works: Presidio's anonymizer logs each operation at DEBUG.
    assert any(r.name == "presidio-anonymizer" and r.levelno == logging.DEBUG
               for r in every_logger_at_debug.records)
    leaks = [(needle, line[:80]) for line in logged for needle in SECRETS + MARKERS if needle in line]
    assert leaks == [], f"{len(leaks)} log record(s) contain input text"
    # Neither may the report (values) -- it only names positions and types.
    report = (tmp_path / "redaction-report.json").read_text()
    assert not any(needle in report for needle in SECRETS + MARKERS)


def test_presidio_text_bearing_records_are_rewritten(every_logger_at_debug):
    presidio = logging.getLogger("presidio-analyzer")
    presidio.debug("Context list is: %s", "zebrafinch quartzlamp")
    presidio.debug("Found context keyword '%s'", "zebrafinch")
    presidio.error("Failed to validate text %s", SECRETS[5])
    presidio.debug("unrelated %s", "kept")
    lines = every_logger_at_debug.texts()
    assert not [line for line in lines for needle in SECRETS + MARKERS if needle in line]
    assert "presidio-analyzer DEBUG unrelated kept" in lines
    assert "presidio-analyzer ERROR Failed to validate a candidate (value withheld)" in lines
