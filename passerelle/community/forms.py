from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import CommentOrder, ReactionKind
from .services import MAX_BODY

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, [link](https://…), > quote. Mention a person or an "
    "organisation with @ and their handle, e.g. @iom."
)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, prefix_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # Several comment forms live on one page (one per reply): keep their ids unique.
        if prefix_id:
            self.auto_id = f"{prefix_id}-%s"


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
    )
    moderator_note = forms.CharField(
        label=_("Moderator's note (shown with the comment)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (required when deleting someone else's comment)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


class ThreadOrderForm(forms.Form):
    comments_order = forms.ChoiceField(
        label=_("Order"), choices=CommentOrder.choices, required=False
    )
