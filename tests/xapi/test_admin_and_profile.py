"""The admin screens of the LRS and the learner's download of their own record."""

import json

import pytest
from django.urls import reverse

from lms.accounts.factories import UserFactory
from lms.xapi import api, vocabulary
from lms.xapi.models import ForwardingTarget, LRSClient, OutboxEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_administrator_creates_an_lrs_client_and_sees_the_secret_once(admin_client):
    response = admin_client.post(
        reverse("xapi_clients:add"), {"name": "Articulate", "scopes": ["statements/write", "state"], "is_active": "on"}
    )
    assert response.status_code == 200
    client = LRSClient.objects.get(name="Articulate")
    assert client.key in response.content.decode()
    secret = response.context["secret"]
    assert client.check_secret(secret)
    assert client.scopes == ["statements/write", "state"]
    assert admin_client.get(reverse("xapi_clients:index")).status_code == 200


def test_an_administrator_configures_an_external_lrs(admin_client):
    data = {"name": "Ralph", "endpoint": "http://127.0.0.1:9/xapi/", "username": "u", "password": "p",
            "version": "1.0.3", "is_active": "on", "batch_size": 50}  # fmt: skip
    response = admin_client.post(reverse("xapi_targets:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    target = ForwardingTarget.objects.get()
    edit = admin_client.post(reverse("xapi_targets:edit", args=[target.pk]), {**data, "password": ""})
    assert edit.status_code == 302
    target.refresh_from_db()
    assert target.password == "p"  # an empty password field keeps the current one
    bad = admin_client.post(reverse("xapi_targets:add"), {**data, "name": "x", "version": "0.9"})
    assert bad.status_code == 200 and "version" in bad.context["form"].errors


def test_the_outbox_view_lists_waiting_statements_and_retries_them(admin_client, settings):
    target = ForwardingTarget.objects.create(name="Down", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    learner = UserFactory()
    row = api.record(learner, vocabulary.LAUNCHED, api.Activity("http://example.org/a", vocabulary.LESSON, {"en": "A"}))
    entry = OutboxEntry.objects.create(
        target=target, statement=row, status="failed", attempts=12, last_error="HTTP 503"
    )
    page = admin_client.get(reverse("xapi_outbox"))
    assert page.status_code == 200 and "HTTP 503" in page.content.decode()
    response = admin_client.post(reverse("xapi_outbox_retry_entry", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "pending" and entry.attempts == 0


def test_the_outbox_is_for_administrators_only(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("xapi_outbox")).status_code in (302, 403)


def test_a_learner_downloads_their_own_statements(client):
    learner, other = UserFactory(), UserFactory()
    activity = api.Activity(api.activity_iri("lesson", "k"), vocabulary.LESSON, {"en": "Lesson"})
    api.record(learner, vocabulary.COMPLETED, activity)
    api.record(other, vocabulary.COMPLETED, activity)
    client.force_login(learner)
    profile = client.get(reverse("accounts:profile"))
    assert reverse("xapi:my_statements") in profile.content.decode()
    response = client.get(reverse("xapi:my_statements"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    assert document["learner"] == api.actor_for(learner)
    assert [s["actor"] for s in document["statements"]] == [api.actor_for(learner)]


def test_the_download_needs_a_signed_in_learner(client):
    assert client.get(reverse("xapi:my_statements")).status_code == 302
