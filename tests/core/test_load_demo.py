import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from hubs.models import CentrePage, HubPage
from hubs.roles import hubs_of
from lms.core.models import HomePage


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Page.objects.values_list("url_path", "locale__language_code", "live"))


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
def test_demo_users_only_where_settings_allow(demo_site, settings):
    assert not settings.DEMO_USERS  # the module's demo site was loaded under the test settings
    assert not get_user_model().objects.exists()

    settings.DEMO_USERS = True
    output = load_demo()
    users = get_user_model().objects.order_by("email")
    assert [user.email for user in users] == ["admin@example.org", "host@example.org", "learner@example.org"]
    admin = users.get(email="admin@example.org")
    password = next(line for line in output.splitlines() if line.startswith("demo administrator")).split(" / ")[1]
    assert admin.is_superuser and admin.check_password(password)
    assert not users.get(email="learner@example.org").is_staff


@pytest.mark.django_db
def test_the_demo_host_gets_nothing_site_wide(settings, client):
    settings.DEMO_USERS = True
    load_demo()
    host = get_user_model().objects.get(email="host@example.org")
    assert not host.is_staff and not host.is_superuser
    assert not host.groups.filter(name="Editors").exists()
    assert list(hubs_of(host).filter(locale__language_code="en").values_list("slug", flat=True)) == ["ict-governance"]
    client.force_login(host)
    assert client.get("/django-admin/").status_code == 302  # to Django admin's login: not staff
    assert client.get("/admin/").status_code == 200  # the hub's hosts group opens Wagtail's admin
