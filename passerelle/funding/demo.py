"""The funding part of the demo: donors of every type — States, UN agencies and other
multilaterals, companies, foundations, diaspora and migrant organisations, migrants giving in
their own name (some anonymously), civil society — with their stated priorities; the
requirements of the demo projects (the hub's requests carry theirs already); contributions to
requests and projects in every status (pledged, committed, paid through disbursements — some
only partly —, cancelled with a reason, in-kind help delivered), in sixteen currencies, money
and in-kind (expert-days, equipment, venues, pro bono services), with expenditure reported
against what was disbursed; and a pooled fund, the "Migration Start-up Fund (demo)", managed by
the IOM demo office with a steering committee, deposits from several donors (some earmarked for
a thematic area, a country or a proposal in the pipeline) and two calls for proposals.

The first call is closed: joint proposals (each lead organisation with a government partner)
reviewed by two reviewers each — one reviewer declared a conflict of interest and was replaced
—, two approved and funded (they became projects, with the fund's transfers, a disbursement and
the first expenditure), two approved and waiting in the pipeline because the fund's balance is
short, one rejected with the committee's reasons. The second call is open, with a draft and a
proposal submitted and waiting for review. Coverage is uneven on purpose: some requests and
projects are fully funded, some half, some barely, some not at all, so that the funding-gaps
page has something to show.

Everything goes through the services (`contribution_create`, `contribution_commit`,
`disbursement_record`, `contribution_deliver`, `contribution_cancel`, `expenditure_record`,
`project_requirements_set`, `call_create`, `call_publish`, `proposal_create`,
`proposal_submit`, `review_assign`, `review_declare`, `review_save`, `review_submit`,
`proposal_decide`, `proposal_fund`, `call_close`), so the audit trail is the one real use
leaves; contributions carry their own dates (a pledge two years ago, its disbursements months
later). Three things have no service, being the administrators' work: the exchange rates, the
fund itself and the donor profiles, written directly. And the services take a call's
proposals, reviews and decisions only while it is open, with its deadline ahead: the closed
call is played today, then its dates are moved back to when it ran (published five months ago,
deadline three months ago, decided two months ago), as projects/demo.py writes the record of
past periods.

The exchange rates are DEMO RATES, not market data: for each currency a fixed base rate with a
small deterministic drift, on the first day of each month of the last two years (the CFA franc
pegged to the euro). Existing rates are never overwritten.

Idempotent: contributions and proposals have fixed submission keys (`uuid5`), a contribution
whose key exists is left as it is, requirements are set only on projects that have none, and a
call that exists is left as it is.

`context.data["funding"]` names what the browser flow needs: the fund, its open call, a
proposal in the pipeline, a funded project, the secretariat, the committee, two reviewers, an
applicant's editor with a government partner, and a diaspora organisation's editor.
"""

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.accounts.demo import (
    DEMO_DOMAIN,
    add_demo_members,
    add_demo_organisations,
    verify_demo_organisation,
)
from passerelle.accounts.models import Membership, Organisation, User
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country, Region
from passerelle.hub.choices import RequirementKind
from passerelle.hub.models import SupportRequest
from passerelle.projects import demo as projects_demo
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from . import coverage, services
from .choices import (
    ContributionKind,
    ContributionStatus,
    DonorType,
    ProposalStatus,
    donor_type_of,
)
from .models import Call, Contribution, DonorProfile, ExchangeRate, Fund, Proposal, Review
from .rates import CENT, latest_rates
from .services.contributions import COFUNDING_DONORS, FUNDABLE_REQUEST_STATUSES

NAMESPACE = uuid.UUID("8e2d4b61-7f3a-4c5e-9d10-3b6a2f9c4e87")
FUND_SLUG = "migration-start-up-fund-demo"
FUND_MANAGER = "demo-iom-dakar"
SECRETARIAT = "broker"
# An expert-day given in kind is valued at this rate (USD), converted to the giver's currency.
DAY_VALUE_USD = Decimal(450)
RATE_MONTHS = 24

# US dollars per unit around the middle of the two years: the base of the DEMO rates.
BASE_RATES = {
    "EUR": "1.08",
    "CHF": "1.12",
    "GBP": "1.27",
    "CAD": "0.74",
    "SEK": "0.095",
    "NOK": "0.093",
    "JPY": "0.0068",
    "MAD": "0.100",
    "PHP": "0.0178",
    "MXN": "0.055",
    "KES": "0.0077",
    # The hub's requests ask in these too: without a rate, coverage cannot value them.
    "GTQ": "0.129",
    "JOD": "1.41",
    "FJD": "0.44",
    "AUD": "0.66",
}
XOF_PER_EUR = Decimal("655.957")  # the CFA franc's fixed parity

T = OrganisationType
# Donor governments no other step creates. slug, name, acronym, type, country, description,
# language of the description.
ORGANISATIONS = [
    (
        "demo-switzerland-sem",
        "Secrétariat d'État aux migrations — Coopération migratoire internationale",
        "SEM",
        T.NATIONAL_GOVERNMENT,
        "CHE",
        "Partenariats migratoires de la Suisse et financement de projets dans les pays "
        "d'origine et de transit.",
        "fr",
    ),
    (
        "demo-sweden-sida",
        "Swedish International Development Cooperation Agency — Migration Unit",
        "Sida",
        T.NATIONAL_GOVERNMENT,
        "SWE",
        "Funds migration governance, data and labour rights through pooled funds and partners.",
        "en",
    ),
    (
        "demo-norway-mfa",
        "Norwegian Ministry of Foreign Affairs — Section for Migration",
        "MFA",
        T.NATIONAL_GOVERNMENT,
        "NOR",
        "Norway's support to safe and orderly migration, return and reintegration.",
        "en",
    ),
    (
        "demo-japan-jica",
        "Japan International Cooperation Agency — Human Security Division",
        "JICA",
        T.NATIONAL_GOVERNMENT,
        "JPN",
        "Technical cooperation and grants for migration management and human security.",
        "en",
    ),
]

# email local part, full name, organisation slug (None: on their own), role
PEOPLE = [
    ("donor.switzerland", "Martina Keller", "demo-switzerland-sem", MembershipRole.ADMIN),
    ("donor.sweden", "Erik Johansson", "demo-sweden-sida", MembershipRole.ADMIN),
    ("donor.norway", "Ingrid Solberg", "demo-norway-mfa", MembershipRole.ADMIN),
    ("donor.japan", "Yuki Tanaka", "demo-japan-jica", MembershipRole.ADMIN),
    # The fund's steering committee: the manager, a donor and a regional body.
    ("committee.iom", "Helena Costa", FUND_MANAGER, MembershipRole.VIEWER),
    ("committee.norway", "Lars Haugen", "demo-norway-mfa", MembershipRole.VIEWER),
    ("committee.ecowas", "Aïssata Traoré", "demo-ecowas-commission", MembershipRole.VIEWER),
    # Independent reviewers.
    ("reviewer.lindqvist", "Karin Lindqvist", None, None),
    ("reviewer.mwangi", "Esther Mwangi", None, None),
    ("reviewer.carvalho", "Inês Carvalho", None, None),
]
COMMITTEE = ("committee.iom", "committee.norway", "committee.ecowas")
REVIEWERS = ("reviewer.lindqvist", "reviewer.mwangi", "reviewer.carvalho")
# Migrants and diaspora members giving in their own name: local part, whether anonymous.
INDIVIDUALS = {
    "expert.diallo": False,
    "expert.villanueva": True,
    "expert.mendoza": True,
    "expert.haddou": True,
    "expert.adeyemi": False,
}


# --- Donor profiles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Priorities:
    """A donor's stated priorities: capacity areas, GCM objectives, M49 regions, countries
    (ISO3) and the size of what it gives, in USD. `owner` is an organisation's slug or a
    person's email local part."""

    owner: str
    areas: tuple[str, ...] = ()
    gcm: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    ticket: tuple[int, int] | None = None


PROFILES = [
    # States
    Priorities("demo-spain-inclusion", ("WGWS", "CONS"), (5, 6, 16), ("015", "011", "419"),
               ("SEN", "MAR", "ECU"), (20_000, 500_000)),
    Priorities("demo-switzerland-sem", ("BORD", "OBLIG", "COORD"), (10, 12, 21), ("011", "015"),
               ("SEN", "MAR", "MLI"), (50_000, 750_000)),
    Priorities("demo-sweden-sida", ("DATA", "WGWS"), (1, 6, 23), ("002", "142"), (),
               (100_000, 2_000_000)),
    Priorities("demo-norway-mfa", ("DATA", "COORD"), (1, 21, 23), ("002", "034"), ("NPL",),
               (50_000, 1_000_000)),
    Priorities("demo-japan-jica", ("WGWS", "COORD"), (2, 5, 23), ("035", "009", "419"),
               ("PHL", "FJI", "ECU"), (30_000, 400_000)),
    Priorities("demo-canada-ircc", ("CONS", "BORD"), (5, 14, 18), ("142", "002"),
               ("PHL", "GHA", "COL"), (50_000, 600_000)),
    # UN agencies and other multilaterals
    Priorities("demo-ilo-fair-recruitment", ("WGWS",), (6, 18, 22), ("142",), ("PHL", "NPL"),
               (10_000, 150_000)),
    Priorities("demo-undp-pacific", ("WGWS", "DATA"), (2, 23), ("009",), ("FJI",),
               (10_000, 200_000)),
    Priorities("demo-ecowas-commission", ("BORD", "COORD"), (11, 23), ("011",), (),
               (5_000, 100_000)),
    Priorities("demo-icmpd", ("BORD", "COORD"), (11, 12), ("011", "150"), ()),
    # Companies
    Priorities("demo-remitco", ("WGWS",), (20, 19), ("014", "034"), ("KEN", "NPL"),
               (5_000, 60_000)),
    Priorities("demo-talentbridge", ("WGWS",), (6,), ("142",), ("PHL", "NPL"),
               (5_000, 40_000)),
    Priorities("demo-datanube", ("DATA",), (1,), ("419",), ("ECU", "COL"), (5_000, 30_000)),
    Priorities("demo-civitech-afrique", ("CONS", "DATA"), (4, 14), ("011",), ("SEN",),
               (5_000, 50_000)),
    # Foundations
    Priorities("demo-mobility-foundation", ("WGWS", "OBLIG"), (15, 16, 17), ("419", "015"),
               ("MAR", "MEX", "ECU"), (20_000, 300_000)),
    Priorities("demo-fondation-horizons", ("WGWS", "OBLIG"), (16, 2, 7), ("011", "142"),
               ("SEN", "NPL"), (20_000, 250_000)),
    Priorities("demo-pacific-futures-fund", ("WGWS", "DATA"), (2, 5), ("009",), ("FJI",),
               (10_000, 150_000)),
    # Diaspora and migrant organisations
    Priorities("demo-senegalese-diaspora-france", ("CONS", "WGWS"), (19, 20), ("011",),
               ("SEN",), (500, 20_000)),
    Priorities("demo-filipino-nurses-uk", ("WGWS",), (6, 18, 19), ("035",), ("PHL",),
               (500, 10_000)),
    Priorities("demo-moldovans-italy", ("WGWS",), (19, 21), ("151",), ("MDA",), (500, 15_000)),
    Priorities("demo-ecuatorianos-espana", ("CONS",), (14, 19), ("419",), ("ECU",),
               (500, 15_000)),
    Priorities("demo-guatemaltecos-eeuu", ("WGWS",), (19, 21), ("419",), ("GTM",),
               (200, 10_000)),
    Priorities("demo-migrant-workers-hk", ("OBLIG",), (6, 7), ("035",), ("PHL",), (100, 5_000)),
    Priorities("demo-nepali-workers-qatar", ("WGWS",), (6, 20), ("034",), ("NPL",),
               (100, 10_000)),
    # Migrants giving in their own name
    Priorities("expert.diallo", ("CONS",), (19,), ("011",), ("SEN",), (100, 3_000)),
    Priorities("expert.villanueva", ("WGWS",), (6,), ("035",), ("PHL",), (50, 5_000)),
    Priorities("expert.mendoza", ("OBLIG",), (13, 21), ("419",), ("MEX",), (50, 3_000)),
    Priorities("expert.haddou", ("OBLIG",), (15, 16), ("015",), ("MAR",), (50, 2_000)),
    Priorities("expert.adeyemi", ("DATA",), (1,), ("011",), ("GHA",), (100, 5_000)),
    # Civil society
    Priorities("demo-caritas-maroc", ("OBLIG",), (15,), ("015",), ("MAR",)),
    Priorities("demo-red-frontera", ("OBLIG",), (7, 8), ("419",), ("MEX",)),
    Priorities("demo-cndh-maroc", ("OBLIG",), (17,), ("015",), ("MAR",)),
    Priorities("demo-ucad-migrations", ("DATA",), (1,), ("011",), ("SEN",)),
]  # fmt: skip


# --- Projects' requirements ----------------------------------------------------------------------

M, D, K = RequirementKind.MONEY, RequirementKind.EXPERT_DAYS, RequirementKind.IN_KIND

# project key (projects/demo.py): (kind, description, quantity, currency, estimated value)
PROJECT_NEEDS = {
    "senegal-border-screening": [
        (M, "Formation et équipement des postes frontières", "450000", "USD", None),
        (D, "Formateurs en filtrage et orientation", "120", "", None),
        (K, "Kits de filtrage pour quatre postes frontières", "4", "USD", "60000"),
    ],
    "dakar-welcome-desk": [
        (M, "Fonctionnement du guichet pendant deux ans", "95000000", "XOF", None),
        (K, "Salle d'accueil et de permanence", "1", "XOF", "6000000"),
    ],
    "morocco-legal-aid": [
        (M, "Permanences juridiques et frais de procédure", "1800000", "MAD", None),
        (D, "Juristes formateurs", "40", "", None),
    ],
    "nepal-fair-recruitment": [
        (M, "Licensing reform and inspections", "300000", "USD", None),
        (K, "Audits of recruitment agencies", "12", "USD", "30000"),
    ],
    "philippines-domestic-workers": [
        (M, "Orientation sessions and peer-support network", "250000", "USD", None),
        (K, "Meeting rooms for peer-support sessions in Hong Kong", "1", "USD", "8000"),
    ],
    "fiji-planned-relocation": [
        (M, "Community consultations and relocation planning", "1200000", "FJD", None),
        (D, "Planners and social safeguards specialists", "90", "", None),
    ],
    "mexico-alternatives-detention": [
        (M, "Casas de acogida y gestión de casos", "6000000", "MXN", None),
        (K, "Espacios de acogida comunitaria", "2", "MXN", "300000"),
    ],
    "quito-local-integration": [
        (M, "Centros de orientación y mediación comunitaria", "180000", "USD", None),
        (D, "Mediadores interculturales", "60", "", None),
    ],
    "global-migration-statistics": [
        (M, "Learning programme for national statistics offices", "600000", "USD", None),
        (D, "Statisticians as trainers", "80", "", None),
    ],
    "pacific-labour-mobility": [
        (M, "Worker welfare officers and the regional portal", "400000", "AUD", None),
    ],
    "barcelona-legal-orientation": [
        (M, "Orientación jurídica y acogida", "120000", "EUR", None),
        (K, "Asesoría jurídica pro bono", "1", "EUR", "15000"),
    ],
}


# --- Contributions -------------------------------------------------------------------------------

PLEDGED, COMMITTED, PARTLY, PAID, DELIVERED, CANCELLED = (
    "pledged", "committed", "partly", "paid", "delivered", "cancelled",
)  # fmt: skip
F = ContributionKind


@dataclass(frozen=True)
class Gift:
    """A contribution and its story. `to`: ("request", organisation slug, index among its
    fundable requests) or ("project", project key). For money, `share` of the destination's
    money requirement; for expert-days, of its days; for in-kind items, of its in-kind value, or
    `value` (USD) when it asks for none. Made `months` ago; `spent`: the share of what was
    disbursed that the project reports spending, and on what."""

    key: str
    donor: str
    to: tuple
    currency: str
    share: str
    story: str
    months: int
    kind: str = F.FINANCIAL
    what: str = ""
    value: int | None = None
    note: str = ""
    reason: str = ""
    spent: tuple[str, str] | None = None


def _r(slug: str, index: int = 0) -> tuple:
    return ("request", slug, index)


def _p(key: str) -> tuple:
    return ("project", key)


GIFTS = [
    # Requests: fully funded -------------------------------------------------------------------
    Gift("sen-border-spain", "demo-spain-inclusion", _r("demo-senegal-interior"), "EUR", "0.6",
         PAID, 14, note="Contribución de la cooperación española."),
    Gift("sen-border-swiss", "demo-switzerland-sem", _r("demo-senegal-interior"), "CHF", "0.32",
         COMMITTED, 9),
    Gift("sen-border-fasf", "demo-senegalese-diaspora-france", _r("demo-senegal-interior"),
         "EUR", "0.1", PAID, 7, note="Collecte des associations membres de la fédération."),
    Gift("sen-border-icmpd", "demo-icmpd", _r("demo-senegal-interior"), "EUR", "1",
         DELIVERED, 10, F.EXPERT_DAYS, "Formateurs de l'ICMPD en gestion des frontières"),
    Gift("ecu-consular-spain", "demo-spain-inclusion", _r("demo-ecuador-movilidad"), "EUR",
         "0.5", PAID, 16),
    Gift("ecu-consular-fmd", "demo-mobility-foundation", _r("demo-ecuador-movilidad"), "EUR",
         "0.42", PAID, 12),
    Gift("ecu-consular-diaspora", "demo-ecuatorianos-espana", _r("demo-ecuador-movilidad"),
         "EUR", "0.1", COMMITTED, 5),
    Gift("ecu-consular-jica", "demo-japan-jica", _r("demo-ecuador-movilidad"), "JPY", "0.15",
         PLEDGED, 2),
    Gift("ecu-consular-datanube", "demo-datanube", _r("demo-ecuador-movilidad"), "USD", "1",
         DELIVERED, 8, F.PRO_BONO, "Desarrollo del registro consular en línea"),
    Gift("phl-recruitment-talentbridge", "demo-talentbridge", _r("demo-philippines-dmw"), "GBP",
         "0.4", PAID, 11),
    Gift("phl-recruitment-ilo", "demo-ilo-fair-recruitment", _r("demo-philippines-dmw"), "USD",
         "0.45", COMMITTED, 6),
    Gift("phl-recruitment-fnauk", "demo-filipino-nurses-uk", _r("demo-philippines-dmw"), "GBP",
         "0.1", PAID, 9, note="Raised at our annual gala in Manchester."),
    Gift("phl-recruitment-villanueva", "expert.villanueva", _r("demo-philippines-dmw"), "PHP",
         "0.08", COMMITTED, 4),
    Gift("phl-recruitment-ilo-days", "demo-ilo-fair-recruitment", _r("demo-philippines-dmw"),
         "USD", "1", COMMITTED, 6, F.EXPERT_DAYS, "ILO fair recruitment specialists"),
    Gift("bcn-health-fmd", "demo-mobility-foundation", _r("demo-barcelona-saier"), "EUR", "1.05",
         COMMITTED, 3),
    Gift("bcn-health-haddou", "expert.haddou", _r("demo-barcelona-saier"), "MAD", "0.03", PAID,
         3),
    # Requests: half funded, with pledges ------------------------------------------------------
    Gift("sen-diaspora-fasf", "demo-senegalese-diaspora-france", _r("demo-senegal-dgase", 1),
         "EUR", "0.25", COMMITTED, 6),
    Gift("sen-diaspora-diallo", "expert.diallo", _r("demo-senegal-dgase", 1), "EUR", "0.02",
         PAID, 5, note="Pour que les compétences de la diaspora servent au pays."),
    Gift("sen-diaspora-horizons", "demo-fondation-horizons", _r("demo-senegal-dgase", 1), "CHF",
         "0.25", PARTLY, 8),
    Gift("sen-diaspora-civitech", "demo-civitech-afrique", _r("demo-senegal-dgase", 1), "XOF",
         "0.2", CANCELLED, 10,
         reason="Budget réaffecté au registre consulaire numérique, que nous équipons."),
    Gift("sen-registry-civitech", "demo-civitech-afrique", _r("demo-senegal-dgase"), "XOF", "0.5",
         DELIVERED, 6, F.EQUIPMENT, "Terminaux d'enrôlement biométrique pour quatre consulats"),
    Gift("npl-remittances-remitco", "demo-remitco", _r("demo-nepal-dofe", 1), "KES", "0.3", PAID,
         13, note="Part of our corridor-pricing commitment."),
    Gift("npl-remittances-qatar", "demo-nepali-workers-qatar", _r("demo-nepal-dofe", 1), "USD",
         "0.05", PAID, 7),
    Gift("npl-remittances-norway", "demo-norway-mfa", _r("demo-nepal-dofe", 1), "NOK", "0.5",
         COMMITTED, 4),
    Gift("phl-orientation-amwn", "demo-migrant-workers-hk", _r("demo-philippines-dmw", 1),
         "USD", "0.1", PAID, 6),
    Gift("phl-orientation-jica", "demo-japan-jica", _r("demo-philippines-dmw", 1), "JPY", "0.4",
         COMMITTED, 5),
    Gift("fji-relocation-pff", "demo-pacific-futures-fund", _r("demo-fiji-economy"), "USD",
         "0.6", COMMITTED, 7),
    Gift("fji-relocation-undp", "demo-undp-pacific", _r("demo-fiji-economy"), "USD", "0.2",
         PLEDGED, 2),
    Gift("mda-skills-italy", "demo-moldovans-italy", _r("demo-moldova-diaspora"), "EUR", "0.15",
         PAID, 9),
    Gift("mda-skills-sida", "demo-sweden-sida", _r("demo-moldova-diaspora"), "SEK", "0.5",
         PARTLY, 11),
    Gift("mda-skills-fmd", "demo-mobility-foundation", _r("demo-moldova-diaspora"), "EUR", "0.3",
         CANCELLED, 15, reason="La fundación cerró su línea para Europa del Este este año."),
    # Requests: barely funded, pledges only ---------------------------------------------------
    Gift("sen-referral-diallo", "expert.diallo", _r("demo-senegal-interior", 1), "EUR", "0.04",
         PLEDGED, 1),
    Gift("sen-referral-norway", "demo-norway-mfa", _r("demo-senegal-interior", 1), "NOK", "0.1",
         PLEDGED, 1),
    Gift("mex-atd-mendoza", "expert.mendoza", _r("demo-mexico-segob"), "MXN", "0.01", PAID, 4),
    Gift("mex-atd-frontera", "demo-red-frontera", _r("demo-mexico-segob"), "MXN", "0", DELIVERED,
         5, F.VENUE, "Albergue para reuniones con familias", value=3000),
    Gift("gha-data-ecowas", "demo-ecowas-commission", _r("demo-ghana-immigration"), "USD", "0.2",
         COMMITTED, 3),
    Gift("gha-data-adeyemi", "expert.adeyemi", _r("demo-ghana-immigration"), "GBP", "0.02",
         PLEDGED, 1),
    Gift("gtm-climate-alianza", "demo-guatemaltecos-eeuu", _r("demo-guatemala-igm", 1), "USD",
         "0.05", PAID, 6),
    Gift("mtl-health-horizons", "demo-fondation-horizons", _r("demo-ville-de-montreal"), "CHF",
         "0.5", PLEDGED, 2),
    # Projects ---------------------------------------------------------------------------------
    Gift("sen-screening-spain", "demo-spain-inclusion", _p("senegal-border-screening"), "EUR",
         "0.55", PAID, 20, spent=("0.8", "Formation de 240 agents de la Police de l'air et des "
                                         "frontières")),
    Gift("sen-screening-swiss", "demo-switzerland-sem", _p("senegal-border-screening"), "CHF",
         "0.2", PARTLY, 12, spent=("0.5", "Procédures opérationnelles et fiches d'orientation")),
    Gift("sen-screening-civitech", "demo-civitech-afrique", _p("senegal-border-screening"), "XOF",
         "0.5", DELIVERED, 10, F.EQUIPMENT, "Lecteurs de documents pour Rosso et Kidira"),
    Gift("sen-screening-icmpd", "demo-icmpd", _p("senegal-border-screening"), "EUR", "0.5",
         COMMITTED, 14, F.EXPERT_DAYS, "Formateurs de l'ICMPD"),
    Gift("dkr-desk-horizons", "demo-fondation-horizons", _p("dakar-welcome-desk"), "CHF", "0.7",
         PAID, 18, spent=("0.6", "Salaires des conseillers du guichet")),
    Gift("dkr-desk-fasf", "demo-senegalese-diaspora-france", _p("dakar-welcome-desk"), "EUR",
         "0.08", PAID, 8),
    Gift("dkr-desk-ucad", "demo-ucad-migrations", _p("dakar-welcome-desk"), "XOF", "1",
         DELIVERED, 15, F.VENUE, "Salle de permanence au campus de l'université"),
    Gift("mar-legal-fmd", "demo-mobility-foundation", _p("morocco-legal-aid"), "EUR", "0.9", PAID,
         17, spent=("0.7", "Honoraires des avocats et frais de procédure")),
    Gift("mar-legal-haddou", "expert.haddou", _p("morocco-legal-aid"), "MAD", "0.02", PAID, 6),
    Gift("mar-legal-cndh", "demo-cndh-maroc", _p("morocco-legal-aid"), "MAD", "0.5", DELIVERED,
         9, F.EXPERT_DAYS, "Juristes du CNDH pour la formation des permanents"),
    Gift("npl-recruitment-horizons", "demo-fondation-horizons", _p("nepal-fair-recruitment"),
         "CHF", "0.35", PARTLY, 13, spent=("1", "Licensing reform workshops with agencies")),
    Gift("npl-recruitment-qatar", "demo-nepali-workers-qatar", _p("nepal-fair-recruitment"),
         "USD", "0.03", PAID, 5),
    Gift("npl-recruitment-talentbridge", "demo-talentbridge", _p("nepal-fair-recruitment"),
         "GBP", "0.8", DELIVERED, 9, F.PRO_BONO, "Ethical recruitment audits of 10 agencies"),
    Gift("phl-domestic-ircc", "demo-canada-ircc", _p("philippines-domestic-workers"), "CAD",
         "1.05", PAID, 19, spent=("0.9", "Orientation sessions in Manila and Hong Kong")),
    Gift("phl-domestic-amwn", "demo-migrant-workers-hk", _p("philippines-domestic-workers"),
         "USD", "1", DELIVERED, 10, F.VENUE, "Our community hall for Sunday peer-support sessions"),
    Gift("fji-plan-pff", "demo-pacific-futures-fund", _p("fiji-planned-relocation"), "USD", "0.2",
         COMMITTED, 10),
    Gift("fji-plan-jica", "demo-japan-jica", _p("fiji-planned-relocation"), "JPY", "0.3", PLEDGED,
         3),
    Gift("mex-detention-fmd", "demo-mobility-foundation", _p("mexico-alternatives-detention"),
         "EUR", "0.4", PAID, 16, spent=("0.75", "Operación de dos casas de acogida")),
    Gift("mex-detention-mendoza", "expert.mendoza", _p("mexico-alternatives-detention"), "MXN",
         "0.01", PAID, 7),
    Gift("mex-detention-frontera", "demo-red-frontera", _p("mexico-alternatives-detention"),
         "MXN", "0.4", DELIVERED, 8, F.VENUE, "Espacios de acogida de la red en Tapachula"),
    Gift("global-stats-sida", "demo-sweden-sida", _p("global-migration-statistics"), "SEK", "0.4",
         PAID, 21, spent=("0.85", "First two cohorts of the learning programme")),
    Gift("global-stats-norway", "demo-norway-mfa", _p("global-migration-statistics"), "NOK", "0.3",
         PARTLY, 10),
    Gift("pacific-mobility-pff", "demo-pacific-futures-fund", _p("pacific-labour-mobility"),
         "USD", "0.1", PLEDGED, 2),
    Gift("bcn-orientation-spain", "demo-spain-inclusion", _p("barcelona-legal-orientation"),
         "EUR", "0.5", PLEDGED, 2),
    Gift("bcn-orientation-ecuatorianos", "demo-ecuatorianos-espana",
         _p("barcelona-legal-orientation"), "EUR", "0.1", COMMITTED, 3),
    Gift("bcn-orientation-sida", "demo-sweden-sida", _p("barcelona-legal-orientation"), "SEK",
         "0.3", CANCELLED, 6, reason="Outside the geographic priorities of our new strategy."),
]  # fmt: skip


# --- The pooled fund -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Deposit:
    """A donor's deposit into the fund, in its currency, made `months` ago; earmarked for a
    capacity area or a country; `paid`: the share disbursed so far."""

    key: str
    donor: str
    amount: str
    currency: str
    months: int
    paid: str = "1"
    area: str | None = None
    country: str | None = None
    story: str = COMMITTED
    reason: str = ""


DEPOSITS = [
    Deposit("sida", "demo-sweden-sida", "2300000", "SEK", 20),
    Deposit("norway-data", "demo-norway-mfa", "1200000", "NOK", 17, area="DATA"),
    Deposit("swiss-morocco", "demo-switzerland-sem", "120000", "CHF", 15, country="MAR"),
    Deposit("jica", "demo-japan-jica", "20000000", "JPY", 11, paid="0.5"),
    Deposit("fmd", "demo-mobility-foundation", "50000", "EUR", 9),
    Deposit("remitco", "demo-remitco", "3000000", "KES", 7),
    Deposit("fasf", "demo-senegalese-diaspora-france", "5000", "EUR", 6),
    Deposit("villanueva", "expert.villanueva", "100000", "PHP", 5),
    Deposit("spain", "demo-spain-inclusion", "200000", "EUR", 1, story=PLEDGED),
    Deposit("ircc", "demo-canada-ircc", "100000", "CAD", 8, story=CANCELLED,
            reason="Our contribution moves to the next fiscal year's budget."),
]  # fmt: skip
# A donor commits to a proposal waiting in the pipeline (its money not yet paid).
PIPELINE_DEPOSIT = ("horizons-pipeline", "demo-fondation-horizons", "100000", "CHF")


@dataclass(frozen=True)
class Bid:
    """A joint proposal: its lead organisation, government partner, texts, and how it ends
    (FUNDED, APPROVED in the pipeline, REJECTED, DRAFT, SUBMITTED). `level`: how the reviewers
    score it (0 to 4); `conflict`: the reviewer who declares a conflict of interest, and why."""

    key: str
    lead: str
    partners: tuple[str, ...]
    language: str
    title: str
    summary: str
    objectives: str
    activities: str
    budget: str
    months: int
    countries: tuple[str, ...]
    areas: tuple[str, ...]
    gcm: tuple[int, ...]
    markers: tuple[int, int, int]
    ending: str
    level: int = 3
    comment: str = ""
    note: str = ""
    conflict: tuple[str, str] | None = None
    disbursed: str = "0"
    spent: tuple[str, str] | None = None


FUNDED, APPROVED, REJECTED = "funded", "approved", "rejected"
DRAFT, SUBMITTED = "draft", "submitted"

CLOSED_CALL = {
    "title": "First call: whole-of-government capacity for safe, orderly and regular migration",
    "description": "The Migration Start-up Fund (demo) finances the first steps of national "
    "capacity development in migration governance: a government and its partners set up what "
    "the country's assessment found missing. Grants of up to 300,000 US dollars, for 12 to 24 "
    "months.",
    "eligibility": "A national or local government must take part, as lead or partner; civil "
    "society, diaspora organisations, academia and UN agencies apply jointly with it.",
    "ceiling": "300000",
    "areas": ("WGWS", "COORD", "DATA", "OBLIG"),
}
OPEN_CALL = {
    "title": "Second call: diaspora engagement and local integration",
    "description": "Proposals that involve diasporas and cities in migration governance: "
    "skills transfers, diaspora investment, welcome desks, local integration plans. Grants of "
    "up to 150,000 US dollars.",
    "eligibility": "Joint proposals of a diaspora or migrant organisation, a city or a civil "
    "society organisation with a government partner.",
    "ceiling": "150000",
    "areas": ("WGWS", "CONS"),
    "days": 45,
}

CLOSED_BIDS = [
    Bid(
        "morocco-rights-desks", "demo-caritas-maroc", ("demo-morocco-mre",), "fr",
        "Des points d'accès aux droits pour les personnes migrantes à Rabat et Oujda",
        "Caritas Maroc et le ministère chargé des Marocains résidant à l'étranger et des "
        "affaires de la migration ouvrent deux points d'accès aux droits, où les personnes "
        "migrantes sont orientées vers les services de santé, d'éducation et de régularisation.",
        "Que les personnes migrantes de Rabat et d'Oujda connaissent leurs droits et accèdent "
        "aux services publics sans intermédiaire.",
        "Ouverture de deux points d'accès ; formation de vingt médiateurs ; accords avec les "
        "directions régionales de la santé et de l'éducation ; suivi des orientations.",
        "280000", 24, ("MAR",), ("OBLIG", "WGWS"), (15, 16), (2, 2, 1), FUNDED, 4,
        comment="Proposition solide, partenariat gouvernemental réel ; budget cohérent.",
        note="Approuvée : répond à une lacune du profil national et associe le ministère dès le "
             "départ.",
        disbursed="0.4", spent=("0.25", "Recrutement et formation des médiateurs"),
    ),
    Bid(
        "colombia-data-bridge", "demo-migration-lab", ("demo-colombia-migracion",), "es",
        "Un puente de datos entre Migración Colombia y las encuestas de hogares",
        "El Migration Data Lab y Migración Colombia vinculan los registros administrativos con "
        "las encuestas de hogares para estimar la integración de la población venezolana.",
        "Que las políticas de integración se planifiquen con datos comparables y publicados "
        "cada trimestre.",
        "Protocolo de intercambio de datos; módulo migratorio en la encuesta de hogares; "
        "tablero público; formación de analistas de las dos instituciones.",
        "250000", 18, ("COL",), ("DATA",), (1, 23), (1, 1, 0), FUNDED, 3,
        comment="Metodología clara; el componente de protección de datos debe detallarse.",
        note="Aprobada: datos públicos y comparables, con la autoridad migratoria a bordo.",
        conflict=("reviewer.carvalho", "I advised the Migration Data Lab on its survey design "
                                       "in the last two years."),
        disbursed="1", spent=("0.15", "Protocolo de intercambio de datos y taller de arranque"),
    ),
    Bid(
        "nepal-returnee-skills", "demo-nepali-workers-qatar", ("demo-nepal-dofe",), "en",
        "Recognising the skills of Nepali workers returning from the Gulf",
        "The Nepali Migrant Workers' Network Qatar and the Department of Foreign Employment set "
        "up skills recognition for returnees, starting with construction and hospitality.",
        "Returnees have the skills they gained abroad certified and find work at home that "
        "uses them.",
        "Skills tests in three districts; a certificate recognised by employers; a referral "
        "desk at the Department's reintegration centre; outreach through the network.",
        "290000", 24, ("NPL",), ("WGWS",), (18, 21), (1, 1, 0), APPROVED, 3,
        comment="Well targeted on returnees; the employer side needs more detail.",
        note="Approved for the pipeline: the fund's balance does not cover it yet.",
    ),
    Bid(
        "philippines-care-pathways", "demo-filipino-nurses-uk", ("demo-philippines-dmw",), "en",
        "Ethical pathways for Filipino care workers to the United Kingdom",
        "The Filipino Nurses Association UK and the Department of Migrant Workers build an "
        "ethical recruitment pathway for care workers: no fees, recognised training, support "
        "on arrival.",
        "Care workers reach the United Kingdom without paying recruitment fees, with their "
        "qualifications recognised.",
        "Pre-departure training with the Department; a list of compliant recruiters; mentors "
        "from the diaspora for the first year; a complaint channel.",
        "260000", 24, ("PHL",), ("WGWS", "COORD"), (6, 18), (2, 2, 0), APPROVED, 4,
        comment="Strong diaspora involvement and a credible government partner.",
        note="Approved for the pipeline; donors may earmark for it.",
    ),
    Bid(
        "guatemala-border-shelters", "demo-red-frontera", ("demo-guatemala-igm",), "es",
        "Albergues en la frontera de Guatemala con México",
        "La Red Frontera Solidaria y el Instituto Guatemalteco de Migración amplían dos "
        "albergues fronterizos.",
        "Más plazas de acogida en la frontera.",
        "Obras en dos albergues y compra de camas.",
        "200000", 12, ("GTM",), ("OBLIG",), (7,), (0, 1, 0), REJECTED, 1,
        comment="Propuesta de infraestructura sin componente de capacidades ni enfoque de género.",
        note="No aprobada: el fondo financia el desarrollo de capacidades, no obras; y la "
             "propuesta no tiene en cuenta a las mujeres ni a la infancia. Les animamos a "
             "presentar de nuevo un proyecto sobre la gestión de los casos en los albergues.",
    ),
]  # fmt: skip

OPEN_BIDS = [
    Bid(
        "moldova-diaspora-investment", "demo-moldovans-italy", ("demo-moldova-diaspora",), "en",
        "Diaspora investment desks for Moldovan towns",
        "The Association of Moldovan Professionals in Italy and the Bureau for Diaspora "
        "Relations open investment desks in five hometowns.",
        "Diaspora savings finance local businesses in Moldova.",
        "Five desks; a matching grant scheme; training of municipal staff.",
        "140000", 18, ("MDA",), ("WGWS",), (19,), (1, 0, 0), DRAFT,
    ),
    Bid(
        "dakar-integration-plan", "demo-ucad-migrations", ("demo-ville-de-dakar",), "fr",
        "Un plan local d'intégration pour la ville de Dakar",
        "Le laboratoire d'études des migrations de l'Université Cheikh Anta Diop et la ville "
        "de Dakar élaborent le premier plan local d'intégration des personnes migrantes.",
        "Que la ville de Dakar dispose d'un plan d'intégration adopté par le conseil municipal.",
        "Enquête auprès de 1 200 ménages ; ateliers avec les quartiers ; rédaction du plan ; "
        "formation des agents municipaux.",
        "120000", 15, ("SEN",), ("WGWS",), (16, 15), (1, 1, 1), SUBMITTED,
    ),
]  # fmt: skip
# The browser flow's applicant: an organisation with no proposal yet, and its government partner.
FLOW_APPLICANT = ("demo-icmpd", "demo-ghana-immigration")
FLOW_DIASPORA = "demo-senegalese-diaspora-france"


# --- The step ------------------------------------------------------------------------------------


@register_demo_step("funding: donors, contributions and the pooled fund")
def load_funding(context: DemoContext) -> None:
    add_demo_organisations(ORGANISATIONS)
    add_demo_members(context, PEOPLE)
    world = _World.load()
    for slug, *_rest in ORGANISATIONS:
        verify_demo_organisation(
            world.organisations[slug], admin=world.editor(slug), broker=world.people[SECRETARIAT]
        )
    _exchange_rates(world.today)
    _profiles(world)
    _requirements(world)
    done = set(Contribution.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    for gift in GIFTS:
        if _key("gift", gift.key) not in done:
            _give(gift, world)
    fund = _fund(world)
    for deposit in DEPOSITS:
        if _key("deposit", deposit.key) not in done:
            _deposit(deposit, fund, world)
    closed = Call.objects.filter(fund=fund, title=CLOSED_CALL["title"]).first()
    if closed is None:
        closed = _closed_call(fund, world)
    open_call = Call.objects.filter(fund=fund, title=OPEN_CALL["title"]).first()
    if open_call is None:
        open_call = _open_call(fund, world)
    pipeline = Proposal.objects.filter(call=closed, status=ProposalStatus.APPROVED).order_by("pk")
    funded = Proposal.objects.filter(call=closed, status=ProposalStatus.FUNDED).order_by("pk")
    applicant, partner = FLOW_APPLICANT
    context.data["funding"] = {
        "fund": fund.slug,
        "open_call": open_call.pk,
        "closed_call": closed.pk,
        "pipeline_proposal": pipeline.first().pk,
        "funded_project": funded.first().project_id,
        "secretariat": world.people[SECRETARIAT].email,
        "committee": [world.people[local].email for local in COMMITTEE],
        "reviewers": [world.people[local].email for local in REVIEWERS[:2]],
        "applicant": applicant,
        "applicant_editor": world.editor(applicant).email,
        "partner_government": partner,
        "diaspora_organisation": FLOW_DIASPORA,
        "diaspora_editor": world.editor(FLOW_DIASPORA).email,
    }


def _key(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "funding-demo:" + ":".join(parts))


@dataclass
class _World:
    today: date
    organisations: dict
    people: dict
    editors: dict
    areas: dict
    objectives: dict
    countries: dict
    regions: dict
    requests: dict = field(default_factory=dict)

    @classmethod
    def load(cls) -> "_World":
        people = {
            user.email.split("@")[0]: user
            for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
        }
        editors: dict[int, User] = {}
        for membership in (
            Membership.objects.filter(
                organisation__is_demo=True,
                user__is_demo=True,
                role__in=(MembershipRole.EDITOR, MembershipRole.ADMIN),
            )
            .select_related("user")
            .order_by("user__email")
        ):
            editors.setdefault(membership.organisation_id, membership.user)
        requests: dict[str, list] = {}
        for support_request in SupportRequest.objects.filter(
            is_demo=True, status__in=FUNDABLE_REQUEST_STATUSES
        ).order_by("pk"):
            requests.setdefault(support_request.organisation_id, []).append(support_request)
        return cls(
            today=timezone.localdate(),
            organisations={o.slug: o for o in Organisation.objects.filter(is_demo=True)},
            people=people,
            editors=editors,
            areas={area.code: area for area in CapacityArea.objects.all()},
            objectives={objective.number: objective for objective in GCMObjective.objects.all()},
            countries={country.iso3: country for country in Country.objects.all()},
            regions={region.code: region for region in Region.objects.all()},
            requests=requests,
        )

    def editor(self, slug: str) -> User:
        """The organisation's first editor or administrator (by e-mail)."""
        return self.editors[self.organisations[slug].pk]

    def donor(self, name: str) -> tuple[User, Organisation | None]:
        """Who records a gift, and the organisation it comes from (None: a person)."""
        if name in self.organisations:
            return self.editor(name), self.organisations[name]
        return self.people[name], None

    def months_ago(self, months: int) -> date:
        return self.today - timedelta(days=round(months * 30.4))


# --- Exchange rates and profiles ------------------------------------------------------------------


def _month(first: date, months: int) -> date:
    index = first.month - 1 + months
    return date(first.year + index // 12, index % 12 + 1, 1)


def demo_rate(currency: str, month: int) -> Decimal:
    """The DEMO rate of `currency` (USD per unit) in month `month` of the series: its base rate
    with a yearly wave and a slow trend, both small and fixed by the currency's code."""
    if currency == "XOF":
        return (demo_rate("EUR", month) / XOF_PER_EUR).quantize(Decimal("0.00000001"))
    seed = sum(ord(letter) for letter in currency)
    wave = 0.025 * math.sin(2 * math.pi * (month + seed % 12) / 12)
    trend = (month - RATE_MONTHS / 2) * 0.0015 * (1 if seed % 2 else -1)
    factor = Decimal(str(round(1 + wave + trend, 6)))
    return (Decimal(BASE_RATES[currency]) * factor).quantize(Decimal("0.00000001"))


def _exchange_rates(today: date) -> None:
    first = _month(today.replace(day=1), -RATE_MONTHS)
    ExchangeRate.objects.bulk_create(
        [
            ExchangeRate(
                currency=currency, date=_month(first, n), usd_per_unit=demo_rate(currency, n)
            )
            for currency in [*BASE_RATES, "XOF"]
            for n in range(RATE_MONTHS + 1)
        ],
        ignore_conflicts=True,
    )


def _profiles(world: _World) -> None:
    for priorities in PROFILES:
        organisation = world.organisations.get(priorities.owner)
        if organisation is not None:
            owner = {"organisation": organisation}
            donor_type = donor_type_of(organisation)
        else:
            owner = {"person": world.people[priorities.owner]}
            donor_type = DonorType.MIGRANT_INDIVIDUAL
        low, high = priorities.ticket or (None, None)
        profile, _created = DonorProfile.objects.update_or_create(
            **owner,
            defaults={
                "donor_type": donor_type,
                "ticket_min": Decimal(low) if low is not None else None,
                "ticket_max": Decimal(high) if high is not None else None,
                "is_demo": True,
            },
        )
        profile.capacity_areas.set([world.areas[code] for code in priorities.areas])
        profile.gcm_objectives.set([world.objectives[number] for number in priorities.gcm])
        profile.regions.set([world.regions[code] for code in priorities.regions])
        profile.countries.set([world.countries[code] for code in priorities.countries])


def _project(key: str) -> Project:
    return Project.objects.get(
        submission_key=uuid.uuid5(projects_demo.NAMESPACE, f"projects-demo:{key}")
    )


def _requirements(world: _World) -> None:
    """The projects' requirements, set by who runs them (their recorder), on projects with
    none."""
    for key, lines in PROJECT_NEEDS.items():
        project = _project(key)
        if project.requirements.exists():
            continue
        services.project_requirements_set(
            actor=project.created_by,
            project=project,
            lines=[
                {
                    "kind": kind,
                    "description": description,
                    "quantity": Decimal(quantity),
                    "currency": currency,
                    "estimated_value": Decimal(value) if value else None,
                }
                for kind, description, quantity, currency, value in lines
            ],
        )


# --- Contributions -------------------------------------------------------------------------------


def _destination(gift: Gift, world: _World) -> dict:
    if gift.to[0] == "request":
        _kind, slug, index = gift.to
        return {"request": world.requests[world.organisations[slug].pk][index]}
    return {"project": _project(gift.to[1])}


def _required(destination: dict) -> dict[str, Decimal]:
    """What the destination requires, by kind: USD for money and in-kind items, days."""
    if "request" in destination:
        pk = destination["request"].pk
        rows = coverage.for_requests([pk])[pk]
    else:
        pk = destination["project"].pk
        rows = coverage.for_projects([pk])[pk]
    return {row.kind: row.required for row in rows}


def _rounded(amount: Decimal) -> Decimal:
    """Three significant figures: what a donor would write."""
    step = Decimal(10) ** max(amount.adjusted() - 2, 0)
    return (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _amounts(gift: Gift, destination: dict, is_cofunding: bool) -> tuple[Decimal, Decimal | None]:
    """The amount in the gift's currency, and the expert-days it gives."""
    rate = latest_rates({gift.currency})[gift.currency]
    required = _required(destination)
    share = Decimal(gift.share)
    days = None
    if gift.kind == F.FINANCIAL:
        usd = share * required.get(M, Decimal(0))
    elif gift.kind == F.EXPERT_DAYS:
        days = max(Decimal(1), (share * required.get(D, Decimal(0))).quantize(Decimal(1)))
        usd = days * DAY_VALUE_USD
    else:
        usd = share * required.get(K, Decimal(0)) or Decimal(gift.value or 0)
    if is_cofunding:  # within the platform's co-funding limits, with a margin for the rates
        low = Decimal(settings.FUNDING["COFUNDING_MIN_USD"]) * 2
        high = Decimal(settings.FUNDING["COFUNDING_MAX_USD"]) * Decimal("0.9")
        usd = min(max(usd, low), high)
    return _rounded(usd / rate), days


def _give(gift: Gift, world: _World) -> None:
    actor, organisation = world.donor(gift.donor)
    destination = _destination(gift, world)
    donor_type = donor_type_of(organisation) if organisation else DonorType.MIGRANT_INDIVIDUAL
    amount, days = _amounts(gift, destination, donor_type in COFUNDING_DONORS)
    made = world.months_ago(gift.months)
    contribution = services.contribution_create(
        actor=actor,
        source_organisation=organisation,
        data=services.ContributionData(
            kind=gift.kind,
            amount=amount,
            currency=gift.currency,
            value_date=made,
            description=gift.what,
            quantity=days,
            anonymous=organisation is None and INDIVIDUALS[gift.donor],
            note=gift.note,
        ),
        submission_key=_key("gift", gift.key),
        **destination,
    )
    _play(contribution, gift.story, actor, made, world, reason=gift.reason)
    if gift.spent and "project" in destination:
        _spend(contribution, gift.spent, destination["project"].created_by, world)


def _play(contribution, story: str, actor, made: date, world: _World, *, reason: str = "",
          part: Decimal = Decimal("0.5")) -> None:  # fmt: skip
    """Take a new (pledged) contribution to where its story ends: committed three weeks after
    the pledge, then paid in two tranches a month and four months later (partly paid: `part` of
    it in one tranche); in-kind help delivered two months after the pledge; or cancelled, with
    the donor's reason."""
    if story == PLEDGED:
        return
    if story == CANCELLED:
        services.contribution_cancel(actor=actor, contribution=contribution, reason=reason)
        return
    if story == DELIVERED:
        services.contribution_deliver(
            actor=actor, contribution=contribution, on=min(world.today, made + timedelta(days=60))
        )
        return
    committed = min(world.today, made + timedelta(days=21))
    services.contribution_commit(actor=actor, contribution=contribution, on=committed)
    if story == COMMITTED:
        return
    if story == PARTLY:
        tranches = [(contribution.amount * part).quantize(CENT)]
    else:
        first = (contribution.amount * Decimal("0.6")).quantize(CENT)
        tranches = [first, contribution.amount - first]
    for number, tranche in enumerate(tranches):
        services.disbursement_record(
            actor=actor,
            contribution=contribution,
            amount=tranche,
            on=min(world.today, committed + timedelta(days=30 + 90 * number)),
            description=f"Tranche {number + 1}",
        )


def _spend(contribution, spent: tuple[str, str], actor, world: _World) -> None:
    """The project reports spending a share of what the contribution disbursed to it."""
    share, what = spent
    disbursed = sum(
        (t.amount for t in contribution.transactions.filter(kind="disbursement")), Decimal(0)
    )
    last = contribution.transactions.order_by("-value_date").first()
    services.expenditure_record(
        actor=actor,
        contribution=contribution,
        amount=(disbursed * Decimal(share)).quantize(Decimal("0.01")),
        on=min(world.today, last.value_date + timedelta(days=45)),
        description=what,
    )


# --- The fund ------------------------------------------------------------------------------------


def _fund(world: _World) -> Fund:
    """The fund, as the platform's administrators set it up (there is no service for it)."""
    fund, _created = Fund.objects.update_or_create(
        slug=FUND_SLUG,
        defaults={
            "name": "Migration Start-up Fund (demo)",
            "description": "A pooled fund in the spirit of GCM paragraph 43(b) and of the "
            "Migration MPTF: donors deposit into it, its steering committee approves joint "
            "proposals of governments and their partners, and it transfers the money to the "
            "projects they become. Demo data.",
            "manager": world.organisations[FUND_MANAGER],
            "is_demo": True,
        },
    )
    fund.committee.set([world.people[local] for local in COMMITTEE])
    return fund


def _deposit(deposit: Deposit, fund: Fund, world: _World) -> Contribution:
    actor, organisation = world.donor(deposit.donor)
    made = world.months_ago(deposit.months)
    value_date = made + timedelta(days=60) if deposit.story == PLEDGED else made
    contribution = services.contribution_create(
        actor=actor,
        source_organisation=organisation,
        fund=fund,
        data=services.ContributionData(
            kind=F.FINANCIAL,
            amount=Decimal(deposit.amount),
            currency=deposit.currency,
            value_date=value_date,
            earmark_area=world.areas[deposit.area] if deposit.area else None,
            earmark_country=world.countries[deposit.country] if deposit.country else None,
            anonymous=organisation is None and INDIVIDUALS[deposit.donor],
        ),
        submission_key=_key("deposit", deposit.key),
    )
    story = deposit.story
    if story == COMMITTED:  # deposits are paid in, in full or in part
        story = PAID if deposit.paid == "1" else PARTLY
    _play(contribution, story, actor, made, world, reason=deposit.reason,
          part=Decimal(deposit.paid))  # fmt: skip
    return contribution


def _call(fund: Fund, spec: dict, deadline, world: _World) -> Call:
    broker = world.people[SECRETARIAT]
    call = services.call_create(
        actor=broker,
        fund=fund,
        data=services.CallData(
            title=spec["title"],
            description=spec["description"],
            eligibility=spec["eligibility"],
            budget_ceiling=Decimal(spec["ceiling"]),
            deadline=deadline,
            requires_government=True,
            capacity_areas=[world.areas[code] for code in spec["areas"]],
        ),
    )
    return services.call_publish(actor=broker, call=call)


def _propose(bid: Bid, call: Call, world: _World) -> Proposal:
    actor = world.editor(bid.lead)
    proposal = services.proposal_create(
        actor=actor,
        call=call,
        organisation=world.organisations[bid.lead],
        data=services.ProposalData(
            title=bid.title,
            summary=bid.summary,
            objectives=bid.objectives,
            activities=bid.activities,
            budget=Decimal(bid.budget),
            months=bid.months,
            countries=[world.countries[code] for code in bid.countries],
            capacity_areas=[world.areas[code] for code in bid.areas],
            gcm_objectives=[world.objectives[number] for number in bid.gcm],
            gender_marker=bid.markers[0],
            human_rights_marker=bid.markers[1],
            child_marker=bid.markers[2],
            language=bid.language,
            partners=[world.organisations[slug] for slug in bid.partners],
        ),
        submission_key=_key("proposal", bid.key),
    )
    if bid.ending != DRAFT:
        proposal = services.proposal_submit(actor=actor, proposal=proposal)
    return proposal


def _review(bid: Bid, proposal: Proposal, world: _World) -> None:
    """Two reviewers each; one declares a conflict and a third takes the place."""
    broker = world.people[SECRETARIAT]
    conflicted = bid.conflict[0] if bid.conflict else None
    first = [conflicted] if conflicted else []
    chosen = [*first, *(local for local in REVIEWERS if local != conflicted)][:2]
    reviewers = [world.people[local] for local in chosen]
    reviews = services.review_assign(actor=broker, proposal=proposal, reviewers=reviewers)
    if conflicted:
        services.review_declare(
            actor=reviews[0].reviewer, review=reviews[0], has_conflict=True,
            statement=bid.conflict[1],
        )  # fmt: skip
        third = next(local for local in REVIEWERS if local not in chosen)
        reviews = reviews[1:] + services.review_assign(
            actor=broker, proposal=proposal, reviewers=[world.people[third]]
        )
    criteria = list(proposal.call.criteria.order_by("position"))
    for number, review in enumerate(reviews):
        services.review_declare(actor=review.reviewer, review=review, has_conflict=False)
        scores = {
            criterion.pk: (min(4, max(0, bid.level + (criterion.position + number) % 3 - 1)), "")
            for criterion in criteria
        }
        if bid.ending != REJECTED:  # mandatory criteria (the markers) score at least 1
            scores.update({c.pk: (max(1, scores[c.pk][0]), "") for c in criteria if c.mandatory})
        services.review_save(actor=review.reviewer, review=review, scores=scores,
                             comment=bid.comment)  # fmt: skip
        services.review_submit(actor=review.reviewer, review=review)


def _closed_call(fund: Fund, world: _World) -> Call:
    """Published, proposals taken and reviewed, decided, granted and closed today; then its
    dates are moved back to when it ran (see the module's docstring)."""
    broker = world.people[SECRETARIAT]
    call = _call(fund, CLOSED_CALL, timezone.now() + timedelta(days=30), world)
    proposals = {bid.key: _propose(bid, call, world) for bid in CLOSED_BIDS}
    for bid in CLOSED_BIDS:
        _review(bid, proposals[bid.key], world)
    chair = world.people[COMMITTEE[0]]
    for bid in CLOSED_BIDS:
        proposals[bid.key] = services.proposal_decide(
            actor=chair, proposal=proposals[bid.key], approve=bid.ending != REJECTED, note=bid.note
        )
    for bid in CLOSED_BIDS:
        if bid.ending == FUNDED:
            project = services.proposal_fund(actor=broker, proposal=proposals[bid.key])
            _grant(bid, project, fund, world)
    pipeline = next(bid for bid in CLOSED_BIDS if bid.ending == APPROVED)
    key, donor, amount, currency = PIPELINE_DEPOSIT
    actor, organisation = world.donor(donor)
    services.contribution_create(
        actor=actor, source_organisation=organisation, fund=fund,
        status=ContributionStatus.COMMITTED,
        data=services.ContributionData(
            kind=F.FINANCIAL, amount=Decimal(amount), currency=currency, value_date=world.today,
            earmark_proposal=proposals[pipeline.key],
            note="Earmarked for this proposal; paid once the other donors complete its budget.",
        ),
        submission_key=_key("deposit", key),
    )  # fmt: skip
    services.call_close(actor=broker, call=call)
    _backdate(call)
    return call


def _grant(bid: Bid, project: Project, fund: Fund, world: _World) -> None:
    """The project's requirement is its budget; the secretariat disburses a share of each
    transfer; the lead organisation reports its first spending."""
    editor = world.editor(bid.lead)
    services.project_requirements_set(
        actor=editor, project=project,
        lines=[{"kind": M, "description": bid.title[:200], "quantity": Decimal(bid.budget),
                "currency": "USD"}],
    )  # fmt: skip
    broker = world.people[SECRETARIAT]
    transfers = list(project.contributions.filter(source_fund=fund).order_by("pk"))
    for transfer in transfers:
        services.disbursement_record(
            actor=broker, contribution=transfer, on=world.today, description="First instalment",
            amount=(transfer.amount * Decimal(bid.disbursed)).quantize(Decimal("0.01")),
        )  # fmt: skip
    if bid.spent:
        _spend(transfers[0], bid.spent, editor, world)


def _backdate(call: Call) -> None:
    now = timezone.now()
    Call.objects.filter(pk=call.pk).update(
        published_at=now - timedelta(days=150), deadline=now - timedelta(days=90)
    )
    call.proposals.update(submitted_at=now - timedelta(days=100))
    call.proposals.exclude(decided_at=None).update(decided_at=now - timedelta(days=60))
    reviews = Review.objects.filter(proposal__call=call)
    reviews.update(conflict_declared_at=now - timedelta(days=95))
    reviews.exclude(submitted_at=None).update(submitted_at=now - timedelta(days=75))


def _open_call(fund: Fund, world: _World) -> Call:
    call = _call(fund, OPEN_CALL, timezone.now() + timedelta(days=OPEN_CALL["days"]), world)
    for bid in OPEN_BIDS:
        _propose(bid, call, world)
    return call
