"""The set-based insert of statements on PostgreSQL stores the same rows as the portable ORM path."""

import uuid

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from lms.accounts.factories import UserFactory
from lms.xapi import api, bulk_insert, store
from lms.xapi.models import (
    ActivityDefinition,
    ForwardingTarget,
    OutboxEntry,
    Statement,
    StatementContextActivity,
    StatementContextAgent,
)
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


def defined(activity_id, **definition):
    return {"id": activity_id, "definition": definition}


def batch(learner, earlier_id, voided_before_id):
    """Statements that fill every column and related table: a learner, groups, sub-statements, voiding (of a
    statement stored before, in the batch, after in the batch, and by a statement stored before), and activity
    definitions new, already stored and repeated in the batch."""
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
        statement(id=voided_before_id),
        statement(object=defined(COURSE, name={"fr-FR": "Cours"}, type="http://adlnet.gov/expapi/activities/course")),
        statement(object=defined(COURSE, description={"en-US": "The course"})),
        statement(object=defined("http://example.org/activities/new", name={"en-US": "New"})),
        statement(
            object={
                "objectType": "SubStatement",
                "actor": {"mbox": "mailto:d@example.org"},
                "verb": {"id": "http://example.org/verbs/plan"},
                "object": defined("http://example.org/activities/in-sub", name={"en-US": "Inside"}),
            },
            context={"contextActivities": {"category": [defined("http://example.org/cat", name={"en": "Cat"})]}},
        ),
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
        "definitions": sorted(ActivityDefinition.objects.values_list("activity_id", "definition")),
        "outbox": sorted(
            (ids[s], target, status, attempts, error, sent)
            for s, target, status, attempts, error, sent in OutboxEntry.objects.values_list(
                "statement", "target__name", "status", "attempts", "last_error", "sent"
            )
        ),
    }


def store_batch(statements, earlier, may_define):
    ActivityDefinition.objects.all().delete()
    with transaction.atomic():
        save_statements(earlier, AUTHORITY)
        ids, stored = save_statements(statements, AUTHORITY, may_define=may_define)
    assert len(stored) == len(statements)
    return ids


@pytest.mark.parametrize("may_define", [True, False])
def test_the_set_based_insert_stores_the_same_rows_as_the_orm(monkeypatch, may_define):
    ForwardingTarget.objects.create(name="On", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Also on", endpoint="http://127.0.0.1:9/xapi/")
    ForwardingTarget.objects.create(name="Off", endpoint="http://127.0.0.1:9/xapi/", is_active=False)
    voided_before_id = str(uuid.uuid4())
    earlier = [
        {"id": str(uuid.uuid4()), "timestamp": "2026-05-01T09:00:00Z", **body}
        for body in (
            statement(),
            statement(verb=VOIDED, object={"objectType": "StatementRef", "id": voided_before_id}),
            statement(object=defined(COURSE, name={"en-US": "Course"}, description={"en-US": "A course"})),
        )
    ]
    statements = batch(UserFactory(), earlier[0]["id"], voided_before_id)

    set_based_ids = store_batch(statements, earlier, may_define)
    set_based = snapshot()
    Statement.objects.all().delete()
    with monkeypatch.context() as patch:
        patch.setattr(bulk_insert, "insert_statements", store.insert_statements)
        orm_ids = store_batch(statements, earlier, may_define)
    orm = snapshot()

    assert set_based_ids == orm_ids
    assert set_based == orm
    assert len(set_based["statements"]) == 15
    assert len(set_based["outbox"]) == 30
    assert {row["statement_id"] for row in set_based["statements"] if row["voided"]} == {
        uuid.UUID(i) for i in (earlier[0]["id"], statements[0]["id"], statements[6]["id"], voided_before_id)
    }
    assert set_based["statements"][3]["user_id"] is not None
    assert set_based["statements"][3]["timestamp"].microsecond == 123456
    definitions = dict(set_based["definitions"])
    assert definitions["http://example.org/activities/new"] == {"name": {"en-US": "New"}}
    assert definitions["http://example.org/activities/in-sub"] == {"name": {"en-US": "Inside"}}
    assert definitions["http://example.org/cat"] == {"name": {"en": "Cat"}}
    if may_define:
        assert definitions[COURSE] == {
            "name": {"en-US": "Course", "fr-FR": "Cours"},
            "description": {"en-US": "The course"},
            "type": "http://adlnet.gov/expapi/activities/course",
        }
    else:
        assert definitions[COURSE] == {"name": {"en-US": "Course"}, "description": {"en-US": "A course"}}


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


def test_a_batch_with_nothing_related_or_defined_writes_only_statements_and_outbox_rows():
    ForwardingTarget.objects.create(name="On", endpoint="http://127.0.0.1:9/xapi/")
    plain = statement(id=str(uuid.uuid4()), object={"objectType": "Activity", "id": "http://example.org/plain"})

    with CaptureQueriesContext(connection) as queries:
        save_statements([plain], AUTHORITY)

    written = "\n".join(query["sql"] for query in queries)
    assert "xapi_statementcontextactivity" not in written
    assert "xapi_statementcontextagent" not in written
    assert "xapi_activitydefinition" not in written
    assert Statement.objects.filter(statement_id=plain["id"]).exists()
    assert OutboxEntry.objects.filter(statement__statement_id=plain["id"]).count() == 1
