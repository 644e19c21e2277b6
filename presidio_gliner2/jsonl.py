"""JSON Lines, read the same way by the training data and the redaction of .jsonl files.

Lines end at "\\n" only: ``str.splitlines()`` would also split at U+2028, U+2029, U+0085 and other
separators, which JSON allows unescaped inside strings, and so break valid records apart.
Errors name the place (file and line, column), never the content.
"""

from __future__ import annotations

import json
from typing import Any


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, each keeping its "\\n" (the last may have none)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def loads_line(line: str, where: str, error: type[Exception] = ValueError) -> Any:
    """The JSON value of one line; ``error`` (a ValueError by default) naming ``where`` otherwise."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise error(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
