from django.shortcuts import get_object_or_404, render
from django.views import View

from passerelle.core.sections import render_sections

from .models import CapacityArea, GCMObjective, GuidingPrinciple, MGIDomain


class FrameworkView(View):
    """The shared vocabularies on one page: capacity areas, GCM objectives and principles, MGI
    domains."""

    def get(self, request):
        context = {
            "capacity_areas": CapacityArea.objects.filter(is_active=True).prefetch_related(
                "gcm_objectives", "mgi_domains"
            ),
            "objectives": GCMObjective.objects.all(),
            "principles": GuidingPrinciple.objects.all(),
            "domains": MGIDomain.objects.all(),
        }
        return render(request, "taxonomy/framework.html", context)


class CapacityAreaDetailView(View):
    def get(self, request, code):
        area = get_object_or_404(
            CapacityArea.objects.prefetch_related(
                "gcm_objectives", "guiding_principles", "mgi_domains"
            ),
            code=code,
        )
        context = {"area": area, "sections": render_sections("capacity_area", request, area)}
        return render(request, "taxonomy/capacity_area_detail.html", context)


class ObjectiveDetailView(View):
    def get(self, request, number):
        objective = get_object_or_404(GCMObjective, number=number)
        context = {
            "objective": objective,
            "capacity_areas": objective.capacity_areas.filter(is_active=True),
            "sections": render_sections("gcm_objective", request, objective),
        }
        return render(request, "taxonomy/objective_detail.html", context)
