from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def clear_expired_sessions(self):
    """Delete the database sessions whose expiry date has passed; returns how many were removed."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
