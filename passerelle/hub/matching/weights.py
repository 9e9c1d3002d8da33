"""The weights of the criteria: the secretariat's, kept in the one MatchingSettings row, which is
created with the defaults of settings.HUB_MATCHING the first time it is needed."""

from django.conf import settings

from ..models import MatchingSettings
from .criteria import CRITERIA


def matching_settings() -> MatchingSettings:
    defaults = dict(settings.HUB_MATCHING["WEIGHTS"])
    row, _ = MatchingSettings.objects.get_or_create(pk=1, defaults={"weights": defaults})
    return row


def current_weights() -> dict[str, float]:
    """Every criterion's weight (a criterion missing from the stored row weighs nothing)."""
    stored = matching_settings().weights
    return {criterion: float(stored.get(criterion, 0)) for criterion in CRITERIA}


def current_weights_version() -> int:
    return matching_settings().version
