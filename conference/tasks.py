"""Background work of the conference app."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=3600, max_retries=8)
def send_showcase_status_email(self, change_id):
    """Email the submitter about one status change of their showcase submission; sent once per change."""
    from .models import ShowcaseStatusChange

    with transaction.atomic():
        change = (
            ShowcaseStatusChange.objects.select_for_update()
            .select_related("submission__submitter", "submission__conference")
            .filter(pk=change_id, notified_at__isnull=True)
            .first()
        )
        if change is None:
            return False
        submission = change.submission
        user = submission.submitter
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            context = {"change": change, "submission": submission, "user": user, "base_url": settings.BASE_URL}
            subject = render_to_string("conference/email/status_subject.txt", context).strip()
            body = render_to_string("conference/email/status_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    return True
