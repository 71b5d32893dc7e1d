"""The conference's admin screens open for administrators; sessions are typed in the conference's time."""

import pytest

from conference.factories import PersonFactory, SessionFactory, VideoEntryFactory, geneva
from conference.models import Session
from lms.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

EMPTY_FORMSETS = {
    f"{name}-{key}": value
    for name in ("participants", "materials")
    for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))
}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def session_data(conference, **overrides):
    data = {
        "conference": conference.pk,
        "title": "AI in committees",
        "slug": "",
        "kind": "breakout",
        "theme": conference.themes.get(code="e").pk,
        "axis": "",
        "start": "2021-06-18 15:00",
        "end": "2021-06-18 16:00",
        "room": "Breakout 2",
        "description": "",
        "languages": "en, fr",
        "interpretation": "",
        "live_url": "",
        **EMPTY_FORMSETS,
    }
    data.update(overrides)
    return data


def test_admin_listings_and_forms_open(admin_client, conference):
    session = SessionFactory(conference=conference, speakers=[PersonFactory()], start=geneva(16, 14))
    video = VideoEntryFactory(conference=conference)
    for url in (
        "/admin/snippets/conference/session/",
        "/admin/snippets/conference/person/",
        "/admin/snippets/conference/videoentry/",
        f"/admin/snippets/conference/videoentry/edit/{video.pk}/",
        "/admin/snippets/conference/showcasesubmission/",
    ):
        assert admin_client.get(url).status_code == 200, url
    edit = admin_client.get(f"/admin/snippets/conference/session/edit/{session.pk}/").content.decode()
    assert 'value="2021-06-16 14:00' in edit  # shown in Geneva time, not UTC


def test_admin_creates_a_session_in_geneva_time(admin_client, conference):
    response = admin_client.post("/admin/snippets/conference/session/add/", session_data(conference))
    assert response.status_code == 302, response.content.decode()[:3000]
    session = Session.objects.get(title="AI in committees")
    assert session.slug == "ai-in-committees"
    assert session.start == geneva(18, 15)
    assert session.start.isoformat().startswith("2021-06-18T13:00:00")  # stored in UTC


def test_admin_refuses_bad_sessions(admin_client, conference):
    response = admin_client.post(
        "/admin/snippets/conference/session/add/",
        session_data(conference, languages="en, klingon", end="2021-06-18 14:00"),
    )
    html = response.content.decode()
    assert "Unknown language code(s): klingon" in html
    assert not Session.objects.exists()
    response = admin_client.post(
        "/admin/snippets/conference/session/add/", session_data(conference, end="2021-06-18 14:00")
    )
    assert "A session must end after it starts." in response.content.decode()
