import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError

from hubs.exports import CSV_COLUMNS
from hubs.factories import HubMembershipFactory, HubPageFactory, OpenDataCataloguePageFactory, OpenDataPortalFactory
from hubs.models import OpenDataPortal, PortalCategory
from lms.core.factories import DataFormatFactory, ParliamentFactory


@pytest.fixture
def formats(db):
    return {
        "xml": DataFormatFactory(code="xml", name="XML"),
        "json": DataFormatFactory(code="json", name="JSON"),
        "csv": DataFormatFactory(code="csv", name="CSV"),
        "pdf": DataFormatFactory(code="pdf", name="PDF", machine_readable=False),
    }


def parliament_with_portal(name, codes, formats, categories, region="americas", **portal):
    parliament = ParliamentFactory(
        name=name, region=region, open_data_url=f"https://{name.split()[-1].lower()}.example"
    )
    parliament.open_data_formats.set([formats[code] for code in codes])
    entry = OpenDataPortalFactory(parliament=parliament, **portal)
    for category in categories:
        PortalCategory.objects.create(portal=entry, category=category)
    return parliament


@pytest.fixture
def catalogue(hub_index, formats):
    brazil = parliament_with_portal("Chamber Brazil", ["xml", "json", "csv"], formats, ["bills", "votes"])
    chile = parliament_with_portal("Chamber Chile", ["xml"], formats, ["members"], api_url="https://api.chile.example")
    portugal = parliament_with_portal("Assembly Portugal", ["json"], formats, ["bills"], region="europe")
    parliament_with_portal("Outsider Italy", ["csv"], formats, ["bills"], region="europe")  # not in the hub
    hub = HubPageFactory(parent=hub_index, title="Inter-parliamentary Cloud", host=brazil, open_data_required=True)
    for parliament in (chile, portugal):
        HubMembershipFactory(hub=hub, parliament=parliament)
    page = OpenDataCataloguePageFactory(
        parent=hub, joining_rule="A parliament joins only with an open-data site publishing machine-readable data."
    )
    return page


def names(response):
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    return [row["parliament"] for row in rows]


def test_lists_the_hub_parliaments_only_and_shows_the_rule(client, catalogue):
    html = client.get(catalogue.url).content.decode()
    assert "Chamber Brazil" in html and "Chamber Chile" in html and "Assembly Portugal" in html
    assert "Outsider Italy" not in html
    assert "publishing machine-readable data" in html
    qualifying = html.split('class="qualifying-formats">')[1].split("</span>")[0]
    assert qualifying == "CSV, JSON, XML"


def test_filter_by_format_category_and_api(client, catalogue):
    assert names(client.get(catalogue.url + "csv/?format=json")) == ["Assembly Portugal", "Chamber Brazil"]
    assert names(client.get(catalogue.url + "csv/?category=members")) == ["Chamber Chile"]
    assert names(client.get(catalogue.url + "csv/?region=europe")) == ["Assembly Portugal"]
    assert names(client.get(catalogue.url + "csv/?api=on")) == ["Chamber Chile"]
    html = client.get(catalogue.url + "?format=xml").content.decode()
    assert "Chamber Chile" in html and "Assembly Portugal" not in html


def test_csv_download(client, catalogue):
    response = client.get(catalogue.url + "csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0].keys()) == CSV_COLUMNS
    brazil = next(row for row in rows if row["parliament"] == "Chamber Brazil")
    assert brazil["formats"] == "CSV;JSON;XML"
    assert brazil["categories"] == "bills;votes"
    assert brazil["portal"] == "https://brazil.example"
    assert brazil["licence"] == "CC BY 4.0"
    assert brazil["last_checked"] == "" and brazil["reachable"] == ""


def test_csv_download_keeps_formulas_from_running(client, catalogue):
    OpenDataPortal.objects.filter(parliament__name="Chamber Brazil").update(
        licence='=HYPERLINK("http://evil.example","CC BY")'
    )
    rows = list(csv.DictReader(io.StringIO(client.get(catalogue.url + "csv/").content.decode())))
    brazil = next(row for row in rows if row["parliament"] == "Chamber Brazil")
    assert brazil["licence"] == '\'=HYPERLINK("http://evil.example","CC BY")'
    assert brazil["last_checked"] == ""


def test_dcat_download(client, catalogue):
    response = client.get(catalogue.url + "dcat/?format=xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    assert document["@type"] == "dcat:Catalog"
    assert document["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = {dataset["dct:title"]: dataset for dataset in document["dcat:dataset"]}
    assert set(datasets) == {"Chamber Brazil", "Chamber Chile"}
    chile = datasets["Chamber Chile"]
    assert chile["dcat:landingPage"] == {"@id": "https://chile.example"}
    assert chile["dcat:accessService"]["dcat:endpointURL"] == {"@id": "https://api.chile.example"}
    assert [distribution["dct:format"] for distribution in chile["dcat:distribution"]] == ["XML"]
    assert chile["dcat:distribution"][0]["dcat:mediaType"] == "application/xml"
    assert chile["dct:accrualPeriodicity"]["@id"].endswith("/frequency/DAILY")
    assert chile["dcat:keyword"] == ["members"]


@pytest.mark.parametrize("query", ["format=docx", "category=recipes", "region=mars"])
def test_unknown_filter_values_are_a_clear_400(client, catalogue, query):
    response = client.get(catalogue.url + "csv/?" + query)
    assert response.status_code == 400
    assert "valid choice" in response.content.decode()


def test_a_portal_needs_machine_readable_data(formats):
    parliament = ParliamentFactory(open_data_url="https://pdf.example")
    parliament.open_data_formats.set([formats["pdf"]])
    portal = OpenDataPortalFactory.build(parliament=parliament)
    with pytest.raises(ValidationError) as error:
        portal.full_clean()
    assert "machine-readable" in str(error.value)


def test_the_page_is_cached_the_downloads_keep_their_file_name(client, catalogue):
    for _ in range(3):
        page = client.get(catalogue.url + "?format=json")
    assert page["X-Page-Cache"] == "hit"
    for _ in range(2):
        download = client.get(catalogue.url + "csv/?format=json")
    assert "X-Page-Cache" not in download
    assert download["Content-Disposition"] == 'attachment; filename="open-data.csv"'
