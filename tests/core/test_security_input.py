"""Odd input in addresses and query strings gets a clear answer, never a 500 (on SQLite and PostgreSQL)."""

import pytest

from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory
from lms.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(home):
    centre = CentrePageFactory(parent=home, slug="centre")
    HubPageFactory(parent=HubIndexPageFactory(parent=centre), slug="ict-governance")
    return centre


@pytest.mark.parametrize(
    "address",
    [
        "/en/search/?q=%00",
        "/en/search/?q=a%00b&page=2",
        "/en/certificates/?code=AB%00CD",
        "/en/certificates/AB%00CD/",
        "/en/courses/?q=%00",
        "/en/?%00=x",
    ],
)
def test_nul_in_an_address_is_a_clear_400(client, home, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_nul_in_the_join_forms_hub_is_a_clear_400(client, centre):
    response = client.get(centre.url + "join/?hub=ict%00governance")
    assert response.status_code == 400


@pytest.mark.parametrize("code", ["A/B", "../../admin", "A B", "<b>"])
def test_a_certificate_code_no_certificate_can_have_is_not_found(client, home, code):
    response = client.get("/en/certificates/", {"code": code})
    assert response.status_code == 404
    assert "No certificate has the code" in response.content.decode()


@pytest.mark.parametrize("query", ['"', '"unbalanced', "a AND", "NEAR(", "*", "col:value", "^start", "(", "a OR OR b"])
def test_full_text_syntax_in_search_is_read_as_words(client, home, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


def test_quoted_words_are_still_found(client, home):
    StandardPageFactory(parent=home, title="Open data in parliament", slug="open-data")
    response = client.get("/en/search/", {"q": '"open data'})
    assert response.status_code == 200
    assert "Open data in parliament" in response.content.decode()
