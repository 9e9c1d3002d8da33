"""Stories' pages: the list (filters, htmx in place), a story with its video, event, reactions,
discussion and report link, the author's form, publishing, deleting and the author's own list.
A hidden story is found by its author only, marked hidden; others get a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.community import markdown
from passerelle.community.registry import content_type_of
from passerelle.community.sections import discussion_context
from passerelle.community.services import reaction_toggle
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can
from passerelle.events.models import AgendaItem, Event

from .. import permissions_content, registrations_content  # noqa: F401  (policy, discussion)
from ..forms.content import StoryFilter, StoryForm
from ..models import Story
from ..selectors import content as selectors
from ..services import content as services
from ..video import video_for

PAGE_SIZE = 20
INVALID = 400


def _story(request, pk) -> Story:
    return get_visible_or_404(
        Story.objects.select_related("author", "organisation", "event", "agenda_item__event"),
        request.user,
        pk=pk,
    )


def story_list(request):
    filterset = StoryFilter(request.GET, queryset=selectors.published_stories(request.user))
    context = {"filter": filterset, "page_obj": None, "rows": []}
    status = 200
    if filterset.is_valid():
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        names = selectors.author_names(request.user, page.object_list)
        context.update(
            page_obj=page, rows=[(story, names[story.author_id]) for story in page.object_list]
        )
    else:
        status = INVALID
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "diaspora/content/_story_results.html", context, status=status)
    else:
        response = render(request, "diaspora/content/story_list.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def story_detail(request, pk):
    story = _story(request, pk)
    user = request.user
    counts, mine = selectors.reactions(user, story)
    context = {
        "story": story,
        "author_name": selectors.author_names(user, [story])[story.author_id],
        "body_html": markdown.render(story.body).html,
        "video": video_for(story.video_url) if story.video_url else None,
        **_dialogue(user, story),
        "counts": counts,
        "mine": mine,
        "discussion": None if story.is_hidden else discussion_context(request, story),
        "content_type_id": content_type_of(Story).pk,
        "can_change": user_can(user, "change", story),
    }
    return render(request, "diaspora/content/story_detail.html", context)


def _dialogue(user, story: Story) -> dict:
    """The dialogue event and session the story is about, if the reader may see them (a draft
    event's title is not shown to others)."""
    event = story.event
    if event is None or not Event.objects.visible_to(user).filter(pk=event.pk).exists():
        return {"event": None, "session": None, "session_url": None}
    item = story.agenda_item
    if item is None or not AgendaItem.objects.visible_to(user).filter(pk=item.pk).exists():
        return {"event": event, "session": None, "session_url": None}
    url = reverse("events:item_detail", kwargs={"slug": item.event.slug, "pk": item.pk})
    return {"event": event, "session": item, "session_url": url}


@login_required
@require_POST
def story_react(request, pk):
    story = _story(request, pk)
    try:
        reaction_toggle(actor=request.user, target=story, kind=request.POST.get("kind", ""))
    except ValidationError as error:
        if request.htmx:
            context = {"errors": error.messages}
            return render(request, "community/_error.html", context, status=INVALID)
        messages.error(request, " ".join(error.messages))
        return redirect(story)
    if request.htmx:
        counts, mine = selectors.reactions(request.user, story)
        context = {"story": story, "counts": counts, "mine": mine}
        return render(request, "diaspora/content/_story_reactions.html", context)
    return redirect(story)


class StoryCreateView(LoginRequiredMixin, View):
    template_name = "diaspora/content/story_form.html"

    def get(self, request):
        form = StoryForm(initial={"language": request.LANGUAGE_CODE}, user=request.user)
        return self.render(form)

    def post(self, request):
        form = StoryForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                story = services.story_create(
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.story_data(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Your story is saved as a draft. Publish it when ready.")
                )
                return redirect(story)
        return self.render(form, status=INVALID)

    def render(self, form, status=200):
        context = {"form": form, "story": None}
        return render(self.request, self.template_name, context, status=status)


class StoryEditView(LoginRequiredMixin, View):
    template_name = "diaspora/content/story_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.story = _story(request, kwargs["pk"])
            require(request.user, "change", self.story)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        initial = StoryForm.initial_for(self.story)
        return self.render(StoryForm(initial=initial, user=request.user, with_organisation=False))

    def post(self, request, pk):
        form = StoryForm(request.POST, user=request.user, with_organisation=False)
        if form.is_valid():
            try:
                services.story_update(actor=request.user, story=self.story, data=form.story_data())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The story is saved."))
                return redirect(self.story)
        return self.render(form, status=INVALID)

    def render(self, form, status=200):
        context = {"form": form, "story": self.story}
        return render(self.request, self.template_name, context, status=status)


def _step(request, pk, action: str, service, done: str):
    story = _story(request, pk)
    require(request.user, action, story)
    try:
        service(actor=request.user, story=story)
    except ValidationError as error:
        context = {"story": story, "errors": error.messages}
        return render(request, "diaspora/content/story_refused.html", context, status=INVALID)
    messages.success(request, done)
    return redirect(story)


@login_required
@require_POST
def story_publish(request, pk):
    return _step(request, pk, "publish", services.story_publish, _("The story is published."))


@login_required
@require_POST
def story_unpublish(request, pk):
    return _step(
        request, pk, "unpublish", services.story_unpublish, _("The story is back to draft.")
    )


@login_required
def story_delete(request, pk):
    story = _story(request, pk)
    require(request.user, "delete", story)
    if request.method == "POST":
        services.story_delete(actor=request.user, story=story)
        messages.success(request, _("The story is deleted."))
        return redirect("diaspora:my_stories")
    return render(request, "diaspora/content/story_delete.html", {"story": story})


@login_required
def my_stories(request):
    return render(
        request, "diaspora/content/my_stories.html", {"stories": selectors.my_stories(request.user)}
    )
