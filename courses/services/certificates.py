"""Certificates: issued once per completed enrolment, with what they say copied at issue time."""

from django.db import transaction

from ..models import Certificate
from . import statements


def issue_certificate(enrolment, course):
    """The enrolment's certificate, issued now if it has none (and recorded as 'earned')."""
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing:
        return existing
    hub = course.hub
    with transaction.atomic():
        certificate = Certificate.objects.create(
            enrolment=enrolment,
            course_key=enrolment.course_key,
            learner_name=enrolment.user.get_full_name(),
            course_title=course.title,
            hub_name=hub.title if hub else "",
            language=course.locale.language_code,
        )
        statements.certificate_earned(enrolment, course, certificate)
    return certificate
