import pytest
from django.utils.html import escape
from wagtail.models import Locale

from courses.models import LessonPage, ModulePage, PackageLessonPage, QuizPage
from hubs.models import CentrePage, HubPage, OpenDataCataloguePage, OpenDataPortal, Partner
from lms.core.models import Parliament


@pytest.fixture
def demo(demo_site, db):
    """The module's demo site, for a test that may write (its writes are rolled back)."""


def test_the_four_hubs_of_the_seed_with_their_hosts(demo):
    english = HubPage.objects.filter(locale__language_code="en")
    hosts = {hub.slug: (hub.kind, hub.host.name, hub.who_may_join) for hub in english}
    assert hosts == {
        "ict-governance": ("thematic", "European Parliament", "Any parliament"),
        "inter-parliamentary-cloud": (
            "thematic",
            "Chamber of Deputies of Brazil",
            "Parliaments with an open-data website that publishes structured, machine-readable data "
            "(XML, JSON, CSV ...)",
        ),
        "latin-america": ("regional", "Chamber of Deputies of Chile", "Any parliament of Latin America"),
        "southern-africa": ("regional", "National Assembly of Zambia", "Any parliament of Southern Africa"),
    }
    assert HubPage.objects.filter(locale__language_code="fr").count() == 4
    founders = {"Chamber of Deputies of Brazil", "Chamber of Deputies of Chile", "European Parliament"}
    founders |= {"Assembly of the Republic of Portugal", "National Assembly of Zambia"}
    assert set(Partner.objects.filter(level="core").values_list("name", flat=True)) == founders
    assert Parliament.objects.count() > len(founders)


def test_every_hub_has_its_logo_in_every_language_on_its_course_cards(demo, client):
    from courses.models import CatalogPage

    for hub in HubPage.objects.all():
        assert hub.logo is not None and (hub.logo.width, hub.logo.height) == (600, 160), hub.url
    governance = HubPage.objects.get(locale__language_code="ar", translation_key=HubPage.objects.get(
        slug="ict-governance", locale__language_code="en").translation_key)  # fmt: skip
    body = client.get(CatalogPage.objects.get(locale__language_code="ar").url).content.decode()
    assert "course-card__image--logo" in body and governance.logo.get_rendition("max-240x120").url in body


def test_cloud_hub_members_all_publish_machine_readable_data(demo):
    cloud = HubPage.objects.get(slug="inter-parliamentary-cloud", locale__language_code="en")
    qualifying = set(Parliament.objects.with_open_data())
    assert set(cloud.participants()) <= qualifying
    assert OpenDataPortal.objects.count() >= 5


def test_every_public_page_renders_in_english_and_french(demo, client):
    french = Locale.objects.get(language_code="fr")
    centre = CentrePage.objects.get(locale__language_code="en")
    # Lessons, quizzes and modules are for enrolled learners (tested in tests/courses).
    course_items = (ModulePage, LessonPage, PackageLessonPage, QuizPage)
    pages = list(centre.get_descendants(inclusive=True).live().not_type(*course_items).specific())
    pages += [page.get_translation(french) for page in pages]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode()
    catalogue = OpenDataCataloguePage.objects.get(locale=french)
    html = client.get(catalogue.url).content.decode()
    assert "Chamber of Deputies of Brazil" in html
    assert "XML" in html and "JSON" in html and "CSV" in html
