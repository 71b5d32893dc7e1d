"""iCalendar (RFC 5545) files of the programme: stable UIDs, the conference's VTIMEZONE, SEQUENCE."""

from datetime import timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vUri

# How often subscribed calendar programs should fetch the programme again.
REFRESH = timedelta(hours=6)


def _domain():
    return urlparse(settings.BASE_URL).hostname or "localhost"


def _event(session, conference):
    event = Event()
    event.add("uid", session.calendar_uid(_domain()))
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at)
    event.add("last-modified", session.updated_at)
    event.add("dtstart", session.start.astimezone(conference.zone))
    event.add("dtend", session.end.astimezone(conference.zone))
    event.add("summary", session.title)
    lines = [strip_tags(session.description)]
    people = ", ".join(str(person) for person in session.speakers)
    if people:
        lines.append(people)
    if session.live_url:
        lines.append(session.live_url)
    event.add("description", "\n\n".join(line for line in lines if line))
    event.add("location", session.room or conference.venue)
    event.add("url", vUri(session.get_full_url()))
    if session.theme_id:
        event.add("categories", [session.theme.title])
    return event


def build_calendar(conference, sessions, name):
    """The calendar of ``sessions``, each with times in the conference's zone and its VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", "-//Inter-Parliamentary Union//Centre for Innovation in Parliament//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", conference.time_zone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for session in sessions:
        calendar.add_component(_event(session, conference))
    calendar.add_missing_timezones()
    return calendar.to_ical()
