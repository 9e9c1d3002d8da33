"""Discussions, reactions and follows. Every page works without JavaScript; with htmx, posting,
reacting and following swap only the part of the page that changed."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from passerelle.accounts.models import User
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404

from .. import registry, selectors, services
from ..forms import CommentDeleteForm, CommentEditForm, CommentForm, ReactionForm
from ..models import Comment
from ..permissions import may_moderate_discussion, may_read_discussion
from ..sections import discussion_context

INVALID = 422  # htmx swaps it in (base.html's htmx-config): the form comes back with its errors


def comment_or_404(user, pk) -> Comment:
    return get_visible_or_404(Comment.objects.select_related("author"), user, pk=pk)


def back_to(request, obj) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    if isinstance(obj, User):  # people are followable; their page is the community's
        return reverse("community:person", args=[obj.handle])
    return obj.get_absolute_url()


class DiscussionView(View):
    """GET: the discussion of an object (a fragment for htmx, a page otherwise). POST: a new
    comment or reply."""

    template_name = "community/discussion_page.html"

    def dispatch(self, request, content_type_id, object_id):
        model = selectors.model_named(content_type_id=content_type_id)
        self.target = selectors.target_get(
            request.user, model, object_id, purpose=selectors.FOR_DISCUSSION
        )
        if not may_read_discussion(request.user, self.target):
            raise Http404
        return super().dispatch(request, content_type_id, object_id)

    def render_discussion(self, request, form=None, status=200):
        context = discussion_context(request, self.target)
        if form is not None:
            context["form"] = form
        template = "community/_discussion.html" if request.htmx else self.template_name
        return render(request, template, context, status=status)

    def get(self, request, content_type_id, object_id):
        return self.render_discussion(request)

    def post(self, request, content_type_id, object_id):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                comment = services.comment_create(
                    actor=request.user,
                    target=self.target,
                    body=form.cleaned_data["body"],
                    parent=self._parent(form.cleaned_data["parent"]),
                    language=form.cleaned_data["language"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if request.htmx:
                    return self.render_discussion(request)
                messages.success(request, _("Your comment is posted."))
                return HttpResponseRedirect(comment_url(comment, request.user))
        return self.render_discussion(request, form=form, status=INVALID)

    def _parent(self, parent_id):
        if not parent_id:
            return None
        parent = comment_or_404(self.request.user, parent_id)
        if parent.target != self.target:
            raise Http404
        return parent


def changeable_comment_or_403(user, pk) -> Comment:
    """A comment its author, or a moderator of its discussion, is about to edit or delete."""
    comment = comment_or_404(user, pk)
    if comment.author_id != user.pk and not may_moderate_discussion(user, comment.target):
        raise PermissionDenied
    return comment


def comment_url(comment: Comment, user) -> str:
    page = selectors.page_of_comment(comment, user)
    return f"{comment.target.get_absolute_url()}?comments_page={page}#comment-{comment.pk}"


class CommentDetailView(View):
    """A comment's permalink: the page of its discussion that shows it."""

    def get(self, request, pk):
        comment = comment_or_404(request.user, pk)
        return HttpResponseRedirect(comment_url(comment, request.user))


class CommentHistoryView(View):
    def get(self, request, pk):
        comment = comment_or_404(request.user, pk)
        revisions = comment.revisions.select_related("edited_by")
        return render(
            request,
            "community/comment_history.html",
            {"comment": comment, "revisions": revisions},
        )


class CommentEditView(LoginRequiredMixin, View):
    template_name = "community/comment_edit.html"

    def get(self, request, pk):
        comment = changeable_comment_or_403(request.user, pk)
        form = CommentEditForm(initial={"body": comment.body})
        return self._render(request, comment, form)

    def post(self, request, pk):
        comment = changeable_comment_or_403(request.user, pk)
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(
                    actor=request.user,
                    comment=comment,
                    body=form.cleaned_data["body"],
                    moderator_note=form.cleaned_data["moderator_note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The comment is updated."))
                return HttpResponseRedirect(comment_url(comment, request.user))
        return self._render(request, comment, form, status=INVALID)

    def _render(self, request, comment, form, status=200):
        as_moderator = comment.author_id != request.user.pk
        if not as_moderator:
            del form.fields["moderator_note"]
        context = {"comment": comment, "form": form, "as_moderator": as_moderator}
        return render(request, self.template_name, context, status=status)


class CommentDeleteView(LoginRequiredMixin, View):
    template_name = "community/comment_delete.html"

    def get(self, request, pk):
        comment = changeable_comment_or_403(request.user, pk)
        return render(
            request, self.template_name, {"comment": comment, "form": CommentDeleteForm()}
        )

    def post(self, request, pk):
        comment = changeable_comment_or_403(request.user, pk)
        form = CommentDeleteForm(request.POST)
        if form.is_valid():
            try:
                services.comment_delete(
                    actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The comment is deleted."))
                return HttpResponseRedirect(comment_url(comment, request.user))
        context = {"comment": comment, "form": form}
        return render(request, self.template_name, context, status=INVALID)


class ReactView(LoginRequiredMixin, View):
    def post(self, request, pk):
        comment = comment_or_404(request.user, pk)
        form = ReactionForm(request.POST)
        if not form.is_valid():
            return render(request, "400.html", status=400)
        try:
            services.reaction_toggle(
                actor=request.user, target=comment, kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            if request.htmx:
                return render(
                    request, "community/_error.html", {"errors": error.messages}, status=INVALID
                )
            messages.error(request, " ".join(error.messages))
        if request.htmx:
            counts, mine = selectors.reactions_for(request.user, [comment.pk])
            context = {
                "comment": comment,
                "counts": counts.get(comment.pk, {}),
                "mine": mine.get(comment.pk, set()),
            }
            return render(request, "community/_reactions.html", context)
        return HttpResponseRedirect(comment_url(comment, request.user))


class FollowView(LoginRequiredMixin, View):
    """POST toggles following; htmx swaps the button."""

    def post(self, request, content_type_id, object_id):
        model = selectors.model_named(content_type_id=content_type_id)
        target = selectors.target_get(request.user, model, object_id, purpose=selectors.FOR_FOLLOW)
        following = selectors.is_following(request.user, target)
        try:
            if following:
                services.unfollow(actor=request.user, target=target)
            else:
                services.follow(actor=request.user, target=target)
        except ValidationError as error:
            if request.htmx:
                return render(
                    request, "community/_error.html", {"errors": error.messages}, status=INVALID
                )
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(back_to(request, target))
        if request.htmx:
            return render(
                request,
                "community/_follow_button.html",
                {
                    "target": target,
                    "content_type_id": content_type_id,
                    "is_following": not following,
                },
            )
        return HttpResponseRedirect(back_to(request, target))


class FollowingView(LoginRequiredMixin, View):
    def get(self, request):
        follows = selectors.follows_of(request.user)
        for row in follows:
            row.is_following = True
        return render(request, "community/following.html", {"follows": follows})


class PersonView(View):
    """A person's public page in the community: their visible comments and a follow button.
    Nothing else about them is shown (e-mail and memberships stay private)."""

    def get(self, request, handle):
        person = get_object_or_404(User, handle=handle, is_active=True)
        comments = (
            selectors.visible_comments(request.user)
            .filter(author=person, deleted_at__isnull=True)
            .order_by("-created", "-id")
        )
        page = Paginator(comments, 20).get_page(request.GET.get("page"))
        targets = _targets_of(page.object_list)
        for comment in page.object_list:
            comment.about = targets.get(comment.pk)
        context = {
            "person": person,
            "page_obj": page,
            "content_type_id": registry.content_type_of(person).pk,
            "is_following": selectors.is_following(request.user, person),
            "is_self": request.user == person,
        }
        return render(request, "community/person.html", context)


def _targets_of(comments) -> dict[int, object]:
    """{comment id: the object it is about}, one query per model."""
    by_type: dict[int, list[Comment]] = {}
    for comment in comments:
        by_type.setdefault(comment.content_type_id, []).append(comment)
    targets = {}
    for content_type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        objects = model.objects.in_bulk([c.object_id for c in group])
        for comment in group:
            targets[comment.pk] = objects.get(_key(model, comment.object_id))
    return targets


def _key(model, object_id: str):
    return model._meta.pk.to_python(object_id)
