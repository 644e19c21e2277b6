"""The OpenAPI document is true: schemathesis against the live server (the ``server`` fixture).

Bounded on purpose (a few examples per operation, no shrinking of passing runs): it checks that
no schema-valid request gets a 5xx and that every response (status code, content type, body)
matches what the document says.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402

schemathesis.experimental.OPEN_API_3_1.enable()  # FastAPI writes OpenAPI 3.1


@pytest.fixture(scope="module")
def api_schema(server):
    return schemathesis.from_uri(f"{server.url}/openapi.json")


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_documented_contract(case):
    response = case.call(timeout=120)
    case.validate_response(response)
