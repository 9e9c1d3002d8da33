"""The opportunities area's demo data: a dozen open engagement opportunities of every kind, posted
by demo governments and partners (Senegal's Ministry of the Interior, Mexico's SEGOB, the City of
Montreal, IOM's regional office, Caritas Maroc), some serving demo requests for support and
projects; responses from demo members in every status; and one closed opportunity.

Idempotent: each opportunity has a stable submission key; one already there is left as it is."""

import datetime
import uuid

from django.utils import timezone

from passerelle.accounts.demo import DEMO_DOMAIN
from passerelle.accounts.models import Organisation, User
from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea

from .choices import ResponseStatus
from .models import Opportunity
from .services import opportunities as services

NAMESPACE = uuid.UUID("6f1d2f0e-3d4b-4c4e-9a51-1d1a0d1a5e01")
POSTERS = {
    "senegal": ("focal.senegal", "demo-senegal-interior"),
    "mexico": ("focal.mexico", "demo-mexico-segob"),
    "montreal": ("city.montreal", "demo-ville-de-montreal"),
    "iom": ("iom", "demo-iom-dakar"),
    "caritas": ("ngo", "demo-caritas-maroc"),
}
# (poster, kind, language, title, description, origins, where, remote, places, days left, link)
OPPORTUNITIES = [
    ("senegal", "expert_mission", "fr", "Experts en état civil numérique : mission courte",
     "Accompagner la numérisation des registres d'état civil dans trois régions.",
     ["SEN"], ["SEN"], False, 3, 30, "request"),
    ("senegal", "co_funding", "fr", "Cofinancer la formation des agents aux frontières",
     "La diaspora peut cofinancer la formation demandée par le ministère.",
     ["SEN"], ["SEN"], True, None, 45, "request"),
    ("senegal", "investment", "fr", "Investir dans les zones économiques spéciales",
     "Rencontres avec les investisseurs de la diaspora et accompagnement personnalisé.",
     ["SEN"], ["SEN"], False, None, 60, ""),
    ("mexico", "consultation", "es", "Consulta: servicios consulares para la diáspora",
     "Queremos conocer su experiencia con los consulados y el voto en el extranjero.",
     ["MEX"], [], True, None, 25, ""),
    ("mexico", "mentoring", "es", "Mentores para jóvenes emprendedores en Oaxaca",
     "Mentorías virtuales de seis meses, una hora cada dos semanas.",
     ["MEX"], ["MEX"], True, 10, 40, ""),
    ("montreal", "volunteering", "fr", "Bénévoles pour l'accueil des nouveaux arrivants",
     "Accompagner les familles dans leurs premières démarches à Montréal.",
     [], ["CAN"], False, 15, 35, ""),
    ("montreal", "consultation", "en", "Consultation: the city's diaspora engagement plan",
     "Tell us how the city can support diaspora associations.",
     [], ["CAN"], True, None, 20, ""),
    ("iom", "expert_mission", "en", "Diaspora health professionals for short missions",
     "Two- to four-week missions in district hospitals of West Africa.",
     ["SEN", "MLI", "GIN"], ["SEN"], False, 5, 50, "project"),
    ("iom", "mentoring", "en", "Virtual mentoring for returnee entrepreneurs",
     "Coach returnees through their first year of business.",
     [], ["SEN", "GMB"], True, 12, 30, ""),
    ("iom", "co_funding", "en", "Co-fund a migrant resource centre",
     "Diaspora associations may co-fund the centre alongside IOM.",
     [], ["SEN"], False, None, 55, "project"),
    ("caritas", "volunteering", "fr", "Bénévoles juristes pour l'accompagnement des migrants",
     "Permanences juridiques à distance, deux heures par semaine.",
     ["MAR"], ["MAR"], True, 6, 28, ""),
    ("caritas", "investment", "es", "Inversión social: talleres de formación profesional",
     "Apoye talleres de formación para jóvenes en Tánger.",
     ["MAR"], ["MAR"], False, None, 42, ""),
    ("iom", "consultation", "fr", "Consultation close : priorités de la diaspora 2026",
     "Vos priorités pour le prochain programme régional (consultation terminée).",
     [], [], True, None, 10, "closed"),
]  # fmt: skip
MESSAGES = (
    "I have ten years of experience in this field and would be glad to help.",
    "Je suis très intéressée et disponible dès le mois prochain.",
    "Me interesa mucho; puedo dedicar algunas horas cada semana.",
    "Happy to contribute; I can share references.",
    "Disponible pour une mission courte, avec mon association.",
)
# The statuses the demo's responses end in, in turn.
ENDINGS = (
    ResponseStatus.SUBMITTED,
    ResponseStatus.SHORTLISTED,
    ResponseStatus.ACCEPTED,
    ResponseStatus.DECLINED,
    ResponseStatus.WITHDRAWN,
)


def load(context) -> None:
    members = [profile.user for profile in context.data.get("diaspora_members") or []]
    posters = _posters()
    if not posters:
        return
    countries = {c.iso3: c for c in Country.objects.all()}
    areas = list(CapacityArea.objects.order_by("code")[:6])
    for number, row in enumerate(OPPORTUNITIES):
        poster, kind, language, title, description, origins, where, remote, places, days, link = row
        if poster not in posters:
            continue
        key = uuid.uuid5(NAMESPACE, f"diaspora-opportunity-demo:{number}")
        if Opportunity.objects.filter(submission_key=key).exists():
            continue
        actor, organisation = posters[poster]
        data = services.OpportunityData(
            kind=kind, title=title, description=description, language=language,
            deadline=timezone.localdate() + datetime.timedelta(days=days),
            places=places, is_remote=remote,
            countries=[countries[c] for c in where if c in countries],
            origin_countries=[countries[c] for c in origins if c in countries],
            capacity_areas=areas[number % len(areas) :][:2] if areas else [],
            **_links(actor, organisation, link),
        )  # fmt: skip
        opportunity = services.opportunity_create(
            actor=actor, organisation=organisation, data=data, submission_key=key, is_demo=True
        )
        services.opportunity_publish(actor=actor, opportunity=opportunity)
        _responses(actor, opportunity, members, number)
        if link == "closed":
            services.opportunity_close(actor=actor, opportunity=opportunity)


def _posters() -> dict:
    found = {}
    for name, (login, slug) in POSTERS.items():
        user = User.objects.filter(email=f"{login}@{DEMO_DOMAIN}").first()
        organisation = Organisation.objects.filter(slug=slug).first()
        if user is not None and organisation is not None:
            found[name] = (user, organisation)
    return found


def _links(actor, organisation, link: str) -> dict:
    """A demo request of the poster's organisation, or a demo project the poster can see."""
    if link == "request":
        found = SupportRequest.objects.visible_to(actor).filter(
            is_demo=True, organisation=organisation
        )
        return {"support_request": found.order_by("pk").first()}
    if link == "project":
        return {
            "project": Project.objects.visible_to(actor).filter(is_demo=True).order_by("pk").first()
        }
    return {}


def _responses(poster, opportunity: Opportunity, members, number: int) -> None:
    """Two or three members respond; their responses end in every status across the demo."""
    outside = [m for m in members if opportunity.organisation_id not in m.organisation_ids]
    if not outside:
        return
    count = 3 if opportunity.places is None or opportunity.places >= 3 else 2
    for offset in range(count):
        person = outside[(number * 3 + offset) % len(outside)]
        if opportunity.responses.filter(person=person).exists():
            continue
        response = services.response_submit(
            actor=person, opportunity=opportunity,
            kind="application" if offset % 2 == 0 else "interest",
            message=MESSAGES[(number + offset) % len(MESSAGES)],
        )  # fmt: skip
        _end(poster, person, response, ENDINGS[(number + offset) % len(ENDINGS)])


def _end(poster, person, response, ending: str) -> None:
    if ending == ResponseStatus.SUBMITTED:
        return
    if ending == ResponseStatus.WITHDRAWN:
        services.response_withdraw(actor=person, response=response)
        return
    if ending in (ResponseStatus.SHORTLISTED, ResponseStatus.ACCEPTED):
        services.response_shortlist(actor=poster, response=response, answer="")
    if ending == ResponseStatus.ACCEPTED:
        services.response_accept(
            actor=poster, response=response, answer="Welcome! We will contact you this week."
        )
    if ending == ResponseStatus.DECLINED:
        services.response_decline(
            actor=poster,
            response=response,
            answer="Thank you; we chose a profile closer to the need.",
        )
