"""What the roster's tests build: an expert on the roster (through the service, so with their
published hub offer), a ministry with an editor, and a contact between them."""

import datetime
from decimal import Decimal

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.hub import services as hub_services
from passerelle.taxonomy.models import CapacityArea

from ..services import roster as services
from .factories import country


def roster_data(**overrides) -> services.RosterData:
    values = {
        "headline": "Migration data analyst",
        "expertise": "Twelve years of migration statistics: surveys of returnees, labour "
        "migration data, border crossing figures and the design of data systems.",
        "capacity_areas": [CapacityArea.objects.get(code="DATA")],
        "languages": ["es", "en"],
        "availability": "short_missions",
        "available_from": datetime.date(2026, 1, 1),
        "work_countries": [country("COL"), country("SEN")],
        "days_per_year": 30,
    }
    return services.RosterData(**{**values, **overrides})


def join(user=None, **overrides):
    """An expert (a new person unless given) on the roster."""
    user = user or UserFactory()
    return services.roster_join(actor=user, data=roster_data(**overrides), consent=True)


def ministry():
    """A national government with an editor: (organisation, editor)."""
    organisation = OrganisationFactory(
        type="national_government", name="Ministry of Labour", verification_status="verified"
    )
    return organisation, MembershipFactory(organisation=organisation, role="editor").user


def contact(entry, organisation, editor, **overrides):
    values = {"message": "Could you help us design our labour migration survey?"}
    return services.contact_create(
        actor=editor, entry=entry, organisation=organisation, **{**values, **overrides}
    )


def published_request(organisation, editor, **overrides):
    """A request of `organisation` written in French, submitted and accepted by a broker (the
    hub's own services): published, so matched."""
    values = {
        "title": "Concevoir notre enquête sur les migrations de travail",
        "description": "Le ministère souhaite concevoir une enquête nationale sur les "
        "migrations de travail et améliorer ses statistiques sur les travailleurs à l'étranger.",
        "capacity_areas": [CapacityArea.objects.get(code="DATA")],
        "scope": "national",
        "modality": "hybrid",
        "starts_on": datetime.date(2026, 9, 1),
        "ends_on": datetime.date(2027, 3, 31),
        "support_types": ["technical_assistance"],
        "country": country("SEN"),
        "working_languages": ["fr", "es"],
        "requirements": [
            {
                "kind": "expert_days",
                "description": "Une statisticienne",
                "quantity": Decimal("20"),
                "currency": "",
                "estimated_value": None,
            },
            {
                "kind": "money",
                "description": "Enquête de terrain",
                "quantity": Decimal("40000"),
                "currency": "USD",
                "estimated_value": None,
            },
        ],
    }
    support_request = hub_services.request_create(
        actor=editor, organisation=organisation,
        data=hub_services.RequestData(**{**values, **overrides}),
    )  # fmt: skip
    broker = UserFactory(is_broker=True)
    hub_services.request_submit(actor=editor, support_request=support_request)
    hub_services.request_review(
        actor=broker, support_request=support_request, outcome="accepted", note=""
    )
    support_request.refresh_from_db()
    return support_request
