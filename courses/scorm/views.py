"""Playing a SCORM package item: the launch page (platform origin), the bridge (content origin), the commits.

The launch page frames the bridge on the content origin, which hosts scorm-again's API for the SCO framed
inside it; the bridge relays each commit by postMessage to the launch page, which posts it here with the
learner's session and CSRF token.
"""

import json
import uuid

from django.conf import settings
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .. import services
from ..models.packages import ContentPackage, PackageLessonPage
from ..packages.serving import on_content_origin

RUNTIMES = {
    "scorm12": ("1.2", "vendor/scorm-again/scorm12.min.js"),
    "scorm2004": ("2004", "vendor/scorm-again/scorm2004.min.js"),
}


def _learner_fields(user, item, version):
    """Read-only elements the LMS fills in: who the learner is, and the manifest's mastery score."""
    name = (user.get_full_name() or user.email)[:255]
    mastery = item.mastery_score
    if version == "1.2":
        fields = {"core": {"student_id": str(user.pk), "student_name": name}}
        if mastery is not None:
            fields["student_data"] = {"mastery_score": str(round(mastery * 100))}
        return fields
    fields = {"learner_id": str(user.pk), "learner_name": name}
    if mastery is not None:
        fields["scaled_passing_score"] = str(mastery)
    return fields


def _merge(cmi, fields):
    for key, value in fields.items():
        cmi[key] = _merge(dict(cmi.get(key) or {}), value) if isinstance(value, dict) else value
    return cmi


def _navigation(page, item):
    """Where the learner can go from ``item``: the SCOs before and after it in the organisation, any SCO by its
    identifier, and back to the lesson. The launch page links the first two (the LMS's own navigation); a SCORM
    2004 SCO may ask for any of them with ``adl.nav.request`` (continue, previous, choice, exit and the like)."""
    scos = [
        {"position": position, "identifier": identifier, "title": title,
         "url": page.url + page.reverse_subpage("launch", args=[position])}
        for position, identifier, title in page.package_items().values_list("position", "publisher_id", "title")
    ]  # fmt: skip
    index = next(number for number, sco in enumerate(scos) if sco["position"] == item.position)
    return {
        "previous": scos[index - 1] if index else None,
        "continue": scos[index + 1] if index + 1 < len(scos) else None,
        "choice": {sco["identifier"]: sco["url"] for sco in scos},
        "exit": page.url,
    }


def launch(page, request, item, enrolment):
    """The launch page of one SCO: the bridge's frame, what the runtime resumes from, and where it may lead."""
    version, _runtime = RUNTIMES[item.package.kind]
    data = services.scorm_launch_data(request.user, item, version)
    position = item.position
    navigation = _navigation(page, item)
    config = {
        "navigation": navigation,
        "commitUrl": reverse("courses:scorm_commit", args=[page.pk, position]),
        "contentOrigin": settings.PACKAGE_CONTENT_ORIGIN,
        "session": uuid.uuid4().hex,
        "cmi": _merge(data["cmi"], _learner_fields(request.user, item, version)),
        "csrfToken": get_token(request),
        "messages": {
            "saved": _("Your progress is saved."),
            "completed": _("You completed this part of the lesson."),
            "refused": _("The platform refused this commit."),
            "offline": _("Your progress could not be saved: check your connection, then close and reopen the lesson."),
        },
    }
    bridge = settings.PACKAGE_CONTENT_ORIGIN + reverse("packages:scorm_bridge", args=[item.package_id, position])
    context = page.get_context(request)
    context.update(
        {"item": item, "bridge_url": bridge, "config": config, "attempt": data["attempt"], "navigation": navigation}
    )
    response = TemplateResponse(request, "courses/scorm/launch.html", context)
    add_never_cache_headers(response)  # per learner, and its session id is new on every launch
    return response


@require_safe
@xframe_options_exempt
def bridge(request, package_id, position):
    """The bridge page of one SCO, on the content origin: scorm-again's API and the SCO's frame."""
    if not on_content_origin(request):
        raise Http404
    package = ContentPackage.objects.filter(pk=package_id, kind__in=RUNTIMES).first()
    item = package and package.items.filter(position=position).first()
    if item is None:
        raise Http404
    version, runtime = RUNTIMES[package.kind]
    config = {"version": version, "platform": settings.BASE_URL, "sco": item.content_url}
    context = {"config": config, "runtime": runtime, "title": item.title, "language": "en"}
    response = TemplateResponse(request, "courses/scorm/bridge.html", context)
    response["Content-Security-Policy"] = f"frame-ancestors {settings.BASE_URL}"
    return response


def commit(request, lesson_id, position):
    """Store one commit of the SCO at ``position`` in a live package lesson (POST, JSON, CSRF-protected by the
    session): 400 malformed, 403 not enrolled or barred by the lesson's view restrictions, 409 replayed with
    other data.

    A URL of its own rather than a sub-page of the lesson: a SCO commits often, and Wagtail's routing through
    the page tree cost a third of each commit."""
    if request.method != "POST":
        return JsonResponse({"error": "POST a commit"}, status=405, headers={"Allow": "POST"})
    page = PackageLessonPage.objects.live().filter(pk=lesson_id).select_related("locale").first()
    if page is None:
        raise Http404
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        return JsonResponse({"error": _("This lesson is not open to you.")}, status=403)
    enrolment = services.enrolment_for(request.user, page.course)
    if enrolment is None:
        return JsonResponse({"error": _("Enrol in the course first.")}, status=403)
    item = page.package_items().filter(position=position, package__kind__in=RUNTIMES).select_related("package").first()
    if item is None:
        raise Http404
    if len(request.body) > services.SCORM_MAX_COMMIT_BYTES:
        return JsonResponse({"error": "the commit is larger than 256 kB"}, status=400)
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return JsonResponse({"error": "the commit is not UTF-8 JSON"}, status=400)
    if not isinstance(body, dict):
        return JsonResponse({"error": "the commit must be a JSON object"}, status=400)
    version, _runtime = RUNTIMES[item.package.kind]
    try:
        attempt = services.record_scorm_commit(
            enrolment,
            page,
            item,
            version=version,
            session=body.get("session"),
            sequence=body.get("sequence"),
            cmi=body.get("cmi"),
            terminated=body.get("terminated") is True,
        )
    except services.ScormCommitConflict as error:
        return JsonResponse({"error": str(error)}, status=409)
    except services.ScormCommitError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {
            "attempt": attempt.number,
            "completion_status": attempt.completion_status,
            "success_status": attempt.success_status,
            "completed": attempt.completed_at is not None,
        }
    )
