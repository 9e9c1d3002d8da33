"""The projects part of the demo: capacity-development partnerships in migration governance —
border management, labour migration, consular protection, diaspora engagement, return and
reintegration, migration data, local integration, counter-trafficking, climate mobility — on five
continents, regional, multi-national, global, national and local, written in English, French and
Spanish, in every IATI status, with every participating role, and four projects recorded from the
hub's partnerships (the accepted matches through `project_create_from_match`).

Each project has its results framework (impact, outcomes, outputs) of 3 to 12 indicators —
counts, percentages, ordinal levels of the national assessment framework, stories — some
disaggregated by sex, age group, migrant status or place, some reported by one of several
implementing organisations, and 4 to 12 reporting periods (monthly, quarterly, yearly or custom)
with a target on each. Dates are counted from today (the periods from the current month, quarter
or year), so the demo shows the same mix whenever it is loaded: projects on track, at risk, off
track and achieved; values waiting for approval, one returned with a comment, drafts; periods
past their end with values still missing, whose reporters were reminded.

The services take only today's entries: a period locks `lock_after_days` after its end, and
`value_save` refuses it after that. So the demo writes the record of past periods as it would have
been approved — each actual, its disaggregation, who entered it and who approved it, and when —
directly as approved values. Everything else goes through the services: `project_create` (and
`project_create_from_match`), `period_add`, `result_create`, `indicator_create`, `target_set`,
`document_add`, `project_set_status`, and for the periods open today `value_save`,
`values_submit`, `value_approve`, `values_approve`, `value_return` and `remind_reporters`, so the
audit trail is the one real use leaves. Idempotent: each project has a fixed submission key
(`uuid5`), and a project whose key exists is left as it is.

`context.data["projects"]` names the project of the browser flow — a running project with its
current period open — with its implementer's contributor ("reporter") and its accountable
organisation's editor ("approver").
"""

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD, add_demo_members
from passerelle.accounts.models import Membership, Organisation, User
from passerelle.assessments.models import Indicator as AssessmentIndicator
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.hub.choices import MatchStatus
from passerelle.hub.models import Match
from passerelle.taxonomy.models import CapacityArea, GCMObjective, GuidingPrinciple

from . import services
from .choices import (
    FREQUENCY_MONTHS,
    QUANTITATIVE,
    DocumentCategory,
    Frequency,
    Measure,
    ParticipantRole,
    ProjectStatus,
    ResultType,
    Scope,
    ValueStatus,
)
from .models import Indicator, PeriodValue, Project
from .periods import periods_between

NAMESPACE = uuid.UUID("c3f1a7d2-5b84-4e09-8f6a-2d7e91b4c650")
NATIONAL_FRAMEWORK = "PASSERELLE-NATIONAL"

# Monitoring officers who report values: email local part, full name, organisation slug, role.
PEOPLE = [
    ("monitoring.iom", "Grace Owusu", "demo-iom-dakar", MembershipRole.CONTRIBUTOR),
    ("suivi.caritas", "Youssef El Amrani", "demo-caritas-maroc", MembershipRole.CONTRIBUTOR),
    ("seguimiento.datalab", "Daniela Pardo", "demo-migration-lab", MembershipRole.CONTRIBUTOR),
    ("results.ilo", "Arjun Shrestha", "demo-ilo-fair-recruitment", MembershipRole.CONTRIBUTOR),
]
# The browser flow: the implementer's contributor enters values, the accountable editor approves.
FLOW_REPORTER = "monitoring.iom"
FLOW_APPROVER = "editor.senegal"

# The categories of the standard disaggregations, in each language; places are per indicator.
CATEGORIES = {
    "sex": {"en": ("Female", "Male"), "fr": ("Femmes", "Hommes"), "es": ("Mujeres", "Hombres")},
    "age_group": {
        "en": ("Under 18", "18-34", "35 and over"),
        "fr": ("Moins de 18 ans", "18-34 ans", "35 ans et plus"),
        "es": ("Menores de 18 años", "18-34 años", "35 años y más"),
    },
    "migrant_status": {
        "en": ("Regular", "Irregular", "Returnee"),
        "fr": ("En situation régulière", "En situation irrégulière", "De retour"),
        "es": ("En situación regular", "En situación irregular", "Retornada"),
    },
}

# What happens in the period open today (running projects).
FLOW = "flow"  # one value submitted per implementer, one returned, one draft, the rest to enter
SUBMITTED = "submitted"  # every value entered and waiting for approval
RETURNED = "returned"  # entered and submitted; one returned with a comment, the others approved
DRAFT = "draft"  # half the values saved, nothing submitted yet
APPROVED = "approved"  # entered, submitted and approved
LATE = "late"  # the last period has ended, is still open, and misses values: reminded

P, S, R, M = ParticipantRole, Scope, ResultType, Measure
IMPACT, OUTCOME, OUTPUT = R.IMPACT, R.OUTCOME, R.OUTPUT
ACCOUNTABLE, FUNDING, EXTENDING, IMPLEMENTING = (
    P.ACCOUNTABLE,
    P.FUNDING,
    P.EXTENDING,
    P.IMPLEMENTING,
)


@dataclass(frozen=True)
class Ind:
    """An indicator of the result at `result` (its index in the project's results). Targets go
    from the baseline to `target`, reached after `reach` of the periods; actuals follow the
    targets at the project's pace (or `pace`). `dims` are standard dimensions (CATEGORIES) or
    (dimension, categories) pairs; `notes` are a qualitative indicator's reports, in turn."""

    result: int
    title: str
    measure: int = M.UNIT
    unit: str = ""
    baseline: float | None = 0
    target: float | None = None
    reach: float = 1.0
    pace: float | None = None
    ascending: bool = True
    dims: tuple = ()
    reporter: str | None = None
    area: str | None = None
    gcm: int | None = None
    assessment: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doc:
    category: str
    title: str
    url: str
    days_ago: int


@dataclass(frozen=True)
class DemoProject:
    """A project and its story. `start` counts months from the current period (negative: it
    started); `months` is its planned length; `stopped`, for a suspended or cancelled project,
    when it stopped, in months from the current period; `cycle`, the months of a custom
    period. `match`: the hub's partnership it comes
    from, as (requesting organisation, provider organisation or expert)."""

    key: str
    recorder: str
    actor: str
    language: str
    title: str
    description: str
    objectives: str
    status: int
    scope: int
    participants: tuple
    results: tuple
    indicators: tuple
    start: int
    months: int
    frequency: str = Frequency.QUARTERLY
    countries: tuple = ()
    regions: tuple = ()
    areas: tuple = ()
    gcm: tuple = ()
    principles: tuple = ()
    markers: tuple = (None, None, None)
    visibility: str = Visibility.PUBLIC
    pace: float = 1.0
    story: str | None = None
    comment: str = ""
    reason: str = ""
    stopped: int | None = None
    cycle: int = 6
    documents: tuple = ()
    match: tuple[str, str] | None = None


IOM_BORDERS = "https://www.iom.int/immigration-and-border-management"
IOM_PUBLICATIONS = "https://publications.iom.int/"
IOM_GCM = "https://www.iom.int/global-compact-migration"
UN_NETWORK = "https://migrationnetwork.un.org/"
DATA_PORTAL = "https://www.migrationdataportal.org/"
UNODC_TRAFFICKING = "https://www.unodc.org/unodc/en/human-trafficking/"

SEXES = ("sex",)

PROJECTS = [
    # --- Français ---------------------------------------------------------------------------
    DemoProject(
        key="senegal-border-screening",
        recorder="demo-senegal-interior",
        actor="editor.senegal",
        language="fr",
        title="Filtrage et orientation des personnes vulnérables aux frontières du Sénégal",
        description="Le ministère de l'Intérieur forme les agents de la Police de l'air et des "
        "frontières au filtrage des arrivées et à l'orientation des personnes en situation de "
        "vulnérabilité : victimes de traite, enfants non accompagnés, demandeurs d'asile. L'OIM "
        "équipe les postes frontières et accompagne la mise en place du mécanisme national "
        "d'orientation ; l'ICMPD conçoit les modules de formation avec l'École nationale de "
        "police, qui les reprendra à la fin du projet. Le projet couvre l'aéroport international "
        "Blaise Diagne et les postes de Rosso, Kidira et Karang.",
        objectives="Que chaque poste frontière dispose d'agents formés et de procédures écrites "
        "pour identifier les personnes vulnérables et les orienter vers les services de "
        "protection.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("SEN", None),),
        participants=(
            ("demo-senegal-interior", ACCOUNTABLE),
            ("demo-iom-dakar", IMPLEMENTING),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-iom-dakar", EXTENDING),
            ("demo-spain-inclusion", FUNDING),
        ),
        areas=("BORD", "OBLIG"),
        gcm=(11, 12, 10),
        principles=(4, 6, 8),
        markers=(1, 2, 1),
        start=-15,
        months=36,
        story=FLOW,
        comment="Les chiffres par tranche d'âge ne comptent pas les enfants orientés à Kidira ; "
        "merci de vérifier avec le registre du poste et de joindre l'extrait en pièce "
        "justificative.",
        results=(
            (
                IMPACT,
                "Les personnes vulnérables qui franchissent les frontières du Sénégal sont "
                "identifiées et protégées",
            ),
            (
                OUTCOME,
                "Les postes frontières appliquent des procédures de filtrage et d'orientation",
            ),
            (OUTPUT, "Les agents de la Police de l'air et des frontières sont formés"),
            (OUTPUT, "Les postes frontières sont équipés et reliés au mécanisme d'orientation"),
        ),
        indicators=(
            Ind(
                0,
                "Personnes vulnérables orientées vers un service de protection depuis un "
                "poste frontière",
                unit="personnes",
                baseline=40,
                target=640,
                dims=("sex", "age_group"),
                reporter="demo-iom-dakar",
                area="OBLIG",
                gcm=12,
            ),
            Ind(
                0,
                "Ce qui a changé pour les personnes orientées",
                M.QUALITATIVE,
                reporter="demo-iom-dakar",
                notes=(
                    "Les agents de Rosso orientent désormais les enfants non accompagnés vers "
                    "l'Action éducative en milieu ouvert le jour même de leur arrivée.",
                    "Deux victimes de traite identifiées à l'aéroport ont été hébergées et "
                    "accompagnées par une association partenaire dès leur orientation.",
                    "Les agents de Kidira disent que la fiche d'orientation leur évite de "
                    "renvoyer des personnes qui demandent une protection.",
                ),
            ),
            Ind(
                1,
                "Part des postes frontières appliquant les procédures opérationnelles de filtrage",
                M.PERCENTAGE,
                "%",
                baseline=10,
                target=80,
                reporter="demo-iom-dakar",
                assessment="SORM.1.2",
            ),
            Ind(
                1,
                "Niveau du mécanisme national d'orientation (échelle du cadre national, 1 à 4)",
                M.ORDINAL,
                "niveau",
                baseline=1,
                target=3,
                reporter="demo-iom-dakar",
                assessment="SORM.2.1",
            ),
            Ind(
                2,
                "Agents formés au filtrage et à l'orientation",
                unit="agents",
                target=400,
                pace=0.72,
                reporter="demo-icmpd",
                area="BORD",
                dims=("sex", ("location", ("Aéroport Blaise Diagne", "Rosso", "Kidira", "Karang"))),
            ),
            Ind(
                2,
                "Modules de formation intégrés au programme de l'École nationale de police",
                unit="modules",
                target=6,
                reporter="demo-icmpd",
            ),
            Ind(
                3,
                "Postes frontières équipés de kits de filtrage",
                unit="postes",
                target=24,
                reach=0.75,
                reporter="demo-iom-dakar",
            ),
        ),
        documents=(
            Doc(
                DocumentCategory.MOU,
                "Protocole d'accord entre le ministère de l'Intérieur et l'OIM",
                IOM_BORDERS,
                470,
            ),
            Doc(DocumentCategory.RESULTS, "Rapport semestriel de résultats", IOM_PUBLICATIONS, 60),
        ),
    ),
    DemoProject(
        key="dakar-welcome-desk",
        match=("demo-ville-de-dakar", "demo-ville-de-montreal"),
        recorder="demo-ville-de-dakar",
        actor="city.dakar",
        language="fr",
        title="Un guichet d'accueil pour les personnes migrantes à Dakar, avec le BINAM de "
        "Montréal",
        description="La Ville de Dakar ouvre un guichet unique où les personnes migrantes et les "
        "migrants de retour trouvent en un seul lieu l'information sur les démarches "
        "administratives, le logement, la santé et l'emploi. Le Bureau d'intégration des "
        "nouveaux arrivants de Montréal partage son expérience : organisation du guichet, "
        "formation des agents d'accueil, partenariats avec les associations. Le guichet "
        "s'installe dans les locaux de la Direction du développement social, au Plateau.",
        objectives="Un guichet ouvert toute l'année, qui accueille et oriente au moins trois "
        "mille personnes en deux ans.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.LOCAL,
        countries=(("SEN", None),),
        participants=(
            ("demo-ville-de-dakar", ACCOUNTABLE),
            ("demo-ville-de-dakar", IMPLEMENTING),
            ("demo-ville-de-montreal", IMPLEMENTING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("WGWS",),
        gcm=(3, 15, 16),
        principles=(1, 10),
        markers=(1, 1, None),
        start=0,
        months=24,
        story=DRAFT,
        results=(
            (IMPACT, "Les personnes migrantes et de retour accèdent aux services de la ville"),
            (OUTCOME, "Le guichet unique accueille et oriente"),
            (OUTPUT, "Les agents d'accueil sont formés avec le BINAM"),
        ),
        indicators=(
            Ind(
                1,
                "Personnes accueillies et orientées par le guichet",
                unit="personnes",
                target=3000,
                dims=("sex", "migrant_status"),
                reporter="demo-ville-de-dakar",
            ),
            Ind(
                1,
                "Personnes orientées qui ont obtenu le service demandé",
                M.PERCENTAGE,
                "%",
                target=70,
                reporter="demo-ville-de-dakar",
            ),
            Ind(
                2,
                "Agents d'accueil formés",
                unit="agents",
                target=24,
                reach=0.5,
                dims=SEXES,
                reporter="demo-ville-de-montreal",
            ),
            Ind(
                0,
                "Ce que disent les personnes reçues au guichet",
                M.QUALITATIVE,
                reporter="demo-ville-de-dakar",
                notes=(
                    "Les premières personnes reçues sont surtout des migrants de retour qui "
                    "cherchent une formation ou un emploi.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="morocco-consular-protection",
        recorder="demo-morocco-mre",
        actor="editor.morocco",
        language="fr",
        title="Protection consulaire des Marocains résidant à l'étranger en situation de "
        "vulnérabilité",
        description="Le ministère délégué chargé des Marocains résidant à l'étranger renforce "
        "l'assistance que les consulats apportent aux ressortissants en difficulté : "
        "travailleurs saisonniers, mineurs isolés, personnes détenues ou victimes "
        "d'exploitation. L'ICMPD forme les agents consulaires et aide à rédiger les procédures "
        "d'orientation vers les avocats, les services sociaux et les associations des pays "
        "d'accueil. Une cellule de suivi au ministère traite les cas que les consulats lui "
        "signalent.",
        objectives="Que chaque consulat des pays d'accueil principaux sache assister et orienter "
        "un ressortissant en difficulté.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.MULTI_NATIONAL,
        countries=(("MAR", Decimal(40)), ("ESP", Decimal(30)), ("FRA", Decimal(30))),
        participants=(
            ("demo-morocco-mre", ACCOUNTABLE),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-france-ofii", FUNDING),
        ),
        areas=("CONS", "OBLIG"),
        gcm=(14, 7),
        principles=(6, 8),
        markers=(1, 2, 1),
        visibility=Visibility.SHARED,
        start=-12,
        months=30,
        story=SUBMITTED,
        results=(
            (IMPACT, "Les Marocains en difficulté à l'étranger sont assistés par leur consulat"),
            (OUTCOME, "Les consulats appliquent des procédures d'orientation"),
            (OUTPUT, "Les agents consulaires sont formés"),
        ),
        indicators=(
            Ind(
                0,
                "Ressortissants en situation de vulnérabilité assistés par un consulat",
                unit="personnes",
                target=2500,
                dims=("sex", "age_group", ("location", ("Espagne", "France", "Italie"))),
            ),
            Ind(
                1,
                "Consulats appliquant les procédures d'orientation",
                unit="consulats",
                target=20,
                assessment="WELLBEING.1.4",
            ),
            Ind(
                1,
                "Cas signalés traités par la cellule de suivi dans le mois",
                M.PERCENTAGE,
                "%",
                baseline=30,
                target=85,
            ),
            Ind(2, "Agents consulaires formés", unit="agents", target=180, dims=SEXES, area="CONS"),
        ),
    ),
    DemoProject(
        key="morocco-legal-aid",
        recorder="demo-caritas-maroc",
        actor="ngo",
        language="fr",
        title="Permanences juridiques et accès aux droits des personnes migrantes à Rabat, "
        "Casablanca et Oujda",
        description="Caritas Maroc tient chaque semaine des permanences juridiques gratuites "
        "pour les personnes migrantes, quelle que soit leur situation administrative, et forme "
        "les avocats bénévoles qui les assurent au droit des étrangers. Le Conseil national des "
        "droits de l'Homme reçoit les plaintes que les permanences lui transmettent et suit les "
        "cas de détention. Les permanences orientent aussi les familles vers les services de "
        "santé et vers l'école pour les enfants.",
        objectives="Une aide juridique gratuite et proche pour toute personne migrante qui en a "
        "besoin dans les trois villes.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("MAR", None),),
        participants=(
            ("demo-caritas-maroc", ACCOUNTABLE),
            ("demo-caritas-maroc", IMPLEMENTING),
            ("demo-cndh-maroc", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("OBLIG",),
        gcm=(7, 15, 17),
        principles=(4, 6, 8),
        markers=(1, 2, 1),
        frequency=Frequency.MONTHLY,
        start=-7,
        months=12,
        story=LATE,
        results=(
            (IMPACT, "Les personnes migrantes font valoir leurs droits"),
            (OUTCOME, "Les personnes migrantes obtiennent une aide juridique"),
            (OUTPUT, "Les permanences sont tenues et les avocats formés"),
        ),
        indicators=(
            Ind(
                1,
                "Consultations juridiques données",
                unit="consultations",
                target=3000,
                reporter="demo-caritas-maroc",
                dims=("sex", ("location", ("Rabat", "Casablanca", "Oujda"))),
            ),
            Ind(
                1,
                "Personnes accompagnées dans une démarche administrative ou judiciaire",
                unit="personnes",
                target=900,
                dims=("sex", "migrant_status"),
                reporter="demo-caritas-maroc",
            ),
            Ind(
                2,
                "Avocats bénévoles formés au droit des étrangers",
                unit="avocats",
                target=45,
                reach=0.5,
                reporter="demo-caritas-maroc",
            ),
            Ind(
                0,
                "Plaintes transmises au CNDH et suivies",
                unit="plaintes",
                target=120,
                reporter="demo-cndh-maroc",
                assessment="RIGHTS.1.3",
            ),
            Ind(
                0,
                "Situations rapportées par les permanences",
                M.QUALITATIVE,
                reporter="demo-caritas-maroc",
                notes=(
                    "À Oujda, plusieurs personnes refoulées à la frontière ont pu déposer une "
                    "plainte avec l'aide de la permanence.",
                    "Trois enfants ont été inscrits à l'école après l'intervention de l'avocate "
                    "bénévole auprès de la direction provinciale.",
                    "Les demandes portent de plus en plus sur le renouvellement des cartes de "
                    "séjour, que les préfectures traitent avec retard.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="senegal-diaspora-investment",
        recorder="demo-senegal-dgase",
        actor="consular.senegal",
        language="fr",
        title="Un bureau d'appui aux investissements de la diaspora sénégalaise",
        description="La Direction générale d'appui aux Sénégalais de l'extérieur a ouvert un "
        "bureau qui accompagne les membres de la diaspora dans leurs projets d'investissement au "
        "Sénégal : étude du projet, démarches de création d'entreprise, mise en relation avec "
        "les banques et les chambres de commerce. La Fédération des associations sénégalaises "
        "de France a relayé le dispositif auprès de ses membres et l'Université Cheikh Anta Diop "
        "a évalué les entreprises créées. Le bureau fait désormais partie des services "
        "permanents de la Direction.",
        objectives="Que la diaspora trouve en un seul lieu l'appui dont elle a besoin pour "
        "investir au Sénégal.",
        status=ProjectStatus.CLOSED,
        scope=S.NATIONAL,
        countries=(("SEN", None),),
        participants=(
            ("demo-senegal-dgase", ACCOUNTABLE),
            ("demo-senegal-dgase", IMPLEMENTING),
            ("demo-senegalese-diaspora-france", IMPLEMENTING),
            ("demo-ucad-migrations", IMPLEMENTING),
            ("demo-france-ofii", FUNDING),
        ),
        areas=("WGWS", "CONS"),
        gcm=(19,),
        principles=(5, 10),
        markers=(1, None, None),
        frequency=Frequency.YEARLY,
        start=-72,
        months=48,
        pace=1.08,
        reason="Le bureau est repris par le budget de la Direction ; l'évaluation finale est "
        "publiée.",
        results=(
            (IMPACT, "La diaspora investit au Sénégal"),
            (OUTCOME, "Des entreprises de la diaspora sont créées et durent"),
            (OUTPUT, "Les porteurs de projets de la diaspora sont accompagnés"),
        ),
        indicators=(
            Ind(
                2,
                "Porteurs de projets de la diaspora accompagnés",
                unit="personnes",
                target=600,
                reporter="demo-senegal-dgase",
                dims=("sex", ("location", ("France", "Italie", "Espagne", "Autres pays"))),
            ),
            Ind(
                1,
                "Entreprises créées par des membres de la diaspora",
                unit="entreprises",
                target=150,
                reporter="demo-senegal-dgase",
                gcm=19,
            ),
            Ind(
                1,
                "Entreprises toujours en activité après deux ans",
                M.PERCENTAGE,
                "%",
                target=70,
                pace=0.85,
                reporter="demo-ucad-migrations",
            ),
            Ind(
                0,
                "Niveau de la politique d'engagement de la diaspora (échelle du cadre "
                "national, 1 à 4)",
                M.ORDINAL,
                "niveau",
                baseline=2,
                target=4,
                reporter="demo-senegal-dgase",
                assessment="WELLBEING.2.2",
            ),
        ),
        documents=(
            Doc(DocumentCategory.EVALUATION, "Évaluation finale du bureau d'appui", IOM_GCM, 760),
            Doc(DocumentCategory.RESULTS, "Rapport final de résultats", IOM_PUBLICATIONS, 800),
        ),
    ),
    DemoProject(
        key="sahel-reintegration",
        recorder="demo-iom-dakar",
        actor="iom",
        language="fr",
        title="Réintégration durable des migrants de retour au Mali, au Niger et au Burkina Faso",
        description="L'OIM et l'association Sahel Migrations et Développement accompagnent les "
        "migrants de retour dans leur réintégration économique, sociale et psychosociale, avec "
        "des projets individuels, collectifs et communautaires. Les conseillers suivent chaque "
        "personne pendant au moins un an et mesurent sa réintégration avec les mêmes questions "
        "dans les trois pays. L'insécurité dans plusieurs régions a retardé les visites de "
        "suivi et le lancement des projets communautaires.",
        objectives="Que la majorité des personnes accompagnées soient réintégrées durablement un "
        "an après leur retour.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.MULTI_NATIONAL,
        countries=(("MLI", Decimal(40)), ("NER", Decimal(30)), ("BFA", Decimal(30))),
        participants=(
            ("demo-iom-dakar", ACCOUNTABLE),
            ("demo-iom-dakar", IMPLEMENTING),
            ("demo-sahel-migrations", IMPLEMENTING),
            ("demo-spain-inclusion", FUNDING),
        ),
        areas=("CONS", "COORD"),
        gcm=(21, 7),
        principles=(1, 5),
        markers=(1, 1, 1),
        start=-18,
        months=36,
        pace=0.45,
        story=SUBMITTED,
        results=(
            (IMPACT, "Les migrants de retour se réintègrent durablement"),
            (OUTCOME, "Les migrants de retour reçoivent une aide à la réintégration"),
            (OUTPUT, "Les projets de réintégration sont lancés"),
        ),
        indicators=(
            Ind(
                0,
                "Migrants de retour dont le score de réintégration atteint le seuil de durabilité",
                M.PERCENTAGE,
                "%",
                target=60,
                reporter="demo-iom-dakar",
                gcm=21,
                assessment="SORM.3.2",
            ),
            Ind(
                1,
                "Migrants de retour ayant reçu une aide à la réintégration",
                unit="personnes",
                target=4500,
                reporter="demo-sahel-migrations",
                dims=("sex", "age_group", ("location", ("Mali", "Niger", "Burkina Faso"))),
            ),
            Ind(
                1,
                "Visites de suivi réalisées dans les délais",
                M.PERCENTAGE,
                "%",
                target=90,
                pace=0.5,
                reporter="demo-sahel-migrations",
            ),
            Ind(
                2,
                "Projets communautaires de réintégration lancés",
                unit="projets",
                target=60,
                reporter="demo-sahel-migrations",
            ),
            Ind(
                0,
                "Ce que disent les communautés d'accueil",
                M.QUALITATIVE,
                reporter="demo-sahel-migrations",
                notes=(
                    "À Kayes, le jardin maraîcher collectif emploie des migrants de retour et "
                    "des jeunes du village ; les tensions du début se sont apaisées.",
                    "Au Niger, les visites de suivi n'ont pas pu avoir lieu à Tillabéri à cause "
                    "de l'insécurité ; les conseillers appellent les personnes par téléphone.",
                    "Les familles demandent plus de soutien psychosocial pour les jeunes "
                    "revenus de Libye.",
                ),
            ),
        ),
        documents=(
            Doc(DocumentCategory.RESULTS, "Rapport annuel de résultats", IOM_PUBLICATIONS, 120),
        ),
    ),
    DemoProject(
        key="sahel-trafficking-justice",
        recorder="demo-unodc-sahel",
        actor="unodc",
        language="fr",
        title="Enquêter et juger la traite des personnes : formation des magistrats et "
        "enquêteurs du Sahel",
        description="L'ONUDC forme les magistrats, les procureurs et les enquêteurs du Sénégal, "
        "du Mali et de la Mauritanie aux enquêtes financières et à la poursuite des affaires de "
        "traite, avec une attention particulière aux victimes mineures. L'association Sahel "
        "Migrations et Développement accompagne les victimes pendant les procédures. Les "
        "formations ont suivi le calendrier judiciaire, en cycles de quatre mois.",
        objectives="Plus d'affaires de traite instruites et jugées, dans le respect des droits "
        "des victimes.",
        status=ProjectStatus.FINALISATION,
        scope=S.MULTI_NATIONAL,
        countries=(("SEN", Decimal(40)), ("MLI", Decimal(30)), ("MRT", Decimal(30))),
        participants=(
            ("demo-unodc-sahel", ACCOUNTABLE),
            ("demo-unodc-sahel", IMPLEMENTING),
            ("demo-sahel-migrations", IMPLEMENTING),
            ("demo-canada-ircc", FUNDING),
        ),
        areas=("OBLIG", "COORD"),
        gcm=(10,),
        principles=(4, 6, 8),
        markers=(1, 2, 2),
        frequency=Frequency.CUSTOM,
        cycle=4,
        start=-28,
        months=24,
        reason="Les six cycles de formation sont terminés ; le rapport final est en préparation.",
        results=(
            (IMPACT, "Les trafiquants sont poursuivis et les victimes protégées"),
            (OUTCOME, "Les affaires de traite sont instruites et jugées"),
            (OUTPUT, "Les magistrats et les enquêteurs sont formés"),
        ),
        indicators=(
            Ind(
                1,
                "Affaires de traite portées devant les tribunaux",
                unit="affaires",
                baseline=4,
                target=40,
                reporter="demo-unodc-sahel",
                gcm=10,
                assessment="SORM.2.1",
            ),
            Ind(
                2,
                "Magistrats, procureurs et enquêteurs formés",
                unit="personnes",
                target=300,
                reporter="demo-unodc-sahel",
                dims=("sex", ("location", ("Sénégal", "Mali", "Mauritanie"))),
            ),
            Ind(
                0,
                "Victimes accompagnées pendant la procédure",
                unit="victimes",
                target=250,
                dims=("sex", "age_group"),
                reporter="demo-sahel-migrations",
            ),
        ),
        documents=(
            Doc(DocumentCategory.EVALUATION, "Évaluation à mi-parcours", UNODC_TRAFFICKING, 400),
        ),
    ),
    DemoProject(
        key="senegal-migration-statistics",
        recorder="demo-senegal-interior",
        actor="editor.senegal",
        language="fr",
        title="Un système statistique pour l'Observatoire national des migrations du Sénégal",
        description="Le ministère de l'Intérieur prépare avec l'Université Cheikh Anta Diop et "
        "l'OIM un système qui rassemble les données des frontières, de l'état civil et des "
        "consulats pour produire chaque trimestre les statistiques migratoires du pays. Le "
        "projet commencera après la signature de la convention avec l'Agence nationale de la "
        "statistique et de la démographie. Les données personnelles resteront dans les services "
        "qui les collectent : seul l'agrégat est partagé.",
        objectives="Des statistiques migratoires publiées chaque trimestre, à partir des données "
        "que les services produisent déjà.",
        status=ProjectStatus.PIPELINE,
        scope=S.NATIONAL,
        countries=(("SEN", None),),
        participants=(
            ("demo-senegal-interior", ACCOUNTABLE),
            ("demo-ucad-migrations", IMPLEMENTING),
            ("demo-iom-dakar", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("DATA",),
        gcm=(1,),
        principles=(9,),
        visibility=Visibility.PRIVATE,
        start=6,
        months=24,
        results=(
            (IMPACT, "Les politiques migratoires du Sénégal s'appuient sur des données fiables"),
            (OUTCOME, "L'Observatoire publie des statistiques trimestrielles"),
            (OUTPUT, "Les données des services sont reliées"),
        ),
        indicators=(
            Ind(
                1,
                "Bulletins statistiques trimestriels publiés",
                unit="bulletins",
                target=6,
                assessment="WGA.2.1",
            ),
            Ind(
                2,
                "Services dont les données alimentent l'Observatoire",
                unit="services",
                target=5,
                assessment="WGA.2.3",
            ),
            Ind(
                2,
                "Agents formés à la production statistique",
                unit="agents",
                target=40,
                dims=SEXES,
                reporter="demo-ucad-migrations",
            ),
        ),
    ),
    DemoProject(
        key="gao-information-centre",
        recorder="demo-sahel-migrations",
        actor="sahel.migrations",
        language="fr",
        title="Centre d'information et d'orientation des migrants à Gao",
        description="L'association Sahel Migrations et Développement a ouvert à Gao un centre où "
        "les personnes en transit et les migrants de retour trouvaient une information fiable "
        "sur les risques de la route, leurs droits et les services disponibles. Le centre "
        "orientait les personnes vulnérables vers les services de santé et de protection. Le "
        "projet a été annulé lorsque la dégradation de la sécurité a obligé l'équipe à quitter "
        "la ville.",
        objectives="Que les personnes qui passent par Gao fassent leurs choix en connaissant les "
        "risques et leurs droits.",
        status=ProjectStatus.CANCELLED,
        scope=S.LOCAL,
        countries=(("MLI", None),),
        participants=(
            ("demo-sahel-migrations", ACCOUNTABLE),
            ("demo-sahel-migrations", IMPLEMENTING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("OBLIG",),
        gcm=(3, 7),
        principles=(1,),
        markers=(1, 1, None),
        start=-24,
        months=36,
        stopped=-9,
        pace=0.6,
        reason="L'équipe a dû quitter Gao pour des raisons de sécurité ; les fonds restants sont "
        "rendus au bailleur.",
        results=(
            (IMPACT, "Les personnes en transit font des choix informés"),
            (OUTCOME, "Les personnes en transit reçoivent une information fiable"),
            (OUTPUT, "Le centre est ouvert et actif"),
        ),
        indicators=(
            Ind(
                1,
                "Personnes informées au centre",
                unit="personnes",
                target=6000,
                dims=("sex", "migrant_status"),
            ),
            Ind(
                1,
                "Personnes vulnérables orientées vers un service de santé ou de protection",
                unit="personnes",
                target=600,
                dims=("sex", "age_group"),
            ),
            Ind(2, "Séances d'information collectives tenues", unit="séances", target=240),
        ),
    ),
    DemoProject(
        key="senegal-consular-training",
        recorder="demo-senegal-dgase",
        actor="consular.senegal",
        language="fr",
        title="Former les agents consulaires du Sénégal à la protection des ressortissants",
        description="La Direction générale d'appui aux Sénégalais de l'extérieur a formé les "
        "agents de ses consulats en Afrique, en Europe et en Amérique du Nord à l'assistance aux "
        "ressortissants en difficulté : décès, détention, exploitation, crises. L'ICMPD a conçu "
        "le programme avec la Direction et animé les sessions régionales. Un guide pratique "
        "remis à chaque consulat rassemble les procédures et les contacts utiles.",
        objectives="Que chaque consulat sache assister un ressortissant en difficulté, avec les "
        "mêmes procédures partout.",
        status=ProjectStatus.CLOSED,
        scope=S.NATIONAL,
        countries=(("SEN", None),),
        participants=(
            ("demo-senegal-dgase", ACCOUNTABLE),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-spain-inclusion", FUNDING),
        ),
        areas=("CONS",),
        gcm=(14,),
        principles=(6,),
        markers=(1, 1, None),
        start=-42,
        months=18,
        pace=1.05,
        reason="Toutes les sessions ont eu lieu et le guide est distribué ; rapport final "
        "approuvé.",
        results=(
            (IMPACT, "Les Sénégalais en difficulté à l'étranger sont mieux assistés"),
            (OUTCOME, "Les consulats appliquent le guide pratique"),
            (OUTPUT, "Les agents consulaires sont formés"),
        ),
        indicators=(
            Ind(
                2,
                "Agents consulaires formés",
                unit="agents",
                target=150,
                dims=("sex", ("location", ("Afrique", "Europe", "Amérique du Nord"))),
            ),
            Ind(1, "Consulats appliquant le guide pratique", M.PERCENTAGE, "%", target=80),
            Ind(
                0,
                "Niveau des pratiques consulaires de protection (échelle du cadre national, 1 à 4)",
                M.ORDINAL,
                "niveau",
                baseline=2,
                target=3,
                assessment="WELLBEING.1.4",
            ),
        ),
    ),
    # --- English ----------------------------------------------------------------------------
    DemoProject(
        key="ecowas-border-data",
        match=("demo-ecowas-commission", "demo-icmpd"),
        recorder="demo-ecowas-commission",
        actor="ecowas",
        language="en",
        title="Interoperable border information systems at ECOWAS joint border posts",
        description="The ECOWAS Commission and ICMPD pilot common data standards for the border "
        "information systems of the joint border posts on the Abidjan-Lagos corridor, so that "
        "the officers of two neighbouring States record a crossing once and share it. ICMPD "
        "fields border management experts who work with the national immigration services and "
        "the Free Movement Directorate, and trains the officers who will run the systems. The "
        "project follows the ECOWAS Protocol on free movement and protects the personal data "
        "it exchanges.",
        objectives="Faster regular crossings at the pilot posts, each recorded once and shared "
        "by both States.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.REGIONAL,
        regions=(("011", None),),
        participants=(
            ("demo-ecowas-commission", ACCOUNTABLE),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-ghana-immigration", IMPLEMENTING),
            ("demo-canada-ircc", FUNDING),
        ),
        areas=("BORD", "DATA"),
        gcm=(11, 1, 23),
        principles=(2, 3),
        markers=(0, 1, None),
        start=0,
        months=30,
        story=SUBMITTED,
        results=(
            (IMPACT, "Regular crossings between ECOWAS States are faster and recorded once"),
            (OUTCOME, "Joint border posts exchange crossing data under a common standard"),
            (OUTPUT, "Data standards agreed and systems connected"),
            (OUTPUT, "Officers trained to run the systems"),
        ),
        indicators=(
            Ind(
                0,
                "Average time to clear a regular crossing at the pilot posts",
                unit="minutes",
                baseline=45,
                target=15,
                ascending=False,
                reporter="demo-ghana-immigration",
                gcm=11,
            ),
            Ind(
                1,
                "Crossings at the pilot posts recorded in both national systems",
                M.PERCENTAGE,
                "%",
                target=70,
                reporter="demo-icmpd",
                assessment="PARTNERSHIPS.1.3",
            ),
            Ind(
                2,
                "Joint border posts connected to the shared data standard",
                unit="posts",
                target=6,
                reporter="demo-icmpd",
                area="DATA",
            ),
            Ind(
                3,
                "Border officers trained in the systems and in data protection",
                unit="officers",
                target=240,
                reporter="demo-ghana-immigration",
                dims=("sex", ("location", ("Aflao-Lomé", "Elubo-Noé", "Seme-Kraké"))),
            ),
        ),
    ),
    DemoProject(
        key="nepal-fair-recruitment",
        match=("demo-nepal-dofe", "demo-ilo-fair-recruitment"),
        recorder="demo-nepal-dofe",
        actor="focal.nepal",
        language="en",
        title="Employer-pays recruitment: revising the licensing of recruitment agencies in Nepal",
        description="The Department of Foreign Employment and the ILO Fair Recruitment "
        "Initiative revise the licensing and monitoring of private recruitment agencies so that "
        "workers going to Malaysia, Qatar and Saudi Arabia pay no recruitment fees. The ILO "
        "reviews the Foreign Employment Rules against its general principles and operational "
        "guidelines, trains the Department's inspectors and sets up a complaint line with the "
        "migrant workers' networks. Agencies that follow the employer-pays principle are listed "
        "publicly.",
        objectives="No recruitment fees for workers leaving Nepal, and licensing rules that hold "
        "agencies to it.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("NPL", None),),
        participants=(
            ("demo-nepal-dofe", ACCOUNTABLE),
            ("demo-ilo-fair-recruitment", IMPLEMENTING),
            ("demo-nepali-workers-qatar", IMPLEMENTING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("OBLIG", "COORD"),
        gcm=(6, 23),
        principles=(6, 7, 10),
        markers=(1, 2, None),
        start=0,
        months=24,
        story=APPROVED,
        results=(
            (IMPACT, "Workers leaving Nepal pay no recruitment fees"),
            (
                OUTCOME,
                "Recruitment agencies are licensed and inspected on the employer-pays principle",
            ),
            (OUTPUT, "Rules revised and inspectors trained"),
            (OUTPUT, "Workers can complain and be heard"),
        ),
        indicators=(
            Ind(
                0,
                "Average recruitment cost paid by a worker going to Malaysia, Qatar or Saudi "
                "Arabia",
                unit="USD",
                baseline=1100,
                target=250,
                ascending=False,
                reporter="demo-ilo-fair-recruitment",
                gcm=6,
                assessment="WELLBEING.1.2",
            ),
            Ind(
                1,
                "Licensed agencies inspected in the year",
                M.PERCENTAGE,
                "%",
                baseline=15,
                target=60,
                reporter="demo-ilo-fair-recruitment",
            ),
            Ind(
                2,
                "Amendments to the Foreign Employment Rules adopted",
                unit="amendments",
                target=3,
                reach=0.5,
                reporter="demo-ilo-fair-recruitment",
            ),
            Ind(
                2,
                "Labour inspectors trained in fair recruitment",
                unit="inspectors",
                target=120,
                reach=0.6,
                dims=SEXES,
                reporter="demo-ilo-fair-recruitment",
            ),
            Ind(
                3,
                "Complaints received through the workers' networks and resolved",
                unit="complaints",
                target=400,
                reporter="demo-nepali-workers-qatar",
                dims=("sex", ("location", ("Qatar", "Malaysia", "Saudi Arabia"))),
            ),
        ),
        documents=(
            Doc(
                DocumentCategory.MOU,
                "Memorandum of understanding between the Department and the ILO",
                IOM_GCM,
                5,
            ),
        ),
    ),
    DemoProject(
        key="philippines-domestic-workers",
        recorder="demo-philippines-dmw",
        actor="focal.philippines",
        language="en",
        title="Pre-departure orientation and peer support for Filipino domestic workers going to "
        "Hong Kong",
        description="The Department of Migrant Workers renews its pre-departure orientation for "
        "domestic workers with the people who know the work best: former and current domestic "
        "workers. The ILO helps revise the curriculum on contracts, rest days and complaints, "
        "and the Asian Migrant Workers' Network trains peer counsellors who meet newly arrived "
        "workers in Hong Kong. The Department's migrant workers office follows up the cases that "
        "the counsellors refer.",
        objectives="Domestic workers who arrive knowing their rights, and someone to turn to when "
        "they are not respected.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.MULTI_NATIONAL,
        countries=(("PHL", Decimal(60)), ("HKG", Decimal(40))),
        participants=(
            ("demo-philippines-dmw", ACCOUNTABLE),
            ("demo-ilo-fair-recruitment", IMPLEMENTING),
            ("demo-migrant-workers-hk", IMPLEMENTING),
            ("demo-canada-ircc", FUNDING),
        ),
        areas=("CONS", "OBLIG"),
        gcm=(3, 6, 14),
        principles=(6, 7),
        markers=(2, 1, None),
        start=-18,
        months=30,
        pace=0.92,
        story=RETURNED,
        comment="The number of counsellors trained includes the fourteen who left after the "
        "first module; please report only those who completed the course.",
        results=(
            (IMPACT, "Filipino domestic workers in Hong Kong know and claim their rights"),
            (OUTCOME, "Workers leave with an orientation that prepares them for the job"),
            (OUTPUT, "Curriculum revised with domestic workers"),
            (OUTPUT, "Peer counsellors active in Hong Kong"),
        ),
        indicators=(
            Ind(
                3,
                "Peer counsellors trained and active",
                unit="counsellors",
                target=60,
                dims=("age_group",),
                reporter="demo-migrant-workers-hk",
            ),
            Ind(
                0,
                "Workers referred by peer counsellors whose case was resolved",
                unit="workers",
                target=900,
                dims=("age_group",),
                reporter="demo-migrant-workers-hk",
                gcm=14,
            ),
            Ind(
                1,
                "Departing domestic workers who completed the new orientation",
                M.PERCENTAGE,
                "%",
                target=90,
                reporter="demo-ilo-fair-recruitment",
                assessment="WELLBEING.1.4",
            ),
            Ind(
                1,
                "Workers who can name their rest-day and complaint rights three months after "
                "arrival",
                M.PERCENTAGE,
                "%",
                baseline=35,
                target=75,
                pace=0.4,
                reporter="demo-migrant-workers-hk",
            ),
            Ind(
                2,
                "Orientation modules revised with domestic workers",
                unit="modules",
                target=8,
                reach=0.5,
                reporter="demo-ilo-fair-recruitment",
            ),
        ),
    ),
    DemoProject(
        key="jordan-recruitment-corridors",
        recorder="demo-jordan-labour",
        actor="focal.jordan",
        language="en",
        title="Fair recruitment corridors from Nepal and the Philippines to Jordan",
        description="Jordan's Ministry of Labour, with the authorities of the countries of "
        "origin, tests recruitment corridors in which employers pay the recruitment costs and "
        "workers sign the same contract before they leave and after they arrive. The ILO "
        "supports the bilateral working groups and the monitoring of recruitment costs, and "
        "TalentBridge audits the recruitment agencies that take part. Workers are told of their "
        "rights in their own language before departure.",
        objectives="Corridors where workers pay nothing to be recruited and find the contract "
        "they signed.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.MULTI_NATIONAL,
        countries=(("JOR", Decimal(50)), ("NPL", Decimal(25)), ("PHL", Decimal(25))),
        participants=(
            ("demo-jordan-labour", ACCOUNTABLE),
            ("demo-ilo-fair-recruitment", IMPLEMENTING),
            ("demo-talentbridge", IMPLEMENTING),
            ("demo-ilo-fair-recruitment", EXTENDING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("COORD", "OBLIG"),
        gcm=(6, 5, 23),
        principles=(2, 6),
        markers=(1, 2, None),
        start=-12,
        months=36,
        pace=0.72,
        story=SUBMITTED,
        results=(
            (IMPACT, "Workers in the corridors are recruited fairly"),
            (OUTCOME, "Agencies in the corridors follow the employer-pays principle"),
            (OUTPUT, "Agencies audited and workers briefed"),
        ),
        indicators=(
            Ind(
                0,
                "Workers in the corridors who paid no recruitment fee",
                M.PERCENTAGE,
                "%",
                baseline=20,
                target=80,
                reporter="demo-ilo-fair-recruitment",
                gcm=6,
                assessment="PARTNERSHIPS.1.2",
            ),
            Ind(
                0,
                "Workers whose contract at arrival matches the one signed before departure",
                M.PERCENTAGE,
                "%",
                baseline=40,
                target=90,
                reporter="demo-talentbridge",
            ),
            Ind(
                1,
                "Recruitment agencies certified on the employer-pays principle",
                unit="agencies",
                target=40,
                reporter="demo-talentbridge",
                dims=(("location", ("Nepal", "Philippines", "Jordan")),),
            ),
            Ind(
                2,
                "Agency audits completed",
                unit="audits",
                target=120,
                reporter="demo-talentbridge",
            ),
            Ind(
                2,
                "Workers briefed on their rights before departure",
                unit="workers",
                target=6000,
                reporter="demo-ilo-fair-recruitment",
                dims=("sex", ("location", ("Nepal", "Philippines"))),
            ),
        ),
    ),
    DemoProject(
        key="fiji-planned-relocation",
        recorder="demo-fiji-economy",
        actor="focal.fiji",
        language="en",
        title="Planned relocation guidelines in practice: community-led relocation in Fiji",
        description="The Ministry of Economy applies Fiji's Planned Relocation Guidelines with "
        "communities whose villages are threatened by sea-level rise and coastal erosion. UNDP "
        "supports the standard operating procedures and the relocation trust fund, and the "
        "University of the South Pacific documents how relocated households live, work and keep "
        "their ties to the land. Every decision to move is taken with the community, and no one "
        "is moved without their consent.",
        objectives="Communities at risk that choose to move do so safely, with their land, "
        "livelihoods and culture respected.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("FJI", None),),
        participants=(
            ("demo-fiji-economy", ACCOUNTABLE),
            ("demo-undp-pacific", IMPLEMENTING),
            ("demo-usp-climate-mobility", IMPLEMENTING),
            ("demo-pacific-futures-fund", FUNDING),
        ),
        areas=("WGWS", "DATA"),
        gcm=(2, 5),
        principles=(5, 10),
        markers=(1, 1, 1),
        frequency=Frequency.YEARLY,
        start=-48,
        months=72,
        pace=0.42,
        story=DRAFT,
        results=(
            (IMPACT, "Communities at risk move in safety and dignity, when they choose to"),
            (OUTCOME, "Relocations follow the standard operating procedures"),
            (OUTPUT, "Communities consulted and relocation plans agreed"),
        ),
        indicators=(
            Ind(
                1,
                "Relocations carried out under the standard operating procedures",
                unit="communities",
                target=6,
                reporter="demo-undp-pacific",
                assessment="CRISIS.1.3",
                gcm=2,
            ),
            Ind(
                2,
                "Communities that agreed a relocation plan after consultation",
                unit="communities",
                target=12,
                reporter="demo-undp-pacific",
            ),
            Ind(
                2,
                "People who took part in community consultations",
                unit="people",
                target=2400,
                dims=("sex", "age_group"),
                reporter="demo-usp-climate-mobility",
            ),
            Ind(
                0,
                "How relocated households live after the move",
                M.QUALITATIVE,
                reporter="demo-usp-climate-mobility",
                notes=(
                    "Households in Vunidogoloa say their new houses are safer, but the walk to "
                    "their fishing grounds is long and the young leave for Suva.",
                    "Consultations in two villages were postponed after the cyclone season; "
                    "the communities asked for more time to decide.",
                    "Relocated families kept their church and their burial ground on the old "
                    "site, which the community says matters most.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="pacific-labour-mobility",
        recorder="demo-pacific-forum",
        actor="pacific",
        language="en",
        title="Pacific labour mobility: worker welfare and the portability of skills",
        description="The Pacific Islands Forum Secretariat prepares a regional programme with "
        "its members on the welfare of seasonal and temporary workers and the recognition of the "
        "skills they bring home. UNDP and the University of the South Pacific will map the "
        "skills that returning workers acquire and design a regional register of "
        "qualifications. The programme starts once the Forum's labour ministers approve it.",
        objectives="Workers who come home with skills that are recognised, and members with "
        "policies for their welfare abroad.",
        status=ProjectStatus.PIPELINE,
        scope=S.REGIONAL,
        regions=(("054", Decimal(60)), ("061", Decimal(40))),
        participants=(
            ("demo-pacific-forum", ACCOUNTABLE),
            ("demo-undp-pacific", IMPLEMENTING),
            ("demo-usp-climate-mobility", IMPLEMENTING),
            ("demo-pacific-futures-fund", FUNDING),
        ),
        areas=("COORD", "DATA"),
        gcm=(5, 18, 22),
        principles=(2, 5),
        markers=(1, None, None),
        start=3,
        months=24,
        results=(
            (IMPACT, "Pacific workers and their communities benefit from labour mobility"),
            (OUTCOME, "Skills acquired abroad are recognised at home"),
            (OUTPUT, "Regional register of qualifications designed"),
        ),
        indicators=(
            Ind(
                1,
                "Returning workers whose skills were assessed and recognised",
                unit="workers",
                target=1500,
                dims=SEXES,
                gcm=18,
            ),
            Ind(
                0,
                "Members with a national policy on the welfare of workers abroad",
                unit="members",
                baseline=2,
                target=8,
                assessment="WELLBEING.1.4",
            ),
            Ind(
                2,
                "Qualifications mapped in the regional register",
                unit="qualifications",
                target=60,
                reporter="demo-usp-climate-mobility",
            ),
        ),
    ),
    DemoProject(
        key="global-migration-statistics",
        recorder="demo-iom-dakar",
        actor="iom",
        language="en",
        title="Migration data for policy: a global learning programme for national statistics "
        "offices",
        description="IOM and a network of universities on three continents run a learning "
        "programme on migration statistics for the staff of national statistics offices and "
        "ministries. The courses cover the census and household surveys, administrative data, "
        "data protection and the use of data in policy, and they are taught online and in "
        "regional workshops. Each participating office leaves with a plan to publish one new "
        "migration statistic.",
        objectives="Offices that publish new migration statistics, and staff who use them in "
        "policy.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.GLOBAL,
        participants=(
            ("demo-iom-dakar", ACCOUNTABLE),
            ("demo-ucad-migrations", IMPLEMENTING),
            ("demo-migration-lab", IMPLEMENTING),
            ("demo-observatorio-movilidad", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("DATA",),
        gcm=(1,),
        principles=(2, 9),
        markers=(1, None, None),
        frequency=Frequency.CUSTOM,
        start=-24,
        months=36,
        pace=1.06,
        story=APPROVED,
        results=(
            (IMPACT, "Countries publish better migration statistics"),
            (OUTCOME, "National offices publish new migration statistics"),
            (OUTPUT, "Staff of national offices trained"),
        ),
        indicators=(
            Ind(
                0,
                "Countries publishing migration data disaggregated by sex and age",
                unit="countries",
                baseline=8,
                target=20,
                reporter="demo-observatorio-movilidad",
                assessment="WGA.2.2",
            ),
            Ind(
                1,
                "Participating offices that published a new migration statistic",
                unit="offices",
                target=30,
                assessment="WGA.2.1",
                gcm=1,
            ),
            Ind(
                1,
                "Participants who use migration data in their work six months later",
                M.PERCENTAGE,
                "%",
                target=70,
                reporter="demo-migration-lab",
            ),
            Ind(
                2,
                "Staff who completed the course",
                unit="people",
                target=600,
                reach=0.67,
                dims=("sex", ("location", ("Africa", "Americas", "Asia and the Pacific"))),
            ),
            Ind(
                2,
                "Regional workshops held",
                unit="workshops",
                target=6,
                reach=0.67,
                reporter="demo-ucad-migrations",
            ),
        ),
        documents=(
            Doc(
                DocumentCategory.RESULTS,
                "Results report on the first three semesters",
                DATA_PORTAL,
                150,
            ),
        ),
    ),
    DemoProject(
        key="moldova-diaspora-skills",
        recorder="demo-moldova-diaspora",
        actor="focal.moldova",
        language="en",
        title="A skills registry for the Moldovan diaspora and the return of professionals",
        description="The Bureau for Diaspora Relations builds a voluntary registry in which "
        "Moldovans abroad record their skills and the contribution they would make: short "
        "assignments, mentoring, investment or return. The Association of Moldovan "
        "Professionals in Italy reaches its members and tests the registry, and ICMPD advises on "
        "the design and on the protection of personal data. The registry is linked to the "
        "vacancies of the public institutions that need these skills.",
        objectives="Public institutions that find in the diaspora the skills they lack.",
        status=ProjectStatus.SUSPENDED,
        scope=S.NATIONAL,
        countries=(("MDA", None),),
        participants=(
            ("demo-moldova-diaspora", ACCOUNTABLE),
            ("demo-moldovans-italy", IMPLEMENTING),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("WGWS", "DATA"),
        gcm=(19, 18),
        principles=(9, 10),
        markers=(1, None, None),
        visibility=Visibility.SHARED,
        start=-21,
        months=36,
        stopped=-6,
        pace=0.5,
        reason="Suspended until the new law on personal data protection is adopted: the registry "
        "may not collect data before then.",
        results=(
            (IMPACT, "The diaspora contributes its skills to Moldova's development"),
            (OUTCOME, "Public institutions find the skills they need in the diaspora"),
            (OUTPUT, "Registry built and tested"),
        ),
        indicators=(
            Ind(
                2,
                "Diaspora members registered",
                unit="people",
                target=5000,
                reporter="demo-moldovans-italy",
                dims=("sex", ("location", ("Italy", "Germany", "Other countries"))),
            ),
            Ind(
                2,
                "Public institutions that published vacancies in the registry",
                unit="institutions",
                target=25,
                reporter="demo-icmpd",
            ),
            Ind(
                1,
                "Assignments filled by diaspora members",
                unit="assignments",
                target=150,
                reporter="demo-icmpd",
                gcm=19,
            ),
            Ind(
                0,
                "Diaspora members who returned to work in Moldova",
                unit="people",
                target=200,
                dims=SEXES,
                reporter="demo-moldovans-italy",
                assessment="WELLBEING.2.2",
            ),
        ),
    ),
    DemoProject(
        key="ghana-border-information",
        recorder="demo-ghana-immigration",
        actor="focal.ghana",
        language="en",
        title="Border information system and data sharing at Ghana's land borders",
        description="Ghana Immigration Service extends its border management information system "
        "to the land borders with Côte d'Ivoire, Burkina Faso and Togo and shares anonymised "
        "statistics with the Ghana Statistical Service. ICMPD trained the officers and advised "
        "on data protection; CiviTech Afrique installed the software and the connections and "
        "maintains them. The project ended on schedule and its final report is being prepared.",
        objectives="Every land border post records entries and exits electronically, and the "
        "country publishes its border statistics.",
        status=ProjectStatus.FINALISATION,
        scope=S.NATIONAL,
        countries=(("GHA", None),),
        participants=(
            ("demo-ghana-immigration", ACCOUNTABLE),
            ("demo-icmpd", IMPLEMENTING),
            ("demo-civitech-afrique", IMPLEMENTING),
            ("demo-canada-ircc", FUNDING),
        ),
        areas=("BORD", "DATA"),
        gcm=(11, 1),
        principles=(3, 4),
        markers=(0, 1, None),
        start=-27,
        months=24,
        reason="All activities are completed; the final report and the audit are being prepared.",
        results=(
            (IMPACT, "Ghana manages its land borders with reliable data"),
            (OUTCOME, "Land border posts record entries and exits electronically"),
            (OUTPUT, "Posts connected and officers trained"),
        ),
        indicators=(
            Ind(
                0,
                "Monthly border statistics bulletins published by the Statistical Service",
                unit="bulletins",
                target=12,
                reporter="demo-icmpd",
                gcm=1,
            ),
            Ind(
                1,
                "Land border posts recording entries and exits electronically",
                M.PERCENTAGE,
                "%",
                baseline=20,
                target=90,
                reporter="demo-civitech-afrique",
                assessment="SORM.1.3",
            ),
            Ind(
                1,
                "Availability of the system at the connected posts",
                M.PERCENTAGE,
                "%",
                baseline=80,
                target=98,
                reporter="demo-civitech-afrique",
            ),
            Ind(
                2,
                "Border posts connected to the system",
                unit="posts",
                baseline=4,
                target=18,
                reporter="demo-civitech-afrique",
                area="BORD",
            ),
            Ind(
                2,
                "Officers trained in the system and in data protection",
                unit="officers",
                target=350,
                dims=SEXES,
                reporter="demo-icmpd",
            ),
        ),
        documents=(
            Doc(
                DocumentCategory.EVALUATION, "Final evaluation: terms of reference", IOM_BORDERS, 40
            ),
            Doc(DocumentCategory.RESULTS, "Results report, second year", IOM_PUBLICATIONS, 100),
        ),
    ),
    DemoProject(
        key="east-africa-remittances",
        recorder="demo-remitco",
        actor="remitco",
        language="en",
        title="Cheaper remittances in East African corridors: price transparency and digital "
        "access",
        description="RemitCo connected its remittance corridors between Kenya, Uganda and "
        "Tanzania to mobile wallets, published its prices every quarter and trained migrant "
        "workers and their families in using digital transfers safely. The migrant workers desk "
        "of ITUC-Africa reached workers in the informal sector through its unions. The project "
        "ended with fees below the target of 3 percent in all three corridors.",
        objectives="Sending money home costs less than 3 percent in every corridor, and families "
        "know how to use digital transfers safely.",
        status=ProjectStatus.CLOSED,
        scope=S.MULTI_NATIONAL,
        countries=(("KEN", Decimal(50)), ("UGA", Decimal(30)), ("TZA", Decimal(20))),
        participants=(
            ("demo-remitco", ACCOUNTABLE),
            ("demo-remitco", IMPLEMENTING),
            ("demo-ituc-africa", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        gcm=(20,),
        principles=(5,),
        markers=(1, None, None),
        start=-36,
        months=24,
        pace=1.1,
        reason="Final report approved by the funder; price publication continues as part of "
        "RemitCo's regular operations.",
        results=(
            (IMPACT, "Families receive more of the money sent home"),
            (OUTCOME, "Transfers in the corridors are cheaper and transparent"),
            (OUTPUT, "Workers and families trained in digital transfers"),
        ),
        indicators=(
            Ind(
                0,
                "Transfers in the corridors sent through regulated channels",
                M.PERCENTAGE,
                "%",
                baseline=55,
                target=75,
                reporter="demo-remitco",
            ),
            Ind(
                1,
                "Average cost of sending the equivalent of USD 200",
                M.PERCENTAGE,
                "%",
                baseline=7.5,
                target=2.8,
                ascending=False,
                reporter="demo-remitco",
                gcm=20,
                assessment="WELLBEING.2.1",
            ),
            Ind(
                1,
                "Corridors with prices published every quarter",
                unit="corridors",
                target=3,
                reach=0.5,
                reporter="demo-remitco",
            ),
            Ind(
                2,
                "Workers and family members trained in digital transfers",
                unit="people",
                target=8000,
                reporter="demo-ituc-africa",
                dims=("sex", ("location", ("Kenya", "Uganda", "Tanzania"))),
            ),
        ),
        documents=(
            Doc(DocumentCategory.RESULTS, "Final results report", IOM_PUBLICATIONS, 400),
            Doc(DocumentCategory.EVALUATION, "Independent final evaluation", UN_NETWORK, 380),
        ),
    ),
    # --- Español ----------------------------------------------------------------------------
    DemoProject(
        key="guatemala-psychosocial-reintegration",
        match=("demo-guatemala-igm", "expert.reyes"),
        recorder="demo-guatemala-igm",
        actor="focal.guatemala",
        language="es",
        title="Acompañamiento psicosocial en la reintegración de personas guatemaltecas retornadas",
        description="El Instituto Guatemalteco de Migración incorpora el acompañamiento "
        "psicosocial a la gestión de casos de las personas retornadas desde México y Estados "
        "Unidos. La psicóloga Gabriela Reyes, de la diáspora guatemalteca, diseña el protocolo "
        "de seguimiento y capacita a los equipos de los centros de recepción, que luego "
        "atienden a las personas durante sus primeros seis meses en el país. El proyecto presta "
        "una atención especial a las niñas, los niños y los adolescentes retornados.",
        objectives="Que cada persona retornada que lo necesite tenga un plan de seguimiento "
        "psicosocial y alguien que la acompañe.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("GTM", None),),
        participants=(
            ("demo-guatemala-igm", ACCOUNTABLE),
            ("demo-guatemala-igm", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("CONS", "OBLIG"),
        gcm=(21, 7),
        principles=(1, 8),
        markers=(1, 1, 2),
        start=0,
        months=24,
        pace=0.75,
        story=SUBMITTED,
        results=(
            (IMPACT, "Las personas retornadas se reintegran de forma sostenible"),
            (OUTCOME, "Los centros de recepción ofrecen acompañamiento psicosocial"),
            (OUTPUT, "Equipos capacitados en el protocolo de seguimiento"),
        ),
        indicators=(
            Ind(
                1,
                "Personas retornadas con plan de seguimiento psicosocial",
                unit="personas",
                target=1800,
                dims=("sex", "age_group"),
                gcm=21,
            ),
            Ind(
                0,
                "Personas que siguen en contacto con el servicio a los seis meses",
                M.PERCENTAGE,
                "%",
                baseline=20,
                target=65,
                assessment="SORM.3.2",
            ),
            Ind(
                2,
                "Profesionales de los centros de recepción capacitados",
                unit="profesionales",
                target=60,
                reach=0.5,
                dims=SEXES,
            ),
            Ind(
                0,
                "Lo que cuentan las personas acompañadas",
                M.QUALITATIVE,
                notes=(
                    "Las primeras personas acompañadas dicen que la entrevista en el centro de "
                    "recepción fue la primera vez que alguien les preguntó cómo estaban.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="mexico-alternatives-detention",
        recorder="demo-mexico-segob",
        actor="focal.mexico",
        language="es",
        title="Alternativas a la detención para niñas, niños y adolescentes migrantes",
        description="La Secretaría de Gobernación acompaña a las entidades federativas en la "
        "aplicación del protocolo que prohíbe la detención de niñas, niños y adolescentes "
        "migrantes y los canaliza a los sistemas de protección de la infancia. La red de "
        "alternativas comunitarias a la detención capacita a las procuradurías de protección en "
        "la gestión de casos y en la búsqueda de alojamiento en familias y albergues abiertos. "
        "Cada caso tiene una persona responsable que sigue a la niña o al niño hasta que se "
        "determina su interés superior.",
        objectives="Ninguna niña, niño o adolescente migrante en una estación migratoria, y "
        "cada caso con su plan de restitución de derechos.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("MEX", None),),
        participants=(
            ("demo-mexico-segob", ACCOUNTABLE),
            ("demo-atd-network", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("OBLIG",),
        gcm=(13, 7),
        principles=(6, 8),
        markers=(1, 2, 2),
        start=-15,
        months=30,
        pace=0.72,
        story=RETURNED,
        comment="El número de casos incluye a adolescentes que ya cumplieron 18 años; por "
        "favor, corrígelo y separa por entidad los casos de Chiapas y Tabasco.",
        results=(
            (IMPACT, "Ninguna niña, niño o adolescente migrante es detenido"),
            (
                OUTCOME,
                "Las procuradurías de protección atienden los casos en alternativas comunitarias",
            ),
            (OUTPUT, "Personal de las procuradurías capacitado"),
        ),
        indicators=(
            Ind(
                1,
                "Niñas, niños y adolescentes atendidos en alternativas comunitarias",
                unit="personas",
                target=3200,
                dims=(
                    "sex",
                    ("location", ("Chiapas", "Tabasco", "Baja California", "Otras entidades")),
                ),
            ),
            Ind(
                0,
                "Días que pasa en promedio una niña o un niño en una estación migratoria "
                "antes de ser canalizado",
                unit="días",
                baseline=12,
                target=1,
                ascending=False,
                assessment="SORM.3.1",
                gcm=13,
            ),
            Ind(
                1,
                "Casos con plan de restitución de derechos",
                M.PERCENTAGE,
                "%",
                baseline=10,
                target=80,
            ),
            Ind(
                1,
                "Entidades federativas que aplican el protocolo",
                unit="entidades",
                baseline=4,
                target=32,
            ),
            Ind(
                2,
                "Personal de las procuradurías capacitado en gestión de casos",
                unit="personas",
                target=400,
                dims=SEXES,
            ),
        ),
    ),
    DemoProject(
        key="colombia-information-system",
        recorder="demo-colombia-migracion",
        actor="migracion.colombia",
        language="es",
        title="Un sistema de información migratoria interoperable con el registro civil en "
        "Colombia",
        description="Migración Colombia conecta su sistema de información con el registro civil "
        "y con las bases de datos de salud y educación para que las personas venezolanas con "
        "permiso de protección temporal accedan a los servicios sin repetir sus trámites. "
        "DataNube desarrolla las interfaces y el laboratorio de datos de la Universidad de los "
        "Andes analiza las estadísticas anonimizadas que el sistema produce. Los datos "
        "personales solo se comparten con la autorización de cada persona.",
        objectives="Que una persona registrada una vez sea reconocida por todas las "
        "instituciones que la atienden.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.NATIONAL,
        countries=(("COL", None),),
        participants=(
            ("demo-colombia-migracion", ACCOUNTABLE),
            ("demo-datanube", IMPLEMENTING),
            ("demo-migration-lab", IMPLEMENTING),
            ("demo-canada-ircc", FUNDING),
        ),
        areas=("DATA",),
        gcm=(1, 4),
        principles=(4, 9),
        markers=(1, 1, None),
        start=-12,
        months=24,
        story=SUBMITTED,
        results=(
            (IMPACT, "Las personas migrantes acceden a los servicios sin trámites repetidos"),
            (OUTCOME, "Las instituciones consultan el sistema"),
            (OUTPUT, "Interfaces desarrolladas y estadísticas publicadas"),
        ),
        indicators=(
            Ind(
                0,
                "Personas con permiso de protección temporal afiliadas al sistema de salud",
                unit="personas",
                target=250000,
                dims=("sex", "age_group"),
                reporter="demo-migration-lab",
            ),
            Ind(
                1,
                "Instituciones conectadas al sistema",
                unit="instituciones",
                target=12,
                reporter="demo-datanube",
                assessment="WGA.2.3",
            ),
            Ind(
                1,
                "Consultas al sistema resueltas en menos de un minuto",
                M.PERCENTAGE,
                "%",
                baseline=40,
                target=95,
                reporter="demo-datanube",
            ),
            Ind(
                2,
                "Boletines estadísticos publicados con datos desagregados",
                unit="boletines",
                target=8,
                reporter="demo-migration-lab",
                gcm=1,
            ),
        ),
    ),
    DemoProject(
        key="ecuador-consular-spain",
        recorder="demo-ecuador-movilidad",
        actor="focal.ecuador",
        language="es",
        title="Protección consular y orientación para personas ecuatorianas en España",
        description="El Ministerio de Relaciones Exteriores y Movilidad Humana refuerza la "
        "atención de sus consulados en Madrid, Barcelona y Murcia a las personas ecuatorianas en "
        "situación de vulnerabilidad: orientación laboral, acompañamiento en casos de violencia "
        "y asesoría para el retorno. La Red de Profesionales Ecuatorianos en España ofrece "
        "asesoría jurídica voluntaria en los consulados y organiza jornadas informativas con las "
        "asociaciones. El Ministerio de Inclusión de España facilita el acceso a sus servicios "
        "de acogida.",
        objectives="Que cada persona ecuatoriana en dificultad en España encuentre en su "
        "consulado orientación y acompañamiento.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.MULTI_NATIONAL,
        countries=(("ECU", Decimal(30)), ("ESP", Decimal(70))),
        participants=(
            ("demo-ecuador-movilidad", ACCOUNTABLE),
            ("demo-ecuador-movilidad", FUNDING),
            ("demo-ecuatorianos-espana", IMPLEMENTING),
            ("demo-spain-inclusion", IMPLEMENTING),
        ),
        areas=("CONS",),
        gcm=(14, 3, 21),
        principles=(6, 7),
        markers=(2, 1, None),
        frequency=Frequency.MONTHLY,
        start=-6,
        months=12,
        pace=1.04,
        story=APPROVED,
        results=(
            (IMPACT, "Las personas ecuatorianas en España ejercen sus derechos"),
            (OUTCOME, "Los consulados orientan y acompañan"),
            (OUTPUT, "Jornadas informativas y asesorías jurídicas"),
        ),
        indicators=(
            Ind(
                1,
                "Personas atendidas en los consulados",
                unit="personas",
                target=4800,
                dims=("sex", ("location", ("Madrid", "Barcelona", "Murcia"))),
            ),
            Ind(
                1,
                "Casos de violencia de género acompañados hasta su derivación",
                unit="casos",
                target=120,
                reporter="demo-ecuatorianos-espana",
                gcm=14,
            ),
            Ind(
                2,
                "Jornadas informativas con asociaciones",
                unit="jornadas",
                target=24,
                reach=0.5,
                reporter="demo-ecuatorianos-espana",
            ),
            Ind(
                2,
                "Asesorías jurídicas voluntarias",
                unit="asesorías",
                target=900,
                dims=SEXES,
                reporter="demo-ecuatorianos-espana",
            ),
        ),
    ),
    DemoProject(
        key="quito-local-integration",
        recorder="demo-quito-inclusion",
        actor="city.quito",
        language="es",
        title="Integración local de personas refugiadas y migrantes en los barrios de Quito",
        description="La Secretaría de Inclusión Social del Municipio de Quito abre puntos de "
        "atención en cinco barrios donde viven muchas familias venezolanas y colombianas, con "
        "orientación sobre empleo, educación y regularización. Los puntos trabajan con los "
        "comités barriales para prevenir la discriminación y organizar actividades con la "
        "población de acogida. El Observatorio de Movilidad Humana evalúa cómo perciben los "
        "vecinos la convivencia en los barrios.",
        objectives="Barrios donde las familias migrantes acceden a los servicios y conviven con "
        "sus vecinos.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.LOCAL,
        countries=(("ECU", None),),
        participants=(
            ("demo-quito-inclusion", ACCOUNTABLE),
            ("demo-quito-inclusion", IMPLEMENTING),
            ("demo-observatorio-movilidad", IMPLEMENTING),
            ("demo-mobility-foundation", FUNDING),
        ),
        areas=("WGWS",),
        gcm=(16, 15, 17),
        principles=(1, 10),
        markers=(1, None, 1),
        frequency=Frequency.MONTHLY,
        start=-8,
        months=12,
        pace=0.75,
        story=LATE,
        results=(
            (IMPACT, "Personas migrantes y de acogida conviven en los barrios"),
            (OUTCOME, "Las familias migrantes acceden a los servicios municipales"),
            (OUTPUT, "Puntos de atención abiertos en los barrios"),
        ),
        indicators=(
            Ind(
                1,
                "Personas orientadas en los puntos de atención",
                unit="personas",
                target=6000,
                dims=("sex", "migrant_status"),
                reporter="demo-quito-inclusion",
            ),
            Ind(
                1,
                "Niñas y niños migrantes inscritos en la escuela con apoyo del punto",
                unit="niñas y niños",
                target=800,
                dims=SEXES,
                reporter="demo-quito-inclusion",
            ),
            Ind(
                2,
                "Actividades con los comités barriales",
                unit="actividades",
                target=60,
                reporter="demo-quito-inclusion",
            ),
            Ind(
                0,
                "Vecinos que valoran positivamente la convivencia",
                M.PERCENTAGE,
                "%",
                baseline=45,
                target=65,
                reporter="demo-observatorio-movilidad",
                assessment="SORM.3.3",
            ),
            Ind(
                0,
                "Lo que cambia en los barrios",
                M.QUALITATIVE,
                reporter="demo-observatorio-movilidad",
                notes=(
                    "En La Mena, el comité barrial organizó con las familias venezolanas una "
                    "feria de emprendimientos que reunió a más de doscientas personas.",
                    "Las madres de Carapungo piden más cupos en los centros de desarrollo "
                    "infantil; el punto de atención las acompaña en la inscripción.",
                    "Los vecinos de Solanda mencionan menos conflictos por el uso de la cancha "
                    "desde que el torneo mezcla equipos.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="barcelona-legal-orientation",
        recorder="demo-barcelona-saier",
        actor="city.barcelona",
        language="es",
        title="Acogida y orientación jurídica para personas recién llegadas en Barcelona",
        description="El Ayuntamiento de Barcelona amplía el Servicio de Atención a Inmigrantes, "
        "Emigrantes y Refugiados con una oficina de orientación jurídica en los distritos con "
        "más personas recién llegadas. La Red de Profesionales Ecuatorianos en España y otras "
        "asociaciones ofrecerán acompañamiento entre iguales. El proyecto empieza cuando se "
        "apruebe el presupuesto municipal del próximo año.",
        objectives="Orientación jurídica cerca de casa para todas las personas que llegan a la "
        "ciudad.",
        status=ProjectStatus.PIPELINE,
        scope=S.LOCAL,
        countries=(("ESP", None),),
        participants=(
            ("demo-barcelona-saier", ACCOUNTABLE),
            ("demo-barcelona-saier", IMPLEMENTING),
            ("demo-ecuatorianos-espana", IMPLEMENTING),
            ("demo-spain-inclusion", FUNDING),
        ),
        areas=("WGWS", "OBLIG"),
        gcm=(15, 16),
        principles=(10,),
        markers=(1, 1, None),
        start=3,
        months=24,
        results=(
            (IMPACT, "Las personas recién llegadas ejercen sus derechos en la ciudad"),
            (OUTCOME, "Las personas reciben orientación jurídica cerca de casa"),
            (OUTPUT, "Oficina de distrito abierta"),
        ),
        indicators=(
            Ind(
                1,
                "Personas orientadas en la oficina de distrito",
                unit="personas",
                target=4000,
                dims=SEXES,
            ),
            Ind(
                0,
                "Personas que obtuvieron su permiso de residencia tras la orientación",
                M.PERCENTAGE,
                "%",
                target=50,
            ),
            Ind(
                2,
                "Personas voluntarias formadas en acompañamiento entre iguales",
                unit="personas",
                target=40,
                reporter="demo-ecuatorianos-espana",
            ),
        ),
    ),
    DemoProject(
        key="missing-migrants-identification",
        recorder="demo-forensic-team",
        actor="forense",
        language="es",
        title="Identificación de personas migrantes desaparecidas en la ruta hacia el norte",
        description="El Equipo Latinoamericano de Antropología Forense apoya a las fiscalías y a "
        "las familias de México y de Centroamérica en la búsqueda e identificación de personas "
        "migrantes desaparecidas. El equipo reúne muestras genéticas de los familiares, compara "
        "los perfiles con los restos no identificados y devuelve los restos a sus familias con "
        "el debido acompañamiento. Los datos genéticos se guardan con estrictas medidas de "
        "confidencialidad.",
        objectives="Que más familias conozcan el paradero de sus seres queridos y puedan "
        "despedirse de ellos.",
        status=ProjectStatus.IMPLEMENTATION,
        scope=S.REGIONAL,
        countries=(
            ("GTM", Decimal(30)),
            ("HND", Decimal(25)),
            ("SLV", Decimal(15)),
            ("MEX", Decimal(30)),
        ),
        participants=(
            ("demo-forensic-team", ACCOUNTABLE),
            ("demo-forensic-team", IMPLEMENTING),
            ("demo-guatemaltecos-eeuu", IMPLEMENTING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("DATA", "OBLIG"),
        gcm=(8,),
        principles=(1, 6),
        markers=(1, 2, None),
        visibility=Visibility.SHARED,
        start=-15,
        months=36,
        pace=0.45,
        story=SUBMITTED,
        results=(
            (IMPACT, "Las familias conocen el paradero de sus seres queridos"),
            (OUTCOME, "Las personas desaparecidas son identificadas"),
            (OUTPUT, "Muestras de familiares reunidas y perfiles compartidos"),
        ),
        indicators=(
            Ind(
                1,
                "Personas migrantes identificadas y restituidas a sus familias",
                unit="personas",
                target=150,
                reporter="demo-forensic-team",
                gcm=8,
                dims=("sex", ("location", ("Guatemala", "Honduras", "El Salvador", "México"))),
            ),
            Ind(2, "Familias que aportaron muestras genéticas", unit="familias", target=900),
            Ind(
                2,
                "Fiscalías que comparten perfiles con el banco de datos",
                unit="fiscalías",
                baseline=1,
                target=8,
                reporter="demo-forensic-team",
            ),
            Ind(
                0,
                "Testimonios de las familias acompañadas",
                M.QUALITATIVE,
                reporter="demo-forensic-team",
                notes=(
                    "Una familia de Huehuetenango recibió los restos de su hijo, desaparecido "
                    "desde hacía once años, y pudo despedirse de él en su comunidad.",
                    "Las fiscalías de dos estados todavía no comparten sus perfiles; las "
                    "familias esperan respuestas que el banco de datos podría dar.",
                    "Las familias de la diáspora en Estados Unidos pueden ahora dar su muestra "
                    "en los consulados, gracias a la Alianza.",
                ),
            ),
        ),
    ),
    DemoProject(
        key="mexico-consular-labour-desks",
        recorder="demo-mexico-ime",
        actor="ime.mexico",
        language="es",
        title="Ventanillas de asesoría laboral en los consulados de México en Estados Unidos",
        description="El Instituto de los Mexicanos en el Exterior abrió en diez consulados de "
        "México en Estados Unidos ventanillas donde las personas trabajadoras reciben asesoría "
        "sobre salarios no pagados, accidentes de trabajo y derechos laborales. La Alianza de "
        "Guatemaltecos en Estados Unidos compartió su experiencia con los trabajadores agrícolas "
        "y formó a las personas que atienden las ventanillas. Las ventanillas forman parte ahora "
        "de los servicios permanentes de los consulados.",
        objectives="Que las personas trabajadoras mexicanas en Estados Unidos encuentren en su "
        "consulado quien defienda sus derechos laborales.",
        status=ProjectStatus.CLOSED,
        scope=S.MULTI_NATIONAL,
        countries=(("MEX", Decimal(20)), ("USA", Decimal(80))),
        participants=(
            ("demo-mexico-ime", ACCOUNTABLE),
            ("demo-mexico-ime", FUNDING),
            ("demo-mexico-ime", IMPLEMENTING),
            ("demo-guatemaltecos-eeuu", IMPLEMENTING),
        ),
        areas=("CONS", "OBLIG"),
        gcm=(14, 6),
        principles=(6,),
        markers=(1, 2, None),
        start=-39,
        months=24,
        pace=1.08,
        reason="Las ventanillas pasan al presupuesto ordinario de los consulados; informe final "
        "aprobado.",
        results=(
            (IMPACT, "Las personas trabajadoras mexicanas defienden sus derechos laborales"),
            (OUTCOME, "Las ventanillas resuelven casos laborales"),
            (OUTPUT, "Ventanillas abiertas en los consulados"),
        ),
        indicators=(
            Ind(
                1,
                "Casos laborales atendidos",
                unit="casos",
                target=5000,
                dims=SEXES,
                reporter="demo-mexico-ime",
            ),
            Ind(
                1,
                "Salarios no pagados recuperados",
                unit="USD",
                target=2000000,
                reporter="demo-mexico-ime",
            ),
            Ind(
                2,
                "Consulados con ventanilla abierta",
                unit="consulados",
                target=10,
                reach=0.5,
                reporter="demo-mexico-ime",
                assessment="WELLBEING.1.4",
            ),
        ),
    ),
    DemoProject(
        key="southern-cone-data-platform",
        recorder="demo-observatorio-movilidad",
        actor="observatorio",
        language="es",
        title="Plataforma regional de datos sobre movilidad humana en el Cono Sur",
        description="El Observatorio de Movilidad Humana de la Universidad del Pacífico Sur "
        "preparaba con universidades de Argentina, Chile y Uruguay una plataforma que reuniera "
        "las estadísticas de movilidad de los tres países con definiciones comunes. El proyecto "
        "se canceló antes de empezar porque la fundación que iba a financiarlo cambió sus "
        "prioridades. Las universidades buscan otra fuente de financiación.",
        objectives="Estadísticas de movilidad comparables entre los tres países.",
        status=ProjectStatus.CANCELLED,
        scope=S.MULTI_NATIONAL,
        countries=(("ARG", Decimal(35)), ("CHL", Decimal(40)), ("URY", Decimal(25))),
        participants=(
            ("demo-observatorio-movilidad", ACCOUNTABLE),
            ("demo-observatorio-movilidad", IMPLEMENTING),
            ("demo-migration-lab", IMPLEMENTING),
            ("demo-fondation-horizons", FUNDING),
        ),
        areas=("DATA",),
        gcm=(1, 23),
        principles=(2,),
        start=3,
        months=24,
        reason="La fundación retiró su financiación antes del inicio del proyecto.",
        results=(
            (IMPACT, "Las políticas de movilidad del Cono Sur se basan en datos comparables"),
            (OUTCOME, "Los tres países publican estadísticas con definiciones comunes"),
            (OUTPUT, "Plataforma regional en línea"),
        ),
        indicators=(
            Ind(
                1,
                "Series estadísticas publicadas con definiciones comunes",
                unit="series",
                target=24,
                assessment="WGA.2.1",
            ),
            Ind(2, "Instituciones que alimentan la plataforma", unit="instituciones", target=9),
            Ind(0, "Informes de política que citan la plataforma", unit="informes", target=12),
        ),
    ),
]


@dataclass(frozen=True)
class Eval:
    """An evaluation of a demo project, in the project's language, and the lessons drawn."""

    type: str
    method: str
    evaluator: str
    findings: str
    ratings: dict
    lessons: tuple = ()  # (title, text)
    independent: bool = True


# Evaluations of finished projects (final, impact) and mid-term ones of running projects.
EVALUATIONS = {
    "senegal-diaspora-investment": Eval(
        "final",
        "mixed",
        "Cabinet Sahel Évaluation (démo)",
        "Le guichet a accompagné 214 porteurs de projets de la diaspora ; 61 entreprises ont été "
        "créées, dont 40 % par des femmes. Le suivi après la création reste faible : un tiers des "
        "entreprises n'ont plus de contact avec le guichet au bout d'un an.",
        {
            "relevance": 4,
            "coherence": 3,
            "effectiveness": 3,
            "efficiency": 2,
            "impact": 3,
            "sustainability": 2,
        },
        (
            (
                "Accompagner après la création",
                "Prévoir dès la conception un suivi d'au moins dix-huit mois après la création de "
                "l'entreprise : c'est là que les projets de la diaspora échouent le plus souvent.",
            ),
        ),
    ),
    "senegal-consular-training": Eval(
        "final",
        "desk_review",
        "Direction de l'inspection (démo)",
        "Les 48 agents consulaires formés appliquent la procédure d'assistance ; le délai moyen "
        "de réponse aux ressortissants en détresse est passé de 9 à 3 jours.",
        {"relevance": 4, "effectiveness": 4, "efficiency": 3, "sustainability": 3},
        (
            (
                "Former les formateurs",
                "Les modules repris par l'académie diplomatique ont continué après le projet ; les "
                "sessions animées par des consultants extérieurs, non.",
            ),
        ),
        independent=False,
    ),
    "east-africa-remittances": Eval(
        "impact",
        "quasi_experimental",
        "Remittance Research Consortium (demo)",
        "Households in the corridors served paid 4.1% on average to send 200 USD, against 7.6% "
        "in comparable corridors; the difference held a year after the project.",
        {
            "relevance": 4,
            "coherence": 4,
            "effectiveness": 3,
            "efficiency": 3,
            "impact": 4,
            "sustainability": 3,
        },
        (
            (
                "Publish the prices",
                "A public price-comparison page moved prices more than any agreement with "
                "operators: keep it running after the project, with the central bank.",
            ),
            (
                "Count women senders separately",
                "Women sent smaller amounts more often and paid the highest share in fees; without "
                "figures by sex the project would not have seen it.",
            ),
        ),
    ),
    "mexico-consular-labour-desks": Eval(
        "final",
        "participatory",
        "Observatorio de Movilidad Laboral (demo)",
        "Las ventanillas atendieron a 3 900 trabajadores; 1 150 quejas por salarios impagos "
        "llegaron a una instancia de resolución. Las personas trabajadoras participaron en el "
        "diseño de la evaluación.",
        {"relevance": 4, "effectiveness": 3, "efficiency": 3, "impact": 3, "sustainability": 2},
        (
            (
                "Acercar las ventanillas",
                "Las consultas móviles en los lugares de trabajo triplicaron las quejas "
                "registradas frente a la ventanilla fija del consulado.",
            ),
        ),
    ),
    "ghana-border-information": Eval(
        "final",
        "mixed",
        "West Africa Border Studies (demo)",
        "Eleven border posts share entry data with headquarters daily; data quality checks "
        "still depend on two officers in Accra.",
        {"relevance": 4, "coherence": 3, "effectiveness": 3, "efficiency": 2, "sustainability": 2},
        (
            (
                "Spread the data skills",
                "Train at least two officers per region in data quality, not only at headquarters.",
            ),
        ),
    ),
    "sahel-trafficking-justice": Eval(
        "mid_term",
        "contribution",
        "Groupe d'évaluation indépendant (démo)",
        "Les poursuites pour traite ont augmenté dans deux des trois pays ; la protection des "
        "victimes-témoins reste le maillon faible.",
        {"relevance": 4, "coherence": 3, "effectiveness": 2, "efficiency": 3},
        (
            (
                "Protéger les témoins d'abord",
                "Sans hébergement sûr pour les victimes-témoins, les dossiers s'effondrent avant "
                "le procès : financer l'hébergement dès la première année.",
            ),
        ),
    ),
    "nepal-fair-recruitment": Eval(
        "mid_term",
        "mixed",
        "Fair Recruitment Evaluation Team (demo)",
        "Recruitment fees paid by workers fell for the agencies in the scheme; agencies outside "
        "it have not changed their practice.",
        {"relevance": 4, "effectiveness": 3, "efficiency": 3},
    ),
    "colombia-information-system": Eval(
        "mid_term",
        "desk_review",
        "Unidad de Evaluación (demo)",
        "El sistema integra ya los registros de cuatro entidades; la interoperabilidad con los "
        "municipios fronterizos está atrasada.",
        {"relevance": 4, "coherence": 4, "effectiveness": 2, "efficiency": 3},
        (
            (
                "Empezar por los municipios",
                "Los municipios fronterizos registran primero a las personas: integrarlos al final "
                "retrasó todo el sistema.",
            ),
        ),
        independent=False,
    ),
}


@register_demo_step("projects: partnerships and results")
def load_projects(context: DemoContext) -> None:
    add_demo_members(context, PEOPLE)
    approver = User.objects.get(email=f"{FLOW_APPROVER}@{DEMO_DOMAIN}")
    if not any(email == approver.email for email, _password, _role in context.credentials):
        context.credentials.append((approver.email, DEMO_PASSWORD, "editor of senegal-interior"))
    world = _World.load()
    done = set(Project.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    for demo in PROJECTS:
        if _key(demo.key) not in done:
            _Story(demo, world).play()
    # The reminders go to the periods that lock soon with values missing (the late ones).
    services.remind_reporters(today=world.today)
    context.data["projects"] = {
        "reporting": Project.objects.get(submission_key=_key(PROJECTS[0].key)),
        "reporter": f"{FLOW_REPORTER}@{DEMO_DOMAIN}",
        "approver": approver.email,
    }


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"projects-demo:{name}")


# --- Dates ---------------------------------------------------------------------------------------


def _months_later(first_of_month: date, months: int) -> date:
    index = first_of_month.month - 1 + months
    return date(first_of_month.year + index // 12, index % 12 + 1, 1)


def _step(frequency: str) -> int:
    """Months per period; custom periods start on any month."""
    return FREQUENCY_MONTHS.get(frequency, 1)


def _dates(demo: DemoProject, today: date) -> tuple[date, date, list[tuple[date, date]]]:
    """Planned start and end, and the periods. The start is aligned on the calendar period that
    holds it, so that `start` months before the current period gives -start/step periods past."""
    step = _step(demo.frequency)
    month = _months_later(today.replace(day=1), demo.start)
    start = date(month.year, (month.month - 1) // step * step + 1, 1)
    end = _months_later(start, demo.months) - timedelta(days=1)
    if demo.frequency == Frequency.CUSTOM:
        starts = [_months_later(start, n) for n in range(0, demo.months, demo.cycle)]
        periods = [(s, _months_later(s, demo.cycle) - timedelta(days=1)) for s in starts]
    else:
        periods = periods_between(start, end, demo.frequency)
    return start, end, periods


def _stop_day(demo: DemoProject, today: date) -> date:
    """The last day of the period before the one `stopped` months from the current one."""
    step = _step(demo.frequency)
    month = _months_later(today.replace(day=1), demo.stopped)
    first = date(month.year, (month.month - 1) // step * step + 1, 1)
    return first - timedelta(days=1)


def _moment(day: date, hours: int, now: datetime) -> datetime:
    """A working hour of `day`, never later than now."""
    moment = timezone.make_aware(datetime.combine(day, time(9)) + timedelta(hours=hours))
    return min(moment, now - timedelta(minutes=30))


# --- What the demo needs -------------------------------------------------------------------------


@dataclass
class _World:
    today: date
    now: datetime
    organisations: dict
    users: dict
    reporters: dict
    approvers: dict
    areas: dict
    objectives: dict
    principles: dict
    countries: dict
    regions: dict
    assessment_indicators: dict

    @classmethod
    def load(cls) -> "_World":
        organisations = {o.slug: o for o in Organisation.objects.filter(is_demo=True)}
        users = {
            user.email.split("@")[0]: user
            for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
        }
        ranks = {role: MembershipRole.rank(role) for role in MembershipRole.values}
        members: dict[int, list] = {}
        for membership in Membership.objects.filter(
            organisation__is_demo=True, user__is_demo=True
        ).select_related("user"):
            members.setdefault(membership.organisation_id, []).append(membership)
        reporters, approvers = {}, {}
        for organisation_id, memberships in members.items():
            # Who reports: a contributor if there is one (a monitoring officer), else the least
            # senior of the editors and administrators; who approves: an editor before the admin.
            for chosen, least in (
                (reporters, MembershipRole.CONTRIBUTOR),
                (approvers, MembershipRole.EDITOR),
            ):
                able = [m for m in memberships if ranks[m.role] >= ranks[least]]
                if able:
                    first = min(able, key=lambda m: (ranks[m.role], m.user.email))
                    chosen[organisation_id] = users[first.user.email.split("@")[0]]
        places = {code for demo in PROJECTS for code, _share in demo.countries}
        codes = {ind.assessment for demo in PROJECTS for ind in demo.indicators if ind.assessment}
        now = timezone.now()
        return cls(
            today=timezone.localdate(),
            now=now,
            organisations=organisations,
            users=users,
            reporters=reporters,
            approvers=approvers,
            areas={area.code: area for area in CapacityArea.objects.all()},
            objectives={objective.number: objective for objective in GCMObjective.objects.all()},
            principles={p.number: p for p in GuidingPrinciple.objects.all()},
            countries={c.iso3: c for c in Country.objects.filter(iso3__in=places)},
            regions={
                region.code: region
                for region in Region.objects.filter(
                    code__in={code for demo in PROJECTS for code, _share in demo.regions}
                )
            },
            assessment_indicators={
                indicator.code: indicator
                for indicator in AssessmentIndicator.objects.filter(
                    version__framework__code=NATIONAL_FRAMEWORK, code__in=codes
                ).order_by("version__published_at")
            },
        )


def _find_match(request_organisation: str, provider: str) -> Match | None:
    """The hub's accepted match (or partnership) between them, if the hub's demo made one."""
    return (
        Match.objects.filter(
            request__organisation__slug=request_organisation,
            request__is_demo=True,
            status__in=(MatchStatus.ACCEPTED, MatchStatus.PARTNERSHIP),
        )
        .filter(
            Q(offer__organisation__slug=provider)
            | Q(offer__expert__email=f"{provider}@{DEMO_DOMAIN}")
        )
        .select_related("request", "offer")
        .order_by("pk")
        .first()
    )


# --- A project's story ---------------------------------------------------------------------------


class _Story:
    """Record one project, its framework and targets, its past as approved, today's reporting
    through the services, its documents, and the status it ends in."""

    def __init__(self, demo: DemoProject, world: _World):
        self.demo, self.world = demo, world
        self.actor = world.users[demo.actor]
        self.organisation = world.organisations[demo.recorder]
        self.start, self.end, self.periods = _dates(demo, world.today)
        accountable = next(slug for slug, role in demo.participants if role == ACCOUNTABLE)
        self.approver = world.approvers[world.organisations[accountable].pk]
        self.implementers = [slug for slug, role in demo.participants if role == IMPLEMENTING]

    def play(self) -> None:
        demo = self.demo
        if demo.match is not None:
            project = self._create_from_match()
            if project is None:
                return
        else:
            project = services.project_create(
                actor=self.actor,
                organisation=self.organisation,
                data=self._data(),
                status=self._initial_status(),
                submission_key=_key(demo.key),
            )
        if demo.frequency == Frequency.CUSTOM:
            for start, end in self.periods:
                services.period_add(actor=self.actor, project=project, start=start, end=end)
        periods = list(project.periods.order_by("start"))
        indicators = self._framework(project)
        if self._initial_status() == ProjectStatus.IMPLEMENTATION:
            self._record_past(indicators, periods)
        self._targets(indicators, periods)
        if demo.status == ProjectStatus.IMPLEMENTATION and demo.story:
            self._report_today(indicators, periods)
        for document in demo.documents:
            services.document_add(
                actor=self.actor,
                project=project,
                title=document.title,
                category=document.category,
                language=demo.language,
                document_date=self.world.today - timedelta(days=document.days_ago),
                url=document.url,
            )
        self._evaluate(project)
        self._end(project)

    # Recording -----------------------------------------------------------------------------

    def _initial_status(self) -> int:
        if self.demo.status == ProjectStatus.PIPELINE or self.start > self.world.today:
            return ProjectStatus.PIPELINE
        return ProjectStatus.IMPLEMENTATION

    def _data(self) -> services.ProjectData:
        demo, world = self.demo, self.world
        started = self._initial_status() == ProjectStatus.IMPLEMENTATION
        actual_end = None
        if demo.status in (ProjectStatus.FINALISATION, ProjectStatus.CLOSED):
            actual_end = self.end
        elif demo.status == ProjectStatus.CANCELLED and demo.stopped is not None:
            actual_end = _stop_day(demo, world.today)
        gender, rights, child = demo.markers
        return services.ProjectData(
            title=demo.title,
            description=demo.description,
            objectives=demo.objectives,
            language=demo.language,
            planned_start=self.start,
            planned_end=self.end,
            actual_start=self.start if started else None,
            actual_end=actual_end,
            scope=demo.scope,
            countries=[(world.countries[code], share) for code, share in demo.countries],
            regions=[(world.regions[code], share) for code, share in demo.regions],
            participants=[(world.organisations[slug], role) for slug, role in demo.participants],
            gcm_objectives=[world.objectives[number] for number in demo.gcm],
            capacity_areas=[world.areas[code] for code in demo.areas],
            guiding_principles=[world.principles[number] for number in demo.principles],
            visibility=demo.visibility,
            gender_marker=gender,
            human_rights_marker=rights,
            child_marker=child,
            reporting_frequency=demo.frequency,
            lock_after_days=self._lock_after_days(),
        )

    def _lock_after_days(self) -> int | None:
        """A late project's last period stays open a few more days: its reporters are reminded
        (settings.PROJECTS["REMIND_DAYS_BEFORE"]) while values are still missing."""
        if self.demo.story != LATE:
            return None
        last = self._last_ended(self.periods)
        return (self.world.today - last[1]).days + 4

    def _last_ended(self, periods):
        ended = [period for period in periods if _period_end(period) < self.world.today]
        return ended[-1] if ended else None

    def _create_from_match(self) -> Project | None:
        """The hub's partnership becomes the project: from the accepted match, through the
        service that starts the partnership; a match the secretariat already made a partnership
        is recorded with the project."""
        match = _find_match(*self.demo.match)
        if match is None:
            return None
        if match.status == MatchStatus.ACCEPTED:
            project = services.project_create_from_match(
                actor=self.actor,
                match=match,
                organisation=self.organisation,
                data=self._data(),
                submission_key=_key(self.demo.key),
            )
            if self._initial_status() == ProjectStatus.PIPELINE:
                return project
            # Recorded in the pipeline, the partnership starts at once.
            return services.project_set_status(
                actor=self.actor, project=project, status=ProjectStatus.IMPLEMENTATION
            )
        return services.project_create(
            actor=self.actor,
            organisation=self.organisation,
            data=self._data(),
            status=self._initial_status(),
            submission_key=_key(self.demo.key),
            matches=[match],
        )

    def _framework(self, project: Project) -> list[tuple[Ind, Indicator]]:
        demo, world = self.demo, self.world
        results, outcome = [], None
        for level, title in demo.results:
            parent = {IMPACT: None, OUTCOME: results[0] if results else None}.get(level, outcome)
            result = services.result_create(
                actor=self.actor,
                project=project,
                data=services.ResultData(type=level, title=title, parent=parent),
            )
            results.append(result)
            if level == OUTCOME:
                outcome = result
        indicators = []
        for ind in demo.indicators:
            indicator = services.indicator_create(
                actor=self.actor,
                result=results[ind.result],
                data=services.IndicatorData(
                    title=ind.title,
                    measure=ind.measure,
                    unit=ind.unit,
                    ascending=ind.ascending,
                    baseline_date=self.start if ind.measure in QUANTITATIVE else None,
                    baseline_value=(
                        Decimal(str(ind.baseline)) if ind.measure in QUANTITATIVE else None
                    ),
                    dimensions=self._dimensions(ind),
                    reporter=world.organisations[ind.reporter] if ind.reporter else None,
                    capacity_area=world.areas.get(ind.area) if ind.area else None,
                    gcm_objective=world.objectives.get(ind.gcm) if ind.gcm else None,
                    assessment_indicator=world.assessment_indicators.get(ind.assessment),
                ),
            )
            indicators.append((ind, indicator))
        return indicators

    def _dimensions(self, ind: Ind) -> dict:
        dimensions = {}
        for dimension in ind.dims:
            if isinstance(dimension, str):
                dimensions[dimension] = list(CATEGORIES[dimension][self.demo.language])
            else:
                name, categories = dimension
                dimensions[name] = list(categories)
        return dimensions

    def _targets(self, indicators, periods) -> None:
        for ind, indicator in indicators:
            if ind.measure not in QUANTITATIVE:
                continue
            for index, period in enumerate(periods):
                services.target_set(
                    actor=self.actor,
                    indicator=indicator,
                    period=period,
                    target=_target(ind, index, len(periods)),
                )

    # Values ---------------------------------------------------------------------------------

    def _rng(self, ind_index: int, period_index: int) -> random.Random:
        return random.Random(f"passerelle-demo:projects:{self.demo.key}:{ind_index}:{period_index}")

    def _figure(self, position: int, ind: Ind, index: int, periods) -> Decimal:
        pace = ind.pace if ind.pace is not None else self.demo.pace
        rng = self._rng(position, index)
        target = _target(ind, index, len(periods))
        reached = ind.baseline + (float(target) - ind.baseline) * pace * rng.uniform(0.97, 1.03)
        return _rounded(ind, reached)

    def _breakdown(self, position: int, ind: Ind, actual: Decimal, index: int) -> dict:
        """The actual split over each dimension's categories (a count only)."""
        if ind.measure != M.UNIT or not ind.dims:
            return {}
        rng = self._rng(position, index)
        breakdown = {}
        for name, categories in self._dimensions(ind).items():
            weights = [rng.uniform(0.6, 1.4) for _category in categories]
            if name == "sex":
                weights = [rng.uniform(0.4, 0.6)]
                weights.append(1 - weights[0])
            total, remaining, figures = sum(weights), int(actual), {}
            for category, weight in zip(categories[:-1], weights[:-1], strict=True):
                figures[category] = min(remaining, int(int(actual) * weight / total))
                remaining -= figures[category]
            figures[categories[-1]] = remaining
            breakdown[name] = figures
        return breakdown

    def _value_data(self, position: int, ind: Ind, index: int, periods) -> services.ValueData:
        if ind.measure not in QUANTITATIVE:
            return services.ValueData(narrative=ind.notes[index % len(ind.notes)])
        actual = self._figure(position, ind, index, periods)
        breakdown = self._breakdown(position, ind, actual, index)
        return services.ValueData(
            actual=actual,
            disaggregation={
                name: {category: Decimal(figure) for category, figure in figures.items()}
                for name, figures in breakdown.items()
            },
        )

    def _reported_until(self) -> date:
        """The last day of the project's record: its end, when it stopped, or yesterday."""
        demo, today = self.demo, self.world.today
        if demo.stopped is not None:
            return _stop_day(demo, today)
        return min(self.end, today - timedelta(days=1))

    def _record_past(self, indicators, periods) -> None:
        """The periods before today, as they were reported and approved (see the module's
        docstring): the services take no entry in a locked period. Written before the targets,
        which the service then sets on these rows."""
        until, world = self._reported_until(), self.world
        late = self._last_ended(periods) if self.demo.story == LATE else None
        values = []
        for index, period in enumerate(periods):
            if period.end > until or period == late:
                continue
            for position, (ind, indicator) in enumerate(indicators):
                data = self._value_data(position, ind, index, periods)
                entered = _moment(period.end, 24 * (3 + position % 9) + position, world.now)
                values.append(
                    PeriodValue(
                        indicator=indicator,
                        period=period,
                        actual=data.actual,
                        narrative=data.narrative,
                        disaggregation={
                            name: {category: str(figure) for category, figure in figures.items()}
                            for name, figures in data.disaggregation.items()
                        },
                        status=ValueStatus.APPROVED,
                        entered_by=self._reporter(ind),
                        entered_at=entered,
                        submitted_at=entered,
                        reviewed_by=self.approver,
                        reviewed_at=min(entered + timedelta(days=4, hours=3), world.now),
                        lock_version=1,
                    )
                )
        PeriodValue.objects.bulk_create(values)

    def _reporter(self, ind: Ind) -> User:
        slug = ind.reporter or self.implementers[0]
        return self.world.reporters[self.world.organisations[slug].pk]

    def _report_today(self, indicators, periods) -> None:
        """Today's reporting, through the services: the story of the open period."""
        story = self.demo.story
        today = self.world.today
        if story == LATE:
            period = self._last_ended(periods)
            index = periods.index(period)
            # About half of the values came in; the others are missing.
            entered = [item for n, item in enumerate(indicators) if n % 2 == 0]
            self._enter(entered, period, index, periods)
            self._submit(entered, period)
            return
        period = next(p for p in periods if p.start <= today <= p.end)
        index = periods.index(period)
        if story == DRAFT:
            self._enter(indicators[: max(1, len(indicators) // 2)], period, index, periods)
        elif story == FLOW:
            self._flow(indicators, period, index, periods)
        else:
            self._enter(indicators, period, index, periods)
            self._submit(indicators, period)
            if story == APPROVED:
                services.values_approve(actor=self.approver, period=period)
            elif story == RETURNED:
                self._return_one(indicators, period)

    def _enter(self, items, period, index, periods) -> None:
        for ind, indicator in items:
            position = self.demo.indicators.index(ind)
            value = services.value_save(
                actor=self._reporter(ind),
                indicator=indicator,
                period=period,
                data=self._value_data(position, ind, index, periods),
                expected_version=None,
            )
            if (ind, indicator) == items[0]:
                services.value_evidence_attach(
                    actor=self._reporter(ind), indicator=indicator, period=period,
                    upload=_evidence_sheet(indicator, period, value),
                )  # fmt: skip

    def _submit(self, items, period) -> None:
        for reporter in dict.fromkeys(self._reporter(ind) for ind, _indicator in items):
            services.values_submit(actor=reporter, period=period)

    def _return_one(self, indicators, period) -> None:
        """The approver returns the first indicator's value, with what to fix, and approves the
        others."""
        first = indicators[0][1]
        for value in period.values.filter(status=ValueStatus.SUBMITTED).order_by("pk"):
            if value.indicator_id == first.pk:
                services.value_return(actor=self.approver, value=value, comment=self.demo.comment)
            else:
                services.value_approve(actor=self.approver, value=value)

    def _flow(self, indicators, period, index, periods) -> None:
        """Each implementer has submitted one value; the approver returned the first
        implementer's with a comment; its next value is a draft; the rest is still to enter."""
        by_reporter: dict = {}
        for item in indicators:
            if item[0].measure in QUANTITATIVE:
                by_reporter.setdefault(self._reporter(item[0]), []).append(item)
        first, *others = by_reporter.values()
        self._enter(first[:1], period, index, periods)
        self._submit(first[:1], period)
        returned = period.values.get(indicator=first[0][1])
        services.value_return(actor=self.approver, value=returned, comment=self.demo.comment)
        self._enter(first[1:2], period, index, periods)
        for items in others:
            self._enter(items[:1], period, index, periods)
            self._submit(items[:1], period)

    # The end --------------------------------------------------------------------------------

    def _evaluate(self, project: Project) -> None:
        """The project's evaluation and the lessons drawn from it, through the services: a
        finished project's soon after its end, a running one's some months ago."""
        spec = EVALUATIONS.get(self.demo.key)
        if spec is None:
            return
        today = self.world.today
        if self.demo.status == ProjectStatus.IMPLEMENTATION:
            completed = max(self.start + timedelta(days=30), today - timedelta(days=60))
        else:
            completed = min(self.end + timedelta(days=45), today - timedelta(days=7))
        evaluation = services.evaluation_record(
            actor=self.actor,
            project=project,
            data=services.EvaluationData(
                type=spec.type, method=spec.method, evaluator=spec.evaluator,
                completed_on=min(completed, today), findings=spec.findings,
                independent=spec.independent, ratings=spec.ratings, language=self.demo.language,
            ),
            report_url=IOM_PUBLICATIONS,
        )  # fmt: skip
        for title, text in spec.lessons:
            services.lesson_record(
                actor=self.actor, project=project, evaluation=evaluation, title=title,
                text=text, language=self.demo.language,
            )  # fmt: skip

    def _end(self, project: Project) -> None:
        """Move the project to where its story ends, along IATI's statuses."""
        demo, status = self.demo, ProjectStatus
        steps = {
            status.FINALISATION: [status.FINALISATION],
            status.CLOSED: [status.FINALISATION, status.CLOSED],
            status.SUSPENDED: [status.SUSPENDED],
            status.CANCELLED: [status.CANCELLED],
        }.get(demo.status, [])
        for step in steps:
            project = services.project_set_status(
                actor=self.actor, project=project, status=step, reason=demo.reason
            )


def _evidence_sheet(indicator, period, value) -> ContentFile:
    """A small generated CSV standing for the evidence a reporter would attach (demo data)."""
    lines = [
        "demo data,generated by the Passerelle demo",
        f"indicator,{indicator.title.replace(',', ' ')}",
        f"period,{period.start.isoformat()},{period.end.isoformat()}",
        f"reported,{value.actual if value.actual is not None else ''}",
    ]
    return ContentFile("\n".join(lines).encode(), name=f"evidence-{indicator.pk}.csv")


def _period_end(period) -> date:
    """The end of a period, planned (start, end) or recorded."""
    return period[1] if isinstance(period, tuple) else period.end


def _target(ind: Ind, index: int, count: int) -> Decimal:
    """The target of the period `index` of `count`: from the baseline towards the final target,
    reached after `reach` of the periods, then held."""
    steps = max(1, round(count * ind.reach))
    share = min(1.0, (index + 1) / steps)
    return _rounded(ind, ind.baseline + (ind.target - ind.baseline) * share)


def _rounded(ind: Ind, figure: float) -> Decimal:
    if ind.measure == M.PERCENTAGE:
        return Decimal(str(round(min(100.0, max(0.0, figure)), 1)))
    figure = max(0.0, figure)
    if ind.measure == M.ORDINAL:
        figure = min(4.0, figure)
    return Decimal(round(figure))
