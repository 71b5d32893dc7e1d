"""xAPI 1.0.3 and 2.0 side by side, chosen per request by X-Experience-API-Version; stored once, served in the
version asked for."""

import json
from urllib.parse import urlencode

import pytest

from .conftest import LRS, new_id, statement

pytestmark = pytest.mark.django_db

TEAM = {"objectType": "Group", "name": "Team", "member": [{"mbox": "mailto:bob@example.org"}]}
CONTEXT_2 = {
    "contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.org"},
                       "relevantTypes": ["http://example.org/types/coach"]}],
    "contextGroups": [{"objectType": "contextGroup", "group": TEAM}],
}  # fmt: skip


@pytest.fixture
def lrs2(lrs):
    return LRS(lrs.headers["HTTP_AUTHORIZATION"], version="2.0.0")


@pytest.mark.parametrize(("sent", "answered"), [("1.0.0", "1.0.3"), ("1.0.2", "1.0.3"), ("1.0.3", "1.0.3"),
                                                ("2.0", "2.0.0"), ("2.0.0", "2.0.0")])  # fmt: skip
def test_each_request_is_answered_in_its_version(lrs, sent, answered):
    response = lrs.get("statements", HTTP_X_EXPERIENCE_API_VERSION=sent)
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == answered


@pytest.mark.parametrize("sent", ["", "0.9", "0.95", "1.1.0", "3.0.0", "2.0.0.0"])
@pytest.mark.parametrize("default", ["1.0.3", "2.0.0"])
def test_other_versions_are_refused_in_the_default_version(lrs, sent, default, settings):
    settings.XAPI_DEFAULT_VERSION = default
    response = lrs.get("statements", HTTP_X_EXPERIENCE_API_VERSION=sent)
    assert response.status_code == 400
    assert response["X-Experience-API-Version"] == default


def test_the_about_resource_lists_both_versions(db):
    assert "2.0.0" in LRS(version=None).get("about").json()["version"]
    assert "1.0.3" in LRS(version=None).get("about").json()["version"]


def test_context_agents_and_groups_are_xapi_2_and_hidden_from_1_0_3_clients(lrs, lrs2):
    body = statement(context=CONTEXT_2)
    refused = lrs.post("statements", body)
    assert refused.status_code == 400 and "contextAgents" in refused.json()["message"]
    [statement_id] = lrs2.post("statements", body).json()
    as_2 = lrs2.get("statements", {"statementId": statement_id}).json()
    assert as_2["context"]["contextAgents"] == CONTEXT_2["contextAgents"]
    assert as_2["version"] == "2.0.0"
    as_1 = lrs.get("statements", {"statementId": statement_id}).json()
    assert "contextAgents" not in as_1["context"] and "contextGroups" not in as_1["context"]
    assert as_1["version"] == "1.0.3"
    coach = json.dumps({"mbox": "mailto:coach@example.org"})
    related = lrs2.get("statements", {"agent": coach, "related_agents": "true"}).json()["statements"]
    assert [s["id"] for s in related] == [statement_id]


@pytest.mark.parametrize(
    "context",
    [
        {"contextAgents": [{"objectType": "agent", "agent": {"mbox": "mailto:a@example.org"}}]},
        {"contextAgents": [{"objectType": "contextAgent", "agent": TEAM}]},
        {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:a@example.org"},
                            "relevantTypes": []}]},
        {"contextGroups": [{"objectType": "contextGroup", "group": {"mbox": "mailto:a@example.org"}}]},
        {"contextGroups": [{"objectType": "contextGroup", "group": TEAM, "relevantTypes": ["not an iri"]}]},
        {"contextGroups": {"objectType": "contextGroup", "group": TEAM}},
    ],
)  # fmt: skip
def test_invalid_context_agents_and_groups_are_a_400(lrs2, context):
    response = lrs2.post("statements", statement(context=context))
    assert response.status_code == 400
    assert "statement.context.context" in response.json()["message"]


def test_a_2_0_statement_keeps_its_version_and_its_timestamp_in_utc(lrs, lrs2):
    sent = statement(version="2.0.0", timestamp="2026-05-01T14:30:00.25+02:00")
    [statement_id] = lrs2.post("statements", sent).json()
    stored = lrs2.get("statements", {"statementId": statement_id}).json()
    assert stored["version"] == "2.0.0"
    assert stored["timestamp"] == "2026-05-01T12:30:00.250000Z"
    assert lrs.post("statements", statement(version="2.0.0")).status_code == 400  # not a 1.0.x version
    assert lrs2.post("statements", {**sent, "id": statement_id}).status_code == 204  # the same statement


def test_statement_reads_carry_last_modified(lrs2):
    lrs2.post("statements", statement())
    assert lrs2.get("statements")["Last-Modified"]
    assert lrs2.get("statements", {"verb": "http://example.org/nothing"})["Last-Modified"]


def test_xapi_2_has_no_alternate_request_syntax(lrs):
    form = urlencode({"Authorization": lrs.headers["HTTP_AUTHORIZATION"], "X-Experience-API-Version": "2.0.0",
                      "statementId": new_id(), "content": json.dumps(statement())})  # fmt: skip
    response = LRS(version=None).client.post(
        "/xapi/statements?method=PUT", data=form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and "alternate" in response.json()["message"]


def test_xapi_2_needs_a_precondition_to_replace_a_state_document(lrs, lrs2):
    params = {"activityId": "http://example.org/a", "agent": json.dumps({"mbox": "mailto:a@example.org"}),
              "stateId": "s"}  # fmt: skip
    assert lrs2.put("activities/state", params, {"page": 1}).status_code == 204  # a new document
    assert lrs2.put("activities/state", params, {"page": 2}).status_code == 409
    etag = lrs2.get("activities/state", params)["ETag"]
    assert lrs2.put("activities/state", params, {"page": 2}, HTTP_IF_MATCH=etag).status_code == 204
    assert lrs.put("activities/state", params, {"page": 3}).status_code == 204  # 1.0.3 replaces without one


def test_durations_are_compared_to_the_hundredth_of_a_second(lrs2):
    statement_id = new_id()
    first = statement(id=statement_id, result={"duration": "PT1.2345S"})
    assert lrs2.post("statements", first).status_code == 200
    assert lrs2.post("statements", {**first, "result": {"duration": "PT1.23S"}}).status_code == 204
    assert lrs2.post("statements", {**first, "result": {"duration": "PT1.24S"}}).status_code == 409
