"""Fuzzing the REST request models and endpoints (issue 11).

1. Any JSON value given to a request model either validates or raises pydantic's
   ValidationError, never another exception (which would be a 500).
2. Over loopback, against the session's real server (``server`` fixture), fuzzed bodies for
   /analyze and /anonymize answer 2xx or 4xx; a 500 is allowed only as the documented model
   failure (``MODEL_FAILED``), and no answer quotes the text it was sent.
"""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import BaseModel, ValidationError

from presidio_gliner2.server import schemas
from presidio_gliner2.server.errors import MODEL_FAILED

MODELS = [schemas.AnalyzeRequest, schemas.AnonymizeRequest, schemas.DeanonymizeRequest, schemas.RedactRequest,
          schemas.ClassifyRequest, schemas.AdHocRecognizer]
SECRET = "Zq7Secret"  # planted in every text: an answer that carries it quotes the request

scalars = (st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def _near(fields: dict, required: tuple = ()) -> st.SearchStrategy:
    """Half the time plausible bodies (``required`` fields present, every value of its field's
    shape), half the time the same field names holding any JSON at all."""
    plausible = st.fixed_dictionaries({name: fields[name] for name in required},
                                      optional={name: value for name, value in fields.items() if name not in required})
    noisy = st.fixed_dictionaries({}, optional={name: value | json_values for name, value in fields.items()})
    return plausible | noisy


texts = st.text(max_size=30).map(lambda t: f"{t} {SECRET} call 617-555-0142")
entity_names = st.lists(st.sampled_from(["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "X"])
                        | st.text(max_size=6), max_size=3)
patterns = st.lists(st.fixed_dictionaries({"name": st.text(max_size=5), "regex": st.sampled_from(
    ["\\d+", "[", "(a|b)*c", "", "x{2,}", "(?P<n>e)", SECRET]) | st.text(max_size=6),
    "score": st.floats(allow_nan=True) | json_values}), max_size=2)
ad_hoc = st.lists(_near({"name": st.text(max_size=8), "supported_language": st.just("en"),
                         "supported_entity": st.sampled_from(["TITLE", "X", ""]), "patterns": patterns,
                         "deny_list": st.lists(st.text(max_size=6), max_size=3),
                         "context": st.lists(st.text(max_size=6), max_size=2)}), max_size=2)
analyze_bodies = _near({
    "text": texts | st.lists(texts, max_size=3), "language": st.sampled_from(["en", "en", "de", ""]),
    "entities": entity_names, "correlation_id": st.text(max_size=8),
    "score_threshold": st.floats(min_value=-1, max_value=2) | st.booleans(),
    "return_decision_process": st.booleans() | st.integers(-1, 2),
    "ad_hoc_recognizers": ad_hoc, "context": st.lists(st.text(max_size=6), max_size=3),
    "allow_list": st.lists(st.text(max_size=6) | st.just(SECRET), max_size=3),
    "allow_list_match": st.sampled_from(["exact", "regex"]), "regex_flags": st.integers(-4, 300),
}, required=("text", "language"))
spans = st.fixed_dictionaries({"start": st.integers(-3, 60), "end": st.integers(-3, 60),
                               "entity_type": st.sampled_from(["PERSON", "", "X Y"]) | st.text(max_size=4)},
                              optional={"score": st.floats(allow_nan=True) | json_values})
operators = st.dictionaries(
    st.sampled_from(["DEFAULT", "PERSON", "X"]),
    st.fixed_dictionaries({"type": st.sampled_from(["replace", "mask", "redact", "hash", "encrypt", "keep", "custom",
                                                    "pseudonym", "nope"]) | st.text(max_size=5)},
                          optional={"new_value": st.text(max_size=5) | json_values,
                                    "masking_char": st.text(max_size=2) | json_values,
                                    "chars_to_mask": st.integers(-3, 40) | json_values,
                                    "from_end": st.booleans() | json_values, "key": st.text(max_size=33),
                                    "hash_type": st.sampled_from(["sha256", "md5", "x"])}),
    max_size=2)
anonymize_bodies = _near({"text": texts | st.lists(texts, max_size=2), "anonymizers": operators,
                          "analyzer_results": st.lists(spans, max_size=3) | st.lists(st.lists(spans, max_size=2),
                                                                                     max_size=2)},
                         required=("text", "analyzer_results"))


@settings(max_examples=120, deadline=None, derandomize=True)
@given(model=st.sampled_from(MODELS), value=json_values | analyze_bodies | anonymize_bodies)
def test_request_models_validate_or_raise_validation_error(model, value):
    try:
        parsed = model.model_validate(value)
    except ValidationError:
        return
    assert isinstance(parsed, BaseModel)
    parsed.model_dump()  # the handlers read it back


LOOPBACK = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


def _check(response: httpx.Response) -> None:
    if response.status_code == 500:
        assert response.json() == {"error": MODEL_FAILED}, response.text
    else:
        assert response.status_code in (200, 400, 413, 422), (response.status_code, response.text)
    if response.status_code != 200:
        assert SECRET not in response.text


@LOOPBACK
@given(body=analyze_bodies)
def test_fuzzed_analyze_bodies_never_crash_the_server(client, body):
    _check(client.post("/analyze", content=json.dumps(body), headers={"Content-Type": "application/json"}))


@LOOPBACK
@given(body=anonymize_bodies)
def test_fuzzed_anonymize_bodies_never_crash_the_server(client, body):
    _check(client.post("/anonymize", content=json.dumps(body), headers={"Content-Type": "application/json"}))
