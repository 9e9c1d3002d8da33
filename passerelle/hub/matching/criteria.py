"""The matcher's criteria. Each scores a (request, offer) pair between 0 and 1; a pair's score
is the weighted mean of its criteria, the weights being the secretariat's (MatchingSettings,
starting from settings.HUB_MATCHING["WEIGHTS"])."""

from django.utils.translation import gettext_lazy as _

CRITERIA = {
    "areas": _("Capacity areas"),
    "objectives": _("GCM objectives"),
    "support_types": _("Type of support"),
    "geography": _("Geography"),
    "languages": _("Languages"),
    "modality": _("Modality"),
    "timing": _("Timing"),
    "capacity": _("Capacity left"),
    "track_record": _("Track record"),
    "semantic": _("Similar texts"),
}
