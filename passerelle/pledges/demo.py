"""The pledges part of the demo: commitments of governments, a city, UN and international
organisations, civil society, a trade union, a foundation, a company and a diaspora federation,
written in English, French and Spanish — financial, human-resource, process and policy pledges,
individual, common, in partnership and one matching another — in every status (drafts, one of
them failing the SMART check; published; closed once complete; withdrawn), at every completion
level, and with every status light: reported on time, a report due soon, reports overdue.

Dates are counted from today (when the pledge was made, its deadline, the day each report is as
of), so the lights show the same mix whenever the demo is loaded. Everything goes through the
services (`pledge_create`, `pledge_publish`, `progress_record`, `pledge_close`,
`pledge_withdraw`, and the overdue sweep), so every pledge has its history. Idempotent: each
pledge has a fixed submission key (`uuid5`), and a pledge whose key exists is left as it is.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.accounts.demo import (
    DEMO_DOMAIN,
    add_demo_members,
    add_demo_organisations,
    verify_demo_organisation,
)
from passerelle.accounts.models import Organisation, User
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from . import services
from .choices import Completion, PledgeForm, PledgeType
from .models import Pledge

NAMESPACE = uuid.UUID("0f6f5a9e-3c2b-4e7d-9b1a-6d8c2e4f7a31")

# slug, name, acronym, type, ISO3 country, description, language of the description
ORGANISATIONS = [
    (
        "demo-spain-inclusion",
        "Ministerio de Inclusión, Seguridad Social y Migraciones de España",
        "MISSM",
        OrganisationType.NATIONAL_GOVERNMENT,
        "ESP",
        "Políticas de migración laboral, acogida e inclusión.",
        "es",
    ),
]

# email local part, full name, organisation slug, role
PEOPLE = [
    ("focal.spain", "Javier Moreno", "demo-spain-inclusion", MembershipRole.ADMIN),
    ("icmpd", "Anna Berger", "demo-icmpd", MembershipRole.ADMIN),
    ("foundation", "Elena Ruiz", "demo-mobility-foundation", MembershipRole.ADMIN),
    ("remitco", "Wanjiru Kamau", "demo-remitco", MembershipRole.ADMIN),
    ("ituc", "Kossi Agbeko", "demo-ituc-africa", MembershipRole.ADMIN),
]

# How a pledge's story ends.
DRAFT = "draft"  # written, not published
PUBLISHED = "published"  # published, reported on
CLOSED = "closed"  # complete, then closed
WITHDRAWN = "withdrawn"  # published, then withdrawn

F, T, C = PledgeForm, PledgeType, Completion


@dataclass(frozen=True)
class Report:
    """A progress report as of `days_ago` days before today."""

    days_ago: int
    completion: str
    value: str | None
    note: str


@dataclass(frozen=True)
class DemoPledge:
    """A pledge and its story. Days are counted from today: `pledged` days ago, a deadline in
    `deadline` days."""

    key: str
    organisation: str
    actor: str
    language: str
    form: str
    type: str
    title: str
    description: str
    objectives: tuple[int, ...]
    ending: str = PUBLISHED
    areas: tuple[str, ...] = ()
    country: str | None = None
    region: str | None = None  # M49 code
    partners: tuple[str, ...] = ()
    matches: str | None = None  # the key of the pledge matched
    metric: str = ""
    baseline: str | None = None
    target: str | None = None
    unit: str = ""
    deadline: int | None = None
    amount: str | None = None
    currency: str = ""
    pledged: int | None = None
    reports: tuple[Report, ...] = ()
    reason: str = ""


PLEDGES = [
    # --- English ---------------------------------------------------------------------------
    DemoPledge(
        "iom-data-experts",
        "demo-iom-dakar",
        "iom",
        "en",
        F.HUMAN_RESOURCE,
        T.IN_PARTNERSHIP,
        "Seconding data experts to the national migration observatory of Senegal",
        "IOM will second statisticians and data engineers to the national migration "
        "observatory for two years. They will work with the Ministry of the Interior to link "
        "border, civil registration and consular data, and train the staff who will keep the "
        "system running when the secondment ends.",
        (1, 23),
        areas=("DATA",),
        country="SEN",
        partners=("demo-senegal-interior",),
        metric="Expert-months seconded to the observatory",
        target="36",
        unit="expert-months",
        deadline=420,
        pledged=300,
        reports=(
            Report(
                190,
                C.LIMITED,
                "8",
                "Two statisticians joined the observatory in the spring "
                "and mapped the data held by each service.",
            ),
            Report(
                40,
                C.SUBSTANTIAL,
                "22",
                "A data engineer joined the team; the first linked "
                "dataset on border crossings is published every month.",
            ),
        ),
    ),
    DemoPledge(
        "icmpd-border-training",
        "demo-icmpd",
        "icmpd",
        "en",
        F.HUMAN_RESOURCE,
        T.INDIVIDUAL,
        "Training 400 border officials in human-rights-based border management",
        "ICMPD will train 400 officials of border agencies in West and North Africa in "
        "identifying and referring people in vulnerable situations, with courses that the "
        "national academies will take over. The training is delivered by trainers from the "
        "region and is free for the agencies.",
        (11, 12),
        areas=("BORD",),
        region="002",
        metric="Border officials who completed the course",
        baseline="0",
        target="400",
        unit="officials",
        deadline=300,
        pledged=270,
        reports=(
            Report(
                240,
                C.NOT_STARTED,
                "0",
                "The curriculum was agreed with three national "
                "academies; the first courses are planned for the autumn.",
            ),
            Report(160, C.LIMITED, "140", "Five courses took place in Dakar, Rabat and Accra."),
        ),
    ),
    DemoPledge(
        "remitco-fees",
        "demo-remitco",
        "remitco",
        "en",
        F.FINANCIAL,
        T.INDIVIDUAL,
        "Bringing the cost of remittances in East African corridors below 3%",
        "RemitCo commits USD 500,000 to cut the fees of its mobile remittance corridors between "
        "Kenya, Uganda and Tanzania, and to publish its prices every quarter. The money pays "
        "for the integration with mobile wallets and for the fees it will not charge.",
        (20,),
        country="KEN",
        metric="Average cost of sending the equivalent of USD 200, in percent",
        baseline="7.5",
        target="3",
        unit="%",
        deadline=480,
        amount="500000",
        currency="USD",
        pledged=400,
        reports=(
            Report(
                370,
                C.LIMITED,
                "6.8",
                "The corridor between Kenya and Uganda was connected to two mobile wallets.",
            ),
            Report(
                215,
                C.SUBSTANTIAL,
                "5.2",
                "Fees fell in all three corridors; prices are "
                "published on our website every quarter.",
            ),
        ),
    ),
    DemoPledge(
        "ituc-fair-recruitment",
        "demo-ituc-africa",
        "ituc",
        "en",
        F.POLICY,
        T.COMMON,
        "Fair recruitment clauses in the bilateral labour agreements of five countries",
        "Together with civil society partners, we will propose model clauses on recruitment "
        "fees, contracts and complaints to the ministries of labour that negotiate bilateral "
        "labour agreements, and follow them until they are signed. The clauses follow the ILO "
        "general principles and operational guidelines for fair recruitment.",
        (6, 23),
        region="002",
        partners=("demo-caritas-maroc", "demo-migrant-workers-hk"),
        metric="Bilateral labour agreements signed with fair recruitment clauses",
        target="5",
        unit="agreements",
        deadline=700,
        pledged=60,
    ),
    DemoPledge(
        "iom-avr-procedures",
        "demo-iom-dakar",
        "iom",
        "en",
        F.PROCESS,
        T.INDIVIDUAL,
        "Standard operating procedures for assisted voluntary return in the Sahel",
        "We intend to agree with the governments of the Sahel on common procedures for "
        "assisted voluntary return, from counselling to reintegration, so that returnees are "
        "received in the same way at every border. The procedures will be tested in two "
        "transit centres first.",
        (21,),
        ending=DRAFT,
        areas=("COORD",),
        region="011",
        metric="Transit centres applying the procedures",
        unit="centres",
        deadline=365,
    ),
    DemoPledge(
        "icmpd-regional-guidelines",
        "demo-icmpd",
        "icmpd",
        "en",
        F.POLICY,
        T.INDIVIDUAL,
        "Regional guidelines on the screening of mixed movements",
        "ICMPD will draft regional guidelines on the screening and referral of people arriving "
        "in mixed movements, with the member States of the Rabat Process, and present them for "
        "endorsement at the next ministerial conference.",
        (12,),
        ending=WITHDRAWN,
        areas=("BORD", "OBLIG"),
        region="002",
        metric="Guidelines endorsed",
        target="1",
        unit="guidelines",
        deadline=400,
        pledged=90,
        reason="The Rabat Process decided to prepare these guidelines itself; we support its "
        "secretariat instead.",
    ),
    # --- Français ----------------------------------------------------------------------------
    DemoPledge(
        "diaspora-reintegration-fund",
        "demo-senegalese-diaspora-france",
        "diaspora",
        "fr",
        F.FINANCIAL,
        T.INDIVIDUAL,
        "Un fonds de la diaspora pour la réinsertion des migrants de retour",
        "La fédération s'engage à réunir 150 000 euros auprès de ses associations membres pour "
        "financer des projets de réinsertion économique des migrants de retour au Sénégal. Les "
        "projets sont choisis avec les bureaux d'accueil et d'orientation, et chaque porteur "
        "de projet est accompagné par un membre de la diaspora.",
        (19, 21),
        areas=("WGWS",),
        country="SEN",
        metric="Projets de réinsertion financés",
        target="60",
        unit="projets",
        deadline=600,
        amount="150000",
        currency="EUR",
        pledged=160,
    ),
    # In English: after the pledge it matches, which must be published first.
    DemoPledge(
        "remitco-match-diaspora",
        "demo-remitco",
        "remitco",
        "en",
        F.FINANCIAL,
        T.MATCHING,
        "Matching the Senegalese diaspora's reintegration fund",
        "For every euro the diaspora federation puts into its fund for returning migrants, "
        "RemitCo will add one, up to EUR 150,000. We also waive our transfer fees for money "
        "that members of the diaspora send to the fund.",
        (19, 21),
        country="SEN",
        matches="diaspora-reintegration-fund",
        metric="Euros added to the fund",
        target="150000",
        unit="EUR",
        deadline=540,
        amount="150000",
        currency="EUR",
        pledged=120,
        reports=(Report(30, C.LIMITED, "35000", "The first two calls of the fund were matched."),),
    ),
    DemoPledge(
        "senegal-border-registry",
        "demo-senegal-interior",
        "editor.senegal",
        "fr",
        F.PROCESS,
        T.IN_PARTNERSHIP,
        "Relier les postes frontières au registre national de l'état civil",
        "Le ministère s'engage à connecter les postes frontières terrestres et aériens au "
        "registre national de l'état civil, avec l'appui de l'OIM. Les agents pourront ainsi "
        "vérifier les documents des voyageurs et les statistiques des entrées et des sorties "
        "seront produites chaque mois.",
        (1, 4, 11),
        areas=("BORD", "DATA"),
        country="SEN",
        partners=("demo-iom-dakar",),
        metric="Postes frontières connectés au registre",
        baseline="2",
        target="24",
        unit="postes",
        deadline=540,
        pledged=450,
        reports=(
            Report(
                420,
                C.NOT_STARTED,
                "2",
                "Le cahier des charges est validé et l'appel d'offres est lancé.",
            ),
            Report(
                245,
                C.LIMITED,
                "6",
                "Les postes de Rosso, Kidira et de l'aéroport Blaise Diagne sont connectés.",
            ),
        ),
    ),
    DemoPledge(
        "senegal-migration-policy",
        "demo-senegal-interior",
        "editor.senegal",
        "fr",
        F.POLICY,
        T.INDIVIDUAL,
        "Adoption de la politique nationale de migration du Sénégal",
        "Le gouvernement s'engage à adopter la politique nationale de migration et son plan "
        "d'action, préparés avec les ministères concernés, les collectivités et la société "
        "civile, puis à en rendre compte chaque année devant le comité interministériel.",
        (23,),
        ending=DRAFT,
        areas=("WGWS", "COORD"),
        country="SEN",
        metric="Mesures du plan d'action mises en œuvre",
        target="40",
        unit="mesures",
        deadline=730,
    ),
    DemoPledge(
        "montreal-welcome-desk",
        "demo-ville-de-montreal",
        "city.montreal",
        "fr",
        F.PROCESS,
        T.INDIVIDUAL,
        "Un guichet unique d'accueil pour les personnes immigrantes à Montréal",
        "La Ville s'engage à ouvrir un guichet unique où les personnes immigrantes trouvent en "
        "un seul lieu l'information sur le logement, l'emploi, l'école et les services de "
        "santé, avec des interprètes dans les dix langues les plus parlées.",
        (3, 15, 16),
        country="CAN",
        metric="Personnes accompagnées par le guichet",
        target="5000",
        unit="personnes",
        deadline=200,
        pledged=620,
        reports=(
            Report(
                560,
                C.LIMITED,
                "900",
                "Le guichet a ouvert ses portes dans l'arrondissement de Côte-des-Neiges.",
            ),
            Report(
                380,
                C.SUBSTANTIAL,
                "3100",
                "Une deuxième antenne a ouvert à Saint-Michel et "
                "les interprètes couvrent maintenant dix langues.",
            ),
            Report(
                190,
                C.COMPLETE,
                "5200",
                "L'objectif est atteint : le guichet fait désormais "
                "partie des services permanents de la Ville.",
            ),
        ),
        ending=CLOSED,
        reason="Engagement tenu : le guichet est financé par le budget de fonctionnement de la "
        "Ville.",
    ),
    DemoPledge(
        "montreal-welcoming-cities",
        "demo-ville-de-montreal",
        "city.montreal",
        "fr",
        F.POLICY,
        T.INDIVIDUAL,
        "Une charte des villes accueillantes pour les villes du Québec",
        "Montréal s'engage à proposer aux villes du Québec une charte des villes accueillantes "
        "et à accompagner celles qui la signent dans la mise en place de leurs services "
        "d'accueil.",
        (16, 23),
        areas=("WGWS",),
        country="CAN",
        metric="Villes signataires de la charte",
        target="20",
        unit="villes",
        deadline=500,
        pledged=330,
        reports=(
            Report(
                162,
                C.SUBSTANTIAL,
                "13",
                "Treize villes ont signé la charte et trois "
                "formations ont eu lieu pour leurs équipes.",
            ),
        ),
    ),
    DemoPledge(
        "caritas-legal-aid",
        "demo-caritas-maroc",
        "ngo",
        "fr",
        F.HUMAN_RESOURCE,
        T.COMMON,
        "Des permanences juridiques pour les personnes migrantes à Rabat, Casablanca et Oujda",
        "Avec le Conseil national des droits de l'Homme, Caritas s'engage à tenir des "
        "permanences juridiques gratuites chaque semaine dans trois villes, et à former les "
        "avocats bénévoles qui les assurent au droit des étrangers.",
        (7, 15, 17),
        areas=("OBLIG",),
        country="MAR",
        partners=("demo-cndh-maroc",),
        metric="Consultations juridiques données",
        target="3000",
        unit="consultations",
        deadline=500,
        pledged=210,
        reports=(
            Report(
                35,
                C.LIMITED,
                "900",
                "Les permanences de Rabat et de Casablanca sont "
                "ouvertes ; celle d'Oujda ouvrira le mois prochain.",
            ),
        ),
    ),
    DemoPledge(
        "caritas-shelter",
        "demo-caritas-maroc",
        "ngo",
        "fr",
        F.PROCESS,
        T.INDIVIDUAL,
        "Un centre d'hébergement d'urgence pour les mineurs non accompagnés à Oujda",
        "Caritas s'engage à ouvrir un centre d'hébergement d'urgence pour les mineurs non "
        "accompagnés à Oujda, avec une équipe éducative et un suivi médical.",
        (7,),
        ending=WITHDRAWN,
        country="MAR",
        metric="Places d'hébergement ouvertes",
        target="30",
        unit="places",
        deadline=300,
        pledged=100,
        reason="Le ministère de la Solidarité ouvre son propre centre à Oujda : nous y "
        "détacherons nos éducateurs.",
    ),
    # --- Español -----------------------------------------------------------------------------
    DemoPledge(
        "spain-labour-pathways",
        "demo-spain-inclusion",
        "focal.spain",
        "es",
        F.FINANCIAL,
        T.INDIVIDUAL,
        "Contribución a las vías regulares de migración laboral con África Occidental",
        "El Ministerio se compromete a aportar dos millones de euros para la contratación en "
        "origen de personas trabajadoras de Senegal y Marruecos, con formación previa a la "
        "salida y acompañamiento durante la estancia. Los fondos se gestionan con los servicios "
        "públicos de empleo de los países de origen.",
        (5, 6, 18),
        areas=("COORD",),
        region="011",
        metric="Personas trabajadoras contratadas en origen",
        baseline="0",
        target="1500",
        unit="personas",
        deadline=500,
        amount="2000000",
        currency="EUR",
        pledged=480,
        reports=(
            Report(
                450,
                C.LIMITED,
                "200",
                "Primera campaña agrícola con contratación en origen en Senegal.",
            ),
            Report(
                270,
                C.SUBSTANTIAL,
                "800",
                "Se sumaron Marruecos y el sector de la "
                "hostelería; la formación previa se imparte en los dos países.",
            ),
        ),
    ),
    DemoPledge(
        "foundation-match-pathways",
        "demo-mobility-foundation",
        "foundation",
        "es",
        F.FINANCIAL,
        T.MATCHING,
        "Igualamos la contribución de España con un fondo para la inclusión laboral",
        "La Fundación se compromete a igualar una parte de la contribución del Ministerio con un "
        "fondo de 500 000 euros para la inclusión de las personas trabajadoras cuando llegan: "
        "vivienda, clases de idioma y reconocimiento de sus cualificaciones.",
        (16, 18),
        areas=("WGWS",),
        country="ESP",
        matches="spain-labour-pathways",
        metric="Personas trabajadoras apoyadas por el fondo",
        target="600",
        unit="personas",
        deadline=450,
        amount="500000",
        currency="EUR",
        pledged=120,
        reports=(
            Report(
                25,
                C.LIMITED,
                "90",
                "El fondo apoyó a las primeras personas llegadas con vivienda y clases de español.",
            ),
        ),
    ),
    DemoPledge(
        "mexico-alternatives-detention",
        "demo-mexico-segob",
        "focal.mexico",
        "es",
        F.POLICY,
        T.INDIVIDUAL,
        "Alternativas a la detención para niñas, niños y adolescentes migrantes",
        "El Gobierno de México se compromete a que todas las entidades federativas cuenten con "
        "un protocolo de alternativas a la detención para niñas, niños y adolescentes "
        "migrantes, con los sistemas de protección de la infancia y las organizaciones de la "
        "sociedad civil.",
        (7, 13),
        areas=("OBLIG",),
        country="MEX",
        metric="Entidades federativas con protocolo aplicado",
        target="32",
        unit="entidades",
        deadline=600,
        pledged=330,
        reports=(
            Report(
                300,
                C.LIMITED,
                "4",
                "Cuatro entidades de la frontera sur ya aplican el "
                "protocolo con las procuradurías de protección.",
            ),
            Report(
                110,
                C.SUBSTANTIAL,
                "18",
                "Dieciocho entidades aplican el protocolo y se "
                "capacitó al personal de las procuradurías de protección.",
            ),
        ),
    ),
    DemoPledge(
        "mexico-human-rights-training",
        "demo-mexico-segob",
        "focal.mexico",
        "es",
        F.HUMAN_RESOURCE,
        T.INDIVIDUAL,
        "Capacitación de 2 000 agentes migratorios en derechos humanos",
        "La Secretaría se compromete a capacitar a dos mil agentes del Instituto Nacional de "
        "Migración en derechos humanos y en la detección de personas en situación de "
        "vulnerabilidad, con un curso en línea y prácticas en las oficinas de frontera.",
        (11, 17),
        areas=("BORD", "OBLIG"),
        country="MEX",
        metric="Agentes capacitados",
        target="2000",
        unit="agentes",
        deadline=150,
        pledged=560,
        reports=(
            Report(
                500, C.LIMITED, "450", "El curso en línea está disponible para todo el personal."
            ),
            Report(
                320, C.SUBSTANTIAL, "1400", "Las prácticas se realizaron en Tapachula y Tijuana."
            ),
            Report(
                140,
                C.COMPLETE,
                "2050",
                "Se superó la meta: dos mil cincuenta agentes terminaron el curso y las prácticas.",
            ),
        ),
        ending=CLOSED,
        reason="Meta cumplida; el curso forma parte ahora de la formación inicial de todos los "
        "agentes.",
    ),
    DemoPledge(
        "foundation-research-grants",
        "demo-mobility-foundation",
        "foundation",
        "es",
        F.HUMAN_RESOURCE,
        T.COMMON,
        "Becas de investigación sobre la inclusión de la población venezolana en Colombia",
        "Con el laboratorio de datos de la universidad, la Fundación se compromete a otorgar "
        "becas a jóvenes investigadores que estudian la inclusión de la población venezolana "
        "en las ciudades colombianas, y a publicar sus resultados en acceso abierto.",
        (1, 16),
        areas=("DATA",),
        country="COL",
        partners=("demo-migration-lab",),
        metric="Becas otorgadas",
        target="40",
        unit="becas",
        deadline=500,
        pledged=195,
    ),
    DemoPledge(
        "spain-consular-services",
        "demo-spain-inclusion",
        "focal.spain",
        "es",
        F.PROCESS,
        T.INDIVIDUAL,
        "Cita previa en línea en todos los consulados para las personas trabajadoras",
        "El Ministerio quiere que las personas trabajadoras que participan en los programas de "
        "migración laboral puedan pedir cita en línea en todos los consulados, y que los "
        "visados se resuelvan en menos de un mes.",
        (5, 14),
        ending=DRAFT,
        areas=("CONS",),
        country="ESP",
        metric="Consulados con cita previa en línea",
        target="12",
        unit="consulados",
    ),
]


@register_demo_step("pledges: commitments and progress")
def load_pledges(context: DemoContext) -> None:
    add_demo_organisations(ORGANISATIONS)
    add_demo_members(context, PEOPLE)
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    organisations = {org.slug: org for org in Organisation.objects.filter(is_demo=True)}
    done = set(Pledge.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    today = timezone.localdate()
    # Governments publish once verified; this also redoes what a rerun of the accounts step reset.
    for slug in sorted({demo.organisation for demo in PLEDGES if demo.ending != DRAFT}):
        _verify(organisations[slug], people["broker"])
    for demo in PLEDGES:
        key = _key(demo.key)
        if key in done:
            continue
        organisation, actor = organisations[demo.organisation], people[demo.actor]
        pledge = services.pledge_create(
            actor=actor,
            organisation=organisation,
            data=_pledge_data(demo, organisations, today),
            submission_key=key,
        )
        if demo.ending != DRAFT:
            _play(demo, pledge, actor, today)
    services.pledges_flag_overdue()


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"pledges-demo:{name}")


def _pledge_data(demo: DemoPledge, organisations, today) -> services.PledgeData:
    return services.PledgeData(
        title=demo.title,
        description=demo.description,
        language=demo.language,
        form=demo.form,
        type=demo.type,
        gcm_objectives=list(GCMObjective.objects.filter(number__in=demo.objectives)),
        capacity_areas=list(CapacityArea.objects.filter(code__in=demo.areas)),
        partners=[organisations[slug] for slug in demo.partners],
        matches=(Pledge.objects.get(submission_key=_key(demo.matches)) if demo.matches else None),
        country=Country.objects.filter(iso3=demo.country).first(),
        region=Region.objects.filter(code=demo.region).first(),
        metric=demo.metric,
        baseline=_decimal(demo.baseline),
        target=_decimal(demo.target),
        unit=demo.unit,
        deadline=_days_from(today, demo.deadline),
        amount=_decimal(demo.amount),
        currency=demo.currency,
        pledged_on=_days_from(today, -demo.pledged if demo.pledged is not None else None),
    )


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _days_from(today, days: int | None):
    return today + timedelta(days=days) if days is not None else None


def _play(demo: DemoPledge, pledge: Pledge, actor, today) -> None:
    """Publish the pledge, report its progress, and close or withdraw it, as its editor would."""
    services.pledge_publish(actor=actor, pledge=pledge)
    for report in demo.reports:
        services.progress_record(
            actor=actor,
            pledge=pledge,
            data=services.ProgressData(
                as_of=today - timedelta(days=report.days_ago),
                completion=report.completion,
                value_reached=_decimal(report.value),
                note=report.note,
            ),
        )
    if demo.ending == CLOSED:
        services.pledge_close(actor=actor, pledge=pledge, reason=demo.reason)
    elif demo.ending == WITHDRAWN:
        services.pledge_withdraw(actor=actor, pledge=pledge, reason=demo.reason)


def _verify(organisation: Organisation, broker: User) -> None:
    """A government publishes pledges once the secretariat has verified it."""
    if not organisation.acts_for_state or organisation.can_publish_for_state:
        return
    admin = (
        User.objects.filter(
            memberships__organisation=organisation, memberships__role=MembershipRole.ADMIN
        )
        .order_by("pk")
        .first()
    )
    verify_demo_organisation(organisation, admin=admin, broker=broker)
