"""Stories in the API, read-only: published stories not hidden after reports, with their author's
name only as the reader may see it. Drafts and hidden stories never appear. Writing goes through
the pages."""

from rest_framework import serializers, viewsets

from ..forms.content import StoryFilter
from ..models import Story
from ..selectors import content as selectors


class StorySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:diaspora-story-detail")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    author = serializers.SerializerMethodField()
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Story
        fields = [
            "url", "id", "page", "kind", "title", "summary", "body", "language", "video_url",
            "author", "organisation", "countries", "starts_at", "place", "event", "agenda_item",
            "published_at",
        ]  # fmt: skip

    def get_author(self, story) -> str:
        """The author's name as the reader may see it ("A member of the hub" otherwise)."""
        return self.context.get("author_names", {}).get(story.author_id, "")


class StoryViewSet(viewsets.ReadOnlyModelViewSet):
    """Published stories, newest first. Filter by kind, country (id), language, text."""

    serializer_class = StorySerializer
    filterset_class = StoryFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Story.objects.none()
        return selectors.published_stories(self.request.user).select_related("event")

    def get_serializer(self, *args, **kwargs):
        if args and not getattr(self, "swagger_fake_view", False):
            stories = args[0] if isinstance(args[0], list | tuple) else [args[0]]
            if all(isinstance(story, Story) for story in stories):
                kwargs.setdefault("context", self.get_serializer_context())
                kwargs["context"]["author_names"] = selectors.author_names(
                    self.request.user, stories
                )
        return super().get_serializer(*args, **kwargs)


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register("diaspora-stories", StoryViewSet, basename="diaspora-story")
