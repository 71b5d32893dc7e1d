"""The frab / pretalx schedule JSON and the schema.org Event markup."""

import json
import re

import pytest

from conference.factories import PersonFactory, SessionFactory, geneva
from conference.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(conference):
    theme = conference.themes.get(code="c")
    return [
        SessionFactory(
            conference=conference, title="Opening", slug="opening", start=geneva(16, 14), speakers=[PersonFactory()]
        ),
        SessionFactory(
            conference=conference,
            title="Open data",
            slug="open-data",
            kind=Session.Kind.BREAKOUT,
            room="Breakout 1",
            theme=theme,
            start=geneva(17, 15, 30),
            end=geneva(17, 17),
        ),
    ]


def test_frab_schedule(client, conference, sessions):
    response = client.get(conference.url + "schedule/")
    assert response.status_code == 200
    schedule = response.json()["schedule"]
    info = schedule["conference"]
    assert info["acronym"] == "wep2021"
    assert (info["start"], info["end"], info["daysCount"]) == ("2021-06-16", "2021-06-18", 3)
    assert info["time_zone_name"] == "Europe/Zurich"
    assert [day["date"] for day in info["days"]] == ["2021-06-16", "2021-06-17"]
    assert [day["index"] for day in info["days"]] == [1, 2]
    assert {room["name"] for room in info["rooms"]} == {"Plenary", "Breakout 1"}
    event = info["days"][1]["rooms"]["Breakout 1"][0]
    assert event["guid"] == str(sessions[1].translation_key)
    assert event["date"] == "2021-06-17T15:30:00+02:00"
    assert (event["start"], event["duration"]) == ("15:30", "01:30")
    assert event["track"] == "Theme c"
    assert event["type"] == "Breakout"
    assert event["url"].endswith("/sessions/open-data/")
    opening = info["days"][0]["rooms"]["Plenary"][0]
    assert opening["persons"][0]["public_name"] == sessions[0].speakers[0].name
    for key in ("id", "title", "slug", "language", "abstract", "links", "attachments"):
        assert key in event


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_event_structured_data(client, conference, sessions):
    data = json_ld(client.get(conference.url).content.decode())
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://www.ipu.org/wepc2021"}
    assert data["startDate"] == "2021-06-16T14:00:00+02:00"
    assert [sub["name"] for sub in data["subEvent"]] == ["Opening", "Open data"]
    assert data["subEvent"][1]["endDate"] == "2021-06-17T17:00:00+02:00"


def test_hybrid_conference_has_both_locations(client, conference, sessions):
    conference.mode = "hybrid"
    conference.venue = "CICG"
    conference.venue_address = "Rue de Varembé 17, Geneva"
    conference.save_revision().publish()
    data = json_ld(client.get(conference.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["VirtualLocation", "Place"]


def test_structured_data_cannot_break_out_of_its_script(client, conference, sessions):
    sessions[0].title = "</script><script>alert(1)</script>"
    sessions[0].save()
    html = client.get(conference.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["subEvent"][0]["name"] == "</script><script>alert(1)</script>"
