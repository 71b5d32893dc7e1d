"""Programme by day, filters, now and next, live link then recording, sessions across translations."""

import datetime

import pytest
from django.utils import timezone

from conference.factories import SessionFactory, VideoEntryFactory, geneva
from conference.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(conference):
    axis = conference.axes.get(code="3")
    return {
        "opening": SessionFactory(conference=conference, title="Opening plenary", slug="opening", start=geneva(16, 14)),
        "data": SessionFactory(
            conference=conference,
            title="Data governance",
            slug="data",
            kind=Session.Kind.BREAKOUT,
            theme=conference.themes.get(code="c"),
            start=geneva(16, 15, 30),
        ),
        "ai": SessionFactory(
            conference=conference,
            title="AI how-to guide",
            slug="ai",
            kind=Session.Kind.WORKSHOP,
            theme=conference.themes.get(code="e"),
            axis=axis,
            start=geneva(18, 14),
        ),
    }


def test_programme_by_day_with_filters(client, conference, sessions):
    url = conference.url + "programme/"
    html = client.get(url).content.decode()
    wednesday = html.index('<h2 id="day-2021-06-16">Wednesday 16 June 2021</h2>')
    friday = html.index('<h2 id="day-2021-06-18">Friday 18 June 2021</h2>')
    assert wednesday < html.index("Opening plenary") < html.index("Data governance") < friday < html.index("AI how-to")
    assert "Thursday 17 June" not in html
    filtered = client.get(url, {"theme": "c"}).content.decode()
    assert "Data governance" in filtered and "Opening plenary" not in filtered
    by_axis = client.get(url, {"axis": "3", "kind": "workshop"}).content.decode()
    assert "AI how-to guide" in by_axis and "Data governance" not in by_axis
    assert client.get(url, {"kind": "party"}).status_code == 400


def test_now_and_next_during_the_event(conference, sessions):
    running, following = conference.now_and_next(geneva(16, 14, 30))
    assert running == [sessions["opening"]]
    assert following == [sessions["data"]]
    assert conference.now_and_next(geneva(20, 14, 30)) == ([], [])


def test_now_and_next_shown_on_the_programme(client, conference, sessions, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: geneva(16, 14, 30))
    html = client.get(conference.url + "programme/").content.decode()
    assert "Happening now" in html and "Live now" in html


def test_live_link_gives_way_to_the_recording(client, conference, library, sessions, monkeypatch):
    session = sessions["opening"]
    monkeypatch.setattr(timezone, "now", lambda: geneva(16, 14, 30))
    html = client.get(session.get_url()).content.decode()
    assert "Join the live stream now" in html and session.live_url in html

    monkeypatch.setattr(timezone, "now", lambda: geneva(16, 16))
    html = client.get(session.get_url()).content.decode()
    assert session.live_url not in html
    assert "recording will appear in the video library" in html

    video = VideoEntryFactory(conference=conference, session=session, title="Opening (recording)")
    html = client.get(session.get_url()).content.decode()
    assert "Watch the recording" in html
    assert f"{library.url}{video.slug}/" in html


def test_session_must_end_after_it_starts(conference):
    session = Session(conference=conference, title="Backwards", start=geneva(16, 15), end=geneva(16, 14))
    with pytest.raises(Exception, match="end after it starts"):
        session.full_clean()


def test_translation_keeps_schedule_and_calendar_identity(conference, home_fr, sessions):
    french_page = conference.copy_for_translation(home_fr.locale)
    french_page.save_revision().publish()
    english = sessions["data"]
    french = english.copy_for_translation(home_fr.locale)
    french.title = "Gouvernance des données"
    french.save()
    french.refresh_from_db()
    # The copy points at the French conference and its own theme c.
    assert french.conference_id == french_page.pk
    assert french.theme.page_id == french_page.pk and french.theme.code == "c"

    english.start = english.start + datetime.timedelta(minutes=15)
    english.end = english.end + datetime.timedelta(minutes=15)
    english.save()
    french.refresh_from_db()
    assert french.start == english.start
    assert french.sequence == english.sequence == 1
    assert french.translation_key == english.translation_key
    assert french.title == "Gouvernance des données"


def test_page_cache_varies_by_zone_and_follows_changes(client, conference, sessions, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: geneva(1, 12))
    url = conference.url + "programme/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.cookies["conference_tz"] = "Asia/Tokyo"
    tokyo = client.get(url)
    assert tokyo["X-Page-Cache"] == "miss" and "JST, Tokyo" in tokyo.content.decode()
    session = sessions["opening"]
    session.title = "Opening plenary (new time)"
    session.save()
    assert "Opening plenary (new time)" in client.get(url).content.decode()


def test_pages_are_not_cached_while_the_conference_runs(client, conference, sessions, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: geneva(16, 14, 30))
    url = conference.url + "programme/"
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)


def test_the_page_cache_keys_on_the_filters_the_programme_reads_and_ignores_the_rest(client, conference, sessions):
    url = conference.url + "programme/"
    first = client.get(url, {"theme": "c", "utm": "flood-1"})
    assert first["X-Page-Cache"] == "miss" and "Opening plenary" not in first.content.decode()
    again = client.get(url, {"utm": "flood-2", "theme": "c"})
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    other_theme = client.get(url, {"theme": "e", "utm": "flood-1"})
    assert other_theme["X-Page-Cache"] == "miss"
    assert "AI how-to guide" in other_theme.content.decode() and "Data governance" not in other_theme.content.decode()
    unfiltered = client.get(url, {"utm": "flood-3"})
    assert "Opening plenary" in unfiltered.content.decode() and "Data governance" in unfiltered.content.decode()
