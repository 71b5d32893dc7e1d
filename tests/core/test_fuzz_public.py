"""Hypothesis throws hostile values at the public forms and query parameters: the answer is never a 500.

NUL characters, lone surrogates, control and bidirectional characters, full-text syntax, huge values and
repeated or nested-looking parameters, on SQLite and on PostgreSQL (whichever the run uses).
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.factories import ConferencePageFactory, VideoLibraryPageFactory
from courses.factories import CatalogPageFactory
from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory

pytestmark = pytest.mark.django_db

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), max_size=10),
    st.sampled_from(['"', "'", "\\", "%", "*", "NEAR(", "a AND (", "\x00", "\ufeff", "\u202e", "../..", "A/B"]),
    st.integers(min_value=1, max_value=100_000).map(lambda size: "x" * size),
    st.lists(st.sampled_from("[]{}()<>"), max_size=200).map("".join),  # nested-looking brackets
)
# Lone surrogates cannot be encoded by a test client; as raw percent-escapes they reach the server as invalid
# UTF-8, which is what a browser or a script would send.
raw_escapes = st.sampled_from(["%ED%A0%80", "%FF%FE", "%C0%AF", "%00", "%E2%80%AE", "%25", "%F0%9F%98"])


@pytest.fixture
def site_pages(home):
    centre = CentrePageFactory(parent=home, slug="centre")
    HubPageFactory(parent=HubIndexPageFactory(parent=centre), slug="ict-governance")
    catalog = CatalogPageFactory(parent=home, slug="courses")
    conference = ConferencePageFactory(parent=home, slug="wepc")
    library = VideoLibraryPageFactory(parent=conference)
    return {
        "/en/search/": ["q", "page"],
        centre.url + "join/": ["hub", "kind"],
        catalog.url: ["q", "topic", "hub", "level", "language", "page"],
        conference.url + "programme/": ["tz", "theme", "axis", "kind", "day"],
        library.url: ["page", "theme", "q"],
        "/en/certificates/": ["code"],
    }


def _assert_no_500(response, address):
    assert response.status_code < 500, address


@SETTINGS
@given(data=st.data())
def test_query_parameters(site_pages, data):
    client = Client()
    address = data.draw(st.sampled_from(sorted(site_pages)))
    names = data.draw(st.lists(st.sampled_from(site_pages[address]), min_size=1, max_size=4))
    params = [(name, data.draw(hostile_text)) for name in names]
    _assert_no_500(client.get(address, params), address)


@SETTINGS
@given(data=st.data())
def test_raw_escapes_in_query_strings_and_paths(site_pages, data):
    client = Client()
    address = data.draw(st.sampled_from(sorted(site_pages)))
    name = data.draw(st.sampled_from(site_pages[address]))
    escape = data.draw(raw_escapes)
    _assert_no_500(client.get(f"{address}?{name}=a{escape}b"), address)
    _assert_no_500(client.get(f"/en/certificates/A{escape}B/"), "certificate")


@SETTINGS
@given(fields=st.dictionaries(st.sampled_from(["kind", "hub", "organisation", "contact_name", "email", "position",
                                               "message", "partnership_level", "website", "started"]),
                              hostile_text, max_size=10))  # fmt: skip
def test_the_join_form(site_pages, fields):
    join = next(address for address in site_pages if address.endswith("join/"))
    _assert_no_500(Client().post(join, fields), join)


ACCOUNT_FORMS = ["/en/account/signup/", "/en/account/login/", "/en/account/password/reset/"]
ACCOUNT_FIELDS = ["email", "password", "password1", "password2", "login", "full_name"]


@SETTINGS
@given(
    fields=st.dictionaries(st.sampled_from(ACCOUNT_FIELDS), hostile_text, max_size=6),
    address=st.sampled_from(ACCOUNT_FORMS),
)
def test_the_account_forms(home, fields, address):
    _assert_no_500(Client().post(address, fields), address)
