"""The word splitter: what the model sees as words, with offsets into the caller's text."""

import pytest

from presidio_gliner2.engine.words import resolve_word_splitter, split_words


def texts_of(text, splitter=None):
    return [w.text for w in split_words(text, splitter)]


def test_offsets_index_the_original_text():
    text = "Dr. Zoë O'Brien — born 03/04/1982, İstanbul; e-mail zoe@example.org"
    for word in split_words(text):
        assert text[word.start:word.end].lower() == word.text


def test_identifiers_urls_emails_and_handles_stay_whole():
    words = texts_of("Call 617-555-0199, MRN HX-4471-223, see https://x.org/a?b=1 or mail a.b@c.io @nurse_kim")
    assert "617-555-0199" in words
    assert "hx-4471-223" in words
    assert "https://x.org/a?b=1" in words
    assert "a.b@c.io" in words
    assert "@nurse_kim" in words


def test_punctuation_splits_into_single_characters():
    assert texts_of("$999 St. Mary's") == ["$", "999", "st", ".", "mary", "'", "s"]


def test_lowercasing_never_shifts_offsets():
    # "İ".lower() is two code points; offsets must still point at the one-character source.
    text = "İZMİR and ÅNGSTRÖM"
    words = split_words(text)
    assert [(w.start, w.end) for w in words] == [(0, 5), (6, 9), (10, 18)]


def test_combining_marks_and_zero_width_joiners_stay_inside_words():
    text = "cafe\u0301 a\u200db"
    assert [text[w.start:w.end] for w in split_words(text)] == ["cafe\u0301", "a\u200db"]


def test_whitespace_of_every_kind_separates_words():
    text = "a\r\nb\tc\u00a0d"
    assert texts_of(text) == ["a", "b", "c", "d"]


def test_char_splitter_splits_cjk_into_characters_but_keeps_latin_runs():
    assert texts_of("東京タワー ABC-12", resolve_word_splitter("char")) == ["東", "京", "タ", "ワ", "ー", "abc-12"]


def test_unknown_splitter_name_is_a_clear_error():
    with pytest.raises(ValueError, match="word_splitter"):
        resolve_word_splitter("spaces")
