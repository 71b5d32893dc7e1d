"""Editors manage the Centre's pages and snippets through the Wagtail admin's own views."""

import pytest
from django.urls import reverse

from hubs.factories import (
    HubMembershipFactory,
    HubPageFactory,
    NewsIndexPageFactory,
    OpenDataCataloguePageFactory,
    OpenDataPortalFactory,
    PartnerFactory,
)
from hubs.models import OpenDataPortal, Partner
from lms.core.factories import DataFormatFactory, ParliamentFactory


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_every_hubs_page_type_has_working_add_and_edit_views(admin_client, home, centre, hub_index, hub):
    news = NewsIndexPageFactory(parent=hub)
    catalogue = OpenDataCataloguePageFactory(parent=hub)
    HubMembershipFactory(hub=hub)
    hub.save_revision().publish()
    second_centre = reverse("wagtailadmin_pages:add", args=("hubs", "centrepage", home.pk))
    assert admin_client.get(second_centre).status_code == 302  # one Centre per home page
    adds = [
        ("newsindexpage", centre),
        ("parliamentdirectorypage", centre),
        ("hubpage", hub_index),
        ("opendatacataloguepage", HubPageFactory(parent=hub_index, title="Another hub")),
        ("newspage", news),
    ]
    for model, parent in adds:
        url = reverse("wagtailadmin_pages:add", args=("hubs", model, parent.pk))
        assert admin_client.get(url).status_code == 200, model
    for page in (centre, hub_index, hub, news, catalogue):
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200


def test_snippet_listings_and_forms(admin_client, db):
    PartnerFactory(name="Chamber of Deputies of Brazil")
    OpenDataPortalFactory()
    for model in ("partner", "opendataportal", "joinrequest"):
        assert admin_client.get(f"/admin/snippets/hubs/{model}/").status_code == 200, model
    for model in ("partner", "opendataportal"):
        assert admin_client.get(f"/admin/snippets/hubs/{model}/add/").status_code == 200, model


def test_an_editor_adds_a_partner(admin_client, db):
    response = admin_client.post(
        "/admin/snippets/hubs/partner/add/",
        {"name": "Parliament of Ghana", "level": "support", "url": "https://ghana.example", "sort_order": "10"},
    )
    assert response.status_code == 302
    assert Partner.objects.get().level == "support"


def test_a_catalogue_entry_for_a_parliament_without_open_data_is_refused(admin_client, db):
    no_data = ParliamentFactory(name="No portal")
    with_data = ParliamentFactory(name="With portal", open_data_url="https://data.example")
    with_data.open_data_formats.set([DataFormatFactory(code="json", name="JSON")])
    data = {
        "description": "",
        "licence": "CC BY 4.0",
        "licence_url": "",
        "api_url": "",
        "update_frequency": "DAILY",
        "categories-TOTAL_FORMS": "1",
        "categories-INITIAL_FORMS": "0",
        "categories-MIN_NUM_FORMS": "0",
        "categories-MAX_NUM_FORMS": "1000",
        "categories-0-category": "bills",
        "categories-0-ORDER": "1",
        "categories-0-DELETE": "",
        "categories-0-id": "",
    }
    refused = admin_client.post("/admin/snippets/hubs/opendataportal/add/", {**data, "parliament": no_data.pk})
    assert refused.status_code == 200
    assert "machine-readable format" in refused.content.decode()
    accepted = admin_client.post("/admin/snippets/hubs/opendataportal/add/", {**data, "parliament": with_data.pk})
    assert accepted.status_code == 302
    assert list(OpenDataPortal.objects.get().categories.values_list("category", flat=True)) == ["bills"]


def test_hub_host_is_protected_from_deletion(db, hub_index):
    host = ParliamentFactory()
    HubPageFactory(parent=hub_index, host=host)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        host.delete()
