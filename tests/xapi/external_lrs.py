"""A second instance of this platform, run as an external LRS on 127.0.0.1 for the forwarding tests.

It has its own SQLite database and no broker; the tests stop and start it to play an LRS that goes down.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.fixtures.database import copy_migrated_sqlite

PROJECT_DIR = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_DIR / "test-artifacts"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ExternalLRS:
    """Start, stop and read an external LRS process."""

    def __init__(self, name="external-lrs"):
        ARTIFACTS.mkdir(exist_ok=True)
        self.database = ARTIFACTS / f"{name}-{os.getpid()}.sqlite3"
        self.log = ARTIFACTS / f"{name}.log"
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": f"sqlite:///{self.database}",
        }
        for name_ in ("REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL"):
            self.env.pop(name_, None)
        self.process = None
        self.key = self.secret = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/xapi/"

    def prepare(self):
        """Create its database and an LRS client for the platform under test."""
        copy_migrated_sqlite(self.database)
        manage = [sys.executable, "manage.py"]
        created = subprocess.run([*manage, "lrs_client", "create", "platform", "--scope", "all"], cwd=PROJECT_DIR,
                                 env=self.env, check=True, capture_output=True, text=True)  # fmt: skip
        self.key, self.secret = created.stdout.strip().splitlines()[-1].split(" ")
        return self

    def start(self, options=("-w", "1", "--threads", "1", "--timeout", "120")):
        """Serve it with gunicorn (``options`` on top of gunicorn.conf.py) and wait until it answers."""
        command = [sys.executable, "-m", "gunicorn", "lms.wsgi", "-b", f"127.0.0.1:{self.port}", *options]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.endpoint + "about", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError(f"the external LRS did not start:\n{self.log.read_text()[-2000:]}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def remove(self):
        self.stop()
        self.database.unlink(missing_ok=True)

    def statement_ids(self):
        """Every statement id the external LRS holds, following ``more`` (a list, so duplicates would show)."""
        session = requests.Session()
        session.auth = (self.key, self.secret)
        session.headers["X-Experience-API-Version"] = "1.0.3"
        ids, url = [], self.endpoint + "statements?limit=100"
        while url:
            page = session.get(url, timeout=10).json()
            ids += [statement["id"] for statement in page["statements"]]
            url = f"http://127.0.0.1:{self.port}{page['more']}" if page["more"] else None
        return ids

    def post(self, statement):
        response = requests.post(self.endpoint + "statements", json=statement, auth=(self.key, self.secret),
                                 headers={"X-Experience-API-Version": "1.0.3"}, timeout=10)  # fmt: skip
        response.raise_for_status()
