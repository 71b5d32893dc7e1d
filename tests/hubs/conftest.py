import pytest

from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory


@pytest.fixture
def centre(home):
    return CentrePageFactory(parent=home)


@pytest.fixture
def hub_index(centre):
    return HubIndexPageFactory(parent=centre)


@pytest.fixture
def hub(hub_index):
    return HubPageFactory(parent=hub_index, title="ICT Governance", slug="ict-governance")
