"""Forwarding statements to external LRSs through a transactional outbox.

Each stored statement gets one outbox row per active target in the transaction that stores it, so a
statement is never stored without being queued. After the commit a Celery task claims due rows, sends them
in batches and marks them sent; failures are retried with exponential backoff up to a cap, then left
"failed" for an administrator. A claimed row carries a lease (its next attempt moves into the future), so a
worker that dies mid-batch leaves rows that become due again; resending is harmless because the target
keeps one statement per id and a 409 / "already stored" counts as delivered.
"""

import json
import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import ForwardingTarget, OutboxEntry

logger = logging.getLogger(__name__)


def backoff(attempts):
    """Seconds to wait before attempt number ``attempts + 1``: doubling from the base, capped."""
    base = settings.XAPI_FORWARD_BACKOFF
    return min(base * 2 ** max(attempts - 1, 0), settings.XAPI_FORWARD_BACKOFF_MAX)


def queue(rows):
    """Queue stored statement rows for every active target, and wake the sender after the commit."""
    targets = list(ForwardingTarget.objects.filter(is_active=True).values_list("pk", flat=True))
    if not targets or not rows:
        return
    OutboxEntry.objects.bulk_create(
        [OutboxEntry(target_id=target, statement=row) for target in targets for row in rows], ignore_conflicts=True
    )
    wake_after_commit(targets)


def wake_after_commit(target_ids):
    """Wake the sender for each of ``target_ids`` once the current transaction has committed its outbox rows."""
    if target_ids:
        transaction.on_commit(lambda: wake(target_ids))


def wake(target_ids, countdown=0):
    """Ask a worker to send what is due for each target; a broker outage is logged, the beat task catches up."""
    from .tasks import deliver_outbox

    if countdown and settings.CELERY_TASK_ALWAYS_EAGER:
        return  # in-process tasks ignore countdowns; the beat task or xapi_resend sends later
    for target_id in target_ids:
        try:
            deliver_outbox.apply_async((target_id,), countdown=countdown, retry=False)
        except Exception:  # the broker is down: the rows are safe in the outbox and the beat task resends
            logger.warning("xAPI forwarding: could not reach the broker; target %s waits for the beat task", target_id)


def claim(target, limit):
    """Take up to ``limit`` due entries of ``target`` for sending, leasing them so no other worker sends them."""
    now = timezone.now()
    with transaction.atomic():
        due = (
            OutboxEntry.objects.select_for_update(skip_locked=True)
            .filter(target=target, status=OutboxEntry.Status.PENDING, next_attempt__lte=now)
            .order_by("next_attempt", "pk")[:limit]
        )
        ids = list(due.values_list("pk", flat=True))
        lease = timedelta(seconds=settings.XAPI_FORWARD_LEASE)
        OutboxEntry.objects.filter(pk__in=ids).update(next_attempt=now + lease)
    return list(OutboxEntry.objects.filter(pk__in=ids).select_related("statement").order_by("pk"))


def outgoing(statement):
    """The statement as sent on: the target sets its own stored and authority."""
    return {key: value for key, value in statement.items() if key not in ("stored", "authority")}


class Sender:
    """Sends statements to one target over HTTP."""

    def __init__(self, target):
        self.target = target
        self.session = requests.Session()
        if target.username or target.password:
            self.session.auth = (target.username, target.password)
        self.session.headers.update({"X-Experience-API-Version": target.version})
        self.url = target.endpoint.rstrip("/") + "/statements"
        self.timeout = settings.XAPI_FORWARD_TIMEOUT

    def post(self, statements):
        """POST a batch; returns the response."""
        body, content_type = encode(statements, statements)
        return self.session.post(self.url, data=body, headers={"Content-Type": content_type}, timeout=self.timeout)

    def put(self, statement):
        """PUT one statement under its id; returns the response."""
        body, content_type = encode(statement, [statement])
        return self.session.put(
            self.url,
            params={"statementId": statement["id"]},
            data=body,
            headers={"Content-Type": content_type},
            timeout=self.timeout,
        )


def encode(document, statements):
    """The request body: JSON, or multipart/mixed with the attachment contents the statements declare."""
    from .attachments import multipart_response

    if any("fileUrl" not in a for statement in statements for a in statement.get("attachments") or []):
        return multipart_response(document, statements)
    return json.dumps(document).encode(), "application/json"


def _delivered(response):
    # 409: the target already holds a statement with this id, which is what we wanted.
    return response.status_code in (200, 204, 409)


def send(target, entries):
    """Send ``entries`` to ``target``; returns {entry pk: None when delivered, else the error text}."""
    sender = Sender(target)
    statements = [outgoing(entry.statement.data) for entry in entries]
    try:
        response = sender.post(statements)
    except requests.RequestException as error:
        return {entry.pk: f"connection failed: {error}" for entry in entries}
    if response.status_code in (200, 204):  # 204: the target held every statement already
        return {entry.pk: None for entry in entries}
    if response.status_code not in (400, 409) or (len(entries) == 1 and response.status_code == 400):
        error = f"HTTP {response.status_code}: {response.text[:500]}"
        return {entry.pk: error for entry in entries}
    # The batch was refused as a whole (one duplicate or one bad statement): send one by one to sort it out.
    outcome = {}
    for entry, statement in zip(entries, statements, strict=True):
        try:
            single = sender.put(statement)
        except requests.RequestException as error:
            outcome[entry.pk] = f"connection failed: {error}"
            continue
        outcome[entry.pk] = None if _delivered(single) else f"HTTP {single.status_code}: {single.text[:500]}"
    return outcome


def record_outcome(entries, outcome):
    """Mark delivered entries sent, and schedule the others' next attempt (or give up after the cap)."""
    now = timezone.now()
    cap = settings.XAPI_FORWARD_MAX_ATTEMPTS
    sent = [entry.pk for entry in entries if outcome.get(entry.pk) is None]
    OutboxEntry.objects.filter(pk__in=sent).update(
        status=OutboxEntry.Status.SENT, sent=now, last_error="", attempts=F("attempts") + 1
    )
    for entry in entries:
        error = outcome.get(entry.pk)
        if error is None:
            continue
        attempts = entry.attempts + 1
        status = OutboxEntry.Status.FAILED if attempts >= cap else OutboxEntry.Status.PENDING
        OutboxEntry.objects.filter(pk=entry.pk).update(
            attempts=attempts, last_error=error, status=status, next_attempt=now + timedelta(seconds=backoff(attempts))
        )


def deliver(target, max_batches=50):
    """Send due entries of ``target`` batch after batch; returns (delivered, failed) counts."""
    delivered = failed = 0
    for _ in range(max_batches):
        entries = claim(target, target.batch_size)
        if not entries:
            break
        outcome = send(target, entries)
        record_outcome(entries, outcome)
        errors = sum(1 for value in outcome.values() if value is not None)
        delivered += len(entries) - errors
        failed += errors
        if errors:
            break  # the target is unwell: stop hammering it, the backoff decides when to try again
    return delivered, failed


def next_due(target):
    """Seconds until the earliest pending entry of ``target`` is due, or None when nothing is pending."""
    entry = (
        OutboxEntry.objects.filter(target=target, status=OutboxEntry.Status.PENDING).order_by("next_attempt").first()
    )
    if entry is None:
        return None
    return max((entry.next_attempt - timezone.now()).total_seconds(), 0)


def retry(entries):
    """Make failed or pending entries due now (the admin's retry action and ``xapi_resend``)."""
    return entries.exclude(status=OutboxEntry.Status.SENT).update(
        status=OutboxEntry.Status.PENDING, next_attempt=timezone.now(), attempts=0
    )
