from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "hubs"
    verbose_name = _("Centre and hubs")

    def ready(self):
        from . import roles, signals  # noqa: F401

        signals.connect()
