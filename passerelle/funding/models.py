"""Money and other resources against needs: what projects require, the contributions that flow
from donors to requests, projects and pooled funds (with their disbursements and expenditure),
the exchange rates they are valued with, donors' stated priorities, and the pooled funds' calls
for proposals, proposals, reviews and scores."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel
from passerelle.hub.models.requests import RequirementLine

from .choices import (
    SCORE_MAX,
    CallStatus,
    ContributionKind,
    ContributionStatus,
    DonorType,
    Marker,
    ProposalStatus,
    ReviewStatus,
    TransactionKind,
)

MONEY = {"max_digits": 16, "decimal_places": 2}
RATE = {"max_digits": 18, "decimal_places": 8}


def _one_of(*fields: str) -> Q:
    """Exactly one of `fields` is set."""
    cases = Q(pk__in=[])
    for chosen in fields:
        case = Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                case &= Q(**{f"{other}__isnull": True})
        cases |= case
    return cases


class ExchangeRate(models.Model):
    """How many US dollars one unit of a currency was worth on a day. Administrators maintain
    them (there is no network call); a flow is valued with the latest rate on or before its
    date, and keeps that rate."""

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("US dollars per unit"), **RATE)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="funding_rate_once_a_day"),
            models.CheckConstraint(condition=Q(usd_per_unit__gt=0), name="funding_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.date:%Y-%m-%d} = {self.usd_per_unit} USD"


class ProjectRequirement(RequirementLine):
    """What a project still needs: the same lines as a request's."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="requirements"
    )

    class Meta(RequirementLine.Meta):
        ordering = ["project", "kind", "pk"]


class Fund(TimeStampedModel):
    """A pooled fund the secretariat runs (like the Migration MPTF): donors deposit into it, its
    steering committee approves proposals, and it transfers money to the projects they become.
    A fund's accounts are in US dollars."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=5000)
    manager = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        related_name="funds_managed",
    )
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("steering committee"),
        related_name="fund_committees",
        blank=True,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("pooled fund")
        verbose_name_plural = _("pooled funds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:fund_detail", args=[self.slug])


class Call(TimeStampedModel):
    """A fund's call for proposals."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="calls")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    eligibility = models.TextField(_("eligibility"), max_length=5000)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", verbose_name=_("thematic areas"), blank=True
    )
    countries = models.ManyToManyField(
        "geo.Country",
        verbose_name=_("eligible countries"),
        blank=True,
        help_text=_("Leave empty for every country."),
    )
    budget_ceiling = models.DecimalField(
        _("budget ceiling (USD)"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    deadline = models.DateTimeField(_("deadline"))
    requires_government = models.BooleanField(
        _("a government entity must take part"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_ceiling__gt=0), name="funding_call_ceiling_positive"
            ),
            models.CheckConstraint(
                condition=Q(status=CallStatus.DRAFT) | Q(published_at__isnull=False),
                name="funding_call_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:call_detail", args=[self.pk])


class Criterion(models.Model):
    """What reviewers score a call's proposals on, with its weight. By default the ten GCM
    guiding principles and the three markers, which are mandatory: a proposal that scores 0 on
    a mandatory criterion cannot be approved."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For a criterion of the call's own.")
    )
    guidance = models.TextField(_("guidance for reviewers"), max_length=2000, blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    principle = models.ForeignKey(
        "taxonomy.GuidingPrinciple", on_delete=models.PROTECT, null=True, blank=True
    )
    marker = models.CharField(_("marker"), max_length=20, choices=Marker.choices, blank=True)
    mandatory = models.BooleanField(_("mandatory"), default=False)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "position"], name="funding_criterion_position"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="funding_criterion_weight"),
            models.CheckConstraint(
                condition=Q(principle__isnull=False) | ~Q(marker="") | ~Q(name=""),
                name="funding_criterion_named",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """In the reader's language: the principle's title, the marker's name, or the call's
        own wording."""
        if self.principle_id is not None:
            return self.principle.title
        if self.marker:
            return self.get_marker_display()
        return self.name


class Proposal(TimeStampedModel):
    """An organisation's proposal to a call, alone or with partners. Its content is private to
    the applicants, the reviewers and the secretariat; once approved, its summary is public in
    the fund's pipeline."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    partners = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("partners"),
        related_name="partner_proposals",
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=3000)
    objectives = models.TextField(_("objectives"), max_length=5000)
    activities = models.TextField(_("activities"), max_length=10_000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    budget = models.DecimalField(
        _("budget requested (USD)"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    months = models.PositiveSmallIntegerField(
        _("duration in months"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    countries = models.ManyToManyField("geo.Country", verbose_name=_("countries"))
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", verbose_name=_("GCM objectives"), blank=True
    )
    gender_marker = models.PositiveSmallIntegerField(
        _("gender equality"), choices=[(0, _("Not targeted")), (1, _("Significant objective")),
                                       (2, _("Principal objective"))],
    )  # fmt: skip
    human_rights_marker = models.PositiveSmallIntegerField(
        _("human rights"), choices=[(0, _("Not targeted")), (1, _("Significant objective")),
                                    (2, _("Principal objective"))],
    )  # fmt: skip
    child_marker = models.PositiveSmallIntegerField(
        _("child-sensitivity"), choices=[(0, _("Not targeted")), (1, _("Significant objective")),
                                         (2, _("Principal objective"))],
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("the committee's note"), max_length=3000, blank=True)
    project = models.OneToOneField(
        "projects.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal",
    )
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="funding_proposal_submitted_once"
            ),
            models.CheckConstraint(condition=Q(budget__gt=0), name="funding_proposal_budget"),
            models.CheckConstraint(
                condition=Q(status=ProposalStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="funding_proposal_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.FUNDED) | Q(project__isnull=False),
                name="funding_proposal_funded_has_project",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:proposal_detail", args=[self.pk])


class Review(TimeStampedModel):
    """A reviewer's review of a proposal: first the conflict-of-interest declaration, then a
    score per criterion. Until it is submitted, the reviewer sees no other review."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="funding_reviews"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.ASSIGNED
    )
    conflict_declared_at = models.DateTimeField(
        _("conflict of interest declared"), null=True, blank=True
    )
    has_conflict = models.BooleanField(_("I have a conflict of interest"), null=True)
    conflict_statement = models.TextField(_("statement"), max_length=2000, blank=True)
    comment = models.TextField(_("overall comment"), max_length=5000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["proposal", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reviewer"], name="funding_review_once_per_reviewer"
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.SUBMITTED)
                | (Q(submitted_at__isnull=False) & Q(has_conflict=False)),
                name="funding_review_submitted_without_conflict",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.CONFLICT) | Q(has_conflict=True),
                name="funding_review_conflict_declared",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} — {self.reviewer}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(SCORE_MAX)])
    comment = models.TextField(_("comment"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="funding_score_once"),
            models.CheckConstraint(
                condition=Q(value__lte=SCORE_MAX), name="funding_score_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class DonorProfile(TimeStampedModel):
    """A contributor's stated priorities — an organisation's or a person's — which the funding
    suggestions read, and whether a person's name may be shown with their contributions."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="donor_profile",
    )
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="donor_profile",
    )
    donor_type = models.CharField(_("type of donor"), max_length=20, choices=DonorType.choices)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", verbose_name=_("capacity areas"), blank=True
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", verbose_name=_("GCM objectives"), blank=True
    )
    regions = models.ManyToManyField("geo.Region", verbose_name=_("regions"), blank=True)
    countries = models.ManyToManyField("geo.Country", verbose_name=_("countries"), blank=True)
    ticket_min = models.DecimalField(
        _("smallest contribution (USD)"), null=True, blank=True, **MONEY
    )
    ticket_max = models.DecimalField(
        _("largest contribution (USD)"), null=True, blank=True, **MONEY
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("donor profile")
        verbose_name_plural = _("donor profiles")
        constraints = [
            models.CheckConstraint(
                condition=_one_of("organisation", "person"), name="funding_donor_one_owner"
            ),
            models.CheckConstraint(
                condition=Q(ticket_min__isnull=True)
                | Q(ticket_max__isnull=True)
                | Q(ticket_min__lte=F("ticket_max")),
                name="funding_donor_ticket_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation or self.person)


class Contribution(TimeStampedModel):
    """One flow of resources: from an organisation, a person or a pooled fund, to a request, a
    project or a fund; money or valued in-kind help; pledged, then committed, then paid through
    its disbursements. A fund's transfer to a project names the deposit it draws on (`parent`),
    so money stays traceable from donor to project."""

    source_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions_made",
    )
    source_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("from (a person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions_made",
    )
    source_fund = models.ForeignKey(
        Fund,
        verbose_name=_("from the fund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers",
    )
    anonymous = models.BooleanField(
        _("keep my name from the public"),
        default=False,
        help_text=_("The secretariat and the recipients still see it."),
    )
    request = models.ForeignKey(
        "hub.SupportRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
    )
    fund = models.ForeignKey(
        Fund,
        verbose_name=_("to the fund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deposits",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("drawn from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    earmark_area = models.ForeignKey(
        "taxonomy.CapacityArea",
        verbose_name=_("earmarked for a thematic area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    earmark_country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("earmarked for a country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    earmark_proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("earmarked for a proposal in the pipeline"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="earmarked_deposits",
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ContributionKind.choices,
        default=ContributionKind.FINANCIAL,
    )
    description = models.CharField(
        _("what"), max_length=200, blank=True, help_text=_("In-kind help: what is given.")
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Expert-days: how many days."),
    )
    amount = models.DecimalField(
        _("amount"), help_text=_("Money, or the value of in-kind help."), **MONEY
    )
    currency = models.CharField(_("currency"), max_length=3)
    value_date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("exchange rate to USD"), **RATE)
    amount_usd = models.DecimalField(_("amount in USD"), **MONEY)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PLEDGED,
    )
    committed_on = models.DateField(_("committed on"), null=True, blank=True)
    paid_on = models.DateField(_("paid in full on"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-value_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=_one_of("source_organisation", "source_person", "source_fund"),
                name="funding_contribution_one_source",
            ),
            models.CheckConstraint(
                condition=_one_of("request", "project", "fund"),
                name="funding_contribution_one_destination",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount_usd__gte=0) & Q(usd_per_unit__gt=0),
                name="funding_contribution_positive",
            ),
            models.CheckConstraint(
                condition=Q(fund__isnull=False)
                | (
                    Q(earmark_area__isnull=True)
                    & Q(earmark_country__isnull=True)
                    & Q(earmark_proposal__isnull=True)
                ),
                name="funding_contribution_earmarks_on_deposits",
            ),
            models.CheckConstraint(
                condition=Q(source_fund__isnull=True) | Q(fund__isnull=True),
                name="funding_contribution_fund_not_to_fund",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ContributionKind.EXPERT_DAYS) | Q(quantity__gt=0),
                name="funding_contribution_expert_days_counted",
            ),
            models.CheckConstraint(
                condition=Q(kind=ContributionKind.FINANCIAL) | ~Q(description=""),
                name="funding_contribution_in_kind_described",
            ),
            models.CheckConstraint(
                condition=~Q(status=ContributionStatus.PAID) | Q(paid_on__isnull=False),
                name="funding_contribution_paid_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=ContributionStatus.COMMITTED) | Q(committed_on__isnull=False),
                name="funding_contribution_committed_has_date",
            ),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"], name="funding_contribution_posted_once"
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} — {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("funding:contribution_detail", args=[self.pk])

    @property
    def destination(self):
        return self.request or self.project or self.fund

    @property
    def source(self):
        return self.source_organisation or self.source_person or self.source_fund


class Transaction(models.Model):
    """Money moving on a contribution: a disbursement (the donor pays part of what it committed)
    or, on a project, expenditure reported against what was disbursed. In the contribution's
    currency, with the rate of the transaction's own date."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="transactions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TransactionKind.choices)
    amount = models.DecimalField(_("amount"), **MONEY)
    value_date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("exchange rate to USD"), **RATE)
    amount_usd = models.DecimalField(_("amount in USD"), **MONEY)
    description = models.CharField(_("description"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["contribution", "value_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount_usd__gte=0),
                name="funding_transaction_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} {self.contribution.currency}"
