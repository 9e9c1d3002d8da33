"""What the accounts app adds to other modules' pages (core.sections)."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.sections import register_section

from .choices import OrganisationType, VerificationStatus
from .models import Organisation


def home_figures(request, obj):
    counts = dict(Organisation.objects.values_list("type").annotate(n=Count("pk")).order_by())
    directory = reverse("accounts:organisation_list")
    by_type = [
        (label, counts.get(value, 0), f"{directory}?type={value}")
        for value, label in OrganisationType.choices
    ]
    verified = Organisation.objects.filter(verification_status=VerificationStatus.VERIFIED).count()
    return {
        "figures": [
            (_("organisations"), sum(counts.values()), directory),
            (
                _("verified government focal points"),
                verified,
                f"{directory}?verification_status=verified",
            ),
        ],
        "by_type": by_type,
        "by_type_max": max([count for _, count, _ in by_type] or [0]),
    }


def country_organisations(request, country):
    organisations = Organisation.objects.filter(country=country).select_related("parent")
    return {"organisations": organisations.order_by("type", "name"), "country": country}


def regional_body_organisations(request, body):
    organisations = Organisation.objects.filter(country__in=body.members.all()).select_related(
        "country"
    )
    return {"organisations": organisations.order_by("name"), "body": body}


register_section(
    "home",
    "organisations",
    template="accounts/_home_figures.html",
    get_context=home_figures,
    order=10,
)
register_section(
    "country",
    "organisations",
    template="accounts/_organisation_section.html",
    get_context=country_organisations,
    order=10,
)
register_section(
    "regional_body",
    "organisations",
    template="accounts/_organisation_section.html",
    get_context=regional_body_organisations,
    order=10,
)
