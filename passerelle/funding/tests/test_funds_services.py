"""The rules of pooled funds, against the database: a call's criteria, publishing and closing;
a proposal's ceiling, eligibility and the government requirement; blind review with its
conflict-of-interest declaration and score range; the committee's decision; the grant drawn on
deposits, earmarked ones first, never more than the balance; the deadline sweep; and the
selectors behind the fund's dashboard and the pipeline."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community.registry import notification_types_for_action
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea

from .. import services
from ..choices import CallStatus, ProposalStatus, ReviewStatus
from ..models import Call, Contribution, Criterion, Proposal, Review, Score
from ..selectors import funds as selectors
from .conftest import call_data, deposit, fresh, proposal_data, score_all

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


# --- calls -------------------------------------------------------------------------------------


def test_a_call_starts_with_the_principles_and_mandatory_markers(draft_call):
    criteria = list(draft_call.criteria.order_by("position"))
    assert len(criteria) == 13
    assert [c.principle.number for c in criteria[:10]] == list(range(1, 11))
    assert [c.marker for c in criteria[10:]] == ["gender", "human_rights", "child"]
    assert all(c.mandatory for c in criteria[10:]) and not any(c.mandatory for c in criteria[:10])
    assert all(c.weight == Decimal("1.00") for c in criteria)


def test_only_the_secretariat_opens_a_call(fund, applicant_editor):
    with pytest.raises(PermissionDenied):
        services.call_create(actor=fresh(applicant_editor), fund=fund, data=call_data())
    assert not Call.objects.exists()


def test_a_call_needs_its_texts_and_a_positive_ceiling(fund, secretariat):
    with pytest.raises(ValidationError) as excinfo:
        services.call_create(
            actor=fresh(secretariat), fund=fund,
            data=call_data(title=" ", budget_ceiling=Decimal(0)),
        )  # fmt: skip
    assert set(excinfo.value.message_dict) == {"title", "budget_ceiling"}
    assert not Call.objects.exists()


def test_criteria_weights_keep_mandatory_markers_above_zero(draft_call, secretariat):
    marker = draft_call.criteria.get(marker="gender")
    with pytest.raises(ValidationError):
        services.criteria_set(actor=fresh(secretariat), call=draft_call,
                              weights={marker.pk: Decimal(0)}, extra=[])  # fmt: skip
    marker.refresh_from_db()
    assert marker.weight == Decimal("1.00")


def test_criteria_set_changes_weights_and_replaces_the_calls_own(draft_call, secretariat):
    principle = draft_call.criteria.get(principle__number=1)
    services.criteria_set(
        actor=fresh(secretariat), call=draft_call, weights={principle.pk: Decimal("2.50")},
        extra=[{"name": "Sustainability", "weight": Decimal(2), "guidance": "After the grant."}],
    )  # fmt: skip
    services.criteria_set(
        actor=fresh(secretariat), call=draft_call, weights={},
        extra=[{"name": "Value for money", "weight": Decimal(1)}],
    )  # fmt: skip
    principle.refresh_from_db()
    assert principle.weight == Decimal("2.50")
    own = draft_call.criteria.filter(principle__isnull=True, marker="")
    assert [c.name for c in own] == ["Value for money"]
    assert own.get().position == 14


def test_a_call_past_its_deadline_cannot_be_published(draft_call, secretariat):
    Call.objects.filter(pk=draft_call.pk).update(deadline=timezone.now() - datetime.timedelta(1))
    draft_call.refresh_from_db()
    with pytest.raises(ValidationError):
        services.call_publish(actor=fresh(secretariat), call=draft_call)
    draft_call.refresh_from_db()
    assert draft_call.status == CallStatus.DRAFT


def test_a_published_call_is_no_longer_edited(call, secretariat):
    assert call.status == CallStatus.OPEN and call.published_at is not None
    with pytest.raises(PermissionDenied):
        services.call_update(actor=fresh(secretariat), call=call, data=call_data(title="New"))


def test_the_sweep_closes_open_calls_past_their_deadline(call, fund, secretariat):
    later = services.call_publish(
        actor=fresh(secretariat),
        call=services.call_create(actor=fresh(secretariat), fund=fund, data=call_data()),
    )
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    assert services.calls_close_past_deadline() == 1
    assert Call.objects.get(pk=call.pk).status == CallStatus.CLOSED
    assert Call.objects.get(pk=later.pk).status == CallStatus.OPEN
    assert services.calls_close_past_deadline() == 0
    assert AuditEntry.objects.filter(action="funding.call.closed").count() == 1


def test_the_management_command_runs_the_sweep(call, capsys):
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    call_command("close_past_deadline_calls")
    assert "Closed 1 call past their deadline." in capsys.readouterr().out
    assert Call.objects.get(pk=call.pk).status == CallStatus.CLOSED


# --- proposals ---------------------------------------------------------------------------------


def _create(call, organisation, editor, **overrides):
    return services.proposal_create(actor=fresh(editor), call=call, organisation=organisation,
                                    data=proposal_data(**overrides))  # fmt: skip


def test_a_proposal_stays_under_the_ceiling(call, applicant, applicant_editor):
    with pytest.raises(ValidationError) as excinfo:
        _create(call, applicant, applicant_editor, budget=Decimal("250000.01"))
    assert "at most 250000.00" in errors_of(excinfo)
    assert not Proposal.objects.exists()
    assert _create(call, applicant, applicant_editor, budget=Decimal("250000.00")).pk


def test_a_proposal_works_in_eligible_countries_and_areas(
    fund, secretariat, applicant, applicant_editor
):
    senegal, mali = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="MLI")
    call = services.call_publish(
        actor=fresh(secretariat),
        call=services.call_create(actor=fresh(secretariat), fund=fund,
                                  data=call_data(countries=[senegal])),
    )  # fmt: skip
    other_area = CapacityArea.objects.exclude(code="WGWS").first()
    with pytest.raises(ValidationError) as excinfo:
        _create(call, applicant, applicant_editor, countries=[mali], capacity_areas=[other_area])
    assert set(excinfo.value.message_dict) == {"countries", "capacity_areas"}
    assert mali.name in errors_of(excinfo)
    assert not Proposal.objects.exists()


def test_only_an_editor_of_the_lead_organisation_proposes(call, applicant, partner_viewer):
    with pytest.raises(PermissionDenied):
        _create(call, applicant, partner_viewer)


def test_the_lead_is_not_its_own_partner(call, applicant, applicant_editor):
    with pytest.raises(ValidationError) as excinfo:
        _create(call, applicant, applicant_editor, partners=[applicant])
    assert "partners" in excinfo.value.message_dict


def test_submitting_needs_a_government_when_the_call_asks(call, applicant, applicant_editor):
    draft = _create(call, applicant, applicant_editor, partners=[])
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_submit(actor=fresh(applicant_editor), proposal=draft)
    assert "government" in errors_of(excinfo)
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT and draft.submitted_at is None


def test_a_closed_call_takes_no_submission(draft_proposal, applicant_editor):
    Call.objects.filter(pk=draft_proposal.call_id).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    draft_proposal.refresh_from_db()
    with pytest.raises(ValidationError):
        services.proposal_submit(actor=fresh(applicant_editor), proposal=draft_proposal)


def test_a_submitted_proposal_is_no_longer_edited_but_can_be_withdrawn(proposal, applicant_editor):
    assert proposal.status == ProposalStatus.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.proposal_update(actor=fresh(applicant_editor), proposal=proposal,
                                 data=proposal_data(title="Changed"))  # fmt: skip
    services.proposal_withdraw(actor=fresh(applicant_editor), proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.WITHDRAWN


# --- reviews -----------------------------------------------------------------------------------


def _assign(proposal, secretariat, people):
    return services.review_assign(actor=fresh(secretariat), proposal=proposal, reviewers=people)


def test_applicants_members_cannot_review(proposal, secretariat, partner_viewer, reviewers):
    with pytest.raises(ValidationError) as excinfo:
        _assign(proposal, secretariat, [reviewers[0], partner_viewer])
    assert "member of an applying organisation" in errors_of(excinfo)
    assert not Review.objects.exists()


def test_assigning_twice_keeps_one_review(proposal, secretariat, reviewers):
    _assign(proposal, secretariat, reviewers[:1])
    _assign(proposal, secretariat, reviewers[:1])
    assert Review.objects.filter(proposal=proposal).count() == 1


def test_a_conflict_blocks_scoring_and_reading(proposal, secretariat, reviewers):
    (review,) = _assign(proposal, secretariat, reviewers[:1])
    reviewer = reviewers[0]
    with pytest.raises(ValidationError):
        services.review_declare(actor=fresh(reviewer), review=review, has_conflict=True)
    services.review_declare(actor=fresh(reviewer), review=review, has_conflict=True,
                            statement="I advised the applicant last year.")  # fmt: skip
    review.refresh_from_db()
    assert review.status == ReviewStatus.CONFLICT
    criterion = proposal.call.criteria.first()
    with pytest.raises(PermissionDenied):
        services.review_save(actor=fresh(reviewer), review=review,
                             scores={criterion.pk: (3, "")}, comment="")  # fmt: skip
    assert not Score.objects.exists()
    assert not Proposal.objects.visible_to(fresh(reviewer)).filter(pk=proposal.pk).exists()


def test_scoring_needs_the_declaration_first(proposal, secretariat, reviewers):
    (review,) = _assign(proposal, secretariat, reviewers[:1])
    criterion = proposal.call.criteria.first()
    with pytest.raises(PermissionDenied):
        services.review_save(actor=fresh(reviewers[0]), review=review,
                             scores={criterion.pk: (3, "")}, comment="")  # fmt: skip


def _declared(proposal, secretariat, reviewer):
    (review,) = _assign(proposal, secretariat, [reviewer])
    return services.review_declare(actor=fresh(reviewer), review=review, has_conflict=False)


def test_scores_are_between_0_and_4(proposal, secretariat, reviewers):
    review = _declared(proposal, secretariat, reviewers[0])
    first, second = proposal.call.criteria.all()[:2]
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            actor=fresh(reviewers[0]), review=review,
            scores={first.pk: (3, ""), second.pk: (5, "")}, comment="",
        )  # fmt: skip
    assert "between 0 and 4" in errors_of(excinfo)
    assert not Score.objects.exists()


def test_a_review_is_submitted_once_every_criterion_is_scored(proposal, secretariat, reviewers):
    review = _declared(proposal, secretariat, reviewers[0])
    criteria = list(proposal.call.criteria.all())
    services.review_save(actor=fresh(reviewers[0]), review=review,
                         scores={c.pk: (2, "") for c in criteria[:-1]}, comment="")  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        services.review_submit(actor=fresh(reviewers[0]), review=review)
    assert criteria[-1].label in errors_of(excinfo)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.ASSIGNED
    services.review_save(actor=fresh(reviewers[0]), review=review,
                         scores={criteria[-1].pk: (4, "Strong.")}, comment="Good.")  # fmt: skip
    services.review_submit(actor=fresh(reviewers[0]), review=review)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED


def test_a_blank_score_is_removed_as_the_reviewer_goes(proposal, secretariat, reviewers):
    review = _declared(proposal, secretariat, reviewers[0])
    criterion = proposal.call.criteria.first()
    services.review_save(actor=fresh(reviewers[0]), review=review,
                         scores={criterion.pk: (3, "")}, comment="")  # fmt: skip
    services.review_save(actor=fresh(reviewers[0]), review=review,
                         scores={criterion.pk: (None, "")}, comment="")  # fmt: skip
    assert not Score.objects.exists()


def test_reviews_are_blind_until_submitted(proposal, secretariat, reviewers):
    first = _declared(proposal, secretariat, reviewers[0])
    second = _declared(proposal, secretariat, reviewers[1])
    score_all(first)
    reader = fresh(reviewers[1])
    assert set(Review.objects.visible_to(reader)) == {second}
    score_all(second)
    assert set(Review.objects.visible_to(fresh(reviewers[1]))) == {first, second}


# --- the committee's decision ------------------------------------------------------------------


def test_a_decision_needs_a_submitted_review(proposal, committee_member):
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_decide(actor=fresh(committee_member), proposal=proposal,
                                 approve=True, note="")  # fmt: skip
    assert "No review" in errors_of(excinfo)
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


def test_a_zero_on_a_mandatory_criterion_blocks_approval(
    proposal, secretariat, reviewers, committee_member
):
    review = _declared(proposal, secretariat, reviewers[0])
    criteria = proposal.call.criteria.all()
    services.review_save(
        actor=fresh(reviewers[0]), review=review,
        scores={c.pk: (0 if c.marker == "child" else 4, "") for c in criteria}, comment="",
    )  # fmt: skip
    services.review_submit(actor=fresh(reviewers[0]), review=review)
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_decide(actor=fresh(committee_member), proposal=proposal,
                                 approve=True, note="")  # fmt: skip
    assert "Child-sensitivity" in errors_of(excinfo)
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


def test_a_zero_on_an_optional_criterion_does_not_block(
    proposal, secretariat, reviewers, committee_member
):
    review = _declared(proposal, secretariat, reviewers[0])
    criteria = proposal.call.criteria.all()
    services.review_save(
        actor=fresh(reviewers[0]), review=review,
        scores={c.pk: (0 if c.principle_id else 2, "") for c in criteria}, comment="",
    )  # fmt: skip
    services.review_submit(actor=fresh(reviewers[0]), review=review)
    services.proposal_decide(actor=fresh(committee_member), proposal=proposal,
                             approve=True, note="")  # fmt: skip
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.APPROVED


def test_not_approving_needs_a_note(reviewed, committee_member):
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_decide(actor=fresh(committee_member), proposal=reviewed,
                                 approve=False, note="  ")  # fmt: skip
    assert "note" in excinfo.value.message_dict
    assert Proposal.objects.get(pk=reviewed.pk).status == ProposalStatus.SUBMITTED
    services.proposal_decide(actor=fresh(committee_member), proposal=reviewed,
                             approve=False, note="Outside the fund's priorities.")  # fmt: skip
    assert Proposal.objects.get(pk=reviewed.pk).status == ProposalStatus.REJECTED


def test_only_the_committee_decides(reviewed, secretariat, reviewers):
    for person in (secretariat, reviewers[0]):
        with pytest.raises(PermissionDenied):
            services.proposal_decide(actor=fresh(person), proposal=reviewed, approve=True,
                                     note="")  # fmt: skip


# --- the grant ---------------------------------------------------------------------------------


def test_a_grant_draws_earmarked_deposits_first(
    approved, fund, secretariat, foundation, foundation_editor, state_donor, state_editor
):
    free = deposit(fund, foundation, foundation_editor, "100000.00")
    earmarked = deposit(fund, state_donor, state_editor, "50000.00", earmark_proposal=approved)
    assert services.balance(fund) == Decimal("150000.00")
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    transfers = {t.parent_id: t.amount_usd for t in Contribution.objects.filter(source_fund=fund)}
    assert transfers == {earmarked.pk: Decimal("50000.00"), free.pk: Decimal("70000.00")}
    assert sum(transfers.values()) == approved.budget == Decimal("120000.00")
    assert services.balance(fund) == Decimal("30000.00")
    approved.refresh_from_db()
    assert approved.status == ProposalStatus.FUNDED and approved.project == project
    assert project.organisation == approved.organisation


def test_a_grant_never_exceeds_the_balance_and_writes_nothing_when_short(
    approved, fund, secretariat, foundation, foundation_editor, state_donor, state_editor
):
    deposit(fund, foundation, foundation_editor, "100000.00")
    deposit(fund, state_donor, state_editor, "50000.00", paid=False)  # committed, not paid
    other_area = CapacityArea.objects.exclude(code="WGWS").first()
    deposit(fund, state_donor, state_editor, "40000.00", earmark_area=other_area)
    assert services.balance(fund) == Decimal("140000.00")
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    assert "100000.00" in errors_of(excinfo) and "120000.00" in errors_of(excinfo)
    assert not Contribution.objects.filter(source_fund=fund).exists()
    assert not Project.objects.exists()
    assert AuditEntry.objects.count() == audit_before
    assert Proposal.objects.get(pk=approved.pk).status == ProposalStatus.APPROVED
    assert services.balance(fund) == Decimal("140000.00")


def test_only_the_secretariat_funds_an_approved_proposal(
    approved, fund, committee_member, foundation, foundation_editor
):
    deposit(fund, foundation, foundation_editor, "200000.00")
    with pytest.raises(PermissionDenied):
        services.proposal_fund(actor=fresh(committee_member), proposal=approved)
    assert not Project.objects.exists()


# --- selectors ---------------------------------------------------------------------------------


def test_the_dashboard_adds_up(
    approved, fund, secretariat, foundation, foundation_editor, applicant_editor,
    partner_government,
):  # fmt: skip
    deposit(fund, foundation, foundation_editor, "200000.00")
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    transfer = Contribution.objects.get(source_fund=fund)
    services.disbursement_record(actor=fresh(secretariat), contribution=transfer,
                                 amount=Decimal("120000.00"), on=timezone.localdate())  # fmt: skip
    services.expenditure_record(actor=fresh(applicant_editor), contribution=transfer,
                                amount=Decimal("30000.00"), on=timezone.localdate(),
                                description="Training")  # fmt: skip
    board = selectors.fund_dashboard(fund)
    assert (board.committed, board.paid) == (Decimal("200000.00"), Decimal("200000.00"))
    assert (board.funded, board.spent, board.delivery) == (
        Decimal("120000.00"), Decimal("30000.00"), 25,
    )  # fmt: skip
    assert [(line.label, line.funded, line.spent) for line in board.by_area] == [
        (approved.capacity_areas.get().name, Decimal("120000.00"), Decimal("30000.00"))
    ]
    # Lead and partner share the project equally.
    assert {line.label: line.funded for line in board.by_organisation} == {
        approved.organisation.name: Decimal("60000.00"),
        partner_government.name: Decimal("60000.00"),
    }
    assert board.grants == [(Proposal.objects.get(pk=approved.pk), Decimal("120000.00"),
                             Decimal("30000.00"))]  # fmt: skip
    assert project.pk == board.grants[0][0].project_id


def test_equal_shares_keep_every_cent():
    assert selectors._shares(Decimal("100.00"), 3) == [
        Decimal("33.34"), Decimal("33.33"), Decimal("33.33"),
    ]  # fmt: skip


def test_the_weighted_score_counts_submitted_reviews_only(proposal, secretariat, reviewers):
    first = _declared(proposal, secretariat, reviewers[0])
    second = _declared(proposal, secretariat, reviewers[1])
    Criterion.objects.filter(call=proposal.call, principle__number=1).update(weight=Decimal(3))
    criteria = proposal.call.criteria.all()
    # 4 on the principle weighing 3, 2 elsewhere (12 criteria of weight 1): (12 + 24) / 15.
    services.review_save(
        actor=fresh(reviewers[0]), review=first,
        scores={c.pk: (4 if c.weight == 3 else 2, "") for c in criteria}, comment="",
    )  # fmt: skip
    services.review_submit(actor=fresh(reviewers[0]), review=first)
    services.review_save(actor=fresh(reviewers[1]), review=second,
                         scores={c.pk: (0, "") for c in criteria}, comment="")  # fmt: skip
    assert selectors.weighted_scores([proposal.pk]) == {proposal.pk: (Decimal("2.40"), 1)}


def test_the_pipeline_shows_what_earmarks_cover(
    approved, fund, state_donor, state_editor, foundation, foundation_editor
):
    deposit(fund, state_donor, state_editor, "30000.00", earmark_proposal=approved)
    services.contribution_create(
        actor=fresh(foundation_editor), fund=fund, source_organisation=foundation,
        data=services.ContributionData(kind="financial", amount=Decimal("6000.00"),
                                       currency="USD", value_date=timezone.localdate(),
                                       earmark_proposal=approved),
    )  # fmt: skip
    (row,) = selectors.pipeline(user=fresh(UserFactory()))
    assert (row.cover.funded, row.cover.pledged) == (Decimal("30000.00"), Decimal("6000.00"))
    assert row.cover.percent_funded == 25


def test_balances_of_many_funds_match_the_service(
    approved, fund, secretariat, foundation, foundation_editor
):
    deposit(fund, foundation, foundation_editor, "150000.00")
    deposit(fund, foundation, foundation_editor, "20000.00", paid=False)
    services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    assert selectors.fund_balances([fund.pk]) == {fund.pk: services.balance(fund)}
    assert services.balance(fund) == Decimal("30000.00")


def test_an_organisation_member_other_than_applicants_may_review(proposal, secretariat):
    reviewer = MembershipFactory(organisation=OrganisationFactory(), role="viewer").user
    (review,) = _assign(proposal, secretariat, [reviewer])
    assert review.status == ReviewStatus.ASSIGNED


# --- notifications -----------------------------------------------------------------------------


def _recipients(action, obj):
    entry = AuditEntry.objects.filter(action=action, object_id=str(obj.pk)).latest("pk")
    (kind,) = notification_types_for_action(action)
    return kind, list(kind.recipients(entry))


def test_who_hears_of_assignments_submissions_and_decisions(
    approved, reviewers, secretariat, applicant_editor, partner_viewer
):
    review = Review.objects.get(proposal=approved, reviewer=reviewers[0])
    kind, rows = _recipients("funding.review.assigned", review)
    assert [(person, target) for person, target, _data in rows] == [(reviewers[0], review)]
    assert approved.title in kind.message(rows[0][2])

    kind, rows = _recipients("funding.proposal.submitted", approved)
    assert secretariat in [person for person, _target, _data in rows]
    assert applicant_editor not in [person for person, _target, _data in rows]

    kind, rows = _recipients("funding.proposal.approved", approved)
    assert [person for person, _target, _data in rows] == [applicant_editor]
    assert "is approved" in kind.message(rows[0][2])
