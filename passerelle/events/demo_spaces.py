"""Demo discussion spaces: a permanent forum of the IDM 2018 on partnerships for capacity
development (in French, open, with its questions and a few comments by demo users) and a closed
English space with its published summary. Idempotent: spaces are found by slug, comments are
written once."""

import datetime

from django.utils import timezone

from passerelle.accounts.demo import DEMO_DOMAIN
from passerelle.accounts.models import Organisation, User
from passerelle.community import services as community
from passerelle.community.models import Comment

from . import registrations_spaces  # noqa: F401  (comments need the space registered)
from .models import DiscussionSpace, Event

IOM = "demo-iom-dakar"
IDM_2018 = "idm-2018-session-2"
FORUM = "partenariats-pour-le-developpement-des-capacites"
CLOSED = "data-for-return-and-reintegration"
MODERATORS = ("iom", "focal.senegal")

FORUM_QUESTIONS = [
    "Quels partenariats ont le plus renforcé les capacités de votre administration en matière "
    "de gouvernance des migrations ?",
    "Comment associer les autorités locales et la société civile dès la conception d'un "
    "programme de renforcement des capacités ?",
    "Quels indicateurs utilisez-vous pour savoir si des capacités ont réellement été développées ?",
]
# (key, author, parent key, body)
FORUM_COMMENTS = [
    (
        "c1",
        "focal.senegal",
        None,
        "Au Sénégal, le jumelage entre notre direction des Sénégalais de l'extérieur et une "
        "administration homologue a donné plus de résultats que les formations ponctuelles.",
    ),
    (
        "c2",
        "editor.senegal",
        "c1",
        "Le jumelage a aussi l'avantage de durer au-delà du projet : les équipes continuent "
        "d'échanger.",
    ),
    (
        "c3",
        "ngo",
        None,
        "Associer la société civile dès l'analyse des besoins évite de concevoir des "
        "formations que personne ne pourra suivre.",
    ),
]


def _people() -> dict[str, User]:
    return {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}", is_active=True)
    }


def load_spaces(context) -> None:
    iom = Organisation.objects.filter(slug=IOM).first()
    if iom is None:
        return
    people = _people()
    moderators = [people[key] for key in MODERATORS if key in people]
    now = timezone.now()
    forum, _created = DiscussionSpace.objects.get_or_create(
        slug=FORUM,
        defaults={
            "title": "Partenariats pour le développement des capacités",
            "theme": "Les partenariats au service du renforcement des capacités en gouvernance "
            "des migrations",
            "description": "Un forum de dialogue permanent ouvert à la suite de l'IDM 2018 : "
            "partagez vos expériences de partenariats pour développer les capacités des "
            "administrations et de leurs partenaires.",
            "audience": "Points focaux gouvernementaux, autorités locales, organisations de la "
            "société civile et partenaires techniques",
            "language": "fr",
            "languages": ["fr", "en", "es"],
            "questions": FORUM_QUESTIONS,
            "event": Event.objects.filter(slug=IDM_2018).first(),
            "organisation": iom,
            "opens_at": now - datetime.timedelta(days=30),
            "is_demo": True,
        },
    )
    forum.moderators.add(*moderators)
    _comments(forum, people)
    closed, _created = DiscussionSpace.objects.get_or_create(
        slug=CLOSED,
        defaults={
            "title": "Data for return and reintegration",
            "theme": "Sharing administrative data on return and reintegration",
            "description": "A six-week exchange on how administrations collect and share data "
            "on returns and on the reintegration of returning migrants.",
            "audience": "Statistics offices and migration administrations",
            "language": "en",
            "languages": ["en", "fr"],
            "questions": [
                "Which data on returns does your administration collect, and who uses it?",
                "How do you follow reintegration after the first year?",
            ],
            "organisation": iom,
            "opens_at": now - datetime.timedelta(days=120),
            "closes_at": now - datetime.timedelta(days=78),
            "summary": "Participants agreed that returns are counted by several services with "
            "different definitions. A shared register with common definitions was the main "
            "recommendation; following reintegration beyond a year remains rare.",
            "summary_published_at": now - datetime.timedelta(days=75),
            "is_demo": True,
        },
    )
    closed.moderators.add(*moderators)
    context.data["spaces"] = {"forum": forum.slug, "closed": closed.slug}


def _comments(space: DiscussionSpace, people: dict[str, User]) -> None:
    if Comment.objects.for_object(space).exists():
        return
    written: dict[str, Comment] = {}
    for key, author, parent, body in FORUM_COMMENTS:
        if author not in people:
            continue
        written[key] = community.comment_create(
            actor=people[author],
            target=space,
            body=body,
            parent=written.get(parent),
            language=space.language,
        )
