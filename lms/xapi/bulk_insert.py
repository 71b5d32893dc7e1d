"""Storing a batch of statements on PostgreSQL with one set-based SQL statement.

The rows travel to the database as one JSON document, which PostgreSQL unpacks with
``jsonb_array_elements`` and ``jsonb_populate_record``. A single statement of data-modifying CTEs then
inserts the statements, the activities and agents each relates to, and one outbox entry per statement and
active external LRS, so the outbox stays in the caller's transaction. Django's ``bulk_create`` does the same
in three to four statements, but its per-field preparation and the client-side quoting of one parameter per
value cost more than the database's own work; :func:`lms.xapi.store.insert_statements` is that portable path,
and the tests check that both store the same rows.
"""

import json
from datetime import datetime

from django.db import connection
from django.utils import timezone

from .models import OutboxEntry, Statement

COLUMNS = [field.column for field in Statement._meta.concrete_fields if not field.primary_key]

INSERT_TEMPLATE = """
WITH incoming AS (
    SELECT item.position, item.value AS document, jsonb_populate_record(NULL::xapi_statement, item.value) AS row
    FROM jsonb_array_elements(%(statements)s::jsonb) WITH ORDINALITY AS item (value, position)
), statements AS (
    INSERT INTO xapi_statement ({columns})
    SELECT {row_columns} FROM incoming ORDER BY position
    RETURNING id, statement_id
), activities AS (
    INSERT INTO xapi_statementcontextactivity (statement_id, activity_id)
    SELECT statements.id, activity.value
    FROM statements JOIN incoming ON (incoming.row).statement_id = statements.statement_id
    CROSS JOIN jsonb_array_elements_text(incoming.document -> 'related_activities') AS activity
), agents AS (
    INSERT INTO xapi_statementcontextagent (statement_id, agent_key)
    SELECT statements.id, agent.value
    FROM statements JOIN incoming ON (incoming.row).statement_id = statements.statement_id
    CROSS JOIN jsonb_array_elements_text(incoming.document -> 'related_agents') AS agent
), outbox AS (
    INSERT INTO xapi_outboxentry (target_id, statement_id, status, attempts, last_error, next_attempt, created)
    SELECT target.id, statements.id, %(pending)s, 0, '', %(now)s, %(now)s
    FROM statements CROSS JOIN xapi_forwardingtarget AS target
    WHERE target.is_active
    RETURNING target_id
)
SELECT DISTINCT target_id FROM outbox
"""
# The column names come from the model, never from a request.
INSERT_SQL = INSERT_TEMPLATE.format(
    columns=", ".join(f'"{column}"' for column in COLUMNS),
    row_columns=", ".join(f'(row)."{column}"' for column in COLUMNS),
)


def _json_value(value):
    """What ``json`` cannot write itself: datetimes (ISO 8601, microseconds kept) and UUIDs."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def insert_statements(rows, related):
    """Store statement rows (column values by attribute name) with the ``(activity ids, agent keys)`` each
    relates to, and queue them for every active external LRS; returns the ids of those LRSs."""
    documents = [
        {**columns, "related_activities": activities, "related_agents": agents}
        for columns, (activities, agents) in zip(rows, related, strict=True)
    ]
    parameters = {
        "statements": json.dumps(documents, default=_json_value),
        "pending": OutboxEntry.Status.PENDING.value,
        "now": timezone.now(),
    }
    with connection.cursor() as cursor:
        cursor.execute(INSERT_SQL, parameters)
        return [target_id for (target_id,) in cursor.fetchall()]
