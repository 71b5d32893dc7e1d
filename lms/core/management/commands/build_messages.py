"""Compile every .po catalogue of the project into its .mo, without needing GNU gettext installed."""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (locale/*/LC_MESSAGES/*.po) into .mo files."

    def handle(self, *args, **options):
        catalogues = sorted(
            path for folder in settings.LOCALE_PATHS for path in Path(folder).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError(f"No .po files found under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        for po_path in catalogues:
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            # Written aside and moved into place, so that a running process never reads half a catalogue.
            mo_path = po_path.with_suffix(".mo")
            partial = mo_path.with_suffix(f".{os.getpid()}.partial")
            catalogue.save_as_mofile(str(partial))
            os.replace(partial, mo_path)
            self.stdout.write(f"{po_path.parent.parent.name}: {catalogue.percent_translated()}% translated")
