"""The members area's demo data: about eighty diaspora and migrant organisations generated from
plausible name patterns in English, French and Spanish (origins and residences crossed so that
thirty-odd countries appear on each side of the map), profiles for the diaspora organisations
earlier demo steps created, and forty members whose profiles show everything, show their hub
peers only, or show nothing. Idempotent: stable slugs and e-mail addresses."""

from django.contrib.auth.hashers import check_password, make_password
from django.utils.text import slugify

from passerelle.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD, add_demo_members
from passerelle.accounts.models import Organisation, User
from passerelle.geo.models import Country

from .choices import OrganisationSize, Sector
from .models import MemberProfile, OrganisationProfile, OrganisationSector
from .models.members import VISIBILITY_FIELDS
from .services.members import member_profile_save

ORGANISATIONS = 84

# Country of origin: ISO alpha-3, demonym in English, in French and in Spanish (plural), the
# community's languages (ISO 639-1).
ORIGINS = (
    ("SEN", "Senegalese", "Sénégalais", "Senegaleses", ("fr", "wo")),
    ("MEX", "Mexican", "Mexicains", "Mexicanos", ("es",)),
    ("PHL", "Filipino", "Philippins", "Filipinos", ("tl", "en")),
    ("MAR", "Moroccan", "Marocains", "Marroquíes", ("ar", "fr")),
    ("NGA", "Nigerian", "Nigérians", "Nigerianos", ("en", "yo")),
    ("IND", "Indian", "Indiens", "Indios", ("hi", "en")),
    ("MDA", "Moldovan", "Moldaves", "Moldavos", ("ro",)),
    ("MLI", "Malian", "Maliens", "Malienses", ("fr", "bm")),
    ("HTI", "Haitian", "Haïtiens", "Haitianos", ("ht", "fr")),
    ("COL", "Colombian", "Colombiens", "Colombianos", ("es",)),
    ("ECU", "Ecuadorian", "Équatoriens", "Ecuatorianos", ("es",)),
    ("GHA", "Ghanaian", "Ghanéens", "Ghaneses", ("en", "ak")),
    ("KEN", "Kenyan", "Kényans", "Kenianos", ("sw", "en")),
    ("ETH", "Ethiopian", "Éthiopiens", "Etíopes", ("am",)),
    ("SOM", "Somali", "Somaliens", "Somalíes", ("so",)),
    ("BGD", "Bangladeshi", "Bangladais", "Bangladesíes", ("bn",)),
    ("PAK", "Pakistani", "Pakistanais", "Pakistaníes", ("ur",)),
    ("NPL", "Nepali", "Népalais", "Nepalíes", ("ne",)),
    ("LKA", "Sri Lankan", "Sri-Lankais", "Esrilanqueses", ("si", "ta")),
    ("VNM", "Vietnamese", "Vietnamiens", "Vietnamitas", ("vi",)),
    ("CMR", "Cameroonian", "Camerounais", "Cameruneses", ("fr", "en")),
    ("CIV", "Ivorian", "Ivoiriens", "Marfileños", ("fr",)),
    ("TUN", "Tunisian", "Tunisiens", "Tunecinos", ("ar", "fr")),
    ("DZA", "Algerian", "Algériens", "Argelinos", ("ar", "fr")),
    ("LBN", "Lebanese", "Libanais", "Libaneses", ("ar", "fr")),
    ("SYR", "Syrian", "Syriens", "Sirios", ("ar",)),
    ("UKR", "Ukrainian", "Ukrainiens", "Ucranianos", ("uk",)),
    ("ARM", "Armenian", "Arméniens", "Armenios", ("hy",)),
    ("PER", "Peruvian", "Péruviens", "Peruanos", ("es", "qu")),
    ("BOL", "Bolivian", "Boliviens", "Bolivianos", ("es", "ay")),
    ("DOM", "Dominican", "Dominicains", "Dominicanos", ("es",)),
    ("SLV", "Salvadoran", "Salvadoriens", "Salvadoreños", ("es",)),
)

# Country of residence: ISO alpha-3, a city, and the language the organisation's name is in.
RESIDENCES = (
    ("FRA", "Lyon", "fr"), ("BEL", "Bruxelles", "fr"), ("CHE", "Genève", "fr"),
    ("CAN", "Montréal", "fr"), ("LUX", "Luxembourg", "fr"), ("ESP", "Madrid", "es"),
    ("ARG", "Buenos Aires", "es"), ("CHL", "Santiago", "es"), ("CRI", "San José", "es"),
    ("USA", "Chicago", "en"), ("GBR", "London", "en"), ("IRL", "Dublin", "en"),
    ("AUS", "Melbourne", "en"), ("NZL", "Auckland", "en"), ("ZAF", "Johannesburg", "en"),
    ("DEU", "Berlin", "en"), ("ITA", "Milan", "en"), ("PRT", "Lisbon", "en"),
    ("NLD", "Rotterdam", "en"), ("SWE", "Stockholm", "en"), ("NOR", "Oslo", "en"),
    ("DNK", "Copenhagen", "en"), ("FIN", "Helsinki", "en"), ("AUT", "Vienna", "en"),
    ("ARE", "Dubai", "en"), ("QAT", "Doha", "en"), ("SAU", "Riyadh", "en"),
    ("JPN", "Tokyo", "en"), ("KOR", "Seoul", "en"), ("SGP", "Singapore", "en"),
    ("MYS", "Kuala Lumpur", "en"),
)  # fmt: skip

NAME_PATTERNS = {
    "fr": (
        "Association des {fr} de {city}",
        "Collectif des {fr} de {city}",
        "Maison des {fr} de {city}",
    ),
    "es": (
        "Federación de {es} en {city}",
        "Asociación de {es} en {city}",
        "Casa de {es} en {city}",
    ),
    "en": (
        "{en} Community Association of {city}",
        "{en} Nurses Association {city}",
        "{en} Diaspora Network {city}",
        "{en} Professionals in {city}",
    ),
}
DESCRIPTION = "{en} diaspora in {city}: mutual help, links with the country of origin."

# Organisations of earlier demo steps: (slug, origins, residences).
EARLIER = (
    ("demo-senegalese-diaspora-france", ("SEN",), ("FRA",)),
    ("demo-migrant-workers-hk", ("PHL", "IDN", "NPL"), ("HKG",)),
    ("demo-filipino-nurses-uk", ("PHL",), ("GBR",)),
    ("demo-moldovans-italy", ("MDA",), ("ITA",)),
    ("demo-ecuatorianos-espana", ("ECU",), ("ESP",)),
    ("demo-guatemaltecos-eeuu", ("GTM",), ("USA",)),
    ("demo-nepali-workers-qatar", ("NPL",), ("QAT",)),
)

# Members: first name, last name, origin, residence, city, headline.
FIRST_NAMES = (
    "Aïssatou", "Carlos", "Maria", "Youssef", "Chinedu", "Priya", "Ion", "Fatoumata", "Jean",
    "Lucía", "Andrés", "Kwame", "Wanjiru", "Selam", "Hodan", "Rahim", "Ayesha", "Sunita",
    "Tharindu", "Linh", "Ngozi", "Koffi", "Leïla", "Karim", "Nour", "Rami", "Olena", "Aram",
    "Rosa", "Evo", "Yesenia", "José", "Moussa", "Ana", "Tariq", "Grace", "Mihai", "Awa",
    "Diego",
)  # fmt: skip
LAST_NAMES = (
    "Ndiaye", "Hernández", "Santos", "El Amrani", "Okafor", "Sharma", "Rusu", "Traoré",
    "Pierre", "Gómez", "Vera", "Mensah", "Kamau", "Tesfaye", "Warsame", "Uddin", "Khan",
    "Gurung", "Perera", "Nguyen", "Eze", "Kouassi", "Ben Salah", "Haddad", "Khoury", "Darwish",
    "Kovalenko", "Petrosyan", "Quispe", "Mamani", "Reyes", "Martínez", "Diop", "Rojas",
    "Malik", "Owusu", "Popescu", "Sow", "Castillo",
)  # fmt: skip
HEADLINES = (
    "Civil engineer", "Nurse and community organiser", "Software developer", "Economist",
    "Teacher", "Entrepreneur in agri-food", "Medical doctor", "Researcher in migration studies",
)  # fmt: skip
AMINA = {
    "local": "amina.diallo",
    "display_name": "Amina Diallo",
    "headline": "Public-health engineer, Senegalese diaspora in Lyon",
    "bio": "Born in Dakar, living in Lyon since 2009. I work on water and sanitation and "
    "support health centres in the Casamance.",
    "expertise": "Public health engineering, water and sanitation, health systems",
    "languages": ["fr", "wo", "en"],
}
# How members show their profile: everything public; name public and the rest to members; all
# to members; nothing at all (the default).
PUBLIC = dict.fromkeys(VISIBILITY_FIELDS, "public")
MIXED = {**dict.fromkeys(VISIBILITY_FIELDS, "members"), "name": "public", "headline": "public",
         "residence": "public"}  # fmt: skip
MEMBERS = dict.fromkeys(VISIBILITY_FIELDS, "members")
STYLES = (PUBLIC, MIXED, MEMBERS, {})


def load(context) -> None:
    countries = {country.iso3: country for country in Country.objects.all()}
    profiles = [_generated(number, countries) for number in range(ORGANISATIONS)]
    profiles += [_earlier(slug, o, r, countries) for slug, o, r in EARLIER]
    profiles = [profile for profile in profiles if profile is not None]
    context.data["diaspora_organisations"] = profiles
    members = [_amina(context, countries, profiles)]
    members += _members(countries, profiles)
    context.data["diaspora_members"] = members


# Organisations ------------------------------------------------------------------------------


def _generated(number: int, countries) -> OrganisationProfile:
    # The lengths (32 and 31) are coprime: every number below their product is its own pair.
    iso3, en, fr, es, languages = ORIGINS[number % len(ORIGINS)]
    residence, city, name_language = RESIDENCES[number * 7 % len(RESIDENCES)]
    patterns = NAME_PATTERNS[name_language]
    name = patterns[number % len(patterns)].format(en=en, fr=fr, es=es, city=city)
    organisation, _ = Organisation.objects.update_or_create(
        slug=f"demo-diaspora-{iso3.lower()}-{residence.lower()}",
        defaults={
            "name": name,
            "type": "migrant_organisation" if number % 4 == 3 else "diaspora_organisation",
            "country": countries[residence],
            "description": DESCRIPTION.format(en=en, city=city),
            "language": "en",
            "is_demo": True,
        },
    )
    return _profile(
        organisation, number, [countries[iso3]], [countries[residence]], city,
        [*languages, name_language],
    )  # fmt: skip


def _earlier(slug, origins, residences, countries) -> OrganisationProfile | None:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:  # that step's data was not loaded
        return None
    number = sum(map(ord, slug))  # a stable spread of sectors, sizes and years
    return _profile(
        organisation, number, [countries[c] for c in origins],
        [countries[c] for c in residences], "", [organisation.language],
    )  # fmt: skip


def _profile(organisation, number, origins, residences, cities, languages) -> OrganisationProfile:
    slug = organisation.slug.removeprefix("demo-")
    profile, _ = OrganisationProfile.objects.update_or_create(
        organisation=organisation,
        defaults={
            "cities": cities,
            "languages": list(dict.fromkeys(languages)),
            "size": OrganisationSize.values[number % len(OrganisationSize.values)],
            "founded": 1975 + number * 7 % 48,
            "contact_name": "",
            "contact_email": f"contact@{slug}.example.org",
            "social_links": [f"https://example.org/{slug}"],
            "is_demo": True,
        },
    )
    profile.origin_countries.set(origins)
    profile.residence_countries.set(residences)
    sectors = {Sector.values[(number + step * 3) % len(Sector.values)] for step in range(
        1 + number % 3)}  # fmt: skip
    profile.sectors.exclude(sector__in=sectors).delete()
    for sector in sectors:
        OrganisationSector.objects.get_or_create(profile=profile, sector=sector)
    return profile


# Members ------------------------------------------------------------------------------------


def _amina(context, countries, organisations) -> MemberProfile:
    add_demo_members(context, [(AMINA["local"], AMINA["display_name"], None, None)])
    user = User.objects.get(email=f"{AMINA['local']}@{DEMO_DOMAIN}")
    lyon = [p for p in organisations if p.organisation.slug == "demo-diaspora-sen-fra"]
    return member_profile_save(
        actor=user,
        display_name=AMINA["display_name"],
        headline=AMINA["headline"],
        bio=AMINA["bio"],
        expertise=AMINA["expertise"],
        languages=AMINA["languages"],
        origin_country=countries["SEN"],
        residence_country=countries["FRA"],
        city="Lyon",
        links=["https://example.org/amina-diallo"],
        organisations=lyon,
        visibilities=PUBLIC,
        is_demo=True,
    )


def _members(countries, organisations) -> list[MemberProfile]:
    """Thirty-nine people, none a demo login: they share one password hash (hashing is slow)."""
    password, checked = None, {}
    members = []
    for number, (first, last) in enumerate(zip(FIRST_NAMES, LAST_NAMES, strict=True)):
        origin, *_names, languages = ORIGINS[number % len(ORIGINS)]
        residence, city, _language = RESIDENCES[number * 7 % len(RESIDENCES)]
        local = f"{slugify(first)}.{slugify(last)}"
        user, created = User.objects.get_or_create(
            email=f"{local}@{DEMO_DOMAIN}",
            defaults={"full_name": f"{first} {last}", "is_demo": True},
        )
        if user.password not in checked:
            checked[user.password] = not created and check_password(DEMO_PASSWORD, user.password)
        if not checked[user.password]:
            password = password or make_password(DEMO_PASSWORD)
            user.password = password
            user.save(update_fields=["password"])
        own = [
            p
            for p in organisations
            if p.organisation.slug == f"demo-diaspora-{origin.lower()}-{residence.lower()}"
        ]
        members.append(
            member_profile_save(
                actor=user,
                display_name=f"{first} {last}",
                headline=HEADLINES[number % len(HEADLINES)],
                bio=f"{first} grew up in {countries[origin].name} and lives in {city}.",
                expertise=HEADLINES[(number + 3) % len(HEADLINES)],
                languages=list(languages),
                origin_country=countries[origin],
                residence_country=countries[residence],
                city=city,
                links=[f"https://example.org/{local}"],
                organisations=own,
                visibilities=STYLES[number % len(STYLES)],
                is_demo=True,
            )
        )
    return members
