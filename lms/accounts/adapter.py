from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After logging in, continue in the language the user prefers."""
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)

    def get_logout_redirect_url(self, request):
        """Stay in the reader's language after logging out."""
        return f"/{get_language()}/"
