"""Learner views outside the page tree: "My learning", transcripts and public certificate verification."""

import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale, Site

from lms.core.csv_export import csv_response

from .certificate_design import certificate_design
from .credentials import badge, issuer, status_list
from .models import Certificate, CoursePage, Enrolment
from .pdf import certificate_pdf, transcript_pdf
from .transcript import HEADER, transcript_rows

MAX_CREDENTIAL_UPLOAD = 64 * 1024
CERTIFICATE_CODE = re.compile(r"[A-Z0-9-]+")  # what a typed code may hold (see new_certificate_code)


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
    content = transcript_pdf(request.user.get_full_name(), HEADER, transcript_rows(request.user), get_language())
    return _download(HttpResponse(content, content_type="application/pdf"), "transcript.pdf")


def _not_found(request, code):
    return render(request, "courses/certificate_lookup.html", {"code": code, "not_found": True}, status=404)


@require_GET
def verify_lookup(request):
    """A form to type a verification code; redirects to that certificate's page."""
    code = request.GET.get("code", "").strip().upper()[:20]
    if code and not CERTIFICATE_CODE.fullmatch(code):
        return _not_found(request, code)  # e.g. "A/B", which no certificate page address can hold
    if code:
        return redirect("courses:certificate", code=code)
    return render(request, "courses/certificate_lookup.html")


def _issuer_name(request, certificate):
    return certificate_design(Site.find_for_request(request), certificate).issuer_name


@require_GET
def certificate_detail(request, code):
    """Public verification of a certificate, without login: who, which course, when, which hub, and whether its
    Open Badge is signed by this platform and still valid."""
    certificate = Certificate.objects.filter(code=code.upper()[:20]).select_related("enrolment__user").first()
    if certificate is None:
        return _not_found(request, code)
    course = localized_courses([certificate.course_key]).get(certificate.course_key)
    is_owner = request.user.is_authenticated and certificate.enrolment.user_id == request.user.pk
    design = certificate_design(Site.find_for_request(request), certificate, course)
    token = badge.signed_credential(certificate, design.issuer_name)
    context = {
        "certificate": certificate,
        "course": course,
        "is_owner": is_owner,
        "design": design,
        "badge_verification": badge.verify_credential(token),
        "issuer_did": issuer.issuer_did(),
    }
    return render(request, "courses/certificate_detail.html", context)


def _own_certificate(request, code):
    return get_object_or_404(
        Certificate.objects.select_related("enrolment__user"), code=code.upper()[:20], enrolment__user=request.user
    )


def _revoked(request, certificate):
    message = _("This certificate was revoked: %(reason)s") % {"reason": certificate.revocation_reason}
    return render(request, "courses/certificate_lookup.html", {"revoked_message": message}, status=410)


@login_required
@require_GET
def certificate_download(request, code):
    """The certificate as PDF, for the learner who earned it (not once revoked)."""
    certificate = _own_certificate(request, code)
    if certificate.is_revoked:
        return _revoked(request, certificate)
    course = localized_courses([certificate.course_key]).get(certificate.course_key)
    design = certificate_design(Site.find_for_request(request), certificate, course)
    content = certificate_pdf(certificate, badge.verification_url(certificate), design)
    return _download(HttpResponse(content, content_type="application/pdf"), f"certificate-{certificate.code}.pdf")


@login_required
@require_GET
def certificate_badge(request, code):
    """The certificate as a signed Open Badges 3.0 credential (VC-JWT), for the learner who earned it."""
    certificate = _own_certificate(request, code)
    if certificate.is_revoked:
        return _revoked(request, certificate)
    token = badge.signed_credential(certificate, _issuer_name(request, certificate))
    return _download(HttpResponse(token, content_type=badge.MEDIA_TYPE), badge.badge_filename(certificate))


def _presented_credential(request):
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size > MAX_CREDENTIAL_UPLOAD:
            return None
        return upload.read().decode("utf-8", "replace")
    text = request.POST.get("credential", "")
    return text if len(text) <= MAX_CREDENTIAL_UPLOAD else None


@require_http_methods(["GET", "POST"])
def verify_badge(request):
    """Anyone checks an Open Badge file or text (VC-JWT): signed by this platform, which certificate, revoked or not."""
    if request.method == "GET":
        return render(request, "courses/badge_verify.html")
    presented = _presented_credential(request)
    if presented is None:
        context = {"error": _("The credential is larger than 64 KB; an Open Badge of this platform is far smaller.")}
        return render(request, "courses/badge_verify.html", context, status=400)
    if not presented.strip():
        context = {"error": _("Paste the Open Badge or choose its file.")}
        return render(request, "courses/badge_verify.html", context, status=400)
    verification = badge.verify_credential(presented)
    status = 200 if verification.certificate else 400
    return render(request, "courses/badge_verify.html", {"verification": verification}, status=status)


@require_GET
def did_document(request):
    """The platform's ``did:web`` document: the public key that verifies its Open Badges."""
    response = JsonResponse(issuer.did_document(), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def revocation_list(request):
    """The signed Bitstring Status List of revoked certificates, as verifiers fetch it."""
    response = HttpResponse(status_list.status_list_token(), content_type=badge.MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response
