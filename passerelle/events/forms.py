"""Forms of the registration pages: registering (oneself, or a member of one's delegation), the
organisers' filters of the participant list, checking in at the door, and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.accounts.selectors import organisations_with_role

from .choices import RegistrationStatus, RegistrationType
from .models import CODE_LENGTH
from .services.registrations import ANSWER_LIMIT, RegistrationData

ANSWER_PREFIX = "answer_"
NAME_LIMIT = 200
SEARCH_LIMIT = 200
MAX_INVITATIONS = 500


class RegistrationForm(forms.Form):
    """What a person gives to register: how they come, for which organisation, the answers to
    the event's questions and, for a focal point registering a member of their delegation, that
    person's name and e-mail address. `submission` is the form's one-time token: the service
    registers once however many times the form is posted."""

    registration_type = forms.ChoiceField(
        label=_("Registering as"), choices=RegistrationType.choices, widget=forms.RadioSelect
    )
    organisation = forms.ModelChoiceField(
        label=_("Delegation or organisation"),
        queryset=None,
        required=False,
        empty_label=_("None: in my own name"),
        help_text=_("One of the organisations you belong to."),
    )
    on_behalf = forms.BooleanField(
        label=_("Register a member of my delegation"),
        required=False,
        help_text=_(
            "As the focal point of the delegation chosen above, you register someone else. "
            "Your own registration, if you come, is separate."
        ),
    )
    name = forms.CharField(label=_("Their name"), max_length=NAME_LIMIT, required=False)
    email = forms.EmailField(
        label=_("Their e-mail address"),
        required=False,
        help_text=_("Their confirmation and personal code are sent to this address."),
    )
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["organisation"].queryset = organisations_with_role(
            user=user, role=MembershipRole.VIEWER
        )
        # A focal point is an editor of a delegation: only they see the delegation fields.
        self.can_register_others = organisations_with_role(
            user=user, role=MembershipRole.EDITOR
        ).exists()
        self.questions = []
        for question in event.questionnaire:
            key = question.get("key") if isinstance(question, dict) else None
            if not key:
                continue
            name = f"{ANSWER_PREFIX}{key}"
            self.fields[name] = forms.CharField(
                label=question.get("label") or key,
                required=bool(question.get("required")),
                max_length=ANSWER_LIMIT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.questions.append((key, name))

    def main_fields(self) -> list:
        """The fields shown to everyone, in order: the delegation fields come apart."""
        names = ["registration_type", "organisation", *(name for _key, name in self.questions)]
        return [self[name] for name in names]

    def delegation_fields(self) -> list:
        return [self[name] for name in ("on_behalf", "name", "email")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("on_behalf"):
            if not (cleaned.get("name") or "").strip() and "name" not in self.errors:
                self.add_error("name", _("Give the name of the person you register."))
            if not cleaned.get("email") and "email" not in self.errors:
                self.add_error("email", _("Give the e-mail address of the person you register."))
        else:
            # Typed, then unticked: the person registers themselves.
            cleaned["name"], cleaned["email"] = "", ""
        return cleaned

    def registration_data(self) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            registration_type=data["registration_type"],
            organisation=data["organisation"],
            answers={key: data.get(name, "") for key, name in self.questions},
            name=data["name"].strip(),
            email=data["email"],
            submission=data["submission"],
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's errors on their fields. Its `name` and `email` are the delegation
        member's: on a person's own registration they go above the form, as do its `item`
        and `__all__`."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        on_behalf = bool(self.cleaned_data.get("on_behalf"))
        for field, errors in error.error_dict.items():
            shown = field in self.fields and (on_behalf or field not in ("name", "email"))
            self.add_error(field if shown else None, errors)


class ParticipantFilterForm(forms.Form):
    """The organisers' filters of the participant list (and of its CSV export)."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *RegistrationStatus.choices],
        required=False,
    )
    registration_type = forms.ChoiceField(
        label=_("Registered as"),
        choices=[("", _("Any type")), *RegistrationType.choices],
        required=False,
    )
    item = forms.TypedChoiceField(label=_("Registered for"), coerce=int, required=False)
    checked_in = forms.ChoiceField(
        label=_("Checked in"),
        choices=[("", _("Either")), ("yes", _("Checked in")), ("no", _("Not checked in"))],
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("Any type")), *OrganisationType.choices],
        required=False,
    )

    EVENT_ITSELF = 0

    def __init__(self, *args, event, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [
            ("", _("The event or any agenda item")),
            (self.EVENT_ITSELF, _("The event itself")),
            *((item.pk, item.title) for item in items),
        ]
        self.fields["item"].empty_value = None

    def filter(self, registrations):
        """`registrations` narrowed by the valid form."""
        data = self.cleaned_data
        if data["status"]:
            registrations = registrations.filter(status=data["status"])
        if data["registration_type"]:
            registrations = registrations.filter(registration_type=data["registration_type"])
        if data["item"] == self.EVENT_ITSELF:
            registrations = registrations.filter(item__isnull=True)
        elif data["item"] is not None:
            registrations = registrations.filter(item_id=data["item"])
        if data["checked_in"]:
            registrations = registrations.filter(checked_in_at__isnull=data["checked_in"] == "no")
        if data["organisation_type"]:
            registrations = registrations.filter(organisation__type=data["organisation_type"])
        return registrations


def normalise_code(value: str) -> str:
    """A personal code as typed or scanned: letters and digits only, upper case."""
    return "".join(char for char in value.upper() if char.isalnum())


class CheckInSearchForm(forms.Form):
    """Find a person at the door by part of their name or e-mail address, or their code."""

    q = forms.CharField(
        label=_("Name, e-mail address or personal code"), max_length=SEARCH_LIMIT, required=False
    )


class CheckInForm(forms.Form):
    """A personal code, typed or scanned (a scanner types the code and Enter)."""

    code = forms.CharField(
        label=_("Personal code"),
        max_length=40,
        help_text=_("Type the code, or scan the QR code with a scanner."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    # The search the organiser came from, to go back to it; and whether the answer replaces a
    # row of the results (htmx).
    q = forms.CharField(widget=forms.HiddenInput, max_length=SEARCH_LIMIT, required=False)
    row = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise ValidationError(
                _("A personal code has %(length)s letters and digits."),
                params={"length": CODE_LENGTH},
                code="code_length",
            )
        return code


class InvitationForm(forms.Form):
    """E-mail addresses to invite, one a line."""

    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One address a line. Those already invited are left as they are."),
        max_length=MAX_INVITATIONS * 100,
    )

    def clean_emails(self) -> list[str]:
        addresses, wrong = [], []
        for line in self.cleaned_data["emails"].splitlines():
            address = line.strip().strip(",;").strip()
            if not address:
                continue
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
            else:
                addresses.append(address.lower())
        if wrong:
            raise ValidationError(
                _("These lines are not e-mail addresses: %(lines)s"),
                params={"lines": ", ".join(wrong[:20])},
                code="invalid_email",
            )
        if not addresses:
            raise ValidationError(_("Give at least one e-mail address."), code="empty")
        addresses = list(dict.fromkeys(addresses))
        if len(addresses) > MAX_INVITATIONS:
            raise ValidationError(
                _("Invite at most %(limit)s addresses at a time."),
                params={"limit": MAX_INVITATIONS},
                code="too_many",
            )
        return addresses


class InvitationRemoveForm(forms.Form):
    invitation = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
