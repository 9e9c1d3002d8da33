"""Pages of the members area: the directory of diaspora organisations (filtered in place with
htmx), an organisation's page and its profile form, the world map with a country's lists beside
it, the members' directory, a member's page, and a person's own profile (edit, erase). A member
is shown only through `profile_view`: a field its owner keeps from the reader never reaches the
template."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from passerelle.accounts.models import Organisation, User
from passerelle.community.selectors import is_following
from passerelle.core.permissions import user_can
from passerelle.core.sections import render_sections
from passerelle.geo.models import Country

from .. import worldmap
from ..choices import DIASPORA_ORGANISATION_TYPES
from ..forms.members import (
    MemberFilterForm,
    MemberProfileForm,
    OrganisationFilterForm,
    OrganisationProfileForm,
    add_service_errors,
)
from ..models import OrganisationProfile
from ..permissions_members import edits_organisation
from ..selectors import members as selectors
from ..services import members as services

PAGE_SIZE = 20
INVALID = 400


def _htmx_or_page(request, partial: str, page: str, context: dict, *, status=200):
    """htmx swaps only the part it asked for; a normal request (or htmx restoring its history)
    gets the whole page."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, partial, context, status=status)
    else:
        response = render(request, page, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# Organisations ------------------------------------------------------------------------------


def directory(request):
    form = OrganisationFilterForm(request.GET)
    context = {"form": form, "page_obj": None}
    status = 200
    if form.is_valid():
        context["page_obj"] = _page(request, selectors.organisation_list(**form.filters()))
    else:
        status = INVALID
    return _htmx_or_page(
        request,
        "diaspora/members/_organisation_results.html",
        "diaspora/members/directory.html",
        context,
        status=status,
    )


def organisation_detail(request, slug):
    profile = selectors.organisation_profile_for(slug)
    if profile is None:
        raise Http404
    organisation = profile.organisation
    context = {
        "profile": profile,
        "organisation": organisation,
        "members": selectors.organisation_members(request.user, profile),
        "can_edit": user_can(request.user, "change", profile),
        "content_type_id": ContentType.objects.get_for_model(Organisation).pk,
        "is_following": is_following(request.user, organisation),
        "sections": render_sections("diaspora_organisation", request, profile),
    }
    return render(request, "diaspora/members/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_profile_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug, type__in=DIASPORA_ORGANISATION_TYPES)
    if not edits_organisation(request.user, organisation):
        raise PermissionDenied
    profile = OrganisationProfile.objects.filter(organisation=organisation).first()
    if request.method == "GET":
        form = OrganisationProfileForm(initial=OrganisationProfileForm.initial_for(profile))
        return _organisation_form(request, organisation, profile, form)
    form = OrganisationProfileForm(request.POST)
    if form.is_valid():
        try:
            profile = services.organisation_profile_save(
                actor=request.user, organisation=organisation, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The diaspora profile is saved."))
            return redirect(profile.get_absolute_url())
    return _organisation_form(request, organisation, profile, form, status=INVALID)


def _organisation_form(request, organisation, profile, form, *, status=200):
    context = {"organisation": organisation, "profile": profile, "form": form}
    return render(
        request, "diaspora/members/organisation_profile_form.html", context, status=status
    )


# The map ------------------------------------------------------------------------------------


def _map_kind(request) -> str | None:
    kind = request.GET.get("by", "residence")
    return kind if kind in selectors.MAP_KINDS else None


def _bad_kind(request):
    message = _("The map is by country of residence or by country of origin.")
    return render(request, "diaspora/members/bad_request.html", {"message": message}, status=400)


def world_map(request):
    kind = _map_kind(request)
    if kind is None:
        return _bad_kind(request)
    counts = selectors.map_counts(kind)
    regions = worldmap.regions({iso3: row["total"] for iso3, row in counts.items()})
    names = {region["iso3"]: region["name"] for region in regions if region["iso3"]}
    table = sorted(
        ({"iso3": iso3, "name": names.get(iso3, iso3), **row} for iso3, row in counts.items()),
        key=lambda row: str(row["name"]),
    )
    context = {
        "kind": kind,
        "regions": regions,
        "table": table,
        "legend": worldmap.legend(),
        "view_box": worldmap.VIEW_BOX,
        "outline": worldmap.OUTLINE,
        "attribution": worldmap.ATTRIBUTION,
        "licence_url": worldmap.LICENCE_URL,
    }
    return render(request, "diaspora/members/map.html", context)


def map_country(request, iso3):
    kind = _map_kind(request)
    if kind is None:
        return _bad_kind(request)
    country = get_object_or_404(Country, iso3=iso3.upper())
    context = {
        "kind": kind,
        "country": country,
        **selectors.country_lists(request.user, kind, country),
    }
    return _htmx_or_page(
        request,
        "diaspora/members/_map_country_panel.html",
        "diaspora/members/map_country.html",
        context,
    )


# Members ------------------------------------------------------------------------------------


def member_list(request):
    form = MemberFilterForm(request.GET)
    context = {"form": form, "page_obj": None, "views": []}
    status = 200
    if form.is_valid():
        page = _page(request, selectors.member_list(viewer=request.user, **form.filters()))
        context.update(page_obj=page, views=selectors.profile_views(request.user, page.object_list))
    else:
        status = INVALID
    return _htmx_or_page(
        request,
        "diaspora/members/_member_results.html",
        "diaspora/members/member_list.html",
        context,
        status=status,
    )


def member_detail(request, pk):
    profile = selectors.member_profile_for(viewer=request.user, pk=pk)
    context = {
        "view": selectors.profile_view(request.user, profile),
        # Following a member is the community module's follow of the person.
        "person": profile.user,
        "content_type_id": ContentType.objects.get_for_model(User).pk,
        "is_following": is_following(request.user, profile.user),
        "sections": render_sections("diaspora_member", request, profile),
    }
    return render(request, "diaspora/members/member_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = selectors.own_profile(request.user)
    if request.method == "GET":
        initial = MemberProfileForm.initial_for(profile) or {"display_name": request.user.full_name}
        return _profile_form(request, profile, MemberProfileForm(initial=initial))
    form = MemberProfileForm(request.POST)
    if form.is_valid():
        try:
            profile = services.member_profile_save(actor=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(profile.get_absolute_url())
    return _profile_form(request, profile, form, status=INVALID)


def _profile_form(request, profile, form, *, status=200):
    return render(
        request,
        "diaspora/members/profile_form.html",
        {"profile": profile, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_delete(request):
    profile = selectors.own_profile(request.user)
    if profile is None:
        raise Http404
    if request.method == "GET":
        return render(request, "diaspora/members/profile_delete.html", {"profile": profile})
    services.member_profile_delete(actor=request.user)
    messages.success(request, _("Your member profile is erased."))
    return redirect("diaspora:member_list")
