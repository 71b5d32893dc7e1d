"""Hypothesis throws malformed and mutated input at the Statement resource: it must never answer 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import statement

pytestmark = pytest.mark.django_db

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
KEYS = ["id", "actor", "verb", "object", "result", "context", "timestamp", "attachments", "version", "authority"]


def mutated_statement():
    """A valid statement with one property replaced by arbitrary JSON, or a nested one."""
    return st.builds(
        lambda key, value, nested: _mutate(statement(), key, value, nested),
        st.sampled_from(KEYS),
        json_values,
        st.sampled_from(["", "mbox", "objectType", "id", "definition", "display", "score", "registration"]),
    )


def _mutate(body, key, value, nested):
    if nested and isinstance(body.get(key), dict):
        body[key] = {**body[key], nested: value}
    else:
        body[key] = value
    return body


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(body=st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_arbitrary_bodies_never_crash_the_endpoint(lrs, body):
    response = lrs.post("statements", body)
    assert response.status_code in (200, 400), response.content


@SETTINGS
@given(body=mutated_statement())
def test_mutated_statements_are_stored_or_refused_with_a_reason(lrs, body):
    response = lrs.post("statements", body)
    assert response.status_code in (200, 400, 409), response.content
    if response.status_code == 400:
        assert response.json()["message"]


@SETTINGS
@given(params=st.dictionaries(st.sampled_from(["agent", "verb", "activity", "registration", "since", "until",
                                               "limit", "format", "ascending", "statementId", "related_agents",
                                               "attachments", "more"]),
                              st.text(max_size=30), max_size=4))  # fmt: skip
def test_arbitrary_queries_never_crash(lrs, params):
    response = lrs.get("statements", params)
    assert response.status_code in (200, 400, 404), response.content


@SETTINGS
@given(
    content_type=st.sampled_from(["multipart/mixed; boundary=b", "multipart/mixed", 'multipart/mixed; boundary="b"']),
    body=st.binary(max_size=300),
)
def test_arbitrary_multipart_never_crashes(lrs, content_type, body):
    response = lrs.post("statements", b"--b\r\n" + body + b"\r\n--b--", content_type=content_type)
    assert response.status_code in (200, 400), response.content


@SETTINGS
@given(
    resource=st.sampled_from(["activities/state", "activities/profile", "agents/profile", "activities", "agents"]),
    method=st.sampled_from(["GET", "PUT", "POST", "DELETE"]),
    params=st.dictionaries(st.sampled_from(["activityId", "agent", "stateId", "profileId", "registration", "since"]),
                           st.text(max_size=30) | st.just('{"mbox": "mailto:a@b.org"}') | st.just("http://a.org/x"),
                           max_size=4),
    body=st.binary(max_size=50),
    if_match=st.sampled_from([None, "*", '"abc"']),
)  # fmt: skip
def test_document_resources_never_crash(lrs, resource, method, params, body, if_match):
    headers = {"HTTP_IF_MATCH": if_match} if if_match else {}
    response = lrs.request(method, resource, params=params, body=body, **headers)
    assert response.status_code in (200, 204, 400, 404, 405, 409, 412), response.content
