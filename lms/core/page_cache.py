"""Whole-page cache for anonymous readers, emptied whenever published content changes.

Pages opt in (``BasePage`` marks its responses); the middleware answers later requests for the same address
before URL routing, so a cached page costs about as much as a bare Django view. A page's HTML also shows menus,
listings and translations of other pages, so purging one page is not enough: every change bumps a generation
number that is part of each key, which retires the whole cache at once. With several server processes the cache
must be shared (Redis, as in production) for a purge to reach them all.

A key holds the host, the path, the cookies listed in ``PAGE_CACHE_VARY_COOKIES`` and, of the query string, only
the parameters the page read while it rendered (``query_usage``): ``?utm=...`` on a page that reads no parameter
is the same entry as no query string. What the page read is remembered per host and path; at most
``MAX_QUERY_VARIANTS`` entries with a query string are kept per host and path, so a flood of distinct values of a
parameter the page does read renders each but keeps only so many.

With Redis each look-up is a round trip, and a learner's page makes a dozen (the generation, the route, the
skeleton, the outline...). A request reads the generation once (a purge it makes reads it again), and each
process keeps its own copy of the entries it read or wrote (``kept``, ``keep``) for ``LOCAL_TIMEOUT`` seconds:
a key names its generation, so a purge retires the copies as it retires the shared entries.
"""

import hashlib
import time

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import request_finished, request_started
from django.http import HttpResponse

from .query_usage import RecordingQueryDict, projection

GENERATION_KEY = "page-cache:generation"
# Headers the inner middleware adds, which a cache hit (answered before them) must repeat.
CACHED_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options")
TIMEOUT = 600
MAX_QUERY_VARIANTS = 50
LOCAL_TIMEOUT = 60  # how long a process keeps its copy of a shared entry
LOCAL_MAX_ENTRIES = 300  # the least recently used go first; whole pages of tens of KB: some MB a process


def counter(key):
    """A version number kept in the cache; one the cache dropped restarts from the clock, above any it had."""
    return cache.get_or_set(key, time.time_ns, timeout=None)


def bump(key):
    """Move a ``counter`` on, retiring every key built with its old value."""
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, time.time_ns(), timeout=None)


def purge():
    """Retire every cached page (call after any change that public pages show)."""
    bump(GENERATION_KEY)
    _request.generation = None


_request = Local()  # what the request being served has read: the generation


def _serving(**kwargs):
    _request.serving, _request.generation = True, None


def _served(**kwargs):
    _request.serving, _request.generation = False, None


request_started.connect(_serving, dispatch_uid="page-cache-request-started")
request_finished.connect(_served, dispatch_uid="page-cache-request-finished")


def generation():
    """The current generation number, part of every key that ``purge`` must retire; read once per request."""
    current = getattr(_request, "generation", None)
    if current is None:
        current = counter(GENERATION_KEY)
        if getattr(_request, "serving", False):
            _request.generation = current
    return current


_local_copies = LocMemCache(
    "page-cache-local-copies", {"TIMEOUT": LOCAL_TIMEOUT, "OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}}
)


def _copies():
    """The process's copies, or None when the shared cache is this process's memory already."""
    return None if isinstance(caches["default"], LocMemCache) else _local_copies


def kept(key):
    """The entry under ``key`` (a key of the current generation), from the process's copy when it has one."""
    copies = _copies()
    value = copies.get(key) if copies else None
    if value is None:
        value = cache.get(key)
        if value is not None and copies:
            copies.set(key, value)
    return value


def keep(key, value, timeout=TIMEOUT):
    """Keep ``value`` under ``key`` (a key of the current generation), shared and in the process's copy."""
    cache.set(key, value, timeout)
    copies = _copies()
    if copies:
        copies.set(key, value, min(timeout, LOCAL_TIMEOUT))


def site_address(request):
    """The request's host and port, which decide its site: what keys of per-site data hold, without a query."""
    return f"{request.get_host()}:{request.get_port()}"


def data_key(name):
    """The cache key of ``name`` in the current generation, for data pages show rather than whole pages."""
    return f"page-cache:{generation()}:data:{name}"


def remember(name, build, timeout=TIMEOUT):
    """``build()``'s result, kept under ``name`` until the next purge."""
    key = data_key(name)
    value = kept(key)
    if value is None:
        value = (build(),)  # a tuple, so that a result of None is kept too
        keep(key, value, timeout)
    return value[0]


def mark_cacheable(response):
    """Let the middleware keep this response for anonymous readers, if nothing in it is personal."""
    response.page_cacheable = True
    return response


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _address(request):
    """Host, path and the cookies a page may depend on: what every key of one page shares."""
    varying = "|".join(request.COOKIES.get(name, "") for name in settings.PAGE_CACHE_VARY_COOKIES)
    return _digest(f"{request.get_host()}\n{request.path}\n{varying}")


def _page_key(generation, address, query, used):
    # An entry is found only with the very set of parameters it was keyed on, so a set that grows (a page that
    # reads another parameter for some queries) leaves older entries unreachable, never wrongly shared.
    seen = f"{sorted(used)}\n{projection(query, used)}" if query else ""
    return f"page-cache:{generation}:{_digest(address + seen)}"


def _used_key(generation, address):
    return f"page-cache:{generation}:used:{address}"


def _room_for_a_variant(generation, address):
    key = f"page-cache:{generation}:variants:{address}"
    cache.add(key, 0, TIMEOUT)
    try:
        return cache.incr(key) <= MAX_QUERY_VARIANTS
    except ValueError:  # expired meanwhile, or no cache at all
        return False


def freeze(response):
    """What a cache keeps of a response: its content and the headers a replay must repeat."""
    return response.content, {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}


def thaw(frozen):
    """The response a cache hit answers with."""
    content, headers = frozen
    response = HttpResponse(content, headers=headers)
    response["X-Page-Cache"] = "hit"
    return response


def _is_anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def is_storable(response):
    """Whether a cache may keep this response: a plain 200 that sets no cookie and no caching rules of its own."""
    return (
        response.status_code == 200
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


def _is_shareable(response):
    # Any cookie (a CSRF token, a message, a session) makes the response personal.
    return getattr(response, "page_cacheable", False) and is_storable(response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _is_anonymous(request):
            return self.get_response(request)
        current, address, query = generation(), _address(request), request.GET
        used = (kept(_used_key(current, address)) or frozenset()) if query else frozenset()
        cached = kept(_page_key(current, address, query, used))
        if cached is not None:
            return thaw(cached)
        request.GET = recording = RecordingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        response = self.get_response(request)
        if request.method == "GET" and _is_shareable(response):
            if query:
                if not _room_for_a_variant(current, address):
                    return response
                used = used | recording.used
                keep(_used_key(current, address), frozenset(used))
            keep(_page_key(current, address, query, used), freeze(response))
            response["X-Page-Cache"] = "miss"
        return response
