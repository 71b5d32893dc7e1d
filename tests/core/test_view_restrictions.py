"""The platform's pages find their view restrictions in one query, with the same answer as Wagtail's two, and
serve a page without any (once known) with no query for them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from lms.core.factories import StandardPageFactory


def test_view_restrictions_are_wagtails_own_in_one_query(home):
    members = StandardPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    report = StandardPageFactory(parent=members, title="Report", slug="report")
    PageViewRestriction.objects.create(page=report, restriction_type=PageViewRestriction.PASSWORD, password="x")
    StandardPageFactory(parent=home, title="Open", slug="open")
    # An alias has its source's restrictions, not those of the aliases' own ancestors.
    copy = members.create_alias(parent=StandardPageFactory(parent=home, title="Copies", slug="copies"))
    members.create_alias(parent=home, update_slug="members-alias", recursive=True)
    assert copy.alias_of_id == members.pk

    pages = [page.specific for page in Page.objects.filter(depth__gt=1)]
    for page in pages:
        page.get_view_restrictions()  # whether it has any is now known
        with CaptureQueriesContext(connection) as queries:
            ours = set(page.get_view_restrictions())
        assert len(queries) == (1 if ours else 0), page.url_path
        assert ours == set(Page.get_view_restrictions(page)), page.url_path
    by_slug = {page.slug: {r.restriction_type for r in page.get_view_restrictions()} for page in pages}
    assert by_slug["report"] == {"login", "password"}
    assert by_slug["members-alias"] == {"login"}
    assert by_slug["open"] == set()


def test_a_new_restriction_applies_at_once_to_a_page_known_to_have_none(home):
    section = StandardPageFactory(parent=home, title="Section", slug="section")
    page = StandardPageFactory(parent=section, title="Page", slug="page")
    assert not page.get_view_restrictions()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert list(page.get_view_restrictions()) == [restriction]
    restriction.delete()
    assert not page.get_view_restrictions()
