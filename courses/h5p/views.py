"""Playing an H5P activity: launched from the lesson, played and stored on the content origin.

The lesson page frames ``launch`` (platform origin, the learner's session), which redirects to ``player`` on
the content origin with two short-lived tokens bound to the learner: an LRS launch token for the xAPI
statements and a state token for the saved state. The activity's scripts run on the content origin, so they
never see the learner's session or the platform's pages.
"""

import json
import mimetypes
import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from lms.xapi import api

from .. import services
from ..models import H5PActivity, H5PState, LessonPage
from . import content_origin

STATE_SALT = "courses.h5p.state"
MAX_STATE_BYTES = 512 * 1024


@never_cache
@require_GET
def launch(request, page_id, key):
    """Check the learner may play the activity in this lesson, then send the frame to the content origin."""
    lesson = get_object_or_404(LessonPage.objects.live().specific(), pk=page_id)
    activity = get_object_or_404(H5PActivity, key=key)
    if not request.user.is_authenticated:
        return HttpResponseForbidden("Sign in to play this activity.")
    state = services.course_state(request.user, lesson.course)
    if state.enrolment is None:
        return HttpResponseForbidden("Enrol in the course to play this activity.")
    token = signing.dumps({"user": request.user.pk, "activity": str(activity.key)}, salt=STATE_SALT)
    query = urlencode(
        {
            "lesson": lesson.pk,
            "token": token,
            "lrs": api.launch_token(request.user),
            "registration": str(state.enrolment.registration),
        }
    )
    return redirect(content_origin.url(reverse("h5p:player", args=[activity.key])) + "?" + query)


def _learner(request, key):
    try:
        payload = signing.loads(request.GET.get("token", ""), salt=STATE_SALT, max_age=settings.XAPI_LAUNCH_TOKEN_AGE)
    except signing.BadSignature:
        return None
    if payload.get("activity") != str(key):
        return None
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=payload.get("user"), is_active=True).first()


def _saved_data(user, activity):
    """The learner's saved data as H5P core preloads it: {sub-content id: {data type: JSON string}}."""
    saved = {}
    for row in H5PState.objects.filter(user=user, activity_key=activity.key):
        saved.setdefault(row.sub_content, {})[row.data_type] = row.data
    return saved


@xframe_options_exempt
@never_cache
@require_GET
@content_origin.only
def player(request, key):
    """The page that hosts h5p-standalone for one learner (framed by the lesson page, on the content origin)."""
    activity = get_object_or_404(H5PActivity, key=key)
    user = _learner(request, key)
    if user is None:
        return HttpResponseForbidden("This launch has expired: reload the lesson.")
    lesson = LessonPage.objects.filter(pk=request.GET.get("lesson")).first()
    token = request.GET.get("token", "")
    state_url = reverse("h5p:state", args=[activity.key, "DATATYPE", "SUBCONTENT"])
    config = {
        "id": activity.key.hex,
        "files": reverse("h5p:file", args=[activity.key, "h5p.json"]).rsplit("/", 1)[0],
        "activity": activity.xapi_iri,
        "title": activity.title,
        "actor": api.actor_for(user),
        "endpoint": settings.BASE_URL + reverse("xapi:statements"),
        "auth": "Bearer " + request.GET.get("lrs", ""),
        "registration": request.GET.get("registration", ""),
        "userData": _saved_data(user, activity),
        "lesson": api.activity_iri("lesson", lesson.translation_key) if lesson else "",
        "parent": settings.BASE_URL,
        "stateUrl": state_url.replace("DATATYPE", ":dataType").replace("SUBCONTENT", ":subContentId")
        + "?"
        + urlencode({"token": token}),
    }
    response = TemplateResponse(request, "courses/h5p/player.html", {"activity": activity, "config": config})
    response["Content-Security-Policy"] = f"frame-ancestors {settings.BASE_URL}"
    return response


@require_GET
@content_origin.only
def file(request, key, path):
    """One unpacked file of the activity, read from storage (content origin only)."""
    activity = get_object_or_404(H5PActivity, key=key)
    normalised = posixpath.normpath(path)
    if not activity.content_root or normalised.startswith(("..", "/")) or "\x00" in path:
        raise Http404
    name = posixpath.join(activity.content_root, normalised)
    try:
        handle = default_storage.open(name)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@csrf_exempt  # the state token in the address is the credential; the content origin carries no session
@never_cache
@require_http_methods(["GET", "POST"])
@content_origin.only
def state(request, key, data_type, sub_content):
    """H5P's content user data protocol: GET answers ``{success, data}``, POST stores ``data`` (``0`` deletes)."""
    user = _learner(request, key)
    if user is None:
        return JsonResponse({"success": False, "message": "the state token is invalid or has expired"}, status=403)
    rows = H5PState.objects.filter(user=user, activity_key=key, sub_content=sub_content, data_type=data_type)
    if request.method == "GET":
        row = rows.first()
        return JsonResponse({"success": True, "data": row.data if row else False})
    data = request.POST.get("data")
    if data is None:
        return HttpResponseBadRequest("data is required")
    if data == "0":
        rows.delete()
        return JsonResponse({"success": True})
    if len(data.encode()) > MAX_STATE_BYTES or "\x00" in data:
        return JsonResponse({"success": False, "message": "the state is too large or holds a NUL byte"}, status=400)
    try:
        json.loads(data)
    except ValueError:
        return JsonResponse({"success": False, "message": "the state must be JSON"}, status=400)
    H5PState.objects.update_or_create(
        user=user, activity_key=key, sub_content=sub_content, data_type=data_type, defaults={"data": data}
    )
    return JsonResponse({"success": True})
