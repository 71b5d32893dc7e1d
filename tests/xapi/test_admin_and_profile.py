"""The admin screens of the LRS and the learner's download of their own record."""

import csv
import io
import json

import pytest
from django.urls import reverse

from lms.accounts.factories import UserFactory
from lms.xapi import api, vocabulary
from lms.xapi.models import ForwardingTarget, LRSClient, OutboxEntry

from .conftest import recorded

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
    row = recorded(learner, vocabulary.LAUNCHED, api.Activity("http://example.org/a", vocabulary.LESSON, {"en": "A"}))
    entry = OutboxEntry.objects.create(
        target=target, statement=row, status="failed", attempts=12, last_error="HTTP 503"
    )
    page = admin_client.get(reverse("xapi_outbox"))
    assert page.status_code == 200 and "HTTP 503" in page.content.decode()
    response = admin_client.post(reverse("xapi_outbox_retry_entry", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "pending" and entry.attempts == 0


def test_the_outbox_filters_by_status_and_downloads_as_csv(admin_client):
    up = ForwardingTarget.objects.create(name="Up", endpoint="http://127.0.0.1:9/up/", is_active=False)
    down = ForwardingTarget.objects.create(name="Down", endpoint="http://127.0.0.1:9/down/", is_active=False)
    activity = api.Activity("http://example.org/a", vocabulary.LESSON, {"en": "A"})
    learner = UserFactory()
    failed = recorded(learner, vocabulary.LAUNCHED, activity)
    pending = recorded(learner, vocabulary.EXPERIENCED, activity)
    OutboxEntry.objects.create(target=down, statement=failed, status="failed", attempts=3, last_error="=HTTP 503")
    OutboxEntry.objects.create(target=up, statement=pending, status="pending")
    OutboxEntry.objects.create(target=up, statement=failed, status="sent")
    page = admin_client.get(reverse("xapi_outbox"), {"status": "failed"})
    assert [entry.target.name for entry in page.context["page_obj"]] == ["Down"]
    counts = {target.name: (target.pending, target.failed, target.sent) for target in page.context["targets"]}
    assert counts == {"Up": (1, 0, 1), "Down": (0, 1, 0)}
    everything = admin_client.get(reverse("xapi_outbox"))
    assert {entry.status for entry in everything.context["page_obj"]} == {"pending", "failed"}
    by_target = admin_client.get(reverse("xapi_outbox"), {"target": up.pk})
    assert [entry.status for entry in by_target.context["page_obj"]] == ["pending"]
    download = admin_client.get(reverse("xapi_outbox"), {"status": "failed", "export": "csv"})
    assert download["Content-Type"].startswith("text/csv") and "attachment" in download["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["External LRS", "Status", "Statement"]
    assert [(row[0], row[1], row[2], row[7]) for row in rows[1:]] == [
        ("Down", "failed", str(failed.statement_id), "'=HTTP 503")
    ]


def test_the_outbox_refuses_unknown_filters_and_formats(admin_client):
    for params in ({"status": "sent"}, {"status": "x\x00"}, {"target": "abc"}, {"export": "xlsx"}):
        response = admin_client.get(reverse("xapi_outbox"), params)
        assert response.status_code == 400, params
        assert response.content


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
