"""Projects pages and exports as projects accumulate: the portfolio (all, and within a region),
one project's page, its framework editor, a period's reporting screen and an indicator's page;
the pages of a country, a GCM objective and a capacity area (their projects, and the project
indicators tagged with the objective or the area); the IATI file of every public project and
the API's list.

Each size runs on a fresh throwaway SQLite database. Organisations, projects, their places,
participants, results frameworks, reporting periods and values are inserted in bulk (no
services), with approved actuals for the periods already over, so that progress is computed on
real data. Prints a Markdown section (benchmarks/run.py).

    .venv/bin/python benchmarks/bench_projects.py              # 100, 1,000 and 5,000 projects
    .venv/bin/python benchmarks/bench_projects.py 100 300      # other sizes
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
# At 5,000 a run takes about 8 minutes on a shared 2-core machine (2 minutes to generate, 6 to
# measure: the IATI file alone takes over a minute a request, hence SLOW_REQUESTS).
SIZES = (100, 1_000, 5_000)
REQUESTS = 10
SLOW_REQUESTS, SLOW_SECONDS = 3, 5.0
PERIODS = 8  # quarterly: the measured project has 5 behind it, the current one and 2 ahead
MEASURED_COUNTRY = "SEN"
MEASURED_REGION = "002"  # Africa: the portfolio filtered by region


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _quarter_start(day: date, quarters: int) -> date:
    """The first day of the calendar quarter `quarters` away from the one holding `day`."""
    index = day.year * 4 + (day.month - 1) // 3 + quarters
    return date(index // 4, index % 4 * 3 + 1, 1)


# The framework of every project: (level, parent index, indicators), impact first; each
# indicator is (measure, disaggregated by sex).
def _shape():
    from passerelle.projects.choices import Measure, ResultType

    return [
        (ResultType.IMPACT, None, [(Measure.PERCENTAGE, False)]),
        (ResultType.OUTCOME, 0, [(Measure.UNIT, True)]),
        (ResultType.OUTCOME, 0, [(Measure.ORDINAL, False)]),
        (ResultType.OUTPUT, 1, [(Measure.UNIT, True)]),
        (ResultType.OUTPUT, 1, [(Measure.UNIT, False)]),
        (ResultType.OUTPUT, 2, [(Measure.QUALITATIVE, False)]),
    ]


def _baseline(measure):
    from passerelle.projects.choices import Measure

    return {
        Measure.PERCENTAGE: Decimal(20),
        Measure.UNIT: Decimal(0),
        Measure.ORDINAL: Decimal(1),
    }.get(measure)


def _target(measure, n: int):
    """The cumulative target of the n-th period (1-based)."""
    from passerelle.projects.choices import Measure

    if measure == Measure.PERCENTAGE:
        return Decimal(min(100, 20 + 8 * n))
    if measure == Measure.UNIT:
        return Decimal(25 * n)
    if measure == Measure.ORDINAL:
        return Decimal(min(5, 1 + (n + 1) // 2))
    return None


def generate(count: int) -> dict:
    """`count` projects over the world's countries (a fifth of them regional, in three countries
    of a sub-region), nine in ten public, mostly running; each with its accountable government
    and an implementing NGO, 1 impact → 2 outcomes → 3 outputs, 6 indicators and 8 quarterly
    periods, a target for every quantitative indicator and period and approved actuals for the
    periods over. Returns what the measures need."""
    from django.core.management import call_command
    from django.utils import timezone

    from passerelle.accounts.models import Organisation
    from passerelle.accounts.tests.factories import MembershipFactory
    from passerelle.geo.models import Country
    from passerelle.projects.choices import (
        Measure,
        ParticipantRole,
        ProjectStatus,
        Scope,
        ValueStatus,
    )
    from passerelle.projects.models import (
        Indicator,
        Participant,
        PeriodValue,
        Project,
        ProjectCountry,
        ProjectRegion,
        ReportingPeriod,
        Result,
    )
    from passerelle.projects.periods import periods_between
    from passerelle.taxonomy.models import CapacityArea, GCMObjective

    call_command("migrate", verbosity=0)
    rng = random.Random(11)
    today = timezone.localdate()
    now = timezone.now()
    countries = list(Country.objects.select_related("region").order_by("iso3"))
    by_subregion: dict[int, list] = {}
    for country in countries:
        by_subregion.setdefault(country.region_id, []).append(country)
    measured_country = next(c for c in countries if c.iso3 == MEASURED_COUNTRY)
    objectives = list(GCMObjective.objects.order_by("number"))
    areas = list(CapacityArea.objects.order_by("code"))

    governments = {
        country.pk: government
        for country, government in zip(
            countries,
            Organisation.objects.bulk_create(
                Organisation(
                    name=f"Government of {country.name}",
                    slug=f"gov-{country.iso3.lower()}",
                    type="national_government",
                    verification_status="verified",
                    country=country,
                )
                for country in countries
            ),
            strict=True,
        )
    }
    ngos = Organisation.objects.bulk_create(
        Organisation(
            name=f"NGO {n}",
            slug=f"ngo-{n}",
            type="civil_society",
            verification_status="not_required",
            country=countries[n % len(countries)],
        )
        for n in range(max(20, count // 10))
    )
    editor = MembershipFactory(organisation=governments[measured_country.pk], role="editor").user
    contributor = MembershipFactory(organisation=ngos[0], role="contributor").user

    # Projects: the first is the one measured (national, in Senegal, public, running).
    plans = []
    for n in range(count):
        measured = n == 0
        regional = not measured and rng.random() < 0.2
        if measured:
            places = [measured_country]
        elif regional:
            subregion = rng.choice([group for group in by_subregion.values() if len(group) >= 3])
            places = rng.sample(subregion, 3)
        else:
            places = [rng.choice(countries)]
        behind = 5 if measured else rng.randint(2, 6)  # quarters already over
        start = _quarter_start(today, -behind) + timedelta(days=rng.randint(0, 20))
        end = _quarter_start(today, PERIODS - behind) - timedelta(days=1)
        plans.append(
            {
                "places": places,
                "regional": regional,
                "start": start,
                "end": end,
                "public": measured or rng.random() < 0.9,
                "status": ProjectStatus.IMPLEMENTATION
                if measured or rng.random() < 0.8
                else rng.choice([ProjectStatus.FINALISATION, ProjectStatus.PIPELINE]),
                "objectives": rng.sample(objectives, 2),
                "areas": rng.sample(areas, 2),
                "ngo": ngos[0] if measured else rng.choice(ngos),
            }
        )
    projects = Project.objects.bulk_create(
        (
            Project(
                organisation=governments[plan["places"][0].pk],
                title=f"Project {n}: migration governance capacity",
                description="Strengthening the institutions that govern migration: training, "
                "procedures and data.",
                objectives="Institutions apply the procedures.",
                language="en",
                status=plan["status"],
                visibility="public" if plan["public"] else rng.choice(["shared", "private"]),
                planned_start=plan["start"],
                planned_end=plan["end"],
                actual_start=plan["start"],
                scope=Scope.REGIONAL if plan["regional"] else Scope.NATIONAL,
                gender_marker=rng.choice([None, 0, 1, 2]),
                human_rights_marker=rng.choice([None, 1]),
                lock_after_days=30,
                created_by=editor,
            )
            for n, plan in enumerate(plans)
        ),
        batch_size=2_000,
    )
    for project, plan in zip(projects, plans, strict=True):
        plan["project"] = project
    ProjectCountry.objects.bulk_create(
        (
            ProjectCountry(project=plan["project"], country=country)
            for plan in plans
            for country in plan["places"]
        ),
        batch_size=5_000,
    )
    ProjectRegion.objects.bulk_create(
        (
            ProjectRegion(project=plan["project"], region_id=plan["places"][0].region_id)
            for plan in plans
            if plan["regional"]
        ),
        batch_size=5_000,
    )
    Participant.objects.bulk_create(
        (
            Participant(project=plan["project"], organisation=organisation, role=role)
            for plan in plans
            for organisation, role in (
                (governments[plan["places"][0].pk], ParticipantRole.ACCOUNTABLE),
                (plan["ngo"], ParticipantRole.IMPLEMENTING),
            )
        ),
        batch_size=5_000,
    )
    Project.gcm_objectives.through.objects.bulk_create(
        (
            Project.gcm_objectives.through(project=plan["project"], gcmobjective=objective)
            for plan in plans
            for objective in plan["objectives"]
        ),
        batch_size=5_000,
    )
    Project.capacity_areas.through.objects.bulk_create(
        (
            Project.capacity_areas.through(project=plan["project"], capacityarea=area)
            for plan in plans
            for area in plan["areas"]
        ),
        batch_size=5_000,
    )

    # Results, level by level (an outcome needs its impact's id).
    shape = _shape()
    results: dict[tuple[int, int], Result] = {}
    for level in sorted({entry[0] for entry in shape}, reverse=True):
        created = Result.objects.bulk_create(
            (
                Result(
                    project=plan["project"],
                    parent=results.get((n, parent)) if parent is not None else None,
                    type=kind,
                    title=f"{kind.label} {index}",
                    position=index,
                )
                for n, plan in enumerate(plans)
                for index, (kind, parent, _indicators) in enumerate(shape)
                if kind == level
            ),
            batch_size=5_000,
        )
        keys = [
            (n, index)
            for n in range(len(plans))
            for index, (kind, _parent, _indicators) in enumerate(shape)
            if kind == level
        ]
        results.update(zip(keys, created, strict=True))

    specs = [
        (n, index, measure, by_sex)
        for n in range(len(plans))
        for index, (_kind, _parent, indicators) in enumerate(shape)
        for measure, by_sex in indicators
    ]
    indicators = Indicator.objects.bulk_create(
        (
            Indicator(
                result=results[(n, index)],
                title=f"{Measure(measure).label} indicator {index}",
                measure=measure,
                unit="people" if measure == Measure.UNIT else "",
                baseline_value=_baseline(measure),
                baseline_date=plans[n]["start"] if _baseline(measure) is not None else None,
                dimensions=[{"dimension": "sex", "categories": ["Female", "Male"]}]
                if by_sex
                else [],
                gcm_objective=rng.choice(plans[n]["objectives"]),
                capacity_area=rng.choice(plans[n]["areas"]),
            )
            for n, index, measure, by_sex in specs
        ),
        batch_size=5_000,
    )

    periods_of: dict[int, list] = {}
    new_periods = []
    for n, plan in enumerate(plans):
        spans = periods_between(plan["start"], plan["end"], "quarterly")
        assert len(spans) == PERIODS, (plan["start"], plan["end"], spans)
        periods_of[n] = [
            ReportingPeriod(project=plan["project"], start=start, end=end) for start, end in spans
        ]
        new_periods += periods_of[n]
    ReportingPeriod.objects.bulk_create(new_periods, batch_size=5_000)

    def values():
        for (n, _index, measure, by_sex), indicator in zip(specs, indicators, strict=True):
            for number, period in enumerate(periods_of[n], start=1):
                target = _target(measure, number)
                value = PeriodValue(indicator=indicator, period=period, target=target)
                if period.end < today:  # over: its actual is reported and approved
                    if measure == Measure.QUALITATIVE:
                        value.narrative = "Procedures were applied at more posts this quarter."
                    else:
                        actual = (target * Decimal(rng.uniform(0.6, 1.15))).quantize(Decimal(1))
                        if measure == Measure.PERCENTAGE:
                            actual = min(actual, Decimal(100))
                        value.actual = actual
                        if by_sex:
                            women = (actual * Decimal("0.48")).quantize(Decimal(1))
                            value.disaggregation = {
                                "sex": {"Female": str(women), "Male": str(actual - women)}
                            }
                    value.status = ValueStatus.APPROVED
                    value.entered_by, value.entered_at = contributor, now
                    value.submitted_at = now
                    value.reviewed_by, value.reviewed_at = editor, now
                yield value

    PeriodValue.objects.bulk_create(values(), batch_size=5_000)

    project = plans[0]["project"]
    current = next(p for p in periods_of[0] if p.start <= today <= p.end)
    return {
        "project": project,
        "period": current,
        "indicator": indicators[1],  # the outcome's count of people, by sex
        "objective": plans[0]["objectives"][0],
        "area": plans[0]["areas"][0],
        "editor": editor,
        "contributor": contributor,
        "public": sum(1 for plan in plans if plan["public"]),
        "indicators": len(indicators),
        "values": PeriodValue.objects.count(),
        "approved": PeriodValue.objects.filter(status=ValueStatus.APPROVED).count(),
        "areas_total": len(areas),
        "country_organisations": Organisation.objects.filter(country=measured_country).count(),
    }


def timed(client, url: str) -> tuple[float, int, int, int]:
    """(median ms, queries of one request, bytes of the response, requests timed). REQUESTS
    requests, or SLOW_REQUESTS when the first one (untimed: it warms the template and content
    type caches) takes more than SLOW_SECONDS: the IATI file takes tens of seconds at the
    largest size. The queries are counted on the timed requests (the cost of counting them is
    a few microseconds per query)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    start = time.perf_counter()
    client.get(url)
    slow = time.perf_counter() - start > SLOW_SECONDS
    timings = []
    for _ in range(SLOW_REQUESTS if slow else REQUESTS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    size = len(b"".join(response)) if response.streaming else len(response.content)
    return statistics.median(timings) * 1000, len(queries), size, len(timings)


def _tagged_count(user, **lookup) -> int:
    from passerelle.projects import selectors

    return len(selectors.tagged_indicators(user=user, **lookup))


def measure(count: int) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    started = time.perf_counter()
    data = generate(count)
    result = {
        "count": count,
        "setup": time.perf_counter() - started,
        **{
            key: data[key]
            for key in (
                "public",
                "indicators",
                "values",
                "approved",
                "areas_total",
                "country_organisations",
            )
        },
    }
    print(f"   {count:,} projects generated in {result['setup']:.0f} s", file=sys.stderr)
    project, period, indicator = data["project"], data["period"], data["indicator"]
    objective, area = data["objective"], data["area"]
    result["objective_indicators"] = _tagged_count(AnonymousUser(), gcm_objective=objective)
    result["area_indicators"] = _tagged_count(AnonymousUser(), capacity_area=area)
    anonymous = Client(HTTP_HOST="localhost")
    pages = {
        "portfolio": "/en/projects/",
        "portfolio_region": f"/en/projects/?region={MEASURED_REGION}",
        "project": f"/en/projects/{project.pk}/",
        "indicator": f"/en/projects/{project.pk}/indicators/{indicator.pk}/",
        "country": f"/en/countries/{MEASURED_COUNTRY}/",
        "objective": f"/en/objectives/{objective.number}/",
        "area": f"/en/capacity-areas/{area.code}/",
        "iati": "/en/projects/iati.xml",
        "api": "/api/v1/projects/",
    }
    for key, url in pages.items():
        result[key] = timed(anonymous, url)
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(data["editor"])
    result["framework"] = timed(editor, f"/en/projects/{project.pk}/results/")
    contributor = Client(HTTP_HOST="localhost")
    contributor.force_login(data["contributor"])
    result["period"] = timed(contributor, f"/en/projects/{project.pk}/periods/{period.pk}/")
    result["measured"] = time.perf_counter() - started - result["setup"]
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
            raise SystemExit(f"the run with {count:,} projects failed")
        return json.loads(Path(folder, "result").read_text())


COLUMNS = (
    ("portfolio", "Portfolio"),
    ("portfolio_region", "Portfolio, one region"),
    ("project", "Project"),
    ("framework", "Framework editor"),
    ("period", "Period report"),
    ("indicator", "Indicator"),
    ("country", "Country"),
    ("objective", "GCM objective"),
    ("area", "Capacity area"),
    ("iati", "IATI file"),
    ("api", "API list"),
)


# The pages as a sentence names them.
NAMES = {
    "portfolio": "portfolio",
    "portfolio_region": "portfolio filtered by a region",
    "project": "project page",
    "framework": "framework editor",
    "period": "period report",
    "indicator": "indicator page",
    "country": "country page",
    "objective": "GCM objective page",
    "area": "capacity-area page",
    "iati": "IATI file",
    "api": "API list",
}


def _cell(figures) -> str:
    mark = " †" if figures[3] != REQUESTS else ""
    return f"{figures[0]:,.0f} ({figures[1]}){mark}"


def _load(values) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def main() -> None:
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or SIZES
    load, started = os.getloadavg(), time.gmtime()
    rows = []
    for count in sizes:
        print(f"== {count:,} projects", file=sys.stderr, flush=True)
        rows.append(run_size(count))
    print("## Projects — `benchmarks/bench_projects.py`\n")
    print(
        f"Ran on {time.strftime('%Y-%m-%d %H:%M', started)} UTC, on {os.cpu_count()} "
        f"cores shared with other work: load average (1, 5, 15 min) {_load(load)} when it "
        f"started, {_load(os.getloadavg())} when it ended. The times are those of a busy "
        "machine; the query counts are exact.\n"
    )
    print(
        f"Projects pages and exports as projects accumulate: the median of {REQUESTS} requests "
        "in ms through Django's test client (whole middleware stack and templates, no network) "
        f"and, in brackets, the queries of one request; † marks the median of {SLOW_REQUESTS} "
        f"requests, for a page whose first request took over {SLOW_SECONDS:.0f} s. The data "
        "is inserted in bulk (no services) on a fresh SQLite database per size: projects over "
        "every country (a fifth regional: three countries of a sub-region, and the "
        "sub-region), nine in ten public, four in five running, each recorded by its country's "
        "government (accountable) with an implementing NGO and tagged with 2 of the 23 GCM "
        f"objectives and 2 of the {rows[-1]['areas_total']} capacity areas; 1 impact → 2 "
        "outcomes → 3 outputs with 6 indicators "
        "(a percentage, an ordinal, three counts of which two by sex, a qualitative one; each "
        "tagged with one of its project's objectives and areas); 8 quarterly reporting periods; "
        "a value per indicator and period, with its target, and an approved actual for the "
        "periods already over (2 to 6 per project), so that progress is computed on real data. "
        "The portfolio is `/en/projects/` (first page: 25 rows with their progress, and the "
        "table by country), also filtered by a region (`?region=002`, Africa). The project "
        "(national, in Senegal, 5 periods over), its indicator page (a count by sex) and the "
        "country page (Senegal) are read anonymously; the framework editor by an editor of the "
        "accountable government; the period report is the current period's screen, read by a "
        "contributor of the implementing NGO (a form per indicator). The GCM objective and "
        "capacity-area pages are tags of the measured project: they list up to 20 projects and "
        "every indicator tagged with the objective or area. The IATI file is "
        "`/en/projects/iati.xml` (every public project); the API list is `/api/v1/projects/` "
        "(first page of 50, anonymous).\n"
    )
    print(
        "| Projects (public) | Indicators | Values (approved) | "
        + " | ".join(label for _key, label in COLUMNS)
        + " |"
    )
    print("|---:|---:|---:|" + "---:|" * len(COLUMNS))
    for row in rows:
        print(
            f"| {row['count']:,} ({row['public']:,}) | {row['indicators']:,} | "
            f"{row['values']:,} ({row['approved']:,}) | "
            + " | ".join(_cell(row[key]) for key, _label in COLUMNS)
            + " |"
        )
    print(
        "\n| Projects | Indicators listed on the objective page | On the capacity-area page "
        "| IATI file | Generating the data | Measuring |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['count']:,} | {row['objective_indicators']:,} | {row['area_indicators']:,} "
            f"| {row['iati'][2] / 1_000_000:,.1f} MB | {row['setup']:,.0f} s "
            f"| {row['measured']:,.0f} s |"
        )
    print("\n" + reading(rows))


def _per(first: dict, last: dict, key: str, items: str) -> float:
    """The ms a page takes per item more, between the smallest and the largest size."""
    return (last[key][0] - first[key][0]) / max(1, last[items] - first[items])


def _why(key: str, first: dict, last: dict) -> str:
    """Why a page's time follows the data (what it reads, from the code)."""
    mb = "{:,.1f} MB".format
    return {
        "iati": "the file holds every public project's activity, with its results, indicators "
        f"and values ({mb(first['iati'][2] / 1e6)} → {mb(last['iati'][2] / 1e6)}), all "
        "prefetched and built in memory for one response: about "
        f"{_per(first, last, 'iati', 'public'):,.0f} ms per public project",
        "objective": "it lists, with no limit, every indicator tagged with the objective "
        f"(`selectors.tagged_indicators`, `projects/_tagged_rows.html`): "
        f"{first['objective_indicators']:,} → {last['objective_indicators']:,} indicators, about "
        f"{_per(first, last, 'objective', 'objective_indicators'):,.1f} ms each",
        "area": "it lists, with no limit, every indicator tagged with the area: "
        f"{first['area_indicators']:,} → {last['area_indicators']:,} indicators, about "
        f"{_per(first, last, 'area', 'area_indicators'):,.1f} ms each (a capacity "
        f"area is on more projects than an objective: 2 of {last['areas_total']} areas per "
        "project, against 2 of 23 objectives)",
        "portfolio": "it counts the projects and groups all of them by country for its table; "
        "the rows shown stay 25",
        "portfolio_region": "it counts the region's projects and groups all of them by country "
        "for its table; the rows shown stay 25",
        "api": "it counts the projects; the rows shown stay 50",
        "country": "it lists at most 20 of the country's projects, and the country has more "
        "of them",
    }.get(key, "it reads one project")


def _queries_why(key: str, first: dict, last: dict) -> str:
    """Why a page's query count changes with the data (found by reading the queries)."""
    if key == "country":
        return (
            "its organisations section, from the accounts app and not projects "
            "(`accounts/_organisation_section.html`, fed by "
            "`accounts.sections.country_organisations`, which does not select the country), "
            "reads each organisation's country with a query of its own, one per organisation "
            f"in the country; the bench's NGOs (one per ten projects, spread over the "
            f"countries) took {MEASURED_COUNTRY} from {first['country_organisations']} to "
            f"{last['country_organisations']} organisations"
        )
    return "not explained"


def reading(rows) -> str:
    """What this shows, from the figures: which pages' queries and times grow with the data."""
    if len(rows) < 2:
        return "What this shows: one size only; run several to see what grows."
    first, last = rows[0], rows[-1]
    scale = last["count"] / first["count"]
    text = [
        f"What this shows, from {first['count']:,} to {last['count']:,} projects (x{scale:.0f}):"
    ]
    changed = [key for key, _label in COLUMNS if len({row[key][1] for row in rows}) > 1]
    steady = sorted({row[key][1] for row in rows for key, _label in COLUMNS if key not in changed})
    text.append(
        f"the number of queries of a page does not grow with the projects ({steady[0]} to "
        f"{steady[-1]} a page, the same at every size)"
        + (
            ", except on "
            + "; ".join(
                f"the {NAMES[key]}, {first[key][1]} → {last[key][1]} queries: "
                + _queries_why(key, first, last)
                for key in changed
            )
            if changed
            else ""
        )
        + "."
    )
    linear, slow, flat = [], [], []
    for key, _label in COLUMNS:
        ratio = last[key][0] / first[key][0]
        per_thousand = (last[key][0] - first[key][0]) / (last["count"] - first["count"]) * 1000
        through = " → ".join(f"{row[key][0]:,.0f}" for row in rows)
        if ratio >= 5:  # the part that follows the data is most of the time
            linear.append(
                f"the {NAMES[key]} ({through} ms, about {per_thousand:,.0f} ms more per "
                f"1,000 projects): {_why(key, first, last)}"
            )
        elif ratio >= 1.5:
            slow.append(
                f"the {NAMES[key]} ({through} ms, about {per_thousand:,.0f} ms more per 1,000 "
                f"projects): {_why(key, first, last)}"
            )
        else:
            flat.append(f"{NAMES[key]} ({through} ms)")
    if linear:
        text.append(
            "Time grows linearly with the number of projects (a fixed part, plus a cost per "
            "project) on " + "; ".join(linear) + "."
        )
    if slow:
        text.append(
            "Time grows slowly (a small part of it follows the number of projects) on "
            + "; ".join(slow)
            + "."
        )
    if flat:
        text.append(
            "Time stays flat, within the noise of a shared machine, on the "
            + ", ".join(flat)
            + ": they read one project, a page of 25 or 50, or at most 20 projects."
        )
    return " ".join(text)


if __name__ == "__main__":
    main()
