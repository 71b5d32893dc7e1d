"""Celery tasks of the courses app: thin, each takes an id and calls ``courses.services``."""

from celery import shared_task

from lms.core.sending import RETRY_POLICY

from .services import invitations


@shared_task(**RETRY_POLICY)
def send_invitation(invitation_id):
    """Email the invitation a host made by bulk enrolment, once (an invitation already emailed is skipped)."""
    invitations.send_invitation(invitation_id)
