"""What every background task that sends something shares: one retry policy, and sending once per record.

Tasks are thin (``DESIGN.md``): they take ids, call a service, retry with backoff and a cap, and are enqueued
after the commit that made their record. A task may run twice (a retry after a lost acknowledgement, a
resend by hand); :func:`send_once` makes the second run a no-op.
"""

from smtplib import SMTPException

from django.db import DatabaseError, transaction
from django.utils import timezone

# For every task of the apps: transient failures (the mail server, the network, the database) are retried
# after 30 s, 60 s, 120 s ... at most an hour apart, eight times, then the task fails and its record stays
# unsent (visible in the admin, where it can be sent again).
RETRY_POLICY = {
    "autoretry_for": (OSError, SMTPException, DatabaseError),
    "retry_backoff": 30,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 8,
}


def send_once(queryset, pk, sent_field, send):
    """Call ``send(row)`` for the row ``pk`` of ``queryset`` unless its ``sent_field`` timestamp is set, then set it.

    The row is locked for the duration (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite writes one at a time),
    so two runs of the same task send once: the second waits, then finds the timestamp. When ``send`` raises,
    the timestamp stays empty and a retry sends again. Returns what ``send`` returned, or None when there was
    nothing to send (already sent, or the row is gone).
    """
    with transaction.atomic():
        row = queryset.select_for_update(of=("self",)).filter(pk=pk, **{f"{sent_field}__isnull": True}).first()
        if row is None:
            return None
        result = send(row)
        setattr(row, sent_field, timezone.now())
        row.save(update_fields=[sent_field])
    return result
