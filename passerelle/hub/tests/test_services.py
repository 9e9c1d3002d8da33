"""Writes of the hub: a request from draft to publication and closure, what is refused (with the
field to blame, writing nothing), the audit trail that is the request's timeline, and who hears of
each step."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from freezegun import freeze_time

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community.models import Notification
from passerelle.core.models import AuditEntry
from passerelle.hub import selectors, services
from passerelle.hub.models import RequestSupportType, Requirement, SupportRequest
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import ENDS, STARTS, advance, fresh, request_data, requirement

pytestmark = pytest.mark.django_db


def actions_of(support_request) -> list[str]:
    return [entry.action for entry in selectors.timeline(support_request)]


def hub_entries():
    return AuditEntry.objects.filter(action__startswith="hub.")


# Creating ------------------------------------------------------------------------------------


def test_a_request_is_created_as_a_draft_with_everything_it_says(organisation, editor, senegal):
    objective = GCMObjective.objects.get(number=11)
    areas = list(CapacityArea.objects.filter(code__in=["BORD", "DATA"]))
    data = request_data(
        title="  Formation des agents aux frontières  ",
        description="Nous avons besoin d'une formation pour les agents des frontières.",
        capacity_areas=areas,
        gcm_objectives=[objective],
        support_types=["training", "technical_assistance", "training"],
        working_languages=["wo", "fr", "fr"],
        requirements=[
            requirement(
                kind="money", description="Travel", quantity=Decimal("12000"), currency="usd"
            ),
            requirement(kind="expert_days", description="A trainer", quantity=Decimal("15")),
            requirement(
                kind="in_kind",
                description="Document scanners",
                quantity=Decimal("4"),
                currency="EUR",
                estimated_value=Decimal("3200.50"),
            ),
        ],
    )
    support_request = services.request_create(actor=editor, organisation=organisation, data=data)

    support_request = SupportRequest.objects.get(pk=support_request.pk)
    assert support_request.status == "draft"
    assert support_request.organisation == organisation
    assert support_request.created_by == editor
    assert support_request.title == "Formation des agents aux frontières"
    assert support_request.language == "fr"  # recognised from the description
    assert support_request.country == senegal
    assert (support_request.starts_on, support_request.ends_on) == (STARTS, ENDS)
    assert support_request.working_languages == ["fr", "wo"]
    assert support_request.submitted_at is None and support_request.published_at is None
    assert set(support_request.capacity_areas.all()) == set(areas)
    assert list(support_request.gcm_objectives.all()) == [objective]
    assert sorted(support_request.support_types.values_list("support_type", flat=True)) == [
        "technical_assistance",
        "training",
    ]
    lines = {r.kind: r for r in support_request.requirements.all()}
    assert set(lines) == {"money", "expert_days", "in_kind"}
    assert (lines["money"].quantity, lines["money"].currency) == (Decimal("12000"), "USD")
    assert lines["expert_days"].quantity == Decimal("15")
    assert lines["in_kind"].estimated_value == Decimal("3200.50")
    assert lines["in_kind"].currency == "EUR"

    (entry,) = AuditEntry.objects.for_object(support_request)
    assert entry.action == "hub.request.created"
    assert entry.actor == editor
    assert entry.data == {"language": "fr", "gap": None}


@pytest.mark.parametrize(
    "description, language",
    [
        ("We need training for the officials who work at the border.", "en"),
        ("Nous avons besoin d'une formation pour les agents.", "fr"),
        ("Necesitamos apoyo para la gestion de la frontera", "es"),
        ("Formación técnica en gestión de fronteras", "es"),
    ],
)
def test_the_language_is_recognised_from_the_description(
    organisation, editor, description, language
):
    support_request = services.request_create(
        actor=editor, organisation=organisation, data=request_data(description=description)
    )
    support_request.refresh_from_db()
    assert support_request.language == language


def test_a_language_the_requester_names_is_kept(organisation, editor):
    data = request_data(description="We need training for the officials.", language="es")
    support_request = services.request_create(actor=editor, organisation=organisation, data=data)
    support_request.refresh_from_db()
    assert support_request.language == "es"


def test_a_joint_request_and_a_regional_one(organisation, editor, government, regions):
    joint = services.request_create(
        actor=editor, organisation=organisation, data=request_data(joint_with=government)
    )
    assert SupportRequest.objects.get(pk=joint.pk).joint_with == government
    regional = services.request_create(
        actor=editor,
        organisation=organisation,
        data=request_data(scope="regional", country=None, region=regions["011"]),
    )
    regional.refresh_from_db()
    assert (regional.region, regional.country) == (regions["011"], None)


def test_the_demo_organisation_makes_demo_requests(editor, organisation):
    organisation.is_demo = True
    organisation.save()
    support_request = services.request_create(
        actor=editor, organisation=organisation, data=request_data()
    )
    assert SupportRequest.objects.get(pk=support_request.pk).is_demo


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_editors_request_for_their_organisation(request, organisation, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.request_create(actor=actor, organisation=organisation, data=request_data())
    assert not SupportRequest.objects.exists()


def test_the_organisations_administrator_may_request(organisation, owner):
    services.request_create(actor=owner, organisation=organisation, data=request_data())
    assert SupportRequest.objects.filter(organisation=organisation).count() == 1


def test_the_same_form_posted_twice_makes_one_request(organisation, editor):
    key = uuid.uuid4()
    first = services.request_create(
        actor=editor, organisation=organisation, data=request_data(), submission_key=key
    )
    second = services.request_create(
        actor=editor, organisation=organisation, data=request_data(), submission_key=key
    )
    assert first.pk == second.pk
    assert SupportRequest.objects.count() == 1
    assert Requirement.objects.count() == 1
    assert hub_entries().count() == 1
    # Another form (another key) is another request.
    third = services.request_create(
        actor=editor, organisation=organisation, data=request_data(), submission_key=uuid.uuid4()
    )
    assert third.pk != first.pk
    assert SupportRequest.objects.count() == 2


def _other_civil_society():
    return OrganisationFactory(type="civil_society")


def _too_many():
    return [requirement(description=f"Line {n}") for n in range(31)]


BAD_INPUT = [
    # (what is wrong, the data's overrides, the field to blame, words of the message)
    ("negative quantity", lambda: {"requirements": [requirement(quantity=Decimal("-3"))]},
     "requirements", "the quantity must be more than zero"),
    ("zero quantity", lambda: {"requirements": [requirement(quantity=Decimal("0"))]},
     "requirements", "the quantity must be more than zero"),
    ("no quantity", lambda: {"requirements": [requirement(quantity=None)]},
     "requirements", "the quantity must be more than zero"),
    ("money without currency",
     lambda: {"requirements": [requirement(kind="money", quantity=Decimal("500"))]},
     "requirements", "give a currency code"),
    ("unknown currency",
     lambda: {"requirements": [requirement(kind="money", currency="XYZ")]},
     "requirements", "give a currency code"),
    ("value without currency",
     lambda: {"requirements": [requirement(kind="in_kind", estimated_value=Decimal("10"))]},
     "requirements", "give a currency code"),
    ("negative value",
     lambda: {"requirements": [
         requirement(kind="in_kind", currency="USD", estimated_value=Decimal("-1"))]},
     "requirements", "a value cannot be negative"),
    ("unknown kind", lambda: {"requirements": [requirement(kind="goodwill")]},
     "requirements", "choose money, expert-days or an in-kind item"),
    ("requirement saying nothing", lambda: {"requirements": [requirement(description="  ")]},
     "requirements", "say what it is for"),
    ("over 30 requirements", lambda: {"requirements": _too_many()},
     "requirements", "At most 30 requirements."),
    ("end before start",
     lambda: {"starts_on": datetime.date(2026, 9, 1), "ends_on": datetime.date(2026, 8, 31)},
     "ends_on", "The end comes before the start."),
    ("unknown working language", lambda: {"working_languages": ["fr", "zz"]},
     "working_languages", "Unknown language codes: zz."),
    ("unknown support type", lambda: {"support_types": ["training", "bribery"]},
     "support_types", "Choose at least one type of support"),
    ("no support type", lambda: {"support_types": []},
     "support_types", "Choose at least one type of support"),
    ("no capacity area", lambda: {"capacity_areas": []},
     "capacity_areas", "Choose at least one capacity area."),
    ("regional without region", lambda: {"scope": "regional", "country": None},
     "region", "A regional request names its region."),
    ("national without country", lambda: {"scope": "national", "country": None},
     "country", "A national or local request names its country."),
    ("local without country", lambda: {"scope": "local", "country": None},
     "country", "A national or local request names its country."),
    ("joint with civil society", lambda: {"joint_with": _other_civil_society()},
     "joint_with", "A joint request is made with a government or local authority."),
    ("no title", lambda: {"title": "   "}, "title", "Give the request a title."),
    ("title too long", lambda: {"title": "T" * 201}, "title", "200"),
    ("no description", lambda: {"description": " \n "}, "description", "Describe what you need."),
    ("unknown language", lambda: {"language": "de"}, "language", "not a valid choice"),
    ("unknown scope", lambda: {"scope": "galactic"}, "scope", "not a valid choice"),
    ("unknown modality", lambda: {"modality": "telepathy"}, "modality", "not a valid choice"),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, field, words", [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(
    organisation, editor, overrides, field, words
):
    with pytest.raises(ValidationError) as refused:
        services.request_create(
            actor=editor, organisation=organisation, data=request_data(**overrides())
        )
    messages = refused.value.message_dict
    assert field in messages, messages
    assert any(words in message for message in messages[field]), messages[field]
    assert not SupportRequest.objects.exists()
    assert not Requirement.objects.exists()
    assert not RequestSupportType.objects.exists()
    assert not hub_entries().exists()


def test_a_government_cannot_request_jointly_with_itself(government, government_admin):
    with pytest.raises(ValidationError) as refused:
        services.request_create(
            actor=government_admin,
            organisation=government,
            data=request_data(joint_with=government),
        )
    assert "joint_with" in refused.value.message_dict
    assert not SupportRequest.objects.exists()


def test_every_problem_is_reported_at_once(organisation, editor):
    data = request_data(
        capacity_areas=[],
        support_types=[],
        ends_on=datetime.date(2020, 1, 1),
        requirements=[requirement(quantity=Decimal("0")), requirement(kind="money")],
    )
    with pytest.raises(ValidationError) as refused:
        services.request_create(actor=editor, organisation=organisation, data=data)
    messages = refused.value.message_dict
    assert {"capacity_areas", "support_types", "ends_on", "requirements"} <= set(messages)
    assert any(m.startswith("Requirement 1:") for m in messages["requirements"])
    assert any(m.startswith("Requirement 2:") for m in messages["requirements"])


def test_thirty_requirements_are_enough(organisation, editor):
    lines = [requirement(description=f"Line {n}") for n in range(30)]
    support_request = services.request_create(
        actor=editor, organisation=organisation, data=request_data(requirements=lines)
    )
    assert support_request.requirements.count() == 30


# Editing -------------------------------------------------------------------------------------


def test_the_requester_edits_a_draft(draft, editor):
    data = request_data(
        title="Une autre demande",
        description="Nous voulons une formation pour les agents des frontières.",
        support_types=["peer_exchange"],
        requirements=[requirement(kind="money", currency="XOF", quantity=Decimal("5000000"))],
    )
    services.request_update(actor=editor, support_request=draft, data=data)
    draft.refresh_from_db()
    assert draft.title == "Une autre demande"
    assert draft.language == "fr"
    assert list(draft.support_types.values_list("support_type", flat=True)) == ["peer_exchange"]
    assert [(r.kind, r.currency) for r in draft.requirements.all()] == [("money", "XOF")]
    assert Requirement.objects.count() == 1
    assert actions_of(draft) == ["hub.request.created", "hub.request.updated"]


def test_the_joint_governments_editor_edits_too(joint_draft, government_admin):
    services.request_update(
        actor=government_admin,
        support_request=joint_draft,
        data=request_data(title="Edited by the ministry", joint_with=joint_draft.joint_with),
    )
    joint_draft.refresh_from_db()
    assert joint_draft.title == "Edited by the ministry"


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_others_do_not_edit(request, draft, who):
    with pytest.raises(PermissionDenied):
        services.request_update(
            actor=request.getfixturevalue(who), support_request=draft, data=request_data(title="X")
        )
    draft.refresh_from_db()
    assert draft.title == "Training for border officials"


@pytest.mark.parametrize("status", ["submitted", "open", "closed", "withdrawn"])
def test_a_request_out_of_the_requesters_hands_is_not_edited(make_request, editor, status):
    support_request = make_request(status)
    with pytest.raises(PermissionDenied):
        services.request_update(
            actor=editor, support_request=support_request, data=request_data(title="Changed")
        )
    support_request.refresh_from_db()
    assert support_request.title == "Training for border officials"


def test_a_bad_edit_changes_nothing(draft, editor):
    with pytest.raises(ValidationError) as refused:
        services.request_update(
            actor=editor,
            support_request=draft,
            data=request_data(title="Changed", requirements=[requirement(quantity=Decimal("-1"))]),
        )
    assert "requirements" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.title == "Training for border officials"
    assert [r.description for r in draft.requirements.all()] == ["A statistician"]
    assert actions_of(draft) == ["hub.request.created"]


# Submitting ----------------------------------------------------------------------------------


def test_the_requester_submits(draft, editor):
    before = timezone.now()
    services.request_submit(actor=editor, support_request=draft)
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert draft.submitted_at >= before
    entry = selectors.timeline(draft)[-1]
    assert entry.action == "hub.request.submitted"
    assert entry.data == {"from": "draft", "to": "submitted", "note": ""}


def test_a_request_without_requirements_is_not_submitted(organisation, editor):
    support_request = services.request_create(
        actor=editor, organisation=organisation, data=request_data(requirements=[])
    )
    with pytest.raises(ValidationError) as refused:
        services.request_submit(actor=editor, support_request=support_request)
    assert refused.value.messages == [
        "Say what the request would take: money, expert-days or in-kind items."
    ]
    support_request.refresh_from_db()
    assert support_request.status == "draft"


@pytest.mark.parametrize("kind", ["national_government", "local_government"])
@pytest.mark.parametrize("verification", ["unverified", "pending", "rejected"])
def test_an_unverified_government_does_not_submit(kind, verification):
    government = OrganisationFactory(type=kind, verification_status=verification)
    admin = MembershipFactory(organisation=government, role="admin").user
    support_request = services.request_create(
        actor=admin, organisation=government, data=request_data()
    )
    with pytest.raises(ValidationError) as refused:
        services.request_submit(actor=admin, support_request=support_request)
    assert refused.value.messages == [
        "The secretariat must verify your organisation before it requests support."
    ]
    support_request.refresh_from_db()
    assert support_request.status == "draft"
    assert actions_of(support_request) == ["hub.request.created"]


def test_a_verified_government_submits(verified_government):
    editor = MembershipFactory(organisation=verified_government, role="editor").user
    support_request = services.request_create(
        actor=editor, organisation=verified_government, data=request_data()
    )
    services.request_submit(actor=editor, support_request=support_request)
    support_request.refresh_from_db()
    assert support_request.status == "submitted"


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_the_requesters_editors_submit(request, draft, who):
    with pytest.raises(PermissionDenied):
        services.request_submit(actor=request.getfixturevalue(who), support_request=draft)


def test_a_submitted_request_is_not_submitted_again(make_request, editor):
    submitted = make_request("submitted")
    with pytest.raises(PermissionDenied):
        services.request_submit(actor=editor, support_request=submitted)


# Reviewing -----------------------------------------------------------------------------------


def test_the_secretariat_accepts_and_publishes(make_request, secretariat):
    submitted = make_request("submitted")
    before = timezone.now()
    services.request_review(
        actor=secretariat, support_request=submitted, outcome="accepted", note="  Welcome.  "
    )
    submitted.refresh_from_db()
    assert submitted.status == "open"
    assert submitted.published_at >= before
    entry = selectors.timeline(submitted)[-1]
    assert (entry.action, entry.actor) == ("hub.request.published", secretariat)
    assert entry.data == {"from": "submitted", "to": "open", "note": "Welcome."}


@pytest.mark.parametrize("outcome", ["clarification", "advice"])
@pytest.mark.parametrize("note", ["", "   \n "])
def test_a_question_or_advice_is_written(make_request, secretariat, outcome, note):
    submitted = make_request("submitted")
    with pytest.raises(ValidationError) as refused:
        services.request_review(
            actor=secretariat, support_request=submitted, outcome=outcome, note=note
        )
    assert refused.value.message_dict == {
        "note": ["Write your question or advice for the requester."]
    }
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert actions_of(submitted)[-1] == "hub.request.submitted"


def test_an_unknown_outcome_is_refused(make_request, secretariat):
    submitted = make_request("submitted")
    with pytest.raises(ValidationError) as refused:
        services.request_review(
            actor=secretariat, support_request=submitted, outcome="ignore", note="x"
        )
    assert "outcome" in refused.value.message_dict


def test_a_question_goes_back_to_the_requester_who_answers_and_resubmits(
    make_request, secretariat, editor
):
    submitted = make_request("submitted")
    services.request_review(
        actor=secretariat, support_request=submitted, outcome="clarification",
        note="Which agencies take part?",
    )  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.status == "clarification"
    # Out of the secretariat's hands until the requester answers.
    with pytest.raises(PermissionDenied):
        services.request_review(
            actor=secretariat, support_request=submitted, outcome="accepted", note=""
        )
    services.request_update(
        actor=editor,
        support_request=submitted,
        data=request_data(description="The border police and the customs take part."),
    )
    services.request_submit(actor=editor, support_request=submitted)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert submitted.description == "The border police and the customs take part."
    assert actions_of(submitted) == [
        "hub.request.created",
        "hub.request.submitted",
        "hub.request.review_clarification",
        "hub.request.updated",
        "hub.request.submitted",
    ]
    question = selectors.timeline(submitted)[2]
    assert question.data == {
        "from": "submitted",
        "to": "clarification",
        "note": "Which agencies take part?",
    }


def test_advice_returns_the_request_to_its_draft(make_request, secretariat, editor):
    submitted = make_request("submitted")
    services.request_review(
        actor=secretariat, support_request=submitted, outcome="advice",
        note="Split it in two requests.",
    )  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.status == "draft"
    entry = selectors.timeline(submitted)[-1]
    assert entry.action == "hub.request.review_advice"
    assert entry.data["note"] == "Split it in two requests."
    # The requester may change and submit it again.
    services.request_update(actor=editor, support_request=submitted, data=request_data())
    services.request_submit(actor=editor, support_request=submitted)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


@pytest.mark.parametrize("who", ["editor", "owner", "outsider"])
def test_only_brokers_review(request, make_request, who):
    submitted = make_request("submitted")
    with pytest.raises(PermissionDenied):
        services.request_review(
            actor=request.getfixturevalue(who), support_request=submitted, outcome="accepted",
            note="",
        )  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_a_moderator_who_is_no_broker_does_not_review(make_request):
    moderator = UserFactory(is_moderator=True, is_curator=True)
    with pytest.raises(PermissionDenied):
        services.request_review(
            actor=moderator, support_request=make_request("submitted"), outcome="accepted",
            note="",
        )  # fmt: skip


@pytest.mark.parametrize("status", ["draft", "clarification", "open", "withdrawn"])
def test_only_submitted_requests_are_reviewed(make_request, secretariat, status):
    support_request = make_request(status)
    with pytest.raises(PermissionDenied):
        services.request_review(
            actor=secretariat, support_request=support_request, outcome="accepted", note=""
        )
    support_request.refresh_from_db()
    assert support_request.status == status


# Withdrawing and closing ---------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "submitted", "clarification", "open"])
def test_the_requester_withdraws_until_it_is_closed(make_request, editor, status):
    support_request = make_request(status)
    services.request_withdraw(
        actor=editor, support_request=support_request, reason="  We found a partner.  "
    )
    support_request.refresh_from_db()
    assert support_request.status == "withdrawn"
    entry = selectors.timeline(support_request)[-1]
    assert entry.action == "hub.request.withdrawn"
    assert entry.data == {"from": status, "to": "withdrawn", "note": "We found a partner."}


@pytest.mark.parametrize("status", ["closed", "withdrawn"])
def test_a_finished_request_is_not_withdrawn(make_request, editor, status):
    with pytest.raises(PermissionDenied):
        services.request_withdraw(actor=editor, support_request=make_request(status))


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_the_requesters_editors_withdraw(request, make_request, who):
    support_request = make_request("open")
    with pytest.raises(PermissionDenied):
        services.request_withdraw(
            actor=request.getfixturevalue(who), support_request=support_request
        )
    support_request.refresh_from_db()
    assert support_request.status == "open"


def test_the_requester_closes_a_published_request(make_request, editor):
    support_request = make_request("open")
    services.request_close(actor=editor, support_request=support_request, reason="Done.")
    support_request.refresh_from_db()
    assert support_request.status == "closed"
    entry = selectors.timeline(support_request)[-1]
    assert entry.action == "hub.request.closed"
    assert entry.data == {"from": "open", "to": "closed", "note": "Done."}


@pytest.mark.parametrize("status", ["draft", "submitted", "clarification", "closed", "withdrawn"])
def test_only_a_published_request_is_closed(make_request, editor, status):
    support_request = make_request(status)
    with pytest.raises(PermissionDenied):
        services.request_close(actor=editor, support_request=support_request)
    support_request.refresh_from_db()
    assert support_request.status == status


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_the_requesters_editors_close(request, make_request, who):
    support_request = make_request("open")
    with pytest.raises(PermissionDenied):
        services.request_close(actor=request.getfixturevalue(who), support_request=support_request)


# The timeline --------------------------------------------------------------------------------


def test_every_step_is_on_the_timeline_in_order(draft, editor, secretariat):
    services.request_update(actor=editor, support_request=draft, data=request_data())
    services.request_submit(actor=editor, support_request=draft)
    services.request_review(
        actor=secretariat, support_request=draft, outcome="advice", note="Be more precise."
    )
    services.request_submit(actor=editor, support_request=draft)
    services.request_review(
        actor=secretariat, support_request=draft, outcome="clarification", note="Which agencies?"
    )
    services.request_update(actor=editor, support_request=draft, data=request_data())
    services.request_submit(actor=editor, support_request=draft)
    services.request_review(actor=secretariat, support_request=draft, outcome="accepted", note="")
    services.request_close(actor=editor, support_request=draft)
    timeline = selectors.timeline(draft)
    assert [entry.action for entry in timeline] == [
        "hub.request.created",
        "hub.request.updated",
        "hub.request.submitted",
        "hub.request.review_advice",
        "hub.request.submitted",
        "hub.request.review_clarification",
        "hub.request.updated",
        "hub.request.submitted",
        "hub.request.published",
        "hub.request.closed",
    ]
    assert all(entry.action in selectors.TIMELINE_ACTIONS for entry in timeline)
    assert [entry.actor for entry in timeline] == [
        editor, editor, editor, secretariat, editor, secretariat, editor, editor, secretariat,
        editor,
    ]  # fmt: skip
    withdrawn = advance(
        services.request_create(actor=editor, organisation=draft.organisation, data=request_data()),
        "withdrawn", requester=editor, broker=secretariat,
    )  # fmt: skip
    assert actions_of(withdrawn) == ["hub.request.created", "hub.request.withdrawn"]
    # Every kind of step a request takes is a timeline action, and nothing else is.
    seen = set(
        hub_entries()
        .filter(object_id__in=[draft.pk, withdrawn.pk])
        .values_list("action", flat=True)
    )
    assert seen == set(selectors.TIMELINE_ACTIONS)


def test_the_timeline_keeps_its_order_within_one_instant(draft, editor, secretariat):
    # Steps taken within the same clock tick (a coarse clock, a fast script) stay in order.
    with freeze_time(timezone.now()):
        services.request_submit(actor=editor, support_request=draft)
        services.request_review(
            actor=secretariat, support_request=draft, outcome="advice", note="Be precise."
        )
        services.request_submit(actor=editor, support_request=draft)
        services.request_review(
            actor=secretariat, support_request=draft, outcome="accepted", note=""
        )
        services.request_close(actor=editor, support_request=draft)
    assert actions_of(draft) == [
        "hub.request.created",
        "hub.request.submitted",
        "hub.request.review_advice",
        "hub.request.submitted",
        "hub.request.published",
        "hub.request.closed",
    ]


def test_the_timeline_is_the_requests_own(make_request, draft, organisation):
    other = make_request("open", title="Another")
    assert actions_of(draft) == ["hub.request.created"]
    assert actions_of(other)[-1] == "hub.request.published"
    # Entries about other objects are not steps of the request.
    assert all(entry.object_id == str(draft.pk) for entry in selectors.timeline(draft))


# Who hears of it -----------------------------------------------------------------------------


def recipients(kind) -> set:
    return set(Notification.objects.filter(kind=kind).values_list("recipient", flat=True))


@pytest.fixture
def submitted(make_request):
    return make_request("submitted")


@pytest.mark.parametrize(
    "outcome, note, action",
    [
        ("accepted", "", "hub.request.published"),
        ("clarification", "Which agencies?", "hub.request.review_clarification"),
        ("advice", "Split it.", "hub.request.review_advice"),
    ],
)
def test_the_requesters_editors_hear_of_the_review(
    submitted, secretariat, owner, editor, viewer, outsider, outcome, note, action,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_review(
            actor=secretariat, support_request=submitted, outcome=outcome, note=note
        )
    assert recipients("request_review") == {owner.pk, editor.pk}
    assert not Notification.objects.filter(recipient__in=[viewer, outsider, secretariat]).exists()
    notification = Notification.objects.filter(recipient=editor).get()
    assert notification.kind == "request_review"
    assert notification.target == submitted
    assert notification.data["step"] == action
    assert notification.data["title"] == submitted.title
    assert notification.data["url"] == f"/hub/requests/{submitted.pk}/"


def test_the_joint_governments_editors_hear_of_the_review_too(
    joint_draft, editor, government, government_admin, secretariat,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    government.verification_status = "verified"
    government.save()
    government_viewer = MembershipFactory(organisation=government, role="viewer").user
    advance(joint_draft, "submitted", requester=editor, broker=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_review(
            actor=secretariat, support_request=joint_draft, outcome="accepted", note=""
        )
    assert {editor.pk, government_admin.pk} <= recipients("request_review")
    assert government_viewer.pk not in recipients("request_review")


def test_the_brokers_hear_of_a_submission(
    draft, editor, owner, viewer, secretariat, other_broker, outsider,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    moderator = UserFactory(is_moderator=True)
    retired = UserFactory(is_broker=True, is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_submit(actor=editor, support_request=draft)
    assert recipients("request_submitted") == {secretariat.pk, other_broker.pk}
    assert not Notification.objects.filter(
        recipient__in=[editor, owner, viewer, outsider, moderator, retired]
    ).exists()
    notification = Notification.objects.get(recipient=secretariat)
    assert notification.target == draft
    assert notification.data["url"] == f"/hub/requests/{draft.pk}/"


def test_nobody_hears_of_a_draft_or_an_edit(
    organisation, editor, owner, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        support_request = services.request_create(
            actor=editor, organisation=organisation, data=request_data()
        )
        services.request_update(
            actor=editor, support_request=support_request, data=request_data(title="Edited")
        )
    assert not Notification.objects.exists()


def test_the_actor_is_not_told_of_their_own_review(
    organisation, secretariat, django_capture_on_commit_callbacks
):
    # A broker who is also the requester's administrator reviews: told nothing of it.
    MembershipFactory(organisation=organisation, role="admin", user=secretariat)
    support_request = services.request_create(
        actor=fresh(secretariat), organisation=organisation, data=request_data()
    )
    services.request_submit(actor=fresh(secretariat), support_request=support_request)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_review(
            actor=fresh(secretariat), support_request=support_request, outcome="accepted",
            note="",
        )  # fmt: skip
    assert not Notification.objects.filter(recipient=secretariat, kind="request_review").exists()


def test_a_joint_request_is_submitted_by_the_verified_government_it_names(
    joint_draft, editor, government
):
    """Naming a government does not commit it: its own editor submits, once it is verified."""
    with pytest.raises(ValidationError) as refused:
        services.request_submit(actor=editor, support_request=joint_draft)
    assert "must be verified" in str(refused.value)
    type(government).objects.filter(pk=government.pk).update(verification_status="verified")
    government.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.request_submit(actor=editor, support_request=joint_draft)
    assert "submitted by the government it is made with" in str(refused.value)
    minister = MembershipFactory(organisation=government, role="editor").user
    services.request_submit(actor=minister, support_request=joint_draft)
    joint_draft.refresh_from_db()
    assert joint_draft.status == "submitted"


def test_advice_sends_the_request_back_to_be_submitted_anew(make_request, secretariat):
    submitted = make_request("submitted")
    services.request_review(
        actor=secretariat, support_request=submitted, outcome="advice", note="Split it in two."
    )
    submitted.refresh_from_db()
    assert (submitted.status, submitted.submitted_at) == ("draft", None)
