"""Forwarding survives faults, with a real Celery worker, Redis, PostgreSQL and an external LRS process:
(a) the external LRS down for a while, (b) Redis stopped while learners keep working, (c) the worker killed in
the middle of a batch. In each case every statement reaches the external LRS exactly once."""

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.db import transaction

from lms.accounts.factories import UserFactory
from lms.xapi import api, tasks, vocabulary
from lms.xapi.models import ForwardingTarget, OutboxEntry, Statement
from tests.fixtures.celery_worker import PROJECT_DIR, _database_url, start_worker, stop_worker

from .conftest import make_client, statement
from .external_lrs import ARTIFACTS, ExternalLRS, free_port

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

FAST_RETRIES = {"XAPI_FORWARD_BACKOFF": "1", "XAPI_FORWARD_BACKOFF_MAX": "3", "XAPI_FORWARD_LEASE": "4"}


@pytest.fixture(scope="module")
def external_lrs():
    lrs = ExternalLRS("fault-lrs").prepare()
    lrs.start()
    yield lrs
    lrs.remove()


@pytest.fixture
def lrs_up(external_lrs):
    if external_lrs.process is None:
        external_lrs.start()
    return external_lrs


def wait_for(condition, timeout=90, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def all_sent(target, count):
    def check():
        return OutboxEntry.objects.filter(target=target, status="sent").count() == count

    return check


def record_events(count, prefix):
    learner = UserFactory()
    ids = []
    for number in range(count):
        activity = api.Activity(api.activity_iri("lesson", f"{prefix}-{number}"), vocabulary.LESSON, {"en": "L"})
        with transaction.atomic():
            ids.append(str(api.record(learner, vocabulary.COMPLETED, activity)))
    return ids


def new_at_target(lrs, before):
    return [i for i in lrs.statement_ids() if i not in before]


def test_a_external_lrs_down_for_a_while_then_back(lrs_up):
    lrs = lrs_up
    target = ForwardingTarget.objects.create(name="Ext", endpoint=lrs.endpoint, username=lrs.key, password=lrs.secret)
    before = set(lrs.statement_ids())
    worker = start_worker(FAST_RETRIES)
    try:
        lrs.stop()
        ids = record_events(20, "down")
        wait_for(lambda: OutboxEntry.objects.filter(target=target, attempts__gte=2).count() == 20,
                 what="failed attempts while the LRS is down")  # fmt: skip
        assert not OutboxEntry.objects.filter(status="sent").exists()
        lrs.start()
        wait_for(all_sent(target, 20), what="delivery after the LRS came back")
    finally:
        stop_worker(worker)
    held = new_at_target(lrs, before)
    assert sorted(held) == sorted(ids)


class RedisServer:
    """A Redis server of this test's own, on its own port, that the test may stop and start."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/4"

    def start(self):
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.ping, timeout=20, what="Redis")

    def ping(self):
        result = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True)
        return result.stdout.strip() == "PONG"

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


class Supervised:
    """A process restarted whenever it exits, as systemd (Restart=always) does in production.

    The Celery worker of Celery 5.x exits with "Unrecoverable error" when it loses its Redis broker in the
    middle of a poll (kombu's restore_unacked cannot reconnect); a supervisor starts it again.
    """

    def __init__(self, command, env, log_name):
        self.command, self.env = command, env
        self.log = (ARTIFACTS / log_name).open("a")
        self.process = None
        self.restarts = 0
        self.stopping = threading.Event()
        self.watcher = threading.Thread(target=self._watch, daemon=True)
        self._spawn()
        self.watcher.start()

    def _spawn(self):
        self.process = subprocess.Popen(self.command, cwd=PROJECT_DIR, env=self.env, stdout=self.log,
                                        stderr=subprocess.STDOUT)  # fmt: skip

    def _watch(self):
        while not self.stopping.wait(0.5):
            if self.process.poll() is not None:
                self.restarts += 1
                time.sleep(1)
                self._spawn()

    def stop(self):
        self.stopping.set()
        self.watcher.join(timeout=5)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def test_b_redis_stopped_while_learners_keep_working(lrs_up):
    lrs = lrs_up
    target = ForwardingTarget.objects.create(name="Ext", endpoint=lrs.endpoint, username=lrs.key, password=lrs.secret)
    client, secret = make_client("content", ["statements/write"])
    before = set(lrs.statement_ids())
    redis = RedisServer()
    redis.start()
    env = {**os.environ, **FAST_RETRIES, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "DATABASE_URL": _database_url(),
           "REDIS_URL": redis.url, "XAPI_FORWARD_SWEEP": "2"}  # fmt: skip
    env.pop("CELERY_BROKER_URL", None)
    port = free_port()
    celery = [sys.executable, "-m", "celery", "-A", "lms"]
    processes = [
        Supervised([sys.executable, "-m", "gunicorn", "lms.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"], env,
                   "platform-b.log"),
        Supervised([*celery, "worker", "--pool=solo", "--without-heartbeat", "--without-mingle",
                    "--without-gossip", "--loglevel=INFO"], env, "worker-b.log"),
        Supervised([*celery, "beat", "--loglevel=INFO", "-s", str(ARTIFACTS / "beat-b-schedule")], env,
                   "beat-b.log"),
    ]  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}/xapi/statements"
    session = requests.Session()
    session.auth = (client.key, secret)
    session.headers["X-Experience-API-Version"] = "1.0.3"
    wait_for(lambda: _answers(session, endpoint), timeout=60, what="the platform")
    try:

        def learner_works(count, prefix):
            ids = []
            for number in range(count):
                body = statement(object={"id": f"http://example.org/{prefix}/{number}"})
                response = session.post(endpoint, json=body, timeout=30)
                assert response.status_code == 200, response.text
                ids += response.json()
            return ids

        ids = learner_works(5, "before")
        wait_for(all_sent(target, 5), what="delivery with Redis up")
        redis.stop()
        ids += learner_works(10, "during")  # stored although the broker is gone
        assert Statement.objects.filter(statement_id__in=ids).count() == 15
        assert OutboxEntry.objects.filter(target=target).count() == 15
        assert "could not reach the broker" in (ARTIFACTS / "platform-b.log").read_text()
        redis.start()
        wait_for(all_sent(target, 15), what="delivery after Redis came back")
    finally:
        for process in processes:
            process.stop()
        redis.stop()
    held = new_at_target(lrs, before)
    assert sorted(held) == sorted(ids)


def _answers(session, endpoint):
    try:
        return session.get(endpoint, timeout=2).status_code in (200, 403)
    except requests.RequestException:
        return False


class StallingProxy:
    """Passes requests to the external LRS; the first POST of statements is delivered, then its answer stalls."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.delivered = threading.Event()
        self.release = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _pass(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                url = proxy.upstream.rstrip("/") + self.path.removeprefix("/xapi")
                answer = requests.request(self.command, url, data=body, headers=headers, timeout=30)
                if self.command == "POST" and not proxy.delivered.is_set():
                    proxy.delivered.set()
                    proxy.release.wait(60)
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = do_PUT = _pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/xapi/"

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def test_c_worker_killed_in_the_middle_of_a_batch(lrs_up):
    lrs = lrs_up
    proxy = StallingProxy(lrs.endpoint)
    target = ForwardingTarget.objects.create(name="Ext", endpoint=proxy.endpoint, username=lrs.key,
                                             password=lrs.secret)  # fmt: skip
    before = set(lrs.statement_ids())
    worker = start_worker(FAST_RETRIES)
    try:
        with transaction.atomic():  # one transaction, so the worker takes them as one batch
            ids = record_events(10, "batch")
        assert proxy.delivered.wait(60), "the worker never sent the batch"
        worker.send_signal(signal.SIGKILL)  # the external LRS has the batch; the worker dies before the answer
        worker.wait(timeout=20)
        assert OutboxEntry.objects.filter(target=target, status="sent").count() == 0
        proxy.release.set()
        worker = start_worker(FAST_RETRIES)
        time.sleep(4.5)  # the dead worker's lease runs out
        tasks.deliver_due.delay()
        wait_for(all_sent(target, 10), what="delivery by the new worker")
    finally:
        stop_worker(worker)
        proxy.close()
    held = new_at_target(lrs, before)
    assert sorted(held) == sorted(ids)
