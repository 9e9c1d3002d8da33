from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.core import spreadsheets
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import is_secretariat, require, user_can
from passerelle.core.spreadsheets import CONTENT_TYPES, EXTENSIONS

from .. import interchange, selectors, services
from ..forms import (
    FrameworkForm,
    FrameworkTextsForm,
    IndicatorForm,
    NewIndicatorForm,
    VersionImportForm,
    VersionStartForm,
)
from ..models import FrameworkVersion, Indicator
from .framework_tree import sub_area_or_404


class FrameworkListView(View):
    def get(self, request):
        context = {
            "frameworks": selectors.framework_list(user=request.user),
            "can_create": is_secretariat(request.user),
        }
        return render(request, "assessments/framework_list.html", context)


class FrameworkDetailView(View):
    def get(self, request, code):
        framework = selectors.framework_get(user=request.user, code=code)
        context = {
            "framework": framework,
            "can_manage": user_can(request.user, "manage", framework),
        }
        return render(request, "assessments/framework_detail.html", context)


class FrameworkVersionView(View):
    """A version's whole tree: what each indicator asks and what each level looks like."""

    def get(self, request, code, version):
        version = selectors.version_get(user=request.user, code=code, version=version)
        context = {
            "version": version,
            "framework": version.framework,
            "domains": selectors.version_tree(version),
            "levels": version.levels.all(),
            "counts": selectors.indicator_counts(version),
            "can_publish": user_can(request.user, "publish", version),
            "can_edit": user_can(request.user, "edit", version),
        }
        return render(request, "assessments/framework_version.html", context)


class FrameworkCreateView(LoginRequiredMixin, View):
    template_name = "assessments/framework_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_secretariat(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": FrameworkForm()})

    def post(self, request):
        form = FrameworkForm(request.POST)
        if form.is_valid():
            try:
                framework = services.framework_create(
                    actor=request.user,
                    code=form.cleaned_data["code"],
                    scope=form.cleaned_data["scope"],
                    name=form.texts("name"),
                    description=form.texts("description"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The framework is created: start its first version, or import it from a "
                      "spreadsheet."),
                )  # fmt: skip
                return redirect(framework.get_absolute_url())
        return render(request, self.template_name, {"form": form}, status=400)


class _ManageFrameworkView(LoginRequiredMixin, View):
    """A page of a framework for the secretariat only."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.framework = None

    def dispatch(self, request, code):
        if request.user.is_authenticated:
            self.framework = selectors.framework_get(user=request.user, code=code)
            require(request.user, "manage", self.framework)
        return super().dispatch(request, code)


class FrameworkEditView(_ManageFrameworkView):
    """Rename and redescribe a framework in every language."""

    template_name = "assessments/framework_edit.html"

    def get(self, request, code):
        initial = {
            f"{field}_{lang}": getattr(self.framework, f"{field}_{lang}")
            for field in ("name", "description")
            for lang in interchange.LANGUAGES
        }
        return self.render(FrameworkTextsForm(initial=initial))

    def post(self, request, code):
        form = FrameworkTextsForm(request.POST)
        if form.is_valid():
            try:
                services.framework_update(
                    actor=request.user,
                    framework=self.framework,
                    name=form.texts("name"),
                    description=form.texts("description"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The framework is saved."))
                return redirect(self.framework.get_absolute_url())
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"framework": self.framework, "form": form}
        return render(self.request, self.template_name, context, status=status)


class VersionStartView(_ManageFrameworkView):
    """A new draft version, copied from the latest published one (or empty before any)."""

    template_name = "assessments/version_start.html"

    def get(self, request, code):
        return self.render(self.form())

    def post(self, request, code):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                version = services.version_start(
                    actor=request.user,
                    framework=self.framework,
                    version=form.cleaned_data["version"],
                    scale=form.cleaned_data.get("scale", ""),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The draft version is started. Edit it, then publish it.")
                )
                return redirect(version.get_absolute_url())
        return self.render(form, status=400)

    def form(self, data=None):
        self.source = services.latest_published_version(self.framework)
        return VersionStartForm(data, copies=self.source is not None)

    def render(self, form, status=200):
        context = {"framework": self.framework, "source": self.source, "form": form}
        return render(self.request, self.template_name, context, status=status)


class VersionImportView(LoginRequiredMixin, View):
    template_name = "assessments/version_import.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.framework = None

    def dispatch(self, request, code):
        if request.user.is_authenticated:
            self.framework = selectors.framework_get(user=request.user, code=code)
            require(request.user, "manage", self.framework)
        return super().dispatch(request, code)

    def form(self, data=None, files=None):
        versions = FrameworkVersion.objects.visible_to(self.request.user).filter(
            framework=self.framework
        )
        return VersionImportForm(data, files, versions=versions)

    def get(self, request, code):
        return self.render(self.form())

    def post(self, request, code):
        form = self.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                rows = spreadsheets.read_upload(
                    form.cleaned_data["file"], required=interchange.REQUIRED
                )
                version = services.version_import(
                    actor=request.user,
                    framework=self.framework,
                    version=form.cleaned_data["version"],
                    scale=form.cleaned_data["scale"],
                    previous=form.cleaned_data["previous"],
                    rows=rows,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The draft version is imported. Check it, then publish it.")
                )
                return redirect(version.get_absolute_url())
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"framework": self.framework, "form": form, "columns": interchange.COLUMNS}
        return render(self.request, self.template_name, context, status=status)


class VersionExportView(View):
    """The version as a spreadsheet, to read offline or to edit into a new version."""

    def get(self, request, code, version, extension):
        if extension not in EXTENSIONS:
            raise Http404
        version = selectors.version_get(user=request.user, code=code, version=version)
        rows = interchange.version_rows(version)
        filename = f"{version.framework.code}-{version.version}.{extension}"
        if extension == "csv":
            content = spreadsheets.to_csv(rows, interchange.COLUMNS)
        else:
            content = spreadsheets.to_xlsx(rows, version.framework.code, interchange.COLUMNS)
        response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


@require_POST
@login_required
def version_publish(request, code, version):
    version = selectors.version_get(user=request.user, code=code, version=version)
    services.version_publish(actor=request.user, version=version)
    messages.success(request, _("The version is published. It will not change any more."))
    return redirect(version.get_absolute_url())


def previous_indicators(version):
    """What an indicator of `version` may map to: the previous version's, or None (no choice)."""
    if version.previous_id is None:
        return None
    return Indicator.objects.filter(version=version.previous_id).order_by(
        "sub_area__domain__position", "sub_area__position", "position"
    )


class IndicatorEditView(LoginRequiredMixin, View):
    """Edit one indicator of a draft version (published versions never change)."""

    template_name = "assessments/indicator_form.html"

    def dispatch(self, request, code, version, indicator):
        if request.user.is_authenticated:
            self.version = selectors.version_get(user=request.user, code=code, version=version)
            require(request.user, "edit", self.version)
            self.indicator = get_object_or_404(self.version.indicators, code=indicator)
        return super().dispatch(request, code=code, version=version, indicator=indicator)

    def form(self, data=None, initial=None):
        return IndicatorForm(
            data,
            initial=initial,
            levels=self.version.levels_range,
            previous_indicators=previous_indicators(self.version),
        )

    def get(self, request, **kwargs):
        return self.render(self.form(initial=self.initial()))

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                services.indicator_update(
                    actor=request.user,
                    indicator=self.indicator,
                    texts=form.texts(),
                    applies_to=form.cleaned_data["applies_to"],
                    capacity_areas=form.cleaned_data["capacity_areas"],
                    gcm_objectives=form.cleaned_data["gcm_objectives"],
                    levels=form.level_texts(),
                    maps_to=form.cleaned_data.get("maps_to"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The indicator is saved."))
                url = self.version.get_absolute_url()
                return redirect(f"{url}#indicator-{self.indicator.code}")
        return self.render(form, status=400)

    def initial(self) -> dict:
        indicator = self.indicator
        initial = {
            "applies_to": indicator.applies_to,
            "capacity_areas": list(indicator.capacity_areas.all()),
            "gcm_objectives": list(indicator.gcm_objectives.all()),
            "maps_to": indicator.maps_to_id,
        }
        for lang in interchange.LANGUAGES:
            initial[f"question_{lang}"] = getattr(indicator, f"question_{lang}")
            initial[f"guidance_{lang}"] = getattr(indicator, f"guidance_{lang}")
            for descriptor in indicator.descriptors.all():
                initial[f"level_{descriptor.value}_{lang}"] = getattr(descriptor, f"text_{lang}")
        return initial

    def render(self, form, status=200):
        context = {"version": self.version, "indicator": self.indicator, "form": form}
        return render(self.request, self.template_name, context, status=status)


class IndicatorAddView(LoginRequiredMixin, View):
    """Add an indicator to a sub-area of a draft version."""

    template_name = "assessments/indicator_add.html"

    def dispatch(self, request, code, version, sub_area):
        if request.user.is_authenticated:
            self.version = selectors.version_get(user=request.user, code=code, version=version)
            require(request.user, "edit", self.version)
            self.sub_area = sub_area_or_404(self.version, sub_area)
        return super().dispatch(request, code=code, version=version, sub_area=sub_area)

    def form(self, data=None):
        return NewIndicatorForm(
            data,
            levels=self.version.levels_range,
            previous_indicators=previous_indicators(self.version),
        )

    def get(self, request, **kwargs):
        return self.render(self.form())

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                indicator = services.indicator_add(
                    actor=request.user,
                    sub_area=self.sub_area,
                    code=form.cleaned_data["code"],
                    texts=form.texts(),
                    applies_to=form.cleaned_data["applies_to"],
                    capacity_areas=form.cleaned_data["capacity_areas"],
                    gcm_objectives=form.cleaned_data["gcm_objectives"],
                    levels=form.level_texts(),
                    maps_to=form.cleaned_data.get("maps_to"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The indicator is added."))
                return redirect(f"{self.version.get_absolute_url()}#indicator-{indicator.code}")
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"version": self.version, "sub_area": self.sub_area, "form": form}
        return render(self.request, self.template_name, context, status=status)


def _draft_indicator(request, code, version, indicator):
    version = selectors.version_get(user=request.user, code=code, version=version)
    require(request.user, "edit", version)
    return version, get_object_or_404(version.indicators, code=indicator)


@require_POST
@login_required
def indicator_remove(request, code, version, indicator):
    version, indicator = _draft_indicator(request, code, version, indicator)
    try:
        services.indicator_remove(actor=request.user, indicator=indicator)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{version.get_absolute_url()}#indicator-{indicator.code}")
    messages.success(request, _("The indicator is removed."))
    return redirect(f"{version.get_absolute_url()}#sub-area-{indicator.sub_area.code}")


@require_POST
@login_required
def indicator_move(request, code, version, indicator, direction):
    if direction not in {"up", "down"}:
        raise Http404
    version, indicator = _draft_indicator(request, code, version, indicator)
    services.indicator_move(actor=request.user, indicator=indicator, direction=direction)
    return redirect(f"{version.get_absolute_url()}#indicator-{indicator.code}")
