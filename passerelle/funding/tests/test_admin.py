"""The funding admin: every list and every change page loads with data; exchange rates are
added, corrected in the list and deleted there, each step audited; funds are set up with their
committee; the rest is read-only."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.core.models import AuditEntry

from ..models import (
    Call,
    Contribution,
    DonorProfile,
    ExchangeRate,
    Fund,
    ProjectRequirement,
    Proposal,
    Review,
)
from .conftest import deposit

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything(rates, fund, reviewed, foundation, foundation_editor, public_project, person):
    deposit(fund, foundation, foundation_editor, "1000")
    DonorProfile.objects.create(organisation=foundation, donor_type="foundation")
    DonorProfile.objects.create(person=person, donor_type="individual")


@pytest.mark.parametrize(
    "model",
    [ExchangeRate, Fund, Call, Proposal, Review, Contribution, DonorProfile, ProjectRequirement],
)
def test_lists_and_change_pages_load(admin_client, everything, model):
    info = (model._meta.app_label, model._meta.model_name)
    response = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)))
    assert response.status_code == 200
    obj = model.objects.first()
    response = admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assert response.status_code == 200


def test_a_contribution_shows_its_transactions_read_only(admin_client, everything):
    contribution = Contribution.objects.get()
    url = reverse("admin:funding_contribution_change", args=[contribution.pk])
    content = admin_client.get(url).content.decode()
    assert "Disbursement" in content
    assert 'name="transactions-0-amount"' not in content
    assert admin_client.get(reverse("admin:funding_contribution_add")).status_code == 403


def test_a_rate_is_added_corrected_and_deleted_with_an_audit_trail(admin_client):
    today = timezone.localdate()
    response = admin_client.post(
        reverse("admin:funding_exchangerate_add"),
        {"currency": "GBP", "date": today.isoformat(), "usd_per_unit": "1.27"},
    )
    assert response.status_code == 302
    rate = ExchangeRate.objects.get(currency="GBP")
    # Corrected in the list (list_editable).
    response = admin_client.post(
        reverse("admin:funding_exchangerate_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(rate.pk),
            "form-0-usd_per_unit": "1.2650",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    rate.refresh_from_db()
    assert rate.usd_per_unit == Decimal("1.265")
    response = admin_client.post(
        reverse("admin:funding_exchangerate_delete", args=[rate.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ExchangeRate.objects.exists()
    actions = list(
        AuditEntry.objects.filter(action__startswith="funding.rate.")
        .order_by("pk")
        .values_list("action", "data")
    )
    assert [action for action, _data in actions] == [
        "funding.rate.added",
        "funding.rate.changed",
        "funding.rate.deleted",
    ]
    assert Decimal(actions[1][1]["usd_per_unit"]) == Decimal("1.265")


def test_a_fund_is_set_up_with_its_committee(admin_client, secretariat_org, committee_member):
    response = admin_client.post(
        reverse("admin:funding_fund_add"),
        {
            "name": "Regional fund",
            "slug": "regional",
            "description": "For regional projects.",
            "manager": str(secretariat_org.pk),
            "committee": [str(committee_member.pk)],
        },
    )
    assert response.status_code == 302
    fund = Fund.objects.get(slug="regional")
    assert list(fund.committee.all()) == [committee_member]
    entry = AuditEntry.objects.get(action="funding.fund.created")
    assert entry.data["committee"] == [committee_member.pk]


def test_workflow_rows_are_read_only(admin_client, everything):
    for model in (Call, Proposal, Review, Contribution, ProjectRequirement, DonorProfile):
        info = (model._meta.app_label, model._meta.model_name)
        assert admin_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 403
    review = Review.objects.first()
    url = reverse("admin:funding_review_change", args=[review.pk])
    assert admin_client.post(url, {"status": "assigned"}).status_code == 403
