"""Page routing remembered per address, so a page costs one query to find instead of two per tree level.

Wagtail finds a page by walking the tree from the site's root, one child lookup and one ``specific`` query per
level (a lesson six levels down costs about fifteen queries with the site and locale lookups). The first request
for an address walks the tree as usual; later ones load the page it led to directly and let that page route the
rest of the path (a routable page's sub-URL). Remembered routes live under the page-cache generation, so
publishing, moving or deleting a page, or changing a site, retires them all.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import page_cache


def _key(request, path):
    return page_cache.data_key(f"route:{request._get_raw_host()}:{request.get_port()}:{get_language()}:{path}")


def _components(path):
    return [component for component in path.split("/") if component]


def _remember(request, path, key):
    result = Page.route_for_request(request, path)
    if result is not None:
        site, page = Site.find_for_request(request), result[0]
        consumed = page.depth - site.root_page.depth
        site = Site.objects.select_related("root_page").get(pk=site.pk)  # kept with its root page loaded
        cache.set(key, (site, page.content_type_id, page.pk, consumed), page_cache.TIMEOUT)
    return result


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, answered from the remembered route when there is one."""
    key = _key(request, path)
    remembered = cache.get(key)
    if remembered is None:
        return _remember(request, path, key)
    site, content_type_id, page_pk, consumed = remembered
    page = ContentType.objects.get_for_id(content_type_id).model_class().objects.filter(pk=page_pk).first()
    if page is None:  # deleted between the purge and this request
        return _remember(request, path, key)
    request._wagtail_site = site
    try:
        return page.route(request, _components(path)[consumed:])
    except Http404:
        return None  # as Wagtail answers an address that leads nowhere


def serve(request, path):
    """Wagtail's page view, with the route found through ``route_for_request``."""
    # Wagtail keeps the route on the request under this name and reuses it (Page.route_for_request).
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)
