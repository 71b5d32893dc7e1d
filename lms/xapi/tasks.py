"""Celery tasks of the Learning Record Store: forwarding the outbox to external LRSs, closing stale cmi5 sessions."""

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from . import forwarding
from .cmi5.launch import abandon_expired
from .models import ForwardingTarget, OutboxEntry


@shared_task(ignore_result=True)
def deliver_outbox(target_id):
    """Send what is due in the outbox to one external LRS, then come back when the next retry is due.

    Idempotent: entries are claimed under a lease and a statement the target already holds counts as
    delivered, so running it twice, or after a worker died mid-batch, sends nothing twice.
    """
    target = ForwardingTarget.objects.filter(pk=target_id, is_active=True).first()
    if target is None:
        return
    forwarding.deliver(target)
    wait = forwarding.next_due(target)
    if wait is not None and _first_to_schedule(target.pk, wait):
        forwarding.wake([target.pk], countdown=max(wait, 1))


def _first_to_schedule(target_id, wait):
    """Whether no other run has already scheduled the next one (so scheduled runs do not pile up)."""
    try:
        return cache.add(f"xapi:forward-scheduled:{target_id}", 1, timeout=max(int(wait), 1))
    except Exception:  # no cache: scheduling a spare run is harmless
        return True


@shared_task(ignore_result=True)
def deliver_due():
    """Beat task: wake the sender for every active target that has due entries (after a broker outage too)."""
    due = OutboxEntry.objects.filter(
        status=OutboxEntry.Status.PENDING, target__is_active=True, next_attempt__lte=timezone.now()
    )
    forwarding.wake(list(due.values_list("target_id", flat=True).distinct()))


@shared_task(ignore_result=True)
def abandon_expired_cmi5_sessions():
    """Beat task: store cmi5's ``abandoned`` for every AU session left open (no ``terminated``) past its token's
    expiry, for learners who never launch that AU again (cmi5 9.3.6).

    Idempotent: a session is abandoned once, under a row lock, so a second run (or two at once) adds nothing. A run
    that fails is not retried: the next beat run picks up whatever is still open.
    """
    abandon_expired()
