"""The events part of the demo: a past event, an open one and one by invitation only.

- The second session of the International Dialogue on Migration 2018 (Geneva, 8-9 October 2018),
  loaded from the seed agenda (`seed.load_idm2018`, organised by the IOM demo organisation):
  fictional moderators and speakers for the opening, sessions 1 to 6, the migrants' voices and
  the side event; about sixty confirmed participants — the demo users of the accounts step (and
  of later steps when they ran) and delegations registered by their focal points — most of them
  checked in; the side event "Lancement de la plateforme iDiaspora" filled to 38 of its 40 seats.
- An upcoming hybrid review forum in 2027, in English, open for registration (100 seats, a
  required question on accessibility and interpretation needs), with three agenda items.
- An RCP technical meeting in December 2026, in Spanish, by invitation only, with a few
  invitations and the registrations of two invited people.

Registrations go through `services.registrations.register`, which takes the seats. The IDM is
long over and its registration closed: the demo registers its participants on a copy of the
event whose registration window is open (`_registrable`), then dates the registrations and
check-ins back to 2018. Idempotent: each registration has a fixed submission token (`uuid5`),
which the service recognises; speakers are found by name, agenda items by start and kind.

Everything is demo data: `Event.is_demo`, `Speaker.is_demo`, `Registration.is_demo`.
"""

import copy
import datetime
import uuid
import zoneinfo

from django.utils import timezone
from django.utils.text import slugify

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.demo import DEMO_DOMAIN
from passerelle.accounts.models import Organisation, User
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country

from .choices import (
    AgendaItemKind,
    EventFormat,
    EventKind,
    EventStatus,
    PartnerRole,
    RegistrationType,
    SpeakerRole,
)
from .demo_outcomes import load_outcomes
from .demo_participation import load_participation
from .demo_spaces import load_spaces
from .models import (
    AgendaItem,
    Appearance,
    Event,
    EventInvitation,
    EventPartner,
    GuidingQuestion,
    Registration,
    Speaker,
)
from .seed import load_idm2018
from .services.registrations import RegistrationData, check_in, register

NAMESPACE = uuid.UUID("6c1d8f0a-2b7e-4f39-9a51-0e8b3d7c4a92")
IOM = "demo-iom-dakar"
ORGANISER = "iom"  # the IOM demo organisation's administrator: organises and checks in
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
SIDE_EVENT_TAKEN = 38  # of its 40 seats
FICTIONAL = " Personne fictive, créée pour la démonstration."

T = RegistrationType

# key, name, position, affiliation, short biography (in French)
SPEAKERS = [
    ("kone", "Amara Koné", "Directrice du développement des capacités",
     "Organisation internationale pour les migrations (OIM)",
     "A dirigé des programmes de formation à la gestion des migrations en Afrique de l'Ouest "
     "avant de rejoindre le siège."),
    ("marchand", "Julien Marchand", "Conseiller principal pour le pacte mondial",
     "Organisation internationale pour les migrations (OIM)",
     "Suit les négociations intergouvernementales sur les migrations depuis dix ans."),
    ("martin", "Pierre-Yves Martin", "Coordinateur de l'engagement des diasporas",
     "Organisation internationale pour les migrations (OIM)",
     "Anime les partenariats avec les associations de la diaspora et la plateforme iDiaspora."),
    ("girard", "Hélène Girard", "Responsable du suivi et de l'évaluation",
     "Organisation internationale pour les migrations (OIM)",
     "Spécialiste de l'évaluation d'impact des projets de renforcement des capacités."),
    ("sow", "Mamadou Sow", "Directeur de la coopération technique",
     "Ministère de l'Intérieur du Sénégal",
     "Coordonne la stratégie nationale de formation des agents de la police des frontières."),
    ("diallo", "Fatimata Diallo", "Directrice des études",
     "Direction générale d'appui aux Sénégalais de l'extérieur",
     "Conduit l'évaluation des besoins des services consulaires sénégalais."),
    ("lindqvist", "Tobias Lindqvist", "Expert en gestion des frontières",
     "International Centre for Migration Policy Development",
     "Conçoit des formations régionales à la gestion intégrée des frontières."),
    ("rahman", "Aisha Rahman", "Porte-parole",
     "Asian Migrant Workers' Network Hong Kong",
     "Ancienne travailleuse domestique, elle défend les droits des travailleuses migrantes."),
    ("santos", "Maria Santos", "Sous-secrétaire chargée de la coopération internationale",
     "Department of Migrant Workers, Philippines",
     "A mis en place les formations préalables au départ des travailleurs philippins."),
    ("quispe", "Rosa Quispe", "Chercheuse en statistiques migratoires",
     "Universidad de los Andes — Migration Data Lab",
     "Travaille sur les enquêtes auprès des personnes migrantes vénézuéliennes en Colombie."),
    ("owusu", "Grace Owusu", "Chargée de programme, libre circulation",
     "ECOWAS Commission — Free Movement Directorate",
     "Suit la mise en œuvre du protocole de la CEDEAO sur la libre circulation des personnes."),
    ("valdivia", "Inés Valdivia", "Directrice de la politique migratoire",
     "Secretaría de Gobernación de México",
     "A coordonné la préparation régionale du pacte mondial en Amérique centrale."),
    ("alaoui", "Youssef Alaoui", "Coordinateur du service des migrants",
     "Caritas Maroc — Service des migrants",
     "Accompagne les associations locales dans l'accueil des personnes migrantes."),
    ("haddad", "Layla Haddad", "Membre de la commission du travail",
     "Parliament of Jordan — Labour Committee",
     "A porté la réforme du recrutement des travailleurs migrants."),
    ("dubois", "Claire Dubois", "Responsable des partenariats",
     "Ville de Montréal — Bureau d'intégration des nouveaux arrivants",
     "Développe les partenariats municipaux pour l'intégration des nouveaux arrivants."),
    ("asante", "Kwame Asante", "Responsable du bureau des travailleurs migrants",
     "ITUC-Africa Migrant Workers Desk",
     "Forme les syndicats africains à la défense des travailleurs migrants."),
    ("bennani", "Samira Bennani", "Rapporteuse sur les droits des migrants",
     "Conseil national des droits de l'Homme du Maroc",
     "Suit la politique nationale d'immigration et d'asile du Maroc."),
    ("ochieng", "Daniel Ochieng", "Directeur des partenariats",
     "RemitCo Digital Payments",
     "Développe des corridors de transfert d'argent à bas coût en Afrique de l'Est."),
    ("castillo", "Elena Castillo", "Directrice des programmes",
     "Fundación Movilidad y Desarrollo",
     "Finance des projets d'inclusion des personnes migrantes en Espagne et en Amérique latine."),
    ("diagne", "Ousmane Diagne", "Président",
     "Fédération des associations sénégalaises de France",
     "Mobilise les compétences de la diaspora sénégalaise pour des projets de développement."),
]  # fmt: skip

# Appearances at IDM 2018 by the seed's item number (1 = registration): (moderators, speakers).
IDM_APPEARANCES = {
    2: ((), ("kone",)),
    3: (("marchand",), ("sow", "lindqvist", "rahman")),
    5: (("martin",), ("diagne",)),
    6: (("kone",), ("martin", "santos", "quispe")),
    7: (("owusu",), ("valdivia", "alaoui", "haddad")),
    8: ((), ("rahman",)),
    9: (("diallo",), ("dubois", "asante", "bennani")),
    11: (("lindqvist",), ("quispe", "ochieng", "girard")),
    12: (("castillo",), ("ochieng", "diagne", "marchand")),
}
# IOM staff among the speakers, registered by IOM as speakers.
IOM_SPEAKERS = ("kone", "marchand", "martin", "girard")

# Demo users who register themselves: (e-mail local part, organisation or None, type). Those of
# later steps (pledges, hub) register when their step ran.
SELF_REGISTERED = [
    ("focal.senegal", "demo-senegal-interior", T.DELEGATE),
    ("editor.senegal", "demo-senegal-interior", T.DELEGATE),
    ("contributor.senegal", "demo-senegal-interior", T.DELEGATE),
    ("viewer.senegal", "demo-senegal-interior", T.DELEGATE),
    ("focal.mexico", "demo-mexico-segob", T.DELEGATE),
    ("city.montreal", "demo-ville-de-montreal", T.OBSERVER),
    ("iom", IOM, T.OBSERVER),
    ("ngo", "demo-caritas-maroc", T.CIVIL_SOCIETY),
    ("diaspora", "demo-senegalese-diaspora-france", T.CIVIL_SOCIETY),
    ("member", None, T.CIVIL_SOCIETY),
    ("focal.spain", "demo-spain-inclusion", T.DELEGATE),
    ("icmpd", "demo-icmpd", T.OBSERVER),
    ("remitco", "demo-remitco", T.PRIVATE_SECTOR),
    ("corridors.remitco", "demo-remitco", T.PRIVATE_SECTOR),
    ("voices", "demo-migrant-voices-media", T.MEDIA),
]

# Delegations registered by their focal point: (organisation, focal point, type, members).
DELEGATIONS = [
    ("demo-senegal-interior", "focal.senegal", T.DELEGATE, (
        "Aminata Faye", "Cheikh Diouf", "Mariama Cissé", "Abdoulaye Mbaye", "Khady Sy",
        "Babacar Gueye", "Ndèye Thiam", "Modou Kane", "Rokhaya Seck", "Pape Ndour",
    )),
    ("demo-mexico-segob", "focal.mexico", T.DELEGATE, (
        "Alejandro Ruiz", "Mariana López", "Diego Castañeda", "Fernanda Ortiz", "Ricardo Méndez",
        "Valeria Torres", "Jorge Navarro", "Paola Herrera", "Andrés Vargas", "Gabriela Rojas",
        "Emilio Salinas", "Daniela Fuentes",
    )),
    ("demo-ville-de-montreal", "city.montreal", T.OBSERVER, (
        "Émilie Gagnon", "Mathieu Roy", "Sophie Côté", "Karim Benhamou", "Nathalie Bouchard",
        "Olivier Pelletier",
    )),
    (IOM, "iom", T.OBSERVER, (
        "Chidi Okafor", "Sara Lindberg", "Tomás Ferreira", "Hana Yilmaz", "Joseph Mwangi",
        "Léa Morel", "Vikram Rao", "Ana Popescu",
    )),
    ("demo-caritas-maroc", "ngo", T.CIVIL_SOCIETY, (
        "Hicham Tazi", "Salma Idrissi", "Jean-Baptiste Ngoma", "Meryem El Fassi",
        "Omar Benjelloun", "Awa Traoré", "Rachid Amrani",
    )),
    ("demo-senegalese-diaspora-france", "diaspora", T.CIVIL_SOCIETY, (
        "Aliou Diallo", "Coumba Ndiaye", "Serigne Mbodj", "Astou Gaye", "Lamine Camara",
        "Binta Sall", "Ibou Touré",
    )),
]  # fmt: skip

FORUM_SLUG = "review-forum-2027"
RCP_SLUG = "rcp-reunion-tecnica-2026"
NEEDS = [
    "None.",
    "Spanish interpretation in the room.",
    "Wheelchair access to the room and a seat near the door.",
    "French interpretation online.",
    "Captions for the online sessions.",
    "None.",
]

# (day, start, end, kind, title, description, questions), times local to the event.
FORUM_AGENDA = [
    (0, (9, 30), (10, 0), AgendaItemKind.OPENING, "Opening and objectives of the forum",
     "Welcome by the organisers and the forum's objectives.", ()),
    (0, (10, 0), (11, 30), AgendaItemKind.PANEL,
     "Panel: what the pledges on capacity development delivered",
     "States and their partners report on the pledges they made for capacity development in "
     "migration governance: what was delivered, what was not, and why.",
     ("Which capacity development pledges were delivered in full, and what made it possible?",
      "Where did delivery fall short, and what would have helped?",
      "How can peers learn from pledges that were not delivered?")),
    (1, (10, 0), (12, 0), AgendaItemKind.PLENARY,
     "Session 1: Partnerships for the next review cycle",
     "A discussion of the partnerships that the next cycle of reviews needs: who develops whose "
     "capacities, with what resources, and how progress is measured.",
     ("Which data do States need to review their progress, and who can help collect it?",
      "How can local authorities and civil society take part in national reviews?")),
]  # fmt: skip
RCP_AGENDA = [
    (0, (9, 0), (10, 30), AgendaItemKind.OPENING,
     "Apertura e informe de la Presidencia Pro Tempore",
     "Palabras de bienvenida y presentación del informe de actividades del año.", ()),
    (0, (11, 0), (13, 0), AgendaItemKind.PLENARY,
     "Sesión 1: Necesidades de capacitación en la gestión de la migración laboral",
     "Las delegaciones presentan las necesidades de capacitación identificadas en sus "
     "instituciones de trabajo y de migración.",
     ("¿Qué competencias faltan hoy en las instituciones que gestionan la migración laboral?",
      "¿Qué experiencias de capacitación conjunta entre países han dado resultados?")),
    (1, (9, 0), (11, 0), AgendaItemKind.PLENARY,
     "Sesión 2: Hoja de ruta regional de fortalecimiento de capacidades",
     "Debate y adopción de la hoja de ruta regional para los próximos dos años.",
     ("¿Qué acciones regionales deben priorizarse en los próximos dos años?",
      "¿Cómo movilizar los recursos necesarios para la hoja de ruta?")),
]  # fmt: skip
RCP_INVITED = (
    "focal.mexico",
    "iom",
    "delegacion.guatemala",
    "delegacion.honduras",
    "delegacion.el-salvador",
    "delegacion.costa-rica",
)


@register_demo_step("events")
def load_events(context: DemoContext) -> None:
    iom = Organisation.objects.get(slug=IOM)
    idm = load_idm2018(organiser=iom, is_demo=True)
    speakers = _speakers()
    items = list(idm.agenda_items.order_by("starts_at", "-ends_at", "id"))
    for number, (moderators, talks) in IDM_APPEARANCES.items():
        _appear(items[number - 1], speakers, moderators, talks)
    _idm_registrations(idm, speakers)
    forum = _review_forum(iom, speakers)
    rcp = _rcp_meeting(iom)
    context.data["events"] = {"idm": idm.slug, "forum": forum.slug, "rcp": rcp.slug}
    load_spaces(context)  # the permanent forums, the first linked to the IDM
    load_outcomes(context)  # the IDM's closing report and the outcomes followed
    load_participation(context)  # statements, questions and polls in the sessions


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _user(local: str) -> User | None:
    """The demo user, freshly read (their memberships are cached on the object)."""
    return User.objects.filter(email=_email(local)).first()


def _person_email(name: str) -> str:
    return _email(slugify(name).replace("-", "."))


def _speakers() -> dict[str, Speaker]:
    speakers = {}
    for key, name, position, affiliation, bio in SPEAKERS:
        speakers[key], _ = Speaker.objects.update_or_create(
            name=name,
            is_demo=True,
            defaults={
                "position": position,
                "affiliation": affiliation,
                "bio": bio + FICTIONAL,
                "language": "fr",
            },
        )
    return speakers


def _appear(item: AgendaItem, speakers, moderators, talks) -> None:
    for role, keys in ((SpeakerRole.MODERATOR, moderators), (SpeakerRole.SPEAKER, talks)):
        for position, key in enumerate(keys, start=1):
            Appearance.objects.update_or_create(
                item=item, speaker=speakers[key], role=role, defaults={"position": position}
            )


def _registrable(event: Event) -> Event:
    """The event as the registration service reads it, with its window open: demo participants
    of a past meeting register after the fact."""
    opened = copy.copy(event)
    opened.registration_opens_at = None
    opened.registration_closes_at = timezone.now() + datetime.timedelta(hours=1)
    return opened


def _register(
    actor: User,
    event: Event,
    registration_type: str,
    *,
    organisation=None,
    name: str = "",
    email: str = "",
    item: AgendaItem | None = None,
    answers: dict | None = None,
) -> Registration:
    place = item.title if item else "event"
    who = (email or actor.email).lower()
    data = RegistrationData(
        registration_type=registration_type,
        organisation=organisation,
        answers=answers or {},
        name=name,
        email=email,
        submission=uuid.uuid5(NAMESPACE, f"{event.slug}/{place}/{who}"),
    )
    return register(actor=actor, event=_registrable(event), item=item, data=data)


def _self_registrations(event: Event, answers=None) -> list[Registration]:
    """The demo users of SELF_REGISTERED who exist (and still belong to their organisation)."""
    registrations = []
    for local, slug, registration_type in SELF_REGISTERED:
        user = _user(local)
        organisation = Organisation.objects.filter(slug=slug).first() if slug else None
        if user is None or (slug and organisation is None):
            continue
        if organisation is not None and not user.has_role(organisation.pk, MembershipRole.VIEWER):
            continue
        registrations.append(
            _register(
                user,
                event,
                registration_type,
                organisation=organisation,
                answers=answers(len(registrations)) if answers else None,
            )
        )
    return registrations


def _delegates(event: Event, *, item=None, limit=None, answers=None) -> list[Registration]:
    """Members of the delegations, registered by their focal points (up to `limit` people)."""
    registrations = []
    for slug, focal, registration_type, members in DELEGATIONS:
        actor, organisation = _user(focal), Organisation.objects.get(slug=slug)
        for name in members:
            if limit is not None and len(registrations) >= limit:
                return registrations
            registrations.append(
                _register(
                    actor,
                    event,
                    registration_type,
                    organisation=organisation,
                    name=name,
                    email=_person_email(name),
                    item=item,
                    answers=answers(len(registrations)) if answers else None,
                )
            )
    return registrations


def _idm_registrations(idm: Event, speakers) -> None:
    iom_user, iom = _user(ORGANISER), Organisation.objects.get(slug=IOM)
    registrations = _self_registrations(idm) + _delegates(idm)
    for key in IOM_SPEAKERS:
        name = speakers[key].name
        registrations.append(
            _register(
                iom_user, idm, T.SPEAKER, organisation=iom, name=name, email=_person_email(name)
            )
        )
    side_event = idm.agenda_items.get(kind=AgendaItemKind.SIDE_EVENT)
    side = _delegates(idm, item=side_event, limit=SIDE_EVENT_TAKEN)
    opening = datetime.datetime(2018, 9, 3, 9, tzinfo=GENEVA)
    doors = datetime.datetime(2018, 10, 8, 8, 30, tzinfo=GENEVA)
    side_doors = datetime.datetime(2018, 10, 8, 13, 5, tzinfo=GENEVA)
    for registrations_, day_one, arrival, every in (
        (registrations, opening, doors, 4),
        (side, opening + datetime.timedelta(days=14), side_doors, 5),
    ):
        for index, registration in enumerate(registrations_):
            came = index % every != every - 1  # most came; every fourth (fifth) did not
            if came:
                check_in(actor=iom_user, registration=registration)
            # Dated back: registered in the weeks before the meeting, checked in at the door.
            Registration.objects.filter(pk=registration.pk).update(
                created=day_one + datetime.timedelta(hours=11 * index),
                updated=day_one + datetime.timedelta(hours=11 * index),
                **(
                    {"checked_in_at": arrival + datetime.timedelta(seconds=40 * index)}
                    if came
                    else {}
                ),
            )


def _event(slug: str, organisers, partners, **fields) -> Event:
    event, _ = Event.objects.update_or_create(slug=slug, defaults={**fields, "is_demo": True})
    roles = ((PartnerRole.ORGANISER, organisers), (PartnerRole.PARTNER, partners))
    for role, organisations in roles:
        for organisation in organisations:
            EventPartner.objects.update_or_create(
                event=event, organisation=organisation, defaults={"role": role}
            )
    return event


def _agenda(event: Event, rows) -> list[AgendaItem]:
    items = []
    for day, start, end, kind, title, description, questions in rows:
        date = event.starts_on + datetime.timedelta(days=day)
        item, _ = AgendaItem.objects.update_or_create(
            event=event,
            starts_at=datetime.datetime.combine(date, datetime.time(*start), tzinfo=event.tz),
            kind=kind,
            defaults={
                "ends_at": datetime.datetime.combine(date, datetime.time(*end), tzinfo=event.tz),
                "title": title,
                "description": description,
            },
        )
        for position, text in enumerate(questions, start=1):
            GuidingQuestion.objects.update_or_create(
                item=item, position=position, defaults={"text": text}
            )
        items.append(item)
    return items


def _review_forum(iom: Organisation, speakers) -> Event:
    forum = _event(
        FORUM_SLUG,
        [iom],
        Organisation.objects.filter(slug="demo-icmpd"),
        title="Review Forum on Capacity Development for Migration Governance 2027",
        theme="Taking stock of partnerships for capacity development",
        description=(
            "Two days for States, regional bodies, cities, civil society and their partners to "
            "review the capacity development commitments made for the Global Compact for "
            "Migration, and to agree on partnerships for the next review cycle.\n\n"
            "The forum is hybrid: participants take part in the room or online, with "
            "interpretation in English, French and Spanish."
        ),
        objectives=(
            "Review what the capacity development pledges delivered; share the tools that "
            "measured it; agree on partnerships for the next cycle."
        ),
        language="en",
        kind=EventKind.REVIEW_FORUM,
        format=EventFormat.HYBRID,
        status=EventStatus.PUBLISHED,
        starts_on=datetime.date(2027, 5, 18),
        ends_on=datetime.date(2027, 5, 19),
        time_zone="Europe/Zurich",
        venue_room="Room XVII",
        venue_building="Palais des Nations",
        venue_city="Geneva",
        country=Country.objects.filter(iso3="CHE").first(),
        online_url="https://meet.demo.passerelle.test/review-forum-2027",
        languages=["en", "fr", "es"],
        interpretation="English, French and Spanish, in the room and online.",
        capacity=100,
        registration_opens_at=datetime.datetime(2026, 10, 1, 9, tzinfo=GENEVA),
        registration_closes_at=datetime.datetime(2027, 5, 11, 18, tzinfo=GENEVA),
        questionnaire=[
            {"key": "needs", "label": "Accessibility or interpretation needs", "required": True}
        ],
    )
    _opening, panel, session = _agenda(forum, FORUM_AGENDA)
    _appear(panel, speakers, ("lindqvist",), ("santos", "sow", "ochieng"))
    _appear(session, speakers, ("girard",), ("quispe", "dubois"))

    def needs(index: int) -> dict:
        return {"needs": NEEDS[index % len(NEEDS)]}

    _self_registrations(forum, answers=needs)
    _delegates(forum, limit=12, answers=needs)
    return forum


def _rcp_meeting(iom: Organisation) -> Event:
    mexico = Organisation.objects.get(slug="demo-mexico-segob")
    tz = zoneinfo.ZoneInfo("America/Guatemala")
    rcp = _event(
        RCP_SLUG,
        [mexico],
        [iom],
        title="Reunión técnica regional sobre movilidad laboral y fortalecimiento de capacidades",
        theme="Capacidades institucionales para una migración laboral segura, ordenada y regular",
        description=(
            "Reunión técnica del proceso consultivo regional, reservada a las delegaciones de "
            "los países miembros y a las organizaciones observadoras invitadas por la "
            "Presidencia Pro Tempore.\n\n"
            "Las delegaciones intercambiarán sobre sus necesidades de capacitación en la "
            "gestión de la migración laboral y adoptarán una hoja de ruta regional."
        ),
        language="es",
        kind=EventKind.RCP,
        format=EventFormat.IN_PERSON,
        status=EventStatus.PUBLISHED,
        starts_on=datetime.date(2026, 12, 9),
        ends_on=datetime.date(2026, 12, 10),
        time_zone="America/Guatemala",
        venue_room="Salón de conferencias",
        venue_building="Ministerio de Relaciones Exteriores",
        venue_city="Ciudad de Guatemala",
        country=Country.objects.filter(iso3="GTM").first(),
        languages=["es", "en"],
        interpretation="Español e inglés.",
        invitation_only=True,
        capacity=40,
        registration_closes_at=datetime.datetime(2026, 12, 2, 18, tzinfo=tz),
    )
    _agenda(rcp, RCP_AGENDA)
    focal = _user("focal.mexico")
    for local in RCP_INVITED:
        EventInvitation.objects.update_or_create(
            event=rcp, email=_email(local), defaults={"invited_by": focal}
        )
    _register(focal, rcp, T.DELEGATE, organisation=mexico)
    _register(_user(ORGANISER), rcp, T.OBSERVER, organisation=iom)
    return rcp
