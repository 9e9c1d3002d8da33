"""Writes of pledges: a draft, the SMART check at publication, progress reports and the completion
they set, closing and withdrawal; what is refused (with the field to blame, writing nothing); the
history in the audit trail; the overdue sweep and who hears of it."""

import datetime
import uuid
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone
from freezegun import freeze_time

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.community.models import Notification
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Region
from passerelle.pledges import selectors, services
from passerelle.pledges.models import Pledge, ProgressUpdate
from passerelle.taxonomy.models import GCMObjective

from .conftest import days, fresh, pledge_data, progress

pytestmark = pytest.mark.django_db


def actions_of(pledge) -> list[str]:
    return [entry.action for entry in selectors.history(pledge)]


def pledge_entries():
    return AuditEntry.objects.filter(action__startswith="pledges.")


# Creating ------------------------------------------------------------------------------------


def test_a_pledge_is_created_as_a_draft_with_everything_it_says(organisation, editor, partner):
    objectives = list(GCMObjective.objects.filter(number__in=[5, 6]))
    data = pledge_data(
        title="  Contribution aux voies de migration régulière  ",
        description="Nous nous engageons à financer la formation des travailleurs avant le départ.",
        form="financial",
        type="in_partnership",
        partners=[partner],
        gcm_objectives=objectives,
        amount=Decimal("250000"),
        currency="eur",
        pledged_on=days(-30),
        reporting_interval=3,
    )
    pledge = services.pledge_create(actor=editor, organisation=organisation, data=data)

    pledge = Pledge.objects.get(pk=pledge.pk)
    assert (pledge.status, pledge.completion) == ("draft", "not_started")
    assert pledge.title == "Contribution aux voies de migration régulière"
    assert pledge.language == "fr"  # recognised from the description
    assert (pledge.form, pledge.type) == ("financial", "in_partnership")
    assert list(pledge.partners.all()) == [partner]
    assert set(pledge.gcm_objectives.all()) == set(objectives)
    assert (pledge.amount, pledge.currency) == (Decimal("250000"), "EUR")
    assert (pledge.target, pledge.unit, pledge.deadline) == (Decimal("200"), "officials", days(365))
    assert (pledge.pledged_on, pledge.reporting_interval) == (days(-30), 3)
    assert pledge.published_at is None and pledge.next_report_due is None
    assert pledge.created_by == editor and not pledge.is_demo
    (entry,) = AuditEntry.objects.for_object(pledge)
    assert (entry.action, entry.actor, entry.data) == (
        "pledges.pledge.created", editor, {"language": "fr"},
    )  # fmt: skip


@pytest.mark.parametrize(
    "description, language",
    [
        ("We will train the officials who work at the border.", "en"),
        ("Nous formerons les agents qui travaillent à la frontière.", "fr"),
        ("Capacitaremos a los agentes que trabajan en la frontera.", "es"),
    ],
)
def test_the_language_is_recognised_unless_given(organisation, editor, description, language):
    pledge = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(description=description)
    )
    assert Pledge.objects.get(pk=pledge.pk).language == language
    named = services.pledge_create(
        actor=editor, organisation=organisation,
        data=pledge_data(description=description, language="es"),
    )  # fmt: skip
    assert Pledge.objects.get(pk=named.pk).language == "es"


def test_a_draft_may_wait_for_its_measures(organisation, editor):
    data = pledge_data(metric="", target=None, unit="", deadline=None, baseline=None)
    pledge = services.pledge_create(actor=editor, organisation=organisation, data=data)
    assert Pledge.objects.get(pk=pledge.pk).target is None


def test_the_reporting_interval_defaults_to_the_setting(organisation, editor, settings):
    settings.PLEDGES = {**settings.PLEDGES, "REPORTING_INTERVAL_MONTHS": 4}
    pledge = services.pledge_create(actor=editor, organisation=organisation, data=pledge_data())
    assert Pledge.objects.get(pk=pledge.pk).reporting_interval == 4


def test_a_demo_organisation_makes_demo_pledges(organisation, editor):
    organisation.is_demo = True
    organisation.save()
    pledge = services.pledge_create(actor=editor, organisation=organisation, data=pledge_data())
    assert Pledge.objects.get(pk=pledge.pk).is_demo


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_editors_pledge_for_their_organisation(request, organisation, who):
    with pytest.raises(PermissionDenied):
        services.pledge_create(
            actor=request.getfixturevalue(who), organisation=organisation, data=pledge_data()
        )
    assert not Pledge.objects.exists()


def test_the_administrator_pledges_too(organisation, owner):
    services.pledge_create(actor=owner, organisation=organisation, data=pledge_data())


def test_the_same_form_posted_twice_makes_one_pledge(organisation, editor):
    key = uuid.uuid4()
    first = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(), submission_key=key
    )
    second = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(title="Other"), submission_key=key
    )
    assert first.pk == second.pk
    assert Pledge.objects.count() == 1
    assert pledge_entries().count() == 1


def test_two_posts_at_once_make_one_pledge(organisation, editor):
    """The second post passed the lookup before the first one saved: the unique constraint
    refuses its row, and it returns the first post's pledge."""
    key = uuid.uuid4()
    first = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(), submission_key=key
    )
    not_yet = mock.Mock(first=mock.Mock(return_value=None))
    with (
        mock.patch.object(Pledge.objects, "filter", return_value=not_yet),
        mock.patch.object(Pledge, "validate_constraints"),  # nor did its checks
    ):
        second = services.pledge_create(
            actor=editor, organisation=organisation, data=pledge_data(), submission_key=key
        )
    assert second.pk == first.pk
    assert Pledge.objects.count() == 1 and pledge_entries().count() == 1


def _too_long(n):
    return "a" * n


BAD_INPUT = [
    # (what is wrong, overrides of the data, field to blame, words of the message)
    ("no title", {"title": "  "}, "title", "Give the pledge a title."),
    ("no description", {"description": ""}, "description", "Describe what you commit to."),
    ("description too long", {"description": _too_long(10_001)}, "description",
     "under 10000 characters"),
    ("no objective", {"gcm_objectives": []}, "gcm_objectives", "at least one GCM objective"),
    ("unknown form", {"form": "goodwill"}, "form", "form of the pledge"),
    ("unknown type", {"type": "solo"}, "type", "type of the pledge"),
    ("common without partners", {"type": "common"}, "partners", "Name the organisations"),
    ("in partnership without partners", {"type": "in_partnership"}, "partners",
     "Name the organisations"),
    ("matching without a pledge", {"type": "matching"}, "matches", "number of the pledge"),
    ("zero target", {"target": Decimal("0")}, "target", "more than zero"),
    ("negative baseline", {"baseline": Decimal("-1")}, "baseline", "cannot be negative"),
    ("zero amount", {"amount": Decimal("0"), "currency": "USD"}, "amount", "more than zero"),
    ("amount without currency", {"amount": Decimal("100")}, "currency", "USD or EUR"),
    ("unknown currency", {"amount": Decimal("100"), "currency": "XYZ"}, "currency",
     "USD or EUR"),
    ("pledged in the future", {"pledged_on": days(1)}, "pledged_on", "today or earlier"),
    ("deadline before the pledge", {"pledged_on": days(-10), "deadline": days(-20)},
     "deadline", "before the pledge was made"),
    ("interval too long", {"reporting_interval": 25}, "reporting_interval", "1 to 24 months"),
    ("country and region", {"region": "011"}, "region", "not both"),
    ("unknown language", {"language": "zz"}, "language", "is not a valid choice"),
    ("title too long", {"title": _too_long(201)}, "title", "at most 200 characters"),
    ("unit too long", {"unit": _too_long(51)}, "unit", "at most 50 characters"),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, field, words", [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(
    organisation, editor, overrides, field, words
):
    if "region" in overrides:
        overrides["region"] = Region.objects.get(code=overrides["region"])
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            actor=editor, organisation=organisation, data=pledge_data(**overrides)
        )
    errors = refused.value.message_dict
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert not Pledge.objects.exists()
    assert not pledge_entries().exists()


def test_every_problem_is_reported_at_once(organisation, editor):
    data = pledge_data(title="", gcm_objectives=[], type="common", target=Decimal("-5"))
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(actor=editor, organisation=organisation, data=data)
    assert set(refused.value.message_dict) == {"title", "gcm_objectives", "partners", "target"}


def test_partners_are_for_common_pledges_and_partnerships(organisation, editor, partner):
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            actor=editor, organisation=organisation, data=pledge_data(partners=[partner])
        )
    assert "Only a common pledge" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            actor=editor, organisation=organisation,
            data=pledge_data(type="common", partners=[organisation]),
        )  # fmt: skip
    assert "not its own partner" in str(refused.value)
    common = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(type="common", partners=[partner])
    )
    assert list(Pledge.objects.get(pk=common.pk).partners.all()) == [partner]


# Matching ------------------------------------------------------------------------------------


def test_a_matching_pledge_names_a_published_pledge(make_pledge, organisation, editor):
    matched = make_pledge("published", title="Matched")
    pledge = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(type="matching", matches=matched)
    )
    pledge = Pledge.objects.get(pk=pledge.pk)
    assert pledge.matches == matched
    assert list(matched.matched_by.all()) == [pledge]


@pytest.mark.parametrize("status", ["draft", "withdrawn"])
def test_only_a_published_pledge_is_matched(make_pledge, organisation, editor, status):
    unpublished = make_pledge(status, title="Not matchable")
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            actor=editor, organisation=organisation,
            data=pledge_data(type="matching", matches=unpublished),
        )  # fmt: skip
    assert refused.value.message_dict["matches"] == ["Only a published pledge can be matched."]


def test_a_pledge_does_not_match_itself(make_pledge, editor):
    draft = make_pledge("draft", type="matching", matches=make_pledge("published"))
    with pytest.raises(ValidationError) as refused:
        services.pledge_update(
            actor=editor, pledge=draft, data=pledge_data(type="matching", matches=draft)
        )
    assert "cannot match itself" in str(refused.value)


def test_the_database_refuses_a_pledge_matching_itself(published):
    with pytest.raises(IntegrityError):
        Pledge.objects.filter(pk=published.pk).update(type="matching", matches=published)


def test_a_pledge_of_another_type_keeps_no_match(make_pledge, organisation, editor):
    matched = make_pledge("published")
    pledge = services.pledge_create(
        actor=editor, organisation=organisation, data=pledge_data(matches=matched)
    )
    assert Pledge.objects.get(pk=pledge.pk).matches is None


def test_publishing_refuses_a_match_withdrawn_meanwhile(make_pledge, editor):
    matched = make_pledge("published", title="Matched")
    draft = make_pledge("draft", type="matching", matches=matched)
    services.pledge_withdraw(actor=editor, pledge=matched)
    with pytest.raises(ValidationError) as refused:
        services.pledge_publish(actor=editor, pledge=draft)
    assert "no longer published" in str(refused.value)


# Editing -------------------------------------------------------------------------------------


def test_the_editor_edits_a_draft(draft, editor, partner):
    data = pledge_data(title="New title", type="common", partners=[partner], target=Decimal("50"))
    services.pledge_update(actor=editor, pledge=draft, data=data)
    draft.refresh_from_db()
    assert (draft.title, draft.type, draft.target) == ("New title", "common", Decimal("50"))
    assert list(draft.partners.all()) == [partner]
    assert actions_of(draft) == ["pledges.pledge.created", "pledges.pledge.updated"]


def test_changing_the_type_drops_the_partners(make_pledge, editor, partner):
    common = make_pledge("draft", type="common", partners=[partner])
    services.pledge_update(actor=editor, pledge=common, data=pledge_data())
    assert not common.partners.exists()


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat", "partner_viewer"])
def test_others_do_not_edit(request, make_pledge, partner, who):
    draft = make_pledge("draft", type="common", partners=[partner])
    with pytest.raises(PermissionDenied):
        services.pledge_update(
            actor=request.getfixturevalue(who), pledge=draft, data=pledge_data(title="Mine")
        )


@pytest.mark.parametrize("status", ["published", "closed", "withdrawn"])
def test_a_pledge_out_of_its_draft_stays_as_it_was_made(make_pledge, editor, status):
    pledge = make_pledge(status)
    with pytest.raises(PermissionDenied):
        services.pledge_update(actor=editor, pledge=pledge, data=pledge_data(title="Changed"))


def test_a_bad_edit_changes_nothing(draft, editor):
    with pytest.raises(ValidationError):
        services.pledge_update(
            actor=editor, pledge=draft, data=pledge_data(title="", type="common")
        )
    draft.refresh_from_db()
    assert draft.title == "Training 200 border officials"
    assert actions_of(draft) == ["pledges.pledge.created"]


# Publishing: the SMART check -----------------------------------------------------------------


def test_the_editor_publishes(draft, editor):
    services.pledge_publish(actor=editor, pledge=draft)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at is not None
    assert draft.pledged_on == timezone.localdate()  # when not said otherwise
    assert draft.next_report_due == services.reporting.add_months(draft.pledged_on, 6)
    assert actions_of(draft)[-1] == "pledges.pledge.published"


def test_reporting_starts_from_the_day_it_was_pledged(make_pledge):
    pledge = make_pledge("published", pledged_on=days(-80), reporting_interval=3)
    assert pledge.next_report_due == services.reporting.add_months(days(-80), 3)
    assert pledge.light == "amber"  # due in about 10 days


SMART = [
    # (what is missing, overrides, field, words)
    ("metric", {"metric": ""}, "metric", "the metric"),
    ("target", {"target": None}, "target", "target value"),
    ("unit", {"unit": ""}, "unit", "unit of the target"),
    ("deadline", {"deadline": None}, "deadline", "Give the deadline."),
    ("financial amount", {"form": "financial"}, "amount", "amount and currency"),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, field, words", [case[1:] for case in SMART], ids=[c[0] for c in SMART]
)
def test_the_smart_check_refuses_an_unmeasurable_pledge(
    make_pledge, editor, overrides, field, words
):
    draft = make_pledge("draft", **overrides)
    with pytest.raises(ValidationError) as refused:
        services.pledge_publish(actor=editor, pledge=draft)
    assert set(refused.value.message_dict) == {field}
    assert words in refused.value.message_dict[field][0]
    draft.refresh_from_db()
    assert (draft.status, draft.published_at, draft.next_report_due) == ("draft", None, None)
    assert actions_of(draft) == ["pledges.pledge.created"]


def test_the_smart_check_names_everything_missing(make_pledge, editor):
    draft = make_pledge("draft", metric="", target=None, deadline=None)
    with pytest.raises(ValidationError) as refused:
        services.pledge_publish(actor=editor, pledge=draft)
    assert set(refused.value.message_dict) == {"metric", "target", "deadline"}


def test_a_deadline_passed_meanwhile_is_refused(make_pledge, editor):
    draft = make_pledge("draft", deadline=days(10))
    with (
        freeze_time(timezone.now() + datetime.timedelta(days=11)),
        pytest.raises(ValidationError) as refused,
    ):
        services.pledge_publish(actor=editor, pledge=draft)
    assert "The deadline has passed" in refused.value.message_dict["deadline"][0]


def test_the_database_refuses_an_unmeasurable_published_pledge(make_pledge):
    draft = make_pledge("draft", target=None)
    with pytest.raises(IntegrityError):
        Pledge.objects.filter(pk=draft.pk).update(status="published", published_at=timezone.now())


@pytest.mark.parametrize("kind", ["national_government", "local_government"])
@pytest.mark.parametrize("verification", ["unverified", "pending", "rejected"])
def test_an_unverified_government_does_not_publish(kind, verification):
    government = OrganisationFactory(type=kind, verification_status=verification)
    editor = MembershipFactory(organisation=government, role="editor").user
    draft = services.pledge_create(actor=editor, organisation=government, data=pledge_data())
    with pytest.raises(ValidationError) as refused:
        services.pledge_publish(actor=editor, pledge=draft)
    assert "must verify your organisation" in str(refused.value)


def test_a_verified_government_publishes(verified_government):
    editor = MembershipFactory(organisation=verified_government, role="editor").user
    draft = services.pledge_create(
        actor=editor, organisation=verified_government, data=pledge_data()
    )
    services.pledge_publish(actor=editor, pledge=draft)


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_the_editors_publish(request, draft, who):
    with pytest.raises(PermissionDenied):
        services.pledge_publish(actor=request.getfixturevalue(who), pledge=draft)


def test_a_published_pledge_is_not_published_again(published, editor):
    with pytest.raises(PermissionDenied):
        services.pledge_publish(actor=editor, pledge=published)


# Progress ------------------------------------------------------------------------------------


def test_a_progress_report_sets_the_completion_and_the_next_report(make_pledge, editor):
    pledge = make_pledge("published", pledged_on=days(-200))
    assert pledge.light == "red"
    update = services.progress_record(
        actor=editor, pledge=pledge, data=progress(as_of=days(-2), value_reached=Decimal("80"))
    )
    pledge.refresh_from_db()
    assert (update.pledge, update.author, update.completion) == (pledge, editor, "limited")
    assert (pledge.completion, pledge.last_report_on) == ("limited", days(-2))
    assert pledge.next_report_due == services.reporting.add_months(days(-2), 6)
    assert pledge.light == "green"
    entry = selectors.history(pledge)[-1]
    assert entry.action == "pledges.pledge.progress_reported"
    assert entry.data == {
        "update": update.pk, "as_of": days(-2).isoformat(), "completion": "limited",
        "value_reached": "80", "from": "not_started", "to": "limited",
    }  # fmt: skip


def test_the_completion_follows_the_latest_report(make_pledge, editor):
    pledge = make_pledge("published", pledged_on=days(-100))
    services.progress_record(
        actor=editor, pledge=pledge, data=progress(as_of=days(-10), completion="substantial")
    )
    # A report as of an earlier day, written later, does not turn the completion back.
    services.progress_record(
        actor=editor, pledge=pledge, data=progress(as_of=days(-50), completion="limited")
    )
    pledge.refresh_from_db()
    assert (pledge.completion, pledge.last_report_on) == ("substantial", days(-10))
    services.progress_record(actor=editor, pledge=pledge, data=progress(completion="limited"))
    pledge.refresh_from_db()
    assert pledge.completion == "limited"  # said today: progress can go back
    assert [u.as_of for u in pledge.progress_updates.all()] == [days(-50), days(-10), days(0)]


def test_a_complete_pledge_has_nothing_due(published, editor):
    services.progress_record(actor=editor, pledge=published, data=progress(completion="complete"))
    published.refresh_from_db()
    assert (published.completion, published.next_report_due) == ("complete", None)
    assert published.light == "green"


BAD_PROGRESS = [
    ("in the future", {"as_of": days(1)}, "as_of", "today or earlier"),
    ("before the pledge", {"as_of": days(-31)}, "as_of", "report progress since then"),
    ("unknown completion", {"completion": "halfway"}, "completion", "how complete"),
    ("negative value", {"value_reached": Decimal("-1")}, "value_reached", "cannot be negative"),
    ("no note", {"note": "  "}, "note", "what was done"),
    ("note too long", {"note": "a" * 5001}, "note", "under 5000 characters"),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, field, words", [c[1:] for c in BAD_PROGRESS], ids=[c[0] for c in BAD_PROGRESS]
)
def test_a_bad_progress_report_is_refused_and_nothing_is_written(
    make_pledge, editor, overrides, field, words
):
    pledge = make_pledge("published", pledged_on=days(-30))
    with pytest.raises(ValidationError) as refused:
        services.progress_record(actor=editor, pledge=pledge, data=progress(**overrides))
    assert words in " ".join(refused.value.message_dict[field])
    assert not ProgressUpdate.objects.exists()
    pledge.refresh_from_db()
    assert pledge.completion == "not_started" and pledge.last_report_on is None
    assert actions_of(pledge)[-1] == "pledges.pledge.published"


@pytest.mark.parametrize("status", ["draft", "closed", "withdrawn"])
def test_progress_is_reported_on_published_pledges_only(make_pledge, editor, status):
    pledge = make_pledge(status)
    count = ProgressUpdate.objects.count()
    with pytest.raises(PermissionDenied):
        services.progress_record(actor=editor, pledge=pledge, data=progress())
    assert ProgressUpdate.objects.count() == count


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat", "partner_viewer"])
def test_only_the_editors_report(request, make_pledge, partner, who):
    pledge = make_pledge("published", type="common", partners=[partner])
    with pytest.raises(PermissionDenied):
        services.progress_record(actor=request.getfixturevalue(who), pledge=pledge,
                                 data=progress())  # fmt: skip


def test_a_report_posted_twice_is_recorded_once(published, editor):
    key = uuid.uuid4()
    first = services.progress_record(
        actor=editor, pledge=published, data=progress(), submission_key=key
    )
    second = services.progress_record(
        actor=editor, pledge=published, data=progress(completion="complete"), submission_key=key
    )
    assert first.pk == second.pk
    assert published.progress_updates.count() == 1
    assert actions_of(published).count("pledges.pledge.progress_reported") == 1


# Closing and withdrawing ---------------------------------------------------------------------


def test_a_complete_pledge_is_closed(published, editor):
    services.progress_record(actor=editor, pledge=published, data=progress(completion="complete"))
    services.pledge_close(actor=editor, pledge=published, reason="Done and funded for good.")
    published.refresh_from_db()
    assert published.status == "closed" and published.light is None
    entry = selectors.history(published)[-1]
    assert (entry.action, entry.data["note"]) == (
        "pledges.pledge.closed",
        "Done and funded for good.",
    )


def test_a_pledge_past_its_deadline_is_closed(make_pledge, editor):
    pledge = make_pledge("published", deadline=days(20))
    with freeze_time(timezone.now() + datetime.timedelta(days=21)):
        pledge.refresh_from_db()
        assert pledge.light == "red"
        services.pledge_close(actor=editor, pledge=pledge)
    pledge.refresh_from_db()
    assert pledge.status == "closed" and pledge.completion == "not_started"


def test_closing_early_is_refused(published, editor):
    """It would only switch off the light: a pledge is closed complete or past its deadline."""
    with pytest.raises(ValidationError) as refused:
        services.pledge_close(actor=editor, pledge=published)
    assert "complete or its deadline has passed" in str(refused.value)
    published.refresh_from_db()
    assert published.status == "published"


@pytest.mark.parametrize("status", ["draft", "published"])
def test_the_editor_withdraws(make_pledge, editor, status):
    pledge = make_pledge(status)
    services.pledge_withdraw(actor=editor, pledge=pledge, reason="  Funds went elsewhere. ")
    pledge.refresh_from_db()
    assert pledge.status == "withdrawn"
    entry = selectors.history(pledge)[-1]
    assert entry.data == {"from": status, "to": "withdrawn", "note": "Funds went elsewhere."}


@pytest.mark.parametrize("status", ["closed", "withdrawn"])
def test_a_finished_pledge_is_not_withdrawn(make_pledge, editor, status):
    with pytest.raises(PermissionDenied):
        services.pledge_withdraw(actor=editor, pledge=make_pledge(status))


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_only_the_editors_close_or_withdraw(request, published, editor, who):
    services.progress_record(actor=editor, pledge=published, data=progress(completion="complete"))
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.pledge_close(actor=actor, pledge=published)
    with pytest.raises(PermissionDenied):
        services.pledge_withdraw(actor=actor, pledge=published)


def test_an_over_long_reason_is_refused(published, editor):
    with pytest.raises(ValidationError) as refused:
        services.pledge_withdraw(actor=editor, pledge=published, reason="a" * 2001)
    assert "under 2000 characters" in refused.value.message_dict["reason"][0]
    published.refresh_from_db()
    assert published.status == "published"


# The history ---------------------------------------------------------------------------------


def test_every_step_is_in_the_history_in_order(draft, editor):
    services.pledge_update(actor=editor, pledge=draft, data=pledge_data(title="Edited"))
    services.pledge_publish(actor=editor, pledge=draft)
    services.progress_record(actor=editor, pledge=draft, data=progress())
    services.progress_record(actor=editor, pledge=draft, data=progress(completion="complete"))
    services.pledge_close(actor=editor, pledge=draft)
    assert actions_of(draft) == [
        "pledges.pledge.created",
        "pledges.pledge.updated",
        "pledges.pledge.published",
        "pledges.pledge.progress_reported",
        "pledges.pledge.progress_reported",
        "pledges.pledge.closed",
    ]
    assert {entry.actor for entry in selectors.history(draft)} == {editor}


def test_the_history_is_the_pledges_own(make_pledge, draft):
    make_pledge("published", title="Another")
    assert actions_of(draft) == ["pledges.pledge.created"]


# Overdue reports -----------------------------------------------------------------------------


def recipients(kind="pledge_report_overdue") -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient", flat=True))


def test_a_missed_report_is_flagged_once(make_pledge, editor):
    overdue = make_pledge("published", pledged_on=days(-200))
    make_pledge("published", pledged_on=days(-10))  # on track
    make_pledge("draft")
    assert services.pledges_flag_overdue() == 1
    assert services.pledges_flag_overdue() == 0
    (entry,) = AuditEntry.objects.filter(action="pledges.pledge.report_overdue")
    assert entry.object_id == str(overdue.pk) and entry.actor is None
    assert entry.data == {"due": overdue.next_report_due.isoformat()}
    overdue.refresh_from_db()
    assert overdue.overdue_notice_for == overdue.next_report_due


def test_the_next_missed_report_is_flagged_again(make_pledge, editor):
    pledge = make_pledge("published", pledged_on=days(-400))
    services.pledges_flag_overdue()
    services.progress_record(actor=editor, pledge=pledge, data=progress(as_of=days(-200)))
    assert services.pledges_flag_overdue() == 1
    assert actions_of(pledge).count("pledges.pledge.report_overdue") == 2


def test_a_report_flagged_by_another_run_is_not_flagged_twice(make_pledge):
    """Two sweeps at once load the same pledge: one of them flags its missed report."""
    pledge = make_pledge("published", pledged_on=days(-200))
    loaded_by_the_other_run = Pledge.objects.get(pk=pledge.pk)
    assert services.pledges_flag_overdue() == 1
    assert services.pledge_flag_overdue(pledge=loaded_by_the_other_run) is False
    assert AuditEntry.objects.filter(action="pledges.pledge.report_overdue").count() == 1


def test_a_report_not_yet_due_is_not_flagged(make_pledge):
    pledge = make_pledge("published", pledged_on=days(-10))
    assert services.pledge_flag_overdue(pledge=pledge) is False


@pytest.mark.parametrize("status", ["closed", "withdrawn"])
def test_pledges_out_of_reporting_are_not_flagged(make_pledge, status):
    make_pledge(status, pledged_on=days(-300))
    assert services.pledges_flag_overdue() == 0


def test_the_editors_hear_of_a_missed_report(
    make_pledge, owner, editor, viewer, outsider, secretariat, partner, partner_viewer,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    pledge = make_pledge("published", pledged_on=days(-200), type="common", partners=[partner])
    with django_capture_on_commit_callbacks(execute=True):
        services.pledges_flag_overdue()
    assert recipients() == {owner.pk, editor.pk}
    notification = Notification.objects.get(recipient=editor)
    assert notification.target == pledge
    assert notification.data["url"] == f"/pledges/{pledge.pk}/"
    assert notification.data["title"] == pledge.title


def test_nobody_hears_of_reports_made_in_time(
    make_pledge, editor, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pledge = make_pledge("published", pledged_on=days(-10))
        services.progress_record(actor=fresh(editor), pledge=pledge, data=progress())
        services.pledges_flag_overdue()
    assert not Notification.objects.exists()


def test_the_preference_is_offered_to_those_who_edit_for_an_organisation(
    client, editor, owner, viewer, outsider
):
    url = "/en/community/notifications/preferences/"
    for user, offered in ((editor, True), (owner, True), (outsider, True), (viewer, False)):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert ('name="pledge_report_overdue"' in page) is offered, user
