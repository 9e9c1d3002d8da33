"""Discussion spaces in the API, read-only: the spaces one may see (open, closed, and the ones
not open yet for their host, moderators and the secretariat), with their questions and the
published summary. Looked up by slug. The comments are the community API's."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from passerelle.accounts.models import User

from . import permissions_spaces  # noqa: F401  (the policy visible_to asks)
from .models import DiscussionSpace
from .permissions_spaces import is_space_open


class DiscussionSpaceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:discussionspace-detail", lookup_field="slug"
    )
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    moderators = serializers.SerializerMethodField()
    is_open = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()

    class Meta:
        model = DiscussionSpace
        fields = [
            "url", "id", "slug", "page", "title", "theme", "description", "audience",
            "language", "languages", "questions", "organisation", "event", "moderators",
            "opens_at", "closes_at", "is_open", "summary", "summary_published_at",
        ]  # fmt: skip

    def get_moderators(self, space) -> list[str]:
        """The moderators' names (no e-mail addresses)."""
        return [user.get_full_name() for user in space.moderators.all()]

    def get_is_open(self, space) -> bool:
        return is_space_open(space)

    def get_summary(self, space) -> str:
        """The moderators' summary, once published."""
        return space.summary if space.summary_published_at else ""


class DiscussionSpaceViewSet(viewsets.ReadOnlyModelViewSet):
    """Discussion spaces: the permanent forums, public once open."""

    serializer_class = DiscussionSpaceSerializer
    lookup_field = "slug"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DiscussionSpace.objects.none()
        return (
            DiscussionSpace.objects.visible_to(self.request.user)
            .distinct()
            .select_related("organisation", "event")
            .prefetch_related(Prefetch("moderators", queryset=User.objects.order_by("full_name")))
            .order_by("-opens_at", "pk")
        )
