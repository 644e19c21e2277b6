"""Keep document text out of Presidio's logs.

Presidio 2.2.366 logs words of the analyzed text in three places: the context enhancer's
"Context list is: ..." and "Found context keyword ..." (DEBUG) and the IBAN recognizer's
"Failed to validate text ..." (ERROR, with the candidate value). A filter on Presidio's logger
rewrites exactly those records, keeping the event but not the words, so running a deployment at
DEBUG never writes PII to its logs. Installed when ``presidio_gliner2.plugin.recognizer`` is imported.
"""

from __future__ import annotations

import logging

PRESIDIO_LOGGER = "presidio-analyzer"

# Presidio's message template -> the same event without the text it would carry.
_WITHHELD = {
    "Context list is: %s": "Context list is: (words withheld)",
    "Found context keyword '%s'": "Found a context keyword (withheld)",
    "Failed to validate text %s": "Failed to validate a candidate (value withheld)",
}


class WithholdTextFilter(logging.Filter):
    """Rewrites Presidio's text-bearing log records; lets every other record through unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        replacement = _WITHHELD.get(record.msg) if isinstance(record.msg, str) else None
        if replacement is not None:
            record.msg, record.args = replacement, ()
        return True


_FILTER = WithholdTextFilter()


def install() -> None:
    """Attach the filter to Presidio's analyzer logger (idempotent)."""
    logger = logging.getLogger(PRESIDIO_LOGGER)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
