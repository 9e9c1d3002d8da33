"""A donor's profile (its priorities, for a person or an organisation they edit) and the funding
suggestions ranked against it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors

from ..choices import DonorType, donor_type_of
from ..forms.contributions import DonorProfileForm
from ..models import DonorProfile
from ..selectors.suggestions import suggestions
from ..services.donors import DonorProfileData, donor_profile_save

RELATIONS = ("capacity_areas", "gcm_objectives", "regions", "countries")


def _owner(request):
    """The organisation named by ?organisation=<slug> (the person must edit it), or None for
    the person themselves."""
    slug = request.GET.get("organisation")
    if not slug:
        return None
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_role(organisation.pk, MembershipRole.EDITOR):
        raise PermissionDenied
    return organisation


def _profile(user, organisation) -> DonorProfile | None:
    owner = {"organisation": organisation} if organisation is not None else {"person": user}
    return DonorProfile.objects.filter(**owner).prefetch_related(*RELATIONS).first()


def _query(organisation) -> str:
    return f"?organisation={organisation.slug}" if organisation is not None else ""


@login_required
def donor_profile(request):
    organisation = _owner(request)
    profile = _profile(request.user, organisation)
    if request.method == "POST":
        form = DonorProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                donor_profile_save(
                    actor=request.user,
                    organisation=organisation,
                    data=DonorProfileData(
                        donor_type=data["donor_type"],
                        ticket_min=data["ticket_min"],
                        ticket_max=data["ticket_max"],
                        **{name: list(data[name]) for name in RELATIONS},
                    ),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your donor profile is saved."))
                return redirect(reverse("funding:donor_suggestions") + _query(organisation))
        status = 400
    else:
        if profile is not None:
            initial = {
                "donor_type": profile.donor_type,
                "ticket_min": profile.ticket_min,
                "ticket_max": profile.ticket_max,
                **{name: list(getattr(profile, name).all()) for name in RELATIONS},
            }
        else:
            initial = {
                "donor_type": donor_type_of(organisation)
                if organisation is not None
                else DonorType.MIGRANT_INDIVIDUAL
            }
        form, status = DonorProfileForm(initial=initial), 200
    context = {
        "form": form,
        "organisation": organisation,
        "profile": profile,
        "editable": organisations_with_role(user=request.user, role=MembershipRole.EDITOR),
    }
    return render(request, "funding/donor_profile.html", context, status=status)


@login_required
def donor_suggestions(request):
    organisation = _owner(request)
    profile = _profile(request.user, organisation)
    context = {
        "organisation": organisation,
        "profile": profile,
        "profile_url": reverse("funding:donor_profile") + _query(organisation),
        "suggestions": suggestions(user=request.user, profile=profile) if profile else [],
    }
    return render(request, "funding/donor_suggestions.html", context)


urlpatterns = [
    path("donors/profile/", donor_profile, name="donor_profile"),
    path("donors/suggestions/", donor_suggestions, name="donor_suggestions"),
]
