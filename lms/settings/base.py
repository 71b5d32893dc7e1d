"""Settings shared by every environment. Everything that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    # Project apps come first so their templates and static files win.
    "lms.core",
    "lms.accounts",
    "lms.xapi",
    "hubs",
    "courses",
    "conference",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.core.middleware.RejectNulMiddleware",
    "lms.core.middleware.RememberLanguageMiddleware",
    "lms.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite as a web server's database (the `make run` default): wait up to 20 s for a lock instead of failing
    # at once, take the write lock when a transaction starts (two readers that both later write would otherwise
    # deadlock, which no timeout cures), and let readers go on while one writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: absent, tasks run in-process and the cache is local memory; present, the broker uses the URL's
# database (0 when it names none) and the cache the next one, so flushing one never drops the other.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_database(url, offset):
    """The same Redis server as ``url``, on the URL's database number plus ``offset``."""
    scheme, _, rest = url.rstrip("/").partition("://")
    host, _, number = rest.partition("/")
    return f"{scheme}://{host}/{int(number or 0) + offset}"


if REDIS_URL:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", redis_database(REDIS_URL, 0))
    CACHES = {
        "default": {
            # Degrades to no cache while Redis is unreachable (lms/core/cache.py): pages render from the database.
            "BACKEND": "lms.core.cache.DegradingRedisCache",
            "LOCATION": os.environ.get("CACHE_URL", redis_database(REDIS_URL, 1)),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lms"),
            "RETRY_AFTER": 5,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
        # Django's {% cache %} fragments: keyed on what they show (the course beside a lesson: the page-cache
        # generation and the learner's point in the course), so each process may keep its own, in memory.
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 600},
    }
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CELERY_BROKER_URL = "memory://"
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True

CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a task while the broker is down gives up after one quick retry (kombu's default retries
# for about six seconds) and leaves the work to the beat tasks' sweeps; the worker reconnects on its own terms.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TIMEZONE = "UTC"
# Periodic tasks run by `celery beat` (or `celery worker -B`); each app lists its own here.
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {"task": "lms.core.tasks.clear_expired_sessions", "schedule": 24 * 3600},
    "xapi-deliver-due": {
        "task": "lms.xapi.tasks.deliver_due",
        "schedule": int(os.environ.get("XAPI_FORWARD_SWEEP", "60")),
    },
    "hubs-check-open-data-portals": {"task": "hubs.tasks.check_all_portals", "schedule": 24 * 3600},
    "xapi-abandon-expired-cmi5-sessions": {
        "task": "lms.xapi.tasks.abandon_expired_cmi5_sessions",
        "schedule": int(os.environ.get("CMI5_ABANDON_SWEEP", "900")),
    },
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "lms.accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:my_learning"

# django-allauth: the email address is the login.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
# How many reverse proxies of our own stand in front of the site; rate limits read the client's address
# through them from X-Forwarded-For (lms/core/client_ip.py). 0: REMOTE_ADDR, X-Forwarded-For ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
# Dates as each language writes them; English follows international usage, day first (lms/formats/en).
FORMAT_MODULE_PATH = ["lms.formats"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The browser libraries installed by `make` from package.json (npm), served under /static/vendor/.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/scorm-again", NODE_MODULES / "scorm-again" / "dist"),
    ("vendor/h5p-standalone", NODE_MODULES / "h5p-standalone" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "innovation@ipu.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Centre for Innovation in Parliament"
# Wagtail's database backend, with SQLite's full-text quoting fixed (lms/core/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "lms.core.search_backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "json", "odt", "pdf", "pptx", "txt", "vtt", "xlsx", "xml", "zip"]
# Documents are always served through Wagtail's view, which checks a private collection's privacy (docs/roles.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Sessions live in the database only. A cached copy would outlive a logout or password change made while Redis
# was down (the cache could not be told) and sign the reader in again once Redis is back.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The anonymous page cache (lms/core/page_cache.py) keeps one copy per address and per value of these cookies.
PAGE_CACHE_VARY_COOKIES = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# xAPI (lms.xapi): forwarding to external LRSs, retried with doubling waits up to a cap.
XAPI_FORWARD_BACKOFF = int(os.environ.get("XAPI_FORWARD_BACKOFF", "10"))
XAPI_FORWARD_BACKOFF_MAX = int(os.environ.get("XAPI_FORWARD_BACKOFF_MAX", "3600"))
XAPI_FORWARD_MAX_ATTEMPTS = int(os.environ.get("XAPI_FORWARD_MAX_ATTEMPTS", "12"))
XAPI_FORWARD_TIMEOUT = int(os.environ.get("XAPI_FORWARD_TIMEOUT", "20"))
# How long a worker may hold a batch before another may send it (a worker killed mid-batch).
XAPI_FORWARD_LEASE = int(os.environ.get("XAPI_FORWARD_LEASE", "300"))
# The key of platform statement ids (see lms.xapi.api.statement_id_for); empty: the secret key. Set it to keep
# ids stable across a rotation of SECRET_KEY.
XAPI_STATEMENT_ID_KEY = os.environ.get("XAPI_STATEMENT_ID_KEY", "")
H5P_MAX_FILES = int(os.environ.get("H5P_MAX_FILES", "5000"))
H5P_MAX_BYTES = int(os.environ.get("H5P_MAX_BYTES", str(200 * 1024 * 1024)))
XAPI_LAUNCH_TOKEN_AGE = int(os.environ.get("XAPI_LAUNCH_TOKEN_AGE", str(8 * 3600)))
# cmi5: how long an AU session's auth token lives after launch (it dies sooner, at terminated or abandoned).
CMI5_SESSION_AGE = int(os.environ.get("CMI5_SESSION_AGE", str(4 * 3600)))
# Seconds a client may take to send a request body to the LRS under gunicorn (then 408); see gunicorn.conf.py.
XAPI_BODY_TIMEOUT = int(os.environ.get("XAPI_BODY_TIMEOUT", "30"))
# The xAPI version (1.0.3 or 2.0.0) of the answer to a request that names none: its 400 says which version to use.
XAPI_DEFAULT_VERSION = os.environ.get("XAPI_DEFAULT_VERSION", "1.0.3")
XAPI_MAX_REQUEST_SIZE = int(os.environ.get("XAPI_MAX_REQUEST_SIZE", str(50 * 1024 * 1024)))
# A page of GET /xapi/statements stops once its statements reach this many characters of JSON (then `more`).
XAPI_STATEMENTS_PAGE_BYTES = int(os.environ.get("XAPI_STATEMENTS_PAGE_BYTES", str(2 * 1000 * 1000)))

# The demo loader creates its sample accounts only where this is true (dev settings).
DEMO_USERS = False

# Content packages (courses.packages): limits on an upload, and the separate origin that serves package files,
# so a package's JavaScript can never read the platform's cookies or call its admin. The default swaps
# 127.0.0.1 and localhost, which browsers treat as two sites, so `make run` works without configuration.
PACKAGE_MAX_FILES = int(os.environ.get("PACKAGE_MAX_FILES", "10000"))
PACKAGE_MAX_BYTES = int(os.environ.get("PACKAGE_MAX_BYTES", str(500 * 1024 * 1024)))  # once unzipped
PACKAGE_MAX_MANIFEST_BYTES = int(os.environ.get("PACKAGE_MAX_MANIFEST_BYTES", str(5 * 1024 * 1024)))


def _default_content_origin(base_url):
    for platform, content in (("//127.0.0.1", "//localhost"), ("//localhost", "//127.0.0.1")):
        if platform in base_url:
            return base_url.replace(platform, content, 1)
    return ""


PACKAGE_CONTENT_ORIGIN = os.environ.get("PACKAGE_CONTENT_ORIGIN", _default_content_origin(BASE_URL)).rstrip("/")
# Addresses a hub host (not an administrator) may enrol or invite in bulk in 24 hours: invitations are emails
# to addresses the host typed, so this bounds what a careless or hostile host can send.
BULK_ENROLMENT_DAILY_LIMIT = int(os.environ.get("BULK_ENROLMENT_DAILY_LIMIT", "500"))

# hubs: the Centre and its hubs
# Networks the platform may fetch from although they are not public (lms/core/outbound.py), e.g. an intranet.
OUTBOUND_ALLOWED_NETWORKS = env_list("OUTBOUND_ALLOWED_NETWORKS")
HUBS_PORTAL_CHECK_TIMEOUT = int(os.environ.get("HUBS_PORTAL_CHECK_TIMEOUT", "10"))  # seconds per portal
HUBS_JOIN_RATE_LIMIT = (10, 3600)  # join-request submissions per client address, per period in seconds

# Conference: limits on showcase videos participants upload.
CONFERENCE_SHOWCASE_MAX_UPLOAD_MB = int(os.environ.get("CONFERENCE_SHOWCASE_MAX_UPLOAD_MB", "200"))
CONFERENCE_SHOWCASE_MAX_SECONDS = int(os.environ.get("CONFERENCE_SHOWCASE_MAX_SECONDS", "300"))
CONFERENCE_CAPTIONS_MAX_KB = 512
# The programme and session pages differ by the visitor's chosen time zone (conference/timezones.py).
PAGE_CACHE_VARY_COOKIES = [*PAGE_CACHE_VARY_COOKIES, "conference_tz"]

# Courses
# The Ed25519 private key (PEM) that signs Open Badges; without it, one derived from SECRET_KEY (so changing
# SECRET_KEY would then change the issuer's key: set this in production). See docs/certificates.md.
OPEN_BADGES_SIGNING_KEY = os.environ.get("OPEN_BADGES_SIGNING_KEY", "").replace("\\n", "\n")
