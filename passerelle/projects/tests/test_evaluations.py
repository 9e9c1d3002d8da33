"""Evaluations with their OECD-DAC ratings and report, and lessons learned kept for the
knowledge platform."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import Visibility
from passerelle.projects import services
from passerelle.projects.models import Document, Evaluation, Lesson

from .conftest import days, fresh


def evaluation(**overrides) -> services.EvaluationData:
    values = {
        "type": "mid_term",
        "method": "mixed",
        "evaluator": "Independent Evaluation Group",
        "completed_on": days(-10),
        "findings": "The training reached every border post; referral is still uneven.",
        "ratings": {"relevance": 4, "effectiveness": 3, "sustainability": 2},
    }
    return services.EvaluationData(**{**values, **overrides})


def test_an_evaluation_is_recorded_with_its_report(project, runner):
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4 evaluation report")
    recorded = services.evaluation_record(
        actor=fresh(runner), project=project, data=evaluation(), report_upload=report
    )

    assert recorded.relevance == 4 and recorded.coherence is None
    assert recorded.language == "en"
    assert recorded.report.category == "A07" and recorded.report.file
    assert [r[0] for r in recorded.ratings()][:2] == ["Relevance", "Coherence"]
    assert AuditEntry.objects.filter(action="projects.evaluation.recorded").count() == 1


def test_a_bad_evaluation_is_refused_whole(project, runner):
    bad = evaluation(
        type="guess", evaluator=" ", completed_on=days(5), findings="", ratings={"beauty": 4}
    )
    with pytest.raises(ValidationError) as refused:
        services.evaluation_record(
            actor=fresh(runner), project=project, data=bad, report_url="https://example.org/r"
        )

    assert set(refused.value.message_dict) == {
        "type", "evaluator", "completed_on", "findings", "ratings",
    }  # fmt: skip
    assert not Evaluation.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize("who", ["reporter", "donor_editor", "outsider"])
def test_only_the_people_running_the_project_record_evaluations(project, who, request):
    with pytest.raises(PermissionDenied):
        services.evaluation_record(
            actor=fresh(request.getfixturevalue(who)), project=project, data=evaluation()
        )


def test_a_lesson_takes_the_project_tags_and_waits_for_the_knowledge_platform(project, runner):
    recorded = services.evaluation_record(actor=fresh(runner), project=project, data=evaluation())
    lesson = services.lesson_record(
        actor=fresh(runner), project=project, evaluation=recorded,
        title="Train the trainers first",
        text="Courses led by the police academy's own trainers kept going after the project.",
    )  # fmt: skip

    assert list(lesson.gcm_objectives.all()) == list(project.gcm_objectives.all())
    assert list(services.lessons_to_publish()) == [lesson]
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1)
    assert list(services.lessons_to_publish(since=later)) == []
    project.visibility = Visibility.PRIVATE
    project.save()
    assert list(services.lessons_to_publish()) == []


def test_a_lesson_from_another_projects_evaluation_is_refused(project, make_project, runner):
    other = make_project(title="Another project")
    foreign = services.evaluation_record(actor=fresh(runner), project=other, data=evaluation())
    with pytest.raises(ValidationError) as refused:
        services.lesson_record(
            actor=fresh(runner), project=project, evaluation=foreign, title="T", text="Text."
        )
    assert "evaluation" in refused.value.message_dict
    assert not Lesson.objects.exists()


def _client(user):
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    return client


def test_the_pages_record_an_evaluation_and_a_lesson(project, runner, reporter):
    create = reverse("projects:evaluation_create", kwargs={"pk": project.pk})
    assert _client(reporter).get(create).status_code == 403
    form = {
        "type": "final", "method": "desk_review", "evaluator": "Evaluators Ltd",
        "independent": "on", "completed_on": days(-3).isoformat(),
        "findings": "Targets were met.", "relevance": "3", "impact": "",
    }  # fmt: skip
    refused = _client(runner).post(create, {**form, "findings": ""})
    assert refused.status_code == 400 and not Evaluation.objects.exists()

    assert _client(runner).post(create, form).status_code == 302
    recorded = Evaluation.objects.get()
    assert recorded.relevance == 3 and recorded.impact is None

    edit = reverse(
        "projects:evaluation_update", kwargs={"pk": project.pk, "evaluation": recorded.pk}
    )
    assert _client(runner).post(edit, {**form, "relevance": "4"}).status_code == 302
    recorded.refresh_from_db()
    assert recorded.relevance == 4

    lesson = reverse("projects:lesson_create", kwargs={"pk": project.pk})
    done = _client(runner).post(
        lesson, {"title": "Start early", "text": "Recruit the trainers first.",
                 "evaluation": recorded.pk},
    )  # fmt: skip
    assert done.status_code == 302
    page = _client(reporter).get(project.get_absolute_url()).content.decode()
    assert "Start early" in page and "Ratings on the OECD-DAC criteria" in page
