"""Idempotent builders the demo loaders of every app share: running them twice changes nothing."""

from urllib.parse import urlparse

from django.conf import settings
from wagtail.models import Locale, Page, Site


def tree_root():
    """The root node of the page tree, recreated if a flushed database lost it."""
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.get_default())
    )


def ensure_locales():
    """Create a Wagtail locale for each of the site's languages."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def publish(page):
    page.save_revision().publish()
    return page


def upsert_child(parent, model, slug, **fields):
    """The ``model`` page called ``slug`` under ``parent``, created or updated with ``fields`` and published."""
    locale = parent.locale if parent.depth > 1 else Locale.get_default()
    page = model.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return publish(page)


def upsert_translation(source, language_code, **fields):
    """The translation of ``source`` into ``language_code``, created or updated with ``fields`` and published.

    Parents without a translation are copied first, so the page has somewhere to live.
    """
    locale = Locale.objects.get(language_code=language_code)
    translation = source.get_translation_or_none(locale)
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def remove_welcome_page():
    """Delete the plain welcome page Wagtail's first migration makes (and the site pointing at it)."""
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
