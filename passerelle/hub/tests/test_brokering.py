"""Brokering: the secretariat introduces, each party answers, an accepted match becomes a
partnership; the request follows (partly matched, matched, in partnership)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from passerelle.community.models import Notification
from passerelle.core.models import AuditEntry
from passerelle.hub import services
from passerelle.hub.matching.weights import matching_settings
from passerelle.hub.models import Match

from .conftest import fresh, requirement

pytestmark = pytest.mark.django_db


@pytest.fixture
def match(make_request, make_offer):
    """A proposal between an open request (expert-days wanted) and a published offer."""
    request = make_request("open")
    offer = make_offer(expert_days=30)
    return Match.objects.create(
        request=request,
        offer=offer,
        score=0.8,
        explanation={"score": 0.8, "values": {}, "weights": {}},
        computed_at=timezone.now(),
        in_request_top=True,
    )


def _introduced(match, broker):
    return services.match_introduce(actor=fresh(broker), match=match, note="You should talk.")


def test_the_secretariat_introduces_the_parties(match, secretariat):
    match = _introduced(match, secretariat)

    assert match.status == "introduced"
    assert match.introduced_by == secretariat
    assert AuditEntry.objects.filter(
        action="hub.match.introduced", object_id=str(match.pk)
    ).exists()


@pytest.mark.parametrize("who", ["editor", "provider_editor", "anonymous_user"])
def test_only_the_secretariat_introduces(match, who, request, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous_user" else fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.match_introduce(actor=actor, match=match)
    match.refresh_from_db()
    assert match.status == "proposed"


def test_both_acceptances_match_the_request(match, secretariat, editor, provider_editor):
    match = _introduced(match, secretariat)

    services.match_decide(actor=fresh(editor), match=match, side="requester", accept=True)
    match.refresh_from_db()
    assert match.status == "introduced"
    services.match_decide(actor=fresh(provider_editor), match=match, side="provider", accept=True)

    match.refresh_from_db()
    assert match.status == "accepted"
    match.request.refresh_from_db()
    # The offer's expert-days cover the only requirement.
    assert match.request.status == "matched"


def test_an_acceptance_that_leaves_a_need_uncovered_partly_matches(
    make_request, make_offer, secretariat, editor, provider_editor
):
    request = make_request(
        "open", requirements=[requirement(), requirement(kind="money", currency="USD")]
    )
    match = Match.objects.create(
        request=request, offer=make_offer(expert_days=10), score=0.7, computed_at=timezone.now()
    )
    _introduced(match, secretariat)
    services.match_decide(actor=fresh(editor), match=match, side="requester", accept=True)
    services.match_decide(actor=fresh(provider_editor), match=match, side="provider", accept=True)

    request.refresh_from_db()
    assert request.status == "partly_matched"


def test_a_decline_needs_a_reason_and_ends_the_match(match, secretariat, provider_editor):
    match = _introduced(match, secretariat)
    with pytest.raises(ValidationError) as error:
        services.match_decide(
            actor=fresh(provider_editor), match=match, side="provider", accept=False
        )
    assert "reason" in error.value.message_dict

    services.match_decide(
        actor=fresh(provider_editor), match=match, side="provider", accept=False,
        reason="Our trainers are booked until next year.",
    )  # fmt: skip

    match.refresh_from_db()
    assert match.status == "declined"
    assert match.provider_reason == "Our trainers are booked until next year."


def test_a_party_answers_only_for_its_side_and_once(match, secretariat, editor):
    match = _introduced(match, secretariat)
    with pytest.raises(ValidationError):
        services.match_decide(actor=fresh(editor), match=match, side="provider", accept=True)

    services.match_decide(actor=fresh(editor), match=match, side="requester", accept=True)
    with pytest.raises((ValidationError, PermissionDenied)):
        services.match_decide(actor=fresh(editor), match=match, side="requester", accept=False,
                              reason="Changed my mind")  # fmt: skip
    match.refresh_from_db()
    assert match.requester_decision == "accepted"


def test_an_accepted_match_becomes_a_partnership(
    match, secretariat, editor, provider_editor, outsider
):
    match = _introduced(match, secretariat)
    services.match_decide(actor=fresh(editor), match=match, side="requester", accept=True)
    with pytest.raises(PermissionDenied):  # not accepted by both yet
        services.match_start_partnership(actor=fresh(editor), match=match)
    services.match_decide(actor=fresh(provider_editor), match=match, side="provider", accept=True)
    with pytest.raises(PermissionDenied):
        services.match_start_partnership(actor=fresh(outsider), match=match)

    services.match_start_partnership(actor=fresh(editor), match=match)

    match.refresh_from_db()
    match.request.refresh_from_db()
    assert match.status == "partnership"
    assert match.request.status == "in_partnership"


def test_the_secretariat_tunes_the_weights(secretariat, django_capture_on_commit_callbacks):
    before = matching_settings().version
    weights = {**matching_settings().weights, "semantic": 40}

    with django_capture_on_commit_callbacks() as callbacks:
        services.weights_update(actor=fresh(secretariat), weights=weights)

    assert matching_settings().version == before + 1
    assert matching_settings().weights["semantic"] == 40
    assert len(callbacks) == 1  # the full re-match is queued


@pytest.mark.parametrize(
    "weights",
    [{"semantic": -1}, {"semantic": 101}, {"unknown": 5}, dict.fromkeys(("areas",), 0)],
)
def test_bad_weights_are_refused_and_nothing_changes(secretariat, weights):
    before = matching_settings()
    bad = {**dict.fromkeys(before.weights, 0), **weights}
    with pytest.raises(ValidationError):
        services.weights_update(actor=fresh(secretariat), weights=bad)
    assert matching_settings().version == before.version


def test_only_the_secretariat_tunes_the_weights(editor):
    with pytest.raises(PermissionDenied):
        services.weights_update(actor=fresh(editor), weights={"areas": 10})


def _recipients(kind) -> set:
    return set(Notification.objects.filter(kind=kind).values_list("recipient", flat=True))


def test_both_parties_hear_of_an_introduction_and_everyone_of_an_answer(
    match, secretariat, editor, provider_editor, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _introduced(match, secretariat)
    assert _recipients("match_introduced") == {editor.pk, provider_editor.pk}

    with django_capture_on_commit_callbacks(execute=True):
        services.match_decide(
            actor=fresh(provider_editor), match=match, side="provider", accept=False,
            reason="Booked.",
        )  # fmt: skip
    assert _recipients("match_decided") == {editor.pk, secretariat.pk}
    assert outsider.pk not in _recipients("match_decided") | _recipients("match_introduced")
    notification = Notification.objects.get(kind="match_decided", recipient=editor)
    assert notification.data["url"] == f"/hub/matches/{match.pk}/"


def test_offers_past_their_availability_are_closed_daily(make_offer):
    import datetime

    ended = make_offer(
        available_from=datetime.date(2025, 1, 1), available_until=datetime.date(2025, 12, 31)
    )
    ongoing = make_offer()

    assert services.offers_close_expired() == 1

    ended.refresh_from_db()
    ongoing.refresh_from_db()
    assert (ended.status, ongoing.status) == ("closed", "published")
    assert AuditEntry.objects.filter(action="hub.offer.expired", object_id=str(ended.pk)).exists()
