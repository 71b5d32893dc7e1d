"""End to end in Chromium: a visitor reads the programme in their zone and downloads a session's .ics;
a participant proposes a showcase video; an administrator accepts it and it appears in the library."""

from pathlib import Path

import pytest
from icalendar import Calendar

from conference.factories import (
    ConferencePageFactory,
    SessionFactory,
    ShowcasePageFactory,
    VideoLibraryPageFactory,
    geneva,
)
from lms.accounts.factories import DEFAULT_PASSWORD, UserFactory
from lms.core.factories import ParliamentFactory
from tests.fixtures.browser import SCREENSHOTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_VIDEO = Path(__file__).resolve().parents[2] / "conference" / "demo" / "media" / "zambia-e-petitions.mp4"


@pytest.fixture
def site(home):
    conference = ConferencePageFactory(parent=home, slug="wepc-2021")
    SessionFactory(conference=conference, title="Opening plenary", slug="opening", start=geneva(16, 14))
    SessionFactory(conference=conference, title="Closing plenary", slug="closing", start=geneva(18, 17))
    library = VideoLibraryPageFactory(parent=conference)
    showcase = ShowcasePageFactory(parent=conference)
    return conference, library, showcase


def test_visitor_reads_the_programme_in_tokyo_time_and_downloads_a_session(browser_page, live_server, site, tmp_path):
    conference, _library, _showcase = site
    page = browser_page
    page.goto(live_server.url + conference.url + "programme/")
    assert page.get_by_text("14:00–15:00 CEST, Geneva").is_visible()
    page.select_option("#id_tz", "Asia/Tokyo")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**tz=Asia%2FTokyo**")
    assert page.get_by_text("21:00–22:00 JST, Tokyo").is_visible()
    closing = page.locator(".session", has_text="Closing plenary")
    assert "+1 day" in closing.inner_text()  # 17:00 in Geneva is after midnight in Tokyo

    page.get_by_role("link", name="Opening plenary").first.click()
    assert page.get_by_text("21:00–22:00 JST, Tokyo").is_visible()  # remembered by the cookie
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    target = tmp_path / "opening.ics"
    download_info.value.save_as(target)
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Opening plenary"
    assert event["DTSTART"].params["TZID"] == "Europe/Zurich"


def log_in(page, live_server, email):
    page.goto(live_server.url + "/en/account/login/")
    page.fill('input[name="login"]', email)
    page.fill('input[name="password"]', DEFAULT_PASSWORD)
    page.locator('form button[type="submit"]').last.click()
    page.wait_for_load_state()


def test_showcase_from_submission_to_library(browser_page, live_server, site):
    _conference, library, showcase = site
    ParliamentFactory(name="National Assembly of Zambia", country="ZM", region="africa")
    participant = UserFactory(email="clerk@parliament.example", full_name="Mutale Banda")
    UserFactory(email="admin@ipu.example", is_staff=True, is_superuser=True)
    page = browser_page

    log_in(page, live_server, participant.email)
    page.goto(live_server.url + showcase.url)
    page.get_by_role("link", name="Propose a video").click()
    page.fill("#id_title", "E-petitions in Zambia")
    page.select_option("#id_parliament", label="National Assembly of Zambia")
    page.select_option("#id_theme", label="d. Theme d")
    page.fill("#id_summary", "How citizens petition the National Assembly online.")
    page.select_option("#id_language", "en")
    page.set_input_files("#id_video_file", str(DEMO_VIDEO))
    page.check("#id_consent_publish")
    page.check("#id_rights_confirmed")
    page.get_by_role("button", name="Submit the video").click()
    assert page.get_by_text("Your video was submitted").is_visible()
    assert page.locator(".status--submitted").is_visible()
    page.context.clear_cookies()

    log_in(page, live_server, "admin@ipu.example")
    page.goto(live_server.url + "/admin/snippets/conference/showcasesubmission/")
    page.get_by_role("link", name="E-petitions in Zambia").first.click()
    page.select_option("#id_status", "accepted")
    page.fill("#id_moderator_note", "Welcome to the library.")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_load_state()
    page.context.clear_cookies()

    page.goto(live_server.url + library.url)
    page.get_by_role("link", name="E-petitions in Zambia").click()
    assert page.locator("video source").count() == 1
    assert page.get_by_role("heading", name="E-petitions in Zambia").is_visible()


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 667}, {"width": 1280, "height": 900}])
def test_on_a_phone_the_filters_fold_away_and_the_first_session_shows_on_the_first_screen(
    chromium, live_server, site, viewport
):
    conference, _library, _showcase = site
    context = chromium.new_context(locale="en-GB", viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + conference.url + "programme/")
    first = page.locator(".session").first
    assert first.bounding_box()["y"] + 40 < viewport["height"]  # its title is on the first screen
    filters = page.locator("form.filters")
    if viewport["width"] < 600:
        assert not filters.is_visible()
        page.get_by_text("Filters and calendars").click()
        assert filters.is_visible()
    else:
        assert filters.is_visible() and not page.locator(".filters-toggle > summary").is_visible()
    page.screenshot(path=SCREENSHOTS / f"programme-{viewport['width']}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    context.close()
