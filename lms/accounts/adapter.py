from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def get_logout_redirect_url(self, request):
        """Stay in the reader's language after logging out."""
        return f"/{get_language()}/"
