"""Content in a learner's browser: the session with CSRF, or a launch token; the actor is always that learner."""

import base64
import json

import pytest
from django.test import Client

from lms.accounts.factories import UserFactory
from lms.xapi import api
from lms.xapi.models import Statement

from .conftest import LRS, statement

pytestmark = pytest.mark.django_db

SOMEONE_ELSE = {"objectType": "Agent", "mbox": "mailto:someone@example.org"}


@pytest.fixture
def learner():
    return UserFactory(email="ana@example.org")


def test_a_launch_token_writes_as_the_learner_whatever_actor_is_sent(learner):
    content = LRS(f"Bearer {api.launch_token(learner)}")
    response = content.post("statements", statement(actor=SOMEONE_ELSE))
    assert response.status_code == 200
    row = Statement.objects.get()
    assert row.data["actor"] == api.actor_for(learner)
    assert row.user == learner
    assert list(api.statements_for(learner)) == [row]


def test_a_launch_token_also_works_as_basic_credentials(learner):
    token = api.launch_token(learner)
    content = LRS("Basic " + base64.b64encode(f"launch:{token}".encode()).decode())
    assert content.post("statements", statement()).status_code == 200


def test_a_launch_token_reads_only_the_learners_statements(learner, lrs):
    lrs.post("statements", statement(actor=SOMEONE_ELSE))
    content = LRS(f"Bearer {api.launch_token(learner)}")
    [mine] = content.post("statements", statement()).json()
    assert [s["id"] for s in content.get("statements").json()["statements"]] == [mine]


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
    body = json.dumps(statement(actor=SOMEONE_ELSE))
    refused = browser.post("/xapi/statements", body, **headers)
    assert refused.status_code == 403
    accepted = browser.post("/xapi/statements", body, HTTP_X_CSRFTOKEN=token, **headers)
    assert accepted.status_code == 200
    assert Statement.objects.get().data["actor"] == api.actor_for(learner)


def test_an_anonymous_browser_is_refused(db):
    browser = Client()
    response = browser.post("/xapi/statements", json.dumps(statement()), content_type="application/json",
                            HTTP_X_EXPERIENCE_API_VERSION="1.0.3")  # fmt: skip
    assert response.status_code == 401
