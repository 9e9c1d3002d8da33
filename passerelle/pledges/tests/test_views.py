"""The pledges' pages: the filtered list with its status lights (bounded queries, bad filters
answered 400), writing and editing a draft, publishing through the SMART check, reporting
progress, closing and withdrawing, and the pledge's page with its completion, chart and
history."""

import uuid
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country, Region
from passerelle.pledges import services
from passerelle.pledges.models import Pledge, ProgressUpdate
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import days, fresh, progress

pytestmark = pytest.mark.django_db

LIST = "pledges:pledge_list"
CREATE = "pledges:pledge_create"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(organisation, **overrides) -> dict:
    data = {
        "organisation": organisation.pk,
        "title": "Former 200 agents aux frontières",
        "description": "Nous formerons les agents qui travaillent aux frontières du pays.",
        "language": "",
        "form": "human_resource",
        "type": "individual",
        "partners": [],
        "matches": "",
        "gcm_objectives": [GCMObjective.objects.get(number=11).pk],
        "capacity_areas": [CapacityArea.objects.get(code="BORD").pk],
        "country": Country.objects.get(iso3="SEN").pk,
        "region": "",
        "metric": "Agents formés",
        "baseline": "0",
        "target": "200",
        "unit": "agents",
        "deadline": days(365).isoformat(),
        "amount": "",
        "currency": "",
        "pledged_on": "",
        "reporting_interval": "",
        "submission_key": str(uuid.uuid4()),
    }
    return {**data, **overrides}


# The list ------------------------------------------------------------------------------------


@pytest.fixture
def listed_pledges(make_pledge, editor, areas_and_objectives):
    """Published pledges that differ in each filtered respect, and a draft nobody else sees."""
    areas, objectives = areas_and_objectives
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    pledges = {
        "border": make_pledge(
            "published", title="Border training", capacity_areas=[areas["BORD"]],
            gcm_objectives=[objectives[11]], country=senegal, pledged_on=days(-10),
        ),
        "data": make_pledge(
            "published", title="Données migratoires", form="financial", amount=Decimal("1000"),
            currency="EUR", capacity_areas=[areas["DATA"]], gcm_objectives=[objectives[1]],
            country=france, description="Nous financerons une étude sur les données.",
            pledged_on=days(-200),
        ),
        "regional": make_pledge(
            "published", title="Datos regionales", form="policy", capacity_areas=[areas["DATA"]],
            gcm_objectives=[objectives[1], objectives[23]], country=None,
            region=Region.objects.get(code="011"), pledged_on=days(-170),
            description="Apoyaremos la política de datos de la region.",
        ),
        "closed": make_pledge(
            "closed", title="An old consular pledge", form="process", country=None,
            capacity_areas=[areas["CONS"]], gcm_objectives=[objectives[14]],
            description="We will hold an exchange between consulates.", metric="Exchanges",
        ),
        "draft": make_pledge("draft", title="A secret draft"),
    }  # fmt: skip
    services.progress_record(
        actor=fresh(editor), pledge=pledges["border"], data=progress(completion="substantial")
    )
    return pledges


@pytest.fixture
def areas_and_objectives(db):
    return (
        {area.code: area for area in CapacityArea.objects.all()},
        {objective.number: objective for objective in GCMObjective.objects.all()},
    )


def listed(client, **params) -> set[str]:
    response = client.get(reverse(LIST), params)
    assert response.status_code == 200, response.content.decode()[:500]
    return {pledge.title for pledge in response.context["page_obj"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data", "regional", "closed"}),
        ({"capacity_area": "DATA"}, {"data", "regional"}),
        ({"objective": "1"}, {"data", "regional"}),
        ({"objective": "23"}, {"regional"}),
        ({"country": "SEN"}, {"border"}),
        ({"region": "011"}, {"border", "regional"}),  # Western Africa
        ({"region": "002"}, {"border", "regional"}),  # Africa, two levels up
        ({"region": "150"}, {"data"}),  # Europe
        ({"form": "financial"}, {"data"}),
        ({"form": "process"}, {"closed"}),
        ({"type": "individual"}, {"border", "data", "regional", "closed"}),
        ({"type": "common"}, set()),
        ({"status": "closed"}, {"closed"}),
        ({"status": "draft"}, set()),
        ({"completion": "substantial"}, {"border"}),
        ({"completion": "complete"}, {"closed"}),
        ({"light": "green"}, {"border"}),
        ({"light": "amber"}, {"regional"}),
        ({"light": "red"}, {"data"}),
        ({"language": "fr"}, {"data"}),
        ({"language": "es"}, {"regional"}),
        ({"q": "CONSULATES"}, {"closed"}),
        ({"q": "étude"}, {"data"}),
        ({"q": "agents"}, set()),
        ({"capacity_area": "DATA", "language": "fr"}, {"data"}),
    ],
)
def test_the_list_filters(client, listed_pledges, params, expected):
    assert listed(client, **params) == {listed_pledges[key].title for key in expected}


def test_the_editors_list_their_draft(listed_pledges, editor):
    assert "A secret draft" in listed(logged_in(editor), status="draft")
    assert "A secret draft" not in listed(Client())


def test_the_list_shows_each_light_in_words(client, listed_pledges):
    html = client.get(reverse(LIST)).content.decode()
    for words in ("On track", "Report due soon", "Overdue", "Substantial", "Closed"):
        assert words in html, words
    assert 'class="status-chip light-red"' in html
    assert 'aria-valuetext="Substantial"' in html


def test_the_list_filters_in_place_with_htmx(client, listed_pledges):
    html = client.get(reverse(LIST)).content.decode()
    assert 'hx-get="/en/pledges/"' in html and 'hx-select="#pledge-results"' in html
    response = client.get(reverse(LIST), {"form": "financial"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="pledge-results"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"capacity_area": "NOPE"},
        {"objective": "99"},
        {"country": "XXX"},
        {"region": "999"},
        {"form": "goodwill"},
        {"type": "solo"},
        {"status": "lost"},
        {"completion": "halfway"},
        {"light": "blue"},
        {"language": "zz"},
    ],
)
def test_a_bad_filter_is_answered_400(client, listed_pledges, params):
    response = client.get(reverse(LIST), params)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_list_offers_to_pledge_to_editors_only(client, editor, viewer):
    button = reverse(CREATE)
    assert button in logged_in(editor).get(reverse(LIST)).content.decode()
    assert button not in logged_in(viewer).get(reverse(LIST)).content.decode()
    assert button not in client.get(reverse(LIST)).content.decode()


def _many(make_pledge, editor, partner, count):
    for number in range(count):
        pledge = make_pledge(
            "published", title=f"Pledge {number}", type="common", partners=[partner],
            pledged_on=days(-30),
        )  # fmt: skip
        services.progress_record(actor=fresh(editor), pledge=pledge, data=progress())


# However many pledges, one page costs the same queries: session, user and roles; the bell's
# count; whether to offer "Make a pledge"; the filter form's four lists and each chosen filter's
# lookup; the count of pledges; the page of rows with their organisation, country and region.
LIST_QUERY_BUDGET = 13


@pytest.mark.parametrize("who", ["anonymous", "editor", "partner_viewer"])
@pytest.mark.parametrize("params", [{}, {"capacity_area": "BORD", "region": "002"},
                                    {"light": "green"}])  # fmt: skip
def test_the_list_costs_a_fixed_number_of_queries(
    request, make_pledge, editor, partner, who, params, django_assert_max_num_queries
):
    client = Client() if who == "anonymous" else logged_in(request.getfixturevalue(who))
    url = reverse(LIST)
    for count in (1, 20):
        _many(make_pledge, editor, partner, count)
        client.get(url, params)  # caches (content types, the session) warmed
        with django_assert_max_num_queries(LIST_QUERY_BUDGET):
            response = client.get(url, params)
        assert response.status_code == 200
        assert len(response.context["page_obj"]) == min(Pledge.objects.count(), 25)


# Writing a pledge ----------------------------------------------------------------------------


def test_an_editor_gets_the_form(editor, organisation):
    response = logged_in(editor).get(reverse(CREATE))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["organisation"].queryset) == [organisation]
    assert form.initial["submission_key"]
    assert "every 6 months" in response.content.decode()


@pytest.mark.parametrize("who", ["viewer", "nobody", "secretariat"])
def test_who_edits_for_no_organisation_is_refused_the_form(request, who):
    user = UserFactory() if who == "nobody" else request.getfixturevalue(who)
    client = logged_in(user)
    assert client.get(reverse(CREATE)).status_code == 403
    assert client.post(reverse(CREATE), {}).status_code == 403


def test_the_anonymous_are_sent_to_log_in(client, draft):
    for url in (reverse(CREATE), reverse("pledges:pledge_update", kwargs={"pk": draft.pk})):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_a_pledge_is_written(editor, organisation):
    client = logged_in(editor)
    response = client.post(reverse(CREATE), form_data(organisation))
    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == pledge.get_absolute_url()
    assert (pledge.status, pledge.language, pledge.organisation) == ("draft", "fr", organisation)
    assert (pledge.target, pledge.unit, pledge.reporting_interval) == (Decimal("200"), "agents", 6)
    page = client.get(response["Location"])
    assert "The pledge is saved. Publish it when it is ready." in page.content.decode()


def test_the_same_form_posted_twice_makes_one_pledge(editor, organisation):
    client, data = logged_in(editor), form_data(organisation)
    first = client.post(reverse(CREATE), data)
    second = client.post(reverse(CREATE), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Pledge.objects.count() == 1
    assert AuditEntry.objects.filter(action="pledges.pledge.created").count() == 1


def test_a_common_pledge_and_a_matching_one(editor, organisation, partner, make_pledge):
    client = logged_in(editor)
    client.post(reverse(CREATE), form_data(organisation, type="common", partners=[partner.pk]))
    assert list(Pledge.objects.get().partners.all()) == [partner]
    matched = make_pledge("published", title="Matched")
    client.post(reverse(CREATE), form_data(organisation, type="matching", matches=matched.pk))
    assert Pledge.objects.get(type="matching").matches == matched


BAD_FORMS = [
    # (what is wrong, overrides of the form data, words of the message on the page)
    ("no title", {"title": ""}, "This field is required."),
    ("no objective", {"gcm_objectives": []}, "This field is required."),
    ("unknown form", {"form": "goodwill"}, "Select a valid choice."),
    ("common without partners", {"type": "common"},
     "Name the organisations you make this pledge with."),
    ("matching without a number", {"type": "matching"}, "Give the number of the pledge you match."),
    ("matching an unknown pledge", {"type": "matching", "matches": "999999"},
     "No pledge has this number."),
    ("zero target", {"target": "0"}, "The target must be more than zero."),
    ("not a number", {"target": "many"}, "Enter a number."),
    ("amount without currency", {"amount": "5000"}, "Give a currency code such as USD or EUR."),
    ("pledged tomorrow", {"pledged_on": days(1).isoformat()}, "A pledge is made today or earlier."),
    ("country and region", {"region": "011"}, "Name a country or a region, not both."),
    ("interval of 30 months", {"reporting_interval": "30"},
     "Ensure this value is less than or equal to 24."),
    ("description too long", {"description": "a" * 10_001},
     "Ensure this value has at most 10000 characters (it has 10001)."),
]  # fmt: skip


@pytest.mark.parametrize(
    "overrides, words", [case[1:] for case in BAD_FORMS], ids=[c[0] for c in BAD_FORMS]
)
def test_a_bad_form_is_answered_400_and_nothing_is_written(editor, organisation, overrides, words):
    if "region" in overrides:
        overrides["region"] = Region.objects.get(code=overrides["region"]).pk
    response = logged_in(editor).post(reverse(CREATE), form_data(organisation, **overrides))
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Pledge.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="pledges.").exists()


def test_an_organisation_the_user_does_not_edit_for_is_refused(editor, organisation, outsider):
    other = fresh(outsider).memberships.get().organisation
    response = logged_in(editor).post(reverse(CREATE), form_data(other))
    assert response.status_code == 400
    assert response.context["form"].errors["organisation"]
    assert not Pledge.objects.exists()


def edit_url(pledge) -> str:
    return reverse("pledges:pledge_update", kwargs={"pk": pledge.pk})


def test_the_editor_edits_a_draft(draft, editor, organisation):
    client = logged_in(editor)
    page = client.get(edit_url(draft))
    assert page.status_code == 200
    assert page.context["form"].initial["title"] == draft.title
    response = client.post(edit_url(draft), form_data(organisation, title="Edited title"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Edited title"


def test_a_draft_is_not_moved_to_another_organisation(draft, editor, outsider):
    other = fresh(outsider).memberships.get().organisation
    response = logged_in(editor).post(edit_url(draft), form_data(other))
    assert response.status_code == 400
    assert Pledge.objects.get().organisation == draft.organisation


@pytest.mark.parametrize("who, status", [("viewer", 403), ("outsider", 404), ("secretariat", 404)])
def test_others_do_not_edit(request, draft, who, status):
    assert logged_in(request.getfixturevalue(who)).get(edit_url(draft)).status_code == status


def test_a_published_pledge_is_not_edited(published, editor):
    assert logged_in(editor).get(edit_url(published)).status_code == 403


# Publishing, closing, withdrawing ------------------------------------------------------------


def transition_url(pledge, action) -> str:
    return reverse("pledges:pledge_transition", kwargs={"pk": pledge.pk, "action": action})


def test_a_draft_shows_what_the_smart_check_still_wants(make_pledge, editor, viewer):
    draft = make_pledge("draft", target=None, deadline=None)
    html = logged_in(editor).get(draft.get_absolute_url()).content.decode()
    assert "Before publishing" in html
    assert "Give the target value to reach." in html and "Give the deadline." in html
    assert transition_url(draft, "publish") in html
    viewer_html = logged_in(viewer).get(draft.get_absolute_url()).content.decode()
    assert "Before publishing" not in viewer_html
    assert transition_url(draft, "publish") not in viewer_html


def test_publishing_an_unmeasurable_pledge_is_answered_400_with_the_reasons(make_pledge, editor):
    draft = make_pledge("draft", target=None)
    response = logged_in(editor).post(transition_url(draft, "publish"))
    assert response.status_code == 400
    assert "Give the target value to reach." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publish(draft, editor):
    client = logged_in(editor)
    response = client.post(transition_url(draft, "publish"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Published: everyone can read it now." in html
    assert (
        "On track" in html and reverse("pledges:progress_create", kwargs={"pk": draft.pk}) in html
    )


def test_close_once_complete_with_a_reason(published, editor):
    client = logged_in(editor)
    assert (
        transition_url(published, "close")
        not in client.get(published.get_absolute_url()).content.decode()
    )  # not complete yet
    services.progress_record(actor=editor, pledge=published, data=progress(completion="complete"))
    assert (
        transition_url(published, "close")
        in client.get(published.get_absolute_url()).content.decode()
    )
    response = client.post(transition_url(published, "close"), {"close-reason": "All done."})
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == "closed"
    assert "All done." in client.get(published.get_absolute_url()).content.decode()


def test_closing_early_is_answered_400(published, editor):
    response = logged_in(editor).post(transition_url(published, "close"))
    assert response.status_code == 400
    assert "complete or its deadline has passed" in response.content.decode()


def test_withdraw_with_a_reason(published, editor, client):
    response = logged_in(editor).post(
        transition_url(published, "withdraw"), {"withdraw-reason": "The budget was cut."}
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == "withdrawn"
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Withdrawn" in html and "The budget was cut." in html  # public record


def test_an_over_long_reason_is_answered_400(published, editor):
    response = logged_in(editor).post(
        transition_url(published, "withdraw"), {"withdraw-reason": "a" * 2001}
    )
    assert response.status_code == 400
    published.refresh_from_db()
    assert published.status == "published"


def test_steps_out_of_turn_or_hands_are_refused(make_pledge, draft, editor, viewer, outsider):
    closed = make_pledge("closed")
    assert logged_in(editor).post(transition_url(closed, "withdraw")).status_code == 403
    assert logged_in(viewer).post(transition_url(draft, "publish")).status_code == 403
    assert logged_in(outsider).post(transition_url(draft, "publish")).status_code == 404
    assert logged_in(editor).post(transition_url(draft, "explode")).status_code == 404
    assert logged_in(editor).get(transition_url(draft, "publish")).status_code == 405


# Reporting progress --------------------------------------------------------------------------


def progress_url(pledge) -> str:
    return reverse("pledges:progress_create", kwargs={"pk": pledge.pk})


def progress_form(**overrides) -> dict:
    data = {
        "as_of": days(0).isoformat(),
        "completion": "substantial",
        "value_reached": "150",
        "note": "Six courses took place.",
        "submission_key": str(uuid.uuid4()),
    }
    return {**data, **overrides}


def test_the_editor_reports_progress(published, editor):
    client = logged_in(editor)
    page = client.get(progress_url(published))
    assert page.status_code == 200
    assert "unit (officials); its target is 200." in page.content.decode()
    response = client.post(progress_url(published), progress_form())
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.completion == "substantial"
    html = client.get(published.get_absolute_url()).content.decode()
    assert "Your progress report is recorded." in html
    assert "Six courses took place." in html


def test_a_report_posted_twice_is_recorded_once(published, editor):
    client, data = logged_in(editor), progress_form()
    assert client.post(progress_url(published), data).status_code == 302
    assert client.post(progress_url(published), data).status_code == 302
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"as_of": days(1).isoformat()}, "Report progress as of today or earlier."),
        ({"completion": ""}, "This field is required."),
        ({"note": ""}, "This field is required."),
        ({"value_reached": "-3"}, "The value reached cannot be negative."),
    ],
)
def test_a_bad_report_is_answered_400(published, editor, overrides, words):
    response = logged_in(editor).post(progress_url(published), progress_form(**overrides))
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("who, status", [("viewer", 403), ("outsider", 403), ("secretariat", 403)])
def test_only_the_editors_get_the_report_form(request, published, who, status):
    client = logged_in(request.getfixturevalue(who))
    assert client.get(progress_url(published)).status_code == status
    assert client.post(progress_url(published), progress_form()).status_code == status


def test_a_draft_takes_no_report(draft, editor):
    assert logged_in(editor).get(progress_url(draft)).status_code == 403


# The pledge's page ---------------------------------------------------------------------------


def test_the_page_shows_the_completion_scale_the_chart_and_the_history(make_pledge, editor, client):
    pledge = make_pledge("published", pledged_on=days(-100), baseline=Decimal("10"))
    services.progress_record(
        actor=editor,
        pledge=pledge,
        data=progress(as_of=days(-60), completion="limited", value_reached=Decimal("60")),
    )
    services.progress_record(actor=editor, pledge=pledge, data=progress(
        as_of=days(-5), completion="substantial", value_reached=Decimal("150")))  # fmt: skip
    response = client.get(pledge.get_absolute_url())
    html = response.content.decode()
    assert '<li class="current" aria-current="step">Substantial</li>' in html
    assert 'value="2"' in html  # the bar: third step of four
    chart = response.context["chart"]
    assert chart["columns"] == [
        d.strftime("%m/%d/%Y") for d in (days(-100), days(-60), days(-5))
    ]  # the baseline on the day of the pledge, then each report
    assert [row["cells"] for row in chart["rows"]] == [["10", "60", "150"], ["200", "200", "200"]]
    assert "Value reached against the target" in html and "Data table" in html
    assert "Progress reported" in html and "Published" in html
    assert f"Pledge no. {pledge.pk}" in html


def test_no_chart_before_a_value_is_reported(published, client):
    response = client.get(published.get_absolute_url())
    assert response.context["chart"] is None
    assert "No progress reported yet." in response.content.decode()


def test_the_page_of_a_missed_report(make_pledge, client):
    pledge = make_pledge("published", pledged_on=days(-200))
    services.pledges_flag_overdue()
    html = client.get(pledge.get_absolute_url()).content.decode()
    assert "Overdue" in html
    assert f"The report due on {pledge.next_report_due.isoformat()} did not come" in html


def test_the_page_names_partners_and_matches(make_pledge, partner, client):
    matched = make_pledge("published", title="The first pledge")
    matching = make_pledge("published", title="The matching pledge", type="matching",
                           matches=matched)  # fmt: skip
    common = make_pledge("published", title="Together", type="common", partners=[partner])
    assert "The first pledge" in client.get(matching.get_absolute_url()).content.decode()
    assert "The matching pledge" in client.get(matched.get_absolute_url()).content.decode()
    assert partner.name in client.get(common.get_absolute_url()).content.decode()


def test_a_matching_draft_is_not_shown_on_the_matched_pledge(make_pledge, client):
    matched = make_pledge("published", title="The first pledge")
    make_pledge("draft", title="A secret match", type="matching", matches=matched)
    assert "A secret match" not in client.get(matched.get_absolute_url()).content.decode()
