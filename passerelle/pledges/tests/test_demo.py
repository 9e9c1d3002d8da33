"""The pledges part of the demo: what it shows, and that it can run twice. The accounts and
pledges steps run once for the module (twice, in fact), in a transaction rolled back at its end.
The pledges step needs only the accounts step's organisations."""

import time
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from passerelle.accounts.choices import STATE_TYPES
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.language_detection import detect_language
from passerelle.core.models import AuditEntry
from passerelle.pledges import selectors
from passerelle.pledges.choices import (
    TYPES_WITH_PARTNERS,
    Completion,
    PledgeForm,
    PledgeStatus,
    PledgeType,
    ReportingLight,
)
from passerelle.pledges.models import Pledge, ProgressUpdate
from passerelle.pledges.services import smart_errors


def _run(modules) -> tuple[DemoContext, float]:
    context, seconds = DemoContext(), 0.0
    for step in demo_steps():
        module = step.name.split(":")[0]
        if module in modules:
            started = time.perf_counter()
            step.run(context)
            if module == "pledges":
                seconds = time.perf_counter() - started
    return context, seconds


def _counts() -> dict[str, int]:
    return {
        "pledges": Pledge.objects.count(),
        "updates": ProgressUpdate.objects.count(),
        "audit": AuditEntry.objects.filter(action__startswith="pledges.").count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first, seconds = _run({"accounts", "pledges"})
        counts = _counts()
        second, _seconds = _run({"accounts", "pledges"})
        yield SimpleNamespace(
            first=first, second=second, seconds=seconds, counts=counts, counts_again=_counts()
        )
        transaction.set_rollback(True)


def _pledges():
    return list(
        Pledge.objects.select_related("organisation", "matches").prefetch_related(
            "partners", "gcm_objectives", "progress_updates"
        )
    )


@pytest.mark.django_db
def test_runs_twice_without_duplicates_and_quickly(demo):
    assert demo.counts == demo.counts_again
    assert demo.counts["pledges"] >= 20
    assert demo.seconds < 10  # well under a second in practice
    for context in (demo.first, demo.second):
        emails = {email for email, _password, _role in context.credentials}
        assert {"focal.spain@demo.passerelle.test", "icmpd@demo.passerelle.test"} <= emails


@pytest.mark.django_db
def test_all_demo(demo):
    pledges = _pledges()
    assert all(p.is_demo and p.organisation.is_demo and p.created_by.is_demo for p in pledges)


@pytest.mark.django_db
def test_three_languages_that_read_as_such(demo):
    pledges = _pledges()
    for language in ("en", "fr", "es"):
        assert sum(p.language == language for p in pledges) >= 6, language
    for pledge in pledges:
        assert detect_language(pledge.description) == pledge.language, pledge.title
        assert all(
            detect_language(update.note) in (pledge.language, "en")
            for update in pledge.progress_updates.all()
        ), pledge.title


@pytest.mark.django_db
def test_every_status_completion_and_light(demo):
    pledges = _pledges()
    assert {p.status for p in pledges} == set(PledgeStatus.values)
    assert {p.completion for p in pledges} == set(Completion.values)
    assert {p.light for p in pledges if p.light} == set(ReportingLight.values)
    overdue = [p for p in pledges if p.light == ReportingLight.RED]
    assert len(overdue) >= 2
    # The sweep flagged each missed report, which the pledge's history shows.
    for pledge in overdue:
        assert "pledges.pledge.report_overdue" in [e.action for e in selectors.history(pledge)]


@pytest.mark.django_db
def test_every_form_and_type_with_what_each_asks_for(demo):
    pledges = _pledges()
    assert {p.form for p in pledges} == set(PledgeForm.values)
    assert {p.type for p in pledges} == set(PledgeType.values)
    for pledge in pledges:
        assert bool(pledge.partners.all()) is (pledge.type in TYPES_WITH_PARTNERS)
        if pledge.type == PledgeType.MATCHING:
            assert pledge.matches.is_public and pledge.matches.organisation != pledge.organisation
        if pledge.form == PledgeForm.FINANCIAL:
            assert pledge.amount and pledge.currency


@pytest.mark.django_db
def test_published_pledges_passed_the_smart_check(demo):
    for pledge in _pledges():
        if pledge.is_public:
            assert pledge.metric and pledge.target and pledge.unit and pledge.deadline
            assert pledge.pledged_on and pledge.published_at
            assert not pledge.organisation.acts_for_state or (
                pledge.organisation.can_publish_for_state
            )
    drafts = [p for p in _pledges() if p.status == PledgeStatus.DRAFT]
    # One draft is ready to publish, the others still fail the check.
    ready = [p for p in drafts if not smart_errors(p, p.created.date())]
    assert ready and len(ready) < len(drafts)
    assert any(p.organisation.type in STATE_TYPES for p in drafts)


@pytest.mark.django_db
def test_completion_follows_the_reports(demo):
    for pledge in _pledges():
        updates = list(pledge.progress_updates.all())
        if updates:
            latest = max(updates, key=lambda u: (u.as_of, u.pk))
            assert pledge.completion == latest.completion
            assert all(pledge.pledged_on <= u.as_of for u in updates)
        if pledge.status == PledgeStatus.CLOSED:
            assert pledge.completion == Completion.COMPLETE


@pytest.mark.django_db
def test_the_pages_show_the_demo(demo, client):
    response = client.get(reverse("pledges:pledge_list"))
    assert response.status_code == 200
    public = sum(p.is_public for p in _pledges())
    assert response.context["page_obj"].paginator.count == public
    overdue = client.get(reverse("pledges:pledge_list"), {"light": "red"})
    assert overdue.context["page_obj"].paginator.count >= 2
    for pledge in _pledges():
        if pledge.is_public:
            page = client.get(pledge.get_absolute_url())
            assert page.status_code == 200, pledge.title
        else:
            client.force_login(pledge.created_by)
            assert client.get(pledge.get_absolute_url()).status_code == 200
            client.logout()
