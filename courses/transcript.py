"""A learner's transcript: one row per enrolment, shared by the CSV and PDF downloads."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models import Enrolment
from .pdf import language_name

HEADER = [_("Course"), _("Language"), _("Enrolled"), _("Status"), _("Progress (%)"), _("Completed"), _("Certificate")]


def _date(value):
    return formats.date_format(value, "Y-m-d") if value else ""


def transcript_rows(user):
    """[course, language, enrolled, status, progress, completed, certificate code] for each enrolment."""
    enrolments = Enrolment.objects.filter(user=user).select_related("certificate").order_by("enrolled_at")
    rows = []
    for enrolment in enrolments:
        certificate = getattr(enrolment, "certificate", None)
        rows.append(
            [
                enrolment.course_title,
                str(language_name(enrolment.language)),
                _date(enrolment.enrolled_at),
                str(enrolment.get_status_display()),
                str(enrolment.progress),
                _date(enrolment.completed_at),
                certificate.code if certificate else "",
            ]
        )
    return rows
