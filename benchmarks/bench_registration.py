"""Registration under concurrency: 500 people try to register at the same moment for an event
of 100 seats, on SQLite and on PostgreSQL — exactly 100 must be confirmed, 400 waitlisted, no
attempt may fail; then 20 confirmed people cancel at the same moment and the first 20 people
waiting (in the order they registered) must get their seats, no one else.

Each attempt is a POST of the registration form (`events:register`) by a logged-in person,
through Django's request handling (middleware, form, service), from PARALLEL worker processes
started together (each process has its own database connection, as server workers do), each
taking its share of the 500 people. SQLite: a throwaway file (WAL, IMMEDIATE transactions, as
configured); PostgreSQL: a throwaway database on the server of DATABASE_URL, when it names one.

    .venv/bin/python benchmarks/bench_registration.py
"""

import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PEOPLE, SEATS, CANCELLING = 500, 100, 20
PARALLEL = 16  # worker processes
DATABASE = "passerelle_bench_registration"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def postgres_server() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return urlunsplit(urlsplit(url)._replace(path=""))


def _admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def database_url(target: str) -> str:
    if target == "sqlite":
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='passerelle-bench-')) / 'db.sqlite3'}"
    _admin(target, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    _admin(target, f"CREATE DATABASE {DATABASE}")
    return f"{target}/{DATABASE}"


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # the test client's host allowed, e-mail kept in memory


def prepare() -> tuple[int, list[int]]:
    """The event and the people; returns the event's id and the people's ids."""
    import datetime

    from django.core.management import call_command

    from passerelle.accounts.tests.factories import OrganisationFactory, UserFactory
    from passerelle.events.models import Event, EventPartner

    call_command("migrate", verbosity=0)
    organiser = OrganisationFactory(type="international_organisation")
    event = Event.objects.create(
        slug="bench", title="Bench", language="en", kind="conference", format="in_person",
        status="published", starts_on=datetime.date(2030, 1, 1),
        ends_on=datetime.date(2030, 1, 2), time_zone="Europe/Zurich", capacity=SEATS,
    )  # fmt: skip
    EventPartner.objects.create(event=event, organisation=organiser, role="organiser")
    return event.pk, [UserFactory().pk for _ in range(PEOPLE)]


def _post_as(user_id: int, path: str, data: dict):
    from django.test import Client

    from passerelle.accounts.models import User

    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(pk=user_id))
    return client.post(path, data)


def register_worker(url: str, slug: str, user_ids: list[int], ready, start, results) -> None:
    """One worker process: once ready, wait for the start, then register its people one after
    another (each form with its one-time token, as the page gives it)."""
    setup_django(url)
    import uuid

    from django.urls import reverse

    path = reverse("events:register", kwargs={"slug": slug})
    ready.put(os.getpid())
    start.wait()
    for user_id in user_ids:
        form = {"registration_type": "observer", "submission": str(uuid.uuid4())}
        response = _post_as(user_id, path, form)
        results.put((user_id, response.status_code, time.monotonic()))


def cancel_worker(url: str, codes: list[str], ready, start, results) -> None:
    setup_django(url)
    from django.urls import reverse

    from passerelle.events.models import Registration

    ready.put(os.getpid())
    start.wait()
    for code in codes:
        registration = Registration.objects.get(code=code)
        path = reverse("events:registration_cancel", kwargs={"code": code})
        response = _post_as(registration.user_id, path, {})
        results.put((code, response.status_code, time.monotonic()))


def in_parallel(target, shares: list[list], url: str, *arguments) -> tuple[list, float]:
    context = multiprocessing.get_context("spawn")
    ready, start, results = context.Queue(), context.Event(), context.Queue()
    workers = [
        context.Process(target=target, args=(url, *arguments, share, ready, start, results))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    for _ in workers:  # every worker has set Django up and waits
        ready.get(timeout=300)
    began = time.monotonic()
    start.set()
    outcomes = [results.get(timeout=600) for _ in range(sum(len(share) for share in shares))]
    for worker in workers:
        worker.join()
    return outcomes, max(outcome[2] for outcome in outcomes) - began


def _database_name(connection) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def run_one(target: str) -> dict:
    url = database_url(target)
    setup_django(url)
    from django.db import connection

    from passerelle.events.models import Event, Registration

    event_id, people = prepare()
    event = Event.objects.get(pk=event_id)
    vendor = _database_name(connection)
    connection.close()
    log(f"{vendor}: {PEOPLE} people, {SEATS} seats, {PARALLEL} processes")
    shares = [people[i::PARALLEL] for i in range(PARALLEL)]
    outcomes, seconds = in_parallel(register_worker, shares, url, event.slug)
    registrations = Registration.objects.filter(event=event)
    figures = {
        "database": vendor,
        "statuses": {
            code: sum(1 for o in outcomes if o[1] == code) for code in {o[1] for o in outcomes}
        },
        "confirmed": registrations.filter(status="confirmed").count(),
        "waitlisted": registrations.filter(status="waitlisted").count(),
        "rows": registrations.count(),
        "seats_taken": Event.objects.get(pk=event_id).seats_taken,
        "seconds": seconds,
    }
    waiting = list(
        registrations.filter(status="waitlisted")
        .order_by("created", "id")
        .values_list("pk", flat=True)
    )
    cancelling = list(
        registrations.filter(status="confirmed").values_list("code", flat=True)[:CANCELLING]
    )
    log(f"  {CANCELLING} cancellations at once")
    outcomes, seconds = in_parallel(cancel_worker, [cancelling[i::4] for i in range(4)], url)
    promoted = set(
        registrations.filter(pk__in=waiting, status="confirmed").values_list("pk", flat=True)
    )
    figures.update(
        cancel_statuses={
            code: sum(1 for o in outcomes if o[1] == code) for code in {o[1] for o in outcomes}
        },
        promoted_in_order=promoted == set(waiting[:CANCELLING]),
        promoted=len(promoted),
        confirmed_after=registrations.filter(status="confirmed").count(),
        cancel_seconds=seconds,
    )
    connection.close()
    if target != "sqlite":
        _admin(target, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return figures


def report(results: list[dict]) -> str:
    lines = [
        "## Registration under concurrency — `benchmarks/bench_registration.py`",
        "",
        f"{PEOPLE} people POST the registration form of an event of {SEATS} seats at the same "
        f"moment, from {PARALLEL} worker processes (each with its own database connection, "
        "as server workers), through Django's whole request handling; then "
        f"{CANCELLING} confirmed people cancel at the same moment (4 processes). What must hold: "
        f"exactly {SEATS} confirmed, the rest waitlisted, no server error; the cancelled seats "
        "go to the first people waiting, in the order they registered.",
        "",
        "| Database | Responses | Confirmed | Waitlisted | Seats taken | Time | Cancellations "
        "| Promoted (first waiting, in order) | Confirmed after |",
        "|---|---|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in results:
        responses = ", ".join(f"{n} x {code}" for code, n in sorted(r["statuses"].items()))
        cancels = ", ".join(f"{n} x {code}" for code, n in sorted(r["cancel_statuses"].items()))
        in_order = "yes" if r["promoted_in_order"] else "**no**"
        lines.append(
            f"| {r['database']} | {responses} | {r['confirmed']} | {r['waitlisted']} | "
            f"{r['seats_taken']} | {r['seconds']:.1f} s | {cancels} | {r['promoted']} ({in_order}) "
            f"| {r['confirmed_after']} |"
        )
    errors = [r for r in results if any(code >= 500 for code in r["statuses"])]
    lines += [
        "",
        "Responses are HTTP status codes: 302 is the redirect to the person's registration page "
        "after a registration was saved. "
        + ("**Server errors occurred.**" if errors else "No server error on either database."),
    ]
    return "\n".join(lines)


def main() -> None:
    import json
    import subprocess

    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2])))
        return
    targets = ["sqlite"] + ([postgres_server()] if postgres_server() else [])
    results = []
    for target in targets:
        output = subprocess.run(
            [sys.executable, __file__, "--one", target], stdout=subprocess.PIPE, text=True,
            check=True,
        ).stdout  # fmt: skip
        figures = json.loads(output.strip().splitlines()[-1])
        figures["statuses"] = {int(k): v for k, v in figures["statuses"].items()}
        figures["cancel_statuses"] = {int(k): v for k, v in figures["cancel_statuses"].items()}
        results.append(figures)
    print(report(results))


if __name__ == "__main__":
    main()
