"""Funding in the API: pooled funds with their balance, calls for proposals with their criteria,
the proposals each reader may see (their content only: reviews and scores are never in the API),
contributions with their transactions, projects' requirements and the exchange rates. Anyone
signed in records a contribution by POST, in their own name or for an organisation they edit;
the rest of the workflow goes through the pages."""

from collections import defaultdict
from decimal import Decimal

import django_filters
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea

from . import services
from .choices import CallStatus, ContributionKind, ContributionStatus, ProposalStatus
from .choices import TransactionKind as Kind
from .exports import DESTINATION_TYPES, destination_type, source_name
from .models import (
    MONEY,
    RATE,
    Call,
    Contribution,
    Criterion,
    ExchangeRate,
    Fund,
    ProjectRequirement,
    Proposal,
    Transaction,
)
from .permissions import names_source
from .rates import CENT
from .services.contributions import donor_type_of_source

# --- funds -------------------------------------------------------------------------------------


class FundManagerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class FundSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:fund-detail")
    html_url = serializers.SerializerMethodField()
    manager = FundManagerSerializer(read_only=True)
    balance = serializers.DecimalField(
        source="balance_usd", read_only=True, **MONEY,
        help_text=_("What the fund holds, in US dollars: deposits paid in, less its transfers."),
    )  # fmt: skip

    class Meta:
        model = Fund
        fields = ["url", "html_url", "id", "name", "slug", "description", "manager", "balance"]

    def get_html_url(self, fund) -> str:
        return self.context["request"].build_absolute_uri(fund.get_absolute_url())


def fund_balances(fund_ids) -> dict[int, Decimal]:
    """services.balance for many funds in three queries: each paid-in deposit's remainder (what
    its disbursements brought in, less the transfers drawn on it), summed over the fund."""
    deposits = dict(
        Contribution.objects.filter(fund__in=fund_ids, kind=ContributionKind.FINANCIAL)
        .exclude(status=ContributionStatus.CANCELLED)
        .values_list("pk", "fund_id")
    )
    paid = (
        Transaction.objects.filter(contribution__in=list(deposits), kind=Kind.DISBURSEMENT)
        .values("contribution")
        .annotate(total=Sum("amount_usd"))
    )
    drawn = (
        Contribution.objects.filter(parent__in=list(deposits))
        .exclude(status=ContributionStatus.CANCELLED)
        .values("parent")
        .annotate(total=Sum("amount_usd"))
    )
    left: dict[int, Decimal] = defaultdict(Decimal)
    for row in paid:
        left[row["contribution"]] += row["total"]
    for row in drawn:
        left[row["parent"]] -= row["total"]
    balances = dict.fromkeys(fund_ids, Decimal(0))
    for deposit, amount in left.items():
        if amount > 0:
            balances[deposits[deposit]] += amount
    return {pk: amount.quantize(CENT) for pk, amount in balances.items()}


class FundViewSet(viewsets.ReadOnlyModelViewSet):
    """Pooled funds, public, with their balance in US dollars."""

    serializer_class = FundSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Fund.objects.none()
        return Fund.objects.visible_to(self.request.user).select_related("manager")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return with_balances(page) if page is not None else None

    def retrieve(self, request, *args, **kwargs):
        [fund] = with_balances([self.get_object()])
        return Response(self.get_serializer(fund).data)


def with_balances(funds: list) -> list:
    balances = fund_balances([fund.pk for fund in funds])
    for fund in funds:
        fund.balance_usd = balances[fund.pk]
    return funds


# --- calls -------------------------------------------------------------------------------------


class CriterionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True, help_text=_("In the reader's language."))
    principle = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Criterion
        fields = ["id", "position", "label", "guidance", "weight", "mandatory", "principle",
                  "marker"]  # fmt: skip


class CallSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:call-detail")
    html_url = serializers.SerializerMethodField()
    fund = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = Call
        fields = ["url", "html_url", "id", "fund", "title", "description", "eligibility",
                  "capacity_areas", "countries", "budget_ceiling", "deadline",
                  "requires_government", "status", "published_at", "criteria"]  # fmt: skip

    def get_html_url(self, call) -> str:
        return self.context["request"].build_absolute_uri(call.get_absolute_url())


class CallFilter(django_filters.FilterSet):
    fund = django_filters.CharFilter(label=_("Fund (short name)"), field_name="fund__slug")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CallStatus.choices)

    class Meta:
        model = Call
        fields = ["fund", "status"]


class CallViewSet(viewsets.ReadOnlyModelViewSet):
    """Calls for proposals: open and closed ones for everyone, drafts for the secretariat, with
    the criteria reviewers score. Filter by fund (short name) and status."""

    serializer_class = CallSerializer
    filterset_class = CallFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Call.objects.none()
        return (
            Call.objects.visible_to(self.request.user)
            .select_related("fund")
            .prefetch_related("capacity_areas", "countries", "criteria__principle")
        )


# --- proposals ---------------------------------------------------------------------------------


class ProposalMarkersSerializer(serializers.Serializer):
    """0 not targeted, 1 significant objective, 2 principal objective."""

    gender = serializers.IntegerField(source="gender_marker")
    human_rights = serializers.IntegerField(source="human_rights_marker")
    child = serializers.IntegerField(source="child_marker")


class ProposalSerializer(serializers.ModelSerializer):
    """A proposal's content. Reviews, scores and the committee's note are not part of it."""

    url = serializers.HyperlinkedIdentityField(view_name="api:proposal-detail")
    html_url = serializers.SerializerMethodField()
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    partners = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    markers = ProposalMarkersSerializer(source="*", read_only=True)
    project = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = ["url", "html_url", "id", "call", "organisation", "partners", "title",
                  "summary", "objectives", "activities", "language", "budget", "months",
                  "countries", "capacity_areas", "gcm_objectives", "markers", "status",
                  "submitted_at", "decided_at", "project"]  # fmt: skip

    def get_html_url(self, proposal) -> str:
        return self.context["request"].build_absolute_uri(proposal.get_absolute_url())

    def get_project(self, proposal) -> int | None:
        """The project the grant created, if the caller may see it."""
        return proposal.project_id if proposal.project_shown else None


class ProposalFilter(django_filters.FilterSet):
    call = django_filters.NumberFilter(label=_("Call"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices)
    organisation = django_filters.CharFilter(
        label=_("Lead organisation (short name)"), field_name="organisation__slug"
    )

    class Meta:
        model = Proposal
        fields = ["call", "status", "organisation"]


class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    """Proposals: approved and funded ones (the fund's pipeline) for everyone; the others for
    their applicants and, once submitted, for their reviewers, the fund's steering committee and
    the secretariat. Filter by call, status and organisation (short name)."""

    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Proposal.objects.none()
        user = self.request.user
        # The rule joins partners and committees: a subquery keeps one row per proposal.
        visible = Proposal.objects.visible_to(user).values("pk")
        projects = Project.objects.visible_to(user).filter(pk=OuterRef("project_id"))
        return (
            Proposal.objects.filter(pk__in=visible)
            .select_related("organisation")
            .prefetch_related("partners", "countries", "capacity_areas", "gcm_objectives")
            .annotate(project_shown=Exists(projects))
        )


# --- contributions -----------------------------------------------------------------------------


class TransactionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Transaction
        fields = ["id", "kind", "amount", "value_date", "usd_per_unit", "amount_usd",
                  "description"]  # fmt: skip


class SourceSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["organisation", "person", "fund"])
    id = serializers.IntegerField(
        allow_null=True, help_text=_("The organisation, person or fund; null when unnamed.")
    )
    name = serializers.CharField(
        allow_null=True,
        help_text=_("Null when the caller may not read it (a person who asked to stay "
                    "anonymous, or the platform's rule for contributors' names)."),
    )  # fmt: skip
    donor_type = serializers.CharField()


class DestinationSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=DESTINATION_TYPES)
    id = serializers.IntegerField()


class EarmarksSerializer(serializers.Serializer):
    capacity_area = serializers.CharField(source="earmark_area.code", allow_null=True)
    country = serializers.CharField(source="earmark_country.iso3", allow_null=True)
    proposal = serializers.IntegerField(source="earmark_proposal_id", allow_null=True)


class ContributionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:contribution-detail")
    source = serializers.SerializerMethodField()
    destination = serializers.SerializerMethodField()
    earmarks = EarmarksSerializer(source="*", read_only=True)
    transactions = TransactionSerializer(many=True, read_only=True)

    class Meta:
        model = Contribution
        fields = ["url", "id", "source", "destination", "parent", "earmarks", "kind",
                  "description", "quantity", "amount", "currency", "value_date", "usd_per_unit",
                  "amount_usd", "status", "committed_on", "paid_on", "transactions"]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(SourceSerializer)
    def get_source(self, contribution) -> dict:
        named = names_source(self.context["request"].user, contribution)
        source = (
            ("fund", contribution.source_fund_id)
            if contribution.source_fund_id is not None
            else ("organisation", contribution.source_organisation_id)
            if contribution.source_organisation_id is not None
            else ("person", contribution.source_person_id)
        )
        return {
            "type": source[0],
            "id": source[1] if named else None,
            "name": source_name(contribution, named=named),
            "donor_type": donor_type_of_source(contribution),
        }

    @extend_schema_field(DestinationSerializer)
    def get_destination(self, contribution) -> dict:
        kind = destination_type(contribution)
        return {"type": kind, "id": getattr(contribution, f"{kind}_id")}


class ContributionCreateSerializer(serializers.Serializer):
    source_organisation = serializers.IntegerField(
        required=False, allow_null=True, default=None,
        help_text=_("The organisation giving (you edit it); leave it out to give in your own "
                    "name."),
    )  # fmt: skip
    request = serializers.IntegerField(required=False, allow_null=True, default=None)
    project = serializers.IntegerField(required=False, allow_null=True, default=None)
    fund = serializers.IntegerField(required=False, allow_null=True, default=None)
    kind = serializers.ChoiceField(choices=ContributionKind.choices,
                                   default=ContributionKind.FINANCIAL)  # fmt: skip
    amount = serializers.DecimalField(
        **MONEY, help_text=_("Money, or the value of in-kind help, in the currency given.")
    )
    currency = serializers.CharField(max_length=3)
    value_date = serializers.DateField()
    description = serializers.CharField(required=False, allow_blank=True, default="",
                                        max_length=200)  # fmt: skip
    quantity = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True, default=None,
        help_text=_("Expert-days: how many days."),
    )  # fmt: skip
    anonymous = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    status = serializers.ChoiceField(
        choices=[
            (ContributionStatus.PLEDGED, ContributionStatus.PLEDGED.label),
            (ContributionStatus.COMMITTED, ContributionStatus.COMMITTED.label),
        ],
        default=ContributionStatus.PLEDGED,
    )
    submission_key = serializers.UUIDField(
        required=False, allow_null=True, default=None,
        help_text=_("Posting again with the same key returns the contribution already made."),
    )  # fmt: skip
    earmark_area = serializers.SlugRelatedField(
        slug_field="code", queryset=CapacityArea.objects.all(), required=False, allow_null=True,
        default=None,
    )  # fmt: skip
    earmark_country = serializers.SlugRelatedField(
        slug_field="iso3", queryset=Country.objects.all(), required=False, allow_null=True,
        default=None,
    )  # fmt: skip
    earmark_proposal = serializers.IntegerField(required=False, allow_null=True, default=None)

    def validate(self, values):
        given = [name for name in DESTINATION_TYPES if values.get(name) is not None]
        if len(given) != 1:
            raise serializers.ValidationError(
                {"destination": _("Give exactly one of request, project and fund.")}
            )
        return values


def _visible_one(queryset, user, pk):
    return queryset.visible_to(user).filter(pk=pk).first()


class ContributionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ContributionStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ContributionKind.choices)
    currency = django_filters.CharFilter(label=_("Currency"), lookup_expr="iexact")
    year = django_filters.NumberFilter(label=_("Year"), field_name="value_date",
                                       lookup_expr="year")  # fmt: skip
    request = django_filters.NumberFilter(label=pgettext_lazy("noun", "Request"))
    project = django_filters.NumberFilter(label=_("Project"))
    fund = django_filters.NumberFilter(label=_("Fund"))
    parent = django_filters.NumberFilter(label=_("Drawn from"))

    class Meta:
        model = Contribution
        fields = ["status", "kind", "currency", "year", "request", "project", "fund", "parent"]


class ContributionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """Contributions, as visible as where they go (a fund's are public), and to their sources.
    A source is named only to those who may read the name. Filter by status, kind, currency,
    year, request, project, fund and parent (ids). POST records a pledge or a commitment."""

    serializer_class = ContributionSerializer
    filterset_class = ContributionFilter
    lookup_value_regex = r"\d+"
    # Lets registered users through PolicyPermission's write gate; the service decides who may
    # give from which organisation, to what.
    policy_action = "view"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contribution.objects.none()
        return (
            Contribution.objects.visible_to(self.request.user)
            .select_related(
                "source_organisation", "source_person", "source_fund", "request", "project",
                "earmark_area", "earmark_country",
            )
            .prefetch_related("project__participants", "transactions")
        )  # fmt: skip

    @extend_schema(request=ContributionCreateSerializer, responses={201: ContributionSerializer})
    def create(self, request):
        entry = ContributionCreateSerializer(data=request.data)
        entry.is_valid(raise_exception=True)
        values = entry.validated_data
        user = request.user
        found, errors = {}, {}
        lookups = {
            "source_organisation": (Organisation.objects.all(), _("No organisation has this id.")),
            "request": (SupportRequest.objects, _("No request you may see has this id.")),
            "project": (Project.objects, _("No project you may see has this id.")),
            "fund": (Fund.objects, _("No fund has this id.")),
            "earmark_proposal": (Proposal.objects, _("No proposal you may see has this id.")),
        }
        for name, (queryset, message) in lookups.items():
            if values[name] is None:
                found[name] = None
            elif name == "source_organisation":
                found[name] = queryset.filter(pk=values[name]).first()
            else:
                found[name] = _visible_one(queryset, user, values[name])
            if values[name] is not None and found[name] is None:
                errors[name] = [message]
        if errors:
            raise serializers.ValidationError(errors)
        data = services.ContributionData(
            kind=values["kind"],
            amount=values["amount"],
            currency=values["currency"],
            value_date=values["value_date"],
            description=values["description"],
            quantity=values["quantity"],
            anonymous=values["anonymous"],
            note=values["note"],
            earmark_area=values["earmark_area"],
            earmark_country=values["earmark_country"],
            earmark_proposal=found["earmark_proposal"],
        )
        contribution = services.contribution_create(
            actor=user, data=data, request=found["request"], project=found["project"],
            fund=found["fund"], source_organisation=found["source_organisation"],
            status=values["status"], submission_key=values["submission_key"],
        )  # fmt: skip
        out = self.get_queryset().get(pk=contribution.pk)
        return Response(self.get_serializer(out).data, status=status.HTTP_201_CREATED)


# --- requirements and rates --------------------------------------------------------------------


class ProjectRequirementSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectRequirement
        fields = ["id", "project", "kind", "description", "quantity", "currency",
                  "estimated_value"]  # fmt: skip


class ProjectRequirementFilter(django_filters.FilterSet):
    project = django_filters.NumberFilter(label=_("Project"))

    class Meta:
        model = ProjectRequirement
        fields = ["project", "kind"]


class ProjectRequirementViewSet(viewsets.ReadOnlyModelViewSet):
    """What projects need (money, expert-days, in-kind items), as visible as the project.
    Filter by project (id) and kind."""

    serializer_class = ProjectRequirementSerializer
    filterset_class = ProjectRequirementFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProjectRequirement.objects.none()
        return ProjectRequirement.objects.filter(
            project__in=Project.objects.visible_to(self.request.user).values("pk")
        )


class ExchangeRateSerializer(serializers.ModelSerializer):
    usd_per_unit = serializers.DecimalField(read_only=True, **RATE)

    class Meta:
        model = ExchangeRate
        fields = ["id", "currency", "date", "usd_per_unit"]


class ExchangeRateFilter(django_filters.FilterSet):
    currency = django_filters.CharFilter(label=_("Currency"), lookup_expr="iexact")
    since = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    until = django_filters.DateFilter(label=_("Until"), field_name="date", lookup_expr="lte")

    class Meta:
        model = ExchangeRate
        fields = ["currency", "since", "until"]


class ExchangeRateViewSet(viewsets.ReadOnlyModelViewSet):
    """The exchange rates contributions are valued with: US dollars per unit of a currency from
    a date on. Filter by currency, since and until (dates)."""

    serializer_class = ExchangeRateSerializer
    filterset_class = ExchangeRateFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExchangeRate.objects.none()
        return ExchangeRate.objects.order_by("currency", "-date")
