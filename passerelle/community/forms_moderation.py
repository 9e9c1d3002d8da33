"""Forms of the moderation pages. They parse input only; the rules (a reason for every
decision, a future end for a suspension, one appeal) are the services'
(moderation/services.py), whose errors the views show on these forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import CaseStatus, ReportReason, SanctionKind
from .models import Report


def _text(label, *, rows=3, required=True, help_text="", max_length=None):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why are you reporting this?"), choices=ReportReason.choices)
    details = forms.CharField(
        label=_("Details for the moderators (optional)"),
        required=False,
        max_length=Report._meta.get_field("details").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        strip=False,  # stored exactly as written
    )


class DecisionForm(forms.Form):
    """Hide or restore: the reason is required (the service says so too) and the author reads
    it."""

    reason = _text(
        _("Reason"), help_text=_("The author reads it, and it is kept in the audit trail.")
    )


class EditDecisionForm(forms.Form):
    body = _text(_("Corrected text"), rows=8)
    reason = _text(
        _("Note shown with the comment"),
        help_text=_("Readers see it as “edited by a moderator”; the author is told."),
    )


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Sanction"), choices=SanctionKind.choices)
    until = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Required for a suspension."),
    )
    reason = _text(_("Reason"), help_text=_("The person reads it."))

    def __init__(self, *args, warning_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if warning_only:
            # Space moderators may warn; suspensions and bans are the platform moderators'.
            self.fields["kind"].choices = [(SanctionKind.WARNING.value, SanctionKind.WARNING.label)]
            del self.fields["until"]


class LiftForm(forms.Form):
    reason = _text(_("Why is the sanction lifted?"), rows=2)


class AppealForm(forms.Form):
    text = _text(_("Why should the decision change?"), rows=6, max_length=4000)


class AppealDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision on the appeal"),
        choices=[
            ("grant", _("Grant: show the content again as written")),
            ("reject", _("Reject: the decision stands")),
        ],
        widget=forms.RadioSelect,
    )
    note = _text(_("Note to the author"))


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open (reported or hidden pending review)")), *CaseStatus.choices],
    )
