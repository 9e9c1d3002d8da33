"""The two calls for practices of the demo and what was submitted to them. The closed call,
inspired by the second session of the International Dialogue on Migration 2018 (partnerships
for capacity development), has run its course: its practices were reviewed and published, one
declined. The open call, on migration data, has a submission at every step before publication,
and the Senegalese interior ministry's editor has two drafts waiting."""

from dataclasses import dataclass

from . import Spec, practice, resource

# Where each submission's story ends.
PUBLISHED = "published"
DECLINED = "declined"
SUBMITTED = "submitted"  # waiting for the curator to assign reviewers
IN_REVIEW = "in_review"  # one review submitted, the other reviewer still reading
CHANGES_REQUESTED = "changes_requested"  # reviews submitted, the curator asked for changes
REVISED = "revised"  # changes requested, revised by the authors, back with the reviewers
DRAFT = "draft"


@dataclass(frozen=True)
class Submission:
    spec: Spec
    story: str
    # What the reviewers wrote, in turn: (recommendation, comment, a verdict per criterion —
    # "met", "partly" or "not_met", in the order of the call's criteria).
    reviews: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    reason: str = ""  # the curator's decision
    revision: dict[str, str] | None = None  # the sections the authors rewrote


CLOSED_CALL = {
    "key": "closed",
    "title": "Partnerships for capacity development in migration governance",
    "theme": "Partnerships and peer exchange (IDM 2018, second session)",
    "description": "Following the second session of the International Dialogue on Migration "
    "2018, this call looks for partnerships that developed the capacities of States and other "
    "actors to govern migration: peer exchanges between administrations, twinnings between "
    "cities, South-South cooperation, regional frameworks and multi-stakeholder programmes. "
    "We are interested in what the partners learned from each other and in what lasted after "
    "the partnership ended.",
    "eligibility": "Governments at every level, regional bodies, UN agencies and other "
    "international organisations, civil society, diaspora and migrant organisations, the "
    "private sector and academia. Practices must be mostly or fully completed.",
    "contact": "practices@demo.passerelle.test",
    "language": "en",
    "own_criteria": [
        "Involves at least two partners from different countries or levels of government",
        "Describes what continued after the partnership ended",
    ],
    "areas": "COORD WGWS",
    "gcm": (23,),
}

OPEN_CALL = {
    "key": "open",
    "title": "Appel à pratiques : des données migratoires au service des politiques publiques",
    "theme": "Collecte, analyse et utilisation des données migratoires",
    "description": "Cet appel recherche des pratiques de collecte, de partage et d'analyse de "
    "données sur les migrations qui ont effectivement servi à une décision publique : "
    "profils migratoires, enquêtes, registres administratifs, observatoires locaux, systèmes "
    "d'information aux frontières, données sur les retours ou sur le marché du travail. Les "
    "pratiques qui ventilent les données par sexe, âge et statut migratoire, et qui protègent "
    "les données personnelles, sont particulièrement attendues.",
    "eligibility": "Administrations nationales et locales, instituts statistiques, "
    "organisations régionales et internationales, universités, société civile. Les "
    "pratiques peuvent être rédigées en français, en anglais ou en espagnol.",
    "contact": "donnees@demo.passerelle.test",
    "language": "fr",
    "own_criteria": [
        "Les données produites ont été utilisées dans une décision publique",
        "Les données sont ventilées par sexe et par âge, et les données personnelles protégées",
    ],
    "areas": "DATA",
    "gcm": (1,),
    "days": 42,
}

MET, PARTLY, NOT_MET = "met", "partly", "not_met"
ALL_MET = (MET,) * 8

CLOSED_SUBMISSIONS = [
    Submission(
        practice(
            "gha-sen-peer-exchange-border-data", "en", "demo-ghana-immigration",
            title="Peer exchange between the immigration services of Ghana and Senegal on "
            "border data",
            summary="Officers of the Ghana Immigration Service and of Senegal's air and border "
            "police spent two weeks in each other's headquarters and border posts to compare "
            "how they collect, check and publish border crossing data.",
            context="Both services had installed electronic systems at their borders but used "
            "them differently: Senegal published monthly statistics, Ghana had better alert "
            "checks. Neither had seen the other's practice.",
            objectives="Learn from a peer service facing the same constraints, rather than "
            "from consultants.",
            activities="Two study visits of two weeks, each with six officers: data analysts, "
            "border post commanders and trainers. A joint workshop wrote a list of changes each "
            "service would make. Follow-up video calls every quarter for a year.",
            partners="Ghana Immigration Service; Direction de la police de l'air et des "
            "frontières of Senegal; the ECOWAS Commission (facilitation).",
            results="Ghana started a monthly statistical bulletin modelled on Senegal's; "
            "Senegal adopted Ghana's procedure for checking alerts at land posts. Analysts of "
            "both services still exchange by messaging two years later.",
            evidence="Action lists of the workshop and their follow-up; the first bulletins.",
            innovation="The exchange was between equals; each service came to learn, not only "
            "to teach.",
            replicability="Any two services using similar systems can organise a peer "
            "exchange; the regional body's facilitation helped with invitations and funding.",
            lessons="What continued after the exchange was the personal link between analysts.",
            areas="BORD COORD DATA", gcm=(11, 23, 1), principles=(2,), countries="GHA SEN",
            regions="011", scope="regional",
            actors="national_government regional_body", audiences="practitioners",
            call="closed",
        ),
        PUBLISHED,
        reviews=(
            ("publish", "A clear and modest practice with concrete changes on both sides.",
             ALL_MET),
            ("publish", "Good evidence of follow-up; the bulletin could be linked.",
             (MET, MET, MET, PARTLY, MET, MET, MET, MET)),
        ),
    ),
    Submission(
        practice(
            "dkr-mtl-jumelage-agents-accueil", "fr", "demo-ville-de-dakar",
            title="Un jumelage Dakar-Montréal pour former les agents municipaux à l'accueil des "
            "personnes migrantes",
            summary="Pendant deux ans, agents de la Ville de Dakar et du bureau d'intégration "
            "des nouveaux arrivants de Montréal ont échangé leurs méthodes d'accueil, de "
            "l'orientation au premier rendez-vous jusqu'à la médiation dans les quartiers.",
            context="Dakar préparait l'ouverture d'un guichet d'accueil pour les personnes "
            "migrantes, sans expérience de ce type de service. Montréal cherchait à mieux "
            "accueillir les nouveaux arrivants d'Afrique de l'Ouest.",
            objectives="Former une équipe dakaroise à l'accueil et enrichir la formation "
            "montréalaise par l'expérience d'une ville d'Afrique de l'Ouest.",
            activities="Deux missions de deux semaines dans chaque ville ; un module de "
            "formation des agents écrit ensemble ; des séances en ligne mensuelles ; des "
            "échanges entre associations communautaires des deux villes.",
            partners="Ville de Dakar, Ville de Montréal, associations sénégalaises de "
            "Montréal, Fondation Horizons Solidaires.",
            results="Quarante agents dakarois formés ; le guichet de Dakar a ouvert avec "
            "des procédures écrites ; Montréal a intégré un volet sur l'Afrique de l'Ouest "
            "dans sa formation.",
            evidence="Évaluations des formations et rapports de mission.",
            innovation="Un échange dans les deux sens entre une ville du Sud et une ville du "
            "Nord.",
            replicability="Les jumelages existants entre villes peuvent intégrer un volet "
            "accueil des migrants.",
            lessons="Après le projet, le module de formation est resté en usage dans les deux "
            "villes, mais les missions se sont arrêtées faute de budget.",
            areas="WGWS COORD", gcm=(16, 23), principles=(9, 10), countries="SEN CAN",
            scope="local", actors="local_government civil_society",
            audiences="local_authorities", projects=("dakar-welcome-desk",), call="closed",
        ),
        PUBLISHED,
        reviews=(
            ("publish", "Pratique bien documentée et réellement réciproque.", ALL_MET),
            ("publish", "Les résultats pour Montréal pourraient être chiffrés.",
             (MET, MET, MET, MET, MET, PARTLY, MET, MET)),
        ),
    ),
    Submission(
        practice(
            "ecu-mex-cooperacion-sur-sur-consular", "es", "demo-ecuador-movilidad",
            title="Cooperación Sur-Sur entre Ecuador y México en protección consular",
            summary="La cancillería de Ecuador aprendió del modelo mexicano de protección "
            "consular en Estados Unidos —ventanillas de asesoría, consulados móviles, "
            "abogados consultores— y lo adaptó a su red en España e Italia.",
            context="Ecuador tiene una gran diáspora en España, Italia y Estados Unidos, pero "
            "su red consular contaba con pocos recursos para la asistencia jurídica.",
            activities="Pasantías de funcionarios ecuatorianos en consulados mexicanos; "
            "manual de protección consular adaptado; programa de abogados consultores en "
            "Madrid y Milán; reuniones anuales de seguimiento.",
            partners="Ministerio de Relaciones Exteriores y Movilidad Humana del Ecuador, "
            "Secretaría de Relaciones Exteriores de México, Instituto de los Mexicanos en el "
            "Exterior.",
            results="Programa de abogados consultores en dos consulados; miles de consultas "
            "jurídicas atendidas al año.",
            evidence="Informes de los consulados.",
            innovation="Transferencia de un modelo consular entre países de origen.",
            replicability="Otros países de origen pueden solicitar pasantías similares.",
            lessons="El manual siguió en uso tras el fin del programa; las pasantías se "
            "mantienen con fondos propios.",
            areas="CONS COORD", gcm=(14, 23), principles=(2,), countries="ECU MEX ESP ITA",
            scope="regional", actors="national_government", audiences="practitioners",
            call="closed",
        ),
        PUBLISHED,
        reviews=(
            ("publish", "Buen ejemplo de cooperación entre países de origen.", ALL_MET),
            ("publish", "Falta un dato de resultados más preciso, pero es publicable.",
             (MET, MET, MET, MET, PARTLY, PARTLY, MET, MET)),
        ),
    ),
    Submission(
        practice(
            "mar-tun-mobility-partnership-experts", "en", "demo-icmpd",
            title="Matching European experts with Moroccan and Tunisian institutions under the "
            "mobility partnerships",
            summary="A facility funds short expert missions between public administrations of "
            "EU member States and their counterparts in Morocco and Tunisia, chosen by the "
            "partner institutions themselves.",
            context="The mobility partnerships signed by the EU with Morocco and Tunisia "
            "promised capacity development, but projects were designed in Brussels and the "
            "partner institutions felt little ownership.",
            activities="Moroccan and Tunisian institutions submit requests; the facility finds "
            "a peer administration in an EU member State; experts go on missions of one to "
            "four weeks; results are reviewed by a joint committee.",
            partners="ICMPD, labour and migration ministries of Morocco and Tunisia, "
            "administrations of eight EU member States.",
            results="Forty actions completed, from a labour market information system to the "
            "training of consular staff.",
            evidence="Action reports and the facility's evaluation.",
            innovation="The partner institution writes the request, not the donor.",
            replicability="The demand-driven model suits other partnerships between regions.",
            lessons="Some exchanges continued without funding when the administrations had "
            "built a direct relation.",
            areas="COORD WGWS", gcm=(23, 5), principles=(2, 3), countries="MAR TUN ESP FRA",
            regions="015", scope="regional",
            actors="international_organisation national_government",
            audiences="policymakers practitioners", call="closed",
        ),
        PUBLISHED,
        reviews=(
            ("publish", "Demand-driven and well evaluated.", ALL_MET),
            ("publish", "Publishable; more detail on one action would help readers.", ALL_MET),
        ),
    ),
    Submission(
        practice(
            "talentbridge-nurse-recruitment-app", "en", "demo-talentbridge",
            title="Our app that recruits nurses from abroad in four weeks",
            summary="TalentBridge's recruitment app matches hospitals with foreign-trained "
            "nurses and handles visas in four weeks.",
            context="Hospitals need nurses quickly.",
            activities="We built an app that matches candidates and employers, with a visa "
            "service. Hospitals pay a subscription.",
            results="Hundreds of nurses placed.",
            areas="WGWS", gcm=(6,), countries="GBR PHL IND", scope="global",
            actors="private_sector", audiences="practitioners", call="closed",
        ),
        DECLINED,
        reviews=(
            ("decline", "The submission describes a commercial service rather than a "
             "partnership for capacity development, and gives no evidence of results or of "
             "respect for fair recruitment principles.",
             (PARTLY, NOT_MET, MET, NOT_MET, NOT_MET, NOT_MET, NOT_MET, NOT_MET)),
            ("decline", "No partner institution, no evidence; this reads as an advertisement.",
             (PARTLY, NOT_MET, MET, PARTLY, NOT_MET, NOT_MET, NOT_MET, NOT_MET)),
        ),
        reason="Declined: the practice presents a commercial service, not a partnership for "
        "capacity development, and the results are not supported by evidence. The call's own "
        "criteria (two partners from different countries, what continued afterwards) are not "
        "met. You are welcome to submit a practice on ethical recruitment with your partners "
        "outside this call.",
    ),
]  # fmt: skip

OPEN_SUBMISSIONS = [
    Submission(
        practice(
            "mtl-observatoire-municipal-integration", "fr", "demo-ville-de-montreal",
            title="Un observatoire municipal de l'intégration des nouveaux arrivants à Montréal",
            summary="La ville croise les données du recensement, de ses propres services et "
            "des organismes partenaires pour publier chaque année des indicateurs "
            "d'intégration par arrondissement.",
            context="Le plan d'action municipal sur l'intégration manquait d'indicateurs "
            "locaux : les statistiques provinciales ne descendaient pas au niveau des "
            "arrondissements.",
            activities="Choix de vingt indicateurs avec les arrondissements ; conventions de "
            "partage de données avec les organismes ; tableau de bord public ; rapport annuel "
            "présenté au conseil municipal.",
            results="Deux éditions publiées ; les arrondissements s'en servent pour répartir "
            "les financements communautaires.",
            evidence="Tableaux de bord et décisions budgétaires des arrondissements.",
            areas="DATA WGWS", gcm=(1, 16), countries="CAN", scope="local",
            actors="local_government", audiences="local_authorities", call="open",
        ),
        SUBMITTED,
    ),
    Submission(
        practice(
            "uio-registro-municipal-atenciones", "es", "demo-quito-inclusion",
            title="Registro municipal de atenciones a personas en movilidad humana en Quito",
            summary="Todas las ventanillas municipales registran con una misma ficha las "
            "atenciones a personas migrantes, refugiadas y retornadas, lo que permite "
            "conocer la demanda por barrio y por tipo de servicio.",
            context="Cada dependencia municipal contaba sus atenciones a su manera y la "
            "ciudad no sabía cuántas personas atendía ni con qué necesidades.",
            activities="Ficha única digital; capacitación de 200 funcionarios; tablero "
            "mensual; informe anual al concejo.",
            results="Datos mensuales por barrio; la ciudad reorientó dos servicios hacia los "
            "barrios del sur.",
            evidence="Tableros mensuales y resoluciones del concejo.",
            areas="DATA WGWS", gcm=(1, 15), countries="ECU", scope="local",
            actors="local_government", audiences="local_authorities", call="open",
        ),
        IN_REVIEW,
        reviews=(
            ("publish", "Práctica útil y replicable; los datos están desagregados por sexo y "
             "edad.", ALL_MET),
        ),
    ),
    Submission(
        practice(
            "jor-work-permit-labour-market-information", "en", "demo-jordan-labour",
            title="Labour market information on migrant workers from work permit data",
            summary="The Ministry of Labour turned its work permit database into quarterly "
            "statistics on migrant workers by sector, nationality and governorate.",
            context="Policy on migrant labour was debated without figures; the permit "
            "database was used only for administration.",
            activities="Cleaning of the permit database; quarterly tables; a dashboard for the "
            "labour committee of parliament.",
            results="Quarterly statistics published since last year.",
            areas="DATA", gcm=(1, 6), countries="JOR",
            actors="national_government", audiences="policymakers", call="open",
        ),
        CHANGES_REQUESTED,
        reviews=(
            ("changes", "Promising, but the practice does not say how the statistics were "
             "used in a decision, and figures are not disaggregated by sex although the "
             "permits record it. Please add both.",
             (MET, MET, PARTLY, PARTLY, MET, NOT_MET, NOT_MET, PARTLY)),
            ("changes", "Explain how personal data in the permit database are protected "
             "before the tables are published, and add evidence of results.",
             (MET, MET, PARTLY, MET, MET, NOT_MET, PARTLY, NOT_MET)),
        ),
        reason="Both reviewers find the practice relevant to the call. Before publication, "
        "please (1) describe at least one decision that used the statistics, (2) add the "
        "breakdown by sex and age, and (3) explain how personal data are protected. Add the "
        "evidence section with the published tables.",
    ),
    Submission(
        practice(
            "mar-collecte-donnees-violences-transit", "fr", "demo-caritas-maroc",
            title="Recueillir des données sur les violences subies par les migrants en transit",
            summary="Les permanences d'accueil de l'association consignent, avec le "
            "consentement des personnes, les violences subies sur la route, dans une base "
            "anonymisée partagée avec l'institution nationale des droits de l'homme.",
            context="Les violences subies par les migrants en transit étaient connues par des "
            "témoignages isolés, sans données permettant d'alerter les autorités.",
            activities="Fiche d'entretien commune aux permanences de Rabat, Casablanca et "
            "Oujda ; consentement éclairé ; base anonymisée ; rapport semestriel.",
            results="Trois rapports semestriels ; une alerte sur les violences à la "
            "frontière orientale transmise aux autorités.",
            areas="DATA OBLIG", gcm=(1, 7, 17), countries="MAR",
            actors="civil_society nhri", audiences="policymakers civil_society", call="open",
        ),
        REVISED,
        reviews=(
            ("changes", "Important practice. The evidence section is missing and the "
             "protection of personal data should be explained in detail.",
             (MET, MET, MET, MET, MET, PARTLY, MET, PARTLY)),
            ("changes", "Please say what the authorities did with the alert.",
             (MET, MET, MET, MET, PARTLY, PARTLY, PARTLY, MET)),
        ),
        reason="Merci pour cette pratique. Avant publication, ajoutez la section sur les "
        "preuves des résultats, expliquez la protection des données personnelles et dites "
        "quelle suite les autorités ont donnée à l'alerte.",
        revision={
            "evidence": "Les trois rapports semestriels sont publiés ; l'institution nationale "
            "des droits de l'homme a cité nos données dans son rapport annuel.",
            "activities": "Fiche d'entretien commune aux permanences de Rabat, Casablanca et "
            "Oujda ; consentement éclairé recueilli par écrit ; base sans nom ni date de "
            "naissance, hébergée au Maroc, accessible à deux personnes ; rapport semestriel.",
            "results": "Trois rapports semestriels ; une alerte sur les violences à la "
            "frontière orientale a conduit l'institution nationale des droits de l'homme à "
            "mener une visite sur place et à adresser des recommandations au ministère de "
            "l'Intérieur.",
        },
    ),
    Submission(
        practice(
            "pacific-labour-mobility-data-dashboard", "en", "demo-pacific-forum",
            title="A regional dashboard of Pacific labour mobility data",
            summary="Forum members share quarterly figures on workers in the seasonal and "
            "long-term schemes, by sex, age and island of origin, in one regional dashboard.",
            context="Each country kept its own lists of workers abroad; regional discussions "
            "on labour mobility lacked shared figures.",
            activities="A common template; a data sharing agreement; a dashboard hosted by the "
            "Forum Secretariat; a yearly regional report.",
            results="Seven countries report quarterly; ministers used the figures to agree on "
            "priorities for welfare support.",
            areas="DATA COORD", gcm=(1, 5, 23), countries="FJI VUT TON WSM SLB",
            regions="009", scope="regional", actors="regional_body national_government",
            audiences="policymakers", call="open",
        ),
        SUBMITTED,
    ),
    Submission(
        practice(
            "sen-registre-retours-volontaires", "fr", "demo-senegal-interior",
            title="Un registre national des retours volontaires (brouillon)",
            summary="Un registre commun aux services qui accueillent les personnes de retour, "
            "pour suivre leur réintégration.",
            context="Les données sur les retours sont dispersées entre trois services.",
            activities="",
            results="",
            areas="DATA", gcm=(1, 21), countries="SEN",
            actors="national_government", audiences="policymakers", call="open",
        ),
        DRAFT,
    ),
    Submission(
        resource(
            "sen-note-politique-migratoire-brouillon", "fr", "demo-senegal-interior",
            "publication",
            title="Note de synthèse sur la politique nationale de migration (brouillon)",
            summary="Synthèse de la politique nationale de migration du Sénégal à l'usage des "
            "partenaires.",
            description="Brouillon en cours de rédaction.",
            areas="WGWS", gcm=(23,), countries="SEN",
            actors="national_government", audiences="policymakers",
        ),
        DRAFT,
    ),
]  # fmt: skip
