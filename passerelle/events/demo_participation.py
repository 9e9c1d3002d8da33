"""Participation in the demo's sessions: delegations' statements at the IDM 2018 (its sessions
are over, so they are public), participants' questions taken up in the room, and a closed poll
with its votes; on the review forum of 2027, a question waiting and a poll not open yet.

The IDM's sessions ended in 2018, when the services would refuse a statement or a vote: the rows
are written as they would have been then. The forum's go through the services. Idempotent: rows
are found by their item and text."""

from passerelle.accounts.models import Organisation, User

from .choices import PollStatus, QuestionStatus
from .models import AgendaItem, Event, Poll, PollVote, SessionQuestion, Statement
from .services import participation

IDM, FORUM = "idm-2018-session-2", "review-forum-2027"

# (session number in the agenda, delegation's slug, title, text) — in French, as delivered.
STATEMENTS = [
    (
        4,
        "demo-senegal-interior",
        "Déclaration du Sénégal",
        "Le Sénégal a conduit en 2018 une évaluation de ses besoins en formation des agents aux "
        "frontières. Nous appelons nos partenaires à appuyer un plan de formation pluriannuel.",
    ),
    (
        6,
        "demo-iom-dakar",
        "Déclaration de l'OIM",
        "L'OIM coordonne, avec les autres membres du réseau des Nations Unies sur les migrations, "
        "des évaluations conjointes des capacités et propose un guichet unique pour les demandes.",
    ),
    (
        12,
        "demo-senegal-interior",
        "Financer le développement des capacités",
        "Nous proposons qu'un fonds d'amorçage commun finance les premières étapes des plans "
        "nationaux, avec des contributions en nature des partenaires.",
    ),
]
# (session number, asker's demo e-mail, question, taken up)
QUESTIONS = [
    (
        3,
        "editor.senegal",
        "Comment éviter que les évaluations des besoins se multiplient "
        "sans coordination entre partenaires ?",
        QuestionStatus.ANSWERED,
    ),
    (
        7,
        "diaspora",
        "Quelle place pour les associations de la diaspora dans les processus "
        "consultatifs régionaux ?",
        QuestionStatus.ANSWERED,
    ),
]
POLL = (
    11,
    "Quel outil vous manque le plus pour mesurer les effets du développement des capacités ?",
    ["Des indicateurs communs", "Des données de référence", "Des évaluations indépendantes"],
)


def load_participation(context) -> None:
    idm = Event.objects.filter(slug=IDM).first()
    if idm is not None:
        items = list(idm.agenda_items.order_by("starts_at", "-ends_at", "id"))
        _idm_statements(items)
        _idm_questions(items)
        _idm_poll(items)
    forum = Event.objects.filter(slug=FORUM).first()
    if forum is not None:
        _forum_participation(forum)


def _user(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@demo.passerelle.test").first()


def _idm_statements(items: list[AgendaItem]) -> None:
    for number, slug, title, text in STATEMENTS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        Statement.objects.get_or_create(
            item=items[number - 1], organisation=organisation, title=title,
            defaults={"text": text, "language": "fr", "is_demo": True},
        )  # fmt: skip


def _idm_questions(items: list[AgendaItem]) -> None:
    for number, local, text, status in QUESTIONS:
        asker = _user(local)
        if asker is not None:
            SessionQuestion.objects.get_or_create(
                item=items[number - 1], text=text, defaults={"asked_by": asker, "status": status}
            )


def _idm_poll(items: list[AgendaItem]) -> None:
    number, question, options = POLL
    poll, created = Poll.objects.get_or_create(
        item=items[number - 1], question=question,
        defaults={"options": options, "status": PollStatus.CLOSED},
    )  # fmt: skip
    if not created:
        return
    voters = User.objects.filter(email__endswith="@demo.passerelle.test").order_by("pk")[:24]
    PollVote.objects.bulk_create(
        PollVote(poll=poll, voter=voter, option=index % len(options) if index % 5 else 0)
        for index, voter in enumerate(voters)
    )


def _forum_participation(forum: Event) -> None:
    item = forum.agenda_items.order_by("starts_at").first()
    organiser, asker = _user("iom"), _user("editor.senegal")
    if item is None or organiser is None or asker is None:
        return
    question = "Which indicators showed the effect of the training pledges?"
    if not SessionQuestion.objects.filter(item=item, text=question).exists():
        participation.question_ask(actor=asker, item=item, text=question)
    poll_question = "Which review cycle should the next partnerships cover?"
    if not Poll.objects.filter(item=item, question=poll_question).exists():
        participation.poll_create(
            actor=organiser, item=item, question=poll_question,
            options=["Two years", "Four years (the GCM review cycle)"],
        )  # fmt: skip
