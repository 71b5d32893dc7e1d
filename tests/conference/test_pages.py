"""Page tree rules, the editor's create view, and how-to guides linked to their session and theme."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from conference.factories import SessionFactory, geneva
from conference.models import ConferencePage, HowToGuidePage, ShowcasePage, VideoLibraryPage
from lms.accounts.factories import UserFactory
from lms.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_tree_rules():
    assert ConferencePage in HomePage.allowed_subpage_models()
    assert set(ConferencePage.allowed_subpage_models()) == {VideoLibraryPage, ShowcasePage, HowToGuidePage}
    assert ConferencePage not in StandardPage.allowed_subpage_models()
    for leaf in (VideoLibraryPage, ShowcasePage, HowToGuidePage):
        assert leaf.allowed_parent_page_models() == [ConferencePage]
        assert leaf.allowed_subpage_models() == []


def test_editor_creates_a_conference_with_themes(client, home):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = nested_form_data(
        {
            "title": "World e-Parliament Conference 2022",
            "slug": "wepc-2022",
            "edition": "2022",
            "start_date": "2022-06-15",
            "end_date": "2022-06-17",
            "time_zone": "Europe/Zurich",
            "time_zone_city": "Geneva",
            "mode": "hybrid",
            "body": streamfield([]),
            "themes": inline_formset([{"code": "a", "title": "Digital parliament", "description": ""}]),
            "axes": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/conference/conferencepage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConferencePage.objects.get(slug="wepc-2022")
    assert page.live
    assert list(page.themes.values_list("code", "locale__language_code")) == [("a", "en")]


def test_editor_is_told_about_a_bad_time_zone(client, home):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = nested_form_data(
        {
            "title": "Broken",
            "slug": "broken",
            "edition": "x",
            "start_date": "2022-06-17",
            "end_date": "2022-06-15",
            "time_zone": "Europe/Geneva",
            "time_zone_city": "Geneva",
            "mode": "online",
            "body": streamfield([]),
            "themes": inline_formset([]),
            "axes": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/conference/conferencepage/{home.pk}/", data)
    html = response.content.decode()
    assert "is not an IANA time zone" in html
    assert not ConferencePage.objects.filter(slug="broken").exists()


def test_guide_links_its_session_and_theme(client, conference):
    session = SessionFactory(
        conference=conference, title="Continuity workshop", slug="continuity", kind="workshop", start=geneva(17, 16)
    )
    guide = HowToGuidePage(
        title="How to write a continuity plan",
        slug="continuity-plan",
        session=session,
        theme=conference.themes.get(code="b"),
        introduction="Keep parliament sitting.",
    )
    conference.add_child(instance=guide)
    html = client.get(guide.url).content.decode()
    assert "Continuity workshop" in html and session.get_url() in html
    assert "Theme b" in html
    session_html = client.get(session.get_url()).content.decode()
    assert "How to write a continuity plan" in session_html
    assert "How to write a continuity plan" in client.get(conference.url).content.decode()
