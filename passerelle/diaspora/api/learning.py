"""The course catalogue in the API, read-only: courses with their capacity areas and the number
of completions declared (never who declared them). The material is downloaded from the course's
page; the API says only whether there is one."""

from django.db.models import Count
from rest_framework import serializers, viewsets

from ..models import Course


class CourseSerializer(serializers.ModelSerializer):
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    provider_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    has_material = serializers.SerializerMethodField()
    completions = serializers.IntegerField(source="completion_count", read_only=True)

    class Meta:
        model = Course
        fields = [
            "id", "page", "title", "provider", "provider_organisation", "description",
            "language", "format", "hours", "url", "has_material", "capacity_areas",
            "completions",
        ]  # fmt: skip

    def get_has_material(self, course) -> bool:
        return bool(course.material)


class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """Courses and trainings of the diaspora hub's catalogue."""

    serializer_class = CourseSerializer
    filterset_fields = ["language", "format"]

    def get_queryset(self):
        return (
            Course.objects.visible_to(self.request.user)
            .annotate(completion_count=Count("completions", distinct=True))
            .select_related("provider_organisation")
            .prefetch_related("capacity_areas")
            .order_by("title", "pk")
        )


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register("diaspora-courses", CourseViewSet, basename="diaspora-course")
