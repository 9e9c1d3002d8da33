"""The hub part of the demo: what it shows, and that it can run twice. The accounts, assessments
(for the gaps) and hub steps run once for the module (twice, in fact), in a transaction rolled back
at its end."""

import re
import time
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from passerelle.accounts.choices import STATE_TYPES, OrganisationType
from passerelle.accounts.models import User
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.language_detection import detect_language
from passerelle.core.models import AuditEntry
from passerelle.hub import selectors
from passerelle.hub.choices import PUBLIC_STATUSES, RequestScope, RequestStatus, RequirementKind
from passerelle.hub.models import RequestSupportType, Requirement, SupportRequest
from passerelle.taxonomy.models import CapacityArea

MODELS = (SupportRequest, RequestSupportType, Requirement)


def _run(modules) -> tuple[DemoContext, float]:
    context, hub_seconds = DemoContext(), 0.0
    for step in demo_steps():
        module = step.name.split(":")[0]
        if module in modules:
            started = time.perf_counter()
            step.run(context)
            if module == "hub":
                hub_seconds = time.perf_counter() - started
    return context, hub_seconds


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "audit": AuditEntry.objects.filter(action__startswith="hub.").count()
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first, seconds = _run({"accounts", "assessments", "hub"})
        counts = _counts()
        second, _seconds = _run({"accounts", "assessments", "hub"})
        yield SimpleNamespace(
            first=first,
            second=second,
            seconds=seconds,
            counts=counts,
            counts_again=_counts(),
        )
        transaction.set_rollback(True)


def _requests():
    return SupportRequest.objects.select_related(
        "organisation", "joint_with", "country__region", "region"
    ).prefetch_related("capacity_areas", "requirements", "support_types")


def _top_region(support_request) -> str:
    if support_request.region is not None:
        return ([support_request.region, *support_request.region.ancestors()])[-1].name_en
    return support_request.country.regions()[-1].name_en


@pytest.mark.django_db
def test_runs_twice_without_duplicates_and_quickly(demo):
    assert demo.counts == demo.counts_again
    assert demo.counts["SupportRequest"] >= 60
    assert not SupportRequest.objects.filter(is_demo=False).exists()
    assert demo.seconds < 15  # a few seconds in practice; generous for slow machines
    for context in (demo.first, demo.second):
        emails = {email for email, _password, _role in context.credentials}
        assert {"ecowas@demo.passerelle.test", "focal.fiji@demo.passerelle.test"} <= emails


@pytest.mark.django_db
def test_three_languages_that_read_as_such(demo):
    requests = list(_requests())
    by_language = {
        language: [r for r in requests if r.language == language] for language in ("en", "fr", "es")
    }
    assert all(len(group) >= 15 for group in by_language.values())
    assert sum(len(group) for group in by_language.values()) == len(requests)
    for support_request in requests:
        assert detect_language(support_request.description) == support_request.language
        assert detect_language(support_request.title) in (support_request.language, "en")
        assert "{" not in support_request.title + support_request.description
        sentences = len(re.findall(r"[.?!](\s|$)", support_request.description))
        assert 2 <= sentences <= 5, support_request.description
    # Variety: most titles are different.
    assert len({r.title for r in requests}) >= 0.9 * len(requests)


@pytest.mark.django_db
def test_every_capacity_area_and_region_and_kind_of_requester(demo):
    requests = list(_requests())
    used = {area.code for r in requests for area in r.capacity_areas.all()}
    assert used >= set(CapacityArea.objects.filter(is_active=True).values_list("code", flat=True))
    assert {_top_region(r) for r in requests} == {
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
    }
    types = {r.organisation.type for r in requests}
    assert {
        OrganisationType.NATIONAL_GOVERNMENT,
        OrganisationType.LOCAL_GOVERNMENT,
        OrganisationType.REGIONAL_BODY,
    } <= types
    regional = [r for r in requests if r.scope == RequestScope.REGIONAL]
    assert regional and all(r.region and r.country is None for r in regional)
    assert any(r.organisation.slug == "demo-ecowas-commission" for r in regional)
    assert {r.scope for r in requests} == set(RequestScope.values)
    joint = [r for r in requests if r.joint_with is not None]
    assert len(joint) >= 2
    assert all(r.joint_with.type in STATE_TYPES for r in joint)
    assert all(r.organisation.type not in STATE_TYPES for r in joint)


@pytest.mark.django_db
def test_what_the_requests_would_take(demo):
    requests = list(_requests())
    currencies = set()
    for support_request in requests:
        assert support_request.support_types.all()
        assert support_request.working_languages
        assert support_request.starts_on < support_request.ends_on
        requirements = support_request.requirements.all()
        assert requirements
        for requirement in requirements:
            if requirement.kind == RequirementKind.MONEY:
                currencies.add(requirement.currency)
            if requirement.kind == RequirementKind.IN_KIND:
                assert requirement.estimated_value > 0 and requirement.currency
    kinds = set(Requirement.objects.values_list("kind", flat=True))
    assert kinds == set(RequirementKind.values)
    assert {"USD", "EUR", "XOF", "MXN"} <= currencies
    assert len({r.modality for r in requests}) == 3
    open_requests = [r for r in requests if r.status == RequestStatus.OPEN]
    assert min(r.starts_on for r in open_requests) > open_requests[0].created.date()


@pytest.mark.django_db
def test_every_status_through_the_services(demo):
    requests = list(_requests())
    statuses = {r.status for r in requests}
    assert statuses >= {
        RequestStatus.DRAFT,
        RequestStatus.SUBMITTED,
        RequestStatus.CLARIFICATION,
        RequestStatus.OPEN,
        RequestStatus.WITHDRAWN,
        RequestStatus.CLOSED,
    }
    assert sum(r.status == RequestStatus.OPEN for r in requests) > len(requests) / 2
    for support_request in requests:
        steps = [entry.action for entry in selectors.timeline(support_request)]
        assert steps[0] == "hub.request.created"
        if support_request.status in PUBLIC_STATUSES:
            assert "hub.request.published" in steps
            assert support_request.published_at is not None
            assert support_request.organisation.can_publish_for_state or (
                support_request.organisation.type not in STATE_TYPES
            )
        if support_request.status != RequestStatus.DRAFT:
            assert "hub.request.submitted" in steps
    actions = AuditEntry.objects.filter(action__startswith="hub.request.")
    questions = actions.filter(action="hub.request.review_clarification")
    assert questions.count() == 3  # two waiting for an answer, one answered
    assert all(entry.data["note"].strip() for entry in questions)
    assert actions.filter(action="hub.request.review_advice").count() == 1
    assert actions.filter(action="hub.request.updated").exists()  # a question answered
    closed = actions.filter(action="hub.request.closed")
    assert closed.count() == 2 and all(entry.data["note"] for entry in closed)


@pytest.mark.django_db
def test_some_requests_start_from_an_assessment_gap(demo):
    from_gaps = list(_requests().filter(source_indicator__isnull=False))
    assert len(from_gaps) >= 3
    for support_request in from_gaps:
        assessment = support_request.source_assessment
        assert assessment.organisation == support_request.organisation
        agreed = assessment.agreed_answers.get(indicator=support_request.source_indicator)
        assert agreed.desired_level > agreed.level
        assert assessment.title in support_request.description
        assert support_request.language == assessment.language
    assert len({r.language for r in from_gaps}) == 3


@pytest.mark.django_db
def test_all_demo(demo):
    assert SupportRequest.objects.exists()
    assert not SupportRequest.objects.filter(is_demo=False).exists()
    assert all(r.organisation.is_demo and r.created_by.is_demo for r in _requests())


@pytest.mark.django_db
def test_the_pages_show_the_demo(demo, client):
    response = client.get(reverse("hub:request_list"))
    assert response.status_code == 200
    published = SupportRequest.objects.filter(status__in=PUBLIC_STATUSES).count()
    assert response.context["page_obj"].paginator.count == published
    africa = client.get(reverse("hub:request_list"), {"region": "002"})
    assert any(r.organisation.slug == "demo-ecowas-commission" for r in africa.context["page_obj"])
    broker = User.objects.get(email="broker@demo.passerelle.test")
    client.force_login(broker)
    queue = client.get(reverse("hub:review_queue"))
    assert queue.status_code == 200
    assert (
        len(queue.context["waiting"])
        == SupportRequest.objects.filter(status=RequestStatus.SUBMITTED).count()
    )
    assert len(queue.context["asked"]) == 2
    for status in RequestStatus.values:
        for support_request in SupportRequest.objects.filter(status=status)[:1]:
            editor = support_request.created_by
            client.force_login(editor)
            page = client.get(support_request.get_absolute_url())
            assert page.status_code == 200
            assert len(page.context["timeline"]) >= 1
