"""Package files, answered only on the content origin (``PACKAGE_CONTENT_ORIGIN``), never on the platform's."""

import mimetypes
import posixpath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from ..models.packages import ContentPackage


def on_content_origin(request):
    """Whether ``request`` came to the content origin's host (package files, H5P and SCORM players live there)."""
    origin = urlsplit(settings.PACKAGE_CONTENT_ORIGIN)
    return bool(origin.netloc) and request.get_host() == origin.netloc


@require_safe
@xframe_options_exempt
def package_file(request, package_id, path):
    """One file of a stored package; 404 on the platform's own origin, for a missing file or a path that escapes."""
    if not on_content_origin(request):
        raise Http404
    normalised = posixpath.normpath(path)
    if normalised.startswith(("../", "/")) or normalised == ".." or "\x00" in normalised:
        raise Http404
    if not ContentPackage.objects.filter(pk=package_id).exists():
        raise Http404
    name = f"packages/{package_id}/{normalised}"
    try:
        handle = default_storage.open(name)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type, _encoding = mimetypes.guess_type(normalised)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    # Only the platform may frame the content (a lesson page showing it in a frame).
    response["Content-Security-Policy"] = f"frame-ancestors 'self' {settings.BASE_URL}"
    return response
