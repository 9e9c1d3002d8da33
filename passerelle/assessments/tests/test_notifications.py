"""Who hears of an assessment's progress: the contributor given a section, in their language, and
the focal points when it waits for their signature. Nobody else."""

import pytest

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.assessments import services
from passerelle.community.models import Notification

pytestmark = pytest.mark.django_db


def test_a_contributor_hears_of_the_section_given_to_them(
    assessment, focal_point, ministry_contributor, outsider, django_capture_on_commit_callbacks
):
    ministry_contributor.preferred_language = "fr"
    ministry_contributor.save()
    rights = assessment.version.domains.get(code="RIGHTS")
    with django_capture_on_commit_callbacks(execute=True):
        services.assignment_add(
            actor=focal_point, assessment=assessment, domain=rights, user=ministry_contributor
        )
    (notification,) = Notification.objects.filter(recipient=ministry_contributor)
    assert notification.kind == "assessment_assignment"
    assert notification.target == assessment
    assert notification.data["section"]["fr"] == rights.name_fr
    assert notification.data["url"] == f"/assessments/{assessment.pk}/sections/RIGHTS/"
    assert not Notification.objects.filter(recipient__in=[focal_point, outsider]).exists()


def test_the_focal_points_hear_of_a_submission(
    assessment, focal_point, verified_government, national_version,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    other_admin = MembershipFactory(organisation=verified_government, role="admin").user
    editor = MembershipFactory(organisation=verified_government, role="editor").user
    indicator = national_version.indicators.get(code="RIGHTS.1.1")
    services.agreed_answer_set(
        actor=focal_point, assessment=assessment, indicator=indicator, expected_version=None,
        level=2,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_submit(actor=focal_point, assessment=assessment)
    recipients = set(
        Notification.objects.filter(kind="assessment_validation").values_list(
            "recipient", flat=True
        )
    )
    # The actor is not told of their own action; the editor does not sign.
    assert recipients == {other_admin.pk}
    assert editor.pk not in recipients
