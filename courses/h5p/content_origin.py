"""The content origin: where uploaded packages' files and scripts are served, apart from the platform's pages.

A browser keeps the platform's session cookie away from another origin, so content served from it can
never read the learner's session or call the admin (``settings.CONTENT_ORIGIN``, e.g. ``http://localhost:8000``
beside ``http://127.0.0.1:8000``).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404


def url(path):
    """The absolute address of ``path`` on the content origin."""
    return settings.CONTENT_ORIGIN.rstrip("/") + path


def is_content_request(request):
    """Whether ``request`` came to the content origin's host."""
    return request.get_host() == urlsplit(settings.CONTENT_ORIGIN).netloc


def only(view):
    """Serve ``view`` on the content origin only: on the platform's host it does not exist."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_content_request(request):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
