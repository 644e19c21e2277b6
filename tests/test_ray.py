"""The Ray Data job (``presidio_gliner2.ray``) on a real local two-CPU Ray cluster with the bundled
model: a Dataset of clinical notes comes back redacted, equal to ``Redactor.redact_batch`` on the
same texts; null cells and failing rows. One cluster for the module, shut down after it; each
``redact_dataset`` call starts its own model actor."""

from __future__ import annotations

import pytest

from tests.support.batch import (NOTES, OPTIONS, ROWS, assert_nothing_planted_left, assert_same_as_redact_batch,
                                 expected_rows, failing_operator)
from tests.support.models import needs_default

ray = pytest.importorskip("ray", reason="the batch extra is not installed: pip install -e '.[batch]'")
import ray.data  # noqa: E402

from presidio_gliner2.ray import redact_dataset  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=150 * 2**20,
             log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def notes(cluster):
    return ray.data.from_items([{"id": i, "note": note} for i, note in ROWS], override_num_blocks=2)


def _rows(ds) -> dict[int, dict]:
    return {row["id"]: row for row in ds.take_all()}


@needs_default
@pytest.mark.slow
def test_a_dataset_of_notes_comes_back_redacted_like_redact_batch(notes):
    from presidio_gliner2 import Redactor

    rows = _rows(redact_dataset(notes, "note", concurrency=1, **OPTIONS))
    assert_same_as_redact_batch(rows, expected_rows(Redactor(**OPTIONS)))
    assert_nothing_planted_left(rows)
    assert [rows[i]["note"] for i, _ in ROWS] == [note for _, note in ROWS]
    null = rows[len(NOTES)]
    assert (null["note_redacted"], null["note_findings"], null["note_classes"]) == (None, "[]", "{}")


@needs_default
@pytest.mark.slow
def test_a_failing_row_is_reported_and_never_passed_through(notes):
    options = {**OPTIONS, "operators": {"PERSON": {"type": "custom", "lambda": failing_operator("Okafor")}}}
    rows = _rows(redact_dataset(notes, "note", concurrency=1, batch_size=3, **options))
    failed = rows[0]
    assert failed["note_error"] == "ValueError"
    assert (failed["note_redacted"], failed["note_findings"], failed["note_classes"]) == (None, None, None)
    assert all(rows[i]["note_error"] is None for i in rows if i != 0)
    assert_nothing_planted_left(rows)


def test_bad_calls_fail_at_once():
    with pytest.raises(TypeError, match="unknown Redactor option"):
        redact_dataset(None, "note", confg="healthcare")
    with pytest.raises(TypeError, match="analyzer="):
        redact_dataset(None, "note", analyzer=object())
    with pytest.raises(ValueError, match="concurrency"):
        redact_dataset(None, "note", concurrency=0)
    with pytest.raises(ValueError, match="on_error"):
        redact_dataset(None, "note", on_error="ignore")


def test_the_module_is_presidio_gliner2_ray_and_imports_the_real_ray():
    import presidio_gliner2.ray as face

    assert face.ray is ray and face.ray.__name__ == "ray" and hasattr(face.ray, "init")
