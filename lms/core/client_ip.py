"""The address a request came from, as seen through the site's own reverse proxies.

Behind a reverse proxy every request has the proxy's ``REMOTE_ADDR``, so rate limits keyed on it would lock
everyone out at once. Each proxy appends the address it received the request from to ``X-Forwarded-For``; with
``TRUSTED_PROXY_COUNT`` proxies of our own in front of the site, the entry that many places from the right was
written by the outermost of them and is the client's. Entries further left came from the client and are not
trusted.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's IP address: ``REMOTE_ADDR``, or read through ``TRUSTED_PROXY_COUNT`` trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if count > 0 and forwarded:
        # Fewer entries than proxies: the request skipped an outer proxy, whose inner ones wrote every entry.
        hop = forwarded[-count] if len(forwarded) >= count else forwarded[0]
        address = _valid(hop)
        if address:
            return address
    return _valid(remote) or remote or "unknown"
