"""The course catalogue (no LMS): the list with its filters, a course's page (its link or
material, "I completed this", who declared completing it), the pages of organisation editors and
the secretariat to add, change and delete a course, the material download, and a person's
courses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can

from ..forms.learning import CompletionForm, CourseFilterForm, CourseForm
from ..models import Course
from ..permissions import is_secretariat
from ..permissions_learning import may_add_courses
from ..selectors import learning as selectors
from ..services import learning as services

T = "diaspora/learning/"
PAGE_SIZE = 20


def _course(request, pk) -> Course:
    return get_visible_or_404(
        Course.objects.select_related("provider_organisation"), request.user, pk=pk
    )


def course_list(request):
    form = CourseFilterForm(request.GET or None)
    status = 200
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "language": data["language"], "format": data["format"],
            "capacity_area": data["capacity_area"], "text": data["q"].strip(),
        }  # fmt: skip
    elif form.is_bound:
        status = 400
    courses = selectors.course_list(user=request.user, **filters)
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "may_add": may_add_courses(request.user),
    }
    return render(request, T + "course_list.html", context, status=status)


def course_detail(request, pk):
    course = _course(request, pk)
    return _detail(request, course, CompletionForm())


def _detail(request, course, form, status=200):
    context = {
        "course": course,
        "capacity_areas": list(course.capacity_areas.order_by("name")),
        "completion_count": course.completions.count(),
        "completers": selectors.public_completers(course, viewer=request.user),
        "my_completion": selectors.completion_of(course, request.user),
        "form": form,
        "may_manage": user_can(request.user, "change", course),
    }
    return render(request, T + "course_detail.html", context, status=status)


def course_material(request, pk):
    course = _course(request, pk)
    if not course.material:
        raise Http404
    try:
        handle = course.material.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=course.material.name.rsplit("/", 1)[-1],
        content_type=services.material_content_type(course),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Completions -----------------------------------------------------------------------------------


@login_required
@require_POST
def course_complete(request, pk):
    course = _course(request, pk)
    form = CompletionForm(request.POST)
    if form.is_valid():
        try:
            services.completion_declare(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your completion of this course is recorded."))
            return redirect(course)
    return _detail(request, course, form, status=400)


@login_required
@require_POST
def course_completion_remove(request, pk):
    course = _course(request, pk)
    completion = selectors.completion_of(course, request.user)
    if completion is None:
        raise Http404
    services.completion_remove(actor=request.user, completion=completion)
    messages.success(request, _("Your completion of this course is removed."))
    return redirect(course)


@login_required
def my_courses(request):
    context = {
        "completions": list(selectors.completions_of(request.user)),
        "added": list(Course.objects.filter(created_by=request.user).order_by("title")),
    }
    return render(request, T + "my_courses.html", context)


# Editors ---------------------------------------------------------------------------------------


def _organisations(user):
    if is_secretariat(user):
        return Organisation.objects.order_by("name")
    return organisations_with_role(user=user, role=MembershipRole.EDITOR)


def _course_data(form) -> dict:
    data = dict(form.cleaned_data)
    return {
        "capacity_areas": data.pop("capacity_areas"),
        "upload": data.pop("material"),
        "remove_material": data.pop("remove_material", False),
        "data": data,
    }


@login_required
def course_create(request):
    if not may_add_courses(request.user):
        raise PermissionDenied
    organisations = _organisations(request.user)
    if request.method == "POST":
        form = CourseForm(request.POST, request.FILES, organisations=organisations)
        if form.is_valid():
            values = _course_data(form)
            values.pop("remove_material")
            try:
                course = services.course_create(actor=request.user, **values)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The course is added to the catalogue."))
                return redirect(course)
        status = 400
    else:
        initial = {"language": request.LANGUAGE_CODE}
        form, status = CourseForm(initial=initial, organisations=organisations), 200
    return render(request, T + "course_form.html", {"form": form, "course": None}, status=status)


@login_required
def course_edit(request, pk):
    course = _course(request, pk)
    require(request.user, "change", course)
    organisations = _organisations(request.user)
    if course.provider_organisation_id:
        organisations = organisations | Organisation.objects.filter(
            pk=course.provider_organisation_id
        )
    if request.method == "POST":
        form = CourseForm(request.POST, request.FILES, organisations=organisations, course=course)
        if form.is_valid():
            try:
                services.course_update(actor=request.user, course=course, **_course_data(form))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The course is saved."))
                return redirect(course)
        status = 400
    else:
        form = CourseForm(
            initial=CourseForm.initial_for(course), organisations=organisations, course=course
        )
        status = 200
    context = {"form": form, "course": course}
    return render(request, T + "course_form.html", context, status=status)


@login_required
def course_delete(request, pk):
    course = _course(request, pk)
    require(request.user, "delete", course)
    if request.method == "POST":
        services.course_delete(actor=request.user, course=course)
        messages.success(request, _("The course is deleted."))
        return redirect("diaspora:course_list")
    return render(request, T + "course_delete.html", {"course": course})
