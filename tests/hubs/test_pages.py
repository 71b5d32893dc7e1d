import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from hubs.factories import (
    HubMembershipFactory,
    HubPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ParliamentDirectoryPageFactory,
    PartnerFactory,
)
from hubs.models import Partner
from lms.core.factories import ParliamentFactory

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def network(hub_index):
    europe = ParliamentFactory(name="European Parliament", region="europe", website="https://ep.example")
    chile = ParliamentFactory(name="Chamber of Deputies of Chile", region="americas", country="CL")
    brazil = ParliamentFactory(name="Chamber of Deputies of Brazil", region="americas", country="BR")
    zambia = ParliamentFactory(name="National Assembly of Zambia", region="africa", country="ZM")
    ict = HubPageFactory(parent=hub_index, title="ICT Governance", slug="ict-governance", host=europe)
    latam = HubPageFactory(
        parent=hub_index, title="Latin America", slug="latin-america", host=chile, kind="regional", region="americas"
    )
    HubMembershipFactory(hub=ict, parliament=zambia)
    HubMembershipFactory(hub=latam, parliament=brazil)
    return {"ict": ict, "latam": latam, "europe": europe, "chile": chile, "brazil": brazil, "zambia": zambia}


def test_hub_index_filters_by_kind_and_region(client, hub_index, network):
    html = client.get(hub_index.url).content.decode()
    assert "ICT Governance" in html and "Latin America" in html
    html = client.get(hub_index.url + "?kind=regional").content.decode()
    assert "Latin America" in html and "ICT Governance" not in html
    html = client.get(hub_index.url + "?region=africa").content.decode()
    assert "No hub matches these filters." in html
    assert list(hub_index.hubs(kind="thematic")) == [network["ict"]]
    assert client.get(hub_index.url + "?kind=bogus").status_code == 200


def test_hub_page_shows_host_members_and_organization_jsonld(client, network, centre):
    response = client.get(network["ict"].url)
    html = response.content.decode()
    assert "European Parliament" in html and "National Assembly of Zambia" in html
    assert list(network["ict"].participants()) == [network["europe"], network["zambia"]]
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Organization" and data["name"] == "ICT Governance"
    assert data["sponsor"]["name"] == "European Parliament"
    assert [member["name"] for member in data["member"]] == ["European Parliament", "National Assembly of Zambia"]
    assert data["parentOrganization"]["name"] == centre.title
    assert '<meta property="og:title" content="ICT Governance">' in html
    assert f"{centre.url}join/?hub=ict-governance" in html


def test_centre_lists_hubs_partners_by_level_and_its_jsonld(client, centre, network):
    PartnerFactory(name="Support Org", level=Partner.Level.SUPPORT)
    PartnerFactory(name="Core Parliament", level=Partner.Level.CORE)
    PartnerFactory(name="Project Org", level=Partner.Level.PROJECT)
    levels = Partner.objects.by_level()
    assert [level for level, _label, _partners in levels] == ["core", "support", "project"]
    html = client.get(centre.url).content.decode()
    assert html.index("Core Parliament") < html.index("Support Org") < html.index("Project Org")
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Organization"
    assert {hub["name"] for hub in data["subOrganization"]} == {"ICT Governance", "Latin America"}


def test_directory_filters_by_region_and_hub_and_has_a_page_per_parliament(client, centre, network):
    directory = ParliamentDirectoryPageFactory(parent=centre)
    html = client.get(directory.url + "?region=americas").content.decode()
    assert "Chamber of Deputies of Chile" in html and "European Parliament" not in html
    html = client.get(directory.url + "?hub=latin-america").content.decode()
    assert "Chamber of Deputies of Brazil" in html and "National Assembly of Zambia" not in html
    brazil = network["brazil"]
    brazil.open_data_url = "https://dadosabertos.example"
    brazil.save()
    response = client.get(directory.url + f"{brazil.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Latin America" in html and "ICT Governance" not in html
    assert "https://dadosabertos.example" in html
    assert client.get(directory.url + "no-such-parliament/").status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{directory.url}{brazil.slug}/" in sitemap


def test_a_listing_with_an_invalid_choice_applies_none_of_its_filters_and_says_which(
    client, hub_index, centre, network
):
    directory = ParliamentDirectoryPageFactory(parent=centre)
    html = client.get(directory.url, {"region": "americas", "hub": "nowhere"}).content.decode()
    assert "European Parliament" in html and "Chamber of Deputies of Chile" in html  # region=americas not applied
    assert "Some choices are not valid; they were not applied." in html and 'id="id_hub_error"' in html
    html = client.get(hub_index.url, {"kind": "regional", "region": "mars"}).content.decode()
    assert "ICT Governance" in html and 'id="id_region_error"' in html


def test_news_index_and_atom_feed(client, centre):
    index = NewsIndexPageFactory(parent=centre)
    NewsPageFactory(parent=index, title="Centre launched", date=date(2018, 12, 3))
    NewsPageFactory(parent=index, title="Bulletin 1", kind="bulletin", issue_number=1, date=date(2019, 3, 1))
    html = client.get(index.url).content.decode()
    assert html.index("Bulletin 1") < html.index("Centre launched")
    html = client.get(index.url + "?kind=bulletin").content.decode()
    assert "Bulletin 1" in html and "Centre launched" not in html
    response = client.get(index.url + "feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (the site's own feed)
    assert [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")] == [
        "Bulletin 1",
        "Centre launched",
    ]


def test_public_pages_are_cached_and_purged_on_publish_and_on_snippet_changes(client, network, centre):
    hub = network["ict"]
    client.get(hub.url)
    client.get(hub.url)  # kept by now, even if the first answer set a cookie
    hub.introduction = "Changed in the database only."
    hub.save(update_fields=["introduction"])
    response = client.get(hub.url)
    assert response["X-Page-Cache"] == "hit" and "A hub of the Centre." in response.content.decode()
    hub.introduction = "Published new text."
    hub.save_revision().publish()
    assert "Published new text." in client.get(hub.url).content.decode()
    client.get(centre.url)
    client.get(centre.url)
    PartnerFactory(name="New Support Partner", level=Partner.Level.SUPPORT)
    assert "New Support Partner" in client.get(centre.url).content.decode()


def test_the_join_form_is_never_cached(client, centre):
    for _ in range(3):
        response = client.get(centre.url + "join/")
        assert "X-Page-Cache" not in response
        assert "no-cache" in response["Cache-Control"]


def test_open_data_rule_in_the_admin_hub_form(client, hub_index, admin_user):
    from lms.core.factories import DataFormatFactory

    host = ParliamentFactory(name="Host", open_data_url="https://host.example")
    host.open_data_formats.set([DataFormatFactory(code="json", name="JSON")])
    no_data = ParliamentFactory(name="No data")
    client.force_login(admin_user)
    url = f"/admin/pages/add/hubs/hubpage/{hub_index.pk}/"
    data = {
        "title": "Cloud",
        "slug": "cloud",
        "kind": "thematic",
        "host": host.pk,
        "introduction": "Open data.",
        "who_may_join": "Parliaments with open data",
        "open_data_required": "on",
        "focus_areas-count": "0",
        "body-count": "0",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-parliament": no_data.pk,
        "memberships-0-joined_on": "",
        "memberships-0-ORDER": "1",
        "memberships-0-DELETE": "",
        "memberships-0-id": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "machine-readable" in response.content.decode()
    data["open_data_required"] = ""
    response = client.post(url, data)
    assert response.status_code == 302


def test_news_kinds_are_links_and_the_pages_of_a_kind_keep_it(client, centre, monkeypatch):
    from hubs.models import NewsIndexPage

    monkeypatch.setattr(NewsIndexPage, "per_page", 1)
    index = NewsIndexPageFactory(parent=centre)
    for number in (1, 2):
        NewsPageFactory(parent=index, title=f"Bulletin {number}", kind="bulletin", issue_number=number)
    NewsPageFactory(parent=index, title="Centre launched")
    html = client.get(index.url, {"kind": "bulletin"}).content.decode()
    assert f'<a href="{index.url}?kind=bulletin" aria-current="page">Innovation Bulletin</a>' in html
    assert 'href="?kind=bulletin&amp;page=2"' in html
    unknown = client.get(index.url, {"kind": "bogus"})
    assert unknown.status_code == 200
    assert f'<a href="{index.url}" aria-current="page">All</a>' in unknown.content.decode()
