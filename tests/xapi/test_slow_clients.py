"""Slow clients cannot hold the LRS (issue 13, point 7): under gunicorn as configured (gunicorn.conf.py), a few
clients that declare a large body and send it slowly leave the LRS answering everyone else, and are cut off
with a 408 after XAPI_BODY_TIMEOUT seconds. Bounded: three slow clients, a few seconds."""

import socket
import time

import pytest
import requests

from .external_lrs import ExternalLRS

SLOW_CLIENTS = 3
BODY_TIMEOUT = 3


@pytest.fixture
def server():
    lrs = ExternalLRS(name="slow-clients")
    lrs.env["XAPI_BODY_TIMEOUT"] = str(BODY_TIMEOUT)
    lrs.prepare().start(options=())  # the project's own gunicorn settings
    yield lrs
    lrs.remove()


def slow_client(lrs):
    """A connection that declares a 1 MB statement body and sends only its first bytes."""
    connection = socket.create_connection(("127.0.0.1", lrs.port), timeout=BODY_TIMEOUT * 4)
    connection.sendall(
        b"POST /xapi/statements HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"X-Experience-API-Version: 1.0.3\r\nContent-Length: 1000000\r\n\r\n[{"
    )
    return connection


def test_slow_clients_leave_the_lrs_answering_and_are_cut_off_with_a_408(server):
    slow = [slow_client(server) for _ in range(SLOW_CLIENTS)]
    try:
        started = time.monotonic()
        for _ in range(5):
            assert requests.get(server.endpoint + "about", timeout=BODY_TIMEOUT).status_code == 200
        assert time.monotonic() - started < BODY_TIMEOUT  # answered while the slow clients still hold threads
        answers = [connection.recv(200) for connection in slow]  # waits for the body timeout to cut them off
        assert all(answer.startswith(b"HTTP/1.1 408") for answer in answers), answers
    finally:
        for connection in slow:
            connection.close()
