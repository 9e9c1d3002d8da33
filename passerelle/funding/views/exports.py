"""The contributions the reader may see, as CSV or XLSX, narrowed by the query parameters of the
contributions list: status, kind, currency (ISO 4217) and year (of the contribution's date).
A value that is not one of the choices is ignored, as the list ignores it."""

from django.http import Http404, HttpResponse
from django.urls import path

from .. import exports
from ..choices import ContributionKind, ContributionStatus
from ..models import Contribution


def filtered(contributions, params):
    status = params.get("status")
    if status in ContributionStatus.values:
        contributions = contributions.filter(status=status)
    kind = params.get("kind")
    if kind in ContributionKind.values:
        contributions = contributions.filter(kind=kind)
    currency = (params.get("currency") or "").strip().upper()
    if len(currency) == 3 and currency.isalpha():
        contributions = contributions.filter(currency=currency)
    year = params.get("year") or ""
    if year.isdigit() and 1900 <= int(year) <= 9999:
        contributions = contributions.filter(value_date__year=int(year))
    return contributions


def contributions_export(request, extension):
    if extension not in exports.EXTENSIONS:
        raise Http404
    contributions = filtered(Contribution.objects.visible_to(request.user), request.GET)
    rows = exports.contribution_rows(contributions, user=request.user)
    content, content_type, filename = exports.export(rows, extension)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


urlpatterns = [
    path("contributions.csv", contributions_export, {"extension": "csv"},
         name="contributions_csv"),
    path("contributions.xlsx", contributions_export, {"extension": "xlsx"},
         name="contributions_xlsx"),
]  # fmt: skip
