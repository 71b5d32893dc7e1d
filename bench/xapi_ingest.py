"""LRS benchmark: statement ingestion against Ralph, then query latency over a million statements.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench .venv/bin/python bench/xapi_ingest.py \
        [--statements 20000] [--ralph-singles 2000] [--clients 4] [--workers 2] [--rows 1000000] [--samples 700]
        [--skip-ralph] [--skip-query] [--query-only] [--port N]
        (the platform listens on N and Ralph on N + 1; free ports by default)

1. Serves this platform with gunicorn on the PostgreSQL database of DATABASE_URL (migrated, and EMPTIED of
   statements first), creates an LRS client, and posts N statements with several concurrent clients: one
   statement per request, then batches of 100. Every statement is validated, as always.
2. Does the same against the Ralph LRS (PyPI ``ralph-malph``, filesystem backend, one uvicorn worker, in its
   own virtualenv under test-artifacts/ralph-venv, created on first use) and prints statements per second for
   both and the ratios. Ralph posts one per request first, into its empty store, and only the first
   ``--ralph-singles`` statements: at a few statements a second, 20,000 would take an hour, and its rate only
   falls as its file grows, so the cap favours Ralph. Targets: at least 5 times Ralph's throughput on batches
   and 20 times on one statement per request.
3. Fills the store to ``--rows`` statements (server-side SQL, a few minutes) and measures a mix of GET
   /xapi/statements queries, most of which match statements (see QUERY_KINDS): p50 and p95 latency per kind and
   over all, and the share of queries that found something. Target: p95 under 20 ms.
"""

import argparse
import base64
import hashlib
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pace import at_once

PROJECT_DIR = Path(__file__).resolve().parents[1]
ARTIFACTS = PROJECT_DIR / "test-artifacts"
RALPH_VENV = ARTIFACTS / "ralph-venv"
RALPH_VERSION = "5.1.0"
VERB_COUNT = 30
ACTOR_COUNT = 5000
ACTIVITY_COUNT = 997
REGISTRATION_COUNT = 50_000


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port, path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answered on port {port} within {timeout} s")


def make_statement(number):
    return {
        "id": str(uuid.uuid4()),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "https://bench.example.org", "name": f"l{number % 997}"},
        },
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/v{number % VERB_COUNT}", "display": {"en-US": "did"}},
        "object": {
            "objectType": "Activity",
            "id": f"https://bench.example.org/xapi/activities/lesson/{number % 211}",
            "definition": {"type": "http://adlnet.gov/expapi/activities/lesson", "name": {"en-US": "A lesson"}},
        },
        "result": {"completion": True, "score": {"scaled": 0.8}},
        "context": {"registration": str(uuid.uuid4()), "language": "en"},
        "timestamp": "2026-05-01T12:00:00Z",
    }


def drive(port, path, authorization, bodies, clients):
    """POST every body (each a JSON document) with ``clients`` keep-alive connections; returns seconds taken."""
    chunks = [bodies[index::clients] for index in range(clients)]
    errors = []

    def client(chunk):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Authorization": authorization, "X-Experience-API-Version": "1.0.3",
                   "Content-Type": "application/json"}  # fmt: skip
        for body in chunk:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)

    elapsed = at_once(client, [(chunk,) for chunk in chunks])
    if errors:
        print(f"  {len(errors)} requests failed, e.g. HTTP {errors[0]}")
    return elapsed


def ingest(label, port, path, authorization, count, clients, singles=None):
    """``singles`` (all ``count`` by default) statements one per request, then ``count`` in batches of 100;
    returns (single rate, batch rate)."""
    singles = count if singles is None else min(singles, count)
    single_bodies = [json.dumps(make_statement(n)).encode() for n in range(singles)]
    batches = [
        json.dumps([make_statement(n) for n in range(start, min(start + 100, count))]).encode()
        for start in range(0, count, 100)
    ]
    single_rate = singles / drive(port, path, authorization, single_bodies, clients)
    batch_rate = count / drive(port, path, authorization, batches, clients)
    print(f"{label:<10} one per request: {single_rate:8.0f} statements/s ({singles:,})   "
          f"batches of 100: {batch_rate:8.0f} statements/s ({count:,})")  # fmt: skip
    return single_rate, batch_rate


def platform_env(database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "BASE_URL": "https://bench.example.org",
        "PACKAGE_CONTENT_ORIGIN": "https://content.bench.example.org",
        "LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, check=True,
                            capture_output=True, text=True)  # fmt: skip
    return result.stdout


def sql_value(env, statement):
    """The last line a shell snippet prints (the shell prints its own banner first)."""
    return sql(env, statement).strip().splitlines()[-1]


def start_platform(env, workers, port):
    command = [sys.executable, "-m", "gunicorn", "lms.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
               "--access-logfile", "/dev/null"]  # fmt: skip
    process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL)
    wait_until_up(port, "/xapi/about")
    return process


def sql(env, statement):
    return manage(env, "shell", "-c", f"from django.db import connection\nc = connection.cursor()\n{statement}")


def empty_store(env):
    sql(env, "c.execute('TRUNCATE xapi_statement, xapi_statementcontextactivity, xapi_statementcontextagent, "
             "xapi_outboxentry CASCADE')")  # fmt: skip


RALPH_APP = '''
"""Ralph's LRS with its filesystem backend writing in APPEND mode (5.1.0 writes with CREATE, so every POST
after the first fails)."""
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs import fs

_write = fs.FSLRSBackend.write

def write(self, data, *args, operation_type=None, **kwargs):
    return _write(self, data, *args, operation_type=BaseOperationType.APPEND, **kwargs)

fs.FSLRSBackend.write = write
from ralph.api import app  # noqa: E402
'''


def start_ralph(port):
    if not (RALPH_VENV / "bin" / "uvicorn").exists():
        print("installing Ralph in test-artifacts/ralph-venv ...")
        subprocess.run([sys.executable, "-m", "venv", str(RALPH_VENV)], check=True)
        subprocess.run([RALPH_VENV / "bin" / "pip", "install", "-q", f"ralph-malph[backend-fs,lrs]=={RALPH_VERSION}",
                        "requests"], check=True)  # fmt: skip
    workdir = ARTIFACTS / "ralph-bench"
    subprocess.run(["rm", "-rf", str(workdir)], check=True)
    workdir.mkdir(parents=True)
    (workdir / "bench_ralph_app.py").write_text(RALPH_APP)
    password = secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(workdir),
        "RALPH_AUTH_FILE": str(workdir / "auth.json"),
        # Ralph rewrites its whole history file at each write; kept in ~/.config/ralph by default, it would grow
        # from run to run and slow every later run down (7 statements/s one per request after four runs, 44 in
        # the first): each run starts with none, as the first run on a new machine does.
        "RALPH_HISTORY_FILE": str(workdir / "history.json"),
        "PYTHONPATH": str(workdir),
    }
    # What `ralph auth` writes (its CLI needs extras the LRS does not): users with bcrypt hashes and scopes.
    script = "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt()).decode())"
    hashed = subprocess.run([RALPH_VENV / "bin" / "python", "-c", script, password], check=True,
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    users = [{"username": "bench", "hash": hashed, "scopes": ["all"], "agent": {"mbox": "mailto:bench@example.org"}}]
    (workdir / "auth.json").write_text(json.dumps(users))
    command = [RALPH_VENV / "bin" / "uvicorn", "bench_ralph_app:app", "--host", "127.0.0.1", "--port", str(port),
               "--workers", "1", "--log-level", "error"]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=workdir, stdout=subprocess.DEVNULL)
    wait_until_up(port, "/whoami")
    authorization = "Basic " + base64.b64encode(f"bench:{password}".encode()).decode()
    return process, authorization


FILL_SQL = """
INSERT INTO xapi_statement (statement_id, data, actor_key, object_agent_key, verb_id, activity_id, registration,
                            timestamp, stored, voided, voids, authority_key, user_id)
SELECT md5(n::text || '{seed}')::uuid,
       jsonb_build_object(
         'id', md5(n::text || '{seed}')::uuid,
         'actor', jsonb_build_object('objectType', 'Agent', 'account',
                   jsonb_build_object('homePage', 'https://bench.example.org', 'name', 'a' || (n % {actors}))),
         'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/v' || (n % {verbs})),
         'object', jsonb_build_object('objectType', 'Activity',
                   'id', 'https://bench.example.org/xapi/activities/lesson/' || (n % {activities})),
         'result', jsonb_build_object('completion', true),
         'context', jsonb_build_object('registration', md5((n % {registrations})::text || 'registration')::uuid),
         'timestamp', to_char(now() - n * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'stored', to_char(now() - n * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'version', '1.0.3'),
       'account:https://bench.example.org|a' || (n % {actors}), '',
       'http://adlnet.gov/expapi/verbs/v' || (n % {verbs}),
       'https://bench.example.org/xapi/activities/lesson/' || (n % {activities}),
       md5((n % {registrations})::text || 'registration')::uuid,
       now() - n * interval '1 second', now() - n * interval '1 second', false, NULL, 'bench', NULL
FROM generate_series({start}, {stop}) AS n
"""


def fill(env, rows):
    """Bring the store to ``rows`` statements with server-side inserts; returns how many were added."""
    have = int(sql_value(env, "c.execute('SELECT count(*) FROM xapi_statement'); print(c.fetchone()[0])"))
    seed = uuid.uuid4().hex
    step = 200_000
    for start in range(have, rows, step):
        stop = min(start + step, rows) - 1
        query = FILL_SQL.format(seed=seed, actors=ACTOR_COUNT, verbs=VERB_COUNT, activities=ACTIVITY_COUNT,
                                registrations=REGISTRATION_COUNT, start=start, stop=stop)  # fmt: skip
        sql(env, f"c.execute({query!r})")
        print(f"  {stop + 1:,} statements stored")
    sql(env, "c.execute('ANALYZE xapi_statement')")
    return max(rows - have, 0)


def _agent(number):
    return json.dumps({"account": {"homePage": "https://bench.example.org", "name": f"a{number % ACTOR_COUNT}"}})


def _registration(number):
    """The registration the fill gives statement ``number`` (PostgreSQL's md5(...)::uuid)."""
    digest = hashlib.md5(f"{number % REGISTRATION_COUNT}registration".encode(), usedforsecurity=False)
    return str(uuid.UUID(digest.hexdigest()))


ACTIVITY = "https://bench.example.org/xapi/activities/lesson/"

# The query mix: each kind builds its parameters from the number of a stored statement (the fill's n), so all
# but the last kind, one query in seven, ask for something that is there.
QUERY_KINDS = {
    "agent+verb": lambda n: {"agent": _agent(n), "verb": f"http://adlnet.gov/expapi/verbs/v{n % VERB_COUNT}"},
    "agent": lambda n: {"agent": _agent(n)},
    "activity": lambda n: {"activity": f"{ACTIVITY}{n % ACTIVITY_COUNT}"},
    "registration": lambda n: {"registration": _registration(n)},
    "verb+since": lambda n: {
        "verb": f"http://adlnet.gov/expapi/verbs/v{n % VERB_COUNT}",
        "since": f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(time.time() - n - 3600))}Z",
    },
    "agent+activity": lambda n: {"agent": _agent(n), "activity": f"{ACTIVITY}{n % ACTIVITY_COUNT}"},
    "no match": lambda n: {"agent": _agent(n), "verb": "http://adlnet.gov/expapi/verbs/never-sent"},
}


def query_latency(port, authorization, samples, rows):
    """Time ``samples`` queries drawn in turn from QUERY_KINDS (``limit=25``) over a store of ``rows`` statements;
    returns {kind: sorted timings in ms} and how many queries found at least one statement."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": authorization, "X-Experience-API-Version": "1.0.3"}
    draw = random.Random(8)
    timings = {kind: [] for kind in QUERY_KINDS}
    found = 0
    for number in range(samples):
        kind = list(QUERY_KINDS)[number % len(QUERY_KINDS)]
        params = urlencode({**QUERY_KINDS[kind](draw.randrange(rows)), "limit": 25})
        started = time.perf_counter()
        connection.request("GET", f"/xapi/statements?{params}", headers=headers)
        response = connection.getresponse()
        body = response.read()
        timings[kind].append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"query failed: HTTP {response.status} {body[:200]!r}")
        found += bool(json.loads(body)["statements"])
    return {kind: sorted(values) for kind, values in timings.items()}, found


def p95(values):
    return values[max(int(len(values) * 0.95) - 1, 0)]


def print_latency(timings, found, rows):
    every = sorted(value for values in timings.values() for value in values)
    print(f"Query mix over {rows:,} statements, limit=25, {len(every)} queries, "
          f"{found} of them ({found / len(every):.0%}) found statements:")  # fmt: skip
    for kind, values in timings.items():
        print(f"  {kind:<15} p50 {statistics.median(values):6.1f} ms   p95 {p95(values):6.1f} ms")
    print(f"  {'all':<15} p50 {statistics.median(every):6.1f} ms   p95 {p95(every):6.1f} ms"
          "   (target: p95 under 20 ms)")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=20_000)
    parser.add_argument("--ralph-singles", type=int, default=2000, help="Statements Ralph gets one per request.")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=700)
    parser.add_argument("--skip-ralph", action="store_true")
    parser.add_argument("--skip-query", action="store_true")
    parser.add_argument("--query-only", action="store_true", help="Keep the stored statements; only measure queries.")
    parser.add_argument("--port", type=int, help="The platform's port; Ralph's is the next one.")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database the benchmark may fill (it empties its statements)."
        )
    env = platform_env(database_url)
    print(f"migrating {database_url.rsplit('/', 1)[-1]} ...")
    manage(env, "migrate", "--noinput")
    if not args.query_only:
        empty_store(env)
    name = f"bench-{uuid.uuid4().hex[:8]}"
    key, secret = manage(env, "lrs_client", "create", name, "--scope", "all").strip().splitlines()[-1].split(" ")
    authorization = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    port = args.port or free_port()
    platform = start_platform(env, args.workers, port)
    try:
        if not args.query_only:
            print(f"\nIngestion: {args.statements} statements, {args.clients} concurrent clients")
            ours = ingest("platform", port, "/xapi/statements", authorization, args.statements, args.clients)
        if not args.skip_ralph and not args.query_only:
            ralph_port = port + 1 if args.port else free_port()
            ralph, ralph_auth = start_ralph(ralph_port)
            try:
                theirs = ingest("Ralph", ralph_port, "/xAPI/statements", ralph_auth, args.statements, args.clients,
                                singles=args.ralph_singles)  # fmt: skip
            finally:
                ralph.terminate()
                ralph.wait()
            print(f"ratio      one per request: {ours[0] / theirs[0]:8.1f} x          batches of 100: "
                  f"{ours[1] / theirs[1]:8.1f} x   (targets: 20 x and 5 x)")  # fmt: skip
        if not args.skip_query:
            print(f"\nQuery latency: filling the store to {args.rows:,} statements ...")
            fill(env, args.rows)
            timings, found = query_latency(port, authorization, args.samples, args.rows)
            print_latency(timings, found, args.rows)
    finally:
        platform.terminate()
        platform.wait()
        manage(env, "lrs_client", "deactivate", name)


if __name__ == "__main__":
    main()
