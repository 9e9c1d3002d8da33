"""An event's documents: the organisers' page (the list, a form to add a file or a link, and a
button to remove each), and the download of one document, public when the event is visible:
a file is always served as an attachment of the type its content was checked for; a link
redirects to its address. A draft's pages are a 404 to anyone but its organisers; a published
event's organisers' page is a 403 to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require

from ..forms_documents import DocumentForm
from ..models import Event, EventDocument
from ..services import documents as services


def _event_for_change(request, slug: str) -> Event:
    event = get_visible_or_404(Event.objects.all(), request.user, slug=slug)
    require(request.user, "change", event)
    return event


@login_required
@require_http_methods(["GET", "POST"])
def documents(request, slug):
    event = _event_for_change(request, slug)
    status = 200
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES, event=event)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.document_add(
                    actor=request.user,
                    event=event,
                    kind=data["kind"],
                    title=data["title"],
                    language=data["language"],
                    upload=data["file"] or None,
                    url=data["url"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The document is added."))
                return redirect("events:documents", slug=event.slug)
        status = 400
    else:
        form = DocumentForm(event=event)
    context = {
        "event": event,
        "form": form,
        "documents": list(event.documents.order_by("kind", "title")),
    }
    return render(request, "events/documents.html", context, status=status)


@login_required
@require_POST
def document_remove(request, slug, pk):
    event = _event_for_change(request, slug)
    document = get_object_or_404(EventDocument, pk=pk, event=event)
    services.document_remove(actor=request.user, document=document)
    messages.success(request, _("The document is removed."))
    return redirect("events:documents", slug=event.slug)


def document_download(request, slug, pk):
    event = get_visible_or_404(Event.objects.all(), request.user, slug=slug)
    document = get_object_or_404(EventDocument, pk=pk, event=event)
    if not document.file:
        return redirect(document.url)
    try:
        handle = document.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=services.document_file_type(document),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
