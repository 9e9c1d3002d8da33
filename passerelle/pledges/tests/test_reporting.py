"""When reports fall due and the status light, as pure functions, and the database filter that
must agree with them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from passerelle.pledges import reporting, services
from passerelle.pledges.models import Pledge

from .conftest import days, progress

TODAY = date(2026, 6, 15)
SOON = timedelta(days=30)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 15), 6, date(2026, 7, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # February has no 31st
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # nor a leap year's
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 3, 31), 24, date(2028, 3, 31)),
    ],
)
def test_add_months(day, months, expected):
    assert reporting.add_months(day, months) == expected


def test_the_next_report_is_due_an_interval_after_the_last_one():
    due = reporting.next_report_due(
        since=date(2026, 1, 10), interval_months=6, deadline=date(2028, 1, 1),
        completion="limited",
    )  # fmt: skip
    assert due == date(2026, 7, 10)


def test_the_final_report_is_due_on_the_deadline():
    due = reporting.next_report_due(
        since=date(2026, 1, 10), interval_months=6, deadline=date(2026, 3, 1),
        completion="substantial",
    )  # fmt: skip
    assert due == date(2026, 3, 1)


def test_after_the_deadline_reports_keep_their_interval():
    due = reporting.next_report_due(
        since=date(2026, 4, 1), interval_months=3, deadline=date(2026, 3, 1), completion="limited"
    )
    assert due == date(2026, 7, 1)


def test_nothing_is_due_once_complete():
    assert (
        reporting.next_report_due(
            since=TODAY, interval_months=6, deadline=date(2027, 1, 1), completion="complete"
        )
        is None
    )


LIGHTS = [
    # (status, completion, deadline, next report due, light)
    ("published", "limited", date(2027, 1, 1), date(2026, 9, 1), "green"),
    ("published", "limited", date(2027, 1, 1), TODAY + SOON + timedelta(days=1), "green"),
    ("published", "limited", date(2027, 1, 1), TODAY + SOON, "amber"),
    ("published", "not_started", date(2027, 1, 1), TODAY, "amber"),  # due today: not late yet
    ("published", "substantial", date(2027, 1, 1), TODAY - timedelta(days=1), "red"),
    ("published", "substantial", TODAY - timedelta(days=1), date(2026, 9, 1), "red"),  # deadline
    ("published", "complete", TODAY - timedelta(days=100), None, "green"),
    ("draft", "not_started", date(2027, 1, 1), None, None),
    ("closed", "complete", date(2027, 1, 1), None, None),
    ("withdrawn", "limited", date(2027, 1, 1), TODAY - timedelta(days=300), None),
]


@pytest.mark.parametrize("status, completion, deadline, due, light", LIGHTS)
def test_status_light(status, completion, deadline, due, light):
    assert (
        reporting.status_light(
            status=status, completion=completion, deadline=deadline, next_report_due=due,
            today=TODAY, soon=SOON,
        )
        == light
    )  # fmt: skip


@pytest.mark.django_db
def test_the_filter_agrees_with_the_light(make_pledge, editor):
    """Pledges in every light, and out of reporting: each light's filter finds exactly those the
    pure function gives that light."""
    on_track = make_pledge("published", pledged_on=days(-10))
    due_soon = make_pledge("published", pledged_on=days(-170))
    overdue = make_pledge("published", pledged_on=days(-200))
    complete = make_pledge("published", pledged_on=days(-30))
    services.progress_record(
        actor=editor, pledge=complete, data=progress(completion="complete", value_reached=200)
    )
    make_pledge("draft")
    make_pledge("closed")
    make_pledge("withdrawn")
    pledges = list(Pledge.objects.all())
    assert {p.pk: p.light for p in pledges if p.light} == {
        on_track.pk: "green", due_soon.pk: "amber", overdue.pk: "red", complete.pk: "green",
    }  # fmt: skip
    for light in ("green", "amber", "red"):
        found = Pledge.objects.filter(
            reporting.light_q(light, today=timezone.localdate(), soon=reporting.due_soon())
        )
        assert {p.pk for p in found} == {p.pk for p in pledges if p.light == light}, light
