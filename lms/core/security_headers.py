"""Content-Security-Policy and Permissions-Policy for the public site.

Django 5.2 has no CSP middleware of its own (it arrives in Django 6.0), so this small one sets the header. The
public site loads nothing from elsewhere and has no inline script or style, so everything is ``'self'``; the
exceptions are the video players a reader starts (YouTube's no-cookie host and Vimeo's player) and the origin
that serves package lessons (``PACKAGE_CONTENT_ORIGIN``), which lesson pages frame. The Wagtail admin and
Django's admin use inline scripts and styles and keep their own rules: the header is not set under them.
"""

from django.conf import settings

EMBED_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
# Features no page of the site uses; the video players may go full screen and play encrypted media.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), "
    "usb=(), interest-cohort=(), "
    'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com"), '
    'encrypted-media=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def content_security_policy():
    """The policy of every public page, with the package content origin when one is configured."""
    frames = ["'self'", *EMBED_ORIGINS]
    if settings.PACKAGE_CONTENT_ORIGIN:
        frames.append(settings.PACKAGE_CONTENT_ORIGIN)
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": frames,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Set Content-Security-Policy and Permissions-Policy on public responses that do not set their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path_info.startswith(ADMIN_PREFIXES):
            # Built per response (a few string joins): the content origin is a setting tests and deployments change.
            response.headers.setdefault("Content-Security-Policy", content_security_policy())
        return response
