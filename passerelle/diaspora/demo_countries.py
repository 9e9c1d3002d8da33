"""The country pages' demo: factsheets of 14 countries of origin (diaspora institutions by
EUDiF's typology, policies and engagement programmes, in the country's language among EN, FR and
ES), a closed 2025 call and the 2026 call open until the end of the year, with contributions in
every status. Realistic names, but every description says it is demo data. Idempotent: rows are
found again by their natural keys."""

from datetime import date, datetime

from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.geo.models import Country

from .choices import CallStatus, ContributionStatus, EntryKind, InstitutionType
from .models import ContributionCall, FactsheetContribution, FactsheetEntry

INST, P, G = EntryKind.INSTITUTION, EntryKind.POLICY, EntryKind.PROGRAMME
T = InstitutionType
DEMO_NOTE = {
    "en": " (Demo data.)",
    "fr": " (Données de démonstration.)",
    "es": " (Datos de demostración.)",
}

# iso3, language, [(kind, name, institution type, year, url, description)]
FACTSHEETS = [
    (
        "SEN",
        "fr",
        [
            (
                INST,
                "Direction générale des Sénégalais de l'extérieur",
                T.SUB_MINISTRY,
                2017,
                "",
                "Direction du ministère des Affaires étrangères chargée de la diaspora.",
            ),
            (
                INST,
                "Haut Conseil des Sénégalais de l'extérieur",
                T.CONSULTATIVE_BODY,
                2017,
                "",
                "Organe consultatif élu par les Sénégalais de l'extérieur.",
            ),
            (
                P,
                "Politique nationale de la diaspora",
                "",
                2022,
                "",
                "Cadre stratégique de l'engagement de la diaspora.",
            ),
            (
                G,
                "Fonds d'appui à l'investissement des Sénégalais de l'extérieur (FAISE)",
                "",
                2008,
                "",
                "Financement de projets d'entrepreneuriat de la diaspora.",
            ),
        ],
    ),
    (
        "MEX",
        "es",
        [
            (
                INST,
                "Instituto de los Mexicanos en el Exterior",
                T.OFFICE,
                2003,
                "",
                "Órgano desconcentrado de la Secretaría de Relaciones Exteriores.",
            ),
            (
                INST,
                "Consejo Consultivo del IME",
                T.CONSULTATIVE_BODY,
                2003,
                "",
                "Representantes de las comunidades mexicanas en el exterior.",
            ),
            (
                G,
                "Ventanillas de Salud",
                "",
                2003,
                "",
                "Atención de salud en los consulados de México.",
            ),
            (
                P,
                "Estrategia de atención a mexicanos en el exterior",
                "",
                2019,
                "",
                "Líneas de acción consulares y comunitarias.",
            ),
        ],
    ),
    (
        "PHL",
        "en",
        [
            (
                INST,
                "Commission on Filipinos Overseas",
                T.OFFICE,
                1980,
                "",
                "Agency attached to the Office of the President.",
            ),
            (
                INST,
                "Department of Migrant Workers",
                T.MINISTRY,
                2021,
                "",
                "Department for overseas Filipino workers and their families.",
            ),
            (
                G,
                "Balikbayan programme",
                "",
                1989,
                "",
                "Welcoming returning Filipinos and their families.",
            ),
            (
                P,
                "Migrant Workers and Overseas Filipinos Act",
                "",
                1995,
                "",
                "Law protecting overseas Filipino workers.",
            ),
        ],
    ),
    (
        "MAR",
        "fr",
        [
            (
                INST,
                "Ministère délégué chargé des Marocains résidant à l'étranger",
                T.SUB_MINISTRY,
                2007,
                "",
                "Ministère délégué auprès du ministre des Affaires étrangères.",
            ),
            (
                INST,
                "Conseil de la communauté marocaine à l'étranger",
                T.CONSULTATIVE_BODY,
                2007,
                "",
                "Institution consultative constitutionnelle.",
            ),
            (
                INST,
                "Fondation Hassan II pour les Marocains résidant à l'étranger",
                T.OTHER,
                1990,
                "",
                "Fondation d'accompagnement culturel et social.",
            ),
            (
                G,
                "Opération Marhaba",
                "",
                2001,
                "",
                "Accueil des Marocains résidant à l'étranger pendant l'été.",
            ),
        ],
    ),
    (
        "IRL",
        "en",
        [
            (
                INST,
                "Minister of State for the Diaspora",
                T.SUB_MINISTRY,
                2014,
                "",
                "Minister of State at the Department of Foreign Affairs.",
            ),
            (
                P,
                "Global Ireland: Ireland's Diaspora Strategy 2020-2025",
                "",
                2020,
                "",
                "The government's diaspora strategy.",
            ),
            (G, "Global Irish", "", 2015, "", "The government's hub for the Irish abroad."),
            (
                G,
                "Emigrant Support Programme",
                "",
                2004,
                "",
                "Grants to organisations supporting the Irish abroad.",
            ),
        ],
    ),
    (
        "IND",
        "en",
        [
            (
                INST,
                "Overseas Indian Affairs Division, Ministry of External Affairs",
                T.SUB_MINISTRY,
                2016,
                "",
                "Division in charge of the Indian diaspora.",
            ),
            (
                G,
                "Pravasi Bharatiya Divas",
                "",
                2003,
                "",
                "Biennial convention of the Indian diaspora.",
            ),
            (
                P,
                "Overseas Citizenship of India scheme",
                "",
                2005,
                "",
                "Long-term residence and work rights for people of Indian origin.",
            ),
        ],
    ),
    (
        "NGA",
        "en",
        [
            (
                INST,
                "Nigerians in Diaspora Commission",
                T.OFFICE,
                2017,
                "",
                "Federal agency for the engagement of Nigerians abroad.",
            ),
            (
                INST,
                "House Committee on Diaspora",
                T.PARLIAMENTARY,
                2011,
                "",
                "Committee of the House of Representatives.",
            ),
            (
                P,
                "National Policy on Diaspora Matters",
                "",
                2021,
                "",
                "Framework for diaspora engagement.",
            ),
        ],
    ),
    (
        "GHA",
        "en",
        [
            (
                INST,
                "Diaspora Affairs Office, Office of the President",
                T.OFFICE,
                2017,
                "",
                "Office coordinating diaspora engagement.",
            ),
            (
                P,
                "National Diaspora Engagement Policy",
                "",
                2023,
                "",
                "Policy for diaspora participation in development.",
            ),
            (
                G,
                "Year of Return",
                "",
                2019,
                "",
                "Programme welcoming the African diaspora to Ghana.",
            ),
        ],
    ),
    (
        "ETH",
        "en",
        [
            (
                INST,
                "Ethiopian Diaspora Service",
                T.OFFICE,
                2018,
                "",
                "Federal agency for the Ethiopian diaspora.",
            ),
            (P, "Diaspora Policy of Ethiopia", "", 2013, "", "National diaspora policy."),
            (
                G,
                "Diaspora Trust Fund",
                "",
                2018,
                "",
                "Contributions of the diaspora to development projects.",
            ),
        ],
    ),
    (
        "COL",
        "es",
        [
            (
                INST,
                "Dirección de Asuntos Migratorios, Consulares y Servicio al Ciudadano",
                T.SUB_MINISTRY,
                2012,
                "",
                "Dirección de la Cancillería.",
            ),
            (
                G,
                "Colombia Nos Une",
                "",
                2003,
                "",
                "Programma de vinculación de los colombianos en el exterior.",
            ),
            (
                P,
                "Política Integral Migratoria",
                "",
                2011,
                "",
                "Ley de la política migratoria del país.",
            ),
        ],
    ),
    (
        "SLV",
        "es",
        [
            (
                INST,
                "Viceministerio para los Salvadoreños en el Exterior",
                T.SUB_MINISTRY,
                2004,
                "",
                "Viceministerio del Ministerio de Relaciones Exteriores.",
            ),
            (
                INST,
                "Consejo Nacional de la Persona Migrante y su Familia (CONMIGRANTES)",
                T.CONSULTATIVE_BODY,
                2012,
                "",
                "Consejo con representantes de la diáspora.",
            ),
            (
                G,
                "Programa de vinculación con salvadoreños en el exterior",
                "",
                2015,
                "",
                "Actividades culturales y económicas con la diáspora.",
            ),
        ],
    ),
    (
        "TUN",
        "fr",
        [
            (
                INST,
                "Office des Tunisiens à l'étranger",
                T.OFFICE,
                1988,
                "",
                "Office public sous tutelle du ministère des Affaires sociales.",
            ),
            (
                INST,
                "Conseil national des Tunisiens à l'étranger",
                T.CONSULTATIVE_BODY,
                2016,
                "",
                "Conseil consultatif des Tunisiens de l'étranger.",
            ),
            (
                P,
                "Stratégie nationale migratoire",
                "",
                2017,
                "",
                "Stratégie couvrant la diaspora tunisienne.",
            ),
        ],
    ),
    (
        "MLI",
        "fr",
        [
            (
                INST,
                "Ministère des Maliens établis à l'extérieur et de l'Intégration africaine",
                T.MINISTRY,
                2004,
                "",
                "Ministère chargé de la diaspora malienne.",
            ),
            (
                INST,
                "Haut Conseil des Maliens de l'extérieur",
                T.CONSULTATIVE_BODY,
                1991,
                "",
                "Organe représentatif de la diaspora.",
            ),
            (
                P,
                "Politique nationale de migration (PONAM)",
                "",
                2014,
                "",
                "Politique nationale couvrant la diaspora.",
            ),
        ],
    ),
    (
        "ECU",
        "es",
        [
            (
                INST,
                "Viceministerio de Movilidad Humana",
                T.SUB_MINISTRY,
                2013,
                "",
                "Viceministerio del Ministerio de Relaciones Exteriores.",
            ),
            (
                P,
                "Ley Orgánica de Movilidad Humana",
                "",
                2017,
                "",
                "Derechos de los ecuatorianos en el exterior.",
            ),
            (G, "Plan Retorno", "", 2008, "", "Apoyo al retorno voluntario de ecuatorianos."),
        ],
    ),
]

# (country, contributor e-mail local part, status, kind, name, type, language, source, note)
CONTRIBUTIONS_2025 = [
    (
        "SEN",
        "diaspora",
        ContributionStatus.ACCEPTED,
        G,
        "Programme d'appui aux initiatives de solidarité pour le développement (PAISD)",
        "",
        "fr",
        "Site du programme, 2025.",
        "",
    ),
    (
        "MEX",
        "focal.mexico",
        ContributionStatus.REJECTED,
        P,
        "Programa 3x1 para Migrantes",
        "",
        "es",
        "Nota de prensa, 2025.",
        "El programa terminó en 2020: no es una política vigente.",
    ),
]
CONTRIBUTIONS_2026 = [
    (
        "SEN",
        "focal.senegal",
        ContributionStatus.SUBMITTED,
        INST,
        "Bureau d'accueil, d'orientation et de suivi (BAOS)",
        T.LOCAL,
        "fr",
        "Arrêté ministériel, 2026.",
        "",
    ),
    (
        "GHA",
        "member",
        ContributionStatus.SUBMITTED,
        G,
        "Diaspora Skills Transfer Programme",
        "",
        "en",
        "Press release of the Diaspora Affairs Office, 2026.",
        "",
    ),
    (
        "PHL",
        "iom",
        ContributionStatus.ACCEPTED,
        G,
        "Reintegration Programme for returning Filipinos",
        "",
        "en",
        "Department of Migrant Workers circular, 2026.",
        "",
    ),
    (
        "MAR",
        "ngo",
        ContributionStatus.REJECTED,
        P,
        "Charte des Marocains du monde",
        "",
        "fr",
        "Article de presse.",
        "Nous n'avons pas trouvé de texte officiel ; merci de joindre la référence.",
    ),
]


def load(context) -> None:
    """Adds the area's demo data; idempotent."""
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=[f[0] for f in FACTSHEETS])}
    for iso3, language, entries in FACTSHEETS:
        for kind, name, institution_type, year, url, description in entries:
            FactsheetEntry.objects.update_or_create(
                country=countries[iso3], kind=kind, name=name,
                defaults={
                    "institution_type": institution_type, "year": year, "url": url,
                    "description": description + DEMO_NOTE[language], "language": language,
                    "reviewed_year": 2025, "is_demo": True,
                },
            )  # fmt: skip
    closed = _call(2025, date(2025, 3, 1), date(2025, 6, 30), CallStatus.CLOSED)
    open_ = _call(2026, date(2026, 10, 1), date(2026, 12, 31), CallStatus.OPEN)
    _contributions(closed, CONTRIBUTIONS_2025, countries)
    _contributions(open_, CONTRIBUTIONS_2026, countries)


def _call(year, opens_on, closes_on, status) -> ContributionCall:
    call, _ = ContributionCall.objects.update_or_create(
        year=year,
        defaults={
            "opens_on": opens_on,
            "closes_on": closes_on,
            "status": status,
            "description": "Demo call: propose new entries and corrections to the country pages.",
            "is_demo": True,
        },
    )
    return call


def _contributions(call, rows, countries) -> None:
    users = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith="@demo.passerelle.test", is_demo=True)
    }
    reviewer = users.get("broker")
    reviewed_at = timezone.make_aware(datetime(call.year, 7, 15, 10, 0))
    for iso3, local, status, kind, name, institution_type, language, source, note in rows:
        country = countries.get(iso3) or Country.objects.get(iso3=iso3)
        reviewed = status != ContributionStatus.SUBMITTED
        entry = None
        if status == ContributionStatus.ACCEPTED:
            entry, _ = FactsheetEntry.objects.update_or_create(
                country=country, kind=kind, name=name,
                defaults={
                    "institution_type": institution_type, "language": language,
                    "description": DEMO_NOTE[language].strip(), "reviewed_year": call.year,
                    "is_demo": True,
                },
            )  # fmt: skip
        FactsheetContribution.objects.update_or_create(
            call=call, country=country, name=name,
            defaults={
                "entry": entry, "kind": kind, "institution_type": institution_type,
                "language": language, "source": source, "contributor": users.get(local),
                "status": status, "reviewed_by": reviewer if reviewed else None,
                "reviewed_at": reviewed_at if reviewed else None, "review_note": note,
                "description": DEMO_NOTE[language].strip(), "is_demo": True,
            },
        )  # fmt: skip
