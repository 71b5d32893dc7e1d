"""Editors work through the Wagtail admin's own views."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from lms.accounts.factories import UserFactory
from lms.accounts.models import User
from lms.core.factories import ParliamentFactory
from lms.core.models import StandardPage


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def streamfield(prefix, blocks):
    data = {f"{prefix}-count": str(len(blocks))}
    for index, (block_type, value) in enumerate(blocks):
        data[f"{prefix}-{index}-type"] = block_type
        data[f"{prefix}-{index}-deleted"] = ""
        data[f"{prefix}-{index}-order"] = str(index)
        for name, field_value in value.items():
            data[f"{prefix}-{index}-value-{name}"] = field_value
    return data


def test_an_editor_creates_and_publishes_a_standard_page(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("core", "standardpage", home.pk))
    assert admin_client.get(url).status_code == 200
    data = {
        "title": "Open standards",
        "slug": "open-standards",
        "introduction": "Why parliaments publish in open formats.",
        "action-publish": "publish",
        **streamfield("body", [("heading", {"text": "Formats", "level": "h2"})]),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = StandardPage.objects.get(slug="open-standards")
    assert page.live and page.body[0].value["text"] == "Formats"
    assert b"Open standards" in admin_client.get("/en/open-standards/").content


def test_the_admin_refuses_a_page_type_where_it_does_not_belong(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("core", "homepage", home.pk))
    response = admin_client.get(url)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))  # refused
    assert not Page.objects.filter(depth=3, content_type__model="homepage").exists()


def test_pages_offer_translation_through_wagtail_localize(admin_client, home, locales):
    url = reverse("wagtail_localize:submit_page_translation", args=(home.pk,))
    response = admin_client.post(url, {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    assert home.get_translation_or_none(locales["fr"]) is not None


def test_administrators_create_users_with_profile_fields(admin_client):
    parliament = ParliamentFactory(name="National Assembly of Zambia")
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "host@parliament.gov.zm",
            "full_name": "Mwila Banda",
            "parliament": parliament.pk,
            "job_title": "ICT director",
            "country": "ZM",
            "preferred_language": "en",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="host@parliament.gov.zm")
    assert (user.full_name, user.parliament, user.country.code) == ("Mwila Banda", parliament, "ZM")


def test_the_parliament_directory_is_edited_as_snippets(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_core_parliament:add"))
    assert response.status_code == 200
    assert b"open_data_formats" in response.content
