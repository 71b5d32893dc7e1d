from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils.translation import get_language

from lms.core.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After logging in, continue in the language the user prefers."""
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)

    def get_logout_redirect_url(self, request):
        """Stay in the reader's language after logging out."""
        return f"/{get_language()}/"

    def get_client_ip(self, request):
        """The client behind the site's trusted proxies, so login, sign-up and reset limits are per client."""
        return client_ip(request)
