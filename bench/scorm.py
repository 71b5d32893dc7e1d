"""SCORM benchmarks: commit latency with concurrent learners, and a large package's upload with flat memory.

    .venv/bin/python bench/scorm.py [--learners 20] [--commits 30] [--pauses 0,1] [--workers 2] [--port N]
        [--megabytes 200]

1. Commits: a SCORM 2004 package lesson and ``--learners`` enrolled learners (each with a session), served by
   gunicorn on 127.0.0.1; all learners at once, every learner posts ``--commits`` commits, once for each of
   ``--pauses``: the seconds a learner waits on average between two commits (``bench/pace.py``). With 0 the
   commits follow one another at once and the figures are the server's at saturation; with 1 each learner
   commits about once a second, more often than content does (scorm-again's autocommit waits 10 s). Prints p50
   and p95 per commit, and the bare Django view's under the same load (the reference measured in the same run).
   Target: p95 under 50 ms with 20 learners.
2. Upload: a zip of ``--megabytes`` MB (one large video and many small files) read, checked and unpacked into
   storage by the package lesson's upload path, and a 20 MB one, each in a new process; prints the time (with the
   process's first imports) and the peak of memory allocated in Python (tracemalloc) against the package's size.
   Flat means the peak does not grow with the package.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pace import Pace, at_once, pauses
from bench.pages import CEILING, CSRF_SECRET, PROJECT_DIR, free_port, start_server

SETUP = """
import django, io, json; django.setup()
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import Page
from courses import services
from courses.demo.h5p import zip_files
from courses.demo.scorm import scorm_files
from courses.models import CoursePage, PackageLessonPage
from courses.packages.importing import read_upload, store_package
course = CoursePage.objects.live().first()
lesson = PackageLessonPage(title="Bench SCORM", slug="bench-scorm")
upload = io.BytesIO(zip_files(scorm_files("2004-4", "Bench", [
    {"title": "Q", "question": "Q?", "answers": [["a", True], ["b", False]]}])))
upload.name = "bench.zip"
lesson.package = store_package(read_upload(upload), lesson_key=lesson.translation_key)
course.add_child(instance=lesson)
lesson.save_revision().publish()
sessions = []
for number in range(LEARNERS):
    user, _ = get_user_model().objects.get_or_create(email=f"bench-scorm-{number}@example.org")
    services.enrol(user, course)
    session = SessionStore(); session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "lms.accounts.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash(); session.create()
    sessions.append(session.session_key)
from django.urls import reverse
from django.utils import translation
translation.activate(lesson.locale.language_code)
print(json.dumps({"commit": reverse("courses:scorm_commit", args=[lesson.pk, 0]), "sessions": sessions}))
"""


def prepare(env, learners):
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=PROJECT_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    code = SETUP.replace("LEARNERS", str(learners))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def commit_body(learner, sequence):
    cmi = {
        "location": f"page-{sequence}",
        "suspend_data": json.dumps({"learner": learner, "answers": list(range(sequence % 40))}),
        "completion_status": "incomplete",
        "success_status": "unknown",
        "score": {"raw": str(sequence % 100), "min": "0", "max": "100", "scaled": str((sequence % 100) / 100)},
        "session_time": f"PT{sequence}S",
        "exit": "suspend",
    }
    return json.dumps({"session": f"bench-{learner}", "sequence": sequence, "cmi": cmi}).encode()


def request(port, method, path, session=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "127.0.0.1", "Accept-Language": "en"}
    if session:
        headers.update(
            {
                "Cookie": f"sessionid={session}; csrftoken={CSRF_SECRET}",
                "X-CSRFToken": CSRF_SECRET,
                "Content-Type": "application/json",
                "Referer": f"http://127.0.0.1:{port}/",
            }
        )
    try:
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def run_learners(learners, commits, pause, target):
    """Every learner sends ``commits`` requests at its ``pause``, all learners at once; returns (latencies, errors)."""
    latencies, errors, lock = [], [0], threading.Lock()

    def learner(number):
        mine, failed = [], 0
        pace = Pace(pause, seed=number)
        pace.start()
        for sequence in range(1, commits + 1):
            if sequence > 1:
                pace.between()
            status, seconds = target(number, sequence)
            mine.append(seconds)
            failed += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    at_once(learner, [(number,) for number in range(learners)])
    return latencies, errors[0]


def percentiles(latencies):
    quantiles = statistics.quantiles(latencies, n=100)
    return quantiles[49] * 1000, quantiles[94] * 1000


def bench_commits(args, scratch):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "MEDIA_ROOT": f"{scratch}/media"}
    env.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    port = free_port(args.port)
    env["PACKAGE_CONTENT_ORIGIN"] = f"http://localhost:{port}"
    setup = prepare(env, args.learners)
    server = start_server(env, port, args.workers)
    commit_path = setup["commit"]
    database = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"commits: {args.learners} learners x {args.commits} commits, gunicorn {args.workers} x 4 threads, {database}"
    )
    try:
        status, _seconds = request(port, "POST", commit_path, setup["sessions"][0], commit_body(0, 1))
        if status != 200:
            raise SystemExit(f"a commit answered {status}: is the package lesson set up?")
        sequences = iter(range(2, 10**9, args.commits))  # each phase continues the learners' sequence numbers
        for pause in args.pauses:
            first = next(sequences)
            bare = run_learners(
                args.learners, args.commits, pause, lambda number, seq: request(port, "GET", CEILING.path)
            )
            commits = run_learners(
                args.learners,
                args.commits,
                pause,
                lambda number, seq, first=first: request(
                    port, "POST", commit_path, setup["sessions"][number], commit_body(number, first + seq)
                ),
            )
            report(pause, bare, commits)
    finally:
        server.terminate()
        server.wait()


def report(pause, bare, commits):
    print(f"  {f'{pause:g} s on average between two commits' if pause else 'back to back (saturation)'}:")
    for name, (latencies, failed) in (("bare Django view", bare), ("SCORM commit", commits)):
        p50, p95 = percentiles(latencies)
        print(f"    {name:18} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  errors {failed}")
    p95 = percentiles(commits[0])[1]
    verdict = "met" if p95 < 50 else "NOT met"
    print(f"    commit p95 / bare p95: {p95 / percentiles(bare[0])[1]:.1f}x; target p95 < 50 ms: {verdict}")


def big_package(path, megabytes):
    """A SCORM 2004 zip of about ``megabytes`` MB: one large (stored) video and 2,000 small pages."""
    from courses.demo.scorm import scorm_files

    files = scorm_files("2004-4", "Big", [{"title": "Q", "question": "Q?", "answers": [["a", True]]}])
    chunk = os.urandom(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for number in range(2000):
            archive.writestr(f"pages/page-{number}.html", f"<p>Page {number}</p>" * 50)
        with archive.open(zipfile.ZipInfo("media/lecture.mp4"), "w", force_zip64=True) as video:
            for _ in range(megabytes - 5):
                video.write(chunk)


def unpack(path):
    """(seconds, peak bytes allocated in Python, files) of reading, checking and unpacking the package at
    ``path`` into storage, in the process that calls it."""
    import django

    django.setup()
    from courses.packages.importing import read_upload, store_package

    with open(path, "rb") as file:
        tracemalloc.start()
        started = time.perf_counter()
        package = store_package(read_upload(file))
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return seconds, peak, package.file_count


def bench_upload(args, scratch):
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["MEDIA_ROOT"] = f"{scratch}/upload-media"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/upload.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=PROJECT_DIR, env=os.environ, check=True
    )
    rows = []
    for megabytes in (20, args.megabytes):
        path = Path(scratch) / f"big-{megabytes}.zip"
        big_package(path, megabytes)
        # Each size in a new process, so both start from the same state: a process's own tables (Python's
        # interned strings, which pathlib adds every path part to) grow in steps of megabytes at moments that
        # have nothing to do with the package.
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as process:
            seconds, peak, count = process.submit(unpack, path).result()
        rows.append((megabytes, path.stat().st_size / 2**20, count, seconds, peak / 2**20))
    print("upload and unpack (read_upload + store_package, file-system storage, each in a new process):")
    for _megabytes, size, count, seconds, peak in rows:
        print(f"  {size:6.0f} MB zip, {count} files: {seconds:5.1f} s, peak Python memory {peak:6.1f} MB")
    print(f"  peak at {rows[-1][0]} MB / peak at {rows[0][0]} MB: {rows[-1][4] / rows[0][4]:.2f}x (flat is about 1)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--commits", type=int, default=30)
    parser.add_argument("--pauses", type=pauses, default="0,1", help="seconds between two commits, e.g. 0,1")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--only", choices=("commits", "upload"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if args.only != "upload":
            bench_commits(args, scratch)
        if args.only != "commits":
            bench_upload(args, scratch)


if __name__ == "__main__":
    main()
