"""The organisers' forms for an event's documents; the service checks the file and the rest."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import DocumentKind


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=250)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX, ODT or plain text (.txt), 20 MB at most."),
    )
    url = forms.CharField(
        label=_("Or a link"),
        required=False,
        max_length=200,
        help_text=_("The document's web address, when it is published elsewhere."),
        widget=forms.URLInput,
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        if event is not None and not self.is_bound:
            self.initial.setdefault("language", event.language)
