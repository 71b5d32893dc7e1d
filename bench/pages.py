"""Page-serving benchmark: gunicorn on 127.0.0.1, concurrent clients, requests per second and latency.

    .venv/bin/python bench/pages.py [--seconds 10] [--clients 8] [--workers 2] [--port N] [--learners N]
                                    [--only NAME ...]

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database named by DATABASE_URL, which it
migrates and fills), loads the demo content, serves it with gunicorn and drives each URL in turn for a fixed
time. A bare Django view on the same server is the ceiling; each page's ratio to it is printed. A signed-in
Django view (the learner's session and account and one query of theirs) shows what any learner's page costs at
least.

Each app adds its pages to PAGES. A page marked ``learner=True`` is fetched with the session of a demo learner
created for the run, the same one for every request (their re-reads). A page marked ``first_read=True`` is fetched
each time with the session of another learner, enrolled for the run, who has never opened it (``--learners`` of
them): every request is a learner's first read, which records the lesson as opened.
"""

import argparse
import http.client
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pace import at_once

PROJECT_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BenchPage:
    name: str
    path: str
    learner: bool = False
    target_ratio: float = 0.0  # the target share of the bare view's throughput, 0 when none
    first_read: bool = False  # each request from another enrolled learner who never opened the page


CEILING = BenchPage("bare Django view", "/bench/bare/")
BENCH_COURSE_SLUG = "ict-governance-in-parliament"  # the course of the lesson pages below
# A browser sends back the CSRF cookie it was given; pages with forms are kept for a learner only then.
CSRF_SECRET = "bench" + "0" * 27
PAGES = [
    # the floor of any learner's page, for comparison (bench/urls.py)
    BenchPage("signed-in Django view", "/bench/signed-in/", learner=True),
    # core
    BenchPage("home (en)", "/en/", target_ratio=0.8),
    BenchPage("home (fr)", "/fr/", target_ratio=0.8),
    BenchPage("search", "/en/search/?q=parliament"),
    BenchPage("sitemap.xml", "/sitemap.xml"),
    # hubs
    BenchPage("centre (en)", "/en/centre/", target_ratio=0.8),
    BenchPage("hub index (en)", "/en/centre/hubs/", target_ratio=0.8),
    BenchPage("hub index (fr)", "/fr/a-propos-du-centre/poles/", target_ratio=0.8),
    BenchPage("hub page (en)", "/en/centre/hubs/inter-parliamentary-cloud/", target_ratio=0.8),
    BenchPage(
        "open-data catalogue (en)",
        "/en/centre/hubs/inter-parliamentary-cloud/open-data-catalogue/?format=json",
        target_ratio=0.8,
    ),
    BenchPage("parliament directory (en)", "/en/centre/parliaments/?region=americas", target_ratio=0.8),
    # courses
    BenchPage("course catalogue", "/en/courses/", target_ratio=0.5),
    BenchPage("course page", "/en/centre/hubs/ict-governance/ict-governance-in-parliament/", target_ratio=0.5),
    BenchPage(
        "lesson (learner, re-read)",
        "/en/centre/hubs/ict-governance/ict-governance-in-parliament/who-decides/",
        learner=True,
        target_ratio=0.5,
    ),
    BenchPage(
        "lesson (learner, first read)",
        "/en/centre/hubs/ict-governance/ict-governance-in-parliament/who-decides/",
        learner=True,
        target_ratio=0.5,
        first_read=True,
    ),
    # conference
    BenchPage("conference programme (en)", "/en/world-e-parliament-conference-2021/programme/", target_ratio=0.8),
    BenchPage(
        "conference programme (fr, theme e)",
        "/fr/conference-mondiale-e-parlement-2021/programme/?theme=e",
        target_ratio=0.8,
    ),
    BenchPage("conference session", "/en/world-e-parliament-conference-2021/sessions/opening/", target_ratio=0.8),
    BenchPage("conference video library", "/en/world-e-parliament-conference-2021/video-library/", target_ratio=0.8),
    BenchPage(
        "conference video page",
        "/en/world-e-parliament-conference-2021/video-library/chile-virtual-sittings/",
        target_ratio=0.8,
    ),
    # xapi
    BenchPage("xAPI about", "/xapi/about"),
    BenchPage("learner's xAPI record download", "/xapi/me/statements.json", learner=True),
]


def free_port(wanted=0):
    """``wanted`` if it is free (0: any free port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", wanted))
        return sock.getsockname()[1]


def prepare_database(env, learners):
    """Migrate, load the demo content and make learner sessions; returns (the re-reader's, the first readers')."""
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=PROJECT_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from courses import services; from courses.models import CoursePage\n"
        "def learner(email, courses):\n"
        "    user, _ = get_user_model().objects.get_or_create(email=email)\n"
        "    session = SessionStore(); session['_auth_user_id'] = str(user.pk)\n"
        "    session['_auth_user_backend'] = 'lms.accounts.backends.ModelBackend'\n"
        "    session['_auth_user_hash'] = user.get_session_auth_hash(); session.create()\n"
        "    for course in courses: services.enrol(user, course)\n"
        "    print(session.session_key)\n"
        "learner('bench-learner@example.org', CoursePage.objects.live())\n"
        f"bench_course = CoursePage.objects.live().filter(url_path__endswith='/{BENCH_COURSE_SLUG}/')\n"
        f"for number in range({learners}): learner(f'bench-first-read-{{number}}@example.org', bench_course)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, check=True, capture_output=True, text=True
    )
    sessions = result.stdout.strip().splitlines()[-(learners + 1) :]
    return sessions[0], sessions[1:]


def start_server(env, port, workers):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "lms.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=PROJECT_DIR, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            get(port, CEILING.path, None)
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not start within 60 seconds")


def get(port, path, session):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "127.0.0.1", "Accept-Language": "en"}
    if session:
        headers["Cookie"] = f"sessionid={session}; csrftoken={CSRF_SECRET}"
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Readers:
    """The session each request of a page is sent with: none, the re-reader's, or a new first reader's."""

    def __init__(self, re_reader, first_readers):
        self.re_reader, self.first_readers = re_reader, first_readers
        self.taken = itertools.count()

    def session(self, page):
        if not page.learner:
            return None
        if not page.first_read:
            return self.re_reader
        return self.first_readers[next(self.taken) % len(self.first_readers)]

    def exhausted(self):
        """Whether some first readers were sent twice (too few ``--learners`` for the run)."""
        return next(self.taken) > len(self.first_readers)


def drive(port, page, readers, seconds, clients):
    """Run ``clients`` threads against one URL for ``seconds``; returns (requests/s, p50 ms, p95 ms, errors)."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            session = readers.session(page)
            started = time.perf_counter()
            try:
                status = get(port, page.path, session)
            except OSError:
                status = 0
            mine.append(time.perf_counter() - started)
            failed += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    at_once(client, [()] * clients)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return len(latencies) / seconds, quantiles[49] * 1000, quantiles[94] * 1000, errors[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: any free one)")
    parser.add_argument("--learners", type=int, default=3000, help="enrolled learners for the first-read pages")
    parser.add_argument("--only", nargs="*", help="names of the pages to run (default: all)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "MEDIA_ROOT": f"{scratch}/media"}
        env.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
        pages = [page for page in PAGES if not args.only or page.name in args.only]
        learners = args.learners if any(page.first_read for page in pages) else 0
        readers = Readers(*prepare_database(env, learners))
        port = free_port(args.port)
        server = start_server(env, port, args.workers)
        try:
            for page in pages:
                # warm the caches as a live server has them (a first reader's page, with the re-reader's session)
                get(port, page.path, readers.re_reader if page.learner else None)
            ceiling = drive(port, CEILING, readers, args.seconds, args.clients)
            database = env["DATABASE_URL"].split(":", 1)[0]
            print(
                f"gunicorn {args.workers} workers x 4 threads, {args.clients} clients, "
                f"{args.seconds:g} s per URL, {database}"
            )
            print(f"{'page':32} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'ratio':>6} {'target':>7}")
            rows = [(CEILING, ceiling)] + [
                (page, drive(port, page, readers, args.seconds, args.clients)) for page in pages
            ]
            for page, (rps, p50, p95, errors) in rows:
                ratio = rps / ceiling[0]
                target = f"{page.target_ratio:.0%}" if page.target_ratio else "-"
                print(f"{page.name:32} {rps:8.1f} {p50:8.1f} {p95:8.1f} {errors:7d} {ratio:6.0%} {target:>7}")
            if learners and readers.exhausted():
                print(f"warning: more first reads than --learners {learners}: some were re-reads; raise --learners")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
