"""The home page, error pages and the audit trail pages."""

import logging
import sys
from datetime import timedelta

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.generic import ListView, TemplateView
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import AuditEntry, TaskFailure
from .permissions import get_visible_or_404, is_secretariat, require
from .sections import render_sections

logger = logging.getLogger(__name__)

# Errors that mean a backing service is down, not that the code is wrong.
OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Django calls this for any uncaught exception, wherever it was raised (view, template,
    middleware). An outage of the database or Redis becomes a 503 with Retry-After: the request's
    transaction was rolled back, so nothing half-written remains. Both pages render without a
    request context, because the context processors may need the service that is down."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OUTAGE_ERRORS) and not _is_schema_error(exc):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def _is_schema_error(exc: Exception) -> bool:
    # SQLite reports a missing migration as OperationalError: a deployment bug, not an outage.
    return "no such table" in str(exc) or "no such column" in str(exc)


class AuditEntryListView(LoginRequiredMixin, ListView):
    """The audit trail of one object, for those its policy allows ("view_audit")."""

    template_name = "core/audit_list.html"
    paginate_by = 50

    def get_queryset(self):
        try:
            content_type = ContentType.objects.get_for_id(self.kwargs["content_type_id"])
            model = content_type.model_class()
        except ContentType.DoesNotExist as exc:
            raise Http404 from exc
        if model is None:
            raise Http404
        self.object = get_visible_or_404(
            model._default_manager.all(), self.request.user, pk=self.kwargs["object_id"]
        )
        require(self.request.user, "view_audit", self.object)
        return AuditEntry.objects.for_object(self.object).select_related("actor")

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)


class PlatformAuditListView(LoginRequiredMixin, ListView):
    """Every audit entry, newest first: the secretariat's view of the whole platform. Platform
    admins (superusers) also see how many background tasks failed lately, with a link to the
    failures in the admin."""

    template_name = "core/audit_list.html"
    paginate_by = 50

    def get_queryset(self):
        if not is_secretariat(self.request.user):
            raise PermissionDenied
        queryset = AuditEntry.objects.select_related("actor", "content_type")
        action = self.request.GET.get("action", "").strip()
        if action:
            queryset = queryset.filter(action__startswith=action)
        return queryset

    def get_context_data(self, **kwargs):
        if self.request.user.is_superuser:
            since = timezone.now() - timedelta(days=7)
            kwargs["failed_tasks"] = TaskFailure.objects.filter(created__gte=since).count()
        return super().get_context_data(**kwargs)


class HomeView(TemplateView):
    """What the platform is for, with live figures contributed by each module (sections)."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=render_sections("home", self.request), **kwargs)
