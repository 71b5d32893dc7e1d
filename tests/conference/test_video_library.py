"""The video library: filters, a page per video, privacy-friendly embeds, captions and transcript."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.factories import VideoEntryFactory
from conference.models import VideoEntry
from lms.core.factories import ParliamentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def videos(conference):
    chile = ParliamentFactory(name="Chamber of Deputies of Chile", slug="chile", country="CL", region="americas")
    brazil = ParliamentFactory(name="Chamber of Deputies of Brazil", slug="brazil", country="BR", region="americas")
    return {
        "opening": VideoEntryFactory(
            conference=conference,
            title="Opening plenary",
            theme=conference.themes.get(code="a"),
            transcript="Welcome to the conference.",
        ),
        "chile": VideoEntryFactory(
            conference=conference,
            kind=VideoEntry.Kind.SHOWCASE,
            title="Virtual sittings in Chile",
            parliament=chile,
            language="es",
            theme=conference.themes.get(code="d"),
            shown_in_plenary=True,
            captions=SimpleUploadedFile("chile.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHola\n"),
        ),
        "brazil": VideoEntryFactory(
            conference=conference,
            kind=VideoEntry.Kind.SHOWCASE,
            title="Hackathons in Brazil",
            parliament=brazil,
            language="pt",
            recorded_on=datetime.date(2020, 11, 3),
            theme=conference.themes.get(code="c"),
        ),
        "hidden": VideoEntryFactory(conference=conference, title="Not yet published", published=False),
    }


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    return {video.title for video in VideoEntry.objects.all() if video.title in html}


def test_filters(client, library, videos):
    url = library.url
    assert titles(client, url) == {"Opening plenary", "Virtual sittings in Chile", "Hackathons in Brazil"}
    assert titles(client, url, theme="d") == {"Virtual sittings in Chile"}
    assert titles(client, url, parliament="brazil") == {"Hackathons in Brazil"}
    assert titles(client, url, language="es") == {"Virtual sittings in Chile"}
    assert titles(client, url, year="2020") == {"Hackathons in Brazil"}
    assert titles(client, url, year="2021", theme="a") == {"Opening plenary"}


def test_bad_filter_is_a_400(client, library, videos):
    response = client.get(library.url, {"year": "1850"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_video_page_loads_nothing_until_play(client, library, videos):
    html = client.get(f"{library.url}{videos['opening'].slug}/").content.decode()
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abcdefghijk?' in html
    assert "data-play" in html
    assert "Welcome to the conference." in html


def test_uploaded_video_with_captions_and_plenary_mark(client, library, videos):
    video = videos["chile"]
    video.video_url = ""
    video.video_file = SimpleUploadedFile("chile.mp4", b"\x00\x00\x00\x18ftypisom")
    video.save()
    html = client.get(f"{library.url}{video.slug}/").content.decode()
    assert '<track kind="captions"' in html and 'srclang="es"' in html
    assert "Shown in plenary" in html


def test_unpublished_video_is_not_found(client, library, videos):
    assert client.get(f"{library.url}{videos['hidden'].slug}/").status_code == 404


def test_video_needs_an_embeddable_link_or_a_file(conference):
    video = VideoEntry(conference=conference, title="Somewhere", recorded_on=datetime.date(2021, 6, 16))
    with pytest.raises(Exception, match="Give a video address"):
        video.full_clean()
    video.video_url = "https://example.org/video"
    with pytest.raises(Exception, match="YouTube or Vimeo"):
        video.full_clean()


def test_the_page_cache_keeps_a_bounded_number_of_query_strings_per_page(client, library, videos, monkeypatch):
    from lms.core import page_cache

    monkeypatch.setattr(page_cache, "MAX_QUERY_VARIANTS", 3)
    answers = [client.get(library.url, {"page": number}) for number in range(1, 7)]  # a parameter it reads
    assert all(answer.status_code == 200 for answer in answers)
    assert [answer.get("X-Page-Cache") for answer in answers] == ["miss", "miss", "miss", None, None, None]
    assert client.get(library.url, {"page": 2})["X-Page-Cache"] == "hit"


def test_an_invalid_choice_is_shown_beside_its_field_and_applies_no_filter(client, library, videos):
    response = client.get(library.url, {"year": "1850", "theme": "d"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-describedby="id_year_error"' in html and '<p class="error-message" id="id_year_error">' in html
    assert {"Opening plenary", "Hackathons in Brazil", "Virtual sittings in Chile"} <= {
        video.title for video in VideoEntry.objects.all() if video.title in html
    }


def test_the_pages_of_a_filtered_library_keep_its_filters(client, library, conference, monkeypatch):
    from conference import views

    monkeypatch.setattr(views, "VIDEOS_PER_PAGE", 1)
    for number in range(3):
        VideoEntryFactory(conference=conference, title=f"Plenary {number}", theme=conference.themes.get(code="a"))
    html = client.get(library.url, {"theme": "a", "utm": "x"}).content.decode()
    assert 'href="?theme=a&amp;page=2"' in html
