from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")


class AppliesTo(models.TextChoices):
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")
    BOTH = "both", _("National and local")


class Scale(models.TextChoices):
    """MGI scores absence / partial / complete presence; SDG 10.7.2 scores 1 to 4."""

    THREE_LEVEL = "three_level", _("Three levels (absent, partial, complete)")
    FOUR_LEVEL = "four_level", _("Four levels (1 to 4)")

    @property
    def top(self) -> int:
        return 3 if self == Scale.THREE_LEVEL else 4


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")
