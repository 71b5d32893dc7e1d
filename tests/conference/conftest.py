import pytest

from conference.factories import ConferencePageFactory, ShowcasePageFactory, VideoLibraryPageFactory


@pytest.fixture
def conference(home):
    return ConferencePageFactory(parent=home, slug="wepc-2021")


@pytest.fixture
def library(conference):
    return VideoLibraryPageFactory(parent=conference)


@pytest.fixture
def showcase_page(conference):
    return ShowcasePageFactory(parent=conference)
