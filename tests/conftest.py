"""Fixtures shared by the whole suite: a page tree per test, the demo site once per module, and a clean cache."""

import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, Site

from lms.core.demo.site import tree_root
from lms.core.factories import HomePageFactory

pytest_plugins = ["tests.fixtures.browser", "tests.fixtures.celery_worker", "tests.fixtures.database"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever language the one before it activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters and cached fragments must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    """One Wagtail locale per site language, keyed by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


@pytest.fixture
def home(locales):
    """An English home page as the root of the only site (what migrations made is cleared away)."""
    Page.objects.filter(depth__gt=1).delete()
    Site.objects.all().delete()
    # tree_root() recreates the root node when a transactional test (browser, broker) flushed it.
    page = HomePageFactory(parent=tree_root(), title="Home", slug="home")
    Site.objects.create(hostname="testserver", port=80, root_page=page, is_default_site=True, site_name="Test")
    return page


@pytest.fixture
def home_fr(home, locales):
    """The French translation of the home page, published."""
    translation = home.copy_for_translation(locales["fr"])
    translation.title = "Accueil"
    translation.save_revision().publish()
    return translation.specific


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test module inside a transaction rolled back after the module.

    Each test that uses it (and the ``db`` fixture) runs in a savepoint of that transaction, so what a test
    writes, a second ``load_demo`` included, is undone before the next one. Browser and broker tests need
    committed data and load the demo themselves.
    """
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
