"""The contribution services: one source and one destination, the kinds and what each needs,
conversion with the rate of the flow's own date (exact Decimal totals), the co-funding limits of
individuals and diaspora organisations, anonymity for persons only, disbursements within the
commitment (paid in full when they add up), expenditure within disbursements, cancelling, and a
form posted twice recording one contribution."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from passerelle.core.models import AuditEntry
from passerelle.hub import services as hub
from passerelle.hub.tests.conftest import advance, request_data

from .. import services
from ..choices import ContributionKind, ContributionStatus
from ..models import Contribution, Transaction
from .conftest import deposit, fresh, money

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def give(actor, data, **destination):
    return services.contribution_create(actor=fresh(actor), data=data, **destination)


def committed(editor, organisation, amount, **destination):
    return services.contribution_create(
        actor=fresh(editor), data=money(amount), source_organisation=organisation,
        status="committed", **destination,
    )  # fmt: skip


# One source, one destination ------------------------------------------------------------------


def test_a_contribution_has_one_destination(rates, open_request, public_project, person):
    with pytest.raises(ValidationError):
        give(person, money(100), request=open_request, project=public_project)
    assert not Contribution.objects.exists()


def test_without_an_organisation_the_person_gives(rates, open_request, person):
    contribution = give(person, money(100), request=open_request)
    assert contribution.source_person == person
    assert contribution.source_organisation is None
    assert AuditEntry.objects.for_object(contribution).get().action == (
        "funding.contribution.created"
    )


def test_giving_for_an_organisation_one_does_not_edit_is_refused(
    rates, open_request, foundation, diaspora_editor
):
    with pytest.raises(PermissionDenied):
        services.contribution_create(
            actor=fresh(diaspora_editor), data=money(100), request=open_request,
            source_organisation=foundation,
        )  # fmt: skip


def test_an_anonymous_visitor_cannot_give(rates, open_request):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.contribution_create(actor=AnonymousUser(), data=money(100), request=open_request)


def a_request(organisation, requester, secretariat, status):
    made = hub.request_create(actor=fresh(requester), organisation=organisation,
                              data=request_data())  # fmt: skip
    return advance(made, status, requester=fresh(requester), broker=fresh(secretariat))


def test_a_hidden_destination_is_refused(rates, organisation, requester, secretariat, person):
    draft = a_request(organisation, requester, secretariat, "draft")
    with pytest.raises(PermissionDenied):
        give(person, money(100), request=draft)


def test_a_closed_request_takes_no_contribution(
    rates, organisation, requester, secretariat, person
):
    closed = a_request(organisation, requester, secretariat, "closed")
    with pytest.raises(ValidationError, match="present state"):
        give(person, money(100), request=closed)


def test_an_ended_project_takes_no_contribution(rates, public_project, person):
    type(public_project).objects.filter(pk=public_project.pk).update(status=4)
    public_project.refresh_from_db()
    with pytest.raises(ValidationError, match="over"):
        give(person, money(100), project=public_project)


# Kinds ----------------------------------------------------------------------------------------


def test_in_kind_help_must_say_what_is_given(rates, open_request, person):
    with pytest.raises(ValidationError) as error:
        give(person, money(500, kind=ContributionKind.EQUIPMENT), request=open_request)
    assert "description" in error.value.error_dict


def test_expert_days_are_counted(rates, open_request, person):
    with pytest.raises(ValidationError) as error:
        give(person, money(500, kind=ContributionKind.EXPERT_DAYS, description="Statistics"),
             request=open_request)  # fmt: skip
    assert "quantity" in error.value.error_dict
    contribution = give(
        person,
        money(500, kind=ContributionKind.EXPERT_DAYS, description="Statistics",
              quantity=Decimal(5)),
        request=open_request,
    )  # fmt: skip
    assert contribution.quantity == Decimal(5)


def test_a_quantity_is_kept_only_for_expert_days(rates, open_request, person):
    contribution = give(
        person,
        money(500, kind=ContributionKind.VENUE, description="A hall", quantity=Decimal(3)),
        request=open_request,
    )
    assert contribution.quantity is None


def test_an_unknown_kind_or_amount_is_refused(rates, open_request, person):
    with pytest.raises(ValidationError) as error:
        give(person, money(100, kind="gold"), request=open_request)
    assert "kind" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        give(person, money(0), request=open_request)
    assert "amount" in error.value.error_dict


def test_a_date_too_far_ahead_is_refused(rates, open_request, person):
    far = TODAY() + datetime.timedelta(days=366 * 6)
    with pytest.raises(ValidationError) as error:
        give(person, money(100, day=far), request=open_request)
    assert "value_date" in error.value.error_dict


# Rates ----------------------------------------------------------------------------------------


def test_the_rate_of_the_flows_date_is_stored(rates, open_request, foundation, foundation_editor):
    recent = services.contribution_create(
        actor=fresh(foundation_editor), data=money("1000.50", "EUR"), request=open_request,
        source_organisation=foundation,
    )  # fmt: skip
    older = services.contribution_create(
        actor=fresh(foundation_editor),
        data=money("1000.50", "EUR", day=TODAY() - datetime.timedelta(days=40)),
        request=open_request, source_organisation=foundation,
    )  # fmt: skip
    assert (recent.usd_per_unit, recent.amount_usd) == (Decimal("1.2"), Decimal("1200.60"))
    assert (older.usd_per_unit, older.amount_usd) == (Decimal("1.1"), Decimal("1100.55"))


def test_small_rates_round_to_the_cent(rates, open_request, foundation, foundation_editor):
    contribution = services.contribution_create(
        actor=fresh(foundation_editor), data=money("1234567", "xof"), request=open_request,
        source_organisation=foundation,
    )  # fmt: skip
    assert contribution.currency == "XOF"
    assert contribution.amount_usd == Decimal("2098.76")  # 2098.7639


def test_no_rate_for_the_date_is_refused(rates, open_request, person):
    with pytest.raises(ValidationError, match="no exchange rate") as error:
        give(person, money(100, "GBP"), request=open_request)
    assert "currency" in error.value.error_dict
    with pytest.raises(ValidationError, match="no exchange rate"):
        give(person, money(100, "EUR", day=TODAY() - datetime.timedelta(days=800)),
             request=open_request)  # fmt: skip
    with pytest.raises(ValidationError, match="currency code"):
        give(person, money(100, "ZZZ"), request=open_request)
    assert not Contribution.objects.exists()


# Co-funding limits ----------------------------------------------------------------------------


@override_settings(FUNDING={"COFUNDING_MIN_USD": "10", "COFUNDING_MAX_USD": "50000",
                            "CONTRIBUTOR_NAMES": "public"})  # fmt: skip
@pytest.mark.parametrize(
    ("amount", "allowed"), [("9.99", False), ("10", True), ("50000", True), ("50000.01", False)]
)
def test_a_person_gives_within_the_cofunding_limits(rates, open_request, person, amount, allowed):
    if allowed:
        assert give(person, money(amount), request=open_request).amount_usd == Decimal(amount)
    else:
        with pytest.raises(ValidationError, match="co-funding") as error:
            give(person, money(amount), request=open_request)
        assert "amount" in error.value.error_dict


def test_the_limits_apply_in_dollars(rates, open_request, person):
    with pytest.raises(ValidationError, match="co-funding"):
        give(person, money("42000", "EUR"), request=open_request)  # 50,400 USD


def test_diaspora_organisations_have_the_same_limits(
    rates, open_request, diaspora, diaspora_editor, foundation, foundation_editor
):
    with pytest.raises(ValidationError, match="co-funding"):
        committed(diaspora_editor, diaspora, 60000, request=open_request)
    assert committed(foundation_editor, foundation, 60000, request=open_request).pk


def test_deposits_into_a_fund_are_not_limited(rates, fund, diaspora, diaspora_editor):
    assert committed(diaspora_editor, diaspora, 60000, fund=fund).amount_usd == Decimal(60000)


# Anonymity ------------------------------------------------------------------------------------


def test_only_a_person_may_stay_anonymous(rates, open_request, person, foundation,
                                         foundation_editor):  # fmt: skip
    assert give(person, money(100, anonymous=True), request=open_request).anonymous
    by_organisation = services.contribution_create(
        actor=fresh(foundation_editor), data=money(100, anonymous=True), request=open_request,
        source_organisation=foundation,
    )  # fmt: skip
    assert not by_organisation.anonymous


# Idempotent posting ---------------------------------------------------------------------------


def test_posting_twice_records_one_contribution(rates, open_request, person):
    key = uuid.uuid4()
    first = services.contribution_create(
        actor=fresh(person), data=money(100), request=open_request, submission_key=key
    )
    again = services.contribution_create(
        actor=fresh(person), data=money(100), request=open_request, submission_key=key
    )
    assert first.pk == again.pk
    assert Contribution.objects.count() == 1


def test_a_new_contribution_is_pledged_or_committed(rates, open_request, person):
    with pytest.raises(ValidationError):
        services.contribution_create(
            actor=fresh(person), data=money(100), request=open_request, status="paid"
        )


# Commitment, disbursements, expenditure -------------------------------------------------------


def test_commit_then_disburse_until_paid(rates, public_project, foundation, foundation_editor):
    pledge = services.contribution_create(
        actor=fresh(foundation_editor), data=money("1000", "EUR"), project=public_project,
        source_organisation=foundation,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):  # a pledge is committed before it is paid
        services.disbursement_record(actor=fresh(foundation_editor), contribution=pledge,
                                     amount=100, on=TODAY())  # fmt: skip
    services.contribution_commit(actor=fresh(foundation_editor), contribution=pledge, on=TODAY())
    first = services.disbursement_record(
        actor=fresh(foundation_editor), contribution=pledge, amount=Decimal("600.00"), on=TODAY()
    )
    assert first.amount_usd == Decimal("720.00")
    with pytest.raises(ValidationError, match=r"400\.00 EUR is left to pay"):
        services.disbursement_record(actor=fresh(foundation_editor), contribution=pledge,
                                     amount=Decimal("400.01"), on=TODAY())  # fmt: skip
    pledge.refresh_from_db()
    assert pledge.status == ContributionStatus.COMMITTED
    services.disbursement_record(actor=fresh(foundation_editor), contribution=pledge,
                                 amount=Decimal("400"), on=TODAY())  # fmt: skip
    pledge.refresh_from_db()
    assert (pledge.status, pledge.paid_on) == (ContributionStatus.PAID, TODAY())
    assert Transaction.objects.filter(contribution=pledge).count() == 2


def test_only_the_source_commits_and_disburses(
    rates, public_project, foundation, foundation_editor, project_runner, secretariat
):
    contribution = committed(foundation_editor, foundation, 1000, project=public_project)
    for someone in (project_runner, secretariat):
        with pytest.raises(PermissionDenied):
            services.disbursement_record(actor=fresh(someone), contribution=contribution,
                                         amount=10, on=TODAY())  # fmt: skip


def test_expenditure_stays_within_disbursements(
    rates, public_project, foundation, foundation_editor, project_runner
):
    contribution = committed(foundation_editor, foundation, 1000, project=public_project)
    services.disbursement_record(actor=fresh(foundation_editor), contribution=contribution,
                                 amount=600, on=TODAY())  # fmt: skip
    with pytest.raises(PermissionDenied):  # the donor does not report the project's spending
        services.expenditure_record(actor=fresh(foundation_editor), contribution=contribution,
                                    amount=10, on=TODAY(), description="Travel")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.expenditure_record(actor=fresh(project_runner), contribution=contribution,
                                    amount=10, on=TODAY(), description=" ")  # fmt: skip
    assert "description" in error.value.error_dict
    services.expenditure_record(
        actor=fresh(project_runner), contribution=contribution, amount=Decimal("350"),
        on=TODAY(), description="Trainers",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="is left to report"):
        services.expenditure_record(
            actor=fresh(project_runner), contribution=contribution, amount=Decimal("250.01"),
            on=TODAY(), description="Venue",
        )  # fmt: skip
    assert contribution.transactions.filter(kind="expenditure").count() == 1


def test_in_kind_help_is_delivered_not_disbursed(rates, open_request, person):
    help_ = give(person, money(800, kind=ContributionKind.PRO_BONO, description="Legal advice"),
                 request=open_request)  # fmt: skip
    services.contribution_deliver(actor=fresh(person), contribution=help_, on=TODAY())
    help_.refresh_from_db()
    assert (help_.status, help_.committed_on, help_.paid_on) == ("paid", TODAY(), TODAY())
    # Delivered once; money is disbursed, not delivered.
    with pytest.raises(PermissionDenied):
        services.contribution_deliver(actor=fresh(person), contribution=help_, on=TODAY())
    cash = give(person, money(100), request=open_request)
    with pytest.raises(PermissionDenied):
        services.contribution_deliver(actor=fresh(person), contribution=cash, on=TODAY())


# Cancelling -----------------------------------------------------------------------------------


def test_cancel_needs_a_reason_and_nothing_paid(
    rates, public_project, foundation, foundation_editor, outsider
):
    contribution = committed(foundation_editor, foundation, 1000, project=public_project)
    with pytest.raises(PermissionDenied):
        services.contribution_cancel(actor=fresh(outsider), contribution=contribution,
                                     reason="Not mine")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.contribution_cancel(actor=fresh(foundation_editor), contribution=contribution,
                                     reason="  ")  # fmt: skip
    assert "reason" in error.value.error_dict
    services.disbursement_record(actor=fresh(foundation_editor), contribution=contribution,
                                 amount=10, on=TODAY())  # fmt: skip
    with pytest.raises(ValidationError, match="no longer be cancelled"):
        services.contribution_cancel(actor=fresh(foundation_editor), contribution=contribution,
                                     reason="Budget cut")  # fmt: skip
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.COMMITTED


def test_a_cancelled_or_paid_contribution_cannot_be_cancelled(rates, open_request, person):
    contribution = give(person, money(100), request=open_request)
    services.contribution_cancel(actor=fresh(person), contribution=contribution, reason="Oops")
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.CANCELLED
    with pytest.raises(PermissionDenied):
        services.contribution_cancel(actor=fresh(person), contribution=contribution,
                                     reason="Again")  # fmt: skip


def test_a_deposit_the_fund_drew_on_stays(
    rates, fund, foundation, foundation_editor, approved, secretariat
):
    held = deposit(fund, foundation, foundation_editor, 200000)
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    transfer = held.children.get()
    assert (transfer.project, transfer.source_fund, transfer.amount) == (
        project, fund, Decimal("120000.00"),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):  # paid: it can no longer be cancelled
        services.contribution_cancel(actor=fresh(foundation_editor), contribution=held,
                                     reason="Changed our mind")  # fmt: skip
