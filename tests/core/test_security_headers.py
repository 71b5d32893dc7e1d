"""The public site sends a Content-Security-Policy and a Permissions-Policy; the admins keep their own rules."""

import pytest
from django.http import HttpResponse

from conference.schedule import VisitorZone, remember_zone
from lms.core.security_headers import content_security_policy

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_public_pages_load_nothing_from_elsewhere_but_the_video_players_and_package_content(client, home, settings):
    response = client.get("/en/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-src"] == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        settings.PACKAGE_CONTENT_ORIGIN,
    ]
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions and "microphone=()" in permissions


def test_the_package_content_origin_may_be_framed(settings):
    settings.PACKAGE_CONTENT_ORIGIN = "https://content.example.org"
    assert "https://content.example.org" in directives(content_security_policy())["frame-src"]


def test_the_admin_keeps_its_inline_scripts(admin_client, home):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_public_templates_have_no_inline_script_or_style(client, home):
    html = client.get("/en/").content.decode()
    assert "<script>" not in html and " style=" not in html and "<style" not in html


@pytest.mark.parametrize("secure", [True, False])
def test_the_time_zone_cookie_is_secure_where_the_session_cookie_is(settings, secure):
    settings.SESSION_COOKIE_SECURE = secure
    response = HttpResponse()
    remember_zone(response, VisitorZone("Asia/Tokyo"))
    assert bool(response.cookies["conference_tz"]["secure"]) is secure
