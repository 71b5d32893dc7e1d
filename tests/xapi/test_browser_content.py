"""Content in a learner's browser: the session with CSRF, or a launch token. Such a credential writes only about
its learner (another actor is a 403, never a rewrite), and the authority names the credential."""

import base64
import json
import uuid

import pytest
from django.test import Client

from lms.accounts.factories import UserFactory
from lms.xapi import api
from lms.xapi.models import Statement

from .conftest import LRS, statement

pytestmark = pytest.mark.django_db

SOMEONE_ELSE = {"objectType": "Agent", "mbox": "mailto:someone@example.org"}
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


@pytest.fixture
def learner():
    return UserFactory(email="ana@example.org")


def test_a_launch_token_writes_as_its_learner_with_an_authority_naming_the_token(learner):
    content = LRS(f"Bearer {api.launch_token(learner)}")
    response = content.post("statements", statement(actor=api.actor_for(learner)))
    assert response.status_code == 200
    row = Statement.objects.get()
    assert row.data["actor"] == api.actor_for(learner)
    assert row.user == learner
    assert list(api.statements_for(learner)) == [row]
    credential, person = row.data["authority"]["member"]
    assert row.data["authority"]["objectType"] == "Group"
    assert credential["account"]["name"].startswith("launch:")
    assert person == api.actor_for(learner)
    assert row.data["authority"] != api.platform_authority()


@pytest.mark.parametrize("where", ["actor", "substatement"])
def test_a_launch_token_cannot_write_about_someone_else(learner, where):
    content = LRS(f"Bearer {api.launch_token(learner)}")
    if where == "actor":
        body = statement(actor=SOMEONE_ELSE)
    else:
        body = statement(object={"objectType": "SubStatement", **statement(actor=SOMEONE_ELSE)})
    response = content.post("statements", [statement(), body])
    assert response.status_code == 403
    expected = "statements[1].actor" if where == "actor" else "statements[1].object.actor"
    assert response.json()["message"].startswith(expected)
    assert not Statement.objects.exists()


def test_two_launch_tokens_are_told_apart_in_the_authority(learner):
    first, second = (LRS(f"Bearer {api.launch_token(learner)}") for _ in range(2))
    first.post("statements", statement())
    second.post("statements", statement())
    names = {row.data["authority"]["member"][0]["account"]["name"] for row in Statement.objects.all()}
    assert len(names) == 2


def test_a_launch_token_also_works_as_basic_credentials(learner):
    token = api.launch_token(learner)
    content = LRS("Basic " + base64.b64encode(f"launch:{token}".encode()).decode())
    assert content.post("statements", statement()).status_code == 200


def test_a_launch_token_reads_only_the_learners_statements(learner, lrs):
    lrs.post("statements", statement(actor=SOMEONE_ELSE))
    content = LRS(f"Bearer {api.launch_token(learner)}")
    [mine] = content.post("statements", statement()).json()
    assert [s["id"] for s in content.get("statements").json()["statements"]] == [mine]


def test_a_learner_voids_only_their_own_statements(learner, lrs):
    [theirs] = lrs.post("statements", statement(actor=SOMEONE_ELSE)).json()
    content = LRS(f"Bearer {api.launch_token(learner)}")
    [mine] = content.post("statements", statement()).json()

    def voiding(target):
        return statement(verb={"id": VOIDED}, object={"objectType": "StatementRef", "id": target})

    refused = content.post("statements", voiding(theirs))
    assert refused.status_code == 403
    assert not Statement.objects.get(statement_id=theirs).voided
    assert content.post("statements", voiding(str(uuid.uuid4()))).status_code == 403
    assert content.post("statements", voiding(mine)).status_code == 200
    assert Statement.objects.get(statement_id=mine).voided


def test_the_agents_resource_shows_a_learner_only_their_own_agent(learner, lrs):
    lrs.post("statements", statement(actor={**SOMEONE_ELSE, "name": "Someone Else"}))
    content = LRS(f"Bearer {api.launch_token(learner)}")
    refused = content.get("agents", {"agent": json.dumps(SOMEONE_ELSE)})
    assert refused.status_code == 403
    assert "Someone Else" not in refused.content.decode()
    own = content.get("agents", {"agent": json.dumps(api.actor_for(learner))})
    assert own.status_code == 200
    assert own.json()["objectType"] == "Person"


def test_a_launch_token_reads_and_writes_only_the_learners_state(learner):
    content = LRS(f"Bearer {api.launch_token(learner)}")
    own = {"activityId": "http://example.org/a", "agent": json.dumps(api.actor_for(learner)), "stateId": "s"}
    assert content.put("activities/state", own, {"page": 2}).status_code == 204
    other = {**own, "agent": json.dumps(SOMEONE_ELSE)}
    assert content.put("activities/state", other, {"page": 2}).status_code == 403
    assert content.get("activities/state", other).status_code == 403


def test_an_expired_or_forged_launch_token_is_refused(learner, settings):
    token = api.launch_token(learner)
    assert LRS(f"Bearer {token}x").post("statements", statement()).status_code == 401
    settings.XAPI_LAUNCH_TOKEN_AGE = -1
    assert LRS(f"Bearer {token}").post("statements", statement()).status_code == 401


def test_the_session_writes_for_the_signed_in_learner_with_the_csrf_token(learner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    browser.get("/en/account/profile/")
    token = browser.cookies["csrftoken"].value
    headers = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3", "content_type": "application/json"}
    own = json.dumps(statement(actor=api.actor_for(learner)))
    assert browser.post("/xapi/statements", own, **headers).status_code == 403  # no CSRF token
    other = json.dumps(statement(actor=SOMEONE_ELSE))
    refused = browser.post("/xapi/statements", other, HTTP_X_CSRFTOKEN=token, **headers)
    assert refused.status_code == 403
    assert not Statement.objects.exists()
    accepted = browser.post("/xapi/statements", own, HTTP_X_CSRFTOKEN=token, **headers)
    assert accepted.status_code == 200
    row = Statement.objects.get()
    assert row.data["actor"] == api.actor_for(learner)
    assert row.data["authority"]["member"][0]["account"]["name"].startswith("session:")
    assert browser.session.session_key not in json.dumps(row.data)


def test_an_anonymous_browser_is_refused(db):
    browser = Client()
    response = browser.post("/xapi/statements", json.dumps(statement()), content_type="application/json",
                            HTTP_X_EXPERIENCE_API_VERSION="1.0.3")  # fmt: skip
    assert response.status_code == 401
