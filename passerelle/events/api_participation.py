"""Delegations' statements in the API, read-only: the public ones (their session is over) and,
for a logged-in member, their own delegations' and those of the events they run."""

from rest_framework import serializers, viewsets

from .models import Statement


class StatementSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(source="item.event", slug_field="slug", read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id", "event", "item", "organisation", "title", "text", "language", "has_file",
            "created",
        ]  # fmt: skip

    def get_has_file(self, statement) -> bool:
        return bool(statement.file)


class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    """Statements of delegations. Filter by agenda item with `?item=<id>`."""

    serializer_class = StatementSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Statement.objects.none()
        queryset = (
            Statement.objects.visible_to(self.request.user)
            .select_related("item__event", "organisation")
            .order_by("created", "pk")
        )
        item = self.request.query_params.get("item")
        if item is not None and item.isdigit():
            queryset = queryset.filter(item=item)
        return queryset
