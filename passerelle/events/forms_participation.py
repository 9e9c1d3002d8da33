"""The forms of the participation in a session. They parse; the services decide."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation

from .services.participation import QUESTION_LIMIT


class StatementForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Delegation"), queryset=Organisation.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Write the statement here, attach it as a file, or both."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX or ODT."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, organisation_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisation_ids
        ).order_by("name")


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": QUESTION_LIMIT}),
        help_text=_("Up to 1000 characters."),
    )


class PollForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    options = forms.CharField(
        label=_("Answers"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Two to ten answers, one per line."),
    )

    def clean_options(self) -> list[str]:
        return self.cleaned_data["options"].splitlines()


class VoteForm(forms.Form):
    option = forms.TypedChoiceField(
        label=_("Your answer"), coerce=int, widget=forms.RadioSelect, empty_value=None
    )

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = list(enumerate(poll.options))
        self.fields["option"].label = poll.question
