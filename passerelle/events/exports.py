"""The participants of an event as CSV, for its organisers: one row per registration (of the
event itself or of one of its agenda items), with the answers to the event's questions in a
column each. Each export is audited (`events.participants.exported`), since the file holds
personal data. Types and statuses are in the organiser's language; times are in the event's
time zone, as ISO 8601."""

from django.utils import timezone

from passerelle.core import spreadsheets
from passerelle.core.audit import log_action

from .forms import ANSWER_PREFIX

COLUMNS = [
    "name",
    "email",
    "organisation",
    "organisation_type",
    "registration_type",
    "item",
    "status",
    "registered_on",
    "checked_in_at",
    "code",
]


def answer_keys(event) -> list[str]:
    return [
        question["key"]
        for question in event.questionnaire
        if isinstance(question, dict) and question.get("key")
    ]


def columns(event) -> list[str]:
    return [*COLUMNS, *(f"{ANSWER_PREFIX}{key}" for key in answer_keys(event))]


def participant_rows(event, registrations) -> list[dict]:
    """`registrations` (of `event`, with their item and organisation) as rows."""
    keys = answer_keys(event)
    rows = []
    for registration in registrations:
        organisation = registration.organisation
        row = {
            "name": registration.name,
            "email": registration.email,
            "organisation": organisation.name if organisation else "",
            "organisation_type": organisation.get_type_display() if organisation else "",
            "registration_type": registration.get_registration_type_display(),
            "item": registration.item.title if registration.item else "",
            "status": registration.get_status_display(),
            "registered_on": _time(registration.created, event),
            "checked_in_at": _time(registration.checked_in_at, event),
            "code": registration.code,
        }
        answers = registration.answers or {}
        row.update({f"{ANSWER_PREFIX}{key}": str(answers.get(key, "")) for key in keys})
        rows.append(row)
    return rows


def participants_csv(*, actor, event, registrations) -> bytes:
    """The rows as CSV, with cells that a spreadsheet would run as formulas made harmless; the
    export is recorded in the audit trail with the number of rows."""
    header = columns(event)
    rows = participant_rows(event, registrations)
    content = spreadsheets.to_csv(spreadsheets.harmless(rows, header, "csv"), header)
    log_action(actor, event, "events.participants.exported", {"rows": len(rows)})
    return content


def _time(value, event) -> str:
    if value is None:
        return ""
    return timezone.localtime(value, event.tz).isoformat(timespec="minutes")
