"""The connecting area's API: groups, read-only, with their member and thread counts. Messages
and connections have no API: they are private between two people."""

from rest_framework import serializers, viewsets

from .. import permissions_connecting  # noqa: F401  (the policy visible_to asks)
from ..models import Group
from ..selectors.connecting import groups_with_counts


class GroupSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:diasporagroup-detail", lookup_field="slug"
    )
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    member_count = serializers.IntegerField(read_only=True)
    thread_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Group
        fields = [
            "url", "id", "slug", "page", "name", "kind", "country", "theme", "description",
            "language", "member_count", "thread_count", "created",
        ]  # fmt: skip


class GroupViewSet(viewsets.ReadOnlyModelViewSet):
    """Diaspora groups by country of origin or by theme: public."""

    serializer_class = GroupSerializer
    lookup_field = "slug"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Group.objects.none()
        return (
            groups_with_counts()
            .filter(pk__in=Group.objects.visible_to(self.request.user).values("pk"))
            .select_related("country")
            .order_by("name", "pk")
        )


def register(router) -> None:
    router.register("diaspora-groups", GroupViewSet, basename="diasporagroup")
