"""External NER data: converters on tiny inline samples, and the committed files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from presidio_gliner2.training.data import read_jsonl, validate_file
from presidio_gliner2.training.external import conll, gum, litbank
from presidio_gliner2.training.external.__main__ import main
from presidio_gliner2.training.external.labels import CONLL_PER_LOC_ORG
from presidio_gliner2.training.external.records import (
    Document, Mention, Sentence, bio_spans, chunk_document, join_tokens, misaligned, sentence_from_bio, to_record,
)
from presidio_gliner2.training.external.sources import SOURCES, glue_marks
from presidio_gliner2.training.external.split import dev_documents

DATA = Path(__file__).resolve().parents[1] / "data" / "external"


def mentions_of(sentence: Sentence) -> list[tuple[str, str]]:
    return [(sentence.text[m.start:m.end], m.label) for m in sentence.mentions]


# --- tokens -> text -------------------------------------------------------------------------

@pytest.mark.parametrize("tokens, expected", [
    (["Hello", ",", "world", "!"], "Hello, world!"),
    (["Smith", "'s", "car", "(", "red", ")", "."], "Smith's car (red)."),
    (["He", "said", '"', "go", "now", '"', "."], 'He said "go now".'),
    (["It", "cost", "$", "5", "and", "10", "%", "."], "It cost $5 and 10%."),
    (["do", "n't"], "don't"),
])
def test_join_tokens_spacing(tokens, expected):
    text, offsets = join_tokens(tokens)
    assert text == expected
    assert [text[a:b] for a, b in offsets] == tokens


def test_join_tokens_follows_space_after_when_given():
    text, offsets = join_tokens(["Zurbarán", "’s", "cycle"], [False, True, True])
    assert text == "Zurbarán’s cycle"
    assert [text[a:b] for a, b in offsets] == ["Zurbarán", "’s", "cycle"]


# --- BIO edge cases -------------------------------------------------------------------------

def test_bio_i_without_b_opens_an_entity():
    assert bio_spans(["O", "I-PER", "I-PER", "O"]) == [(1, 3, "PER")]


def test_bio_adjacent_entities_of_the_same_type_stay_apart():
    assert bio_spans(["B-PER", "B-PER", "I-PER"]) == [(0, 1, "PER"), (1, 3, "PER")]


def test_bio_type_change_inside_i_tags_splits():
    assert bio_spans(["I-ORG", "I-LOC", "O", "B-LOC"]) == [(0, 1, "ORG"), (1, 2, "LOC"), (3, 4, "LOC")]


def test_bio_entity_at_end_and_bare_types():
    assert bio_spans(["O", "B-LOC", "I-LOC"]) == [(1, 3, "LOC")]
    assert bio_spans(["person", "person", "O"]) == [(0, 2, "person")]


def test_sentence_offsets_are_exact_and_misc_is_dropped():
    tokens = ["John", "Smith", "visited", "New", "York", "for", "Wimbledon", "with", "Smith", "."]
    tags = ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-MISC", "O", "B-PER", "O"]
    sentence = sentence_from_bio(tokens, tags, CONLL_PER_LOC_ORG)
    assert sentence.text == "John Smith visited New York for Wimbledon with Smith."
    assert mentions_of(sentence) == [("John Smith", "person"), ("New York", "location"), ("Smith", "person")]
    assert sentence.mentions[2].start == sentence.text.rindex("Smith")  # the second Smith, not the first


def test_hashtag_is_trimmed_and_punctuation_only_mentions_are_dropped():
    sentence = sentence_from_bio(["#Pistorius", "met", "."], ["B-PER", "O", "B-ORG"], CONLL_PER_LOC_ORG)
    assert mentions_of(sentence) == [("Pistorius", "person")]


def test_unknown_source_type_says_where_to_add_it():
    with pytest.raises(KeyError, match="labels.py"):
        sentence_from_bio(["Acme"], ["B-PRODUCT"], CONLL_PER_LOC_ORG)


def test_btc_glues_handles_and_hashtags():
    glued = glue_marks([("via", "O"), ("@", "B-PER"), ("BethAnne17", "B-PER"), ("#", "O"), ("CFC", "B-ORG")])
    assert glued == [("via", "O"), ("@BethAnne17", "B-PER"), ("#CFC", "B-ORG")]
    sentence = sentence_from_bio([t for t, _ in glued], [g for _, g in glued], CONLL_PER_LOC_ORG)
    assert mentions_of(sentence) == [("@BethAnne17", "person"), ("CFC", "organization")]
    assert not misaligned(sentence.text, sentence.mentions)


# --- CoNLL reading ----------------------------------------------------------------------------

def test_conll_documents_and_sentences():
    lines = ["-DOCSTART- O\n", "\n", "A\tB-PER\n", "b\tO\n", "\n", "c O\n", "\n", "-DOCSTART- O\n", "d\tB-LOC\n"]
    documents = list(conll.read_sentences(lines))
    assert documents == [[[("A", "B-PER"), ("b", "O")], [("c", "O")]], [[("d", "B-LOC")]]]


def test_conll_without_docstart_is_one_document():
    assert len(list(conll.read_sentences(["a\tO\n", "\n", "b\tO\n"]))) == 1


# --- chunks and records -----------------------------------------------------------------------

def test_chunks_keep_offsets_and_sizes():
    sentences = [Sentence(f"Ann Lee went home {i} " + "word " * 20 + "end.", [Mention(0, 7, "person")],
                          new_paragraph=i == 3) for i in range(6)]
    chunks = chunk_document(Document("d", sentences), min_words=40, max_words=80)
    assert [(c.first_sentence, c.last_sentence) for c in chunks] == [(0, 2), (3, 5)]
    for chunk in chunks:
        assert all(chunk.text[m.start:m.end] == "Ann Lee" for m in chunk.mentions)
        assert len(chunk.mentions) == 3
    assert "\n" not in chunks[0].text and chunks[1].text.startswith("Ann Lee went home 3")


def test_short_tail_joins_previous_chunk():
    sentences = [Sentence("w " * 45 + "x."), Sentence("tail.")]
    assert len(chunk_document(Document("d", sentences))) == 1


def test_record_lists_every_label_and_rejects_bad_offsets():
    record = to_record("Ann went to Paris.", [Mention(12, 17, "location")], ["location", "person"], {"source": "t"})
    assert record["output"]["entities"] == {"location": [{"text": "Paris", "start": 12, "end": 17}], "person": []}
    with pytest.raises(ValueError):
        to_record("Ann went", [Mention(3, 5, "person")], ["person"], {})  # " w": outer space
    with pytest.raises(ValueError):
        to_record("Ann", [Mention(0, 3, "city")], ["person"], {})


def test_split_is_seeded_and_order_free():
    ids = [f"doc{i}" for i in range(100)]
    assert dev_documents(ids, 0.12, 13) == dev_documents(list(reversed(ids)), 0.12, 13)
    assert len(dev_documents(ids, 0.12, 13)) == 12
    assert dev_documents(ids, 0.12, 13) != dev_documents(ids, 0.12, 14)


# --- GUM --------------------------------------------------------------------------------------

GUM_SAMPLE = """# newdoc id = GUM_news_sample
# newpar
# sent_id = 1
# text = Professor Cres Eastman visited the University of Toronto on February 23, 2006.
1\tProfessor\tProfessor\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=(1-person-new-x-cf1-1,2,3-coref-Creswell_Eastman
2\tCres\tCres\tPROPN\tNNP\t_\t3\tflat\t_\t_
3\tEastman\tEastman\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)
4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-x-cf2-2-coref
6\tUniversity\tUniversity\tPROPN\tNNP\t_\t4\tobj\t_\t_
7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_
8\tToronto\tToronto\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-x-cf3-1-coref-Toronto)2)
9\ton\ton\tADP\tIN\t_\t10\tcase\t_\t_
10\tFebruary\tFebruary\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(4-time-new-x-cf4-1-coref
11\t23\t23\tNUM\tCD\t_\t10\tnummod\t_\tSpaceAfter=No
12\t,\t,\tPUNCT\t,\t_\t13\tpunct\t_\t_
13\t2006\t2006\tNUM\tCD\t_\t10\tnmod\t_\tEntity=4)|SpaceAfter=No
14\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = 2
# text = Eastman’s children were there for three years.
1-2\tEastman’s\t_\t_\t_\t_\t_\t_\t_\t_
1\tEastman\tEastman\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tEntity=(5-person-giv-x-cf1-1-coref(1-person-giv-x-cf1-1-coref-Creswell_Eastman)
2\t’s\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tchildren\tchild\tNOUN\tNNS\t_\t5\tnsubj\t_\tEntity=5)
4\twere\tbe\tAUX\tVBD\t_\t5\tcop\t_\t_
5\tthere\tthere\tADV\tRB\t_\t0\troot\t_\t_
6\tfor\tfor\tADP\tIN\t_\t8\tcase\t_\tEntity=(6-time-new-x-cf6-1-coref
7\tthree\tthree\tNUM\tCD\t_\t8\tnummod\t_\t_
8\tyears\tyear\tNOUN\tNNS\t_\t5\tobl\t_\tEntity=6)|SpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


def test_gum_names_dates_and_spacing():
    (document,) = list(gum.parse_conllu(GUM_SAMPLE.splitlines(keepends=True)))
    first, second = document.sentences
    assert first.text == "Professor Cres Eastman visited the University of Toronto on February 23, 2006."
    assert second.text == "Eastman’s children were there for three years."
    # title cut; the longer organization wins over the nested place; the full date
    assert mentions_of(first) == [("Cres Eastman", "person"), ("University of Toronto", "organization"),
                                  ("February 23, 2006", "dates"), ("February 23, 2006", "date")]
    # "Eastman's children" has a common-noun head: only the nested name; "three years" is no date
    assert mentions_of(second) == [("Eastman", "person")]
    assert first.new_paragraph and not second.new_paragraph


def test_gum_refuses_genres_without_a_cleared_licence(tmp_path):
    with pytest.raises(ValueError, match="licence"):
        list(gum.read_gum(tmp_path, ["fiction"]))


def test_gum_keeps_official_test_documents_out(tmp_path):
    (tmp_path / "dep").mkdir()
    (tmp_path / "splits.md").write_text("## dev\n  * GUM_news_dev\n## test\n  * GUM_news_sample\n")
    (tmp_path / "dep" / "GUM_news_sample.conllu").write_text(GUM_SAMPLE, encoding="utf-8")
    (tmp_path / "dep" / "GUM_news_dev.conllu").write_text(GUM_SAMPLE.replace("GUM_news_sample", "GUM_news_dev"),
                                                         encoding="utf-8")
    assert [(d.doc_id, d.split) for d in gum.read_gum(tmp_path)] == [("GUM_news_dev", "dev")]


def test_gum_partial_dates_and_years_are_dates_but_not_date():
    words = [gum.Word(f, f, "PROPN", -1, True) for f in ["in", "March", "2023", "and", "2019"]]
    assert gum.date_runs(words, 0, 4) == [(1, 2), (4, 4)]
    assert not gum.full_date(words, 1, 2)
    assert gum.full_date([gum.Word("7/22/2019", "", "NUM", -1, True)], 0, 0)


# --- LitBank ----------------------------------------------------------------------------------

LITBANK_TEXT = ("“ My dear Mr. Bennet , ” said his lady , “ the Bank of England is let . ”\n"
                "Poor Thomas met her cousin Edith on the _ Pequod _ .\n"
                "The Colonel visited the Spanish Main .")
LITBANK_ORIGINAL = ("Chapter 1\n\n“My dear Mr. Bennet,” said his lady, “the Bank of England\nis let.”\n\n"
                    "Poor Thomas met her cousin Edith on the _Pequod_. The Colonel visited the Spanish Main.\n")


def litbank_ann(rows: list[tuple[str, str]]) -> str:
    """brat T lines for (type, covered text), each at its first occurrence in LITBANK_TEXT."""
    lines = []
    for number, (kind, covered) in enumerate(rows):
        start = LITBANK_TEXT.index(covered)
        lines.append(f"T{number}\t{kind} {start} {start + len(covered)}\t{covered}")
    return "\n".join(lines)


def litbank_document(entity_rows, coref_rows) -> Document:
    annotations = litbank.merge_layers(litbank.read_ann(litbank_ann(entity_rows)),
                                       litbank.read_ann(litbank_ann(coref_rows)))
    return litbank.build_document("litbank-test", LITBANK_TEXT, annotations, LITBANK_ORIGINAL)


def test_litbank_keeps_proper_names_cuts_titles_and_prefers_the_outer_name():
    entity = [("PER", "Mr. Bennet"), ("PER", "Mr."), ("PER", "his lady"), ("ORG", "the Bank of England"),
              ("GPE", "England"), ("PER", "Poor Thomas"), ("PER", "her cousin Edith"), ("VEH", "the _ Pequod _"),
              ("PER", "The Colonel"), ("LOC", "the Spanish Main")]
    coref = [("PROP_PER", "Mr. Bennet"), ("NOM_PER", "his lady"), ("his_lady-1", "his lady"),
             ("PROP_ORG", "the Bank of England"), ("PROP_GPE", "England"), ("PROP_PER", "Poor Thomas"),
             ("PROP_PER", "her cousin Edith"), ("PROP_VEH", "the _ Pequod _"), ("NOM_PER", "The Colonel"),
             ("NOM_LOC", "the Spanish Main")]
    first, second, third = litbank_document(entity, coref).sentences
    # spacing and paragraphs come from the original; the bare title "Mr." and "his lady" are no names
    assert first.text == "“My dear Mr. Bennet,” said his lady, “the Bank of England is let.”"
    assert mentions_of(first) == [("Bennet", "person"), ("Bank of England", "organization")]
    assert second.text == "Poor Thomas met her cousin Edith on the Pequod."  # italics marks dropped
    assert mentions_of(second) == [("Thomas", "person"), ("Edith", "person")]  # vehicles are not labelled
    assert first.new_paragraph and second.new_paragraph and not third.new_paragraph  # blank lines in the original
    assert not first.unresolved and not second.unresolved
    # "the Colonel" is a title, but a common-noun mention that reads like a name leaves the sentence unresolved
    assert mentions_of(third) == [] and third.unresolved


def test_litbank_unclassified_entity_mention_makes_its_chunk_drop():
    document = litbank_document([("PER", "Poor Thomas"), ("PER", "Edith")], [("PROP_PER", "Poor Thomas")])
    assert [s.unresolved for s in document.sentences] == [False, True, False]
    chunks = chunk_document(document, min_words=1, max_words=12)
    assert [litbank.unresolved_chunk(document, c) for c in chunks] == [False, True, False]


def test_litbank_name_runs_cut_titles_determiners_and_possessors():
    words = "the late Sir Walter Elliot of Kellynch Hall".split()
    assert litbank.name_runs(words, 0, len(words) - 1, person=True) == [(3, 4), (6, 7)]
    words = "Lincoln 's Inn Hall".split()
    assert litbank.name_runs(words, 0, 3, person=False) == [(0, 3)]
    assert litbank.name_runs(["Mrs.", "Madame"], 0, 1, person=True) == []


def test_litbank_needs_a_checkout(tmp_path):
    with pytest.raises(FileNotFoundError, match="LitBank"):
        list(litbank.read_litbank(tmp_path))


# --- the command ------------------------------------------------------------------------------

def test_cli_writes_gzip_train_and_dev(tmp_path, capsys):
    lines = []
    for i in range(20):
        lines += ["-DOCSTART- O", "", f"Ann\tB-PER", "Lee\tI-PER", f"lives\tO", "in\tO", "Oslo\tB-LOC", ".\tO", ""]
    source = tmp_path / "wikigold.conll.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    assert main(["--source", "wikigold", "--in", str(source), "--out-dir", str(tmp_path / "out")]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == {"train": 18, "dev": 2}
    for split in ("train", "dev"):
        path = tmp_path / "out" / f"wikigold-{split}.jsonl.gz"
        assert validate_file(path) == []
        assert all(r["meta"]["split"] == split for _, r in read_jsonl(path))
    assert "Ann Lee" not in capsys.readouterr().out  # counts only, never text


# --- the committed data -----------------------------------------------------------------------

COMMITTED = sorted(DATA.glob("*.jsonl.gz"))
LICENCES = {"wikigold": {"CC BY 4.0"}, "btc": {"CC BY 4.0"}, "litbank": {"CC BY 4.0"}, "asqphi": {"MIT"},
            "gum": {"text CC BY 4.0, annotations CC BY 4.0", "text CC BY 2.5, annotations CC BY 4.0"}}


def test_every_source_has_train_and_dev_files():
    assert {p.name for p in COMMITTED} == {f"{s}-{split}.jsonl.gz" for s in SOURCES for split in SOURCES[s].splits}
    assert SOURCES["asqphi"].splits == ("dev",)  # a dev set only: never among the train files
    assert sum(p.stat().st_size for p in COMMITTED) < 15 * 2 ** 20


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_committed_file_reads_validates_and_carries_meta(path):
    source, split = path.name[: -len(".jsonl.gz")].rsplit("-", 1)
    assert validate_file(path) == []
    records = [record for _, record in read_jsonl(path)]
    assert records
    for record in records:
        meta = record["meta"]
        assert meta["source"] == source and meta["split"] == split and meta["doc_id"]
        assert meta["licence"] in LICENCES[source]
        assert sorted(record["output"]["entities"]) == SOURCES[source].labels
        text = record["input"]
        for mentions in record["output"]["entities"].values():
            for mention in mentions:
                assert text[mention["start"]:mention["end"]] == mention["text"]


def test_committed_train_and_dev_share_no_document():
    for source in (name for name, s in SOURCES.items() if "train" in s.splits):
        ids = {}
        for split in ("train", "dev"):
            with gzip.open(DATA / f"{source}-{split}.jsonl.gz", "rt", encoding="utf-8") as handle:
                ids[split] = {json.loads(line)["meta"]["doc_id"].split("#")[0] for line in handle}
        assert not ids["train"] & ids["dev"], source


ASQ_FILE = """===QUERY===
Dosing for Anna S. (MRN 5512) seen at Elm Clinic on May 3, 2023; Anna S. asked twice.
===PHI_TAGS===
{"identifier_type": "NAME", "value": "Anna S."}
{"identifier_type": "MEDICAL_RECORD_NUMBER", "value": "5512"}
{"identifier_type": "GEOGRAPHIC_LOCATION", "value": "Elm Clinic"}
{"identifier_type": "DATE", "value": "May 3, 2023"}

===QUERY===
Statin choice for a 55-year-old male diagnosed in 2021?
===PHI_TAGS===

===QUERY===
Follow-up for Ben Q. next week.
===PHI_TAGS===
{"identifier_type": "NAME", "value": "Benjamin Q."}
"""


def test_asqphi_queries_get_every_occurrence_of_each_value_and_unmatched_queries_are_counted(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "synthetic_dataset.txt").write_text(ASQ_FILE, encoding="utf-8")
    assert main(["--source", "asqphi", "--in", str(tmp_path), "--out-dir", str(tmp_path / "out")]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["records"] == {"dev": 2} and stats["dropped_documents_unmatched"] == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["asqphi-dev.jsonl.gz"]
    first, free = [r for _, r in read_jsonl(tmp_path / "out" / "asqphi-dev.jsonl.gz")]
    entities = first["output"]["entities"]
    assert [m["text"] for m in entities["person"]] == ["Anna S.", "Anna S."]
    assert [m["text"] for m in entities["medical record number"]] == ["5512"]
    assert [m["text"] for m in entities["location"]] == ["Elm Clinic"]
    assert [m["text"] for m in entities["dates"]] == ["May 3, 2023"]
    assert not any(free["output"]["entities"].values())  # a hard negative: age and year are not PHI there
    assert sorted(free["output"]["entities"]) == SOURCES["asqphi"].labels
