"""A batch that holds statements stored already: the new ones are stored, the stored ones compared (issue 13).

On PostgreSQL the store inserts without looking first and the insert skips the stored ids; on SQLite it looks
first. Both insert paths run on PostgreSQL (the ORM's through a patch, as in test_bulk_insert.py).
"""

import pytest
from django.db import connection, transaction

from lms.xapi import bulk_insert, hooks, store
from lms.xapi.models import ActivityDefinition, Statement
from lms.xapi.store import StoreError, save_statements

from .conftest import new_id, statement

pytestmark = pytest.mark.django_db

AUTHORITY = {"objectType": "Agent", "name": "Tests", "account": {"homePage": "http://example.org", "name": "tests"}}
ACTIVITY = "http://example.org/activities/renamed"


@pytest.fixture(params=["set-based", "orm"])
def insert_path(request, monkeypatch):
    if connection.vendor != "postgresql":
        if request.param == "set-based":
            pytest.skip("the set-based insert is PostgreSQL's")
    elif request.param == "orm":
        monkeypatch.setattr(bulk_insert, "insert_statements", store.insert_statements)


@pytest.fixture
def heard(monkeypatch):
    """The batches the store hands to the handlers of new statements."""
    batches = []
    monkeypatch.setattr(hooks, "_handlers", [*hooks._handlers, batches.append])
    return batches


def named(name, **overrides):
    return statement(
        id=new_id(),
        object={"objectType": "Activity", "id": ACTIVITY, "definition": {"name": {"en-US": name}}},
        **overrides,
    )


def test_a_stored_statement_sent_again_with_a_new_one_leaves_the_definitions_as_they_are(insert_path, heard):
    first = named("First")
    save_statements([first], AUTHORITY)
    save_statements([named("Renamed")], AUTHORITY)
    new = statement(id=new_id())
    heard.clear()

    ids, fresh = save_statements([first, new], AUTHORITY)

    assert ids == [first["id"], new["id"]]
    assert [s["id"] for s in fresh] == [new["id"]]
    assert [[s["id"] for s in batch] for batch in heard] == [[new["id"]]]
    assert Statement.objects.filter(statement_id__in=ids).count() == 2
    assert ActivityDefinition.objects.get(activity_id=ACTIVITY).definition["name"] == {"en-US": "Renamed"}


def test_a_stored_statement_sent_again_with_another_content_stores_nothing_of_its_batch(insert_path, heard):
    first = named("First")
    save_statements([first], AUTHORITY)
    heard.clear()
    new = named("New")

    with pytest.raises(StoreError) as error, transaction.atomic():
        save_statements([{**first, "result": {"completion": True}}, new], AUTHORITY)

    assert error.value.status == 409
    assert first["id"] in str(error.value)
    assert not Statement.objects.filter(statement_id=new["id"]).exists()
    assert ActivityDefinition.objects.get(activity_id=ACTIVITY).definition["name"] == {"en-US": "First"}
    assert heard == []


def test_a_single_statement_stored_with_another_content_leaves_the_callers_transaction_usable(insert_path):
    first = named("First")
    save_statements([first], AUTHORITY)

    with transaction.atomic():
        with pytest.raises(StoreError):
            save_statements([{**first, "result": {"completion": True}}], AUTHORITY)
        save_statements([named("After")], AUTHORITY)  # as the platform's own events do (api.record)

    assert Statement.objects.count() == 2
