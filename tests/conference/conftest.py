import pytest
from wagtail.models import Page

from conference.factories import ConferencePageFactory, ShowcasePageFactory, VideoLibraryPageFactory


@pytest.fixture
def locales(locales):
    """The shared fixture, plus the tree's root node, which a transactional test run before (a browser or
    broker test) flushed along with everything migrations made."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    return locales


@pytest.fixture
def conference(home):
    return ConferencePageFactory(parent=home, slug="wepc-2021")


@pytest.fixture
def library(conference):
    return VideoLibraryPageFactory(parent=conference)


@pytest.fixture
def showcase_page(conference):
    return ShowcasePageFactory(parent=conference)
