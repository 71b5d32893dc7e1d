"""Report benchmark: first pages of the course and learner reports, and the full CSV export, on PostgreSQL.

    DATABASE_URL=postgres://... .venv/bin/python bench/reports.py [--generate SCALE] [--runs 5]

The database is DATABASE_URL's. Without ``--generate`` the bench reuses the load data already in it (made
once with ``bench/generate_load_data.py``, which takes a while at full scale); ``--generate SCALE`` replaces
it first. Requests go through
Django's test client in this process, as an administrator (every course and learner) and as the host of one
load-test hub, with DEBUG off. The export's peak memory is Python's peak allocation while streaming (tracemalloc),
measured for the whole export and for a quarter of it: flat means about the same figure for both.
Targets (issue 5): first pages under 500 ms, full export under 20 s.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

FIRST_PAGE_TARGET = 0.5
EXPORT_TARGET = 20.0


def setup():
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # DEBUG keeps every query in memory, which would spoil the memory figure
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: the targets are for PostgreSQL.")


def users():
    from django.contrib.auth import get_user_model

    from hubs.models import HubPage
    from hubs.roles import ensure_hub_roles

    user_model = get_user_model()
    admin, _ = user_model.objects.get_or_create(
        email="bench-admin@bench.example.org", defaults={"is_staff": True, "is_superuser": True}
    )
    host, _ = user_model.objects.get_or_create(email="bench-host@bench.example.org")
    hub = HubPage.objects.filter(slug="load-hub-1").first()
    if hub is None:
        sys.exit("No load data: run bench/generate_load_data.py or pass --generate SCALE.")
    host.groups.add(ensure_hub_roles(hub).hosts)
    return admin, host


def timed_get(client, url, runs, **params):
    """(median seconds, seconds in SQL of one request) for a page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)  # warm up: caches, connections, scope
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return statistics.median(times), sum(float(query["time"]) for query in queries.captured_queries)


def export_rows(client, url, params):
    response = client.get(url, {**params, "export": "csv"})
    return sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1


def timed_export(client, url, **params):
    """(seconds, peak bytes, rows): timed without tracing (tracemalloc slows Python down), then traced."""
    started = time.perf_counter()
    rows = export_rows(client, url, params)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    export_rows(client, url, params)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, rows


def verdict(ok):
    return "meets target" if ok else "MISSES target"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generate", type=float, metavar="SCALE", help="make new load data at SCALE first")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    setup()
    from django.test import Client
    from django.urls import reverse

    from bench import load_data
    from courses.models import Enrolment
    from lms.xapi.models import Statement

    if options.generate:
        load_data.run(scale=options.generate, reset=True)
    admin, host = users()
    print(
        f"Data: {Enrolment.objects.values('user').distinct().count()} learners, {Enrolment.objects.count()} "
        f"enrolments, {Statement.objects.count()} statements"
    )
    courses, learners = reverse("course_reports:courses"), reverse("course_reports:learners")
    for label, user in (("administrator", admin), ("hub host", host)):
        client = Client()
        client.force_login(user)
        for name, url in (("course report, first page", courses), ("learner report, first page", learners)):
            seconds, sql = timed_get(client, url, options.runs)
            print(f"{label:13} {name:28} {seconds * 1000:8.0f} ms (SQL {sql * 1000:4.0f} ms)  "
                  f"{verdict(seconds < FIRST_PAGE_TARGET)}")  # fmt: skip
    client = Client()
    client.force_login(admin)
    elapsed, peak, rows = timed_export(client, learners)
    print(f"full learner CSV export: {rows} rows in {elapsed:.1f} s ({verdict(elapsed < EXPORT_TARGET)}), "
          f"peak Python memory {peak / 2**20:.1f} MiB")  # fmt: skip
    quarter = (Enrolment.objects.order_by("enrolled_at").values_list("enrolled_at", flat=True)[rows * 3 // 4]).date()
    part_elapsed, part_peak, part_rows = timed_export(client, learners, date_from=quarter.isoformat())
    print(f"partial export for comparison: {part_rows} rows in {part_elapsed:.1f} s, "
          f"peak Python memory {part_peak / 2**20:.1f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
