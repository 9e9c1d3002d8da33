"""Production: the same settings as base, hardened for HTTPS, with background tasks queued in
Redis. Configure with environment variables only (DATABASE_URL, REDIS_URL, SECRET_KEY,
ALLOWED_HOSTS, EMAIL_*, TASKS_BACKEND)."""

import os

from django.core.exceptions import ImproperlyConfigured

# Workers here are `manage.py rqworker --with-scheduler default` against REDIS_URL unless
# TASKS_BACKEND says otherwise (docs/adr/0005-task-backends-and-retries.md). Set before base.py
# reads it, so that base.py alone turns the name into settings.
os.environ.setdefault("TASKS_BACKEND", "redis")

from .base import *  # noqa: F403

if "SECRET_KEY" not in os.environ:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
