from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import get_language_from_path, gettext


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so a later visit to ``/`` opens in it.

    The language switcher is a plain link (it works without JavaScript), so the choice is recorded
    here, in Django's own language cookie, rather than by a form posting to ``set_language``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language and response.status_code < 400:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


LRS_PREFIX = "/xapi/"


class RejectNulMiddleware:
    """Answer 400 to an address whose path or query string holds a NUL character.

    No page has a use for one, PostgreSQL refuses NUL in text (so any lookup on it would fail with a 500),
    and a form field already refuses it (Django's ``ProhibitNullCharactersValidator``). Refusing it here, once,
    covers every view, query parameter and URL argument.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(LRS_PREFIX):
            # The LRS refuses NUL itself, in the xAPI error format with the version header every answer carries.
            return self.get_response(request)
        if "\x00" in request.path_info or any("\x00" in value for value in _query_strings(request)):
            message = gettext("The address contains a NUL character (%00), which no page accepts.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _query_strings(request):
    for key, values in request.GET.lists():
        yield key
        yield from values
