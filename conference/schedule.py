"""The programme as visitors read it: sessions grouped by day, times in the conference's zone and theirs."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.formats import date_format

from .timezones import COOKIE_MAX_AGE, COOKIE_NAME, city_of, get_zone, local_time


@dataclass(frozen=True)
class VisitorZone:
    """The zone a visitor chose to read times in ('' means the conference's own)."""

    name: str = ""

    @property
    def zone(self):
        return get_zone(self.name) if self.name else None

    @property
    def place(self):
        return city_of(self.name) if self.name else ""


def visitor_zone_from(request, requested=None):
    """The zone asked for in this request (already validated), else the one remembered in the cookie."""
    if requested is not None:
        return VisitorZone(requested)
    remembered = request.COOKIES.get(COOKIE_NAME, "")
    return VisitorZone(remembered if get_zone(remembered) else "")


def remember_zone(response, visitor_zone):
    if visitor_zone.name:
        response.set_cookie(
            COOKIE_NAME,
            visitor_zone.name,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,  # Secure wherever the session cookie is: in production
        )
    else:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    return response


def _range(start, end):
    return f"{start.clock}\u2013{end.clock} {start.abbreviation}, {start.place}"


@dataclass
class SessionTimes:
    """A session's start and end in the conference's zone and, when chosen, in the visitor's."""

    session: object
    start: object
    end: object
    visitor_start: object = None
    visitor_end: object = None
    state: str = "upcoming"

    @property
    def conference_range(self):
        """For example '14:00-15:30 CEST, Geneva' (with an en dash)."""
        return _range(self.start, self.end)

    @property
    def visitor_range(self):
        if self.visitor_start is None:
            return ""
        return _range(self.visitor_start, self.visitor_end)


@dataclass
class ProgrammeDay:
    day: date
    rows: list = field(default_factory=list)

    @property
    def label(self):
        return date_format(self.day, "l j F Y")

    @property
    def anchor(self):
        return f"day-{self.day.isoformat()}"


def session_times(session, conference, visitor_zone, now):
    session.conference = conference  # the same page: spares a query per session for its address
    zone, place = conference.zone, conference.time_zone_city
    times = SessionTimes(session, local_time(session.start, zone, place), local_time(session.end, zone, place))
    if visitor_zone.zone is not None:
        times.visitor_start = local_time(session.start, visitor_zone.zone, visitor_zone.place, zone)
        times.visitor_end = local_time(session.end, visitor_zone.zone, visitor_zone.place, zone)
    if session.is_over(now):
        times.state = "over"
    elif session.is_running(now):
        times.state = "live"
    return times


def programme_days(sessions, conference, visitor_zone, now):
    """Sessions grouped by their calendar day in the conference's zone, in order."""
    days = {}
    for session in sessions:
        times = session_times(session, conference, visitor_zone, now)
        days.setdefault(times.start.moment.date(), ProgrammeDay(times.start.moment.date())).rows.append(times)
    return [days[key] for key in sorted(days)]
