"""Test settings: base plus fast password hashing, an in-memory outbox and tasks run in-process."""

import os
import tempfile

# Tasks run inside the test that enqueues them, whatever the environment says (a test of another
# backend overrides TASKS); set before base.py reads it.
os.environ["TASKS_BACKEND"] = "immediate"

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Uploaded test files go to a throw-away directory, not the developer's var/.
    "private": {
        **STORAGES["private"],  # noqa: F405
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="passerelle-test-"), "base_url": None},
    },
}
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    # Throttling has its own test; elsewhere it would make results depend on test order.
    "DEFAULT_THROTTLE_RATES": {"anon": "10000/minute", "user": "10000/minute"},
}
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405

if REDIS_URL:  # noqa: F405
    # Each pytest-xdist worker gets its own Redis database: tests clear the cache and count
    # throttled requests, which must not see another worker's keys.
    from urllib.parse import urlsplit, urlunsplit

    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    parts = urlsplit(REDIS_URL)  # noqa: F405
    CACHES["default"]["LOCATION"] = urlunsplit(parts._replace(path=f"/{8 + worker}"))  # noqa: F405
