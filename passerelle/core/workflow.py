"""Workflow steps posted from an object's page (publish, withdraw, close...): one way to run
them, whatever the module."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from .forms import ReasonForm


@dataclass(frozen=True)
class Transition:
    service: Callable  # service(actor=..., <the object's keyword>=..., [reason=...])
    done: Any  # the message once done; lazy, so it is shown in the reader's language
    takes_reason: bool = True


def perform_transition(request, obj, transition: Transition, *, keyword: str, page, prefix=None):
    """Run `transition` on `obj` for the user. A refused step (a reason too long, a service's
    ValidationError) shows the object's page again (`page(request, obj, status=400)`) with the
    message; a done one redirects to the object."""
    options = {}
    if transition.takes_reason:
        form = ReasonForm(request.POST, prefix=prefix)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["reason"]))
            return page(request, obj, status=400)
        options["reason"] = form.cleaned_data["reason"]
    try:
        transition.service(actor=request.user, **{keyword: obj}, **options)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return page(request, obj, status=400)
    messages.success(request, transition.done)
    return redirect(obj)
