"""Celery tasks of the conference app: thin, each takes an id and calls ``conference.services``."""

from celery import shared_task

from lms.core.sending import RETRY_POLICY

from . import services


@shared_task(**RETRY_POLICY)
def send_showcase_status_email(change_id):
    """Email the submitter about one status change of their showcase submission; sent once per change."""
    return services.send_status_email(change_id)
