"""The country pages (after EUDiF's factsheets): the list of countries with their counts, a
country's page with its printable PDF, the contribution form while a call is open, the
contributor's own contributions, and the secretariat's pages: the review queue, the review of one
contribution (accept or reject), the calls, and the confirmation of an entry still current."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require
from passerelle.core.sections import render_sections
from passerelle.events.charts import count_bars
from passerelle.geo.models import Country

from ..choices import ContributionStatus
from ..forms.countries import CallForm, ContributionForm, ReviewForm
from ..models import ContributionCall, FactsheetContribution, FactsheetEntry
from ..permissions_countries import runs_country_pages
from ..selectors import countries as selectors
from ..services import countries as services
from .countries_pdf import factsheet_pdf

T = "diaspora/countries/"


def _country(iso3: str) -> Country:
    """Countries are reference data, public: 404 only for a code that does not exist."""
    return get_object_or_404(Country, iso3=iso3.upper())


def _secretariat_only(request) -> None:
    if not runs_country_pages(request.user):
        raise PermissionDenied


# Public pages ----------------------------------------------------------------------------------


def country_list(request):
    context = {"rows": list(selectors.country_rows()), "call": services.open_call()}
    return render(request, T + "country_list.html", context)


def country_detail(request, iso3):
    country = _country(iso3)
    sheet = selectors.factsheet(country, user=request.user)
    chart = count_bars(
        [(group.country.name, len(group.organisations)) for group in sheet.origin_groups],
        chart_id="diaspora-residence-chart",
        column=_("Organisations"),
    )
    context = {
        "country": country,
        "sheet": sheet,
        "chart": chart,
        "call": services.open_call(),
        "runs_pages": runs_country_pages(request.user),
        "sections": render_sections("diaspora_country", request, country),
    }
    return render(request, T + "country_detail.html", context)


def country_factsheet_pdf(request, iso3):
    country = _country(iso3)
    sheet = selectors.factsheet(country, user=request.user)
    content = factsheet_pdf(
        sheet, url=settings.SITE_URL.rstrip("/") + request.path.replace("factsheet.pdf", "")
    )
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{country.iso3.lower()}-diaspora-factsheet.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def call_list(request):
    calls = list(ContributionCall.objects.visible_to(request.user).order_by("-year"))
    context = {
        "calls": calls,
        "call": services.open_call(),
        "runs_pages": runs_country_pages(request.user),
    }
    return render(request, T + "call_list.html", context)


# Contributing ----------------------------------------------------------------------------------


@login_required
def contribute(request, iso3):
    country = _country(iso3)
    call = services.open_call()
    if call is None:
        context = {
            "country": country,
            "message": _("No call for contributions is open at the moment."),
        }
        return render(request, T + "closed.html", context, status=403)
    if request.method == "POST":
        form = ContributionForm(request.POST, country=country)
        if form.is_valid():
            data = dict(form.cleaned_data)
            entry = data.pop("entry")
            try:
                services.contribution_submit(
                    actor=request.user, country=country, data=data, entry=entry
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Thank you: the secretariat will review your contribution.")
                )
                return redirect("diaspora:my_contributions")
        status = 400
    else:
        initial = {"language": request.LANGUAGE_CODE, "entry": request.GET.get("entry")}
        form, status = ContributionForm(initial=initial, country=country), 200
    context = {"country": country, "call": call, "form": form}
    return render(request, T + "contribute.html", context, status=status)


@login_required
def my_contributions(request):
    contributions = list(selectors.contributions_of(user=request.user))
    return render(request, T + "my_contributions.html", {"contributions": contributions})


@login_required
def contribution_detail(request, pk):
    contribution = _contribution(request, pk)
    return _detail(request, contribution, ReviewForm())


def _contribution(request, pk) -> FactsheetContribution:
    queryset = FactsheetContribution.objects.select_related(
        "call", "country", "entry", "contributor", "reviewed_by"
    )
    return get_visible_or_404(queryset, request.user, pk=pk)


def _detail(request, contribution, form, status=200):
    context = {
        "contribution": contribution,
        "form": form,
        "may_review": runs_country_pages(request.user)
        and contribution.status == ContributionStatus.SUBMITTED,
    }
    return render(request, T + "contribution_detail.html", context, status=status)


# The secretariat -------------------------------------------------------------------------------


@login_required
def contribution_queue(request):
    _secretariat_only(request)
    contributions = list(selectors.contribution_queue(user=request.user))
    context = {"contributions": contributions, "form": ReviewForm()}
    return render(request, T + "contribution_queue.html", context)


def _review(request, pk, service, done_message):
    contribution = _contribution(request, pk)
    require(request.user, "review", contribution)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, contribution=contribution, note=form.cleaned_data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect("diaspora:contribution_queue")
    return _detail(request, contribution, form, status=400)


@login_required
@require_POST
def contribution_accept(request, pk):
    return _review(request, pk, services.contribution_accept, _("The contribution is accepted."))


@login_required
@require_POST
def contribution_reject(request, pk):
    return _review(request, pk, services.contribution_reject, _("The contribution is rejected."))


@login_required
@require_POST
def entry_confirm(request, pk):
    entry = get_visible_or_404(
        FactsheetEntry.objects.select_related("country"), request.user, pk=pk
    )
    require(request.user, "confirm", entry)
    services.entry_confirm(actor=request.user, entry=entry)
    messages.success(request, _("The entry is marked as reviewed this year."))
    return redirect(entry)


@login_required
def call_create(request):
    _secretariat_only(request)
    if request.method == "POST":
        form = CallForm(request.POST)
        if form.is_valid():
            try:
                services.contribution_call_open(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The call for contributions is open."))
                return redirect("diaspora:call_list")
        status = 400
    else:
        form, status = CallForm(initial=CallForm.initial_for_this_year()), 200
    return render(request, T + "call_form.html", {"form": form}, status=status)


@login_required
@require_POST
def call_close(request, pk):
    call = get_visible_or_404(ContributionCall.objects.all(), request.user, pk=pk)
    require(request.user, "close", call)
    try:
        services.contribution_call_close(actor=request.user, call=call)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The call for contributions is closed."))
    return redirect("diaspora:call_list")
