"""Forwarding to an external LRS (a second instance of this platform on 127.0.0.1), the sending task run in
this process; tests/xapi/test_forwarding_faults.py runs it in a real worker."""

import hashlib
import json

import pytest
import requests
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from lms.accounts.factories import UserFactory
from lms.xapi import api, forwarding, tasks, vocabulary
from lms.xapi.models import ForwardingTarget, OutboxEntry

from .conftest import LRS, basic, make_client, recorded, statement
from .external_lrs import ExternalLRS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def external_lrs():
    lrs = ExternalLRS().prepare()
    lrs.start()
    yield lrs
    lrs.remove()


@pytest.fixture
def target(external_lrs):
    if external_lrs.process is None:  # a test that stopped it failed before starting it again
        external_lrs.start()
    return ForwardingTarget.objects.create(
        name="External", endpoint=external_lrs.endpoint, username=external_lrs.key, password=external_lrs.secret
    )


def record_events(count, target):
    """Record events, then run the sending task in this process (what a worker does after the commit)."""
    learner = UserFactory()
    ids = []
    for number in range(count):
        activity = api.Activity(api.activity_iri("lesson", f"lesson-{number}"), vocabulary.LESSON, {"en": "Lesson"})
        with transaction.atomic():
            ids.append(str(api.record(learner, vocabulary.COMPLETED, activity)))
    tasks.deliver_outbox(target.pk)
    return ids


def test_the_outbox_is_written_in_the_statements_transaction(db):
    ForwardingTarget.objects.create(name="On", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Off", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    activity = api.Activity("http://example.org/a", vocabulary.LESSON, {"en": "A"})
    learner = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        api.record(learner, vocabulary.LAUNCHED, activity)
        raise RuntimeError
    assert not OutboxEntry.objects.exists()
    api.record(learner, vocabulary.LAUNCHED, activity)
    assert list(OutboxEntry.objects.values_list("target__name", "status")) == [("On", "pending")]


def test_statements_reach_the_external_lrs_once_even_when_sent_again(target, external_lrs):
    before = set(external_lrs.statement_ids())
    ids = record_events(5, target)
    assert set(OutboxEntry.objects.values_list("status", flat=True)) == {"sent"}
    forwarding.retry(OutboxEntry.objects.all())  # sent entries stay sent
    OutboxEntry.objects.update(status="pending")  # force a resend of everything
    call_command("xapi_resend")
    held = [i for i in external_lrs.statement_ids() if i not in before]
    assert sorted(held) == sorted(ids)


def test_external_lrs_down_then_back(target, external_lrs):
    before = set(external_lrs.statement_ids())
    external_lrs.stop()
    ids = record_events(3, target)
    entries = OutboxEntry.objects.filter(target=target)
    assert {(e.status, e.attempts) for e in entries} == {("pending", 1)}
    assert all("connection failed" in e.last_error for e in entries)
    with pytest.raises(CommandError):
        call_command("xapi_resend")
    external_lrs.start()
    call_command("xapi_resend")
    assert set(entries.values_list("status", flat=True)) == {"sent"}
    held = [i for i in external_lrs.statement_ids() if i not in before]
    assert sorted(held) == sorted(ids)


def test_attempts_stop_at_the_cap_and_wait_for_an_administrator(target, external_lrs, settings):
    settings.XAPI_FORWARD_MAX_ATTEMPTS = 2
    external_lrs.stop()
    record_events(1, target)
    OutboxEntry.objects.update(next_attempt=timezone.now())
    forwarding.deliver(target)
    entry = OutboxEntry.objects.get()
    assert (entry.status, entry.attempts) == ("failed", 2)
    OutboxEntry.objects.update(next_attempt=timezone.now())
    assert forwarding.deliver(target) == (0, 0)  # failed entries are not retried by themselves
    external_lrs.start()
    call_command("xapi_resend")
    assert OutboxEntry.objects.get().status == "sent"


def test_a_statement_the_target_already_holds_counts_as_delivered(target, external_lrs):
    learner = UserFactory()
    activity = api.Activity("http://example.org/held", vocabulary.LESSON, {"en": "Held"})
    row = recorded(learner, vocabulary.COMPLETED, activity)
    external_lrs.post(forwarding.outgoing(row.data))
    assert forwarding.deliver(target) == (1, 0)
    assert external_lrs.statement_ids().count(str(row.statement_id)) == 1


def test_backoff_doubles_up_to_a_cap(settings):
    settings.XAPI_FORWARD_BACKOFF = 10
    settings.XAPI_FORWARD_BACKOFF_MAX = 60
    assert [forwarding.backoff(n) for n in range(1, 6)] == [10, 20, 40, 60, 60]


def test_attachments_travel_with_their_statement(target, external_lrs):
    content = b"%PDF certificate"
    declared = {"usageType": "http://id.tincanapi.com/attachment/certificate-of-completion",
                "display": {"en": "Certificate"}, "contentType": "application/pdf", "length": len(content),
                "sha2": hashlib.sha256(content).hexdigest()}  # fmt: skip
    body = statement(attachments=[declared])
    multipart = (
        b"--b\r\nContent-Type: application/json\r\n\r\n" + json.dumps(body).encode()
        + b"\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
        + f"X-Experience-API-Hash: {declared['sha2']}\r\n\r\n".encode() + content + b"\r\n--b--"
    )  # fmt: skip
    client, secret = make_client("author", ["statements/write"])
    response = LRS(basic(client.key, secret)).post("statements", multipart, content_type="multipart/mixed; boundary=b")
    assert response.status_code == 200, response.content
    [statement_id] = response.json()
    assert forwarding.deliver(target) == (1, 0)
    fetched = requests.get(external_lrs.endpoint + "statements", params={"statementId": statement_id,
                           "attachments": "true"}, auth=(external_lrs.key, external_lrs.secret),
                           headers={"X-Experience-API-Version": "1.0.3"}, timeout=10)  # fmt: skip
    assert fetched.status_code == 200 and content in fetched.content
