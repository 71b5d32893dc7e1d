import pytest

from hubs.models import (
    CentrePage,
    HubIndexPage,
    HubPage,
    NewsIndexPage,
    NewsPage,
    OpenDataCataloguePage,
    ParliamentDirectoryPage,
)
from hubs.tree import hub_for_page
from lms.core.models import HomePage, StandardPage


def allowed(parent, child):
    return child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()


def test_the_decided_tree():
    assert allowed(HomePage, CentrePage)
    assert allowed(CentrePage, HubIndexPage)
    assert allowed(CentrePage, NewsIndexPage)
    assert allowed(CentrePage, ParliamentDirectoryPage)
    assert allowed(HubIndexPage, HubPage)
    assert allowed(HubPage, NewsIndexPage)
    assert allowed(HubPage, OpenDataCataloguePage)
    assert allowed(NewsIndexPage, NewsPage)


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        (HomePage, HubPage),
        (CentrePage, HubPage),
        (StandardPage, CentrePage),
        (HubIndexPage, NewsPage),
        (CentrePage, OpenDataCataloguePage),
        (CentrePage, CentrePage),
    ],
)
def test_pages_stay_in_their_place(parent, child):
    assert not allowed(parent, child)


@pytest.mark.parametrize("leaf", [NewsPage, OpenDataCataloguePage, ParliamentDirectoryPage])
def test_leaves_have_no_children(leaf):
    assert leaf.subpage_types == []


@pytest.mark.django_db
def test_one_centre_per_home_page(home, centre):
    assert not CentrePage.can_create_at(home)


@pytest.mark.django_db
def test_hub_for_page_finds_the_hub_above_any_page(centre, hub):
    from hubs.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=hub)
    item = NewsPageFactory(parent=index, title="Launch")
    assert hub_for_page(item) == hub
    assert hub_for_page(hub) == hub
    assert hub_for_page(centre) is None
    assert hub_for_page(None) is None
