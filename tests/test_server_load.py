"""Under load the server stays correct: 500 requests, 8 at a time, over loopback.

Correctness only (no timing assertion; bench/load_test.py measures latency and throughput):
every response is 200 and byte-for-byte the body the same request got when sent alone. The mix
covers the model endpoints (single and list /analyze, /redact) and the model-free /anonymize,
so model passes queue behind the inference gate while cheap requests go around it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

pytestmark = pytest.mark.slow

REQUESTS = 500
CONCURRENCY = 8
SENTENCES = [
    "Patient Maria Garcia, DOB 04/12/1961, was admitted on 02/03/2024.",
    "Please wire the refund to account 0012-4456-78 at First Harbor Bank.",
    "Contact Dr. Alan Chu at alan.chu@clinic.example or 415-555-0132.",
    "The claim for policy HX-99812 was filed by Peter Novak in Denver.",
    "Her SSN is 321-54-9876 and her card number is 4111 1111 1111 1111.",
    "Nothing sensitive is written in this sentence at all.",
]


# Six entities fit one prompt: one model pass per text keeps 500 requests cheap on 2 cores.
ENTITIES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "DATE_TIME", "CREDIT_CARD"]


def _bodies() -> list[tuple[str, dict]]:
    bodies = [("/analyze", {"text": s, "language": "en", "entities": ENTITIES}) for s in SENTENCES]
    bodies.append(("/analyze", {"text": SENTENCES[:3], "language": "en", "entities": ENTITIES,
                                "return_decision_process": True}))
    bodies.append(("/redact", {"text": SENTENCES[4], "pseudonyms": True}))
    for i, s in enumerate(SENTENCES + SENTENCES[:2]):  # model-free requests go around the gate
        bodies.append(("/anonymize", {"text": s, "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "#",
                                                                             "chars_to_mask": 3 + i, "from_end": True}},
                                      "analyzer_results": [{"start": 0, "end": 10, "score": 0.9, "entity_type": "X"}]}))
    return bodies


def test_concurrent_results_equal_sequential_ones(server):
    bodies = _bodies()
    with httpx.Client(base_url=server.url, timeout=300,
                      limits=httpx.Limits(max_connections=CONCURRENCY)) as client:
        expected = []
        for path, body in bodies:
            response = client.post(path, json=body)
            assert response.status_code == 200, (path, response.text)
            expected.append(response.content)

        def call(i: int):
            path, body = bodies[i % len(bodies)]
            response = client.post(path, json=body)
            return i % len(bodies), response.status_code, response.content

        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            outcomes = list(pool.map(call, range(REQUESTS)))

    errors = [(bodies[k][0], status) for k, status, _ in outcomes if status != 200]
    assert errors == []
    mismatched = [bodies[k][0] for k, _, content in outcomes if content != expected[k]]
    assert mismatched == [], f"{len(mismatched)} of {REQUESTS} concurrent responses differ from sequential ones"
