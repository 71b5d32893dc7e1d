"""The parts of the demo site that are not content: locales, the tree's root and the default site."""

from urllib.parse import urlparse

from django.conf import settings
from wagtail.models import Locale, Page, Site

from ..collections import root_collection


def tree_root():
    """The root node of the page tree, recreated if a flushed database lost it."""
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.get_default())
    )


def prepare_site():
    """Create a locale for each of the site's languages, the tree's root and the root collection (the demo's
    images go there); drop Wagtail's welcome page."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    tree_root()
    root_collection()
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()


def set_site_root(home):
    """Point the default site at ``home``."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    base = urlparse(settings.BASE_URL)
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    return site
