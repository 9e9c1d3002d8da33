"""Background work of events (docs/adr/0005-task-backends-and-retries.md)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from passerelle.core.tasks import retrying_task

from .choices import ACTIVE
from .models import Registration


@retrying_task()
def send_registration_email(*, registration_id: int) -> None:
    """The registrant's confirmation (with their personal code), waiting-list notice or
    promotion, whichever their registration is now."""
    registration = (
        Registration.objects.select_related("event", "item", "user", "registered_by")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:  # erased since
        return
    person = registration.user or registration.registered_by
    language = getattr(person, "preferred_language", "") or registration.event.language
    with translation.override(language):
        context = {
            "registration": registration,
            "event": registration.event,
            "url": settings.SITE_URL
            + reverse("events:registration_detail", kwargs={"code": registration.code}),
        }
        subject = render_to_string("events/email/registration_subject.txt", context).strip()
        body = render_to_string("events/email/registration_message.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])


@retrying_task()
def send_event_cancelled_emails(*, event_id: int) -> None:
    """Tell everyone registered (confirmed or waiting) that the event is cancelled, each in
    their language."""
    registrations = Registration.objects.filter(
        event_id=event_id, status__in=ACTIVE
    ).select_related("event", "item", "user", "registered_by")
    for registration in registrations:
        person = registration.user or registration.registered_by
        language = getattr(person, "preferred_language", "") or registration.event.language
        with translation.override(language):
            context = {
                "registration": registration,
                "event": registration.event,
                "url": settings.SITE_URL + registration.event.get_absolute_url(),
            }
            subject = render_to_string("events/email/cancelled_subject.txt", context).strip()
            body = render_to_string("events/email/cancelled_message.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
