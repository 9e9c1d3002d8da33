"""Policies of the assessments module. Frameworks and their published versions are public (anyone
may read what a government is assessed against); the secretariat manages frameworks, and draft
versions are its own until published.

An assessment is its organisation's until it publishes it: its members read all of it (editors
answer any section, admins coordinate), invited contributors read and answer only the sections
assigned to them, and nobody else — the secretariat included — sees it. Once published, everyone
reads what the organisation chose to disclose: the scores, or the scores with the agreed answers
and their evidence. Contributors' individual views stay with the organisation.
"""

from django.db.models import Exists, OuterRef, Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import (
    NOTHING,
    Policy,
    PublicReadPolicy,
    is_secretariat,
    register_policy,
)

from .choices import AssessmentStatus, Disclosure, VersionStatus
from .models import Assessment, Assignment, Benchmark, Framework, FrameworkVersion


class FrameworkPolicy(PublicReadPolicy):
    def can(self, user, action, framework) -> bool:
        return action == "view" or (action == "manage" and is_secretariat(user))


class FrameworkVersionPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_secretariat(user):
            return Q()
        return ~Q(status=VersionStatus.DRAFT)

    def can(self, user, action, version) -> bool:
        if action == "view":
            return version.status != VersionStatus.DRAFT or is_secretariat(user)
        if action in {"publish", "edit"}:
            return version.status == VersionStatus.DRAFT and is_secretariat(user)
        return False


def _role(user, organisation_id: int, role: str) -> bool:
    return user.is_authenticated and user.has_role(organisation_id, role)


def is_member(user, assessment) -> bool:
    return _role(user, assessment.organisation_id, MembershipRole.VIEWER)


def is_coordinator(user, assessment) -> bool:
    """The assessing organisation's administrators coordinate its assessments."""
    return _role(user, assessment.organisation_id, MembershipRole.ADMIN)


def assigned_domain_ids(user, assessment) -> set[int]:
    if not user.is_authenticated:
        return set()
    cache = assessment.__dict__.setdefault("_assigned_domains", {})
    if user.pk not in cache:
        cache[user.pk] = set(
            assessment.assignments.filter(user=user).values_list("domain_id", flat=True)
        )
    return cache[user.pk]


def may_read_section(user, assessment, domain_id: int) -> bool:
    """Every section of a published assessment that discloses answers, every section for the
    organisation's members, the assigned sections for a contributor."""
    if assessment.is_published and assessment.disclosure == Disclosure.ALL:
        return True
    return is_member(user, assessment) or domain_id in assigned_domain_ids(user, assessment)


def may_answer_section(user, assessment, domain_id: int) -> bool:
    if not assessment.is_open:
        return False
    return _role(user, assessment.organisation_id, MembershipRole.EDITOR) or (
        domain_id in assigned_domain_ids(user, assessment)
    )


def may_read_views(user, assessment) -> bool:
    """Contributors' individual answers are working papers: members read all of them."""
    return is_member(user, assessment)


class AssessmentPolicy(Policy):
    def visible_q(self, user) -> Q:
        published = Q(status=AssessmentStatus.PUBLISHED)
        if not user.is_authenticated:
            return published
        invited = Exists(Assignment.objects.filter(assessment=OuterRef("pk"), user=user))
        return published | Q(organisation__in=user.organisation_ids) | Q(invited)

    def can(self, user, action, assessment) -> bool:
        if action == "view":
            return (
                assessment.is_published
                or is_member(user, assessment)
                or bool(assigned_domain_ids(user, assessment))
            )
        if action == "view_answers":
            return is_member(user, assessment) or (
                assessment.is_published and assessment.disclosure == Disclosure.ALL
            )
        if action == "view_scores":
            return is_member(user, assessment) or assessment.is_published
        if action == "coordinate":
            return is_coordinator(user, assessment)
        if action in {"assign", "agree"}:
            return assessment.is_open and is_coordinator(user, assessment)
        if action == "start_consultation":
            return assessment.status == AssessmentStatus.DRAFT and is_coordinator(user, assessment)
        if action == "submit":
            return assessment.is_open and is_coordinator(user, assessment)
        if action == "return_to_draft":
            return assessment.status in (
                AssessmentStatus.SUBMITTED,
                AssessmentStatus.VALIDATED,
            ) and is_coordinator(user, assessment)
        if action == "sign":
            return assessment.status == AssessmentStatus.SUBMITTED and is_focal_point(
                user, assessment.organisation
            )
        if action == "publish":
            return assessment.status == AssessmentStatus.VALIDATED and is_coordinator(
                user, assessment
            )
        if action == "reassess":
            return assessment.status in (
                AssessmentStatus.VALIDATED,
                AssessmentStatus.PUBLISHED,
            ) and is_coordinator(user, assessment)
        return False


def is_focal_point(user, organisation) -> bool:
    """Who validates for an organisation: an administrator of it and, when it speaks for a State,
    only once the secretariat has verified it."""
    if not _role(user, organisation.pk, MembershipRole.ADMIN):
        return False
    return not organisation.acts_for_state or organisation.can_publish_for_state


class BenchmarkPolicy(Policy):
    """Targets are the organisation's own planning: its members read them, admins set them."""

    def visible_q(self, user) -> Q:
        if not user.is_authenticated:
            return NOTHING
        return Q(organisation__in=user.organisation_ids)

    def can(self, user, action, benchmark) -> bool:
        if action == "view":
            return _role(user, benchmark.organisation_id, MembershipRole.VIEWER)
        if action in {"change", "delete"}:
            return _role(user, benchmark.organisation_id, MembershipRole.ADMIN)
        return False


register_policy(Framework, FrameworkPolicy())
register_policy(Assessment, AssessmentPolicy())
register_policy(Benchmark, BenchmarkPolicy())
register_policy(FrameworkVersion, FrameworkVersionPolicy())
