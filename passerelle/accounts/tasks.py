"""Background work of the accounts app (docs/adr/0005-task-backends-and-retries.md)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from passerelle.core.tasks import retrying_task

from .models import Invitation


@retrying_task()
def send_invitation_email(*, invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    # The invitee has no language preference yet: write in the inviter's.
    language = invitation.invited_by.preferred_language if invitation.invited_by else "en"
    with translation.override(language):
        context = {
            "invitation": invitation,
            "accept_url": settings.SITE_URL
            + reverse("accounts:invitation_accept", kwargs={"token": invitation.token}),
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
