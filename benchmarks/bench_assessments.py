"""Assessment pages as published assessments accumulate: a gap profile (its peers are drawn from
every published profile on the framework), a regional body's page (its member States' scores side
by side), the list of published assessments, and a section being answered by five contributors.

Each size runs on a fresh throwaway SQLite database. Organisations, published assessments and
their agreed answers are inserted in bulk (the published domain values computed by the same
scoring code the services use). Prints a Markdown section (benchmarks/run.py).
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1_000, 5_000)
REQUESTS = 10


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(count: int):
    """`count` national governments across the world, each with one published assessment
    answering about 85% of the national framework; returns one of them and a draft with five
    contributors' answers on its first section."""
    from django.core.management import call_command
    from django.utils import timezone

    from passerelle.accounts.models import Organisation
    from passerelle.accounts.tests.factories import MembershipFactory
    from passerelle.assessments import scoring, selectors, services
    from passerelle.assessments.models import AgreedAnswer, Assessment, FrameworkVersion
    from passerelle.geo.models import Country

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    countries = list(Country.objects.order_by("iso3"))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Government {n}",
            slug=f"gov-{n}",
            type="national_government",
            verification_status="verified",
            country=countries[n % len(countries)],
        )
        for n in range(count)
    )
    now = timezone.now()
    assessments = Assessment.objects.bulk_create(
        Assessment(
            organisation=organisation,
            version=version,
            title=f"Assessment {n}",
            scope="national",
            status="published",
            disclosure="scores",
            validated_at=now,
            published_at=now,
        )
        for n, organisation in enumerate(organisations)
    )
    indicators = list(version.indicators.exclude(applies_to="local"))
    answers = [
        AgreedAnswer(
            assessment=assessment,
            indicator=indicator,
            level=rng.randint(1, 4),
            desired_level=4,
            priority=rng.choice(["high", "medium", "low"]),
        )
        for assessment in assessments
        for indicator in indicators
        if rng.random() < 0.85
    ]
    AgreedAnswer.objects.bulk_create(answers, batch_size=5_000)
    tree = selectors.assessment_tree(assessments[0])
    by_assessment: dict[int, dict] = {}
    for answer in answers:
        by_assessment.setdefault(answer.assessment_id, {})[answer.indicator_id] = answer
    for assessment in assessments:
        profile = scoring.build_profile(tree, by_assessment.get(assessment.pk, {}), version.scale)
        assessment.published_scores = profile.domain_values
    Assessment.objects.bulk_update(assessments, ["published_scores"], batch_size=2_000)

    coordinator = MembershipFactory(organisation=organisations[0], role="admin").user
    draft = services.assessment_open(
        actor=coordinator, organisation=organisations[0], version=version, title="Next cycle",
        scope="national", language="en",
    )  # fmt: skip
    section = version.domains.order_by("position").first()
    for _ in range(5):
        contributor = MembershipFactory(organisation=organisations[0], role="editor").user
        for indicator in indicators:
            if indicator.sub_area.domain_id == section.pk:
                services.answer_save(
                    actor=contributor, assessment=draft, indicator=indicator,
                    expected_version=None, level=rng.randint(1, 4), evidence="Seen in the plan.",
                )  # fmt: skip
    return assessments[0], draft, section, coordinator, len(answers)


def timed(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (templates, content types)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings) * 1000, len(queries)


def measure(count: int) -> dict:
    from django.test import Client

    started = time.perf_counter()
    published, draft, section, coordinator, answers = generate(count)
    result = {"count": count, "answers": answers, "setup": time.perf_counter() - started}
    client = Client(HTTP_HOST="localhost")
    result["profile"] = timed(client, f"/en/assessments/{published.pk}/profile/")
    result["regional"] = timed(client, "/en/regional-bodies/ECOWAS/")
    result["list"] = timed(client, "/en/assessments/")
    client.force_login(coordinator)
    result["section"] = timed(client, f"/en/assessments/{draft.pk}/sections/{section.code}/")
    return result


def run_size(count: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        pid = os.fork()
        if pid == 0:  # a child per size: a fresh Django on a fresh database
            configure(Path(folder) / "bench.sqlite3")
            row = measure(count)
            Path(folder, "result").write_text(json.dumps(row))
            os._exit(0)
        os.waitpid(pid, 0)
        return json.loads(Path(folder, "result").read_text())


def main() -> None:
    rows = [run_size(count) for count in SIZES]
    print("## Assessment pages — `benchmarks/bench_assessments.py`\n")
    print(
        "Pages as published assessments accumulate (one per government, national framework, "
        f"~85% of indicators answered): the median of {REQUESTS} requests through Django's test "
        "client (whole middleware stack and templates, no network) and the queries of one "
        "request. The gap profile computes its peers over every published profile on the "
        "framework; the regional body (ECOWAS, 15 members) shows its members' latest scores; the "
        "section page is a draft's first section with five contributors' answers, read by its "
        "coordinator.\n"
    )
    print(
        "| Published assessments | Agreed answers | Gap profile | Regional body | List | Section |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        cells = [
            f"{row[key][0]:.0f} ms, {row[key][1]} queries"
            for key in ("profile", "regional", "list", "section")
        ]
        print(f"| {row['count']:,} | {row['answers']:,} | " + " | ".join(cells) + " |")
    print(
        "\nReading: the number of queries does not grow with the number of assessments. The gap "
        "profile's time grows with it, because its peers are ranked over every published "
        "profile: their domain values are stored at publication, so ranking costs reading one "
        "small JSON value per assessment, not recomputing it."
    )


if __name__ == "__main__":
    main()
