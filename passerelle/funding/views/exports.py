"""The contributions the reader may see, as CSV or XLSX, narrowed by the same filters as the
contributions list (`filters.ContributionFilter`); invalid filters are a 400, as on the list."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import path
from django.utils.translation import gettext as _

from .. import exports
from ..filters import ContributionFilter
from ..models import Contribution


def contributions_export(request, extension):
    if extension not in exports.EXTENSIONS:
        raise Http404
    filterset = ContributionFilter(
        request.GET, queryset=Contribution.objects.visible_to(request.user)
    )
    if not filterset.is_valid():
        return HttpResponseBadRequest(_("Check the filters: %(errors)s")
                                      % {"errors": filterset.errors.as_text()})  # fmt: skip
    rows = exports.contribution_rows(filterset.qs, user=request.user)
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
