"""URLs of /diaspora/ the learning area tests in tests/test_url_access.py: a course the
government offers (its administrator, the owner, manages it) with its material attached, and the
owner's public completion of it."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import Course, CourseCompletion


def build(government, owner, outsider) -> dict:
    course = Course.objects.create(
        title="Diaspora engagement mapping", provider="IOM", provider_organisation=government,
        description="Mapping a diaspora.", language="en", format="self_paced",
        material=SimpleUploadedFile("mapping.txt", b"Mapping a diaspora, step by step."),
        created_by=owner,
    )  # fmt: skip
    CourseCompletion.objects.create(
        course=course, person=owner, completed_on=date(2026, 1, 15), is_public=True
    )
    return {"course": course}


def _course(w):
    return {"pk": w["course"].pk}


CASES = [
    ("diaspora:course_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:course_detail", "get", _course, 200, 200, 200),
    ("diaspora:course_material", "get", _course, 200, 200, 200),
    ("diaspora:course_create", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:course_edit", "get", _course, 302, 403, 200),
    ("diaspora:course_delete", "get", _course, 302, 403, 200),
    # Without a date the declaration is refused (400); the owner has declared it already.
    ("diaspora:course_complete", "post", _course, 302, 400, 400),
    ("diaspora:course_completion_remove", "post", _course, 302, 404, 302),
    ("diaspora:my_courses", "get", lambda w: {}, 302, 200, 200),
    ("api:diaspora-course-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diaspora-course-detail", "get", _course, 200, 200, 200),
]
