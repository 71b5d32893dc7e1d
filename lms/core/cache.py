"""A Redis cache that, while Redis cannot be reached, answers as an empty cache that keeps nothing.

Everything the platform keeps in the cache (pages, fragments, routes, rate-limit counters) can be rebuilt from
the database, so an unreachable Redis must make pages slower, never make them fail. Each operation that meets a
Redis error is answered as a cache that forgets at once would answer it: a miss, a write (``add`` included, which
succeeds: the key was absent) that keeps nothing, ``ValueError`` from ``incr`` as for a missing key. Locks built on
``add`` (allauth's rate limits) then never block. For ``RETRY_AFTER`` seconds after an error the process does not
try Redis again, so an outage does not cost every request a connection timeout.

A process that saw Redis fail may have missed writes that retire stale entries (a publication's purge of the page
cache), so when Redis answers again it sends ``cache_recovered`` once, on which the page cache is purged
(``lms.core.signals``).

Rate limits (sign-in, sign-up, the join form) count nothing while Redis is down: they fail open, as a page must
still be served, and the outage is logged.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

cache_recovered = Signal()


class _Outage:
    """Whether Redis failed recently, shared by the threads of one process."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        self.lock = threading.Lock()
        self.retry_at = None  # None: Redis answered last time

    def skipping(self):
        retry_at = self.retry_at
        return retry_at is not None and time.monotonic() < retry_at

    def failed(self, error):
        with self.lock:
            first = self.retry_at is None
            self.retry_at = time.monotonic() + self.retry_after
        if first:
            logger.warning("Cache unavailable, serving without it for now: %s", error)

    def answered(self):
        if self.retry_at is None:
            return
        with self.lock:
            recovered, self.retry_at = self.retry_at is not None, None
        if recovered:
            logger.warning("Cache available again")
            cache_recovered.send(sender=self.__class__)


def _as_empty_cache(answer):
    """Decorate a client operation to return ``answer(*args)`` (what an empty cache says) when Redis fails."""

    def decorate(operation):
        @functools.wraps(operation)
        def guarded(self, *args):
            if self.outage.skipping():
                return answer(*args)
            try:
                result = operation(self, *args)
            except RedisError as error:
                self.outage.failed(error)
                return answer(*args)
            self.outage.answered()
            return result

        return guarded

    return decorate


def _missing(key, *args):
    raise ValueError(f"Key '{key}' not found.")


def _nothing(*args):
    return None


def _false(*args):
    return False


class DegradingRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, *, outage, **options):
        super().__init__(servers, **options)
        self.outage = outage

    add = _as_empty_cache(lambda *args: True)(RedisCacheClient.add)
    get = _as_empty_cache(lambda key, default: default)(RedisCacheClient.get)
    set = _as_empty_cache(_nothing)(RedisCacheClient.set)
    touch = _as_empty_cache(_false)(RedisCacheClient.touch)
    delete = _as_empty_cache(_false)(RedisCacheClient.delete)
    get_many = _as_empty_cache(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _as_empty_cache(_false)(RedisCacheClient.has_key)
    incr = _as_empty_cache(_missing)(RedisCacheClient.incr)
    set_many = _as_empty_cache(_nothing)(RedisCacheClient.set_many)
    delete_many = _as_empty_cache(_nothing)(RedisCacheClient.delete_many)
    clear = _as_empty_cache(_false)(RedisCacheClient.clear)


class DegradingRedisCache(RedisCache):
    """Django's Redis cache, degraded to an empty cache while Redis fails (see the module's docstring).

    ``RETRY_AFTER`` (seconds, default 5) is how long a process leaves Redis alone after an error. Give
    ``socket_connect_timeout`` and ``socket_timeout`` in ``OPTIONS`` so that an unreachable host fails fast.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
        self._options = {**self._options, "outage": _Outage(float(params.get("RETRY_AFTER", 5)))}
