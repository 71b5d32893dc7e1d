"""Storing a batch of statements on PostgreSQL with one set-based SQL statement.

The rows travel to the database as one JSON document, which PostgreSQL unpacks with
``jsonb_array_elements`` and ``jsonb_populate_record``. A single statement of data-modifying CTEs then
inserts the statements, the activities and agents each relates to, the activity definitions they carry
(merged as :func:`lms.xapi.definitions.merge_definition` does) and one outbox entry per statement and
active external LRS, so the outbox stays in the caller's transaction. A statement that a stored voiding
statement targets is stored voided, found in the same SQL statement, so a batch without voiding statements
needs no look-up first (a stored id makes the insert fail, and the store looks up and compares then).
Django's ``bulk_create`` does the same in three to four statements, but its per-field preparation and the
client-side quoting of one parameter per value cost more than the database's own work;
:func:`lms.xapi.store.insert_statements` is that portable path, and the tests check that both store the
same rows.
"""

import json
from datetime import datetime

from django.db import connection
from django.utils import timezone

from .definitions import LANGUAGE_MAPS
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
), new_definitions AS (
    INSERT INTO xapi_activitydefinition (activity_id, definition, updated)
    SELECT item.key, item.value, %(now)s FROM jsonb_each(%(definitions)s::jsonb) AS item
    ON CONFLICT (activity_id) DO NOTHING
), merged_definitions AS (
    -- Sees only the definitions stored before this statement. An unchanged one is neither written nor locked
    -- (ON CONFLICT DO UPDATE would lock it, making concurrent writers about one activity wait on each other).
    UPDATE xapi_activitydefinition AS stored SET definition = {merged}, updated = %(now)s
    FROM jsonb_each(%(definitions)s::jsonb) AS item
    WHERE %(may_define)s AND stored.activity_id = ANY(%(activity_ids)s) AND stored.activity_id = item.key
        AND stored.definition IS DISTINCT FROM {merged}
), outbox AS (
    INSERT INTO xapi_outboxentry (target_id, statement_id, status, attempts, last_error, next_attempt, created)
    SELECT target.id, statements.id, %(pending)s, 0, '', %(now)s, %(now)s
    FROM statements CROSS JOIN xapi_forwardingtarget AS target
    WHERE target.is_active
    RETURNING target_id
)
SELECT DISTINCT target_id FROM outbox
"""
# Voided when the batch voids it, or a stored voiding statement does (a voiding statement is never voided).
VOIDED_VALUE = """((row).voided OR ((row).voids IS NULL AND EXISTS (
        SELECT 1 FROM xapi_statement AS voiding WHERE voiding.voids = (row).statement_id
    )))"""
# merge_definition in SQL: the new properties replace the stored ones, and language maps gain languages.
LANGUAGE_MAP_MERGE = """CASE WHEN jsonb_typeof(stored.definition -> '{key}') = 'object'
        AND jsonb_typeof(item.value -> '{key}') = 'object'
        THEN (stored.definition -> '{key}') || (item.value -> '{key}') END"""
MERGED_DEFINITION = "((stored.definition || item.value) || jsonb_strip_nulls(jsonb_build_object({maps})))"


def _row_value(column):
    return VOIDED_VALUE if column == "voided" else f'(row)."{column}"'


# The column names come from the model and the language map keys from the store, never from a request.
INSERT_SQL = INSERT_TEMPLATE.format(
    columns=", ".join(f'"{column}"' for column in COLUMNS),
    row_columns=", ".join(_row_value(column) for column in COLUMNS),
    merged=MERGED_DEFINITION.format(
        maps=", ".join(f"'{key}', {LANGUAGE_MAP_MERGE.format(key=key)}" for key in LANGUAGE_MAPS)
    ),
)


def _json_value(value):
    """What ``json`` cannot write itself: datetimes (ISO 8601, microseconds kept) and UUIDs."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def insert_statements(rows, related, definitions, may_define):
    """Store statement rows (column values by attribute name) with the ``(activity ids, agent keys)`` each
    relates to and the batch's activity ``definitions`` (``{activity id: definition}``: new ones added, stored
    ones merged only when ``may_define``), and queue them for every active external LRS; returns the ids of
    those LRSs."""
    documents = [
        {**columns, "related_activities": activities, "related_agents": agents}
        for columns, (activities, agents) in zip(rows, related, strict=True)
    ]
    parameters = {
        "statements": json.dumps(documents, default=_json_value),
        "definitions": json.dumps(definitions),
        "activity_ids": list(definitions),  # an array the planner sees, so it reads the few rows by index
        "may_define": may_define,
        "pending": OutboxEntry.Status.PENDING.value,
        "now": timezone.now(),
    }
    with connection.cursor() as cursor:
        cursor.execute(INSERT_SQL, parameters)
        return [target_id for (target_id,) in cursor.fetchall()]
