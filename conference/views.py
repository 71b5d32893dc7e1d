"""Handlers behind the conference page's routes; the page methods only dispatch to them."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core import json_ld
from lms.core.models import SiteSettings
from lms.core.page_cache import mark_cacheable

from . import calendars, frab, services, structured_data
from .forms import ProgrammeFilterForm, ShowcaseSubmissionForm
from .models import HowToGuidePage, ShowcasePage, VideoLibraryPage
from .schedule import programme_days, remember_zone, session_times, visitor_zone_from


def shareable(response, conference, moment=None):
    """Let the anonymous page cache keep ``response``, except while the conference runs (now/next and live
    links change by the minute then)."""
    if not conference.is_running(moment or timezone.now()):
        mark_cacheable(response)
    return response


def _json_ld(conference, request):
    sessions = list(conference.programme_sessions())
    organiser = SiteSettings.for_request(request).organisation_name
    return json_ld.script(structured_data.conference_event(conference, sessions, organiser))


def conference_overview(conference, request):
    now = timezone.now()
    running, following = conference.now_and_next(now)
    visitor = visitor_zone_from(request)
    response = conference.render(
        request,
        context_overrides={
            "json_ld": _json_ld(conference, request),
            "now_sessions": [session_times(s, conference, visitor, now) for s in running],
            "next_sessions": [session_times(s, conference, visitor, now) for s in following],
            "video_library": conference.child_of_type(VideoLibraryPage),
            "showcase": conference.child_of_type(ShowcasePage),
            "guides": conference.how_to_guides(),
        },
    )
    return shareable(response, conference, now)


def programme(conference, request):
    form = ProgrammeFilterForm(conference, request.GET or None)
    sessions = conference.programme_sessions()
    status, requested_zone = 200, None
    if form.is_bound:
        if form.is_valid():
            sessions = form.filter(sessions)
            if "tz" in request.GET:
                requested_zone = form.cleaned_data["tz"]
        else:
            status = 400
    visitor = visitor_zone_from(request, requested_zone)
    if not form.is_bound or "tz" not in request.GET or status == 400:
        form.initial["tz"] = visitor.name
    now = timezone.now()
    running, following = conference.now_and_next(now)
    response = conference.render(
        request,
        template="conference/programme.html",
        context_overrides={
            "form": form,
            "visitor_zone": visitor,
            "days": programme_days(sessions, conference, visitor, now),
            "now_sessions": [session_times(s, conference, visitor, now) for s in running],
            "next_sessions": [session_times(s, conference, visitor, now) for s in following],
            "webcal_url": calendar_subscription_url(conference, request),
        },
    )
    response.status_code = status
    if requested_zone is not None:
        remember_zone(response, visitor)
    return shareable(response, conference, now)


def calendar_subscription_url(conference, request):
    url = request.build_absolute_uri(conference.url + conference.reverse_subpage("programme_calendar"))
    return "webcal://" + url.split("://", 1)[1]


def _get_session(conference, slug):
    session = conference.programme_sessions().filter(slug=slug).first()
    if session is None:
        raise Http404(_("No such session in this conference."))
    return session


def session_detail(conference, request, slug):
    session = _get_session(conference, slug)
    now = timezone.now()
    visitor = visitor_zone_from(request)
    times = session_times(session, conference, visitor, now)
    recording = session.recording() if times.state == "over" else None
    library = conference.child_of_type(VideoLibraryPage)
    response = conference.render(
        request,
        template="conference/session_page.html",
        context_overrides={
            "session": session,
            "times": times,
            "visitor_zone": visitor,
            "recording_url": library.video_url(recording) if recording and library else "",
            "guides": HowToGuidePage.objects.live()
            .public()
            .filter(session__translation_key=session.translation_key, locale=conference.locale),
            "calendar_url": conference.url + conference.reverse_subpage("session_calendar", kwargs={"slug": slug}),
        },
    )
    return shareable(response, conference, now)


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def programme_calendar(conference, request):
    sessions = conference.programme_sessions().prefetch_related("participants__person")
    return _ics_response(
        calendars.build_calendar(conference, sessions, conference.title), f"{conference.acronym_slug}.ics"
    )


def session_calendar(conference, request, slug):
    session = _get_session(conference, slug)
    return _ics_response(
        calendars.build_calendar(conference, [session], session.title), f"{conference.acronym_slug}-{slug}.ics"
    )


def schedule_json(conference, request):
    sessions = conference.programme_sessions().prefetch_related("materials__document")
    days = programme_days(sessions, conference, visitor_zone_from(request, ""), timezone.now())
    latest = max((row.session.updated_at for day in days for row in day.rows), default=conference.last_published_at)
    version = latest.strftime("%Y-%m-%d %H:%M") if latest else "1"
    data = frab.build_schedule(conference, days, version, request.build_absolute_uri(conference.url))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _submit(showcase_page, request):
    conference = showcase_page.conference
    if request.method == "POST":
        form = ShowcaseSubmissionForm(conference, request.POST, request.FILES)
        if form.is_valid():
            services.submit(form, request.user, conference)
            messages.success(request, _("Thank you. Your video was submitted; we will email you at each step."))
            return redirect(showcase_page.url + showcase_page.reverse_subpage("mine"))
        status = 400
    else:
        form = ShowcaseSubmissionForm(conference, initial={"parliament": request.user.parliament_id})
        status = 200
    response = showcase_page.render(
        request, template="conference/showcase_submit.html", context_overrides={"form": form}
    )
    response.status_code = status
    return response


def showcase_submit(showcase_page, request):
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _submit(showcase_page, request)
