"""The hub part of the demo: requests for support from governments, cities, regional bodies and
civil society on five continents, written in English, French and Spanish, in every status a
request goes through — drafts, waiting for review, a question from the secretariat, one returned
with advice, published, withdrawn and closed — and a few started from an assessment's gap.

Each request combines a hand-written need (`NEEDS`: a capacity need, its wording in the three
languages, what it would take) with what its requester says about its place: the country or city,
the partner countries, the diaspora, the border posts, the climate hazard. A random generator
seeded with the request picks the wording, the figures, the dates and the requirements: the same
demo every time, except that the timeframes start from today.

Everything goes through the services (`request_create`, `request_submit`, `request_review`,
`request_update`, `request_withdraw`, `request_close`), so every request has its audit trail and
its timeline. Idempotent: each request has a fixed submission key (`uuid5`), and a request whose
key exists is left as it is.

A second step adds the offers (`OFFERS`), each written once in English, French or Spanish by UN
agencies, other States' ministries, cities, NGOs, companies, foundations, universities, diaspora
organisations and diaspora experts in their own name; some answer a request, a few pairs in two
languages are linked only by what their texts say. The step then has the matcher compute every
proposal (`rematch_all`, which embeds the texts) and the secretariat and the parties take a few of
the best through brokering (`BROKERING`), so that matches exist in every status. Offers go through
`offer_create`, `offer_publish`, `offer_withdraw` and `offer_close`, matches through
`match_introduce`, `match_decide` and `match_start_partnership`; offers have fixed submission keys
too, and a match already brokered is left as it is.
"""

import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone, translation

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.accounts.demo import (
    DEMO_DOMAIN,
    add_demo_members,
    add_demo_organisations,
    verify_demo_organisation,
)
from passerelle.accounts.models import Organisation, User
from passerelle.assessments.choices import AssessmentStatus
from passerelle.assessments.models import AgreedAnswer, Assessment
from passerelle.assessments.services import request_draft_from_gap
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from . import services
from .choices import (
    CostBasis,
    MatchStatus,
    Modality,
    OfferStatus,
    RequestScope,
    RequirementKind,
    ReviewOutcome,
    Side,
    SupportType,
)
from .matching.refresh import rematch_all
from .models import Match, Offer, SupportRequest

NAMESPACE = uuid.UUID("5b0f3c52-8a7e-4d0c-9a61-2f4f6f1d7e10")

T = OrganisationType
# Requesters the other steps do not create. slug, name, acronym, type, country, description,
# language of the description.
ORGANISATIONS = [
    (
        "demo-nepal-dofe",
        "Department of Foreign Employment, Nepal",
        "DoFE",
        T.NATIONAL_GOVERNMENT,
        "NPL",
        "Licensing of recruitment agencies, labour permits and the welfare of workers abroad.",
        "en",
    ),
    (
        "demo-moldova-diaspora",
        "Bureau for Diaspora Relations, Republic of Moldova",
        "BRD",
        T.NATIONAL_GOVERNMENT,
        "MDA",
        "Engagement of the Moldovan diaspora, return and reintegration.",
        "en",
    ),
    (
        "demo-fiji-economy",
        "Ministry of Economy of Fiji — Climate Change Division",
        "",
        T.NATIONAL_GOVERNMENT,
        "FJI",
        "Climate finance, adaptation planning and the national guidelines on planned relocation.",
        "en",
    ),
    (
        "demo-pacific-forum",
        "Pacific Islands Forum Secretariat",
        "PIFS",
        T.REGIONAL_BODY,
        None,
        "Regional cooperation on labour mobility and climate mobility in the Pacific.",
        "en",
    ),
    (
        "demo-guatemala-igm",
        "Instituto Guatemalteco de Migración",
        "IGM",
        T.NATIONAL_GOVERNMENT,
        "GTM",
        "Gestión migratoria, atención a personas retornadas y control fronterizo.",
        "es",
    ),
    (
        "demo-barcelona-saier",
        "Ajuntament de Barcelona — Servicio de Atención a Inmigrantes, Emigrantes y Refugiados",
        "SAIER",
        T.LOCAL_GOVERNMENT,
        "ESP",
        "Orientación y acompañamiento a personas migrantes y refugiadas en la ciudad.",
        "es",
    ),
]

# email local part, full name, organisation slug, role
PEOPLE = [
    ("consular.senegal", "Aminata Sow", "demo-senegal-dgase", MembershipRole.ADMIN),
    ("ecowas", "Ifeoma Okafor", "demo-ecowas-commission", MembershipRole.ADMIN),
    ("focal.nepal", "Sita Gurung", "demo-nepal-dofe", MembershipRole.ADMIN),
    ("focal.moldova", "Ion Rusu", "demo-moldova-diaspora", MembershipRole.ADMIN),
    ("focal.fiji", "Litia Naivalu", "demo-fiji-economy", MembershipRole.ADMIN),
    ("pacific", "Tevita Fifita", "demo-pacific-forum", MembershipRole.ADMIN),
    ("focal.guatemala", "Carlos Ajú", "demo-guatemala-igm", MembershipRole.ADMIN),
    ("city.barcelona", "Núria Puig", "demo-barcelona-saier", MembershipRole.ADMIN),
    ("research.datalab", "Camila Rojas", "demo-migration-lab", MembershipRole.ADMIN),
]


# --- Needs ---------------------------------------------------------------------------------------


def _t(en: str, fr: str, es: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "es": es}


@dataclass(frozen=True)
class Line:
    """What a need would take. Money: from `low` to `high` US dollars; expert-days: from `low` to
    `high` days; in-kind: from `low` to `high` items worth `unit` dollars each. Amounts are
    converted to the requester's currency."""

    kind: str
    what: dict[str, str]
    low: int
    high: int
    unit: int = 0


@dataclass(frozen=True)
class Need:
    """A capacity need. Its text, by language: the titles to choose from, then the sentences of
    the description, each a choice of wordings ("" leaves the sentence out). Placeholders: the
    requester's place (`in_place`, `of_place`, `place`, `partners`, `diaspora`, `border`,
    `hazard`) and `n`, one of `numbers`."""

    areas: tuple[str, ...]
    gcm: tuple[int, ...]
    support: tuple[str, ...]
    modalities: tuple[str, ...]
    numbers: tuple[int, ...]
    lines: tuple[Line, ...]
    text: dict[str, tuple[tuple[str, ...], ...]]


S = SupportType
M = Modality
K = RequirementKind

NEEDS = {
    "consular-registry": Need(
        areas=("CONS", "DATA"),
        gcm=(4, 14),
        support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND, S.PEER_EXCHANGE),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(14, 18, 23, 31, 42),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Information systems architect (civil registration)",
                    "Architecte de systèmes d'information (état civil)",
                    "Arquitecto/a de sistemas de información (registro civil)",
                ),
                25,
                60,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Registration kits for pilot missions (laptop, scanner, biometric reader)",
                    "Kits d'immatriculation pour les postes pilotes (ordinateur, scanner, "
                    "lecteur biométrique)",
                    "Kits de registro para oficinas piloto (computadora, escáner, lector "
                    "biométrico)",
                ),
                4,
                12,
                3500,
            ),
            Line(
                K.MONEY,
                _t(
                    "Software development and hosting for the first year",
                    "Développement du logiciel et hébergement la première année",
                    "Desarrollo del software y alojamiento durante el primer año",
                ),
                80_000,
                180_000,
            ),
        ),
        text={
            "en": (
                (
                    "Modernising the consular registry of our missions abroad",
                    "A digital consular registry for the missions {of_place}",
                ),
                (
                    "Our {n} embassies and consulates still register nationals on paper or in "
                    "spreadsheets that do not talk to each other.",
                    "Consular registration in our {n} missions abroad is still largely manual, "
                    "and each post keeps its own records.",
                ),
                (
                    "We do not know with any accuracy how many of our nationals live {diaspora}, "
                    "which makes it hard to assist them in an emergency.",
                    "Without a shared registry, we cannot tell how many of our nationals live "
                    "{diaspora}, nor reach them quickly in a crisis.",
                ),
                (
                    "We are looking for technical assistance to design a secure, interoperable "
                    "registry that respects data protection rules, and for support to equip the "
                    "first pilot missions.",
                ),
                (
                    "",
                    "An exchange with a country that has already gone through this change would "
                    "be very welcome.",
                ),
            ),
            "fr": (
                (
                    "Modernisation du registre consulaire de nos missions à l'étranger",
                    "Un registre consulaire numérique pour le réseau diplomatique {of_place}",
                ),
                (
                    "Nos {n} ambassades et consulats immatriculent encore nos ressortissants sur "
                    "papier ou dans des tableurs qui ne communiquent pas entre eux.",
                    "L'immatriculation consulaire reste largement manuelle dans nos {n} postes à "
                    "l'étranger, et chaque poste tient ses propres fichiers.",
                ),
                (
                    "Nous ne savons pas avec précision combien de nos ressortissants vivent "
                    "{diaspora}, ce qui complique leur assistance en cas d'urgence.",
                    "Sans registre commun, nous ne pouvons ni dénombrer nos ressortissants établis "
                    "{diaspora}, ni les joindre rapidement en cas de crise.",
                ),
                (
                    "Nous sollicitons une assistance technique pour concevoir un registre sécurisé "
                    "et interopérable, conforme aux règles de protection des données, ainsi qu'un "
                    "appui pour équiper les premiers postes pilotes.",
                ),
                (
                    "",
                    "Un échange avec un pays qui a déjà conduit cette réforme nous serait très "
                    "utile.",
                ),
            ),
            "es": (
                (
                    "Modernización del registro consular de nuestras representaciones en el "
                    "exterior",
                    "Un registro consular digital para la red consular {of_place}",
                ),
                (
                    "Nuestros {n} consulados y embajadas todavía registran a los connacionales en "
                    "papel o en hojas de cálculo que no se comunican entre sí.",
                    "El registro consular sigue siendo mayormente manual en nuestras {n} "
                    "representaciones, y cada oficina lleva sus propios archivos.",
                ),
                (
                    "No sabemos con precisión cuántos connacionales viven {diaspora}, lo que "
                    "dificulta asistirlos en una emergencia.",
                    "Sin un registro común, no podemos estimar cuántas personas connacionales "
                    "residen {diaspora} ni contactarlas con rapidez en una crisis.",
                ),
                (
                    "Buscamos asistencia técnica para diseñar un registro seguro e interoperable, "
                    "que respete la protección de datos personales, y apoyo para equipar las "
                    "primeras oficinas piloto.",
                ),
                (
                    "",
                    "Nos interesaría mucho un intercambio con un país que ya haya realizado esta "
                    "transición.",
                ),
            ),
        },
    ),
    "labour-agreements": Need(
        areas=("COORD", "WGWS"),
        gcm=(5, 6),
        support=(S.TECHNICAL_ASSISTANCE, S.EXPERT_DEPLOYMENT, S.PEER_EXCHANGE),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(2, 3),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Labour migration law and negotiation",
                    "Droit de la migration de travail et négociation",
                    "Derecho de la migración laboral y negociación",
                ),
                20,
                45,
            ),
            Line(
                K.MONEY,
                _t(
                    "Study visit for the negotiating team",
                    "Visite d'étude de l'équipe de négociation",
                    "Visita de estudio del equipo negociador",
                ),
                25_000,
                60_000,
            ),
        ),
        text={
            "en": (
                (
                    "Negotiating bilateral labour migration agreements with {partners}",
                    "Preparing fair labour mobility agreements with {partners}",
                ),
                (
                    "Many of our workers already go to {partners}, but mostly through informal "
                    "channels or private agencies that we hardly supervise.",
                    "Labour migration towards {partners} is growing every year, yet it is not "
                    "covered by any agreement that protects workers' rights.",
                ),
                (
                    "We want to negotiate agreements that cover recruitment costs, social "
                    "security, skills recognition and return.",
                ),
                (
                    "We need legal and technical expertise to prepare our negotiating position, "
                    "and a study visit to a country that has signed similar agreements.",
                    "We are asking for an expert to support our negotiating team for several "
                    "months, and for training of the officials who will monitor the agreements.",
                ),
                ("", "Trade unions and employers' organisations will be involved from the start."),
            ),
            "fr": (
                (
                    "Négocier des accords bilatéraux de migration de travail avec {partners}",
                    "Préparer des accords de mobilité de main-d'œuvre équitables avec {partners}",
                ),
                (
                    "Nombre de nos travailleurs partent déjà vers {partners}, mais surtout par des "
                    "filières informelles ou des agences privées que nous contrôlons mal.",
                    "Les départs pour le travail vers {partners} augmentent chaque année, sans "
                    "qu'aucun accord ne protège les droits des travailleurs.",
                ),
                (
                    "Nous voulons négocier des accords qui couvrent les frais de recrutement, la "
                    "sécurité sociale, la reconnaissance des compétences et le retour.",
                ),
                (
                    "Nous avons besoin d'une expertise juridique et technique pour préparer notre "
                    "position de négociation, ainsi que d'une visite d'étude dans un pays qui a "
                    "signé des accords comparables.",
                    "Nous sollicitons un expert pour accompagner notre équipe de négociation "
                    "pendant plusieurs mois, et une formation des agents qui suivront la mise en "
                    "œuvre des accords.",
                ),
                (
                    "",
                    "Les syndicats et les organisations d'employeurs seront associés dès le "
                    "départ.",
                ),
            ),
            "es": (
                (
                    "Negociación de acuerdos bilaterales de migración laboral con {partners}",
                    "Preparación de acuerdos de movilidad laboral justa con {partners}",
                ),
                (
                    "Muchas de nuestras trabajadoras y trabajadores ya migran hacia {partners}, "
                    "pero sobre todo por canales informales o agencias privadas que apenas "
                    "supervisamos.",
                    "La migración laboral hacia {partners} crece cada año, sin que ningún acuerdo "
                    "proteja los derechos de las personas trabajadoras.",
                ),
                (
                    "Queremos negociar acuerdos que abarquen los costos de reclutamiento, la "
                    "seguridad social, el reconocimiento de competencias y el retorno.",
                ),
                (
                    "Necesitamos asesoría jurídica y técnica para preparar nuestra posición "
                    "negociadora, y una visita de estudio a un país que haya firmado acuerdos "
                    "similares.",
                    "Solicitamos un experto que acompañe a nuestro equipo negociador durante "
                    "varios meses y una capacitación para el personal que dará seguimiento a los "
                    "acuerdos.",
                ),
                (
                    "",
                    "Los sindicatos y las organizaciones de empleadores participarán desde el "
                    "inicio.",
                ),
            ),
        },
    ),
    "border-data": Need(
        areas=("BORD", "OBLIG"),
        gcm=(11,),
        support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(30, 40, 45, 60),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Data protection trainer (border management)",
                    "Formateur en protection des données (gestion des frontières)",
                    "Formador/a en protección de datos (gestión fronteriza)",
                ),
                15,
                30,
            ),
            Line(
                K.MONEY,
                _t(
                    "Training sessions and materials",
                    "Sessions de formation et supports",
                    "Sesiones de formación y materiales",
                ),
                20_000,
                45_000,
            ),
        ),
        text={
            "en": (
                (
                    "Data protection training for border officials",
                    "Protecting personal data at the border posts {of_place}",
                ),
                (
                    "Since we introduced biometric registration {border}, our officers collect "
                    "fingerprints and photographs of thousands of travellers every day.",
                    "Our border posts {border} now record biometric data, but the staff have "
                    "never been trained on how that data must be protected.",
                ),
                (
                    "The new data protection law sets strict rules on access, retention and "
                    "sharing with other countries, and we must bring our procedures in line.",
                    "We must bring our procedures in line with the data protection law and with "
                    "our commitments on information sharing with neighbouring countries.",
                ),
                (
                    "We are requesting a training-of-trainers programme for about {n} senior "
                    "officers, with practical materials they can reuse in our academy.",
                ),
                (
                    "",
                    "A short review of our standard operating procedures would complement the "
                    "training.",
                ),
            ),
            "fr": (
                (
                    "Formation des agents aux frontières à la protection des données",
                    "Protection des données personnelles aux postes frontières {of_place}",
                ),
                (
                    "Depuis l'introduction de l'enregistrement biométrique {border}, nos agents "
                    "recueillent chaque jour les empreintes et les photographies de milliers de "
                    "voyageurs.",
                    "Nos postes frontières {border} enregistrent désormais des données "
                    "biométriques, mais le personnel n'a jamais été formé à leur protection.",
                ),
                (
                    "La nouvelle loi sur la protection des données fixe des règles strictes "
                    "d'accès, de conservation et de partage avec d'autres pays, et nos procédures "
                    "doivent s'y conformer.",
                    "Nous devons mettre nos procédures en conformité avec la loi sur les données "
                    "personnelles et avec nos engagements d'échange d'informations avec les pays "
                    "voisins.",
                ),
                (
                    "Nous demandons un programme de formation de formateurs pour environ {n} "
                    "cadres, avec des supports pratiques réutilisables dans notre école de "
                    "police.",
                ),
                (
                    "",
                    "Une revue rapide de nos procédures opérationnelles compléterait utilement la "
                    "formation.",
                ),
            ),
            "es": (
                (
                    "Capacitación en protección de datos para el personal de fronteras",
                    "Protección de datos personales en los puntos fronterizos {of_place}",
                ),
                (
                    "Desde que introdujimos el registro biométrico {border}, nuestros agentes "
                    "recogen cada día huellas y fotografías de miles de viajeros.",
                    "Nuestros puntos de control {border} ya registran datos biométricos, pero el "
                    "personal nunca ha recibido capacitación sobre cómo protegerlos.",
                ),
                (
                    "La nueva ley de protección de datos fija reglas estrictas sobre el acceso, la "
                    "conservación y el intercambio con otros países, y debemos adecuar nuestros "
                    "procedimientos.",
                    "Debemos adecuar nuestros procedimientos a la ley de datos personales y a "
                    "nuestros compromisos de intercambio de información con los países vecinos.",
                ),
                (
                    "Solicitamos un programa de formación de formadores para unos {n} mandos, con "
                    "materiales prácticos que puedan reutilizarse en nuestra academia.",
                ),
                (
                    "",
                    "Una revisión breve de nuestros procedimientos operativos complementaría la "
                    "capacitación.",
                ),
            ),
        },
    ),
    "return-reintegration": Need(
        areas=("COORD", "CONS"),
        gcm=(21,),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.IN_KIND),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(1200, 2500, 4800, 9000, 15000),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Case management and psychosocial support",
                    "Gestion des cas et soutien psychosocial",
                    "Gestión de casos y apoyo psicosocial",
                ),
                20,
                40,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Tablets for caseworkers",
                    "Tablettes pour les travailleurs sociaux",
                    "Tabletas para el personal de atención",
                ),
                10,
                30,
                350,
            ),
            Line(
                K.MONEY,
                _t(
                    "Training of caseworkers",
                    "Formation des travailleurs sociaux",
                    "Capacitación del personal de atención",
                ),
                15_000,
                40_000,
            ),
        ),
        text={
            "en": (
                (
                    "Case management for the reintegration of returnees",
                    "A shared case management system for return and reintegration {in_place}",
                ),
                (
                    "Each year about {n} of our nationals come back, some voluntarily and some "
                    "after being removed, and many arrive with nothing.",
                    "Returns have increased sharply: around {n} people came back last year, often "
                    "after difficult journeys.",
                ),
                (
                    "The ministries, municipalities and NGOs that assist them each keep their own "
                    "files, so people are asked the same questions several times and nobody "
                    "follows them after the first weeks.",
                    "Support is scattered between several services and NGOs, and there is no way "
                    "to follow a person's reintegration beyond the first month.",
                ),
                (
                    "We would like help to set up a case management system with common referral "
                    "forms and psychosocial follow-up, and training for the caseworkers who will "
                    "use it.",
                ),
                (
                    "",
                    "The system should be simple enough to work in small municipal offices with "
                    "poor connectivity.",
                ),
            ),
            "fr": (
                (
                    "Gestion des dossiers de réintégration des personnes de retour",
                    "Un système commun de suivi du retour et de la réintégration {in_place}",
                ),
                (
                    "Chaque année, environ {n} de nos ressortissants reviennent, certains "
                    "volontairement, d'autres après un éloignement, et beaucoup arrivent démunis.",
                    "Les retours ont fortement augmenté : environ {n} personnes sont rentrées l'an "
                    "dernier, souvent après un parcours difficile.",
                ),
                (
                    "Les ministères, les communes et les associations qui les accompagnent "
                    "tiennent chacun leurs propres dossiers : les personnes répètent leur histoire "
                    "plusieurs fois et personne ne les suit après les premières semaines.",
                    "L'accompagnement est dispersé entre plusieurs services et associations, et "
                    "rien ne permet de suivre la réintégration d'une personne au-delà du premier "
                    "mois.",
                ),
                (
                    "Nous souhaitons un appui pour mettre en place un système de gestion des cas, "
                    "avec des fiches de référencement communes et un suivi psychosocial, ainsi "
                    "qu'une formation des travailleurs sociaux qui l'utiliseront.",
                ),
                (
                    "",
                    "L'outil doit rester assez simple pour fonctionner dans de petites antennes "
                    "communales mal connectées.",
                ),
            ),
            "es": (
                (
                    "Gestión de casos para la reintegración de personas retornadas",
                    "Un sistema común de seguimiento del retorno y la reintegración {in_place}",
                ),
                (
                    "Cada año regresan alrededor de {n} connacionales, algunos de forma voluntaria "
                    "y otros tras una deportación, y muchos llegan sin recursos.",
                    "Los retornos han aumentado mucho: cerca de {n} personas regresaron el año "
                    "pasado, a menudo después de trayectos muy duros.",
                ),
                (
                    "Las instituciones, los municipios y las organizaciones que las atienden "
                    "llevan cada uno sus propios expedientes, de modo que las personas repiten su "
                    "historia varias veces y nadie las acompaña después de las primeras semanas.",
                    "La atención está dispersa entre varias instituciones y organizaciones, y no "
                    "hay forma de dar seguimiento a la reintegración de una persona más allá del "
                    "primer mes.",
                ),
                (
                    "Pedimos apoyo para implementar un sistema de gestión de casos con formularios "
                    "de referencia comunes y acompañamiento psicosocial, así como capacitación "
                    "para el personal que lo utilizará.",
                ),
                (
                    "",
                    "La herramienta debe ser lo bastante sencilla para funcionar en oficinas "
                    "municipales pequeñas y con mala conexión.",
                ),
            ),
        },
    ),
    "diaspora-skills": Need(
        areas=("WGWS", "DATA"),
        gcm=(19,),
        support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE),
        modalities=(M.REMOTE, M.HYBRID),
        numbers=(300_000, 600_000, 900_000),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Survey methodology and data analysis",
                    "Méthodologie d'enquête et analyse des données",
                    "Metodología de encuestas y análisis de datos",
                ),
                20,
                35,
            ),
            Line(
                K.MONEY,
                _t(
                    "Survey platform, outreach and translation",
                    "Plateforme d'enquête, communication et traduction",
                    "Plataforma de encuesta, difusión y traducción",
                ),
                30_000,
                70_000,
            ),
        ),
        text={
            "en": (
                (
                    "Mapping the skills of our diaspora",
                    "A skills map of the diaspora {of_place}",
                ),
                (
                    "An estimated {n} of our nationals live {diaspora}, many of them doctors, "
                    "engineers, teachers and entrepreneurs.",
                    "Our diaspora {diaspora} is large and highly skilled, but we know very little "
                    "about who they are and what they could contribute.",
                ),
                (
                    "Ministries regularly ask us to find diaspora experts for short missions, and "
                    "we have no reliable way to do so.",
                    "Several ministries would like to involve diaspora professionals in health "
                    "and education programmes, but have no way to find them.",
                ),
                (
                    "We are looking for support to design and run an online skills survey, "
                    "analyse the results and build a roster that respects personal data.",
                ),
                (
                    "",
                    "We would also like to learn from countries that have already built such a "
                    "roster.",
                ),
            ),
            "fr": (
                (
                    "Cartographie des compétences de notre diaspora",
                    "Une cartographie des compétences de la diaspora {of_place}",
                ),
                (
                    "On estime à {n} le nombre de nos ressortissants établis {diaspora}, dont "
                    "beaucoup de médecins, d'ingénieurs, d'enseignants et d'entrepreneurs.",
                    "Notre diaspora {diaspora} est nombreuse et très qualifiée, mais nous savons "
                    "peu de choses de ses profils et de ce qu'elle pourrait apporter.",
                ),
                (
                    "Les ministères nous demandent régulièrement des experts de la diaspora pour "
                    "des missions courtes, et nous n'avons aucun moyen fiable de les identifier.",
                    "Plusieurs ministères voudraient associer des professionnels de la diaspora à "
                    "leurs programmes de santé et d'éducation, sans savoir comment les trouver.",
                ),
                (
                    "Nous cherchons un appui pour concevoir et conduire une enquête en ligne sur "
                    "les compétences, en analyser les résultats et constituer un fichier "
                    "d'experts respectueux des données personnelles.",
                ),
                (
                    "",
                    "Nous aimerions aussi échanger avec des pays qui ont déjà constitué un tel "
                    "fichier.",
                ),
            ),
            "es": (
                (
                    "Mapeo de las competencias de nuestra diáspora",
                    "Un mapa de competencias de la diáspora {of_place}",
                ),
                (
                    "Se calcula que {n} connacionales viven {diaspora}, entre ellos muchos "
                    "médicos, ingenieras, docentes y emprendedores.",
                    "Nuestra diáspora {diaspora} es numerosa y muy calificada, pero sabemos poco "
                    "sobre sus perfiles y lo que podría aportar.",
                ),
                (
                    "Las secretarías nos piden con frecuencia expertos de la diáspora para "
                    "misiones cortas, y no tenemos una forma fiable de encontrarlos.",
                    "Varias instituciones quisieran sumar a profesionales de la diáspora a sus "
                    "programas de salud y educación, pero no saben cómo contactarlos.",
                ),
                (
                    "Buscamos apoyo para diseñar y aplicar una encuesta de competencias en línea, "
                    "analizar los resultados y crear un directorio de personas expertas que "
                    "respete los datos personales.",
                ),
                (
                    "",
                    "También nos gustaría conocer la experiencia de países que ya han creado un "
                    "directorio similar.",
                ),
            ),
        },
    ),
    "data-observatory": Need(
        areas=("DATA",),
        gcm=(1,),
        support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE, S.TRAINING, S.IN_KIND),
        modalities=(M.HYBRID, M.REMOTE, M.IN_PERSON),
        numbers=(5, 6, 7, 9),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Migration statistician",
                    "Statisticien spécialiste des migrations",
                    "Estadístico/a especialista en migración",
                ),
                20,
                40,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Workstations with statistical software",
                    "Postes de travail avec logiciels statistiques",
                    "Estaciones de trabajo con software estadístico",
                ),
                3,
                8,
                2200,
            ),
            Line(
                K.MONEY,
                _t(
                    "Annual bulletin: design, printing and launch",
                    "Bulletin annuel : conception, impression et lancement",
                    "Boletín anual: diseño, impresión y presentación",
                ),
                10_000,
                25_000,
            ),
        ),
        text={
            "en": (
                (
                    "Setting up a migration data observatory",
                    "Better migration statistics {in_place}",
                ),
                (
                    "Migration data {in_place} is produced by at least {n} institutions, with "
                    "different definitions and no common calendar.",
                    "Figures on arrivals, departures and residence permits exist, but they are "
                    "scattered across {n} institutions and rarely published.",
                ),
                (
                    "Policy makers therefore work with estimates that are several years old, and "
                    "we cannot report on the Global Compact objectives.",
                    "As a result, decisions rest on outdated estimates and we struggle to report "
                    "on our international commitments.",
                ),
                (
                    "We want to set up a small observatory that brings the producers together, "
                    "agrees on common indicators and publishes an annual statistical bulletin.",
                ),
                (
                    "",
                    "We need statistical expertise, training for the team and a few workstations "
                    "with analysis software.",
                    "Disaggregation by sex, age and migration status is a priority.",
                ),
            ),
            "fr": (
                (
                    "Création d'un observatoire des migrations",
                    "De meilleures statistiques migratoires {in_place}",
                ),
                (
                    "Les données migratoires {in_place} sont produites par au moins {n} "
                    "institutions, avec des définitions différentes et sans calendrier commun.",
                    "Les chiffres sur les entrées, les sorties et les titres de séjour existent, "
                    "mais ils sont dispersés entre {n} institutions et rarement publiés.",
                ),
                (
                    "Les décideurs travaillent donc avec des estimations vieilles de plusieurs "
                    "années, et nous ne pouvons pas rendre compte des objectifs du Pacte mondial.",
                    "Les décisions reposent ainsi sur des estimations dépassées, et nous peinons à "
                    "rendre compte de nos engagements internationaux.",
                ),
                (
                    "Nous voulons créer un petit observatoire qui réunisse les producteurs de "
                    "données, s'accorde sur des indicateurs communs et publie un bulletin "
                    "statistique annuel.",
                ),
                (
                    "",
                    "Nous avons besoin d'une expertise statistique, d'une formation de l'équipe et "
                    "de quelques postes de travail équipés de logiciels d'analyse.",
                    "La ventilation par sexe, âge et statut migratoire est une priorité.",
                ),
            ),
            "es": (
                (
                    "Creación de un observatorio de datos migratorios",
                    "Mejores estadísticas migratorias {in_place}",
                ),
                (
                    "Los datos migratorios {in_place} los producen al menos {n} instituciones, con "
                    "definiciones distintas y sin un calendario común.",
                    "Las cifras de entradas, salidas y permisos de residencia existen, pero están "
                    "dispersas entre {n} instituciones y casi nunca se publican.",
                ),
                (
                    "Por eso las decisiones se toman con estimaciones de hace varios años, y no "
                    "podemos informar sobre los objetivos del Pacto Mundial.",
                    "Así, las decisiones se basan en estimaciones desactualizadas y nos cuesta "
                    "rendir cuentas de nuestros compromisos internacionales.",
                ),
                (
                    "Queremos crear un pequeño observatorio que reúna a las instituciones "
                    "productoras, acuerde indicadores comunes y publique un boletín estadístico "
                    "anual.",
                ),
                (
                    "",
                    "Necesitamos asesoría estadística, capacitación para el equipo y algunas "
                    "estaciones de trabajo con software de análisis.",
                    "El desglose por sexo, edad y situación migratoria es una prioridad.",
                ),
            ),
        },
    ),
    "anti-trafficking": Need(
        areas=("BORD", "OBLIG"),
        gcm=(10,),
        support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(37, 64, 112, 158),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Counter-trafficking specialist",
                    "Spécialiste de la lutte contre la traite",
                    "Especialista en lucha contra la trata",
                ),
                15,
                30,
            ),
            Line(
                K.MONEY,
                _t(
                    "Regional training workshops for front-line staff",
                    "Ateliers régionaux de formation du personnel de première ligne",
                    "Talleres regionales de capacitación para el personal de primera línea",
                ),
                20_000,
                50_000,
            ),
        ),
        text={
            "en": (
                (
                    "A national referral mechanism for victims of trafficking",
                    "Identifying and referring victims of trafficking {in_place}",
                ),
                (
                    "Labour inspectors, police, health workers and NGOs all meet possible victims "
                    "of trafficking, but they do not know whom to call.",
                    "Last year only {n} victims of trafficking were formally identified, which "
                    "everyone agrees is far below reality.",
                ),
                (
                    "There are no agreed indicators for identification and no written procedure "
                    "for referral to shelters, legal aid or return assistance.",
                    "Identification depends on the goodwill of individual officers, and referral "
                    "to shelters and legal aid is improvised case by case.",
                ),
                (
                    "We want to draft standard operating procedures for a referral mechanism, "
                    "agree them with all the services concerned and train front-line staff to "
                    "apply them.",
                ),
                ("", "Special attention should go to children and to victims of forced labour."),
            ),
            "fr": (
                (
                    "Un mécanisme national d'orientation des victimes de la traite",
                    "Identifier et orienter les victimes de la traite {in_place}",
                ),
                (
                    "Inspecteurs du travail, policiers, soignants et associations rencontrent tous "
                    "des victimes potentielles de la traite, mais ne savent pas à qui s'adresser.",
                    "L'an dernier, seules {n} victimes de la traite ont été formellement "
                    "identifiées, bien en deçà de la réalité selon tous les acteurs.",
                ),
                (
                    "Il n'existe ni indicateurs communs d'identification ni procédure écrite "
                    "d'orientation vers l'hébergement, l'aide juridique ou l'aide au retour.",
                    "L'identification dépend de la bonne volonté de chaque agent, et "
                    "l'orientation vers l'hébergement et l'aide juridique s'improvise au cas par "
                    "cas.",
                ),
                (
                    "Nous voulons rédiger les procédures d'un mécanisme d'orientation, les faire "
                    "valider par tous les services concernés et former le personnel de première "
                    "ligne à les appliquer.",
                ),
                (
                    "",
                    "Une attention particulière doit être portée aux enfants et aux victimes de "
                    "travail forcé.",
                ),
            ),
            "es": (
                (
                    "Un mecanismo nacional de derivación para víctimas de trata",
                    "Identificación y derivación de víctimas de trata {in_place}",
                ),
                (
                    "Inspectores laborales, policías, personal de salud y organizaciones civiles "
                    "se encuentran con posibles víctimas de trata, pero no saben a quién llamar.",
                    "El año pasado solo se identificaron formalmente {n} víctimas de trata, una "
                    "cifra que todos consideran muy inferior a la realidad.",
                ),
                (
                    "No hay indicadores comunes de identificación ni un procedimiento escrito para "
                    "derivar a albergues, asistencia jurídica o apoyo al retorno.",
                    "La identificación depende de la buena voluntad de cada funcionario, y la "
                    "derivación a albergues y asesoría jurídica se improvisa caso por caso.",
                ),
                (
                    "Queremos redactar los procedimientos de un mecanismo de derivación, "
                    "acordarlos con todas las instituciones involucradas y capacitar al personal "
                    "de primera línea para aplicarlos.",
                ),
                (
                    "",
                    "Debe prestarse especial atención a niñas, niños y adolescentes y a las "
                    "víctimas de trabajo forzoso.",
                ),
            ),
        },
    ),
    "welcome-desk": Need(
        areas=("WGWS", "OBLIG"),
        gcm=(15, 16),
        support=(S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE, S.IN_KIND),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(4, 5, 6, 7),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Design of municipal reception services",
                    "Conception de services municipaux d'accueil",
                    "Diseño de servicios municipales de acogida",
                ),
                10,
                20,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Furniture and IT equipment for the desk",
                    "Mobilier et équipement informatique du guichet",
                    "Mobiliario y equipo informático para la ventanilla",
                ),
                1,
                1,
                22_000,
            ),
            Line(
                K.MONEY,
                _t(
                    "Interpretation services for the first year",
                    "Services d'interprétariat la première année",
                    "Servicios de interpretación durante el primer año",
                ),
                15_000,
                35_000,
            ),
        ),
        text={
            "en": (
                (
                    "A one-stop welcome desk for newcomers in {place}",
                    "Opening a welcome desk for migrants in {place}",
                ),
                (
                    "Newcomers to {place} have to visit up to {n} different offices to register, "
                    "enrol their children and find a doctor.",
                    "Our city receives more newcomers every year, and many of them do not know "
                    "where to turn for housing, health care or schooling.",
                ),
                (
                    "Municipal staff do their best, but information is scattered and often only "
                    "available in one language.",
                    "Front-line staff are willing, but they lack up-to-date information and "
                    "interpreters.",
                ),
                (
                    "We want to open a one-stop desk in the town hall, with trained staff, "
                    "interpretation and clear referral to city and national services.",
                ),
                (
                    "",
                    "We would like to learn from cities that already run such a service, through "
                    "a short exchange visit.",
                ),
            ),
            "fr": (
                (
                    "Un guichet unique d'accueil des nouveaux arrivants à {place}",
                    "Ouvrir un guichet d'accueil pour les personnes migrantes à {place}",
                ),
                (
                    "À leur arrivée à {place}, les nouveaux arrivants doivent se rendre dans {n} "
                    "bureaux différents pour s'inscrire, scolariser leurs enfants et trouver un "
                    "médecin.",
                    "Notre ville accueille chaque année davantage de nouveaux arrivants, et "
                    "beaucoup ne savent pas à qui s'adresser pour le logement, la santé ou "
                    "l'école.",
                ),
                (
                    "Les agents municipaux font de leur mieux, mais l'information est dispersée et "
                    "souvent disponible dans une seule langue.",
                    "Le personnel d'accueil est motivé, mais il manque d'informations à jour et "
                    "d'interprètes.",
                ),
                (
                    "Nous voulons ouvrir un guichet unique à l'hôtel de ville, avec du personnel "
                    "formé, de l'interprétariat et une orientation claire vers les services "
                    "municipaux et nationaux.",
                ),
                (
                    "",
                    "Nous aimerions apprendre de villes qui gèrent déjà un tel service, lors d'une "
                    "courte visite d'échange.",
                ),
            ),
            "es": (
                (
                    "Una ventanilla única de acogida para personas recién llegadas a {place}",
                    "Apertura de un punto de atención a personas migrantes en {place}",
                ),
                (
                    "Al llegar a {place}, las personas migrantes tienen que acudir hasta a {n} "
                    "oficinas distintas para registrarse, inscribir a sus hijos en la escuela y "
                    "encontrar un médico.",
                    "Nuestra ciudad recibe cada año a más personas recién llegadas, y muchas no "
                    "saben a dónde acudir para vivienda, salud o educación.",
                ),
                (
                    "El personal municipal hace lo que puede, pero la información está dispersa y "
                    "a menudo solo existe en un idioma.",
                    "El personal de atención tiene buena disposición, pero le falta información "
                    "actualizada e intérpretes.",
                ),
                (
                    "Queremos abrir una ventanilla única en el edificio municipal, con personal "
                    "capacitado, interpretación y una derivación clara hacia los servicios "
                    "municipales y nacionales.",
                ),
                (
                    "",
                    "Nos gustaría conocer a ciudades que ya gestionan un servicio así mediante una "
                    "breve visita de intercambio.",
                ),
            ),
        },
    ),
    "climate-displacement": Need(
        areas=("DATA", "WGWS"),
        gcm=(2,),
        support=(S.TECHNICAL_ASSISTANCE, S.RESEARCH, S.FUNDING),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(12, 27, 40, 63),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Climate mobility and planned relocation",
                    "Mobilité climatique et relocalisation planifiée",
                    "Movilidad climática y reubicación planificada",
                ),
                25,
                50,
            ),
            Line(
                K.MONEY,
                _t(
                    "Community consultations in exposed areas",
                    "Consultations communautaires dans les zones exposées",
                    "Consultas comunitarias en las zonas expuestas",
                ),
                40_000,
                120_000,
            ),
        ),
        text={
            "en": (
                (
                    "Planning for climate-related displacement and planned relocation",
                    "Preparing for displacement linked to {hazard}",
                ),
                (
                    "Families {in_place} are already leaving their homes because of {hazard}, and "
                    "{n} communities may have to relocate within the next decade.",
                    "Our latest vulnerability assessment found {n} communities at high risk from "
                    "{hazard}.",
                ),
                (
                    "Relocation is currently decided case by case, without clear guidelines, "
                    "consultation of the people affected or a budget.",
                    "Government, municipalities and communities lack a shared plan for where "
                    "people would move and how their rights and livelihoods would be protected.",
                ),
                (
                    "We are asking for technical assistance to map the communities at risk, draft "
                    "planned relocation guidelines and include human mobility in adaptation "
                    "planning.",
                ),
                (
                    "",
                    "Funding for community consultations in the most exposed areas would make a "
                    "real difference.",
                ),
            ),
            "fr": (
                (
                    "Planifier les déplacements liés au climat et les relocalisations",
                    "Se préparer aux déplacements liés à {hazard}",
                ),
                (
                    "Des familles {in_place} quittent déjà leur logement à cause de {hazard}, et "
                    "{n} localités pourraient devoir être relocalisées dans les dix prochaines "
                    "années.",
                    "Notre dernière évaluation de la vulnérabilité a recensé {n} localités très "
                    "exposées à {hazard}.",
                ),
                (
                    "Les relocalisations sont aujourd'hui décidées au cas par cas, sans lignes "
                    "directrices, sans consultation des personnes concernées et sans budget.",
                    "L'État, les communes et les populations n'ont pas de plan commun sur les "
                    "lieux de réinstallation ni sur la protection des droits et des moyens de "
                    "subsistance.",
                ),
                (
                    "Nous sollicitons une assistance technique pour cartographier les localités à "
                    "risque, rédiger des lignes directrices sur la relocalisation planifiée et "
                    "intégrer la mobilité humaine dans la planification de l'adaptation.",
                ),
                (
                    "",
                    "Un financement des consultations communautaires dans les zones les plus "
                    "exposées ferait une vraie différence.",
                ),
            ),
            "es": (
                (
                    "Planificación ante el desplazamiento por causas climáticas",
                    "Preparación ante el desplazamiento causado por {hazard}",
                ),
                (
                    "Familias {in_place} ya están dejando sus hogares a causa de {hazard}, y {n} "
                    "comunidades podrían tener que reubicarse en la próxima década.",
                    "Nuestra última evaluación de vulnerabilidad identificó {n} comunidades muy "
                    "expuestas a {hazard}.",
                ),
                (
                    "Hoy las reubicaciones se deciden caso por caso, sin lineamientos, sin "
                    "consultar a las personas afectadas y sin presupuesto.",
                    "El gobierno, los municipios y las comunidades no tienen un plan común sobre "
                    "a dónde se trasladaría la gente ni cómo se protegerían sus derechos y medios "
                    "de vida.",
                ),
                (
                    "Solicitamos asistencia técnica para mapear las comunidades en riesgo, "
                    "redactar lineamientos de reubicación planificada e integrar la movilidad "
                    "humana en la planificación de la adaptación.",
                ),
                (
                    "",
                    "El financiamiento de consultas comunitarias en las zonas más expuestas "
                    "marcaría una gran diferencia.",
                ),
            ),
        },
    ),
    "remittances": Need(
        areas=("COORD", "DATA"),
        gcm=(20,),
        support=(S.TECHNICAL_ASSISTANCE, S.RESEARCH),
        modalities=(M.REMOTE, M.HYBRID),
        numbers=(6, 9, 12, 15),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Remittance market and payment regulation",
                    "Marché des transferts et réglementation des paiements",
                    "Mercado de remesas y regulación de pagos",
                ),
                15,
                30,
            ),
            Line(
                K.MONEY,
                _t(
                    "Financial education campaign with the diaspora",
                    "Campagne d'éducation financière avec la diaspora",
                    "Campaña de educación financiera con la diáspora",
                ),
                30_000,
                60_000,
            ),
        ),
        text={
            "en": (
                (
                    "Reducing the cost of remittances",
                    "Cheaper and safer remittances from {partners}",
                ),
                (
                    "Remittances are worth about {n} per cent of our GDP, yet sending 200 dollars "
                    "home from {partners} still costs well above the 3 per cent target.",
                    "Families {in_place} depend heavily on remittances, but transfer fees from "
                    "{partners} remain among the highest in the region.",
                ),
                (
                    "Many senders still use informal channels because they do not trust or "
                    "understand the digital options available.",
                    "Competition between providers is weak, and price information is hard to find "
                    "for senders.",
                ),
                (
                    "We would like support to compare corridor costs, review the regulations that "
                    "hold back mobile money providers and design a financial education campaign "
                    "with the diaspora.",
                ),
                (
                    "",
                    "The central bank and the telecommunications regulator are ready to take part.",
                ),
            ),
            "fr": (
                (
                    "Réduire le coût des transferts de fonds",
                    "Des transferts de fonds moins chers depuis {partners}",
                ),
                (
                    "Les transferts de fonds représentent environ {n} % de notre PIB, mais envoyer "
                    "200 dollars depuis {partners} coûte encore bien plus que la cible de 3 %.",
                    "Les familles {in_place} dépendent largement des transferts de fonds, mais les "
                    "frais d'envoi depuis {partners} restent parmi les plus élevés de la région.",
                ),
                (
                    "Beaucoup d'expéditeurs passent encore par des circuits informels, faute de "
                    "confiance dans les solutions numériques ou de les connaître.",
                    "La concurrence entre opérateurs reste faible et les expéditeurs trouvent "
                    "difficilement l'information sur les prix.",
                ),
                (
                    "Nous souhaitons un appui pour comparer les coûts par corridor, revoir la "
                    "réglementation qui freine les opérateurs de monnaie mobile et concevoir avec "
                    "la diaspora une campagne d'éducation financière.",
                ),
                (
                    "",
                    "La banque centrale et l'autorité de régulation des télécommunications sont "
                    "prêtes à s'associer à la démarche.",
                ),
            ),
            "es": (
                (
                    "Reducción del costo de las remesas",
                    "Remesas más baratas y seguras desde {partners}",
                ),
                (
                    "Las remesas representan cerca del {n} % de nuestro PIB, pero enviar 200 "
                    "dólares desde {partners} sigue costando bastante más que la meta del 3 %.",
                    "Las familias {in_place} dependen mucho de las remesas, pero las comisiones de "
                    "envío desde {partners} siguen entre las más altas de la región.",
                ),
                (
                    "Muchas personas siguen usando canales informales porque no confían en las "
                    "opciones digitales o no las conocen.",
                    "La competencia entre proveedores es débil y a quienes envían dinero les "
                    "cuesta encontrar información sobre precios.",
                ),
                (
                    "Quisiéramos apoyo para comparar los costos por corredor, revisar la normativa "
                    "que frena a los proveedores de dinero móvil y diseñar con la diáspora una "
                    "campaña de educación financiera.",
                ),
                (
                    "",
                    "El banco central y el regulador de telecomunicaciones están dispuestos a "
                    "participar.",
                ),
            ),
        },
    ),
    "ethical-recruitment": Need(
        areas=("OBLIG", "COORD"),
        gcm=(6,),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.PEER_EXCHANGE),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(150, 300, 850, 1400),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Fair recruitment and labour inspection",
                    "Recrutement équitable et inspection du travail",
                    "Reclutamiento equitativo e inspección laboral",
                ),
                20,
                40,
            ),
            Line(
                K.MONEY,
                _t(
                    "Training of labour inspectors",
                    "Formation des inspecteurs du travail",
                    "Capacitación de inspectores laborales",
                ),
                20_000,
                45_000,
            ),
        ),
        text={
            "en": (
                (
                    "Ethical recruitment: licensing and monitoring private agencies",
                    "Ending recruitment fees for workers going to {partners}",
                ),
                (
                    "More than {n} private recruitment agencies are licensed {in_place}, and "
                    "workers going to {partners} often pay fees equal to several months' wages.",
                    "Complaints from workers about contract substitution and illegal fees keep "
                    "rising.",
                ),
                (
                    "Our inspectors have neither the tools nor the legal basis to check what "
                    "agencies charge or to sanction abuses.",
                    "The licensing rules date back many years and do not reflect the "
                    "employer-pays principle.",
                ),
                (
                    "We want to revise the licensing rules in line with the employer-pays "
                    "principle, set up a rating of agencies and train inspectors to investigate "
                    "complaints.",
                ),
                (
                    "",
                    "We would welcome an exchange with a destination country to align our systems.",
                ),
            ),
            "fr": (
                (
                    "Recrutement éthique : agrément et contrôle des agences privées",
                    "Mettre fin aux frais de recrutement pour les travailleurs partant vers "
                    "{partners}",
                ),
                (
                    "Plus de {n} agences privées de recrutement sont agréées {in_place}, et les "
                    "travailleurs qui partent vers {partners} paient souvent l'équivalent de "
                    "plusieurs mois de salaire.",
                    "Les plaintes de travailleurs pour substitution de contrat et frais illégaux "
                    "ne cessent d'augmenter.",
                ),
                (
                    "Nos inspecteurs n'ont ni les outils ni la base juridique pour vérifier ce que "
                    "facturent les agences ou sanctionner les abus.",
                    "Les règles d'agrément sont anciennes et ne reflètent pas le principe "
                    "« l'employeur paie ».",
                ),
                (
                    "Nous voulons réviser les règles d'agrément selon le principe « l'employeur "
                    "paie », mettre en place une notation des agences et former les inspecteurs "
                    "au traitement des plaintes.",
                ),
                (
                    "",
                    "Un échange avec un pays de destination pour harmoniser nos dispositifs "
                    "serait le bienvenu.",
                ),
            ),
            "es": (
                (
                    "Reclutamiento ético: licencias y supervisión de las agencias privadas",
                    "Fin de los cobros de reclutamiento para quienes migran a {partners}",
                ),
                (
                    "Hay más de {n} agencias privadas de reclutamiento con licencia {in_place}, y "
                    "quienes migran a {partners} suelen pagar el equivalente a varios meses de "
                    "salario.",
                    "Las denuncias de trabajadores por sustitución de contratos y cobros ilegales "
                    "no dejan de aumentar.",
                ),
                (
                    "Nuestros inspectores no tienen ni las herramientas ni la base legal para "
                    "verificar lo que cobran las agencias o sancionar los abusos.",
                    "Las reglas de licenciamiento son antiguas y no reflejan el principio de que "
                    "el empleador paga.",
                ),
                (
                    "Queremos revisar las reglas de licenciamiento según el principio de que el "
                    "empleador paga, crear una calificación de agencias y capacitar a los "
                    "inspectores para investigar denuncias.",
                ),
                (
                    "",
                    "Agradeceríamos un intercambio con un país de destino para armonizar nuestros "
                    "sistemas.",
                ),
            ),
        },
    ),
    "skills-recognition": Need(
        areas=("COORD",),
        gcm=(18,),
        support=(S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE),
        modalities=(M.HYBRID, M.REMOTE),
        numbers=(5, 8, 10, 12),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Qualifications frameworks and recognition of prior learning",
                    "Cadres de certification et validation des acquis",
                    "Marcos de cualificaciones y certificación de competencias",
                ),
                20,
                40,
            ),
            Line(
                K.MONEY,
                _t(
                    "Pilot assessments in priority trades",
                    "Évaluations pilotes dans les métiers prioritaires",
                    "Evaluaciones piloto en oficios prioritarios",
                ),
                25_000,
                60_000,
            ),
        ),
        text={
            "en": (
                (
                    "Recognising the skills of migrant and returning workers",
                    "Mutual recognition of qualifications {in_place}",
                ),
                (
                    "Returning migrants and migrant workers {in_place} often have skills that no "
                    "diploma certifies.",
                    "Nurses, electricians and mechanics trained abroad cannot work in their trade "
                    "{in_place} because their qualifications are not recognised.",
                ),
                (
                    "They end up in jobs well below their qualifications, which is a loss for "
                    "them and for the economy.",
                ),
                (
                    "We would like to set up a procedure to validate prior learning in {n} "
                    "priority trades and to compare qualification frameworks with those of our "
                    "main partner countries.",
                ),
                (
                    "",
                    "Employers' organisations and vocational training centres are ready to take "
                    "part.",
                ),
            ),
            "fr": (
                (
                    "Reconnaître les compétences des travailleurs migrants et de retour",
                    "Reconnaissance mutuelle des qualifications {in_place}",
                ),
                (
                    "Les migrants de retour et les travailleurs migrants {in_place} ont souvent "
                    "des compétences qu'aucun diplôme n'atteste.",
                    "Des infirmiers, électriciens et mécaniciens formés à l'étranger ne peuvent "
                    "pas exercer leur métier {in_place}, faute de reconnaissance de leurs "
                    "qualifications.",
                ),
                (
                    "Ils finissent par occuper des emplois bien en dessous de leur niveau, une "
                    "perte pour eux comme pour l'économie.",
                ),
                (
                    "Nous souhaitons mettre en place une procédure de validation des acquis de "
                    "l'expérience dans {n} métiers prioritaires et comparer les cadres de "
                    "certification avec ceux de nos principaux pays partenaires.",
                ),
                (
                    "",
                    "Les organisations d'employeurs et les centres de formation professionnelle "
                    "sont prêts à s'y associer.",
                ),
            ),
            "es": (
                (
                    "Reconocimiento de las competencias de personas migrantes y retornadas",
                    "Reconocimiento mutuo de cualificaciones {in_place}",
                ),
                (
                    "Las personas retornadas y las trabajadoras y trabajadores migrantes "
                    "{in_place} suelen tener competencias que ningún título certifica.",
                    "Enfermeras, electricistas y mecánicos formados en el extranjero no pueden "
                    "ejercer su oficio {in_place} porque sus títulos no se reconocen.",
                ),
                (
                    "Terminan en empleos muy por debajo de su cualificación, una pérdida para "
                    "ellos y para la economía.",
                ),
                (
                    "Quisiéramos establecer un procedimiento de certificación de competencias en "
                    "{n} oficios prioritarios y comparar los marcos de cualificaciones con los de "
                    "nuestros principales países socios.",
                ),
                (
                    "",
                    "Las organizaciones de empleadores y los centros de formación profesional "
                    "están dispuestos a participar.",
                ),
            ),
        },
    ),
    "alternatives-detention": Need(
        areas=("OBLIG",),
        gcm=(13,),
        support=(S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE, S.TRAINING),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(80, 120, 150, 200),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Case management in alternatives to detention",
                    "Gestion des cas en milieu ouvert",
                    "Gestión de casos en alternativas a la detención",
                ),
                20,
                45,
            ),
            Line(
                K.MONEY,
                _t(
                    "Pilot: caseworkers and community placements",
                    "Projet pilote : accompagnateurs et places d'accueil",
                    "Piloto: personal de acompañamiento y lugares de acogida",
                ),
                60_000,
                150_000,
            ),
        ),
        text={
            "en": (
                (
                    "Alternatives to immigration detention",
                    "Community-based alternatives to detention for families and children",
                ),
                (
                    "Our holding centres are overcrowded, and families with children are still "
                    "held while their cases are examined.",
                    "Detention remains the default response to irregular entry, even for children "
                    "and asylum seekers.",
                ),
                (
                    "The law already allows alternatives, such as reporting or community "
                    "placement, but they are almost never used because no one manages them.",
                    "Judges and officers say they would use alternatives if there were reliable "
                    "case management and places in the community.",
                ),
                (
                    "We are seeking support to pilot community-based case management for about "
                    "{n} people, with an independent evaluation after a year.",
                ),
                (
                    "",
                    "A study visit to a country that has ended the detention of children would "
                    "help convince decision-makers.",
                ),
            ),
            "fr": (
                (
                    "Solutions de rechange à la rétention administrative",
                    "Alternatives à la rétention pour les familles et les enfants",
                ),
                (
                    "Nos centres de rétention sont surpeuplés, et des familles avec enfants y sont "
                    "encore placées pendant l'examen de leur dossier.",
                    "La rétention reste la réponse habituelle à l'entrée irrégulière, y compris "
                    "pour les enfants et les demandeurs d'asile.",
                ),
                (
                    "La loi prévoit déjà des alternatives, comme l'assignation à résidence ou "
                    "l'accueil en communauté, mais elles ne sont presque jamais appliquées faute "
                    "de suivi.",
                    "Juges et agents disent qu'ils recourraient aux alternatives s'il existait un "
                    "suivi fiable des cas et des places d'accueil.",
                ),
                (
                    "Nous sollicitons un appui pour expérimenter un accompagnement individualisé "
                    "en milieu ouvert pour environ {n} personnes, avec une évaluation "
                    "indépendante au bout d'un an.",
                ),
                (
                    "",
                    "Une visite d'étude dans un pays qui a mis fin à la rétention des enfants "
                    "aiderait à convaincre les décideurs.",
                ),
            ),
            "es": (
                (
                    "Alternativas a la detención migratoria",
                    "Alternativas comunitarias a la detención para familias y niñez",
                ),
                (
                    "Nuestras estaciones migratorias están saturadas, y todavía se retiene a "
                    "familias con hijos mientras se resuelve su situación.",
                    "La detención sigue siendo la respuesta habitual al ingreso irregular, incluso "
                    "para niñas, niños y solicitantes de asilo.",
                ),
                (
                    "La ley ya prevé alternativas, como la presentación periódica o la acogida en "
                    "comunidad, pero casi nunca se aplican porque nadie las gestiona.",
                    "Jueces y agentes afirman que usarían alternativas si existiera una gestión de "
                    "casos confiable y lugares de acogida en la comunidad.",
                ),
                (
                    "Buscamos apoyo para poner a prueba un modelo de gestión de casos en comunidad "
                    "para unas {n} personas, con una evaluación independiente al cabo de un año.",
                ),
                (
                    "",
                    "Una visita de estudio a un país que haya dejado de detener a la niñez "
                    "ayudaría a convencer a quienes deciden.",
                ),
            ),
        },
    ),
    "free-movement": Need(
        areas=("BORD", "COORD"),
        gcm=(11, 23),
        support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND, S.EXPERT_DEPLOYMENT),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(3, 4, 5, 6),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Border information systems integration",
                    "Intégration de systèmes d'information frontaliers",
                    "Integración de sistemas de información fronteriza",
                ),
                30,
                60,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Document readers for joint border posts",
                    "Lecteurs de documents pour les postes frontières conjoints",
                    "Lectores de documentos para puestos fronterizos conjuntos",
                ),
                6,
                20,
                4000,
            ),
            Line(
                K.MONEY,
                _t(
                    "Regional workshops of border services",
                    "Ateliers régionaux des services frontaliers",
                    "Talleres regionales de los servicios fronterizos",
                ),
                30_000,
                70_000,
            ),
        ),
        text={
            "en": (
                (
                    "Interoperable border information systems for free movement",
                    "Making free movement work at the borders {of_place}",
                ),
                (
                    "The free movement protocol gives citizens the right to travel without a "
                    "visa, but at many crossings they are still asked for informal payments or "
                    "documents that are not required.",
                    "Travellers {in_place} still face long delays and irregular charges at "
                    "crossings, despite the free movement protocol.",
                ),
                (
                    "Neighbouring border services use systems that cannot exchange information, so "
                    "the same traveller is recorded several times and no one has a full picture "
                    "of the flows.",
                ),
                (
                    "We are asking for technical assistance to agree common data standards, "
                    "connect the systems of {n} pilot joint border posts and train officers on "
                    "travellers' rights.",
                ),
                ("", "Information points for travellers at the pilot posts would also help."),
            ),
            "fr": (
                (
                    "Des systèmes d'information frontaliers interopérables pour la libre "
                    "circulation",
                    "Faire vivre la libre circulation aux frontières {of_place}",
                ),
                (
                    "Le protocole sur la libre circulation dispense les citoyens de visa, mais à "
                    "de nombreux points de passage on leur réclame encore des paiements informels "
                    "ou des documents non exigés.",
                    "Les voyageurs {in_place} subissent encore de longues attentes et des "
                    "prélèvements irréguliers aux frontières, malgré le protocole sur la libre "
                    "circulation.",
                ),
                (
                    "Les services frontaliers voisins utilisent des systèmes qui ne communiquent "
                    "pas : un même voyageur est enregistré plusieurs fois et personne n'a une vue "
                    "complète des flux.",
                ),
                (
                    "Nous demandons une assistance technique pour adopter des normes de données "
                    "communes, connecter les systèmes de {n} postes frontières conjoints pilotes "
                    "et former les agents aux droits des voyageurs.",
                ),
                (
                    "",
                    "Des points d'information pour les voyageurs aux postes pilotes seraient "
                    "également utiles.",
                ),
            ),
            "es": (
                (
                    "Sistemas de información fronteriza interoperables para la libre movilidad",
                    "Hacer realidad la libre movilidad en las fronteras {of_place}",
                ),
                (
                    "El acuerdo de libre movilidad permite viajar sin visa, pero en muchos pasos "
                    "fronterizos todavía se exigen pagos informales o documentos que no son "
                    "obligatorios.",
                    "Quienes viajan {in_place} siguen enfrentando largas esperas y cobros "
                    "irregulares en las fronteras, pese al acuerdo de libre movilidad.",
                ),
                (
                    "Los servicios fronterizos vecinos usan sistemas que no intercambian "
                    "información, de modo que la misma persona se registra varias veces y nadie "
                    "tiene una visión completa de los flujos.",
                ),
                (
                    "Solicitamos asistencia técnica para acordar estándares de datos comunes, "
                    "conectar los sistemas de {n} puestos fronterizos conjuntos piloto y "
                    "capacitar al personal sobre los derechos de las personas viajeras.",
                ),
                (
                    "",
                    "También serían útiles puntos de información para viajeros en los puestos "
                    "piloto.",
                ),
            ),
        },
    ),
    "migrant-health": Need(
        areas=("OBLIG", "WGWS"),
        gcm=(15,),
        support=(S.TRAINING, S.TECHNICAL_ASSISTANCE, S.FUNDING),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(12, 20, 25, 30),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Public health and community health work",
                    "Santé publique et médiation en santé",
                    "Salud pública y promoción comunitaria de la salud",
                ),
                10,
                25,
            ),
            Line(
                K.MONEY,
                _t(
                    "Training and stipends for health navigators",
                    "Formation et indemnités des médiateurs en santé",
                    "Formación y estipendios de promotores de salud",
                ),
                25_000,
                60_000,
            ),
        ),
        text={
            "en": (
                (
                    "Access to health care for migrants with precarious status in {place}",
                    "Health navigators for newcomers in {place}",
                ),
                (
                    "Many migrants in {place}, especially those without papers or waiting for a "
                    "decision, do not see a doctor until they end up in the emergency room.",
                    "Clinics in {place} report that migrant patients arrive late, often because "
                    "they fear being reported or do not know their rights.",
                ),
                (
                    "Health and social workers are unsure what migrants are entitled to, and "
                    "interpretation is rarely available.",
                ),
                (
                    "We want to train {n} community health navigators from migrant communities "
                    "and produce clear, multilingual information on access to care.",
                ),
                (
                    "",
                    "We would also like to see how other cities make sure that clinics do not "
                    "share patients' data with immigration authorities.",
                ),
            ),
            "fr": (
                (
                    "Accès aux soins des personnes migrantes en situation précaire à {place}",
                    "Des médiateurs en santé pour les nouveaux arrivants à {place}",
                ),
                (
                    "Beaucoup de personnes migrantes à {place}, surtout sans papiers ou en attente "
                    "d'une décision, ne consultent qu'une fois arrivées aux urgences.",
                    "Les cliniques de {place} constatent que les patients migrants arrivent tard, "
                    "souvent par peur d'être signalés ou par méconnaissance de leurs droits.",
                ),
                (
                    "Le personnel de santé et les travailleurs sociaux connaissent mal les droits "
                    "des personnes migrantes, et l'interprétariat est rarement disponible.",
                ),
                (
                    "Nous voulons former {n} médiateurs en santé issus des communautés migrantes "
                    "et produire une information claire et multilingue sur l'accès aux soins.",
                ),
                (
                    "",
                    "Nous aimerions aussi savoir comment d'autres villes garantissent que les "
                    "cliniques ne transmettent pas les données des patients aux services "
                    "d'immigration.",
                ),
            ),
            "es": (
                (
                    "Acceso a la salud para personas migrantes en situación precaria en {place}",
                    "Promotores de salud para personas recién llegadas a {place}",
                ),
                (
                    "Muchas personas migrantes en {place}, sobre todo las que no tienen papeles o "
                    "esperan una resolución, no ven a un médico hasta que llegan a urgencias.",
                    "Los centros de salud de {place} señalan que los pacientes migrantes llegan "
                    "tarde, a menudo por miedo a ser denunciados o por desconocer sus derechos.",
                ),
                (
                    "El personal sanitario y social no tiene claro a qué tienen derecho las "
                    "personas migrantes, y casi nunca hay interpretación.",
                ),
                (
                    "Queremos formar a {n} promotores de salud de las propias comunidades "
                    "migrantes y elaborar información clara y multilingüe sobre el acceso a la "
                    "atención.",
                ),
                (
                    "",
                    "También nos gustaría conocer cómo otras ciudades garantizan que los centros "
                    "de salud no compartan los datos de los pacientes con las autoridades "
                    "migratorias.",
                ),
            ),
        },
    ),
    "missing-migrants": Need(
        areas=("BORD", "OBLIG"),
        gcm=(8,),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.IN_KIND),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(300, 450, 700, 1200),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Forensic identification and data matching",
                    "Identification médico-légale et rapprochement des données",
                    "Identificación forense y cruce de datos",
                ),
                20,
                40,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "DNA sampling kits",
                    "Kits de prélèvement ADN",
                    "Kits de toma de muestras de ADN",
                ),
                200,
                600,
                25,
            ),
            Line(
                K.MONEY,
                _t(
                    "Database development",
                    "Développement de la base de données",
                    "Desarrollo de la base de datos",
                ),
                40_000,
                90_000,
            ),
        ),
        text={
            "en": (
                (
                    "Searching for missing migrants and identifying the dead",
                    "A forensic identification mechanism for migrants who died on the route",
                ),
                (
                    "Families {in_place} have no official channel to report a relative who "
                    "disappeared on the migration route.",
                    "Every year, bodies of migrants are buried without identification along the "
                    "routes, and at least {n} families are still looking for a relative.",
                ),
                (
                    "Forensic services, consulates and civil society each hold part of the "
                    "information, but there is no shared database or protocol.",
                ),
                (
                    "We want to set up a protocol and a database that match reports from families "
                    "with forensic data, and to train forensic staff and consular officers to use "
                    "them.",
                ),
                ("", "Families' associations must be part of the mechanism from the start."),
            ),
            "fr": (
                (
                    "Rechercher les migrants disparus et identifier les défunts",
                    "Un mécanisme d'identification médico-légale des migrants décédés sur les "
                    "routes",
                ),
                (
                    "Les familles {in_place} n'ont aucun canal officiel pour signaler un proche "
                    "disparu sur la route migratoire.",
                    "Chaque année, des corps de migrants sont inhumés sans identification le long "
                    "des routes, et au moins {n} familles recherchent encore un proche.",
                ),
                (
                    "Les services médico-légaux, les consulats et la société civile détiennent "
                    "chacun une partie de l'information, sans base de données ni protocole "
                    "communs.",
                ),
                (
                    "Nous voulons établir un protocole et une base de données qui rapprochent les "
                    "signalements des familles et les données médico-légales, et former les "
                    "médecins légistes et les agents consulaires à leur utilisation.",
                ),
                (
                    "",
                    "Les associations de familles doivent être associées au mécanisme dès le "
                    "départ.",
                ),
            ),
            "es": (
                (
                    "Búsqueda de personas migrantes desaparecidas e identificación de restos",
                    "Un mecanismo de identificación forense de personas migrantes fallecidas en "
                    "la ruta",
                ),
                (
                    "Las familias {in_place} no tienen un canal oficial para denunciar la "
                    "desaparición de un familiar en la ruta migratoria.",
                    "Cada año se entierran sin identificar cuerpos de personas migrantes a lo "
                    "largo de las rutas, y al menos {n} familias siguen buscando a un ser "
                    "querido.",
                ),
                (
                    "Los servicios forenses, los consulados y la sociedad civil tienen cada uno "
                    "parte de la información, pero no hay una base de datos ni un protocolo "
                    "comunes.",
                ),
                (
                    "Queremos establecer un protocolo y una base de datos que crucen las denuncias "
                    "de las familias con los datos forenses, y capacitar al personal forense y "
                    "consular para usarlos.",
                ),
                (
                    "",
                    "Las organizaciones de familias deben formar parte del mecanismo desde el "
                    "principio.",
                ),
            ),
        },
    ),
    "pre-departure": Need(
        areas=("CONS", "OBLIG"),
        gcm=(3, 6),
        support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modalities=(M.HYBRID, M.IN_PERSON),
        numbers=(20_000, 45_000, 80_000, 150_000),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Adult education and curriculum design",
                    "Ingénierie pédagogique pour adultes",
                    "Diseño curricular y educación de adultos",
                ),
                15,
                30,
            ),
            Line(
                K.MONEY,
                _t(
                    "Videos and mobile guide in the main languages",
                    "Vidéos et guide mobile dans les principales langues",
                    "Videos y guía móvil en los idiomas principales",
                ),
                20_000,
                50_000,
            ),
        ),
        text={
            "en": (
                (
                    "Updating pre-departure orientation for migrant workers",
                    "Pre-departure orientation for workers going to {partners}",
                ),
                (
                    "Around {n} workers leave every year for {partners}, and most receive only a "
                    "one-day briefing before departure.",
                    "Our pre-departure seminars were designed years ago and no longer reflect the "
                    "conditions workers find in {partners}.",
                ),
                (
                    "Returning workers tell us they did not know their rights, how to reach the "
                    "embassy, or what to do when their employer kept their passport.",
                ),
                (
                    "We would like to revise the curriculum with returnees and trade unions, train "
                    "the trainers, and produce short videos and a mobile guide in the main "
                    "languages.",
                ),
                (
                    "",
                    "The new modules should include a session on financial literacy and safe "
                    "remittances.",
                ),
            ),
            "fr": (
                (
                    "Rénover la formation avant le départ des travailleurs migrants",
                    "Formation avant le départ pour les travailleurs partant vers {partners}",
                ),
                (
                    "Environ {n} travailleurs partent chaque année vers {partners}, et la plupart "
                    "ne reçoivent qu'une séance d'information d'une journée.",
                    "Nos séminaires avant le départ ont été conçus il y a des années et ne "
                    "reflètent plus les conditions que les travailleurs trouvent à l'arrivée.",
                ),
                (
                    "Les travailleurs de retour nous disent qu'ils ignoraient leurs droits, la "
                    "façon de joindre l'ambassade ou que faire quand l'employeur confisquait leur "
                    "passeport.",
                ),
                (
                    "Nous souhaitons revoir le programme avec des travailleurs de retour et les "
                    "syndicats, former les formateurs et produire de courtes vidéos et un guide "
                    "mobile dans les principales langues.",
                ),
                (
                    "",
                    "Les nouveaux modules devraient inclure une séance sur l'éducation financière "
                    "et les transferts sûrs.",
                ),
            ),
            "es": (
                (
                    "Actualización de la orientación previa a la partida para trabajadores "
                    "migrantes",
                    "Orientación previa a la partida para quienes trabajarán en {partners}",
                ),
                (
                    "Cerca de {n} personas salen cada año a trabajar a {partners}, y la mayoría "
                    "solo recibe una charla de un día antes de partir.",
                    "Nuestros talleres previos a la partida se diseñaron hace años y ya no "
                    "reflejan las condiciones que las personas encuentran al llegar.",
                ),
                (
                    "Quienes regresan nos cuentan que no conocían sus derechos, cómo contactar al "
                    "consulado o qué hacer cuando el empleador les retenía el pasaporte.",
                ),
                (
                    "Queremos revisar el programa con personas retornadas y sindicatos, formar a "
                    "los formadores y producir videos cortos y una guía móvil en los idiomas "
                    "principales.",
                ),
                (
                    "",
                    "Los nuevos módulos deberían incluir una sesión de educación financiera y "
                    "envío seguro de remesas.",
                ),
            ),
        },
    ),
    "interministerial": Need(
        areas=("WGWS",),
        gcm=(23,),
        support=(S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE),
        modalities=(M.HYBRID, M.REMOTE),
        numbers=(7, 9, 11, 14),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Public policy coordination and monitoring",
                    "Coordination et suivi des politiques publiques",
                    "Coordinación y seguimiento de políticas públicas",
                ),
                20,
                40,
            ),
            Line(
                K.MONEY,
                _t(
                    "Peer exchange visit",
                    "Visite d'échange entre pairs",
                    "Visita de intercambio entre pares",
                ),
                15_000,
                35_000,
            ),
        ),
        text={
            "en": (
                (
                    "Making our inter-ministerial migration committee work",
                    "A permanent secretariat for migration policy coordination",
                ),
                (
                    "Migration is handled by at least {n} ministries, and the coordination "
                    "committee set up by decree meets rarely and without a work plan.",
                    "Our national migration policy was adopted, but implementation stalls because "
                    "no one coordinates the {n} ministries involved.",
                ),
                (
                    "Ministries do not share information, and neither local authorities nor civil "
                    "society are consulted.",
                ),
                (
                    "We are asking for help to give the committee a permanent secretariat, draft "
                    "its rules of procedure and build a simple monitoring framework for the "
                    "action plan.",
                ),
                (
                    "",
                    "An exchange with a country that has a functioning coordination mechanism "
                    "would be valuable.",
                ),
            ),
            "fr": (
                (
                    "Faire fonctionner notre comité interministériel sur les migrations",
                    "Un secrétariat permanent pour la coordination de la politique migratoire",
                ),
                (
                    "Au moins {n} ministères interviennent sur les migrations, et le comité de "
                    "coordination créé par décret se réunit rarement, sans plan de travail.",
                    "Notre politique nationale migratoire a été adoptée, mais sa mise en œuvre "
                    "piétine faute de coordination entre les {n} ministères concernés.",
                ),
                (
                    "Les ministères ne partagent pas l'information, et ni les collectivités "
                    "locales ni la société civile ne sont consultées.",
                ),
                (
                    "Nous demandons un appui pour doter le comité d'un secrétariat permanent, "
                    "rédiger son règlement intérieur et bâtir un dispositif simple de suivi du "
                    "plan d'action.",
                ),
                (
                    "",
                    "Un échange avec un pays disposant d'un mécanisme de coordination qui "
                    "fonctionne serait précieux.",
                ),
            ),
            "es": (
                (
                    "Fortalecer nuestra mesa interinstitucional de migración",
                    "Una secretaría técnica permanente para coordinar la política migratoria",
                ),
                (
                    "Al menos {n} instituciones intervienen en temas migratorios, y la comisión de "
                    "coordinación creada por decreto se reúne pocas veces y sin plan de trabajo.",
                    "Nuestra política migratoria nacional fue aprobada, pero su implementación se "
                    "estanca porque nadie coordina a las {n} instituciones involucradas.",
                ),
                (
                    "Las instituciones no comparten información, y ni los gobiernos locales ni la "
                    "sociedad civil son consultados.",
                ),
                (
                    "Pedimos apoyo para dotar a la comisión de una secretaría técnica permanente, "
                    "redactar su reglamento interno y construir un sistema sencillo de "
                    "seguimiento del plan de acción.",
                ),
                (
                    "",
                    "Sería muy valioso un intercambio con un país que cuente con un mecanismo de "
                    "coordinación que funcione.",
                ),
            ),
        },
    ),
    "legal-identity": Need(
        areas=("CONS", "OBLIG"),
        gcm=(4,),
        support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(2000, 3500, 6000, 12_000),
        lines=(
            Line(
                K.IN_KIND,
                _t(
                    "Mobile registration kits",
                    "Kits d'enregistrement mobiles",
                    "Kits de registro móvil",
                ),
                4,
                10,
                3000,
            ),
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Civil registration and statelessness",
                    "État civil et apatridie",
                    "Registro civil y apatridia",
                ),
                10,
                25,
            ),
            Line(
                K.MONEY,
                _t(
                    "Mobile registration campaigns",
                    "Campagnes d'enregistrement mobiles",
                    "Jornadas móviles de registro",
                ),
                20_000,
                50_000,
            ),
        ),
        text={
            "en": (
                (
                    "Legal identity documents for migrants and returnees",
                    "Birth registration for children of migrants {in_place}",
                ),
                (
                    "Thousands of people {in_place}, including children born to migrant parents, "
                    "have no birth certificate or identity document.",
                    "At least {n} children born {in_place} to migrant parents have never been "
                    "registered at birth.",
                ),
                (
                    "Without papers they cannot enrol in school, open a bank account or access "
                    "health insurance, and they are at risk of statelessness.",
                ),
                (
                    "We would like to organise mobile registration campaigns with the civil "
                    "registry and train registrars on the rules that apply to foreign parents.",
                ),
                ("", "Registration kits for the mobile teams would be needed."),
            ),
            "fr": (
                (
                    "Des documents d'identité pour les personnes migrantes et de retour",
                    "Enregistrement des naissances des enfants de parents migrants {in_place}",
                ),
                (
                    "Des milliers de personnes {in_place}, dont des enfants nés de parents "
                    "migrants, n'ont ni acte de naissance ni pièce d'identité.",
                    "Au moins {n} enfants nés {in_place} de parents migrants n'ont jamais été "
                    "déclarés à l'état civil.",
                ),
                (
                    "Sans papiers, ces personnes ne peuvent ni s'inscrire à l'école, ni ouvrir un "
                    "compte, ni accéder à l'assurance maladie, et elles risquent l'apatridie.",
                ),
                (
                    "Nous souhaitons organiser des campagnes d'enregistrement mobiles avec l'état "
                    "civil et former les officiers d'état civil aux règles applicables aux parents "
                    "étrangers.",
                ),
                ("", "Des kits d'enregistrement pour les équipes mobiles seraient nécessaires."),
            ),
            "es": (
                (
                    "Documentos de identidad para personas migrantes y retornadas",
                    "Registro de nacimientos de hijas e hijos de personas migrantes {in_place}",
                ),
                (
                    "Miles de personas {in_place}, entre ellas niñas y niños hijos de personas "
                    "migrantes, no tienen partida de nacimiento ni documento de identidad.",
                    "Al menos {n} niñas y niños nacidos {in_place} de padres migrantes nunca "
                    "fueron inscritos al nacer.",
                ),
                (
                    "Sin documentos no pueden inscribirse en la escuela, abrir una cuenta ni "
                    "acceder al seguro de salud, y corren el riesgo de quedar en situación de "
                    "apatridia.",
                ),
                (
                    "Queremos organizar jornadas móviles de registro con el registro civil y "
                    "capacitar a los registradores sobre las reglas aplicables a padres "
                    "extranjeros.",
                ),
                ("", "Se necesitarían kits de registro para los equipos móviles."),
            ),
        },
    ),
    "crisis-nationals": Need(
        areas=("CONS", "COORD"),
        gcm=(7, 14),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modalities=(M.HYBRID, M.REMOTE),
        numbers=(5, 6, 8, 10),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Consular crisis management (MICIC guidelines)",
                    "Gestion consulaire des crises (lignes directrices MICIC)",
                    "Gestión consular de crisis (directrices MICIC)",
                ),
                15,
                30,
            ),
            Line(
                K.MONEY,
                _t(
                    "Simulation exercise with missions abroad",
                    "Exercice de simulation avec les postes à l'étranger",
                    "Simulacro con las representaciones en el exterior",
                ),
                20_000,
                45_000,
            ),
        ),
        text={
            "en": (
                (
                    "Contingency plans to assist our nationals abroad in a crisis",
                    "Protecting our nationals {diaspora} during crises",
                ),
                (
                    "When the last crisis broke out, we had to evacuate nationals without a plan, "
                    "a list of people or agreements with transport companies.",
                    "Many of our nationals work {diaspora}, in places exposed to conflict and "
                    "natural disasters.",
                ),
                (
                    "Our embassies do not have contingency plans, and staff have not been trained "
                    "to manage an evacuation.",
                ),
                (
                    "We would like help to draft contingency plans for our {n} main destination "
                    "countries, following the MICIC guidelines, and to run a simulation exercise "
                    "with the missions concerned.",
                ),
                (
                    "",
                    "Emergency funds and agreements with host countries would be part of the "
                    "discussion.",
                ),
            ),
            "fr": (
                (
                    "Des plans d'urgence pour assister nos ressortissants à l'étranger en cas de "
                    "crise",
                    "Protéger nos ressortissants {diaspora} en cas de crise",
                ),
                (
                    "Lors de la dernière crise, nous avons dû évacuer des ressortissants sans "
                    "plan, sans liste des personnes et sans accord avec les transporteurs.",
                    "Beaucoup de nos ressortissants vivent {diaspora}, dans des zones exposées aux "
                    "conflits et aux catastrophes.",
                ),
                (
                    "Nos ambassades n'ont pas de plans d'urgence, et le personnel n'a pas été "
                    "formé à la gestion d'une évacuation.",
                ),
                (
                    "Nous souhaitons un appui pour rédiger des plans d'urgence pour nos {n} "
                    "principaux pays de destination, selon les lignes directrices de l'initiative "
                    "MICIC, et organiser un exercice de simulation avec les postes concernés.",
                ),
                (
                    "",
                    "Des fonds d'urgence et des accords avec les pays d'accueil feraient partie de "
                    "la réflexion.",
                ),
            ),
            "es": (
                (
                    "Planes de contingencia para asistir a connacionales en el exterior en caso "
                    "de crisis",
                    "Protección de connacionales {diaspora} en situaciones de crisis",
                ),
                (
                    "En la última crisis tuvimos que evacuar a connacionales sin un plan, sin "
                    "listas de personas y sin acuerdos con empresas de transporte.",
                    "Muchos connacionales viven {diaspora}, en lugares expuestos a conflictos y "
                    "desastres naturales.",
                ),
                (
                    "Nuestros consulados no cuentan con planes de contingencia y el personal no ha "
                    "sido capacitado para gestionar una evacuación.",
                ),
                (
                    "Quisiéramos apoyo para elaborar planes de contingencia para nuestros {n} "
                    "principales países de destino, siguiendo las directrices de la iniciativa "
                    "MICIC, y realizar un simulacro con las representaciones involucradas.",
                ),
                (
                    "",
                    "Los fondos de emergencia y los acuerdos con los países de acogida formarían "
                    "parte de la discusión.",
                ),
            ),
        },
    ),
    "labour-market-info": Need(
        areas=("DATA", "COORD"),
        gcm=(1, 5),
        support=(S.TECHNICAL_ASSISTANCE, S.RESEARCH, S.IN_KIND),
        modalities=(M.HYBRID, M.REMOTE),
        numbers=(40_000, 95_000, 160_000, 310_000),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Labour market information systems",
                    "Systèmes d'information sur le marché du travail",
                    "Sistemas de información del mercado laboral",
                ),
                25,
                50,
            ),
            Line(
                K.IN_KIND,
                _t(
                    "Servers and software licences",
                    "Serveurs et licences logicielles",
                    "Servidores y licencias de software",
                ),
                2,
                4,
                12_000,
            ),
        ),
        text={
            "en": (
                (
                    "A labour migration information system",
                    "Linking labour market data and migration planning {in_place}",
                ),
                (
                    "We issue about {n} work permits a year, but the data stays in paper files and "
                    "cannot tell us which sectors really need foreign workers.",
                    "Decisions on labour migration quotas are taken without reliable data on "
                    "skills shortages.",
                ),
                (
                    "Employers complain about long delays, and workers cannot check the status of "
                    "their application.",
                ),
                (
                    "We would like to build a labour migration information system that links work "
                    "permits, labour market surveys and social security records, and to train the "
                    "analysts who will use it.",
                ),
                ("", "Servers and licences for the first phase would also be needed."),
            ),
            "fr": (
                (
                    "Un système d'information sur la migration de travail",
                    "Relier données du marché du travail et planification des migrations "
                    "{in_place}",
                ),
                (
                    "Nous délivrons environ {n} autorisations de travail par an, mais les données "
                    "restent sur papier et ne disent pas quels secteurs ont réellement besoin de "
                    "travailleurs étrangers.",
                    "Les décisions sur les quotas de migration de travail sont prises sans données "
                    "fiables sur les pénuries de compétences.",
                ),
                (
                    "Les employeurs se plaignent des délais, et les travailleurs ne peuvent pas "
                    "suivre l'état de leur demande.",
                ),
                (
                    "Nous souhaitons construire un système d'information sur la migration de "
                    "travail qui relie autorisations de travail, enquêtes sur le marché du travail "
                    "et données de sécurité sociale, et former les analystes qui l'utiliseront.",
                ),
                (
                    "",
                    "Des serveurs et des licences pour la première phase seraient également "
                    "nécessaires.",
                ),
            ),
            "es": (
                (
                    "Un sistema de información sobre migración laboral",
                    "Vincular los datos del mercado laboral con la planificación migratoria "
                    "{in_place}",
                ),
                (
                    "Emitimos cerca de {n} permisos de trabajo al año, pero los datos quedan en "
                    "papel y no nos dicen qué sectores necesitan realmente trabajadores "
                    "extranjeros.",
                    "Las decisiones sobre cupos de migración laboral se toman sin datos fiables "
                    "sobre la escasez de competencias.",
                ),
                (
                    "Los empleadores se quejan de las demoras, y las personas trabajadoras no "
                    "pueden consultar el estado de su solicitud.",
                ),
                (
                    "Queremos construir un sistema de información sobre migración laboral que "
                    "vincule permisos de trabajo, encuestas de empleo y registros de seguridad "
                    "social, y capacitar al personal analista que lo usará.",
                ),
                ("", "También se necesitarían servidores y licencias para la primera fase."),
            ),
        },
    ),
    "social-cohesion": Need(
        areas=("WGWS", "OBLIG"),
        gcm=(16, 17),
        support=(S.TECHNICAL_ASSISTANCE, S.FUNDING, S.PEER_EXCHANGE),
        modalities=(M.IN_PERSON, M.HYBRID),
        numbers=(34, 41, 47, 52),
        lines=(
            Line(
                K.EXPERT_DAYS,
                _t(
                    "Communication and social cohesion",
                    "Communication et cohésion sociale",
                    "Comunicación y convivencia",
                ),
                10,
                25,
            ),
            Line(
                K.MONEY,
                _t(
                    "Small grants for joint community activities",
                    "Petites subventions pour des activités communes",
                    "Pequeñas subvenciones para actividades comunitarias",
                ),
                20_000,
                50_000,
            ),
        ),
        text={
            "en": (
                (
                    "Countering xenophobia and building social cohesion in {place}",
                    "A local campaign against discrimination towards migrants in {place}",
                ),
                (
                    "Tensions between residents and newcomers have grown in some neighbourhoods "
                    "of {place}, fed by rumours on social media.",
                    "Our latest survey found that {n} per cent of residents believe migrants take "
                    "jobs or services away from them.",
                ),
                (
                    "Community leaders and municipal staff lack the tools to respond to false "
                    "information and to bring people together.",
                ),
                (
                    "We would like to design an evidence-based anti-rumour campaign with migrant "
                    "associations, local media and schools, and train municipal staff to lead "
                    "neighbourhood dialogues.",
                ),
                ("", "Small grants for joint community activities would help build trust."),
            ),
            "fr": (
                (
                    "Lutter contre la xénophobie et renforcer la cohésion sociale à {place}",
                    "Une campagne locale contre les discriminations envers les personnes "
                    "migrantes à {place}",
                ),
                (
                    "Les tensions entre habitants et nouveaux arrivants se sont accrues dans "
                    "certains quartiers de {place}, nourries par des rumeurs sur les réseaux "
                    "sociaux.",
                    "Notre dernière enquête montre que {n} % des habitants pensent que les "
                    "migrants leur prennent des emplois ou des services.",
                ),
                (
                    "Les responsables associatifs et les agents municipaux manquent d'outils pour "
                    "répondre aux fausses informations et rapprocher les habitants.",
                ),
                (
                    "Nous souhaitons concevoir, avec les associations de migrants, les médias "
                    "locaux et les écoles, une campagne anti-rumeurs fondée sur des données, et "
                    "former des agents municipaux à l'animation de dialogues de quartier.",
                ),
                (
                    "",
                    "De petites subventions pour des activités communes aideraient à bâtir la "
                    "confiance.",
                ),
            ),
            "es": (
                (
                    "Prevención de la xenofobia y fortalecimiento de la convivencia en {place}",
                    "Una campaña local contra la discriminación hacia las personas migrantes en "
                    "{place}",
                ),
                (
                    "En algunos barrios de {place} han crecido las tensiones entre vecinos y "
                    "personas recién llegadas, alimentadas por rumores en redes sociales.",
                    "Nuestra última encuesta muestra que el {n} % de los residentes cree que las "
                    "personas migrantes les quitan empleos o servicios.",
                ),
                (
                    "Los líderes comunitarios y el personal municipal no tienen herramientas para "
                    "responder a la desinformación y acercar a la gente.",
                ),
                (
                    "Queremos diseñar con asociaciones de migrantes, medios locales y escuelas una "
                    "campaña antirrumores basada en datos, y capacitar al personal municipal para "
                    "facilitar diálogos de barrio.",
                ),
                (
                    "",
                    "Pequeñas subvenciones para actividades comunitarias conjuntas ayudarían a "
                    "generar confianza.",
                ),
            ),
        },
    ),
}


# --- Requesters ----------------------------------------------------------------------------------

# How a request's story goes, through the services.
DRAFT = "draft"  # written, not submitted
SUBMITTED = "submitted"  # waiting for the secretariat's review
QUESTION = "question"  # the secretariat asked a question: waiting for the requester
ANSWERED = "answered"  # asked a question, answered, resubmitted and published
ADVICE = "advice"  # returned with advice: a draft again
OPEN = "open"  # published
WITHDRAWN_WAITING = "withdrawn_waiting"  # withdrawn while waiting for review
WITHDRAWN = "withdrawn"  # published, then withdrawn
CLOSED = "closed"  # published, then closed by the requester

R = RequestScope


@dataclass(frozen=True)
class Requester:
    """An organisation writing in one language, its editor, where it works and what it asks for:
    (need, story) pairs. `place` fills the needs' placeholders; `figures`, where the need's
    figures would not fit the country."""

    organisation: str
    actor: str
    language: str
    scope: str
    currency: str
    working_languages: tuple[str, ...]
    place: dict[str, str]
    needs: tuple[tuple[str, str], ...]
    country: str | None = None
    region: str | None = None  # M49 code, for a regional request
    joint_with: str | None = None
    figures: dict[str, tuple[int, ...]] = field(default_factory=dict)  # need → its `numbers`


SENEGAL_FR = {
    "in_place": "au Sénégal",
    "of_place": "du Sénégal",
    "place": "Sénégal",
    "partners": "l'Espagne, l'Italie et la Mauritanie",
    "diaspora": "en France, en Italie et en Espagne",
    "border": "à Rosso, Kidira et Karang",
    "hazard": "l'avancée de la mer",
}

REQUESTERS = [
    # Africa
    Requester(
        "demo-senegal-interior", "editor.senegal", "fr", R.NATIONAL, "XOF", ("fr", "wo"),
        SENEGAL_FR,
        (
            ("border-data", OPEN),
            ("anti-trafficking", OPEN),
            ("missing-migrants", SUBMITTED),
            ("return-reintegration", CLOSED),
            ("interministerial", OPEN),
        ),
        country="SEN",
    ),
    Requester(
        "demo-senegal-dgase", "consular.senegal", "fr", R.NATIONAL, "XOF", ("fr", "wo"),
        SENEGAL_FR | {"diaspora": "en Afrique, en Europe et au Moyen-Orient"},
        (("consular-registry", OPEN), ("diaspora-skills", OPEN), ("crisis-nationals", ADVICE)),
        country="SEN",
    ),
    Requester(
        "demo-ville-de-dakar", "city.dakar", "fr", R.LOCAL, "XOF", ("fr", "wo"),
        {
            "in_place": "à Dakar",
            "of_place": "de Dakar",
            "place": "Dakar",
            "hazard": "l'érosion côtière",
        },
        (("welcome-desk", OPEN), ("climate-displacement", OPEN), ("data-observatory", DRAFT)),
        country="SEN",
    ),
    Requester(
        "demo-ecowas-commission", "ecowas", "en", R.REGIONAL, "USD", ("en", "fr", "pt"),
        {
            "in_place": "across the ECOWAS region",
            "of_place": "of the ECOWAS region",
            "place": "the ECOWAS region",
        },
        (
            ("free-movement", OPEN),
            ("skills-recognition", OPEN),
            ("data-observatory", SUBMITTED),
        ),
        region="011",
    ),
    Requester(
        "demo-ecowas-commission", "ecowas", "fr", R.REGIONAL, "EUR", ("fr", "en", "pt"),
        {
            "in_place": "dans l'espace CEDEAO",
            "of_place": "de l'espace CEDEAO",
            "place": "l'espace CEDEAO",
            "hazard": "la dégradation des terres",
        },
        (("missing-migrants", OPEN), ("climate-displacement", DRAFT)),
        region="011",
    ),
    Requester(
        "demo-ghana-immigration", "focal.ghana", "en", R.NATIONAL, "USD", ("en",),
        {
            "in_place": "in Ghana",
            "of_place": "of Ghana",
            "place": "Ghana",
            "border": "at Aflao, Elubo and Paga",
        },
        (
            ("border-data", OPEN),
            ("free-movement", OPEN),
            ("anti-trafficking", WITHDRAWN),
            ("data-observatory", OPEN),
        ),
        country="GHA",
    ),
    Requester(
        # Its verification is pending: its requests wait as drafts.
        "demo-morocco-mre", "editor.morocco", "fr", R.NATIONAL, "MAD", ("fr", "ar"),
        {"in_place": "au Maroc", "of_place": "du Maroc", "place": "Maroc"},
        (("alternatives-detention", DRAFT), ("legal-identity", DRAFT)),
        country="MAR",
    ),
    Requester(
        # Civil society, jointly with a ministry that is not verified yet: a draft.
        "demo-caritas-maroc", "ngo", "fr", R.LOCAL, "MAD", ("fr", "ar"),
        {"in_place": "à Rabat", "of_place": "de Rabat", "place": "Rabat"},
        (("migrant-health", DRAFT),),
        country="MAR",
        joint_with="demo-morocco-mre",
    ),
    Requester(
        "demo-senegalese-diaspora-france", "diaspora", "fr", R.NATIONAL, "EUR", ("fr",),
        SENEGAL_FR | {"partners": "la France, l'Italie et l'Espagne"},
        (("remittances", OPEN), ("skills-recognition", DRAFT)),
        country="SEN",
        joint_with="demo-senegal-dgase",
        figures={"remittances": (9, 10, 11)},
    ),
    # Americas
    Requester(
        "demo-ville-de-montreal", "city.montreal", "fr", R.LOCAL, "CAD", ("fr", "en"),
        {"in_place": "à Montréal", "of_place": "de Montréal", "place": "Montréal"},
        (("migrant-health", OPEN), ("social-cohesion", OPEN), ("data-observatory", SUBMITTED)),
        country="CAN",
    ),
    Requester(
        "demo-mexico-segob", "focal.mexico", "es", R.NATIONAL, "MXN", ("es", "en"),
        {
            "in_place": "en México",
            "of_place": "de México",
            "place": "México",
            "partners": "Estados Unidos y Canadá",
            "diaspora": "en Estados Unidos y Canadá",
            "border": "en Ciudad Hidalgo, Tapachula y Tijuana",
        },
        (
            ("alternatives-detention", OPEN),
            ("missing-migrants", OPEN),
            ("return-reintegration", OPEN),
            ("anti-trafficking", QUESTION),
            ("data-observatory", WITHDRAWN_WAITING),
        ),
        country="MEX",
        figures={"return-reintegration": (180_000, 210_000, 240_000)},
    ),
    Requester(
        "demo-ecuador-movilidad", "focal.ecuador", "es", R.NATIONAL, "USD", ("es", "qu"),
        {
            "in_place": "en Ecuador",
            "of_place": "de Ecuador",
            "place": "Ecuador",
            "partners": "España, Estados Unidos e Italia",
            "diaspora": "en España, Estados Unidos e Italia",
        },
        (
            ("consular-registry", OPEN),
            ("crisis-nationals", OPEN),
            ("legal-identity", OPEN),
            ("skills-recognition", ANSWERED),
        ),
        country="ECU",
    ),
    Requester(
        # Academia, jointly with the ministry.
        "demo-migration-lab", "research.datalab", "es", R.NATIONAL, "USD", ("es", "en"),
        {"in_place": "en Ecuador", "of_place": "de Ecuador", "place": "Ecuador"},
        (("data-observatory", OPEN),),
        country="ECU",
        joint_with="demo-ecuador-movilidad",
    ),
    Requester(
        "demo-quito-inclusion", "city.quito", "es", R.LOCAL, "USD", ("es",),
        {"in_place": "en Quito", "of_place": "de Quito", "place": "Quito"},
        (("welcome-desk", OPEN), ("migrant-health", OPEN), ("social-cohesion", SUBMITTED)),
        country="ECU",
    ),
    Requester(
        "demo-guatemala-igm", "focal.guatemala", "es", R.NATIONAL, "GTQ", ("es",),
        {
            "in_place": "en Guatemala",
            "of_place": "de Guatemala",
            "place": "Guatemala",
            "partners": "Estados Unidos y México",
            "diaspora": "en Estados Unidos",
            "border": "en Tecún Umán y El Florido",
            "hazard": "las sequías del Corredor Seco",
        },
        (("return-reintegration", OPEN), ("climate-displacement", OPEN), ("border-data", OPEN)),
        country="GTM",
        figures={"return-reintegration": (65_000, 75_000, 90_000)},
    ),
    # Asia
    Requester(
        "demo-philippines-dmw", "focal.philippines", "en", R.NATIONAL, "USD", ("en", "tl"),
        {
            "in_place": "in the Philippines",
            "of_place": "of the Philippines",
            "place": "the Philippines",
            "partners": "Saudi Arabia, the United Arab Emirates and Hong Kong",
            "diaspora": "in the Middle East, East Asia and North America",
        },
        (
            ("ethical-recruitment", OPEN),
            ("pre-departure", OPEN),
            ("crisis-nationals", OPEN),
            ("return-reintegration", QUESTION),
        ),
        country="PHL",
        figures={
            "return-reintegration": (350_000, 420_000, 500_000),
            "pre-departure": (1_800_000, 2_000_000),
        },
    ),
    Requester(
        "demo-jordan-labour", "focal.jordan", "en", R.NATIONAL, "JOD", ("ar", "en"),
        {"in_place": "in Jordan", "of_place": "of Jordan", "place": "Jordan"},
        (
            ("labour-market-info", OPEN),
            ("skills-recognition", OPEN),
            ("interministerial", SUBMITTED),
        ),
        country="JOR",
    ),
    Requester(
        "demo-nepal-dofe", "focal.nepal", "en", R.NATIONAL, "USD", ("ne", "en"),
        {
            "in_place": "in Nepal",
            "of_place": "of Nepal",
            "place": "Nepal",
            "partners": "Malaysia, Qatar and Saudi Arabia",
            "diaspora": "in the Gulf states, Malaysia and India",
        },
        (
            ("ethical-recruitment", OPEN),
            ("remittances", OPEN),
            ("pre-departure", CLOSED),
            ("labour-agreements", DRAFT),
        ),
        country="NPL",
        figures={"remittances": (22, 24, 26), "pre-departure": (500_000, 600_000, 700_000)},
    ),
    # Europe
    Requester(
        "demo-moldova-diaspora", "focal.moldova", "en", R.NATIONAL, "EUR", ("ro", "en"),
        {
            "in_place": "in Moldova",
            "of_place": "of Moldova",
            "place": "Moldova",
            "partners": "Italy, Germany and Israel",
            "diaspora": "in Italy, Germany, the United Kingdom and Israel",
        },
        (("diaspora-skills", OPEN), ("return-reintegration", OPEN), ("remittances", SUBMITTED)),
        country="MDA",
        figures={"remittances": (13, 14, 15), "diaspora-skills": (700_000, 900_000, 1_000_000)},
    ),
    Requester(
        "demo-barcelona-saier", "city.barcelona", "es", R.LOCAL, "EUR", ("es", "ca"),
        {"in_place": "en Barcelona", "of_place": "de Barcelona", "place": "Barcelona"},
        (("migrant-health", OPEN), ("data-observatory", OPEN), ("social-cohesion", DRAFT)),
        country="ESP",
    ),
    # Oceania
    Requester(
        "demo-fiji-economy", "focal.fiji", "en", R.NATIONAL, "FJD", ("en", "fj"),
        {
            "in_place": "in Fiji",
            "of_place": "of Fiji",
            "place": "Fiji",
            "partners": "Australia and New Zealand",
            "hazard": "sea-level rise, coastal erosion and tropical cyclones",
        },
        (("climate-displacement", OPEN), ("remittances", OPEN), ("data-observatory", OPEN)),
        country="FJI",
        figures={"remittances": (7, 8, 9)},
    ),
    Requester(
        "demo-pacific-forum", "pacific", "en", R.REGIONAL, "AUD", ("en", "fr"),
        {
            "in_place": "across the Pacific",
            "of_place": "of the Pacific",
            "place": "the Pacific region",
            "hazard": "sea-level rise and stronger cyclones",
        },
        (("climate-displacement", OPEN), ("skills-recognition", SUBMITTED)),
        region="009",
    ),
]  # fmt: skip

# Requests started from a gap of the organisation's latest published assessment:
# organisation, its editor, currency, working languages, story.
GAPS = [
    ("demo-senegal-interior", "editor.senegal", "XOF", ("fr", "wo"), OPEN),
    ("demo-mexico-segob", "focal.mexico", "MXN", ("es",), OPEN),
    ("demo-philippines-dmw", "focal.philippines", "USD", ("en", "tl"), SUBMITTED),
    ("demo-quito-inclusion", "city.quito", "USD", ("es",), DRAFT),
]
GAP_TEXT = {
    "en": (
        "{sub_area}: closing the gap found in our assessment",
        "We would like technical assistance to draw up an action plan for this indicator, and "
        "an exchange with a {peer} that has already reached the level we aim for.",
        {"national": "country", "local": "city"},
    ),
    "fr": (
        "{sub_area} : combler l'écart relevé par notre évaluation",
        "Nous souhaitons une assistance technique pour établir un plan d'action sur cet "
        "indicateur, et un échange avec {peer} qui a déjà atteint le niveau visé.",
        {"national": "un pays", "local": "une ville"},
    ),
    "es": (
        "{sub_area}: cerrar la brecha identificada en nuestra evaluación",
        "Quisiéramos asistencia técnica para elaborar un plan de acción sobre este indicador, y "
        "un intercambio con {peer} que ya haya alcanzado el nivel al que aspiramos.",
        {"national": "un país", "local": "una ciudad"},
    ),
}
GAP_LINES = (
    Line(
        K.EXPERT_DAYS,
        _t(
            "Technical adviser for the action plan",
            "Expertise technique pour le plan d'action",
            "Asesoría técnica para el plan de acción",
        ),
        15,
        30,
    ),
    Line(
        K.MONEY,
        _t(
            "Consultation workshops with the services concerned",
            "Ateliers de concertation avec les services concernés",
            "Talleres de consulta con las instituciones involucradas",
        ),
        10_000,
        30_000,
    ),
)

# What the secretariat and the requesters write along the way.
# What the secretariat and the requesters write along the way: by need and language, with a
# fallback ("*") for any need.
QUESTIONS = {
    "return-reintegration": {
        "en": "Could you say which agencies would use the case management system, and whether "
        "the budget covers its maintenance after the first year?",
    },
    "anti-trafficking": {
        "es": "¿Podrían indicar qué instituciones validarían los procedimientos y en qué estados "
        "se harían los talleres?",
    },
    "skills-recognition": {
        "es": "¿Qué oficios serían prioritarios y qué institución emitiría los certificados?",
    },
    "*": {
        "en": "Could you say which services would take part, and how the expert-days are spread "
        "over the project?",
        "fr": "Pourriez-vous préciser quels services participeraient et comment les jours "
        "d'expertise se répartissent entre les étapes du projet ?",
        "es": "¿Podrían precisar qué instituciones participarían y cómo se reparten los días de "
        "experto entre las etapas del proyecto?",
    },
}
ANSWERS = {
    "skills-recognition": {
        "es": "En respuesta a la secretaría: los oficios prioritarios son enfermería, "
        "electricidad y mecánica automotriz, y los certificados los emitiría el organismo "
        "nacional de cualificaciones.",
    },
    "*": {
        "en": "In answer to the secretariat: the services concerned are listed in the work plan, "
        "and the expert-days are split evenly between design and training.",
        "fr": "En réponse au secrétariat : les services concernés figurent dans le plan de "
        "travail, et les jours d'expertise se répartissent à parts égales entre conception et "
        "formation.",
        "es": "En respuesta a la secretaría: las instituciones involucradas figuran en el plan de "
        "trabajo, y los días de experto se reparten por igual entre diseño y capacitación.",
    },
}
ADVICES = {
    "crisis-nationals": {
        "fr": "La demande est pertinente mais très large : nous vous conseillons de commencer par "
        "deux pays de destination, de préciser le calendrier de l'exercice de simulation et de "
        "chiffrer les jours d'expertise par pays.",
    },
    "*": {
        "en": "The request is relevant but very broad: we advise you to split it into two and to "
        "give a timeline for each part.",
        "fr": "La demande est pertinente mais très large : nous vous conseillons de la scinder en "
        "deux et de préciser le calendrier de chaque volet.",
        "es": "La solicitud es pertinente pero muy amplia: les sugerimos dividirla en dos y "
        "precisar el calendario de cada parte.",
    },
}
WITHDRAWALS = {
    "en": "The ministry found funding for this work in its own budget.",
    "fr": "Le ministère a finalement trouvé un financement sur son propre budget.",
    "es": "Retiramos la solicitud: el tema se abordará en un programa nacional ya financiado.",
}
CLOSINGS = {
    "en": "The need is covered: a partner agreed to support the work and it has started.",
    "fr": "Le besoin est couvert : un partenaire bilatéral finance l'activité, qui a démarré.",
    "es": "La necesidad está cubierta: un socio aceptó apoyar el trabajo, que ya comenzó.",
}


def _note(table: dict, need: str, language: str) -> str:
    return table.get(need, {}).get(language) or table["*"][language]


# Rough rates from US dollars, for realistic amounts in each currency.
RATES = {
    "USD": 1,
    "EUR": 0.92,
    "XOF": 605,
    "CAD": 1.37,
    "MXN": 18,
    "GTQ": 7.75,
    "MAD": 9.9,
    "JOD": 0.71,
    "FJD": 2.25,
    "AUD": 1.52,
}
THOUSANDS = {"en": ",", "fr": " ", "es": "."}


# --- The step ------------------------------------------------------------------------------------


@dataclass
class _World:
    people: dict[str, User]
    organisations: dict[str, Organisation]
    areas: dict[str, CapacityArea]
    objectives: dict[int, GCMObjective]
    countries: dict[str, Country]
    regions: dict[str, Region]
    broker: User
    today: object
    done: set = field(default_factory=set)


@register_demo_step("hub: requests for support")
def load_requests(context: DemoContext) -> None:
    _organisations_and_people(context)
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    world = _World(
        people=people,
        organisations={org.slug: org for org in Organisation.objects.filter(is_demo=True)},
        areas={area.code: area for area in CapacityArea.objects.all()},
        objectives={objective.number: objective for objective in GCMObjective.objects.all()},
        countries={
            country.iso3: country
            for country in Country.objects.filter(
                iso3__in={r.country for r in REQUESTERS if r.country}
            )
        },
        regions={
            region.code: region
            for region in Region.objects.filter(code__in={r.region for r in REQUESTERS if r.region})
        },
        broker=people["broker"],
        today=timezone.localdate(),
        # Idempotent: a request whose submission key exists is left as it is.
        done=set(
            SupportRequest.objects.filter(is_demo=True).values_list("submission_key", flat=True)
        ),
    )
    for requester in REQUESTERS:
        organisation = world.organisations[requester.organisation]
        for need, story in requester.needs:
            key = _key(requester.organisation, need, requester.language)
            if key in world.done:
                continue
            if story != DRAFT:
                _verify(organisation, world.broker)
            rng = random.Random(f"passerelle-demo:hub:{key}")
            data = _request_data(requester, need, rng, world)
            actor = people[requester.actor]
            support_request = services.request_create(
                actor=actor, organisation=organisation, data=data, submission_key=key
            )
            _play(story, need, support_request, data, actor, world)
    for slug, actor, currency, languages, story in GAPS:
        key = _key(slug, "gap", "")
        if key not in world.done:
            _from_gap(world, slug, people[actor], currency, languages, story, key)


def _key(organisation: str, need: str, language: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"hub-demo:{organisation}:{need}:{language}")


def _request_data(requester: Requester, key: str, rng, world: _World) -> services.RequestData:
    need, language = NEEDS[key], requester.language
    titles, *sentences = need.text[language]
    numbers = requester.figures.get(key, need.numbers)
    values = requester.place | {"n": _number(rng.choice(numbers), language)}
    title = rng.choice(titles).format(**values)
    chosen = (rng.choice(options) for options in sentences)
    description = " ".join(sentence.format(**values) for sentence in chosen if sentence)
    first, *others = need.support
    support = [first, *rng.sample(others, rng.randint(0, len(others)))]
    starts_on, ends_on = _timeframe(rng, world.today)
    return services.RequestData(
        title=title[0].upper() + title[1:],
        description=description,
        language=language,
        capacity_areas=[world.areas[code] for code in need.areas],
        gcm_objectives=[world.objectives[number] for number in need.gcm],
        scope=requester.scope,
        country=world.countries.get(requester.country),
        region=world.regions.get(requester.region),
        modality=rng.choice(need.modalities),
        working_languages=list(requester.working_languages),
        starts_on=starts_on,
        ends_on=ends_on,
        support_types=support,
        requirements=_requirements(need.lines, language, requester.currency, rng),
        joint_with=world.organisations.get(requester.joint_with),
    )


def _timeframe(rng, today):
    starts_on = today + timedelta(days=rng.randint(30, 180))
    return starts_on, starts_on + timedelta(days=rng.choice((90, 120, 180, 270, 365, 540)))


def _requirements(lines, language: str, currency: str, rng) -> list[dict]:
    """Each line of the need, but an optional last one left out now and then."""
    kept = list(lines) if len(lines) < 3 or rng.random() < 0.6 else list(lines[:-1])
    rate = RATES[currency]
    requirements = []
    for line in kept:
        what = line.what[language]
        if line.kind == K.MONEY:
            amount = _round(rng.randint(line.low, line.high) * rate)
            requirements.append(
                {"kind": line.kind, "description": what, "quantity": amount, "currency": currency}
            )
        elif line.kind == K.EXPERT_DAYS:
            days = Decimal(rng.randint(line.low, line.high))
            requirements.append({"kind": line.kind, "description": what, "quantity": days})
        else:
            count = rng.randint(line.low, line.high)
            requirements.append(
                {
                    "kind": line.kind,
                    "description": what,
                    "quantity": Decimal(count),
                    "currency": currency,
                    "estimated_value": _round(count * line.unit * rate),
                }
            )
    return requirements


def _round(amount: float) -> Decimal:
    """Two significant figures: what a requester would write."""
    step = 10 ** max(int(math.log10(amount)) - 1, 0)
    return Decimal(round(amount / step) * step)


def _number(n: int, language: str) -> str:
    return f"{n:,}".replace(",", THOUSANDS[language]) if n >= 10_000 else str(n)


def _submitter(support_request, actor, world: _World):
    """A joint request is submitted by the government it is made with (its agreement), once the
    secretariat has verified that government."""
    joint = support_request.joint_with
    if joint is None:
        return actor
    _verify(joint, world.broker)
    return (
        User.objects.filter(
            memberships__organisation=joint,
            memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        )
        .order_by("pk")
        .first()
    )


def _play(story: str, need: str, support_request, data, actor, world: _World) -> None:
    """Take the request through its story, as the requester and the secretariat would."""
    if story == DRAFT:
        return
    language, broker = support_request.language, world.broker
    actor = _submitter(support_request, actor, world)
    support_request = services.request_submit(actor=actor, support_request=support_request)
    if story == SUBMITTED:
        return
    if story == WITHDRAWN_WAITING:
        services.request_withdraw(
            actor=actor, support_request=support_request, reason=WITHDRAWALS[language]
        )
        return
    if story == ADVICE:
        services.request_review(
            actor=broker,
            support_request=support_request,
            outcome=ReviewOutcome.ADVICE,
            note=_note(ADVICES, need, language),
        )
        return
    if story in (QUESTION, ANSWERED):
        support_request = services.request_review(
            actor=broker,
            support_request=support_request,
            outcome=ReviewOutcome.CLARIFICATION,
            note=_note(QUESTIONS, need, language),
        )
        if story == QUESTION:
            return
        data.description = f"{data.description}\n\n{_note(ANSWERS, need, language)}"
        support_request = services.request_update(
            actor=actor, support_request=support_request, data=data
        )
        support_request = services.request_submit(actor=actor, support_request=support_request)
    support_request = services.request_review(
        actor=broker, support_request=support_request, outcome=ReviewOutcome.ACCEPTED, note=""
    )
    if story == WITHDRAWN:
        services.request_withdraw(
            actor=actor, support_request=support_request, reason=WITHDRAWALS[language]
        )
    elif story == CLOSED:
        services.request_close(
            actor=actor, support_request=support_request, reason=CLOSINGS[language]
        )


def _from_gap(world: _World, slug, actor, currency, languages, story, key) -> None:
    """A request pre-filled from the largest-priority gap of the latest published assessment."""
    organisation = world.organisations[slug]
    assessment = (
        Assessment.objects.filter(organisation=organisation, status=AssessmentStatus.PUBLISHED)
        .order_by("-published_at")
        .first()
    )
    if assessment is None:  # the assessments step did not run
        return
    answers = [
        answer
        for answer in AgreedAnswer.objects.filter(assessment=assessment)
        .select_related("indicator__sub_area")
        .order_by("indicator__position")
        if answer.gap and answer.gap > 0 and answer.indicator.capacity_areas.exists()
    ]
    if not answers:
        return
    answer = min(answers, key=lambda a: ({"high": 0, "medium": 1}.get(a.priority, 2), -a.gap))
    indicator = answer.indicator
    draft = request_draft_from_gap(actor=actor, assessment=assessment, indicator=indicator)
    _verify(organisation, world.broker)
    rng = random.Random(f"passerelle-demo:hub:{key}")
    with translation.override(draft.language):
        sub_area = str(indicator.sub_area.name)
    scope = draft.scope if draft.scope in R.values else R.NATIONAL
    title, follow_up, peers = GAP_TEXT[draft.language]
    follow_up = follow_up.format(peer=peers.get(scope, peers["national"]))
    starts_on, ends_on = _timeframe(rng, world.today)
    data = services.RequestData(
        title=title.format(sub_area=sub_area),
        description=f"{draft.description}\n\n{follow_up}",
        language=draft.language,
        capacity_areas=draft.capacity_areas,
        gcm_objectives=draft.gcm_objectives,
        scope=scope,
        country=draft.country,
        modality=rng.choice((M.HYBRID, M.REMOTE)),
        working_languages=list(languages),
        starts_on=starts_on,
        ends_on=ends_on,
        support_types=[S.TECHNICAL_ASSISTANCE, S.PEER_EXCHANGE],
        requirements=_requirements(GAP_LINES, draft.language, currency, rng),
    )
    support_request = services.request_create(
        actor=actor,
        organisation=organisation,
        data=data,
        submission_key=key,
        source_assessment=assessment,
        source_indicator=indicator,
    )
    _play(story, "gap", support_request, data, actor, world)


def _verify(organisation: Organisation, broker: User) -> None:
    """A government must be verified before it requests support: its administrator asks, the
    secretariat checks the mandate. The assessments step verifies its governments already; this
    does the rest (and anything a rerun of the accounts step reset)."""
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


# --- Organisations and people --------------------------------------------------------------------


def _organisations_and_people(context: DemoContext) -> None:
    add_demo_organisations(ORGANISATIONS)
    add_demo_members(context, PEOPLE)


# --- Offers --------------------------------------------------------------------------------------

# Providers the other steps do not create. slug, name, acronym, type, country, description,
# language of the description.
PROVIDERS = [
    (
        "demo-ilo-fair-recruitment",
        "ILO Regional Office for Asia and the Pacific — Fair Recruitment Initiative",
        "ILO",
        T.UN_AGENCY,
        "THA",
        "Fair recruitment, labour migration governance and skills recognition in Asia and the "
        "Pacific.",
        "en",
    ),
    (
        "demo-unodc-sahel",
        "ONUDC — Programme Sahel",
        "ONUDC",
        T.UN_AGENCY,
        "SEN",
        "Lutte contre la traite des personnes et le trafic illicite de migrants au Sahel et en "
        "Afrique de l'Ouest.",
        "fr",
    ),
    (
        "demo-undp-pacific",
        "UNDP Pacific Office — Climate Security and Mobility",
        "UNDP",
        T.UN_AGENCY,
        "FJI",
        "Climate adaptation, human mobility and access to climate finance for Pacific island "
        "countries.",
        "en",
    ),
    (
        "demo-canada-ircc",
        "Immigration, Refugees and Citizenship Canada — International Cooperation",
        "IRCC",
        T.NATIONAL_GOVERNMENT,
        "CAN",
        "Shares Canada's experience of immigration, settlement and credential recognition with "
        "partner governments.",
        "en",
    ),
    (
        "demo-france-ofii",
        "Office français de l'immigration et de l'intégration",
        "OFII",
        T.NATIONAL_GOVERNMENT,
        "FRA",
        "Accueil et intégration des étrangers, aide au retour volontaire et à la réinsertion.",
        "fr",
    ),
    (
        "demo-colombia-migracion",
        "Migración Colombia — Oficina de Cooperación Internacional",
        "",
        T.NATIONAL_GOVERNMENT,
        "COL",
        "Autoridad migratoria: control fronterizo, registro y regularización de personas "
        "migrantes.",
        "es",
    ),
    (
        "demo-korea-eps",
        "Ministry of Employment and Labor, Republic of Korea — Employment Permit System",
        "EPS",
        T.NATIONAL_GOVERNMENT,
        "KOR",
        "Government-to-government recruitment of foreign workers under the Employment Permit "
        "System.",
        "en",
    ),
    (
        "demo-mexico-ime",
        "Instituto de los Mexicanos en el Exterior",
        "IME",
        T.NATIONAL_GOVERNMENT,
        "MEX",
        "Atención a la comunidad mexicana en el exterior a través de la red consular.",
        "es",
    ),
    (
        "demo-red-frontera",
        "Red Frontera Solidaria",
        "",
        T.CIVIL_SOCIETY,
        "MEX",
        "Red de albergues y organizaciones que acompañan a personas migrantes en México.",
        "es",
    ),
    (
        "demo-forensic-team",
        "Equipo Latinoamericano de Antropología Forense",
        "ELAF",
        T.CIVIL_SOCIETY,
        "ARG",
        "Búsqueda e identificación de personas desaparecidas, junto con sus familias.",
        "es",
    ),
    (
        "demo-atd-network",
        "Community Alternatives to Detention Network",
        "CADN",
        T.CIVIL_SOCIETY,
        "GBR",
        "Helps governments and civil society pilot community-based alternatives to immigration "
        "detention.",
        "en",
    ),
    (
        "demo-sahel-migrations",
        "Association Sahel Migrations et Développement",
        "ASMD",
        T.CIVIL_SOCIETY,
        "MLI",
        "Accompagnement des migrants de retour et information des jeunes dans les zones de départ.",
        "fr",
    ),
    (
        "demo-talentbridge",
        "TalentBridge Ethical Recruitment",
        "",
        T.PRIVATE_SECTOR,
        "GBR",
        "Audits of recruitment agencies and ethical recruitment services for employers.",
        "en",
    ),
    (
        "demo-datanube",
        "DataNube Soluciones",
        "",
        T.PRIVATE_SECTOR,
        "COL",
        "Plataformas de datos y software para las administraciones públicas.",
        "es",
    ),
    (
        "demo-civitech-afrique",
        "CiviTech Afrique",
        "",
        T.PRIVATE_SECTOR,
        "SEN",
        "Logiciels d'état civil, d'identité et de registre consulaire pour les administrations.",
        "fr",
    ),
    (
        "demo-fondation-horizons",
        "Fondation Horizons Solidaires",
        "",
        T.FOUNDATION,
        "CHE",
        "Finance des projets d'inclusion, de cohésion sociale et d'adaptation au climat.",
        "fr",
    ),
    (
        "demo-pacific-futures-fund",
        "Pacific Futures Fund",
        "PFF",
        T.FOUNDATION,
        "AUS",
        "Grants for Pacific communities facing climate change, and for research on labour "
        "mobility.",
        "en",
    ),
    (
        "demo-ucad-migrations",
        "Université Cheikh Anta Diop — Laboratoire d'études des migrations",
        "",
        T.ACADEMIA,
        "SEN",
        "Enquêtes et recherches sur les migrations au Sénégal et en Afrique de l'Ouest.",
        "fr",
    ),
    (
        "demo-usp-climate-mobility",
        "University of the South Pacific — Climate Mobility Research Hub",
        "USP",
        T.ACADEMIA,
        "FJI",
        "Research on climate-related migration, displacement and planned relocation in the "
        "Pacific.",
        "en",
    ),
    (
        "demo-observatorio-movilidad",
        "Universidad del Pacífico Sur — Observatorio de Movilidad Humana",
        "",
        T.ACADEMIA,
        "CHL",
        "Investigación aplicada sobre migración y movilidad humana en América Latina.",
        "es",
    ),
    (
        "demo-filipino-nurses-uk",
        "Filipino Nurses Association UK",
        "FNA-UK",
        T.DIASPORA_ORGANISATION,
        "GBR",
        "Network of Filipino nurses and care workers in the United Kingdom.",
        "en",
    ),
    (
        "demo-moldovans-italy",
        "Association of Moldovan Professionals in Italy",
        "AMPI",
        T.DIASPORA_ORGANISATION,
        "ITA",
        "Moldovan professionals and community associations across northern Italy.",
        "en",
    ),
    (
        "demo-ecuatorianos-espana",
        "Red de Profesionales Ecuatorianos en España",
        "",
        T.DIASPORA_ORGANISATION,
        "ESP",
        "Profesionales ecuatorianos en España que colaboran con su país de origen.",
        "es",
    ),
    (
        "demo-guatemaltecos-eeuu",
        "Alianza de Guatemaltecos en Estados Unidos",
        "",
        T.DIASPORA_ORGANISATION,
        "USA",
        "Organizaciones guatemaltecas en Estados Unidos que apoyan a sus comunidades de origen.",
        "es",
    ),
    (
        "demo-nepali-workers-qatar",
        "Nepali Migrant Workers' Network Qatar",
        "",
        T.MIGRANT_ORGANISATION,
        "QAT",
        "Volunteers who support Nepali workers in Qatar, from arrival to return.",
        "en",
    ),
]

# Who writes the offers: email local part, full name, organisation slug, role. A government's
# administrator asks for its verification; individual diaspora experts belong to no organisation.
PROVIDER_PEOPLE = [
    ("ilo", "Priya Raman", "demo-ilo-fair-recruitment", MembershipRole.EDITOR),
    ("unodc", "Jean-Baptiste Kaboré", "demo-unodc-sahel", MembershipRole.EDITOR),
    ("undp.pacific", "Mereoni Baleiwai", "demo-undp-pacific", MembershipRole.EDITOR),
    ("ircc", "Daniel Gagnon", "demo-canada-ircc", MembershipRole.ADMIN),
    ("ofii", "Claire Martin", "demo-france-ofii", MembershipRole.ADMIN),
    ("migracion.colombia", "Andrés Gómez", "demo-colombia-migracion", MembershipRole.ADMIN),
    ("eps.korea", "Kim Ji-won", "demo-korea-eps", MembershipRole.ADMIN),
    ("ime.mexico", "Rosa Villalobos", "demo-mexico-ime", MembershipRole.ADMIN),
    ("frontera", "Mariana Castillo", "demo-red-frontera", MembershipRole.EDITOR),
    ("forense", "Valeria Duarte", "demo-forensic-team", MembershipRole.EDITOR),
    ("atd.network", "Sarah Whitfield", "demo-atd-network", MembershipRole.EDITOR),
    ("sahel.migrations", "Adama Coulibaly", "demo-sahel-migrations", MembershipRole.EDITOR),
    ("talentbridge", "Raj Patel", "demo-talentbridge", MembershipRole.EDITOR),
    ("datanube", "Sofía Herrera", "demo-datanube", MembershipRole.EDITOR),
    ("civitech", "Cheikh Mbaye", "demo-civitech-afrique", MembershipRole.EDITOR),
    ("horizons", "Isabelle Favre", "demo-fondation-horizons", MembershipRole.EDITOR),
    ("pacific.fund", "Hannah Brooks", "demo-pacific-futures-fund", MembershipRole.EDITOR),
    ("ucad", "Mame Diarra Faye", "demo-ucad-migrations", MembershipRole.EDITOR),
    ("usp", "Ana Tuivaga", "demo-usp-climate-mobility", MembershipRole.EDITOR),
    ("observatorio", "Tomás Aravena", "demo-observatorio-movilidad", MembershipRole.EDITOR),
    ("fnauk", "Marites Dela Cruz", "demo-filipino-nurses-uk", MembershipRole.EDITOR),
    ("moldovans.italy", "Andrei Lungu", "demo-moldovans-italy", MembershipRole.EDITOR),
    ("ecuatorianos", "Verónica Quishpe", "demo-ecuatorianos-espana", MembershipRole.EDITOR),
    ("alianza.gt", "Ricardo Xol", "demo-guatemaltecos-eeuu", MembershipRole.EDITOR),
    ("nepali.qatar", "Bishnu Tamang", "demo-nepali-workers-qatar", MembershipRole.EDITOR),
    # Editors of organisations the accounts step creates.
    ("training.icmpd", "Lukas Novak", "demo-icmpd", MembershipRole.EDITOR),
    ("corridors.remitco", "Brian Otieno", "demo-remitco", MembershipRole.EDITOR),
    ("grants.fmd", "Pilar Sánchez", "demo-mobility-foundation", MembershipRole.EDITOR),
    ("rights.ituc", "Adjoa Lawson", "demo-ituc-africa", MembershipRole.EDITOR),
    ("amwn", "Rosalinda Bautista", "demo-migrant-workers-hk", MembershipRole.EDITOR),
    ("cndh", "Hicham Tazi", "demo-cndh-maroc", MembershipRole.EDITOR),
    ("voices", "Lena Hoffmann", "demo-migrant-voices-media", MembershipRole.EDITOR),
    # Diaspora experts offering in their own name.
    ("expert.diallo", "Mamadou Diallo", None, None),
    ("expert.haddou", "Leïla Haddou", None, None),
    ("expert.villanueva", "Carlo Villanueva", None, None),
    ("expert.ceban", "Natalia Ceban", None, None),
    ("expert.adeyemi", "Tunde Adeyemi", None, None),
    ("expert.fonua", "Sione Fonua", None, None),
    ("expert.mendoza", "Luis Mendoza", None, None),
    ("expert.reyes", "Gabriela Reyes", None, None),
    ("expert.quispe", "Yolanda Quispe", None, None),
]

C = CostBasis


@dataclass(frozen=True)
class Offering:
    """An offer, written once in its language by `actor` for `provider` (an organisation's slug;
    None: the actor offers in their own name). `where`: ISO3 country codes and M49 region codes,
    "*" for anywhere. Available from `starts` days from today (before today if negative) for
    `months` (None: until further notice). `answers` names the request it answers (its
    organisation, need and language); `story`, the status it ends in, with the provider's
    `reason` for a withdrawal or a closure."""

    key: str
    provider: str | None
    actor: str
    language: str
    title: str
    description: str
    areas: tuple[str, ...]
    gcm: tuple[int, ...]
    support: tuple[str, ...]
    modality: str
    where: tuple[str, ...]
    languages: tuple[str, ...]
    starts: int = 0
    months: int | None = None
    engagements: int = 1
    days: int | None = None
    cost: str = C.FREE
    money: tuple[int, str] | None = None
    answers: tuple[str, str, str] | None = None
    story: str = OfferStatus.PUBLISHED
    reason: str = ""


OFFERS = [
    # --- In English ---
    Offering(
        "iom-data-observatory", "demo-iom-dakar", "iom", "en",
        "Technical support for national migration data observatories",
        "Our regional data team has helped several West and Central African governments bring "
        "the institutions that produce migration statistics around one table. We can support the "
        "design of an observatory, the harmonisation of definitions with the national statistics "
        "office and the preparation of the first statistical bulletin. Two data officers are "
        "available for missions, and we cover their travel.",
        areas=("DATA",), gcm=(1,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.RESEARCH),
        modality=M.HYBRID, where=("011", "017"), languages=("en", "fr"),
        starts=-20, months=18, engagements=3, days=90,
    ),
    Offering(
        "iom-reintegration-training", "demo-iom-dakar", "iom", "en",
        "Reintegration counselling and referral: a course for caseworkers",
        "We train caseworkers from ministries, municipalities and NGOs to counsel returnees and "
        "refer them to economic, social and psychosocial support, following the IOM "
        "reintegration handbook. The course also covers follow-up visits and the protection of "
        "personal data. We share our case management forms and can help adapt them to a "
        "national system.",
        areas=("COORD", "CONS"), gcm=(21,), support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modality=M.IN_PERSON, where=("011", "017"), languages=("en", "fr", "pt"),
        starts=15, months=12, engagements=2, days=40,
    ),
    Offering(
        "icmpd-free-movement", "demo-icmpd", "training.icmpd", "en",
        "Border management experts for pilot joint border posts",
        "In answer to the Commission's request, ICMPD can deploy two senior experts in integrated "
        "border management for up to eight months to help agree common data standards between "
        "the pilot joint border posts. Our team has connected border information systems in the "
        "Western Balkans and the Sahel and would draw on that experience. We would also deliver a "
        "two-day module on travellers' rights under the free movement protocol at each post.",
        areas=("BORD", "COORD"), gcm=(11, 23),
        support=(S.EXPERT_DEPLOYMENT, S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.IN_PERSON, where=("011",), languages=("en", "fr", "pt"),
        starts=20, months=14, days=160, cost=C.CO_FUNDED,
        answers=("demo-ecowas-commission", "free-movement", "en"),
    ),
    Offering(
        "icmpd-coordination", "demo-icmpd", "training.icmpd", "en",
        "Study visits on whole-of-government migration governance",
        "We organise study visits for members of inter-ministerial migration committees to "
        "countries that run a permanent coordination structure with its own secretariat. "
        "Participants see how work plans are monitored and how local authorities and civil "
        "society are consulted, and we facilitate follow-up exchanges online for six months.",
        areas=("WGWS",), gcm=(23,), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("002", "142", "150"), languages=("en", "fr", "ru"),
        starts=30, months=24, engagements=4, days=60, cost=C.CO_FUNDED,
    ),
    Offering(
        "ilo-fair-recruitment", "demo-ilo-fair-recruitment", "ilo", "en",
        "Employer-pays principle: revising the licensing of recruitment agencies",
        "Responding to the Department's request, the Fair Recruitment Initiative can review the "
        "draft licensing rules against the ILO General Principles and Operational Guidelines for "
        "Fair Recruitment. We would adapt our training package for labour inspectors who "
        "investigate complaints about recruitment fees. We can also connect the Department with "
        "inspectors in Sri Lanka and the Philippines who have run agency rating schemes, and "
        "cover the officials' travel to that exchange.",
        areas=("OBLIG", "COORD"), gcm=(6,),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.PEER_EXCHANGE),
        modality=M.HYBRID, where=("034", "035"), languages=("en", "ne"),
        starts=0, months=24, engagements=3, days=45,
        answers=("demo-nepal-dofe", "ethical-recruitment", "en"),
    ),
    Offering(
        "ilo-skills-recognition", "demo-ilo-fair-recruitment", "ilo", "en",
        "Recognition of prior learning for returning migrant workers",
        "We help labour ministries and training authorities recognise the skills that returning "
        "migrant workers learnt on the job, from choosing the priority trades to assessment "
        "tools and certificates. We can share what worked in Bangladesh, Nepal and Sri Lanka, "
        "and support a comparison of qualification frameworks with the main destination "
        "countries.",
        areas=("COORD",), gcm=(18,), support=(S.TECHNICAL_ASSISTANCE, S.RESEARCH),
        modality=M.REMOTE, where=("142", "009"), languages=("en",),
        starts=-10, engagements=2, days=30,
    ),
    Offering(
        "undp-adaptation-mobility", "demo-undp-pacific", "undp.pacific", "en",
        "Human mobility in national adaptation plans",
        "The UNDP Pacific Office supports governments in bringing displacement, migration and "
        "planned relocation into their national adaptation plans and climate finance proposals. "
        "We can second a climate mobility specialist to a ministry for up to six months, and help "
        "prepare a proposal to the Green Climate Fund or the Adaptation Fund.",
        areas=("WGWS", "DATA"), gcm=(2,), support=(S.EXPERT_DEPLOYMENT, S.TECHNICAL_ASSISTANCE),
        modality=M.IN_PERSON, where=("009",), languages=("en", "fr"),
        starts=45, months=18, engagements=2, days=120,
    ),
    Offering(
        "pff-relocation-grant", "demo-pacific-futures-fund", "pacific.fund", "en",
        "Grant for community consultations on planned relocation",
        "We read the Ministry's request with great interest: community consultation is exactly "
        "what our climate mobility window funds. We can offer a grant of up to AUD 250,000 over "
        "eighteen months to map the communities at risk and hold village consultations before any "
        "relocation is decided. Part of the budget is reserved for facilitators chosen by the "
        "communities themselves.",
        areas=("DATA", "WGWS"), gcm=(2,), support=(S.FUNDING,),
        modality=M.REMOTE, where=("FJI", "054"), languages=("en", "fj"),
        starts=10, months=18, money=(250_000, "AUD"),
        answers=("demo-fiji-economy", "climate-displacement", "en"),
    ),
    Offering(
        "pff-research-grants", "demo-pacific-futures-fund", "pacific.fund", "en",
        "Small research grants on Pacific labour mobility",
        "Each year we fund three or four studies by Pacific researchers on seasonal work schemes "
        "in Australia and New Zealand: recruitment, working conditions, remittances and the "
        "effects on families at home. Grants are paid to a university or a government research "
        "unit.",
        areas=("COORD", "DATA"), gcm=(5, 6), support=(S.FUNDING, S.RESEARCH),
        modality=M.REMOTE, where=("009",), languages=("en",),
        starts=-120, months=6, engagements=4, money=(60_000, "AUD"),
        story=OfferStatus.CLOSED, reason="This year's round is fully committed.",
    ),
    Offering(
        "usp-relocation-research", "demo-usp-climate-mobility", "usp", "en",
        "Research partnership on planned relocation and community wellbeing",
        "Our researchers have followed relocated villages in Fiji, Solomon Islands and Vanuatu "
        "for over a decade. We offer to design and run household surveys with communities that "
        "are considering relocation, analyse the results together with the government and train "
        "local enumerators. Findings are returned to the communities in their own language.",
        areas=("DATA", "WGWS"), gcm=(2, 1), support=(S.RESEARCH, S.TRAINING),
        modality=M.IN_PERSON, where=("009",), languages=("en", "fj", "hi"),
        starts=30, months=24, engagements=2, days=80, cost=C.CO_FUNDED,
    ),
    Offering(
        "korea-eps-study-visit", "demo-korea-eps", "eps.korea", "en",
        "Study visit: the labour migration database of the Employment Permit System",
        "Korea's Employment Permit System links work permits, employers' demand and social "
        "insurance records in one database, and workers can follow their application online. We "
        "invite the Ministry's analysts and IT staff to a one-week study visit to the EPS centre, "
        "followed by remote exchanges on data architecture and labour market tests. "
        "Accommodation and local transport in Korea are covered; international travel is not.",
        areas=("DATA", "COORD"), gcm=(1, 5), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.IN_PERSON, where=("142",), languages=("en", "ko"),
        starts=25, months=12, engagements=3, days=20, cost=C.CO_FUNDED,
        answers=("demo-jordan-labour", "labour-market-info", "en"),
    ),
    Offering(
        "ircc-credential-recognition", "demo-canada-ircc", "ircc", "en",
        "Foreign credential recognition: what Canada has learnt",
        "Canada funds pre-arrival services and the bodies that assess foreign credentials for "
        "regulated professions. We can explain how assessments, bridging programmes and "
        "information for newcomers are organised across the provinces, and support the design of "
        "a recognition procedure through a series of online workshops.",
        areas=("COORD",), gcm=(18,), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("*",), languages=("en", "fr"),
        starts=0, engagements=4, days=25,
    ),
    Offering(
        "talentbridge-agency-audits", "demo-talentbridge", "talentbridge", "en",
        "Ethical recruitment audits of private agencies",
        "TalentBridge audits recruitment agencies against the employer-pays principle and the "
        "IRIS standard. We can train your inspectors in our audit method and carry out joint "
        "pilot audits of ten agencies, with the findings shared with the licensing authority. "
        "Part of our fee is covered by the employers in our network.",
        areas=("OBLIG",), gcm=(6,), support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modality=M.IN_PERSON, where=("034", "035", "145"), languages=("en",),
        starts=15, months=12, engagements=2, days=40, cost=C.PAID,
    ),
    Offering(
        "remitco-corridors", "demo-remitco", "corridors.remitco", "en",
        "Remittance corridor costs and mobile money pilots",
        "RemitCo runs low-cost mobile remittance corridors from the Gulf and Europe to East "
        "Africa and South Asia. We can share anonymised pricing data by corridor, help the "
        "central bank review the rules that slow down the licensing of mobile money operators, "
        "and run a six-month pilot with reduced fees for the workers of one corridor.",
        areas=("COORD", "DATA"), gcm=(20,), support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("014", "034", "145"), languages=("en", "sw", "ne"),
        starts=0, months=12, engagements=2, days=30,
    ),
    Offering(
        "remitco-financial-app", "demo-remitco", "corridors.remitco", "en",
        "A financial literacy app for migrant workers",
        "We are preparing a free app that explains fees and exchange rates and helps workers "
        "save for a goal at home. Ministries could add their own pre-departure content to it.",
        areas=("COORD",), gcm=(20, 3), support=(S.IN_KIND,),
        modality=M.REMOTE, where=("014", "034"), languages=("en", "sw"),
        starts=90, story=OfferStatus.DRAFT,
    ),
    Offering(
        "fnauk-nurse-trainers", "demo-filipino-nurses-uk", "fnauk", "en",
        "Diaspora and returnee nurses as pre-departure trainers",
        "Our members are Filipino nurses who have worked in the United Kingdom, the Gulf and "
        "Singapore. Volunteers can help revise the pre-departure modules for health workers, "
        "record short testimonies about rights at work and join monthly online sessions with "
        "nurses who are about to leave.",
        areas=("WGWS", "OBLIG"), gcm=(3,), support=(S.TRAINING, S.PEER_EXCHANGE),
        modality=M.REMOTE, where=("PHL",), languages=("en", "tl"),
        starts=0, engagements=3, days=30,
    ),
    Offering(
        "moldovans-italy-survey", "demo-moldovans-italy", "moldovans.italy", "en",
        "Reaching Moldovan professionals in Italy for the diaspora skills survey",
        "Our association has about 2,400 members across northern Italy, from doctors and "
        "engineers to care workers who trained as teachers. We can pilot the Bureau's skills "
        "survey with our members, translate it into Italian for the second generation and "
        "promote it through community associations and parishes. Several members with survey "
        "and data protection experience are ready to help design the roster.",
        areas=("WGWS", "DATA"), gcm=(19,), support=(S.RESEARCH, S.PEER_EXCHANGE),
        modality=M.REMOTE, where=("MDA", "ITA"), languages=("ro", "en", "it"),
        starts=0, months=12, days=35,
        answers=("demo-moldova-diaspora", "diaspora-skills", "en"),
    ),
    Offering(
        "nepali-qatar-orientation", "demo-nepali-workers-qatar", "nepali.qatar", "en",
        "Worker-to-worker orientation for Nepali migrants",
        "Our volunteers meet newly arrived Nepali workers at the airport and in labour camps and "
        "explain how to report a confiscated passport or unpaid wages. We can share what workers "
        "tell us they needed to know before leaving, and help revise pre-departure training with "
        "real cases. Two of our coordinators can travel to Kathmandu for the curriculum "
        "workshops.",
        areas=("CONS", "OBLIG"), gcm=(3, 6), support=(S.PEER_EXCHANGE, S.TRAINING),
        modality=M.HYBRID, where=("NPL", "QAT"), languages=("ne", "en"),
        starts=10, days=15,
    ),
    Offering(
        "amwn-peer-educators", "demo-migrant-workers-hk", "amwn", "en",
        "Domestic workers' rights training by migrant peer educators",
        "Our peer educators are domestic workers who have learnt employment law the hard way. "
        "They run Sunday workshops on contracts, rest days, agency fees and what to do when an "
        "employer keeps a passport, and we can train educators for other countries' networks.",
        areas=("OBLIG",), gcm=(6, 16), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("030", "035"), languages=("en", "tl", "id"),
        starts=0, engagements=2, days=20,
    ),
    Offering(
        "voices-fact-checking", "demo-migrant-voices-media", "voices", "en",
        "Fact-checking workshops on migration for local journalists",
        "Migrant Voices trains local reporters and newsroom editors to check claims about "
        "migration, find migrant sources and avoid the words that fuel hostility. After the "
        "workshops, we mentor a small team that answers rumours circulating on social media.",
        areas=("OBLIG", "WGWS"), gcm=(17,), support=(S.TRAINING,),
        modality=M.HYBRID, where=("150", "021"), languages=("en", "de", "fr"),
        starts=30, months=12, engagements=3, days=24, cost=C.CO_FUNDED,
    ),
    Offering(
        "ituc-migrant-rights", "demo-ituc-africa", "rights.ituc", "en",
        "Trade union training on migrant workers' rights",
        "ITUC-Africa trains union organisers to welcome migrant workers into their unions and to "
        "use the ILO conventions on migrant workers and on domestic work. We can also bring "
        "unions from countries of origin and destination together to agree on joint support for "
        "workers who move between them.",
        areas=("OBLIG", "COORD"), gcm=(6, 22), support=(S.TRAINING, S.PEER_EXCHANGE),
        modality=M.IN_PERSON, where=("002",), languages=("en", "fr", "pt"),
        starts=40, months=18, engagements=3, days=30,
    ),
    Offering(
        "atd-community-case-management", "demo-atd-network", "atd.network", "en",
        "Alternatives to immigration detention: community-based case management",
        "Our network has helped governments in Europe, Asia and the Americas pilot alternatives "
        "to immigration detention, in which caseworkers support people and families, children "
        "included, in the community while their case is examined. We offer mentoring for the "
        "pilot team, our case management toolkit and help to design an independent evaluation "
        "after the first year.",
        areas=("WGWS",), gcm=(7,),
        support=(S.TECHNICAL_ASSISTANCE, S.TRAINING, S.PEER_EXCHANGE),
        modality=M.HYBRID, where=("*",), languages=("en", "es"),
        starts=0, engagements=3, days=50,
    ),
    Offering(
        "villanueva-pre-departure", None, "expert.villanueva", "en",
        "Former labour attaché: revising pre-departure orientation",
        "I served as a labour attaché in Riyadh and Hong Kong for twelve years and now live in "
        "Toronto. I would gladly help revise the orientation curriculum with returnees, "
        "especially the modules on passport retention, contract substitution and how to reach "
        "the embassy. I can work remotely and spend three weeks in Manila.",
        areas=("CONS", "OBLIG"), gcm=(3, 6), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.HYBRID, where=("PHL",), languages=("en", "tl"),
        starts=20, months=12, days=25,
        answers=("demo-philippines-dmw", "pre-departure", "en"),
    ),
    Offering(
        "villanueva-contingency", None, "expert.villanueva", "en",
        "Contingency planning for embassies in the Gulf",
        "During two crises in the Gulf I helped our embassy locate workers, negotiate with "
        "employers and organise repatriation flights. I can help a ministry write contingency "
        "plans for its missions and prepare a simulation exercise with their staff.",
        areas=("CONS", "COORD"), gcm=(7, 14), support=(S.TECHNICAL_ASSISTANCE,),
        modality=M.REMOTE, where=("034", "035", "002"), languages=("en", "tl"),
        starts=60, days=15,
    ),
    Offering(
        "ceban-remittances", None, "expert.ceban", "en",
        "Economic analysis of remittances and diaspora investment",
        "I am a Moldovan economist working on payment services for migrants at a bank in Milan. "
        "In my own time, I can help a ministry analyse remittance flows, compare the cost of "
        "corridors and design savings or investment products for diaspora families. I can give "
        "about fifteen days a year, remotely, in Romanian, Italian, English or Russian.",
        areas=("DATA", "COORD"), gcm=(20, 19), support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("151", "039"), languages=("ro", "it", "en", "ru"),
        starts=0, days=15,
    ),
    Offering(
        "adeyemi-statistics", None, "expert.adeyemi", "en",
        "Volunteer data scientist for migration statistics and dashboards",
        "I am a Nigerian-born data scientist at a London university and have worked with "
        "statistics offices on the migration questions of their censuses. I can review data "
        "sources, help agree common indicators and build a simple dashboard for an annual "
        "migration bulletin. I prefer to work remotely, with one short visit for missions in "
        "West Africa.",
        areas=("DATA",), gcm=(1,), support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.REMOTE, where=("002", "009"), languages=("en", "yo"),
        starts=0, months=24, days=20,
    ),
    Offering(
        "fonua-relocation-guidelines", None, "expert.fonua", "en",
        "Pacific planner: from relocation guidelines to village consultations",
        "I am a Tongan planner based in Auckland and helped draft planned relocation guidelines "
        "and village consultation protocols in the region. I can help a ministry turn national "
        "guidelines into standard operating procedures and train provincial officers to "
        "facilitate consultations with the families concerned.",
        areas=("WGWS",), gcm=(2,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.HYBRID, where=("009",), languages=("en", "to"),
        starts=30, months=12, days=30,
    ),
    Offering(
        "dmw-study-visit", "demo-philippines-dmw", "focal.philippines", "en",
        "Study visit: how the Philippines protects its workers abroad",
        "The Department of Migrant Workers welcomes delegations from other countries of origin "
        "who want to see how pre-departure orientation, welfare officers in embassies and the "
        "repatriation fund work together. We can host a five-day study visit in Manila and share "
        "our curricula and training materials.",
        areas=("CONS", "OBLIG"), gcm=(3, 7), support=(S.PEER_EXCHANGE,),
        modality=M.IN_PERSON, where=("142", "002"), languages=("en",),
        starts=60, months=12, engagements=3,
    ),
    # --- En français ---
    Offering(
        "unodc-referral-mechanism", "demo-unodc-sahel", "unodc", "fr",
        "Appui aux procédures du mécanisme national d'orientation des victimes de la traite",
        "En réponse à la demande du ministère, l'ONUDC peut accompagner la rédaction des "
        "procédures opérationnelles standard d'identification et d'orientation des victimes de la "
        "traite. Nous proposons trois ateliers de validation avec les services concernés, puis "
        "une formation de formateurs pour les inspecteurs du travail, la police et les "
        "travailleurs sociaux. Les frais des ateliers sont pris en charge par notre programme "
        "régional.",
        areas=("BORD", "OBLIG"), gcm=(10,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.IN_PERSON, where=("SEN", "011"), languages=("fr", "en"),
        starts=15, months=18, engagements=2, days=60,
        answers=("demo-senegal-interior", "anti-trafficking", "fr"),
    ),
    Offering(
        "unodc-smuggling-investigations", "demo-unodc-sahel", "unodc", "fr",
        "Former les enquêteurs au trafic illicite de migrants",
        "Nos formateurs préparent les enquêteurs de police et de gendarmerie à démanteler les "
        "réseaux de passeurs tout en protégeant les personnes migrantes, qui sont des témoins et "
        "non des coupables. Le cursus comprend des études de cas tirées de procédures réelles au "
        "Niger, au Mali et en Mauritanie, et un module sur l'entraide judiciaire.",
        areas=("BORD",), gcm=(9,), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("011", "015"), languages=("fr", "en", "ar"),
        starts=30, months=12, engagements=3, days=40,
    ),
    Offering(
        "ofii-reintegration", "demo-france-ofii", "ofii", "fr",
        "Aide à la réinsertion : nos outils et le financement de projets",
        "L'OFII accompagne chaque année plusieurs milliers de retours volontaires et finance des "
        "projets de réinsertion dans une trentaine de pays. Nous proposons de partager nos outils "
        "de suivi des bénéficiaires, d'accueillir une délégation à Paris et de former les "
        "opérateurs locaux qui montent les projets économiques des personnes de retour. Une "
        "enveloppe peut cofinancer les premiers projets.",
        areas=("COORD", "CONS"), gcm=(21,), support=(S.FUNDING, S.PEER_EXCHANGE, S.TRAINING),
        modality=M.HYBRID, where=("011", "015", "017"), languages=("fr",),
        starts=0, months=24, engagements=3, cost=C.CO_FUNDED, money=(150_000, "EUR"),
    ),
    Offering(
        "ofii-first-reception", "demo-france-ofii", "ofii", "fr",
        "Accueil des primo-arrivants : partage d'expérience",
        "Dans chacune de nos directions territoriales, les étrangers nouvellement admis passent "
        "un entretien individuel, une visite médicale et, si besoin, un test de langue, le même "
        "jour et au même endroit. Nous présentons ce parcours, ses indicateurs et ses limites aux "
        "administrations et aux villes qui conçoivent leur propre dispositif d'accueil.",
        areas=("WGWS",), gcm=(15, 16), support=(S.PEER_EXCHANGE,),
        modality=M.HYBRID, where=("*",), languages=("fr", "en"),
        starts=30, engagements=4,
    ),
    Offering(
        "ircc-settlement-services", "demo-canada-ircc", "ircc", "fr",
        "Les services d'établissement des nouveaux arrivants : l'expérience canadienne",
        "Le Canada finance plus de 500 organismes qui accueillent les nouveaux arrivants, les "
        "orientent vers les services publics et offrent des cours de langue. Nous pouvons "
        "présenter ce modèle, ses indicateurs de résultats et les leçons de son évaluation, et "
        "mettre des villes en relation avec des organismes canadiens prêts à recevoir des "
        "délégations.",
        areas=("WGWS",), gcm=(15, 16), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("*",), languages=("fr", "en"),
        starts=0, engagements=5, days=20,
    ),
    Offering(
        "montreal-welcome-desk", "demo-ville-de-montreal", "city.montreal", "fr",
        "Échange entre villes : le guichet unique d'accueil du BINAM",
        "En réponse à la demande de la Ville de Dakar, le Bureau d'intégration des nouveaux "
        "arrivants à Montréal propose un échange entre pairs sur la création d'un guichet unique "
        "municipal. Nous accueillerions deux agentes ou agents de la ville pendant une semaine, "
        "puis accompagnerions à distance la conception des parcours d'orientation et la "
        "formation du personnel d'accueil. Nous partagerons aussi nos fiches d'information "
        "multilingues et notre protocole d'interprétariat.",
        areas=("WGWS", "OBLIG"), gcm=(15, 16), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("SEN", "002"), languages=("fr", "en"),
        starts=20, months=18, engagements=2, days=20,
        answers=("demo-ville-de-dakar", "welcome-desk", "fr"),
    ),
    Offering(
        "caritas-legal-support", "demo-caritas-maroc", "ngo", "fr",
        "Former les travailleurs sociaux à l'accompagnement juridique des personnes migrantes",
        "Depuis quinze ans, nos équipes de Rabat, Casablanca et Tanger accompagnent des personnes "
        "migrantes dans leurs démarches de séjour, d'accès aux soins et de scolarisation des "
        "enfants. Nous proposons une formation de cinq jours aux travailleurs sociaux des "
        "associations et des services publics, avec nos fiches pratiques mises à jour.",
        areas=("OBLIG",), gcm=(7, 15), support=(S.TRAINING, S.PEER_EXCHANGE),
        modality=M.IN_PERSON, where=("MAR", "015"), languages=("fr", "ar"),
        starts=20, months=12, engagements=2, days=25,
    ),
    Offering(
        "caritas-unaccompanied-minors", "demo-caritas-maroc", "ngo", "fr",
        "Notre protocole d'accueil des mineurs non accompagnés",
        "Nous avons formalisé avec les services de protection de l'enfance un protocole "
        "d'accueil, d'évaluation de l'âge et d'orientation des mineurs non accompagnés. Nous "
        "pouvons le présenter aux associations et aux administrations d'autres pays de la région.",
        areas=("OBLIG",), gcm=(7,), support=(S.PEER_EXCHANGE,),
        modality=M.HYBRID, where=("015", "011"), languages=("fr", "ar", "es"),
        starts=10, months=12,
        story=OfferStatus.WITHDRAWN,
        reason="Le protocole est en cours de révision avec les autorités ; nous le proposerons "
        "de nouveau une fois validé.",
    ),
    Offering(
        "cndh-detention-monitoring", "demo-cndh-maroc", "cndh", "fr",
        "Surveiller les lieux où sont retenues des personnes migrantes",
        "Le CNDH visite régulièrement les lieux où des personnes migrantes sont privées de "
        "liberté, au titre du mécanisme national de prévention de la torture. Nous proposons de "
        "partager notre méthode de visite et nos grilles d'observation avec des institutions "
        "homologues, et de former leurs équipes lors d'une visite conjointe.",
        areas=("OBLIG",), gcm=(13,), support=(S.PEER_EXCHANGE, S.TRAINING),
        modality=M.IN_PERSON, where=("002",), languages=("fr", "ar", "en"),
        starts=45, months=12, engagements=2, days=15,
    ),
    Offering(
        "fasf-diaspora-skills", "demo-senegalese-diaspora-france", "diaspora", "fr",
        "Mobiliser les compétences de la diaspora sénégalaise de France",
        "Notre fédération regroupe plus de 80 associations et un annuaire de quelque 600 "
        "professionnels sénégalais installés en France : médecins, ingénieurs, enseignants, "
        "informaticiens. Nous pouvons relayer une enquête sur les compétences auprès de nos "
        "membres, organiser des missions courtes de volontaires et animer des rencontres avec les "
        "ministères à Paris et à Lyon.",
        areas=("WGWS",), gcm=(19,), support=(S.PEER_EXCHANGE, S.EXPERT_DEPLOYMENT),
        modality=M.HYBRID, where=("SEN",), languages=("fr", "wo"),
        starts=0, engagements=2, days=60,
    ),
    Offering(
        "civitech-consular-registry", "demo-civitech-afrique", "civitech", "fr",
        "Logiciel de registre consulaire et kits d'enrôlement",
        "CiviTech Afrique a développé un registre consulaire sécurisé, déjà utilisé par deux "
        "ministères en Afrique de l'Ouest et conforme aux lois sur la protection des données "
        "personnelles. Nous proposons de l'adapter à vos postes diplomatiques, de fournir des kits "
        "d'enrôlement (ordinateur, scanner, lecteur d'empreintes) aux postes pilotes et de former "
        "les agents consulaires. Le prix des licences est réduit de moitié pour les "
        "administrations publiques.",
        areas=("CONS", "DATA"), gcm=(4, 14),
        support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND, S.TRAINING),
        modality=M.HYBRID, where=("002",), languages=("fr", "en"),
        starts=0, months=24, engagements=3, days=40, cost=C.PAID,
    ),
    Offering(
        "civitech-border-systems", "demo-civitech-afrique", "civitech", "fr",
        "Interconnexion des systèmes d'information aux frontières",
        "Nous travaillons à un module d'échange de données entre les systèmes de contrôle aux "
        "frontières de pays voisins, sur la base de normes ouvertes. Il sera proposé aux postes "
        "frontaliers conjoints une fois les essais terminés.",
        areas=("BORD", "DATA"), gcm=(11,), support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND),
        modality=M.IN_PERSON, where=("011",), languages=("fr", "en"),
        starts=120, cost=C.PAID, story=OfferStatus.DRAFT,
    ),
    Offering(
        "ucad-observatory", "demo-ucad-migrations", "ucad", "fr",
        "Appui scientifique à un observatoire des migrations",
        "Le laboratoire conduit depuis quinze ans des enquêtes sur les migrations au Sénégal et "
        "dans la sous-région. Dans le cadre d'une convention de recherche, nous pouvons aider à "
        "harmoniser les définitions entre producteurs de données, concevoir le bulletin "
        "statistique annuel et former des agents des ministères à l'analyse.",
        areas=("DATA",), gcm=(1,), support=(S.RESEARCH, S.TRAINING),
        modality=M.IN_PERSON, where=("SEN", "011"), languages=("fr", "wo", "en"),
        starts=30, months=24, engagements=2, days=50, cost=C.CO_FUNDED,
    ),
    Offering(
        "ucad-coastal-mobility", "demo-ucad-migrations", "ucad", "fr",
        "Études sur les départs liés à l'érosion côtière",
        "Nos géographes et démographes suivent depuis 2015 les ménages de pêcheurs de la Langue "
        "de Barbarie et de Rufisque confrontés à l'avancée de la mer. Nous proposons de conduire "
        "des enquêtes auprès des quartiers menacés et d'aider les autorités à anticiper les "
        "déplacements et les relogements.",
        areas=("DATA", "WGWS"), gcm=(2,), support=(S.RESEARCH,),
        modality=M.IN_PERSON, where=("011",), languages=("fr", "wo"),
        starts=60, months=18, days=45, cost=C.CO_FUNDED,
    ),
    Offering(
        "ucad-diaspora-survey-methods", "demo-ucad-migrations", "ucad", "fr",
        "Former aux méthodes d'enquête auprès des diasporas",
        "Interroger une diaspora dispersée pose des problèmes propres : pas de base de sondage, "
        "des réponses en ligne biaisées, des données personnelles sensibles. Nous proposons un "
        "séminaire de méthode aux équipes qui préparent une cartographie des compétences de leur "
        "diaspora.",
        areas=("DATA", "WGWS"), gcm=(19, 1), support=(S.TRAINING, S.RESEARCH),
        modality=M.REMOTE, where=("002",), languages=("fr", "en"),
        starts=15, months=12, engagements=3, days=10,
    ),
    Offering(
        "horizons-anti-rumour", "demo-fondation-horizons", "horizons", "fr",
        "Subvention pour une campagne antirumeurs conçue avec les quartiers",
        "En réponse à la demande de la Ville de Montréal, la fondation peut soutenir une campagne "
        "antirumeurs fondée sur les données, conçue avec des associations de personnes migrantes, "
        "des médias locaux et des écoles. La subvention couvrirait les activités de quartier et "
        "la formation des animatrices et animateurs de dialogue pendant deux ans.",
        areas=("WGWS", "OBLIG"), gcm=(16, 17), support=(S.FUNDING,),
        modality=M.REMOTE, where=("CAN", "155"), languages=("fr", "en"),
        starts=30, months=24, money=(120_000, "CAD"),
        answers=("demo-ville-de-montreal", "social-cohesion", "fr"),
    ),
    Offering(
        "horizons-financial-education", "demo-fondation-horizons", "horizons", "fr",
        "Réduire le coût des transferts d'argent des travailleurs émigrés",
        "La fondation cofinance des campagnes d'éducation financière conçues avec la diaspora : "
        "comparer le coût des services de transfert, préférer les canaux numériques aux circuits "
        "informels, ouvrir un compte et épargner pour un projet. Nous partageons les supports "
        "déjà testés auprès des travailleurs népalais du Golfe et des familles sénégalaises.",
        areas=("WGWS",), gcm=(19,), support=(S.FUNDING, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("*",), languages=("fr", "en"),
        starts=0, months=24, engagements=3, money=(50_000, "EUR"),
    ),
    Offering(
        "horizons-coastal-relocation", "demo-fondation-horizons", "horizons", "fr",
        "Fonds pour les communautés côtières menacées de relogement",
        "Notre fonds climat soutient les collectivités qui préparent, avec les habitants, le "
        "relogement de quartiers exposés à l'érosion ou aux inondations. Il finance les "
        "diagnostics, la concertation et l'accompagnement social des familles, pas la "
        "construction.",
        areas=("WGWS", "DATA"), gcm=(2,), support=(S.FUNDING,),
        modality=M.REMOTE, where=("002", "009"), languages=("fr", "en"),
        starts=15, months=24, engagements=2, money=(200_000, "EUR"),
    ),
    Offering(
        "diallo-registry-architect", None, "expert.diallo", "fr",
        "Architecte de systèmes d'état civil, disponible pour un registre consulaire",
        "Ingénieur informaticien d'origine sénégalaise installé à Lyon, j'ai conçu des systèmes "
        "d'état civil et de gestion de l'identité pour plusieurs administrations en Europe et en "
        "Afrique. Je propose, à titre bénévole, d'aider la Direction à définir l'architecture du "
        "futur registre consulaire, son modèle de données et son interopérabilité avec l'état "
        "civil. Je peux y consacrer une trentaine de jours sur l'année, dont deux séjours à Dakar.",
        areas=("CONS", "DATA"), gcm=(4, 14),
        support=(S.TECHNICAL_ASSISTANCE, S.EXPERT_DEPLOYMENT),
        modality=M.HYBRID, where=("SEN", "011"), languages=("fr", "wo", "en"),
        starts=10, months=12, days=30,
        answers=("demo-senegal-dgase", "consular-registry", "fr"),
    ),
    Offering(
        "diallo-security-audit", None, "expert.diallo", "fr",
        "Audit de sécurité d'un système d'état civil",
        "Je peux relire l'architecture et les règles d'accès d'un système d'état civil ou "
        "d'identité et proposer les corrections prioritaires, en une dizaine de jours.",
        areas=("DATA", "CONS"), gcm=(4,), support=(S.TECHNICAL_ASSISTANCE,),
        modality=M.REMOTE, where=("002",), languages=("fr", "en"),
        starts=-90, months=6, days=10,
        story=OfferStatus.CLOSED, reason="Mes jours disponibles cette année sont déjà engagés.",
    ),
    Offering(
        "haddou-health-mediation", None, "expert.haddou", "fr",
        "Médecin de santé publique : former des médiateurs en santé",
        "Médecin de santé publique franco-marocaine, j'ai coordonné pendant huit ans un "
        "programme de médiation en santé auprès des personnes migrantes à Montpellier. Je peux "
        "former des médiatrices et médiateurs issus des communautés, aider à rédiger une "
        "information claire sur les droits aux soins et accompagner les équipes des centres de "
        "santé.",
        areas=("OBLIG", "WGWS"), gcm=(15,), support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("MAR", "155", "CAN"), languages=("fr", "ar", "en"),
        starts=30, months=12, days=20,
    ),
    Offering(
        "sahel-reintegration", "demo-sahel-migrations", "sahel.migrations", "fr",
        "Accompagnement psychosocial et économique des migrants de retour",
        "Notre association accueille à Bamako et à Kayes des jeunes revenus d'Algérie, de Libye "
        "ou d'Europe, souvent après un échec douloureux. Nos conseillers partagent leur méthode "
        "d'écoute, d'orientation vers une formation et de suivi des petites activités "
        "économiques, et peuvent accueillir des équipes d'autres pays pour quelques jours.",
        areas=("COORD",), gcm=(21,), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.IN_PERSON, where=("MLI", "011"), languages=("fr", "bm"),
        starts=0, engagements=2, days=20,
    ),
    Offering(
        "sahel-departure-information", "demo-sahel-migrations", "sahel.migrations", "fr",
        "Informer les jeunes sur les risques de la route migratoire",
        "Des migrants de retour animent des causeries dans les villages et les écoles de la "
        "région de Kayes sur les dangers de la traversée du désert et les voies légales de "
        "départ.",
        areas=("WGWS", "CONS"), gcm=(3,), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("011",), languages=("fr", "bm"),
        starts=-30, months=12,
        story=OfferStatus.WITHDRAWN, reason="Le financement de nos animateurs a pris fin.",
    ),
    Offering(
        "morocco-mre-regularisation", "demo-morocco-mre", "editor.morocco", "fr",
        "Partage de l'expérience marocaine de régularisation",
        "Le Maroc a conduit deux opérations exceptionnelles de régularisation et adopté une "
        "stratégie nationale d'immigration et d'asile. Nous proposons de présenter leur "
        "préparation, les commissions de recours et l'accès des personnes régularisées aux "
        "services publics.",
        areas=("OBLIG", "WGWS"), gcm=(16, 7), support=(S.PEER_EXCHANGE,),
        modality=M.HYBRID, where=("002",), languages=("fr", "ar"),
        starts=60, story=OfferStatus.DRAFT,
    ),
    Offering(
        "senegal-biometric-borders", "demo-senegal-interior", "editor.senegal", "fr",
        "Échange entre pairs : l'enregistrement biométrique aux postes frontaliers",
        "Le Sénégal a équipé ses principaux postes frontaliers d'un système d'enregistrement "
        "biométrique des voyageurs. Nous accueillons volontiers les services d'immigration des "
        "pays voisins pour montrer son fonctionnement, ses difficultés et nos choix en matière de "
        "conservation des données.",
        areas=("BORD",), gcm=(11,), support=(S.PEER_EXCHANGE,),
        modality=M.IN_PERSON, where=("011",), languages=("fr", "wo"),
        starts=30, months=12, engagements=2,
    ),
    Offering(
        "iom-crisis-preparedness", "demo-iom-dakar", "iom", "fr",
        "Former les agents consulaires à la protection des ressortissants en temps de crise",
        "Nous formons les agents des ministères des Affaires étrangères à préparer et conduire "
        "l'assistance à leurs ressortissants lors d'une crise dans le pays d'accueil, selon les "
        "lignes directrices de l'initiative MICIC. La formation se termine par un exercice de "
        "simulation avec la cellule de crise et les postes concernés.",
        areas=("CONS", "COORD"), gcm=(7, 14), support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("002", "419", "142"), languages=("fr", "en", "es"),
        starts=30, months=18, engagements=3, days=30,
    ),
    Offering(
        "icmpd-border-data-protection", "demo-icmpd", "training.icmpd", "fr",
        "Protection des données dans les systèmes frontaliers : formation de formateurs",
        "Nous formons des officiers supérieurs des services de police aux frontières à "
        "appliquer les règles de protection des données aux empreintes et photographies "
        "collectées aux postes : accès, durée de conservation, échange avec d'autres pays. Les "
        "officiers formés repartent avec des supports qu'ils peuvent réutiliser à l'école de "
        "police.",
        areas=("BORD", "OBLIG"), gcm=(11,), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("011", "015"), languages=("fr", "en", "ar"),
        starts=45, months=12, engagements=2, days=40, cost=C.CO_FUNDED,
    ),
    Offering(
        "ituc-union-welcome", "demo-ituc-africa", "rights.ituc", "fr",
        "Accueillir les travailleurs migrants dans les syndicats",
        "Nous accompagnons les centrales syndicales qui veulent ouvrir des permanences pour les "
        "travailleurs migrants, traduire leurs supports et négocier des clauses sur l'égalité de "
        "traitement. Les syndicats partenaires témoignent de leurs premiers résultats.",
        areas=("OBLIG", "WGWS"), gcm=(6, 16), support=(S.TRAINING, S.PEER_EXCHANGE),
        modality=M.IN_PERSON, where=("011",), languages=("fr", "en"),
        starts=20, months=12, engagements=2, days=20,
    ),
    # --- En español ---
    Offering(
        "frontera-community-alternatives", "demo-red-frontera", "frontera", "es",
        "Acompañamiento comunitario como alternativa a la detención",
        "En respuesta a la solicitud de la Secretaría, nuestra red de albergues en Tapachula, la "
        "Ciudad de México y Tijuana puede acoger y acompañar a familias con niñas y niños mientras "
        "se resuelve su situación migratoria. Ofrecemos gestoras de casos con experiencia, plazas "
        "de alojamiento y la metodología de seguimiento que usamos desde 2019, y colaboraríamos "
        "con la evaluación independiente. Pedimos que se cubra una parte de los costos de "
        "alojamiento.",
        areas=("OBLIG", "WGWS"), gcm=(13, 7), support=(S.TECHNICAL_ASSISTANCE, S.IN_KIND),
        modality=M.IN_PERSON, where=("MEX",), languages=("es",),
        starts=0, months=18, days=200, cost=C.CO_FUNDED,
        answers=("demo-mexico-segob", "alternatives-detention", "es"),
    ),
    Offering(
        "frontera-family-reports", "demo-red-frontera", "frontera", "es",
        "Registro de reportes de familias que buscan a personas migrantes",
        "Desde nuestros albergues recibimos cada semana llamadas de familias de Honduras, "
        "Guatemala y El Salvador que perdieron contacto con un familiar en la ruta. Compartimos "
        "el formato de reporte y el protocolo de búsqueda que construimos con comités de "
        "familiares, y capacitamos a otras organizaciones para usarlos.",
        areas=("OBLIG",), gcm=(8,), support=(S.PEER_EXCHANGE, S.TRAINING),
        modality=M.HYBRID, where=("MEX", "013"), languages=("es",),
        starts=0, engagements=3, days=20,
    ),
    Offering(
        "forensic-identification", "demo-forensic-team", "forense", "es",
        "Identificación forense de personas migrantes fallecidas, con las familias",
        "Nuestro equipo de antropólogas y genetistas creó, junto con comités de familiares de "
        "Centroamérica, bancos de datos que cruzan la información que aportan las familias sobre "
        "sus seres queridos con los perfiles genéticos de restos sin identificar. Ofrecemos "
        "asesoría para diseñar un protocolo y una base de datos de este tipo, y capacitación para "
        "el personal forense y consular que los utilizará. También hemos trabajado en África "
        "Occidental, con intérpretes.",
        areas=("DATA",), gcm=(1,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.HYBRID, where=("419", "011"), languages=("es", "en", "pt"),
        starts=30, months=24, engagements=2, days=60,
    ),
    Offering(
        "ime-consular-registry", "demo-mexico-ime", "ime.mexico", "es",
        "Intercambio: la matrícula consular y el registro de connacionales",
        "México expide cada año cerca de un millón de matrículas consulares en su red de "
        "consulados en Estados Unidos, con un registro centralizado y citas en línea. Ofrecemos a "
        "las cancillerías interesadas una visita de estudio a un consulado y a la Ciudad de "
        "México, y asesoría a distancia sobre el diseño del registro y la protección de los "
        "datos.",
        areas=("CONS", "DATA"), gcm=(4, 14), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("419", "002"), languages=("es", "en"),
        starts=30, months=18, engagements=3, days=15,
    ),
    Offering(
        "ime-health-windows", "demo-mexico-ime", "ime.mexico", "es",
        "Ventanillas de salud en los consulados",
        "En más de cuarenta consulados, una ventanilla atendida por organizaciones de salud "
        "locales orienta a las personas mexicanas sobre servicios médicos, vacunas y seguros. "
        "Compartimos el modelo, los convenios tipo y los resultados con los países que quieran "
        "adaptarlo a su red consular.",
        areas=("CONS", "WGWS"), gcm=(15, 14), support=(S.PEER_EXCHANGE,),
        modality=M.REMOTE, where=("019",), languages=("es", "en"),
        starts=0, engagements=3,
    ),
    Offering(
        "colombia-biometric-training", "demo-colombia-migracion", "migracion.colombia", "es",
        "Capacitación en protección de datos biométricos para oficiales de frontera",
        "Migración Colombia registra a diario huellas y fotografías de miles de viajeros en sus "
        "puestos de control. Nuestra academia ofrece un curso de formación de formadores sobre el "
        "tratamiento de estos datos conforme a la ley: acceso, conservación e intercambio con "
        "otros países.",
        areas=("BORD", "OBLIG"), gcm=(11,), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("419",), languages=("es",),
        starts=30, months=12, engagements=2, days=30,
    ),
    Offering(
        "colombia-regularisation", "demo-colombia-migracion", "migracion.colombia", "es",
        "Intercambio sobre el registro y la regularización de personas venezolanas",
        "El Estatuto Temporal de Protección permitió registrar a más de dos millones de personas "
        "venezolanas y entregarles un documento de identidad. Presentamos cómo organizamos el "
        "registro biométrico, las jornadas móviles y la coordinación con el registro civil para "
        "los niños nacidos en Colombia.",
        areas=("OBLIG", "DATA"), gcm=(4, 7), support=(S.PEER_EXCHANGE, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("419",), languages=("es", "en"),
        starts=15, months=18, engagements=3, days=20,
    ),
    Offering(
        "colombia-border-experts", "demo-colombia-migracion", "migracion.colombia", "es",
        "Expertos para puestos fronterizos integrados",
        "Podemos desplazar a dos oficiales con experiencia en los centros binacionales de "
        "atención en frontera para apoyar la puesta en marcha de un puesto integrado.",
        areas=("BORD", "COORD"), gcm=(11, 23), support=(S.EXPERT_DEPLOYMENT,),
        modality=M.IN_PERSON, where=("419",), languages=("es",),
        starts=-150, months=4, days=60,
        story=OfferStatus.CLOSED, reason="Los oficiales ya fueron asignados a otra misión.",
    ),
    Offering(
        "mendoza-legal-identity", None, "expert.mendoza", "es",
        "Abogado ecuatoriano en Madrid: registro de nacimientos de hijos de migrantes",
        "Soy abogado especializado en extranjería y nacionalidad, ecuatoriano y residente en "
        "Madrid desde hace veinte años. Puedo ayudar a preparar las campañas móviles de registro "
        "con el Registro Civil y capacitar a los registradores sobre las normas que se aplican a "
        "los hijos de padres extranjeros y el riesgo de apatridia. Ofrezco quince días de "
        "trabajo voluntario, en parte a distancia y una semana en Ecuador.",
        areas=("CONS", "OBLIG"), gcm=(4,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.HYBRID, where=("ECU",), languages=("es",),
        starts=15, months=12, days=15,
        answers=("demo-ecuador-movilidad", "legal-identity", "es"),
    ),
    Offering(
        "reyes-psychosocial", None, "expert.reyes", "es",
        "Psicóloga guatemalteca: acompañamiento psicosocial para personas retornadas",
        "Soy psicóloga clínica, nacida en Quetzaltenango, y trabajo desde hace doce años con "
        "personas migrantes en Los Ángeles. Me gustaría apoyar al Instituto en el diseño del "
        "seguimiento psicosocial del sistema de gestión de casos y capacitar a quienes atenderán "
        "a las personas que regresan, incluidas las deportadas. Puedo trabajar a distancia y "
        "durante dos estancias en Guatemala.",
        areas=("COORD", "CONS"), gcm=(21,), support=(S.TRAINING, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("GTM", "013"), languages=("es", "en"),
        starts=10, months=12, days=20,
        answers=("demo-guatemala-igm", "return-reintegration", "es"),
    ),
    Offering(
        "reyes-consular-staff-care", None, "expert.reyes", "es",
        "Talleres de autocuidado para el personal consular",
        "El personal que atiende a personas detenidas o deportadas acumula un desgaste emocional "
        "que pocas veces se reconoce. Estoy preparando talleres breves de autocuidado para los "
        "equipos consulares.",
        areas=("CONS",), gcm=(14,), support=(S.TRAINING,),
        modality=M.REMOTE, where=("019",), languages=("es", "en"),
        starts=90, story=OfferStatus.DRAFT,
    ),
    Offering(
        "quispe-health-navigators", None, "expert.quispe", "es",
        "Médica peruana en Barcelona: diagnóstico de salud y promotoras comunitarias",
        "Soy médica de familia peruana y vivo en Barcelona, donde coordiné un estudio sobre las "
        "barreras que encuentran las personas migrantes sin papeles para ver a un médico antes de "
        "llegar a urgencias. Ofrezco ayuda para hacer un diagnóstico parecido con encuestas y "
        "grupos focales, y para formar a promotoras y promotores de salud de las propias "
        "comunidades que orienten a sus vecinos hacia los servicios. Trabajo en español, francés "
        "y catalán.",
        areas=("DATA",), gcm=(1,), support=(S.RESEARCH, S.TRAINING),
        modality=M.HYBRID, where=("*",), languages=("es", "fr", "ca"),
        starts=20, months=18, days=25,
    ),
    Offering(
        "ecuatorianos-short-missions", "demo-ecuatorianos-espana", "ecuatorianos", "es",
        "Profesionales de la diáspora para misiones cortas en Ecuador",
        "Nuestra red reúne a más de 900 médicos, ingenieras, docentes y economistas ecuatorianos "
        "que viven en España. Muchos están dispuestos a pasar dos o tres semanas en Ecuador para "
        "apoyar a un ministerio o a un municipio, y podemos ayudar a construir un registro de "
        "sus competencias.",
        areas=("WGWS",), gcm=(19,), support=(S.EXPERT_DEPLOYMENT, S.PEER_EXCHANGE),
        modality=M.IN_PERSON, where=("ECU",), languages=("es",),
        starts=30, engagements=3, days=90,
    ),
    Offering(
        "ecuatorianos-emergency-network", "demo-ecuatorianos-espana", "ecuatorianos", "es",
        "Red de apoyo a connacionales en emergencias",
        "Durante la DANA de Valencia y la pandemia, nuestros voluntarios ayudaron a los "
        "consulados a localizar a ecuatorianos afectados y a repartir ayuda. Proponemos "
        "formalizar ese apoyo en los planes de contingencia consulares y formar a más "
        "voluntarios.",
        areas=("WGWS", "CONS"), gcm=(7, 14), support=(S.PEER_EXCHANGE,),
        modality=M.HYBRID, where=("ESP", "ECU"), languages=("es",),
        starts=0, months=24,
    ),
    Offering(
        "alianza-gt-seed-capital", "demo-guatemaltecos-eeuu", "alianza.gt", "es",
        "Capital semilla y mentoría para emprendimientos de personas retornadas",
        "Las asociaciones de nuestra alianza reúnen fondos para apoyar a quienes regresan a sus "
        "comunidades de origen. Ofrecemos pequeñas donaciones para poner en marcha un negocio y "
        "la mentoría de guatemaltecos emprendedores en Estados Unidos, en coordinación con los "
        "programas públicos de reintegración.",
        areas=("COORD",), gcm=(21, 19), support=(S.FUNDING, S.PEER_EXCHANGE),
        modality=M.REMOTE, where=("GTM",), languages=("es", "en"),
        starts=0, months=12, engagements=2, money=(40_000, "USD"),
    ),
    Offering(
        "alianza-gt-remittance-literacy", "demo-guatemaltecos-eeuu", "alianza.gt", "es",
        "Educación financiera para las familias que reciben remesas",
        "Queremos llevar a las comunidades del Corredor Seco talleres sobre cómo recibir remesas a "
        "menor costo y ahorrar una parte.",
        areas=("WGWS",), gcm=(20,), support=(S.TRAINING,),
        modality=M.IN_PERSON, where=("GTM",), languages=("es",),
        starts=120, story=OfferStatus.DRAFT,
    ),
    Offering(
        "fmd-city-grants", "demo-mobility-foundation", "grants.fmd", "es",
        "Convocatoria de subvenciones para la acogida en ciudades",
        "La fundación abre cada año una convocatoria para proyectos municipales de acogida e "
        "inclusión de personas migrantes, en especial oficinas de atención integral y servicios "
        "de mediación intercultural. Financiamos hasta 100.000 euros por proyecto durante dos "
        "años, con acompañamiento técnico de nuestro equipo.",
        areas=("WGWS",), gcm=(15, 16), support=(S.FUNDING,),
        modality=M.REMOTE, where=("150", "419"), languages=("es", "en"),
        starts=0, months=12, engagements=4, money=(100_000, "EUR"),
    ),
    Offering(
        "fmd-research-fellowships", "demo-mobility-foundation", "grants.fmd", "es",
        "Becas de investigación sobre migración y desarrollo",
        "Becas de un año para equipos universitarios que estudian el impacto de las remesas y del "
        "retorno en las comunidades de origen.",
        areas=("DATA",), gcm=(1, 19), support=(S.FUNDING, S.RESEARCH),
        modality=M.REMOTE, where=("419",), languages=("es",),
        starts=-200, months=6, engagements=3, money=(30_000, "EUR"),
        story=OfferStatus.CLOSED, reason="La convocatoria de este año ya se cerró.",
    ),
    Offering(
        "datalab-observatory", "demo-migration-lab", "research.datalab", "es",
        "Diseño de indicadores comunes y de un boletín estadístico sobre migración",
        "En respuesta a la solicitud del Ayuntamiento, nuestro laboratorio puede acompañar la "
        "puesta en marcha del observatorio: inventario de fuentes, definiciones comunes entre "
        "las instituciones y diseño del boletín anual. Ya lo hicimos para la migración venezolana "
        "en Colombia y Ecuador, y formaríamos al equipo municipal en el análisis de los datos.",
        areas=("DATA",), gcm=(1,), support=(S.RESEARCH, S.TRAINING),
        modality=M.HYBRID, where=("ESP", "419"), languages=("es", "en"),
        starts=30, months=18, engagements=2, days=45, cost=C.CO_FUNDED,
        answers=("demo-barcelona-saier", "data-observatory", "es"),
    ),
    Offering(
        "datalab-surveys", "demo-migration-lab", "research.datalab", "es",
        "Encuestas a población migrante: metodología y trabajo de campo",
        "Diseñamos y aplicamos encuestas a hogares migrantes con muestras representativas, "
        "incluso cuando no existe un marco muestral. Ofrecemos el cuestionario, la capacitación "
        "de encuestadores y el análisis de resultados.",
        areas=("DATA",), gcm=(1,), support=(S.RESEARCH,),
        modality=M.IN_PERSON, where=("419",), languages=("es", "en"),
        starts=45, months=12, days=40, cost=C.PAID,
    ),
    Offering(
        "datanube-open-data", "demo-datanube", "datanube", "es",
        "Plataforma de datos abiertos para observatorios de migración",
        "DataNube ofrece su plataforma para publicar indicadores y tableros de datos sobre "
        "migración, con licencias gratuitas el primer año y alojamiento en servidores de la "
        "región. Nuestro equipo configura la plataforma y capacita al personal que la "
        "administrará.",
        areas=("DATA",), gcm=(1,), support=(S.IN_KIND, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("419", "150"), languages=("es", "en"),
        starts=0, months=24, engagements=4, days=20, cost=C.PAID,
    ),
    Offering(
        "datanube-case-management", "demo-datanube", "datanube", "es",
        "Software de gestión de casos para la reintegración",
        "Un sistema de gestión de casos en la nube para que ministerios, municipios y "
        "organizaciones compartan la ficha de cada persona retornada y sus derivaciones.",
        areas=("COORD",), gcm=(21,), support=(S.IN_KIND, S.TECHNICAL_ASSISTANCE),
        modality=M.REMOTE, where=("419",), languages=("es",),
        starts=0, months=12, cost=C.PAID,
        story=OfferStatus.WITHDRAWN,
        reason="Retiramos la oferta mientras actualizamos el producto.",
    ),
    Offering(
        "observatorio-climate-mobility", "demo-observatorio-movilidad", "observatorio", "es",
        "Investigación sobre movilidad climática en comunidades rurales",
        "Estudiamos cómo las sequías y la pérdida de cosechas empujan a migrar a las familias "
        "campesinas de Centroamérica y los Andes. Ofrecemos diseñar con las autoridades un mapa "
        "de comunidades en riesgo y encuestas de seguimiento, y compartir nuestros datos.",
        areas=("DATA", "WGWS"), gcm=(2,), support=(S.RESEARCH, S.TECHNICAL_ASSISTANCE),
        modality=M.HYBRID, where=("419",), languages=("es", "en"),
        starts=20, months=24, engagements=2, days=50, cost=C.CO_FUNDED,
    ),
    Offering(
        "observatorio-skills-study", "demo-observatorio-movilidad", "observatorio", "es",
        "Estudio comparado sobre el reconocimiento de títulos y competencias",
        "Comparamos los procedimientos de reconocimiento de títulos y de certificación de "
        "competencias de personas migrantes en ocho países de la región. Podemos adaptar el "
        "estudio a los oficios prioritarios de un país y proponer un procedimiento.",
        areas=("COORD",), gcm=(18,), support=(S.RESEARCH,),
        modality=M.REMOTE, where=("419",), languages=("es",),
        starts=0, months=18, days=30,
    ),
    Offering(
        "barcelona-saier-exchange", "demo-barcelona-saier", "city.barcelona", "es",
        "Intercambio entre ciudades: el modelo SAIER de atención integral",
        "En respuesta a la solicitud de Quito, el SAIER ofrece compartir cómo funciona su "
        "servicio municipal de atención a personas migrantes, que reúne en un solo lugar "
        "orientación jurídica, aprendizaje de idiomas y derivación a los servicios sociales. "
        "Recibiríamos a dos personas del equipo municipal durante una semana y seguiríamos en "
        "contacto a distancia.",
        areas=("WGWS", "OBLIG"), gcm=(15, 16), support=(S.PEER_EXCHANGE,),
        modality=M.HYBRID, where=("419", "150"), languages=("es", "ca", "en"),
        starts=30, months=12, engagements=2, days=10,
        answers=("demo-quito-inclusion", "welcome-desk", "es"),
    ),
    Offering(
        "barcelona-anti-rumour", "demo-barcelona-saier", "city.barcelona", "es",
        "Estrategia antirrumores: formación de agentes",
        "Barcelona forma desde 2010 a vecinos, comerciantes y personal municipal como agentes "
        "antirrumores capaces de desmontar prejuicios sobre la inmigración en la conversación "
        "cotidiana. Compartimos los materiales y la metodología con otras ciudades.",
        areas=("WGWS", "OBLIG"), gcm=(17, 16), support=(S.TRAINING, S.PEER_EXCHANGE),
        modality=M.HYBRID, where=("*",), languages=("es", "ca", "en"),
        starts=0, engagements=3, days=15,
    ),
    Offering(
        "segob-repatriation-reception", "demo-mexico-segob", "focal.mexico", "es",
        "Intercambio sobre la recepción de personas repatriadas",
        "En los puntos de repatriación de la frontera norte, las personas mexicanas devueltas "
        "reciben alimentación, atención médica, una constancia de repatriación y orientación "
        "sobre empleo. Compartimos con los países vecinos la organización de estos módulos y la "
        "coordinación entre instituciones.",
        areas=("COORD", "CONS"), gcm=(21,), support=(S.PEER_EXCHANGE,),
        modality=M.IN_PERSON, where=("013",), languages=("es",),
        starts=30, months=12, engagements=2,
    ),
    Offering(
        "icmpd-lac-border-management", "demo-icmpd", "training.icmpd", "es",
        "Asistencia técnica en gestión integrada de fronteras en América Latina",
        "Desde nuestra oficina para América Latina, apoyamos a las autoridades migratorias en el "
        "análisis de riesgos, la cooperación entre agencias en los pasos fronterizos y la "
        "atención a personas en situación de vulnerabilidad. Ofrecemos asistencia técnica y "
        "talleres con países vecinos.",
        areas=("BORD",), gcm=(11,), support=(S.TECHNICAL_ASSISTANCE, S.TRAINING),
        modality=M.HYBRID, where=("419",), languages=("es", "en"),
        starts=30, months=18, engagements=2, days=40, cost=C.CO_FUNDED,
    ),
]  # fmt: skip


@dataclass(frozen=True)
class Brokering:
    """How far the secretariat and the two parties took a proposal: the broker introduces them
    with `note`; each side then accepts (True), declines (False, with its reason) or has not
    answered yet (None); an accepted match may become a partnership. The request is `request`
    (organisation, need, language), the offer's own `answers` when None."""

    offer: str
    note: str
    requester: bool | None = None
    provider: bool | None = None
    requester_reason: str = ""
    provider_reason: str = ""
    partnership: bool = False
    request: tuple[str, str, str] | None = None


BROKERING = [
    Brokering(
        "montreal-welcome-desk",
        "Le BINAM a répondu directement à votre demande et a déjà accompagné d'autres villes "
        "francophones dans la création d'un guichet unique : je vous propose un premier appel "
        "entre vos deux équipes.",
        requester=True,
        provider=True,
        requester_reason="Nous sommes prêts à recevoir l'équipe montréalaise dès le début du "
        "projet.",
        partnership=True,
    ),
    Brokering(
        "ilo-fair-recruitment",
        "The ILO answered your request and can start with a review of the licensing rules. I "
        "suggest a first call between the Department and the Fair Recruitment Initiative.",
        requester=True,
        provider=True,
        requester_reason="The review fits the timetable of our amendment to the Foreign "
        "Employment Rules.",
        partnership=True,
    ),
    Brokering(
        "icmpd-free-movement",
        "ICMPD can deploy border management experts to the pilot joint border posts; both of "
        "you mentioned the data standards as the first step.",
        requester=True,
        provider=True,
        provider_reason="We can field the first expert within six weeks of the agreement.",
    ),
    Brokering(
        "reyes-psychosocial",
        "La doctora Reyes respondió a su solicitud y ofrece diseñar el seguimiento psicosocial y "
        "capacitar a los equipos. Les sugiero una primera reunión virtual.",
        requester=True,
        provider=True,
    ),
    Brokering(
        "moldovans-italy-survey",
        "The association can pilot your skills survey with its members in northern Italy. "
        "Please contact each other to agree on the questionnaire.",
        requester=True,
        requester_reason="We would like to start the pilot in Milan and Padua.",
    ),
    Brokering(
        "korea-eps-study-visit",
        "The Employment Permit System centre invites your analysts for a study visit on its "
        "labour migration database. International travel would need funding from another "
        "partner.",
        provider=True,
        provider_reason="We can host the delegation in the second half of the year.",
    ),
    Brokering(
        "diallo-registry-architect",
        "M. Diallo, ingénieur de la diaspora, propose de vous aider bénévolement à concevoir "
        "l'architecture du registre consulaire. Je vous mets en relation.",
    ),
    Brokering(
        "pff-relocation-grant",
        "The Pacific Futures Fund can fund the community consultations on planned relocation. "
        "I am introducing you so that you can discuss the budget and the timeline.",
    ),
    Brokering(
        "frontera-community-alternatives",
        "La Red Frontera Solidaria respondió a su solicitud con plazas de alojamiento y gestoras "
        "de casos para el piloto. Les presento para que conversen.",
        requester=False,
        requester_reason="La Secretaría prefiere que el piloto lo operen los sistemas DIF y los "
        "albergues públicos; tendremos en cuenta a la red para una segunda fase.",
    ),
    Brokering(
        "usp-relocation-research",
        "The Research Hub has surveyed relocated communities across the region and could run "
        "the mapping you ask for.",
        provider=False,
        provider_reason="Our survey team is committed to fieldwork in Fiji and Vanuatu until the "
        "end of next year; we would be glad to be introduced again after that.",
        request=("demo-pacific-forum", "climate-displacement", "en"),
    ),
]


@register_demo_step("hub: offers and matches")
def load_offers(context: DemoContext) -> None:
    """The offers, through the services; then the matcher's proposals, and a few of the best
    taken through brokering. Idempotent: an offer whose submission key exists is left as it is,
    and so is a match already brokered."""
    add_demo_organisations(PROVIDERS)
    add_demo_members(context, PROVIDER_PEOPLE)
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    broker = people["broker"]
    organisations = {org.slug: org for org in Organisation.objects.filter(is_demo=True)}
    catalogue = _Catalogue.load()
    done = set(Offer.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    for offering in OFFERS:
        key = _offer_key(offering.key)
        if key in done:
            continue
        actor = people[offering.actor]
        organisation = organisations[offering.provider] if offering.provider else None
        if organisation is not None and offering.story != OfferStatus.DRAFT:
            _verify(organisation, broker)
        offer = services.offer_create(
            actor=actor,
            organisation=organisation,
            data=_offer_data(offering, catalogue),
            submission_key=key,
        )
        _play_offer(offering, offer, actor)
    rematch_all()
    if _broker(broker):
        # Brokering changes what the matcher weighs (track records, engagements taken, requests
        # matched): the proposals are computed again, as after a change of weights.
        rematch_all()


def _offer_key(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"hub-demo:offer:{key}")


@dataclass
class _Catalogue:
    """What offers refer to: the taxonomy, the places, the demo requests by submission key."""

    areas: dict[str, CapacityArea]
    objectives: dict[int, GCMObjective]
    countries: dict[str, Country]
    regions: dict[str, Region]
    requests: dict[uuid.UUID, SupportRequest]
    today: object

    @classmethod
    def load(cls) -> "_Catalogue":
        places = {place for offering in OFFERS for place in offering.where}
        return cls(
            areas={area.code: area for area in CapacityArea.objects.all()},
            objectives={objective.number: objective for objective in GCMObjective.objects.all()},
            countries={c.iso3: c for c in Country.objects.filter(iso3__in=places)},
            regions={r.code: r for r in Region.objects.filter(code__in=places)},
            requests={r.submission_key: r for r in SupportRequest.objects.filter(is_demo=True)},
            today=timezone.localdate(),
        )


def _offer_data(offering: Offering, catalogue: _Catalogue) -> services.OfferData:
    starts_on = catalogue.today + timedelta(days=offering.starts)
    places = [place for place in offering.where if place != "*"]
    amount, currency = offering.money or (None, "")
    return services.OfferData(
        title=offering.title,
        description=offering.description,
        language=offering.language,
        capacity_areas=[catalogue.areas[code] for code in offering.areas],
        gcm_objectives=[catalogue.objectives[number] for number in offering.gcm],
        support_types=list(offering.support),
        modality=offering.modality,
        countries=[catalogue.countries[place] for place in places if place.isalpha()],
        regions=[catalogue.regions[place] for place in places if place.isdigit()],
        is_global="*" in offering.where,
        languages=list(offering.languages),
        available_from=starts_on,
        available_until=(
            starts_on + timedelta(days=round(offering.months * 30.44)) if offering.months else None
        ),
        max_engagements=offering.engagements,
        expert_days=offering.days,
        cost_basis=offering.cost,
        money_amount=Decimal(amount) if amount else None,
        currency=currency,
        in_response_to=(catalogue.requests[_key(*offering.answers)] if offering.answers else None),
    )


def _play_offer(offering: Offering, offer: Offer, actor: User) -> None:
    if offering.story == OfferStatus.DRAFT:
        return
    offer = services.offer_publish(actor=actor, offer=offer)
    if offering.story == OfferStatus.WITHDRAWN:
        services.offer_withdraw(actor=actor, offer=offer, reason=offering.reason)
    elif offering.story == OfferStatus.CLOSED:
        services.offer_close(actor=actor, offer=offer, reason=offering.reason)


def _broker(broker: User) -> bool:
    """The brokering stories not told yet, each on its proposal; True if any was told. The
    parties answer through an editor: whoever wrote the request, and whoever wrote the offer
    (the expert, for an individual's offer)."""
    offerings = {offering.key: offering for offering in OFFERS}
    told = False
    for story in BROKERING:
        request = story.request or offerings[story.offer].answers
        match = (
            Match.objects.filter(
                offer__submission_key=_offer_key(story.offer),
                request__submission_key=_key(*request),
                status=MatchStatus.PROPOSED,
            )
            .select_related("request", "offer")
            .first()
        )
        if match is None:  # brokered already (or not proposed: the tests would say)
            continue
        told = True
        requester = User.objects.get(pk=match.request.created_by_id)
        provider = User.objects.get(pk=match.offer.created_by_id)
        match = services.match_introduce(actor=broker, match=match, note=story.note)
        for side, actor, accept, reason in (
            (Side.REQUESTER, requester, story.requester, story.requester_reason),
            (Side.PROVIDER, provider, story.provider, story.provider_reason),
        ):
            if accept is not None and match.status == MatchStatus.INTRODUCED:
                match = services.match_decide(
                    actor=actor, match=match, side=side, accept=accept, reason=reason
                )
        if story.partnership:
            services.match_start_partnership(actor=broker, match=match)
    return told
