"""Stories, blog posts, videos, news and community events (views/content.py)."""

from django.urls import path

from .views import content

urlpatterns = [
    path("stories/", content.story_list, name="story_list"),
    path("stories/new/", content.StoryCreateView.as_view(), name="story_create"),
    path("stories/<int:pk>/", content.story_detail, name="story_detail"),
    path("stories/<int:pk>/edit/", content.StoryEditView.as_view(), name="story_edit"),
    path("stories/<int:pk>/publish/", content.story_publish, name="story_publish"),
    path("stories/<int:pk>/unpublish/", content.story_unpublish, name="story_unpublish"),
    path("stories/<int:pk>/delete/", content.story_delete, name="story_delete"),
    path("stories/<int:pk>/react/", content.story_react, name="story_react"),
    path("me/stories/", content.my_stories, name="my_stories"),
]
