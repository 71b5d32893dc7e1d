"""Settings come from the environment; production refuses to start without its secrets."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "DATABASE_URL"}
}


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={**CLEAN_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**CLEAN_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", "--settings=lms.settings.production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", "--settings=lms.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_deploy_check_is_clean_when_the_environment_is_set():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=lms.settings.production",
        SECRET_KEY="k" * 20 + "-Zq8#pL2!vW9@xR4$mN7^bT1&cY6*hJ3(eF5)gU0",
        ALLOWED_HOSTS="learning.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_redis_url_puts_broker_and_cache_on_separate_databases():
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([settings.CELERY_BROKER_URL, settings.CACHES['default']['LOCATION'],"
        " settings.CELERY_TASK_ALWAYS_EAGER]))"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="lms.settings.dev", REDIS_URL="redis://10.0.0.5:6380")
    assert json.loads(result.stdout) == ["redis://10.0.0.5:6380/0", "redis://10.0.0.5:6380/1", False]
    result = run_python(code, DJANGO_SETTINGS_MODULE="lms.settings.dev", REDIS_URL="redis://:secret@redis:6379/4")
    assert json.loads(result.stdout) == ["redis://:secret@redis:6379/4", "redis://:secret@redis:6379/5", False]


def test_without_redis_tasks_run_in_process():
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([settings.CELERY_TASK_ALWAYS_EAGER, settings.CACHES['default']['BACKEND'],"
        " settings.DATABASES['default']['ENGINE']]))"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="lms.settings.dev")
    assert json.loads(result.stdout) == [
        True,
        "django.core.cache.backends.locmem.LocMemCache",
        "django.db.backends.sqlite3",
    ]
