"""The roster's demo data: diaspora experts in English, French and Spanish across the capacity
areas and countries — some of them demo members of the members area, the others people of their
own — each with a published hub offer through `roster_join`; the hub's matcher then computes its
proposals (`rematch_all`, run synchronously as the hub's demo does), and the requesting
organisations contact the best-matched experts, in every status, with completed engagements for
the track records. Idempotent: an expert already on the roster and a contact already made for
the same expert, organisation and request are left as they are.

One login is printed: Lucía Fernández, a Colombian migration-data expert living in Madrid, with
a Spanish interface."""

import datetime
from dataclasses import dataclass

import pycountry
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from passerelle.accounts.models import Membership, User
from passerelle.geo.models import Country
from passerelle.hub.choices import PUBLIC_STATUSES
from passerelle.hub.matching.refresh import rematch_all
from passerelle.hub.models import Match
from passerelle.taxonomy.models import CapacityArea

from .choices import ContactStatus, RosterStatus
from .models import ExpertContact, RosterEntry
from .services import roster as services


@dataclass(frozen=True)
class Expert:
    local: str
    name: str
    interface: str  # the language of the interface and of their text
    headline: str
    expertise: str
    areas: tuple[str, ...]
    languages: tuple[str, ...]
    countries: tuple[str, ...]
    availability: str = "short_missions"
    cost_basis: str = "free"
    trains: bool = False


LUCIA = Expert(
    "lucia.fernandez", "Lucía Fernández", "es",
    "Experta en datos migratorios (de Colombia, en Madrid)",
    "Estadística colombiana residente en Madrid. Doce años diseñando encuestas de migración "
    "laboral, registros de retornados y sistemas de información para ministerios de trabajo y "
    "oficinas nacionales de estadística en América Latina y África occidental.",
    ("DATA", "CONS"), ("es", "en", "fr"), ("COL", "ECU", "PER", "SEN", "GTM"), "remote", "free",
    True,
)  # fmt: skip

# (topic headline, text) by language, per capacity area: people below take them in turn.
TOPICS = {
    "DATA": {
        "en": ("Migration statistics and survey design",
               "I design labour migration surveys and help statistics offices combine border, "
               "consular and census data into one picture of who leaves and who returns."),
        "fr": ("Statistiques migratoires et enquêtes",
               "Je conçois des enquêtes sur les migrations de travail et j'aide les instituts "
               "de statistique à croiser les données des frontières, des consulats et du "
               "recensement."),
        "es": ("Estadísticas migratorias y encuestas",
               "Diseño encuestas de migración laboral y ayudo a las oficinas de estadística a "
               "cruzar los datos de fronteras, consulados y censos."),
    },
    "CONS": {
        "en": ("Consular services for nationals abroad",
               "Former consul: I help ministries modernise consular registries, emergency "
               "assistance and services for their citizens abroad."),
        "fr": ("Services consulaires aux ressortissants",
               "Ancien consul, j'accompagne les ministères dans la modernisation de "
               "l'immatriculation consulaire et de l'assistance aux ressortissants à l'étranger."),
        "es": ("Servicios consulares para connacionales",
               "Ex cónsul: acompaño a los ministerios en la modernización del registro consular "
               "y de la asistencia a sus ciudadanos en el exterior."),
    },
    "BORD": {
        "en": ("Humane border management",
               "I train border officials to identify people in vulnerable situations and refer "
               "them to protection services, and advise on integrated border management."),
        "fr": ("Gestion humaine des frontières",
               "Je forme les agents aux frontières à l'identification des personnes vulnérables "
               "et à leur orientation vers les services de protection."),
        "es": ("Gestión humana de fronteras",
               "Formo a los agentes fronterizos en la identificación de personas en situación de "
               "vulnerabilidad y su derivación a los servicios de protección."),
    },
    "OBLIG": {
        "en": ("Migrants' rights and protection",
               "Human rights lawyer: I help governments align migration laws with their "
               "international obligations and set up complaint mechanisms for migrant workers."),
        "fr": ("Droits et protection des personnes migrantes",
               "Juriste en droits humains, j'aide les gouvernements à aligner leurs lois "
               "migratoires sur leurs engagements internationaux."),
        "es": ("Derechos y protección de las personas migrantes",
               "Abogada de derechos humanos: ayudo a los gobiernos a adecuar sus leyes "
               "migratorias a sus obligaciones internacionales."),
    },
    "COORD": {
        "en": ("Diaspora engagement and coordination",
               "I help governments set up diaspora offices, coordinate ministries around a "
               "diaspora strategy and channel diaspora skills and investment home."),
        "fr": ("Engagement de la diaspora et coordination",
               "J'accompagne les gouvernements dans la création de bureaux de la diaspora et la "
               "coordination des ministères autour d'une stratégie nationale."),
        "es": ("Vinculación con la diáspora y coordinación",
               "Acompaño a los gobiernos en la creación de oficinas para la diáspora y en la "
               "coordinación de los ministerios en torno a una estrategia nacional."),
    },
    "WGWS": {
        "en": ("Whole-of-government migration policy",
               "Policy adviser: I facilitate whole-of-government and whole-of-society processes "
               "to write national migration policies with local authorities and civil society."),
        "fr": ("Politique migratoire pangouvernementale",
               "Conseillère en politiques publiques, j'anime l'élaboration de politiques "
               "migratoires nationales avec les collectivités locales et la société civile."),
        "es": ("Política migratoria de todo el gobierno",
               "Asesor de políticas: facilito la elaboración de políticas migratorias nacionales "
               "con gobiernos locales y la sociedad civil."),
    },
}  # fmt: skip

# local part, name, interface language, second area, countries they work in.
PEOPLE = [
    ("amadou.diallo", "Amadou Diallo", "fr", "COORD", ("SEN", "MLI", "GIN")),
    ("fatou.ndiaye", "Fatou Ndiaye", "fr", "DATA", ("SEN", "GMB")),
    ("kwame.mensah", "Kwame Mensah", "en", "WGWS", ("GHA", "NGA")),
    ("amina.yusuf", "Amina Yusuf", "en", "OBLIG", ("NGA", "KEN")),
    ("carlos.mendoza", "Carlos Mendoza", "es", "BORD", ("GTM", "HND", "SLV")),
    ("ana.quispe", "Ana Quispe", "es", "DATA", ("PER", "BOL")),
    ("jean.baptiste", "Jean-Baptiste Pierre", "fr", "CONS", ("HTI",)),
    ("nadia.benali", "Nadia Benali", "fr", "OBLIG", ("MAR", "TUN")),
    ("priya.sharma", "Priya Sharma", "en", "DATA", ("NPL", "IND")),
    ("ion.popescu", "Ion Popescu", "en", "COORD", ("MDA", "ROU")),
    ("maria.lopez", "María López", "es", "WGWS", ("MEX", "GTM")),
    ("sione.tupou", "Sione Tupou", "en", "BORD", ("TON", "FJI")),
    ("aissatou.ba", "Aïssatou Ba", "fr", "WGWS", ("MRT", "SEN")),
    ("diego.herrera", "Diego Herrera", "es", "CONS", ("COL", "VEN")),
    ("grace.wanjiru", "Grace Wanjiru", "en", "COORD", ("KEN", "UGA")),
    ("youssef.elamrani", "Youssef El Amrani", "fr", "BORD", ("MAR",)),
    ("rosa.gutierrez", "Rosa Gutiérrez", "es", "OBLIG", ("ECU", "COL")),
    ("tomas.silva", "Tomás Silva", "es", "DATA", ("ARG", "CHL")),
    ("mamadou.keita", "Mamadou Keïta", "fr", "DATA", ("MLI", "BFA")),
    ("linh.nguyen", "Linh Nguyen", "en", "WGWS", ("VNM", "PHL")),
    ("olga.rusu", "Olga Rusu", "en", "DATA", ("MDA",)),
    ("samuel.okoro", "Samuel Okoro", "en", "CONS", ("NGA", "GHA")),
    ("claire.mbemba", "Claire Mbemba", "fr", "COORD", ("COD", "COG", "CMR")),
    ("javier.ruiz", "Javier Ruiz", "es", "COORD", ("ESP", "MAR")),
    ("hanna.tesfaye", "Hanna Tesfaye", "en", "OBLIG", ("ETH", "DJI")),
]
AVAILABILITIES = ("short_missions", "remote", "part_time", "full_time")
OTHER_LANGUAGES = {"en": ("fr",), "fr": ("en",), "es": ("en",)}
MEMBERS_ON_ROSTER = 6
# The contacts made for the best matches, in turn: every status, completed ones most often.
STORIES = (
    ContactStatus.COMPLETED, ContactStatus.ACCEPTED, ContactStatus.PENDING,
    ContactStatus.COMPLETED, ContactStatus.DECLINED, ContactStatus.WITHDRAWN,
    ContactStatus.COMPLETED, ContactStatus.PENDING,
)  # fmt: skip
CONTACTS = 24
MESSAGES = {
    "en": "We read your roster entry: could we discuss a short mission on our request?",
    "fr": "Nous avons lu votre fiche : pourrions-nous échanger sur une courte mission ?",
    "es": "Leímos su ficha: ¿podríamos conversar sobre una misión corta para nuestra solicitud?",
}
OUTCOMES = (
    "A two-week mission: the survey questionnaire was designed and tested with the team.",
    "Remote advice over three months; the ministry adopted the new procedure.",
    "Trained 25 officials; the training material is now part of the national curriculum.",
)


def load(context) -> None:
    """Adds the area's demo data; idempotent."""
    countries = {c.iso3: c for c in Country.objects.all()}
    areas = {a.code: a for a in CapacityArea.objects.all()}
    experts = [LUCIA, *(_expert(index, row) for index, row in enumerate(PEOPLE))]
    people = _demo_people(experts)
    for expert in experts:
        _join(people[expert.local], expert, areas, countries)
    for profile in list(context.data.get("diaspora_members", []))[:MEMBERS_ON_ROSTER]:
        _join_member(profile, areas)
    rematch_all()
    _contacts()
    context.credentials.append(
        (f"{LUCIA.local}@{DEMO_DOMAIN}", DEMO_PASSWORD, "roster expert (Spanish interface)")
    )


def _expert(index: int, row) -> Expert:
    local, name, language, second, countries = row
    first = ("DATA", "CONS", "BORD", "OBLIG", "COORD", "WGWS")[index % 6]
    headline, text = TOPICS[first][language]
    return Expert(
        local, name, language, headline, text,
        tuple(dict.fromkeys((first, second))), (language, *OTHER_LANGUAGES[language]),
        countries, AVAILABILITIES[index % 4], "paid" if index % 5 == 0 else "free",
        index % 3 == 0,
    )  # fmt: skip


def _demo_people(experts) -> dict[str, User]:
    """The experts' accounts, sharing one password hash (hashing is slow by design)."""
    shared, people = None, {}
    for expert in experts:
        email = f"{expert.local}@{DEMO_DOMAIN}"
        user, created = User.objects.update_or_create(
            email=email,
            defaults={"full_name": expert.name, "is_demo": True,
                      "preferred_language": expert.interface},
        )  # fmt: skip
        if created or not check_password(DEMO_PASSWORD, user.password):
            shared = shared or make_password(DEMO_PASSWORD)
            user.password = shared
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people[expert.local] = user
    return people


def _join(user, expert: Expert, areas, countries) -> None:
    if RosterEntry.objects.filter(expert=user).exists():
        return
    services.roster_join(
        actor=user,
        data=services.RosterData(
            headline=expert.headline, expertise=expert.expertise,
            capacity_areas=[areas[code] for code in expert.areas if code in areas],
            languages=list(expert.languages), availability=expert.availability,
            available_from=timezone.localdate() - datetime.timedelta(days=30),
            work_countries=[countries[c] for c in expert.countries if c in countries],
            days_per_year=40, cost_basis=expert.cost_basis, trains=expert.trains,
            max_engagements=2,
        ),
        consent=True,
        language=expert.interface,
    )  # fmt: skip


def _join_member(profile, areas) -> None:
    """A member of the members area's demo on the roster with their profile's own words."""
    user = profile.user
    if RosterEntry.objects.filter(expert=user).exists() or not profile.headline:
        return
    languages = [
        code for code in (profile.languages or []) if pycountry.languages.get(alpha_2=code)
    ] or ["en"]
    code = ("DATA", "COORD", "CONS", "WGWS", "OBLIG", "BORD")[user.pk % 6]
    countries = [profile.origin_country] if profile.origin_country_id else []
    services.roster_join(
        actor=user,
        data=services.RosterData(
            headline=profile.headline[:200],
            expertise=(profile.expertise or profile.bio or profile.headline)[:5000],
            capacity_areas=[areas[code]], languages=languages, availability="remote",
            available_from=timezone.localdate() - datetime.timedelta(days=10),
            work_countries=countries,
        ),
        consent=True,
    )  # fmt: skip


def _editor_of(organisation_id) -> User | None:
    membership = (
        Membership.objects.filter(
            organisation_id=organisation_id,
            role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _contacts() -> None:
    """The requesters of demo requests contact the roster experts best matched with them."""
    matches = (
        Match.objects.filter(
            request__is_demo=True,
            request__status__in=PUBLIC_STATUSES,
            offer__roster_entry__status=RosterStatus.ACTIVE,
        )
        .select_related("request", "offer__roster_entry__expert")
        .defer("request__embedding", "offer__embedding")
        .order_by("-score", "pk")
    )
    made, used = 0, set()
    for match in matches:
        if made >= CONTACTS:
            break
        request, entry = match.request, match.offer.roster_entry
        if (request.pk, entry.pk) in used:
            continue
        used.add((request.pk, entry.pk))
        editor = _editor_of(request.organisation_id)
        if editor is None or editor.pk == entry.expert_id:
            continue
        story = STORIES[made % len(STORIES)]
        _play_contact(entry, request, editor, story, made)
        made += 1


def _play_contact(entry, request, editor, story: str, number: int) -> None:
    organisation = request.organisation
    if ExpertContact.objects.filter(
        Q(support_request=request) | Q(support_request__isnull=True),
        roster_entry=entry, organisation=organisation,
    ).exists():  # fmt: skip
        return
    editor = User.objects.get(pk=editor.pk)  # fresh roles
    contact = services.contact_create(
        actor=editor, entry=entry, organisation=organisation, support_request=request,
        message=MESSAGES.get(request.language, MESSAGES["en"]),
    )  # fmt: skip
    expert = entry.expert
    if story == ContactStatus.WITHDRAWN:
        services.contact_withdraw(actor=editor, contact=contact)
    elif story == ContactStatus.DECLINED:
        services.contact_decline(actor=expert, contact=contact, reason="Not available this year.")
    elif story in (ContactStatus.ACCEPTED, ContactStatus.COMPLETED):
        services.contact_accept(actor=expert, contact=contact, reply="Gladly: let us talk.")
        if story == ContactStatus.COMPLETED:
            services.contact_complete(
                actor=editor, contact=contact, outcome=OUTCOMES[number % len(OUTCOMES)]
            )
