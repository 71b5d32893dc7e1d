"""A visitor browses the hubs in French, opens the Inter-parliamentary Cloud catalogue, filters it and downloads it."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    # An earlier transactional test may have flushed the tree's root, which Wagtail's migrations create.
    if Page.get_first_root_node() is None:
        english = Locale.objects.get_or_create(language_code="en")[0]
        Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    call_command("load_demo", stdout=io.StringIO())


def test_visitor_filters_the_cloud_catalogue_in_french_and_downloads_it(live_server, browser_page, demo):
    page = browser_page
    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("link", name="À propos du Centre").first.click()
    page.wait_for_url(re.compile(r"/fr/a-propos-du-centre/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Comité de pilotage" in page.content()

    page.get_by_role("link", name="Pôle régional pour l'Afrique australe").click()
    assert "Assemblée nationale de Zambie" in page.content() or "National Assembly of Zambia" in page.content()
    page.go_back()
    page.get_by_role("link", name="Pôle thématique du Cloud interparlementaire").click()
    page.wait_for_url(re.compile(r"/fr/a-propos-du-centre/poles/cloud-interparlementaire/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Pôle thématique du Cloud interparlementaire"

    page.get_by_role("link", name="Catalogue des données ouvertes").click()
    page.wait_for_url(re.compile(r"/catalogue-des-donnees-ouvertes/$"))
    assert "format ouvert structuré" in page.content()
    everyone = page.locator("table.data-table tbody tr").count()

    page.locator("form.filters select[name=format]").select_option(label="CSV")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?.*format=csv"))
    listed = page.locator("table.data-table tbody tr th").all_inner_texts()
    assert 0 < len(listed) < everyone
    assert "Chamber of Deputies of Chile" not in listed  # publishes XML and JSON only

    with page.expect_download() as download_info:
        page.locator("p.downloads a", has_text="CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))  # noqa: SIM115
    assert sorted(row["parliament"] for row in rows) == sorted(listed)
    assert all("CSV" in row["formats"].split(";") for row in rows)
