from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import moderation, registry, services
from passerelle.community.choices import (
    OPEN_CASE_STATUSES,
    AppealStatus,
    CaseStatus,
    ModerationStatus,
    SanctionKind,
)
from passerelle.community.models import (
    CommentRevision,
    Follow,
    ModerationCase,
    Notification,
    Report,
    Sanction,
)
from passerelle.community.notifications import dispatch, message_for
from passerelle.core.models import AuditEntry
from passerelle.taxonomy.models import CapacityArea

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"


# --- people and content -----------------------------------------------------------------------


def trusted():
    """A member of an organisation: past the new-account posting limits."""
    return MembershipFactory(role="viewer").user


@pytest.fixture
def author():
    return trusted()


@pytest.fixture
def comment(organisation, author):
    """A comment on `organisation`'s page, whose administrator (`owner`) moderates it."""
    return services.comment_create(actor=author, target=organisation, body="A *first* remark.")


@pytest.fixture
def area_comment(author):
    """A comment on a capacity area: no space moderator, platform moderators only."""
    area = CapacityArea.objects.get(code="BORD")
    return services.comment_create(actor=author, target=area, body="About borders.")


def report(content, reporter=None, reason="spam", details=""):
    return moderation.report_create(
        actor=reporter or UserFactory(), content=content, reason=reason, details=details
    )


def reported(content, times=3) -> ModerationCase:
    for _ in range(times):
        report(content)
    return ModerationCase.objects.get(object_id=str(content.pk), status__in=OPEN_CASE_STATUSES)


def refreshed(obj):
    obj.refresh_from_db()
    return obj


def actions(obj) -> list[str]:
    return list(AuditEntry.objects.for_object(obj).order_by("id").values_list("action", flat=True))


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


# --- hidden everywhere --------------------------------------------------------------------------


def test_hidden_content_leaves_the_page_and_the_api(client, comment, author, organisation):
    reader = UserFactory()
    page = reverse(
        "community:discussion",
        kwargs={
            "content_type_id": registry.content_type_of(organisation).pk,
            "object_id": organisation.pk,
        },
    )
    api = APIClient()
    api.force_authenticate(reader)
    client.force_login(reader)
    assert "first</em> remark" in client.get(page).content.decode()
    assert api.get("/api/v1/comments/").json()["count"] == 1

    reported(comment)
    assert "first</em> remark" not in client.get(page).content.decode()
    assert api.get("/api/v1/comments/").json()["count"] == 0
    assert api.get(f"/api/v1/comments/{comment.pk}/").status_code == 404
    api.force_authenticate(author)  # the author still sees it, marked as hidden
    assert api.get(f"/api/v1/comments/{comment.pk}/").json()["moderation_status"] == (
        ModerationStatus.PENDING_REVIEW
    )


def test_hidden_content_leaves_notifications_and_digests(organisation, author):
    follower = UserFactory()
    Follow.objects.create(
        user=follower,
        content_type=registry.content_type_of(organisation),
        object_id=str(organisation.pk),
    )
    posted = services.comment_create(actor=author, target=organisation, body="News.")
    dispatch(AuditEntry.objects.get(action="community.comment.created", object_id=posted.pk))
    assert Notification.objects.filter(recipient=follower).count() == 1
    reported(posted)
    from passerelle.community.notifications.access import with_availability

    (notification,) = with_availability(follower, list(follower.notifications.all()))
    assert not notification.available


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


# --- pages ------------------------------------------------------------------------------------


QUEUE = reverse("community:moderation_queue")


def case_page(case):
    return reverse("community:moderation_case", kwargs={"pk": case.pk})


def report_page(content):
    return reverse(
        "community:report",
        kwargs={
            "content_type_id": registry.content_type_of(content).pk,
            "object_id": content.pk,
        },
    )


def test_the_queue_is_for_moderators(client, comment, owner, secretariat):
    reported(comment)
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 403
    client.force_login(secretariat)
    assert "A first remark." in client.get(QUEUE).content.decode()
    client.force_login(owner)
    assert "A first remark." in client.get(QUEUE).content.decode()


def test_space_moderators_see_only_their_spaces_cases(client, comment, area_comment, owner):
    reported(comment)
    reported(area_comment)
    client.force_login(owner)
    page = client.get(QUEUE).content.decode()
    assert "A first remark." in page and "About borders." not in page
    assert (
        client.get(case_page(ModerationCase.objects.get(object_id=area_comment.pk))).status_code
        == 404
    )


def test_the_queue_filters_by_status(client, comment, area_comment, secretariat):
    moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    reported(area_comment)
    client.force_login(secretariat)
    assert "About borders." in client.get(QUEUE).content.decode()
    hidden = client.get(QUEUE, {"status": "hidden"}).content.decode()
    assert "A first remark." in hidden and "About borders." not in hidden


def test_the_queue_costs_the_same_queries_for_many_cases(
    client, organisation, secretariat, django_assert_max_num_queries
):
    client.force_login(secretariat)
    area = CapacityArea.objects.get(code="BORD")
    for target in (organisation, area):  # one query per kind of content and of space
        reported(services.comment_create(actor=trusted(), target=target, body=str(target)))
    with django_assert_max_num_queries(16) as few:
        client.get(QUEUE)
    for index in range(8):
        target = area if index % 2 else organisation
        reported(services.comment_create(actor=trusted(), target=target, body=f"More {index}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(QUEUE).status_code == 200


def test_an_xss_payload_in_a_report_shows_as_text(client, comment, secretariat):
    report(comment, details=XSS)
    case = ModerationCase.objects.get()
    client.force_login(secretariat)
    page = client.get(case_page(case)).content.decode()
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert Report.objects.get().details == XSS


def test_the_case_page_shows_context_and_names_reporters_to_platform_moderators(
    client, organisation, author, owner, secretariat
):
    parent = services.comment_create(actor=owner, target=organisation, body="The question.")
    reply = services.comment_create(
        actor=author, target=organisation, body="The answer.", parent=parent
    )
    reporter = UserFactory(full_name="Rita Reporter")
    report(reply, reporter, reason="abuse", details="Rude.")
    case = ModerationCase.objects.get()
    client.force_login(secretariat)
    page = client.get(case_page(case)).content.decode()
    assert "The answer." in page and "The question." in page and "Rude." in page
    assert "Rita Reporter" in page and organisation.name in page
    client.force_login(owner)
    page = client.get(case_page(case)).content.decode()
    assert "Rude." in page and "Rita Reporter" not in page


def test_space_moderators_see_the_authors_history_in_their_space_only(
    client, comment, area_comment, owner, secretariat
):
    moderation.decide_hide(actor=secretariat, case=reported(area_comment), reason="Elsewhere.")
    case = reported(comment)
    client.force_login(owner)
    assert "Elsewhere." not in client.get(case_page(case)).content.decode()
    client.force_login(secretariat)
    assert "Elsewhere." in client.get(case_page(case)).content.decode()


def test_ordinary_users_and_authors_do_not_open_case_pages(client, comment, author):
    case = reported(comment)
    client.force_login(UserFactory())
    assert client.get(case_page(case)).status_code == 404
    client.force_login(author)
    assert client.get(case_page(case)).status_code == 403  # the author has the appeal page


def test_deciding_from_the_case_page(client, comment, secretariat):
    case = reported(comment)
    client.force_login(secretariat)
    url = reverse("community:moderation_case_hide", kwargs={"pk": case.pk})
    refused = client.post(url, {"hide-reason": " "})
    assert refused.status_code == 422 and refreshed(case).is_open
    response = client.post(url, {"hide-reason": "Spam."})
    assert response.status_code == 302 and response["Location"] == case_page(case)
    assert refreshed(case).status == CaseStatus.HIDDEN


def test_sanctioning_from_the_case_page(client, comment, author, owner, secretariat):
    case = reported(comment)
    url = reverse("community:moderation_case_sanction", kwargs={"pk": case.pk})
    client.force_login(owner)
    refused = client.post(url, {"sanction-kind": "ban", "sanction-reason": "Out."})
    assert refused.status_code == 422  # space moderators are offered warnings only
    client.force_login(secretariat)
    refused = client.post(url, {"sanction-kind": "suspension", "sanction-reason": "Out."})
    assert refused.status_code == 422 and "future" not in refused.content.decode()
    until = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url, {"sanction-kind": "suspension", "sanction-until": until, "sanction-reason": "Out."}
    )
    assert response.status_code == 302
    given = Sanction.objects.get()
    lift = reverse(
        "community:moderation_sanction_lift", kwargs={"pk": case.pk, "sanction_pk": given.pk}
    )
    assert client.post(lift, {f"lift-{given.pk}-reason": "Appeal heard."}).status_code == 302
    assert refreshed(given).lifted_at is not None


def test_reporting_through_the_page_and_htmx(client, comment):
    url = report_page(comment)
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "spam", "details": XSS}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Thank you, reported" in response.content.decode()
    assert "<html" not in response.content.decode()
    again = client.post(url, {"reason": "spam"}, headers={"HX-Request": "true"})
    assert again.status_code == 422 and "already reported" in again.content.decode()


def test_hidden_content_cannot_be_reported_by_those_who_no_longer_see_it(client, comment):
    reported(comment)
    client.force_login(UserFactory())
    assert client.get(report_page(comment)).status_code == 404


def test_the_author_appeals_through_the_page(client, comment, author, secretariat):
    case = moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    url = reverse("community:moderation_appeal", kwargs={"pk": case.pk})
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(author)
    page = client.get(url).content.decode()
    assert "Spam." in page and "Appeal this decision" in page
    assert client.post(url, {"text": "It was not."}).status_code == 302
    assert case.appeal.text == "It was not."
    mine = client.get(reverse("community:moderation_mine")).content.decode()
    assert "Awaiting a decision" in mine
    client.force_login(secretariat)
    decide_url = reverse("community:moderation_appeal_decide", kwargs={"pk": case.pk})
    response = client.post(decide_url, {"appeal-decision": "grant", "appeal-note": "Fine."})
    assert response.status_code == 302
    assert refreshed(comment).moderation_status == ModerationStatus.VISIBLE


def test_the_content_hide_page(client, comment, owner, outsider):
    url = reverse(
        "community:moderation_content_hide",
        kwargs={"content_type_id": registry.content_type_of(comment).pk, "object_id": comment.pk},
    )
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(owner)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Doxxing."}).status_code == 302
    assert refreshed(comment).moderation_status == ModerationStatus.HIDDEN


def test_the_moderation_link_shows_for_platform_moderators(client, secretariat):
    client.force_login(UserFactory())
    link = f'href="{QUEUE}"'
    assert link not in client.get(reverse("accounts:dashboard")).content.decode()
    client.force_login(secretariat)
    assert link in client.get(reverse("accounts:dashboard")).content.decode()


# --- API --------------------------------------------------------------------------------------


def api_as(user=None) -> APIClient:
    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    return api


def test_any_registered_user_reports_through_the_api(comment):
    body = {"content_type": "community.comment", "object_id": comment.pk, "reason": "spam"}
    assert api_as().post("/api/v1/reports/", body).status_code in {401, 403}
    reporter = UserFactory()
    response = api_as(reporter).post("/api/v1/reports/", {**body, "details": XSS})
    assert response.status_code == 201, response.json()
    assert response.json()["details"] == XSS
    again = api_as(reporter).post("/api/v1/reports/", body)
    assert again.status_code == 400
    unknown = api_as(reporter).post("/api/v1/reports/", {**body, "object_id": 999999})
    assert unknown.status_code == 404


def test_reports_are_read_by_moderators_only(comment, area_comment, author, owner, secretariat):
    reported(comment)
    reported(area_comment)
    assert api_as().get("/api/v1/reports/").status_code in {401, 403}
    assert api_as(UserFactory()).get("/api/v1/reports/").status_code == 403
    assert api_as(author).get("/api/v1/reports/").status_code == 403
    everything = api_as(secretariat).get("/api/v1/reports/").json()
    assert everything["count"] == 6
    assert everything["results"][0]["reporter"] is not None
    theirs = api_as(owner).get("/api/v1/reports/").json()
    assert theirs["count"] == 3  # their own space only, reporters not named
    assert {r["reporter"] for r in theirs["results"]} == {None}
    first = Report.objects.first()
    assert api_as(UserFactory()).get(f"/api/v1/reports/{first.pk}/").status_code == 403


def test_moderation_cases_api_lists_and_decides(comment, owner, outsider, secretariat):
    case = reported(comment)
    assert api_as(UserFactory()).get("/api/v1/moderation-cases/").status_code == 403
    listed = api_as(secretariat).get("/api/v1/moderation-cases/", {"status": "pending_review"})
    assert [row["excerpt"] for row in listed.json()["results"]] == ["A first remark."]
    decide_url = f"/api/v1/moderation-cases/{case.pk}/decide/"
    assert api_as(outsider).post(decide_url, {"decision": "hide", "reason": "x"}).status_code in {
        403,
        404,
    }
    assert api_as(owner).post(decide_url, {"decision": "hide"}).status_code == 400
    response = api_as(owner).post(decide_url, {"decision": "hide", "reason": "Rude."})
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == CaseStatus.HIDDEN
    edit = api_as(owner).post(decide_url, {"decision": "edit", "reason": "x"})
    assert edit.status_code == 400
