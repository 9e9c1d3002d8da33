"""Filters of the list of contributions, shared by the page and the API. The type of donor is not
stored: it follows from the source (a person, a fund, or an organisation's type)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .choices import (
    DONOR_TYPE_OF_ORGANISATION,
    ContributionKind,
    ContributionStatus,
    DonorType,
)
from .models import Contribution

DESTINATIONS = [
    ("request", _("Requests for support")),
    ("project", _("Projects")),
    ("fund", _("Pooled funds")),
]


def donor_type_q(donor_type: str) -> Q:
    """The contributions whose source is of `donor_type`."""
    if donor_type == DonorType.MIGRANT_INDIVIDUAL:
        return Q(source_person__isnull=False)
    types = [t for t, d in DONOR_TYPE_OF_ORGANISATION.items() if d == donor_type]
    found = Q(source_organisation__type__in=types)
    if donor_type == DonorType.CIVIL_SOCIETY:  # every other type of organisation
        found = Q(source_organisation__isnull=False) & ~Q(
            source_organisation__type__in=list(DONOR_TYPE_OF_ORGANISATION)
        )
    if donor_type == DonorType.MULTILATERAL:
        found |= Q(source_fund__isnull=False)
    return found


class ContributionFilter(django_filters.FilterSet):
    donor_type = django_filters.ChoiceFilter(
        label=_("Type of donor"), choices=DonorType.choices, method="of_donor_type"
    )
    destination = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ChoiceFilter(label=_("Given to"), choices=DESTINATIONS, method="given_to")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ContributionStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ContributionKind.choices)
    currency = django_filters.CharFilter(label=_("Currency"), lookup_expr="iexact", max_length=3)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="value_date", lookup_expr="year", min_value=1900,
        max_value=2200,
    )  # fmt: skip

    class Meta:
        model = Contribution
        fields = ["donor_type", "destination", "status", "kind", "currency", "year"]

    def of_donor_type(self, queryset, name, value):
        return queryset.filter(donor_type_q(value))

    def given_to(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})
