"""Celery tasks of the courses app."""

from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Invitation


@shared_task(
    bind=True, autoretry_for=(OSError, SMTPException), retry_backoff=True, retry_backoff_max=3600, max_retries=8
)
def send_invitation(self, invitation_id):
    """Email the invitation a host made by bulk enrolment, once (an invitation already emailed is skipped)."""
    invitation = Invitation.objects.filter(pk=invitation_id, emailed_at__isnull=True).select_related("course").first()
    if invitation is None or invitation.course is None:
        return
    course = invitation.course
    language = course.locale.language_code
    with translation.override(language):
        context = {
            "course": course,
            "course_url": course.full_url,
            "signup_url": f"{settings.BASE_URL}/{language}/account/signup/",
        }
        send_mail(
            _("You are invited to the course “%(title)s”") % {"title": course.title},
            render_to_string("courses/email/invitation.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
    Invitation.objects.filter(pk=invitation.pk).update(emailed_at=timezone.now())
