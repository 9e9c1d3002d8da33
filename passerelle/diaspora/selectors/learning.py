"""Reads of the course catalogue: the list with its filters and completion counts (a fixed
number of queries for any page), a course's completions as a reader may see them (the count of
all, the names of those marked public), and a person's courses."""

from django.db.models import Count, Prefetch, Q, QuerySet

from passerelle.taxonomy.models import CapacityArea

from ..models import Course, CourseCompletion
from .people import shown_names


def course_list(*, user, language="", format="", capacity_area=None, text="") -> QuerySet[Course]:
    courses = Course.objects.visible_to(user)
    if language:
        courses = courses.filter(language=language)
    if format:
        courses = courses.filter(format=format)
    if capacity_area is not None:
        courses = courses.filter(capacity_areas=capacity_area)
    if text:
        courses = courses.filter(
            Q(title__icontains=text) | Q(description__icontains=text)
            | Q(provider__icontains=text)
        )  # fmt: skip
    return (
        courses.annotate(completion_count=Count("completions", distinct=True))
        .select_related("provider_organisation")
        .prefetch_related(
            Prefetch("capacity_areas", queryset=CapacityArea.objects.order_by("name"))
        )
        .order_by("title", "pk")
    )


def public_completers(course: Course, *, viewer) -> list[dict]:
    """Those who made their completion public, named as their profile lets `viewer` see them."""
    completions = list(
        CourseCompletion.objects.filter(course=course, is_public=True).order_by("-completed_on")
    )
    names = shown_names(viewer, [c.person_id for c in completions])
    return [{"name": names[c.person_id], "completed_on": c.completed_on} for c in completions]


def completion_of(course: Course, user) -> CourseCompletion | None:
    if not user.is_authenticated:
        return None
    return CourseCompletion.objects.filter(course=course, person=user).first()


def completions_of(user) -> QuerySet[CourseCompletion]:
    return (
        CourseCompletion.objects.filter(person=user)
        .select_related("course")
        .order_by("-completed_on", "pk")
    )


def public_completions_of(person_id: int) -> QuerySet[CourseCompletion]:
    return (
        CourseCompletion.objects.filter(person_id=person_id, is_public=True)
        .select_related("course")
        .order_by("-completed_on", "pk")
    )
