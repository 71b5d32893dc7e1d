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


@pytest.fixture
def eager_tasks():
    """Run tasks queued with .delay() in-process, also when REDIS_URL points Celery at a real broker."""
    from lms.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved
