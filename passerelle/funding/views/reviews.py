"""A reviewer's pages: the reviews assigned to me; a review — first the conflict-of-interest
declaration, then every criterion scored 0 to 4 with comments (saved as one types, with htmx),
then submitted. Blind: the other reviews show only once mine is submitted (the policy's rule,
through `Review.objects.visible_to`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can

from .. import permissions, services
from ..choices import ReviewStatus
from ..forms.funds import DeclarationForm, ScoresForm
from ..selectors import funds as selectors


@login_required
def review_list(request):
    reviews = selectors.my_reviews(user=request.user)
    return render(request, "funding/review_list.html", {"reviews": reviews})


def _scores_form(review, criteria, data=None) -> ScoresForm:
    if data is not None:
        return ScoresForm(data, criteria=criteria)
    initial = {"comment": review.comment}
    for criterion_id, score in selectors.review_scores(review).items():
        initial[f"c{criterion_id}"] = score.value
        initial[f"c{criterion_id}_comment"] = score.comment
    return ScoresForm(criteria=criteria, initial=initial)


@login_required
def review_detail(request, pk, *, forms=None, status=200):
    review = selectors.review_get(user=request.user, pk=pk)
    return _render(request, review, forms=forms or {}, status=status)


def _render(request, review, *, forms, status=200):
    user = request.user
    mine = review.reviewer_id == user.pk
    can = {action: user_can(user, action, review) for action in ("declare", "score", "submit")}
    criteria = selectors.call_criteria(review.proposal.call)
    shows_scores = review.status == ReviewStatus.SUBMITTED or not mine
    others = []
    if mine and review.status == ReviewStatus.SUBMITTED:
        others = [
            other
            for other in selectors.proposal_reviews(user=user, proposal=review.proposal)
            if other.pk != review.pk
        ]
    context = {
        "review": review,
        "proposal": review.proposal,
        "mine": mine,
        "can": can,
        "conflict": review.status == ReviewStatus.CONFLICT,
        "declaration_form": forms.get("declaration")
        or (DeclarationForm() if can["declare"] and review.has_conflict is None else None),
        "scores_form": forms.get("scores")
        or (_scores_form(review, criteria) if can["score"] else None),
        "scored": list(review.scores.select_related("criterion__principle"))
        if shows_scores
        else [],
        "late_declaration_form": DeclarationForm(initial={"has_conflict": 1})
        if can["declare"] and review.has_conflict is False
        else None,
        "others": others,
        "names_reviewers": permissions.oversees(user, review.proposal),
    }
    return render(request, "funding/review_detail.html", context, status=status)


@require_POST
@login_required
def review_declare(request, pk):
    review = selectors.review_get(user=request.user, pk=pk)
    require(request.user, "declare", review)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        try:
            services.review_declare(
                actor=request.user,
                review=review,
                has_conflict=form.cleaned_data["has_conflict"],
                statement=form.cleaned_data["conflict_statement"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if form.cleaned_data["has_conflict"]:
                messages.success(
                    request, _("Thank you. The secretariat will find another reviewer.")
                )
                return redirect("funding:review_list")
            messages.success(request, _("Thank you. You may now score the proposal."))
            return redirect("funding:review_detail", pk=review.pk)
    return _render(request, review, forms={"declaration": form}, status=400)


def _save(request, review, form):
    """Save the posted scores; a refusal is put on the form and returns None."""
    if not form.is_valid():
        return None
    try:
        return services.review_save(
            actor=request.user,
            review=review,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@require_POST
@login_required
def review_save(request, pk):
    """Scores saved as the reviewer goes (htmx autosave) or with the plain form. "Submit the
    review" posts the same form with `submit_review`: saved, then submitted. An autosave never
    submits — htmx sends the name of the last button clicked with every request of the form."""
    review = selectors.review_get(user=request.user, pk=pk)
    submitting = "submit_review" in request.POST and not request.htmx
    require(request.user, "submit" if submitting else "score", review)
    criteria = selectors.call_criteria(review.proposal.call)
    form = _scores_form(review, criteria, data=request.POST)
    saved = _save(request, review, form)
    if request.htmx:
        if saved is not None:
            return render(request, "funding/_fund_review_saved.html", {"review": saved})
        context = {"review": review, "scores_form": form}
        response = render(request, "funding/_fund_review_form.html", context, status=422)
        return reswap(retarget(response, "#review-form"), "outerHTML")
    if saved is not None and submitting:
        try:
            services.review_submit(actor=request.user, review=review)
        except ValidationError as error:
            add_service_errors(form, error)
            saved = None
        else:
            messages.success(request, _("Your review is submitted. Thank you."))
            return redirect("funding:review_detail", pk=review.pk)
    if saved is None:
        return _render(request, review, forms={"scores": form}, status=400)
    messages.success(request, _("Your scores are saved. Submit the review once it is complete."))
    return redirect("funding:review_detail", pk=review.pk)


urlpatterns = [
    path("reviews/", review_list, name="review_list"),
    path("reviews/<int:pk>/", review_detail, name="review_detail"),
    path("reviews/<int:pk>/declaration/", review_declare, name="review_declare"),
    path("reviews/<int:pk>/scores/", review_save, name="review_save"),
]
