"""Funding as contributions accumulate: coverage (required against funded and pledged, by kind)
of a page of 50 requests or projects and of all of them, a pooled fund's balance over many
deposits, and the grant that turns an approved proposal into a project with its transfers.

Each size runs on a fresh throwaway SQLite database. Organisations, open requests and running
projects with their requirements (money in four currencies, expert-days, in-kind items),
contributions in every status and kind, the fund's deposits with their disbursements, and the
approved proposals are inserted in bulk (no services); the grants go through
`services.proposal_fund`. Prints a Markdown section (benchmarks/run.py).

    .venv/bin/python benchmarks/bench_funding.py                # 2,000 and 20,000 contributions
    .venv/bin/python benchmarks/bench_funding.py 1000 5000      # other sizes
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (2_000, 20_000)
REPEAT = 10
PAGE = 50
GRANTS = 5
# Per contribution: a request or project for every 20, a fund deposit for every 10.
PER_OWNER, PER_DEPOSIT = 20, 10
CURRENCIES = {"USD": 1.0, "EUR": 1.08, "CHF": 1.12, "XOF": 0.00165}


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _rates(today: date) -> None:
    """A rate on the first of each month of the last two years, for each currency."""
    from passerelle.funding.models import ExchangeRate

    months = [date(today.year - 2 + (today.month - 1 + n) // 12, (today.month - 1 + n) % 12 + 1, 1)
              for n in range(25)]  # fmt: skip
    ExchangeRate.objects.bulk_create(
        ExchangeRate(currency=code, date=day, usd_per_unit=Decimal(str(rate)))
        for code, rate in CURRENCIES.items()
        if code != "USD"
        for day in months
    )


def generate(count: int) -> dict:
    """`count` contributions over count/20 open requests and count/20 running projects (half
    each), each with money, expert-days and in-kind requirements; count/10 paid deposits into
    one fund; GRANTS approved proposals. Returns what the measures need."""
    from django.core.management import call_command
    from django.utils import timezone

    from passerelle.accounts.models import Organisation
    from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
    from passerelle.funding.choices import (
        ContributionKind,
        ContributionStatus,
        ProposalStatus,
        TransactionKind,
    )
    from passerelle.funding.models import (
        Call,
        Contribution,
        Fund,
        ProjectRequirement,
        Proposal,
        Transaction,
    )
    from passerelle.geo.models import Country
    from passerelle.hub.models import Requirement, SupportRequest
    from passerelle.projects.models import Participant, Project
    from passerelle.taxonomy.models import CapacityArea, GCMObjective

    call_command("migrate", verbosity=0)
    rng = random.Random(17)
    today = timezone.localdate()
    now = timezone.now()
    _rates(today)
    countries = list(Country.objects.order_by("iso3"))
    area = CapacityArea.objects.get(code="WGWS")
    objective = GCMObjective.objects.get(number=23)
    owners = max(PAGE, count // PER_OWNER)
    governments = Organisation.objects.bulk_create(
        Organisation(name=f"Government {n}", slug=f"gov-{n}", type="national_government",
                     verification_status="verified", country=countries[n % len(countries)])
        for n in range(owners)
    )  # fmt: skip
    donor_types = ["national_government", "un_agency", "private_sector", "foundation",
                   "diaspora_organisation", "civil_society"]  # fmt: skip
    donors = Organisation.objects.bulk_create(
        Organisation(name=f"Donor {n}", slug=f"donor-{n}", type=donor_types[n % 6],
                     verification_status="verified" if n % 6 == 0 else "not_required")
        for n in range(60)
    )  # fmt: skip
    editor = MembershipFactory(organisation=governments[0], role="editor").user
    requests = SupportRequest.objects.bulk_create(
        SupportRequest(organisation=government, title=f"Request {n}",
                       description="Training for border officials.", language="en",
                       country=government.country, scope="national", modality="hybrid",
                       working_languages=["en"], starts_on=today, ends_on=today + timedelta(365),
                       status="open", submitted_at=now, published_at=now, created_by=editor)
        for n, government in enumerate(governments)
    )  # fmt: skip
    projects = Project.objects.bulk_create(
        Project(organisation=government, title=f"Project {n}", description="Capacity.",
                objectives="Institutions apply the procedures.", language="en", status=2,
                visibility="public", planned_start=today - timedelta(200),
                planned_end=today + timedelta(500), scope=4, created_by=editor)
        for n, government in enumerate(governments)
    )  # fmt: skip
    Participant.objects.bulk_create(
        Participant(project=project, organisation=project.organisation, role=2)
        for project in projects
    )

    def lines(owner_field, owners_list, model):
        for owner in owners_list:
            currency = rng.choice(list(CURRENCIES))
            money = Decimal(rng.randint(20, 400) * 1000) / Decimal(str(CURRENCIES[currency]))
            yield model(
                **{owner_field: owner},
                kind="money",
                description="Operations",
                quantity=money.quantize(Decimal(1)),
                currency=currency,
            )
            yield model(
                **{owner_field: owner},
                kind="expert_days",
                description="Trainers",
                quantity=Decimal(rng.randint(10, 60)),
            )
            yield model(**{owner_field: owner}, kind="in_kind", description="Equipment",
                        quantity=Decimal(3), currency="USD",
                        estimated_value=Decimal(rng.randint(5, 40) * 1000))  # fmt: skip

    Requirement.objects.bulk_create(lines("request", requests, Requirement), batch_size=5_000)
    ProjectRequirement.objects.bulk_create(
        lines("project", projects, ProjectRequirement), batch_size=5_000
    )

    kinds = [ContributionKind.FINANCIAL] * 6 + [
        ContributionKind.EXPERT_DAYS, ContributionKind.EQUIPMENT, ContributionKind.VENUE,
        ContributionKind.PRO_BONO,
    ]  # fmt: skip
    statuses = list(ContributionStatus.values)

    def contribution(n, **destination):
        kind = rng.choice(kinds)
        currency = rng.choice(list(CURRENCIES))
        rate = Decimal(str(CURRENCIES[currency]))
        usd = Decimal(rng.randint(1, 60) * 1000)
        status = rng.choice(statuses)
        day = today - timedelta(rng.randint(0, 600))
        return Contribution(
            source_organisation=rng.choice(donors), kind=kind,
            description="" if kind == ContributionKind.FINANCIAL else "Help in kind",
            quantity=Decimal(rng.randint(5, 30)) if kind == ContributionKind.EXPERT_DAYS else None,
            amount=(usd / rate).quantize(Decimal(1)), currency=currency, value_date=day,
            usd_per_unit=rate, amount_usd=usd, status=status,
            committed_on=day if status in ("committed", "paid") else None,
            paid_on=day if status == "paid" else None, created_by=editor, **destination,
        )  # fmt: skip

    Contribution.objects.bulk_create(
        (
            contribution(n, **({"request": rng.choice(requests)} if n % 2 else
                               {"project": rng.choice(projects)}))
            for n in range(count)
        ),
        batch_size=5_000,
    )  # fmt: skip

    secretariat = UserFactory(is_broker=True, is_staff=True)
    manager = Organisation.objects.create(
        name="Fund manager", slug="manager", type="un_agency", verification_status="not_required"
    )
    fund = Fund.objects.create(name="Start-up Fund", slug="fund", description="Pooled.",
                               manager=manager)  # fmt: skip
    deposit_count = max(1, count // PER_DEPOSIT)
    deposits = Contribution.objects.bulk_create(
        (
            Contribution(source_organisation=donors[n % len(donors)], fund=fund, amount=Decimal(
                         10_000), currency="USD", value_date=today - timedelta(n % 600),
                         usd_per_unit=Decimal(1), amount_usd=Decimal(10_000),
                         status=ContributionStatus.PAID, committed_on=today, paid_on=today,
                         created_by=editor,
                         earmark_area=area if n % 7 == 0 else None)
            for n in range(deposit_count)
        ),
        batch_size=5_000,
    )  # fmt: skip
    Transaction.objects.bulk_create(
        (
            Transaction(contribution=deposit, kind=TransactionKind.DISBURSEMENT,
                        amount=deposit.amount, value_date=deposit.value_date,
                        usd_per_unit=Decimal(1), amount_usd=deposit.amount, created_by=editor)
            for deposit in deposits
        ),
        batch_size=5_000,
    )  # fmt: skip
    call = Call.objects.create(fund=fund, title="Call", description="Call.", eligibility="All.",
                               budget_ceiling=Decimal(1_000_000), deadline=now + timedelta(30),
                               status="closed", published_at=now)  # fmt: skip
    proposals = []
    for n in range(GRANTS):
        proposal = Proposal.objects.create(
            call=call, organisation=governments[n], title=f"Proposal {n}", summary="Summary.",
            objectives="Objectives.", activities="Activities.", language="en",
            budget=Decimal(50_000), months=18, gender_marker=1, human_rights_marker=1,
            child_marker=0, status=ProposalStatus.APPROVED, submitted_at=now, decided_at=now,
        )  # fmt: skip
        proposal.countries.set([governments[n].country])
        proposal.capacity_areas.set([area])
        proposal.gcm_objectives.set([objective])
        proposals.append(proposal.pk)
    return {
        "requests": [r.pk for r in requests],
        "projects": [p.pk for p in projects],
        "fund": fund.pk,
        "deposits": deposit_count,
        "proposals": proposals,
        "secretariat": secretariat.pk,
        "contributions": Contribution.objects.count(),
    }


def timed(function, repeat: int = REPEAT) -> tuple[float, int]:
    """(median ms, queries of one call), after one untimed call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            function()
            timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, len(queries)


def measure(count: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from passerelle.accounts.models import User
    from passerelle.funding import coverage, services
    from passerelle.funding.models import Fund, Proposal

    started = time.perf_counter()
    data = generate(count)
    setup = time.perf_counter() - started
    print(f"   {count:,} contributions generated in {setup:.0f} s", file=sys.stderr)
    requests, projects = data["requests"], data["projects"]
    fund = Fund.objects.get(pk=data["fund"])
    result = {
        "count": count,
        "setup": setup,
        "owners": len(requests),
        "deposits": data["deposits"],
        "request_page": timed(lambda: coverage.for_requests(requests[:PAGE])),
        "request_all": timed(lambda: coverage.for_requests(requests)),
        "project_page": timed(lambda: coverage.for_projects(projects[:PAGE])),
        "project_all": timed(lambda: coverage.for_projects(projects)),
        "balance": timed(lambda: services.balance(fund)),
    }
    secretariat = User.objects.get(pk=data["secretariat"])
    grants, queries = [], []
    for pk in data["proposals"]:
        proposal = Proposal.objects.get(pk=pk)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            project = services.proposal_fund(actor=secretariat, proposal=proposal)
            grants.append(time.perf_counter() - start)
        queries.append(len(captured))
        assert project.contributions.count() >= 1
    result["grant"] = (statistics.median(grants) * 1000, statistics.median(queries))
    result["transfers"] = Proposal.objects.get(
        pk=data["proposals"][-1]
    ).project.contributions.count()
    result["measured"] = time.perf_counter() - started - setup
    print(f"   measured in {result['measured']:.0f} s", file=sys.stderr)
    return result


def run_size(count: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        pid = os.fork()
        if pid == 0:  # a child per size: a fresh Django on a fresh database
            code = 1
            try:
                configure(Path(folder) / "bench.sqlite3")
                row = measure(count)
                Path(folder, "result").write_text(json.dumps(row))
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        _pid, status = os.waitpid(pid, 0)
        if status != 0:
            raise SystemExit(f"the run with {count:,} contributions failed")
        return json.loads(Path(folder, "result").read_text())


COLUMNS = (
    ("request_page", "Requests, page of 50"),
    ("request_all", "Requests, all"),
    ("project_page", "Projects, page of 50"),
    ("project_all", "Projects, all"),
    ("balance", "Fund balance"),
    ("grant", "Grant (`proposal_fund`)"),
)


def _load(values) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def main() -> None:
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or SIZES
    load, started = os.getloadavg(), time.gmtime()
    rows = []
    for count in sizes:
        print(f"== {count:,} contributions", file=sys.stderr, flush=True)
        rows.append(run_size(count))
    print("## Funding — `benchmarks/bench_funding.py`\n")
    print(
        f"Ran on {time.strftime('%Y-%m-%d %H:%M', started)} UTC, on {os.cpu_count()} "
        f"cores shared with other work: load average (1, 5, 15 min) {_load(load)} when it "
        f"started, {_load(os.getloadavg())} when it ended. The times are those of a busy "
        "machine; the query counts are exact.\n"
    )
    print(
        f"Coverage (`funding.coverage`) of a page of {PAGE} requests or projects and of all "
        "of them, the balance of a pooled fund (`services.balance`) and a grant "
        f"(`services.proposal_fund`): the median of {REPEAT} calls in ms (of {GRANTS} grants, "
        "each on its own approved proposal of 50,000 USD, which draws on five deposits) and, "
        "in brackets, the queries of one call. The data is inserted in bulk (no services) on "
        "a fresh SQLite database per size: one open request and one running project for every "
        f"{PER_OWNER} contributions, each requiring money (in USD, EUR, CHF or XOF), "
        "expert-days and in-kind items; contributions spread at random over them (half to "
        "requests, half to projects) in every status, six in ten money and the rest "
        "expert-days, equipment, venues and pro bono services, in the four currencies; one "
        "paid deposit of 10,000 USD into the fund, with its disbursement, for every "
        f"{PER_DEPOSIT} contributions, one in seven earmarked for a capacity area the "
        "proposals share. Rates: one a month for two years per currency.\n"
    )
    print(
        "| Contributions | Requests / projects | Deposits | "
        + " | ".join(label for _key, label in COLUMNS)
        + " | Generating the data | Measuring |"
    )
    print("|---:|---:|---:|" + "---:|" * (len(COLUMNS) + 2))
    for row in rows:
        print(
            f"| {row['count']:,} | {row['owners']:,} / {row['owners']:,} | "
            f"{row['deposits']:,} | "
            + " | ".join(f"{row[key][0]:,.1f} ({row[key][1]:.0f})" for key, _label in COLUMNS)
            + f" | {row['setup']:,.0f} s | {row['measured']:,.0f} s |"
        )
    print("\n" + reading(rows))


LABELS = {
    "request_page": "the coverage of a page of requests",
    "request_all": "the coverage of all requests",
    "project_page": "the coverage of a page of projects",
    "project_all": "the coverage of all projects",
    "balance": "the fund's balance",
    "grant": "a grant",
}
# Why a measure's time follows the data (what it reads, from the code).
WHY = {
    "request_page": "it groups only its 50 requests' rows, found through the index on the request",
    "request_all": "it groups every requirement and every contribution of every request",
    "project_page": "it groups only its 50 projects' rows, found through the index on the project",
    "project_all": "it groups every requirement and every contribution of every project",
    "balance": "it reads every deposit, with what was paid into it and drawn from it",
    "grant": "it reads the fund's deposits first (the balance), under the fund's lock",
}


def _through(rows, key: str) -> str:
    return " → ".join(f"{row[key][0]:,.1f}" for row in rows)


def reading(rows) -> str:
    """What this shows, from the figures."""
    if len(rows) < 2:
        return "What this shows: one size only; run several to see what grows."
    first, last = rows[0], rows[-1]
    scale = last["count"] / first["count"]
    queries = {key: {row[key][1] for row in rows} for key, _label in COLUMNS}
    steady = [LABELS[key] for key, _label in COLUMNS if len(queries[key]) == 1]
    grew = [key for key, _label in COLUMNS if last[key][0] >= 2 * first[key][0]]
    flat = [key for key, _label in COLUMNS if key not in grew]
    text = [
        f"What this shows, from {first['count']:,} to {last['count']:,} contributions "
        f"(x{scale:.0f}): the number of queries does not grow with the data on "
        + ("every measure" if len(steady) == len(COLUMNS) else "; ".join(steady) or "none")
        + " (coverage: one query for the requirements, one for the contributions, one for the "
        "rates; the balance: the deposits, what was paid into them and what was drawn from "
        "them; a grant: a fixed number of reads and writes, with one transfer and its audit "
        "entry per deposit it draws on)."
    ]
    if grew:
        text.append(
            "Time follows the data on "
            + "; ".join(f"{LABELS[key]} ({_through(rows, key)} ms): {WHY[key]}" for key in grew)
            + "."
        )
    if flat:
        text.append(
            "Time stays flat, within the noise of a shared machine, on "
            + "; ".join(f"{LABELS[key]} ({_through(rows, key)} ms)" for key in flat)
            + "."
        )
    return " ".join(text)


if __name__ == "__main__":
    main()
