"""The country pages: the call, contributions and their review (services), who sees and does
what (pages, per role), the factsheet page and its PDF, the periodic sweep, the section on the
geo country page, the API, and query budgets."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.core.models import AuditEntry

from .. import sections_countries  # noqa: F401  (the geo country page's section)
from ..models import ContributionCall, FactsheetContribution, FactsheetEntry
from ..services import countries as services
from .factories import OrganisationProfileFactory, country

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "kind": "institution",
    "name": "Direction générale des Sénégalais de l'extérieur",
    "institution_type": "sub_ministry",
    "year": 2017,
    "url": "https://example.org/dgse",
    "description": "La direction de la diaspora.",
    "language": "fr",
    "source": "Décret 2017-xx",
}


@pytest.fixture
def senegal():
    return country("SEN")


@pytest.fixture
def call(secretariat):
    today = timezone.localdate()
    return services.contribution_call_open(
        actor=secretariat,
        year=today.year,
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=10),
    )


@pytest.fixture
def entry(senegal):
    return FactsheetEntry.objects.create(
        country=senegal, kind="policy", name="Politique nationale de la diaspora",
        language="fr", reviewed_year=2024, year=2022,
    )  # fmt: skip


@pytest.fixture
def contribution(call, senegal, outsider):
    return services.contribution_submit(actor=outsider, country=senegal, data=PROPOSAL)


# Services --------------------------------------------------------------------------------------


def test_one_call_per_year(secretariat, call):
    with pytest.raises(ValidationError) as error:
        services.contribution_call_open(
            actor=secretariat, year=call.year, opens_on=call.opens_on, closes_on=call.closes_on
        )
    assert "year" in error.value.message_dict


def test_only_the_secretariat_opens_a_call(outsider):
    with pytest.raises(PermissionDenied):
        services.contribution_call_open(
            actor=outsider, year=2026, opens_on=date(2026, 1, 1), closes_on=date(2026, 2, 1)
        )
    assert not ContributionCall.objects.exists()


def test_a_call_closes_after_it_opens(secretariat):
    with pytest.raises(ValidationError) as error:
        services.contribution_call_open(
            actor=secretariat, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 2, 1)
        )
    assert "closes_on" in error.value.message_dict


def test_submit_and_accept_creates_the_entry(secretariat, contribution, senegal, call):
    assert contribution.status == "submitted"
    entry = services.contribution_accept(actor=secretariat, contribution=contribution)
    assert entry.country == senegal and entry.institution_type == "sub_ministry"
    assert entry.reviewed_year == call.year
    contribution.refresh_from_db()
    assert contribution.status == "accepted" and contribution.entry == entry
    assert contribution.reviewed_by == secretariat and contribution.reviewed_at
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "diaspora.call.opened",
        "diaspora.contribution.submitted",
        "diaspora.contribution.accepted",
        "diaspora.entry.created",
    } <= actions


def test_accepting_a_correction_updates_the_entry(secretariat, call, entry, senegal, outsider):
    data = {**PROPOSAL, "kind": "policy", "institution_type": "", "name": "Politique 2026"}
    correction = services.contribution_submit(
        actor=outsider, country=senegal, data=data, entry=entry
    )
    services.contribution_accept(actor=secretariat, contribution=correction)
    entry.refresh_from_db()
    assert entry.name == "Politique 2026" and entry.reviewed_year == call.year
    assert FactsheetEntry.objects.count() == 1


def test_accept_writes_nothing_when_the_entry_is_a_duplicate(secretariat, call, senegal, outsider):
    FactsheetEntry.objects.create(
        country=senegal, kind="institution", institution_type="office", name=PROPOSAL["name"],
        language="fr", reviewed_year=2024,
    )  # fmt: skip
    contribution = services.contribution_submit(actor=outsider, country=senegal, data=PROPOSAL)
    with pytest.raises(ValidationError):
        services.contribution_accept(actor=secretariat, contribution=contribution)
    contribution.refresh_from_db()
    assert contribution.status == "submitted"
    assert FactsheetEntry.objects.count() == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"institution_type": ""}, "institution_type"),
        ({"kind": "policy"}, "institution_type"),
        ({"source": "  "}, "source"),
        ({"name": ""}, "name"),
        ({"kind": "nonsense"}, "kind"),
    ],
)
def test_submit_refuses_bad_input(call, senegal, outsider, change, field):
    with pytest.raises(ValidationError) as error:
        services.contribution_submit(actor=outsider, country=senegal, data={**PROPOSAL, **change})
    assert field in error.value.message_dict
    assert not FactsheetContribution.objects.exists()


def test_submit_refuses_a_correction_of_another_country(call, entry, outsider):
    with pytest.raises(ValidationError) as error:
        services.contribution_submit(
            actor=outsider, country=country("MEX"), data=PROPOSAL, entry=entry
        )
    assert "entry" in error.value.message_dict


def test_submit_needs_an_open_call(secretariat, senegal, outsider):
    today = timezone.localdate()
    services.contribution_call_open(
        actor=secretariat, year=today.year, opens_on=today + timedelta(days=1),
        closes_on=today + timedelta(days=20),
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.contribution_submit(actor=outsider, country=senegal, data=PROPOSAL)


def test_closed_call_takes_no_contribution(secretariat, call, senegal, outsider):
    services.contribution_call_close(actor=secretariat, call=call)
    with pytest.raises(ValidationError):
        services.contribution_submit(actor=outsider, country=senegal, data=PROPOSAL)
    with pytest.raises(ValidationError):
        services.contribution_call_close(actor=secretariat, call=call)


def test_reject_needs_a_note(secretariat, contribution):
    with pytest.raises(ValidationError) as error:
        services.contribution_reject(actor=secretariat, contribution=contribution, note=" ")
    assert "note" in error.value.message_dict
    services.contribution_reject(actor=secretariat, contribution=contribution, note="No source.")
    contribution.refresh_from_db()
    assert contribution.status == "rejected" and contribution.review_note == "No source."
    with pytest.raises(ValidationError):
        services.contribution_accept(actor=secretariat, contribution=contribution)


def test_only_the_secretariat_reviews(contribution, outsider, entry):
    with pytest.raises(PermissionDenied):
        services.contribution_accept(actor=outsider, contribution=contribution)
    with pytest.raises(PermissionDenied):
        services.entry_confirm(actor=outsider, entry=entry)


def test_entry_confirm(secretariat, entry):
    services.entry_confirm(actor=secretariat, entry=entry)
    entry.refresh_from_db()
    assert entry.reviewed_year == timezone.localdate().year


def test_the_daily_sweep_closes_calls_past_their_closing_date(secretariat):
    today = timezone.localdate()
    past = services.contribution_call_open(
        actor=secretariat, year=2020, opens_on=date(2020, 1, 1), closes_on=date(2020, 2, 1)
    )
    current = services.contribution_call_open(
        actor=secretariat, year=today.year, opens_on=today, closes_on=today
    )
    assert services.close_past_calls() == 1
    assert services.close_past_calls() == 0
    past.refresh_from_db()
    current.refresh_from_db()
    assert (past.status, current.status) == ("closed", "open")


def test_the_daily_job_is_registered():
    from passerelle.core.periodic import periodic_jobs

    from .. import periodic_countries  # noqa: F401

    assert "close_past_diaspora_contribution_calls" in {job.name for job in periodic_jobs()}


# Pages -----------------------------------------------------------------------------------------


def test_country_list_counts(client, entry, django_assert_max_num_queries):
    OrganisationProfileFactory(origins=["SEN"], residences=["FRA"])
    OrganisationProfileFactory(origins=["MEX"], residences=["USA"])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("diaspora:country_list"))
    assert response.status_code == 200
    rows = {row.iso3: row for row in response.context["rows"]}
    assert set(rows) == {"SEN", "MEX"}
    assert (rows["SEN"].policy_count, rows["SEN"].organisation_count) == (1, 1)


def test_country_page_groups_organisations_by_residence(
    client, entry, django_assert_max_num_queries
):
    for residence in (["FRA"], ["FRA", "ITA"], ["ESP"]):
        OrganisationProfileFactory(origins=["SEN"], residences=residence)
    OrganisationProfileFactory(origins=["MLI"], residences=["SEN"])
    FactsheetEntry.objects.create(
        country=country("SEN"), kind="institution", institution_type="sub_ministry",
        name="DGSE", language="fr", reviewed_year=2025,
    )  # fmt: skip
    with django_assert_max_num_queries(14):
        response = client.get(reverse("diaspora:country_detail", kwargs={"iso3": "sen"}))
    assert response.status_code == 200
    sheet = response.context["sheet"]
    groups = {g.country.iso3: len(g.organisations) for g in sheet.origin_groups}
    assert groups == {"FRA": 2, "ITA": 1, "ESP": 1}
    assert sheet.origin_groups[0].country.iso3 == "FRA"
    assert len(sheet.resident) == 1
    assert [label for label, _entries in sheet.institutions] == ["Sub-ministry level"]
    content = response.content.decode()
    assert "<svg" in content and "chart-table" in content
    assert "Politique nationale de la diaspora" in content


def test_factsheet_pdf(client, entry):
    OrganisationProfileFactory(origins=["SEN"], residences=["FRA"])
    response = client.get(reverse("diaspora:country_factsheet_pdf", kwargs={"iso3": "SEN"}))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"


def test_factsheet_pdf_in_french(client, entry):
    response = client.get("/fr/diaspora/countries/SEN/factsheet.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_contribute_form(client, outsider, call):
    client.force_login(outsider)
    url = reverse("diaspora:contribute", kwargs={"iso3": "SEN"})
    assert client.get(url).status_code == 200
    response = client.post(url, {**PROPOSAL, "institution_type": ""})
    assert response.status_code == 400
    assert "Choose the type of institution." in response.content.decode()
    response = client.post(url, PROPOSAL)
    assert response.status_code == 302
    assert FactsheetContribution.objects.get().contributor == outsider


def test_contribute_without_an_open_call(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("diaspora:contribute", kwargs={"iso3": "SEN"}))
    assert response.status_code == 403
    assert "No call for contributions is open" in response.content.decode()


def test_contribution_seen_by_contributor_and_secretariat_only(
    client, contribution, outsider, owner, secretariat
):
    url = reverse("diaspora:contribution_detail", kwargs={"pk": contribution.pk})
    client.force_login(owner)
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 200 and not response.context["may_review"]
    client.force_login(secretariat)
    assert client.get(url).context["may_review"]


def test_queue_is_the_secretariats(client, contribution, outsider, secretariat):
    url = reverse("diaspora:contribution_queue")
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["contributions"] == [contribution]


def test_review_pages(client, contribution, secretariat, outsider):
    reject = reverse("diaspora:contribution_reject", kwargs={"pk": contribution.pk})
    accept = reverse("diaspora:contribution_accept", kwargs={"pk": contribution.pk})
    client.force_login(outsider)
    assert client.post(accept).status_code == 403
    client.force_login(secretariat)
    response = client.post(reject, {"note": ""})
    assert response.status_code == 400
    assert "Tell the contributor why" in response.content.decode()
    assert client.post(accept, {"note": "Thanks"}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "accepted"
    response = client.post(accept, {"note": ""})
    assert response.status_code == 400
    assert "already been reviewed" in response.content.decode()


def test_call_create_page(client, secretariat, outsider):
    url = reverse("diaspora:call_create")
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(secretariat)
    assert client.get(url).status_code == 200
    bad = {"year": 2027, "opens_on": "2027-05-01", "closes_on": "2027-04-01"}
    assert client.post(url, bad).status_code == 400
    good = {"year": 2027, "opens_on": "2027-01-01", "closes_on": "2027-04-01"}
    assert client.post(url, good).status_code == 302
    assert client.get(reverse("diaspora:call_list")).context["calls"][0].year == 2027


def test_entry_confirm_page(client, secretariat, entry):
    client.force_login(secretariat)
    response = client.post(reverse("diaspora:entry_confirm", kwargs={"pk": entry.pk}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.reviewed_year == timezone.localdate().year


def test_my_contributions(client, contribution, outsider, owner):
    client.force_login(owner)
    assert client.get(reverse("diaspora:my_contributions")).context["contributions"] == []
    client.force_login(outsider)
    response = client.get(reverse("diaspora:my_contributions"))
    assert response.context["contributions"] == [contribution]


# Elsewhere -------------------------------------------------------------------------------------


def test_section_on_the_geo_country_page(client, entry):
    page = client.get(reverse("geo:country_detail", kwargs={"iso3": "SEN"})).content.decode()
    assert reverse("diaspora:country_detail", kwargs={"iso3": "SEN"}) in page
    other = client.get(reverse("geo:country_detail", kwargs={"iso3": "ISL"})).content.decode()
    assert "diaspora-country-heading" not in other


def test_api_lists_entries_with_filters(client, entry):
    FactsheetEntry.objects.create(
        country=country("MEX"), kind="programme", name="Ventanillas de Salud", language="es",
        reviewed_year=2025,
    )  # fmt: skip
    url = reverse("api:diaspora-factsheet-entry-list")
    names = [row["name"] for row in client.get(url, {"country": "SEN"}).json()["results"]]
    assert names == [entry.name]
    rows = client.get(url, {"kind": "programme"}).json()["results"]
    assert [row["country"] for row in rows] == ["MEX"]
    assert "is_demo" not in rows[0]


def test_demo_is_idempotent():
    from passerelle.core.demo import DemoContext

    from .. import demo_countries

    demo_countries.load(DemoContext())
    counts = (FactsheetEntry.objects.count(), FactsheetContribution.objects.count())
    demo_countries.load(DemoContext())
    assert (FactsheetEntry.objects.count(), FactsheetContribution.objects.count()) == counts
    assert FactsheetEntry.objects.values("country").distinct().count() >= 12
    assert not FactsheetEntry.objects.filter(is_demo=False).exists()
    assert set(FactsheetContribution.objects.values_list("status", flat=True)) == {
        "submitted", "accepted", "rejected",
    }  # fmt: skip
    calls = {call.year: call for call in ContributionCall.objects.all()}
    assert calls[2025].status == "closed"
    assert (calls[2026].status, calls[2026].closes_on) == ("open", date(2026, 12, 31))


def test_call_close_page(client, secretariat, outsider, call):
    url = reverse("diaspora:call_close", kwargs={"pk": call.pk})
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    client.force_login(secretariat)
    assert client.post(url).status_code == 302
    call.refresh_from_db()
    assert call.status == "closed"
    response = client.post(url, follow=True)
    assert "already closed" in response.content.decode()
