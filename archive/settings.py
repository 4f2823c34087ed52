"""Settings for Interview Archive, read from environment variables.

Development is the default (SQLite and Whoosh under var/, debug on). `DJANGO_ENV=production`
switches the defaults to safe ones and makes the secret key and allowed hosts mandatory.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from archive.env import (
    cache_config,
    code_fingerprint,
    env_bool,
    env_int,
    env_list,
    env_str,
    proxy_ssl_header,
    search_connections,
)

BASE_DIR = Path(__file__).resolve().parent.parent
# Where the embedded defaults keep their data: the SQLite database and the Whoosh index.
VAR_DIR = Path(env_str("ARCHIVE_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

ENVIRONMENT = env_str("DJANGO_ENV", "development", choices=("development", "production"))
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY",
    None if PRODUCTION else "django-insecure-development-key-never-use-in-production",
)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", None if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "haystack",
    # Only for its bundled Swagger UI files, so the API docs load nothing from elsewhere.
    "ninja",
    "interviews",
    # Failed sign-ins, counted to lock out password guessing (AXES_* below).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.HeadWithoutBodyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.middleware.SearchUnavailableMiddleware",
    # Innermost, so that what it stores is the view's own response and every header the outer
    # middleware adds (security, CSP) is added again when a stored page is served.
    "interviews.caching.PublicPageCacheMiddleware",
    # Last, as django-axes requires: answers a locked-out sign-in with its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Behind a TLS-terminating proxy (the usual deployment) HTTPS is on by default in production:
# redirect plain HTTP, tell browsers to insist on HTTPS (HSTS), and send cookies over HTTPS only.
HTTPS = env_bool("DJANGO_HTTPS", default=PRODUCTION)
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(env_str("DJANGO_SECURE_PROXY_SSL_HEADER", ""))
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=HTTPS)
# The proxy or load balancer checks health over plain HTTP on the machine itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Our templates need no inline script or style, so the policy allows none: an injected
# <script> in a transcript could not run even if escaping ever failed. Swagger UI draws its icons
# from data: URIs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The partials a page renders many times over, through a tag of the pages above
        # (interviews/jinja.py says why).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "interviews.jinja.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Editors and an ingest may write at once: wait for SQLite's lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

HAYSTACK_CONNECTIONS = search_connections(env_str("SEARCH_URL", f"whoosh://{VAR_DIR / 'whoosh'}"))
# Ingest and editing index explicitly after their transaction commits (interviews.services).
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# The most hits a CSV or JSON export of a search holds (the page says when a search has more).
SEARCH_EXPORT_MAX_HITS = env_int("SEARCH_EXPORT_MAX_HITS", 10_000)

# Public pages are stored here, keyed by the archive's content version (interviews.caching), so
# every worker and every server sharing the database drops them as soon as anything is published
# or edited. The default file cache is shared by the workers of one machine and needs no server;
# development caches nothing, so that an edited template shows at once.
CACHES = {
    "default": cache_config(
        env_str(
            "CACHE_URL",
            f"file://{VAR_DIR / 'cache'}?max_entries=20000" if PRODUCTION else "dummy://",
        )
    )
}
CACHES["default"]["KEY_PREFIX"] = env_str(
    "ARCHIVE_RELEASE", code_fingerprint(BASE_DIR, ("archive", "interviews", "templates"))
)
# How long a stored page may be served at most; invalidation does not depend on it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 24 * 3600)

# The read-only JSON API (interviews.api): requests per client address; the client is the
# address the proxy saw when there are DJANGO_NUM_PROXIES proxies in front.
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/min")
NINJA_NUM_PROXIES = env_int("DJANGO_NUM_PROXIES", 0)
NINJA_PAGINATION_PER_PAGE = 20

# Sign-in is throttled against password guessing (django-axes): after LOGIN_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES
# and sees a page saying so (429). Locking the pair, not the account, means a guesser elsewhere
# cannot lock a real editor out. Attempts are kept in the database, visible in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "archive.clients.client_address"
# Sign-in forms' passwords are never stored with the attempts.
AXES_SENSITIVE_PARAMETERS = ["password"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Outside production WhiteNoise serves straight from the source folders: no collectstatic needed.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Search by meaning's vector index and the talking points' MinHash index live beside the others.
MEANING_INDEX_DIR = Path(env_str("MEANING_INDEX_DIR", str(VAR_DIR / "meaning")))
TALKING_POINTS_DIR = Path(env_str("TALKING_POINTS_DIR", str(VAR_DIR / "talking-points")))

# The largest transcript an editor may upload or an ingest may read.
TRANSCRIPT_MAX_BYTES = env_int("TRANSCRIPT_MAX_BYTES", 20 * 1024 * 1024)
# An editor may paste a transcript as large as an upload, and the preview of a long one posts
# a few fields per turn: Django's defaults (2.5 MB, 1,000 fields) would refuse both.
DATA_UPLOAD_MAX_MEMORY_SIZE = TRANSCRIPT_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
}
