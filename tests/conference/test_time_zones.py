"""Times of a 14:00 Geneva session as read around the world, on the programme and session pages."""

import re

import pytest

from conference.factories import SessionFactory, geneva
from conference.schedule import VisitorZone, session_times
from conference.timezones import COOKIE_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(conference):
    return SessionFactory(conference=conference, title="Opening plenary", slug="opening", start=geneva(16, 14))


@pytest.mark.parametrize(
    ("zone", "expected", "shift"),
    [
        ("Asia/Tokyo", "21:00–22:00 JST, Tokyo", 0),
        ("Pacific/Auckland", "00:00–01:00 NZST, Auckland", 1),
        ("America/New_York", "08:00–09:00 EDT, New York", 0),
        ("America/Los_Angeles", "05:00–06:00 PDT, Los Angeles", 0),
    ],
)
def test_a_geneva_afternoon_read_in_other_zones(session, conference, zone, expected, shift):
    times = session_times(session, conference, VisitorZone(zone), geneva(1, 0))
    assert times.conference_range == "14:00–15:00 CEST, Geneva"
    assert times.visitor_range == expected
    assert times.visitor_start.day_shift == shift
    assert times.visitor_start.day_shift_label == ("+1 day" if shift else "")


def test_a_late_session_is_on_the_next_day_in_tokyo_and_auckland(conference):
    late = SessionFactory(conference=conference, start=geneva(18, 17, 30))
    tokyo = session_times(late, conference, VisitorZone("Asia/Tokyo"), geneva(1, 0))
    auckland = session_times(late, conference, VisitorZone("Pacific/Auckland"), geneva(1, 0))
    assert tokyo.visitor_start.clock == "00:30"
    assert tokyo.visitor_start.moment.day == 19
    assert tokyo.visitor_start.day_shift_label == "+1 day"
    assert auckland.visitor_start.clock == "03:30"
    assert auckland.visitor_start.day_shift == 1


def test_summer_and_winter_time_in_geneva(conference):
    """The same 14:00 wall-clock time is 12:00 UTC in June (CEST) and 13:00 UTC in January (CET)."""
    summer = SessionFactory(conference=conference, start=geneva(16, 14))
    winter_start = geneva(16, 14).replace(month=1, day=20)
    winter = SessionFactory(conference=conference, start=winter_start)
    summer_times = session_times(summer, conference, VisitorZone("UTC"), geneva(1, 0))
    winter_times = session_times(winter, conference, VisitorZone("UTC"), geneva(1, 0))
    assert summer_times.start.label == "14:00 CEST, Geneva"
    assert winter_times.start.label == "14:00 CET, Geneva"
    assert summer_times.visitor_start.clock == "12:00"
    assert winter_times.visitor_start.clock == "13:00"


def test_programme_shows_the_visitor_zone_and_remembers_it(client, session, conference):
    url = conference.url + "programme/"
    response = client.get(url, {"tz": "Pacific/Auckland"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "14:00–15:00 CEST, Geneva" in html
    assert "00:00–01:00 NZST, Auckland" in html
    assert "+1 day" in html
    assert response.cookies[COOKIE_NAME].value == "Pacific/Auckland"
    # Remembered: the next visit, and the session page, use the cookie without any parameter.
    again = client.get(url).content.decode()
    assert "00:00–01:00 NZST, Auckland" in again
    assert re.search(r'<option value="Pacific/Auckland" selected>', again)
    detail = client.get(session.get_url()).content.decode()
    assert "00:00–01:00 NZST, Auckland" in detail


def test_choosing_conference_time_only_forgets_the_zone(client, session, conference):
    client.cookies[COOKIE_NAME] = "Asia/Tokyo"
    response = client.get(conference.url + "programme/", {"tz": ""})
    assert "JST" not in response.content.decode()
    assert response.cookies[COOKIE_NAME].value == ""


def test_an_unknown_zone_is_refused_with_a_reason(client, session, conference):
    response = client.get(conference.url + "programme/", {"tz": "Mars/Olympus_Mons"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert COOKIE_NAME not in response.cookies


def test_a_forged_cookie_is_ignored(client, session, conference):
    client.cookies[COOKIE_NAME] = "Nowhere/Land"
    response = client.get(conference.url + "programme/")
    assert response.status_code == 200
    assert "14:00–15:00 CEST, Geneva" in response.content.decode()
