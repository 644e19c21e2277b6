"""Shared test helpers: a recursive output comparator and span walkers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterator, Optional

CONFIDENCE_TOL = 1e-4
_SENTENCE_END = (".", "!", "?")


def _short(value: Any, limit: int = 400) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def first_difference(ours: Any, ref: Any, tol: float = CONFIDENCE_TOL, path: str = "$") -> Optional[str]:
    """Where ``ours`` first differs from ``ref`` (None if equal).

    Mappings must have the same keys in the same order, sequences the same type (a relation
    tuple is not a list) and length, floats agree within ``tol``, everything else exactly.
    """
    if isinstance(ref, Mapping):
        if not isinstance(ours, Mapping):
            return f"{path}: ours is {type(ours).__name__} {_short(ours)}, ref is a mapping {_short(ref)}"
        if list(ours) != list(ref):
            return f"{path}: keys differ: ours {list(ours)} vs ref {list(ref)}"
        for key in ref:
            diff = first_difference(ours[key], ref[key], tol, f"{path}[{key!r}]")
            if diff:
                return diff
        return None
    if isinstance(ref, (list, tuple)):
        if type(ours) is not type(ref):
            return f"{path}: ours is {type(ours).__name__} {_short(ours)}, ref is {type(ref).__name__} {_short(ref)}"
        if len(ours) != len(ref):
            return f"{path}: length {len(ours)} vs ref {len(ref)}:\n  ours {_short(ours, 1500)}\n  ref  {_short(ref, 1500)}"
        for index, (a, b) in enumerate(zip(ours, ref)):
            diff = first_difference(a, b, tol, f"{path}[{index}]")
            if diff:
                tie = _near_tie_permutation(ours, ref, tol) or _adjacent_swap(ours, ref, tol)
                return None if tie else diff
        return None
    if isinstance(ref, float):
        if type(ours) is not float:
            return f"{path}: ours is {type(ours).__name__} {_short(ours)}, ref is float {ref!r}"
        if abs(ours - ref) > tol:
            return f"{path}: {ours!r} vs ref {ref!r} (|diff| {abs(ours - ref):.2e} > {tol:g})"
        return None
    if type(ours) is not type(ref) or ours != ref:
        return f"{path}: {type(ours).__name__} {_short(ours)} vs ref {type(ref).__name__} {_short(ref)}"
    return None


def _near_tie_permutation(ours, ref, tol: float) -> bool:
    """True if ``ours`` is ``ref`` reordered only among items whose confidences tie within tol.

    Lists ranked by confidence (the overlap policies, greedy decoding) can swap two items whose
    scores differ by float noise (~1e-7), which is no behavioural difference.
    """
    if not all(isinstance(x, Mapping) and isinstance(x.get("confidence"), float) for x in [*ours, *ref]):
        return False
    if any(b["confidence"] > a["confidence"] + tol for a, b in zip(ref, ref[1:])):
        return False  # not a confidence-ranked list (e.g. choices in declared order)

    def key(item):
        return repr({k: v for k, v in item.items() if k != "confidence"})

    remaining = {}
    for item in ref:
        remaining.setdefault(key(item), []).append(item)
    matched = []
    for item in ours:
        candidates = remaining.get(key(item))
        if not candidates:
            return False
        match = candidates.pop(0)
        if first_difference(item, match, tol):
            return False
        matched.append(match["confidence"])
    lowest = float("inf")
    for confidence in matched:  # ref confidences, in our order: non-increasing up to ties
        if confidence > lowest + 2 * tol:
            return False
        lowest = min(lowest, confidence)
    return True


def _adjacent_swap(ours, ref, tol: float) -> bool:
    """True if ``ours`` is ``ref`` with one pair of neighbours swapped.

    Without confidences in the output, a tie in the hidden ranking can only show as this.
    """
    wrong = [i for i, (a, b) in enumerate(zip(ours, ref)) if first_difference(a, b, tol)]
    if len(wrong) != 2 or wrong[1] != wrong[0] + 1:
        return False
    i, j = wrong
    return not first_difference(ours[i], ref[j], tol) and not first_difference(ours[j], ref[i], tol)


def assert_same(ours: Any, ref: Any, context: str = "", tol: float = CONFIDENCE_TOL) -> None:
    diff = first_difference(ours, ref, tol)
    if diff:
        raise AssertionError(f"{context}\nfirst difference at {diff}" if context else diff)


# -- spans ---------------------------------------------------------------------------------

def iter_spans(result: Any) -> Iterator[dict]:
    """Every formatted span item with offsets ({"text", "start", "end", ...}) in a result."""
    if isinstance(result, Mapping):
        if "start" in result and "end" in result and "text" in result:
            yield result
            return
        for value in result.values():
            yield from iter_spans(value)
    elif isinstance(result, (list, tuple)):
        for value in result:
            yield from iter_spans(value)


def iter_texts(result: Any) -> Iterator[str]:
    """Every reported span text (plain strings and the "text" of span items); not labels."""
    if isinstance(result, Mapping):
        if "text" in result:
            yield result["text"]
            return
        for key, value in result.items():
            if key in ("label", "confidence"):
                continue
            yield from iter_texts(value)
    elif isinstance(result, (list, tuple)):
        for value in result:
            yield from iter_texts(value)
    elif isinstance(result, str):
        yield result


# -- the appended-period difference --------------------------------------------------------

_REMOVED = object()


def clip_reference(result: Any, text: str) -> Any:
    """The reference result as our engine reports it for a text without final punctuation.

    Both run the model on ``text + "."``. The reference reports spans that reach into that
    appended period (``end == len(text) + 1``, text ending in "."); we clip them to the caller's
    text, without the whitespace that preceded the period, and drop those left empty (see ``test_parity.test_spans_never_reach_past_the_text``).
    Items without offsets are recognised by not occurring in ``text``. Lists are deduplicated
    again afterwards, with the reference's keys, since clipping can create duplicates.
    """
    if not text or text.endswith(_SENTENCE_END):
        return result
    limit = len(text)

    def clip_text(value: str):
        if value in text or not value.endswith("."):
            return value
        value = value[:-1].rstrip()
        return value if value.strip() else _REMOVED

    def walk(value: Any, in_list: bool = False):
        if isinstance(value, Mapping):
            if "text" in value and "label" not in value:  # a span item
                item = dict(value)
                if "start" in item and "end" in item:
                    if item["end"] > limit:
                        item["text"] = text[item["start"]:limit].rstrip()
                        item["end"] = item["start"] + len(item["text"])
                        if not item["text"].strip():
                            return _REMOVED
                else:
                    clipped = clip_text(item["text"])
                    if clipped is _REMOVED:
                        return _REMOVED
                    item["text"] = clipped
                return item
            if set(value) == {"head", "tail"}:
                head, tail = walk(value["head"]), walk(value["tail"])
                if head is _REMOVED or tail is _REMOVED or head is None or tail is None:
                    return _REMOVED
                return {"head": head, "tail": tail}
            out = type(value)()
            had_content = False
            for key, item in value.items():
                new = walk(item)
                had_content |= item not in (None, [], {})
                out[key] = None if new is _REMOVED else new
            if in_list and had_content and all(v in (None, [], {}) for v in out.values()):
                return _REMOVED  # a structure instance left with no field
            return out
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
            head, tail = clip_text(value[0]), clip_text(value[1])
            return _REMOVED if _REMOVED in (head, tail) else (head, tail)
        if isinstance(value, list):
            items = [walk(v, in_list=True) for v in value]
            return _dedupe([v for v in items if v is not _REMOVED])
        if isinstance(value, str):
            return clip_text(value)
        return value

    return walk(result)


def strip_offsets(result: Any, include_confidence: bool) -> Any:
    """A result computed with ``include_spans=True`` as the reference formats it without.

    Span items lose "start"/"end" (and become plain strings without confidence), described
    relation pairs become ``(head, tail)`` tuples, and lists are deduplicated by lower-cased text
    as the reference does when offsets are not shown.
    """
    if isinstance(result, Mapping):
        if "text" in result and "start" in result and "end" in result:
            if include_confidence:
                return {"text": result["text"], "confidence": result["confidence"]}
            return result["text"]
        if set(result) == {"head", "tail"}:
            head, tail = strip_offsets(result["head"], include_confidence), strip_offsets(result["tail"], include_confidence)
            return {"head": head, "tail": tail} if include_confidence else (head, tail)
        out = type(result)()
        for key, value in result.items():
            out[key] = strip_offsets(value, include_confidence)
        return out
    if isinstance(result, list):
        return _dedupe([strip_offsets(v, include_confidence) for v in result])
    return result


def _dedupe(items: list) -> list:
    seen, out = set(), []
    for item in items:
        if isinstance(item, str):
            key = item.lower()
        elif isinstance(item, Mapping) and "text" in item and "label" not in item:
            key = (item["text"].lower(), item.get("start"), item.get("end"))
        else:
            out.append(item)
            continue
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# -- the described-relation key difference ------------------------------------------------

def fix_reference_relation_keys(result: Any, descriptions: dict) -> Any:
    """The reference result with described relations reported under their plain names.

    The reference (2.1.0) keys a relation that has a description as ``"name: description"``
    (its prompt string), also lists ``"name": []``, and leaks an empty described relation to
    the top level. We report each relation once, under its name, in the requested order
    (see ``test_parity.test_described_relations_keep_their_names``).
    """
    if not descriptions or not isinstance(result, Mapping):
        return result
    prompts = {f"{name}: {desc}": name for name, desc in descriptions.items() if desc}
    out = type(result)()
    for key, value in result.items():
        if key in prompts:
            continue  # leaked to the top level (empty list)
        if key == "relation_extraction":
            value = {
                name: value.get(next((p for p, n in prompts.items() if n == name), name), value.get(name, []))
                for name in descriptions
            }
        out[key] = value
    return out
