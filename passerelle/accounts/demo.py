"""The accounts part of the demo scenario: organisations of every type across regions, and a
user for every role. Everything is marked demo; the shared password is printed by `manage.py
demo` and must never be used outside a demo."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country

from . import services as account_services
from .choices import STATE_TYPES, MembershipRole, OrganisationType, VerificationStatus
from .models import Membership, Organisation, User

DEMO_PASSWORD = "demo-passerelle"
DEMO_DOMAIN = "demo.passerelle.test"

T = OrganisationType
# slug, name, acronym, type, country (ISO3 or None), parent slug, verification, description,
# language of the description
ORGANISATIONS = [
    (
        "demo-senegal-interior",
        "Ministère de l'Intérieur du Sénégal",
        "MINT",
        T.NATIONAL_GOVERNMENT,
        "SEN",
        None,
        VerificationStatus.VERIFIED,
        "Direction de la police de l'air et des frontières et état civil.",
        "fr",
    ),
    (
        "demo-senegal-dgase",
        "Direction générale d'appui aux Sénégalais de l'extérieur",
        "DGASE",
        T.NATIONAL_GOVERNMENT,
        "SEN",
        "demo-senegal-interior",
        VerificationStatus.VERIFIED,
        "Services consulaires et engagement de la diaspora.",
        "fr",
    ),
    (
        "demo-mexico-segob",
        "Secretaría de Gobernación de México",
        "SEGOB",
        T.NATIONAL_GOVERNMENT,
        "MEX",
        None,
        VerificationStatus.PENDING,
        "Unidad de Política Migratoria.",
        "es",
    ),
    (
        "demo-philippines-dmw",
        "Department of Migrant Workers, Philippines",
        "DMW",
        T.NATIONAL_GOVERNMENT,
        "PHL",
        None,
        VerificationStatus.UNVERIFIED,
        "Protection and welfare of overseas Filipino workers.",
        "en",
    ),
    (
        "demo-ville-de-montreal",
        "Ville de Montréal — Bureau d'intégration des nouveaux arrivants",
        "BINAM",
        T.LOCAL_GOVERNMENT,
        "CAN",
        None,
        VerificationStatus.VERIFIED,
        "Accueil et intégration des personnes immigrantes à l'échelle municipale.",
        "fr",
    ),
    (
        "demo-ecowas-commission",
        "ECOWAS Commission — Free Movement Directorate",
        "ECOWAS",
        T.REGIONAL_BODY,
        None,
        None,
        None,
        "Free movement of persons and migration in West Africa.",
        "en",
    ),
    (
        "demo-iom-dakar",
        "IOM Regional Office for West and Central Africa",
        "IOM",
        T.UN_AGENCY,
        None,
        None,
        None,
        "Technical cooperation on migration management.",
        "en",
    ),
    (
        "demo-icmpd",
        "International Centre for Migration Policy Development",
        "ICMPD",
        T.INTERNATIONAL_ORGANISATION,
        "AUT",
        None,
        None,
        "Capacity building in border management and migration policy.",
        "en",
    ),
    (
        "demo-caritas-maroc",
        "Caritas Maroc — Service des migrants",
        "",
        T.CIVIL_SOCIETY,
        "MAR",
        None,
        None,
        "Accompagnement social et juridique des personnes migrantes.",
        "fr",
    ),
    (
        "demo-senegalese-diaspora-france",
        "Fédération des associations sénégalaises de France",
        "FASF",
        T.DIASPORA_ORGANISATION,
        "FRA",
        None,
        None,
        "Projets de développement et transferts de compétences vers le Sénégal.",
        "fr",
    ),
    (
        "demo-migrant-workers-hk",
        "Asian Migrant Workers' Network Hong Kong",
        "AMWN",
        T.MIGRANT_ORGANISATION,
        "HKG",
        None,
        None,
        "Self-organised network of domestic workers.",
        "en",
    ),
    (
        "demo-remitco",
        "RemitCo Digital Payments",
        "",
        T.PRIVATE_SECTOR,
        "KEN",
        None,
        None,
        "Low-cost mobile remittance corridors in East Africa.",
        "en",
    ),
    (
        "demo-mobility-foundation",
        "Fundación Movilidad y Desarrollo",
        "FMD",
        T.FOUNDATION,
        "ESP",
        None,
        None,
        "Financia proyectos de inclusión de personas migrantes.",
        "es",
    ),
    (
        "demo-migration-lab",
        "Universidad de los Andes — Migration Data Lab",
        "",
        T.ACADEMIA,
        "COL",
        None,
        None,
        "Encuestas y análisis de datos sobre migración venezolana.",
        "es",
    ),
    (
        "demo-ituc-africa",
        "ITUC-Africa Migrant Workers Desk",
        "",
        T.TRADE_UNION,
        "TGO",
        None,
        None,
        "Labour rights of migrant workers.",
        "en",
    ),
    (
        "demo-cndh-maroc",
        "Conseil national des droits de l'Homme du Maroc",
        "CNDH",
        T.NHRI,
        "MAR",
        None,
        None,
        "Institution nationale des droits de l'Homme.",
        "fr",
    ),
    (
        "demo-parliament-jordan",
        "Parliament of Jordan — Labour Committee",
        "",
        T.PARLIAMENT,
        "JOR",
        None,
        None,
        "Oversight of labour migration legislation.",
        "en",
    ),
    (
        "demo-migrant-voices-media",
        "Migrant Voices Media Collective",
        "",
        T.MEDIA,
        "DEU",
        None,
        None,
        "Journalism by and about migrants.",
        "en",
    ),
]

# email local part, full name, (organisation slug, role) or None, secretariat duties, superuser
USERS = [
    ("admin", "Platform Administrator", None, (), True),
    ("broker", "Amina Broker (secretariat)", None, ("is_broker",), False),
    ("moderator", "Marc Moderator (secretariat)", None, ("is_moderator",), False),
    ("curator", "Carmen Curator (secretariat)", None, ("is_curator",), False),
    ("focal.senegal", "Awa Diop", ("demo-senegal-interior", MembershipRole.ADMIN), (), False),
    (
        "editor.senegal",
        "Moussa Ndiaye",
        ("demo-senegal-interior", MembershipRole.EDITOR),
        (),
        False,
    ),
    (
        "contributor.senegal",
        "Fatou Sarr",
        ("demo-senegal-interior", MembershipRole.CONTRIBUTOR),
        (),
        False,
    ),
    (
        "viewer.senegal",
        "Ibrahima Fall",
        ("demo-senegal-interior", MembershipRole.VIEWER),
        (),
        False,
    ),
    ("focal.mexico", "Lucía Hernández", ("demo-mexico-segob", MembershipRole.ADMIN), (), False),
    (
        "city.montreal",
        "Julie Tremblay",
        ("demo-ville-de-montreal", MembershipRole.ADMIN),
        (),
        False,
    ),
    ("iom", "Kofi Mensah", ("demo-iom-dakar", MembershipRole.ADMIN), (), False),
    ("ngo", "Nadia Benali", ("demo-caritas-maroc", MembershipRole.ADMIN), (), False),
    (
        "diaspora",
        "Ousmane Ba",
        ("demo-senegalese-diaspora-france", MembershipRole.ADMIN),
        (),
        False,
    ),
    ("member", "Registered Member", None, (), False),
]


@register_demo_step("accounts: organisations and users")
def load_accounts(context: DemoContext) -> None:
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in={o[4] for o in ORGANISATIONS})}
    organisations = {}
    for (
        slug,
        name,
        acronym,
        kind,
        iso3,
        parent,
        verification,
        description,
        language,
    ) in ORGANISATIONS:
        status = verification if kind in STATE_TYPES else VerificationStatus.NOT_REQUIRED
        organisations[slug], _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "acronym": acronym,
                "type": kind,
                "country": countries.get(iso3),
                "parent": organisations.get(parent),
                "description": description,
                "language": language,
                "verification_status": status,
                "verification_evidence": (
                    "Demo: mandate letter on file."
                    if status in (VerificationStatus.PENDING, VerificationStatus.VERIFIED)
                    else ""
                ),
                "verified_at": timezone.now() if status == VerificationStatus.VERIFIED else None,
                "is_demo": True,
            },
        )
    for local, full_name, membership, duties, superuser in USERS:
        user = _demo_user(local, full_name, duties, superuser)
        if membership:
            slug, role = membership
            Membership.objects.update_or_create(
                user=user, organisation=organisations[slug], defaults={"role": role}
            )
        context.credentials.append(
            (user.email, DEMO_PASSWORD, _describe(duties, superuser, membership))
        )
    context.data["organisations"] = organisations


def _demo_user(local: str, full_name: str, duties: tuple[str, ...], superuser: bool) -> User:
    email = f"{local}@{DEMO_DOMAIN}"
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "is_demo": True,
            "is_superuser": superuser,
            "is_staff": superuser or bool(duties),
            **dict.fromkeys(duties, True),
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _describe(duties, superuser, membership) -> str:
    if superuser:
        return "platform admin"
    if duties:
        return "secretariat: " + ", ".join(duty.removeprefix("is_") for duty in duties)
    if membership:
        return f"{membership[1]} of {membership[0].removeprefix('demo-')}"
    return "registered member, no organisation"


def add_demo_members(context: DemoContext, people, organisations=None) -> None:
    """Demo people of a later step, (local part, full name, organisation slug, role) each, made
    members of their organisation and added to the printed logins; a slug of None is someone on
    their own (an individual expert), member of no organisation. They share one password hash:
    hashing is slow by design, and one check per distinct hash shows nobody changed theirs."""
    organisations = organisations or {}
    shared, checked = None, {}
    for local, full_name, slug, role in people:
        email = f"{local}@{DEMO_DOMAIN}"
        user, created = User.objects.update_or_create(
            email=email, defaults={"full_name": full_name, "is_demo": True}
        )
        if user.password not in checked:
            checked[user.password] = not created and check_password(DEMO_PASSWORD, user.password)
        if not checked[user.password]:
            shared = shared or make_password(DEMO_PASSWORD)
            user.password = shared
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if slug is None:
            context.credentials.append((email, DEMO_PASSWORD, "individual, no organisation"))
            continue
        organisation = organisations.get(slug) or Organisation.objects.get(slug=slug)
        Membership.objects.update_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
        who = f"{role} of {slug.removeprefix('demo-')}"
        context.credentials.append((email, DEMO_PASSWORD, who))


def add_demo_organisations(rows) -> dict[str, Organisation]:
    """A later step's demo organisations, (slug, name, acronym, type, ISO3 country, description,
    language) each. A government starts unverified: the step verifies it through the services
    (`verify_demo_organisation`), so that the queue and the audit trail show it."""
    rows = list(rows)
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in={row[4] for row in rows})}
    organisations = {}
    for slug, name, acronym, kind, iso3, description, language in rows:
        fields = {
            "name": name,
            "acronym": acronym,
            "type": kind,
            "country": countries.get(iso3),
            "description": description,
            "language": language,
            "is_demo": True,
        }
        initial = (
            VerificationStatus.UNVERIFIED
            if kind in STATE_TYPES
            else VerificationStatus.NOT_REQUIRED
        )
        organisations[slug], _ = Organisation.objects.update_or_create(
            slug=slug, defaults=fields, create_defaults={**fields, "verification_status": initial}
        )
    return organisations


def verify_demo_organisation(organisation, *, admin, broker, decide: bool = True) -> None:
    """Its administrator asks for verification unless already asked; the secretariat approves
    (unless `decide` is False: the request then waits in the queue). Does only what is missing."""
    asked = (VerificationStatus.PENDING, VerificationStatus.VERIFIED)
    if organisation.verification_status not in asked:
        account_services.verification_request(
            actor=admin,
            organisation=organisation,
            evidence="Demo: letter of the minister naming the focal point, on file.",
        )
    if decide and organisation.verification_status != VerificationStatus.VERIFIED:
        account_services.verification_decide(
            actor=broker, organisation=organisation, approve=True, note="Demo: mandate checked."
        )
    organisation.refresh_from_db()
