"""Routable pages whose sub-pages share the platform's anonymous page cache."""

from wagtail.contrib.routable_page.models import RoutablePageMixin

from lms.core.page_cache import mark_cacheable


class CachedRoutablePageMixin(RoutablePageMixin):
    """RoutablePageMixin answers sub-pages without calling ``BasePage.serve``, which opts pages into the cache.

    Views that must stay out of it (forms, downloads) send a Cache-Control header, which the cache respects.
    """

    def serve(self, request, view=None, args=None, kwargs=None):
        response = super().serve(request, view, args, kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response
