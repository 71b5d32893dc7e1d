"""What one statement POST costs in one process: Python's CPU, PostgreSQL's CPU and the wall time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench .venv/bin/python bench/xapi_post_cost.py \
        [--posts 1000] [--rounds 3]

Sends single statements (those of bench/xapi_ingest.py) through Django's WSGI handler, without HTTP or
gunicorn, with an LRS client's Basic credentials, and reads the CPU time of this process and of its
PostgreSQL backend (from /proc, so on the same machine) before and after each round. Where
bench/xapi_ingest.py gives the throughput, this tells how it divides between the platform and the database.
The database is migrated and gains the statements it posts.
"""

import argparse
import base64
import io
import json
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database the benchmark may write statements into.")

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.test.client import RequestFactory

    from bench.xapi_ingest import make_statement

    call_command("migrate", verbosity=0)
    out, name = io.StringIO(), f"cost-{uuid.uuid4().hex[:8]}"
    call_command("lrs_client", "create", name, "--scope", "all", stdout=out)
    key, secret = out.getvalue().strip().splitlines()[-1].split(" ")
    authorization = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    handler, factory = WSGIHandler(), RequestFactory()

    def post(number):
        body = json.dumps(make_statement(number)).encode()
        environ = factory.post(
            "/xapi/statements",
            body,
            content_type="application/json",
            HTTP_HOST="127.0.0.1",
            HTTP_AUTHORIZATION=authorization,
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        ).environ
        statuses = []
        b"".join(handler(environ, lambda status, headers, *rest: statuses.append(status)))
        if not statuses[0].startswith("200"):
            raise SystemExit(f"POST failed: {statuses[0]}")

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]

    def database_cpu():
        fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    for number in range(100):  # connections, caches and the first plans
        post(number)
    print(f"{args.posts} single statement POSTs per round, through the WSGI handler, on PostgreSQL:")
    for round_number in range(args.rounds):
        python, database, wall = time.process_time(), database_cpu(), time.perf_counter()
        for number in range(args.posts):
            post(number)
        per_post = 1000 / args.posts
        print(
            f"  round {round_number + 1}: Python {(time.process_time() - python) * per_post:.2f} ms, "
            f"PostgreSQL {(database_cpu() - database) * per_post:.2f} ms, "
            f"wall {(time.perf_counter() - wall) * per_post:.2f} ms per POST"
        )
    call_command("lrs_client", "deactivate", name, stdout=io.StringIO())


if __name__ == "__main__":
    main()
