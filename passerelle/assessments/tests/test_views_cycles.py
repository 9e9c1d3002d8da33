"""The pages of an assessment cycle, through HTTP: autosaved answers and their conflicts, refused
input, evidence files, section assignments, the way to publication, the profile, comparison and
PDF, the query budgets of the busiest pages, and the benchmark board. Who may reach each URL at
all is tests/test_url_access.py's business."""

import base64
import html
import re
import zlib
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.assessments import services
from passerelle.assessments.choices import Priority
from passerelle.assessments.models import (
    AgreedAnswer,
    Answer,
    Assessment,
    Assignment,
    Benchmark,
    EvidenceFile,
    Signature,
)
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


# --- helpers ----------------------------------------------------------------------------------


def member(organisation, role):
    return MembershipFactory(organisation=organisation, role=role).user


def indicator(assessment, code):
    return assessment.version.indicators.get(code=code)


def domain(assessment, code):
    return assessment.version.domains.get(code=code)


def reload(assessment):
    return Assessment.objects.get(pk=assessment.pk)


def page(response) -> str:
    """The response's HTML with entities decoded, so that messages read as written."""
    return html.unescape(response.content.decode())


def tag(content: str, element: str, ident: str) -> str:
    """The opening tag of `element` whose id is `ident` (attributes in any order)."""
    found = re.findall(rf"<{element}\b[^>]*\bid=\"{re.escape(ident)}\"[^>]*>", content)
    assert len(found) == 1, f"{len(found)} <{element} id={ident}> in the page"
    return found[0]


def attribute(opening_tag: str, name: str) -> str:
    match = re.search(rf'\b{name}="([^"]*)"', opening_tag)
    assert match, f"no {name} in {opening_tag}"
    return html.unescape(match.group(1))


def lock_version(content: str, kind: str, indicator_pk: int) -> int:
    """The version the next save of this form is based on (its hidden input)."""
    return int(attribute(tag(content, "input", f"{kind}-{indicator_pk}-lock_version"), "value"))


def textarea(content: str, ident: str) -> str:
    match = re.search(
        rf'<textarea\b[^>]*\bid="{re.escape(ident)}"[^>]*>(.*?)</textarea>', content, re.S
    )
    assert match, f"no textarea {ident}"
    return html.unescape(match.group(1)).strip()


def section_url(assessment, code):
    return reverse("assessments:section", kwargs={"pk": assessment.pk, "domain": code})


def save_url(assessment, code, kind):
    return reverse(
        "assessments:answer_save", kwargs={"pk": assessment.pk, "indicator": code, "kind": kind}
    )


def upload_url(assessment, code):
    return reverse("assessments:evidence_upload", kwargs={"pk": assessment.pk, "indicator": code})


def evidence_url(stored, name="evidence"):
    return reverse(
        f"assessments:{name}",
        kwargs={"pk": stored.answer.assessment_id, "evidence_id": stored.pk},
    )


def transition_url(assessment, action):
    return reverse("assessments:transition", kwargs={"pk": assessment.pk, "action": action})


def detail_url(assessment):
    return reverse("assessments:assessment_detail", kwargs={"pk": assessment.pk})


def answer_data(lock_version=0, **fields):
    data = {"level": "", "desired_level": "", "priority": "", "evidence": "", "links": ""}
    return {**data, **{k: str(v) for k, v in fields.items()}, "lock_version": str(lock_version)}


def save(actor, assessment, code, expected_version=None, **fields):
    return services.answer_save(
        actor=actor, assessment=assessment, indicator=indicator(assessment, code),
        expected_version=expected_version, **fields,
    )  # fmt: skip


def agree(actor, assessment, code, expected_version=None, **fields):
    return services.agreed_answer_set(
        actor=actor, assessment=assessment, indicator=indicator(assessment, code),
        expected_version=expected_version, **fields,
    )  # fmt: skip


def assign(coordinator, assessment, code, user):
    return services.assignment_add(
        actor=coordinator, assessment=assessment, domain=domain(assessment, code), user=user
    )


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def downloaded(response) -> bytes:
    # Reading the stream to its end closes the response the way the test client expects;
    # response.close() here would send request_finished, which closes the database connection.
    return b"".join(response.streaming_content)


def validate(coordinator, assessment):
    """Submit and sign an assessment that has agreed answers (one signature required)."""
    services.assessment_submit(actor=coordinator, assessment=assessment)
    services.assessment_sign(actor=coordinator, assessment=assessment)
    return reload(assessment)


def published_assessment(version, title, country=None):
    """Another verified government's assessment, through to publication."""
    government = OrganisationFactory(
        type="national_government", verification_status="verified", country=country
    )
    admin = member(government, "admin")
    assessment = services.assessment_open(
        actor=admin, organisation=government, version=version, title=title,
        scope="national", language="en",
    )  # fmt: skip
    agree(admin, assessment, "RIGHTS.1.1", level=2, desired_level=4)
    validate(admin, assessment)
    return services.assessment_publish(actor=admin, assessment=assessment, disclosure="scores")


def pdf_text(document: bytes) -> str:
    """The strings drawn on the PDF's (compressed) pages, run together."""
    strings = []
    for stream in re.findall(rb"\bstream\r?\n(.*?)endstream", document, re.S):
        stream = stream.strip()
        if stream.endswith(b"~>"):  # ReportLab's /ASCII85Decode /FlateDecode
            stream = base64.a85decode(stream, adobe=True)
        try:
            stream = zlib.decompress(stream)
        except zlib.error:
            continue
        for match in re.finditer(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj", stream):
            raw = re.sub(
                rb"\\([0-7]{1,3}|.)",
                lambda m: bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit() else m.group(1),
                match.group(1),
            )
            strings.append(raw.decode("cp1252"))
    return " ".join(" ".join(strings).split())


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def contributor(assessment, focal_point, ministry_contributor):
    """Another ministry's editor, given the RIGHTS section."""
    assign(focal_point, assessment, "RIGHTS", ministry_contributor)
    return ministry_contributor


@pytest.fixture
def second_coordinator(verified_government):
    return member(verified_government, "admin")


@pytest.fixture
def viewer_of_government(verified_government):
    return member(verified_government, "viewer")


@pytest.fixture
def editor_of_government(verified_government):
    return member(verified_government, "editor")


# --- 1. autosave ------------------------------------------------------------------------------


def test_a_contributor_autosaves_their_answer_with_htmx(client, assessment, contributor):
    client.force_login(contributor)
    rights = indicator(assessment, "RIGHTS.1.1")
    data = answer_data(
        level=2, desired_level=4, priority="high", evidence="Decree 12 of 2025",
        links="https://example.org/decree-12",
    )  # fmt: skip
    response = client.post(save_url(assessment, "RIGHTS.1.1", "mine"), data, headers=HTMX)

    assert response.status_code == 200
    assert "HX-Retarget" not in response.headers and "HX-Reswap" not in response.headers
    content = page(response)
    assert "<html" not in content  # only the out-of-band pieces, the form is left alone
    status = tag(content, "span", f"mine-status-{rights.pk}")
    assert attribute(status, "hx-swap-oob") == "innerHTML"
    assert "Saved at" in content
    hidden = tag(content, "input", f"mine-{rights.pk}-lock_version")
    assert (
        attribute(hidden, "hx-swap-oob") == "true" and attribute(hidden, "name") == "lock_version"
    )
    answer = Answer.objects.get(assessment=assessment, indicator=rights, author=contributor)
    assert lock_version(content, "mine", rights.pk) == answer.lock_version == 1
    assert (answer.level, answer.desired_level, answer.priority) == (2, 4, "high")
    assert answer.evidence == "Decree 12 of 2025"
    assert answer.links == "https://example.org/decree-12"

    # The next autosave is based on the version the page received.
    data = answer_data(lock_version=1, level=3, desired_level=4, evidence="Decree 12, applied")
    response = client.post(save_url(assessment, "RIGHTS.1.1", "mine"), data, headers=HTMX)
    assert response.status_code == 200
    assert lock_version(page(response), "mine", rights.pk) == 2
    answer.refresh_from_db()
    assert (answer.level, answer.evidence, answer.lock_version) == (3, "Decree 12, applied", 2)
    assert not AgreedAnswer.objects.exists()


def test_the_coordinator_autosaves_the_agreed_answer_with_htmx(client, assessment, focal_point):
    client.force_login(focal_point)
    wga = indicator(assessment, "WGA.1.1")
    data = answer_data(level=1, desired_level=3, priority="medium", evidence="No strategy yet.")
    response = client.post(save_url(assessment, "WGA.1.1", "agreed"), data, headers=HTMX)

    assert response.status_code == 200
    content = page(response)
    assert "Saved at" in content
    assert attribute(tag(content, "span", f"agreed-status-{wga.pk}"), "hx-swap-oob") == "innerHTML"
    agreed = AgreedAnswer.objects.get(assessment=assessment, indicator=wga)
    assert lock_version(content, "agreed", wga.pk) == agreed.lock_version == 1
    assert (agreed.level, agreed.desired_level, agreed.priority) == (1, 3, "medium")
    assert agreed.evidence == "No strategy yet." and agreed.set_by == focal_point
    assert not Answer.objects.exists()


@pytest.mark.parametrize("kind", ["mine", "agreed"])
def test_without_htmx_a_save_redirects_to_the_indicator(client, assessment, focal_point, kind):
    client.force_login(focal_point)
    response = client.post(save_url(assessment, "RIGHTS.1.2", kind), answer_data(level=2))
    assert response.status_code == 302
    assert response.url == section_url(assessment, "RIGHTS") + "#indicator-RIGHTS.1.2"
    model = Answer if kind == "mine" else AgreedAnswer
    assert model.objects.get(assessment=assessment, indicator__code="RIGHTS.1.2").level == 2
    followed = client.get(response.url)
    assert "Saved." in page(followed)


def test_a_contributor_saves_only_in_their_section_and_never_the_agreed_answer(
    client, assessment, contributor
):
    client.force_login(contributor)
    response = client.post(save_url(assessment, "WGA.1.1", "mine"), answer_data(level=2))
    assert response.status_code == 403
    response = client.post(save_url(assessment, "RIGHTS.1.1", "agreed"), answer_data(level=2))
    assert response.status_code == 403
    assert not Answer.objects.exists() and not AgreedAnswer.objects.exists()


def test_answers_are_frozen_once_submitted(client, assessment, focal_point):
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    services.assessment_submit(actor=focal_point, assessment=assessment)
    client.force_login(focal_point)
    response = client.post(
        save_url(assessment, "RIGHTS.1.1", "agreed"), answer_data(lock_version=1, level=4)
    )
    assert response.status_code == 403
    assert AgreedAnswer.objects.get().level == 2
    content = page(client.get(section_url(assessment, "RIGHTS")))
    assert "The answers are frozen" in content and 'class="answer-form' not in content


def test_contributors_views_stay_with_the_organisation(
    client, assessment, focal_point, contributor, viewer_of_government
):
    save(contributor, assessment, "RIGHTS.1.1", level=2, evidence="A working paper's view")
    colleague = member(OrganisationFactory(), "editor")
    assign(focal_point, assessment, "RIGHTS", colleague)
    client.force_login(colleague)
    content = page(client.get(section_url(assessment, "RIGHTS")))
    assert "A working paper's view" not in content and "Contributors' views" not in content
    client.force_login(viewer_of_government)
    content = page(client.get(section_url(assessment, "RIGHTS")))
    assert "A working paper's view" in content and str(contributor) in content
    assert 'class="answer-form' not in content  # a viewer reads, does not answer


def test_a_section_published_with_its_answers_is_read_anonymously(
    client, assessment, focal_point, contributor
):
    save(contributor, assessment, "RIGHTS.1.1", level=1, evidence="A contributor's own view")
    agree(focal_point, assessment, "RIGHTS.1.1", level=2, evidence="Agreed: decree 12 of 2025")
    validate(focal_point, assessment)
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure="all")
    response = client.get(section_url(assessment, "RIGHTS"))
    assert response.status_code == 200
    content = page(response)
    assert "Agreed: decree 12 of 2025" in content
    assert "A contributor's own view" not in content and 'class="answer-form' not in content
    response = client.post(save_url(assessment, "RIGHTS.1.1", "mine"), answer_data())
    assert response.status_code == 302 and response.url.startswith("/en/accounts/login/")
    assert Answer.objects.get().evidence == "A contributor's own view"


# --- 2. conflicts -----------------------------------------------------------------------------


def conflict_block(content: str) -> str:
    return content.split('class="errors conflict"', 1)[1].split("</div>", 1)[0]


def version_cells(content: str, side: str) -> list[str]:
    """The cells of one side ("theirs" or "yours") of the conflict's side-by-side table."""
    cells = re.findall(rf'<td class="{side}">(.*?)</td>', conflict_block(content), re.S)
    return [html.unescape(cell).strip() for cell in cells]


def test_two_coordinators_save_from_the_same_version_htmx(
    client, assessment, focal_point, second_coordinator
):
    wga = indicator(assessment, "WGA.1.1")
    url = save_url(assessment, "WGA.1.1", "agreed")
    client.force_login(focal_point)
    first = client.post(
        url, answer_data(level=2, desired_level=3, evidence="The first coordinator's text."),
        headers=HTMX,
    )  # fmt: skip
    assert first.status_code == 200

    client.force_login(second_coordinator)
    second = client.post(
        url, answer_data(level=4, priority="low", evidence="The second coordinator's text."),
        headers=HTMX,
    )  # fmt: skip

    assert second.status_code == 409
    assert second.headers["HX-Reswap"] == "outerHTML"
    assert second.headers["HX-Retarget"] == f"#agreed-form-{wga.pk}"
    content = page(second)
    assert "<html" not in content
    form = tag(content, "form", f"agreed-form-{wga.pk}")
    assert "answer-form" in attribute(form, "class")
    assert "Someone else changed this answer" in content
    # Both versions side by side: level, desired level, priority, evidence, links.
    assert version_cells(content, "theirs") == ["2", "3", "—", "The first coordinator's text.", "—"]
    assert version_cells(content, "yours") == [
        "4",
        "—",
        "Low",
        "The second coordinator's text.",
        "—",
    ]
    assert textarea(content, f"agreed-{wga.pk}-evidence") == "The second coordinator's text."
    level = content.split(f'id="agreed-{wga.pk}-level"', 1)[1].split("</select>", 1)[0]
    assert '<option value="4" selected>' in level  # the level they chose stays chosen
    agreed = AgreedAnswer.objects.get(assessment=assessment, indicator=wga)
    assert (agreed.level, agreed.evidence, agreed.set_by, agreed.lock_version) == (
        2,
        "The first coordinator's text.",
        focal_point,
        1,
    )
    # Autosave is off for this answer until they choose, and the form still holds the version
    # they started from: nothing they send without choosing overwrites the other version.
    assert attribute(form, "hx-trigger") == "submit"
    assert lock_version(content, "agreed", wga.pk) == 0
    assert "Autosave is paused for this answer until you choose." in content
    assert 'name="resolve" value="theirs"' in content and 'name="resolve" value="mine"' in content
    assert attribute(tag(content, "form", f"agreed-form-{wga.pk}"), "hx-post") == url

    # Having seen both, the second coordinator saves theirs anyway, naming the version seen.
    again = client.post(
        url,
        {**answer_data(lock_version=lock_version(content, "agreed", wga.pk), level=4,
                       evidence="The second coordinator's text."),
         "resolve": "mine", "their_version": "1"},
        headers=HTMX,
    )  # fmt: skip
    assert again.status_code == 200
    content = page(again)
    assert "Saved at" in content
    # The form comes back plain, autosaving again from the new version.
    form = tag(content, "form", f"agreed-form-{wga.pk}")
    assert attribute(form, "hx-trigger") == "change, input delay:2s"
    assert lock_version(content, "agreed", wga.pk) == 2
    assert "errors conflict" not in content
    agreed.refresh_from_db()
    assert (agreed.level, agreed.evidence, agreed.lock_version) == (
        4,
        "The second coordinator's text.",
        2,
    )
    assert agreed.set_by == second_coordinator
    # The version it replaced is in the audit entry: nothing is lost.
    entry = AuditEntry.objects.filter(action="assessments.agreed_answer.set").latest("pk")
    replaced = entry.data["replaced"]
    assert (replaced["level"], replaced["desired_level"], replaced["priority"]) == (2, 3, "")
    assert replaced["evidence"] == "The first coordinator's text."
    assert (replaced["lock_version"], replaced["set_by"]) == (1, focal_point.pk)


def test_after_a_conflict_nothing_saves_until_the_person_chooses(
    client, assessment, focal_point, second_coordinator
):
    wga = indicator(assessment, "WGA.1.1")
    url = save_url(assessment, "WGA.1.1", "agreed")
    client.force_login(focal_point)
    client.post(url, answer_data(level=2, evidence="Theirs"), headers=HTMX)
    client.force_login(second_coordinator)
    conflict = page(client.post(url, answer_data(level=4, evidence="Mine"), headers=HTMX))
    # A save sent without choosing (a queued keystroke, the next change) is still a conflict.
    stray = client.post(
        url,
        answer_data(
            lock_version=lock_version(conflict, "agreed", wga.pk), level=3, evidence="Mine!"
        ),
        headers=HTMX,
    )
    assert stray.status_code == 409
    agreed = AgreedAnswer.objects.get()
    assert (agreed.level, agreed.evidence, agreed.lock_version) == (2, "Theirs", 1)

    # "Keep theirs": nothing is saved, the form comes back with the current answer, autosaving.
    kept = client.post(
        url, {**answer_data(level=4, evidence="Mine"), "resolve": "theirs"}, headers=HTMX
    )
    assert kept.status_code == 200
    assert kept.headers["HX-Retarget"] == f"#agreed-form-{wga.pk}"
    content = page(kept)
    assert textarea(content, f"agreed-{wga.pk}-evidence") == "Theirs"
    assert lock_version(content, "agreed", wga.pk) == 1
    assert attribute(tag(content, "form", f"agreed-form-{wga.pk}"), "hx-trigger") == (
        "change, input delay:2s"
    )
    agreed.refresh_from_db()
    assert (agreed.level, agreed.evidence, agreed.lock_version) == (2, "Theirs", 1)
    # Without htmx, keeping theirs goes back to the section page.
    plain = client.post(url, {**answer_data(level=4), "resolve": "theirs"})
    assert plain.status_code == 302 and plain["Location"].endswith("#indicator-WGA.1.1")
    # A choice that is not one is refused.
    assert client.post(url, {**answer_data(), "resolve": "both"}).status_code == 400
    assert client.post(url, {**answer_data(), "resolve": "mine"}).status_code == 400


def test_saving_mine_anyway_over_a_newer_version_is_a_conflict_again(
    client, assessment, contributor
):
    url = save_url(assessment, "RIGHTS.2.1", "mine")
    client.force_login(contributor)
    client.post(url, answer_data(level=1, evidence="Tab one"), headers=HTMX)
    client.post(url, answer_data(level=3, evidence="Tab two"), headers=HTMX)  # a conflict
    save(contributor, assessment, "RIGHTS.2.1", expected_version=1, level=2, evidence="Tab three")
    response = client.post(
        url,
        {**answer_data(level=3, evidence="Tab two"), "resolve": "mine", "their_version": "1"},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert version_cells(page(response), "theirs")[3] == "Tab three"
    answer = Answer.objects.get()
    assert (answer.level, answer.evidence, answer.lock_version) == (2, "Tab three", 2)


def test_an_answer_save_records_what_it_replaced(assessment, contributor):
    first = save(
        contributor, assessment, "RIGHTS.2.1", level=1, desired_level=3, priority="high",
        evidence="Before", links="https://example.org/a",
    )  # fmt: skip
    created = AuditEntry.objects.filter(action="assessments.answer.saved").latest("pk")
    assert created.data["replaced"] is None
    save(contributor, assessment, "RIGHTS.2.1", expected_version=first.lock_version, level=2)
    entry = AuditEntry.objects.filter(action="assessments.answer.saved").latest("pk")
    replaced = entry.data["replaced"]
    assert {
        k: replaced[k] for k in ("level", "desired_level", "priority", "evidence", "links")
    } == {
        "level": 1,
        "desired_level": 3,
        "priority": "high",
        "evidence": "Before",
        "links": "https://example.org/a",
    }
    assert replaced["lock_version"] == 1 and entry.data["level"] == 2


def test_the_same_person_in_two_tabs_gets_a_conflict(client, assessment, contributor):
    rights = indicator(assessment, "RIGHTS.2.1")
    url = save_url(assessment, "RIGHTS.2.1", "mine")
    client.force_login(contributor)
    first = client.post(url, answer_data(level=1, evidence="Tab one"), headers=HTMX)
    assert first.status_code == 200
    second = client.post(url, answer_data(level=3, evidence="Tab two"), headers=HTMX)
    assert second.status_code == 409
    assert second.headers["HX-Retarget"] == f"#mine-form-{rights.pk}"
    content = page(second)
    assert "Someone else changed this answer" in content
    assert textarea(content, f"mine-{rights.pk}-evidence") == "Tab two"
    assert lock_version(content, "mine", rights.pk) == 0
    answer = Answer.objects.get()
    assert (answer.level, answer.evidence, answer.lock_version) == (1, "Tab one", 1)


def test_a_conflict_without_htmx_shows_the_section_page(
    client, assessment, focal_point, second_coordinator
):
    wga = indicator(assessment, "WGA.1.1")
    url = save_url(assessment, "WGA.1.1", "agreed")
    client.force_login(focal_point)
    assert client.post(url, answer_data(level=2, evidence="First text")).status_code == 302
    client.force_login(second_coordinator)
    response = client.post(url, answer_data(level=4, evidence="Second text"))

    assert response.status_code == 409
    content = page(response)
    assert "<html" in content and domain(assessment, "WGA").name in content
    assert "Someone else changed this answer at" in content
    assert version_cells(content, "theirs")[3] == "First text"  # side by side with theirs
    assert version_cells(content, "yours")[3] == "Second text"
    assert textarea(content, f"agreed-{wga.pk}-evidence") == "Second text"
    assert lock_version(content, "agreed", wga.pk) == 0
    assert 'name="their_version" value="1"' in content
    agreed = AgreedAnswer.objects.get()
    assert (agreed.level, agreed.evidence, agreed.lock_version) == (2, "First text", 1)
    # "Save mine anyway" from the plain form goes through.
    response = client.post(
        url,
        {**answer_data(level=4, evidence="Second text"), "resolve": "mine", "their_version": "1"},
    )
    assert response.status_code == 302
    agreed.refresh_from_db()
    assert (agreed.level, agreed.lock_version) == (4, 2)


# --- 3. refused input -------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["9", "high", "0"])
def test_a_level_off_the_scale_is_refused(client, assessment, focal_point, level):
    client.force_login(focal_point)
    rights = indicator(assessment, "RIGHTS.1.1")
    url = save_url(assessment, "RIGHTS.1.1", "mine")
    response = client.post(url, answer_data(level=level, evidence="Kept"), headers=HTMX)
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == f"#mine-form-{rights.pk}"
    content = page(response)
    assert "Choose a level from 1 to 4." in content
    assert "Select a valid choice" not in content
    assert "Not saved: correct the answer." in content
    assert textarea(content, f"mine-{rights.pk}-evidence") == "Kept"
    assert "Someone else changed" not in content

    response = client.post(url, answer_data(level=level))  # the plain form: the section page
    assert response.status_code == 422
    assert "<html" in page(response) and "Choose a level from 1 to 4." in page(response)
    assert not Answer.objects.exists()


def test_links_must_be_web_addresses(client, assessment, focal_point):
    client.force_login(focal_point)
    url = save_url(assessment, "RIGHTS.1.1", "agreed")
    data = answer_data(level=2, links="https://example.org/ok\nnot a url")
    response = client.post(url, data, headers=HTMX)
    assert response.status_code == 422
    assert "“not a url” is not a web address (http:// or https://)." in page(response)
    response = client.post(url, data)
    assert response.status_code == 422
    assert "is not a web address" in page(response)
    assert not AgreedAnswer.objects.exists()


def test_a_negative_version_is_refused(client, assessment, focal_point):
    client.force_login(focal_point)
    response = client.post(
        save_url(assessment, "RIGHTS.1.1", "mine"), answer_data(lock_version=-1, level=2)
    )
    assert response.status_code == 422
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "code, kind",
    [
        ("RIGHTS.1.1", "theirs"),  # unknown kind
        ("WGA.3.1", "mine"),  # an indicator of the local framework only
        ("NOPE.9.9", "mine"),  # no such indicator
        ("NOPE.9.9", "agreed"),
    ],
)
def test_unknown_kinds_and_indicators_are_not_found(client, assessment, focal_point, code, kind):
    client.force_login(focal_point)
    response = client.post(save_url(assessment, code, kind), answer_data(level=2), headers=HTMX)
    assert response.status_code == 404
    assert not Answer.objects.exists() and not AgreedAnswer.objects.exists()


def test_an_indicator_for_the_other_level_of_government_is_not_found(
    client, focal_point, verified_government, national_version
):
    local = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Local view", scope="local", language="en",
    )  # fmt: skip
    client.force_login(focal_point)
    response = client.post(save_url(local, "RIGHTS.1.1", "mine"), answer_data(level=2))  # national
    assert response.status_code == 404
    response = client.post(save_url(local, "RIGHTS.1.3", "mine"), answer_data(level=2))  # both
    assert response.status_code == 302
    assert list(Answer.objects.values_list("indicator__code", flat=True)) == ["RIGHTS.1.3"]


# --- 4. evidence ------------------------------------------------------------------------------


@pytest.fixture
def answer(assessment, contributor):
    return save(contributor, assessment, "RIGHTS.1.1", level=2, evidence="Decree 12")


def test_a_contributor_uploads_a_pdf_and_members_download_it(
    client, assessment, contributor, answer, viewer_of_government
):
    client.force_login(contributor)
    response = client.post(
        upload_url(assessment, "RIGHTS.1.1"), {"file": upload("decree.pdf", PDF)}
    )
    assert response.status_code == 302
    assert response.url == section_url(assessment, "RIGHTS") + "#indicator-RIGHTS.1.1"
    stored = EvidenceFile.objects.get()
    assert (stored.answer, stored.name, stored.content_type, stored.size) == (
        answer,
        "decree.pdf",
        "application/pdf",
        len(PDF),
    )
    content = page(client.get(response.url))
    assert "The file is attached." in content
    assert f'href="{evidence_url(stored)}">decree.pdf</a>' in content
    assert f'action="{evidence_url(stored, "evidence_delete")}"' in content

    for reader in (contributor, viewer_of_government):
        client.force_login(reader)
        response = client.get(evidence_url(stored))
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["Content-Disposition"] == 'attachment; filename="decree.pdf"'
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert downloaded(response) == PDF

    # A member sees the file among the contributors' views.
    content = page(client.get(section_url(assessment, "RIGHTS")))
    assert f'href="{evidence_url(stored)}">decree.pdf</a>' in content


def test_others_do_not_get_the_file(
    client, assessment, focal_point, contributor, answer, outsider, ministry_contributor
):
    stored = services.evidence_add(actor=contributor, answer=answer, upload=upload("a.pdf", PDF))
    # Another invited contributor of the same section: a working paper is not theirs to read.
    colleague = member(OrganisationFactory(), "editor")
    assign(focal_point, assessment, "RIGHTS", colleague)
    for reader in (outsider, colleague):
        client.force_login(reader)
        assert client.get(evidence_url(stored)).status_code == 404
    client.logout()
    assert client.get(evidence_url(stored)).status_code == 404


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("setup.exe", b"MZ\x90\x00", "Files of this type are not accepted. Accepted: csv, docx"),
        ("decree.pdf", b"Only text, named like a PDF.", "The file's content is not a .pdf file."),
        ("empty.pdf", b"", "The file is empty."),
        ("big.pdf", PDF + b"x", "The file is too large"),
    ],
)
def test_refused_uploads_are_explained_on_the_section_page(
    client, assessment, contributor, answer, name, content, message
):
    client.force_login(contributor)
    rights = indicator(assessment, "RIGHTS.1.1")
    url = upload_url(assessment, "RIGHTS.1.1")
    with override_settings(ASSESSMENTS={**settings.ASSESSMENTS, "EVIDENCE_MAX_BYTES": len(PDF)}):
        response = client.post(url, {"file": upload(name, content)})
    assert response.status_code == 400
    text = page(response)
    assert "<html" in text
    error = tag(text, "p", f"file-{rights.pk}-error")
    assert attribute(error, "role") == "alert"
    shown = text.split(error, 1)[1].split("</p>", 1)[0]
    assert message in shown
    assert 'aria-invalid="true"' in tag(text, "input", f"file-{rights.pk}")
    assert not EvidenceFile.objects.exists()


def test_an_upload_without_a_file_is_refused(client, assessment, contributor, answer):
    client.force_login(contributor)
    response = client.post(upload_url(assessment, "RIGHTS.1.1"), {})
    assert response.status_code == 400
    assert "This field is required." in page(response)
    assert not EvidenceFile.objects.exists()


def test_no_upload_before_an_answer(client, assessment, contributor):
    client.force_login(contributor)
    response = client.post(upload_url(assessment, "RIGHTS.1.1"), {"file": upload("a.pdf", PDF)})
    assert response.status_code == 403
    assert not EvidenceFile.objects.exists()


def test_the_author_removes_their_file_and_nobody_else_does(
    client, assessment, focal_point, contributor, answer, outsider,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    stored = services.evidence_add(actor=contributor, answer=answer, upload=upload("a.pdf", PDF))
    storage, path = stored.file.storage, stored.file.name
    client.force_login(outsider)
    assert client.post(evidence_url(stored, "evidence_delete")).status_code == 404
    client.force_login(focal_point)  # a member reads the file, but it is not theirs to remove
    assert client.post(evidence_url(stored, "evidence_delete")).status_code == 403
    assert EvidenceFile.objects.filter(pk=stored.pk).exists() and storage.exists(path)

    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(evidence_url(stored, "evidence_delete"))
    assert response.status_code == 302
    assert response.url == section_url(assessment, "RIGHTS") + "#indicator-RIGHTS.1.1"
    assert not EvidenceFile.objects.exists() and not storage.exists(path)
    assert "The file is removed." in page(client.get(response.url))


# --- 5. assignments ---------------------------------------------------------------------------


def test_the_coordinator_assigns_a_section_by_email(
    client, assessment, focal_point, ministry_contributor
):
    client.force_login(focal_point)
    rights = domain(assessment, "RIGHTS")
    response = client.post(
        reverse("assessments:assignment_add", kwargs={"pk": assessment.pk}),
        {"domain": rights.pk, "email": f"  {ministry_contributor.email.upper()} "},
    )
    assert response.status_code == 302 and response.url == detail_url(assessment)
    assignment = Assignment.objects.get()
    assert (assignment.user, assignment.domain, assignment.assigned_by) == (
        ministry_contributor,
        rights,
        focal_point,
    )
    assert "The section is assigned." in page(client.get(response.url))

    client.force_login(ministry_contributor)
    assert client.get(section_url(assessment, "RIGHTS")).status_code == 200
    assert client.get(section_url(assessment, "WGA")).status_code == 403
    content = page(client.get(detail_url(assessment)))
    assert f'href="{section_url(assessment, "RIGHTS")}"' in content
    assert f'href="{section_url(assessment, "WGA")}"' not in content


def test_assigning_an_unknown_address_or_the_same_person_twice(
    client, assessment, focal_point, contributor
):
    client.force_login(focal_point)
    url = reverse("assessments:assignment_add", kwargs={"pk": assessment.pk})
    rights = domain(assessment, "RIGHTS")
    response = client.post(url, {"domain": rights.pk, "email": "nobody@example.org"})
    assert response.status_code == 400
    assert "No account uses this address" in page(response)
    response = client.post(url, {"domain": rights.pk, "email": contributor.email})
    assert response.status_code == 400
    assert "This person already contributes to this section." in page(response)
    assert Assignment.objects.count() == 1


def test_only_the_coordinator_assigns(
    client, assessment, editor_of_government, viewer_of_government, ministry_contributor
):
    url = reverse("assessments:assignment_add", kwargs={"pk": assessment.pk})
    data = {"domain": domain(assessment, "RIGHTS").pk, "email": ministry_contributor.email}
    for person in (editor_of_government, viewer_of_government):
        client.force_login(person)
        assert client.post(url, data).status_code == 403
    assert not Assignment.objects.exists()


# --- 6. from draft to publication ------------------------------------------------------------


def test_from_draft_to_publication_through_the_pages(client, assessment, focal_point):
    client.force_login(focal_point)
    response = client.post(transition_url(assessment, "consult"))
    assert response.status_code == 302 and response.url == detail_url(assessment)
    assert reload(assessment).status == "consultation"

    response = client.post(transition_url(assessment, "submit"))
    assert response.status_code == 400
    assert "Agree on at least one answer before submitting." in page(response)
    assert reload(assessment).status == "consultation"

    agree(focal_point, assessment, "RIGHTS.1.1", level=2, desired_level=4)
    assert client.post(transition_url(assessment, "submit")).status_code == 302
    assert reload(assessment).status == "submitted"
    content = page(client.get(detail_url(assessment)))
    assert "Validate and sign" in content

    assert client.post(transition_url(assessment, "sign")).status_code == 302
    assessment = reload(assessment)
    assert assessment.status == "validated"
    assert list(assessment.signatures.values_list("user", flat=True)) == [focal_point.pk]

    publish = reverse("assessments:publish", kwargs={"pk": assessment.pk})
    for disclosure in ("nothing", "everything", ""):
        response = client.post(publish, {"disclosure": disclosure})
        assert response.status_code == 400
        assert "Select a valid choice" in page(response) or "This field is required" in page(
            response
        )
    assert reload(assessment).status == "validated"

    response = client.post(publish, {"disclosure": "scores"})
    assert response.status_code == 302 and response.url == detail_url(assessment)
    assessment = reload(assessment)
    assert (assessment.status, assessment.disclosure) == ("published", "scores")
    assert assessment.published_at is not None

    client.logout()
    response = client.get(detail_url(assessment))
    assert response.status_code == 200
    content = page(response)
    assert "<dt>Published</dt>" in content and "Scores only" in content
    assert 'aria-current="step" class="current">Published</li>' in content
    profile = client.get(reverse("assessments:profile", kwargs={"pk": assessment.pk}))
    assert profile.status_code == 200
    # Scores only: the sections' answers stay private.
    assert client.get(section_url(assessment, "RIGHTS")).status_code == 403


def test_an_unverified_government_cannot_sign_yet(
    client, government, government_admin, national_version
):
    assessment = services.assessment_open(
        actor=government_admin, organisation=government, version=national_version,
        title="Awaiting verification", scope="national", language="en",
    )  # fmt: skip
    agree(government_admin, assessment, "RIGHTS.1.1", level=3)
    client.force_login(government_admin)
    assert client.post(transition_url(assessment, "submit")).status_code == 302
    message = "The secretariat must verify your organisation's focal points first."
    assert message in page(client.get(detail_url(assessment)))

    response = client.post(transition_url(assessment, "sign"))
    assert response.status_code == 400
    assert message in page(response)
    assert reload(assessment).status == "submitted" and not Signature.objects.exists()


# --- 7. profile, comparison, PDF --------------------------------------------------------------


def test_the_profile_page_lists_gaps_with_its_radar_chart(client, assessment, focal_point):
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    agree(focal_point, assessment, "WGA.1.1", level=4)
    client.force_login(focal_point)
    response = client.get(reverse("assessments:profile", kwargs={"pk": assessment.pk}))
    assert response.status_code == 200
    content = page(response)
    potential = content.split('id="potential-heading"', 1)[1].split("</section>", 1)[0]
    assert "Areas with potential for further development" in potential
    assert "RIGHTS.1.1" in potential and "WGA.1.1" not in potential
    strong = content.split('id="strong-heading"', 1)[1].split("</section>", 1)[0]
    assert "WGA.1.1" in strong and "RIGHTS.1.1" not in strong
    figure = content.split('class="chart chart-radar"', 1)[1].split("</figure>", 1)[0]
    assert '<svg class="chart-svg"' in figure and "<polygon" in figure
    table = figure.split('<table class="chart-table">', 1)[1].split("</table>", 1)[0]
    rights = domain(assessment, "RIGHTS").name
    assert f'<th scope="row">{rights}</th>' in table
    assert 'href="' + reverse("assessments:profile_pdf", kwargs={"pk": assessment.pk}) in content

    response = client.get(reverse("assessments:profile_pdf", kwargs={"pk": assessment.pk}))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="assessment-{assessment.pk}.pdf"' in response.headers["Content-Disposition"]


def test_the_next_cycle_compares_with_the_first(
    client, assessment, focal_point, verified_government, national_version
):
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3)
    first = validate(focal_point, assessment)
    client.force_login(focal_point)
    open_url = reverse("assessments:assessment_open")
    form = page(client.get(f"{open_url}?baseline={first.pk}"))
    assert re.search(rf'<option value="{first.pk}" selected>', form)
    response = client.post(open_url, {
        "organisation": verified_government.pk, "version": national_version.pk,
        "title": "National assessment 2028", "scope": "national", "language": "en",
        "signatories_required": 1, "baseline": first.pk,
    })  # fmt: skip
    assert response.status_code == 302
    second = Assessment.objects.get(title="National assessment 2028")
    assert response.url == detail_url(second) and second.baseline == first
    copied = AgreedAnswer.objects.get(assessment=second, indicator__code="RIGHTS.1.1")
    assert copied.from_baseline and copied.level == 1
    agree(focal_point, second, "RIGHTS.1.1", expected_version=copied.lock_version, level=3)

    profile = page(client.get(reverse("assessments:profile", kwargs={"pk": second.pk})))
    assert 'href="' + reverse("assessments:compare", kwargs={"pk": second.pk}) in profile
    response = client.get(reverse("assessments:compare", kwargs={"pk": second.pk}))
    assert response.status_code == 200
    content = page(response)
    assert "National assessment 2026" in content and "National assessment 2028" in content
    assert f'href="{detail_url(first)}"' in content and f'href="{detail_url(second)}"' in content
    assert '<span class="change up"><span aria-hidden="true">▲</span> +2' in content


def test_a_french_profile_in_french(client, focal_point, verified_government, national_version):
    assessment = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Évaluation nationale 2026", scope="national", language="fr",
    )  # fmt: skip
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    client.force_login(focal_point)
    with translation.override("fr"):
        url = reverse("assessments:profile", kwargs={"pk": assessment.pk})
        rights = domain(assessment, "RIGHTS").name
        question = indicator(assessment, "RIGHTS.1.1").question
    assert url.startswith("/fr/")
    response = client.get(url)
    assert response.status_code == 200
    content = page(response)
    assert '<html lang="fr">' in content
    assert "Évaluation nationale 2026" in content
    assert rights in content and question in content
    with translation.override("en"):
        assert domain(assessment, "RIGHTS").name not in content  # not the English name


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_potential_table_names_the_priority_in_the_page_language(
    client, assessment, focal_point, language
):
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    client.force_login(focal_point)
    with translation.override(language):
        url = reverse("assessments:profile", kwargs={"pk": assessment.pk})
        label = str(Priority.HIGH.label)
    content = page(client.get(url))
    potential = content.split("RIGHTS.1.1", 1)[1].split("</tr>", 1)[0]
    assert f"<td>{label}</td>" in potential
    if language != "en":
        assert label != "high" and "<td>high</td>" not in potential  # never the stored code


@pytest.mark.parametrize("page_language", ["fr", "en"])
def test_the_pdf_is_in_the_assessment_language_whatever_the_page_language(
    client, focal_point, verified_government, national_version, page_language
):
    assessment = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Évaluation nationale 2026", scope="national", language="fr",
    )  # fmt: skip
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    client.force_login(focal_point)
    with translation.override(page_language):
        url = reverse("assessments:profile_pdf", kwargs={"pk": assessment.pk})
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    content = pdf_text(response.content)
    assert "Droits des migrants" in content  # the domain, in French
    assert "Nécessite des progrès supplémentaires" in content  # level 1, in French
    assert "Migrants' rights" not in content and "Requires further progress" not in content


# --- 8. query budgets -------------------------------------------------------------------------


def test_the_assessment_list_costs_the_same_whatever_the_number_published(
    client, national_version, focal_point, assessment
):
    countries = list(Country.objects.order_by("pk")[:8])
    published_assessment(national_version, "Published 0", countries[0])
    client.force_login(focal_point)  # with their own draft "in progress"
    url = reverse("assessments:assessment_list")
    client.get(url)
    one = queries(client, url)
    for number in range(1, 8):
        published_assessment(national_version, f"Published {number}", countries[number])
    eight = queries(client, url)
    content = page(client.get(url))
    assert all(f"Published {number}" in content for number in range(8))
    assert eight == one

    client.logout()
    anonymous = queries(client, url)
    published_assessment(national_version, "Published 8")
    assert queries(client, url) == anonymous


def test_the_section_page_costs_the_same_whatever_the_number_of_contributors(
    client, assessment, focal_point
):
    url = section_url(assessment, "RIGHTS")
    client.force_login(focal_point)

    def contribute(number):
        person = member(OrganisationFactory(), "editor")
        assign(focal_point, assessment, "RIGHTS", person)
        for code in ("RIGHTS.1.1", "RIGHTS.2.1"):
            answer = save(
                person, assessment, code, level=2, evidence=f"Evidence {number}",
                links="https://example.org/a\nhttps://example.org/b",
            )  # fmt: skip
            services.evidence_add(actor=person, answer=answer, upload=upload(f"f{number}.pdf", PDF))

    contribute(0)
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    client.get(url)
    one = queries(client, url)
    for number in range(1, 5):
        contribute(number)
    five = queries(client, url)
    content = page(client.get(url))
    assert all(f"f{number}.pdf" in content for number in range(5))
    assert five == one


def test_the_benchmark_board_costs_the_same_whatever_the_number_of_targets(
    client, assessment, focal_point, verified_government
):
    url = reverse("assessments:benchmark_board", kwargs={"slug": verified_government.slug})
    codes = ["RIGHTS.1.1", "RIGHTS.1.2", "WGA.1.1", "WGA.1.2", "CRISIS.1.1", "SORM.1.1"]

    def target(code):
        services.benchmark_create(
            actor=focal_point, organisation=verified_government,
            indicator=indicator(assessment, code), target_level=3,
            target_date=timezone.localdate() + timedelta(days=400), note=f"Target {code}",
        )  # fmt: skip

    target(codes[0])
    client.force_login(focal_point)
    client.get(url)
    one = queries(client, url)
    for code in codes[1:]:
        target(code)
    six = queries(client, url)
    content = page(client.get(url))
    assert all(f"Target {code}" in content for code in codes)
    assert six == one


# --- 9. benchmarks ----------------------------------------------------------------------------


def test_the_admin_sets_a_target(client, assessment, focal_point, verified_government):
    url = reverse("assessments:benchmark_board", kwargs={"slug": verified_government.slug})
    rights = indicator(assessment, "RIGHTS.1.1")
    client.force_login(focal_point)
    assert "Set a target" in page(client.get(url))
    future = timezone.localdate() + timedelta(days=365)
    response = client.post(url, {
        "indicator": rights.pk, "target_level": "3", "target_date": future.isoformat(),
        "note": "By the next national plan",
    })  # fmt: skip
    assert response.status_code == 302 and response.url == url
    benchmark = Benchmark.objects.get()
    assert (benchmark.indicator, benchmark.target_level, benchmark.target_date) == (
        rights,
        3,
        future,
    )
    content = page(client.get(url))
    assert "The target is set." in content
    row = content.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "RIGHTS.1.1" in row and "By the next national plan" in row

    past = timezone.localdate() - timedelta(days=1)
    response = client.post(url, {
        "indicator": rights.pk, "target_level": "4", "target_date": past.isoformat(),
    })  # fmt: skip
    assert response.status_code == 400
    assert "Choose a date in the future." in page(response)
    assert Benchmark.objects.count() == 1


def test_a_viewer_reads_the_board_without_a_form(
    client, assessment, focal_point, verified_government, viewer_of_government, outsider
):
    url = reverse("assessments:benchmark_board", kwargs={"slug": verified_government.slug})
    rights = indicator(assessment, "RIGHTS.1.1")
    future = timezone.localdate() + timedelta(days=365)
    services.benchmark_create(
        actor=focal_point, organisation=verified_government, indicator=rights, target_level=3,
        target_date=future, note="Set by the focal point",
    )  # fmt: skip
    data = {"indicator": rights.pk, "target_level": "4", "target_date": future.isoformat()}

    client.force_login(viewer_of_government)
    response = client.get(url)
    assert response.status_code == 200
    content = page(response)
    assert "Set by the focal point" in content
    assert "Set a target" not in content and "Remove the target" not in content
    assert client.post(url, data).status_code == 403

    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert Benchmark.objects.count() == 1
