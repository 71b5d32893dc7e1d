"""The reachability check against real HTTP servers on 127.0.0.1 (never the internet).

127.0.0.1 is not public, so the outbound guard refuses it; the tests that need it to stand for a portal allow
it with ``OUTBOUND_ALLOWED_NETWORKS``. Redirects into private ranges are refused before anything is sent.
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hubs.factories import OpenDataPortalFactory
from hubs.tasks import check_all_portals, check_portal
from lms.core.factories import ParliamentFactory
from lms.core.outbound import is_public


class Handler(BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):
        Handler.requests.append(self.path)
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to/"))
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(301)
            self.send_header("Location", f"/loop{len(Handler.requests)}")
            self.end_headers()
            return
        if self.path.startswith("/huge"):
            self.send_response(200)
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(2000):  # 128 MiB if the client read it all
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        if self.path.startswith("/drip"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            try:
                for _ in range(20):  # one header byte every 0.25 s: 5 s to answer in full
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass
            return
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
    Handler.requests = []
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
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.1/32"]


def checked(portal):
    check_portal.apply(args=[portal.pk])
    portal.refresh_from_db()
    return portal


@pytest.mark.django_db
def test_loopback_is_refused_before_anything_is_sent(server, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    port = server.rsplit(":", 1)[1]
    for url in (server + "/data", f"http://localhost:{port}/", f"http://[::ffff:127.0.0.1]:{port}/"):
        portal = checked(portal_at(url))
        assert portal.reachable is False
        assert "not a public address" in portal.last_error
    assert Handler.requests == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.20.30.40/",
        "http://192.168.1.1:8080/admin",
        "http://[fd00::1]/",
        "http://0.0.0.0/",
    ],
)
def test_a_redirect_into_a_private_address_is_refused(server, target):
    portal = checked(portal_at(f"{server}/to/{target}"))
    assert portal.reachable is False
    assert portal.last_status_code is None
    assert "not a public address" in portal.last_error
    assert len(Handler.requests) == 1


@pytest.mark.django_db
def test_redirects_on_allowed_addresses_are_followed_up_to_a_cap(server):
    assert checked(portal_at(f"{server}/to//data")).reachable is True
    assert Handler.requests == ["/to//data", "/data"]
    Handler.requests.clear()
    portal = checked(portal_at(f"{server}/loop"))
    assert portal.reachable is False
    assert "more than 5 redirects" in portal.last_error
    assert len(Handler.requests) == 6


@pytest.mark.django_db
def test_a_huge_answer_is_read_only_in_part(server):
    started = time.monotonic()
    portal = checked(portal_at(f"{server}/huge"))
    assert portal.reachable is True
    assert time.monotonic() - started < 2


@pytest.mark.django_db
def test_a_server_dripping_its_answer_is_cut_off_at_the_timeout(server):
    started = time.monotonic()
    portal = checked(portal_at(f"{server}/drip"))
    assert time.monotonic() - started < 2.5
    assert portal.reachable is False
    assert "timed out" in portal.last_error.lower()


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.0.1", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:10.0.0.1", False),
        ("224.0.0.1", False),
    ],
)
def test_what_counts_as_public(settings, address, public):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    assert is_public(address) is public


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
def test_a_real_worker_checks_the_portals_and_refuses_loopback(celery_worker, server):
    # The worker runs without OUTBOUND_ALLOWED_NETWORKS, so the server on 127.0.0.1 is refused.
    portal = portal_at(server + "/a")
    check_all_portals.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        portal.refresh_from_db()
        if portal.last_checked_at:
            break
        time.sleep(0.2)
    assert portal.reachable is False
    assert "not a public address" in portal.last_error
    assert Handler.requests == []
