"""``manage.py xapi_resend``: send again what the external LRSs have not received."""

from django.core.management.base import BaseCommand, CommandError

from lms.xapi import forwarding
from lms.xapi.models import ForwardingTarget, OutboxEntry


class Command(BaseCommand):
    """See ``help``."""

    help = (
        "Make failed and pending statements due again and send them now to the external LRSs (or to --target), "
        "without waiting for the worker. Exits with status 1 if some could still not be delivered."
    )

    def add_arguments(self, parser):
        """The command line."""
        parser.add_argument("--target", help="The name of one external LRS.")
        parser.add_argument("--queue-only", action="store_true", help="Only queue them for the Celery worker.")

    def handle(self, *args, target=None, queue_only=False, **options):
        """Run the command."""
        targets = ForwardingTarget.objects.filter(is_active=True)
        if target:
            targets = targets.filter(name=target)
            if not targets:
                raise CommandError(f"No active external LRS named {target!r}.")
        entries = OutboxEntry.objects.filter(target__in=targets)
        count = forwarding.retry(entries)
        self.stdout.write(f"{count} statements queued again.")
        if queue_only:
            forwarding.wake(list(targets.values_list("pk", flat=True)))
            return
        undelivered = 0
        for each in targets:
            delivered, _failed = forwarding.deliver(each, max_batches=10_000)
            left = entries.filter(target=each).exclude(status=OutboxEntry.Status.SENT).count()
            undelivered += left
            self.stdout.write(f"{each.name}: {delivered} delivered, {left} not delivered.")
        if undelivered:
            raise CommandError(f"{undelivered} statements could not be delivered; see the last error in the admin.")
