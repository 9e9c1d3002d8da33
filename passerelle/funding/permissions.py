"""Who sees and does what with money.

Funds, open and closed calls, exchange rates and organisations' donor profiles are public.
Contributions are as visible as their destination (a fund is public); a person who asked to stay
anonymous is named only to the secretariat, the recipients and themselves (`names_source`).
A proposal is private to its applicants (the lead organisation and the partners), the reviewers
assigned to it who declared no conflict, the secretariat and the fund's steering committee; once
approved, it is public in the fund's pipeline — its reviews and scores never are. A reviewer sees
the other reviews of a proposal only after submitting their own.
"""

from django.conf import settings
from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import (
    Policy,
    PublicReadPolicy,
    is_secretariat,
    register_policy,
    user_can,
)
from passerelle.hub.models import SupportRequest
from passerelle.projects import permissions as project_rules
from passerelle.projects.models import Project

from .choices import (
    CallStatus,
    ContributionKind,
    ContributionStatus,
    ProposalStatus,
    ReviewStatus,
)
from .models import (
    Call,
    Contribution,
    Criterion,
    DonorProfile,
    ExchangeRate,
    Fund,
    ProjectRequirement,
    Proposal,
    Review,
    Score,
    Transaction,
)

PIPELINE_STATUSES = (ProposalStatus.APPROVED, ProposalStatus.FUNDED)


def _has(user, organisation_id, role) -> bool:
    return bool(organisation_id) and user.is_authenticated and user.has_role(organisation_id, role)


def sits_on_committee(user, fund) -> bool:
    return user.is_authenticated and fund.committee.filter(pk=user.pk).exists()


# --- funds and calls ---------------------------------------------------------------------------


class FundPolicy(PublicReadPolicy):
    def can(self, user, action, fund) -> bool:
        if action == "view":
            return True
        if action in {"change", "open_call", "record_deposit"}:
            return is_secretariat(user)
        return False


class CallPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_secretariat(user):
            return Q()
        return ~Q(status=CallStatus.DRAFT)

    def can(self, user, action, call) -> bool:
        if action == "view":
            return call.status != CallStatus.DRAFT or is_secretariat(user)
        if action in {"change", "publish"}:
            return call.status == CallStatus.DRAFT and is_secretariat(user)
        if action == "close":
            return call.status == CallStatus.OPEN and is_secretariat(user)
        if action == "propose":
            return call.status == CallStatus.OPEN and user.is_authenticated
        if action in {"assign_reviewers", "view_proposals"}:
            return is_secretariat(user) or sits_on_committee(user, call.fund)
        return False


class CriterionPolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(call__in=Call.objects.visible_to(user))

    def can(self, user, action, criterion) -> bool:
        return action == "view" and user_can(user, "view", criterion.call)


# --- proposals and reviews ---------------------------------------------------------------------


def applies(user, proposal, role=MembershipRole.VIEWER) -> bool:
    """A member (with at least `role`) of the lead organisation or, for reading, of a partner."""
    if _has(user, proposal.organisation_id, role):
        return True
    return role == MembershipRole.VIEWER and any(
        _has(user, partner.pk, role) for partner in proposal.partners.all()
    )


def reviews(user, proposal) -> bool:
    """Assigned to review it, with no conflict of interest declared."""
    return (
        user.is_authenticated
        and proposal.reviews.filter(reviewer=user).exclude(status=ReviewStatus.CONFLICT).exists()
    )


def oversees(user, proposal) -> bool:
    """The secretariat and the fund's steering committee see every submitted proposal."""
    return is_secretariat(user) or sits_on_committee(user, proposal.call.fund)


class ProposalPolicy(Policy):
    def visible_q(self, user) -> Q:
        public = Q(status__in=PIPELINE_STATUSES)
        if not user.is_authenticated:
            return public
        ids = user.organisation_ids
        # A subquery, not a join: a proposal with several partners is still one row.
        partnering = Proposal.partners.through.objects.filter(organisation__in=ids)
        mine = Q(organisation__in=ids) | Q(pk__in=partnering.values("proposal"))
        submitted = ~Q(status=ProposalStatus.DRAFT)
        if is_secretariat(user):
            return public | mine | submitted
        reviewing = Q(
            pk__in=Review.objects.filter(reviewer=user)
            .exclude(status=ReviewStatus.CONFLICT)
            .values("proposal")
        )
        committee = Q(call__fund__committee=user)
        return public | mine | (submitted & (reviewing | committee))

    def can(self, user, action, proposal) -> bool:
        if action == "view":
            return (
                proposal.status in PIPELINE_STATUSES
                or applies(user, proposal)
                or (
                    proposal.status != ProposalStatus.DRAFT
                    and (oversees(user, proposal) or reviews(user, proposal))
                )
            )
        if action in {"change", "submit"}:
            return proposal.status == ProposalStatus.DRAFT and applies(
                user, proposal, MembershipRole.EDITOR
            )
        if action == "withdraw":
            return proposal.status in (
                ProposalStatus.DRAFT,
                ProposalStatus.SUBMITTED,
            ) and applies(user, proposal, MembershipRole.EDITOR)
        if action == "assign_reviewers":
            return proposal.status == ProposalStatus.SUBMITTED and is_secretariat(user)
        if action == "view_reviews":
            return proposal.status != ProposalStatus.DRAFT and oversees(user, proposal)
        if action == "decide":
            return proposal.status == ProposalStatus.SUBMITTED and sits_on_committee(
                user, proposal.call.fund
            )
        if action == "fund":
            return proposal.status == ProposalStatus.APPROVED and is_secretariat(user)
        return False


class ReviewPolicy(Policy):
    """Blind review: a reviewer reads other reviews of the proposal once theirs is submitted."""

    def visible_q(self, user) -> Q:
        if not user.is_authenticated:
            return Q(pk__in=[])
        if is_secretariat(user):
            return Q()
        done = Review.objects.filter(reviewer=user, status=ReviewStatus.SUBMITTED)
        return (
            Q(reviewer=user)
            | Q(proposal__call__fund__committee=user)
            | Q(proposal__in=done.values("proposal"), status=ReviewStatus.SUBMITTED)
        )

    def can(self, user, action, review) -> bool:
        if action == "view":
            return Review.objects.visible_to(user).filter(pk=review.pk).exists()
        if action in {"declare", "score", "submit"}:
            return (
                review.reviewer_id == user.pk
                and review.status == ReviewStatus.ASSIGNED
                and review.proposal.status == ProposalStatus.SUBMITTED
                and (action == "declare" or review.has_conflict is False)
            )
        return False


class ScorePolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(review__in=Review.objects.visible_to(user))

    def can(self, user, action, score) -> bool:
        return action == "view" and user_can(user, "view", score.review)


# --- contributions -----------------------------------------------------------------------------


def gives(user, contribution, role=MembershipRole.EDITOR) -> bool:
    """The source: an editor of the giving organisation, the person, or for a fund's transfers
    the secretariat."""
    if contribution.source_person_id is not None:
        return user.is_authenticated and contribution.source_person_id == user.pk
    if contribution.source_fund_id is not None:
        return is_secretariat(user)
    return _has(user, contribution.source_organisation_id, role)


def receives(user, contribution, role=MembershipRole.VIEWER) -> bool:
    """A member of the receiving request's organisation or of the project's organisations; the
    secretariat for a fund."""
    if contribution.request_id is not None:
        request = contribution.request
        return _has(user, request.organisation_id, role) or _has(user, request.joint_with_id, role)
    if contribution.project_id is not None:
        project = contribution.project
        if role == MembershipRole.VIEWER:
            return project_rules.is_member(user, project)
        return project_rules.runs(user, project)
    return is_secretariat(user)


def names_source(user, contribution) -> bool:
    """Whether `user` may read who gave: the platform's setting, and a person's wish to stay
    anonymous (which binds everyone but the secretariat, the recipients and the person)."""
    if contribution.source_person_id is None and contribution.source_organisation_id is None:
        return True  # a fund's transfer
    if is_secretariat(user) or gives(user, contribution, MembershipRole.VIEWER):
        return True
    if receives(user, contribution):
        return True
    if contribution.anonymous:
        return False
    rule = settings.FUNDING["CONTRIBUTOR_NAMES"]
    return rule == "public" or (rule == "members" and user.is_authenticated)


class ContributionPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = (
            Q(fund__isnull=False)
            | Q(request__in=SupportRequest.objects.visible_to(user).values("pk"))
            | Q(project__in=Project.objects.visible_to(user).values("pk"))
        )
        if user.is_authenticated:
            visible |= Q(source_person=user) | Q(source_organisation__in=user.organisation_ids)
        return visible

    def can(self, user, action, contribution) -> bool:
        if action == "view":
            return Contribution.objects.visible_to(user).filter(pk=contribution.pk).exists()
        status = contribution.status
        if action == "commit":
            return status == ContributionStatus.PLEDGED and gives(user, contribution)
        if action == "cancel":
            return status in (
                ContributionStatus.PLEDGED,
                ContributionStatus.COMMITTED,
            ) and gives(user, contribution)
        if action == "deliver":  # in-kind help given: the source says so while it is open
            return (
                status in (ContributionStatus.PLEDGED, ContributionStatus.COMMITTED)
                and contribution.kind != ContributionKind.FINANCIAL
                and gives(user, contribution)
            )
        if action == "disburse":
            return (
                status == ContributionStatus.COMMITTED
                and contribution.kind == ContributionKind.FINANCIAL
                and gives(user, contribution)
            )
        if action == "report_expenditure":
            return (
                contribution.project_id is not None
                and contribution.kind == ContributionKind.FINANCIAL
                and status in (ContributionStatus.COMMITTED, ContributionStatus.PAID)
                and receives(user, contribution, MembershipRole.EDITOR)
            )
        return False


class TransactionPolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(contribution__in=Contribution.objects.visible_to(user).values("pk"))

    def can(self, user, action, transaction) -> bool:
        return action == "view" and user_can(user, "view", transaction.contribution)


class ProjectRequirementPolicy(Policy):
    """A project's requirements follow the project; those who run it set them."""

    def visible_q(self, user) -> Q:
        return Q(project__in=Project.objects.visible_to(user).values("pk"))

    def can(self, user, action, requirement) -> bool:
        if action == "view":
            return user_can(user, "view", requirement.project)
        return action == "change" and user_can(user, "change", requirement.project)


class DonorProfilePolicy(Policy):
    """Organisations' priorities are public (donors publish them to be found); a person's only
    to themselves and the secretariat."""

    def visible_q(self, user) -> Q:
        visible = Q(organisation__isnull=False)
        if user.is_authenticated:
            visible |= Q(person=user)
        if is_secretariat(user):
            visible = Q()
        return visible

    def can(self, user, action, profile) -> bool:
        if action == "view":
            return (
                profile.organisation_id is not None
                or profile.person_id == user.pk
                or is_secretariat(user)
            )
        if action == "change":
            if profile.person_id is not None:
                return profile.person_id == user.pk
            return _has(user, profile.organisation_id, MembershipRole.EDITOR)
        return False


register_policy(Fund, FundPolicy())
register_policy(Call, CallPolicy())
register_policy(Criterion, CriterionPolicy())
register_policy(Proposal, ProposalPolicy())
register_policy(Review, ReviewPolicy())
register_policy(Score, ScorePolicy())
register_policy(Contribution, ContributionPolicy())
register_policy(Transaction, TransactionPolicy())
register_policy(ProjectRequirement, ProjectRequirementPolicy())
register_policy(DonorProfile, DonorProfilePolicy())
register_policy(ExchangeRate, PublicReadPolicy())
