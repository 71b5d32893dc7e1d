"""Admin menu entries and URLs of the LRS."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_viewset")
def register_xapi_viewsets():
    """LRS clients and external LRSs in the admin."""
    return admin_views.XapiViewSetGroup()


@hooks.register("register_admin_urls")
def register_outbox_urls():
    """The forwarding queue and its retry actions."""
    return [
        path("xapi/outbox/", admin_views.outbox, name="xapi_outbox"),
        path("xapi/outbox/retry/", admin_views.outbox_retry, name="xapi_outbox_retry"),
        path("xapi/outbox/retry/target/<int:target_id>/", admin_views.outbox_retry, name="xapi_outbox_retry_target"),
        path("xapi/outbox/retry/entry/<int:entry_id>/", admin_views.outbox_retry, name="xapi_outbox_retry_entry"),
    ]


class OutboxMenuItem(MenuItem):
    """Shown to those who may retry forwarding."""

    def is_shown(self, request):
        """Only for users with the outbox permission."""
        return request.user.has_perm("xapi.change_outboxentry")


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    """Settings → xAPI forwarding."""
    return OutboxMenuItem(_("xAPI forwarding"), reverse("xapi_outbox"), icon_name="redirect", order=900)
