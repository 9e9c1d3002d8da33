from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    REGION = "region", _("Region")
    SUBREGION = "subregion", _("Sub-region")
    INTERMEDIATE = "intermediate", _("Intermediate region")


class RegionalBodyKind(models.TextChoices):
    REC = "rec", _("Regional economic community")
    RCP = "rcp", _("Regional consultative process on migration")
    MOBILITY_PARTNERSHIP = "mobility_partnership", _("Mobility partnership")
