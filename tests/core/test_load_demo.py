"""The demo site: loaded once for the suite (tests/fixtures/demo.py); a second load changes nothing, and the demo
users exist only where the settings allow them."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from conference.models import ConferenceTheme, HowToGuidePage, Session, VideoEntry
from courses.models import Topic
from hubs.models import CentrePage, HubMembership, HubPage
from hubs.roles import hubs_of
from lms.core.models import HomePage, Parliament


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything the demo loader makes, with the ids that learners' records and translations hang on."""
    pages = []
    for page in Page.objects.order_by("path").specific():
        streams = {
            field.name: field.get_prep_value(getattr(page, field.name))
            for field in page._meta.concrete_fields
            if field.get_internal_type() == "JSONField" and hasattr(field, "stream_block")
        }
        pages.append((page.pk, page.url_path, page.locale.language_code, page.title, page.live, page.translation_key))
        pages.append(streams)
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Topic,
            Session,
            VideoEntry,
            HowToGuidePage,
            Parliament,
            HubMembership,
            ConferenceTheme,
            TranslationSource,
            Translation,
            StringTranslation,
        )
    }
    strings = sorted(StringTranslation.objects.values_list("locale__language_code", "context__path", "data"))
    hubs = sorted(HubPage.objects.values_list("pk", "host_id"))
    return pages, counts, strings, hubs


@pytest.mark.django_db
def test_load_demo_twice_gives_the_same_site(demo_site):
    first = snapshot()
    load_demo()
    assert snapshot() == first
    assert HomePage.objects.count() == 4
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {"en", "fr", "es", "ar"}
    assert Site.objects.get(is_default_site=True).root_page.specific.title == "Centre for Innovation in Parliament"


@pytest.mark.django_db
def test_the_demo_is_indexed_once_for_search_and_references_in_every_language(demo_site, client):
    from wagtail.images.models import Image
    from wagtail.models import ReferenceIndex

    from courses.models import CoursePage

    logo = Image.objects.get(title="ICT Governance hub logo")
    referring = {reference.object_id for reference in ReferenceIndex.get_references_to(logo)}
    english = HubPage.objects.get(slug="ict-governance", locale__language_code="en")
    hubs = HubPage.objects.filter(translation_key=english.translation_key).values_list("pk", flat=True)
    assert referring == {str(pk) for pk in hubs} and len(referring) == 4  # the hub page in each language
    for course in CoursePage.objects.live():
        body = client.get(f"/{course.locale.language_code}/search/", {"q": course.title}).content.decode()
        assert course.url in body, f"{course.title} not found by the site search"


@pytest.mark.django_db
def test_demo_describes_the_centre_in_english_and_french(demo_site, client):
    about = CentrePage.objects.get(slug="centre", locale__language_code="en")
    french = about.get_translation(about.locale.__class__.objects.get(language_code="fr"))
    english_html = client.get(about.url).content.decode()
    french_html = client.get(french.url).content.decode()
    for phrase in ("Secretariat", "Steering Committee", "Core partners", "Financial partners", "Support partners"):
        assert phrase in english_html
    assert "Project partners" in english_html
    for phrase in ("Secrétariat", "Comité de pilotage", "partenaires fondamentaux", "partenaires de projet"):
        assert phrase in french_html
    home_html = client.get("/en/").content.decode()
    assert "open standards and open data" in home_html
    assert "digital library and research services" in home_html


@pytest.mark.django_db
def test_demo_users_only_where_settings_allow_and_the_host_gets_nothing_site_wide(demo_site, settings, client):
    assert not settings.DEMO_USERS  # the suite's demo site was loaded under the test settings
    assert not get_user_model().objects.exists()

    settings.DEMO_USERS = True
    output = load_demo()
    users = get_user_model().objects.order_by("email")
    assert [user.email for user in users] == ["admin@example.org", "host@example.org", "learner@example.org"]
    admin = users.get(email="admin@example.org")
    password = next(line for line in output.splitlines() if line.startswith("demo administrator")).split(" / ")[1]
    assert admin.is_superuser and admin.check_password(password)
    assert not users.get(email="learner@example.org").is_staff

    host = users.get(email="host@example.org")
    assert not host.is_staff and not host.is_superuser
    assert not host.groups.filter(name="Editors").exists()
    assert list(hubs_of(host).filter(locale__language_code="en").values_list("slug", flat=True)) == ["ict-governance"]
    client.force_login(host)
    assert client.get("/django-admin/").status_code == 302  # to Django admin's login: not staff
    assert client.get("/admin/").status_code == 200  # the hub's hosts group opens Wagtail's admin
