"""The set-based insert of statements on PostgreSQL stores the same rows as the portable ORM path."""

import uuid

import pytest
from django.db import connection, transaction

from lms.accounts.factories import UserFactory
from lms.xapi import api, bulk_insert, store
from lms.xapi.models import ForwardingTarget, OutboxEntry, Statement, StatementContextActivity, StatementContextAgent
from lms.xapi.store import save_statements
from lms.xapi.validation import VOIDED_VERB

from .conftest import statement

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-based insert is PostgreSQL's"),
]

AUTHORITY = {"objectType": "Agent", "name": "Tests", "account": {"homePage": "http://example.org", "name": "tests"}}
COURSE = "http://example.org/activities/course"
VOIDED = {"id": VOIDED_VERB, "display": {"en-US": "voided"}}


def batch(learner, earlier_id):
    """Statements that fill every column and related table: a learner, groups, sub-statements, voiding."""
    voided_in_batch, voided_later = str(uuid.uuid4()), str(uuid.uuid4())
    group = {"objectType": "Group", "name": "Team", "member": [{"mbox": "mailto:b@example.org"}]}
    statements = [
        statement(
            id=voided_in_batch,
            actor=api.actor_for(learner),
            context={
                "registration": str(uuid.uuid4()),
                "instructor": {"mbox": "mailto:teacher@example.org"},
                "team": group,
                "contextActivities": {"parent": {"id": COURSE}, "grouping": [{"id": "http://example.org/hub"}]},
            },
            timestamp="2026-05-01T12:00:00.123456789+02:00",
        ),
        statement(object={"objectType": "Agent", "mbox": "mailto:c@example.org"}),
        statement(
            object={
                "objectType": "SubStatement",
                "actor": {"mbox": "mailto:d@example.org"},
                "verb": {"id": "http://example.org/verbs/plan"},
                "object": {"id": "http://example.org/activities/sub"},
            }
        ),
        statement(verb=VOIDED, object={"objectType": "StatementRef", "id": voided_in_batch}),
        statement(verb=VOIDED, object={"objectType": "StatementRef", "id": earlier_id}),
        statement(verb=VOIDED, object={"objectType": "StatementRef", "id": voided_later}),
        statement(id=voided_later),
    ]
    return [{"id": str(uuid.uuid4()), "timestamp": "2026-05-01T10:00:00Z", **body} for body in statements]


def snapshot():
    """Everything stored, keyed by statement id, without what differs between two runs (pk, stored time)."""
    ids = {pk: str(statement_id) for pk, statement_id in Statement.objects.values_list("pk", "statement_id")}
    statements = []
    for row in Statement.objects.order_by("pk").values():
        row.pop("id")
        row.pop("stored")
        row["data"].pop("stored")
        statements.append(row)
    return {
        "statements": statements,
        "activities": sorted(
            (ids[s], a) for s, a in StatementContextActivity.objects.values_list("statement", "activity_id")
        ),
        "agents": sorted((ids[s], a) for s, a in StatementContextAgent.objects.values_list("statement", "agent_key")),
        "outbox": sorted(
            (ids[s], target, status, attempts, error, sent)
            for s, target, status, attempts, error, sent in OutboxEntry.objects.values_list(
                "statement", "target__name", "status", "attempts", "last_error", "sent"
            )
        ),
    }


def store_batch(statements, earlier):
    with transaction.atomic():
        save_statements([earlier], AUTHORITY)
        ids, stored = save_statements(statements, AUTHORITY)
    assert len(stored) == len(statements)
    return ids


def test_the_set_based_insert_stores_the_same_rows_as_the_orm(monkeypatch):
    ForwardingTarget.objects.create(name="On", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Also on", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Off", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    earlier = statement(id=str(uuid.uuid4()), timestamp="2026-05-01T09:00:00Z")
    statements = batch(UserFactory(), earlier["id"])

    set_based_ids = store_batch(statements, earlier)
    set_based = snapshot()
    Statement.objects.all().delete()
    with monkeypatch.context() as patch:
        patch.setattr(bulk_insert, "insert_statements", store.insert_statements)
        orm_ids = store_batch(statements, earlier)
    orm = snapshot()

    assert set_based_ids == orm_ids
    assert set_based == orm
    assert len(set_based["statements"]) == 8
    assert len(set_based["outbox"]) == 16
    assert {row["statement_id"] for row in set_based["statements"] if row["voided"]} == {
        uuid.UUID(i) for i in (earlier["id"], statements[0]["id"], statements[-1]["id"])
    }
    assert set_based["statements"][1]["user_id"] is not None
    assert set_based["statements"][1]["timestamp"].microsecond == 123456


def test_the_set_based_insert_wakes_the_sender_for_active_targets_after_the_commit(
    django_capture_on_commit_callbacks, monkeypatch
):
    active = ForwardingTarget.objects.create(name="On", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Off", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    woken = []
    monkeypatch.setattr("lms.xapi.forwarding.wake", woken.append)
    with django_capture_on_commit_callbacks(execute=True):
        save_statements([statement(), statement()], AUTHORITY)
    assert woken == [[active.pk]]
    assert OutboxEntry.objects.filter(target=active).count() == 2
