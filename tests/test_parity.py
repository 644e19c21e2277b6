"""Parity with the reference ``gliner2==2.1.0`` on random-head span checkpoints.

Every output here comes from the reference: same structure, same texts and offsets,
confidences within 1e-4 (items ranked by confidence may swap only where their scores tie
within float noise). Battery cases run on the four fixture checkpoints (MiniLM and tiny
DeBERTa, ``count_lstm`` and ``count_lstm_v2``; see ``_texts_and_skip`` for the time budget).

Where we differ on purpose, the expected value is the reference output passed through a
documented normaliser (``tests/support/helpers.py``), and a dedicated test below states the
difference:

* a text without final punctuation: both models see ``text + "."``; we clip spans to the text;
* relations with descriptions: we keep plain relation names (the reference leaks prompt strings);
* empty or whitespace-only text: we return empty results without running the model;
* long documents: we split them into overlapping word windows (the reference crashes on MiniLM).

The battery over the four checkpoints and the long MiniLM document are marked ``slow``
(``make test-fast`` skips them); the MiniLM and tiny-DeBERTa edge cases run in both.
"""

from __future__ import annotations

import bisect
import copy
import random
import re

import pytest

from tests.support import battery
from tests.support.battery import (
    CLASSIFICATION_TASKS,
    COMPOSED_RELATION_DESCRIPTIONS,
    ENTITY_SCHEMAS,
    RELATIONS,
    STRUCTURES,
    TEXTS,
    composed_schema,
)
from tests.support.helpers import (
    assert_same,
    clip_reference,
    first_difference,
    fix_reference_relation_keys,
    strip_offsets,
    iter_spans,
    iter_texts,
)

BATCH_SIZE = 5  # smaller than len(TEXTS): several batches, the last one partial
BOTH = {"include_confidence": True, "include_spans": True}
POLICIES = ["allow", "nested", "flat", "longest"]


def _relation_descriptions(spec) -> dict:
    if not isinstance(spec, dict):
        return {}
    return {name: (v.get("description") if isinstance(v, dict) else v) for name, v in spec.items()}


def run(model, kind: str, name, texts, kwargs, batch: bool = True):
    """Call the public API of ``model`` for one battery case; returns one result per text."""
    kwargs = dict(kwargs)
    if kind == "composed":
        schema = composed_schema(model)
    else:
        table = {"entities": ENTITY_SCHEMAS, "classify": CLASSIFICATION_TASKS, "json": STRUCTURES,
                 "relations": RELATIONS}[kind]
        schema = copy.deepcopy(table[name])
    method = {"entities": "extract_entities", "classify": "classify_text", "json": "extract_json",
              "relations": "extract_relations", "composed": "extract"}[kind]
    if batch:
        return getattr(model, "batch_" + method)(list(texts), schema, batch_size=BATCH_SIZE, **kwargs)
    return [getattr(model, method)(text, schema, **kwargs) for text in texts]


def expected(ref_result, text: str, kind: str, name):
    """The reference result, normalised for the documented deliberate differences.

    For a text without final punctuation, ``ref_result`` must have been computed with
    ``include_spans=True`` (see ``reference_results``) so clipping can use offsets."""
    if kind == "relations":
        ref_result = fix_reference_relation_keys(ref_result, _relation_descriptions(RELATIONS[name]))
    elif kind == "composed":
        ref_result = fix_reference_relation_keys(ref_result, COMPOSED_RELATION_DESCRIPTIONS)
    return clip_reference(ref_result, text)


def needs_offsets(text: str) -> bool:
    return bool(text) and not text.endswith((".", "!", "?"))


def reference_results(ref, kind, name, texts, kwargs, batch: bool = True):
    """``run`` on the reference; texts without final punctuation are re-run with spans shown,
    clipped with offsets by ``expected`` and then formatted back (``strip_offsets``)."""
    results = run(ref, kind, name, texts, kwargs, batch)
    if kwargs.get("include_spans") or not kwargs.get("format_results", True):
        return results
    for index, text in enumerate(texts):
        if needs_offsets(text):
            results[index] = ("with-offsets", run(ref, kind, name, [text], {**kwargs, "include_spans": True}, False)[0])
    return results


def assert_parity(ours_results, ref_results, texts, kind, name, kwargs, label):
    assert len(ours_results) == len(ref_results) == len(texts)
    failures = []
    for index, (text, got, want) in enumerate(zip(texts, ours_results, ref_results)):
        if isinstance(want, tuple) and want and want[0] == "with-offsets":
            want = strip_offsets(expected(want[1], text, kind, name), kwargs.get("include_confidence", False))
        else:
            want = expected(want, text, kind, name)
        diff = first_difference(got, want)
        if diff:
            failures.append(f"text[{index}] {text[:80]!r}:\n  {diff}")
    assert not failures, (
        f"{label} {kind}/{name} {kwargs}: {len(failures)} of {len(texts)} texts differ\n" + "\n".join(failures[:3])
    )


# Every task kind with and without the output flags, on the whole battery.
FULL_CASES = [
    ("entities", "list", BOTH),
    ("entities", "dtype-thresholds", {}),
    ("classify", "described-multi", {"include_confidence": True}),
    ("json", "choices", BOTH),
    ("relations", "described", BOTH),
    ("composed", None, BOTH),
]

# Option variations: they change decoding and formatting, not the encoder, so they run on the
# texts of up to 60 words (the long ones dominate the run time).
SHORT_TEXTS = [t for t in TEXTS if len(t.split()) <= 60]
OPTION_CASES = [
    ("entities", "list", {}),
    ("entities", "list", {"include_confidence": True}),
    ("entities", "list", {"include_spans": True}),
    ("entities", "list", {**BOTH, "threshold": 0.3}),
    ("entities", "descriptions", {"include_spans": True, "threshold": 0.8}),
    ("entities", "dtype-thresholds", BOTH),
    ("entities", "single-str", {"include_confidence": True}),
    ("entities", "list", {"max_len": 12, "include_spans": True}),
    ("classify", "single", {}),
    ("classify", "single", {"include_confidence": True}),
    ("classify", "topk-and-plain", {}),
    ("json", "plain", {}),
    ("json", "plain", BOTH),
    ("json", "choices", {"threshold": 0.3, "include_spans": True}),
    ("relations", "list", {}),
    ("relations", "list", {"include_spans": True, "threshold": 0.7}),
    ("relations", "thresholds", {"include_confidence": True, "threshold": 0.6}),
    *[("entities", "list", {**BOTH, "threshold": 0.3, "overlap_policy": p}) for p in POLICIES],
    *[("json", "plain", {**BOTH, "overlap_policy": p}) for p in ("allow", "longest")],
    ("relations", "list", {"include_spans": True, "overlap_policy": "nested"}),
    ("entities", "list", {"format_results": False, "include_spans": True}),
    ("composed", None, {}),
]


def _case_id(case) -> str:
    kind, name, kwargs = case
    opts = ",".join(f"{k.replace('include_', '')}={v}" for k, v in kwargs.items())
    return f"{kind}-{name}-{opts}" if opts else f"{kind}-{name}"


# Budget (MiniLM costs ~10x tiny DeBERTa): MiniLM runs the option cases on fewer texts, and
# the MiniLM count_lstm_v2 checkpoint only the cases whose output depends on the count head
# beyond "zero or not" (structures, relations); tiny DeBERTa covers both count layers fully.
MINILM_OPTION_TEXTS = [TEXTS[i] for i in (0, 2, 3, 5, 6, 7, 8, 10, 11, 14, 18)]
COUNT_KINDS = ("json", "relations", "composed")


def _texts_and_skip(ckpt_key: str, kind: str, texts: list) -> list:
    if ckpt_key == "minilm-count_lstm_v2" and kind not in COUNT_KINDS:
        pytest.skip("covered by minilm-count_lstm and tiny-deberta-count_lstm_v2")
    if ckpt_key.startswith("minilm") and texts is SHORT_TEXTS:
        return MINILM_OPTION_TEXTS
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("case", FULL_CASES, ids=[_case_id(c) for c in FULL_CASES])
def test_battery_parity(ours, ref, ckpt_key, case):
    kind, name, kwargs = case
    texts = _texts_and_skip(ckpt_key, kind, TEXTS)
    assert_parity(run(ours, kind, name, texts, kwargs), reference_results(ref, kind, name, texts, kwargs),
                  texts, kind, name, kwargs, ckpt_key)


@pytest.mark.slow
@pytest.mark.parametrize("case", OPTION_CASES, ids=[_case_id(c) for c in OPTION_CASES])
def test_option_parity(ours, ref, ckpt_key, case):
    kind, name, kwargs = case
    texts = _texts_and_skip(ckpt_key, kind, SHORT_TEXTS)
    assert_parity(run(ours, kind, name, texts, kwargs), reference_results(ref, kind, name, texts, kwargs),
                  texts, kind, name, kwargs, ckpt_key)


SINGLE_TEXTS = [TEXTS[i] for i in (0, 2, 4, 7, 8, 15, 17)]
SINGLE_CASES = [
    ("entities", "list", BOTH),
    ("entities", "dtype-thresholds", {}),
    ("classify", "topk-and-plain", {"include_confidence": True}),
    ("json", "choices", BOTH),
    ("relations", "list", {}),
    ("composed", None, {"include_confidence": True}),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", SINGLE_CASES, ids=[_case_id(c) for c in SINGLE_CASES])
def test_single_call_parity(ours, ref, ckpt_key, case):
    kind, name, kwargs = case
    assert_parity(run(ours, kind, name, SINGLE_TEXTS, kwargs, batch=False),
                  reference_results(ref, kind, name, SINGLE_TEXTS, kwargs, batch=False),
                  SINGLE_TEXTS, kind, name, kwargs, ckpt_key)


@pytest.mark.slow
def test_one_schema_per_text(ours, ref, ckpt_key):
    """batch_extract with a list of schemas, one per text."""
    texts = TEXTS[:7]
    names = ["list", "descriptions"]  # raw dict schemas: the reference takes a list or {label: description}
    schemas = [{"entities": ENTITY_SCHEMAS[names[i % 2]]} for i in range(len(texts))]
    got = ours.batch_extract(texts, copy.deepcopy(schemas), batch_size=3, include_spans=True)
    want = ref.batch_extract(texts, copy.deepcopy(schemas), batch_size=3, include_spans=True)
    for text, g, w in zip(texts, got, want):
        assert_same(g, clip_reference(w, text), context=f"{ckpt_key} {text!r}")


@pytest.mark.slow
def test_structure_builder_as_schema(ours, ref, ckpt_key):
    """README style: the builder chain may end on ``.field(...)``; that object is the schema."""
    def build(model):
        return (model.create_schema().entities(["person"])
                .structure("contact").field("name", dtype="str").field("email"))

    text = TEXTS[6]
    assert_same(ours.extract(text, build(ours), **BOTH), ref.extract(text, build(ref), **BOTH))


# -- sanity of the battery itself ----------------------------------------------------------

def test_battery_fits_minilm():
    """The reference crashes past MiniLM's 512 positions; every battery text leaves room for a schema."""
    from transformers import AutoTokenizer

    from tests.support.checkpoints import minilm_encoder_dir

    tokenizer = AutoTokenizer.from_pretrained(str(minilm_encoder_dir()))
    longest = max(len(tokenizer.tokenize(text)) for text in TEXTS)
    assert longest < 420, longest
    assert max(len(t.split()) for t in TEXTS) >= 300


@pytest.mark.slow
def test_battery_exercises_the_model(models):
    """Calibrated heads: on the battery the reference finds spans, repeats labels across
    structure instances and sometimes finds nothing (count 0), on every checkpoint."""
    from tests.support.models import CHECKPOINT_IDS

    for key in CHECKPOINT_IDS:
        ref = models.get("ref", key)
        results = ref.batch_extract_json(SHORT_TEXTS, STRUCTURES["plain"], batch_size=8)
        counts = [len(r["contact"]) for r in results]
        assert 0 in counts and max(counts) >= 2, (key, counts)
        entities = ref.batch_extract_entities(MINILM_OPTION_TEXTS, ENTITY_SCHEMAS["list"], batch_size=8)
        found = sum(sum(len(v) for v in r["entities"].values()) for r in entities)
        assert found >= len(MINILM_OPTION_TEXTS), (key, found)


# -- deliberate differences ----------------------------------------------------------------

NO_FINAL_PUNCT = [t for t in TEXTS if t and not t.endswith((".", "!", "?"))]


def test_spans_never_reach_past_the_text(minilm_ours, minilm_ref):
    """Both implementations append "." to a text without final punctuation before running the
    model. The reference then reports spans that include that period, ending one character
    past the caller's text; we clip them to the text (and drop a span that was only the period)."""
    assert len(NO_FINAL_PUNCT) >= 4
    kwargs = {**BOTH, "threshold": 0.3, "overlap_policy": "allow"}  # no candidate hides another
    ref_results = minilm_ref.batch_extract_entities(NO_FINAL_PUNCT, ENTITY_SCHEMAS["list"], **kwargs)
    ours_results = minilm_ours.batch_extract_entities(NO_FINAL_PUNCT, ENTITY_SCHEMAS["list"], **kwargs)
    past_end = [s for text, r in zip(NO_FINAL_PUNCT, ref_results) for s in iter_spans(r) if s["end"] > len(text)]
    assert past_end, "the battery should make the reference report a span over the appended period"
    for text, result in zip(NO_FINAL_PUNCT, ours_results):
        for span in iter_spans(result):
            assert span["end"] <= len(text) and text[span["start"]:span["end"]] == span["text"], span
            # Like every span the model reports, a clipped one has no surrounding whitespace
            # (a text ending in "\r\n" must not leave "617-555-0199\r\n").
            assert span["text"] == span["text"].strip(), (text, span)


def test_described_relations_keep_their_names(minilm_ours, minilm_ref):
    """The reference keys described relations by their prompt ("works_for: employment
    relation") and adds an empty "works_for"; we report each relation once, by name."""
    spec = RELATIONS["described"]
    text = TEXTS[4]
    ours_result = minilm_ours.extract_relations(text, copy.deepcopy(spec))
    ref_result = minilm_ref.extract_relations(text, copy.deepcopy(spec))
    assert list(ours_result["relation_extraction"]) == list(spec)
    assert any(": " in key for key in ref_result["relation_extraction"])


def test_described_relation_keeps_its_threshold(minilm_ours, minilm_ref):
    """The same prompt-keying makes the reference drop the threshold of a described relation
    (it looks the threshold up by the prompt string); we apply it."""
    text = TEXTS[4]
    described = {"works_for": {"description": "employment relation", "threshold": 0.99}}
    ours_described = minilm_ours.extract_relations(text, described, threshold=0.0, include_confidence=True)
    ref_described = minilm_ref.extract_relations(text, described, threshold=0.0, include_confidence=True)
    ours_pairs = ours_described["relation_extraction"]["works_for"]
    assert all(p["head"]["confidence"] >= 0.99 and p["tail"]["confidence"] >= 0.99 for p in ours_pairs)
    ref_pairs = ref_described["relation_extraction"]["works_for: employment relation"]
    assert any(min(p["head"]["confidence"], p["tail"]["confidence"]) < 0.99 for p in ref_pairs)


@pytest.mark.parametrize("text", ["", " ", "\n\t ", "\r\n"])
def test_empty_text_gives_empty_results(minilm_ours, minilm_ref, text):
    """The reference turns "" into "." and runs the model on it, so it reports a classification
    label (and may report "." as an entity) for no text at all. We return the empty result:
    every requested key, nothing found."""
    schema_ours, schema_ref = composed_schema(minilm_ours), composed_schema(minilm_ref)
    ours_result = minilm_ours.extract(text, schema_ours, **BOTH)
    ref_result = minilm_ref.extract(text, schema_ref, **BOTH)
    assert ref_result["sentiment"] is not None  # the reference classifies nothing
    assert list(ours_result) == ["contact", "entities", "sentiment", "flags", "relation_extraction"]
    assert ours_result["contact"] in ([], {})
    assert ours_result["entities"] in ({}, {"person": [], "email": []})
    assert ours_result["sentiment"] is None and ours_result["flags"] == []
    assert ours_result["relation_extraction"] == {"works_for": [], "lives_in": []}
    assert list(iter_spans(ours_result)) == []


def _long_document(n_words: int) -> str:
    words, sentences = 0, []
    index = 0
    while words < n_words:
        sentence = battery._sentence(random.Random(index))
        sentences.append(sentence if sentence.endswith((".", "!", "?")) else sentence + ".")
        words += len(sentence.split())
        index += 1
    return " ".join(sentences)


@pytest.mark.slow
def test_long_document_on_minilm(minilm_ours, minilm_ref):
    """Past 512 subwords the reference crashes on MiniLM (absolute positions); we split the text
    into overlapping word windows and report document offsets."""
    text = _long_document(5000)
    with pytest.raises(Exception):
        minilm_ref.extract_entities(text[:6000], ["person"])
    result = minilm_ours.extract_entities(text, ["person", "email"], threshold=0.8, **BOTH)
    spans = list(iter_spans(result))
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span
    assert max(s["start"] for s in spans) > 0.9 * len(text), "the end of the document was not read"
    assert min(s["start"] for s in spans) < 0.1 * len(text)


def test_repeated_entity_found_in_every_window(minilm_ours):
    """A document of one 8-word sentence repeated: every default window (384 words, 64 overlap,
    stride 320 = 40 sentences) sees identical input, so sentences at the same position within
    their windows must get identical results. With include_spans and overlap_policy="allow" (no
    cross-mention suppression), a span found in one such sentence is found in all of them, with
    its own document offsets."""
    sentence = "call anna smith at the office today ."
    assert len(sentence.split()) == 8
    kwargs = dict(threshold=0.2, overlap_policy="allow", **BOTH)
    # Random heads: pick labels that fire on one window's worth of the text.
    window_text = " ".join([sentence] * 48)
    candidates = [["person", "location"], ["name"], ENTITY_SCHEMAS["list"], ["organization", "date"], ["id"]]
    labels = next((c for c in candidates
                   if list(iter_spans(minilm_ours.extract_entities(window_text, c, **kwargs)))), None)
    assert labels, "no candidate label fires on the repeated sentence (fixture calibration?)"

    n = 320  # 2560 words: 8 windows
    text = " ".join([sentence] * n)
    starts = [m.start() for m in re.finditer(re.escape(sentence), text)]
    assert len(starts) == n
    result = minilm_ours.extract_entities(text, labels, **kwargs)
    found = {}  # (label, sentence index) -> {(relative start, relative end)}
    for label, spans in result["entities"].items():
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], span
            index = bisect.bisect_right(starts, span["start"]) - 1
            if span["end"] <= starts[index] + len(sentence):  # within one sentence
                found.setdefault((label, index), set()).add((span["start"] - starts[index],
                                                             span["end"] - starts[index]))
    stride, per_window = 40, 48  # sentences per window step and per window
    interior = range(per_window, n - 2 * per_window)  # away from the first and last windows
    assert any(found.get((label, i)) for label in labels for i in interior), "nothing found in the document"
    for label in labels:
        for i in interior:
            twin = i + stride
            if twin in interior:
                assert found.get((label, i), set()) == found.get((label, twin), set()), (label, i, twin)


def test_long_deberta_text_is_read_whole(models):
    """DeBERTa has relative positions, so the reference reads a 300-word text in one pass and
    so do we (no window below ``window_words``): results match."""
    ours, ref = models.get("ours", "tiny-deberta-count_lstm"), models.get("ref", "tiny-deberta-count_lstm")
    text = TEXTS[-1]
    assert len(text.split()) >= 300
    assert_same(ours.extract_entities(text, ENTITY_SCHEMAS["list"], **BOTH),
                clip_reference(ref.extract_entities(text, ENTITY_SCHEMAS["list"], **BOTH), text))


def test_reported_texts_come_from_the_input(models):
    """Whatever the flags, a reported string is a substring of the input text."""
    ours = models.get("ours", "tiny-deberta-count_lstm_v2")
    for text in TEXTS:
        result = ours.extract(text, composed_schema(ours), threshold=0.3)
        for value in iter_texts({k: v for k, v in result.items() if k not in ("sentiment", "flags")}):
            if value in ("email", "phone", "letter"):  # choice values
                continue
            assert value in text, (value, text)
