"""Fill DATABASE_URL's database with synthetic learners, courses, progress and statements for bench/reports.py.

    DATABASE_URL=postgres://... .venv/bin/python bench/generate_load_data.py [--scale 1.0] [--seed 2021] [--reset]

10,000 learners from 150 parliaments, 20 courses of 10 lessons, their enrolments, progress and about a million
xAPI statements (times --scale). Never run it on a production database.
"""

import argparse
import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every size (0.001 for a tiny set).")
    parser.add_argument("--seed", type=int, default=2021, help="Random seed, for repeatable data.")
    parser.add_argument("--reset", action="store_true", help="Remove earlier load data first.")
    options = parser.parse_args()
    import django

    django.setup()
    from bench.load_data import LoadDataError, run

    try:
        run(scale=options.scale, seed=options.seed, reset=options.reset)
    except LoadDataError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
