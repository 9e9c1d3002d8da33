"""The demo's closing report of the IDM 2018 (second session): published, in French, with a
short summary of sessions 1 to 6, and six recommendations and commitments heard, one of them
already turned into a draft pledge of the Senegalese Ministry of the Interior through the pledges
service. Idempotent: the report is found by its event, outcomes by their text."""

import datetime
import re

from django.db import transaction
from django.utils import timezone

from passerelle.accounts.demo import DEMO_DOMAIN
from passerelle.accounts.models import Organisation, User
from passerelle.pledges.services import PledgeData
from passerelle.taxonomy.models import GCMObjective

from .choices import OutcomeKind, OutcomeStatus
from .models import ClosingReport, Event, Outcome, SessionSummary
from .services.outcomes import outcome_to_pledge

IDM_2018 = "idm-2018-session-2"
PLEDGER = "editor.senegal"  # an editor of demo-senegal-interior

SUMMARY = (
    "La deuxième session de l'IDM 2018 a réuni États, organisations internationales, autorités "
    "locales et société civile autour du développement des capacités en gouvernance des "
    "migrations. Les participants ont insisté sur la coordination des appuis, l'appropriation "
    "nationale, la mesure des résultats et un financement durable."
)
SESSIONS = {
    1: "Les cadres mondiaux existent mais restent dispersés : un mécanisme commun de "
    "développement des capacités faciliterait le partage des bonnes pratiques.",
    2: "Le futur réseau des Nations Unies sur les migrations doit offrir un appui cohérent "
    "aux États pour mettre en œuvre le pacte mondial.",
    3: "Les processus consultatifs régionaux et les communautés économiques régionales sont "
    "des relais efficaces du renforcement des capacités.",
    4: "L'évaluation des besoins doit associer toutes les administrations, les autorités "
    "locales, la société civile et la diaspora.",
    5: "Mesurer l'impact exige des indicateurs définis dès la conception des projets et un "
    "suivi au-delà de leur fin.",
    6: "Les financements doivent suivre les besoins exprimés par les pays et s'inscrire "
    "dans la durée.",
}
# (key, kind, session, owner slug, days after the event for the deadline, status, text)
OUTCOMES = [
    ("jumelage", OutcomeKind.COMMITMENT, 4, "demo-senegal-interior", 365, OutcomeStatus.IN_PROGRESS,
     "Mettre en place un jumelage avec une administration homologue pour former les agents de "
     "la police des frontières à l'analyse des données migratoires."),
    ("reseau", OutcomeKind.RECOMMENDATION, 2, "demo-iom-dakar", 180, OutcomeStatus.OPEN,
     "Publier un répertoire des outils de développement des capacités proposés par les "
     "agences des Nations Unies, tenu à jour par le futur réseau."),
    ("regional", OutcomeKind.RECOMMENDATION, 3, "demo-ecowas-commission", 270, OutcomeStatus.OPEN,
     "Inscrire le renforcement des capacités migratoires à l'ordre du jour de chaque réunion "
     "ministérielle régionale."),
    ("besoins", OutcomeKind.COMMITMENT, 4, "demo-senegal-dgase", 240, OutcomeStatus.OPEN,
     "Associer les associations de la diaspora à l'évaluation des besoins de capacités des "
     "services consulaires."),
    ("indicateurs", OutcomeKind.RECOMMENDATION, 5, "demo-icmpd", 300, OutcomeStatus.OPEN,
     "Définir un socle commun d'indicateurs de résultat pour les projets de développement des "
     "capacités."),
    ("financement", OutcomeKind.COMMITMENT, 6, "demo-caritas-maroc", 365, OutcomeStatus.DONE,
     "Consacrer une part des fonds de chaque projet au suivi des capacités après sa fin."),
]  # fmt: skip


def _sessions(event: Event) -> dict[int, object]:
    sessions = {}
    for item in event.agenda_items.order_by("starts_at", "pk"):
        found = re.match(r"S(?:ession|éance) (\d+)\b", item.title)
        if found and int(found.group(1)) in SESSIONS:
            sessions.setdefault(int(found.group(1)), item)
    return sessions


@transaction.atomic
def load_outcomes(context) -> None:
    event = Event.objects.filter(slug=IDM_2018).first()
    if event is None:
        return
    sessions = _sessions(event)
    report, _created = ClosingReport.objects.get_or_create(
        event=event, defaults={"summary": SUMMARY, "published_at": timezone.now()}
    )
    for number, item in sessions.items():
        SessionSummary.objects.get_or_create(
            report=report, item=item, defaults={"text": SESSIONS[number]}
        )
    owners = Organisation.objects.in_bulk([row[3] for row in OUTCOMES], field_name="slug")
    end = event.ends_on or datetime.date.today()
    outcomes = {}
    for key, kind, session, owner, days, status, text in OUTCOMES:
        outcomes[key], _created = Outcome.objects.get_or_create(
            event=event,
            text=text,
            defaults={
                "kind": kind,
                "item": sessions.get(session),
                "owner": owners.get(owner),
                "deadline": end + datetime.timedelta(days=days),
                "status": status,
                "is_demo": True,
            },
        )
    _pledge(outcomes["jumelage"])


def _pledge(outcome: Outcome) -> None:
    """The twinning commitment, pledged by an editor of its owner (once)."""
    if outcome.pledge_id or outcome.owner is None:
        return
    editor = User.objects.filter(email=f"{PLEDGER}@{DEMO_DOMAIN}", is_active=True).first()
    objectives = list(GCMObjective.objects.order_by("number").filter(number__in=(1, 23)))
    if editor is None or not objectives:
        return
    data = PledgeData(
        title="Jumelage pour l'analyse des données migratoires",
        description=outcome.text,
        language="fr",
        form="human_resource",
        type="individual",
        gcm_objectives=objectives,
        deadline=outcome.deadline,
        pledged_on=outcome.event.ends_on,
    )
    outcome_to_pledge(actor=editor, outcome=outcome, data=data)
