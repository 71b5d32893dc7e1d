"""State, Activity Profile and Agent Profile: documents, merging, listing, deleting and ETag concurrency."""

import json

import pytest

from .conftest import new_id

pytestmark = pytest.mark.django_db

ACTIVITY = "http://example.org/activities/open-data"
AGENT = json.dumps({"objectType": "Agent", "mbox": "mailto:ana@example.org"})
STATE = {"activityId": ACTIVITY, "agent": AGENT}


def test_state_put_get_merge_list_delete(lrs):
    params = {**STATE, "stateId": "bookmark"}
    assert lrs.put("activities/state", params, {"page": 3}).status_code == 204
    response = lrs.get("activities/state", params)
    assert response.json() == {"page": 3}
    assert response["ETag"].startswith('"') and response["Last-Modified"]
    assert lrs.post("activities/state", params, {"score": 8}).status_code == 204
    assert lrs.get("activities/state", params).json() == {"page": 3, "score": 8}
    lrs.put("activities/state", {**STATE, "stateId": "notes"}, b"plain", content_type="text/plain")
    assert lrs.get("activities/state", {**STATE, "stateId": "notes"}).content == b"plain"
    assert lrs.post("activities/state", {**STATE, "stateId": "notes"}, {"a": 1}).status_code == 400
    assert sorted(lrs.get("activities/state", STATE).json()) == ["bookmark", "notes"]
    assert lrs.delete("activities/state", params).status_code == 204
    assert lrs.get("activities/state", params).status_code == 404
    assert lrs.delete("activities/state", STATE).status_code == 204
    assert lrs.get("activities/state", STATE).json() == []


def test_state_is_kept_apart_per_registration(lrs):
    registration = new_id()
    lrs.put("activities/state", {**STATE, "stateId": "s", "registration": registration}, {"r": 1})
    lrs.put("activities/state", {**STATE, "stateId": "s"}, {"r": 0})
    assert lrs.get("activities/state", {**STATE, "stateId": "s", "registration": registration}).json() == {"r": 1}
    assert lrs.get("activities/state", {**STATE, "stateId": "s"}).json() == {"r": 0}
    assert lrs.get("activities/state", {**STATE, "registration": registration}).json() == ["s"]


@pytest.mark.parametrize(
    "params",
    [
        {"agent": AGENT, "stateId": "s"},
        {"activityId": ACTIVITY, "stateId": "s"},
        {"activityId": "not an iri", "agent": AGENT, "stateId": "s"},
        {"activityId": ACTIVITY, "agent": "{bad", "stateId": "s"},
        {"activityId": ACTIVITY, "agent": json.dumps({"name": "x"}), "stateId": "s"},
        {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s", "registration": "x"},
        {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s", "other": "x"},
    ],
)
def test_state_parameter_errors(lrs, params):
    response = lrs.put("activities/state", params, {"a": 1})
    assert response.status_code == 400
    assert response.json()["message"]


def test_state_since_lists_only_newer_documents(lrs):
    lrs.put("activities/state", {**STATE, "stateId": "old"}, {})
    since = lrs.get("activities/state", {**STATE, "stateId": "old"})["Last-Modified"]
    assert lrs.get("activities/state", {**STATE, "since": "2000-01-01T00:00:00Z"}).json() == ["old"]
    assert lrs.get("activities/state", {**STATE, "since": "2999-01-01T00:00:00Z"}).json() == []
    assert since
    assert lrs.get("activities/state", {**STATE, "since": "soon"}).status_code == 400


@pytest.mark.parametrize(
    ("resource", "params"),
    [
        ("activities/profile", {"activityId": ACTIVITY, "profileId": "p"}),
        ("agents/profile", {"agent": AGENT, "profileId": "p"}),
    ],
)
def test_profiles_enforce_etag_concurrency(lrs, resource, params):
    assert lrs.put(resource, params, {"v": 1}, HTTP_IF_NONE_MATCH="*").status_code == 204
    etag = lrs.get(resource, params)["ETag"]
    assert lrs.put(resource, params, {"v": 2}).status_code == 409  # exists, and no precondition sent
    assert lrs.put(resource, params, {"v": 2}, HTTP_IF_NONE_MATCH="*").status_code == 412
    assert lrs.put(resource, params, {"v": 2}, HTTP_IF_MATCH='"stale"').status_code == 412
    assert lrs.put(resource, params, {"v": 2}, HTTP_IF_MATCH=etag).status_code == 204
    assert lrs.get(resource, params).json() == {"v": 2}
    assert lrs.post(resource, params, {"w": 3}, HTTP_IF_MATCH=etag).status_code == 412
    assert lrs.post(resource, params, {"w": 3}).status_code == 204
    assert lrs.get(resource, params).json() == {"v": 2, "w": 3}
    listing = {key: value for key, value in params.items() if key != "profileId"}
    assert lrs.get(resource, listing).json() == ["p"]
    assert lrs.delete(resource, params, HTTP_IF_MATCH='"stale"').status_code == 412
    assert lrs.delete(resource, params).status_code == 204
    assert lrs.get(resource, params).status_code == 404
    assert lrs.delete(resource, listing).status_code == 400


def test_head_on_documents(lrs):
    params = {"activityId": ACTIVITY, "profileId": "p"}
    lrs.put("activities/profile", params, {"v": 1}, HTTP_IF_NONE_MATCH="*")
    response = lrs.request("HEAD", "activities/profile", params)
    assert response.status_code == 200 and response.content == b"" and response["ETag"]


def test_if_match_compares_strongly_and_if_none_match_on_get_answers_304(lrs):
    params = {"activityId": ACTIVITY, "profileId": "p"}
    lrs.put("activities/profile", params, {"v": 1}, HTTP_IF_NONE_MATCH="*")
    first = lrs.get("activities/profile", params)
    etag = first["ETag"]
    weak = f"W/{etag}"
    assert lrs.put("activities/profile", params, {"v": 2}, HTTP_IF_MATCH=weak).status_code == 412
    assert lrs.put("activities/profile", params, {"v": 2}, HTTP_IF_MATCH=f'"other", {etag}').status_code == 204
    assert lrs.get("activities/profile", params, HTTP_IF_NONE_MATCH=etag).status_code == 200  # it changed
    current = lrs.get("activities/profile", params)["ETag"]
    for header in (current, f"W/{current}", f'"other", {current}', "*"):
        not_modified = lrs.get("activities/profile", params, HTTP_IF_NONE_MATCH=header)
        assert not_modified.status_code == 304 and not_modified.content == b"", header
        assert not_modified["ETag"] == current and not_modified["X-Experience-API-Version"]
    assert lrs.put("activities/profile", params, {"v": 3}, HTTP_IF_NONE_MATCH=f"W/{current}").status_code == 412


@pytest.mark.parametrize(
    "resource, params",
    [
        ("agents/profile", {"agent": AGENT, "profileId": "new"}),
        ("activities/profile", {"activityId": ACTIVITY, "profileId": "new"}),
    ],
)
def test_profiles_are_created_only_with_a_precondition(lrs, resource, params):
    response = lrs.put(resource, params, {"v": 1})
    assert response.status_code == 400 and "If-None-Match" in response.json()["message"]
    assert lrs.get(resource, params).status_code == 404
    assert lrs.put(resource, params, {"v": 1}, HTTP_IF_NONE_MATCH="*").status_code == 204
    assert lrs.put("activities/state", {**STATE, "stateId": "new"}, {"v": 1}).status_code == 204


def test_get_with_a_document_id_ignores_since(lrs):
    params = {**STATE, "stateId": "s"}
    lrs.put("activities/state", params, {"a": 1})
    assert lrs.get("activities/state", {**params, "since": "2999-01-01T00:00:00Z"}).json() == {"a": 1}
    assert lrs.put("activities/state", {**params, "since": "2000-01-01T00:00:00Z"}, {"a": 2}).status_code == 400


@pytest.mark.parametrize("resource", ["activities/state", "activities/profile", "agents/profile"])
def test_a_post_without_content_and_a_delete_with_content_are_refused(lrs, resource):
    params = {
        "activities/state": {**STATE, "stateId": "s"},
        "activities/profile": {"activityId": ACTIVITY, "profileId": "p"},
        "agents/profile": {"agent": AGENT, "profileId": "p"},
    }[resource]
    assert lrs.post(resource, params, b"", content_type="").status_code == 400
    assert lrs.get(resource, params).status_code == 404
    lrs.post(resource, params, {"a": 1})
    assert lrs.request("DELETE", resource, params, body={"a": 1}).status_code == 400
    assert lrs.get(resource, params).json() == {"a": 1}
    assert lrs.delete(resource, params).status_code == 204
