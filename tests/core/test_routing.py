"""Remembered page routes: the same page for an address, found in fewer queries, retired by any tree change."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from lms.core.factories import StandardPageFactory


def page_queries(client, address, read):
    """(response, number of queries that read pages); each ``read`` label is a new query string, a page-cache miss."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, {"read": read})
    return response, sum('FROM "wagtailcore_page"' in query["sql"] for query in queries)


def test_a_remembered_route_leads_to_the_same_page_in_fewer_queries(client, home):
    about = StandardPageFactory(parent=home, title="About", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")
    first, walked = page_queries(client, "/en/about/team/", "first")
    again, remembered = page_queries(client, "/en/about/team/", "again")
    assert first.status_code == again.status_code == 200
    assert b"Our team" in again.content
    assert remembered < walked


def test_unpublishing_or_moving_a_page_retires_its_route(client, home):
    about = StandardPageFactory(parent=home, title="About", slug="about")
    team = StandardPageFactory(parent=about, title="Our team", slug="team")
    assert client.get("/en/about/team/").status_code == 200
    Page.objects.get(pk=team.pk).move(home, pos="last-child")
    response = client.get("/en/about/team/?after=move")
    assert response.status_code == 301 and response["Location"] == "/en/team/"  # Wagtail's automatic redirect
    assert client.get("/en/team/").status_code == 200
    Page.objects.get(pk=team.pk).specific.unpublish()
    assert client.get("/en/team/?after=unpublish").status_code == 404


def test_an_address_that_leads_nowhere_stays_a_404(client, home):
    assert client.get("/en/nowhere/").status_code == 404
    assert client.get("/en/nowhere/").status_code == 404
