"""Hypothesis throws malformed and mutated input at the Statement resource: it must never answer 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import LRS, statement

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


# Hostile classes (issue 13, point 4): what PostgreSQL cannot store or Python cannot parse safely. Each is raw
# JSON text, so non-finite numbers and lone surrogates reach the LRS exactly as a client would send them.
HOSTILE_TOKENS = {
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "1e400": "1e400",
    "NUL": json.dumps("a\u0000b"),
    "lone surrogate": json.dumps("a\ud800b"),
    "deep": "[" * 5000 + "]" * 5000,
    "deep object": '{"a":' * 200 + "1" + "}" * 200,
}
MARK = '"__hostile__"'
# Where a hostile value goes, and the field the 400 must name.
HOSTILE_PLACES = {
    "statement.result.score.raw": lambda v: {"result": {"score": {"raw": v}}},
    "statement.result.extensions": lambda v: {"result": {"extensions": {"http://example.org/x": v}}},
    "statement.context.extensions": lambda v: {"context": {"extensions": {"http://example.org/x": v}}},
    "statement.actor.name": lambda v: {"actor": {"mbox": "mailto:ana@example.org", "name": v}},
    "statement.verb.display": lambda v: {"verb": {"id": "http://example.org/v", "display": {"en-US": v}}},
    "statement.object.definition": lambda v: {
        "object": {"id": "http://example.org/a", "definition": {"name": {"en": v}}}
    },
}


def hostile_body(place, token, wrap=lambda text: text):
    body = json.dumps(statement(**HOSTILE_PLACES[place](MARK[1:-1])))
    return wrap(body.replace(MARK, HOSTILE_TOKENS[token])).encode()


@SETTINGS
@given(place=st.sampled_from(sorted(HOSTILE_PLACES)), token=st.sampled_from(sorted(HOSTILE_TOKENS)))
def test_hostile_values_in_a_statement_are_a_400_naming_the_field(lrs, place, token):
    response = lrs.post("statements", hostile_body(place, token))
    assert response.status_code == 400, response.content
    assert response["X-Experience-API-Version"]
    message = response.json()["message"]
    if token.startswith("deep"):
        assert "deeper" in message, message
    else:
        assert message.startswith(place), message


@SETTINGS
@given(place=st.sampled_from(sorted(HOSTILE_PLACES)), token=st.sampled_from(sorted(HOSTILE_TOKENS)))
def test_hostile_values_in_multipart_and_alternate_syntax_are_a_400(lrs, place, token):
    from urllib.parse import urlencode

    part = hostile_body(place, token)
    multipart = b"--b\r\nContent-Type: application/json\r\n\r\n" + part + b"\r\n--b--\r\n"
    response = lrs.post("statements", multipart, content_type="multipart/mixed; boundary=b")
    assert response.status_code == 400, response.content
    headers = {"Authorization": lrs.headers["HTTP_AUTHORIZATION"], "X-Experience-API-Version": "1.0.3"}
    form = urlencode({"content": part.decode(), **headers})
    response = LRS(version=None).client.post(
        "/xapi/statements?method=POST", data=form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400, response.content


DOCUMENT_PARAMS = {
    "activities/state": {"activityId": "http://example.org/a", "agent": '{"mbox": "mailto:a@b.org"}', "stateId": "s"},
    "activities/profile": {"activityId": "http://example.org/a", "profileId": "p"},
    "agents/profile": {"agent": '{"mbox": "mailto:a@b.org"}', "profileId": "p"},
}


@SETTINGS
@given(
    resource=st.sampled_from(sorted(DOCUMENT_PARAMS)),
    method=st.sampled_from(["PUT", "POST"]),
    token=st.sampled_from(sorted(HOSTILE_TOKENS)),
)
def test_hostile_json_documents_are_a_400(lrs, resource, method, token):
    body = '{"page": ' + HOSTILE_TOKENS[token] + "}"
    response = lrs.request(method, resource, params=DOCUMENT_PARAMS[resource], body=body, HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 400, response.content
    assert lrs.get(resource, DOCUMENT_PARAMS[resource]).status_code == 404


NUL_AGENT = json.dumps({"account": {"homePage": "http://example.org", "name": "a\u0000b"}})


@SETTINGS
@given(
    resource=st.sampled_from(["statements", "activities", "agents", *sorted(DOCUMENT_PARAMS)]),
    name=st.sampled_from(["verb", "activityId", "agent", "stateId", "profileId", "registration", "since", "x\x00"]),
    value=st.sampled_from(["http://example.org/v\x00", "s\x00", NUL_AGENT, "\x00"]),
    method=st.sampled_from(["GET", "PUT", "POST", "DELETE"]),
)
def test_nul_in_query_parameters_is_a_400(lrs, resource, name, value, method):
    params = {**DOCUMENT_PARAMS.get(resource, {}), name: value}
    response = lrs.request(method, resource, params=params, body=b"{}")
    assert response.status_code < 500, response.content
    if "\x00" in name + value or (name == "agent" and value == NUL_AGENT):  # a NUL the LRS would have to store
        assert response.status_code in (400, 405), response.content
    assert response["X-Experience-API-Version"]
