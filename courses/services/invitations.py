"""Emailing the invitations that bulk enrolment makes for addresses without an account."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from lms.core.mail import email_subject
from lms.core.sending import send_once

from ..models import Invitation


def _email(invitation):
    course = invitation.course
    language = course.locale.language_code
    with translation.override(language):
        context = {
            "course": course,
            "course_url": course.full_url,
            "signup_url": f"{settings.BASE_URL}/{language}/account/signup/",
        }
        return send_mail(
            email_subject(_("You are invited to the course “%(title)s”") % {"title": course.title}),
            render_to_string("courses/email/invitation.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )


def send_invitation(invitation_id):
    """Email one invitation, once; an invitation already emailed, or whose course is gone, is skipped."""
    invitations = Invitation.objects.filter(course__isnull=False).select_related("course", "course__locale")
    return send_once(invitations, invitation_id, "emailed_at", _email)
