"""The forms of the course catalogue: the filters of the list, a course (new or edited; its
provider organisation chosen among those the person edits, any for the secretariat) and the
declaration of a completion. The services check the file and the rules across fields."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.taxonomy.models import CapacityArea

from ..choices import CourseFormat
from ..models import Course, CourseCompletion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _model_field(name, **kwargs):
    return Course._meta.get_field(name).formfield(**kwargs)


class CourseFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *settings.LANGUAGES]
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Any")), *CourseFormat.choices]
    )
    capacity_area = forms.ModelChoiceField(
        label=_("Capacity area"),
        required=False,
        queryset=CapacityArea.objects.order_by("name"),
        empty_label=_("Any"),
    )


class CourseForm(forms.Form):
    title = _model_field("title")
    provider = _model_field("provider")
    provider_organisation = forms.ModelChoiceField(
        label=_("Provider on Passerelle"),
        queryset=None,
        required=False,
        help_text=_("Its editors may change the course."),
    )
    description = _model_field("description", widget=forms.Textarea(attrs={"rows": 6}))
    language = _model_field("language")
    format = _model_field("format")
    hours = _model_field("hours")
    url = _model_field(
        "url",
        assume_scheme="https",
        help_text=_("Where to follow the course. Or attach its material."),
    )
    material = forms.FileField(
        label=_("Material"),
        required=False,
        help_text=_("PDF, DOCX, ODT, PPTX or plain text."),
    )
    remove_material = forms.BooleanField(label=_("Remove the attached material"), required=False)
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider_organisation"].queryset = organisations
        if course is None or not course.material:
            del self.fields["remove_material"]

    @staticmethod
    def initial_for(course: Course) -> dict:
        return {
            **{name: getattr(course, name) for name in (
                "title", "provider", "provider_organisation", "description", "language",
                "format", "hours", "url",
            )},
            "capacity_areas": list(course.capacity_areas.all()),
        }  # fmt: skip


class CompletionForm(forms.Form):
    completed_on = CourseCompletion._meta.get_field("completed_on").formfield(widget=DATE)
    is_public = CourseCompletion._meta.get_field("is_public").formfield()
