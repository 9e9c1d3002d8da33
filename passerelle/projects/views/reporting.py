"""Reporting pages: one screen per period with every indicator of the project, saved as the
implementer types (htmx autosave, with a version check) and submitted for approval; the
accountable organisation approves each value or returns it with a comment on the same screen."""

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from passerelle.core import spreadsheets
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, user_can

from .. import interchange, selectors, services
from ..choices import EDITABLE_VALUE_STATUSES, ValueStatus
from ..forms import EvidenceForm, ReturnForm, ValueForm, ValuesUploadForm
from ..models import Indicator, PeriodValue
from ..periods import locks_on
from ..permissions import reports_indicator
from ..services.reporting import entry_closed_reason


def _period_of(request, pk, period):
    project = selectors.project_get(user=request.user, pk=pk)
    return project, get_object_or_404(project.periods, pk=period)


def _may_enter(user, project, row, closed) -> bool:
    value = row.value
    if not (user_can(user, "report", project) and reports_indicator(user, row.indicator, project)):
        return False
    if value is not None and value.status not in EDITABLE_VALUE_STATUSES:
        return False
    returned = value is not None and value.status == ValueStatus.RETURNED
    return not closed or returned


def period_report(request, pk, period, *, forms=None, status=200):
    """The period's screen. `forms` carries forms that were refused, to show them again."""
    project, period = _period_of(request, pk, period)
    user, forms = request.user, forms or {}
    closed = entry_closed_reason(period, project, today=timezone.localdate())
    can_approve = user_can(user, "approve", project)
    rows = []
    for row in selectors.period_sheet(project, period):
        row.may_enter = _may_enter(user, project, row, closed)
        form = None
        if row.may_enter:
            form = forms.get(row.indicator.pk) or ValueForm(
                indicator=row.indicator, initial=ValueForm.initial_for(row.indicator, row.value)
            )
        reviewable = can_approve and row.value is not None and row.value.status == "submitted"
        rows.append({"row": row, "form": form, "reviewable": reviewable})
    periods = list(project.periods.order_by("start"))
    index = next(i for i, p in enumerate(periods) if p.pk == period.pk)
    context = {
        "project": project,
        "period": period,
        "previous": periods[index - 1] if index else None,
        "next": periods[index + 1] if index + 1 < len(periods) else None,
        "rows": rows,
        "closed": closed,
        "locks_on": locks_on(period.end, project.lock_after_days),
        "can_submit": any(item["form"] is not None for item in rows),
        "can_approve": can_approve,
        "waiting": sum(1 for item in rows if item["reviewable"]),
        "return_form": ReturnForm(),
        "member": user_can(user, "report", project) or can_approve
        or user_can(user, "change", project),
    }  # fmt: skip
    return render(request, "projects/period_report.html", context, status=status)


@require_POST
@login_required
def value_save(request, pk, period, indicator):
    """Save one indicator's actual: by autosave (htmx) or the plain form. A save over a newer
    version is a conflict: nothing is written, the newer value is shown, and what the person
    typed stays in the form."""
    project, period = _period_of(request, pk, period)
    indicator = get_object_or_404(
        Indicator.objects.select_related("result"), pk=indicator, result__project=project
    )
    if not (
        user_can(request.user, "report", project)
        and reports_indicator(request.user, indicator, project)
    ):
        raise PermissionDenied
    form = ValueForm(request.POST, indicator=indicator)
    conflict = None
    if form.is_valid():
        try:
            saved = services.value_save(
                actor=request.user,
                indicator=indicator,
                period=period,
                data=services.ValueData(
                    actual=form.cleaned_data.get("actual"),
                    narrative=form.cleaned_data["narrative"],
                    disaggregation=form.disaggregation(),
                    evidence_url=form.cleaned_data["evidence_url"],
                ),
                expected_version=form.cleaned_data["lock_version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except services.ValueConflict as error:
            conflict = error.current
            if conflict is None:  # a version for a value that does not exist: a stale page
                form.add_error(
                    None, _("This value changed while you were editing it: reload the page.")
                )
        else:
            return _saved(request, project, period, indicator, saved)
    if conflict is not None:
        # Keep what the person typed; base their next save on the version they have now seen.
        data = request.POST.copy()
        data[form.add_prefix("lock_version")] = conflict.lock_version
        form = ValueForm(data, indicator=indicator)
        form.is_valid()
    status = 409 if conflict is not None else 422
    if request.htmx:
        context = {
            "project": project, "period": period, "indicator": indicator, "form": form,
            "conflict": conflict,
        }  # fmt: skip
        response = render(request, "projects/_value_form.html", context, status=status)
        return reswap(retarget(response, f"#value-form-{indicator.pk}"), "outerHTML")
    return period_report(request, pk, period.pk, forms={indicator.pk: form}, status=400)


def _saved(request, project, period, indicator, saved):
    if request.htmx:
        # Autosave: the person may still be typing, so the form is left alone; only the status
        # line and the version the next save is based on change (out-of-band swaps).
        context = {"indicator": indicator, "saved": saved}
        return render(request, "projects/_value_saved.html", context)
    messages.success(request, _("Saved."))
    return redirect(f"{period.get_absolute_url()}#indicator-{indicator.pk}")


@require_POST
@login_required
def submit(request, pk, period):
    _project, period = _period_of(request, pk, period)
    try:
        count = services.values_submit(actor=request.user, period=period)
    except ValidationError as error:
        return _refused(request, pk, period, error)
    messages.success(
        request,
        _("%(count)d value(s) submitted for approval.") % {"count": count},
    )
    return redirect(period)


def _value_of(request, pk, value):
    project = selectors.project_get(user=request.user, pk=pk)
    value = get_object_or_404(
        PeriodValue.objects.select_related("period", "indicator"), pk=value,
        period__project=project,
    )  # fmt: skip
    if not user_can(request.user, "approve", project):
        raise PermissionDenied
    return value


def _back_to(value):
    return redirect(f"{value.period.get_absolute_url()}#indicator-{value.indicator_id}")


def _refused(request, pk, period, error: ValidationError):
    """A refused step: the period's screen again, with why."""
    for message in error.messages:
        messages.error(request, message)
    return period_report(request, pk, period.pk, status=400)


@require_POST
@login_required
def approve(request, pk, value):
    value = _value_of(request, pk, value)
    try:
        services.value_approve(actor=request.user, value=value)
    except ValidationError as error:
        return _refused(request, pk, value.period, error)
    messages.success(request, _("Approved: %(indicator)s.") % {"indicator": value.indicator})
    return _back_to(value)


@require_POST
@login_required
def approve_all(request, pk, period):
    project, period = _period_of(request, pk, period)
    if not user_can(request.user, "approve", project):
        raise PermissionDenied
    try:
        count = services.values_approve(actor=request.user, period=period)
    except ValidationError as error:
        return _refused(request, pk, period, error)
    messages.success(request, _("%(count)d value(s) approved.") % {"count": count})
    return redirect(period)


@require_POST
@login_required
def return_value(request, pk, value):
    value = _value_of(request, pk, value)
    form = ReturnForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["comment"])
        services.value_return(actor=request.user, value=value, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        return _refused(request, pk, value.period, error)
    messages.success(
        request, _("Returned with your comment: %(indicator)s.") % {"indicator": value.indicator}
    )
    return _back_to(value)


def _member(user, project) -> bool:
    return any(user_can(user, action, project) for action in ("report", "approve", "change"))


@login_required
def period_export(request, pk, period, extension):
    """The period's sheet, for the project's people (it holds values not yet approved)."""
    project, period = _period_of(request, pk, period)
    if extension not in spreadsheets.EXTENSIONS:
        raise Http404
    if not _member(request.user, project):
        raise PermissionDenied
    columns, rows = interchange.period_rows(period)
    safe = spreadsheets.harmless(rows, columns, extension)
    if extension == "csv":
        content = spreadsheets.to_csv(safe, columns)
    else:
        content = spreadsheets.to_xlsx(safe, f"{period.start:%Y-%m-%d}", columns)
    response = HttpResponse(content, content_type=spreadsheets.CONTENT_TYPES[extension])
    filename = f"project-{project.pk}-{period.start:%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def period_import(request, pk, period):
    """Upload the period's sheet: all rows saved, or none and every problem listed."""
    project, period = _period_of(request, pk, period)
    if not user_can(request.user, "report", project):
        raise PermissionDenied
    form, problems, status = ValuesUploadForm(), [], 200
    if request.method == "POST":
        form = ValuesUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                rows = spreadsheets.read_upload(
                    form.cleaned_data["file"], required=interchange.REQUIRED
                )
                saved = interchange.import_rows(actor=request.user, period=period, rows=rows)
            except ValidationError as error:
                problems = error.messages
            else:
                messages.success(
                    request, _("%(count)d value(s) saved from the sheet.") % {"count": saved}
                )
                return redirect(period)
        status = 400
    context = {"project": project, "period": period, "form": form, "problems": problems}
    return render(request, "projects/period_import.html", context, status=status)


@require_POST
@login_required
def evidence_attach(request, pk, period, indicator):
    """Attach a file as the evidence of one indicator's actual for the period."""
    project, period = _period_of(request, pk, period)
    indicator = get_object_or_404(
        Indicator.objects.select_related("result"), pk=indicator, result__project=project
    )
    if not (user_can(request.user, "report", project)
            and reports_indicator(request.user, indicator, project)):  # fmt: skip
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["file"])
        services.value_evidence_attach(
            actor=request.user, indicator=indicator, period=period,
            upload=form.cleaned_data["file"],
        )  # fmt: skip
    except ValidationError as error:
        return _refused(request, pk, period, error)
    messages.success(request, _("The evidence is attached: %(indicator)s.") % {
        "indicator": indicator.title
    })  # fmt: skip
    return redirect(f"{period.get_absolute_url()}#indicator-{indicator.pk}")


def evidence_download(request, value):
    """A value's evidence file, for whoever may see the value: the project's people, and
    everyone who sees the project once the value is approved."""
    value = get_visible_or_404(
        PeriodValue.objects.select_related("period__project"), request.user, pk=value
    )
    project = selectors.project_get(user=request.user, pk=value.period.project_id)
    if not value.evidence_file or not (
        value.status == ValueStatus.APPROVED or _member(request.user, project)
    ):
        raise Http404
    name = PurePath(value.evidence_file.name).name
    return FileResponse(
        value.evidence_file.open("rb"), as_attachment=True, filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )  # fmt: skip
