"""The reachability check against real HTTP servers on 127.0.0.1 (never the internet)."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hubs.factories import OpenDataPortalFactory
from hubs.tasks import check_all_portals, check_portal
from lms.core.factories import ParliamentFactory


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(3)
        status = 500 if self.path.startswith("/broken") else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_at(url):
    return OpenDataPortalFactory(parliament=ParliamentFactory(open_data_url=url))


@pytest.fixture(autouse=True)
def short_timeout(settings):
    settings.HUBS_PORTAL_CHECK_TIMEOUT = 1


@pytest.mark.django_db
def test_a_portal_that_answers_is_reachable(server):
    portal = portal_at(server + "/data")
    assert check_portal.apply(args=[portal.pk]).get() is True
    portal.refresh_from_db()
    assert portal.reachable is True
    assert portal.last_status_code == 200
    assert portal.last_checked_at is not None
    assert portal.last_error == ""


@pytest.mark.django_db
def test_a_portal_that_is_down_is_recorded_as_such(closed_port):
    portal = portal_at(f"http://127.0.0.1:{closed_port}/")
    assert check_portal.apply(args=[portal.pk]).get() is False
    portal.refresh_from_db()
    assert portal.reachable is False
    assert portal.last_status_code is None
    assert "refused" in portal.last_error.lower()
    assert portal.last_checked_at is not None


@pytest.mark.django_db
def test_a_slow_portal_times_out_quickly(server):
    portal = portal_at(server + "/slow")
    started = time.monotonic()
    assert check_portal.apply(args=[portal.pk]).get() is False
    assert time.monotonic() - started < 2.5
    portal.refresh_from_db()
    assert portal.reachable is False
    assert "timed out" in portal.last_error.lower()


@pytest.mark.django_db
def test_a_server_error_is_not_reachable(server):
    portal = portal_at(server + "/broken")
    check_portal.apply(args=[portal.pk])
    portal.refresh_from_db()
    assert (portal.reachable, portal.last_status_code, portal.last_error) == (False, 500, "HTTP 500")


@pytest.mark.django_db
def test_the_periodic_task_checks_every_portal(server, closed_port, eager_tasks):
    up = portal_at(server + "/a")
    down = portal_at(f"http://127.0.0.1:{closed_port}/")
    assert check_all_portals.apply().get() == 2
    up.refresh_from_db()
    down.refresh_from_db()
    assert (up.reachable, down.reachable) == (True, False)


@pytest.mark.django_db
def test_running_the_check_again_only_updates_the_result(server):
    portal = portal_at(server + "/a")
    check_portal.apply(args=[portal.pk])
    first = type(portal).objects.get(pk=portal.pk).last_checked_at
    check_portal.apply(args=[portal.pk])
    portal.refresh_from_db()
    assert portal.last_checked_at >= first and portal.reachable is True
    assert check_portal.apply(args=[portal.pk + 1000]).get() is None


@pytest.mark.broker
def test_a_real_worker_checks_the_portals(celery_worker, server):
    portal = portal_at(server + "/a")
    check_all_portals.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        portal.refresh_from_db()
        if portal.last_checked_at:
            break
        time.sleep(0.2)
    assert portal.reachable is True
