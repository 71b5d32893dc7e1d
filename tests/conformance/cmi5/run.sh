#!/usr/bin/env bash
# The CATAPULT cmi5 LMS Test Suite against the platform: a fresh PostgreSQL database, the platform served on a
# free port of 127.0.0.1 with its content origin on localhost, an LRS client for the adapter, then the suite's
# run.sh (from ../shared/conformance/catapult-lts, or $CATAPULT_LTS_DIR). Everything it started is stopped and
# its database dropped on exit. Usage: tests/conformance/cmi5/run.sh [JEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SUITE="${CATAPULT_LTS_DIR:-$ROOT/../shared/conformance/catapult-lts}"
[ -x "$SUITE/run.sh" ] || SUITE="/work/shared/conformance/catapult-lts"
[ -x "$SUITE/run.sh" ] || { echo "cmi5 LTS: the CATAPULT suite is not at $SUITE" >&2; exit 2; }

PORT="${CMI5_LTS_PORT:-$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DB="${CMI5_LTS_DB:-lms_cmi5_lts_$$}"
WORK=$(mktemp -d)
SERVER=""
cleanup() {
    # The server dies of the SIGTERM (status 143): that must not become the script's status.
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; fi
    dropdb -h 127.0.0.1 -U postgres --if-exists "$DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=lms.settings.dev
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export BASE_URL="http://127.0.0.1:$PORT" PACKAGE_CONTENT_ORIGIN="http://localhost:$PORT"
export MEDIA_ROOT="$WORK/media" ALLOWED_HOSTS="127.0.0.1,localhost" LOG_LEVEL=ERROR
createdb -h 127.0.0.1 -U postgres "$DB"
.venv/bin/python manage.py migrate --noinput >/dev/null
read -r LMS_KEY LMS_SECRET < <(.venv/bin/python manage.py lrs_client create cmi5-lts --scope all | tail -1)
export LMS_KEY LMS_SECRET LMS_URL="$BASE_URL"
.venv/bin/python manage.py runserver "127.0.0.1:$PORT" --noreload --skip-checks >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 60); do curl -fs "$BASE_URL/xapi/about" >/dev/null 2>&1 && break; sleep 1; done
echo "cmi5 LTS: platform on $BASE_URL (content on $PACKAGE_CONTENT_ORIGIN), database $DB" >&2
status=0
"$SUITE/run.sh" "$ROOT/tests/conformance/cmi5/lms.adapter.js" "$@" || status=$?
[ "$status" = 0 ] || tail -40 "$WORK/server.log" >&2
exit "$status"
