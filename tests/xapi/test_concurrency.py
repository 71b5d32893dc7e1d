"""Concurrent writers of the same statement or document: no false conflicts (issue 13, point 5).

Real concurrency needs a database that takes concurrent transactions: these run on PostgreSQL (the CI pass),
with eight threads each holding its own connection, all released at once.
"""

import threading

import pytest
from django.db import connection, connections

from .conftest import LRS, basic, make_client, new_id, statement

pytestmark = pytest.mark.django_db(transaction=True)
WRITERS = 8


def at_once(call):
    """Run ``call()`` in WRITERS threads released together; returns their results."""
    barrier, results = threading.Barrier(WRITERS), []

    def run():
        try:
            barrier.wait()
            results.append(call())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.fixture
def authorization(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    client, secret = make_client()
    return basic(client.key, secret)


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_eight_clients_writing_the_same_statement_at_once_never_get_a_409(authorization, method):
    from lms.xapi.models import Statement

    statement_id = new_id()
    body = statement(id=statement_id)

    def write():
        lrs = LRS(authorization)
        if method == "PUT":
            return lrs.put("statements", {"statementId": statement_id}, body).status_code
        return lrs.post("statements", body).status_code

    statuses = at_once(write)
    assert len(statuses) == WRITERS
    assert set(statuses) <= {200, 204}, statuses
    assert Statement.objects.filter(statement_id=statement_id).count() == 1


def test_a_different_content_under_the_same_id_is_still_a_409(authorization):
    statement_id = new_id()
    lrs = LRS(authorization)
    assert lrs.post("statements", statement(id=statement_id)).status_code == 200
    assert lrs.post("statements", statement(id=statement_id, result={"success": True})).status_code == 409


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_concurrent_writes_of_a_new_state_document_do_not_conflict(authorization, method):
    params = {"activityId": "http://example.org/a", "agent": '{"mbox": "mailto:a@example.org"}', "stateId": new_id()}
    statuses = at_once(lambda: LRS(authorization).request(method, "activities/state", params, {"page": 1}).status_code)
    assert set(statuses) == {204}, statuses
    assert LRS(authorization).get("activities/state", params).json() == {"page": 1}
