"""The community part of the demo: discussions in three languages on the capacity areas and
objectives the IDM 2018 second session talked about, with replies, mentions, reactions and
follows, and one spam comment that three members reported (hidden, in the moderation queue).

Everything goes through the services, so audit entries and notifications arise as they would in
real use. Authors are demo accounts (shown with the "Demo" badge). Idempotent: a discussion that
already has demo comments is left as it is.
"""

from passerelle.accounts.demo import DEMO_DOMAIN
from passerelle.accounts.models import User
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from . import moderation, services
from .models import Comment

# (key, author, language, parent key or None, text)
WHOLE_OF_GOVERNMENT = [
    (
        "wog-1",
        "focal.senegal",
        "fr",
        None,
        "Au Sénégal, la coordination entre le ministère de l'Intérieur, les Affaires étrangères "
        "et le Travail reste notre principal défi. Nous cherchons des exemples de **comités "
        "interministériels** qui fonctionnent, avec un secrétariat permanent.",
    ),
    (
        "wog-2",
        "iom",
        "en",
        "wog-1",
        "@awa-diop the IDM session on whole-of-government approaches heard several examples. "
        "A standing committee with a clear mandate and a small budget line mattered more than "
        "its size. Happy to connect you with @demo-caritas-maroc, who sat on Morocco's.",
    ),
    (
        "wog-3",
        "ngo",
        "fr",
        "wog-2",
        "Oui, volontiers. Au Maroc, la société civile participe au comité depuis 2014 ; "
        "c'est ce qui a permis de suivre la mise en œuvre au niveau local.",
    ),
    (
        "wog-4",
        "city.montreal",
        "fr",
        None,
        "N'oubliez pas les villes : à Montréal, le bureau d'intégration des nouveaux arrivants "
        "a besoin d'un interlocuteur fédéral clair. La cohérence se joue aussi au niveau local.",
    ),
    (
        "wog-5",
        "focal.mexico",
        "es",
        None,
        "En México, la Secretaría de Gobernación coordina una mesa interinstitucional. "
        "Nos interesaría un intercambio entre pares con Senegal sobre indicadores comunes.",
    ),
]

DATA = [
    (
        "data-1",
        "editor.senegal",
        "fr",
        None,
        "Nos données sur les retours sont dispersées entre trois services. Quelqu'un a-t-il "
        "mis en place un **registre commun** avec des définitions partagées ?",
    ),
    (
        "data-2",
        "diaspora",
        "fr",
        "data-1",
        "Côté diaspora, nous pouvons aider à diffuser une enquête auprès des Sénégalais de "
        "France : c'est une source que les registres administratifs ne voient pas.",
    ),
]

SPAM = (
    "member",
    "en",
    "Cheap visas and guaranteed jobs abroad!!! Contact us now at www.example-visas.test",
)


@register_demo_step("community: discussions, reactions, follows, a reported comment")
def load_community(context: DemoContext) -> None:
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    whole_of_government = CapacityArea.objects.get(code="WGWS")
    data = CapacityArea.objects.get(code="DATA")
    objective = GCMObjective.objects.get(number=23)
    written = {}
    written |= _discussion(whole_of_government, WHOLE_OF_GOVERNMENT, people)
    written |= _discussion(data, DATA, people)
    if written:
        _react_and_follow(written, people, whole_of_government, objective)
        _reported_spam(objective, people)


def _discussion(target, comments, people) -> dict[str, Comment]:
    if Comment.objects.for_object(target).filter(author__is_demo=True).exists():
        return {}
    written: dict[str, Comment] = {}
    for key, author, language, parent, body in comments:
        written[key] = services.comment_create(
            actor=people[author],
            target=target,
            body=body,
            parent=written.get(parent),
            language=language,
        )
    return written


def _react_and_follow(written, people, area, objective) -> None:
    for reader, key in [
        ("editor.senegal", "wog-2"),
        ("focal.mexico", "wog-2"),
        ("city.montreal", "wog-2"),
        ("iom", "wog-4"),
        ("focal.senegal", "data-2"),
    ]:
        if key in written:
            services.reaction_toggle(actor=people[reader], target=written[key], kind="useful")
    for follower in ("focal.senegal", "focal.mexico", "iom", "city.montreal"):
        services.follow(actor=people[follower], target=area)
    services.follow(actor=people["broker"], target=objective)
    services.follow(actor=people["focal.senegal"], target=people["iom"])


def _reported_spam(objective, people) -> None:
    author, language, body = SPAM
    spam = services.comment_create(
        actor=people[author], target=objective, body=body, language=language
    )
    for reporter in ("focal.senegal", "iom", "ngo"):
        moderation.report_create(
            actor=people[reporter],
            content=spam,
            reason="spam",
            details="Demo: advertising unrelated to the discussion.",
        )
