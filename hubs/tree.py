"""Where hubs sit in the page tree, for the other apps: the hub of any page, and the pages a hub gathers.

Other apps (courses, conference) put their pages under a hub; they call ``hub_for_page`` to know which hub a
page belongs to. A hub page lists its courses, events and news by looking their page types up by name, so
hubs does not import those apps and works before they exist.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

# Page types a hub page gathers from below itself, by listing; settings.HUBS_GATHERED_PAGE_TYPES overrides it.
GATHERED_PAGE_TYPES = {
    "courses": ["courses.CoursePage"],
    "events": [],  # no app has an event page type yet; list its label here when one does
    "news": ["hubs.NewsPage"],
}


def hub_for_page(page):
    """The live or draft HubPage that ``page`` is, or lies under; None when it is outside every hub."""
    from .models import HubPage

    if page is None:
        return None
    if isinstance(page, HubPage):
        return page
    return HubPage.objects.ancestor_of(page).order_by("-depth").first()


def page_model(label):
    """The page model named ``label`` ('app.Model'), or None when that app or model is not installed."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def gathered_pages(parent, listing):
    """Live, public pages of the types gathered under ``listing`` ('courses', 'events', 'news') below ``parent``.

    Returns a list of querysets, one per installed page type, each ordered by the model's default order.
    """
    labels = getattr(settings, "HUBS_GATHERED_PAGE_TYPES", GATHERED_PAGE_TYPES).get(listing, [])
    querysets = []
    for label in labels:
        model = page_model(label)
        if model is not None:
            querysets.append(model.objects.live().public().descendant_of(parent))
    return querysets


def gathered_list(parent, listing, limit=None):
    """The pages of ``gathered_pages`` as one list, at most ``limit`` of each type."""
    pages = []
    for queryset in gathered_pages(parent, listing):
        pages.extend(queryset[:limit] if limit else queryset)
    return pages
