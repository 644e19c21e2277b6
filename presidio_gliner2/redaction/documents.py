"""Documents in files: read .txt, .jsonl and .csv, redact every document in them, write them back.

.txt: the whole file is one document. .jsonl: one JSON object per line, one string field redacted.
.csv: chosen columns, every cell its own document. Outputs go to a temporary file in the target's
directory and are renamed into place only when the whole file succeeded: complete or absent.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

from presidio_gliner2.jsonl import loads_line, split_lines

FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".csv": "csv"}  # file suffix -> format


def redact_file(redactor, source: Path, target: Path, fmt: str, *, text_field: str = "text",
                columns: Optional[list[str]] = None, progress: bool = False) -> list[dict]:
    """Redact ``source`` (a ``FORMATS`` value) into ``target``, written whole or not at all.

    Returns one report record per document (where it is, findings, replacements, classes; no
    values). Raises ``ValueError`` for a file that cannot be read as its format; nothing is written.
    """
    text = read_text(source)
    if fmt == "txt":
        results = redactor.redact_batch([text], progress=progress)
        output = results[0].text
        records = [_record({"record": 0}, results[0])]
    elif fmt == "jsonl":
        output, records = _redact_jsonl(redactor, text, text_field, progress)
    elif fmt == "csv":
        output, records = _redact_csv(redactor, text, columns, progress)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS.values())}")
    write_atomic(target, output)
    return records


def _redact_jsonl(redactor, text: str, text_field: str, progress: bool) -> tuple[str, list[dict]]:
    lines = split_lines(text)
    parsed, documents = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            parsed.append(None)
            continue
        record = loads_line(line, f"line {number}")
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            raise ValueError(f"line {number}: no string field {text_field!r}")
        _check_unicode(record, number)
        parsed.append(record)
        documents.append(record[text_field])
    results = iter(redactor.redact_batch(documents, progress=progress))
    out, records = [], []
    for number, (line, record) in enumerate(zip(lines, parsed), start=1):
        if record is None:
            out.append(line)
            continue
        result = next(results)
        record[text_field] = result.text
        ending = "\n" if line.endswith("\n") else ""
        out.append(json.dumps(record, ensure_ascii=False) + ending)
        records.append(_record({"line": number, "field": text_field}, result))
    return "".join(out), records


def _check_unicode(record: dict, number: int) -> None:
    """JSON may escape a lone surrogate ("\\ud800"): not text (the tokenizer fails on it, no UTF-8
    file can hold it). Refused before any redaction, by line, never quoting the record."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"line {number}: not valid Unicode text (an escaped lone surrogate such as \\ud800)") from None


def _redact_csv(redactor, text: str, columns: Optional[list[str]], progress: bool) -> tuple[str, list[dict]]:
    rows = _csv_rows(text)
    if not rows:
        return text, []
    header, body = rows[0], rows[1:]
    if not any(name.strip() for name in header):
        raise ValueError("the first line (the header) is empty; remove the blank line or add column names")
    if columns:
        missing = [c for c in columns if c not in header]
        if missing:
            raise ValueError(f"no column(s) {missing} (the header has {len(header)} columns)")
        # Every column of a wanted name: a header may repeat one.
        indexes = [i for i, name in enumerate(header) if name in columns]
        ragged = next((r for r, row in enumerate(body) if len(row) > len(header)), None)
        if ragged is not None:
            raise ValueError(f"row {ragged + 1} has {len(body[ragged])} cells but the header names {len(header)}: "
                             "its extra cells belong to no column; fix the file or redact every column "
                             "(leave out --columns)")
        cells = [(r, i) for r, row in enumerate(body) for i in indexes if i < len(row)]
    else:
        cells = [(r, i) for r, row in enumerate(body) for i in range(len(row))]  # extra cells too
    results = redactor.redact_batch([body[r][i] for r, i in cells], progress=progress)
    records = []
    for (r, i), result in zip(cells, results):
        body[r][i] = result.text
        records.append(_record({"row": r + 1, "column": header[i] if i < len(header) else None, "cell": i},
                               result))
    return _csv_text([header] + body), records


def _csv_text(rows: list[list[str]]) -> str:
    """Rows as CSV with "\n" line ends. The csv writer quotes only fields holding a character of
    its line terminator, so a lone "\r" in a cell would go out bare and split the row when read
    back; rows that hold one are written fully quoted (quoting is per field, so mixing is valid)."""
    buffer = io.StringIO(newline="")
    plain = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        (quoted if any("\r" in cell for cell in row) else plain).writerow(row)
    return buffer.getvalue()


def _csv_rows(text: str) -> list[list[str]]:
    """Every row, or ValueError: strict parsing, so an unbalanced quote fails instead of swallowing
    the rest of the file into one field; no field size limit (long notes are documents too)."""
    csv.field_size_limit(sys.maxsize)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ValueError(f"not valid CSV: {exc}") from None


def _record(where: dict, result) -> dict:
    # "replacements": positions in the redacted text (what Redactor.decrypt needs after --operator encrypt).
    return {**where, "findings": result.findings, "replacements": result.items,
            "document_classes": result.document_classes, "policy_class": result.policy_class}


def read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text") from None


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file in the same directory, then rename: complete or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600; the output follows the umask like any file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask
