"""Every URL of the project, requested anonymously, as a member of another organisation and as
the owner (the administrator of the organisation the URL is about). Nothing private leaks: what
an outsider may not see is a 404 (its existence hidden) or a 403 (public object, private action).
A final test fails when a URL is added without being listed here."""

from datetime import date, timedelta

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from passerelle.accounts import services
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.assessments import services as assessment_services
from passerelle.assessments.models import FrameworkVersion
from passerelle.community import services as community_services
from passerelle.diaspora.tests import access as diaspora_access
from passerelle.hub.models import Match

LOGIN = "/en/accounts/login/"


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The world, built once per module (per test process under xdist) in a transaction that is
    rolled back at the end; each test runs in its own nested transaction, so what a test writes
    is gone before the next one. Building it for each of the ~900 cases took minutes."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(built_world, db):
    return built_world


def _build_world():
    """A government organisation with an owner, a viewer and a pending invitation; an outsider
    who administers another organisation."""
    government = OrganisationFactory(type="national_government", slug="gov")
    owner = MembershipFactory(organisation=government, role="admin").user
    viewer_membership = MembershipFactory(organisation=government, role="viewer")
    invitation = services.invitation_create(
        actor=owner, organisation=government, email="invitee@example.org", role="viewer"
    )
    outsider = MembershipFactory(role="admin").user
    comment = community_services.comment_create(
        actor=owner, target=government, body="Welcome to our page."
    )
    follow = community_services.follow(actor=owner, target=government)
    return {
        **_assessments(government, owner, viewer_membership.user),
        **_requests(government, owner),
        **_pledges(government, owner),
        **(projects := _projects(government, owner)),
        **_funding(government, owner, projects),
        **_knowledge(government, owner),
        **_events(government, owner),
        **diaspora_access.build(government, owner, outsider),
        "organisation": government,
        "owner": owner,
        "outsider": outsider,
        "membership": viewer_membership,
        "invitation": invitation,
        "organisation_ct": ContentType.objects.get_for_model(government).pk,
        "user_ct": ContentType.objects.get_for_model(owner).pk,
        "comment": comment,
        "comment_ct": ContentType.objects.get_for_model(comment).pk,
        "follow": follow,
    }


def _events(government, owner):
    """A published event the government organises, with a side event of its agenda, and the
    owner's registration (checked in); the government's draft event."""
    import datetime

    from passerelle.events.models import (
        AgendaItem,
        Appearance,
        ClosingReport,
        DiscussionSpace,
        Event,
        EventDocument,
        EventPartner,
        Outcome,
        Poll,
        SessionQuestion,
        Speaker,
        Statement,
    )
    from passerelle.events.services import registrations

    def event(slug, status):
        created = Event.objects.create(
            slug=slug, title=slug, language="en", kind="conference", format="in_person",
            status=status, starts_on=datetime.date(2030, 5, 6),
            ends_on=datetime.date(2030, 5, 7), time_zone="Europe/Zurich", capacity=50,
            venue_city="Geneva", invitation_only=False,
        )  # fmt: skip
        EventPartner.objects.create(event=created, organisation=government, role="organiser")
        return created

    published, draft = event("forum", "published"), event("draft-forum", "draft")
    starts = datetime.datetime(2030, 5, 6, 11, tzinfo=datetime.UTC)
    item = AgendaItem.objects.create(
        event=published, kind="side_event", title="Launch", capacity=20,
        starts_at=starts, ends_at=starts + timedelta(hours=1),
    )  # fmt: skip
    speaker = Speaker.objects.create(name="Amina Diallo", language="en")
    Appearance.objects.create(item=item, speaker=speaker, role="speaker")
    hidden = Speaker.objects.create(name="Not yet announced", language="en")
    draft_item = AgendaItem.objects.create(
        event=draft, kind="panel", title="Panel", starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )  # fmt: skip
    Appearance.objects.create(item=draft_item, speaker=hidden, role="speaker")
    registration = registrations.register(
        actor=owner, event=published,
        data=registrations.RegistrationData(registration_type="delegate"),
    )  # fmt: skip
    registrations.check_in(actor=owner, registration=registration)
    statement = Statement.objects.create(
        item=item, organisation=government, title="Our statement", text="We commit.",
        language="en", submitted_by=owner,
    )  # fmt: skip
    question = SessionQuestion.objects.create(item=item, asked_by=owner, text="How?")
    draft_poll, open_poll = (
        Poll.objects.create(item=item, question="Useful?", options=["Yes", "No"], status=status)
        for status in ("draft", "open")
    )
    now = timezone.now()

    def space(slug, opens_at):
        created = DiscussionSpace.objects.create(
            slug=slug, title=slug, theme="Partnerships", description="Share experience.",
            language="en", organisation=government, opens_at=opens_at,
        )  # fmt: skip
        created.moderators.add(owner)
        return created

    open_space, upcoming_space = space("forum", now), space("later", now + timedelta(days=9))
    ClosingReport.objects.create(event=published, summary="We met.", published_at=now)
    link, draft_link = (
        EventDocument.objects.create(
            event=event_,
            kind="concept_note",
            title="Concept note",
            language="en",
            url="https://example.org/note.pdf",
        )
        for event_ in (published, draft)
    )
    outcome = Outcome.objects.create(
        event=published, kind="commitment", text="Train border officials.", owner=government
    )
    on_item = {"slug": published.slug, "pk": item.pk}
    return {
        "event": {"slug": published.slug},
        "draft_event": {"slug": draft.slug},
        "event_item": {"slug": published.slug, "pk": item.pk},
        "draft_event_item": {"slug": draft.slug, "pk": item.pk},
        "own_draft_item": {"slug": draft.slug, "pk": draft_item.pk},
        "speaker": {"pk": speaker.pk},
        "hidden_speaker": {"pk": hidden.pk},
        "own_registration": {"code": registration.code},
        "statement": {**on_item, "statement_pk": statement.pk},
        "question_answered": {**on_item, "question_pk": question.pk, "decision": "answered"},
        "draft_poll": {**on_item, "poll_pk": draft_poll.pk},
        "open_poll": {**on_item, "poll_pk": open_poll.pk},
        "draft_poll_open": {**on_item, "poll_pk": draft_poll.pk, "action": "open"},
        "space": {"slug": open_space.slug},
        "upcoming_space": {"slug": upcoming_space.slug},
        "outcome": {"slug": published.slug, "pk": outcome.pk},
        "outcome_to_pledge": {"slug": published.slug, "pk": outcome.pk, "target": "pledge"},
        "outcome_pk": {"pk": outcome.pk},
        "document": {"slug": published.slug, "pk": link.pk},
        "draft_document": {"slug": draft.slug, "pk": draft_link.pk},
        "event_in_french": {"slug": published.slug, "language": "fr"},
        "draft_in_french": {"slug": draft.slug, "language": "fr"},
    }


NATIONAL = {"code": "PASSERELLE-NATIONAL"}


def _assessments(government, owner, viewer):
    """The government's draft assessment (an answer with a file, a section assigned to its
    viewer, a target), and another, verified government's published one."""
    version = FrameworkVersion.objects.get(framework__code=NATIONAL["code"])
    indicator = version.indicators.get(code="RIGHTS.1.1")
    draft = assessment_services.assessment_open(
        actor=owner, organisation=government, version=version, title="Draft",
        scope="national", language="en",
    )  # fmt: skip
    answer = assessment_services.answer_save(
        actor=owner, assessment=draft, indicator=indicator, expected_version=None, level=2
    )
    evidence = assessment_services.evidence_add(
        actor=owner, answer=answer, upload=SimpleUploadedFile("note.txt", b"Decree 12 of 2025")
    )
    assignment = assessment_services.assignment_add(
        actor=owner, assessment=draft, domain=indicator.sub_area.domain, user=viewer
    )
    benchmark = assessment_services.benchmark_create(
        actor=owner, organisation=government, indicator=indicator, target_level=3,
        target_date=date.today() + timedelta(days=365),
    )  # fmt: skip
    published_by = OrganisationFactory(type="national_government", verification_status="verified")
    focal_point = MembershipFactory(organisation=published_by, role="admin").user
    published = assessment_services.assessment_open(
        actor=focal_point, organisation=published_by, version=version, title="Published",
        scope="national", language="en",
    )  # fmt: skip
    assessment_services.agreed_answer_set(
        actor=focal_point, assessment=published, indicator=indicator, expected_version=None,
        level=3,
    )  # fmt: skip
    assessment_services.assessment_submit(actor=focal_point, assessment=published)
    assessment_services.assessment_sign(actor=focal_point, assessment=published)
    assessment_services.assessment_publish(
        actor=focal_point, assessment=published, disclosure="scores"
    )
    return {
        "draft": {"pk": draft.pk},
        "published": {"pk": published.pk},
        "evidence": {"pk": draft.pk, "evidence_id": evidence.pk},
        "assignment": {"pk": draft.pk, "assignment_id": assignment.pk},
        "benchmark": {"pk": benchmark.pk},
    }


def _requests(government, owner):
    """The government's draft request, and another organisation's published one."""
    from passerelle.geo.models import Country
    from passerelle.hub import services as hub_services
    from passerelle.taxonomy.models import CapacityArea

    def data():
        return hub_services.RequestData(
            title="Consular registry", description="We need help with our consular registry.",
            capacity_areas=[CapacityArea.objects.get(code="DATA")], scope="national",
            modality="remote", starts_on=date.today(), ends_on=date.today() + timedelta(days=90),
            support_types=["technical_assistance"], country=Country.objects.get(iso3="SEN"),
            requirements=[{"kind": "expert_days", "description": "Registry expert",
                           "quantity": 20}],
        )  # fmt: skip

    draft = hub_services.request_create(actor=owner, organisation=government, data=data())
    ngo = OrganisationFactory(type="civil_society")
    editor = MembershipFactory(organisation=ngo, role="editor").user
    broker = MembershipFactory(role="viewer", user__is_broker=True).user
    published = hub_services.request_create(actor=editor, organisation=ngo, data=data())
    hub_services.request_submit(actor=editor, support_request=published)
    hub_services.request_review(
        actor=broker, support_request=published, outcome="accepted", note=""
    )
    draft_offer = hub_services.offer_create(
        actor=owner, organisation=government, data=_offer_data(hub_services)
    )
    published_offer = hub_services.offer_create(
        actor=editor, organisation=ngo, data=_offer_data(hub_services)
    )
    hub_services.offer_publish(actor=editor, offer=published_offer)
    # A proposal between the government's request and the NGO's offer: the two parties' only.
    match = Match.objects.create(
        request=draft, offer=published_offer, score=0.5, computed_at=timezone.now()
    )
    return {
        "draft_request": {"pk": draft.pk},
        "published_request": {"pk": published.pk},
        "draft_offer": {"pk": draft_offer.pk},
        "published_offer": {"pk": published_offer.pk},
        "match": {"pk": match.pk},
    }


def _offer_data(hub_services):
    from passerelle.geo.models import Country
    from passerelle.taxonomy.models import CapacityArea

    return hub_services.OfferData(
        title="Registry experts", description="Our experts modernise consular registries.",
        capacity_areas=[CapacityArea.objects.get(code="DATA")], support_types=["training"],
        modality="remote", available_from=date.today(), cost_basis="free", languages=["en"],
        countries=[Country.objects.get(iso3="SEN")],
    )  # fmt: skip


def _pledges(government, owner):
    """The government's draft pledge, and a civil society organisation's published one."""
    from passerelle.pledges import services as pledge_services
    from passerelle.taxonomy.models import GCMObjective

    def data():
        return pledge_services.PledgeData(
            title="Consular registry", description="We will modernise our consular registry.",
            form="process", type="individual", gcm_objectives=[GCMObjective.objects.get(number=4)],
            metric="Consulates connected", target=10, unit="consulates",
            deadline=date.today() + timedelta(days=365),
        )  # fmt: skip

    draft = pledge_services.pledge_create(actor=owner, organisation=government, data=data())
    ngo = OrganisationFactory(type="civil_society")
    editor = MembershipFactory(organisation=ngo, role="editor").user
    published = pledge_services.pledge_create(actor=editor, organisation=ngo, data=data())
    pledge_services.pledge_publish(actor=editor, pledge=published)
    return {"draft_pledge": {"pk": draft.pk}, "published_pledge": {"pk": published.pk}}


def _projects(government, owner):
    """Two running projects the government records and is accountable for, an NGO implementing
    them: a private one (others get 404) and a public one (others get 403 on its actions). Each
    has a result, an indicator, the current period with a value the NGO submitted, and a
    document: a link on the private one, a file on the public one."""
    from decimal import Decimal

    from passerelle.geo.models import Country
    from passerelle.projects import services as project_services
    from passerelle.projects.choices import (
        Measure,
        ParticipantRole,
        ProjectStatus,
        ResultType,
        Scope,
    )
    from passerelle.taxonomy.models import GCMObjective

    ngo = OrganisationFactory(type="civil_society")
    reporter = MembershipFactory(organisation=ngo, role="contributor").user
    today = timezone.localdate()

    def make(visibility, **document):
        project = project_services.project_create(
            actor=owner, organisation=government, status=ProjectStatus.IMPLEMENTATION,
            data=project_services.ProjectData(
                title=f"Border posts ({visibility})", visibility=visibility,
                description="Training the officials who work at the border.",
                planned_start=today - timedelta(days=100), planned_end=today + timedelta(days=265),
                scope=Scope.NATIONAL, countries=[(Country.objects.get(iso3="SEN"), None)],
                gcm_objectives=[GCMObjective.objects.get(number=11)],
                participants=[
                    (government, ParticipantRole.ACCOUNTABLE), (ngo, ParticipantRole.IMPLEMENTING)
                ],
            ),
        )  # fmt: skip
        result = project_services.result_create(
            actor=owner, project=project,
            data=project_services.ResultData(type=ResultType.IMPACT, title="Safer borders"),
        )  # fmt: skip
        indicator = project_services.indicator_create(
            actor=owner, result=result,
            data=project_services.IndicatorData(title="Officials trained", measure=Measure.UNIT),
        )  # fmt: skip
        period = project.periods.get(start__lte=today, end__gte=today)
        value = project_services.value_save(
            actor=reporter, indicator=indicator, period=period,
            data=project_services.ValueData(actual=Decimal(12)), expected_version=0,
        )  # fmt: skip
        project_services.value_evidence_attach(
            actor=reporter, indicator=indicator, period=period,
            upload=SimpleUploadedFile("attendance.txt", b"12 officials"),
        )  # fmt: skip
        project_services.values_submit(actor=reporter, period=period)
        attached = project_services.document_add(
            actor=owner, project=project, title="MoU", category="A09", language="en", **document
        )
        evaluation = project_services.evaluation_record(
            actor=owner, project=project,
            data=project_services.EvaluationData(
                type="mid_term", method="desk_review", evaluator="An evaluator",
                completed_on=today, findings="The training reached every border post.",
            ),
        )  # fmt: skip
        pk = project.pk
        return {
            "project": {"pk": pk},
            "result": {"pk": pk, "result": result.pk},
            "indicator": {"pk": pk, "indicator": indicator.pk},
            "period": {"pk": pk, "period": period.pk},
            "value_of": {"pk": pk, "period": period.pk, "indicator": indicator.pk},
            "value": {"pk": pk, "value": value.pk},
            "evidence": {"value": value.pk},
            "remove": {"pk": pk, "kind": "indicator", "item": indicator.pk},
            "document": {"pk": attached.pk},
            "evaluation": {"pk": pk, "evaluation": evaluation.pk},
        }

    return {
        "private_project": make("private", url="https://example.org/mou.pdf"),
        "public_project": make(
            "public", upload=SimpleUploadedFile("mou.txt", b"Memorandum of understanding")
        ),
    }


def _funding(government, owner, projects):
    """A pooled fund with a draft call and an open one; on the open call, the government's draft
    proposal and another organisation's submitted one, which the government's owner was asked to
    review; the government's contributions to its private and its public project (each with a
    requirement), and an exchange rate."""
    from decimal import Decimal

    from passerelle.accounts.tests.factories import UserFactory
    from passerelle.funding import services as funding
    from passerelle.funding.models import ExchangeRate, Fund
    from passerelle.geo.models import Country
    from passerelle.projects.models import Project
    from passerelle.taxonomy.models import CapacityArea

    secretariat = UserFactory(is_broker=True)
    manager = OrganisationFactory(type="international_organisation")
    fund = Fund.objects.create(
        name="Start-up fund", slug="start-up", description="Pooled.", manager=manager
    )
    area = CapacityArea.objects.get(code="WGWS")

    def call(title):
        return funding.call_create(
            actor=secretariat, fund=fund,
            data=funding.CallData(
                title=title, description="Capacity.", eligibility="Governments.",
                budget_ceiling=Decimal(100000), capacity_areas=[area],
                deadline=timezone.now() + timedelta(days=30),
            ),
        )  # fmt: skip

    draft_call, open_call = call("Draft call"), call("Open call")
    funding.call_publish(actor=secretariat, call=open_call)

    def proposal(organisation, actor):
        return funding.proposal_create(
            actor=actor, call=open_call, organisation=organisation,
            data=funding.ProposalData(
                title="Fair recruitment", summary="Ethical recruitment.", objectives="No fees.",
                activities="Training.", budget=Decimal(50000), months=12,
                countries=[Country.objects.get(iso3="SEN")], capacity_areas=[area],
                gender_marker=1, human_rights_marker=1, child_marker=0, language="en",
            ),
        )  # fmt: skip

    own_proposal = proposal(government, owner)
    applicant = OrganisationFactory(type="national_government")
    other = proposal(applicant, MembershipFactory(organisation=applicant, role="editor").user)
    funding.proposal_submit(actor=other.created_by, proposal=other)
    (review,) = funding.review_assign(actor=secretariat, proposal=other, reviewers=[owner])
    ExchangeRate.objects.create(currency="EUR", date=date(2026, 1, 1), usd_per_unit=Decimal("1.1"))

    def give(visibility):
        project = Project.objects.get(pk=projects[f"{visibility}_project"]["project"]["pk"])
        funding.project_requirements_set(actor=owner, project=project, lines=[
            {"kind": "money", "description": "Training", "quantity": Decimal(1000),
             "currency": "USD"},
        ])  # fmt: skip
        contribution = funding.contribution_create(
            actor=owner, source_organisation=government, project=project,
            data=funding.ContributionData(kind="financial", amount=Decimal(500),
                                          currency="USD", value_date=timezone.localdate()),
        )  # fmt: skip
        return {
            "contribution": {"pk": contribution.pk},
            "action": {"pk": contribution.pk, "action": "commit"},
            "requirement": {"pk": project.requirements.get().pk},
        }

    return {
        "fund": {"slug": fund.slug},
        "fund_pk": {"pk": fund.pk},
        "draft_call": {"pk": draft_call.pk},
        "open_call": {"pk": open_call.pk},
        "propose": {"call": open_call.pk},
        "own_proposal": {"pk": own_proposal.pk},
        "other_proposal": {"pk": other.pk},
        "review": {"pk": review.pk},
        "rate": {"pk": ExchangeRate.objects.get().pk},
        "private_funding": give("private"),
        "public_funding": give("public"),
    }


def _funded(visibility, part):
    return lambda w: w[f"{visibility}_funding"][part]


def _private(part):
    return lambda w: w["private_project"][part]


def _public(part):
    return lambda w: w["public_project"][part]


def _sheet(world, visibility):
    return {**world[f"{visibility}_project"]["period"], "extension": "csv"}


def _api_pk(world, visibility, part):
    """The API's kwargs for the period or the value of a project of the world."""
    return {"pk": world[f"{visibility}_project"][part][part]}


def _national_version():
    return FrameworkVersion.objects.get(framework__code=NATIONAL["code"]).pk


def _on_gov(world):
    return {"content_type_id": world["organisation_ct"], "object_id": world["organisation"].pk}


def _on_comment(world):
    return {"content_type_id": world["comment_ct"], "object_id": world["comment"].pk}


def _own_notification(world):
    """The owner's notification about their own comment (built per request)."""
    notification = world["owner"].notifications.create(
        kind="mention", content_type_id=world["comment_ct"], object_id=str(world["comment"].pk)
    )
    return {"pk": notification.pk}


def _case(world):
    """An open case about the owner's comment on the government's page: the owner moderates that
    page (its administrator) but may not decide on their own content (forms come back, 422); the
    outsider moderates only their own organisation's page."""
    case, _created = world["owner"].moderation_cases.get_or_create(
        content_type_id=world["comment_ct"], object_id=str(world["comment"].pk)
    )
    return {"pk": case.pk}


def _knowledge(government, owner):
    """The government's draft practice and its published resource (with a file); another
    organisation's practice in review, which the government's owner was asked to review; a draft
    and an open call for practices."""
    from passerelle.accounts.tests.factories import UserFactory
    from passerelle.knowledge.services import calls, items, reviews
    from passerelle.taxonomy.models import CapacityArea, GCMObjective

    curator = UserFactory(is_curator=True)
    area = CapacityArea.objects.get(code="WGWS")
    objective = GCMObjective.objects.get(number=21)

    def item(organisation, actor, kind="practice", **extra):
        data = items.ItemData(
            title=f"A {kind}", summary="In short.", language="en",
            texts={"context": "Before.", "activities": "Done.", "results": "After.",
                   "description": "A guide."},
            capacity_areas=[area], gcm_objectives=[objective], **extra,
        )  # fmt: skip
        return items.item_create(actor=actor, organisation=organisation, kind=kind, data=data)

    draft = item(government, owner)
    resource = item(government, owner, "resource", resource_type="guide")
    items.item_attach_file(
        actor=owner, item=resource,
        upload=SimpleUploadedFile("guide.pdf", b"%PDF-1.4 guide", content_type="application/pdf"),
    )  # fmt: skip
    items.item_submit(actor=owner, item=resource)
    outside_reviewer = MembershipFactory(role="viewer").user
    reviews.reviewers_assign(actor=curator, item=resource, reviewers=[outside_reviewer])
    reviews.item_publish(actor=curator, item=resource)
    applicant = OrganisationFactory(type="local_government")
    author = MembershipFactory(organisation=applicant, role="editor").user
    other = item(applicant, author)
    items.item_submit(actor=author, item=other)
    (review,) = reviews.reviewers_assign(actor=curator, item=other, reviewers=[owner])

    def call(title):
        return calls.call_create(
            actor=curator,
            data=calls.CallData(
                title=title, theme="Cities", description="Practices of cities.",
                eligibility="Local authorities.", deadline=timezone.now() + timedelta(days=30),
                contact="practices@example.org", language="en",
            ),
        )  # fmt: skip

    draft_call, open_call = call("Draft call"), call("Open call")
    calls.call_open(actor=curator, call=open_call)
    return {
        "own_item": {"pk": draft.pk},
        "published_item": {"pk": resource.pk},
        "reviewed_item": {"pk": other.pk},
        "knowledge_review": {"pk": review.pk},
        "draft_practice_call": {"pk": draft_call.pk},
        "open_practice_call": {"pk": open_call.pk},
    }


# (url name, method, kwargs builder, expected status for anonymous, outsider, owner)
# 302 for anonymous means "sent to the login page".
CASES = [
    ("core:home", "get", lambda w: {}, 200, 200, 200),
    ("core:audit_platform", "get", lambda w: {}, 302, 403, 403),
    (
        "core:audit_object",
        "get",
        lambda w: {"content_type_id": w["organisation_ct"], "object_id": w["organisation"].pk},
        302,
        403,
        200,
    ),
    (
        "core:audit_object",
        "get",
        lambda w: {"content_type_id": w["user_ct"], "object_id": w["owner"].pk},
        302,
        404,
        200,
    ),
    ("accounts:dashboard", "get", lambda w: {}, 302, 200, 200),
    ("accounts:profile", "get", lambda w: {}, 302, 200, 200),
    ("accounts:api_token", "post", lambda w: {}, 302, 302, 302),
    ("accounts:organisation_list", "get", lambda w: {}, 200, 200, 200),
    ("accounts:organisation_create", "get", lambda w: {}, 302, 200, 200),
    ("accounts:organisation_detail", "get", lambda w: {"slug": "gov"}, 200, 200, 200),
    ("accounts:organisation_update", "get", lambda w: {"slug": "gov"}, 302, 403, 200),
    ("accounts:organisation_members", "get", lambda w: {"slug": "gov"}, 302, 403, 200),
    ("accounts:verification_request", "get", lambda w: {"slug": "gov"}, 302, 403, 200),
    ("accounts:verification_decide", "get", lambda w: {"slug": "gov"}, 302, 403, 403),
    ("accounts:verification_queue", "get", lambda w: {}, 302, 403, 403),
    ("accounts:membership_role", "post", lambda w: {"pk": w["membership"].pk}, 302, 404, 302),
    ("accounts:membership_remove", "post", lambda w: {"pk": w["membership"].pk}, 302, 404, 302),
    ("accounts:invitation_revoke", "post", lambda w: {"pk": w["invitation"].pk}, 302, 404, 302),
    (
        "accounts:invitation_accept",
        "get",
        lambda w: {"token": w["invitation"].token},
        200,
        200,
        200,
    ),
    ("geo:country_list", "get", lambda w: {}, 200, 200, 200),
    ("geo:country_detail", "get", lambda w: {"iso3": "SEN"}, 200, 200, 200),
    ("geo:regional_body_list", "get", lambda w: {}, 200, 200, 200),
    ("geo:regional_body_detail", "get", lambda w: {"code": "ECOWAS"}, 200, 200, 200),
    ("taxonomy:framework", "get", lambda w: {}, 200, 200, 200),
    ("taxonomy:capacity_area_detail", "get", lambda w: {"code": "DATA"}, 200, 200, 200),
    ("taxonomy:objective_detail", "get", lambda w: {"number": 14}, 200, 200, 200),
    ("set_language", "post", lambda w: {}, 302, 302, 302),
    ("api:api-root", "get", lambda w: {}, 200, 200, 200),
    ("api:schema", "get", lambda w: {}, 200, 200, 200),
    ("api:docs", "get", lambda w: {}, 200, 200, 200),
    ("api:redoc", "get", lambda w: {}, 200, 200, 200),
    ("api:organisation-list", "get", lambda w: {}, 200, 200, 200),
    ("api:organisation-detail", "get", lambda w: {"slug": "gov"}, 200, 200, 200),
    ("api:country-list", "get", lambda w: {}, 200, 200, 200),
    ("api:country-detail", "get", lambda w: {"iso3": "SEN"}, 200, 200, 200),
    ("api:region-list", "get", lambda w: {}, 200, 200, 200),
    ("api:region-detail", "get", lambda w: {"code": "011"}, 200, 200, 200),
    ("api:regionalbody-list", "get", lambda w: {}, 200, 200, 200),
    ("api:regionalbody-detail", "get", lambda w: {"code": "RABAT-PROCESS"}, 200, 200, 200),
    ("api:capacityarea-list", "get", lambda w: {}, 200, 200, 200),
    ("api:capacityarea-detail", "get", lambda w: {"code": "BORD"}, 200, 200, 200),
    ("api:gcmobjective-list", "get", lambda w: {}, 200, 200, 200),
    ("api:gcmobjective-detail", "get", lambda w: {"number": 23}, 200, 200, 200),
    ("api:guidingprinciple-list", "get", lambda w: {}, 200, 200, 200),
    ("api:guidingprinciple-detail", "get", lambda w: {"number": 10}, 200, 200, 200),
    ("api:mgidomain-list", "get", lambda w: {}, 200, 200, 200),
    ("api:mgidomain-detail", "get", lambda w: {"code": "RIGHTS"}, 200, 200, 200),
    # Community: comments, reactions, follows
    ("community:discussion", "get", lambda w: _on_gov(w), 200, 200, 200),
    ("community:discussion", "post", lambda w: _on_gov(w), 302, 422, 422),  # empty comment
    ("community:comment_detail", "get", lambda w: {"pk": w["comment"].pk}, 302, 302, 302),
    ("community:comment_history", "get", lambda w: {"pk": w["comment"].pk}, 200, 200, 200),
    ("community:comment_edit", "get", lambda w: {"pk": w["comment"].pk}, 302, 403, 200),
    ("community:comment_delete", "get", lambda w: {"pk": w["comment"].pk}, 302, 403, 200),
    ("community:comment_react", "post", lambda w: {"pk": w["comment"].pk}, 302, 400, 400),
    ("community:follow", "post", lambda w: _on_gov(w), 302, 302, 302),
    ("community:following", "get", lambda w: {}, 302, 200, 200),
    ("community:person", "get", lambda w: {"handle": w["owner"].handle}, 200, 200, 200),
    ("api:comment-list", "get", lambda w: {}, 200, 200, 200),
    ("api:comment-list", "post", lambda w: {}, 401, 400, 400),
    ("api:comment-detail", "get", lambda w: {"pk": w["comment"].pk}, 200, 200, 200),
    ("api:comment-detail", "delete", lambda w: {"pk": w["comment"].pk}, 401, 403, 204),
    ("api:comment-react", "post", lambda w: {"pk": w["comment"].pk}, 401, 400, 400),
    ("api:follow-list", "get", lambda w: {}, 200, 200, 200),
    ("api:follow-detail", "delete", lambda w: {"pk": w["follow"].pk}, 401, 404, 204),
    # Community: notifications
    ("community:notification_list", "get", lambda w: {}, 302, 200, 200),
    ("community:notification_bell", "get", lambda w: {}, 286, 200, 200),  # 286: htmx, stop
    ("community:notification_mark_all_read", "post", lambda w: {}, 302, 302, 302),
    ("community:notification_go", "get", _own_notification, 302, 404, 302),
    ("community:notification_preferences", "get", lambda w: {}, 302, 200, 200),
    ("community:notification_unsubscribe", "get", lambda w: {"token": "x:y"}, 400, 400, 400),
    ("community:notification_unsubscribe", "post", lambda w: {"token": "x:y"}, 400, 400, 400),
    ("api:notification-list", "get", lambda w: {}, 401, 200, 200),
    ("api:notification-detail", "get", _own_notification, 401, 404, 200),
    ("api:notification-mark-read", "post", _own_notification, 401, 404, 200),
    ("api:notification-mark-all-read", "post", lambda w: {}, 401, 200, 200),
    ("api:notification-preferences", "get", lambda w: {}, 401, 200, 200),
    ("api:notification-preferences", "put", lambda w: {}, 401, 200, 200),
    # Community: moderation
    ("community:report", "get", _on_comment, 302, 200, 200),
    ("community:report", "post", _on_comment, 302, 422, 422),
    ("community:moderation_content_hide", "get", _on_comment, 302, 403, 200),
    ("community:moderation_queue", "get", lambda w: {}, 302, 200, 200),
    ("community:moderation_mine", "get", lambda w: {}, 302, 200, 200),
    ("community:moderation_case", "get", _case, 302, 404, 200),
    ("community:moderation_case_hide", "post", _case, 302, 404, 422),
    ("community:moderation_case_restore", "post", _case, 302, 404, 422),
    ("community:moderation_case_edit", "post", _case, 302, 404, 422),
    ("community:moderation_case_sanction", "post", _case, 302, 404, 422),
    (
        "community:moderation_sanction_lift",
        "post",
        lambda w: {**_case(w), "sanction_pk": 999999},
        302,
        404,
        422,
    ),
    ("community:moderation_appeal", "get", _case, 302, 404, 200),
    ("community:moderation_appeal_decide", "post", _case, 302, 404, 422),
    ("api:report-list", "get", lambda w: {}, 401, 200, 200),
    ("api:report-list", "post", lambda w: {}, 401, 400, 400),
    ("api:report-detail", "get", lambda w: {"pk": 999999}, 401, 404, 404),
    ("api:moderationcase-list", "get", lambda w: {}, 401, 200, 200),
    ("api:moderationcase-detail", "get", _case, 401, 404, 200),
    ("api:moderationcase-decide", "post", _case, 401, 404, 400),
    # Assessments: frameworks
    ("assessments:framework_list", "get", lambda w: {}, 200, 200, 200),
    ("assessments:framework_detail", "get", lambda w: NATIONAL, 200, 200, 200),
    ("assessments:framework_detail", "get", lambda w: {"code": "nope"}, 404, 404, 404),
    (
        "assessments:framework_version",
        "get",
        lambda w: {**NATIONAL, "version": "1.0"},
        200,
        200,
        200,
    ),
    ("assessments:framework_create", "get", lambda w: {}, 302, 403, 403),
    ("assessments:version_import", "get", lambda w: NATIONAL, 302, 403, 403),
    (
        "assessments:version_export",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "extension": "csv"},
        200,
        200,
        200,
    ),
    (
        "assessments:indicator_edit",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "indicator": "RIGHTS.1.1"},
        302,
        403,
        403,
    ),
    (
        "assessments:indicator_add",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "sub_area": "RIGHTS.1"},
        302,
        403,
        403,
    ),
    (
        "assessments:indicator_remove",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "indicator": "RIGHTS.1.1"},
        302,
        403,
        403,
    ),
    (
        "assessments:indicator_move",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "indicator": "RIGHTS.1.1", "direction": "up"},
        302,
        403,
        403,
    ),
    (
        "assessments:version_publish",
        "post",
        lambda w: {**NATIONAL, "version": "1.0"},
        302,
        403,
        403,
    ),
    # The secretariat's framework editing: nobody else, and a published version for no one.
    ("assessments:framework_edit", "get", lambda w: NATIONAL, 302, 403, 403),
    ("assessments:version_start", "get", lambda w: NATIONAL, 302, 403, 403),
    ("assessments:levels_edit", "get", lambda w: {**NATIONAL, "version": "1.0"}, 302, 403, 403),
    ("assessments:domain_add", "get", lambda w: {**NATIONAL, "version": "1.0"}, 302, 403, 403),
    (
        "assessments:domain_edit",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "domain": "RIGHTS"},
        302,
        403,
        403,
    ),
    (
        "assessments:domain_remove",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "domain": "RIGHTS"},
        302,
        403,
        403,
    ),
    (
        "assessments:domain_move",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "domain": "RIGHTS", "direction": "down"},
        302,
        403,
        403,
    ),
    (
        "assessments:sub_area_add",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "domain": "RIGHTS"},
        302,
        403,
        403,
    ),
    (
        "assessments:sub_area_edit",
        "get",
        lambda w: {**NATIONAL, "version": "1.0", "sub_area": "RIGHTS.1"},
        302,
        403,
        403,
    ),
    (
        "assessments:sub_area_remove",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "sub_area": "RIGHTS.1"},
        302,
        403,
        403,
    ),
    (
        "assessments:sub_area_move",
        "post",
        lambda w: {**NATIONAL, "version": "1.0", "sub_area": "RIGHTS.1", "direction": "down"},
        302,
        403,
        403,
    ),
    ("api:framework-list", "get", lambda w: {}, 200, 200, 200),
    ("api:framework-detail", "get", lambda w: NATIONAL, 200, 200, 200),
    ("api:frameworkversion-list", "get", lambda w: {}, 200, 200, 200),
    ("api:frameworkversion-detail", "get", lambda w: {"pk": _national_version()}, 200, 200, 200),
    # Assessments: cycles. A draft is its organisation's: others get 404, not even a 403.
    ("assessments:assessment_list", "get", lambda w: {}, 200, 200, 200),
    ("assessments:assessment_open", "get", lambda w: {}, 302, 200, 200),
    ("assessments:assessment_detail", "get", lambda w: w["draft"], 404, 404, 200),
    ("assessments:assessment_detail", "get", lambda w: w["published"], 200, 200, 200),
    ("assessments:section", "get", lambda w: {**w["draft"], "domain": "RIGHTS"}, 404, 404, 200),
    ("assessments:section", "get", lambda w: {**w["published"], "domain": "RIGHTS"}, 403, 403, 403),
    (
        "assessments:answer_save",
        "post",
        lambda w: {**w["draft"], "indicator": "RIGHTS.1.2", "kind": "mine"},
        302,
        404,
        302,
    ),
    (
        "assessments:answer_save",
        "post",
        lambda w: {**w["draft"], "indicator": "RIGHTS.1.2", "kind": "agreed"},
        302,
        404,
        302,
    ),
    (
        "assessments:evidence_upload",
        "post",
        lambda w: {**w["draft"], "indicator": "RIGHTS.1.1"},
        302,
        404,
        400,  # no file
    ),
    ("assessments:evidence", "get", lambda w: w["evidence"], 404, 404, 200),
    ("assessments:evidence_delete", "post", lambda w: w["evidence"], 302, 404, 302),
    ("assessments:assignment_add", "post", lambda w: w["draft"], 302, 404, 400),  # empty form
    ("assessments:assignment_remove", "post", lambda w: w["assignment"], 302, 404, 302),
    (
        "assessments:transition",
        "post",
        lambda w: {**w["draft"], "action": "consult"},
        302,
        404,
        302,
    ),
    ("assessments:transition", "post", lambda w: {**w["draft"], "action": "sign"}, 302, 404, 403),
    ("assessments:transition", "post", lambda w: {**w["draft"], "action": "nope"}, 302, 404, 404),
    ("assessments:publish", "post", lambda w: w["draft"], 302, 404, 403),
    ("assessments:publish", "post", lambda w: w["published"], 302, 403, 403),
    ("assessments:profile", "get", lambda w: w["draft"], 404, 404, 200),
    ("assessments:profile", "get", lambda w: w["published"], 200, 200, 200),
    ("assessments:profile_pdf", "get", lambda w: w["draft"], 404, 404, 200),
    ("assessments:profile_pdf", "get", lambda w: w["published"], 200, 200, 200),
    ("assessments:compare", "get", lambda w: w["draft"], 404, 404, 200),
    ("assessments:export", "get", lambda w: {**w["draft"], "extension": "csv"}, 404, 404, 200),
    (
        "assessments:export",
        "get",
        lambda w: {**w["published"], "extension": "xlsx"},
        403,  # scores only: the answers are not published
        403,
        403,
    ),
    ("api:assessment-list", "get", lambda w: {}, 200, 200, 200),
    ("api:assessment-detail", "get", lambda w: w["draft"], 404, 404, 200),
    ("api:assessment-detail", "get", lambda w: w["published"], 200, 200, 200),
    ("api:assessment-scores", "get", lambda w: w["draft"], 404, 404, 200),
    ("api:assessment-scores", "get", lambda w: w["published"], 200, 200, 200),
    ("api:assessment-answers", "get", lambda w: w["draft"], 404, 404, 200),
    ("api:assessment-answers", "get", lambda w: w["published"], 403, 403, 403),  # scores only
    ("api:benchmark-list", "get", lambda w: {}, 401, 200, 200),
    # Hub: requests for support. A draft is its organisation's: others get 404.
    ("hub:request_list", "get", lambda w: {}, 200, 200, 200),
    ("hub:request_create", "get", lambda w: {}, 302, 200, 200),
    ("hub:request_detail", "get", lambda w: w["draft_request"], 404, 404, 200),
    ("hub:request_detail", "get", lambda w: w["published_request"], 200, 200, 200),
    ("hub:request_update", "get", lambda w: w["draft_request"], 302, 404, 200),
    ("hub:request_update", "get", lambda w: w["published_request"], 302, 403, 403),
    (
        "hub:request_transition",
        "post",
        lambda w: {**w["draft_request"], "action": "withdraw"},
        302,
        404,
        302,
    ),
    (
        "hub:request_transition",
        "post",
        lambda w: {**w["draft_request"], "action": "submit"},
        302,
        404,
        400,  # an unverified government may not request support yet
    ),
    ("hub:request_review", "post", lambda w: w["draft_request"], 302, 404, 403),
    ("hub:review_queue", "get", lambda w: {}, 302, 403, 403),
    # Hub: offers. A draft is its provider's; publishing is for verified governments only.
    ("hub:offer_list", "get", lambda w: {}, 200, 200, 200),
    ("hub:offer_create", "get", lambda w: {}, 302, 200, 200),
    ("hub:offer_detail", "get", lambda w: w["draft_offer"], 404, 404, 200),
    ("hub:offer_detail", "get", lambda w: w["published_offer"], 200, 200, 200),
    ("hub:offer_update", "get", lambda w: w["draft_offer"], 302, 404, 200),
    ("hub:offer_update", "get", lambda w: w["published_offer"], 302, 403, 403),
    (
        "hub:offer_transition",
        "post",
        lambda w: {**w["draft_offer"], "action": "publish"},
        302,
        404,
        400,  # an unverified government may not publish yet
    ),
    (
        "hub:offer_transition",
        "post",
        lambda w: {**w["draft_offer"], "action": "withdraw"},
        302,
        404,
        302,
    ),
    # Hub: matches are the secretariat's and the two parties'; brokering is the secretariat's.
    ("hub:match_detail", "get", lambda w: w["match"], 404, 404, 200),
    ("hub:match_introduce", "post", lambda w: w["match"], 302, 404, 403),
    ("hub:match_decide", "post", lambda w: {**w["match"], "side": "requester"}, 302, 404, 403),
    ("hub:console", "get", lambda w: {}, 302, 403, 403),
    ("hub:weights", "get", lambda w: {}, 302, 403, 403),
    ("hub:supply_demand", "get", lambda w: {}, 200, 200, 200),
    ("api:supportrequest-list", "get", lambda w: {}, 200, 200, 200),
    ("api:supportrequest-detail", "get", lambda w: w["draft_request"], 404, 404, 200),
    ("api:supportrequest-detail", "get", lambda w: w["published_request"], 200, 200, 200),
    ("api:offer-list", "get", lambda w: {}, 200, 200, 200),
    ("api:offer-detail", "get", lambda w: w["draft_offer"], 404, 404, 200),
    ("api:offer-detail", "get", lambda w: w["published_offer"], 200, 200, 200),
    ("api:match-list", "get", lambda w: {}, 401, 200, 200),
    ("api:match-detail", "get", lambda w: w["match"], 401, 404, 200),
    # Pledges. A draft is its organisation's: others get 404. Only a published pledge takes
    # progress reports, and it stays as it was made.
    ("pledges:pledge_list", "get", lambda w: {}, 200, 200, 200),
    ("pledges:pledge_create", "get", lambda w: {}, 302, 200, 200),
    ("pledges:pledge_detail", "get", lambda w: w["draft_pledge"], 404, 404, 200),
    ("pledges:pledge_detail", "get", lambda w: w["published_pledge"], 200, 200, 200),
    ("pledges:pledge_update", "get", lambda w: w["draft_pledge"], 302, 404, 200),
    ("pledges:pledge_update", "get", lambda w: w["published_pledge"], 302, 403, 403),
    ("pledges:progress_create", "get", lambda w: w["draft_pledge"], 302, 404, 403),
    ("pledges:progress_create", "get", lambda w: w["published_pledge"], 302, 403, 403),
    ("pledges:progress_create", "post", lambda w: w["published_pledge"], 302, 403, 403),
    (
        "pledges:pledge_transition",
        "post",
        lambda w: {**w["draft_pledge"], "action": "publish"},
        302,
        404,
        400,  # an unverified government may not publish yet
    ),
    (
        "pledges:pledge_transition",
        "post",
        lambda w: {**w["draft_pledge"], "action": "withdraw"},
        302,
        404,
        302,
    ),
    (
        "pledges:pledge_transition",
        "post",
        lambda w: {**w["published_pledge"], "action": "close"},
        302,
        403,
        403,
    ),
    ("api:pledge-list", "get", lambda w: {}, 200, 200, 200),
    ("api:pledge-detail", "get", lambda w: w["draft_pledge"], 404, 404, 200),
    ("api:pledge-detail", "get", lambda w: w["published_pledge"], 200, 200, 200),
    ("assessments:benchmark_board", "get", lambda w: {"slug": "gov"}, 302, 403, 200),
    ("assessments:benchmark_delete", "post", lambda w: w["benchmark"], 302, 404, 302),
    # Projects. A private project is its organisations': others get 404. The government runs
    # and approves (accountable), the NGO reports: the government's administrator submits no
    # value (403). Posts carry no data: forms come back 400.
    ("projects:project_list", "get", lambda w: {}, 200, 200, 200),
    ("projects:project_create", "get", lambda w: {}, 302, 200, 200),
    ("projects:projects_iati", "get", lambda w: {}, 200, 200, 200),
    ("projects:progress_rules", "get", lambda w: {}, 302, 403, 403),
    ("projects:document_download", "get", _private("document"), 404, 404, 302),  # the link
    ("projects:document_download", "get", _public("document"), 200, 200, 200),  # the file
    ("projects:document_remove", "post", _private("document"), 302, 404, 302),
    ("projects:document_remove", "post", _public("document"), 302, 403, 302),
    ("projects:project_detail", "get", _private("project"), 404, 404, 200),
    ("projects:project_detail", "get", _public("project"), 200, 200, 200),
    ("projects:project_update", "get", _private("project"), 302, 404, 200),
    ("projects:project_update", "get", _public("project"), 302, 403, 200),
    ("projects:project_status", "post", _private("project"), 302, 404, 400),
    ("projects:project_status", "post", _public("project"), 302, 403, 400),
    ("projects:project_iati", "get", _private("project"), 404, 404, 404),  # open data only
    ("projects:project_iati", "get", _public("project"), 200, 200, 200),
    ("projects:document_create", "get", _private("project"), 302, 404, 200),
    ("projects:document_create", "get", _public("project"), 302, 403, 200),
    ("projects:framework", "get", _private("project"), 302, 404, 200),
    ("projects:framework", "get", _public("project"), 302, 403, 200),
    ("projects:result_create", "get", _private("project"), 302, 404, 200),
    ("projects:result_create", "get", _public("project"), 302, 403, 200),
    ("projects:result_update", "get", _private("result"), 302, 404, 200),
    ("projects:result_update", "get", _public("result"), 302, 403, 200),
    # Without ?result= the indicator belongs nowhere: 404 for its editor too.
    ("projects:indicator_create", "get", _private("project"), 302, 404, 404),
    ("projects:indicator_create", "get", _public("project"), 302, 403, 404),
    ("projects:indicator_detail", "get", _private("indicator"), 404, 404, 200),
    ("projects:indicator_detail", "get", _public("indicator"), 200, 200, 200),
    ("projects:indicator_update", "get", _private("indicator"), 302, 404, 200),
    ("projects:indicator_update", "get", _public("indicator"), 302, 403, 200),
    ("projects:indicator_targets", "get", _private("indicator"), 302, 404, 200),
    ("projects:indicator_targets", "get", _public("indicator"), 302, 403, 200),
    ("projects:period_create", "get", _private("project"), 302, 404, 200),
    ("projects:period_create", "get", _public("project"), 302, 403, 200),
    ("projects:framework_remove", "post", _private("remove"), 302, 404, 302),
    ("projects:framework_remove", "post", _public("remove"), 302, 403, 302),
    ("projects:period_report", "get", _private("period"), 404, 404, 200),
    ("projects:period_report", "get", _public("period"), 200, 200, 200),
    ("projects:period_submit", "post", _private("period"), 302, 404, 403),
    ("projects:period_submit", "post", _public("period"), 302, 403, 403),
    # A period's sheet holds values not yet approved: for the project's people only.
    ("projects:period_export", "get", lambda w: _sheet(w, "private"), 302, 404, 200),
    ("projects:period_export", "get", lambda w: _sheet(w, "public"), 302, 403, 200),
    ("projects:period_import", "get", _private("period"), 302, 404, 403),  # reporters only
    ("projects:period_import", "get", _public("period"), 302, 403, 403),
    ("projects:period_approve", "post", _private("period"), 302, 404, 302),
    ("projects:period_approve", "post", _public("period"), 302, 403, 302),
    # The evidence of a submitted value: the project's people only, until it is approved.
    ("projects:evidence_attach", "post", _private("value_of"), 302, 404, 403),
    ("projects:evidence_attach", "post", _public("value_of"), 302, 403, 403),
    ("projects:evidence_download", "get", _private("evidence"), 404, 404, 200),
    ("projects:evidence_download", "get", _public("evidence"), 404, 404, 200),
    ("projects:value_save", "post", _private("value_of"), 302, 404, 403),
    ("projects:value_save", "post", _public("value_of"), 302, 403, 403),
    ("projects:value_approve", "post", _private("value"), 302, 404, 302),
    ("projects:value_approve", "post", _public("value"), 302, 403, 302),
    ("projects:value_return", "post", _private("value"), 302, 404, 400),  # no comment
    ("projects:value_return", "post", _public("value"), 302, 403, 400),
    ("projects:evaluation_create", "get", _private("project"), 302, 404, 200),
    ("projects:evaluation_create", "get", _public("project"), 302, 403, 200),
    ("projects:evaluation_update", "get", _private("evaluation"), 302, 404, 200),
    ("projects:evaluation_update", "get", _public("evaluation"), 302, 403, 200),
    ("projects:lesson_create", "get", _private("project"), 302, 404, 200),
    ("projects:lesson_create", "get", _public("project"), 302, 403, 200),
    # Projects in the API. The submitted value has no target: before approval it is the
    # project's members' only, on the public project too.
    ("api:project-list", "get", lambda w: {}, 200, 200, 200),
    ("api:iati_activities", "get", lambda w: {}, 200, 200, 200),
    ("api:project-detail", "get", _private("project"), 404, 404, 200),
    ("api:project-detail", "get", _public("project"), 200, 200, 200),
    ("api:project-results", "get", _private("project"), 404, 404, 200),
    ("api:project-results", "get", _public("project"), 200, 200, 200),
    ("api:projectperiod-list", "get", lambda w: {}, 200, 200, 200),
    ("api:projectperiod-detail", "get", lambda w: _api_pk(w, "private", "period"), 404, 404, 200),
    ("api:projectperiod-detail", "get", lambda w: _api_pk(w, "public", "period"), 200, 200, 200),
    ("api:projectperiod-submit", "post", lambda w: _api_pk(w, "private", "period"), 401, 404, 403),
    ("api:projectperiod-submit", "post", lambda w: _api_pk(w, "public", "period"), 401, 403, 403),
    ("api:projectvalue-list", "get", lambda w: {}, 200, 200, 200),
    ("api:projectvalue-list", "post", lambda w: {}, 401, 400, 400),  # empty entry
    ("api:projectvalue-detail", "get", lambda w: _api_pk(w, "private", "value"), 404, 404, 200),
    ("api:projectvalue-detail", "get", lambda w: _api_pk(w, "public", "value"), 404, 404, 200),
    ("api:projectvalue-approve", "post", lambda w: _api_pk(w, "public", "value"), 401, 404, 200),
    ("api:projectvalue-return", "post", lambda w: _api_pk(w, "public", "value"), 401, 404, 400),
    # Funding. The owner's government records a draft proposal and gives to its projects; it was
    # asked to review another organisation's proposal. Calls and funds are the secretariat's.
    ("funding:fund_list", "get", lambda w: {}, 200, 200, 200),
    ("funding:fund_detail", "get", lambda w: w["fund"], 200, 200, 200),
    ("funding:call_create", "get", lambda w: w["fund"], 302, 403, 403),
    ("funding:call_detail", "get", lambda w: w["open_call"], 200, 200, 200),
    ("funding:call_detail", "get", lambda w: w["draft_call"], 404, 404, 404),
    ("funding:call_update", "get", lambda w: w["draft_call"], 302, 404, 404),
    ("funding:call_criteria", "get", lambda w: w["draft_call"], 302, 404, 404),
    ("funding:call_publish", "post", lambda w: w["draft_call"], 302, 404, 404),
    ("funding:call_close", "post", lambda w: w["open_call"], 302, 403, 403),
    ("funding:call_proposals", "get", lambda w: w["open_call"], 302, 403, 403),
    ("funding:call_pack_pdf", "get", lambda w: w["open_call"], 302, 403, 403),
    ("funding:pipeline", "get", lambda w: {}, 200, 200, 200),
    ("funding:proposal_create", "get", lambda w: w["propose"], 302, 200, 200),
    ("funding:proposal_detail", "get", lambda w: w["own_proposal"], 404, 404, 200),
    ("funding:proposal_detail", "get", lambda w: w["other_proposal"], 404, 404, 200),  # reviewer
    ("funding:proposal_update", "get", lambda w: w["own_proposal"], 302, 404, 200),
    ("funding:proposal_submit", "post", lambda w: w["own_proposal"], 302, 404, 302),
    ("funding:proposal_withdraw", "post", lambda w: w["own_proposal"], 302, 404, 302),
    ("funding:proposal_assign", "post", lambda w: w["other_proposal"], 302, 404, 403),
    ("funding:proposal_decide", "post", lambda w: w["other_proposal"], 302, 404, 403),
    ("funding:proposal_fund", "post", lambda w: w["other_proposal"], 302, 404, 403),
    ("funding:review_list", "get", lambda w: {}, 302, 200, 200),
    ("funding:review_detail", "get", lambda w: w["review"], 302, 404, 200),
    ("funding:review_declare", "post", lambda w: w["review"], 302, 404, 400),  # no answer
    ("funding:review_save", "post", lambda w: w["review"], 302, 404, 403),  # declare first
    ("funding:contribution_create", "get", lambda w: {}, 302, 404, 404),  # no destination
    ("funding:contribution_list", "get", lambda w: {}, 200, 200, 200),
    ("funding:contributions_csv", "get", lambda w: {}, 200, 200, 200),
    ("funding:contributions_xlsx", "get", lambda w: {}, 200, 200, 200),
    ("funding:contribution_detail", "get", _funded("private", "contribution"), 404, 404, 200),
    ("funding:contribution_detail", "get", _funded("public", "contribution"), 200, 200, 200),
    ("funding:contribution_action", "post", _funded("private", "action"), 302, 404, 400),  # no date
    ("funding:contribution_action", "post", _funded("public", "action"), 302, 403, 400),  # no date
    ("funding:project_requirements", "get", _private("project"), 302, 404, 200),
    ("funding:project_requirements", "get", _public("project"), 302, 403, 200),
    ("funding:my_contributions", "get", lambda w: {}, 302, 200, 200),
    ("funding:donor_profile", "get", lambda w: {}, 302, 200, 200),
    ("funding:donor_suggestions", "get", lambda w: {}, 302, 200, 200),
    ("funding:funding_gaps", "get", lambda w: {}, 200, 200, 200),
    ("api:fund-list", "get", lambda w: {}, 200, 200, 200),
    ("api:fund-detail", "get", lambda w: w["fund_pk"], 200, 200, 200),
    ("api:call-list", "get", lambda w: {}, 200, 200, 200),
    ("api:call-detail", "get", lambda w: w["open_call"], 200, 200, 200),
    ("api:call-detail", "get", lambda w: w["draft_call"], 404, 404, 404),
    ("api:proposal-list", "get", lambda w: {}, 200, 200, 200),
    ("api:proposal-detail", "get", lambda w: w["own_proposal"], 404, 404, 200),
    ("api:contribution-list", "get", lambda w: {}, 200, 200, 200),
    ("api:contribution-list", "post", lambda w: {}, 401, 400, 400),  # empty entry
    ("api:contribution-detail", "get", _funded("private", "contribution"), 404, 404, 200),
    ("api:projectrequirement-list", "get", lambda w: {}, 200, 200, 200),
    ("api:projectrequirement-detail", "get", _funded("private", "requirement"), 404, 404, 200),
    ("api:exchangerate-list", "get", lambda w: {}, 200, 200, 200),
    ("api:exchangerate-detail", "get", lambda w: w["rate"], 200, 200, 200),
    # Review packs: public, each reader gets what they may see (the private project for its
    # organisations only). An unknown country is a 404.
    ("reviews:country_pack", "get", lambda w: {"iso3": "SEN"}, 200, 200, 200),
    ("reviews:country_pack", "get", lambda w: {"iso3": "ZZZ"}, 404, 404, 404),
    ("reviews:country_pack_pdf", "get", lambda w: {"iso3": "SEN"}, 200, 200, 200),
    ("reviews:country_pack_xlsx", "get", lambda w: {"iso3": "SEN"}, 200, 200, 200),
    # Knowledge base: published items and open calls are public; a draft is its organisation's;
    # an item in review is also its assigned reviewer's; curation is the curators' (none here).
    ("knowledge:item_list", "get", lambda w: {}, 200, 200, 200),
    ("knowledge:my_items", "get", lambda w: {}, 302, 200, 200),
    ("knowledge:item_create", "get", lambda w: {}, 302, 400, 400),  # no kind chosen
    ("knowledge:item_detail", "get", lambda w: w["own_item"], 404, 404, 200),
    ("knowledge:item_detail", "get", lambda w: w["published_item"], 200, 200, 200),
    ("knowledge:item_detail", "get", lambda w: w["reviewed_item"], 404, 404, 200),  # reviewer
    ("knowledge:item_edit", "get", lambda w: w["own_item"], 302, 404, 200),
    ("knowledge:item_edit", "get", lambda w: w["reviewed_item"], 302, 404, 403),
    ("knowledge:item_autosave", "post", lambda w: w["own_item"], 302, 404, 422),  # empty form
    ("knowledge:item_submit", "post", lambda w: w["own_item"], 302, 404, 302),
    ("knowledge:item_withdraw", "post", lambda w: w["published_item"], 302, 403, 400),  # reason
    ("knowledge:item_file", "post", lambda w: w["own_item"], 302, 404, 400),  # no file
    ("knowledge:item_download", "get", lambda w: w["published_item"], 200, 200, 200),
    ("knowledge:item_download", "get", lambda w: w["own_item"], 404, 404, 404),  # no file
    ("knowledge:item_pdf", "get", lambda w: w["own_item"], 404, 404, 200),
    ("knowledge:item_pdf", "get", lambda w: w["published_item"], 200, 200, 200),
    (
        "knowledge:item_translate",
        "get",
        lambda w: {**w["own_item"], "language": "fr"},
        302,
        404,
        200,
    ),
    (
        "knowledge:item_translate",
        "get",
        lambda w: {**w["published_item"], "language": "es"},
        302,
        403,
        200,
    ),
    ("knowledge:item_versions", "get", lambda w: w["published_item"], 200, 200, 200),
    (
        "knowledge:item_version",
        "get",
        lambda w: {**w["published_item"], "number": 1},
        200,
        200,
        200,
    ),
    ("knowledge:item_rate", "post", lambda w: w["published_item"], 302, 400, 400),  # no stars
    ("knowledge:replication_create", "get", lambda w: w["published_item"], 302, 200, 200),
    ("knowledge:reviewers_assign", "post", lambda w: w["reviewed_item"], 302, 404, 403),
    ("knowledge:item_publish", "post", lambda w: w["reviewed_item"], 302, 404, 403),
    ("knowledge:item_decline", "post", lambda w: w["reviewed_item"], 302, 404, 403),
    ("knowledge:item_request_changes", "post", lambda w: w["reviewed_item"], 302, 404, 403),
    ("knowledge:curation_queue", "get", lambda w: {}, 302, 403, 403),
    ("knowledge:my_reviews", "get", lambda w: {}, 302, 200, 200),
    ("knowledge:review", "get", lambda w: w["knowledge_review"], 302, 404, 200),
    ("knowledge:review_save", "post", lambda w: w["knowledge_review"], 302, 404, 302),
    ("knowledge:call_list", "get", lambda w: {}, 200, 200, 200),
    ("knowledge:call_create", "get", lambda w: {}, 302, 403, 403),
    ("knowledge:call_detail", "get", lambda w: w["open_practice_call"], 200, 200, 200),
    ("knowledge:call_detail", "get", lambda w: w["draft_practice_call"], 404, 404, 404),
    ("knowledge:call_edit", "get", lambda w: w["open_practice_call"], 302, 403, 403),
    ("knowledge:call_open", "post", lambda w: w["draft_practice_call"], 302, 404, 404),
    ("knowledge:call_close", "post", lambda w: w["open_practice_call"], 302, 403, 403),
    ("knowledge:items_export", "get", lambda w: {"format": "json"}, 200, 200, 200),
    ("knowledge:items_export", "get", lambda w: {"format": "csv"}, 200, 200, 200),
    ("knowledge:items_export", "get", lambda w: {"format": "xml"}, 404, 404, 404),
    ("knowledge:field_guide", "get", lambda w: {}, 200, 200, 200),
    ("api:knowledgeitem-list", "get", lambda w: {}, 200, 200, 200),
    ("api:knowledgeitem-facets", "get", lambda w: {}, 200, 200, 200),
    ("api:knowledgeitem-detail", "get", lambda w: w["own_item"], 404, 404, 200),
    ("api:knowledgeitem-detail", "get", lambda w: w["published_item"], 200, 200, 200),
    ("api:knowledgeitem-detail", "get", lambda w: w["reviewed_item"], 404, 404, 200),
    ("api:practicecall-list", "get", lambda w: {}, 200, 200, 200),
    ("api:practicecall-detail", "get", lambda w: w["open_practice_call"], 200, 200, 200),
    ("api:practicecall-detail", "get", lambda w: w["draft_practice_call"], 404, 404, 404),
    # Events: published pages public, a draft its organisers' (404 for others); registrations
    # their person's (404 for others); running registrations the organisers' (403 for others).
    ("events:event_list", "get", lambda w: {}, 200, 200, 200),
    ("events:event_create", "get", lambda w: {}, 302, 200, 200),
    ("events:event_detail", "get", lambda w: w["event"], 200, 200, 200),
    ("events:event_detail", "get", lambda w: w["draft_event"], 404, 404, 200),
    ("events:agenda", "get", lambda w: w["event"], 200, 200, 200),
    ("events:agenda", "get", lambda w: w["draft_event"], 404, 404, 200),
    ("events:item_detail", "get", lambda w: w["event_item"], 200, 200, 200),
    ("events:item_detail", "get", lambda w: w["draft_event_item"], 404, 404, 404),  # not its
    ("events:speakers", "get", lambda w: w["event"], 200, 200, 200),
    ("events:programme_pdf", "get", lambda w: w["event"], 200, 200, 200),
    ("events:programme_pdf", "get", lambda w: w["draft_event"], 404, 404, 200),
    ("events:event_calendar", "get", lambda w: w["event"], 200, 200, 200),
    ("events:event_calendar", "get", lambda w: w["draft_event"], 404, 404, 200),
    ("events:item_calendar", "get", lambda w: w["event_item"], 200, 200, 200),
    ("events:register", "get", lambda w: w["event"], 302, 200, 200),
    ("events:register", "get", lambda w: w["draft_event"], 302, 404, 403),  # not open
    ("events:register", "post", lambda w: w["event"], 302, 400, 400),  # empty form
    ("events:my_registrations", "get", lambda w: {}, 302, 200, 200),
    ("events:registration_detail", "get", lambda w: w["own_registration"], 302, 404, 200),
    ("events:registration_cancel", "get", lambda w: w["own_registration"], 302, 404, 200),
    ("events:registration_data", "get", lambda w: w["own_registration"], 302, 404, 200),
    ("events:registration_delete", "get", lambda w: w["own_registration"], 302, 404, 200),
    ("events:certificate_pdf", "get", lambda w: w["own_registration"], 302, 404, 200),
    ("events:participants", "get", lambda w: w["event"], 302, 403, 200),
    ("events:participants", "get", lambda w: w["draft_event"], 302, 404, 200),
    ("events:participants_csv", "get", lambda w: w["event"], 302, 403, 200),
    ("events:check_in", "get", lambda w: w["event"], 302, 403, 200),
    ("events:check_in", "post", lambda w: w["event"], 302, 403, 400),  # no code
    ("events:invitations", "get", lambda w: w["event"], 302, 403, 200),
    ("events:event_edit", "get", lambda w: w["event"], 302, 403, 200),
    ("events:event_edit", "get", lambda w: w["draft_event"], 302, 404, 200),
    ("events:event_publish", "get", lambda w: w["draft_event"], 302, 404, 200),
    ("events:event_publish", "post", lambda w: w["event"], 302, 403, 400),  # published
    ("events:event_cancel", "get", lambda w: w["event"], 302, 403, 200),
    ("events:event_cancel", "post", lambda w: w["draft_event"], 302, 404, 302),
    ("events:item_create", "get", lambda w: w["event"], 302, 403, 200),
    ("events:item_edit", "get", lambda w: w["event_item"], 302, 403, 200),
    ("events:item_delete", "get", lambda w: w["event_item"], 302, 403, 200),
    ("api:event-list", "get", lambda w: {}, 200, 200, 200),
    ("api:event-detail", "get", lambda w: w["event"], 200, 200, 200),
    ("api:event-detail", "get", lambda w: w["draft_event"], 404, 404, 200),
    ("api:eventagendaitem-list", "get", lambda w: {}, 200, 200, 200),
    ("api:eventagendaitem-detail", "get", lambda w: {"pk": w["event_item"]["pk"]}, 200, 200, 200),
    ("api:eventspeaker-list", "get", lambda w: {}, 200, 200, 200),
    ("api:eventspeaker-detail", "get", lambda w: w["speaker"], 200, 200, 200),
    ("api:eventspeaker-detail", "get", lambda w: w["hidden_speaker"], 404, 404, 200),
    ("events:item_detail", "get", lambda w: w["own_draft_item"], 404, 404, 200),
    (
        "api:eventagendaitem-detail",
        "get",
        lambda w: {"pk": w["own_draft_item"]["pk"]},
        404,
        404,
        200,
    ),
    ("events:participation_statements", "get", lambda w: w["event_item"], 200, 200, 200),
    ("events:participation_statement_file", "get", lambda w: w["statement"], 404, 404, 404),
    ("events:participation_statement_withdraw", "get", lambda w: w["statement"], 302, 404, 200),
    ("events:participation_questions", "get", lambda w: w["event_item"], 200, 200, 200),
    (
        "events:participation_question_decide",
        "post",
        lambda w: w["question_answered"],
        302,
        404,  # a pending question is its asker's and the organisers'
        302,
    ),
    ("events:participation_poll_create", "get", lambda w: w["event_item"], 302, 403, 200),
    ("events:participation_poll", "get", lambda w: w["open_poll"], 200, 200, 200),
    ("events:participation_poll", "get", lambda w: w["draft_poll"], 404, 404, 200),
    ("events:participation_poll_action", "post", lambda w: w["draft_poll_open"], 302, 404, 302),
    ("events:space_list", "get", lambda w: {}, 200, 200, 200),
    ("events:space_create", "get", lambda w: {}, 302, 200, 200),
    ("events:space_detail", "get", lambda w: w["space"], 200, 200, 200),
    ("events:space_detail", "get", lambda w: w["upcoming_space"], 404, 404, 200),
    ("events:space_edit", "get", lambda w: w["space"], 302, 403, 200),
    ("events:space_close", "get", lambda w: w["space"], 302, 403, 200),
    ("api:eventstatement-list", "get", lambda w: {}, 200, 200, 200),
    (
        "api:eventstatement-detail",
        "get",
        lambda w: {"pk": w["statement"]["statement_pk"]},
        404,
        404,
        200,
    ),
    ("api:discussionspace-list", "get", lambda w: {}, 200, 200, 200),
    ("api:discussionspace-detail", "get", lambda w: w["space"], 200, 200, 200),
    ("api:discussionspace-detail", "get", lambda w: w["upcoming_space"], 404, 404, 200),
    ("events:closing_report", "get", lambda w: w["event"], 200, 200, 200),
    ("events:closing_report", "get", lambda w: w["draft_event"], 404, 404, 302),  # to write it
    ("events:closing_report_edit", "get", lambda w: w["event"], 302, 403, 200),
    ("events:closing_report_publish", "post", lambda w: w["draft_event"], 302, 404, 404),  # none
    ("events:outcome_create", "get", lambda w: w["event"], 302, 403, 200),
    ("events:outcome_edit", "get", lambda w: w["outcome"], 302, 403, 200),
    ("events:outcome_follow_up", "get", lambda w: w["outcome_to_pledge"], 302, 403, 200),
    ("api:eventoutcome-list", "get", lambda w: {}, 200, 200, 200),
    ("api:eventoutcome-detail", "get", lambda w: w["outcome_pk"], 200, 200, 200),
    ("events:documents", "get", lambda w: w["event"], 302, 403, 200),
    ("events:documents", "get", lambda w: w["draft_event"], 302, 404, 200),
    ("events:document_download", "get", lambda w: w["document"], 302, 302, 302),  # a link
    ("events:document_download", "get", lambda w: w["draft_document"], 404, 404, 302),
    ("events:document_remove", "post", lambda w: w["document"], 302, 403, 302),
    ("events:event_translate", "get", lambda w: w["event_in_french"], 302, 403, 200),
    ("events:event_translate", "get", lambda w: w["draft_in_french"], 302, 404, 200),
    # Search: public; each reader finds what the door lets them see.
    ("search:results", "get", lambda w: {}, 200, 200, 200),
    ("api:search-list", "get", lambda w: {}, 200, 200, 200),
    *diaspora_access.CASES,
]

# allauth's pages: public forms, or pages that send an anonymous visitor to log in. Their
# permission logic is allauth's; here they must answer without error in every role.
ALLAUTH = {
    "account_login": {},
    "account_logout": {},
    "account_inactive": {},
    "account_signup": {},
    "account_reauthenticate": {},
    "account_request_reauthentication_code": {},
    "account_confirm_reauthentication_code": {},
    "account_email": {},
    "account_email_verification_sent": {},
    "account_change_password": {},
    "account_set_password": {},
    "account_reset_password": {},
    "account_confirm_login_code": {},
    "account_confirm_email": {"key": "not-a-key"},
    "account_reset_password_from_key_done": {},
    "account_reset_password_from_key": {"uidb36": "zz", "key": "not-a-key"},
    "account_reset_password_done": {},
}


def request_as(client, persona, world):
    if persona != "anonymous":
        client.force_login(world[persona])
    return client


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "owner"])
@pytest.mark.parametrize(
    "name, method, kwargs, anonymous, outsider, owner",
    CASES,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)],
)
def test_access(client, world, persona, name, method, kwargs, anonymous, outsider, owner):
    expected = {"anonymous": anonymous, "outsider": outsider, "owner": owner}[persona]
    url = reverse(name, kwargs=kwargs(world))
    response = getattr(request_as(client, persona, world), method)(url)
    assert response.status_code == expected, (url, persona, response.status_code)
    if (
        expected == 302
        and persona == "anonymous"
        and not name.startswith(
            ("set_language", "community:comment_detail", "events:document_download")
        )  # these redirect elsewhere: back, to the comment's page, to a document's link
    ):
        assert response["Location"].startswith(LOGIN)


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "owner"])
@pytest.mark.parametrize("name", sorted(ALLAUTH))
def test_allauth_pages_answer(client, world, persona, name):
    response = request_as(client, persona, world).get(reverse(name, kwargs=ALLAUTH[name]))
    assert response.status_code in {200, 302, 400, 404}, response.status_code


def test_admin_pages_for_platform_admin(admin_client, world):
    assert admin_client.get(reverse("admin:index")).status_code == 200
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        assert admin_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200
        add = admin_client.get(reverse("admin:{}_{}_add".format(*info)))
        assert add.status_code in {200, 403}  # 403: the audit trail refuses additions


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "owner"])
def test_admin_is_closed_to_non_staff(client, world, persona):
    response = request_as(client, persona, world).get(reverse("admin:index"))
    assert response.status_code == 302


def test_every_url_is_listed_here():
    listed = {case[0] for case in CASES} | set(ALLAUTH)
    names = set(_url_names(get_resolver().url_patterns))
    unlisted = {name for name in names - listed if not name.startswith("admin:")}
    assert not unlisted, f"URLs without an access test: {sorted(unlisted)}"


def _url_names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _url_names(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name
