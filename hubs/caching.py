"""A cache of the rendered public pages of the hubs app, emptied whenever content they show changes.

Anonymous GET requests without pending messages are served from the cache. Every cached entry's key holds a
generation number; publishing, unpublishing, moving or deleting a page, or saving a directory entry, bumps
the generation, so every page shows fresh content at once (see ``hubs.signals``).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "hubs:pages:generation"
CACHED_HEADERS = ("Content-Disposition", "Content-Language", "Cache-Control")


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def purge():
    """Make every cached hubs page stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def no_cache(view):
    """Mark a routable page's view (a form, for example) as never served from the cache."""
    view.hubs_no_cache = True
    return view


def cacheable(request):
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if "messages" in request.COOKIES:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.get("_messages"))


class CachedPageMixin:
    """Serve the page's anonymous GET responses from the cache (routable pages included)."""

    def serve(self, request, *args, **kwargs):
        view = args[0] if args else kwargs.get("view")
        if not cacheable(request) or getattr(view, "hubs_no_cache", False):
            return super().serve(request, *args, **kwargs)
        key = f"hubs:page:{generation()}:{self.pk}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            response = HttpResponse(hit["content"], status=hit["status"], content_type=hit["content_type"])
            for name, value in hit["headers"].items():
                response[name] = value
            return response
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
            headers = {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}
            entry = {
                "content": response.content,
                "status": response.status_code,
                "content_type": response["Content-Type"],
                "headers": headers,
            }
            cache.set(key, entry, getattr(settings, "HUBS_PAGE_CACHE_SECONDS", 600))
        return response
