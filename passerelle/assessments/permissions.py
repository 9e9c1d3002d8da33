"""Policies of the assessments module. Frameworks and their published versions are public (anyone
may read what a government is assessed against); the secretariat manages frameworks, and draft
versions are its own until published."""

from django.db.models import Q

from passerelle.core.permissions import Policy, PublicReadPolicy, is_secretariat, register_policy

from .choices import VersionStatus
from .models import Framework, FrameworkVersion


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


register_policy(Framework, FrameworkPolicy())
register_policy(FrameworkVersion, FrameworkVersionPolicy())
