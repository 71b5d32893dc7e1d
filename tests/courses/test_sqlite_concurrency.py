"""Ten learners send their quiz at the same moment to a real server on SQLite: every answer is stored.

Without a busy timeout and immediate transactions, SQLite answers "database is locked" (a 500) to all but one.
"""

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client

from courses.models import QuizAttempt
from courses.services.enrolment import enrol
from lms.accounts.factories import UserFactory

from .conftest import correct_answers

PROJECT_DIR = Path(__file__).resolve().parents[2]
PORT = 8143
LEARNERS = 10


def _wait_for(url, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("the server exited before answering")
        try:
            requests.get(url, timeout=10)
            return
        except requests.RequestException:  # not listening yet, or its workers still booting
            time.sleep(0.3)
    pytest.fail("the server did not answer in time")


@pytest.fixture
def sqlite_server(transactional_db):
    if connection.vendor != "sqlite":
        pytest.skip("about SQLite as a web server's database")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}"}  # fmt: skip
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL"):
        env.pop(name, None)
    command = [sys.executable, "-m", "gunicorn", "lms.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2", "--threads", "5"]
    log = (PROJECT_DIR / "test-artifacts" / "sqlite-server.log").open("w")
    process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{PORT}/en/", process)
        yield f"http://127.0.0.1:{PORT}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _learner_session(base_url, course, quiz):
    learner = UserFactory()
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    page = session.get(base_url + quiz.url, timeout=30)
    assert page.status_code == 200, page.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session, {**correct_answers(quiz), "csrfmiddlewaretoken": token}


def test_ten_concurrent_quiz_posts_are_all_stored(sqlite_server, course, quiz):
    sessions = [_learner_session(sqlite_server, course, quiz) for _ in range(LEARNERS)]
    start = threading.Barrier(LEARNERS)
    statuses = []

    def post(session, data):
        start.wait()
        response = session.post(sqlite_server + quiz.url, data=data, headers={"Referer": sqlite_server}, timeout=60)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post, args=pair) for pair in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert sorted(statuses) == [200] * LEARNERS, statuses  # the result page, never "database is locked"
    assert QuizAttempt.objects.filter(quiz_key=quiz.translation_key).count() == LEARNERS


def test_sqlite_is_configured_for_a_web_server():
    if connection.vendor != "sqlite":
        pytest.skip("about SQLite")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["timeout"] >= 10 and options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
