"""The OpenAPI document matches what the API does: schemathesis finds no 5xx, no schema violation.

Every operation of the document is fuzzed with valid input under schemathesis' default checks
(no 5xx, status code documented, content type, body and headers as the schema says, ...); the
search operations also with invalid input (no 5xx, a documented answer). Path ids are real
article ids half the time, or the 200 answers of /api/articles, /similar and /compare would
never be checked. A stateful run then follows links the way a client does: search -> a hit's
article -> its similar list -> compare.

Driven through hypothesis directly: schemathesis' pytest plugin does not load under pytest 9.
"""

from __future__ import annotations

import copy

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error, positive_data_acceptance
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app
from app.openapi import openapi_document
from tests.conftest import build_fixture_index

OPERATIONS = sorted(op["operationId"] for path in openapi_document()["paths"].values() for op in path.values())
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def test_document_lists_every_api_route(app):
    doc = app.test_client().get("/api/openapi.json").get_json()
    routes = {r.rule.replace("<path:", "{").replace(">", "}")
              for r in app.url_map.iter_rules() if r.rule.startswith("/api/") and r.rule != "/api/openapi.json"}
    assert routes == set(doc["paths"])


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    index_dir = build_fixture_index(tmp_path_factory.mktemp("openapi-index"))
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", fuzz_app)


@pytest.fixture(scope="module")
def article_ids(fuzz_app) -> list[str]:
    found = fuzz_app.test_client().get("/api/search?q=&per_page=100").get_json()
    assert found["total"] >= 5
    return [hit["id"] for hit in found["results"]]


def operation(schema, operation_id: str):
    ops = [r.ok() for r in schema.get_all_operations() if r.ok().definition.raw.get("operationId") == operation_id]
    assert len(ops) == 1, operation_id
    return ops[0]


def refused_only_for_what_json_schema_cannot_say(ctx, response, case) -> None:
    """Instead of positive_data_acceptance: a schema-valid request may be a 400 only when the
    schema cannot express the rule (from after to, 2023-02-31) or the value is JSON Schema's
    integer written as 2.0, where the API wants digits; and the error names that field."""
    if response.status_code != 400 or not (case.meta and case.meta.generation.mode.is_positive):
        return
    field = response.json()["error"].get("field")
    if field in {"from", "to"}:
        return
    if field in {"page", "per_page"} and "." in str((case.query or {}).get(field)):
        return
    raise AssertionError(f"valid input refused: {response.json()} for {case.query}")


def with_real_ids(strategy, ids: list[str]):
    """Half the cases get existing ids in their path, so 200 bodies are checked too."""
    def fill(args):
        case, picks = args
        for name in list(case.path_parameters or {}):
            if picks:
                case.path_parameters[name] = picks.pop()
        return case
    return st.tuples(strategy, st.one_of(st.just([]), st.lists(st.sampled_from(ids), min_size=2, max_size=2))).map(fill)


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_valid_requests_get_documented_answers(api_schema, article_ids, operation_id):
    op = operation(api_schema, operation_id)
    seen: set[int] = set()

    @given(case=with_real_ids(op.as_strategy(generation_mode=GenerationMode.POSITIVE), article_ids))
    @FUZZ
    def check(case):
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance],
                                          additional_checks=[refused_only_for_what_json_schema_cannot_say])
        seen.add(response.status_code)

    check()
    assert 200 in seen  # the success schema was checked, not only the error one


@pytest.mark.parametrize("operation_id", ["search", "searchCsv"])  # the others have only an id to get wrong
def test_invalid_requests_get_documented_answers(api_schema, operation_id):
    op = operation(api_schema, operation_id)

    @given(case=op.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    @FUZZ
    def check(case):
        # not negative_data_rejection: by design the API reads `sort=%20`, `to=` and a repeated
        # `q=a&q=b` leniently (trimmed, empty = default, first value), and schemathesis also
        # counts `q=true` as a boolean where the server sees the word "true"
        case.call_and_validate(checks=[not_a_server_error, status_code_conformance,
                                       content_type_conformance, response_schema_conformance])

    check()


# how a client walks the API: these links exist only in the test's copy of the document
LINKS = {
    ("/api/search", "200"): {"HitArticle": {"operationId": "article",
                                            "parameters": {"aid": "$response.body#/results/0/id"}},
                             "HitSimilar": {"operationId": "similar",
                                            "parameters": {"aid": "$response.body#/results/1/id"}},
                             "HitsCompared": {"operationId": "compare", "parameters": {
                                 "aid": "$response.body#/results/0/id", "bid": "$response.body#/results/1/id"}}},
    ("/api/articles/{aid}", "200"): {"ArticleSimilar": {"operationId": "similar",
                                                        "parameters": {"aid": "$response.body#/id"}}},
    ("/api/articles/{aid}/similar", "200"): {"CompareFirst": {"operationId": "compare", "parameters": {
        "aid": "$response.body#/id", "bid": "$response.body#/similar/0/id"}}},
}


def test_following_links_from_search_to_compare(fuzz_app):
    doc = copy.deepcopy(fuzz_app.test_client().get("/api/openapi.json").get_json())
    for (path, status), links in LINKS.items():
        doc["paths"][path]["get"]["responses"][status]["links"] = links
    for p in doc["paths"]["/api/search"]["get"]["parameters"]:  # start from searches that find something:
        if p["name"] == "q":  # random text (fuzzed above) rarely matches, and the walk would end there
            p["schema"] = {"type": "string", "enum": ["", "pact", "arrival", "gas", "sanctions", "summit"]}
    schema = schemathesis.openapi.from_dict(doc)
    schema.app = fuzz_app
    schema.config.generation.update(modes=[GenerationMode.POSITIVE])  # real ids flow along the links
    machine = schema.as_state_machine()

    class Walk(machine):
        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, excluded_checks=[positive_data_acceptance],
                                   additional_checks=[refused_only_for_what_json_schema_cannot_say])

    Walk.run(settings=settings(max_examples=30, stateful_step_count=6, deadline=None,
                               suppress_health_check=list(HealthCheck), database=None))
