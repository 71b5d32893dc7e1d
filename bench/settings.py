"""Settings for benchmarks: production behaviour, served over plain HTTP on 127.0.0.1."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-bench-only-secret-key-bench-only-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("PACKAGE_CONTENT_ORIGIN", "http://localhost")  # package files are not served in benchmarks

from lms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
