from django.conf import settings
from django.utils.translation import get_language_from_path


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
