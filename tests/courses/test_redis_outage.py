"""The site under load while its Redis (cache and broker) is stopped, then started again.

A gunicorn server of this platform runs on the test database with a Redis server of the test's own. With Redis
stopped, anonymous and logged-in readers get their pages (no 500), learners complete lessons, their statements
are stored and wait in the outbox; once Redis is back, delivery is enqueued on the broker again.
"""

import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.test import Client

from courses.models import ItemProgress
from lms.accounts.factories import UserFactory
from lms.xapi.models import ForwardingTarget, OutboxEntry, Statement
from tests.fixtures.celery_worker import PROJECT_DIR, _database_url
from tests.fixtures.redis_server import RedisServer

from .test_pages import enrol

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

REDIS_PORT = 6393
SERVER_PORT = 8153
BASE = f"http://127.0.0.1:{SERVER_PORT}"
LOG = PROJECT_DIR / "test-artifacts" / "redis-outage-server.log"
LEARNERS = 6
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def redis_server():
    server = RedisServer(REDIS_PORT)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def site(redis_server):
    """gunicorn on the test database, with Redis on the test's own server (broker db 0, cache db 1)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_server.url(0),
    }
    for name in ("CELERY_BROKER_URL", "CACHE_URL"):
        env.pop(name, None)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "gunicorn", "lms.wsgi", "-b", f"127.0.0.1:{SERVER_PORT}", "-w", "2"]
    command += ["--worker-class", "gthread", "--threads", "4", "--timeout", "60"]
    with LOG.open("w") as log:
        server = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _answers(f"{BASE}/xapi/about"):
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail(f"the server did not start:\n{LOG.read_text()[-2000:]}")
            time.sleep(0.3)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _answers(url):
    try:
        return requests.get(url, headers={"Host": "testserver"}, timeout=5).status_code == 200
    except requests.RequestException:  # not listening yet, or too busy starting
        return False


def browser_of(user):
    """A ``requests`` session signed in as ``user`` (a session row in the test database)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.headers["Host"] = "testserver"
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def complete(session, lesson):
    """Read a lesson and mark it complete through its form; returns the two status codes."""
    page = session.get(BASE + lesson.url, timeout=30)
    token = CSRF_FIELD.search(page.text)
    if token is None:
        return page.status_code, None
    done = session.post(
        BASE + lesson.url + "complete/", {"csrfmiddlewaretoken": token.group(1)}, allow_redirects=False, timeout=30
    )
    return page.status_code, done.status_code


def anonymous_reads(addresses, rounds):
    reader = requests.Session()
    reader.headers["Host"] = "testserver"
    return [reader.get(BASE + address, timeout=30).status_code for _ in range(rounds) for address in addresses]


def queued_tasks(redis_server):
    result = subprocess.run(
        ["redis-cli", "-p", str(redis_server.port), "-n", "0", "llen", "celery"], capture_output=True, text=True
    )
    return int(result.stdout.strip() or 0)


def test_with_redis_stopped_pages_render_and_learners_keep_completing_lessons(site, redis_server, course, lessons):
    ForwardingTarget.objects.create(name="External", endpoint="http://127.0.0.1:9/xapi/", username="k", password="s")
    learners = [UserFactory(email=f"learner{number}@example.org") for number in range(LEARNERS)]
    browsers = [browser_of(learner) for learner in learners]
    for learner in learners:
        client = Client()
        client.force_login(learner)
        enrol(client, course)
    addresses = ["/en/", course.url, "/xapi/about", "/en/account/login/", lessons[0].url]
    assert set(anonymous_reads(addresses, 1)) <= {200, 302}  # Redis up: the caches fill

    redis_server.stop()
    statements_before = Statement.objects.count()
    with ThreadPoolExecutor(max_workers=6) as pool:
        anonymous = [pool.submit(anonymous_reads, addresses, 10) for _ in range(2)]
        completions = [pool.submit(complete, browser, lessons[0]) for browser in browsers]
        completions += [pool.submit(complete, browser, lessons[1]) for browser in browsers]
        statuses = [status for future in anonymous for status in future.result()]
        answers = [future.result() for future in completions]
    assert 500 not in statuses and set(statuses) <= {200, 302}, statuses
    assert answers == [(200, 302)] * (2 * LEARNERS), answers
    signed_in = browsers[0].get(BASE + "/en/", timeout=30)
    assert signed_in.status_code == 200 and "Log out" in signed_in.text
    visitor = requests.Session()
    visitor.headers["Host"] = "testserver"
    token = CSRF_FIELD.search(visitor.get(BASE + "/en/account/login/", timeout=30).text).group(1)
    wrong = {"login": "nobody@example.org", "password": "wrong", "csrfmiddlewaretoken": token}
    login = visitor.post(BASE + "/en/account/login/", wrong, timeout=30)
    assert login.status_code == 200 and "not correct" in login.text  # the rate limit's lock does not block

    assert ItemProgress.objects.filter(completed_at__isnull=False).count() == 2 * LEARNERS
    assert Statement.objects.count() > statements_before
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.PENDING).count() >= Statement.objects.count() - (
        statements_before
    )
    assert "could not reach the broker" in LOG.read_text()

    redis_server.start()
    time.sleep(6)  # past the cache's RETRY_AFTER: the server tries Redis again
    assert [complete(browser, lessons[2]) for browser in browsers] == [(200, 302)] * LEARNERS
    assert queued_tasks(redis_server) > 0  # delivery is on the broker again
