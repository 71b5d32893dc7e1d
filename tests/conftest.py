"""Fixtures shared by the whole suite: a page tree per test, the languages, and a clean cache."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from lms.core.demo.site import tree_root
from lms.core.factories import HomePageFactory

pytest_plugins = [
    "tests.fixtures.browser",
    "tests.fixtures.celery_worker",
    "tests.fixtures.database",
    "tests.fixtures.demo",
]


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
