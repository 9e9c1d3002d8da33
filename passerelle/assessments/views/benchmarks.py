"""The benchmark board: an organisation's targets and where each stands."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404

from .. import selectors, services
from ..choices import BenchmarkStatus, VersionStatus
from ..forms import BenchmarkForm
from ..models import Benchmark, Indicator


def _indicators(organisation):
    """Indicators of the frameworks the organisation has assessed itself on (all published ones
    when it has not yet)."""
    indicators = Indicator.objects.filter(version__status=VersionStatus.PUBLISHED)
    used = organisation.assessments.values("version")
    if used.exists():
        indicators = indicators.filter(version__in=used)
    return indicators.select_related("version__framework").order_by(
        "version__framework__code", "position"
    )


@login_required
def board(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_role(organisation.pk, MembershipRole.VIEWER):
        raise PermissionDenied
    form = None
    status = 200
    can_set = request.user.has_role(organisation.pk, MembershipRole.ADMIN)
    if can_set:
        data = request.POST if request.method == "POST" else None
        form = BenchmarkForm(data, indicators=_indicators(organisation))
    if request.method == "POST":
        if not can_set:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.benchmark_create(
                    actor=request.user, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The target is set."))
                return redirect("assessments:benchmark_board", slug=slug)
        status = 400
    rows = selectors.benchmark_board(user=request.user, organisation=organisation)
    summary = [
        (choice, choice.label, sum(1 for row in rows if row["status"] == choice))
        for choice in BenchmarkStatus
    ]
    context = {
        "organisation": organisation,
        "rows": rows,
        "summary": summary,
        "form": form,
        "can_set": can_set,
    }
    return render(request, "assessments/benchmark_board.html", context, status=status)


@require_POST
@login_required
def benchmark_delete(request, pk):
    benchmark = get_visible_or_404(
        Benchmark.objects.select_related("organisation", "indicator"), request.user, pk=pk
    )
    services.benchmark_delete(actor=request.user, benchmark=benchmark)
    messages.success(request, _("The target is removed."))
    return redirect("assessments:benchmark_board", slug=benchmark.organisation.slug)
