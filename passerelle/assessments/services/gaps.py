"""From a gap to a request for support. The hub (issue 5) builds requests; it calls
`request_draft_from_gap` to pre-fill one and to link it back to the gap it answers."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole

from .. import selectors


@dataclass(frozen=True)
class RequestDraft:
    organisation: object
    assessment: object
    indicator: object
    title: str
    description: str
    language: str
    scope: str
    country: object
    current_level: int | None
    desired_level: int | None
    priority: str
    capacity_areas: list = field(default_factory=list)
    gcm_objectives: list = field(default_factory=list)


def request_draft_from_gap(*, actor, assessment, indicator) -> RequestDraft:
    """What a request for support answering this gap starts with, written in the assessment's
    language. Only the assessing organisation's editors may ask for support on its behalf."""
    if not actor.is_authenticated or not actor.has_role(
        assessment.organisation_id, MembershipRole.EDITOR
    ):
        raise PermissionDenied
    agreed = selectors.agreed_answers(assessment).get(indicator.pk)
    if agreed is None or agreed.gap is None or agreed.gap <= 0:
        raise ValidationError(_("This indicator shows no gap to ask support for."))
    with translation.override(assessment.language):
        question = indicator.question
        title = _("Support to close a gap: %(indicator)s") % {"indicator": indicator.code}
        description = _(
            "%(question)s\n\nOur assessment “%(assessment)s” places us at level %(level)d; we aim "
            "for level %(desired)d."
        ) % {
            "question": question,
            "assessment": assessment.title,
            "level": agreed.level,
            "desired": agreed.desired_level,
        }
    return RequestDraft(
        organisation=assessment.organisation,
        assessment=assessment,
        indicator=indicator,
        title=title,
        description=description,
        language=assessment.language,
        scope=assessment.scope,
        country=assessment.organisation.country,
        current_level=agreed.level,
        desired_level=agreed.desired_level,
        priority=agreed.priority,
        capacity_areas=list(indicator.capacity_areas.all()),
        gcm_objectives=list(indicator.gcm_objectives.all()),
    )
