"""Settings shared by every environment.

Everything that differs between a laptop and a cluster comes from environment variables; with
none set, the embedded default runs (SQLite in WAL mode, local-memory cache, console e-mail,
background tasks queued in the database for `manage.py db_worker`). `production.py` adds the
hardening that needs HTTPS and queues tasks in Redis.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PASSERELLE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The embedded default is a local demo; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-embedded-default-for-local-demo-only")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes patch cleanly.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Passerelle, ground floor first (see docs/architecture.md).
    "passerelle.core",
    "passerelle.geo",
    "passerelle.taxonomy",
    "passerelle.accounts",
    "passerelle.community",
    "passerelle.assessments",
    "passerelle.pledges",
    "passerelle.hub",
    "passerelle.projects",
    "passerelle.funding",
    "passerelle.search",
    "passerelle.knowledge",
    "passerelle.events",
    "passerelle.diaspora",
    "passerelle.reviews",
    "passerelle.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "passerelle" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "passerelle.core.context_processors.platform",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite runs in WAL mode with IMMEDIATE transactions so that select_for_update() and
# concurrent writers behave (STACK-NOTES: without it SQLite silently ignores row locks).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=20000;"
    ),
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    else:
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "passerelle.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (and so rate limits, allauth's throttles, DRF throttling) -------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A hung Redis would otherwise block each call for the client's default 5 s.
            "OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
            "KEY_PREFIX": "passerelle",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background tasks (docs/adr/0005-task-backends-and-retries.md) --------------------------
# One API (django_tasks), three backends. `immediate` runs a task inside the request (the tests);
# `database` queues it as a row for `manage.py db_worker` (the embedded default: nothing more to
# install, and `bootstrap.py demo` starts the worker); `redis` queues it in Redis for
# `manage.py rqworker --with-scheduler default` (production's default, see production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
}


def task_backend(name: str) -> str:
    """The django-tasks backend class for a TASKS_BACKEND value."""
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
    if name == "redis" and not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=redis needs REDIS_URL.")
    return TASK_BACKENDS[name]


def redis_url_with_timeouts(url: str) -> str:
    """`url` with the cache's socket timeouts, unless it sets its own. django-rq reads only the
    URL; its workers raise the read timeout above their blocking wait themselves."""
    parts = urlsplit(url)
    query = {"socket_timeout": "1", "socket_connect_timeout": "1", **dict(parse_qsl(parts.query))}
    return urlunsplit(parts._replace(query=urlencode(query)))


TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": task_backend(TASKS_BACKEND), "QUEUES": ["default"]}}
if TASKS_BACKEND == "redis":
    # django-rq holds the RQ backend's queue settings and brings the `rqworker` command and a
    # queue dashboard in the admin (failed jobs included); the RQ backend's check requires it.
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": redis_url_with_timeouts(REDIS_URL)}}
    # Workers must load jobs with django-tasks-rq's Job, which runs the task: RQ's own Job would
    # call the Task object and fail. Set here, `rqworker` needs no --job-class.
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "passerelle.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "passerelle.accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Passerelle] "

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Passerelle <noreply@passerelle.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# --- Static files and uploads ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "passerelle" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files only some people may read (assessment evidence) are kept out of MEDIA_ROOT, which a web
# server may serve as it is; views check the permission and stream them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security headers that hold everywhere --------------------------------------------------
# Strict CSP: everything from our own origin, no inline script or style. The admin and the API
# docs (Swagger UI from drf-spectacular-sidecar) work under it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Stories' videos: the allow-listed hosts' privacy-enhanced players (DIASPORA
        # ["VIDEO_HOSTS"]), and video files linked over https.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "media-src": ["'self'", "https:"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["passerelle.api.permissions.PolicyPermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "passerelle.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "passerelle.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "60/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "600/minute"),
    },
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Passerelle API",
    "DESCRIPTION": "Open API of the Passerelle capacity-development platform.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # One name for the e-mail frequency choices, used by every notification kind's preference.
    "ENUM_NAME_OVERRIDES": {
        "EmailFrequencyEnum": "passerelle.community.choices.EmailFrequency",
        "FrameworkVersionStatusEnum": "passerelle.assessments.choices.VersionStatus",
        "AssessmentStatusEnum": "passerelle.assessments.choices.AssessmentStatus",
        "BenchmarkStatusEnum": "passerelle.assessments.choices.BenchmarkStatus",
        "DisclosureEnum": "passerelle.assessments.choices.Disclosure",
        "PriorityEnum": "passerelle.assessments.choices.Priority",
        "AssessmentScopeEnum": "passerelle.assessments.choices.Scope",
        "RequestStatusEnum": "passerelle.hub.choices.RequestStatus",
        "RequestScopeEnum": "passerelle.hub.choices.RequestScope",
        "ModalityEnum": "passerelle.hub.choices.Modality",
        "RequirementKindEnum": "passerelle.hub.choices.RequirementKind",
        # Offers and pledges have the same four statuses, and drf-spectacular names a set of
        # choices once: one enum for both.
        "PublicationStatusEnum": "passerelle.hub.choices.OfferStatus",
        "CostBasisEnum": "passerelle.hub.choices.CostBasis",
        "MatchStatusEnum": "passerelle.hub.choices.MatchStatus",
        "MatchDecisionEnum": "passerelle.hub.choices.Decision",
        "PledgeFormEnum": "passerelle.pledges.choices.PledgeForm",
        "PledgeTypeEnum": "passerelle.pledges.choices.PledgeType",
        "CompletionEnum": "passerelle.pledges.choices.Completion",
        "ReportingLightEnum": "passerelle.pledges.choices.ReportingLight",
        "ContributionKindEnum": "passerelle.funding.choices.ContributionKind",
        "TransactionKindEnum": "passerelle.funding.choices.TransactionKind",
        # Calls for proposals and calls for practices have the same three statuses.
        "CallStatusEnum": "passerelle.funding.choices.CallStatus",
        "KnowledgeItemStatusEnum": "passerelle.knowledge.choices.ItemStatus",
        "KnowledgeItemKindEnum": "passerelle.knowledge.choices.ItemKind",
        "KnowledgeScopeEnum": "passerelle.knowledge.choices.Scope",
        "EventFormatEnum": "passerelle.events.choices.EventFormat",
        "SpeakerRoleEnum": "passerelle.events.choices.SpeakerRole",
    },
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Passerelle -----------------------------------------------------------------------------
INVITATION_VALID_DAYS = 14

# The community layer's limits (Discourse's trust levels, Decidim's hiding threshold). A new
# account is at trust level 0 until it has taken part for a while or belongs to an organisation.
ASSESSMENTS = {
    # Evidence files: the largest accepted, and the kinds (extension → what the content must be).
    "EVIDENCE_MAX_BYTES": int(os.environ.get("ASSESSMENTS_EVIDENCE_MAX_MB", "10")) * 1024 * 1024,
    "EVIDENCE_PER_ANSWER": 10,
    # How many signatures of verified focal points an assessment may require at most.
    "MAX_SIGNATORIES": 5,
    "PEERS_SHOWN": 5,
}
# The hub's matcher (docs/adr/0011-matching.md): how many matches each request and offer keeps,
# the lowest score worth proposing, the score at which both parties are told, the score below
# which the brokering console lists a request as lacking good matches. The criteria's weights
# are the secretariat's to tune (/hub/matching/weights/); these are the first ones.
HUB_MATCHING = {
    "PER_ITEM": 20,
    "MINIMUM_SCORE": 0.4,
    "NOTIFY_SCORE": 0.6,
    "GOOD_SCORE": 0.55,
    # Similar requests of other organisations shown on a request's page (peer exchange).
    "PEERS": 5,
    "WEIGHTS": {
        "areas": 15,
        "objectives": 10,
        "support_types": 15,
        "geography": 10,
        "languages": 10,
        "modality": 5,
        "timing": 5,
        "capacity": 5,
        "track_record": 5,
        "semantic": 30,
    },
}
# Pledges: how often progress is reported unless a pledge says otherwise, and how early a report
# due counts as soon (the amber light).
PLEDGES = {
    "REPORTING_INTERVAL_MONTHS": 6,
    "DUE_SOON_DAYS": 30,
}
# Projects: how long after a reporting period ends its values can still be entered, how early
# reporters are reminded, the default progress rules (the secretariat changes them in the UI),
# and who publishes the IATI export (an IATI organisation identifier and its type).
PROJECTS = {
    "LOCK_AFTER_DAYS": 30,
    "REMIND_DAYS_BEFORE": 7,
    "PROGRESS_RULES": {"ON_TRACK_FROM": 90, "AT_RISK_FROM": 60},
    "IATI_PUBLISHER": {
        "ref": os.environ.get("IATI_PUBLISHER_REF", "XI-PASSERELLE"),
        "type": os.environ.get("IATI_PUBLISHER_TYPE", "90"),
        "name": os.environ.get("IATI_PUBLISHER_NAME", "Passerelle"),
    },
}
# Funding (issue 7). Co-funding by individuals and non-traditional donors: the smallest and the
# largest contribution to one request or project, in US dollars. CONTRIBUTOR_NAMES says who sees
# contributors' names: "public" (everyone, unless a person asked to stay anonymous), "members"
# (signed-in users only) or "recipients" (the recipients and the secretariat only).
FUNDING = {
    "COFUNDING_MIN_USD": os.environ.get("FUNDING_COFUNDING_MIN_USD", "10"),
    "COFUNDING_MAX_USD": os.environ.get("FUNDING_COFUNDING_MAX_USD", "50000"),
    "CONTRIBUTOR_NAMES": os.environ.get("FUNDING_CONTRIBUTOR_NAMES", "public"),
}
KNOWLEDGE = {
    # A resource's file: the largest accepted (its kind is checked as evidence files are).
    "FILE_MAX_BYTES": int(os.environ.get("KNOWLEDGE_FILE_MAX_MB", "20")) * 1024 * 1024,
}
DIASPORA = {
    # Videos are embedded only from these hosts (as a privacy-enhanced iframe, never their
    # scripts), or played from a direct link to a video file; other links are shown as links.
    "VIDEO_HOSTS": (
        "www.youtube-nocookie.com",
        "youtube.com",
        "www.youtube.com",
        "youtu.be",
        "vimeo.com",
        "player.vimeo.com",
    ),
    "VIDEO_FILE_EXTENSIONS": (".mp4", ".webm", ".ogv"),
    "COURSE_FILE_MAX_BYTES": int(os.environ.get("DIASPORA_COURSE_FILE_MAX_MB", "20")) * 1024 * 1024,
}
# Machine translation of user content: a dotted path to a core.content_translation
# .TranslationProvider subclass. None: nothing is sent anywhere (the default).
CONTENT_TRANSLATION_PROVIDER = os.environ.get("CONTENT_TRANSLATION_PROVIDER") or None
COMMUNITY = {
    "REPORTS_TO_HIDE": int(os.environ.get("COMMUNITY_REPORTS_TO_HIDE", "3")),
    "EDIT_WINDOW_MINUTES": 30,
    "DUPLICATE_WINDOW_MINUTES": 10,
    "TRUST_AFTER_DAYS": 3,
    "TRUST_AFTER_COMMENTS": 3,
    "NEW_ACCOUNT_COMMENTS_PER_HOUR": 5,
    "NEW_ACCOUNT_MAX_LINKS": 1,
    "NEW_ACCOUNT_UPLOADS": False,
    "NEW_ACCOUNT_DIRECT_MESSAGES": False,
    "COMMENTS_PER_HOUR": 60,
    "COMMENTS_PER_PAGE": 20,
    "DIGEST_BATCH_SIZE": 500,
    # Notifications (community/notifications/): the catch-up sweep's batch, and how old an audit
    # entry must be before the sweep passes it (an older id may still be uncommitted); a claim on
    # a notification's e-mail left by a dead worker is taken over after this many minutes.
    "NOTIFY_CATCHUP_BATCH_SIZE": 200,
    "NOTIFY_CATCHUP_SETTLE_SECONDS": 60,
    "EMAIL_CLAIM_TIMEOUT_MINUTES": 60,
    "NOTIFICATIONS_PER_PAGE": 25,
    # Read notifications are deleted after this many days, unread ones after twice as long.
    "NOTIFICATION_RETENTION_DAYS": 180,
}
