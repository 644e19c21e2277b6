"""The operator catalogue, and operator specs for the Redactor.

``CATALOGUE`` is the one list of operators the faces offer: the CLI's ``--operator`` choices, the
REST service's checks and ``GET /configs``, and the playground's menu all read it. Adding an
operator means adding it here (and, for one of ours, to the Redactor's translation).

An operator spec is what you would give Presidio's anonymizer for one entity type, in any of
three spellings: an ``OperatorConfig``, Presidio's JSON form ``{"type": "mask", "masking_char":
"*", ...}``, or a bare name ``"redact"`` (a bare ``"mask"`` masks every character). Specs are
keyed by entity type, ``DEFAULT`` for the rest.

Ours, translated to Presidio ``custom`` operators per document by the Redactor:

* ``{"type": "pseudonym"}``: numbered placeholders, the same one for every mention of the same
  value within a document: ``<PERSON_1>``, ``<PERSON_2>``, ... (``pseudonyms.py``)
* ``{"type": "surrogate", "key": "...", "min_days": -365, "max_days": 365}``: a realistic fake of
  the same kind and shape, the same for every mention in a document and, with ``key`` (at least 16
  characters), in every document; dates are shifted as ``date_shift`` does (``surrogates/``).
* ``{"type": "date_shift", "key": "...", "min_days": -365, "max_days": 365}``: every date of the
  document moves by the same number of days in its own format; ages over 89 become ``90+``.
* ``{"type": "mask", "keep_last": 4, "masking_char": "*"}``: mask every letter and digit except the
  last ``keep_last`` ones and keep separators, whatever the value's length
  (``4111 1111 1111 1111`` -> ``**** **** **** 1111``). Presidio's own mask counts characters
  from one end, which cannot keep "the last 4" of values of different lengths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from presidio_anonymizer.entities import OperatorConfig

PSEUDONYM = "pseudonym"
SURROGATE = "surrogate"
DATE_SHIFT = "date_shift"
# Ours that keep state per document (numbering, consistent fakes, one date shift) and can report
# what each replacement stood for: the operators a reversible redaction may use.
DOCUMENT_OPERATORS = frozenset({PSEUDONYM, SURROGATE, DATE_SHIFT})


@dataclass(frozen=True)
class Operator:
    """One operator as the faces offer it."""

    name: str
    menu: str  # one line for menus and help: what the redacted value looks like
    implied: dict = field(default_factory=dict)  # parameters a bare name stands for
    required: tuple[str, ...] = ()  # parameters without which it cannot run (encrypt: key)
    needs_code: bool = False  # takes a Python callable: not from the command line or over HTTP


CATALOGUE: dict[str, Operator] = {op.name: op for op in (
    Operator("replace", "replace: <PERSON>"),
    Operator(PSEUDONYM, "pseudonym: <PERSON_1>"),
    Operator(SURROGATE, "surrogate: a realistic fake (Maria Reyes -> Elena Ortiz), dates shifted"),
    Operator(DATE_SHIFT, "date_shift: dates moved by the same days, same format; ages over 89 -> 90+"),
    # Presidio's mask needs a count; named alone it means "every character".
    Operator("mask", "mask: ********", {"masking_char": "*", "chars_to_mask": 10 ** 6, "from_end": False}),
    Operator("redact", "redact: remove"),
    Operator("hash", "hash: sha256"),
    Operator("encrypt", "encrypt: AES, reversible with the key", required=("key",)),
    Operator("keep", "keep: leave as is"),
    Operator("custom", "custom: a Python function", needs_code=True),
)}
OPERATOR_NAMES = tuple(CATALOGUE)
# Presidio anonymizers that send the text off this host (Azure Health Data Services surrogates):
# never offered by a service that promises the text stays on-prem.
REMOTE_OPERATORS = frozenset({"surrogate_ahds"})


def offered() -> list[Operator]:
    """The operators the CLI and the REST service offer by name (all but ``custom``, which takes code)."""
    return [op for op in CATALOGUE.values() if not op.needs_code]


def operator_spec(spec: Any, where: str = "operator") -> OperatorConfig:
    """One spec (OperatorConfig, JSON-style dict or name) as an OperatorConfig. Validates the name."""
    if isinstance(spec, OperatorConfig):
        config = OperatorConfig(spec.operator_name, dict(spec.params or {}))
    elif isinstance(spec, str):
        operator = CATALOGUE.get(spec)
        config = OperatorConfig(spec, dict(operator.implied) if operator else {})
    elif isinstance(spec, Mapping):
        params = dict(spec)
        name = params.pop("type", None)
        if not isinstance(name, str):
            raise ValueError(f"{where}: a dict operator needs a 'type' (one of {', '.join(OPERATOR_NAMES)})")
        config = OperatorConfig(name, params)
    else:
        raise TypeError(f"{where}: an operator is an OperatorConfig, a dict with 'type', or a name; "
                        f"got {type(spec).__name__}")
    if config.operator_name not in CATALOGUE:
        raise ValueError(f"{where}: unknown operator {config.operator_name!r}; "
                         f"use one of {', '.join(OPERATOR_NAMES)}")
    check_operator_params(config.operator_name, config.params, where)
    if "keep_last" in config.params:
        keep = config.params["keep_last"]
        if config.operator_name != "mask":
            raise ValueError(f"{where}: keep_last belongs to the mask operator")
        if not isinstance(keep, int) or isinstance(keep, bool) or keep < 0:
            raise ValueError(f"{where}: keep_last must be a non-negative integer")
    return config


def check_operator_params(name: str, params: Mapping[str, Any], where: str) -> None:
    """Parameters with which an operator would leave the value as it was: a ValueError, since every
    finding must be redacted (a mask of 0 characters, or of a negative count, masks nothing); and
    the surrogate operators' key and day range."""
    if name in (SURROGATE, DATE_SHIFT):
        from presidio_gliner2.redaction.surrogates.document import (DEFAULT_MAX_DAYS, DEFAULT_MIN_DAYS,
                                                                    check_shift_range)
        from presidio_gliner2.redaction.surrogates.draw import check_key

        unknown = sorted(set(params) - {"key", "min_days", "max_days"})
        if unknown:
            raise ValueError(f"{where}: {name} takes key, min_days and max_days, not {', '.join(unknown)}")
        key = params.get("key")
        if key is not None:
            if not isinstance(key, str):  # over HTTP or YAML a key is text; bytes would be a mistake
                raise ValueError(f"{where}: key must be a string, not {type(key).__name__}")
            check_key(key, f"{where}: key")
        check_shift_range(params.get("min_days", DEFAULT_MIN_DAYS), params.get("max_days", DEFAULT_MAX_DAYS), where)
    if name == "mask" and "keep_last" not in params:
        count = params.get("chars_to_mask")
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError(f"{where}: mask needs chars_to_mask, a positive integer (got {count!r}); "
                             "a mask of nothing leaves the value as it was")


def operator_map(specs: Optional[Mapping[str, Any]], where: str = "operators") -> dict[str, OperatorConfig]:
    """A mapping entity type -> spec, each spec as an OperatorConfig."""
    if specs is None:
        return {}
    if not isinstance(specs, Mapping):
        raise TypeError(f"{where} must map entity types (or DEFAULT) to operators, "
                        f"not {type(specs).__name__}")
    return {str(entity): operator_spec(spec, f"{where}[{entity}]") for entity, spec in specs.items()}


def mask_keep_last(value: str, keep_last: int, masking_char: str = "*") -> str:
    """Mask letters and digits except the last ``keep_last`` of them; separators stay."""
    if len(masking_char) != 1:
        raise ValueError("masking_char must be a single character")
    alnum_total = sum(ch.isalnum() for ch in value)
    to_mask = max(alnum_total - keep_last, 0)
    out = []
    for ch in value:
        if ch.isalnum() and to_mask > 0:
            out.append(masking_char)
            to_mask -= 1
        else:
            out.append(ch)
    return "".join(out)
