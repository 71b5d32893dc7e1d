"""Writing statements: completing them as the LRS must, checking conflicts and voiding, storing them with
their query columns, and queuing them for the external LRSs, all in the caller's transaction."""

import json
import uuid
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lms.core.bulk import insert_rows

from . import forwarding
from .identity import agent_key, member_keys
from .models import ActivityDefinition, LearnerIdentity, Statement, StatementContextActivity, StatementContextAgent
from .validation import VOIDED_VERB, validate_statement
from .vocabulary import XAPI_VERSION

LRS_SET = ("stored", "authority", "version")


class StoreError(Exception):
    """A request the LRS refuses; ``status`` is the HTTP status to answer with."""

    status = 400

    def __init__(self, message, status=None):
        super().__init__(message)
        if status:
            self.status = status


def parse_timestamp(value):
    """An ISO 8601 timestamp as an aware datetime (UTC when it names no offset)."""
    date, sep, rest = value.partition(".")
    if sep:  # Python keeps microseconds; finer fractions are truncated.
        digits = len(rest) - len(rest.lstrip("0123456789"))
        rest = rest[: min(digits, 6)] + rest[digits:]
        value = f"{date}.{rest}"
    parsed = parse_datetime(value)
    if parsed is None:
        raise StoreError(f"invalid timestamp {value!r}")
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def format_timestamp(moment):
    """A datetime in the ISO 8601 form the LRS returns (UTC, milliseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def comparable(statement, ignore=()):
    """A statement without what the LRS sets, with its timestamp normalised, to tell same from different."""
    body = {key: value for key, value in statement.items() if key not in LRS_SET and key not in ignore}
    if "timestamp" in body:
        body["timestamp"] = parse_timestamp(body["timestamp"]).isoformat()
    body["actor"] = _normalise_agent(body.get("actor"))
    return json.dumps(body, sort_keys=True)


def _normalise_agent(agent):
    if isinstance(agent, dict) and "objectType" not in agent:
        return {**agent, "objectType": "Agent"}
    return agent


def complete(statement, authority, stored_at):
    """The statement as the LRS stores it: id, stored, authority, version and timestamp filled in."""
    statement = dict(statement)  # the caller's dict stays as it was; nested parts are copied where changed
    statement.setdefault("id", str(uuid.uuid4()))
    statement["id"] = statement["id"].lower()
    statement["stored"] = format_timestamp(stored_at)
    statement.setdefault("timestamp", statement["stored"])
    statement["authority"] = authority
    statement["version"] = statement.get("version", XAPI_VERSION)
    _context_activities_as_lists(statement)
    return statement


def _context_activities_as_lists(body):
    """A single context activity becomes a list of one, as the specification asks an LRS to return them."""
    activities = (body.get("context") or {}).get("contextActivities") or {}
    if any(not isinstance(items, list) for items in activities.values()):
        listed = {key: items if isinstance(items, list) else [items] for key, items in activities.items()}
        body["context"] = {**body["context"], "contextActivities": listed}
    if body.get("object", {}).get("objectType") == "SubStatement":
        body["object"] = dict(body["object"])
        _context_activities_as_lists(body["object"])


def _related(statement):
    """The activity ids and agent keys a statement relates to, for the ``related_*`` queries."""
    activities, agents = set(), set()

    def visit(body):
        obj = body.get("object", {})
        kind = obj.get("objectType", "Activity")
        if kind == "Activity":
            activities.add(obj["id"])
        elif kind in ("Agent", "Group"):
            agents.update(member_keys(obj))
        elif kind == "SubStatement":
            visit(obj)
        agents.update(member_keys(body.get("actor")))
        context = body.get("context") or {}
        for key in ("instructor", "team"):
            if key in context:
                agents.update(member_keys(context[key]))
        for items in (context.get("contextActivities") or {}).values():
            for item in items if isinstance(items, list) else [items]:
                activities.add(item["id"])

    visit(statement)
    if "authority" in statement:
        agents.update(member_keys(statement["authority"]))
    return activities, agents


def _row(statement, users):
    obj = statement["object"]
    kind = obj.get("objectType", "Activity")
    context = statement.get("context") or {}
    registration = context.get("registration")
    return Statement(
        statement_id=uuid.UUID(statement["id"]),
        data=statement,
        actor_key=agent_key(statement["actor"]),
        object_agent_key=agent_key(obj) if kind in ("Agent", "Group") else "",
        verb_id=statement["verb"]["id"],
        activity_id=obj["id"] if kind == "Activity" else "",
        registration=uuid.UUID(registration) if registration else None,
        timestamp=parse_timestamp(statement["timestamp"]),
        stored=parse_timestamp(statement["stored"]),
        voids=uuid.UUID(obj["id"]) if statement["verb"]["id"] == VOIDED_VERB else None,
        ref_target=uuid.UUID(obj["id"]) if kind == "StatementRef" else None,
        authority_key=agent_key(statement["authority"]),
        user=users.get(agent_key(statement["actor"])),
    )


def _users_by_key(statements):
    """The platform learners among the actors, found by their pseudonymous account."""
    from django.conf import settings

    names = {}
    for statement in statements:
        account = statement["actor"].get("account")
        if isinstance(account, dict) and account.get("homePage") == settings.BASE_URL:
            try:
                names[uuid.UUID(account["name"])] = agent_key(statement["actor"])
            except ValueError:
                continue
    if not names:
        return {}
    identities = LearnerIdentity.objects.filter(pseudonym__in=names).select_related("user")
    return {names[identity.pseudonym]: identity.user for identity in identities}


def _check_voiding(statements):
    targets = {uuid.UUID(s["object"]["id"]): s for s in statements if s["verb"]["id"] == VOIDED_VERB}
    if not targets:
        return
    voiding_targets = Statement.objects.filter(statement_id__in=targets, voids__isnull=False)
    for target in voiding_targets.values_list("statement_id", flat=True):
        raise StoreError(f"statement {targets[target]['id']}: a voiding statement cannot void another voiding one")
    batch_voiding = {uuid.UUID(s["id"]) for s in statements if s["verb"]["id"] == VOIDED_VERB}
    for target, statement in targets.items():
        if target in batch_voiding:
            raise StoreError(f"statement {statement['id']}: a voiding statement cannot void another voiding one")


def _save_definitions(statements, may_define):
    """Keep the first definition of each activity; a client with the ``define`` scope may update it."""
    definitions = {}
    for statement in statements:
        for activity in _activities_with_definitions(statement):
            definitions.setdefault(activity["id"], {}).update(activity["definition"])
    if not definitions:
        return
    existing = {a.activity_id: a for a in ActivityDefinition.objects.filter(activity_id__in=definitions)}
    new = [ActivityDefinition(activity_id=i, definition=d) for i, d in definitions.items() if i not in existing]
    ActivityDefinition.objects.bulk_create(new, ignore_conflicts=True)
    if may_define:
        for activity_id, definition in definitions.items():
            if activity_id in existing:
                merged = {**existing[activity_id].definition, **definition}
                if merged != existing[activity_id].definition:
                    ActivityDefinition.objects.filter(activity_id=activity_id).update(definition=merged)


def _activities_with_definitions(statement):
    obj = statement["object"]
    if obj.get("objectType", "Activity") == "Activity" and "definition" in obj:
        yield obj
    if obj.get("objectType") == "SubStatement":
        yield from _activities_with_definitions(obj)
    for items in ((statement.get("context") or {}).get("contextActivities") or {}).values():
        for item in items if isinstance(items, list) else [items]:
            if "definition" in item:
                yield item


def save_statements(statements, authority, *, user=None, may_define=True, validate=True):
    """Validate, complete and store ``statements`` (a list of dicts) in the current transaction.

    Statements whose id is already stored with the same content are skipped (idempotent); a different
    content under a stored id raises a 409 :class:`StoreError`. Returns the stored ids, in order, and the
    rows created. ``user`` forces the learner the statements belong to (the browser-content path).
    """
    if validate:
        for index, statement in enumerate(statements):
            validate_statement(statement, f"statements[{index}]" if len(statements) > 1 else "statement")
    stored_at = timezone.now()
    completed = [complete(statement, authority, stored_at) for statement in statements]
    ids = [statement["id"] for statement in completed]
    if len(set(ids)) != len(ids):
        raise StoreError("the batch holds two statements with the same id")
    existing = {
        str(row.statement_id): row.data
        for row in Statement.objects.filter(statement_id__in=[uuid.UUID(i) for i in ids]).only("statement_id", "data")
    }
    fresh = []
    for received, statement in zip(statements, completed, strict=True):
        if statement["id"] in existing:
            # A timestamp the LRS filled in the first time is not part of what the client sent.
            ignore = () if "timestamp" in received else ("timestamp",)
            if comparable(existing[statement["id"]], ignore) != comparable(statement, ignore):
                raise StoreError(f"statement {statement['id']} is already stored with a different content", 409)
            continue
        fresh.append(statement)
    _check_voiding(fresh)
    if not fresh:
        return ids, []
    users = {agent_key(s["actor"]): user for s in fresh} if user else _users_by_key(fresh)
    rows = [_row(statement, users) for statement in fresh]
    try:
        with transaction.atomic():
            insert_rows(Statement, rows)
    except IntegrityError as error:  # a concurrent request stored the same id a moment ago
        raise StoreError("a statement with the same id was stored concurrently; send it again", 409) from error
    _save_related(rows)
    _apply_voiding(rows)
    _save_definitions(fresh, may_define)
    forwarding.queue(rows)
    return ids, rows


def _save_related(rows):
    """Index the activities and agents a statement relates to beyond its own columns (object activity,
    actor, object agent and authority are queried on the statement row itself)."""
    activities, agents = [], []
    for row in rows:
        activity_ids, agent_keys = _related(row.data)
        activity_ids.discard(row.activity_id)
        agent_keys -= {row.actor_key, row.object_agent_key, row.authority_key}
        activities += [StatementContextActivity(statement=row, activity_id=a) for a in activity_ids]
        agents += [StatementContextAgent(statement=row, agent_key=k) for k in agent_keys]
    insert_rows(StatementContextActivity, activities)
    insert_rows(StatementContextAgent, agents)


def _apply_voiding(rows):
    """Mark voided the targets of new voiding statements, and new statements already voided earlier."""
    targets = {row.voids for row in rows if row.voids}
    arrived = [row.statement_id for row in rows]
    targets.update(Statement.objects.filter(voids__in=arrived).values_list("voids", flat=True))
    if targets:
        Statement.objects.filter(statement_id__in=targets, voids__isnull=True).update(voided=True)


def now_iso():
    """The current time as the LRS formats timestamps."""
    return format_timestamp(datetime.now(UTC))
