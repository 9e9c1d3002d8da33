"""Pages of offers: the public list, writing an offer (for an organisation or in one's own name,
possibly in answer to a request), and its page with the requests it could answer."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import ReasonForm, add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.workflow import Transition, perform_transition

from .. import selectors, services
from ..filters import OfferFilter
from ..forms import OfferForm
from ..matching.explain import explanation_rows
from ..models import Offer
from .requests import PAGE_SIZE


class OfferListView(View):
    template_name = "hub/offer_list.html"

    def get(self, request):
        filterset = OfferFilter(request.GET, queryset=selectors.offer_list(user=request.user))
        if not filterset.is_valid():
            return render(
                request, self.template_name, {"filter": filterset, "page_obj": None}, status=400
            )
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, self.template_name, {"filter": filterset, "page_obj": page})


def _offer_data(form) -> services.OfferData:
    data = form.cleaned_data
    return services.OfferData(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        capacity_areas=list(data["capacity_areas"]),
        gcm_objectives=list(data["gcm_objectives"]),
        support_types=list(data["support_types"]),
        is_global=data["is_global"],
        countries=list(data["countries"]),
        regions=list(data["regions"]),
        languages=data["languages"],
        modality=data["modality"],
        available_from=data["available_from"],
        available_until=data["available_until"],
        max_engagements=data["max_engagements"],
        expert_days=data["expert_days"],
        cost_basis=data["cost_basis"],
        money_amount=data["money_amount"],
        currency=data["currency"],
        in_response_to=data.get("in_response_to"),
    )


class OfferFormView(LoginRequiredMixin, View):
    """Write a new offer (?request=<pk> to answer a request), or change one."""

    template_name = "hub/offer_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.offer, self.answered = None, None

    def dispatch(self, request, pk=None):
        if request.user.is_authenticated:
            if pk is not None:
                self.offer = selectors.offer_get(user=request.user, pk=pk)
                require(request.user, "change", self.offer)
            else:
                self.answered = self._answered_request()
        return super().dispatch(request, pk=pk)

    def _answered_request(self):
        pk = self.request.GET.get("request", "")
        if not pk:
            return None
        if not pk.isdigit():
            raise Http404
        return selectors.request_get(user=self.request.user, pk=pk)

    def organisations(self):
        if self.offer is not None:
            return Organisation.objects.filter(pk=self.offer.organisation_id)
        return organisations_with_role(user=self.request.user, role=MembershipRole.EDITOR)

    def get(self, request, pk=None):
        return self.render(OfferForm(initial=self.initial(), organisations=self.organisations()))

    def post(self, request, pk=None):
        form = OfferForm(request.POST, organisations=self.organisations())
        if form.is_valid():
            try:
                saved = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The offer is saved."))
                return redirect(saved)
        return self.render(form, status=400)

    def save(self, form) -> Offer:
        data = _offer_data(form)
        if self.offer is not None:
            data.in_response_to = self.offer.in_response_to
            return services.offer_update(actor=self.request.user, offer=self.offer, data=data)
        data.in_response_to = self.answered
        return services.offer_create(
            actor=self.request.user,
            organisation=form.organisation(),
            data=data,
            submission_key=form.cleaned_data["submission_key"],
        )

    def initial(self) -> dict:
        offer = self.offer
        if offer is None:
            initial = {"submission_key": uuid.uuid4(), "max_engagements": 1}
            if self.answered is not None:
                initial |= {
                    "capacity_areas": list(self.answered.capacity_areas.all()),
                    "gcm_objectives": list(self.answered.gcm_objectives.all()),
                    "countries": [self.answered.country] if self.answered.country else [],
                    "modality": self.answered.modality,
                    "available_from": self.answered.starts_on,
                }
            return initial
        return {
            "provider": str(offer.organisation_id)
            if offer.organisation_id
            else OfferForm.INDIVIDUAL,
            "title": offer.title,
            "description": offer.description,
            "language": offer.language,
            "support_types": [t.support_type for t in offer.support_types.all()],
            "capacity_areas": list(offer.capacity_areas.all()),
            "gcm_objectives": list(offer.gcm_objectives.all()),
            "is_global": offer.is_global,
            "countries": list(offer.countries.all()),
            "regions": list(offer.regions.all()),
            "languages": ", ".join(offer.languages),
            "modality": offer.modality,
            "available_from": offer.available_from,
            "available_until": offer.available_until,
            "max_engagements": offer.max_engagements,
            "expert_days": offer.expert_days,
            "cost_basis": offer.cost_basis,
            "money_amount": offer.money_amount,
            "currency": offer.currency,
        }

    def render(self, form, status=200):
        context = {"form": form, "offer": self.offer, "answered": self.answered}
        return render(self.request, self.template_name, context, status=status)


class OfferDetailView(View):
    def get(self, request, pk):
        return render_offer(request, selectors.offer_get(user=request.user, pk=pk))


def render_offer(request, offer, status=200):
    user = request.user
    actions = {
        action: user_can(user, action, offer)
        for action in ("change", "publish", "withdraw", "close", "view_matches")
    }
    matches = selectors.matches_of_offer(user=user, offer=offer) if actions["view_matches"] else []
    context = {
        "offer": offer,
        "actions": actions,
        "matches": [(match, explanation_rows(match)) for match in matches],
        "reason_form": ReasonForm(),
    }
    return render(request, "hub/offer_detail.html", context, status=status)


TRANSITIONS = {
    "publish": Transition(
        services.offer_publish, gettext_lazy("The offer is published."), takes_reason=False
    ),
    "withdraw": Transition(services.offer_withdraw, gettext_lazy("The offer is withdrawn.")),
    "close": Transition(services.offer_close, gettext_lazy("The offer is closed.")),
}


@require_POST
@login_required
def offer_transition(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    offer = selectors.offer_get(user=request.user, pk=pk)
    return perform_transition(
        request, offer, TRANSITIONS[action], keyword="offer", page=render_offer
    )
