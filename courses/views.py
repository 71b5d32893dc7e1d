"""Learner views outside the page tree: "My learning", transcripts and public certificate verification."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from lms.core.csv_export import csv_response

from .models import Certificate, CoursePage, Enrolment
from .pdf import certificate_pdf, transcript_pdf
from .transcript import HEADER, transcript_rows


def localized_courses(keys):
    """{translation_key: live course page}, preferring the reader's language, in one query."""
    active = Locale.get_active()
    pages = CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale", "cover_image")
    found = {}
    for page in pages:
        if page.translation_key not in found or page.locale_id == active.pk:
            found[page.translation_key] = page
    return found


@login_required
@require_GET
def my_learning(request):
    """The learner's dashboard: courses in progress and completed, certificates and downloads."""
    enrolments = list(Enrolment.objects.filter(user=request.user).select_related("certificate"))
    courses = localized_courses([enrolment.course_key for enrolment in enrolments])
    for enrolment in enrolments:
        enrolment.page = courses.get(enrolment.course_key)
    context = {
        "in_progress": [e for e in enrolments if not e.is_completed],
        "completed": [e for e in enrolments if e.is_completed],
        "certificates": [e.certificate for e in enrolments if getattr(e, "certificate", None)],
    }
    return render(request, "courses/my_learning.html", context)


def _download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def transcript_csv(request):
    response = csv_response("transcript.csv", HEADER, transcript_rows(request.user))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def transcript_pdf_view(request):
    content = transcript_pdf(request.user.get_full_name(), transcript_rows(request.user))
    return _download(HttpResponse(content, content_type="application/pdf"), "transcript.pdf")


@require_GET
def verify_lookup(request):
    """A form to type a verification code; redirects to that certificate's page."""
    code = request.GET.get("code", "").strip().upper()[:20]
    if code:
        return redirect("courses:certificate", code=code)
    return render(request, "courses/certificate_lookup.html")


@require_GET
def certificate_detail(request, code):
    """Public verification of a certificate, without login: who, which course, when, which hub."""
    certificate = Certificate.objects.filter(code=code.upper()).select_related("enrolment").first()
    if certificate is None:
        return render(request, "courses/certificate_lookup.html", {"code": code, "not_found": True}, status=404)
    course = localized_courses([certificate.course_key]).get(certificate.course_key)
    is_owner = request.user.is_authenticated and certificate.enrolment.user_id == request.user.pk
    context = {"certificate": certificate, "course": course, "is_owner": is_owner}
    return render(request, "courses/certificate_detail.html", context)


@login_required
@require_GET
def certificate_download(request, code):
    """The certificate as PDF, for the learner who earned it."""
    certificate = get_object_or_404(Certificate, code=code.upper(), enrolment__user=request.user)
    verify_url = request.build_absolute_uri(reverse("courses:certificate", args=[certificate.code]))
    content = certificate_pdf(certificate, verify_url)
    return _download(HttpResponse(content, content_type="application/pdf"), f"certificate-{certificate.code}.pdf")
