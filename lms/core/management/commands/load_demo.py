"""Build the demo site from the data files of every app (``<app>/demo/<language>.yaml``)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from lms.core.demo import users
from lms.core.demo.indexing import indexed_once_at_the_end
from lms.core.demo.loader import Loader


class Command(BaseCommand):
    help = "Create or update the demo site in every language. Running it again updates the same pages."

    def handle(self, *args, **options):
        with transaction.atomic(), indexed_once_at_the_end():
            Loader(self.stdout).load()
            if settings.DEMO_USERS:
                users.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
