"""The .ics files parse back with icalendar; UIDs are stable and SEQUENCE rises when a session changes."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from conference.factories import PersonFactory, SessionFactory, geneva

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(conference):
    speaker = PersonFactory(name="Martin Chungong")
    return [
        SessionFactory(
            conference=conference, title="Opening", slug="opening", start=geneva(16, 14), speakers=[speaker]
        ),
        SessionFactory(conference=conference, title="Open data", slug="open-data", start=geneva(17, 15, 30)),
    ]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_whole_programme_calendar(client, conference, sessions):
    calendar = parse(client.get(conference.url + "calendar/"))
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Opening", "Open data"]
    first = events[0]
    assert first.decoded("DTSTART") == datetime.datetime(2021, 6, 16, 14, tzinfo=zoneinfo.ZoneInfo("Europe/Zurich"))
    assert first["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert first.decoded("DTSTART").astimezone(datetime.UTC).hour == 12
    assert str(first["UID"]) == f"session-{sessions[0].translation_key}@testserver"
    assert "Martin Chungong" in str(first["DESCRIPTION"])
    assert str(first["URL"]).endswith("/sessions/opening/")
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Zurich"]
    assert {sub.name for sub in timezones[0].subcomponents} >= {"DAYLIGHT"}


def test_session_calendar_and_sequence(client, conference, sessions):
    url = conference.url + "sessions/opening/calendar/"
    before = parse(client.get(url)).walk("VEVENT")
    assert len(before) == 1
    assert before[0]["SEQUENCE"] == 0

    session = sessions[0]
    session.start = geneva(16, 14, 30)
    session.end = geneva(16, 15, 30)
    session.save()
    after = parse(client.get(url)).walk("VEVENT")[0]
    assert after["SEQUENCE"] == 1
    assert after["UID"] == before[0]["UID"]
    assert after.decoded("DTSTART").minute == 30

    session.save()  # nothing changed: the sequence stays
    assert parse(client.get(url)).walk("VEVENT")[0]["SEQUENCE"] == 1


def test_unknown_session_calendar_is_404(client, conference, sessions):
    assert client.get(conference.url + "sessions/nope/calendar/").status_code == 404


def test_programme_offers_a_webcal_subscription(client, conference, sessions):
    html = client.get(conference.url + "programme/").content.decode()
    assert f'href="webcal://testserver{conference.url}calendar/"' in html
