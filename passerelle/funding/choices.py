"""The funding module's codelists: contribution states and kinds, donor types, the stages of a
call and of a proposal, and the IATI transaction types a flow exports as."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from passerelle.accounts.choices import OrganisationType


class ContributionStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    COMMITTED = "committed", _("Committed")
    PAID = "paid", pgettext_lazy("contribution status", "Paid")
    CANCELLED = "cancelled", _("Cancelled")


# A contribution moves forward only; cancelling is possible until it is paid.
NEXT_STATUSES = {
    ContributionStatus.PLEDGED: (ContributionStatus.COMMITTED, ContributionStatus.CANCELLED),
    ContributionStatus.COMMITTED: (ContributionStatus.CANCELLED,),
    ContributionStatus.PAID: (),
    ContributionStatus.CANCELLED: (),
}
# What counts as funding (FTS: commitments and paid contributions); pledges are shown apart.
FUNDED_STATUSES = (ContributionStatus.COMMITTED, ContributionStatus.PAID)


class ContributionKind(models.TextChoices):
    FINANCIAL = "financial", _("Money")
    EXPERT_DAYS = "expert_days", _("Expert-days")
    EQUIPMENT = "equipment", _("Equipment")
    VENUE = "venue", _("Venue")
    PRO_BONO = "pro_bono", _("Pro bono services")
    OTHER_IN_KIND = "other_in_kind", _("Other in-kind help")


IN_KIND_ITEMS = (
    ContributionKind.EQUIPMENT,
    ContributionKind.VENUE,
    ContributionKind.PRO_BONO,
    ContributionKind.OTHER_IN_KIND,
)


class TransactionKind(models.TextChoices):
    DISBURSEMENT = "disbursement", _("Disbursement")
    EXPENDITURE = "expenditure", _("Expenditure")


# IATI 2.03 TransactionType codes.
IATI_INCOMING_COMMITMENT = "11"
IATI_INCOMING_FUNDS = "1"
IATI_OUTGOING_COMMITMENT = "2"
IATI_DISBURSEMENT = "3"
IATI_EXPENDITURE = "4"


class DonorType(models.TextChoices):
    STATE = "state", _("State")
    MULTILATERAL = "multilateral", _("UN agency or multilateral")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    FOUNDATION = "foundation", _("Foundation")
    DIASPORA = "diaspora", _("Diaspora organisation")
    MIGRANT_INDIVIDUAL = "individual", _("Migrant or diaspora individual")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


NON_TRADITIONAL = (
    DonorType.PRIVATE_SECTOR,
    DonorType.FOUNDATION,
    DonorType.DIASPORA,
    DonorType.MIGRANT_INDIVIDUAL,
)

DONOR_TYPE_OF_ORGANISATION = {
    OrganisationType.NATIONAL_GOVERNMENT: DonorType.STATE,
    OrganisationType.LOCAL_GOVERNMENT: DonorType.STATE,
    OrganisationType.PARLIAMENT: DonorType.STATE,
    OrganisationType.REGIONAL_BODY: DonorType.MULTILATERAL,
    OrganisationType.UN_AGENCY: DonorType.MULTILATERAL,
    OrganisationType.INTERNATIONAL_ORGANISATION: DonorType.MULTILATERAL,
    OrganisationType.DIASPORA_ORGANISATION: DonorType.DIASPORA,
    OrganisationType.MIGRANT_ORGANISATION: DonorType.DIASPORA,
    OrganisationType.PRIVATE_SECTOR: DonorType.PRIVATE_SECTOR,
    OrganisationType.FOUNDATION: DonorType.FOUNDATION,
}


def donor_type_of(organisation) -> str:
    return DONOR_TYPE_OF_ORGANISATION.get(organisation.type, DonorType.CIVIL_SOCIETY)


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")
    FUNDED = "funded", _("Funded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Marker(models.TextChoices):
    GENDER = "gender", _("Gender equality")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    CHILD = "child", _("Child-sensitivity")


# Reviewers score each criterion from 0 (absent) to 4 (excellent).
SCORE_MAX = 4


class ReviewStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    CONFLICT = "conflict", _("Conflict of interest declared")
    SUBMITTED = "submitted", _("Submitted")
