"""Open data: every published item as JSON or CSV, and the field guide that describes them."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import exports
from ..filters import ItemFilter

FORMATS = ("json", "csv")


def items_export(request, format):
    if format not in FORMATS:
        raise Http404
    filterset = ItemFilter(request.GET, queryset=exports.published_for_export())
    if not filterset.is_valid():
        return HttpResponseBadRequest(
            _("Check the filters: %(errors)s") % {"errors": filterset.errors.as_text()}
        )
    rows = exports.records(filterset.qs, base_url=settings.SITE_URL)
    stamp = timezone.now().strftime("%Y%m%d")
    if format == "csv":
        response = HttpResponse(exports.as_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        document = {
            "generated": timezone.now().isoformat(),
            "field_guide": settings.SITE_URL + reverse("knowledge:field_guide"),
            "count": len(rows),
            "items": rows,
        }
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = (
        f'attachment; filename="passerelle-knowledge-{stamp}.{format}"'
    )
    return response


def field_guide(request):
    return render(request, "knowledge/field_guide.html", {"fields": exports.FIELDS})
