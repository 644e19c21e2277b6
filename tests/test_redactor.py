"""Redactor: operators, pseudonyms, reversible mapping, policies, the overlap rule, batching, and
end-to-end redaction of a clinical note and a bank letter with the bundled model."""

from __future__ import annotations

import hashlib

import pytest
from presidio_analyzer import (AnalysisExplanation, AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry,
                               RecognizerResult)
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig

from presidio_gliner2 import GLiNER2Recognizer, Redactor
from presidio_gliner2.redaction.analyzers import build_analyzer
from presidio_gliner2.redaction.operators import mask_keep_last
from presidio_gliner2.redaction.policies import Policy
from presidio_gliner2.redaction.overlaps import (apply_checksum_precedence, disjoint_findings, drop_contained,
                                                 is_validated, resolve_overlaps)
from tests.support.models import needs_default
from tests.support.redaction import (SpanRecognizer, gliner2_analyzer, outside_unchanged, pattern_analyzer,
                                     planted_absent)

CARD = "4539 1488 0343 6467"  # Luhn-valid
IBAN = "GB82 WEST 1234 5698 7654 32"
EMAIL = "jane.roe@example.org"
PHONE = "617-555-0142"
SALT = "a-sixteen-byte-salt!"
KEY = "WmZq4t7w!z%C&F)J"  # 128-bit AES key


@pytest.fixture(scope="module")
def patterns():
    return pattern_analyzer("finance")


def _gliner(metadata_label="person", **kw):
    return {RecognizerResult.RECOGNIZER_NAME_KEY: "GLiNER2Recognizer", "model_label": metadata_label, **kw}


def _validated(entity, start, end, name="CreditCardRecognizer"):
    explanation = AnalysisExplanation(name, original_score=0.3, validation_result=True)
    return RecognizerResult(entity, start, end, 1.0, analysis_explanation=explanation,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name})


# ------------------------------------------------------------------------------ overlap rules

def test_validated_checksum_match_wins_over_an_overlapping_gliner2_span():
    text = f"Card {CARD}."
    card = _validated("CREDIT_CARD", 5, 5 + len(CARD))
    model = RecognizerResult("US_BANK_NUMBER", 0, len(text), 0.97, recognition_metadata=_gliner("bank account number"))
    out = apply_checksum_precedence(text, [model, card])
    spans = sorted((r.entity_type, text[r.start:r.end]) for r in out)
    # The model span keeps only "Card"; the trailing "." has no letter or digit and is dropped.
    assert spans == [("CREDIT_CARD", CARD), ("US_BANK_NUMBER", "Card")]


def test_unvalidated_pattern_matches_do_not_trigger_the_rule():
    text = "call 021000021 now"
    weak = RecognizerResult("US_BANK_NUMBER", 5, 14, 0.4,
                            analysis_explanation=AnalysisExplanation("UsBankRecognizer", 0.05, validation_result=None),
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: "UsBankRecognizer"})
    model = RecognizerResult("PHONE_NUMBER", 5, 14, 0.9, recognition_metadata=_gliner("phone number"))
    assert apply_checksum_precedence(text, [weak, model]) == [weak, model]


def test_validation_is_read_from_the_recognizer_when_explanations_were_stripped():
    text = f"x {CARD}"
    stripped = RecognizerResult("CREDIT_CARD", 2, 2 + len(CARD), 1.0,
                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: "CreditCardRecognizer"})
    assert is_validated(stripped)
    below = RecognizerResult("CREDIT_CARD", 2, 2 + len(CARD), 0.9, recognition_metadata=stripped.recognition_metadata)
    assert not is_validated(below)
    model = RecognizerResult("CREDIT_CARD", 2, 2 + len(CARD), 0.99, recognition_metadata=_gliner("credit card number"))
    assert not is_validated(model)


def test_disjoint_findings_cover_every_character_of_every_result():
    text = "Call John Smith at 212-555-0199 today"
    results = [RecognizerResult("PERSON", 5, 15, 0.8), RecognizerResult("ID", 12, 25, 0.6),
               RecognizerResult("PHONE_NUMBER", 19, 31, 0.9)]
    out = disjoint_findings(text, results)
    covered = {i for r in out for i in range(r.start, r.end)}
    wanted = {i for r in results for i in range(r.start, r.end) if not text[i].isspace()}
    assert wanted <= covered
    assert all(a.end <= b.start for a, b in zip(out, out[1:])), "findings must not overlap"
    assert [(r.entity_type, text[r.start:r.end]) for r in out] == [
        ("PERSON", "John Smith"), ("ID", "at"), ("PHONE_NUMBER", "212-555-0199")]


def test_a_specific_type_wins_over_the_catch_all_on_the_same_characters():
    """The demo note's SSN: "other identifying number" (UNIQUE_IDENTIFIER) at 0.92 and "social
    security number" at 0.89 on the same span; the specific type names it, nothing is uncovered."""
    text = "SSN 512-44-8391 and badge ZX-7731."
    results = [RecognizerResult("UNIQUE_IDENTIFIER", 4, 15, 0.92), RecognizerResult("US_SSN", 4, 15, 0.89),
               RecognizerResult("UNIQUE_IDENTIFIER", 26, 33, 0.8)]
    out = disjoint_findings(text, results)
    assert [(r.entity_type, text[r.start:r.end]) for r in out] == [
        ("US_SSN", "512-44-8391"), ("UNIQUE_IDENTIFIER", "ZX-7731")]


def test_a_result_inside_a_higher_ranked_one_is_dropped():
    text = "MRN 4417-2290, seen at Mercy Hospital Boston"
    mrn = RecognizerResult("MEDICAL_RECORD_NUMBER", 4, 13, 0.81, recognition_metadata=_gliner("medical record number"))
    catch_all = RecognizerResult("UNIQUE_IDENTIFIER", 4, 13, 0.93, recognition_metadata=_gliner("identifier"))
    place = RecognizerResult("LOCATION", 23, 44, 0.7, recognition_metadata=_gliner("location"))
    inner_org = RecognizerResult("ORGANIZATION", 23, 37, 0.6, recognition_metadata=_gliner("organization"))
    overlapping = RecognizerResult("PERSON", 20, 28, 0.9)  # partly outside every other: kept
    out = drop_contained([catch_all, place, mrn, inner_org, overlapping])
    # The specific type wins the same characters whatever the scores; order and objects are kept.
    assert out == [place, mrn, overlapping]
    assert all(a is b for a, b in zip(out, [place, mrn, overlapping]))


def test_a_validated_match_inside_a_lower_ranked_result_keeps_its_own_type():
    text = f"Card {CARD}"
    card = _validated("CREDIT_CARD", 5, 5 + len(CARD))
    wide = RecognizerResult("US_BANK_NUMBER", 0, len(text), 0.99)  # not a GLiNER2 span: not trimmed
    assert drop_contained([wide, card]) == [wide, card]
    # The reverse: a lower-scored result inside the validated match goes.
    digits = RecognizerResult("PHONE_NUMBER", 5, 9, 0.99)
    assert drop_contained([digits, card]) == [card]


def test_a_callers_ad_hoc_recognizer_is_never_second_guessed(patterns):
    """Presidio's documented ad hoc ZIP recognizer (score 0.01) inside a model span is still reported."""
    text = "Zip code: 10023"
    zip_code = PatternRecognizer("ZIP", name="Zip", patterns=[Pattern("zip", r"\b\d{5}\b", 0.01)])
    model = SpanRecognizer([("LOCATION", 10, 15, 0.9)])
    found = patterns.analyze(text, language="en", score_threshold=0, ad_hoc_recognizers=[zip_code, model])
    assert sorted((r.entity_type, r.start, r.end) for r in found) == [("LOCATION", 10, 15), ("ZIP", 10, 15)]
    # Without the exemption the weaker, same-span result goes.
    assert [r.entity_type for r in resolve_overlaps(text, found)] == ["LOCATION"]


def test_resolve_overlaps_with_a_real_analyzer_reports_an_email_once(patterns):
    """Presidio's UrlRecognizer finds "jane.ro" and "example.org" inside the e-mail address; the
    analysis every face uses reports the address once, and a real URL beside it stays."""
    text = f"Mail {EMAIL} or see https://example.org/help today."
    plain = AnalyzerEngine.analyze(patterns, text, language="en")
    assert sum(r.entity_type == "URL" and r.end <= 5 + len(EMAIL) for r in plain) >= 1  # what the rule removes
    found = [(r.entity_type, text[r.start:r.end]) for r in Redactor(analyzer=patterns).analyze(text)]
    assert sorted(found) == [("EMAIL_ADDRESS", EMAIL), ("URL", "https://example.org/help")]
    assert sorted((r.start, r.end) for r in resolve_overlaps(text, plain)) == sorted(
        (r.start, r.end) for r in patterns.analyze(text, language="en"))


def test_redactor_applies_the_rule_with_a_real_analyzer(patterns):
    text = f"Card {CARD} on file."
    registry = RecognizerRegistry(recognizers=list(patterns.registry.recognizers), supported_languages=["en"])
    registry.add_recognizer(SpanRecognizer([("US_BANK_NUMBER", 0, 5 + len(CARD), 0.97)]))
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=patterns.nlp_engine, default_score_threshold=0.35)
    result = Redactor(analyzer=analyzer).redact(text)
    assert result.text == "<US_BANK_NUMBER> <CREDIT_CARD> on file."
    card = next(f for f in result.findings if f["entity_type"] == "CREDIT_CARD")
    assert (card["start"], card["end"], card["recognizer"]) == (5, 5 + len(CARD), "CreditCardRecognizer")


# ---------------------------------------------------------------------------------- operators

def test_default_replace_and_findings_without_values(patterns):
    text = f"Card {CARD}, mail {EMAIL}."
    result = Redactor(analyzer=patterns).redact(text)
    assert result.text == "Card <CREDIT_CARD>, mail <EMAIL_ADDRESS>."
    assert outside_unchanged(text, result)
    assert result.mapping is None
    for finding in result.findings:
        assert set(finding) >= {"entity_type", "start", "end", "score", "recognizer", "operator"}
        assert not any(isinstance(v, str) and (CARD in v or EMAIL in v) for v in finding.values())
    assert CARD not in str(result.to_dict()) and EMAIL not in str(result.to_dict())


def test_operators_per_entity_redact_mask_and_keep_last(patterns):
    text = f"Card {CARD}, IBAN {IBAN}, mail {EMAIL}."
    redactor = Redactor(analyzer=patterns, operators={
        "CREDIT_CARD": {"type": "mask", "masking_char": "#", "keep_last": 4},
        "IBAN_CODE": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 4, "from_end": False}),
        "EMAIL_ADDRESS": "redact"})
    result = redactor.redact(text)
    assert result.text == f"Card #### #### #### 6467, IBAN ****{IBAN[4:]}, mail ."
    assert {f["entity_type"]: f["operator"] for f in result.findings} == {
        "CREDIT_CARD": "mask", "IBAN_CODE": "mask", "EMAIL_ADDRESS": "redact"}
    assert mask_keep_last("AB-12", 0) == "**-**"


def test_hash_with_a_configured_salt_is_consistent_and_salted(patterns):
    text = f"{EMAIL} wrote; reply to {EMAIL}"
    salted = Redactor(analyzer=patterns, operators={"DEFAULT": {"type": "hash", "salt": SALT}})
    first, second = salted.redact(text), salted.redact(text)
    expected = hashlib.sha256(EMAIL.encode() + SALT.encode()).hexdigest()
    assert first.text == f"{expected} wrote; reply to {expected}" == second.text
    other = Redactor(analyzer=patterns, operators={"DEFAULT": {"type": "hash", "salt": SALT + "x"}}).redact(text)
    assert expected not in other.text
    with pytest.raises(InvalidParamError):
        Redactor(analyzer=patterns, operators={"DEFAULT": {"type": "hash", "salt": "short"}}).redact(text)


def test_encrypt_then_decrypt_round_trip(patterns):
    text = f"Card {CARD}; mail {EMAIL}; IBAN {IBAN}."
    result = Redactor(analyzer=patterns, operators={"DEFAULT": {"type": "encrypt", "key": KEY}}).redact(text)
    assert CARD not in result.text and EMAIL not in result.text
    assert {i["operator"] for i in result.items} == {"encrypt"}
    assert Redactor.decrypt(result.text, result.items, KEY) == text


def test_bad_operator_specs_are_rejected(patterns):
    with pytest.raises(ValueError, match="unknown operator 'scramble'"):
        Redactor(analyzer=patterns, operators={"PERSON": "scramble"})
    with pytest.raises(ValueError, match="keep_last belongs to the mask operator"):
        Redactor(analyzer=patterns, operators={"PERSON": {"type": "replace", "keep_last": 2}})
    with pytest.raises(ValueError, match="needs a 'type'"):
        Redactor(analyzer=patterns, operators={"PERSON": {"masking_char": "*"}})
    with pytest.raises(TypeError):
        Redactor(analyzer=patterns, operators=["redact"])


# ------------------------------------------------------------------ pseudonyms and reversing

def test_pseudonyms_are_consistent_within_a_document(patterns):
    other = "j.doe@example.net"
    text = f"From {EMAIL} to {other}; cc {EMAIL.upper()} and {EMAIL}. Card {CARD}."
    result = Redactor(analyzer=patterns, pseudonyms=True).redact(text)
    assert result.text == ("From <EMAIL_ADDRESS_1> to <EMAIL_ADDRESS_2>; cc <EMAIL_ADDRESS_1> and "
                           "<EMAIL_ADDRESS_1>. Card <CREDIT_CARD_1>.")
    # Numbering restarts per document.
    assert Redactor(analyzer=patterns, pseudonyms=True).redact(f"to {other}").text == "to <EMAIL_ADDRESS_1>"


def test_partial_names_share_the_full_names_pseudonym(patterns):
    text = "Margaret Okafor met Dr. Okafor; John Smith and MARGARET OKAFOR too. Smith left."
    spans = [("PERSON", 0, 15, 0.9), ("PERSON", 24, 30, 0.9), ("PERSON", 32, 42, 0.9), ("PERSON", 47, 62, 0.9),
             ("PERSON", 68, 73, 0.9)]
    registry = RecognizerRegistry(recognizers=[SpanRecognizer(spans)], supported_languages=["en"])
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=patterns.nlp_engine)
    result = Redactor(analyzer=analyzer, pseudonyms=True).redact(text)
    assert result.text == "<PERSON_1> met Dr. <PERSON_1>; <PERSON_2> and <PERSON_1> too. <PERSON_2> left."
    # Reversible redaction keys on exact values, so every spelling restores to itself.
    reversible = Redactor(analyzer=analyzer, reversible=True).redact(text)
    assert len(reversible.mapping) == 5 and Redactor.restore(reversible.text, reversible.mapping) == text


def test_an_ambiguous_partial_name_gets_its_own_pseudonym():
    from presidio_gliner2.redaction.pseudonyms import Pseudonyms

    mentions = [("PERSON", "Okafor"), ("PERSON", "Margaret Okafor"), ("PERSON", "John Okafor")]
    pseudonyms = Pseudonyms("")
    pseudonyms.assign_all(mentions)
    assert [pseudonyms.operator("PERSON")(v) for _, v in mentions] == ["<PERSON_1>", "<PERSON_2>", "<PERSON_3>"]


def test_pseudonym_that_already_occurs_in_the_text_is_skipped(patterns):
    text = f"literal <EMAIL_ADDRESS_1> then {EMAIL}"
    result = Redactor(analyzer=patterns, reversible=True).redact(text)
    assert result.text == "literal <EMAIL_ADDRESS_1> then <EMAIL_ADDRESS_2>"
    assert Redactor.restore(result.text, result.mapping) == text


def test_reversible_mapping_restores_the_exact_text(patterns):
    text = f"Mail {EMAIL}, call {PHONE}, again {EMAIL}; card {CARD}."
    result = Redactor(analyzer=patterns, reversible=True).redact(text)
    assert result.mapping == {"<EMAIL_ADDRESS_1>": EMAIL, "<PHONE_NUMBER_1>": PHONE, "<CREDIT_CARD_1>": CARD}
    assert Redactor.restore(result.text, result.mapping) == text
    assert Redactor.restore("nothing", None) == "nothing"
    with pytest.raises(ValueError, match="reversible"):
        Redactor(analyzer=patterns, reversible=True, operators={"DEFAULT": "redact"})
    with pytest.raises(ValueError, match="reversible"):
        Redactor(analyzer=patterns, reversible=True).redact(text, operators={"DEFAULT": "redact"})


# ----------------------------------------------------------------------------- input checks

def test_bad_input_is_a_clear_error(patterns):
    redactor = Redactor(analyzer=patterns)
    with pytest.raises(TypeError, match="text must be a str"):
        redactor.redact(b"bytes")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        redactor.redact_batch(["ok", 3])
    with pytest.raises(ValueError, match="unknown entities"):
        redactor.redact("x", entities=["NOT_AN_ENTITY"])
    with pytest.raises(ValueError, match="score_threshold"):
        Redactor(analyzer=patterns, score_threshold=2)
    with pytest.raises(ValueError, match="language 'de'"):
        Redactor(analyzer=patterns, language="de")
    assert redactor.redact("").text == "" and redactor.redact("   ").findings == []


def test_entities_restrict_what_is_redacted(patterns):
    text = f"Card {CARD}, mail {EMAIL}."
    result = Redactor(analyzer=patterns, entities=["EMAIL_ADDRESS"]).redact(text)
    assert result.text == f"Card {CARD}, mail <EMAIL_ADDRESS>."
    assert Redactor(analyzer=patterns).redact(text, entities=["CREDIT_CARD"]).text == f"Card <CREDIT_CARD>, mail {EMAIL}."


def test_a_redaction_that_does_not_add_up_raises_without_text(patterns, monkeypatch):
    redactor = Redactor(analyzer=patterns)
    real = redactor._anonymizer.anonymize

    def tampered(**kwargs):
        result = real(**kwargs)
        result.text = result.text.replace("Card", "Cart")
        return result

    monkeypatch.setattr(redactor._anonymizer, "anonymize", tampered)
    with pytest.raises(RuntimeError, match="text outside the findings changed") as info:
        redactor.redact(f"Card {CARD}")
    assert CARD not in str(info.value)


# ------------------------------------------------------------- GLiNER2: batching and policies

@pytest.fixture(scope="module")
def model_analyzer(minilm_dir):
    return gliner2_analyzer(minilm_dir, "healthcare")


def _recognizer(analyzer) -> GLiNER2Recognizer:
    return next(r for r in analyzer.registry.recognizers if isinstance(r, GLiNER2Recognizer))


def test_batch_is_one_model_pass_and_matches_single_calls(model_analyzer, monkeypatch):
    texts = [f"Patient Jane Roe, mail {EMAIL}.", "Nothing to see.", f"Call {PHONE} about Omar Haddad.", ""]
    # A few entities: one prompt group per text keeps this cheap; batching is what is under test.
    redactor = Redactor(analyzer=model_analyzer, entities=["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN"])
    singles = [redactor.redact(t) for t in texts]
    recognizer = _recognizer(model_analyzer)
    calls = []
    real = recognizer._predict
    monkeypatch.setattr(recognizer, "_predict", lambda texts, *a, **k: calls.append(len(texts)) or real(texts, *a, **k))
    batch = redactor.redact_batch(texts)
    assert calls == [len(texts)], "one batched model pass for the chunk, analyze and classify served from it"
    # Same output as one text at a time, up to float noise from padding in the batched pass.
    for b, s in zip(batch, singles):
        assert b.text == s.text and b.items == s.items and b.policy_class == s.policy_class
        assert [{**f, "score": pytest.approx(f["score"], abs=1e-3)} for f in b.findings] == s.findings
        assert {task: [(c["label"], pytest.approx(c["score"], abs=1e-3)) for c in classes]
                for task, classes in b.document_classes.items()} == {
                task: [(c["label"], c["score"]) for c in classes] for task, classes in s.document_classes.items()}
    assert all(outside_unchanged(t, r) for t, r in zip(texts, batch))
    assert batch[0].document_classes and "document_type" in batch[0].document_classes
    gliner_findings = [f for r in batch for f in r.findings if f["recognizer"] == "GLiNER2Recognizer"]
    assert all("model_label" in f for f in gliner_findings)


def test_analyze_and_classify_share_one_pass(model_analyzer, monkeypatch):
    recognizer = _recognizer(model_analyzer)
    calls = []
    real = recognizer._predict
    monkeypatch.setattr(recognizer, "_predict", lambda texts, *a, **k: calls.append(len(texts)) or real(texts, *a, **k))
    results, classes = Redactor(analyzer=model_analyzer).analyze_and_classify(f"Mail {EMAIL} today.")
    assert calls == [1] and "document_type" in classes
    assert any(r.entity_type == "EMAIL_ADDRESS" for r in results)


def test_policy_picks_operators_by_document_class(model_analyzer):
    recognizer = _recognizer(model_analyzer)
    labels = list(recognizer.classifiers["document_type"].labels)
    # Each class gets a different, recognisable operator for e-mail addresses.
    policy = {"task": "document_type",
              "default": {"EMAIL_ADDRESS": {"type": "replace", "new_value": "[default]"}},
              "classes": {label: {"EMAIL_ADDRESS": {"type": "replace", "new_value": f"[{label}]"}}
                          for label in labels}}
    redactor = Redactor(analyzer=model_analyzer, policy=policy)
    for text in [f"Discharge summary. Contact {EMAIL}.", f"Lab results attached, questions to {EMAIL}."]:
        result = redactor.redact(text)
        best = (result.document_classes.get("document_type") or [{}])[0].get("label")
        assert result.policy_class == best
        assert f"[{best}]" in result.text if best else "[default]" in result.text
        assert EMAIL not in result.text
    with pytest.raises(ValueError, match="'mood' is not a classifier"):
        Redactor(analyzer=model_analyzer, policy={**policy, "task": "mood"})


def test_policy_files_and_errors(patterns, tmp_path):
    shipped = Policy.load("by_document_type")
    assert shipped.task == "document_type"
    assert shipped.classes["bank statement"]["CREDIT_CARD"].params["keep_last"] == 4
    assert shipped.operators_for({"document_type": [{"label": "bank statement", "score": 0.9}]})[0] == "bank statement"
    assert shipped.operators_for({"document_type": [{"label": "poem", "score": 0.9}]}) == (None, shipped.default)
    bad = tmp_path / "bad.yaml"
    bad.write_text("task: document_type\nclasses: {}\n")
    with pytest.raises(ValueError, match="must not be empty"):
        Policy.load(bad)
    with pytest.raises(FileNotFoundError):
        Policy.load("no-such-policy")
    with pytest.raises(ValueError, match="unknown keys"):
        Policy.load({"task": "t", "classes": {"a": {}}, "colour": 1})
    with pytest.raises(ValueError, match="needs a GLiNER2Recognizer"):
        Redactor(analyzer=patterns, policy="by_document_type")


# ---------------------------------------------------------- end to end with the bundled model

CLINICAL_NOTE = """CLINICAL NOTE - Internal Medicine
Patient: Margaret Okafor    DOB: 03/14/1958    MRN: 00482913
Seen on 11/02/2024 by Dr. Alan Whitfield (NPI 1234567893).
Ms. Okafor lives at 42 Birchwood Lane, Springfield, IL 62704. Phone (217) 555-0143, email m.okafor58@mailbox.org.
SSN 536-22-8714 on file for billing.
Assessment: type 2 diabetes, stable on metformin. Plan: repeat HbA1c in three months.
"""
CLINICAL_PLANTED = ["Margaret Okafor", "Okafor", "03/14/1958", "00482913", "11/02/2024", "Alan Whitfield",
                    "1234567893", "42 Birchwood Lane", "Springfield", "62704", "(217) 555-0143",
                    "m.okafor58@mailbox.org", "536-22-8714"]
CLINICAL_KEPT = ["Assessment: type 2 diabetes, stable on metformin.", "Plan: repeat HbA1c in three months."]

BANK_LETTER = f"""Dear Mr. Daniel Reyes,
We received your dispute of a charge on card {CARD}.
Your checking account number is 004417259301 and the routing number is 021000021.
For international transfers use IBAN {IBAN}.
We verified your date of birth 07/22/1981 and SSN 536-22-8714.
Questions? Call (646) 555-0177 or write to disputes@firstharbor-bank.com.
The disputed amount will be credited within ten business days.
"""
BANK_PLANTED = ["Daniel Reyes", CARD, "004417259301", "021000021", IBAN, "07/22/1981", "536-22-8714",
                "(646) 555-0177", "disputes@firstharbor-bank.com"]
BANK_KEPT = ["We received your dispute of a charge on card", "The disputed amount will be credited within ten business days."]


@needs_default
@pytest.mark.parametrize("config, text, planted, kept", [
    ("healthcare", CLINICAL_NOTE, CLINICAL_PLANTED, CLINICAL_KEPT),
    ("finance", BANK_LETTER, BANK_PLANTED, BANK_KEPT),
], ids=["clinical-note", "bank-letter"])
def test_documents_lose_every_planted_identifier(config, text, planted, kept):
    redactor = Redactor(analyzer=build_analyzer(config), pseudonyms=True)
    result = redactor.redact(text)
    assert planted_absent(result.text, planted) == []
    assert outside_unchanged(text, result)
    for sentence in kept:
        assert sentence in result.text
    # Plain Presidio anonymization of the same analyzer results leaks nothing either.
    from presidio_anonymizer import AnonymizerEngine

    analyzer_results = redactor.analyze(text)
    plain = AnonymizerEngine().anonymize(text=text, analyzer_results=analyzer_results).text
    assert planted_absent(plain, planted) == []
