from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    NATIONAL_GOVERNMENT = "national_government", _("National government")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    REGIONAL_BODY = "regional_body", _("Regional body")
    UN_AGENCY = "un_agency", _("UN agency")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("Other international organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society / NGO")
    DIASPORA_ORGANISATION = "diaspora_organisation", _("Diaspora organisation")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    FOUNDATION = "foundation", _("Foundation")
    ACADEMIA = "academia", _("Academia and research")
    TRADE_UNION = "trade_union", _("Trade union")
    NHRI = "nhri", _("National human rights institution")
    PARLIAMENT = "parliament", _("Parliament")
    MEDIA = "media", _("Media")


# IATI 2.03 OrganisationType code for each type, used by the IATI export. IATI has no diaspora or
# migrant type: both export as national NGOs (22) — REFERENCE.md.
IATI_ORGANISATION_TYPE = {
    OrganisationType.NATIONAL_GOVERNMENT: "10",
    OrganisationType.LOCAL_GOVERNMENT: "11",
    OrganisationType.REGIONAL_BODY: "40",
    OrganisationType.UN_AGENCY: "40",
    OrganisationType.INTERNATIONAL_ORGANISATION: "40",
    OrganisationType.CIVIL_SOCIETY: "22",
    OrganisationType.DIASPORA_ORGANISATION: "22",
    OrganisationType.MIGRANT_ORGANISATION: "22",
    OrganisationType.PRIVATE_SECTOR: "70",
    OrganisationType.FOUNDATION: "60",
    OrganisationType.ACADEMIA: "80",
    OrganisationType.TRADE_UNION: "90",
    OrganisationType.NHRI: "15",
    OrganisationType.PARLIAMENT: "10",
    OrganisationType.MEDIA: "90",
}

# Types that act for a State: the secretariat verifies their focal points before they can publish
# on the State's behalf.
STATE_TYPES = (OrganisationType.NATIONAL_GOVERNMENT, OrganisationType.LOCAL_GOVERNMENT)


class VerificationStatus(models.TextChoices):
    NOT_REQUIRED = "not_required", _("Not required")
    UNVERIFIED = "unverified", _("Unverified")
    PENDING = "pending", _("Verification requested")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Verification declined")


class MembershipRole(models.TextChoices):
    """Ordered from least to most rights: each role has the rights of those before it."""

    VIEWER = "viewer", _("Viewer")
    CONTRIBUTOR = "contributor", _("Contributor")
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Administrator")

    @classmethod
    def rank(cls, role: str) -> int:
        return list(cls.values).index(role)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")
