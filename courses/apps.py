from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from lms.xapi import api

        from . import signals  # noqa: F401
        from .packages import tracking

        api.on_statements_stored(tracking.statements_stored)
