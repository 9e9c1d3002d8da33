"""Who sees and does what in the course catalogue. Courses are public. Organisation editors (an
editor or administrator of any organisation) and the secretariat add courses; a course is changed
and deleted by the editors of its provider organisation, its creator and the secretariat. A
completion is self-declared: its person sees and removes it; others see it only when marked
public (and then the person is named as their profile allows, see selectors.people)."""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .models import Course, CourseCompletion
from .permissions import is_active_user, is_secretariat


def may_add_courses(user) -> bool:
    if not is_active_user(user):
        return False
    return is_secretariat(user) or any(
        user.has_role(org_id, MembershipRole.EDITOR) for org_id in user.organisation_ids
    )


def manages_course(user, course: Course) -> bool:
    if not is_active_user(user):
        return False
    if is_secretariat(user) or course.created_by_id == user.pk:
        return True
    org_id = course.provider_organisation_id
    return org_id is not None and user.has_role(org_id, MembershipRole.EDITOR)


class CoursePolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return True
        return action in ("change", "delete") and manages_course(user, obj)


class CompletionPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(is_public=True)
        if is_active_user(user):
            visible |= Q(person=user)
        return visible

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return obj.is_public or (is_active_user(user) and obj.person_id == user.pk)
        return action == "delete" and is_active_user(user) and obj.person_id == user.pk


register_policy(Course, CoursePolicy())
register_policy(CourseCompletion, CompletionPolicy())
