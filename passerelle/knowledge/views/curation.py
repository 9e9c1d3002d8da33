"""Curation pages: the curators' panel on an item's page (its reviewers round by round, assigning
more, and the decision: publish, request changes, decline), the curation queue; a reviewer's
list of reviews and the review itself — the item's texts beside each criterion to check, saved as
one writes (htmx) and submitted once complete. Reviews are blind: a reviewer reads only their own
(the door, `Review.objects.visible_to`, says so)."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from passerelle.community import markdown
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.workflow import Transition, perform_transition

from .. import selectors
from ..choices import ItemStatus, Recommendation, ReviewStatus
from ..forms.curation import (
    DeclineForm,
    PublishForm,
    QueueFilterForm,
    RequestChangesForm,
    ReviewersForm,
    ReviewForm,
)
from ..models import SECTIONS, Item, Review
from ..permissions import is_curator
from ..services import reviews as services

DECISIONS = ("assign_reviewers", "publish", "request_changes", "decline")
DECISION_FORMS = {
    "publish": PublishForm,
    "request_changes": RequestChangesForm,
    "decline": DeclineForm,
}
# Bound forms of a refused step, shown again in the panel when the item's page is rendered
# for the same request.
_BOUND_FORMS = "_knowledge_curation_forms"


# --- the curators' panel on an item's page -----------------------------------------------------


def curation_context(request, item) -> dict | None:
    """What a curator sees and does on `item`'s page (`knowledge/_curation_panel.html`, as
    `curation`); None when the reader is no curator or nothing is left to do."""
    user = request.user
    if not is_curator(user):
        return None
    can = {action: user_can(user, action, item) for action in DECISIONS}
    if not any(can.values()):
        return None
    reviews = list(
        Review.objects.visible_to(user)
        .filter(item=item)
        .select_related("reviewer")
        .order_by("-round", "created", "pk")
    )
    rounds = [(number, list(group)) for number, group in groupby(reviews, lambda r: r.round)]
    current = [r for r in reviews if r.round == item.review_round]
    submitted = [r for r in current if r.status == ReviewStatus.SUBMITTED]
    recommended = dict.fromkeys(Recommendation.values, 0)
    for review in submitted:
        recommended[review.recommendation] += 1
    bound = getattr(request, _BOUND_FORMS, {})
    return {
        "item": item,
        "can": can,
        "rounds": rounds,
        "current_round": item.review_round,
        "reviews_in": len(submitted),
        "reviews_out": len(current) - len(submitted),
        "recommended": [(label, recommended[value]) for value, label in Recommendation.choices],
        "reviewers_form": bound.get("reviewers")
        or (ReviewersForm(item=item) if can["assign_reviewers"] else None),
        "decision_forms": {
            action: bound.get(action) or (form_class() if can[action] else None)
            for action, form_class in DECISION_FORMS.items()
        },
    }


def _item_page(request, item, *, forms=None, status=400):
    """The item's page again, for a refused step: its messages on top, the panel's forms as
    they were posted."""
    from .items import render_detail  # the item's page imports this module

    setattr(request, _BOUND_FORMS, forms or {})
    return render_detail(request, item, status=status)


@require_POST
@login_required
def reviewers_assign(request, pk):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, "assign_reviewers", item)
    form = ReviewersForm(request.POST, item=item)
    if form.is_valid():
        people = form.people()
        try:
            assigned = services.reviewers_assign(actor=request.user, item=item, reviewers=people)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if assigned:
                messages.success(
                    request,
                    _("Reviewers asked to review: %(names)s.")
                    % {"names": ", ".join(str(review.reviewer) for review in assigned)},
                )
            else:
                messages.info(request, _("They were already reviewing this round."))
            return redirect(item)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _item_page(request, item, forms={"reviewers": form})


STEPS = {
    "publish": Transition(
        services.item_publish, gettext_lazy("Published: everyone can read it now.")
    ),
    "request_changes": Transition(
        services.item_request_changes,
        gettext_lazy("The authors are asked for changes. The reviewers will read their revision."),
    ),
    "decline": Transition(services.item_decline, gettext_lazy("The item is declined.")),
}


def _decide(request, pk, action):
    item = selectors.item_get(user=request.user, pk=pk)
    require(request.user, action, item)

    def page(request, item, status):
        # What the curator wrote comes back, whatever was refused.
        form = DECISION_FORMS[action](request.POST)
        return _item_page(request, item, forms={action: form}, status=status)

    return perform_transition(
        request, item, STEPS[action], keyword="item", page=page, prefix=action
    )


@require_POST
@login_required
def item_publish(request, pk):
    return _decide(request, pk, "publish")


@require_POST
@login_required
def item_request_changes(request, pk):
    return _decide(request, pk, "request_changes")


@require_POST
@login_required
def item_decline(request, pk):
    return _decide(request, pk, "decline")


# --- the curation queue ------------------------------------------------------------------------


@login_required
def curation_queue(request):
    """What waits for the curators: new submissions to give reviewers, items in a first review,
    revisions back from their authors (being re-read), each with its age."""
    if not is_curator(request.user):
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None)
    status = 200
    items = selectors.curation_queue(user=request.user)
    if form.is_bound and not form.is_valid():
        items, status = Item.objects.none(), 400
    elif form.is_bound:
        if form.cleaned_data["call"]:
            items = items.filter(call=form.cleaned_data["call"])
        if form.cleaned_data["kind"]:
            items = items.filter(kind=form.cleaned_data["kind"])
    rows = list(items)
    context = {
        "form": form,
        "count": len(rows),
        "waiting": [i for i in rows if i.status == ItemStatus.SUBMITTED],
        "in_review": [i for i in rows if i.status == ItemStatus.IN_REVIEW and i.review_round <= 1],
        "revised": [i for i in rows if i.status == ItemStatus.IN_REVIEW and i.review_round > 1],
    }
    return render(request, "knowledge/curation_queue.html", context, status=status)


# --- reviewers ---------------------------------------------------------------------------------


def _open(review) -> bool:
    """The review can still be written: the item is in review, in this review's round."""
    return (
        review.status == ReviewStatus.ASSIGNED
        and review.item.status == ItemStatus.IN_REVIEW
        and review.round == review.item.review_round
    )


@login_required
def my_reviews(request):
    reviews = list(selectors.my_reviews(user=request.user))
    context = {
        "to_write": [r for r in reviews if _open(r)],
        "submitted": [r for r in reviews if r.status == ReviewStatus.SUBMITTED],
        "closed": [r for r in reviews if r.status == ReviewStatus.ASSIGNED and not _open(r)],
    }
    return render(request, "knowledge/my_reviews.html", context)


def _sections(item) -> list[tuple[str, str, str]]:
    """(name, label, sanitised HTML) of every section of the item's kind, in the template's
    order; an empty section has no HTML."""
    rows = []
    for name in SECTIONS[item.kind]:
        text = getattr(item, name)
        html = mark_safe(markdown.render(text).html) if text.strip() else ""  # nh3-sanitised
        rows.append((name, Item._meta.get_field(name).verbose_name, html))
    return rows


def _review_page(request, review, *, form=None, status=200):
    user = request.user
    item = review.item
    checks = list(review.checks.order_by("position"))
    can_submit = user_can(user, "submit", review)
    if can_submit and form is None:
        form = ReviewForm(initial=ReviewForm.initial_from(review, checks), checks=checks)
    mine = review.reviewer_id == user.pk
    earlier = []
    if mine:
        earlier = list(
            Review.objects.filter(item=item, reviewer=user, round__lt=review.round)
            .order_by("-round")
        )  # fmt: skip
    context = {
        "review": review,
        "item": item,
        "mine": mine,
        "form": form if can_submit else None,
        "checks": checks,
        "sections": _sections(item),
        "summary": mark_safe(markdown.render(item.summary).html),  # nh3-sanitised
        "names_reviewer": user_can(user, "view_reviewer", review),
        "earlier": earlier,
        "closed": review.status == ReviewStatus.ASSIGNED and not _open(review),
        "in_progress": review.status == ReviewStatus.ASSIGNED and _open(review),
    }
    return render(request, "knowledge/review_form.html", context, status=status)


@login_required
def review(request, pk):
    return _review_page(request, selectors.review_get(user=request.user, pk=pk))


@require_POST
@login_required
def review_save(request, pk):
    """Checks saved as the reviewer goes (htmx autosave) or with the plain form. "Submit my
    review" posts the same form with `submit_review`: saved, then submitted. An autosave never
    submits: htmx sends the name of the last button clicked with every request of the form."""
    review = selectors.review_get(user=request.user, pk=pk)
    require(request.user, "submit", review)
    checks = list(review.checks.order_by("position"))
    form = ReviewForm(request.POST, checks=checks)
    saved = None
    if form.is_valid():
        try:
            saved = services.review_save(
                actor=request.user,
                review=review,
                verdicts=form.verdicts(),
                comment=form.cleaned_data["comment"],
                recommendation=form.cleaned_data["recommendation"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    if request.htmx:
        if saved is not None:
            return render(request, "knowledge/_review_saved.html", {"review": saved})
        context = {"review": review, "form": form}
        response = render(request, "knowledge/_review_form.html", context, status=422)
        return reswap(retarget(response, "#review-form"), "outerHTML")
    if saved is not None and "submit_review" in request.POST:
        try:
            services.review_submit(actor=request.user, review=saved)
        except ValidationError as error:
            form.add_submission_errors(error)
            messages.error(request, _("Your review is saved but not submitted yet: see below."))
            return _review_page(request, review, form=form, status=400)
        messages.success(request, _("Your review is submitted. Thank you."))
        return redirect("knowledge:my_reviews")
    if saved is None:
        return _review_page(request, review, form=form, status=400)
    messages.success(request, _("Your review is saved. Submit it once it is complete."))
    return redirect(review)
