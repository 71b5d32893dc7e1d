from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """The Learning Record Store: statements, endpoint, credentials and forwarding."""

    name = "lms.xapi"
    label = "xapi"
    verbose_name = _("xAPI and Learning Record Store")
