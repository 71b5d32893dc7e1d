"""The test suite: fast hashing, email kept in memory, database and Redis from the environment."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-that-is-long-enough-for-the-tests-only-0123456789"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = BASE_URL = "http://testserver"
if os.environ.get("REDIS_URL"):
    # Keep test keys apart from a development server's on the same Redis.
    CACHES["default"]["KEY_PREFIX"] = "lms-test"  # noqa: F405
PACKAGE_CONTENT_ORIGIN = "http://content.testserver"
