"""Pages of registration. For the person registering: the form (for themselves, or for a member
of their delegation when they are its focal point; `?item=` registers for an agenda item with
seats), their registrations, a registration's page with the personal code and its QR code, the
status and the place on the waiting list, cancelling, downloading and deleting their data, and
the certificate of attendance once checked in. For the organisers: the participant list with
its filters, counts by type of organisation and CSV export, checking in at the door, and the
invitations of an event by invitation only.

Every registration is read through the door (`get_visible_or_404`): someone else's is a 404.
Every write of a registration goes through `services.registrations`, which checks the
permission again."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from passerelle.core.forms import ReasonForm
from passerelle.core.permissions import get_visible_or_404, require, user_can

from .. import certificates, charts, exports, qr
from ..choices import ACTIVE, RegistrationStatus, RegistrationType
from ..forms import (
    CheckInForm,
    CheckInSearchForm,
    InvitationForm,
    InvitationRemoveForm,
    ParticipantFilterForm,
    RegistrationForm,
    normalise_code,
)
from ..models import CODE_LENGTH, AgendaItem, Event, EventInvitation, Registration
from ..permissions import runs
from ..selectors_outcomes import by_organisation_type
from ..services import registrations as services

PAGE_SIZE = 50
SEARCH_RESULTS = 50
INVALID = 422  # htmx swaps it in (base.html's htmx-config): the form comes back with its errors

MAX_ID_DIGITS = 18  # a larger number is no row's, and overflows the database's integers
GET_POST = require_http_methods(["GET", "POST"])


# Reads through the door ----------------------------------------------------------------------


def _event(user, slug) -> Event:
    return get_visible_or_404(Event.objects.select_related("country"), user, slug=slug)


def _managed_event(user, slug, action: str) -> Event:
    """An event the user runs: 404 if they may not see it, 403 if they only may see it."""
    event = _event(user, slug)
    require(user, action, event)
    return event


def _registration(user, code: str) -> Registration:
    return get_visible_or_404(
        Registration.objects.select_related(
            "event__country", "item", "organisation", "user", "registered_by"
        ),
        user,
        code=normalise_code(code),
    )


def _item(request, event) -> AgendaItem | None:
    """The agenda item of `?item=`: one of the event's, with seats; 404 otherwise."""
    raw = request.GET.get("item", "")
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= MAX_ID_DIGITS):
        raise Http404
    item = AgendaItem.objects.visible_to(request.user).filter(event=event, pk=int(raw)).first()
    if item is None or not item.takes_registrations:
        raise Http404
    return item


# Registering ---------------------------------------------------------------------------------


@login_required
@GET_POST
def register(request, slug):
    user = request.user
    event = _event(user, slug)
    item = _item(request, event)
    context = {"event": event, "item": item}
    if not user_can(user, "register", event):  # a draft or a cancelled event
        context["closed"] = services.registration_window_error(event)
        return render(request, "events/registration_form.html", context, status=403)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        event=event,
        user=user,
        initial={"submission": uuid.uuid4()},
    )
    if form.is_bound and form.is_valid():
        try:
            registration = services.register(
                actor=user, event=event, item=item, data=form.registration_data()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            _say_registered(request, registration)
            return redirect("events:registration_detail", code=registration.code)
    context.update(
        form=form,
        closed=services.registration_window_error(event),
        existing=Registration.objects.filter(
            event=event, item=item, user=user, status__in=ACTIVE
        ).first(),
    )
    return render(
        request, "events/registration_form.html", context, status=400 if form.is_bound else 200
    )


def _say_registered(request, registration) -> None:
    own = registration.user_id == request.user.pk
    if registration.status == RegistrationStatus.CONFIRMED:
        if own:
            text = _("You are registered. Your personal code is %(code)s.")
        else:
            text = _("%(name)s is registered. Their personal code is %(code)s.")
    elif own:
        text = _(
            "All seats are taken: you are on the waiting list, number %(position)s. "
            "Seats that free up go to those waiting in turn; you will receive an e-mail."
        )
    else:
        text = _("All seats are taken: %(name)s is on the waiting list, number %(position)s.")
    messages.success(
        request,
        text
        % {
            "name": registration.name,
            "code": registration.code,
            "position": _waiting_position(registration),
        },
    )


def _waiting_position(registration) -> int | None:
    """1 for the first person waiting for a seat of the same place; None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    waiting = Registration.objects.filter(
        event_id=registration.event_id,
        item_id=registration.item_id,
        status=RegistrationStatus.WAITLISTED,
    )
    ahead = waiting.filter(
        Q(created__lt=registration.created)
        | Q(created=registration.created, pk__lt=registration.pk)
    )
    return ahead.count() + 1


@login_required
def my_registrations(request):
    user = request.user
    registrations = (
        Registration.objects.visible_to(user)
        .filter(Q(user=user) | Q(registered_by=user))
        .select_related("event", "item", "organisation")
        .order_by("-event__starts_on", "event__title", "item__starts_at", "created", "pk")
    )
    page = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/my_registrations.html", {"page_obj": page})


@login_required
def registration_detail(request, code):
    return _render_detail(request, _registration(request.user, code))


def _render_detail(request, registration, *, status=200):
    user = request.user
    event = registration.event
    active = registration.status in ACTIVE
    context = {
        "registration": registration,
        "event": event,
        "qr_src": qr.image_src(registration.code) if active else None,
        "position": _waiting_position(registration),
        "answers": _answers(registration),
        "own": registration.user_id == user.pk,
        "can_cancel": active and user_can(user, "cancel", registration),
        "can_download": user_can(user, "download_data", registration),
        "can_delete": user_can(user, "delete_data", registration),
        "is_organiser": runs(user, event),
    }
    return render(request, "events/registration_detail.html", context, status=status)


def _answers(registration) -> list[tuple[str, str]]:
    """(question, answer) of the answered questions, in the questionnaire's order."""
    answers = registration.answers or {}
    labels = {
        question["key"]: question.get("label") or question["key"]
        for question in registration.event.questionnaire
        if isinstance(question, dict) and question.get("key")
    }
    ordered = [key for key in labels if key in answers] + [k for k in answers if k not in labels]
    return [(labels.get(key, key), answers[key]) for key in ordered if answers[key]]


@login_required
@GET_POST
def registration_cancel(request, code):
    user = request.user
    registration = _registration(user, code)
    require(user, "cancel", registration)
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration is already cancelled."))
        return redirect("events:registration_detail", code=registration.code)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.cancel(actor=user, registration=registration, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("The registration is cancelled; its seat goes to the next person waiting.")
        )
        return redirect("events:registration_detail", code=registration.code)
    context = {"registration": registration, "event": registration.event, "form": form}
    return render(
        request, "events/registration_cancel.html", context, status=400 if form.is_bound else 200
    )


@login_required
def registration_data(request, code):
    """What the platform holds about this registration, as a JSON file."""
    user = request.user
    registration = _registration(user, code)
    require(user, "download_data", registration)
    response = JsonResponse(
        _personal_data(registration), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = (
        f'attachment; filename="registration-{registration.code}.json"'
    )
    return response


def _personal_data(registration) -> dict:
    event, item, organisation = registration.event, registration.item, registration.organisation
    return {
        "event": {
            "title": event.title,
            "url": event.get_absolute_url(),
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
        },
        "agenda_item": item and {"title": item.title, "starts_at": item.starts_at},
        "name": registration.name,
        "email": registration.email,
        "organisation": organisation and organisation.name,
        "registration_type": registration.registration_type,
        "status": registration.status,
        "answers": registration.answers,
        "personal_code": registration.code,
        "registered_at": registration.created,
        "registered_by": registration.registered_by and str(registration.registered_by),
        "checked_in_at": registration.checked_in_at,
        "cancelled_at": registration.cancelled_at,
    }


@login_required
@GET_POST
def registration_delete(request, code):
    user = request.user
    registration = _registration(user, code)
    require(user, "delete_data", registration)
    if request.method == "POST":
        services.delete_personal_data(actor=user, registration=registration)
        messages.success(request, _("Your registration and the data it held are deleted."))
        return redirect("events:my_registrations")
    context = {"registration": registration, "event": registration.event}
    return render(request, "events/registration_delete.html", context)


@login_required
def certificate_pdf(request, code):
    user = request.user
    registration = _registration(user, code)
    require(user, "view", registration)
    if registration.checked_in_at is None:
        messages.error(
            request,
            _("The certificate of attendance is ready once you are checked in at the event."),
        )
        return _render_detail(request, registration, status=404)
    response = HttpResponse(
        certificates.certificate_pdf(registration), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="certificate-{registration.code}.pdf"'
    return response


# The organisers' participant list ------------------------------------------------------------


def _participant_filters(request, event) -> ParticipantFilterForm:
    items = list(event.agenda_items.filter(capacity__isnull=False).order_by("starts_at", "pk"))
    return ParticipantFilterForm(request.GET, event=event, items=items)


def _event_registrations(user, event):
    return (
        Registration.objects.visible_to(user)
        .filter(event=event)
        .select_related("item", "organisation")
        .order_by("created", "pk")
    )


@login_required
def participants(request, slug):
    user = request.user
    event = _managed_event(user, slug, "manage_registrations")
    form = _participant_filters(request, event)
    context = {"event": event, "form": form, "page_obj": None}
    if not form.is_valid():
        return render(request, "events/participants.html", context, status=400)
    registrations = form.filter(_event_registrations(user, event))
    context.update(
        page_obj=Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page")),
        counts=_status_counts(registrations),
        chart=_type_chart(registrations, event),
        query=urlencode(
            {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
        ),
    )
    response = render(request, "events/participants.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _status_counts(registrations) -> dict:
    return registrations.order_by().aggregate(
        total=Count("pk"),
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )


def _type_chart(registrations, event) -> dict:
    """One bar per type of organisation (people without one apart), the largest first, with
    the figures for the data table beside it."""
    lines = by_organisation_type(registrations)
    return charts.count_bars(
        lines, chart_id=f"participants-{event.pk}-by-type", column=_("Participants")
    )


@login_required
def participants_csv(request, slug):
    user = request.user
    event = _managed_event(user, slug, "export_participants")
    form = _participant_filters(request, event)
    if not form.is_valid():
        wrong = ", ".join(str(form.fields[name].label) for name in form.errors)
        message = _("These filters are not valid: %(fields)s.") % {"fields": wrong}
        return render(request, "events/bad_request.html", {"message": message}, status=400)
    registrations = form.filter(_event_registrations(user, event))
    content = exports.participants_csv(actor=user, event=event, registrations=registrations)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    return response


# Checking in at the door ---------------------------------------------------------------------


@login_required
@GET_POST
def check_in(request, slug):
    event = _managed_event(request.user, slug, "check_in")
    if request.method == "POST":
        return _check_in_post(request, event)
    search = CheckInSearchForm(request.GET)
    valid = search.is_valid()
    q = search.cleaned_data["q"].strip() if valid else ""
    results, more = _search(request.user, event, q)
    context = {
        "event": event,
        "search": search,
        "q": q,
        "results": results,
        "more": more,
        "form": CheckInForm(initial={"q": q}),
    }
    status = 200 if valid else 400
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "events/_check_in_results.html", context, status=status)
    else:
        context["counts"] = _check_in_counts(event)
        response = render(request, "events/check_in.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _search(user, event, q: str) -> tuple[list, bool]:
    """The event's registrations whose name or e-mail address holds `q`, or whose code it is
    (at most SEARCH_RESULTS; `more` says whether there are others)."""
    if not q:
        return [], False
    match = Q(name__icontains=q) | Q(email__icontains=q)
    code = normalise_code(q)
    if len(code) == CODE_LENGTH:
        match |= Q(code=code)
    found = list(
        Registration.objects.visible_to(user)
        .filter(event=event)
        .filter(match)
        .select_related("item", "organisation")
        .order_by("name", "pk")[: SEARCH_RESULTS + 1]
    )
    return found[:SEARCH_RESULTS], len(found) > SEARCH_RESULTS


def _check_in_counts(event) -> dict:
    """Registered (confirmed or waiting), confirmed, waitlisted and checked in, for the event
    itself (its agenda items have their own seats): overall and by registration type."""
    names = dict(RegistrationType.choices)
    rows = (
        Registration.objects.filter(event=event, item__isnull=True)
        .values("registration_type")
        .annotate(
            registered=Count("pk", filter=Q(status__in=ACTIVE)),
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        )
        .order_by()
    )
    keys = ("registered", "confirmed", "waitlisted", "checked_in")
    by_type = sorted(
        ({**row, "label": names.get(row["registration_type"], row["registration_type"])}
         for row in rows if row["registered"] or row["checked_in"]),
        key=lambda row: str(row["label"]),
    )  # fmt: skip
    total = {key: sum(row[key] for row in by_type) for key in keys}
    return {"total": total, "by_type": by_type}


def _check_in_post(request, event):
    """Check in the person with the code typed or scanned, or that of a result's button."""
    user = request.user
    form = CheckInForm(request.POST)
    registration, outcome = None, None
    if form.is_valid():
        code = form.cleaned_data["code"]
        registration = services.find_by_code(event, code)
        if registration is None:
            form.add_error(
                "code", _("No registration for this event has the code %(code)s.") % {"code": code}
            )
        else:
            earlier = registration.checked_in_at
            try:
                registration = services.check_in(actor=user, registration=registration)
            except ValidationError as error:
                form.add_error("code", error)
            else:
                outcome = _check_in_message(registration, event, earlier)
    q = form.cleaned_data.get("q", "")
    if not request.htmx:
        if outcome is not None:
            (messages.warning if outcome["already"] else messages.success)(request, outcome["text"])
            url = reverse("events:check_in", kwargs={"slug": event.slug})
            return redirect(f"{url}?{urlencode({'q': q})}" if q else url)
        results, more = _search(user, event, q)
        context = {
            "event": event, "search": CheckInSearchForm(initial={"q": q}), "q": q,
            "results": results, "more": more, "form": form, "counts": _check_in_counts(event),
        }  # fmt: skip
        return render(request, "events/check_in.html", context, status=400)
    status = 200 if outcome is not None else INVALID
    context = {
        "event": event,
        "outcome": outcome,
        "counts": _check_in_counts(event),
        "q": q,
        "swap": True,
    }
    if form.cleaned_data.get("row") and registration is not None:
        registration = Registration.objects.select_related("item", "organisation").get(
            pk=registration.pk
        )
        context.update(registration=registration, row_errors=form.errors.get("code"))
        return render(request, "events/_check_in_row_swap.html", context, status=status)
    shown = CheckInForm(initial={"q": q}) if outcome is not None else form
    context.update(form=shown, registration=registration if outcome is not None else None)
    return render(request, "events/_check_in_scan.html", context, status=status)


def _check_in_message(registration, event, earlier) -> dict:
    if earlier is not None:
        when = formats.date_format(timezone.localtime(earlier, event.tz), "DATETIME_FORMAT")
        text = _("%(name)s was already checked in at %(time)s.") % {
            "name": registration.name,
            "time": when,
        }
        return {"already": True, "text": text}
    return {"already": False, "text": _("%(name)s is checked in.") % {"name": registration.name}}


# Invitations ---------------------------------------------------------------------------------


@login_required
@GET_POST
def invitations(request, slug):
    user = request.user
    event = _managed_event(user, slug, "manage_registrations")
    form, status = InvitationForm(), 200
    if request.method == "POST":
        if "invitation" in request.POST:
            remove = InvitationRemoveForm(request.POST)
            if not remove.is_valid():
                return render(
                    request, "events/bad_request.html",
                    {"message": _("Choose an invitation to remove.")}, status=400,
                )  # fmt: skip
            invitation = EventInvitation.objects.filter(
                event=event, pk=remove.cleaned_data["invitation"]
            ).first()
            if invitation is None:
                raise Http404
            services.uninvite(actor=user, invitation=invitation)
            messages.success(
                request, _("%(email)s is no longer invited.") % {"email": invitation.email}
            )
            return redirect("events:invitations", slug=event.slug)
        form = InvitationForm(request.POST)
        if form.is_valid():
            added = services.invite(actor=user, event=event, emails=form.cleaned_data["emails"])
            messages.success(request, _("Invited: %(added)s. Already invited: %(kept)s.") % {
                "added": added, "kept": len(form.cleaned_data["emails"]) - added,
            })  # fmt: skip
            return redirect("events:invitations", slug=event.slug)
        status = 400
    registered = Registration.objects.filter(
        event=event, item__isnull=True, status__in=ACTIVE, email__iexact=OuterRef("email")
    )
    invited = (
        EventInvitation.objects.filter(event=event)
        .select_related("invited_by")
        .annotate(registered=Exists(registered))
        .order_by("email")
    )
    context = {
        "event": event,
        "form": form,
        "page_obj": Paginator(invited, PAGE_SIZE * 2).get_page(request.GET.get("page")),
    }
    return render(request, "events/invitations.html", context, status=status)
