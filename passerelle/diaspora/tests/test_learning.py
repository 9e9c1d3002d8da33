"""The course catalogue: services (courses with their material checked, completions), who may do
what on the pages, the material download, the list's filters and query budget, names shown only
for public completions, the member page's section and the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import AuditEntry
from passerelle.core.sections import render_sections
from passerelle.taxonomy.models import CapacityArea

from .. import sections_learning  # noqa: F401  (the member page's section)
from ..models import Course, CourseCompletion
from ..services import learning as services
from .factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

COURSE = {
    "title": "Diaspora engagement mapping",
    "provider": "IOM",
    "description": "How to map a diaspora.",
    "language": "en",
    "format": "self_paced",
    "hours": 6,
    "url": "https://example.org/mapping",
}


def _text_file(name="guide.txt", content=b"A guide to mapping a diaspora."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.fixture
def course(editor, organisation):
    return services.course_create(
        actor=editor, data={**COURSE, "provider_organisation": organisation}
    )


# Services --------------------------------------------------------------------------------------


def test_editor_adds_a_course_with_material(editor, organisation):
    area = CapacityArea.objects.first()
    course = services.course_create(
        actor=editor,
        data={**COURSE, "url": "", "provider_organisation": organisation},
        capacity_areas=[area],
        upload=_text_file(),
    )
    assert course.material and course.created_by == editor
    assert list(course.capacity_areas.all()) == [area]
    assert AuditEntry.objects.filter(action="diaspora.course.created").count() == 1


def test_a_viewer_may_not_add_courses(viewer):
    with pytest.raises(PermissionDenied):
        services.course_create(actor=viewer, data=COURSE)


def test_the_secretariat_adds_courses(secretariat):
    assert services.course_create(actor=secretariat, data=COURSE).pk


def test_the_provider_must_be_an_organisation_the_editor_edits(editor, government):
    with pytest.raises(ValidationError) as error:
        services.course_create(actor=editor, data={**COURSE, "provider_organisation": government})
    assert "provider_organisation" in error.value.message_dict


@pytest.mark.parametrize(
    "upload, url",
    [
        (None, ""),  # neither address nor material
        (SimpleUploadedFile("guide.pdf", b"not a pdf"), ""),  # content is not a PDF
        (SimpleUploadedFile("guide.exe", b"MZ"), ""),  # not an accepted type
    ],
)
def test_course_refuses_bad_input(editor, upload, url):
    with pytest.raises(ValidationError):
        services.course_create(actor=editor, data={**COURSE, "url": url}, upload=upload)
    assert not Course.objects.exists()


def test_material_size_limit(editor, settings):
    settings.DIASPORA = {**settings.DIASPORA, "COURSE_FILE_MAX_BYTES": 10}
    with pytest.raises(ValidationError) as error:
        services.course_create(actor=editor, data=COURSE, upload=_text_file())
    assert "material" in error.value.message_dict


def test_course_update_and_delete(course, editor, outsider, secretariat):
    with pytest.raises(PermissionDenied):
        services.course_update(actor=outsider, course=course, data=COURSE)
    services.course_update(
        actor=editor, course=course, data={**COURSE, "title": "Mapping, 2nd edition"}
    )
    course.refresh_from_db()
    assert course.title == "Mapping, 2nd edition"
    with pytest.raises(PermissionDenied):
        services.course_delete(actor=outsider, course=course)
    services.course_delete(actor=secretariat, course=course)
    assert not Course.objects.exists()


def test_removing_the_material_needs_an_address(editor):
    course = services.course_create(actor=editor, data={**COURSE, "url": ""}, upload=_text_file())
    with pytest.raises(ValidationError):
        services.course_update(
            actor=editor, course=course, data={**COURSE, "url": ""}, remove_material=True
        )


def test_completion_declare_and_remove(course, outsider):
    completion = services.completion_declare(
        actor=outsider, course=course, completed_on=date(2026, 1, 10), is_public=True
    )
    with pytest.raises(ValidationError):
        services.completion_declare(actor=outsider, course=course, completed_on=date(2026, 1, 11))
    assert CourseCompletion.objects.count() == 1
    services.completion_remove(actor=outsider, completion=completion)
    assert not CourseCompletion.objects.exists()


def test_completion_refuses_a_future_date(course, outsider):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.completion_declare(actor=outsider, course=course, completed_on=tomorrow)
    assert "completed_on" in error.value.message_dict


def test_only_its_person_removes_a_completion(course, outsider, owner):
    completion = services.completion_declare(
        actor=outsider, course=course, completed_on=date(2026, 1, 10)
    )
    with pytest.raises(PermissionDenied):
        services.completion_remove(actor=owner, completion=completion)


# Pages -----------------------------------------------------------------------------------------


def test_course_list_filters_and_budget(client, editor, django_assert_max_num_queries):
    for number in range(12):
        services.course_create(
            actor=editor,
            data={**COURSE, "title": f"Course {number}", "language": "fr" if number % 2 else "en"},
        )
    with django_assert_max_num_queries(8):
        response = client.get(reverse("diaspora:course_list"))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 12
    response = client.get(reverse("diaspora:course_list"), {"language": "fr", "q": "course"})
    assert response.context["page_obj"].paginator.count == 6
    assert client.get(reverse("diaspora:course_list"), {"format": "bogus"}).status_code == 400


def test_course_page_names_only_public_completions(client, course):
    public = MemberProfileFactory(display_name="Awa Public", name_visibility="public")
    hidden = MemberProfileFactory(display_name="Ousmane Hidden", name_visibility="public")
    services.completion_declare(
        actor=public.user, course=course, completed_on=date(2026, 2, 1), is_public=True
    )
    services.completion_declare(actor=hidden.user, course=course, completed_on=date(2026, 2, 1))
    response = client.get(reverse("diaspora:course_detail", kwargs={"pk": course.pk}))
    content = response.content.decode()
    assert response.context["completion_count"] == 2
    assert "Awa Public" in content and "Ousmane Hidden" not in content


def test_a_private_name_is_not_shown(client, course):
    member = MemberProfileFactory(display_name="Secret Name")  # name private by default
    services.completion_declare(
        actor=member.user, course=course, completed_on=date(2026, 2, 1), is_public=True
    )
    content = client.get(course.get_absolute_url()).content.decode()
    assert "Secret Name" not in content and "A member of the hub" in content


def test_complete_page(client, course, outsider):
    url = reverse("diaspora:course_complete", kwargs={"pk": course.pk})
    client.force_login(outsider)
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(url, {"completed_on": future})
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert client.post(url, {"completed_on": "2026-01-05", "is_public": "on"}).status_code == 302
    assert CourseCompletion.objects.get().is_public
    remove = reverse("diaspora:course_completion_remove", kwargs={"pk": course.pk})
    assert client.post(remove).status_code == 302
    assert client.post(remove).status_code == 404


def test_course_pages_per_role(client, course, editor, viewer, outsider):
    edit = reverse("diaspora:course_edit", kwargs={"pk": course.pk})
    create = reverse("diaspora:course_create")
    client.force_login(viewer)
    assert client.get(create).status_code == 403
    assert client.get(edit).status_code == 403
    client.force_login(outsider)
    assert client.get(edit).status_code == 403
    client.force_login(editor)
    assert client.get(edit).status_code == 200
    response = client.post(create, {**COURSE, "url": ""})
    assert response.status_code == 400
    assert "address or attach its material" in response.content.decode()
    response = client.post(create, {**COURSE, "material": _text_file()})
    assert response.status_code == 302
    delete = reverse("diaspora:course_delete", kwargs={"pk": course.pk})
    assert client.post(delete).status_code == 302
    assert not Course.objects.filter(pk=course.pk).exists()


def test_material_download(client, editor):
    course = services.course_create(actor=editor, data=COURSE, upload=_text_file())
    response = client.get(reverse("diaspora:course_material", kwargs={"pk": course.pk}))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "text/plain"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"A guide to mapping a diaspora."


def test_no_material_is_a_404(client, course):
    assert (
        client.get(reverse("diaspora:course_material", kwargs={"pk": course.pk})).status_code == 404
    )


def test_my_courses(client, course, outsider, editor):
    services.completion_declare(actor=outsider, course=course, completed_on=date(2026, 1, 1))
    client.force_login(outsider)
    assert len(client.get(reverse("diaspora:my_courses")).context["completions"]) == 1
    client.force_login(editor)
    assert client.get(reverse("diaspora:my_courses")).context["added"] == [course]


# Elsewhere -------------------------------------------------------------------------------------


def test_member_section_lists_public_completions_only(rf, course, editor):
    member = MemberProfileFactory()
    services.completion_declare(
        actor=member.user, course=course, completed_on=date(2026, 1, 1), is_public=True
    )
    other = services.course_create(actor=editor, data={**COURSE, "title": "Remittances"})
    services.completion_declare(actor=member.user, course=other, completed_on=date(2026, 1, 1))
    request = rf.get("/")
    request.user = UserFactory()
    rendered = "".join(render_sections("diaspora_member", request, member))
    assert course.title in rendered and "Remittances" not in rendered
    nothing_completed = "".join(render_sections("diaspora_member", request, MemberProfileFactory()))
    assert "member-courses-heading" not in nothing_completed


def test_api_counts_completions_without_people(client, course, outsider):
    services.completion_declare(actor=outsider, course=course, completed_on=date(2026, 1, 1))
    row = client.get(reverse("api:diaspora-course-list")).json()["results"][0]
    assert row["completions"] == 1 and row["has_material"] is False
    assert "created_by" not in row and "material" not in row


def test_demo_is_idempotent_and_uses_the_members_when_there_are():
    from passerelle.core.demo import DemoContext

    from .. import demo_learning

    demo_learning.load(DemoContext())
    assert Course.objects.filter(is_demo=True).count() >= 15
    assert set(Course.objects.values_list("language", flat=True)) == {"en", "fr", "es"}
    assert not CourseCompletion.objects.exists()
    members = [MemberProfileFactory(), MemberProfileFactory()]
    demo_learning.load(DemoContext(data={"diaspora_members": members}))
    demo_learning.load(DemoContext(data={"diaspora_members": members}))
    assert CourseCompletion.objects.count() == 6
    assert Course.objects.count() >= 15
