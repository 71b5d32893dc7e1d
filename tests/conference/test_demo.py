"""The demo conference: bilingual, a full programme over three afternoons (a second load changes nothing:
tests/core/test_load_demo.py)."""

import pytest

from conference.models import ConferencePage, Session

pytestmark = pytest.mark.django_db


def test_demo_conference_in_english_and_french(demo_site, client):
    english = ConferencePage.objects.get(locale__language_code="en")
    french = ConferencePage.objects.get(locale__language_code="fr")
    assert list(english.themes.values_list("code", flat=True)) == list("abcde")
    assert list(french.axes.values_list("code", flat=True)) == ["1", "2", "3"]
    sessions = Session.objects.filter(conference=english)
    assert {s.start.astimezone(english.zone).date().day for s in sessions} == {16, 17, 18}
    assert min(s.start.astimezone(english.zone).hour for s in sessions) == 14
    assert max(s.end.astimezone(english.zone).hour for s in sessions) == 18
    assert Session.objects.filter(conference=french).count() == sessions.count()

    html = client.get(french.url + "programme/").content.decode()
    assert "14:00–14:45 CEST, Genève" in html
    assert "les parlements après la pandémie" in html
    overview = client.get(english.url).content.decode()
    assert "Artificial intelligence" in overview and "Peer exchange" in overview
    library = client.get(english.url + "video-library/").content.decode()
    assert "Shown in plenary" in library and "Recording: Opening plenary" in library
    assert client.get(french.url + "vitrine-des-parlements/").status_code == 200
    guide = client.get(french.url + "plan-de-continuite/").content.decode()
    assert "Guide pratique : un plan de continuité pour le parlement" in guide
