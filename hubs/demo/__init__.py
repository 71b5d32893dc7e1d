"""Demo content of the hubs app: the Centre, its four hubs, the directory, partners, news and the catalogue."""

from wagtail.models import Locale

from lms.core.demo.builders import upsert_child, upsert_translation
from lms.core.models import HomePage

from ..models import (
    CentrePage,
    HubIndexPage,
    HubMembership,
    HubPage,
    NewsIndexPage,
    NewsPage,
    OpenDataCataloguePage,
    ParliamentDirectoryPage,
)
from . import content, directory


def _page(parent, model, slug, texts, **shared):
    """The English page and its French translation, with ``shared`` fields on both."""
    page = upsert_child(parent, model, slug, **shared, **texts["en"])
    upsert_translation(page, "fr", **shared, **texts["fr"])
    return page


def _memberships(parliaments, slugs):
    return [HubMembership(parliament=parliaments[slug], sort_order=order) for order, slug in enumerate(slugs)]


def load(stdout):
    """Build the Centre's pages in English and French, and the directory entries they show."""
    directory.load_formats()
    parliaments = directory.load_parliaments()
    directory.load_portals(parliaments)
    directory.load_partners(parliaments)

    home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    centre = _page(home, CentrePage, "centre", content.CENTRE, show_in_menus=True)
    hub_index = _page(centre, HubIndexPage, "hubs", content.HUB_INDEX, show_in_menus=True)
    for slug, (kind, region, host, members, open_data, texts) in content.HUBS.items():
        shared = {
            "kind": kind,
            "region": region,
            "host": parliaments[host],
            "open_data_required": open_data,
            "contact_email": "innovation@ipu.org",
        }
        hub = upsert_child(hub_index, HubPage, slug, **shared, **texts["en"])
        hub.memberships = _memberships(parliaments, members)
        hub.save_revision().publish()
        translation = upsert_translation(hub, "fr", **shared, **texts["fr"])
        translation.memberships = _memberships(parliaments, members)
        translation.save_revision().publish()
        if slug == "inter-parliamentary-cloud":
            _page(hub, OpenDataCataloguePage, "open-data-catalogue", content.CATALOGUE)
    _page(centre, ParliamentDirectoryPage, "parliaments", content.DIRECTORY, show_in_menus=True)
    news_index = _page(centre, NewsIndexPage, "news", content.NEWS_INDEX, show_in_menus=True)
    for slug, texts in content.NEWS.items():
        shared = {key: texts["en"][key] for key in ("kind", "date", "issue_number") if key in texts["en"]}
        english = {key: value for key, value in texts["en"].items() if key not in shared}
        _page(news_index, NewsPage, slug, {"en": english, "fr": texts["fr"]}, **shared)
    stdout.write("hubs: the Centre, 4 hubs, the open-data catalogue, the parliament directory and news (en, fr)")
