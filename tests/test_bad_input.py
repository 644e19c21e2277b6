"""Bad input raises early and says what is wrong; odd text never corrupts offsets.

The reference (2.1.0) mostly accepts these inputs and returns something arbitrary (``None`` as
text extracts from "None", an empty label list returns ``{}``, threshold 1.5 silently finds
nothing) or fails deep inside decoding. We refuse them up front: a non-str text is a
TypeError; a malformed schema, field spec or threshold is a ValueError naming the culprit.
"""

from __future__ import annotations

import math

import pytest

from tests.support.battery import composed_schema
from tests.support.helpers import assert_same, clip_reference, iter_spans

# The checks run before the model, so one small checkpoint is enough.
KEY = "tiny-deberta-count_lstm"


@pytest.fixture(scope="module")
def model(models):
    return models.get("ours", KEY)


# -- text type ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [None, 42, b"John Smith", ["John Smith"], 3.5])
@pytest.mark.parametrize("method,schema", [
    ("extract_entities", ["person"]),
    ("classify_text", {"sentiment": ["positive", "negative"]}),
    ("extract_json", {"contact": ["name::str"]}),
    ("extract_relations", ["works_for"]),
    ("extract", {"entities": ["person"]}),
])
def test_non_str_text_is_a_type_error(model, method, schema, text):
    with pytest.raises(TypeError, match="str"):
        getattr(model, method)(text, schema)


@pytest.mark.parametrize("method,schema", [
    ("batch_extract_entities", ["person"]),
    ("batch_classify_text", {"sentiment": ["positive", "negative"]}),
    ("batch_extract_json", {"contact": ["name::str"]}),
    ("batch_extract_relations", ["works_for"]),
    ("batch_extract", {"entities": ["person"]}),
])
def test_non_str_text_in_a_batch_is_a_type_error_naming_its_index(model, method, schema):
    with pytest.raises(TypeError, match=r"\[2\]"):
        getattr(model, method)(["fine", "also fine", None, "fine"], schema)


def test_a_bare_string_is_not_a_batch(model):
    """A str is a sequence of characters; treating it as a batch would be silent nonsense."""
    with pytest.raises(TypeError):
        model.batch_extract_entities("John Smith", ["person"])


# -- schemas --------------------------------------------------------------------------------

@pytest.mark.parametrize("schema,culprit", [
    ({"entities": ["person"], "entitys": ["email"]}, "entitys"),
    ({"entities": ["person"], "classification": [{"task": "s", "labels": ["a", "b"]}]}, "classification"),
    ({"relation": ["works_for"]}, "relation"),
])
def test_unknown_schema_key_is_a_value_error_naming_it(model, schema, culprit):
    with pytest.raises(ValueError, match=culprit):
        model.extract("John Smith works for Acme.", schema)


@pytest.mark.parametrize("call,culprit", [
    (lambda m: m.extract_entities("x", []), "entit"),
    (lambda m: m.extract_entities("x", {}), "entit"),
    (lambda m: m.classify_text("x", {"sentiment": []}), "sentiment"),
    (lambda m: m.classify_text("x", {"sentiment": {"labels": [], "multi_label": True}}), "sentiment"),
    (lambda m: m.extract_json("x", {"contact": []}), "contact"),
    (lambda m: m.extract_relations("x", []), "relation"),
    (lambda m: m.extract("x", {}), "empty"),
])
def test_empty_label_list_is_a_value_error_naming_it(model, call, culprit):
    with pytest.raises(ValueError, match=culprit):
        call(model)


@pytest.mark.parametrize("spec", ["name::", "::str", "a::[x|]", "a::[|x]", "a::[]", "a::::str"])
def test_malformed_field_spec_is_a_value_error_naming_it(model, spec):
    with pytest.raises(ValueError) as info:
        model.extract_json("John Smith, 617-555-0199.", {"contact": [spec]})
    message = str(info.value)
    assert spec in message or repr(spec) in message or spec.split("::")[0] in message, message


def test_well_formed_field_specs_are_accepted(model):
    specs = ["name", "name::str", "tags::list", "kind::[a|b]", "kind2::[a|b]::list::which kinds", "note::str::free text"]
    result = model.extract_json("John Smith, 617-555-0199.", {"contact": specs})
    assert "contact" in result


# -- thresholds -----------------------------------------------------------------------------

BAD_THRESHOLDS = [-0.1, 1.5, math.nan, math.inf]


@pytest.mark.parametrize("value", BAD_THRESHOLDS, ids=str)
@pytest.mark.parametrize("method,schema", [
    ("extract_entities", ["person"]),
    ("extract_json", {"contact": ["name::str"]}),
    ("extract_relations", ["works_for"]),
    ("batch_extract_entities", ["person"]),
])
def test_out_of_range_call_threshold_is_a_value_error(model, method, schema, value):
    text = ["John Smith"] if method.startswith("batch") else "John Smith"
    with pytest.raises(ValueError, match="threshold"):
        getattr(model, method)(text, schema, threshold=value)


@pytest.mark.parametrize("value", BAD_THRESHOLDS, ids=str)
@pytest.mark.parametrize("build,culprit", [
    (lambda m, v: m.extract_entities("x", {"person": {"threshold": v}}), "person"),
    (lambda m, v: m.extract_relations("x", {"works_for": {"threshold": v}}), "works_for"),
    (lambda m, v: m.classify_text("x", {"s": {"labels": ["a", "b"], "cls_threshold": v}}), "s"),
    (lambda m, v: m.create_schema().entities(["person"], threshold=v), "person"),
    (lambda m, v: m.create_schema().structure("contact").field("phone", threshold=v), "phone"),
])
def test_out_of_range_schema_threshold_is_a_value_error_naming_it(model, build, culprit, value):
    with pytest.raises(ValueError, match=culprit):
        build(model, value)


@pytest.mark.parametrize("value", [0, 0.0, 1, 1.0, 0.5])
def test_threshold_bounds_are_inclusive(model, value):
    assert "entities" in model.extract_entities("John Smith lives in Boston.", ["person"], threshold=value)


# -- empty text -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\n", "\t\r\n "])
def test_empty_text_gives_empty_results_of_the_right_shape(model, text):
    assert model.extract_entities(text, ["person", "email"]) == {"entities": {"person": [], "email": []}}
    assert model.extract_entities(text, ["person"], include_spans=True, include_confidence=True) == {
        "entities": {"person": []}}
    assert model.classify_text(text, {"sentiment": ["positive", "negative"]}) == {"sentiment": None}
    assert model.classify_text(text, {"tags": {"labels": ["a", "b"], "multi_label": True}}) == {"tags": []}
    assert model.extract_json(text, {"contact": ["name::str", "email"]}) == {"contact": []}
    assert model.extract_relations(text, ["works_for", "lives_in"]) == {
        "relation_extraction": {"works_for": [], "lives_in": []}}


def test_empty_texts_in_a_batch_keep_their_places(model):
    texts = ["John Smith works for Acme in Boston.", "", "Maria lives in Lagos.", "  "]
    labels = ["person", "organization", "location"]
    batch = model.batch_extract_entities(texts, labels, batch_size=3, include_spans=True)
    assert len(batch) == 4
    for text, result in zip(texts, batch):
        if text.strip():
            assert_same(result, model.extract_entities(text, labels, include_spans=True), context=text)
        else:
            assert result == {"entities": {label: [] for label in labels}}


# -- unicode offsets ------------------------------------------------------------------------

UNICODE_TEXTS = [
    "Zoë Müller-Lüdenscheidt and José Núñez met François in Zürich.",
    "Cafe\u0301 owner Jose\u0301 Nu\u0303n\u0303ez paid 40€ to Zoe\u0308 and Ame\u0301lie",
    "東京で山田太郎さんに会いました。電話は03-1234-5678です。",
    "李雷 and 韩梅梅 emailed li.lei@example.cn about 订单 HX-4471-223",
    "Ping @nurse_kim 😀👍🏽 about MRN 4471223 👩\u200d👩\u200d👧 before 5 p.m. today",
    "Line one: John Smith\r\nLine two: 617-555-0199\r\n\r\nLine three: jane@example.com",
    "NUL\x00inside: John\x00Smith lives in Paris and\x00works for Acme",
    "İstanbul'da Ayşe Yılmaz ile görüştük; STRASSE straße ǅemal ﬁnance",
    "\u200bZero\u200bwidth\u200b spaces around Maria Garcia\u00a0(no-break space)",
    "Tabs\tand\u2003em spaces\u3000and ideographic space: Wei Zhang",
]


@pytest.mark.parametrize("key", ["minilm-count_lstm", "tiny-deberta-count_lstm"])
def test_reported_offsets_index_the_caller_text(models, key):
    ours = models.get("ours", key)
    checked = 0
    for text in UNICODE_TEXTS:
        result = ours.extract(text, composed_schema(ours), threshold=0.3, include_spans=True, include_confidence=True)
        for span in iter_spans(result):
            assert 0 <= span["start"] < span["end"] <= len(text), (text, span)
            assert text[span["start"]:span["end"]] == span["text"], (text, span)
            checked += 1
    assert checked >= 3 * len(UNICODE_TEXTS), "too few spans to check"


@pytest.mark.parametrize("key", ["minilm-count_lstm", "tiny-deberta-count_lstm"])
def test_unicode_parity(models, key):
    """Where the reference copes with these texts, we agree with it (CJK runs, combining marks,
    emoji sequences and odd spaces included)."""
    ours, ref = models.get("ours", key), models.get("ref", key)
    labels = ["person", "email", "location", "id"]
    for text in UNICODE_TEXTS:
        if "\x00" in text:
            continue
        got = ours.extract_entities(text, labels, threshold=0.3, include_spans=True, include_confidence=True)
        want = ref.extract_entities(text, labels, threshold=0.3, include_spans=True, include_confidence=True)
        assert_same(got, clip_reference(want, text), context=f"{key}: {text!r}")


def test_char_splitter_for_cjk(checkpoints):
    """The "char" word splitter (one token per CJK character) gives exact offsets and matches
    the reference's."""
    from tests.support.models import load

    path = checkpoints.path(KEY)
    ours, ref = load("ours", path), load("ref", path)
    ours.set_word_splitter("char")
    ref.set_word_splitter("char")
    for text in UNICODE_TEXTS[2:4]:
        got = ours.extract_entities(text, ["person", "id"], threshold=0.3, include_spans=True, include_confidence=True)
        want = ref.extract_entities(text, ["person", "id"], threshold=0.3, include_spans=True, include_confidence=True)
        assert_same(got, clip_reference(want, text), context=text)
        for span in iter_spans(got):
            assert text[span["start"]:span["end"]] == span["text"], span
