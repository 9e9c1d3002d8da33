#!/usr/bin/env python3
"""Set up and run Passerelle on a machine that has nothing but Python 3.11.

    python3 bootstrap.py demo [--port 8000]   # install, migrate, load demo data, serve + worker
    python3 bootstrap.py test [pytest args]   # install, lint, run Django's checks and the tests

Standard library only: this file runs before any dependency is installed.
"""

import argparse
import contextlib
import hashlib
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
LOCK = ROOT / "requirements.lock"


def heading(title):
    print(f"\n==> {title}", flush=True)


def django_env(settings=None, **extra):
    """The environment for a subprocess: ours, plus a settings module and any extra variables."""
    env = {**os.environ, **extra}
    if settings:
        env["DJANGO_SETTINGS_MODULE"] = settings
    else:
        env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    return env


def run(title, *command, env=None):
    """Run one step from the repository root; on failure, exit with its code."""
    heading(title)
    code = subprocess.run(command, cwd=ROOT, env=env or django_env()).returncode
    if code:
        print(f"\n!! {title}: failed (exit code {code})", file=sys.stderr)
        sys.exit(code)


def manage(title, *args, env=None):
    run(title, PYTHON, "manage.py", *args, env=env)


def install():
    """Create .venv and install the locked dependencies, unless this lock file is installed."""
    if not PYTHON.exists():
        run("Creating .venv", sys.executable, "-m", "venv", VENV)
    stamp = VENV / f".installed-{hashlib.sha256(LOCK.read_bytes()).hexdigest()}"
    if stamp.exists():
        heading(f"Dependencies already installed ({LOCK.name} unchanged)")
        return
    run("Installing dependencies", PYTHON, "-m", "pip", "install", "-r", LOCK)
    run("Installing Passerelle", PYTHON, "-m", "pip", "install", "--no-deps", "-e", ROOT)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def compile_translations():
    manage("Compiling translations", "compiletranslations")


def demo(args):
    env = django_env()
    env.pop("DEBUG", None)  # DEBUG off: WhiteNoise serves the collected static files.
    # The default SQLite database lives in var/ (see config/settings/base.py).
    Path(env.get("PASSERELLE_VAR_DIR", ROOT / "var")).mkdir(parents=True, exist_ok=True)
    manage("Applying migrations", "migrate", "--noinput", env=env)
    manage("Collecting static files", "collectstatic", "--noinput", env=env)
    manage("Loading demo data", "demo", env=env)
    url = f"http://127.0.0.1:{args.port}/"
    heading(f"Serving Passerelle at {url} (Ctrl+C to stop)")
    # Background tasks (e-mail) wait in the database for this worker (TASKS_BACKEND=database);
    # the scheduler queues the periodic ones (catch-up sweep, digests).
    worker = subprocess.Popen([PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=env)
    print(f"Background worker running: manage.py db_worker (pid {worker.pid})", flush=True)
    scheduler = subprocess.Popen([PYTHON, "manage.py", "scheduler"], cwd=ROOT, env=env)
    print(f"Periodic jobs running: manage.py scheduler (pid {scheduler.pid})", flush=True)
    # A plain SIGTERM would end this process without its `finally`, orphaning the children.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    server, code = None, 0
    try:
        # --noreload: the reloader would serve from a grandchild that outlives a stopped child.
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{args.port}"],
            cwd=ROOT,
            env=env,
        )
        code = server.wait()
    except KeyboardInterrupt:
        # Ctrl+C reached the whole process group: the children are stopping by themselves
        # (the worker finishes its current task first); give them a moment before SIGTERM.
        for child in (server, worker, scheduler):
            if child is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(5)
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up
        for child in (server, worker, scheduler):
            if child is not None:
                stop(child)
    sys.exit(code)


def stop(process, timeout=10):
    """Stop a child process: SIGTERM, then SIGKILL if it still runs `timeout` seconds later."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def pytest_args(extra):
    """The caller's pytest arguments, plus two xdist workers unless they choose otherwise."""
    chosen = any(a.startswith(("-n", "--numprocesses")) or "no:xdist" in a for a in extra)
    return extra if chosen else ["-n", "2", *extra]


def test(args):
    test_env = django_env("config.settings.test")
    production_env = django_env(
        "config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48)[:50],
        ALLOWED_HOSTS="passerelle.example.org",
        # Production queues tasks in Redis and refuses to start without it; no check connects.
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    run("Lint: ruff check", VENV / "bin" / "ruff", "check", ".")
    run("Format: ruff format --check", VENV / "bin" / "ruff", "format", "--check", ".")
    manage("Django system checks (test settings)", "check", env=test_env)
    manage(
        "Django deployment checks (production settings)",
        *("check", "--deploy", "--fail-level", "WARNING"),
        env=production_env,
    )
    manage(
        "Migrations match the models",
        *("makemigrations", "--check", "--dry-run"),
        env=test_env,
    )
    manage("Translation catalogues are up to date", "checktranslations", env=test_env)
    run("Test suite: pytest", VENV / "bin" / "pytest", *pytest_args(args.pytest_args), env=test_env)
    heading("All checks passed")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"Passerelle needs Python 3.11; this is {sys.version.split()[0]}.")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="set up, load demo data and serve on localhost")
    demo_parser.add_argument("--port", type=int, default=8000)
    demo_parser.set_defaults(handler=demo)
    test_parser = commands.add_parser(
        "test",
        help="set up, lint, check and run the test suite",
        description="Any further arguments are passed to pytest.",
    )
    test_parser.set_defaults(handler=test)
    args, extra = parser.parse_known_args()
    if extra and args.command != "test":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.pytest_args = extra
    install()
    compile_translations()
    args.handler(args)


if __name__ == "__main__":
    main()
