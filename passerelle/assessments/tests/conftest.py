"""Fixtures for assessment cycles: the shipped frameworks, a verified government with its focal
point, and a draft assessment it opened."""

import pytest

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.assessments import services
from passerelle.assessments.models import FrameworkVersion


@pytest.fixture
def national_version(db):
    return FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL", version="1.0")


@pytest.fixture
def local_version(db):
    return FrameworkVersion.objects.get(framework__code="PASSERELLE-LOCAL", version="1.0")


@pytest.fixture
def verified_government(db):
    return OrganisationFactory(type="national_government", verification_status="verified")


@pytest.fixture
def focal_point(verified_government):
    """An administrator of a verified government: coordinates and validates its assessments."""
    return MembershipFactory(organisation=verified_government, role="admin").user


@pytest.fixture
def assessment(focal_point, verified_government, national_version):
    return services.assessment_open(
        actor=focal_point,
        organisation=verified_government,
        version=national_version,
        title="National assessment 2026",
        scope="national",
        language="en",
    )


@pytest.fixture
def ministry_contributor(db):
    """A member of another ministry, invited to answer a section."""
    return MembershipFactory(
        organisation=OrganisationFactory(type="national_government"), role="editor"
    ).user
