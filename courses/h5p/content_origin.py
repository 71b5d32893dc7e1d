"""H5P on the content origin (``settings.PACKAGE_CONTENT_ORIGIN``), where package files are served too.

A browser keeps the platform's session cookie away from another origin, so an activity's scripts can never
read the learner's session or call the admin.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404

from ..packages.serving import on_content_origin


def url(path):
    """The absolute address of ``path`` on the content origin."""
    return settings.PACKAGE_CONTENT_ORIGIN + path


def only(view):
    """Serve ``view`` on the content origin only: on the platform's host it does not exist."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not on_content_origin(request):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
