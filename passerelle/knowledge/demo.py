"""The knowledge part of the demo: a published repository of practices, lessons learned and
resources in English, French and Spanish — every capacity area, every world region — and two
calls for practices.

The content is data (`demo_content/`): one spec per item, in its original language, written on
the Migration Network Hub's template. Each published item plays the whole way through the
services, as an organisation and the secretariat would: its organisation's editor writes the
draft (`item_create`; a resource's PDF with `item_attach_file`) and submits it (`item_submit`),
the curator assigns two peer reviewers from other organisations (`reviewers_assign`), who check
the eligibility criteria and recommend publication (`review_save`, `review_submit`), and the
curator publishes it (`item_publish`); some then get human translations (`item_translate`).
Dates are moved back afterwards, spread over the last two years (the services only write
today). The lessons recorded on the demo projects' evaluations are imported
(`import_project_lessons`), completed by the project's organisation and most of them published.

The closed call (on partnerships for capacity development, after the second session of IDM
2018) was played the same way while open, then closed and dated back: four practices published,
one declined with the curator's reason. The open call (on migration data, deadline in six weeks)
has a submission at every step before publication: submitted and waiting for reviewers; in
review with one review in and one awaited; changes requested (the reviewers' comments and the
curator's reason); revised and back with the same reviewers in a second round. The Senegalese
interior ministry's editor has two drafts. Readers then rate items, report replications (one in
a demo project), an author corrects a published item (its second version) and the community
discusses a few items in the three languages.

Idempotent: items have fixed submission keys (`uuid5` of their spec's key) and an item whose key
exists is left as it is; a call that exists (by title) is left as it is; ratings are set, not
added; replications, the correction and the comments are written once.

`context.data["knowledge"]` names the calls, the curator, a reviewer with a review to write, and
an author with drafts.
"""

import uuid
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone, translation

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from passerelle.accounts.models import Membership, Organisation, User
from passerelle.community import services as community
from passerelle.community.models import Comment
from passerelle.core import pdf
from passerelle.core.demo import DemoContext, register_demo_step
from passerelle.geo.models import Country, Region
from passerelle.hub import demo as hub_demo
from passerelle.hub.choices import PUBLIC_STATUSES
from passerelle.hub.models import SupportRequest
from passerelle.projects import demo as projects_demo
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea, GCMObjective, GuidingPrinciple

from .choices import ItemKind, ItemStatus, Recommendation
from .demo_content import Spec, all_specs
from .demo_content import calls as call_content
from .demo_content.translations import TRANSLATIONS
from .models import Item, PracticeCall, Replication
from .services import calls, items, lessons, reading, reviews

NAMESPACE = uuid.UUID("1f6b2c9e-4d3a-4b8e-a7c5-93e0d2f81b46")
CURATOR = "curator"
# Peer reviewers: researchers and trainers of other organisations (never the item's own).
REVIEWERS = ("ucad", "research.datalab", "training.icmpd", "usp", "observatorio")
# The open call's two reviewers: `ucad` is left with a review to write (the demo login).
OPEN_CALL_REVIEWERS = ("research.datalab", "ucad")
AUTHOR = "editor.senegal"
# Readers who rate published items.
RATERS = (
    "member", "focal.mexico", "city.montreal", "iom", "ngo", "diaspora", "focal.ghana",
    "city.quito", "amwn", "focal.nepal",
)  # fmt: skip
# Imported project lessons left as drafts, waiting for their organisation to complete them.
LESSONS_LEFT_AS_DRAFTS = ("Spread the data skills", "Former les formateurs")

CONTACTS = {
    "en": "The knowledge focal point of {organisation}, through the organisation's page on "
    "Passerelle.",
    "fr": "Le point focal « connaissances » de {organisation}, par la page de l'organisation "
    "sur Passerelle.",
    "es": "La persona de enlace de {organisation} para la gestión del conocimiento, a través de "
    "la página de la organización en Passerelle.",
}
REVIEW_COMMENTS = {
    "en": (
        "Clear description and convincing evidence of results.",
        "Publishable. The section on replicability will help peers.",
        "Well documented and relevant to several GCM objectives.",
    ),
    "fr": (
        "Description claire, résultats étayés.",
        "Publiable : la section sur la reproductibilité sera utile aux pairs.",
        "Pratique bien documentée et pertinente pour plusieurs objectifs du Pacte.",
    ),
    "es": (
        "Descripción clara y resultados respaldados por evidencia.",
        "Publicable: la sección sobre replicabilidad será útil para otros.",
        "Bien documentada y pertinente para varios objetivos del Pacto.",
    ),
}
# `type` is the evaluation's type in the item's language, in lower case ("final evaluation").
LESSON_CONTEXT = {
    "en": "From the {type} of the project “{project}”, by {evaluator}. {findings}",
    "fr": "Tiré de l'{type} du projet « {project} », par {evaluator}. {findings}",
    "es": "De la {type} del proyecto «{project}», realizada por {evaluator}. {findings}",
}
# Tags the organisation adds to imported lessons whose project has none: project key → (capacity
# areas, GCM objectives).
LESSON_TAGS = {"east-africa-remittances": ("WGWS DATA", (20, 19))}
# A project's IATI activity scope as an item's scope.
PROJECT_SCOPES = {1: "global", 2: "regional", 3: "regional", 4: "national"}

# (item key, organisation, project key or "", ISO3 country, what was done)
REPLICATIONS = [
    ("sen-guichet-unique-retour", "demo-guatemala-igm", "guatemala-psychosocial-reintegration",
     "GTM", "We opened municipal desks for returnees on the same principle — one adviser and one "
     "shared file — in the project's three departments, starting with Huehuetenango."),
    ("uio-casa-movilidad-humana", "demo-ville-de-dakar", "", "SEN",
     "La Ville de Dakar a repris l'idée d'un lieu unique pour les personnes migrantes, "
     "réfugiées et de retour, avec des horaires élargis le samedi."),
    ("sen-missions-enseignants-diaspora", "demo-moldova-diaspora", "", "MDA",
     "We adapted the remote co-supervision of theses to our diaspora doctors' missions: each "
     "visiting doctor now mentors a resident for the whole year."),
]  # fmt: skip

CORRECTION = (
    "east-africa-remittance-price-comparison",
    {
        "results": "The average cost of sending 200 USD in the corridors covered fell from 7.6% "
        "to 4.1% between 2019 and 2022; new digital providers entered the market.",
    },
    "Corrected the period and the amount of the cost figures (200 USD, 2019-2022).",
)

# (item key, [(author, language, text, index of the comment it replies to or None)])
DISCUSSIONS = [
    ("sen-guichet-unique-retour", [
        ("focal.guatemala", "es", "¿Cómo financian el funcionamiento de las oficinas una vez "
         "terminado el apoyo de los socios? Preparamos algo parecido en Guatemala.", None),
        ("editor.senegal", "fr", "Le budget de fonctionnement est inscrit dans la loi de "
         "finances depuis 2023 ; seules les antennes mobiles restent financées par des "
         "partenaires.", 0),
    ]),
    ("npl-zero-fee-licensing", [
        ("focal.philippines", "en", "Did agencies shift the fees to sub-agents in the villages? "
         "That is what we saw after tightening our own rules.", None),
        ("focal.nepal", "en", "Yes, which is why sub-agents now have to be registered too — see "
         "the lessons section. It is the next step of our reform.", 0),
    ]),
    ("uio-casa-movilidad-humana", [
        ("city.barcelona", "es", "En Barcelona el SAIER también combina orientación jurídica y "
         "empleo. ¿Cómo miden la satisfacción de las personas atendidas?", None),
        ("city.quito", "es", "Con una encuesta breve al salir y llamadas de seguimiento a una "
         "muestra al mes. Con gusto compartimos el cuestionario.", 0),
    ]),
    ("world-migration-report-2024", [
        ("city.montreal", "fr", "Le chapitre sur le genre nous a servi pour réviser notre plan "
         "d'action municipal. Existe-t-il une version française complète ?", None),
        ("iom", "en", "Yes — the French and Spanish editions are on the same page, and this "
         "entry now has both translations.", 0),
    ]),
    ("mex-albergues-abiertos-ninez", [
        ("atd.network", "en", "Great to see this written into law. How are ages assessed when a "
         "child arrives without documents?", None),
    ]),
]  # fmt: skip


def demo_key(key: str) -> uuid.UUID:
    """The submission key of the demo item made from the spec `key`."""
    return uuid.uuid5(NAMESPACE, f"knowledge-demo:{key}")


@register_demo_step("knowledge: practices, lessons, resources, calls for practices")
def load_knowledge(context: DemoContext) -> None:
    world = _World()
    done = set(Item.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    for spec in all_specs():
        if demo_key(spec.key) not in done:
            _publish(spec, world)
    _project_lessons(world)
    closed = _closed_call(world)
    open_call = _open_call(world)
    _readers(world)
    roles = [
        (CURATOR, "knowledge: curator (secretariat)"),
        (OPEN_CALL_REVIEWERS[1], "knowledge: peer reviewer, a review to write"),
        (AUTHOR, "knowledge: author, two drafts"),
    ]
    for local, role in roles:
        context.credentials.append((world.people[local].email, DEMO_PASSWORD, role))
    context.data["knowledge"] = {
        "closed_call": closed.pk,
        "open_call": open_call.pk,
        "curator": world.people[CURATOR].email,
        "reviewer": world.people[OPEN_CALL_REVIEWERS[1]].email,
        "author": world.people[AUTHOR].email,
    }


class _World:
    """What the step reads once: people by e-mail local part, organisations by slug, each
    organisation's first editor, the reference data."""

    def __init__(self):
        self.now = timezone.now()
        self.people = {
            user.email.split("@")[0]: user
            for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
        }
        self.organisations = {o.slug: o for o in Organisation.objects.filter(is_demo=True)}
        self.editors: dict[int, User] = {}
        for membership in (
            Membership.objects.filter(
                organisation__is_demo=True,
                user__is_demo=True,
                role__in=(MembershipRole.EDITOR, MembershipRole.ADMIN),
            )
            .select_related("user")
            .order_by("user__email")
        ):
            self.editors.setdefault(membership.organisation_id, membership.user)
        self.areas = {area.code: area for area in CapacityArea.objects.all()}
        self.objectives = {o.number: o for o in GCMObjective.objects.all()}
        self.principles = {p.number: p for p in GuidingPrinciple.objects.all()}
        self.countries = {c.iso3: c for c in Country.objects.all()}
        self.regions = {r.code: r for r in Region.objects.all()}

    @property
    def curator(self) -> User:
        return self.people[CURATOR]

    def editor(self, organisation) -> User:
        return self.editors[organisation.pk]

    def reviewers(self, item: Item, count: int = 2, offset: int = 0) -> list[User]:
        """`count` reviewers who are not members of the item's organisation, in turn."""
        able = [
            self.people[local]
            for local in REVIEWERS
            if item.organisation_id not in self.people[local].organisation_ids
        ]
        return [able[(offset + n) % len(able)] for n in range(count)]


# --- One item's way to publication -------------------------------------------------------------


def _data(spec: Spec, world: _World, texts: dict[str, str] | None = None) -> items.ItemData:
    organisation = world.organisations[spec.organisation]
    written = dict(spec.texts, **(texts or {}))
    if spec.kind == ItemKind.PRACTICE:
        written["contacts"] = CONTACTS[spec.language].format(organisation=organisation.name)
    return items.ItemData(
        title=spec.title,
        summary=spec.summary,
        texts=written,
        scope=spec.scope,
        language=spec.language,
        resource_type=spec.resource_type,
        issued_on=date.fromisoformat(spec.issued) if spec.issued else None,
        link=spec.link,
        audiences=spec.audiences.split(),
        actor_types=spec.actors.split(),
        capacity_areas=[world.areas[code] for code in spec.areas.split()],
        gcm_objectives=[world.objectives[number] for number in spec.gcm],
        guiding_principles=[world.principles[number] for number in spec.principles],
        countries=[world.countries[code] for code in spec.countries.split()],
        regions=[world.regions[code] for code in spec.regions.split()],
        projects=[_project(key) for key in spec.projects],
        requests=[r for r in (_request(*need) for need in spec.requests) if r is not None],
    )


def _project(key: str) -> Project:
    return Project.objects.get(submission_key=_project_uuid(key))


def _project_key(project: Project) -> str:
    return next(
        (
            demo.key
            for demo in projects_demo.PROJECTS
            if _project_uuid(demo.key) == project.submission_key
        ),
        "",
    )


def _project_uuid(key: str) -> uuid.UUID:
    return uuid.uuid5(projects_demo.NAMESPACE, f"projects-demo:{key}")


def _request(organisation: str, need: str, language: str) -> SupportRequest | None:
    """The hub's demo request, if the public can read it (an item links only to those)."""
    key = uuid.uuid5(hub_demo.NAMESPACE, f"hub-demo:{organisation}:{need}:{language}")
    return SupportRequest.objects.filter(submission_key=key, status__in=PUBLIC_STATUSES).first()


def _draft(spec: Spec, world: _World, call: PracticeCall | None = None) -> Item:
    organisation = world.organisations[spec.organisation]
    author = world.editor(organisation)
    item = items.item_create(
        actor=author,
        organisation=organisation,
        kind=spec.kind,
        data=_data(spec, world),
        call=call,
        submission_key=demo_key(spec.key),
    )
    if spec.pdf:
        items.item_attach_file(actor=author, item=item, upload=_pdf(spec, organisation))
    Item.objects.filter(pk=item.pk).update(is_demo=True)
    return item


def _assign(item: Item, world: _World, reviewers: list[User]) -> Item:
    reviews.reviewers_assign(actor=world.curator, item=item, reviewers=reviewers)
    item.refresh_from_db()
    return item


def _write_review(item: Item, person: User, *, recommendation=Recommendation.PUBLISH,
                  comment: str = "", verdicts: tuple[str, ...] = ()) -> None:  # fmt: skip
    """`person` checks every criterion (all met unless `verdicts` says otherwise, in the order
    of the criteria), writes to the authors and submits the review."""
    review = item.reviews.get(round=item.review_round, reviewer=person)
    checks = list(review.checks.order_by("position"))
    given = verdicts or ("met",) * len(checks)
    reviews.review_save(
        actor=person,
        review=review,
        verdicts={check.position: (given[n], "") for n, check in enumerate(checks)},
        comment=comment or REVIEW_COMMENTS[item.language][(item.pk + person.pk) % 3],
        recommendation=recommendation,
    )
    reviews.review_submit(actor=person, review=review)


def _publish(spec: Spec, world: _World) -> Item:
    item = _draft(spec, world)
    author = world.editor(item.organisation)
    item = items.item_submit(actor=author, item=item)
    reviewers = world.reviewers(item, offset=item.pk)
    item = _assign(item, world, reviewers)
    for person in reviewers:
        _write_review(item, person)
    item = reviews.item_publish(actor=world.curator, item=item)
    for language, texts in TRANSLATIONS.get(spec.key, {}).items():
        translated = dict(texts)
        if item.contacts:
            translated["contacts"] = CONTACTS[language].format(organisation=item.organisation)
        items.item_translate(actor=author, item=item, language=language, texts=translated)
    _date_back(item, world, days=_age(spec.key))
    return item


def _age(key: str) -> int:
    """How many days ago the item was published: spread over two years, fixed by its key."""
    return 12 + demo_key(key).int % 700


def _date_back(item: Item, world: _World, *, days: int, review_days: int = 20) -> None:
    published = world.now - timedelta(days=days)
    submitted = published - timedelta(days=review_days + 10)
    Item.objects.filter(pk=item.pk).update(
        created=submitted - timedelta(days=15), submitted_at=submitted, published_at=published
    )
    item.versions.filter(number=1).update(created=published)
    item.reviews.update(created=submitted + timedelta(days=2))
    item.reviews.exclude(submitted_at=None).update(submitted_at=published - timedelta(days=5))


def _pdf(spec: Spec, organisation) -> ContentFile:
    """The resource's document as an A4 PDF, in its language (the house kit, core.pdf)."""
    styles = pdf.report_styles()
    story = [
        pdf.paragraph(organisation.name, styles["kicker"]),
        pdf.paragraph(spec.title, styles["cover"]),
        pdf.paragraph(spec.summary, styles["subtitle"]),
    ]
    for paragraph in spec.texts["description"].split("\n"):
        story.append(pdf.paragraph(paragraph, styles["body"]))
    with translation.override(spec.language):
        document = pdf.build_pdf(
            story,
            title=spec.title,
            subject=spec.summary,
            footer=f"{organisation.name} — Passerelle (demo)",
            language=spec.language,
        )
    return ContentFile(document, name=f"{spec.key}.pdf")


# --- Lessons from the demo projects ------------------------------------------------------------


def _project_lessons(world: _World) -> None:
    """Import the projects' lessons; the project's organisation completes each one (context
    from the evaluation, the project's countries and regions) and submits it, and it goes
    through review to publication — except those left as drafts."""
    lessons.import_project_lessons()
    imported = Item.objects.filter(source_lesson__project__is_demo=True)
    imported.filter(is_demo=False).update(is_demo=True)
    waiting = imported.filter(status=ItemStatus.DRAFT).exclude(title__in=LESSONS_LEFT_AS_DRAFTS)
    for item in waiting.select_related("evaluation", "source_lesson__project").order_by("pk"):
        project = item.source_lesson.project
        author = world.editor(item.organisation)
        evaluation = item.evaluation
        context = ""
        if evaluation is not None:
            with translation.override(item.language):
                kind = str(evaluation.get_type_display()).lower()
            context = LESSON_CONTEXT[item.language].format(
                type=kind,
                project=project.title,
                evaluator=evaluation.evaluator,
                findings=evaluation.findings,
            )
        areas, objectives = list(item.capacity_areas.all()), list(item.gcm_objectives.all())
        codes, numbers = LESSON_TAGS.get(_project_key(project), ("", ()))
        areas = areas or [world.areas[code] for code in codes.split()]
        objectives = objectives or [world.objectives[number] for number in numbers]
        data = items.ItemData(
            title=item.title,
            summary=item.summary,
            texts={"context": context, "lessons": item.lessons},
            scope=PROJECT_SCOPES.get(project.scope, "local"),
            language=item.language,
            audiences=["practitioners", "policymakers"],
            actor_types=[item.organisation.type],
            capacity_areas=areas,
            gcm_objectives=objectives,
            countries=[share.country for share in project.countries.all()],
            regions=[share.region for share in project.regions.all()],
            projects=[project],
        )
        item = items.item_update(actor=author, item=item, data=data)
        item = items.item_submit(actor=author, item=item)
        reviewers = world.reviewers(item, offset=item.pk)
        item = _assign(item, world, reviewers)
        for person in reviewers:
            _write_review(item, person)
        item = reviews.item_publish(actor=world.curator, item=item)
        _date_back(item, world, days=5 + item.pk % 60, review_days=10)


# --- Calls for practices -----------------------------------------------------------------------


def _call(spec: dict, world: _World, deadline) -> PracticeCall:
    call = calls.call_create(
        actor=world.curator,
        data=calls.CallData(
            title=spec["title"],
            theme=spec["theme"],
            description=spec["description"],
            eligibility=spec["eligibility"],
            deadline=deadline,
            contact=spec["contact"],
            language=spec["language"],
            own_criteria=spec["own_criteria"],
            capacity_areas=[world.areas[code] for code in spec["areas"].split()],
            gcm_objectives=[world.objectives[number] for number in spec["gcm"]],
        ),
    )
    call = calls.call_open(actor=world.curator, call=call)
    PracticeCall.objects.filter(pk=call.pk).update(is_demo=True)
    return call


def _closed_call(world: _World) -> PracticeCall:
    """Played today while open, decided, closed, then dated back: opened five months ago,
    deadline three months ago, decisions two months ago."""
    spec = call_content.CLOSED_CALL
    existing = PracticeCall.objects.filter(title=spec["title"], is_demo=True).first()
    if existing is not None:
        return existing
    call = _call(spec, world, world.now + timedelta(days=30))
    for submission in call_content.CLOSED_SUBMISSIONS:
        item = _draft(submission.spec, world, call=call)
        item = items.item_submit(actor=world.editor(item.organisation), item=item)
        reviewers = world.reviewers(item, offset=item.pk)
        item = _assign(item, world, reviewers)
        for person, (recommendation, comment, verdicts) in zip(
            reviewers, submission.reviews, strict=True
        ):
            _write_review(item, person, recommendation=recommendation, comment=comment,
                          verdicts=verdicts)  # fmt: skip
        if submission.story == call_content.DECLINED:
            reviews.item_decline(actor=world.curator, item=item, reason=submission.reason)
        else:
            reviews.item_publish(actor=world.curator, item=item)
    calls.call_close(actor=world.curator, call=call)
    now = world.now
    PracticeCall.objects.filter(pk=call.pk).update(
        opens_at=now - timedelta(days=150), deadline=now - timedelta(days=90)
    )
    for item in call.items.all():
        _date_back(item, world, days=60, review_days=30)
    call.items.filter(status=ItemStatus.DECLINED).update(published_at=None)
    return call


def _open_call(world: _World) -> PracticeCall:
    """Open three weeks ago, deadline in six weeks; a submission at each step before
    publication, and the drafts."""
    spec = call_content.OPEN_CALL
    existing = PracticeCall.objects.filter(title=spec["title"], is_demo=True).first()
    if existing is not None:
        return existing
    call = _call(spec, world, world.now + timedelta(days=spec["days"]))
    PracticeCall.objects.filter(pk=call.pk).update(opens_at=world.now - timedelta(days=21))
    reviewers = [world.people[local] for local in OPEN_CALL_REVIEWERS]
    for number, submission in enumerate(call_content.OPEN_SUBMISSIONS):
        _play_open(submission, world, call, reviewers)
        item = Item.objects.get(submission_key=demo_key(submission.spec.key))
        if item.submitted_at is not None:
            Item.objects.filter(pk=item.pk).update(
                submitted_at=world.now - timedelta(days=18 - 3 * number)
            )
    return call


def _play_open(submission, world: _World, call: PracticeCall, reviewers: list[User]) -> None:
    story, spec = submission.story, submission.spec
    item = _draft(spec, world, call=call if spec.call else None)
    if story == call_content.DRAFT:
        return
    author = world.editor(item.organisation)
    item = items.item_submit(actor=author, item=item)
    if story == call_content.SUBMITTED:
        return
    item = _assign(item, world, reviewers)
    for person, (recommendation, comment, verdicts) in zip(
        reviewers, submission.reviews, strict=False
    ):
        _write_review(item, person, recommendation=recommendation, comment=comment,
                      verdicts=verdicts)  # fmt: skip
    if story == call_content.IN_REVIEW:
        return
    item = reviews.item_request_changes(actor=world.curator, item=item, reason=submission.reason)
    if story == call_content.CHANGES_REQUESTED:
        return
    revised = _data(spec, world, texts=submission.revision)
    item = items.item_update(actor=author, item=item, data=revised)
    items.item_submit(actor=author, item=item)  # back to the same reviewers, round 2


# --- Readers -----------------------------------------------------------------------------------


def _readers(world: _World) -> None:
    published = list(
        Item.objects.filter(is_demo=True, status=ItemStatus.PUBLISHED).order_by("submission_key")
    )
    for index, item in enumerate(published):
        for turn in range(index % 4):
            rater = world.people[RATERS[(index + turn) % len(RATERS)]]
            stars = 2 + (index * 7 + turn * 3) % 4
            reading.rating_set(actor=rater, item=item, stars=stars)
    by_key = {item.submission_key: item for item in published}
    for key, slug, project, country, description in REPLICATIONS:
        item = by_key[demo_key(key)]
        organisation = world.organisations[slug]
        if Replication.objects.filter(item=item, organisation=organisation).exists():
            continue
        reading.replication_report(
            actor=world.editor(organisation),
            item=item,
            organisation=organisation,
            description=description,
            project=_project(project) if project else None,
            country=world.countries[country],
        )
    _correct(by_key, world)
    for key, comments in DISCUSSIONS:
        item = by_key[demo_key(key)]
        if Comment.objects.for_object(item).filter(author__is_demo=True).exists():
            continue
        written = []
        for author, language, body, parent in comments:
            written.append(
                community.comment_create(
                    actor=world.people[author],
                    target=item,
                    body=body,
                    parent=written[parent] if parent is not None else None,
                    language=language,
                )
            )


def _correct(by_key: dict, world: _World) -> None:
    """The author corrects a published item once: its second version, with a note."""
    key, texts, note = CORRECTION
    item = by_key[demo_key(key)]
    if item.version > 1:
        return
    spec = next(spec for spec in all_specs() if spec.key == key)
    items.item_update(
        actor=world.editor(item.organisation), item=item, data=_data(spec, world, texts), note=note
    )
