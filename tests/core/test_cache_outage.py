"""With Redis unreachable the cache answers as an empty cache, and pages, sign-in and the LRS about still work."""

import socket

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

from lms.accounts.factories import UserFactory
from lms.core.cache import DegradingRedisCache, cache_recovered
from tests.fixtures.redis_server import RedisServer


def closed_port():
    """A port nothing listens on: one just bound and released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def degrading_cache(location, retry_after=5):
    return DegradingRedisCache(
        location, {"RETRY_AFTER": retry_after, "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "lms.core.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    assert isinstance(caches["default"], RedisCache)
    yield
    caches["default"].close()


def test_an_unreachable_redis_answers_as_an_empty_cache():
    down = degrading_cache(f"redis://127.0.0.1:{closed_port()}/0")
    assert down.get("page", "missing") == "missing"
    down.set("page", "html")
    assert down.add("counter", 0) is True  # absent, so added; and forgotten at once
    assert down.get_many(["a", "b"]) == {}
    assert down.get_or_set("generation", lambda: 7) == 7
    with pytest.raises(ValueError):
        down.incr("counter")
    assert down.delete("page") is False
    assert down._cache.outage.skipping()  # the next calls do not wait for a connection


@pytest.mark.broker
def test_when_redis_answers_again_a_recovery_is_signalled_once():
    server = RedisServer(6391)
    recovered = []

    def note(sender, **kwargs):
        recovered.append(sender)

    cache_recovered.connect(note)
    backend = degrading_cache(server.url(), retry_after=0)
    try:
        assert backend.get("key") is None  # down: nothing started yet
        server.start()
        backend.set("key", "value")
        assert backend.get("key") == "value"
        assert len(recovered) == 1
    finally:
        cache_recovered.disconnect(note)
        backend.close()
        server.stop()


def test_pages_sign_in_and_the_lrs_about_work_with_redis_down(client, home, redis_down):
    assert cache.get("anything") is None
    assert client.get("/en/").status_code == 200
    assert client.get("/en/").status_code == 200  # nothing kept, rendered again
    assert client.get("/xapi/about").status_code == 200
    user = UserFactory(email="ana@example.org", password="a-long-pass-phrase")
    assert client.get("/en/account/login/").status_code == 200
    response = client.post("/en/account/login/", {"login": "ana@example.org", "password": "a-long-pass-phrase"})
    assert response.status_code == 302
    assert client.get("/en/").context["user"] == user
