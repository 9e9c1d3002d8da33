"""The course catalogue's demo: 16 courses in EN, FR and ES, in every format (IOM/EUDiF-style
titles, clearly marked as demo), and completions declared by the demo members when the members
area's demo made them (context.data["diaspora_members"]); none otherwise. Idempotent: courses are
found again by their title, completions by course and person."""

from datetime import date, timedelta

from passerelle.accounts.models import User
from passerelle.taxonomy.models import CapacityArea

from .choices import CourseFormat
from .models import Course, CourseCompletion

F = CourseFormat
DEMO = " (Demo course.)"
# title, provider, provider organisation slug or None, language, format, hours, url,
# capacity area codes, description
COURSES = [
    ("Diaspora engagement mapping", "IOM", "demo-iom-dakar", "en", F.SELF_PACED, 6,
     "https://example.org/demo/diaspora-mapping", ["DATA"],
     "How to map a diaspora: sources, surveys, consular data and community consultations."),
    ("Remittances and financial literacy", "IOM", "demo-iom-dakar", "en", F.LIVE_ONLINE, 8,
     "https://example.org/demo/remittances", ["COORD"],
     "Costs of sending money home, financial products for migrants and their families."),
    ("Designing diaspora skills-transfer programmes", "EUDiF", None, "en", F.BLENDED, 20,
     "https://example.org/demo/skills-transfer", ["WGWS"],
     "From needs assessment to matching experts with institutions of the country of origin."),
    ("Building a diaspora institution", "EUDiF", None, "en", F.SELF_PACED, 5,
     "https://example.org/demo/diaspora-institutions", ["COORD", "WGWS"],
     "Ministries, offices and consultative bodies: what works, after EUDiF's typology."),
    ("Diaspora bonds and investment", "IOM", "demo-iom-dakar", "en", F.LIVE_ONLINE, 4,
     "https://example.org/demo/diaspora-bonds", [],
     "How governments raised diaspora bonds and what investors expect."),
    ("Consular services for citizens abroad", "IOM", None, "en", F.IN_PERSON, 16,
     "https://example.org/demo/consular-services", ["CONS"],
     "Registration, documents and protection of citizens abroad."),
    ("Engaging second-generation diaspora youth", "EUDiF", None, "en", F.SELF_PACED, 3,
     "https://example.org/demo/youth", [],
     "Programmes that keep young people of the diaspora connected with the country of origin."),
    ("Cartographie de la diaspora", "OIM", "demo-iom-dakar", "fr", F.SELF_PACED, 6,
     "https://example.org/demo/cartographie", ["DATA"],
     "Sources et méthodes pour cartographier une diaspora."),
    ("Transferts de fonds et éducation financière", "OIM", None, "fr", F.IN_PERSON, 12,
     "https://example.org/demo/transferts", ["COORD"],
     "Coûts des transferts, produits financiers et accompagnement des familles."),
    ("Mobiliser les compétences de la diaspora", "EUDiF", None, "fr", F.BLENDED, 18,
     "https://example.org/demo/competences", ["WGWS"],
     "Concevoir des missions d'experts de la diaspora dans les administrations."),
    ("Associations de la diaspora et codéveloppement", "OIM", None, "fr", F.LIVE_ONLINE, 6,
     "https://example.org/demo/codeveloppement", [],
     "Monter et financer des projets de codéveloppement avec les collectivités."),
    ("Politiques publiques pour la diaspora", "EUDiF", None, "fr", F.SELF_PACED, 5,
     "https://example.org/demo/politiques", ["COORD"],
     "Stratégies nationales, institutions et consultation des diasporas."),
    ("Mapeo de la diáspora", "OIM", None, "es", F.SELF_PACED, 6,
     "https://example.org/demo/mapeo", ["DATA"],
     "Fuentes y métodos para conocer a la diáspora."),
    ("Remesas e inclusión financiera", "OIM", None, "es", F.LIVE_ONLINE, 8,
     "https://example.org/demo/remesas", ["COORD"],
     "Costos de las remesas y productos financieros para migrantes y sus familias."),
    ("Programas de retorno y reintegración", "OIM", None, "es", F.IN_PERSON, 14,
     "https://example.org/demo/retorno", ["BORD"],
     "Diseño de programas de retorno voluntario y reintegración sostenible."),
    ("Vinculación con la diáspora desde los gobiernos locales", "EUDiF", None, "es", F.BLENDED, 10,
     "https://example.org/demo/gobiernos-locales", ["WGWS"],
     "Cómo los municipios trabajan con sus comunidades en el exterior."),
]  # fmt: skip


def load(context) -> None:
    """Adds the area's demo data; idempotent."""
    organisations = context.data.get("organisations", {})
    areas = {area.code: area for area in CapacityArea.objects.all()}
    author = User.objects.filter(email="broker@demo.passerelle.test").first()
    courses = []
    for title, provider, org, language, format_, hours, url, codes, description in COURSES:
        course, _ = Course.objects.update_or_create(
            title=title,
            is_demo=True,
            defaults={
                "provider": provider,
                "provider_organisation": organisations.get(org) if org else None,
                "language": language,
                "format": format_,
                "hours": hours,
                "url": url,
                "description": description + DEMO,
                "created_by": author,
            },
        )
        course.capacity_areas.set([areas[code] for code in codes if code in areas])
        courses.append(course)
    _completions(courses, context.data.get("diaspora_members") or [])


def _completions(courses, members) -> None:
    """Each demo member completed a few courses, some shown on their profile."""
    for number, member in enumerate(members):
        person = getattr(member, "user", member)
        for step in range(3):
            course = courses[(number * 3 + step) % len(courses)]
            CourseCompletion.objects.update_or_create(
                course=course,
                person=person,
                defaults={
                    "completed_on": date(2026, 10, 1) - timedelta(days=30 * step + number),
                    "is_public": step != 2,
                },
            )
