"""Who sees and does what on the country pages. Entries and calls are public; the secretariat
opens and closes calls, reviews contributions and confirms entries. A contribution is seen by its
contributor and the secretariat only (it may name a source the contributor gave in confidence)."""

from django.db.models import Q

from passerelle.core.permissions import Policy, register_policy

from .models import ContributionCall, FactsheetContribution, FactsheetEntry
from .permissions import NOTHING, is_active_user, is_secretariat


def runs_country_pages(user) -> bool:
    """The secretariat: opens calls, reviews contributions, confirms entries."""
    return is_active_user(user) and is_secretariat(user)


class PublicWithSecretariatPolicy(Policy):
    """Everyone reads; the secretariat changes (confirms an entry, opens or closes a call)."""

    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action, obj) -> bool:
        return action == "view" or runs_country_pages(user)


class ContributionPolicy(Policy):
    def visible_q(self, user) -> Q:
        if runs_country_pages(user):
            return Q()
        if is_active_user(user):
            return Q(contributor=user)
        return NOTHING

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return runs_country_pages(user) or (
                is_active_user(user) and obj.contributor_id == user.pk
            )
        return action == "review" and runs_country_pages(user)


register_policy(FactsheetEntry, PublicWithSecretariatPolicy())
register_policy(ContributionCall, PublicWithSecretariatPolicy())
register_policy(FactsheetContribution, ContributionPolicy())
