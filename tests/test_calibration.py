"""presidio-gliner2 calibrate: per-label thresholds chosen on a dev set for recall, written into a pack."""

from __future__ import annotations

import pytest

from presidio_gliner2.plugin.calibration import GRID, _choose, calibrate, gold_entities, write_thresholds
from presidio_gliner2.plugin.packs import EntityLabel, load_pack
from tests.support.models import needs_default

CITY = EntityLabel("LOCATION", "city")


def test_gold_entities_of_fine_and_coarse_labels():
    assert gold_entities("city") == {"LOCATION"}
    assert gold_entities("location") == {"LOCATION", "ORGANIZATION"}  # facilities are organizations
    assert gold_entities("dates") == {"DATE_TIME", "DATE_OF_BIRTH"}
    assert gold_entities("no such label") == frozenset()


def test_f2_choice_lowers_the_threshold_when_recall_needs_it():
    # Two gold cities, found at 0.3 and 0.9; one wrong candidate at 0.2.
    candidates = [(0.3, True), (0.9, True), (0.2, False)]
    claimed = [[0.3], [0.9]]
    row = _choose(CITY, candidates, claimed, None)
    assert row.threshold == 0.25 and row.recall == 1.0 and row.precision == 1.0  # the lowest that drops the noise


def test_recall_floor_takes_the_highest_threshold_that_reaches_it():
    candidates = [(0.3, True), (0.6, True), (0.9, True), (0.95, False)]
    claimed = [[0.3], [0.6], [0.9]]
    row = _choose(CITY, candidates, claimed, recall_floor=0.6)
    assert row.threshold == 0.6 and row.recall == pytest.approx(2 / 3)
    unreachable = _choose(CITY, [(0.3, True)], [[0.3], []], recall_floor=0.9)
    assert unreachable.threshold == GRID[0]  # nothing reaches it: recall as much as possible


def test_a_label_without_gold_keeps_the_packs_threshold():
    assert _choose(CITY, [(0.9, False)], [], None).threshold is None


def test_write_thresholds_keeps_comments_and_order():
    text = ("entities:\n  PERSON:                 # (A) names\n    - label: person\n"
            "      description: a name\n      threshold: 0.5\n  LOCATION:\n    - label: city\n")
    out = write_thresholds(text, {"person": 0.35, "city": 0.2})
    assert out == ("entities:\n  PERSON:                 # (A) names\n    - label: person\n"
                   "      description: a name\n      threshold: 0.35\n  LOCATION:\n    - label: city\n"
                   "      threshold: 0.20\n")
    with pytest.raises(ValueError, match="zip code"):
        write_thresholds(text, {"zip code": 0.3})


def test_write_thresholds_on_every_shipped_pack_gives_an_equal_pack_but_thresholds(tmp_path):
    from presidio_gliner2 import resources

    for name in resources.names("pack"):
        path = resources.resolve("pack", name)
        pack = load_pack(path)
        chosen = {item.label: 0.25 for item in pack.labels()}
        target = tmp_path / f"{name}.yaml"
        target.write_text(write_thresholds(path.read_text(), chosen))
        again = load_pack(target)
        assert [(l.entity, l.label, l.description) for l in again.labels()] == \
            [(l.entity, l.label, l.description) for l in pack.labels()]
        assert {l.threshold for l in again.labels()} == {0.25}
        assert again.classifiers == pack.classifiers


@pytest.mark.slow
@needs_default
def test_calibrate_command_writes_a_pack_that_loads(tmp_path):
    from presidio_gliner2.cli import main

    out = tmp_path / "calibrated.yaml"
    assert main(["calibrate", "tests/data/handwritten/general.jsonl", "--pack", "general", "--out", str(out)]) == 0
    pack = load_pack(out)
    assert pack.entity_names == load_pack("general").entity_names
    assert any(label.threshold is not None for label in pack.labels())


@pytest.mark.parametrize("descriptions,classifiers", [(True, True), (False, True), (False, False)])
def test_calibration_asks_the_prompt_the_deployment_asks(monkeypatch, descriptions, classifiers):
    """Scores depend on the whole prompt: a pack calibrated with descriptions and no classifiers
    but served with names only and its classifiers gets thresholds for another prompt."""
    from presidio_gliner2.plugin import calibration

    built = {}

    class Recorder:  # stands in for the recognizer: records how calibrate() builds it
        def __init__(self, **kwargs):
            built.update(kwargs)

        def analyze_batch(self, texts):
            return [[] for _ in texts]

    monkeypatch.setattr(calibration, "GLiNER2Recognizer", Recorder)
    pack = load_pack("healthcare")
    record = {"input": "Seen by Dr. Lee.", "output": {"entities": {"person": ["Lee"]}}}
    calibration.calibrate("default", pack, [record], label_descriptions=descriptions, classifiers=classifiers)
    assert built["label_descriptions"] is descriptions
    assert built["classifiers"] is (None if classifiers else False)  # None: the pack's own classifiers
    assert built["entities"].classifiers == pack.classifiers
    assert {l.threshold for l in built["entities"].labels()} == {None}  # every label at the floor


def test_a_plateau_of_equal_f2_takes_its_lowest_threshold():
    """Every candidate right at every threshold (e-mails in generated text): recall first, the
    plateau's low end, so a value the model reads with less confidence elsewhere is still found."""
    candidates = [(0.97, True), (0.99, True)]
    claimed = [[0.97], [0.99]]
    row = _choose(CITY, candidates, claimed, None)
    assert row.threshold == GRID[0] == 0.05 and row.f2 == 1.0


def test_a_lower_threshold_within_the_tolerance_wins_over_the_best_f2():
    # 20 gold cities found at 0.9; one more at 0.2, beside 3 wrong candidates at 0.2 and 0.1.
    claimed = [[0.9]] * 20 + [[0.2]]
    candidates = [(0.9, True)] * 20 + [(0.2, True), (0.2, False), (0.1, False), (0.1, False)]
    strict = _choose(CITY, candidates, claimed, None, tolerance=0.0)
    assert strict.threshold == 0.15  # best F2: the 21st city in, the 0.1 noise out
    loose = _choose(CITY, candidates, claimed, None, tolerance=0.05)
    assert loose.threshold == 0.05 and loose.f2 >= strict.f2 - 0.05 and loose.f2 < strict.f2
    assert _choose(CITY, candidates, claimed, None).threshold == 0.15  # default 0.005: 0.05 costs more


def test_tolerance_outside_zero_to_one_is_refused_before_the_model_loads():
    with pytest.raises(ValueError, match="tolerance"):
        calibrate("no-such-model-dir", load_pack("healthcare"), [], tolerance=-0.1)


def test_a_catch_all_label_is_judged_on_every_identifier_type(monkeypatch):
    """The general pack's ``identifier`` (UNIQUE_IDENTIFIER) names no single type: its candidate is
    right on any identifier gold (a medical record number the pack has no label for), it owns the
    identifier spans no label of their own type overlaps, and a document that annotates no
    identifier says nothing about it."""
    from presidio_analyzer import RecognizerResult

    from presidio_gliner2.plugin import calibration
    from presidio_gliner2.plugin.recognizer import MODEL_LABEL_KEY

    def found(entity, label, start, end, score):
        return RecognizerResult(entity, start, end, score, recognition_metadata={MODEL_LABEL_KEY: label})

    mrn_doc = "MRN 4471-22, SSN 512-44-8391."
    people_doc = "Ask Dana about order 5521."
    by_text = {
        mrn_doc: [found("UNIQUE_IDENTIFIER", "identifier", 4, 11, 0.6),   # the MRN: only the catch-all has it
                  found("UNIQUE_IDENTIFIER", "identifier", 17, 28, 0.9),  # the SSN: the SSN label has it too
                  found("US_SSN", "social security number", 17, 28, 0.4)],
        people_doc: [found("PERSON", "person", 4, 8, 0.9),
                     found("UNIQUE_IDENTIFIER", "identifier", 21, 25, 0.3)],  # no identifier gold here: not evidence
    }

    class Fixed:
        def __init__(self, **kwargs):
            pass

        def analyze_batch(self, texts):
            return [by_text[t] for t in texts]

    monkeypatch.setattr(calibration, "GLiNER2Recognizer", Fixed)
    records = [
        {"input": mrn_doc, "output": {"entities": {"medical record number": ["4471-22"],
                                                   "social security number": ["512-44-8391"]}}},
        {"input": people_doc, "output": {"entities": {"person": ["Dana"]}}},
    ]
    _, table = calibration.calibrate("default", load_pack("general"), records)
    rows = {row.label: row for row in table}
    assert (rows["identifier"].support, rows["identifier"].candidates) == (1, 2)  # the MRN; both spans right
    assert rows["identifier"].precision == 1.0 and rows["identifier"].threshold == 0.05
    assert rows["social security number"].support == 1  # the SSN stays its own type's
    assert rows["person"].support == 1 and rows["person"].candidates == 1


def test_an_identifier_nothing_finds_counts_against_the_catch_all_when_no_label_names_its_type(monkeypatch):
    from presidio_gliner2.plugin import calibration

    class Nothing:
        def __init__(self, **kwargs):
            pass

        def analyze_batch(self, texts):
            return [[] for _ in texts]

    monkeypatch.setattr(calibration, "GLiNER2Recognizer", Nothing)
    record = {"input": "MRN 4471-22.", "output": {"entities": {"medical record number": ["4471-22"]}}}
    _, table = calibration.calibrate("default", load_pack("general"), [record])
    row = next(row for row in table if row.label == "identifier")
    assert row.support == 1 and row.recall == 0.0
