"""Calls for practices through the services: curators write them (a deadline in the future, at
most ten criteria of their own), open and close them; the daily sweep closes those past their
deadline, once; a closed call takes no practice."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from passerelle.core.models import AuditEntry
from passerelle.knowledge.choices import CallStatus, ItemKind, ItemStatus
from passerelle.knowledge.models import PracticeCall
from passerelle.knowledge.services import calls, items
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


def call_data(**overrides) -> calls.CallData:
    values = {
        "title": "Practices of labour mobility",
        "theme": "Skills partnerships",
        "description": "Practices that match skills and labour demand across borders.",
        "eligibility": "Governments, employers and trade unions.",
        "deadline": timezone.now() + datetime.timedelta(days=20),
        "contact": "mobility@example.org",
        "language": "en",
        "own_criteria": ["Involves employers", "  ", "Decent work conditions"],
        "capacity_areas": [CapacityArea.objects.get(code="WGWS")],
        "gcm_objectives": [GCMObjective.objects.get(number=18)],
    }
    values.update(overrides)
    return calls.CallData(**values)


def past(call, days=1):
    PracticeCall.objects.filter(pk=call.pk).update(
        deadline=timezone.now() - datetime.timedelta(days=days)
    )


def test_a_curator_writes_a_draft_call(curator):
    call = calls.call_create(actor=curator, data=call_data())
    assert call.status == CallStatus.DRAFT and call.created_by == curator
    assert call.own_criteria == ["Involves employers", "Decent work conditions"]
    assert [code for code, _text in call.criteria()][-2:] == ["", ""]
    assert list(call.capacity_areas.values_list("code", flat=True)) == ["WGWS"]
    assert AuditEntry.objects.filter(action="knowledge.practicecall.created").exists()


def test_only_curators_write_calls(editor):
    with pytest.raises(PermissionDenied):
        calls.call_create(actor=fresh(editor), data=call_data())


def test_a_call_needs_its_texts_and_a_future_deadline(curator):
    with pytest.raises(ValidationError) as error:
        calls.call_create(
            actor=curator,
            data=call_data(
                title=" ", contact="", deadline=timezone.now() - datetime.timedelta(hours=1)
            ),
        )
    assert set(error.value.error_dict) == {"title", "contact", "deadline"}
    assert "The deadline must be in the future." in error.value.messages
    assert not PracticeCall.objects.exists()


def test_a_call_adds_at_most_ten_criteria_of_its_own(curator):
    with pytest.raises(ValidationError) as error:
        calls.call_create(
            actor=curator, data=call_data(own_criteria=[f"Criterion {n}" for n in range(11)])
        )
    assert error.value.error_dict.keys() == {"own_criteria"}
    with pytest.raises(ValidationError, match="300"):
        calls.call_create(actor=curator, data=call_data(own_criteria=["x" * 301]))
    call = calls.call_create(
        actor=curator, data=call_data(own_criteria=[f"Criterion {n}" for n in range(10)])
    )
    assert len(call.own_criteria) == 10


def test_an_unknown_language_is_refused(curator):
    with pytest.raises(ValidationError) as error:
        calls.call_create(actor=curator, data=call_data(language="xx"))
    assert "language" in error.value.error_dict


def test_opening_and_closing_a_call(curator):
    call = calls.call_create(actor=curator, data=call_data())
    call = calls.call_open(actor=curator, call=call)
    assert call.status == CallStatus.OPEN and call.opens_at is not None
    with pytest.raises(PermissionDenied):
        calls.call_open(actor=curator, call=call)
    call = calls.call_close(actor=curator, call=call)
    assert call.status == CallStatus.CLOSED
    with pytest.raises(PermissionDenied):
        calls.call_close(actor=curator, call=call)
    with pytest.raises(PermissionDenied):
        calls.call_update(actor=curator, call=call, data=call_data(title="Renamed"))
    actions = AuditEntry.objects.filter(action__startswith="knowledge.practicecall.")
    assert list(actions.order_by("pk").values_list("action", flat=True)) == [
        "knowledge.practicecall.created",
        "knowledge.practicecall.opened",
        "knowledge.practicecall.closed",
    ]


def test_a_call_past_its_deadline_cannot_be_opened(curator):
    call = calls.call_create(actor=curator, data=call_data())
    past(call)
    with pytest.raises(ValidationError, match="The deadline has passed"):
        calls.call_open(actor=curator, call=call)
    assert PracticeCall.objects.get(pk=call.pk).status == CallStatus.DRAFT


def test_only_curators_open_and_close(open_call, editor):
    with pytest.raises(PermissionDenied):
        calls.call_close(actor=fresh(editor), call=open_call)


def test_editing_an_open_call(open_call, curator):
    call = calls.call_update(
        actor=curator, call=open_call, data=call_data(title="Labour mobility, again")
    )
    assert call.title == "Labour mobility, again" and call.status == CallStatus.OPEN


def test_the_sweep_closes_past_deadline_calls_only_and_once(open_call, curator):
    later = calls.call_open(actor=curator, call=calls.call_create(actor=curator, data=call_data()))
    draft = calls.call_create(actor=curator, data=call_data(title="A draft"))
    past(open_call)
    past(draft)
    assert calls.close_past_deadline_calls() == 1
    assert PracticeCall.objects.get(pk=open_call.pk).status == CallStatus.CLOSED
    assert PracticeCall.objects.get(pk=later.pk).status == CallStatus.OPEN
    assert PracticeCall.objects.get(pk=draft.pk).status == CallStatus.DRAFT
    assert calls.close_past_deadline_calls() == 0
    entry = AuditEntry.objects.get(action="knowledge.practicecall.closed")
    assert entry.actor is None and entry.data == {"deadline": True}


def test_the_command_runs_the_sweep(open_call):
    past(open_call)
    out = StringIO()
    call_command("close_past_deadline_practice_calls", stdout=out)
    assert "Closed 1 call past their deadline." in out.getvalue()
    call_command("close_past_deadline_practice_calls", stdout=out)
    assert "Closed 0 calls" in out.getvalue()


def test_a_closed_call_takes_no_practice(open_call, curator, editor, organisation):
    draft = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(), call=open_call,
    )  # fmt: skip
    calls.call_close(actor=curator, call=open_call)
    with pytest.raises(ValidationError, match="not open for submissions"):
        items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
            data=practice_data(title="Another"), call=PracticeCall.objects.get(pk=open_call.pk),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="not open for submissions"):
        items.item_submit(actor=fresh(editor), item=draft)
    assert draft.status == ItemStatus.DRAFT


def test_a_call_past_its_deadline_takes_no_practice_before_the_sweep(
    open_call, editor, organisation
):
    past(open_call, days=0)
    with pytest.raises(ValidationError, match="not open for submissions"):
        items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
            data=practice_data(), call=PracticeCall.objects.get(pk=open_call.pk),
        )  # fmt: skip


def test_a_call_collects_practices_only(open_call, editor, organisation):
    with pytest.raises(ValidationError, match="Calls collect practices only"):
        items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.LESSON,
            data=practice_data(), call=open_call,
        )  # fmt: skip
