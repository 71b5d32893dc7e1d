from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, installed in place of ``wagtail.users`` to use our user forms."""

    default = False
    user_viewset = "lms.accounts.viewsets.UserViewSet"
