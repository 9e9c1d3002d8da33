"""The connecting area's demo data: connections in every status and a block between the demo
members, conversations in English, French and Spanish, and groups by origin and by theme with
threads and their replies. Idempotent: rows are found again by stable keys (a pair of people, a
group's slug, a thread's title) before anything is written.

Connections, blocks and messages are written directly: they are private rows whose services
would refuse a demo account for being new (direct messages) or its profile for being private.
Threads and replies go through the services, like a member's."""

from itertools import cycle

from django.utils import timezone

from passerelle.accounts.demo import DEMO_DOMAIN, add_demo_members
from passerelle.accounts.models import User
from passerelle.community import services as community
from passerelle.community.models import Comment
from passerelle.geo.models import Country

from .choices import ConnectionStatus, GroupKind, GroupRole, Visibility
from .models import (
    Block,
    Connection,
    Conversation,
    Group,
    GroupMembership,
    MemberProfile,
    Message,
    Thread,
)
from .services import connecting as services

OWN_MEMBERS = (
    ("aminata.diallo", "Aminata Diallo", "SEN", "FRA", "fr"),
    ("carlos.mendoza", "Carlos Mendoza", "MEX", "USA", "es"),
    ("maria.santos", "Maria Santos", "PHL", "CAN", "en"),
    ("youssef.amrani", "Youssef Amrani", "MAR", "BEL", "fr"),
    ("lucia.restrepo", "Lucía Restrepo", "COL", "ESP", "es"),
    ("jean.baptiste", "Jean-Baptiste Pierre", "HTI", "CAN", "fr"),
)

# (requester, addressee, status) by index into the members.
CONNECTIONS = (
    (0, 1, ConnectionStatus.ACCEPTED),
    (0, 2, ConnectionStatus.ACCEPTED),
    (1, 4, ConnectionStatus.ACCEPTED),
    (3, 5, ConnectionStatus.ACCEPTED),
    (3, 0, ConnectionStatus.PENDING),
    (2, 4, ConnectionStatus.PENDING),
    (4, 5, ConnectionStatus.DECLINED),
)
BLOCK = (5, 1)  # the sixth member blocked the second

# (first sender, second sender, messages alternating between them)
CONVERSATIONS = (
    (
        0,
        1,
        (
            "Hello Carlos, I saw your profile: you work on remittance costs?",
            "Yes! We compare transfer services between the US and Mexico.",
            "We do the same for France and Senegal. Shall we share our tables?",
        ),
    ),
    (
        0,
        2,
        (
            "Bonjour Maria, merci d'avoir accepté. Vous êtes infirmière à Toronto ?",
            "Yes, in a paediatric ward. I'm happy to share how we organised our network.",
        ),
    ),
    (
        1,
        4,
        (
            "Hola Lucía, ¿vas al encuentro de la diáspora en Madrid?",
            "¡Claro! Presento el programa de mentorías para jóvenes.",
            "Perfecto, nos vemos allí.",
        ),
    ),
    (
        3,
        5,
        (
            "Salut Jean-Baptiste, ton association cherche encore des médecins bénévoles ?",
            "Oui, pour une mission de deux semaines au Cap-Haïtien en mars.",
        ),
    ),
)

# (slug, name, kind, country iso3 or theme, language, description, authors of its threads:
# the first moderates the group)
GROUPS = (
    ("senegal-diaspora", "Senegalese diaspora", GroupKind.ORIGIN, "SEN", "fr",
     "Les membres de la diaspora sénégalaise, où qu'ils vivent.", (0, 3, 5)),
    ("mexico-diaspora", "Mexicanos en el exterior", GroupKind.ORIGIN, "MEX", "es",
     "Mexicanas y mexicanos que viven fuera del país.", (1, 4)),
    ("philippines-diaspora", "Filipinos abroad", GroupKind.ORIGIN, "PHL", "en",
     "Overseas Filipinos sharing news, jobs and support.", (2, 0)),
    ("morocco-diaspora", "Marocains du monde", GroupKind.ORIGIN, "MAR", "fr",
     "Échanges entre Marocains résidant à l'étranger.", (3, 0)),
    ("colombia-diaspora", "Colombianos en el mundo", GroupKind.ORIGIN, "COL", "es",
     "La comunidad colombiana en el exterior.", (4, 1)),
    ("haiti-diaspora", "Diaspora haïtienne", GroupKind.ORIGIN, "HTI", "fr",
     "La diaspora haïtienne au Canada, aux États-Unis et en France.", (5, 3)),
    ("diaspora-investment", "Diaspora investment", GroupKind.THEME, "Diaspora investment", "en",
     "Investing at home from abroad: funds, bonds, small businesses.", (1, 0, 3, 4)),
    ("health-professionals-abroad", "Health professionals abroad", GroupKind.THEME,
     "Health professionals abroad", "en",
     "Doctors, nurses and pharmacists working abroad who want to help at home.", (2, 5, 0)),
    ("youth-second-generation", "Youth and second generation", GroupKind.THEME,
     "Youth and second generation", "en",
     "Growing up between two countries, and staying connected to both.", (4, 2, 1)),
)  # fmt: skip

# slug → [(title, opening post, [replies])], authors taken in turn from the group's members.
THREADS = {
    "senegal-diaspora": [
        ("Envoyer de l'argent au pays", "Quels services utilisez-vous, et à quel coût ?",
         ["Le mobile money reste le moins cher pour moi.", "Attention aux frais de change."]),
        ("Retour au Sénégal", "Qui a déjà monté un projet au retour ?", ["Moi, à Thiès."]),
    ],
    "mexico-diaspora": [
        ("Remesas y ahorro", "¿Cómo ahorran para un proyecto en México?",
         ["Con una cooperativa de mi pueblo."]),
        ("Doble nacionalidad", "Trámites para los hijos nacidos fuera.", ["En el consulado."]),
    ],
    "philippines-diaspora": [
        ("Nurses' licences", "How did you get your licence recognised abroad?",
         ["It took me eight months in Ontario."]),
        ("Typhoon relief", "Which organisations do you trust for donations?",
         ["Our parish network sends directly."]),
    ],
    "morocco-diaspora": [
        ("Investir au Maroc", "Les dispositifs pour les MRE valent-ils le coup ?",
         ["Oui pour l'immobilier, moins pour les PME."]),
        ("Langue et enfants", "Comment transmettre l'arabe et l'amazigh ?", ["Cours du samedi."]),
    ],
    "colombia-diaspora": [
        ("Votar desde el exterior", "¿Quién se inscribió para las próximas elecciones?",
         ["Yo, en el consulado de Madrid."]),
        ("Emprender en Colombia", "Experiencias con proyectos productivos.", ["Café en Huila."]),
    ],
    "haiti-diaspora": [
        ("Missions médicales", "Organisation des missions de santé en Haïti.",
         ["Nous cherchons des pédiatres pour mars."]),
        ("Transferts et reconstruction", "Quels projets soutenir ?", ["Les écoles d'abord."]),
    ],
    "diaspora-investment": [
        ("Diaspora bonds", "Has anyone bought a diaspora bond? How did it go?",
         ["Yes, an Indian one years ago: fine returns.", "Too little information for me."]),
        ("Co-investing with home towns", "Matching funds with city halls: who tried?",
         ["Mexico's 3x1 programme worked for our village."]),
        ("Small businesses", "Lending to relatives' businesses: tips?", ["Write a contract."]),
    ],
    "health-professionals-abroad": [
        ("Short missions", "How long are your volunteer missions at home?",
         ["Two weeks a year.", "One month, with my hospital's agreement."]),
        ("Telemedicine", "Tools for remote consultations with colleagues at home?",
         ["A secure messaging app our ministry approved."]),
    ],
    "youth-second-generation": [
        ("Belonging", "Do you feel from here, from there, or both?",
         ["Both, depending on the day.", "Ni de aquí ni de allá, a veces."]),
        ("Learning the language", "Resources to learn our parents' language as adults?",
         ["Online classes with a tutor from home."]),
    ],
}  # fmt: skip


def load(context) -> None:
    """Adds the area's demo data; idempotent."""
    users = [profile.user for profile in _members(context)][: len(OWN_MEMBERS)]
    _connections(users)
    _conversations(users)
    groups = [(_group(spec, users), [users[i] for i in spec[6]]) for spec in GROUPS]
    # All threads first: a new account's hourly limit counts its replies, and would refuse a
    # thread to an author who had already replied a lot.
    threads = [thread for group, authors in groups for thread in _threads(group, authors)]
    repliers = cycle(users)
    for thread, replies in threads:
        _replies(thread, replies, repliers)
    context.data["diaspora_groups"] = [group for group, _authors in groups]


def _members(context) -> list[MemberProfile]:
    members = list(context.data.get("diaspora_members") or [])
    if len(members) >= len(OWN_MEMBERS):
        return members
    add_demo_members(context, [(local, name, None, None) for local, name, *_ in OWN_MEMBERS])
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=_iso3s())}
    own = []
    for local, name, origin, residence, language in OWN_MEMBERS:
        profile, _created = MemberProfile.objects.update_or_create(
            user=_user(local),
            defaults={
                "display_name": name,
                "name_visibility": Visibility.PUBLIC,
                "origin_country": countries.get(origin),
                "origin_visibility": Visibility.PUBLIC,
                "residence_country": countries.get(residence),
                "languages": [language, "en"] if language != "en" else ["en"],
                "is_demo": True,
            },
        )
        own.append(profile)
    return own


def _iso3s() -> set[str]:
    return {code for *_, origin, residence, _l in OWN_MEMBERS for code in (origin, residence)}


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@{DEMO_DOMAIN}")


def _connections(users) -> None:
    now = timezone.now()
    for requester, addressee, status in CONNECTIONS:
        first, second = users[requester], users[addressee]
        Connection.objects.update_or_create(
            pair=Connection.pair_of(first.pk, second.pk),
            defaults={
                "requester": first,
                "addressee": second,
                "status": status,
                "answered_at": None if status == ConnectionStatus.PENDING else now,
            },
        )
    blocker, blocked = users[BLOCK[0]], users[BLOCK[1]]
    Connection.objects.filter(pair=Connection.pair_of(blocker.pk, blocked.pk)).delete()
    Block.objects.get_or_create(blocker=blocker, blocked=blocked)


def _conversations(users) -> None:
    for one, other, texts in CONVERSATIONS:
        low, high = sorted((users[one], users[other]), key=lambda user: user.pk)
        conversation, _created = Conversation.objects.get_or_create(first=low, second=high)
        last = None
        for position, body in enumerate(texts):
            sender = users[one] if position % 2 == 0 else users[other]
            last, _created = Message.objects.get_or_create(
                conversation=conversation, sender=sender, body=body
            )
        conversation.last_message_at = last.created
        conversation.save(update_fields=["last_message_at"])


def _group(spec, users) -> Group:
    """Every demo member belongs to every group (so that replies spread over all of them and
    stay within a new account's hourly limit); the first listed moderates it."""
    slug, name, kind, key, language, description, indexes = spec
    moderator = users[indexes[0]]
    group, _created = Group.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "country": Country.objects.get(iso3=key) if kind == GroupKind.ORIGIN else None,
            "theme": key if kind == GroupKind.THEME else "",
            "language": language,
            "description": description,
            "created_by": moderator,
            "is_demo": True,
        },
    )
    for person in users:
        GroupMembership.objects.get_or_create(
            group=group,
            user=person,
            defaults={"role": GroupRole.MODERATOR if person == moderator else GroupRole.MEMBER},
        )
    return group


def _threads(group: Group, authors) -> list[tuple[Thread, list[str]]]:
    """The group's threads, by its listed members in turn, with the replies each should have."""
    threads = []
    for number, (title, body, replies) in enumerate(THREADS[group.slug]):
        thread = Thread.objects.filter(group=group, title=title).first() or (
            services.thread_create(
                actor=authors[number % len(authors)],
                group=group,
                title=title,
                body=body,
                is_demo=True,
            )
        )
        threads.append((thread, replies))
    return threads


def _replies(thread: Thread, replies: list[str], repliers) -> None:
    """Replies by the next demo members in a round over all of them, never the thread's author:
    spread so, no one passes a new account's hourly limit."""
    if Comment.objects.for_object(thread).exists():
        return
    for reply in replies:
        replier = next(repliers)
        if replier == thread.author:
            replier = next(repliers)
        community.comment_create(
            actor=replier, target=thread, body=reply, language=thread.group.language
        )
