"""Evidence files on reported values: attached by the value's reporter under the same rules as
entering it, served with the value (the project's people; everyone once approved)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD
from passerelle.core.models import AuditEntry
from passerelle.projects import services
from passerelle.projects.models import PeriodValue

from .conftest import fresh


def note(name="attendance.txt", content=b"Attendance list: 22 officials."):
    return SimpleUploadedFile(name, content)


def attach(reporter, framework, period, upload=None):
    return services.value_evidence_attach(
        actor=fresh(reporter), indicator=framework["trained"], period=period,
        upload=upload or note(),
    )  # fmt: skip


def test_a_reporter_attaches_and_replaces_the_evidence(
    framework, open_period, reporter, django_capture_on_commit_callbacks
):
    value = attach(reporter, framework, open_period)
    first = value.evidence_file.name
    assert value.evidence_name == "attendance.txt"
    assert value.evidence_file.storage.exists(first)
    assert AuditEntry.objects.filter(action="projects.value.evidence_attached").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        value = attach(reporter, framework, open_period, note("list.csv", b"name,sex\nA,F\n"))
    assert value.evidence_name == "list.csv"
    assert not value.evidence_file.storage.exists(first)


def test_a_bad_file_is_refused_and_nothing_is_kept(framework, open_period, reporter):
    with pytest.raises(ValidationError) as refused:
        attach(reporter, framework, open_period, note("tool.exe", b"MZ\x90\x00"))
    assert "file" in refused.value.message_dict
    assert not PeriodValue.objects.filter(period=open_period).exclude(evidence_file="").exists()


@pytest.mark.parametrize("who", ["runner", "implementer_viewer", "donor_editor", "outsider"])
def test_only_the_reporter_attaches(framework, open_period, who, request):
    with pytest.raises(PermissionDenied):
        attach(request.getfixturevalue(who), framework, open_period)


def test_a_locked_period_takes_no_evidence(framework, locked_period, reporter):
    with pytest.raises(ValidationError) as refused:
        attach(reporter, framework, locked_period)
    assert "This period is locked" in refused.value.messages[0]


def _client(user=None):
    client = Client()
    if user is not None:
        client.login(email=user.email, password=PASSWORD)
    return client


def test_the_evidence_is_served_with_the_value(
    project, framework, open_period, reporter, runner, outsider
):
    url = reverse(
        "projects:evidence_attach",
        kwargs={"pk": project.pk, "period": open_period.pk, "indicator": framework["trained"].pk},
    )
    refused = _client(reporter).post(url, {"file": note("tool.exe", b"MZ")})
    assert refused.status_code == 400
    assert "not accepted" in refused.content.decode()
    assert _client(reporter).post(url, {"file": note()}).status_code == 302

    value = PeriodValue.objects.get(indicator=framework["trained"], period=open_period)
    download = reverse("projects:evidence_download", kwargs={"value": value.pk})
    assert _client(runner).get(download).status_code == 200
    assert _client(outsider).get(download).status_code == 404  # not approved yet
    assert _client().get(download).status_code == 404

    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=services.ValueData(actual=Decimal(22)), expected_version=value.lock_version,
    )  # fmt: skip
    services.values_submit(actor=fresh(reporter), period=open_period)
    services.value_approve(actor=fresh(runner), value=value)
    response = _client().get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Attendance list: 22 officials."
