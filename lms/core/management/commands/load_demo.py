"""Build the demo site from the seed documents; each app contributes its own ``<app>.demo.load``."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


def demo_loaders():
    """The ``load`` function of every installed app that has a ``demo`` module, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            yield app_config.label, import_module(f"{app_config.name}.demo").load


class Command(BaseCommand):
    help = "Create or update the bilingual demo site. Running it again updates the same pages."

    def handle(self, *args, **options):
        with transaction.atomic():
            for _label, load in demo_loaders():
                load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
