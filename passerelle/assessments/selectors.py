"""Reads of frameworks and assessments. A version's whole tree costs a fixed number of queries,
whatever its number of indicators."""

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from passerelle.core.permissions import get_visible_or_404

from . import scoring
from .choices import AppliesTo, AssessmentStatus
from .models import (
    AgreedAnswer,
    Answer,
    Assessment,
    Benchmark,
    Domain,
    Framework,
    FrameworkVersion,
    Indicator,
    SubArea,
)


def framework_list(*, user):
    versions = FrameworkVersion.objects.visible_to(user).annotate(
        indicator_count=Count("indicators")
    )
    return Framework.objects.prefetch_related(Prefetch("versions", queryset=versions))


def framework_get(*, user, code: str) -> Framework:
    return get_visible_or_404(framework_list(user=user), user, code=code)


def version_get(*, user, code: str, version: str) -> FrameworkVersion:
    return get_visible_or_404(
        FrameworkVersion.objects.select_related("framework", "previous__framework"),
        user,
        framework__code=code,
        version=version,
    )


def version_tree(version: FrameworkVersion) -> list[Domain]:
    """The version's domains with their sub-areas, indicators, level descriptors and links."""
    indicators = Indicator.objects.prefetch_related(
        "descriptors", "capacity_areas", "gcm_objectives"
    ).select_related("maps_to")
    sub_areas = SubArea.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    return list(
        version.domains.select_related("mgi_domain").prefetch_related(
            Prefetch("sub_areas", queryset=sub_areas)
        )
    )


def indicator_counts(version: FrameworkVersion) -> dict[str, int]:
    """{"national": n, "local": n} — how many indicators each kind of government answers."""
    indicators = version.indicators
    return {
        "national": indicators.filter(~Q(applies_to=AppliesTo.LOCAL)).count(),
        "local": indicators.filter(~Q(applies_to=AppliesTo.NATIONAL)).count(),
    }


# --- Assessment cycles ----------------------------------------------------------------------


def assessment_list(*, user):
    return (
        Assessment.objects.visible_to(user)
        .select_related("organisation__country", "version__framework")
        .order_by("-published_at", "-created")
    )


def assessment_get(*, user, pk: int) -> Assessment:
    return get_visible_or_404(
        Assessment.objects.select_related(
            "organisation__country", "version__framework", "baseline"
        ),
        user,
        pk=pk,
    )


def assessment_tree(assessment: Assessment, domain_ids=None) -> list[Domain]:
    """The assessment's domains → sub-areas → applicable indicators (with level descriptors), in
    a fixed number of queries. `domain_ids` limits it to some sections."""
    indicators = (
        assessment.applicable_indicators()
        .prefetch_related("descriptors", "capacity_areas", "gcm_objectives")
        .order_by("position")
    )
    sub_areas = SubArea.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    domains = assessment.version.domains.select_related("mgi_domain").prefetch_related(
        Prefetch("sub_areas", queryset=sub_areas)
    )
    if domain_ids is not None:
        domains = domains.filter(pk__in=domain_ids)
    return list(domains)


def agreed_answers(assessment: Assessment) -> dict[int, AgreedAnswer]:
    """indicator id → agreed answer."""
    answers = assessment.agreed_answers.select_related("set_by")
    return {answer.indicator_id: answer for answer in answers}


def profile(assessment: Assessment, tree=None) -> scoring.Profile:
    tree = tree if tree is not None else assessment_tree(assessment)
    return scoring.build_profile(tree, agreed_answers(assessment), assessment.version.scale)


def section_progress(assessment: Assessment) -> dict[int, tuple[int, int]]:
    """domain id → (indicators with an agreed level, applicable indicators)."""
    totals = dict(
        assessment.applicable_indicators()
        .values("sub_area__domain")
        .annotate(n=Count("pk"))
        .values_list("sub_area__domain", "n")
    )
    agreed = dict(
        assessment.agreed_answers.filter(level__isnull=False)
        .values("indicator__sub_area__domain")
        .annotate(n=Count("pk"))
        .values_list("indicator__sub_area__domain", "n")
    )
    return {domain_id: (agreed.get(domain_id, 0), total) for domain_id, total in totals.items()}


def contributor_views(assessment: Assessment, indicator_ids, *, user, all_views: bool):
    """indicator id → contributors' answers (with their files): everyone's for the
    organisation's members, one's own for an invited contributor."""
    if not (all_views or user.is_authenticated):
        return {}
    answers = (
        assessment.answers.filter(indicator_id__in=indicator_ids)
        .select_related("author")
        .prefetch_related("files")
    )
    if not all_views:
        answers = answers.filter(author=user)
    views: dict[int, list[Answer]] = {}
    for answer in answers:
        views.setdefault(answer.indicator_id, []).append(answer)
    return views


def cycles(assessment: Assessment, *, user) -> list[Assessment]:
    """The organisation's cycles on the same framework that `user` may see scores of, oldest
    first: the series a comparison runs over."""
    series = (
        Assessment.objects.visible_to(user)
        .filter(
            organisation=assessment.organisation_id,
            version__framework=assessment.version.framework_id,
        )
        .select_related("version")
        .order_by("created")
    )
    member = user.is_authenticated and assessment.organisation_id in user.organisation_ids
    if not member:
        series = series.filter(status=AssessmentStatus.PUBLISHED)
    return list(series)


def indicator_mapping(version: FrameworkVersion) -> dict[int, int | None]:
    """indicator id → the id it maps to, over this version and every earlier one."""
    mapping, seen = {}, set()
    while version is not None and version.pk not in seen:
        seen.add(version.pk)
        mapping.update(dict(version.indicators.values_list("pk", "maps_to_id")))
        version = version.previous
    return mapping


def comparison(series: list[Assessment]) -> dict:
    """Per domain, each cycle's value; per indicator of the latest cycle, its level in the
    first cycle (the baseline, following version mapping) and now."""
    profiles = [profile(cycle) for cycle in series]
    latest, first = series[-1], series[0]
    domain_codes = [domain.code for domain in profiles[-1].domains]
    domains = [
        {
            "code": code,
            "name": next(d.name for d in profiles[-1].domains if d.code == code),
            "values": [p.domain_values.get(code) for p in profiles],
            "change": scoring.change(
                profiles[0].domain_values.get(code), profiles[-1].domain_values.get(code)
            ),
        }
        for code in domain_codes
    ]
    mapping = indicator_mapping(latest.version)
    first_levels = {a.indicator_id: a.level for a in first.agreed_answers.all()}
    indicators = [
        {
            "result": result,
            "before": scoring.earlier_level(result.indicator.pk, mapping, first_levels),
        }
        for result in profiles[-1].indicators
    ]
    for row in indicators:
        row["change"] = scoring.change(row["before"], row["result"].level)
    return {"cycles": series, "profiles": profiles, "domains": domains, "indicators": indicators}


def latest_published(*, framework_id=None, organisations=None, countries=None):
    """The latest published assessment of each organisation (optionally of some organisations,
    or of organisations of some countries), on one framework or any."""
    published = Assessment.objects.filter(status=AssessmentStatus.PUBLISHED)
    if framework_id is not None:
        published = published.filter(version__framework=framework_id)
    if organisations is not None:
        published = published.filter(organisation__in=organisations)
    if countries is not None:
        published = published.filter(organisation__country__in=countries)
    newer = Assessment.objects.filter(
        status=AssessmentStatus.PUBLISHED,
        organisation=OuterRef("organisation"),
        version__framework=OuterRef("version__framework"),
        published_at__gt=OuterRef("published_at"),
    )
    return (
        published.filter(~Exists(newer))
        .select_related("organisation__country", "version__framework")
        .order_by("organisation__name")
    )


def peers(assessment: Assessment, own: scoring.Profile) -> dict:
    """The published profiles closest to this one (same framework and level of government), and
    those strongest in this one's weakest domain. Ranked over the domain values stored at
    publication (one small row per organisation); only the few shown are loaded whole."""
    candidates = list(
        latest_published(framework_id=assessment.version.framework_id)
        .filter(scope=assessment.scope)
        .exclude(organisation=assessment.organisation_id)
        .order_by()
        .values_list("pk", "organisation__name", "published_scores")
    )
    shown = settings.ASSESSMENTS["PEERS_SHOWN"]
    own_values, scale = own.domain_values, assessment.version.scale
    similar = []
    for pk, name, scores in candidates:
        gap = scoring.distance(own_values, scores, scale)
        if gap is not None:
            similar.append((gap, name, pk))
    similar = sorted(similar)[:shown]
    weakest = min(
        own.domains, key=lambda d: d.value if d.value is not None else float("inf"), default=None
    )
    strongest = []
    if weakest is not None and weakest.value is not None:
        ahead = [
            (-scores[weakest.code], name, pk)
            for pk, name, scores in candidates
            if scores.get(weakest.code) is not None and scores[weakest.code] > weakest.value
        ]
        strongest = sorted(ahead)[:shown]
    chosen = Assessment.objects.select_related("organisation__country", "version__framework")
    loaded = chosen.in_bulk([pk for *_rest, pk in similar + strongest])
    return {
        "similar": [(gap, loaded[pk]) for gap, _name, pk in similar],
        "weakest": weakest,
        "strongest": [(-value, loaded[pk]) for value, _name, pk in strongest],
    }


def latest_levels(organisation, indicators) -> dict[int, int | None]:
    """indicator id → the organisation's agreed level for it in its most recent validated or
    published assessment that answered it — or answered the same indicator in another version of
    the framework (mapped either way), so that a target set on one version sees later results.
    Three queries, whatever the number of indicators."""
    indicators = list(indicators)
    frameworks = {indicator.version.framework_id for indicator in indicators}
    mapping = dict(
        Indicator.objects.filter(version__framework__in=frameworks).values_list("pk", "maps_to_id")
    )
    answers = AgreedAnswer.objects.filter(
        assessment__organisation=organisation,
        assessment__status__in=[AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED],
        indicator__in=mapping,
        level__isnull=False,
    ).values_list("indicator_id", "assessment__validated_at", "level")
    latest: dict[int, tuple] = {}
    for indicator_id, validated_at, level in answers:
        if indicator_id not in latest or validated_at > latest[indicator_id][0]:
            latest[indicator_id] = (validated_at, level)
    levels = {}
    for indicator in indicators:
        same = _same_indicator(indicator.pk, mapping)
        found = [latest[i] for i in same if i in latest]
        levels[indicator.pk] = max(found)[1] if found else None
    return levels


def _same_indicator(indicator_id: int, mapping: dict[int, int | None]) -> set[int]:
    """The indicator, those it maps to in earlier versions and those mapping to it later."""
    return {i for i in mapping if indicator_id in scoring.lineage(i, mapping)} | set(
        scoring.lineage(indicator_id, mapping)
    )


def latest_level(organisation, indicator) -> int | None:
    return latest_levels(organisation, [indicator])[indicator.pk]


def benchmark_board(*, user, organisation) -> list[dict]:
    """Each of the organisation's targets with its status from the latest assessment."""
    benchmarks = list(
        Benchmark.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("indicator__version__framework")
    )
    levels = latest_levels(organisation, [benchmark.indicator for benchmark in benchmarks])
    today = timezone.localdate()
    board = []
    for benchmark in benchmarks:
        current = levels[benchmark.indicator_id]
        status = scoring.benchmark_status(
            target_level=benchmark.target_level,
            target_date=benchmark.target_date,
            start_level=benchmark.start_level,
            start_date=timezone.localdate(benchmark.created),
            current_level=current,
            today=today,
        )
        board.append({"benchmark": benchmark, "current": current, "status": status})
    return board
