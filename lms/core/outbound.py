"""HTTP requests the platform makes to addresses that users typed in (open-data portals), made safe.

Anyone who can put an address in the directory could otherwise have the server fetch its own loopback, the
private network or a cloud metadata service and publish what it saw. ``fetch``:

- resolves the host itself and refuses it unless every address it resolves to is public (or inside
  ``OUTBOUND_ALLOWED_NETWORKS``), then connects to the address it checked, so a second lookup cannot differ;
- follows at most ``max_redirects`` redirects, checking each hop the same way;
- reads at most ``max_bytes`` of the body and gives up after ``timeout`` seconds in all, however slowly the
  other side drips its answer.
"""

import contextlib
import http.client
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

USER_AGENT = "CentreForInnovationInParliament/1.0"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class Refused(Exception):
    """The address may not be fetched (not http(s), not public, too many redirects); nothing was sent."""


@dataclass
class Response:
    status: int
    url: str
    body: bytes


def _allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.OUTBOUND_ALLOWED_NETWORKS]


def is_public(address):
    """True for an address on the public internet; False for loopback, private, link-local, reserved, ..."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return True
    return ip.is_global and not ip.is_multicast


def _checked_addresses(host, port):
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise OSError(f"cannot resolve {host}: {error}") from error
    addresses = [info[4] for info in infos]
    refused = sorted({sockaddr[0] for sockaddr in addresses if not is_public(sockaddr[0])})
    if refused:
        raise Refused(f"{host} is not a public address ({', '.join(refused)})")
    return infos


def _guarded_connection(address, timeout=None, source_address=None, **kwargs):
    """``socket.create_connection`` to an address that was checked just before connecting."""
    host, port = address
    error = None
    for family, kind, proto, _name, sockaddr in _checked_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"cannot connect to {host}")


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


def _connection_for(url, timeout):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Refused("not an http(s) address")
    if parts.username or parts.password:
        raise Refused("addresses with a user name or password are not fetched")
    connection_class = _HTTPSConnection if parts.scheme == "https" else _HTTPConnection
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # An explicit port keeps http.client from reading an IPv6 address's last group as one.
    port = parts.port or connection_class.default_port
    return connection_class(parts.hostname, port, timeout=timeout), path


def fetch(url, timeout, max_redirects=5, max_bytes=64 * 1024):
    """GET ``url`` safely (see the module); raises :class:`Refused`, ``OSError`` or ``TimeoutError``."""
    deadline = time.monotonic() + timeout
    for _hop in range(max_redirects + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("timed out")
        connection, path = _connection_for(url, remaining)
        # Shutting the socket from a timer bounds the whole exchange, not only each read.
        cut_off = threading.Event()
        watchdog = threading.Timer(remaining, _abort, args=[connection, cut_off])
        watchdog.start()
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
            response = connection.getresponse()
            location = response.getheader("Location")
            body = b"" if response.status in REDIRECT_STATUSES else response.read(max_bytes)
        except (OSError, http.client.HTTPException) as error:
            if cut_off.is_set():
                raise TimeoutError("timed out") from error
            raise
        finally:
            watchdog.cancel()
            connection.close()
        if cut_off.is_set():  # what arrived before the cut may parse, but it is not the whole answer
            raise TimeoutError("timed out")
        if response.status in REDIRECT_STATUSES and location:
            url = urljoin(url, location)
            continue
        return Response(status=response.status, url=url, body=body)
    raise Refused(f"more than {max_redirects} redirects")


def _abort(connection, cut_off):
    cut_off.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
