"""Routes remembered by the site's root page, so finding a page deep in the tree costs one query.

Wagtail finds a page by calling ``route()`` on the site's root page, which walks down the tree one child lookup and
one ``specific`` query per level (a lesson six levels down costs about a dozen queries). ``route()`` is Wagtail's
public hook for this: the root page (``HomePage``) remembers which page each path led to and, next time, loads
that page directly and lets it route the rest of the path (a routable page's sub-URL). Routes are kept under the
page-cache generation, so publishing, moving or deleting a page, or changing a site, retires them all; the key
holds the root page, which stands for the site and the language.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from . import page_cache


class RememberedRoutesMixin:
    """For a site's root page: remember where each path leads (see the module's docstring)."""

    def route(self, request, path_components):
        if not path_components:  # this very page: nothing to walk
            return super().route(request, path_components)
        key = page_cache.data_key(f"route:{self.pk}:{'/'.join(path_components)}")
        remembered = cache.get(key)
        if remembered is not None:
            content_type_id, page_pk, consumed = remembered
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model.objects.filter(pk=page_pk).select_related("locale").first()
            if page is not None:  # else deleted between the purge and this request: walk the tree
                return page.route(request, path_components[consumed:])
        result = super().route(request, path_components)  # Http404 when the path leads nowhere: nothing kept
        page = result.page
        cache.set(key, (page.content_type_id, page.pk, page.depth - self.depth), page_cache.TIMEOUT)
        return result
