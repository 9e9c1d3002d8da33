"""The services of an assessment cycle: who may do what, what is refused and with which message,
that nothing is half-written, and that every change leaves an audit entry."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from passerelle.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from passerelle.assessments import interchange, services
from passerelle.assessments.models import (
    AgreedAnswer,
    Answer,
    Assessment,
    Assignment,
    EvidenceFile,
    FrameworkVersion,
    Signature,
)
from passerelle.core.models import AuditEntry

pytestmark = pytest.mark.django_db


# --- helpers ----------------------------------------------------------------------------------


def member(organisation, role):
    return MembershipFactory(organisation=organisation, role=role).user


def actions(obj):
    """The audit actions recorded on `obj`, oldest first."""
    return list(reversed(AuditEntry.objects.for_object(obj).values_list("action", flat=True)))


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def indicator(assessment, code):
    return assessment.version.indicators.get(code=code)


def domain(assessment, code):
    return assessment.version.domains.get(code=code)


def save(actor, assessment, code, expected_version=None, **fields):
    return services.answer_save(
        actor=actor,
        assessment=assessment,
        indicator=indicator(assessment, code),
        expected_version=expected_version,
        **fields,
    )


def agree(actor, assessment, code, expected_version=None, **fields):
    return services.agreed_answer_set(
        actor=actor,
        assessment=assessment,
        indicator=indicator(assessment, code),
        expected_version=expected_version,
        **fields,
    )


def reload(assessment):
    return Assessment.objects.get(pk=assessment.pk)


def advance(assessment, coordinator, to):
    """Take a draft assessment with nothing agreed to status `to`, through the services."""
    agree(coordinator, assessment, "RIGHTS.1.1", level=2)
    if to == "consultation":
        return services.consultation_start(actor=coordinator, assessment=assessment)
    services.assessment_submit(actor=coordinator, assessment=assessment)
    if to in ("validated", "published"):
        services.assessment_sign(actor=coordinator, assessment=assessment)
    if to == "published":
        services.assessment_publish(actor=coordinator, assessment=assessment, disclosure="scores")
    assessment = reload(assessment)
    assert assessment.status == to
    return assessment


def next_version(secretariat, previous, edit=None, publish=True):
    """Version 1.1 of `previous`'s framework, each indicator mapped to the same code, then
    changed by `edit(rows)`."""
    rows = interchange.version_rows(previous)
    for row in rows:
        row["maps_to"] = row["indicator"]
    if edit:
        edit(rows)
    draft = services.version_import(
        actor=secretariat, framework=previous.framework, version="1.1", scale=previous.scale,
        previous=previous, rows=rows,
    )  # fmt: skip
    return services.version_publish(actor=secretariat, version=draft) if publish else draft


def open_cycle(actor, organisation, version, **fields):
    return services.assessment_open(
        actor=actor,
        organisation=organisation,
        version=version,
        title=fields.pop("title", "Second cycle"),
        scope=fields.pop("scope", "national"),
        language=fields.pop("language", "en"),
        **fields,
    )


@pytest.fixture
def editor_of_government(verified_government):
    return member(verified_government, "editor")


@pytest.fixture
def viewer_of_government(verified_government):
    return member(verified_government, "viewer")


@pytest.fixture
def contributor(assessment, focal_point, ministry_contributor):
    """Another ministry's editor, given the RIGHTS section."""
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=domain(assessment, "RIGHTS"),
        user=ministry_contributor,
    )
    return ministry_contributor


# --- opening ----------------------------------------------------------------------------------


def test_an_administrator_opens_a_cycle(
    assessment, focal_point, verified_government, national_version
):
    assert assessment.status == "draft" and assessment.disclosure == "nothing"
    assert assessment.opened_by == focal_point and assessment.baseline is None
    assert assessment.organisation == verified_government
    entry = AuditEntry.objects.for_object(assessment).get()
    assert entry.action == "assessments.assessment.opened" and entry.actor == focal_point
    assert entry.data == {"version": str(national_version), "baseline": None, "copied": 0}


@pytest.mark.parametrize("role", ["editor", "contributor", "viewer"])
def test_only_an_administrator_opens_a_cycle(role, verified_government, national_version):
    with pytest.raises(PermissionDenied):
        open_cycle(member(verified_government, role), verified_government, national_version)
    assert not Assessment.objects.exists()


def test_an_outsider_cannot_open_a_cycle_for_an_organisation(
    outsider, verified_government, national_version
):
    with pytest.raises(PermissionDenied):
        open_cycle(outsider, verified_government, national_version)
    assert not Assessment.objects.exists()


def test_only_a_published_version_can_be_assessed(
    focal_point, verified_government, national_version, secretariat
):
    draft = next_version(secretariat, national_version, publish=False)
    with pytest.raises(ValidationError, match="Choose a published framework version"):
        open_cycle(focal_point, verified_government, draft)
    FrameworkVersion.objects.filter(pk=national_version.pk).update(status="retired")
    national_version.refresh_from_db()
    with pytest.raises(ValidationError, match="Choose a published framework version"):
        open_cycle(focal_point, verified_government, national_version)
    assert not Assessment.objects.exists()
    assert not AuditEntry.objects.filter(action="assessments.assessment.opened").exists()


def test_the_baseline_must_be_a_validated_cycle_of_the_same_organisation_and_framework(
    assessment, focal_point, verified_government, national_version, local_version
):
    # A draft is not a baseline.
    with pytest.raises(ValidationError, match="Start from a validated or published cycle"):
        open_cycle(focal_point, verified_government, national_version, baseline=assessment)
    # Another organisation's validated cycle is not either.
    other = OrganisationFactory(type="national_government", verification_status="verified")
    other_admin = member(other, "admin")
    theirs = advance(open_cycle(other_admin, other, national_version), other_admin, "validated")
    with pytest.raises(ValidationError, match="Start from one of this organisation's cycles"):
        open_cycle(focal_point, verified_government, national_version, baseline=theirs)
    # Nor a cycle on another framework.
    validated = advance(assessment, focal_point, "validated")
    with pytest.raises(ValidationError, match="Start from a cycle on the same framework"):
        open_cycle(
            focal_point, verified_government, local_version, scope="local", baseline=validated
        )
    assert Assessment.objects.filter(organisation=verified_government).count() == 1


@pytest.mark.parametrize("status", ["validated", "published"])
def test_the_baseline_answers_are_copied_and_marked(
    status, assessment, focal_point, verified_government, national_version, contributor
):
    agree(
        focal_point, assessment, "RIGHTS.2.1", level=1, desired_level=3, priority="high",
        evidence="A decree of 2024.", links="https://example.org/decree",
    )  # fmt: skip
    agree(focal_point, assessment, "WGA.1.1", desired_level=2)  # no level: copied as it is
    save(contributor, assessment, "RIGHTS.1.2", level=4)  # a view: not copied
    baseline = advance(assessment, focal_point, status)
    cycle = open_cycle(focal_point, verified_government, national_version, baseline=baseline)
    assert cycle.baseline == baseline and cycle.status == "draft"
    copied = {a.indicator.code: a for a in cycle.agreed_answers.select_related("indicator")}
    assert set(copied) == {"RIGHTS.1.1", "RIGHTS.2.1", "WGA.1.1"}  # RIGHTS.1.1 from advance()
    rights = copied["RIGHTS.2.1"]
    assert (rights.level, rights.desired_level, rights.priority) == (1, 3, "high")
    assert (rights.evidence, rights.links) == ("A decree of 2024.", "https://example.org/decree")
    assert copied["WGA.1.1"].level is None and copied["WGA.1.1"].desired_level == 2
    assert all(a.from_baseline and a.set_by == focal_point for a in copied.values())
    assert not cycle.answers.exists()
    assert AuditEntry.objects.for_object(cycle).get().data["copied"] == 3
    # Reviewing a copied answer makes it the cycle's own.
    reviewed = agree(focal_point, cycle, "RIGHTS.2.1", expected_version=1, level=2)
    assert not reviewed.from_baseline and reviewed.lock_version == 2
    # The baseline keeps its answers.
    assert baseline.agreed_answers.get(indicator__code="RIGHTS.2.1").level == 1


def test_the_baseline_copy_follows_the_version_mapping(
    assessment, focal_point, verified_government, national_version, secretariat
):
    def swap(rows):
        by_code = {row["indicator"]: row for row in rows}
        by_code["RIGHTS.1.1"]["maps_to"] = "RIGHTS.1.2"
        by_code["RIGHTS.1.2"]["maps_to"] = "RIGHTS.1.1"
        by_code["SORM.3.3"]["maps_to"] = ""  # a new indicator in 1.1

    agree(focal_point, assessment, "RIGHTS.1.1", level=1)
    agree(focal_point, assessment, "RIGHTS.1.2", level=4)
    agree(focal_point, assessment, "SORM.3.3", level=3)
    agree(focal_point, assessment, "SORM.3.2", level=2)
    services.assessment_submit(actor=focal_point, assessment=assessment)
    services.assessment_sign(actor=focal_point, assessment=assessment)
    v11 = next_version(secretariat, national_version, edit=swap)
    cycle = open_cycle(focal_point, verified_government, v11, baseline=reload(assessment))
    copied = {
        a.indicator.code: (a.level, a.indicator.version_id, a.from_baseline)
        for a in cycle.agreed_answers.select_related("indicator")
    }
    assert copied == {
        "RIGHTS.1.1": (4, v11.pk, True),  # was 1.0's RIGHTS.1.2
        "RIGHTS.1.2": (1, v11.pk, True),  # was 1.0's RIGHTS.1.1
        "SORM.3.2": (2, v11.pk, True),
        # SORM.3.3 is new in 1.1: nothing to start from.
    }


def test_a_local_scope_copies_only_the_indicators_it_answers(
    assessment, focal_point, verified_government, national_version
):
    agree(focal_point, assessment, "RIGHTS.1.3", level=3)  # national and local
    baseline = advance(assessment, focal_point, "validated")  # + RIGHTS.1.1, national only
    cycle = open_cycle(
        focal_point, verified_government, national_version, scope="local", baseline=baseline
    )
    assert list(cycle.agreed_answers.values_list("indicator__code", flat=True)) == ["RIGHTS.1.3"]


# --- sections ---------------------------------------------------------------------------------


def test_the_coordinator_gives_sections_to_people_of_other_organisations(
    assessment, focal_point, ministry_contributor
):
    rights = domain(assessment, "RIGHTS")
    assignment = services.assignment_add(
        actor=focal_point, assessment=assessment, domain=rights, user=ministry_contributor
    )
    assert (assignment.domain, assignment.user, assignment.assigned_by) == (
        rights,
        ministry_contributor,
        focal_point,
    )
    loner = UserFactory()  # belongs to no organisation at all
    services.assignment_add(actor=focal_point, assessment=assessment, domain=rights, user=loner)
    # The same person may have several sections.
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=domain(assessment, "WGA"),
        user=ministry_contributor,
    )
    assert assessment.assignments.count() == 3
    assert actions(assessment).count("assessments.assignment.created") == 3
    entry = AuditEntry.objects.filter(action="assessments.assignment.created").last()
    assert entry.actor == focal_point and entry.data["domain"] == "RIGHTS"


def test_a_person_gets_a_section_once(assessment, focal_point, contributor):
    with pytest.raises(ValidationError) as raised:
        services.assignment_add(
            actor=focal_point,
            assessment=assessment,
            domain=domain(assessment, "RIGHTS"),
            user=contributor,
        )
    assert raised.value.message_dict == {
        "email": ["This person already contributes to this section."]
    }
    assert assessment.assignments.count() == 1


def test_a_section_must_belong_to_the_assessment(
    assessment, focal_point, ministry_contributor, local_version
):
    with pytest.raises(ValidationError, match="Choose a section of this assessment"):
        services.assignment_add(
            actor=focal_point,
            assessment=assessment,
            domain=local_version.domains.get(code="RIGHTS"),
            user=ministry_contributor,
        )
    assert not assessment.assignments.exists()


def test_an_inactive_account_gets_no_section(assessment, focal_point):
    with pytest.raises(ValidationError, match="not active"):
        services.assignment_add(
            actor=focal_point,
            assessment=assessment,
            domain=domain(assessment, "RIGHTS"),
            user=UserFactory(is_active=False),
        )


def test_only_the_coordinator_gives_sections(
    assessment, editor_of_government, contributor, outsider, secretariat, ministry_contributor
):
    for actor in (editor_of_government, contributor, outsider, secretariat):
        with pytest.raises(PermissionDenied):
            services.assignment_add(
                actor=actor,
                assessment=assessment,
                domain=domain(assessment, "WGA"),
                user=ministry_contributor,
            )
    assert assessment.assignments.count() == 1  # the contributor fixture's


def test_no_section_is_given_once_submitted(assessment, focal_point, ministry_contributor):
    advance(assessment, focal_point, "submitted")
    with pytest.raises(PermissionDenied):
        services.assignment_add(
            actor=focal_point,
            assessment=assessment,
            domain=domain(assessment, "RIGHTS"),
            user=ministry_contributor,
        )


def test_removing_a_section_keeps_the_answers(
    assessment, focal_point, contributor, editor_of_government
):
    answer = save(contributor, assessment, "RIGHTS.1.1", level=2)
    assignment = assessment.assignments.get()
    with pytest.raises(PermissionDenied):
        services.assignment_remove(actor=editor_of_government, assignment=assignment)
    with pytest.raises(PermissionDenied):
        services.assignment_remove(actor=contributor, assignment=assignment)
    services.assignment_remove(actor=focal_point, assignment=assignment)
    assert not Assignment.objects.exists()
    assert Answer.objects.filter(pk=answer.pk).exists()
    assert actions(assessment)[-1] == "assessments.assignment.removed"
    # The former contributor may no longer answer.
    with pytest.raises(PermissionDenied):
        save(contributor, assessment, "RIGHTS.1.1", expected_version=1, level=3)


# --- answers ----------------------------------------------------------------------------------


def test_a_contributor_answers_the_assigned_sections_only(assessment, contributor):
    answer = save(
        contributor, assessment, "RIGHTS.1.1", level=2, desired_level=4, priority="high",
        evidence="  A law.  ", links="https://example.org/law\n\n  http://example.org/b  \n",
    )  # fmt: skip
    assert (answer.author, answer.level, answer.desired_level, answer.gap) == (
        contributor, 2, 4, 2,
    )  # fmt: skip
    assert answer.evidence == "A law." and answer.lock_version == 1
    assert answer.link_list == ["https://example.org/law", "http://example.org/b"]
    assert actions(answer) == ["assessments.answer.saved"]
    with pytest.raises(PermissionDenied):
        save(contributor, assessment, "WGA.1.1", level=2)
    assert Answer.objects.count() == 1
    assert AuditEntry.objects.filter(action="assessments.answer.saved").count() == 1


def test_an_editor_of_the_organisation_answers_any_section(assessment, editor_of_government):
    for code in ("RIGHTS.1.1", "WGA.1.1", "SORM.3.3"):
        save(editor_of_government, assessment, code, level=3)
    assert Answer.objects.filter(author=editor_of_government).count() == 3


@pytest.mark.parametrize("role", ["viewer", "contributor"])
def test_members_below_editor_do_not_answer(role, assessment, verified_government):
    with pytest.raises(PermissionDenied):
        save(member(verified_government, role), assessment, "RIGHTS.1.1", level=2)
    assert not Answer.objects.exists()


def test_outsiders_do_not_answer(assessment, outsider, secretariat, ministry_contributor):
    for actor in (outsider, secretariat, ministry_contributor):  # not assigned
        with pytest.raises(PermissionDenied):
            save(actor, assessment, "RIGHTS.1.1", level=2)
    assert not Answer.objects.exists()


def test_answers_are_open_during_consultation(assessment, focal_point, contributor):
    advance(assessment, focal_point, "consultation")
    assert save(contributor, assessment, "RIGHTS.1.1", level=1).level == 1


@pytest.mark.parametrize("status", ["submitted", "validated", "published"])
def test_no_answer_changes_once_submitted(
    status, assessment, focal_point, contributor, editor_of_government
):
    save(contributor, assessment, "RIGHTS.1.2", level=1)
    advance(assessment, focal_point, status)
    for actor in (contributor, editor_of_government):
        with pytest.raises(PermissionDenied):
            save(actor, assessment, "RIGHTS.1.1", level=2)
    with pytest.raises(PermissionDenied):
        save(contributor, assessment, "RIGHTS.1.2", expected_version=1, level=4)
    with pytest.raises(PermissionDenied):
        agree(focal_point, assessment, "RIGHTS.1.2", level=3)
    assert Answer.objects.get().level == 1
    assert list(AgreedAnswer.objects.values_list("indicator__code", flat=True)) == ["RIGHTS.1.1"]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"level": 0}, "level"),
        ({"level": 5}, "level"),
        ({"level": 2, "desired_level": 5}, "desired_level"),
        ({"level": 2, "desired_level": 0}, "desired_level"),
    ],
)
def test_levels_outside_the_four_level_scale_are_refused(
    fields, field, assessment, editor_of_government
):
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as raised:
        save(editor_of_government, assessment, "RIGHTS.1.1", **fields)
    assert raised.value.message_dict == {field: ["Choose a level from 1 to 4."]}
    assert not Answer.objects.exists()
    assert AuditEntry.objects.count() == entries


def test_level_4_is_refused_on_the_three_level_local_framework(
    focal_point, verified_government, local_version
):
    city = open_cycle(focal_point, verified_government, local_version, scope="local")
    with pytest.raises(ValidationError) as raised:
        save(focal_point, city, "RIGHTS.1.1", level=4)
    assert raised.value.message_dict == {"level": ["Choose a level from 1 to 3."]}
    with pytest.raises(ValidationError, match="from 1 to 3"):
        agree(focal_point, city, "RIGHTS.1.1", level=4)
    assert not Answer.objects.exists() and not AgreedAnswer.objects.exists()
    assert save(focal_point, city, "RIGHTS.1.1", level=3).level == 3


@pytest.mark.parametrize(
    "links",
    [
        "not a link",
        "ftp://example.org/file.pdf",
        "javascript:alert(1)",
        "https://example.org/ok\nwww.example.org/no-scheme",
    ],
)
def test_bad_links_are_refused(links, assessment, editor_of_government):
    with pytest.raises(ValidationError) as raised:
        save(editor_of_government, assessment, "RIGHTS.1.1", level=2, links=links)
    (message,) = raised.value.message_dict["links"]
    assert "is not a web address (http:// or https://)" in message
    assert links.splitlines()[-1].strip()[:80] in message
    assert not Answer.objects.exists()


def test_all_bad_fields_are_reported_together(assessment, editor_of_government):
    with pytest.raises(ValidationError) as raised:
        save(
            editor_of_government, assessment, "RIGHTS.1.1",
            level=9, desired_level=0, priority="urgent", links="nope",
        )  # fmt: skip
    assert set(raised.value.message_dict) == {"level", "desired_level", "priority", "links"}
    assert raised.value.message_dict["priority"] == ["Choose high, medium or low."]


def test_an_indicator_of_another_version_is_refused(
    assessment, editor_of_government, local_version
):
    with pytest.raises(ValidationError, match="not part of the assessment"):
        services.answer_save(
            actor=editor_of_government,
            assessment=assessment,
            indicator=local_version.indicators.first(),
            expected_version=None,
            level=2,
        )
    assert not Answer.objects.exists()


def test_two_saves_from_the_same_version_the_second_is_a_conflict(assessment, contributor):
    first = save(contributor, assessment, "RIGHTS.1.1", level=1, evidence="Draft")
    assert first.lock_version == 1
    # Two browser tabs read version 1; the first saves, then the second. (A save carries the
    # whole answer.)
    saved = save(
        contributor, assessment, "RIGHTS.1.1", expected_version=1, level=2, evidence="Draft"
    )
    assert saved.lock_version == 2 and saved.pk == first.pk
    with pytest.raises(services.AnswerConflict) as raised:
        save(contributor, assessment, "RIGHTS.1.1", expected_version=1, level=4, evidence="Other")
    current = raised.value.current
    # The conflict carries the newer answer, so that the person sees both.
    assert (current.pk, current.level, current.lock_version) == (first.pk, 2, 2)
    # The database holds the first save, whole.
    row = Answer.objects.get()
    assert (row.level, row.evidence, row.lock_version) == (2, "Draft", 2)
    assert actions(row) == ["assessments.answer.saved"] * 2
    # Saving again from the newer version works.
    assert save(contributor, assessment, "RIGHTS.1.1", expected_version=2, level=4).level == 4


def test_two_first_saves_the_second_is_a_conflict(assessment, contributor):
    save(contributor, assessment, "RIGHTS.1.1", level=1)
    with pytest.raises(services.AnswerConflict) as raised:
        save(contributor, assessment, "RIGHTS.1.1", expected_version=None, level=3)
    assert raised.value.current.level == 1
    assert Answer.objects.get().level == 1


def test_a_save_from_a_version_of_a_vanished_answer_is_a_conflict(assessment, contributor):
    with pytest.raises(services.AnswerConflict) as raised:
        save(contributor, assessment, "RIGHTS.1.1", expected_version=3, level=3)
    assert raised.value.current is None
    assert not Answer.objects.exists()


def test_each_contributor_has_a_view_of_their_own(assessment, contributor, editor_of_government):
    save(contributor, assessment, "RIGHTS.1.1", level=1)
    save(editor_of_government, assessment, "RIGHTS.1.1", level=3)  # no conflict: another row
    assert sorted(Answer.objects.values_list("level", flat=True)) == [1, 3]


def test_the_agreed_answer_is_the_coordinators(assessment, focal_point, editor_of_government):
    with pytest.raises(PermissionDenied):
        agree(editor_of_government, assessment, "RIGHTS.1.1", level=3)
    agreed = agree(focal_point, assessment, "RIGHTS.1.1", level=3, desired_level=4)
    assert (agreed.level, agreed.set_by, agreed.from_baseline) == (3, focal_point, False)
    assert actions(agreed) == ["assessments.agreed_answer.set"]
    with pytest.raises(ValidationError, match="from 1 to 4"):
        agree(focal_point, assessment, "RIGHTS.1.1", expected_version=1, level=5)
    assert AgreedAnswer.objects.get().level == 3


def test_two_agreements_from_the_same_version_the_second_is_a_conflict(
    assessment, focal_point, verified_government
):
    other_admin = member(verified_government, "admin")
    agree(focal_point, assessment, "WGA.1.1", level=1)
    agree(focal_point, assessment, "WGA.1.1", expected_version=1, level=2, priority="low")
    with pytest.raises(services.AnswerConflict) as raised:
        agree(other_admin, assessment, "WGA.1.1", expected_version=1, level=4, priority="high")
    current = raised.value.current
    assert (current.level, current.priority, current.lock_version) == (2, "low", 2)
    row = AgreedAnswer.objects.get()
    assert (row.level, row.priority, row.lock_version, row.set_by) == (2, "low", 2, focal_point)
    assert actions(row) == ["assessments.agreed_answer.set"] * 2
    with pytest.raises(services.AnswerConflict):
        agree(other_admin, assessment, "WGA.1.1", expected_version=None, level=4)
    assert AgreedAnswer.objects.get().level == 2


# --- evidence files ---------------------------------------------------------------------------


def stored_files() -> set[Path]:
    root = Path(storages["private"].location)
    return {path for path in root.rglob("*") if path.is_file()}


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        archive.writestr("word/document.xml", "<w:document>Decree</w:document>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


@pytest.fixture
def answer(assessment, contributor):
    return save(contributor, assessment, "RIGHTS.1.1", level=2)


def add(actor, answer, name, content):
    return services.evidence_add(
        actor=actor, answer=answer, upload=SimpleUploadedFile(name, content)
    )


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("decree.pdf", PDF, "application/pdf"),
        ("SCAN.PDF", PDF, "application/pdf"),
        ("chart.png", PNG, "image/png"),
        (
            "report.docx",
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("figures.csv", "year,count\n2025,12\nSão Tomé,3\n".encode(), "text/csv"),
        # The 2048-byte sample ends inside a two-byte character: still text.
        ("long.csv", b"a" * 2047 + "é".encode() + b"\n", "text/csv"),
        # Excel on Windows saves CSV in Windows-1252.
        ("excel.csv", "Région;Coût\nSédhiou;12 €\n".encode("cp1252"), "text/csv"),
    ],
)
def test_accepted_evidence(name, content, content_type, answer, contributor):
    before = stored_files()
    stored = add(contributor, answer, name, content)
    assert (stored.name, stored.content_type, stored.size) == (name, content_type, len(content))
    assert stored.uploaded_by == contributor and stored.answer == answer
    new = stored_files() - before
    assert len(new) == 1
    (path,) = new
    assert path.read_bytes() == content and path.name == name
    with stored.file.open("rb") as handle:
        assert handle.read() == content
    assert actions(answer)[-1] == "assessments.evidence.added"
    entry = AuditEntry.objects.for_object(answer).first()
    assert entry.data["name"] == name and entry.data["size"] == len(content)


def test_a_long_file_name_is_kept_for_display(answer, contributor):
    name = "a-very-long-name-" * 8 + ".pdf"  # 140 characters
    stored = add(contributor, answer, name, PDF)
    assert stored.name == name
    assert stored.file.name.endswith(".pdf") and len(stored.file.name) <= 100


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", "Files of this type are not accepted"),
        ("page.html", b"<html><script>alert(1)</script></html>", "not accepted"),
        ("decree.pdf.exe", b"MZ\x90\x00", "not accepted"),
        ("README", b"plain text", "not accepted"),
        ("decree.pdf", b"This is only text, named like a PDF.", "not a .pdf file"),
        ("chart.png", PDF, "not a .png file"),
        ("report.docx", b"PK\x03\x04 but not a zip at all", "not a .docx file"),
        ("report.docx", PDF, "not a .docx file"),
        ("figures.csv", b"year,count\x00\x01\x02", "not a .csv file"),
        ("figures.csv", b"year,count\n2025,12\n\x81", "not a .csv file"),  # neither UTF-8 nor 1252
        ("notes.txt", b"\x1b[31mterminal codes\x1b[0m", "not a .txt file"),
        ("empty.pdf", b"", "The file is empty."),
    ],
)
def test_refused_evidence(name, content, message, answer, contributor):
    before = stored_files()
    with pytest.raises(ValidationError) as raised:
        add(contributor, answer, name, content)
    (text,) = raised.value.message_dict["file"]
    assert message in text
    assert not EvidenceFile.objects.exists()
    assert stored_files() == before
    assert "assessments.evidence.added" not in actions(answer)


def test_the_accepted_kinds_are_listed_when_refusing(answer, contributor):
    with pytest.raises(ValidationError) as raised:
        add(contributor, answer, "setup.exe", b"MZ")
    assert "Accepted: csv, docx, jpeg, jpg, ods, odt, pdf, png, pptx, txt, xlsx." in messages(
        raised.value
    )


def test_too_large_evidence(settings, answer, contributor):
    settings.ASSESSMENTS = {**settings.ASSESSMENTS, "EVIDENCE_MAX_BYTES": len(PDF)}
    before = stored_files()
    with pytest.raises(ValidationError) as raised:
        add(contributor, answer, "big.pdf", PDF + b"x")
    text = messages(raised.value)
    assert "The file is too large" in text and f"the limit is {len(PDF)}" in text
    assert not EvidenceFile.objects.exists() and stored_files() == before
    assert add(contributor, answer, "exactly.pdf", PDF).size == len(PDF)  # the limit itself


def test_too_many_evidence_files(settings, answer, contributor):
    settings.ASSESSMENTS = {**settings.ASSESSMENTS, "EVIDENCE_PER_ANSWER": 2}
    add(contributor, answer, "one.pdf", PDF)
    add(contributor, answer, "two.pdf", PDF)
    before = stored_files()
    with pytest.raises(ValidationError) as raised:
        add(contributor, answer, "three.pdf", PDF)
    assert raised.value.message_dict == {"file": ["An answer holds at most 2 files."]}
    assert answer.files.count() == 2 and stored_files() == before


def test_only_the_author_adds_evidence(
    answer, focal_point, editor_of_government, outsider, assessment
):
    for actor in (focal_point, editor_of_government, outsider):
        with pytest.raises(PermissionDenied):
            add(actor, answer, "decree.pdf", PDF)
    assert not EvidenceFile.objects.exists()


def test_no_evidence_once_submitted(answer, contributor, assessment, focal_point):
    advance(assessment, focal_point, "submitted")
    with pytest.raises(PermissionDenied):
        add(contributor, answer, "decree.pdf", PDF)
    assert not EvidenceFile.objects.exists()


def test_no_evidence_once_the_section_is_taken_back(answer, contributor, focal_point):
    kept = add(contributor, answer, "kept.pdf", PDF)
    services.assignment_remove(actor=focal_point, assignment=Assignment.objects.get())
    with pytest.raises(PermissionDenied):
        add(contributor, answer, "decree.pdf", PDF)
    with pytest.raises(PermissionDenied):  # what was given stays on the record
        services.evidence_delete(actor=contributor, evidence=kept)
    assert list(EvidenceFile.objects.all()) == [kept]


def test_no_evidence_once_out_of_the_organisation(assessment, verified_government):
    editor = member(verified_government, "editor")
    answer = save(editor, assessment, "WGA.1.1", level=3)
    editor.memberships.all().delete()
    del editor.organisation_roles  # a new request
    with pytest.raises(PermissionDenied):
        add(editor, answer, "decree.pdf", PDF)
    assert not EvidenceFile.objects.exists()


def test_the_author_deletes_evidence(
    answer, contributor, focal_point, django_capture_on_commit_callbacks
):
    stored = add(contributor, answer, "decree.pdf", PDF)
    path = Path(stored.file.path)
    with pytest.raises(PermissionDenied):
        services.evidence_delete(actor=focal_point, evidence=stored)
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_delete(actor=contributor, evidence=stored)
    assert not EvidenceFile.objects.exists()
    assert not path.exists()  # removed once the deletion is committed
    assert actions(answer)[-1] == "assessments.evidence.deleted"


# --- from draft to publication ----------------------------------------------------------------


def test_from_draft_to_publication(assessment, focal_point):
    services.consultation_start(actor=focal_point, assessment=assessment)
    assert reload(assessment).status == "consultation"
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    services.assessment_submit(actor=focal_point, assessment=assessment)
    submitted = reload(assessment)
    assert submitted.status == "submitted" and submitted.submitted_at
    services.assessment_sign(actor=focal_point, assessment=assessment)
    validated = reload(assessment)
    assert validated.status == "validated" and validated.validated_at
    assert list(validated.signatures.values_list("user", flat=True)) == [focal_point.pk]
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure="scores")
    published = reload(assessment)
    assert (published.status, published.disclosure) == ("published", "scores")
    assert published.published_at
    assert actions(assessment) == [
        "assessments.assessment.opened",
        "assessments.assessment.consultation_started",
        "assessments.assessment.submitted",
        "assessments.assessment.signed",
        "assessments.assessment.validated",
        "assessments.assessment.published",
    ]
    entry = AuditEntry.objects.for_object(assessment).first()
    assert entry.data["from"] == "validated" and entry.data["to"] == "published"
    assert entry.data["disclosure"] == "scores"


def test_consultation_starts_from_a_draft_by_the_coordinator(
    assessment, focal_point, editor_of_government
):
    with pytest.raises(PermissionDenied):
        services.consultation_start(actor=editor_of_government, assessment=assessment)
    services.consultation_start(actor=focal_point, assessment=assessment)
    with pytest.raises(PermissionDenied):  # already in consultation
        services.consultation_start(actor=focal_point, assessment=assessment)


def test_submitting_needs_an_agreed_level(assessment, focal_point, editor_of_government):
    with pytest.raises(ValidationError, match="Agree on at least one answer before submitting"):
        services.assessment_submit(actor=focal_point, assessment=assessment)
    agree(focal_point, assessment, "RIGHTS.1.1", desired_level=3)  # no level yet
    with pytest.raises(ValidationError, match="Agree on at least one answer"):
        services.assessment_submit(actor=focal_point, assessment=assessment)
    assert reload(assessment).status == "draft"
    agree(focal_point, assessment, "RIGHTS.1.1", expected_version=1, level=1)
    with pytest.raises(PermissionDenied):
        services.assessment_submit(actor=editor_of_government, assessment=assessment)
    services.assessment_submit(actor=focal_point, assessment=assessment)
    assert reload(assessment).status == "submitted"
    with pytest.raises(PermissionDenied):  # once
        services.assessment_submit(actor=focal_point, assessment=assessment)


def test_an_unverified_government_is_told_to_get_verified(government, government_admin):
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    cycle = open_cycle(government_admin, government, version)
    agree(government_admin, cycle, "RIGHTS.1.1", level=2)
    services.assessment_submit(actor=government_admin, assessment=cycle)
    with pytest.raises(ValidationError) as raised:
        services.assessment_sign(actor=government_admin, assessment=cycle)
    assert messages(raised.value) == (
        "The secretariat must verify your organisation's focal points first."
    )
    assert reload(cycle).status == "submitted" and not Signature.objects.exists()
    assert "assessments.assessment.signed" not in actions(cycle)


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_only_an_administrator_signs(role, assessment, focal_point, verified_government):
    advance(assessment, focal_point, "submitted")
    with pytest.raises(PermissionDenied):
        services.assessment_sign(actor=member(verified_government, role), assessment=assessment)
    assert not Signature.objects.exists()


def test_outsiders_do_not_sign(assessment, focal_point, outsider, secretariat, contributor):
    advance(assessment, focal_point, "submitted")
    for actor in (outsider, secretariat, contributor):
        with pytest.raises(PermissionDenied):
            services.assessment_sign(actor=actor, assessment=assessment)
    assert not Signature.objects.exists()


def test_a_draft_is_not_signed(assessment, focal_point):
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    with pytest.raises(PermissionDenied):
        services.assessment_sign(actor=focal_point, assessment=assessment)


def test_two_signatures_required(focal_point, verified_government, national_version):
    second_admin = member(verified_government, "admin")
    cycle = open_cycle(focal_point, verified_government, national_version, signatories_required=2)
    advance(cycle, focal_point, "submitted")
    services.assessment_sign(actor=focal_point, assessment=cycle)
    assert reload(cycle).status == "submitted"  # one of two
    with pytest.raises(ValidationError, match="You have signed this assessment already"):
        services.assessment_sign(actor=focal_point, assessment=cycle)
    assert cycle.signatures.count() == 1
    services.assessment_sign(actor=second_admin, assessment=cycle)
    cycle = reload(cycle)
    assert cycle.status == "validated" and cycle.validated_at
    assert set(cycle.signatures.values_list("user", flat=True)) == {
        focal_point.pk,
        second_admin.pk,
    }
    assert actions(cycle)[-3:] == [
        "assessments.assessment.signed",
        "assessments.assessment.signed",
        "assessments.assessment.validated",
    ]


@pytest.mark.parametrize("disclosure", ["scores", "all"])
def test_publishing_discloses_scores_or_everything(disclosure, assessment, focal_point):
    advance(assessment, focal_point, "validated")
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure=disclosure)
    assert reload(assessment).disclosure == disclosure


@pytest.mark.parametrize("disclosure", ["nothing", "", "everything"])
def test_publishing_nothing_is_refused(disclosure, assessment, focal_point):
    advance(assessment, focal_point, "validated")
    with pytest.raises(ValidationError) as raised:
        services.assessment_publish(actor=focal_point, assessment=assessment, disclosure=disclosure)
    assert raised.value.message_dict == {
        "disclosure": ["Choose to publish the scores, or the scores with the answers."]
    }
    assessment = reload(assessment)
    assert (assessment.status, assessment.disclosure, assessment.published_at) == (
        "validated", "nothing", None,
    )  # fmt: skip


def test_only_a_validated_assessment_is_published_by_its_coordinator(
    assessment, focal_point, verified_government
):
    advance(assessment, focal_point, "submitted")
    with pytest.raises(PermissionDenied):
        services.assessment_publish(actor=focal_point, assessment=assessment, disclosure="all")
    services.assessment_sign(actor=focal_point, assessment=assessment)
    with pytest.raises(PermissionDenied):
        services.assessment_publish(
            actor=member(verified_government, "editor"), assessment=assessment, disclosure="all"
        )
    assert reload(assessment).status == "validated"


def test_returning_to_draft_clears_the_signatures(
    focal_point, verified_government, national_version
):
    cycle = open_cycle(focal_point, verified_government, national_version, signatories_required=2)
    advance(cycle, focal_point, "submitted")
    services.assessment_sign(actor=focal_point, assessment=cycle)
    services.assessment_return_to_draft(actor=focal_point, assessment=cycle)
    cycle = reload(cycle)
    assert (cycle.status, cycle.submitted_at, cycle.validated_at) == ("draft", None, None)
    assert not cycle.signatures.exists()
    assert actions(cycle)[-1] == "assessments.assessment.returned"
    # Submitted again, the earlier signature no longer counts: two new ones are needed.
    services.assessment_submit(actor=focal_point, assessment=cycle)
    services.assessment_sign(actor=focal_point, assessment=cycle)
    assert reload(cycle).status == "submitted"


def test_a_validated_assessment_returns_to_draft(assessment, focal_point):
    advance(assessment, focal_point, "validated")
    services.assessment_return_to_draft(actor=focal_point, assessment=assessment)
    assessment = reload(assessment)
    assert (assessment.status, assessment.validated_at) == ("draft", None)
    assert not assessment.signatures.exists()


def test_returning_to_draft_is_the_coordinators_and_not_after_publication(
    assessment, focal_point, editor_of_government
):
    with pytest.raises(PermissionDenied):  # a draft already
        services.assessment_return_to_draft(actor=focal_point, assessment=assessment)
    advance(assessment, focal_point, "submitted")
    with pytest.raises(PermissionDenied):
        services.assessment_return_to_draft(actor=editor_of_government, assessment=assessment)
    services.assessment_sign(actor=focal_point, assessment=assessment)
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure="scores")
    with pytest.raises(PermissionDenied):
        services.assessment_return_to_draft(actor=focal_point, assessment=assessment)
    assert reload(assessment).status == "published"
