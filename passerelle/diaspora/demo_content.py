"""The content area's demo data: thirty-odd published stories, blog posts, videos, news and
community events in English, French and Spanish by demo members and diaspora organisations, with
comment threads and reactions; one spam story reported until hidden pending review; and the news
of iDiaspora's launch at the side event of the IDM 2018 (its words from the session's agenda).

Idempotent: a demo story is found again by its title; comments, reactions and reports are added
only when the story is first created. Video ids are invented (demo data): they need not play."""

import datetime
import itertools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.demo import DEMO_DOMAIN, add_demo_members
from passerelle.accounts.models import Membership, User
from passerelle.community import trust
from passerelle.community.choices import ReactionKind
from passerelle.community.moderation.services import report_create
from passerelle.community.services import comment_create, reaction_toggle
from passerelle.events.models import AgendaItem, Event
from passerelle.geo.models import Country

from . import registrations_content  # noqa: F401  (stories are commentable and reportable)
from .models import Story
from .services import content as services

IDM_2018 = "idm-2018-session-2"
LAUNCH_TITLE = "Lancement d'iDiaspora"
LAUNCH_BODY = (
    "La plateforme iDiaspora a été lancée lors d'une manifestation parallèle de la deuxième "
    "session du Dialogue international sur la migration 2018.\n\n"
    "Elle a pour objectif de créer des conditions favorables et de donner aux diasporas les "
    "moyens de devenir des acteurs du développement, ainsi que de faciliter les interactions "
    "entre les communautés transnationales et les gouvernements. Si des portails en ligne "
    "destinés aux diasporas existaient déjà, **aucun forum global** ne permettait aux "
    "communautés de la diaspora de se mettre en relation les unes avec les autres afin de "
    "maximiser les retombées de leurs activités.\n\n"
    "iDiaspora est un site numérique communautaire, **facilité par l'OIM**, qui doit promouvoir "
    "la participation des diasporas au 21e siècle dans un esprit de diversité, d'ouverture et "
    "d'inclusivité. Il offre un accès interactif et aisé aux communautés de la diaspora à "
    "l'échelle mondiale, ainsi qu'à des contenus et à des commentaires sur la participation des "
    "diasporas.\n\n"
    "Conçue comme un espace évolutif, la plateforme entend proposer une nouvelle gamme de "
    "produits visant à autonomiser les communautés transnationales. La manifestation de "
    "lancement comprenait une présentation de la plateforme et une séance de discussion où les "
    "participants ont pu poser des questions et formuler des observations."
)
SPAM_TITLE = "Earn 5000 USD a week from home — click now"

# (theme, countries, {language: (title, summary, body)}); each theme is told in three languages.
THEMES = [
    ("clinic", ["SEN", "FRA"], {
        "en": ("A health centre in Ziguinchor, built from Lyon",
               "How a diaspora association equipped a rural clinic.",
               "Twelve years of monthly contributions from **forty families** in Lyon paid for "
               "the solar panels, the maternity ward and the training of two midwives."),
        "fr": ("Un centre de santé à Ziguinchor, construit depuis Lyon",
               "Comment une association de la diaspora a équipé un dispensaire rural.",
               "Douze ans de cotisations mensuelles de **quarante familles** lyonnaises ont "
               "financé les panneaux solaires, la maternité et la formation de deux sages-femmes."),
        "es": ("Un centro de salud en Ziguinchor, construido desde Lyon",
               "Cómo una asociación de la diáspora equipó una clínica rural.",
               "Doce años de aportes mensuales de **cuarenta familias** en Lyon pagaron los "
               "paneles solares, la maternidad y la formación de dos parteras."),
    }),
    ("remittances", ["MEX", "USA"], {
        "en": ("Cheaper remittances: what changed on the Chicago to Michoacán corridor",
               "Hometown associations compared transfer costs for a year.",
               "Members logged every transfer fee for twelve months. Mobile wallets cut the "
               "average cost from 6% to 2.5%."),
        "fr": ("Des transferts moins chers : ce qui a changé entre Chicago et le Michoacán",
               "Des associations de ressortissants ont comparé les frais pendant un an.",
               "Les membres ont noté chaque frais de transfert pendant douze mois. Les "
               "portefeuilles mobiles ont fait baisser le coût moyen de 6 % à 2,5 %."),
        "es": ("Remesas más baratas: lo que cambió entre Chicago y Michoacán",
               "Los clubes de oriundos compararon costos de envío durante un año.",
               "Los socios anotaron cada comisión durante doce meses. Las billeteras móviles "
               "bajaron el costo medio del 6 % al 2,5 %."),
    }),
    ("mentoring", ["PHL", "CAN"], {
        "en": ("Mentoring nurses back home, one video call at a time",
               "Filipino nurses in Toronto coach new graduates in Manila.",
               "Every Saturday, twenty nurses share what they learned in Canadian hospitals."),
        "fr": ("Accompagner les infirmières au pays, un appel vidéo à la fois",
               "Des infirmières philippines de Toronto accompagnent de jeunes diplômées.",
               "Chaque samedi, vingt infirmières partagent ce qu'elles ont appris au Canada."),
        "es": ("Mentorías para enfermeras, una videollamada a la vez",
               "Enfermeras filipinas en Toronto acompañan a recién graduadas en Manila.",
               "Cada sábado, veinte enfermeras comparten lo aprendido en hospitales de Canadá."),
    }),
    ("startup", ["MAR", "ESP"], {
        "en": ("From Madrid to Tangier: a returnee's agri-food start-up",
               "Argan oil, fair prices and twenty jobs in the Souss.",
               "After eight years in Madrid, Youssef came back with savings and a network."),
        "fr": ("De Madrid à Tanger : la start-up agroalimentaire d'un retourné",
               "Huile d'argan, prix justes et vingt emplois dans le Souss.",
               "Après huit ans à Madrid, Youssef est revenu avec une épargne et un réseau."),
        "es": ("De Madrid a Tánger: la empresa agroalimentaria de un retornado",
               "Aceite de argán, precios justos y veinte empleos en el Souss.",
               "Tras ocho años en Madrid, Youssef volvió con ahorros y una red de contactos."),
    }),
    ("schools", ["HTI", "USA"], {
        "en": ("Haitian teachers in Miami adopt ten schools",
               "Books, tablets and summer classes for 1,200 pupils.",
               "The association matches each school with a teacher of the diaspora."),
        "fr": ("Des enseignants haïtiens de Miami parrainent dix écoles",
               "Livres, tablettes et cours d'été pour 1 200 élèves.",
               "L'association associe chaque école à un enseignant de la diaspora."),
        "es": ("Docentes haitianos en Miami apadrinan diez escuelas",
               "Libros, tabletas y clases de verano para 1.200 alumnos.",
               "La asociación empareja cada escuela con un docente de la diáspora."),
    }),
    ("voting", ["SEN", "ITA"], {
        "en": ("Voting from abroad: what the diaspora asks of consulates",
               "A survey of 3,000 Senegalese in Italy.",
               "Distance to polling stations is the first obstacle, before paperwork."),
        "fr": ("Voter depuis l'étranger : ce que la diaspora demande aux consulats",
               "Une enquête auprès de 3 000 Sénégalais d'Italie.",
               "La distance aux bureaux de vote est le premier obstacle, avant les papiers."),
        "es": ("Votar desde el extranjero: lo que la diáspora pide a los consulados",
               "Una encuesta a 3.000 senegaleses en Italia.",
               "La distancia a los centros de votación es el primer obstáculo."),
    }),
    ("festival", ["COL", "ESP"], {
        "en": ("Colombian cultural week in Valencia",
               "Music, food and a fair of diaspora businesses.",
               "Three days of concerts, workshops and a market of diaspora entrepreneurs."),
        "fr": ("Semaine culturelle colombienne à Valence",
               "Musique, cuisine et salon des entreprises de la diaspora.",
               "Trois jours de concerts, d'ateliers et un marché d'entrepreneurs de la diaspora."),
        "es": ("Semana cultural colombiana en Valencia",
               "Música, gastronomía y feria de negocios de la diáspora.",
               "Tres días de conciertos, talleres y un mercado de emprendedores de la diáspora."),
    }),
    ("skills", ["NGA", "GBR"], {
        "en": ("Nigerian engineers in London train 300 technicians",
               "A skills-transfer programme for the power sector.",
               "Short missions of two weeks, repeated every quarter with the same cohort."),
        "fr": ("Des ingénieurs nigérians de Londres forment 300 techniciens",
               "Un programme de transfert de compétences pour l'énergie.",
               "Des missions courtes de deux semaines, chaque trimestre, avec la même cohorte."),
        "es": ("Ingenieros nigerianos en Londres forman a 300 técnicos",
               "Un programa de transferencia de competencias para el sector eléctrico.",
               "Misiones cortas de dos semanas, cada trimestre, con la misma cohorte."),
    }),
    ("climate", ["BGD", "GBR"], {
        "en": ("After the floods: the diaspora's first 72 hours",
               "How British-Bangladeshi groups coordinated relief.",
               "A shared spreadsheet, three charities and one rule: ask the villages first."),
        "fr": ("Après les inondations : les 72 premières heures de la diaspora",
               "Comment les associations britanniques-bangladaises ont coordonné les secours.",
               "Un tableau partagé, trois associations et une règle : demander aux villages."),
        "es": ("Tras las inundaciones: las primeras 72 horas de la diáspora",
               "Cómo los grupos británico-bangladesíes coordinaron la ayuda.",
               "Una hoja compartida, tres organizaciones y una regla: preguntar a las aldeas."),
    }),
    ("youth", ["MAR", "BEL"], {
        "en": ("Second generation, first visit: a summer school in Rabat",
               "Young Belgian-Moroccans discover their parents' country.",
               "Forty students, three weeks, and internships in local companies."),
        "fr": ("Deuxième génération, première visite : une université d'été à Rabat",
               "De jeunes Belgo-Marocains découvrent le pays de leurs parents.",
               "Quarante étudiants, trois semaines et des stages en entreprise."),
        "es": ("Segunda generación, primera visita: una escuela de verano en Rabat",
               "Jóvenes belgo-marroquíes descubren el país de sus padres.",
               "Cuarenta estudiantes, tres semanas y prácticas en empresas locales."),
    }),
    ("investment", ["ETH", "USA"], {
        "en": ("A diaspora bond, explained by those who bought it",
               "Ethiopian-Americans on why they invested, and what they expect.",
               "Small tickets, long horizon: the bond is as much a statement as an investment."),
        "fr": ("Une obligation diaspora, expliquée par ceux qui l'ont achetée",
               "Des Éthiopiens-Américains disent pourquoi ils ont investi.",
               "Petits montants, long terme : l'obligation est un engagement autant qu'un "
               "placement."),
        "es": ("Un bono de la diáspora, explicado por quienes lo compraron",
               "Etíopes en Estados Unidos cuentan por qué invirtieron.",
               "Montos pequeños y largo plazo: el bono es tanto un compromiso como una inversión."),
    }),
]  # fmt: skip
KINDS = ("story", "blog", "news", "event", "video")
# Invented ids (demo data): they show how each kind of address is embedded.
VIDEOS = (
    "https://www.youtube-nocookie.com/embed/dEmO0diasp1",
    "https://vimeo.com/900000101",
    "https://cdn.demo.passerelle.test/videos/idiaspora-demo.mp4",
    "https://www.youtube.com/watch?v=dEmO0diasp2",
)
COMMENTS = (
    "Thank you for sharing this, very inspiring.",
    "Merci pour ce partage ! Comment rejoindre l'association ?",
    "¡Qué buena iniciativa! ¿Buscan voluntarios?",
    "We did something similar in Manchester; happy to compare notes.",
)
TRUSTED_LOGINS = ("diaspora", "iom")  # in organisations: they may embed videos


def load(context) -> None:
    trusted = _trusted(context)
    members = [user for user in _members(context) if _may_post_now(user)] or trusted
    countries = {c.iso3: c for c in Country.objects.all()}
    created = []
    for number, (story, fresh) in enumerate(_stories(members, trusted, countries)):
        if fresh:
            created.append((number, story))
    _launch(trusted)
    _spam(members)
    # Comments last: a new account's comments count against its hourly limit of posts.
    for number, story in created:
        _discuss(story, members, number)


def _members(context) -> list[User]:
    profiles = context.data.get("diaspora_members") or []
    users = [profile.user for profile in profiles]
    if users:
        return users
    people = [(f"storyteller{n}", f"Demo Storyteller {n}", None, None) for n in range(1, 5)]
    add_demo_members(context, people)
    return list(User.objects.filter(email__startswith="storyteller", is_demo=True))


def _may_post_now(user) -> bool:
    """New accounts may post a few times an hour (community.trust): the members who already
    replied in the groups' threads of the demo this hour write no story now."""
    try:
        trust.check_may_post(user, "")
    except ValidationError:
        return False
    return True


def _trusted(context) -> list[User]:
    """Authors who may embed videos: the demo logins of IOM and the diaspora federation, and the
    editors of the diaspora organisations (members of an organisation are trusted)."""
    organisations = [p.organisation_id for p in context.data.get("diaspora_organisations") or []]
    editors = User.objects.filter(
        Q(email__in=[f"{login}@{DEMO_DOMAIN}" for login in TRUSTED_LOGINS])
        | Q(
            memberships__organisation__in=organisations,
            memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        )
    )
    return list(editors.distinct().order_by("pk")[:6])


def _stories(members, trusted, countries):
    """Yields (story, created now) for every theme in every language."""
    now = timezone.now()
    authors = itertools.cycle(members)
    videos = itertools.cycle(VIDEOS)
    for number, (_theme, where, texts) in enumerate(THEMES):
        for offset, language in enumerate(("en", "fr", "es")):
            kind = KINDS[(number + offset) % len(KINDS)]
            title, summary, body = texts[language]
            existing = Story.objects.filter(is_demo=True, title=title).first()
            if existing is not None:
                yield existing, False
                continue
            if kind == "video" and not trusted:
                kind = "story"
            # Videos come from trusted authors; every fourth story is an organisation's.
            by_trusted = trusted and (kind == "video" or (number + offset) % 4 == 0)
            author = trusted[(number + offset) % len(trusted)] if by_trusted else next(authors)
            data = services.StoryData(
                kind=kind,
                title=title,
                summary=summary,
                body=body,
                language=language,
                video_url=next(videos) if kind == "video" else "",
                starts_at=_event_start(now, number) if kind == "event" else None,
                place=_place(where) if kind == "event" else "",
                countries=[countries[c] for c in where if c in countries],
            )
            organisation = _on_behalf(author)
            story = services.story_create(
                actor=author, organisation=organisation, data=data, is_demo=True
            )
            yield services.story_publish(actor=author, story=story), True


def _event_start(now, number: int):
    """Community events spread from a month ago to two months ahead."""
    return now + datetime.timedelta(days=7 * (number + 1) - 40)


def _place(where) -> str:
    return {"ESP": "Valencia", "FRA": "Lyon", "USA": "Miami", "GBR": "London"}.get(
        where[-1], "Online"
    )


def _on_behalf(author):
    """The first organisation the author edits for, so organisations' stories carry their name."""
    membership = (
        Membership.objects.filter(
            user=author, role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN]
        )
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    return membership.organisation if membership else None


def _discuss(story: Story, members, number: int) -> None:
    """A short thread and a few reactions, by members other than the author. A member past the
    new accounts' hourly limit of comments is skipped: the demo takes what the rules allow."""
    others = [m for m in members if m.pk != story.author_id]
    if not others:
        return
    first = others[number % len(others)]
    second = others[(number + 1) % len(others)]
    comment = _comment(first, story, COMMENTS[number % len(COMMENTS)])
    if comment is not None and second.pk != first.pk:
        _comment(second, story, COMMENTS[(number + 1) % len(COMMENTS)], parent=comment)
    kinds = ReactionKind.values
    for offset, person in enumerate(others[number % len(others) :][:3]):
        reaction_toggle(actor=person, target=story, kind=kinds[(number + offset) % len(kinds)])


def _comment(person, story: Story, text: str, parent=None):
    body = f"{text} — « {story.title} »"  # the title keeps each comment's text distinct
    try:
        return comment_create(
            actor=person, target=story, body=body, parent=parent, language=story.language
        )
    except ValidationError:
        return None


def _launch(trusted) -> None:
    """The news of iDiaspora's launch, linked to the IDM 2018 and its side event."""
    event = Event.objects.filter(slug=IDM_2018).first()
    side = AgendaItem.objects.filter(event=event, kind="side_event").order_by("starts_at").first()
    iom = User.objects.filter(email=f"iom@{DEMO_DOMAIN}").first() or (trusted[:1] or [None])[0]
    if iom is None or Story.objects.filter(is_demo=True, title=LAUNCH_TITLE).exists():
        return
    data = services.StoryData(
        kind="news",
        title=LAUNCH_TITLE,
        summary="Un site communautaire facilité par l'OIM, où les diasporas se connectent entre "
        "elles et avec les gouvernements.",
        body=LAUNCH_BODY,
        language="fr",
        starts_at=side.starts_at if side else None,
        place="Genève" if event else "",
        event=event,
        agenda_item=side,
    )
    story = services.story_create(actor=iom, organisation=_on_behalf(iom), data=data, is_demo=True)
    services.story_publish(actor=iom, story=story)


def _spam(members) -> None:
    """A spam story, reported by enough people to be hidden pending review."""
    if len(members) < 2 or Story.objects.filter(is_demo=True, title=SPAM_TITLE).exists():
        return
    spammer = members[-1]
    data = services.StoryData(
        kind="blog", title=SPAM_TITLE, body="Work from home, earn big. Message me today!",
        language="en",
    )  # fmt: skip
    story = services.story_create(actor=spammer, data=data, is_demo=True)
    services.story_publish(actor=spammer, story=story)
    reporters = [m for m in members if m.pk != spammer.pk][: settings.COMMUNITY["REPORTS_TO_HIDE"]]
    for reporter in reporters:
        report_create(actor=reporter, content=story, reason="spam", details="Demo: advertising.")
