"""Schemathesis against the app's own OpenAPI schema, in-process: no 5xx, no schema violation.

Every operation is fuzzed with valid data (positive mode) and invalid data
(negative mode), a bounded number of examples each; every response is
checked by all of schemathesis's response checks. The operations are driven
through hypothesis directly (schemathesis's pytest integration does not run
on pytest 9 yet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.python import asgi

from api.app import create_app
from kg.settings import Settings

EXAMPLES = 150  # per operation and mode: bounded, and the whole run stays well under a minute


@pytest.fixture(scope="module")
def api_schema(built_dir: Path) -> Iterator[schemathesis.BaseSchema]:
    app = create_app(Settings(build_dir=built_dir, query_timeout=5, max_request_bytes=20_000))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    # Over a documented limit (maxLength, maxItems) the API answers 413, as it says: a rejection.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    yield schema
    asgi.shutdown_lifespans()


def fuzz(operation: schemathesis.APIOperation, mode: GenerationMode, seen: Counter[int], failures: list[str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
        seen[response.status_code] += 1

    try:
        run()
    except Unsatisfiable:
        # Nothing to make invalid: an operation without parameters in negative mode.
        assert mode is GenerationMode.NEGATIVE, operation.label
    except (Exception, BaseExceptionGroup) as exc:  # collected, so one run reports them all
        failures.append(f"{operation.label} {mode.value}: {exc}"[:1500])


@pytest.mark.slow
def test_every_operation_conforms_and_never_fails(api_schema: schemathesis.BaseSchema) -> None:
    seen: Counter[int] = Counter()
    failures: list[str] = []
    labels = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode, seen, failures)
    print(f"schemathesis: {sum(seen.values())} requests over {len(labels)} operations; "
          f"statuses {dict(sorted(seen.items()))}")
    assert {"GET /health", "GET /sparql", "POST /ask"} <= set(labels)
    print('\n\n'.join(failures))
    assert not failures
    assert not [s for s in seen if s >= 500]
