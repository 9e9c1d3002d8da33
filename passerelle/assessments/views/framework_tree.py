"""The structure of a draft version in the browser: its domains, sub-areas and level labels.
Each page loads the version through the selector (a draft is the secretariat's alone) and
requires "edit" on it (published versions never change)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require

from .. import interchange, selectors, services
from ..forms import DomainForm, LevelsForm, SubAreaForm
from ..models import SubArea

DIRECTIONS = {"up", "down"}


def draft_version(request, code: str, version: str):
    version = selectors.version_get(user=request.user, code=code, version=version)
    require(request.user, "edit", version)
    return version


def sub_area_or_404(version, code: str) -> SubArea:
    # Codes are unique in a version; the first by position should an old import have repeated one.
    sub_area = (
        SubArea.objects.select_related("domain__version")
        .filter(domain__version=version, code=code)
        .order_by("position")
        .first()
    )
    if sub_area is None:
        raise Http404
    return sub_area


def _names(obj) -> dict[str, str]:
    return {f"name_{lang}": getattr(obj, f"name_{lang}") for lang in interchange.LANGUAGES}


class _DraftPartView(LoginRequiredMixin, View):
    """A form about one part of a draft version; `save` calls the service and returns the
    anchor of the version page to go back to."""

    template_name = "assessments/framework_part_form.html"
    saved_message = ""

    def dispatch(self, request, code, version, **kwargs):
        if request.user.is_authenticated:
            self.version = draft_version(request, code, version)
            self.load(**kwargs)
        return super().dispatch(request, code=code, version=version, **kwargs)

    def load(self, **kwargs) -> None:
        pass

    def initial(self) -> dict:
        return {}

    def get(self, request, **kwargs):
        return self.render(self.form(initial=self.initial()))

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                anchor = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.saved_message)
                return redirect(f"{self.version.get_absolute_url()}#{anchor}")
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {
            "version": self.version,
            "form": form,
            "title": self.title(),
            "submit": self.submit(),
            "back": f"{self.version.get_absolute_url()}#{self.back_anchor()}",
        }
        return render(self.request, self.template_name, context, status=status)

    def back_anchor(self) -> str:
        return ""


class LevelsEditView(_DraftPartView):
    def form(self, data=None, initial=None):
        return LevelsForm(data, initial=initial, levels=self.version.levels_range)

    def initial(self):
        return {
            f"label_{level.value}_{lang}": getattr(level, f"label_{lang}")
            for level in self.version.levels.all()
            for lang in interchange.LANGUAGES
        }

    def save(self, form) -> str:
        services.levels_update(actor=self.request.user, version=self.version, labels=form.labels())
        self.saved_message = _("The level labels are saved.")
        return ""

    def title(self):
        return _("Level labels of %(version)s") % {"version": self.version}

    def submit(self):
        return _("Save")


class DomainAddView(_DraftPartView):
    def form(self, data=None, initial=None):
        return DomainForm(data, initial=initial, adding=True)

    def save(self, form) -> str:
        domain = services.domain_add(
            actor=self.request.user,
            version=self.version,
            code=form.cleaned_data["code"],
            name=form.names(),
            mgi_domain=form.cleaned_data["mgi_domain"],
        )
        self.saved_message = _("The domain is added.")
        return f"domain-{domain.code}"

    def title(self):
        return _("New domain in %(version)s") % {"version": self.version}

    def submit(self):
        return _("Add the domain")


class DomainEditView(_DraftPartView):
    def load(self, domain):
        self.domain = get_object_or_404(self.version.domains, code=domain)

    def form(self, data=None, initial=None):
        return DomainForm(data, initial=initial, adding=False)

    def initial(self):
        mgi = self.domain.mgi_domain.code if self.domain.mgi_domain_id else None
        return {**_names(self.domain), "mgi_domain": mgi}

    def save(self, form) -> str:
        services.domain_update(
            actor=self.request.user,
            domain=self.domain,
            name=form.names(),
            mgi_domain=form.cleaned_data["mgi_domain"],
        )
        self.saved_message = _("The domain is saved.")
        return self.back_anchor()

    def back_anchor(self):
        return f"domain-{self.domain.code}"

    def title(self):
        return _("Edit domain %(code)s") % {"code": self.domain.code}

    def submit(self):
        return _("Save")


class SubAreaAddView(_DraftPartView):
    def load(self, domain):
        self.domain = get_object_or_404(self.version.domains, code=domain)

    def form(self, data=None, initial=None):
        return SubAreaForm(data, initial=initial, adding=True)

    def save(self, form) -> str:
        sub_area = services.sub_area_add(
            actor=self.request.user,
            domain=self.domain,
            code=form.cleaned_data["code"],
            name=form.names(),
        )
        self.saved_message = _("The sub-area is added.")
        return f"sub-area-{sub_area.code}"

    def back_anchor(self):
        return f"domain-{self.domain.code}"

    def title(self):
        return _("New sub-area in %(code)s %(name)s") % {
            "code": self.domain.code,
            "name": self.domain.name,
        }

    def submit(self):
        return _("Add the sub-area")


class SubAreaEditView(_DraftPartView):
    def load(self, sub_area):
        self.sub_area = sub_area_or_404(self.version, sub_area)

    def form(self, data=None, initial=None):
        return SubAreaForm(data, initial=initial, adding=False)

    def initial(self):
        return _names(self.sub_area)

    def save(self, form) -> str:
        services.sub_area_update(actor=self.request.user, sub_area=self.sub_area, name=form.names())
        self.saved_message = _("The sub-area is saved.")
        return self.back_anchor()

    def back_anchor(self):
        return f"sub-area-{self.sub_area.code}"

    def title(self):
        return _("Edit sub-area %(code)s") % {"code": self.sub_area.code}

    def submit(self):
        return _("Save")


@require_POST
@login_required
def domain_remove(request, code, version, domain):
    version = draft_version(request, code, version)
    domain = get_object_or_404(version.domains, code=domain)
    try:
        services.domain_remove(actor=request.user, domain=domain)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{version.get_absolute_url()}#domain-{domain.code}")
    messages.success(request, _("The domain is removed."))
    return redirect(version.get_absolute_url())


@require_POST
@login_required
def domain_move(request, code, version, domain, direction):
    if direction not in DIRECTIONS:
        raise Http404
    version = draft_version(request, code, version)
    domain = get_object_or_404(version.domains, code=domain)
    services.domain_move(actor=request.user, domain=domain, direction=direction)
    return redirect(f"{version.get_absolute_url()}#domain-{domain.code}")


@require_POST
@login_required
def sub_area_remove(request, code, version, sub_area):
    version = draft_version(request, code, version)
    sub_area = sub_area_or_404(version, sub_area)
    try:
        services.sub_area_remove(actor=request.user, sub_area=sub_area)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{version.get_absolute_url()}#sub-area-{sub_area.code}")
    messages.success(request, _("The sub-area is removed."))
    return redirect(f"{version.get_absolute_url()}#domain-{sub_area.domain.code}")


@require_POST
@login_required
def sub_area_move(request, code, version, sub_area, direction):
    if direction not in DIRECTIONS:
        raise Http404
    version = draft_version(request, code, version)
    sub_area = sub_area_or_404(version, sub_area)
    services.sub_area_move(actor=request.user, sub_area=sub_area, direction=direction)
    return redirect(f"{version.get_absolute_url()}#sub-area-{sub_area.code}")
