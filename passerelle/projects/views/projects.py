"""Pages of projects: the portfolio, recording a project (from scratch or from an accepted
match), its page (participants, places, results framework with progress, documents, history),
editing it, moving its status, and its documents."""

import mimetypes
import uuid
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can
from passerelle.core.sections import render_row_parts, render_sections
from passerelle.hub import selectors as hub_selectors

from .. import portfolio, selectors, services
from ..choices import NEXT_STATUSES, ParticipantRole, ProjectStatus, Scope
from ..filters import ProjectFilter
from ..forms import (
    ROLE_FIELDS,
    CountryShareFormSet,
    DocumentForm,
    ProjectForm,
    RegionShareFormSet,
    StatusForm,
    shares,
)
from ..models import Document, Project

PAGE_SIZE = 25


class ProjectListView(View):
    """The portfolio: every project the person may see, filtered, with its progress; and the
    same projects counted by country."""

    template_name = "projects/project_list.html"

    def get(self, request):
        filterset = ProjectFilter(request.GET, queryset=selectors.project_list(user=request.user))
        if not filterset.is_valid():
            context = {"filter": filterset, "page_obj": None}
            return render(request, self.template_name, context, status=400)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
        percents = selectors.projects_progress(rows)
        parts = render_row_parts("project_rows", request, rows)
        for project in rows:  # what higher modules show in the row
            project.row_parts = parts.get(project.pk, "")
        context = {
            "filter": filterset,
            "page_obj": page,
            "rows": [(project, percents[project.pk]) for project in rows],
            "by_country": portfolio.by_country(filterset.qs),
            "can_record": _recorders(request.user).exists(),
        }
        return render(request, self.template_name, context)


def _recorders(user):
    """The organisations `user` may record a project for."""
    return organisations_with_role(user=user, role=MembershipRole.EDITOR)


def _project_data(form, countries, regions) -> services.ProjectData:
    data = form.cleaned_data
    return services.ProjectData(
        title=data["title"],
        description=data["description"],
        objectives=data["objectives"],
        language=data["language"],
        planned_start=data["planned_start"],
        planned_end=data["planned_end"],
        actual_start=data["actual_start"],
        actual_end=data["actual_end"],
        scope=data["scope"],
        countries=shares(countries, "country"),
        regions=shares(regions, "region"),
        gcm_objectives=list(data["gcm_objectives"]),
        capacity_areas=list(data["capacity_areas"]),
        guiding_principles=list(data["guiding_principles"]),
        participants=form.participants(),
        dac_sector=data["dac_sector"],
        gender_marker=data["gender_marker"],
        human_rights_marker=data["human_rights_marker"],
        child_marker=data["child_marker"],
        reporting_frequency=data["reporting_frequency"],
        lock_after_days=data["lock_after_days"],
        visibility=data["visibility"],
    )


class ProjectFormView(LoginRequiredMixin, View):
    """Record a new project (with ?match=<id>, from an accepted match), or edit one."""

    template_name = "projects/project_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.project = self.match = None

    def dispatch(self, request, pk=None):
        if request.user.is_authenticated:
            if pk is not None:
                self.project = selectors.project_get(user=request.user, pk=pk)
                require(request.user, "change", self.project)
            elif not _recorders(request.user).exists():
                raise PermissionDenied
            self.match = self._match()
        return super().dispatch(request, pk=pk)

    def _match(self):
        number = self.request.GET.get("match")
        if self.project is not None or not number:
            return None
        if not number.isdigit():
            raise Http404
        match = hub_selectors.match_get(user=self.request.user, pk=int(number))
        require(self.request.user, "start_partnership", match)
        return match

    def get(self, request, pk=None):
        initial = self.initial()
        return self.render(
            self.make_form(initial=initial),
            CountryShareFormSet(prefix="countries", initial=initial.get("countries")),
            RegionShareFormSet(prefix="regions", initial=initial.get("regions")),
        )

    def post(self, request, pk=None):
        form = self.make_form(data=request.POST)
        countries = CountryShareFormSet(request.POST, prefix="countries")
        regions = RegionShareFormSet(request.POST, prefix="regions")
        if form.is_valid() and countries.is_valid() and regions.is_valid():
            try:
                saved = self.save(form, countries, regions)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The project is saved."))
                return redirect(saved)
        return self.render(form, countries, regions, status=400)

    def organisations(self):
        if self.project is not None:
            return Organisation.objects.filter(pk=self.project.organisation_id)
        recorders = _recorders(self.request.user)
        if self.match is not None:  # one of the two parties records it
            parties = [self.match.request.organisation_id, self.match.offer.organisation_id]
            recorders = recorders.filter(pk__in=parties)
        return recorders

    def make_form(self, **kwargs) -> ProjectForm:
        if self.project is not None:
            # The recorder is shown, not posted (a disabled field): it comes from here.
            kwargs.setdefault("initial", {"organisation": self.project.organisation})
        return ProjectForm(
            organisations=self.organisations(), editing=self.project is not None, **kwargs
        )

    def save(self, form, countries, regions) -> Project:
        data = _project_data(form, countries, regions)
        user = self.request.user
        if self.project is not None:
            return services.project_update(actor=user, project=self.project, data=data)
        common = {
            "actor": user,
            "organisation": form.cleaned_data["organisation"],
            "data": data,
            "submission_key": form.cleaned_data["submission_key"],
        }
        common["status"] = form.cleaned_data["status"]
        if self.match is not None:
            return services.project_create_from_match(match=self.match, **common)
        return services.project_create(**common)

    def initial(self) -> dict:
        if self.project is not None:
            return _initial_from_project(self.project)
        if self.match is not None:
            return _initial_from_match(self.match)
        return {"submission_key": uuid.uuid4(), "status": ProjectStatus.PIPELINE}

    def render(self, form, countries, regions, status=200):
        context = {
            "form": form,
            "countries": countries,
            "regions": regions,
            "project": self.project,
            "match": self.match,
        }
        return render(self.request, self.template_name, context, status=status)


def _initial_from_project(project: Project) -> dict:
    initial = {
        name: getattr(project, name)
        for name in (
            "title", "description", "objectives", "language", "planned_start", "planned_end",
            "actual_start", "actual_end", "scope", "dac_sector", "gender_marker",
            "human_rights_marker", "child_marker", "reporting_frequency", "lock_after_days",
            "visibility",
        )
    }  # fmt: skip
    initial["organisation"] = project.organisation
    for name in ("gcm_objectives", "capacity_areas", "guiding_principles"):
        initial[name] = list(getattr(project, name).all())
    for role, name in ROLE_FIELDS.items():
        initial[name] = [p.organisation for p in project.participants.all() if p.role == role]
    initial["countries"] = [
        {"country": share.country, "percentage": share.percentage}
        for share in project.countries.all()
    ]
    initial["regions"] = [
        {"region": share.region, "percentage": share.percentage} for share in project.regions.all()
    ]
    return initial


def _initial_from_match(match) -> dict:
    """What the match already says: the request's title and needs, the requester accountable,
    the provider implementing, the request's places."""
    request = match.request
    provider = match.offer.organisation
    countries = [{"country": request.country}] if request.country_id else []
    return {
        "submission_key": uuid.uuid4(),
        "status": ProjectStatus.PIPELINE,
        "organisation": request.organisation,
        "title": request.title,
        "description": request.description,
        "language": request.language,
        "accountable": [request.organisation],
        "implementing": [provider] if provider is not None else [],
        "gcm_objectives": list(request.gcm_objectives.all()),
        "capacity_areas": list(request.capacity_areas.all()),
        "scope": Scope.NATIONAL if request.country_id else Scope.REGIONAL,
        "countries": countries,
        "regions": [{"region": request.region}] if request.region_id else [],
    }


class ProjectDetailView(View):
    def get(self, request, pk):
        return render_detail(request, selectors.project_get(user=request.user, pk=pk))


def render_detail(request, project, *, status_form=None, status=200):
    user = request.user
    roots, periods = selectors.framework(project)
    can = {
        action: user_can(user, action, project)
        for action in ("change", "change_status", "report", "approve")
    }
    choices = [(s, ProjectStatus(s).label) for s in NEXT_STATUSES[ProjectStatus(project.status)]]
    if can["change_status"] and choices and status_form is None:
        status_form = StatusForm(choices=choices)
    context = {
        "project": project,
        "roles": _participants_by_role(project),
        "roots": roots,
        "percent": selectors.project_percent(roots),
        "periods": periods,
        "current_period": _current(periods),
        "can": can,
        "status_form": status_form if can["change_status"] and choices else None,
        "waiting": selectors.waiting_for_approval(project) if can["approve"] else [],
        "history": selectors.history(project) if can["change"] else [],
        "matches": _matches(request.user, project),
        "sections": render_sections("project", request, project),
    }
    return render(request, "projects/project_detail.html", context, status=status)


def _participants_by_role(project) -> list:
    return [
        (role.label, [p.organisation for p in project.participants.all() if p.role == role])
        for role in ParticipantRole
        if any(p.role == role for p in project.participants.all())
    ]


def _current(periods):
    today = timezone.localdate()
    return next((p for p in periods if p.start <= today <= p.end), None)


def _matches(user, project) -> list:
    """The matches the project came from, each with its request when the person may see it (a
    match is private to its parties; its request may well be public)."""
    requests = {
        r.pk: r
        for r in hub_selectors.request_list(user=user).filter(
            pk__in=[m.request_id for m in project.matches.all()]
        )
    }
    return [(match, requests.get(match.request_id)) for match in project.matches.all()]


@require_POST
@login_required
def status_change(request, pk):
    project = selectors.project_get(user=request.user, pk=pk)
    require(request.user, "change_status", project)
    choices = [(s, ProjectStatus(s).label) for s in NEXT_STATUSES[ProjectStatus(project.status)]]
    form = StatusForm(request.POST, choices=choices)
    if form.is_valid():
        try:
            services.project_set_status(
                actor=request.user,
                project=project,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The project's status has changed."))
            return redirect(project)
    return render_detail(request, project, status_form=form, status=400)


class DocumentCreateView(LoginRequiredMixin, View):
    template_name = "projects/document_form.html"

    def dispatch(self, request, pk):
        if request.user.is_authenticated:
            self.project = selectors.project_get(user=request.user, pk=pk)
            require(request.user, "change", self.project)
        return super().dispatch(request, pk=pk)

    def get(self, request, pk):
        return self.render(DocumentForm(initial={"language": self.project.language}))

    def post(self, request, pk):
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.document_add(
                    actor=request.user,
                    project=self.project,
                    title=data["title"],
                    category=data["category"],
                    language=data["language"],
                    document_date=data["document_date"],
                    upload=data["file"],
                    url=data["url"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The document is attached."))
                return redirect(self.project)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "project": self.project}
        return render(self.request, self.template_name, context, status=status)


def document_download(request, pk):
    """A document's file, served with its project's visibility."""
    document = get_visible_or_404(Document.objects.select_related("project"), request.user, pk=pk)
    if not document.file:
        return redirect(document.url)
    name = PurePath(document.file.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )


@require_POST
@login_required
def document_remove(request, pk):
    document = get_visible_or_404(Document.objects.select_related("project"), request.user, pk=pk)
    project = document.project
    try:
        services.document_remove(actor=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The document is removed."))
    return redirect(project)
