"""Wagtail's serve view with routes remembered, so a page deep in the tree is served without a query to find it.

Wagtail's ``serve`` view finds the site of the request, then the root page in the active language and its
specific page, then calls ``route()`` on it, which walks down the tree one child lookup and one ``specific`` query
per level (a lesson six levels down costs about a dozen queries). This view remembers, for each host, port,
language and path, the page the walk led to, as loaded, and how many path components its own URL took; next
time it lets that page route the rest of the path (a routable page's sub-URL) and serves it with Wagtail's hooks,
as Wagtail's view does, without a query for the site, the root page or the page. Routes are kept under the
page-cache generation, so publishing, unpublishing, moving or deleting a page, or changing a site or a view
restriction, retires them all. An address that leads nowhere is not remembered.
"""

from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import page_cache


def serve(request, path):
    """The page at ``path`` (the ``wagtail_serve`` view)."""
    key = page_cache.data_key(f"route:{page_cache.site_address(request)}:{get_language()}:{path}")
    remembered = page_cache.kept(key)
    if remembered is None:
        route = Page.route_for_request(request, path)  # Wagtail's, kept on the request for its serve view
        if route is not None:
            page = route.page
            page.locale  # noqa: B018 - loaded before it is kept, so that a remembered page needs no query for it
            consumed = page.depth - Site.find_for_request(request).root_page.depth
            page_cache.keep(key, (page, consumed))
        return wagtail_views.serve(request, path)
    page, consumed = remembered
    components = [component for component in path.split("/") if component]
    return _serve_route(request, page.route(request, components[consumed:]))


def _serve_route(request, route):
    # The part of Wagtail's serve view after routing: its hooks, then the page's serve().
    page, args, kwargs = route
    on_serve_chain = wagtail_views.serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = hook(on_serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
