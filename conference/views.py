"""Handlers behind the routes of the conference's pages; the page methods only dispatch to them."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core import json_ld
from lms.core.models import SiteSettings
from lms.core.page_cache import mark_cacheable

from . import calendars, frab, services, structured_data
from .filters import ProgrammeFilter, VideoFilter
from .forms import ShowcaseSubmissionForm
from .models import HowToGuidePage, ShowcasePage, VideoLibraryPage
from .schedule import programme_days, remember_zone, session_times, visitor_zone_from

VIDEOS_PER_PAGE = 12


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
    """The conference page: what is on now and next, its library, showcase and guides."""
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
    """The programme by day in the visitor's time zone, filtered by the query."""
    sessions = ProgrammeFilter(request.GET or None, queryset=conference.programme_sessions(), conference=conference)
    requested_zone = sessions.form.cleaned_data["tz"] if sessions.is_valid() and "tz" in request.GET else None
    visitor = visitor_zone_from(request, requested_zone)
    if requested_zone is None:
        sessions.form.initial["tz"] = visitor.name
    now = timezone.now()
    running, following = conference.now_and_next(now)
    response = conference.render(
        request,
        template="conference/programme.html",
        context_overrides={
            "filter": sessions,
            "visitor_zone": visitor,
            "days": programme_days(sessions.qs, conference, visitor, now),
            "now_sessions": [session_times(s, conference, visitor, now) for s in running],
            "next_sessions": [session_times(s, conference, visitor, now) for s in following],
            "webcal_url": calendar_subscription_url(conference, request),
        },
    )
    response.status_code = 400 if sessions.invalid else 200
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
    """One session: its times in the visitor's zone, its recording once over, and its guides."""
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
    """The whole programme as an iCalendar file."""
    sessions = conference.programme_sessions().prefetch_related("participants__person")
    return _ics_response(
        calendars.build_calendar(conference, sessions, conference.title), f"{conference.acronym_slug}.ics"
    )


def session_calendar(conference, request, slug):
    """One session as an iCalendar file."""
    session = _get_session(conference, slug)
    return _ics_response(
        calendars.build_calendar(conference, [session], session.title), f"{conference.acronym_slug}-{slug}.ics"
    )


def schedule_json(conference, request):
    """The programme as a Frab schedule in JSON, for conference apps."""
    sessions = conference.programme_sessions().prefetch_related("materials__document")
    days = programme_days(sessions, conference, visitor_zone_from(request, ""), timezone.now())
    latest = max((row.session.updated_at for day in days for row in day.rows), default=conference.last_published_at)
    version = latest.strftime("%Y-%m-%d %H:%M") if latest else "1"
    data = frab.build_schedule(conference, days, version, request.build_absolute_uri(conference.url))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def video_library(library, request):
    """The video library, filtered by the query, a page of videos at a time."""
    videos = VideoFilter(request.GET or None, queryset=library.videos(), conference=library.conference)
    page_obj = Paginator(videos.qs, VIDEOS_PER_PAGE).get_page(request.GET.get("page"))
    response = library.render(
        request,
        context_overrides={
            "filter": videos,
            "page_obj": page_obj,
            "extra_query": videos.query_string(),
            "themes": library.conference.theme_titles(),
        },
    )
    response.status_code = 400 if videos.invalid else 200
    return mark_cacheable(response)


def video_detail(library, request, slug):
    """One video of the library, embedded in the reader's language."""
    video = get_object_or_404(library.videos(), slug=slug)
    response = library.render(
        request,
        template="conference/video_page.html",
        context_overrides={
            "video": video,
            "theme": library.conference.theme_titles().get(video.theme.code) if video.theme_id else None,
            "embed_url": video.embed_url(request.LANGUAGE_CODE),
        },
    )
    return mark_cacheable(response)


def showcase_index(showcase_page, request):
    """The showcase page: its introduction and guidelines."""
    return mark_cacheable(showcase_page.render(request))


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
    """The form where a signed-in reader proposes a showcase video (GET shows it, POST submits it)."""
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _submit(showcase_page, request)


def showcase_mine(showcase_page, request):
    """The signed-in reader's showcase submissions to this conference."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return showcase_page.render(
        request,
        template="conference/showcase_mine.html",
        context_overrides={"submissions": showcase_page.submissions_of(request.user)},
    )
