"""The hub's pages: the filtered list (bounded queries, bad filters answered 400), writing and
editing a request with its requirement lines, the workflow buttons and the secretariat's review,
and a request started from an assessment's gap."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.assessments import services as assessment_services
from passerelle.assessments.models import FrameworkVersion
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country
from passerelle.hub import services
from passerelle.hub.models import Requirement, SupportRequest
from passerelle.taxonomy.models import CapacityArea

from .conftest import fresh, request_data, requirement

pytestmark = pytest.mark.django_db

LIST = "hub:request_list"
CREATE = "hub:request_create"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(organisation, *, lines=None, **overrides) -> dict:
    """A filled-in request form with its requirement lines (and one empty line left unused)."""
    lines = lines if lines is not None else [
        {"kind": "money", "description": "Travel", "quantity": "12000", "currency": "usd",
         "estimated_value": ""},
        {"kind": "expert_days", "description": "A trainer", "quantity": "15", "currency": "",
         "estimated_value": ""},
    ]  # fmt: skip
    data = {
        "organisation": organisation.pk,
        "joint_with": "",
        "title": "Training for border officials",
        "description": "Nous avons besoin d'une formation pour les agents des frontières.",
        "language": "",
        "support_types": ["training", "technical_assistance"],
        "capacity_areas": [CapacityArea.objects.get(code="BORD").pk],
        "scope": "national",
        "country": Country.objects.get(iso3="SEN").pk,
        "region": "",
        "modality": "hybrid",
        "working_languages": "fr, EN; wo",
        "starts_on": "2026-09-01",
        "ends_on": "2027-03-31",
        "submission_key": str(uuid.uuid4()),
        "requirements-TOTAL_FORMS": str(len(lines) + 1),
        "requirements-INITIAL_FORMS": "0",
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "30",
    }
    for number, line in enumerate([*lines, {}]):
        for name in ("kind", "description", "quantity", "currency", "estimated_value"):
            data[f"requirements-{number}-{name}"] = line.get(name, "")
    return {**data, **overrides}


# The list ------------------------------------------------------------------------------------


@pytest.fixture
def published(make_request, regions, areas):
    """Open requests that differ in each filtered respect, and a draft nobody else sees."""
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    return {
        "border": make_request(
            "open", title="Border training in Senegal", capacity_areas=[areas["BORD"]],
            support_types=["training"], country=senegal,
            description="We need training for the officials who work at the border.",
        ),
        "data": make_request(
            "open", title="Données migratoires", capacity_areas=[areas["DATA"]],
            support_types=["research"], country=france,
            description="Nous voulons une étude sur les données de la migration.",
        ),
        "regional": make_request(
            "open", title="Datos regionales", capacity_areas=[areas["DATA"]],
            support_types=["funding"], scope="regional", country=None, region=regions["011"],
            description="Necesitamos apoyo para los datos de la region.",
        ),
        "closed": make_request(
            "closed", title="An old consular request", capacity_areas=[areas["CONS"]],
            support_types=["peer_exchange"], country=senegal,
            description="We wanted an exchange between consulates.",
        ),
        "draft": make_request("draft", title="A secret draft", capacity_areas=[areas["BORD"]]),
    }  # fmt: skip


def listed(client, **params) -> set[str]:
    response = client.get(reverse(LIST), params)
    assert response.status_code == 200, response.content.decode()[:500]
    return {support_request.title for support_request in response.context["page_obj"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data", "regional", "closed"}),
        ({"capacity_area": "BORD"}, {"border"}),
        ({"capacity_area": "DATA"}, {"data", "regional"}),
        ({"support_type": "research"}, {"data"}),
        ({"support_type": "peer_exchange"}, {"closed"}),
        ({"country": "SEN"}, {"border", "closed"}),
        ({"country": "FRA"}, {"data"}),
        # Regions contain the countries at any of the three M49 levels, and regional requests.
        ({"region": "011"}, {"border", "closed", "regional"}),  # Western Africa
        ({"region": "202"}, {"border", "closed", "regional"}),  # Sub-Saharan Africa
        ({"region": "002"}, {"border", "closed", "regional"}),  # Africa
        ({"region": "150"}, {"data"}),  # Europe
        ({"region": "155"}, {"data"}),  # Western Europe
        ({"region": "019"}, set()),  # the Americas
        ({"language": "fr"}, {"data"}),
        ({"language": "es"}, {"regional"}),
        ({"language": "en"}, {"border", "closed"}),
        ({"status": "closed"}, {"closed"}),
        ({"status": "open"}, {"border", "data", "regional"}),
        ({"status": "draft"}, set()),
        ({"q": "border"}, {"border"}),
        ({"q": "CONSULATES"}, {"closed"}),
        ({"capacity_area": "DATA", "language": "fr"}, {"data"}),
        ({"country": "SEN", "status": "open", "support_type": "training"}, {"border"}),
    ],
)
def test_the_list_filters(client, published, params, expected):
    assert listed(client, **params) == {published[key].title for key in expected}


def test_the_requester_lists_their_draft(published, editor):
    assert "A secret draft" in listed(logged_in(editor))
    assert "A secret draft" in listed(logged_in(editor), status="draft")
    assert "A secret draft" not in listed(Client())


def test_a_request_in_several_areas_is_listed_once(make_request, areas, client):
    make_request("open", capacity_areas=[areas["BORD"], areas["DATA"]],
                 support_types=["training", "funding"])  # fmt: skip
    response = client.get(reverse(LIST), {"q": "training"})
    assert response.context["page_obj"].paginator.count == 1


@pytest.mark.parametrize(
    "params",
    [
        {"capacity_area": "NOPE"},
        {"support_type": "bribery"},
        {"country": "XXX"},
        {"region": "999"},
        {"region": "Africa"},
        {"language": "zz"},
        {"status": "lost"},
        {"objective": "99"},
        {"objective": "one"},
    ],
)
def test_a_bad_filter_is_answered_400(client, published, params):
    response = client.get(reverse(LIST), params)
    assert response.status_code == 400
    assert response.context["filter"].errors
    assert "Select a valid choice" in response.content.decode()


def test_a_bad_page_number_gives_a_page(client, published):
    assert client.get(reverse(LIST), {"page": "many"}).status_code == 200
    assert client.get(reverse(LIST), {"page": "999"}).status_code == 200


def test_the_list_offers_to_request_to_editors_only(client, editor, viewer):
    button = reverse(CREATE)
    assert button in logged_in(editor).get(reverse(LIST)).content.decode()
    assert button not in logged_in(viewer).get(reverse(LIST)).content.decode()
    assert button not in client.get(reverse(LIST)).content.decode()


def _many(make_request, government, areas, count):
    for number in range(count):
        make_request(
            "open", title=f"Request {number}", joint_with=government,
            capacity_areas=[areas["BORD"], areas["DATA"]],
            support_types=["training", "funding"],
        )  # fmt: skip


def _queries(client, url, params=None) -> int:
    client.get(url, params or {})  # caches (content types, the session) warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["anonymous", "editor", "secretariat"])
@pytest.mark.parametrize("params", [{}, {"capacity_area": "DATA", "region": "002"}])
def test_the_list_costs_the_same_queries_for_1_or_10_requests(
    request, make_request, government, areas, who, params
):
    government.verification_status = "verified"
    government.save()
    client = Client() if who == "anonymous" else logged_in(request.getfixturevalue(who))
    _many(make_request, government, areas, 1)
    one = _queries(client, reverse(LIST), params)
    _many(make_request, government, areas, 9)
    response = client.get(reverse(LIST), params)
    assert response.context["page_obj"].paginator.count == 10
    assert _queries(client, reverse(LIST), params) == one


# Writing a request ---------------------------------------------------------------------------


def test_an_editor_gets_the_form(editor, organisation):
    response = logged_in(editor).get(reverse(CREATE))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["organisation"].queryset) == [organisation]
    assert form.initial["submission_key"]
    assert response.context["formset"].prefix == "requirements"
    assert 'name="requirements-TOTAL_FORMS"' in response.content.decode()


@pytest.mark.parametrize("who", ["viewer", "nobody", "secretariat"])
def test_who_edits_no_organisation_is_refused_the_form(request, who):
    user = UserFactory() if who == "nobody" else request.getfixturevalue(who)
    client = logged_in(user)
    assert client.get(reverse(CREATE)).status_code == 403
    assert client.post(reverse(CREATE), {}).status_code == 403


def test_the_anonymous_are_sent_to_log_in(client):
    response = client.get(reverse(CREATE))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_request_is_written_with_its_requirement_lines(editor, organisation):
    client = logged_in(editor)
    response = client.post(reverse(CREATE), form_data(organisation))
    support_request = SupportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == support_request.get_absolute_url()
    assert support_request.organisation == organisation
    assert support_request.status == "draft"
    assert support_request.language == "fr"
    assert support_request.working_languages == ["en", "fr", "wo"]
    lines = [(r.kind, r.description, r.quantity, r.currency)
             for r in support_request.requirements.order_by("pk")]  # fmt: skip
    assert lines == [
        ("money", "Travel", Decimal("12000"), "USD"),
        ("expert_days", "A trainer", Decimal("15"), ""),
    ]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "The request is saved. Submit it when it is ready." in page.content.decode()


def test_the_same_form_posted_twice_makes_one_request(editor, organisation):
    client, data = logged_in(editor), form_data(organisation)
    first = client.post(reverse(CREATE), data)
    second = client.post(reverse(CREATE), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert SupportRequest.objects.count() == 1
    assert Requirement.objects.count() == 2
    assert AuditEntry.objects.filter(action="hub.request.created").count() == 1


def test_the_language_the_requester_names_is_kept(editor, organisation):
    logged_in(editor).post(reverse(CREATE), form_data(organisation, language="es"))
    assert SupportRequest.objects.get().language == "es"


def _too_many_lines():
    return [{"kind": "expert_days", "description": f"Line {n}", "quantity": "1"} for n in range(31)]


BAD_FORMS = [
    # (what is wrong, overrides of the form data, words of the message on the page)
    ("end before start", {"starts_on": "2027-01-01", "ends_on": "2026-12-31"},
     "The end comes before the start."),
    ("unknown working language", {"working_languages": "fr, zz"}, "Unknown language codes: zz."),
    ("regional without region", {"scope": "regional", "country": ""},
     "A regional request names its region."),
    ("national without country", {"country": ""},
     "A national or local request names its country."),
    ("no capacity area", {"capacity_areas": []}, "This field is required."),
    ("unknown support type", {"support_types": ["bribery"]}, "Select a valid choice."),
    ("description too long", {"description": "a" * 10_001},
     "Ensure this value has at most 10000 characters (it has 10001)."),
    ("money without currency",
     {"lines": [{"kind": "money", "description": "Travel", "quantity": "100"}]},
     "Requirement 1: give a currency code such as USD or EUR."),
    ("unknown currency",
     {"lines": [{"kind": "money", "description": "Travel", "quantity": "100",
                 "currency": "XYZ"}]},
     "Requirement 1: give a currency code such as USD or EUR."),
    ("zero quantity",
     {"lines": [{"kind": "expert_days", "description": "A trainer", "quantity": "0"}]},
     "Ensure this value is greater than or equal to 0.01."),
    ("negative quantity",
     {"lines": [{"kind": "expert_days", "description": "A trainer", "quantity": "-5"}]},
     "Ensure this value is greater than or equal to 0.01."),
    ("negative value",
     {"lines": [{"kind": "in_kind", "description": "Scanners", "quantity": "2",
                 "currency": "USD", "estimated_value": "-1"}]},
     "Ensure this value is greater than or equal to 0."),
    ("over 30 requirements", {"lines": _too_many_lines()}, "Please submit at most 30 forms."),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, words", [case[1:] for case in BAD_FORMS], ids=[c[0] for c in BAD_FORMS]
)
def test_a_bad_form_is_answered_400_and_nothing_is_written(editor, organisation, overrides, words):
    data = form_data(organisation, **overrides)
    if "lines" in overrides:
        data["requirements-MAX_NUM_FORMS"] = "1000"  # the browser does not decide the limit
    response = logged_in(editor).post(reverse(CREATE), data)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not SupportRequest.objects.exists()
    assert not Requirement.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="hub.").exists()


def test_an_organisation_the_user_does_not_edit_is_refused(editor, organisation, outsider):
    other = fresh(outsider).memberships.get().organisation
    response = logged_in(editor).post(reverse(CREATE), form_data(other))
    assert response.status_code == 400
    assert response.context["form"].errors["organisation"]
    assert not SupportRequest.objects.exists()


def test_a_joint_request_names_a_government(editor, organisation, government, outsider):
    response = logged_in(editor).post(
        reverse(CREATE), form_data(organisation, joint_with=government.pk)
    )
    assert response.status_code == 302
    assert SupportRequest.objects.get().joint_with == government
    civil_society = fresh(outsider).memberships.get().organisation
    refused = logged_in(editor).post(
        reverse(CREATE), form_data(organisation, joint_with=civil_society.pk)
    )
    assert refused.status_code == 400
    assert SupportRequest.objects.count() == 1


# Editing -------------------------------------------------------------------------------------


def edit_url(support_request) -> str:
    return reverse("hub:request_update", kwargs={"pk": support_request.pk})


def test_the_requester_edits_a_draft(draft, editor, organisation):
    client = logged_in(editor)
    page = client.get(edit_url(draft))
    assert page.status_code == 200
    assert page.context["form"].initial["title"] == "Training for border officials"
    assert page.context["formset"].initial == [
        {"kind": "expert_days", "description": "A statistician", "quantity": Decimal("20"),
         "currency": "", "estimated_value": None},
    ]  # fmt: skip
    response = client.post(edit_url(draft), form_data(organisation, title="A better title"))
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.title == "A better title"
    assert draft.requirements.count() == 2
    assert SupportRequest.objects.count() == 1


def test_a_bad_edit_is_answered_400(draft, editor, organisation):
    response = logged_in(editor).post(
        edit_url(draft), form_data(organisation, title="Changed", ends_on="2020-01-01")
    )
    assert response.status_code == 400
    assert "The end comes before the start." in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Training for border officials"


def test_the_joint_governments_editor_edits_through_the_page(
    joint_draft, government_admin, organisation, government
):
    client = logged_in(government_admin)
    page = client.get(edit_url(joint_draft))
    assert page.status_code == 200
    # The form offers the request's own organisation, the one the edit is saved for.
    assert list(page.context["form"].fields["organisation"].queryset) == [organisation]
    response = client.post(
        edit_url(joint_draft),
        form_data(organisation, title="Edited by the ministry", joint_with=government.pk),
    )
    assert response.status_code == 302
    joint_draft.refresh_from_db()
    assert joint_draft.title == "Edited by the ministry"


def test_a_request_cannot_be_moved_to_another_organisation(draft, editor, organisation):
    other = OrganisationFactory()
    MembershipFactory(organisation=other, user=editor, role="admin")
    response = logged_in(editor).post(edit_url(draft), form_data(other, title="Moved"))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert (draft.organisation, draft.title) == (organisation, "Training for border officials")


@pytest.mark.parametrize("who, status", [("viewer", 403), ("outsider", 404), ("secretariat", 404)])
def test_others_do_not_edit(request, draft, organisation, who, status):
    client = logged_in(request.getfixturevalue(who))
    assert client.get(edit_url(draft)).status_code == status
    assert client.post(edit_url(draft), form_data(organisation, title="X")).status_code == status
    draft.refresh_from_db()
    assert draft.title == "Training for border officials"


def test_a_submitted_request_is_not_edited(make_request, editor, organisation):
    submitted = make_request("submitted")
    client = logged_in(editor)
    assert client.get(edit_url(submitted)).status_code == 403
    assert client.post(edit_url(submitted), form_data(organisation)).status_code == 403


# The workflow --------------------------------------------------------------------------------


def transition_url(support_request, action) -> str:
    return reverse("hub:request_transition", kwargs={"pk": support_request.pk, "action": action})


def review_url(support_request) -> str:
    return reverse("hub:request_review", kwargs={"pk": support_request.pk})


def test_the_detail_page_offers_the_next_steps(draft, editor, viewer):
    html = logged_in(editor).get(draft.get_absolute_url()).content.decode()
    assert transition_url(draft, "submit") in html
    assert transition_url(draft, "withdraw") in html
    assert edit_url(draft) in html
    assert transition_url(draft, "close") not in html
    viewer_html = logged_in(viewer).get(draft.get_absolute_url()).content.decode()
    assert transition_url(draft, "submit") not in viewer_html
    assert edit_url(draft) not in viewer_html


def test_submit(draft, editor):
    response = logged_in(editor).post(transition_url(draft, "submit"))
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.status == "submitted"


def test_submitting_without_requirements_is_answered_400(organisation, editor):
    support_request = services.request_create(
        actor=editor, organisation=organisation, data=request_data(requirements=[])
    )
    response = logged_in(editor).post(transition_url(support_request, "submit"))
    assert response.status_code == 400
    assert "Say what the request would take" in response.content.decode()
    support_request.refresh_from_db()
    assert support_request.status == "draft"


def test_an_unverified_government_is_told_why_it_cannot_submit(government, government_admin):
    support_request = services.request_create(
        actor=government_admin, organisation=government, data=request_data()
    )
    response = logged_in(government_admin).post(transition_url(support_request, "submit"))
    assert response.status_code == 400
    assert (
        "The secretariat must verify your organisation before it requests support."
        in response.content.decode()
    )
    support_request.refresh_from_db()
    assert support_request.status == "draft"


def test_withdraw_with_a_reason(make_request, editor):
    submitted = make_request("submitted")
    response = logged_in(editor).post(
        transition_url(submitted, "withdraw"), {"reason": "We found a partner."}
    )
    assert response.status_code == 302
    assert response["Location"] == submitted.get_absolute_url()
    submitted.refresh_from_db()
    assert submitted.status == "withdrawn"
    entry = AuditEntry.objects.get(action="hub.request.withdrawn")
    assert entry.data["note"] == "We found a partner."


def test_close(make_request, editor):
    support_request = make_request("open")
    response = logged_in(editor).post(transition_url(support_request, "close"), {"reason": ""})
    assert response.status_code == 302
    assert response["Location"] == support_request.get_absolute_url()
    support_request.refresh_from_db()
    assert support_request.status == "closed"


def test_a_step_out_of_turn_or_hands_is_refused(make_request, draft, editor, viewer, outsider):
    assert logged_in(editor).post(transition_url(draft, "close")).status_code == 403
    assert logged_in(viewer).post(transition_url(draft, "submit")).status_code == 403
    assert logged_in(outsider).post(transition_url(draft, "withdraw")).status_code == 404
    open_request = make_request("open", title="Open")
    assert logged_in(outsider).post(transition_url(open_request, "close")).status_code == 403
    assert logged_in(editor).post(transition_url(open_request, "submit")).status_code == 403
    draft.refresh_from_db()
    open_request.refresh_from_db()
    assert (draft.status, open_request.status) == ("draft", "open")


def test_an_unknown_step_is_not_found(draft, editor):
    client = logged_in(editor)
    for action in ("publish", "delete", "accepted"):
        assert client.post(transition_url(draft, action)).status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_steps_are_posted_by_someone_logged_in(draft, client, editor):
    assert logged_in(editor).get(transition_url(draft, "submit")).status_code == 405
    response = client.post(transition_url(draft, "submit"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_secretariat_accepts(make_request, secretariat):
    submitted = make_request("submitted")
    response = logged_in(secretariat).post(review_url(submitted), {"outcome": "accepted"})
    assert response.status_code == 302
    assert response["Location"] == reverse("hub:review_queue")
    submitted.refresh_from_db()
    assert submitted.status == "open" and submitted.published_at is not None


def test_the_secretariat_asks_a_question(make_request, secretariat, editor):
    submitted = make_request("submitted")
    response = logged_in(secretariat).post(
        review_url(submitted), {"outcome": "clarification", "note": "Which agencies?"}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "clarification"
    # The requester reads the question, edits and submits again.
    client = logged_in(editor)
    assert "Which agencies?" in client.get(submitted.get_absolute_url()).content.decode()
    assert client.get(edit_url(submitted)).status_code == 200
    assert client.post(transition_url(submitted, "submit")).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


@pytest.mark.parametrize(
    "data, words",
    [
        ({"outcome": "clarification", "note": "  "}, "Write your question or advice"),
        ({"outcome": "advice"}, "Write your question or advice"),
        ({"note": "Hello"}, "This field is required."),
        ({"outcome": "publish"}, "Select a valid choice."),
    ],
)
def test_a_bad_review_is_answered_400(make_request, secretariat, data, words):
    submitted = make_request("submitted")
    response = logged_in(secretariat).post(review_url(submitted), data)
    assert response.status_code == 400
    assert words in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_only_brokers_review_through_the_page(make_request, editor, outsider, secretariat):
    submitted = make_request("submitted")
    assert logged_in(editor).post(review_url(submitted), {"outcome": "accepted"}).status_code == 403
    assert logged_in(outsider).post(review_url(submitted), {"outcome": "accepted"}).status_code == (
        404
    )
    draft = make_request("draft", title="A draft")
    # A draft is not even visible to the secretariat.
    assert logged_in(secretariat).post(review_url(draft), {"outcome": "accepted"}).status_code == (
        404
    )
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


# From an assessment's gap --------------------------------------------------------------------


@pytest.fixture
def assessing_government(db):
    return OrganisationFactory(
        type="national_government",
        verification_status="verified",
        country=Country.objects.get(iso3="SEN"),
    )


@pytest.fixture
def focal_point(assessing_government):
    return MembershipFactory(organisation=assessing_government, role="admin").user


@pytest.fixture
def ministry_editor(assessing_government):
    return MembershipFactory(organisation=assessing_government, role="editor").user


@pytest.fixture
def ministry_viewer(assessing_government):
    return MembershipFactory(organisation=assessing_government, role="viewer").user


@pytest.fixture
def published_assessment(assessing_government, focal_point):
    """Published, with gaps on RIGHTS.1.1 (1 → 3) and WGA.1.1 (2 → 3), none on RIGHTS.1.2."""
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL", version="1.0")
    assessment = assessment_services.assessment_open(
        actor=focal_point, organisation=assessing_government, version=version,
        title="National assessment 2026", scope="national", language="en",
    )  # fmt: skip
    for code, level, desired in [("RIGHTS.1.1", 1, 3), ("WGA.1.1", 2, 3), ("RIGHTS.1.2", 2, 2)]:
        assessment_services.agreed_answer_set(
            actor=focal_point, assessment=assessment,
            indicator=version.indicators.get(code=code), expected_version=None,
            level=level, desired_level=desired, priority="high",
        )  # fmt: skip
    assessment_services.assessment_submit(actor=focal_point, assessment=assessment)
    assessment_services.assessment_sign(actor=focal_point, assessment=assessment)
    assessment_services.assessment_publish(
        actor=focal_point, assessment=assessment, disclosure="scores"
    )
    assessment.refresh_from_db()
    assert assessment.is_published
    return assessment


def profile_url(assessment) -> str:
    return reverse("assessments:profile", kwargs={"pk": assessment.pk})


def gap_url(assessment, code) -> str:
    return f"{reverse(CREATE)}?assessment={assessment.pk}&indicator={code}"


def offers_request(html: str, assessment, code: str) -> bool:
    """Whether the profile's HTML links to a request pre-filled from the gap on `code`."""
    return f'href="{gap_url(assessment, code).replace("&", "&amp;")}"' in html


def test_the_profile_offers_to_request_support_on_each_gap_to_editors(
    published_assessment, ministry_editor, focal_point, ministry_viewer, outsider, secretariat
):
    for user in (ministry_editor, focal_point):
        html = logged_in(user).get(profile_url(published_assessment)).content.decode()
        assert offers_request(html, published_assessment, "RIGHTS.1.1")
        assert offers_request(html, published_assessment, "WGA.1.1")
        assert not offers_request(html, published_assessment, "RIGHTS.1.2")  # no gap
        assert "Request support for this gap" in html
    for client in (logged_in(ministry_viewer), logged_in(outsider), logged_in(secretariat),
                   Client()):  # fmt: skip
        response = client.get(profile_url(published_assessment))
        assert response.status_code == 200
        assert "Request support for" not in response.content.decode()


def test_a_gap_from_a_well_developed_level_offers_a_request_too(
    assessing_government, focal_point, ministry_editor
):
    """Not only the areas with potential: any indicator whose desired level is above its
    current one, here "meets" (3) aiming for "exceeds" (4)."""
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL", version="1.0")
    assessment = assessment_services.assessment_open(
        actor=focal_point, organisation=assessing_government, version=version,
        title="National assessment 2026", scope="national", language="en",
    )  # fmt: skip
    for code, level, desired in [("RIGHTS.1.1", 3, 4), ("RIGHTS.1.2", 4, 4), ("WGA.1.1", 3, None)]:
        assessment_services.agreed_answer_set(
            actor=focal_point, assessment=assessment,
            indicator=version.indicators.get(code=code), expected_version=None,
            level=level, desired_level=desired, priority="medium",
        )  # fmt: skip
    client = logged_in(ministry_editor)
    html = client.get(profile_url(assessment)).content.decode()
    strong = html.split('id="strong-heading"', 1)[1].split("</section>", 1)[0]
    assert "RIGHTS.1.1" in strong  # well developed, and still a gap
    assert offers_request(html, assessment, "RIGHTS.1.1")
    assert not offers_request(html, assessment, "RIGHTS.1.2")  # at its desired level
    assert not offers_request(html, assessment, "WGA.1.1")  # no desired level: no gap
    # The link opens the request form filled in from that gap.
    response = client.get(gap_url(assessment, "RIGHTS.1.1"))
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == "Support to close a gap: RIGHTS.1.1"


def test_a_request_starts_filled_in_from_the_gap(published_assessment, ministry_editor):
    response = logged_in(ministry_editor).get(gap_url(published_assessment, "RIGHTS.1.1"))
    assert response.status_code == 200
    initial = response.context["form"].initial
    indicator = published_assessment.version.indicators.get(code="RIGHTS.1.1")
    assert initial["organisation"] == published_assessment.organisation
    assert initial["title"] == "Support to close a gap: RIGHTS.1.1"
    assert indicator.question in initial["description"]
    assert "level 1; we aim for level 3" in initial["description"]
    assert initial["language"] == "en"
    assert set(initial["capacity_areas"]) == set(indicator.capacity_areas.all())
    assert initial["capacity_areas"], "the indicator is tagged with capacity areas"
    assert initial["country"] == published_assessment.organisation.country
    assert initial["scope"] == "national"
    html = response.content.decode()
    assert "Support to close a gap: RIGHTS.1.1" in html


def test_a_gap_request_is_linked_to_the_assessment_and_the_indicator(
    published_assessment, ministry_editor, outsider
):
    client = logged_in(ministry_editor)
    initial = client.get(gap_url(published_assessment, "RIGHTS.1.1")).context["form"].initial
    data = form_data(
        published_assessment.organisation,
        title=initial["title"],
        description=initial["description"],
        capacity_areas=[area.pk for area in initial["capacity_areas"]],
    )
    response = client.post(gap_url(published_assessment, "RIGHTS.1.1"), data)
    assert response.status_code == 302
    support_request = SupportRequest.objects.get()
    assert response["Location"] == support_request.get_absolute_url()
    assert support_request.source_assessment == published_assessment
    assert support_request.source_indicator.code == "RIGHTS.1.1"
    assert support_request.organisation == published_assessment.organisation
    created = AuditEntry.objects.get(action="hub.request.created")
    assert created.data["gap"] == "RIGHTS.1.1"
    # Posted again: still one request.
    assert client.post(gap_url(published_assessment, "RIGHTS.1.1"), data).status_code == 302
    assert SupportRequest.objects.count() == 1

    # The profile now lists the request and no longer offers to ask for RIGHTS.1.1.
    html = client.get(profile_url(published_assessment)).content.decode()
    assert support_request.get_absolute_url() in html
    assert not offers_request(html, published_assessment, "RIGHTS.1.1")
    assert offers_request(html, published_assessment, "WGA.1.1")
    # Nobody else sees the draft there.
    outsider_html = logged_in(outsider).get(profile_url(published_assessment)).content.decode()
    assert support_request.get_absolute_url() not in outsider_html
    # The request's page names the gap.
    page = client.get(support_request.get_absolute_url()).content.decode()
    assert profile_url(published_assessment) in page
    assert "RIGHTS.1.1" in page


def test_a_gap_request_is_the_assessing_organisations(
    published_assessment, ministry_editor, organisation
):
    # Someone who edits for the government and for a civil society organisation cannot file the
    # government's gap under the other organisation.
    MembershipFactory(organisation=organisation, user=ministry_editor, role="editor")
    response = logged_in(ministry_editor).post(
        gap_url(published_assessment, "RIGHTS.1.1"), form_data(organisation)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["organisation"] == [
        "Ask for support on a gap for the organisation that assessed it."
    ]
    assert not SupportRequest.objects.exists()


def test_no_request_from_a_gap_that_is_not_there(published_assessment, ministry_editor):
    client = logged_in(ministry_editor)
    # No gap on this indicator: the form opens empty and says why.
    response = client.get(gap_url(published_assessment, "RIGHTS.1.2"))
    assert response.status_code == 200
    assert "title" not in response.context["form"].initial
    assert "This indicator shows no gap to ask support for." in response.content.decode()
    posted = client.post(
        gap_url(published_assessment, "RIGHTS.1.2"), form_data(published_assessment.organisation)
    )
    assert posted.status_code == 400
    assert "This indicator shows no gap to ask support for." in posted.content.decode()
    assert not SupportRequest.objects.exists()
    # An indicator the assessment does not have.
    assert client.get(gap_url(published_assessment, "NOPE.9.9")).status_code == 404


def test_only_the_assessing_organisations_editors_request_from_its_gaps(
    published_assessment, outsider
):
    # The outsider edits their own organisation, but not the government's.
    client = logged_in(outsider)
    assert client.get(gap_url(published_assessment, "RIGHTS.1.1")).status_code == 403
    other = fresh(outsider).memberships.get().organisation
    assert client.post(
        gap_url(published_assessment, "RIGHTS.1.1"), form_data(other)
    ).status_code == (403)
    assert not SupportRequest.objects.exists()


def test_the_profile_lists_published_gap_requests_to_everyone(
    published_assessment, ministry_editor, secretariat, outsider
):
    support_request = services.request_create(
        actor=ministry_editor,
        organisation=published_assessment.organisation,
        data=request_data(requirements=[requirement()]),
        source_assessment=published_assessment,
        source_indicator=published_assessment.version.indicators.get(code="WGA.1.1"),
    )
    services.request_submit(actor=fresh(ministry_editor), support_request=support_request)
    services.request_review(
        actor=secretariat, support_request=support_request, outcome="accepted", note=""
    )
    for client in (logged_in(outsider), Client()):
        html = client.get(profile_url(published_assessment)).content.decode()
        assert support_request.get_absolute_url() in html
        assert "Request support for" not in html
    editor_html = logged_in(ministry_editor).get(profile_url(published_assessment)).content.decode()
    assert not offers_request(editor_html, published_assessment, "WGA.1.1")
    assert offers_request(editor_html, published_assessment, "RIGHTS.1.1")


def test_the_request_page_names_an_unpublished_assessment_only_to_those_who_see_it(
    assessing_government, focal_point, ministry_editor, secretariat, outsider
):
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL", version="1.0")
    private = assessment_services.assessment_open(
        actor=focal_point, organisation=assessing_government, version=version,
        title="Validated but never published", scope="national", language="en",
    )  # fmt: skip
    assessment_services.agreed_answer_set(
        actor=focal_point, assessment=private, indicator=version.indicators.get(code="WGA.1.1"),
        expected_version=None, level=1, desired_level=3,
    )  # fmt: skip
    assessment_services.assessment_submit(actor=focal_point, assessment=private)
    assessment_services.assessment_sign(actor=focal_point, assessment=private)
    support_request = services.request_create(
        actor=ministry_editor,
        organisation=assessing_government,
        data=request_data(requirements=[requirement()]),
        source_assessment=private,
        source_indicator=version.indicators.get(code="WGA.1.1"),
    )
    services.request_submit(actor=fresh(ministry_editor), support_request=support_request)
    services.request_review(
        actor=secretariat, support_request=support_request, outcome="accepted", note=""
    )
    url = support_request.get_absolute_url()
    for client in (logged_in(outsider), logged_in(secretariat), Client()):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert support_request.title in html
        assert "Validated but never published" not in html
        assert "Answers a gap" not in html and "WGA.1.1" not in html
        assert private.get_absolute_url() not in html and profile_url(private) not in html
    # The assessing organisation's members see it, linked to its profile.
    html = logged_in(ministry_editor).get(url).content.decode()
    assert "Answers a gap" in html and "Validated but never published" in html
    assert profile_url(private) in html and "WGA.1.1" in html
