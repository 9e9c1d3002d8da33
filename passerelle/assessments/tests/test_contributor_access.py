"""What an invited contributor — a member of another organisation, given one section of an
unpublished assessment — reaches on every URL of the module and every assessment API route: the
sections assigned to them, nothing of the others (not even their names), nothing of the
organisation's other cycles. Each URL name appears in CASES (or API_CASES); a new URL without
a case fails test_every_url_has_a_case."""

import csv
import html
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.api.urls import router
from passerelle.assessments import services
from passerelle.assessments import urls as assessment_urls
from passerelle.assessments.models import Assessment, EvidenceFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
HTMX = {"HX-Request": "true"}
ASSIGNED, OTHER = "RIGHTS", "WGA"
SECRET = "Evidence of the WGA section, for the organisation only"
THEIRS = "Evidence of the RIGHTS section"
BASELINE_TITLE = "Previous cycle, validated and never published"


def indicator(assessment, code):
    return assessment.version.indicators.get(code=code)


def agree(actor, assessment, code, **fields):
    return services.agreed_answer_set(
        actor=actor, assessment=assessment, indicator=indicator(assessment, code),
        expected_version=None, **fields,
    )  # fmt: skip


def answer(actor, assessment, code, **fields):
    return services.answer_save(
        actor=actor, assessment=assessment, indicator=indicator(assessment, code),
        expected_version=None, **fields,
    )  # fmt: skip


def attach(actor, saved, name):
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return services.evidence_add(actor=actor, answer=saved, upload=upload)


@pytest.fixture
def world(focal_point, verified_government, national_version, ministry_contributor):
    """A validated, unpublished first cycle; the second cycle, started from it, in draft, with
    agreed answers and files in two sections, one of them (RIGHTS) assigned to a member of
    another ministry who answered it."""
    first = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title=BASELINE_TITLE, scope="national", language="en",
    )  # fmt: skip
    agree(focal_point, first, "RIGHTS.1.1", level=2, desired_level=3)
    services.assessment_submit(actor=focal_point, assessment=first)
    services.assessment_sign(actor=focal_point, assessment=first)
    second = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Second cycle", scope="national", language="en",
        baseline=Assessment.objects.get(pk=first.pk),
    )  # fmt: skip
    agree(focal_point, second, "RIGHTS.1.2", level=3, desired_level=4, evidence=THEIRS)
    agree(focal_point, second, "WGA.1.1", level=1, desired_level=4, priority="high",
          evidence=SECRET)  # fmt: skip
    services.assignment_add(
        actor=focal_point,
        assessment=second,
        domain=second.version.domains.get(code=ASSIGNED),
        user=ministry_contributor,
    )
    own = answer(ministry_contributor, second, "RIGHTS.1.1", level=3, evidence="My view")
    members = answer(focal_point, second, "WGA.1.1", level=1, evidence="The ministry's view")
    benchmark = services.benchmark_create(
        actor=focal_point, organisation=verified_government,
        indicator=indicator(second, "WGA.1.1"), target_level=3,
        target_date=timezone.localdate() + timedelta(days=365),
    )  # fmt: skip
    return {
        "assessment": Assessment.objects.get(pk=second.pk),
        "contributor": ministry_contributor,
        "own_file": attach(ministry_contributor, own, "mine.pdf"),
        "members_file": attach(focal_point, members, "members.pdf"),
        "benchmark": benchmark,
        "organisation": verified_government,
        "version": national_version,
    }


def domain_names(assessment, *codes):
    return [assessment.version.domains.get(code=code).name for code in codes]


def hidden_domains(assessment):
    return domain_names(
        assessment,
        *assessment.version.domains.exclude(code=ASSIGNED).values_list("code", flat=True),
    )


# --- Each URL: (method, kwargs, data, expected status, checks on the content) -----------------


def _pk(w):
    return {"pk": w["assessment"].pk}


def _framework(w):
    return {"code": w["version"].framework.code}


def _version(w):
    return {**_framework(w), "version": w["version"].version}


def _indicator(w, code="RIGHTS.1.1"):
    return {**_version(w), "indicator": code}


def _answer_data():
    return {
        "level": "2", "desired_level": "", "priority": "", "evidence": "Typed",
        "links": "", "lock_version": "0",
    }  # fmt: skip


def check_overview(w, content):
    assessment = w["assessment"]
    assert domain_names(assessment, ASSIGNED)[0] in content
    for name in hidden_domains(assessment):
        assert name not in content, name
    assert BASELINE_TITLE not in content  # an unpublished cycle the contributor was not part of
    assert "Contributors" not in content and "Signatures" not in content
    assert reverse("assessments:section", kwargs={"pk": assessment.pk, "domain": ASSIGNED}) in (
        content
    )
    assert "1/" in content  # the assigned section's progress


def check_section(w, content):
    assert THEIRS in content and "My view" in content
    assert SECRET not in content and "The ministry's view" not in content
    for name in hidden_domains(w["assessment"]):
        assert name not in content, name


def check_export(w, content):
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows and {row["domain"] for row in rows} == {ASSIGNED}
    assert SECRET not in content and "views" not in rows[0]


def check_list(w, content):
    assert w["assessment"].title in content and BASELINE_TITLE not in content


def check_open(w, content):
    # The cycles one may start from are one's own organisations': none of this government's.
    assert w["assessment"].title not in content and BASELINE_TITLE not in content


def check_public_framework(w, content):
    assert w["version"].framework.name in content or w["version"].framework.code in content


# Frameworks are public; managing them is the secretariat's. The read-only pages are listed;
# every other framework URL (editing, importing, publishing, whatever is added later) is tested
# by test_the_contributor_manages_no_framework.
PUBLIC_FRAMEWORK_URLS = {
    "framework_list",
    "framework_detail",
    "framework_version",
    "version_export",
}

CASES = {
    "framework_list": ("get", lambda w: {}, None, 200, check_public_framework),
    "framework_detail": ("get", _framework, None, 200, check_public_framework),
    "framework_version": ("get", _version, None, 200, None),
    "version_export": ("get", lambda w: {**_version(w), "extension": "csv"}, None, 200, None),
    # Assessment cycles.
    "assessment_list": ("get", lambda w: {}, None, 200, check_list),
    "assessment_open": ("get", lambda w: {}, None, 200, check_open),
    "assessment_detail": ("get", _pk, None, 200, check_overview),
    "section": ("get", lambda w: {**_pk(w), "domain": ASSIGNED}, None, 200, check_section),
    "answer_save": (
        "post",
        lambda w: {**_pk(w), "indicator": "RIGHTS.1.2", "kind": "mine"},
        _answer_data(),
        302,
        None,
    ),
    "evidence_upload": (
        "post",
        lambda w: {**_pk(w), "indicator": "WGA.1.1"},
        {"file": None},
        403,
        None,
    ),
    "evidence": ("get", lambda w: {**_pk(w), "evidence_id": w["members_file"].pk}, None, 404, None),
    "evidence_delete": (
        "post",
        lambda w: {**_pk(w), "evidence_id": w["members_file"].pk},
        {},
        404,
        None,
    ),
    "assignment_add": ("post", _pk, {"domain": "", "email": "x@example.org"}, 403, None),
    "assignment_remove": (
        "post",
        lambda w: {**_pk(w), "assignment_id": w["assessment"].assignments.get().pk},
        {},
        403,
        None,
    ),
    "publish": ("post", _pk, {"disclosure": "all"}, 403, None),
    "profile": ("get", _pk, None, 403, None),
    "profile_pdf": ("get", _pk, None, 403, None),
    "compare": ("get", _pk, None, 403, None),
    "export": ("get", lambda w: {**_pk(w), "extension": "csv"}, None, 200, check_export),
    "transition": ("post", lambda w: {**_pk(w), "action": "submit"}, {}, 403, None),
    "benchmark_board": ("get", lambda w: {"slug": w["organisation"].slug}, None, 403, None),
    "benchmark_delete": ("post", lambda w: {"pk": w["benchmark"].pk}, {}, 404, None),
}


def assessment_urls_by_name() -> dict[str, URLPattern]:
    return {p.name: p for p in assessment_urls.urlpatterns if isinstance(p, URLPattern)}


def framework_management_urls() -> list[str]:
    return sorted(
        name
        for name, pattern in assessment_urls_by_name().items()
        if str(pattern.pattern).startswith("frameworks/") and name not in PUBLIC_FRAMEWORK_URLS
    )


def test_every_url_has_a_case():
    assert framework_management_urls(), "the framework pages moved: update this test"
    assert set(CASES) | set(framework_management_urls()) == set(assessment_urls_by_name())
    assert not set(CASES) & set(framework_management_urls())


FRAMEWORK_KWARGS = {
    "code": lambda w: w["version"].framework.code,
    "version": lambda w: w["version"].version,
    "indicator": lambda w: "RIGHTS.1.1",
    "sub_area": lambda w: "RIGHTS.1",
    "domain": lambda w: "RIGHTS",
    "direction": lambda w: "up",
    "extension": lambda w: "csv",
}


@pytest.mark.parametrize("name", framework_management_urls())
def test_the_contributor_manages_no_framework(client, world, name):
    """Refused whether asked to show the form or to act: nothing shown, nothing changed."""
    pattern = assessment_urls_by_name()[name].pattern
    kwargs = {key: FRAMEWORK_KWARGS[key](world) for key in pattern.converters}
    url = reverse(f"assessments:{name}", kwargs=kwargs)
    client.force_login(world["contributor"])
    assert client.get(url).status_code in (403, 404, 405), name
    assert client.post(url, {}).status_code in (403, 404), name


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_contributor_on_each_url(client, world, name):
    method, kwargs, data, expected, check = CASES[name]
    client.force_login(world["contributor"])
    url = reverse(f"assessments:{name}", kwargs=kwargs(world))
    if method == "get":
        response = client.get(url)
    else:
        if data and "file" in data:
            data = {"file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf")}
        response = client.post(url, data)
    assert response.status_code == expected, (name, response.status_code)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = html.unescape(content.decode("utf-8", "replace"))
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        # No page the contributor reaches names another section or the unpublished cycle.
        assert SECRET not in text and BASELINE_TITLE not in text
    if check is not None:
        check(world, text)


def test_the_contributor_works_in_their_section_only(client, world):
    """The allowed actions of CASES, and their neighbours on other sections: refused."""
    assessment, contributor = world["assessment"], world["contributor"]
    client.force_login(contributor)

    def save_url(code, kind):
        kwargs = {"pk": assessment.pk, "indicator": code, "kind": kind}
        return reverse("assessments:answer_save", kwargs=kwargs)

    assert client.post(
        save_url("RIGHTS.1.2", "mine"), _answer_data(), headers=HTMX
    ).status_code == (200)
    assert client.post(save_url("WGA.1.2", "mine"), _answer_data()).status_code == 403
    assert client.post(save_url("RIGHTS.1.2", "agreed"), _answer_data()).status_code == 403
    other = reverse("assessments:section", kwargs={"pk": assessment.pk, "domain": OTHER})
    assert client.get(other).status_code == 403
    own = reverse(
        "assessments:evidence", kwargs={"pk": assessment.pk, "evidence_id": world["own_file"].pk}
    )
    response = client.get(own)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    upload = reverse(
        "assessments:evidence_upload", kwargs={"pk": assessment.pk, "indicator": "RIGHTS.1.1"}
    )
    response = client.post(upload, {"file": SimpleUploadedFile("y.pdf", PDF)})
    assert response.status_code == 302
    assert EvidenceFile.objects.filter(uploaded_by=contributor).count() == 2


def test_a_member_still_sees_every_section_and_the_previous_cycle(client, world, focal_point):
    client.force_login(focal_point)
    content = html.unescape(client.get(world["assessment"].get_absolute_url()).content.decode())
    for name in domain_names(world["assessment"], ASSIGNED) + hidden_domains(world["assessment"]):
        assert name in content
    assert BASELINE_TITLE in content


def test_once_published_with_scores_everyone_sees_every_sections_progress(world, focal_point):
    assessment = world["assessment"]
    services.assessment_submit(actor=focal_point, assessment=assessment)
    services.assessment_sign(actor=focal_point, assessment=assessment)
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure="scores")
    content = html.unescape(Client().get(assessment.get_absolute_url()).content.decode())
    for name in domain_names(assessment, ASSIGNED) + hidden_domains(assessment):
        assert name in content
    assert BASELINE_TITLE not in content  # still unpublished


# --- The API ------------------------------------------------------------------------------


def _api_pk(w):
    return {"pk": w["assessment"].pk}


def check_api_list(w, data):
    titles = {row["title"] for row in data["results"]}
    assert w["assessment"].title in titles and BASELINE_TITLE not in titles


def check_api_detail(w, data):
    assert data["title"] == w["assessment"].title
    assert data["baseline"] is None  # the previous cycle is not the contributor's to see


def check_api_answers(w, data):
    assert {row["domain"] for row in data} == {ASSIGNED}
    assert THEIRS in [row["evidence"] for row in data]


def check_api_benchmarks(w, data):
    assert data["results"] == []


API_CASES = {
    "framework-list": (lambda w: {}, 200, None),
    "framework-detail": (lambda w: {"code": w["version"].framework.code}, 200, None),
    "frameworkversion-list": (lambda w: {}, 200, None),
    "frameworkversion-detail": (lambda w: {"pk": w["version"].pk}, 200, None),
    "assessment-list": (lambda w: {}, 200, check_api_list),
    "assessment-detail": (_api_pk, 200, check_api_detail),
    "assessment-scores": (_api_pk, 403, None),
    "assessment-answers": (_api_pk, 200, check_api_answers),
    "benchmark-list": (lambda w: {}, 200, check_api_benchmarks),
}


def api_route_names() -> set[str]:
    basenames = {"framework", "frameworkversion", "assessment", "benchmark"}
    return {
        url.name
        for url in router.urls
        if url.name and url.name.split("-")[0] in basenames and not url.name.endswith("root")
    }


def test_every_api_route_has_a_case():
    assert set(API_CASES) == api_route_names()


@pytest.mark.parametrize("name", sorted(API_CASES))
def test_the_contributor_on_each_api_route(world, name):
    kwargs, expected, check = API_CASES[name]
    api = APIClient()
    api.force_authenticate(User.objects.get(pk=world["contributor"].pk))
    response = api.get(reverse(f"api:{name}", kwargs=kwargs(world)))
    assert response.status_code == expected, (name, response.status_code)
    if check is not None:
        check(world, response.json())
    assert SECRET not in response.content.decode()


def test_the_baseline_of_a_contributor_who_is_also_a_viewer_shows(client, world):
    """Membership, not the invitation, opens the organisation's other cycles."""
    MembershipFactory(organisation=world["organisation"], user=world["contributor"], role="viewer")
    client.force_login(world["contributor"])
    assert BASELINE_TITLE in client.get(world["assessment"].get_absolute_url()).content.decode()
