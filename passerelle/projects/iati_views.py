"""The IATI 2.03 files: one project's activity, and every public project's (also served at
/api/v1/iati/activities.xml). IATI is open data: a project its members may see but the public
may not is not found here, for them too. Links point at the site's canonical address
(SITE_URL), not at the host a request named: registries copy the file, and it must not carry a
spoofed host."""

from django.conf import settings
from django.http import Http404, HttpResponse

from passerelle.core.permissions import get_visible_or_404

from . import iati
from .models import Project


def _attachment(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def project_iati(request, pk):
    project = get_visible_or_404(iati.with_export_data(Project.objects.all()), request.user, pk=pk)
    if not project.is_public:
        raise Http404
    content = iati.activities_document([project], base_url=settings.SITE_URL)
    return _attachment(content, f"{iati.activity_identifier(project)}.xml")


def projects_iati(request):
    content = iati.activities_document(iati.exportable_projects(), base_url=settings.SITE_URL)
    publisher = settings.PROJECTS["IATI_PUBLISHER"]["ref"]
    return _attachment(content, f"{publisher}-activities.xml")
