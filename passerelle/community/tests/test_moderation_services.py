"""Moderation services: reports and the threshold, who decides what, sanctions, appeals, and
the notifications they raise."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.test import override_settings
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community import moderation, registry, services
from passerelle.community.choices import AppealStatus, CaseStatus, ModerationStatus, SanctionKind
from passerelle.community.models import CommentRevision, ModerationCase, Notification, Report
from passerelle.community.notifications import dispatch, message_for
from passerelle.core.models import AuditEntry

from .moderation_helpers import XSS, actions, refreshed, report, reported

pytestmark = pytest.mark.django_db


# --- reports ----------------------------------------------------------------------------------


def test_three_reports_hide_the_content_two_do_not(comment):
    report(comment)
    report(comment)
    case = ModerationCase.objects.get(object_id=str(comment.pk))
    assert (case.status, case.report_count) == (CaseStatus.OPEN, 2)
    assert refreshed(comment).moderation_status == ModerationStatus.VISIBLE

    report(comment)
    case.refresh_from_db()
    assert (case.status, case.report_count) == (CaseStatus.PENDING_REVIEW, 3)
    assert case.hidden_at is not None
    assert refreshed(comment).moderation_status == ModerationStatus.PENDING_REVIEW
    assert actions(case) == ["community.case.reported"] * 3 + ["community.case.auto_hidden"]
    hidden = AuditEntry.objects.get(action="community.case.auto_hidden")
    assert hidden.actor is None  # the platform hides it; the last reporter is not named


def test_the_threshold_is_a_setting(comment):
    with override_settings(COMMUNITY={**settings.COMMUNITY, "REPORTS_TO_HIDE": 1}):
        report(comment)
    assert refreshed(comment).moderation_status == ModerationStatus.PENDING_REVIEW


def test_a_fourth_report_joins_the_same_case(comment):
    case = reported(comment)
    report(comment)
    assert ModerationCase.objects.filter(object_id=str(comment.pk)).count() == 1
    assert refreshed(case).report_count == 4


def test_one_report_per_person_even_after_a_decision(comment, secretariat):
    reporter = UserFactory()
    report(comment, reporter)
    with pytest.raises(ValidationError, match="already reported"):
        report(comment, reporter)
    case = ModerationCase.objects.get()
    moderation.decide_restore(actor=secretariat, case=case, reason="Fine.")
    with pytest.raises(ValidationError, match="already reported"):
        report(comment, reporter)
    assert Report.objects.count() == 1


def test_own_content_cannot_be_reported(comment, author):
    with pytest.raises(ValidationError, match="your own content"):
        report(comment, author)


def test_sanctioned_users_cannot_report(comment, secretariat):
    reporter = UserFactory()
    moderation.sanction_create(
        actor=secretariat, user=reporter, kind=SanctionKind.BAN, reason="Spam bot."
    )
    with pytest.raises(ValidationError, match="banned"):
        report(comment, reporter)
    assert not Report.objects.exists()


def test_anonymous_visitors_cannot_report(comment):
    with pytest.raises(PermissionDenied):
        moderation.report_create(actor=AnonymousUser(), content=comment, reason="spam")


def test_report_details_are_stored_exactly_as_written(comment):
    saved = report(comment, details=f"  {XSS}\n")
    assert refreshed(saved).details == f"  {XSS}\n"


def test_an_unknown_reason_is_refused(comment):
    with pytest.raises(ValidationError):
        report(comment, reason=XSS)


def test_two_first_reports_at_once_share_one_open_case(comment, monkeypatch):
    """The second report does not see the first's case (not yet committed), tries to create its
    own, meets the partial unique constraint and joins the first's case."""
    other = ModerationCase.objects.create(
        content_type=registry.content_type_of(comment), object_id=str(comment.pk)
    )
    manager = ModerationCase.objects
    real = manager.select_for_update
    calls = []

    def first_lookup_misses(*args, **kwargs):
        calls.append(1)
        return manager.none() if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(manager, "select_for_update", first_lookup_misses)
    report(comment)
    assert ModerationCase.objects.get() == other
    assert refreshed(other).report_count == 1


def test_the_database_refuses_a_second_open_case(comment):
    ct = registry.content_type_of(comment)
    ModerationCase.objects.create(content_type=ct, object_id=str(comment.pk))
    with pytest.raises(IntegrityError):
        ModerationCase.objects.create(
            content_type=ct, object_id=str(comment.pk), status=CaseStatus.PENDING_REVIEW
        )


# --- who decides --------------------------------------------------------------------------------


def decide(action, actor, case, reason="Breaks the rules."):
    if action == "edit":
        return moderation.decide_edit(actor=actor, case=case, body="Tidied.", reason=reason)
    return getattr(moderation, f"decide_{action}")(actor=actor, case=case, reason=reason)


@pytest.mark.parametrize("action", ["hide", "restore", "edit"])
@pytest.mark.parametrize(
    "who, allowed",
    [("secretariat", True), ("owner", True), ("outsider", False), ("nobody", False)],
)
def test_who_may_decide_on_content_in_a_space(request, comment, action, who, allowed):
    actor = UserFactory() if who == "nobody" else request.getfixturevalue(who)
    case = reported(comment)
    if allowed:
        decide(action, actor, case)
        assert refreshed(case).decided_by == actor
    else:
        with pytest.raises(PermissionDenied):
            decide(action, actor, case)
        assert refreshed(case).is_open


def test_a_space_moderator_does_not_decide_outside_their_space(area_comment, owner, secretariat):
    case = reported(area_comment)
    with pytest.raises(PermissionDenied):
        moderation.decide_hide(actor=owner, case=case, reason="No.")
    moderation.decide_hide(actor=secretariat, case=case, reason="Off topic.")


@pytest.mark.parametrize("action", ["hide", "restore", "edit"])
def test_every_decision_needs_a_reason(comment, secretariat, action):
    case = reported(comment)
    with pytest.raises(ValidationError) as error:
        decide(action, secretariat, case, reason="   ")
    assert "reason" in error.value.message_dict
    assert refreshed(case).status == CaseStatus.PENDING_REVIEW


def test_hide_keeps_the_content_hidden_and_audits_the_reason(comment, owner):
    case = moderation.decide_hide(actor=owner, case=reported(comment), reason="Insults.")
    assert case.status == CaseStatus.HIDDEN
    assert (case.decided_by, case.decision_reason) == (owner, "Insults.")
    assert refreshed(comment).moderation_status == ModerationStatus.HIDDEN
    entry = AuditEntry.objects.get(action="community.case.decided")
    assert entry.data == {"decision": "hidden", "reason": "Insults."}
    assert entry.actor == owner


def test_restore_shows_the_content_again(comment, secretariat):
    moderation.decide_restore(actor=secretariat, case=reported(comment), reason="Fair criticism.")
    assert refreshed(comment).moderation_status == ModerationStatus.VISIBLE
    assert ModerationCase.objects.get().status == CaseStatus.RESTORED


def test_edit_shows_the_fixed_text_with_the_moderators_note(comment, secretariat):
    case = reported(comment)
    moderation.decide_edit(
        actor=secretariat, case=case, body="A remark.", reason="Removed a phone number."
    )
    comment.refresh_from_db()
    assert (comment.body, comment.moderation_status) == ("A remark.", ModerationStatus.VISIBLE)
    revision = CommentRevision.objects.get(comment=comment)
    assert (revision.body, revision.moderator_note) == (
        "A *first* remark.",
        "Removed a phone number.",
    )
    assert refreshed(case).status == CaseStatus.EDITED
    assert "community.comment.moderator_edited" in actions(comment)


def test_a_decided_case_is_not_decided_again(comment, secretariat):
    case = moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    with pytest.raises(ValidationError, match="already been decided"):
        moderation.decide_restore(actor=secretariat, case=case, reason="Changed my mind.")


def test_moderators_do_not_decide_on_their_own_content(organisation, owner, secretariat):
    own = services.comment_create(actor=owner, target=organisation, body="Mine.")
    case = reported(own)
    with pytest.raises(ValidationError, match="own content"):
        moderation.decide_restore(actor=owner, case=case, reason="It is fine.")
    moderation.decide_hide(actor=secretariat, case=case, reason="Not fine.")


def test_a_moderator_hides_content_nobody_reported(comment, owner, outsider):
    with pytest.raises(PermissionDenied):
        moderation.content_hide(actor=outsider, content=comment, reason="No.")
    case = moderation.content_hide(actor=owner, content=comment, reason="Doxxing.")
    assert (case.status, case.report_count) == (CaseStatus.HIDDEN, 0)
    assert refreshed(comment).moderation_status == ModerationStatus.HIDDEN


def test_reports_after_a_restore_open_a_new_case(comment, secretariat):
    moderation.decide_restore(actor=secretariat, case=reported(comment), reason="Fine.")
    reported(comment)
    assert list(ModerationCase.objects.order_by("id").values_list("status", flat=True)) == [
        CaseStatus.RESTORED,
        CaseStatus.PENDING_REVIEW,
    ]


# --- sanctions --------------------------------------------------------------------------------


def sanction(actor, user, kind, case=None, until=None, reason="Repeated insults."):
    return moderation.sanction_create(
        actor=actor, user=user, kind=kind, reason=reason, until=until, case=case
    )


def test_platform_moderators_warn_suspend_and_ban(secretariat, author):
    until = timezone.now() + timedelta(days=7)
    sanction(secretariat, author, SanctionKind.WARNING)
    sanction(secretariat, author, SanctionKind.SUSPENSION, until=until)
    sanction(secretariat, author, SanctionKind.BAN)
    assert list(AuditEntry.objects.for_object(author).values_list("action", flat=True)) == [
        "community.user.banned",
        "community.user.suspended",
        "community.user.warned",
    ]
    suspended = AuditEntry.objects.get(action="community.user.suspended")
    assert suspended.data["reason"] == "Repeated insults."
    assert suspended.data["until"].startswith(until.date().isoformat())


def test_space_moderators_may_only_warn_about_their_spaces_cases(comment, author, owner):
    case = reported(comment)
    sanction(owner, author, SanctionKind.WARNING, case=case)
    for kind in (SanctionKind.SUSPENSION, SanctionKind.BAN):
        with pytest.raises(PermissionDenied):
            sanction(owner, author, kind, case=case, until=timezone.now() + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        sanction(owner, author, SanctionKind.WARNING)  # not about a case of theirs


def test_ordinary_users_cannot_sanction(comment, author):
    with pytest.raises(PermissionDenied):
        sanction(UserFactory(), author, SanctionKind.WARNING, case=reported(comment))


def test_a_suspension_needs_a_future_end(secretariat, author):
    with pytest.raises(ValidationError) as error:
        sanction(secretariat, author, SanctionKind.SUSPENSION)
    assert "until" in error.value.message_dict
    with pytest.raises(ValidationError):
        sanction(
            secretariat, author, SanctionKind.SUSPENSION, until=timezone.now() - timedelta(hours=1)
        )
    with pytest.raises(ValidationError) as error:
        sanction(secretariat, author, SanctionKind.BAN, reason=" ")
    assert "reason" in error.value.message_dict


def test_a_suspended_user_cannot_post_until_lifted(organisation, secretariat, author, owner):
    given = sanction(
        secretariat, author, SanctionKind.SUSPENSION, until=timezone.now() + timedelta(days=2)
    )
    with pytest.raises(ValidationError, match="suspended"):
        services.comment_create(actor=author, target=organisation, body="Let me in.")
    with pytest.raises(PermissionDenied):
        moderation.sanction_lift(actor=owner, sanction=given, reason="Sorry.")
    moderation.sanction_lift(actor=secretariat, sanction=given, reason="Apologised.")
    services.comment_create(actor=author, target=organisation, body="Thank you.")
    lifted = AuditEntry.objects.get(action="community.user.sanction_lifted")
    assert lifted.data["reason"] == "Apologised."
    with pytest.raises(ValidationError, match="already lifted"):
        moderation.sanction_lift(actor=secretariat, sanction=given, reason="Again.")


# --- appeals ----------------------------------------------------------------------------------


def test_the_author_appeals_once(comment, author, secretariat):
    case = moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    with pytest.raises(PermissionDenied):
        moderation.appeal_create(actor=UserFactory(), case=case, text="Not theirs.")
    moderation.appeal_create(actor=author, case=case, text="It was a quote.")
    with pytest.raises(ValidationError, match="only once"):
        moderation.appeal_create(actor=author, case=case, text="Again.")
    assert "community.appeal.submitted" in actions(case)


def test_only_a_decision_that_hid_or_edited_can_be_appealed(comment, author, secretariat):
    case = reported(comment)
    with pytest.raises(ValidationError, match="can be appealed"):
        moderation.appeal_create(actor=author, case=case, text="Too early.")
    moderation.decide_restore(actor=secretariat, case=case, reason="Fine.")
    with pytest.raises(ValidationError, match="can be appealed"):
        moderation.appeal_create(actor=author, case=case, text="Nothing to appeal.")


def test_a_granted_appeal_restores_the_content(comment, author, owner, secretariat):
    case = moderation.decide_hide(actor=owner, case=reported(comment), reason="Rude.")
    appeal = moderation.appeal_create(actor=author, case=case, text="It was irony.")
    with pytest.raises(PermissionDenied):  # appeals are the platform moderators'
        moderation.appeal_decide(actor=owner, appeal=appeal, grant=True, note="Yes.")
    with pytest.raises(ValidationError):
        moderation.appeal_decide(actor=secretariat, appeal=appeal, grant=True, note="")
    moderation.appeal_decide(actor=secretariat, appeal=appeal, grant=True, note="Irony, fine.")
    assert refreshed(comment).moderation_status == ModerationStatus.VISIBLE
    case.refresh_from_db()
    assert (case.status, case.decision_reason) == (CaseStatus.RESTORED, "Irony, fine.")
    assert refreshed(appeal).status == AppealStatus.GRANTED
    entry = AuditEntry.objects.get(action="community.appeal.decided")
    assert entry.data["decision"] == AppealStatus.GRANTED
    with pytest.raises(ValidationError, match="already been decided"):
        moderation.appeal_decide(actor=secretariat, appeal=appeal, grant=False, note="No.")


def test_a_rejected_appeal_upholds_the_decision(comment, author, secretariat):
    case = moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    appeal = moderation.appeal_create(actor=author, case=case, text="Please.")
    moderation.appeal_decide(actor=secretariat, appeal=appeal, grant=False, note="Still spam.")
    assert refreshed(comment).moderation_status == ModerationStatus.HIDDEN
    assert refreshed(case).status == CaseStatus.HIDDEN
    assert refreshed(appeal).status == AppealStatus.REJECTED


def test_a_granted_appeal_against_an_edit_brings_the_text_back(comment, author, secretariat):
    case = moderation.decide_edit(
        actor=secretariat, case=reported(comment), body="Shorter.", reason="Too long."
    )
    appeal = moderation.appeal_create(actor=author, case=case, text="Length is fine.")
    moderation.appeal_decide(actor=secretariat, appeal=appeal, grant=True, note="Agreed.")
    assert refreshed(comment).body == "A *first* remark."


# --- notifications of moderation ----------------------------------------------------------------


def test_the_author_is_told_of_each_outcome(comment, author, secretariat):
    case = reported(comment)
    moderation.decide_hide(actor=secretariat, case=case, reason="Insults.")
    moderation.appeal_create(actor=author, case=case, text="Sorry.")
    moderation.sanction_create(
        actor=secretariat,
        user=author,
        kind=SanctionKind.SUSPENSION,
        until=timezone.now() + timedelta(days=3),
        reason="Second time.",
        case=case,
    )
    for entry in AuditEntry.objects.order_by("id"):
        dispatch(entry)
    outcomes = author.notifications.filter(kind="moderation_outcome").order_by("id")
    messages = [message_for(n, language="en") for n in outcomes]
    assert len(messages) == 3
    assert "is hidden until a moderator reviews it" in messages[0]
    assert "A moderator hid your content" in messages[1] and "Insults." in messages[1]
    assert "suspended from discussions until" in messages[2] and "Second time." in messages[2]
    assert all(n.data["url"].startswith("/community/moderation/") for n in outcomes)
    queue = secretariat.notifications.filter(kind="moderation_queue")
    assert {n.data["event"] for n in queue} == {"auto_hidden", "submitted"}


def test_dismissed_reports_below_the_threshold_are_not_told_to_the_author(comment, secretariat):
    moderation.decide_restore(actor=secretariat, case=reported(comment, times=1), reason="Fine.")
    for entry in AuditEntry.objects.all():
        dispatch(entry)
    assert not Notification.objects.filter(kind="moderation_outcome").exists()


def test_space_moderators_hear_of_content_hidden_in_their_space(comment, owner, outsider):
    reported(comment)
    dispatch(AuditEntry.objects.get(action="community.case.auto_hidden"))
    assert owner.notifications.filter(kind="moderation_queue").count() == 1
    assert not outsider.notifications.exists()
