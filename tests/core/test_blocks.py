import pytest
from wagtail import blocks

from lms.core.blocks import CallToActionBlock, VideoBlock
from lms.core.embeds import privacy_embed_url


@pytest.mark.parametrize(
    ("url", "expected_start"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?"),
    ],
)
def test_known_providers_get_a_no_tracking_embed_with_captions(url, expected_start):
    embed = privacy_embed_url(url, "fr")
    assert embed.startswith(expected_start)
    assert "cc_lang_pref=fr" in embed or "texttrack=fr" in embed
    # YouTube answers the page's player messages only when asked (Vimeo's player always does).
    assert ("enablejsapi=1" in embed) == ("youtube" in embed)


@pytest.mark.parametrize("url", ["", None, "https://example.org/video.mp4", "https://www.youtube.com/watch?v=<x>"])
def test_other_addresses_get_no_embed(url):
    assert privacy_embed_url(url) is None


def test_video_needs_an_address_or_a_file():
    block = VideoBlock()
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"title": "No source"}))


def test_video_placeholder_loads_nothing_from_the_host(db):
    block = VideoBlock()
    html = block.render(block.to_python({"title": "Plenary", "url": "https://youtu.be/dQw4w9WgXcQ"}))
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
    assert 'href="https://youtu.be/dQw4w9WgXcQ"' in html


def test_call_to_action_needs_exactly_one_destination(db):
    block = CallToActionBlock()
    value = block.to_python({"title": "Join", "button_label": "Go", "link": {"page": None, "url": ""}})
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)
    value = block.to_python({"title": "Join", "button_label": "Go", "link": {"page": None, "url": "https://ipu.org"}})
    assert 'href="https://ipu.org"' in block.render(block.clean(value))
