"""Fill the database with synthetic learners, courses, progress and statements for the report benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from courses.reports import load_data


class Command(BaseCommand):
    help = (
        "Create 10,000 learners from 150 parliaments, 20 courses of 10 lessons, their enrolments, progress and "
        "about a million xAPI statements (times --scale). Never run it on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every size (0.001 for a tiny set).")
        parser.add_argument("--seed", type=int, default=2021, help="Random seed, for repeatable data.")
        parser.add_argument("--reset", action="store_true", help="Remove earlier load data first.")

    def handle(self, *args, scale, seed, reset, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        if load_data.existing():
            if not reset:
                raise CommandError("Load data already exists: add --reset to replace it.")
            self.stdout.write("Removing earlier load data...")
            load_data.reset()
        started = time.perf_counter()
        made = load_data.generate(scale=scale, seed=seed, out=self.stdout.write)
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{count} {name}" for name, count in made.items())
        self.stdout.write(self.style.SUCCESS(f"Made {summary} in {elapsed:.0f} s."))
