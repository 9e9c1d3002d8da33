"""Forms of curation: the curators' choice of peer reviewers and their decisions, a reviewer's
criteria checks and recommendation, and the filters of the curation queue. They parse; the
services decide (who may review, what a submitted review needs, which reasons are required)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import User
from passerelle.core.forms import ReasonForm

from ..choices import ItemKind, Recommendation, Verdict
from ..models import PracticeCall

# The select lists this many people at most (past reviewers first); anyone else is named by
# their e-mail address.
REVIEWER_CHOICES_LIMIT = 100


def eligible_reviewers(item, limit=REVIEWER_CHOICES_LIMIT) -> list[User]:
    """Active people outside the submitting organisation not yet reviewing the current round;
    those who reviewed for the knowledge base before come first."""
    current = item.reviews.filter(round=item.review_round).values("reviewer")
    return list(
        User.objects.filter(is_active=True)
        .exclude(memberships__organisation=item.organisation_id)
        .exclude(pk__in=current)
        .annotate(reviewed=Count("knowledge_reviews", distinct=True))
        .order_by("-reviewed", "full_name", "email")[:limit]
    )


def _person(user) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


class ReviewersForm(forms.Form):
    """Reviewers picked from a list of eligible people, or named by e-mail address."""

    reviewers = forms.ModelMultipleChoiceField(
        label=_("Peer reviewers"),
        queryset=User.objects.filter(is_active=True),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "People who reviewed before come first. Hold Ctrl (or ⌘) to choose several; "
            "type the first letters of a name to find it."
        ),
    )
    emails = forms.CharField(
        label=_("Or their e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
        help_text=_("One per line. They must already have an account."),
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, prefix="reviewers", **kwargs)
        # Only eligible people are offered; any active account validates, so that a member of
        # the submitting organisation named anyway is refused by the service, with its reason.
        self.fields["reviewers"].widget.choices = [
            (person.pk, _person(person)) for person in eligible_reviewers(item)
        ]

    def clean_emails(self) -> list[User]:
        addresses = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n").split()
        addresses = list(dict.fromkeys(a.strip().lower() for a in addresses if a.strip()))
        if not addresses:
            return []
        query = Q(pk__in=[])
        for address in addresses:
            query |= Q(email__iexact=address)
        people = {u.email.lower(): u for u in User.objects.filter(query, is_active=True)}
        unknown = [a for a in addresses if a not in people]
        if unknown:
            raise ValidationError(
                _("No account has this address: %(addresses)s.") % {"addresses": ", ".join(unknown)}
            )
        return [people[a] for a in addresses]

    def people(self) -> list[User]:
        chosen = [*self.cleaned_data["reviewers"], *self.cleaned_data["emails"]]
        return list({person.pk: person for person in chosen}.values())


class PublishForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="publish", **kwargs)
        self.fields["reason"].label = _("Note to the authors (optional)")


class RequestChangesForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="request_changes", **kwargs)
        self.fields["reason"].label = _("What the authors should change (required)")
        self.fields["reason"].widget.attrs["rows"] = 4


class DeclineForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="decline", **kwargs)
        self.fields["reason"].label = _("Why the item is declined (required)")
        self.fields["reason"].widget.attrs["rows"] = 4


class ReviewForm(forms.Form):
    """Every criterion checked (`v<position>`: met, partly met, not met) with a comment
    (`c<position>`), an overall comment and a recommendation. Anything may be left empty while
    the reviewer writes (autosave); submitting asks for all of it."""

    comment = forms.CharField(
        label=_("Comment for the authors"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        required=False,
        help_text=_(
            "What is convincing, what is missing. Required unless you recommend publishing."
        ),
    )
    recommendation = forms.ChoiceField(
        label=_("Your recommendation to the curators"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, checks, **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        for check in self.checks:
            self.fields[f"v{check.position}"] = forms.ChoiceField(
                label=check.label,
                choices=Verdict.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"c{check.position}"] = forms.CharField(
                label=_("Comment on this criterion"),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                required=False,
            )
        # The overall comment and the recommendation come after the criteria.
        self.fields["comment"] = self.fields.pop("comment")
        self.fields["recommendation"] = self.fields.pop("recommendation")

    @classmethod
    def initial_from(cls, review, checks) -> dict:
        initial = {"comment": review.comment, "recommendation": review.recommendation}
        for check in checks:
            initial[f"v{check.position}"] = check.verdict
            initial[f"c{check.position}"] = check.comment
        return initial

    def rows(self):
        """(check, verdict field, comment field) for the template."""
        return [(c, self[f"v{c.position}"], self[f"c{c.position}"]) for c in self.checks]

    def verdicts(self) -> dict[int, tuple[str, str]]:
        return {
            c.position: (self.cleaned_data[f"v{c.position}"], self.cleaned_data[f"c{c.position}"])
            for c in self.checks
        }

    def add_submission_errors(self, error: ValidationError) -> None:
        """A refused submission's reasons, on the fields they are about: a missing verdict on
        each criterion left without one."""
        for field, errors in error.error_dict.items():
            if field == "verdicts":
                empty = [c for c in self.checks if not self.cleaned_data.get(f"v{c.position}")]
                for check in empty:
                    self.add_error(f"v{check.position}", errors)
                if not empty:
                    self.add_error(None, errors)
            else:
                self.add_error(field if field in self.fields else None, errors)


class QueueFilterForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Call for practices"),
        queryset=PracticeCall.objects.order_by("-deadline"),
        required=False,
        empty_label=_("Any call"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any kind")), *ItemKind.choices], required=False
    )
