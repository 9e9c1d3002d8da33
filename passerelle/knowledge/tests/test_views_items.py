"""The pages of knowledge items for each role: the list (filters, htmx, the reader's language,
bounded queries), my organisation's items, writing an item (autosave with its version check,
corrections, files, submission), the item's page (languages, inert Markdown, reviews without
names, rating, replications, versions, withdrawal), downloads and translations. Bad input is
answered 4xx with its reason, never 500."""

import datetime
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core import content_translation
from passerelle.core.models import TranslationProvenance
from passerelle.geo.models import Country, Region
from passerelle.hub import services as hub
from passerelle.hub.models import SupportRequest
from passerelle.hub.tests.conftest import request_data
from passerelle.knowledge.choices import ItemKind, ItemStatus, ResourceType
from passerelle.knowledge.models import Item, ItemVersion, Rating, Replication, Review
from passerelle.knowledge.services import calls, items, reviews
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 a guide to consular protection"
XSS = '<script>alert("owned")</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>'


def as_(person) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def text(response) -> str:
    return response.content.decode()


def url(name, *args, **query) -> str:
    address = reverse(f"knowledge:{name}", args=args)
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def make_published(organisation, **fields) -> Item:
    """A published item written straight to the database (the list needs many)."""
    tags = {
        name: fields.pop(name, [])
        for name in ("capacity_areas", "gcm_objectives", "countries", "regions")
    }
    values = {
        "kind": ItemKind.PRACTICE,
        "status": ItemStatus.PUBLISHED,
        "organisation": organisation,
        "language": "en",
        "title": "A practice",
        "summary": "What it did.",
        "context": "Before.",
        "scope": "national",
        "published_at": timezone.now(),
        "version": 1,
    }
    values.update(fields)
    item = Item.objects.create(**values)
    for name, objects in tags.items():
        getattr(item, name).set(objects)
    return item


# The list ------------------------------------------------------------------------------------


@pytest.fixture
def listed(organisation):
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    western_africa = Region.objects.get(code="011")
    return {
        "dakar": make_published(
            organisation, title="One-stop shops in Dakar", countries=[senegal],
            capacity_areas=[CapacityArea.objects.get(code="WGWS")],
            gcm_objectives=[GCMObjective.objects.get(number=21)], audiences=["policymakers"],
            scope="local",
        ),
        "lyon": make_published(
            organisation, title="Accueil des migrants à Lyon", language="fr", countries=[france],
            capacity_areas=[CapacityArea.objects.get(code="BORD")], kind=ItemKind.LESSON,
            context="", lessons="Ce qui a marché.", audiences=["researchers"],
            published_at=timezone.now() - datetime.timedelta(days=800),
        ),
        "sahel": make_published(
            organisation, title="Regional data in the Sahel", regions=[western_africa],
            kind=ItemKind.RESOURCE, resource_type=ResourceType.DATASET, context="",
            description="Figures.", link="https://example.org/data", scope="regional",
        ),
        "draft": Item.objects.create(
            kind=ItemKind.PRACTICE, organisation=organisation, language="en", scope="national",
            title="A draft nobody else sees", summary="Draft.",
        ),
    }  # fmt: skip


def titles(response) -> set[str]:
    page = text(response)
    candidates = {
        "One-stop shops in Dakar", "Accueil des migrants à Lyon", "Regional data in the Sahel",
        "A draft nobody else sees",
    }  # fmt: skip
    return {title for title in candidates if title in page}


def test_the_list_shows_published_items_to_everyone(listed, editor):
    for person in (None, editor):
        response = as_(person).get(url("item_list"))
        assert response.status_code == 200
        assert titles(response) == {
            "One-stop shops in Dakar", "Accueil des migrants à Lyon", "Regional data in the Sahel",
        }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "lesson"}, {"Accueil des migrants à Lyon"}),
        ({"capacity_area": "WGWS"}, {"One-stop shops in Dakar"}),
        ({"objective": "21"}, {"One-stop shops in Dakar"}),
        ({"country": "FRA"}, {"Accueil des migrants à Lyon"}),
        # Africa (002) holds Western Africa (011): its countries and items tagged with it.
        ({"region": "002"}, {"One-stop shops in Dakar", "Regional data in the Sahel"}),
        ({"language": "fr"}, {"Accueil des migrants à Lyon"}),
        ({"resource_type": "dataset"}, {"Regional data in the Sahel"}),
        ({"audience": "researchers"}, {"Accueil des migrants à Lyon"}),
        ({"scope": "local"}, {"One-stop shops in Dakar"}),
        ({"q": "sahel"}, {"Regional data in the Sahel"}),
        ({"q": "marché"}, {"Accueil des migrants à Lyon"}),
    ],
)
def test_the_list_filters(listed, query, expected):
    response = Client().get(url("item_list", **query))
    assert response.status_code == 200
    assert titles(response) == expected


def test_the_list_filters_by_year_of_publication(listed):
    year = (timezone.now() - datetime.timedelta(days=800)).year
    assert titles(Client().get(url("item_list", year=year))) == {"Accueil des migrants à Lyon"}


def test_the_search_finds_words_of_a_translation(listed, editor):
    content_translation.translation_save(
        actor=editor, obj=listed["dakar"], language="fr", texts={"summary": "Guichet unique."}
    )
    assert titles(Client().get(url("item_list", q="guichet"))) == {"One-stop shops in Dakar"}


@pytest.mark.parametrize(
    "query", [{"kind": "novel"}, {"capacity_area": "NOPE"}, {"region": "999"}, {"year": "abc"}]
)
def test_bad_filters_are_answered_400(listed, query):
    response = Client().get(url("item_list", **query))
    assert response.status_code == 400
    assert "Select a valid choice" in text(response) or "Enter a number" in text(response)


def test_the_filters_replace_only_the_results_with_htmx(listed):
    response = Client().get(url("item_list", kind="lesson"), HTTP_HX_REQUEST="true")
    page = text(response)
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="item-results">') and "<html" not in page
    assert "Accueil des migrants à Lyon" in page


def test_the_list_shows_summaries_in_the_readers_language(listed, editor):
    content_translation.translation_save(
        actor=editor, obj=listed["dakar"], language="fr",
        texts={"title": "Guichets uniques à Dakar", "summary": "Un guichet pour tout."},
    )  # fmt: skip
    page = text(Client().get(reverse("knowledge:item_list").replace("/en/", "/fr/", 1)))
    assert "Guichets uniques à Dakar" in page and "Un guichet pour tout." in page
    assert 'lang="fr"' in page


def test_the_side_panel_offers_open_calls_and_sharing_to_editors(listed, open_call, editor):
    page = text(as_(editor).get(url("item_list")))
    assert open_call.title in page
    assert url("item_create", kind="resource") in page
    assert f"call={open_call.pk}" in page
    anonymous = text(Client().get(url("item_list")))
    assert open_call.title in anonymous and url("item_create", kind="resource") not in anonymous


def test_the_sub_navigation_shows_what_each_person_may_use(editor, curator):
    anonymous = text(Client().get(url("item_list")))
    assert url("call_list") in anonymous and url("my_items") not in anonymous
    assert url("curation_queue") not in anonymous
    member = text(as_(editor).get(url("item_list")))
    assert url("my_items") in member and url("my_reviews") in member
    assert url("curation_queue") not in member
    assert url("curation_queue") in text(as_(curator).get(url("item_list")))
    assert f'href="{url("item_list")}" aria-current="page"' in member


def test_the_list_costs_a_fixed_number_of_queries(
    organisation, editor, open_call, django_assert_max_num_queries
):
    areas = list(CapacityArea.objects.all()[:2])
    senegal = Country.objects.get(iso3="SEN")

    def add(n):
        for i in range(n):
            item = make_published(
                organisation, title=f"Practice {i}", capacity_areas=areas, countries=[senegal],
                gcm_objectives=[GCMObjective.objects.get(number=1 + i % 23)], language="fr",
            )  # fmt: skip
            Rating.objects.create(item=item, user=editor, stars=4)
            content_translation.translation_save(
                actor=editor, obj=item, language="en", texts={"summary": f"Summary {i}"}
            )

    client = as_(editor)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("item_list")).status_code == 200
        return len(queries)

    add(2)
    few = count()
    add(15)
    assert count() == few
    # A search adds one query (the translations it looks into), whatever the rows.
    with django_assert_max_num_queries(few + 1):
        assert "Summary 3" in text(client.get(url("item_list", q="Practice")))


def test_the_list_stays_within_its_query_budget(organisation, django_assert_max_num_queries):
    for i in range(25):
        make_published(organisation, title=f"Practice {i}")
    with django_assert_max_num_queries(12):
        assert Client().get(url("item_list")).status_code == 200


# My organisation's items ---------------------------------------------------------------------


def test_my_items_lists_every_status_with_the_next_step(draft, editor, organisation, outsider):
    make_published(organisation, title="Already out")
    response = as_(editor).get(url("my_items"))
    page = text(response)
    assert response.status_code == 200
    assert draft.title in page and "Already out" in page
    assert "Complete it and submit it to the curators" in page
    assert draft.title not in text(as_(outsider).get(url("my_items")))


def test_my_items_filters_by_status(draft, editor, organisation):
    make_published(organisation, title="Already out")
    page = text(as_(editor).get(url("my_items", status="draft")))
    assert draft.title in page and "Already out" not in page
    assert as_(editor).get(url("my_items", status="lost")).status_code == 400


def test_my_items_needs_an_account(db):
    response = Client().get(url("my_items"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# Writing -------------------------------------------------------------------------------------


def form_data(organisation=None, **overrides) -> dict:
    data = {
        "title": "Mobile legal clinics",
        "summary": "Lawyers visit migrants where they work.",
        "context": "Migrants could not reach lawyers in the city.",
        "activities": "Lawyers travel to farms every week.",
        "results": "400 people advised in a year.",
        "language": "",
        "scope": "national",
        "capacity_areas": [CapacityArea.objects.get(code="WGWS").pk],
        "gcm_objectives": [GCMObjective.objects.get(number=16).pk],
        "audiences": ["practitioners"],
        "actor_types": ["civil_society"],
        "countries": [Country.objects.get(iso3="SEN").pk],
    }
    if organisation is not None:
        data.update(organisation=organisation.pk, submission_key=str(uuid.uuid4()))
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_asks_for_the_kinds_sections_with_their_help(editor):
    response = as_(editor).get(url("item_create", kind="practice"))
    page = text(response)
    assert response.status_code == 200
    assert "What was done" in page and "The situation before" in page
    assert "<legend>Capacity areas</legend>" in page and "<legend>Tags</legend>" in page
    assert 'name="description"' not in page
    resource = text(as_(editor).get(url("item_create", kind="resource")))
    assert 'name="description"' in resource and 'name="resource_type"' in resource
    assert 'name="context"' not in resource


@pytest.mark.parametrize("query", [{}, {"kind": "poem"}])
def test_the_form_needs_a_known_kind(editor, query):
    response = as_(editor).get(url("item_create", **query))
    assert response.status_code == 400
    assert "Choose what you share" in text(response)


def test_only_editors_write_items(viewer, outsider):
    assert as_(viewer).get(url("item_create", kind="practice")).status_code == 403
    assert Client().get(url("item_create", kind="practice")).status_code == 302


def test_an_item_is_created_once_per_submission_key(editor, organisation):
    data = form_data(organisation)
    client = as_(editor)
    first = client.post(url("item_create", kind="practice"), data)
    second = client.post(url("item_create", kind="practice"), data)

    item = Item.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == url("item_edit", item.pk)
    assert item.kind == "practice" and item.language == "en"
    assert item.audiences == ["practitioners"]


def test_a_refused_item_comes_back_with_its_reasons(editor, organisation):
    response = as_(editor).post(
        url("item_create", kind="resource"), form_data(organisation, title="", resource_type="")
    )
    assert response.status_code == 400
    assert "This field is required" in text(response)
    assert not Item.objects.exists()


def test_links_offer_only_what_the_organisation_may_link(editor, organisation, outsider):
    form = as_(editor).get(url("item_create", kind="practice")).context["form"]
    assert set(form.fields["requests"].queryset) <= set(
        SupportRequest.objects.filter(organisation=organisation)
    )
    assert set(form.fields["organisation"].queryset) == {organisation}


def test_an_answer_to_a_call_is_linked_to_it(editor, organisation, open_call):
    page = as_(editor).get(url("item_create", kind="practice", call=open_call.pk))
    assert page.status_code == 200 and open_call.title in text(page)
    response = as_(editor).post(
        url("item_create", kind="practice", call=open_call.pk),
        form_data(organisation, call=open_call.pk),
    )
    assert response.status_code == 302
    assert Item.objects.get().call == open_call


def test_bad_calls_are_refused(editor, open_call, curator):
    client = as_(editor)
    assert client.get(url("item_create", kind="lesson", call=open_call.pk)).status_code == 400
    assert client.get(url("item_create", kind="practice", call="abc")).status_code == 404
    assert client.get(url("item_create", kind="practice", call=9999)).status_code == 404
    calls.call_close(actor=curator, call=open_call)
    closed = client.get(url("item_create", kind="practice", call=open_call.pk))
    assert closed.status_code == 400 and "not open" in text(closed)


def test_the_edit_page_autosaves_drafts(draft, editor, viewer, outsider, curator):
    page = text(as_(editor).get(url("item_edit", draft.pk)))
    assert f'hx-post="{url("item_autosave", draft.pk)}"' in page
    assert 'aria-live="polite"' in page and 'name="lock_version"' in page
    assert "formaction" not in page  # htmx would send it with every autosave
    assert as_(viewer).get(url("item_edit", draft.pk)).status_code == 403
    assert as_(outsider).get(url("item_edit", draft.pk)).status_code == 404
    assert as_(curator).get(url("item_edit", draft.pk)).status_code == 404


def test_an_autosave_saves_and_returns_the_next_version(draft, editor):
    response = as_(editor).post(
        url("item_autosave", draft.pk),
        form_data(title="Autosaved title", lock_version=draft.lock_version),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Saved at" in text(response)
    draft.refresh_from_db()
    assert draft.title == "Autosaved title"
    assert f'value="{draft.lock_version}"' in text(response)


def test_a_stale_autosave_changes_nothing_and_says_so(draft, editor, organisation):
    colleague = MembershipFactory(organisation=organisation, role="editor").user
    opened_at = draft.lock_version
    as_(colleague).post(
        url("item_autosave", draft.pk),
        form_data(title="Colleague's title", lock_version=opened_at),
        HTTP_HX_REQUEST="true",
    )
    response = as_(editor).post(
        url("item_autosave", draft.pk),
        form_data(title="My title", lock_version=opened_at),
        HTTP_HX_REQUEST="true",
    )
    page = text(response)
    assert response.status_code == 409
    assert "saved this item at" in page and "nothing you typed is lost" in page
    assert url("item_edit", draft.pk) in page  # the reload link
    assert 'id="id_lock_version"' not in page  # the next save stays based on what was seen
    draft.refresh_from_db()
    assert draft.title == "Colleague's title"


def test_a_stale_save_keeps_what_was_typed_and_a_second_save_keeps_it(draft, editor, organisation):
    colleague = MembershipFactory(organisation=organisation, role="editor").user
    opened_at = draft.lock_version
    as_(colleague).post(url("item_edit", draft.pk), form_data(lock_version=opened_at))
    client = as_(editor)
    response = client.post(
        url("item_edit", draft.pk), form_data(title="My careful title", lock_version=opened_at)
    )
    assert response.status_code == 409
    assert "My careful title" in text(response) and "save again" in text(response)
    current = Item.objects.get(pk=draft.pk).lock_version
    again = client.post(
        url("item_edit", draft.pk), form_data(title="My careful title", lock_version=current)
    )
    assert again.status_code == 302
    assert Item.objects.get(pk=draft.pk).title == "My careful title"


def test_a_refused_autosave_lists_its_reasons(draft, editor):
    response = as_(editor).post(
        url("item_autosave", draft.pk),
        form_data(title="", lock_version=draft.lock_version),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert "Not saved" in text(response) and "#field-title" in text(response)


def test_a_published_item_is_corrected_with_a_note_not_autosaved(published, editor, outsider):
    page = text(as_(editor).get(url("item_edit", published.pk)))
    assert "hx-post" not in page and 'name="note"' in page
    assert as_(editor).post(url("item_autosave", published.pk), form_data()).status_code == 400
    refused = as_(editor).post(url("item_edit", published.pk), form_data())
    assert refused.status_code == 400 and "This field is required" in text(refused)
    response = as_(editor).post(
        url("item_edit", published.pk), form_data(note="Figures updated.", results="500 people.")
    )
    assert response.status_code == 302 and response["Location"] == url("item_detail", published.pk)
    version = ItemVersion.objects.get(item=published, number=2)
    assert version.note == "Figures updated." and version.snapshot["results"] == "500 people."
    assert as_(outsider).post(url("item_edit", published.pk), form_data()).status_code == 403


def test_a_curator_keeps_the_links_they_cannot_see(published, curator, editor, organisation):
    private = hub.request_create(
        actor=fresh(editor), organisation=organisation, data=request_data()
    )
    published.requests.add(private)
    assert not SupportRequest.objects.visible_to(fresh(curator)).filter(pk=private.pk).exists()
    response = as_(curator).post(url("item_edit", published.pk), form_data(note="Typo."))
    assert response.status_code == 302
    assert list(Item.objects.get(pk=published.pk).requests.all()) == [private]


def test_submitting_shows_the_missing_sections_on_the_form(editor, organisation):
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(texts={"context": "Only this."}),
    )  # fmt: skip
    response = as_(editor).post(url("item_submit", item.pk))
    page = text(response)
    assert response.status_code == 400
    assert "The item cannot be submitted yet" in page
    assert page.count("Write this section before submitting.") >= 2
    assert 'href="#field-activities"' in page and 'href="#field-results"' in page
    assert Item.objects.get(pk=item.pk).status == ItemStatus.DRAFT


def test_a_complete_draft_is_submitted(draft, editor, viewer):
    assert as_(viewer).post(url("item_submit", draft.pk)).status_code == 403
    response = as_(editor).post(url("item_submit", draft.pk))
    assert response.status_code == 302
    assert Item.objects.get(pk=draft.pk).status == ItemStatus.SUBMITTED


# Files and downloads -------------------------------------------------------------------------


@pytest.fixture
def resource(editor, organisation):
    return items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.RESOURCE,
        data=items.ItemData(
            title="Guide to consular protection", summary="For consular staff.",
            texts={"description": "A guide."}, language="en", resource_type="guide",
            capacity_areas=[CapacityArea.objects.get(code="WGWS")],
        ),
    )  # fmt: skip


def test_a_renamed_executable_is_refused_on_the_form(resource, editor):
    upload = SimpleUploadedFile("guide.pdf", b"MZ\x90\x00 a program")
    response = as_(editor).post(url("item_file", resource.pk), {"file": upload})
    assert response.status_code == 400
    assert "is not a .pdf file" in text(response)
    assert not Item.objects.get(pk=resource.pk).file


def test_a_file_is_attached_and_downloaded_as_an_attachment(resource, editor, outsider):
    response = as_(editor).post(
        url("item_file", resource.pk), {"file": SimpleUploadedFile("guide.pdf", PDF)}
    )
    assert response.status_code == 302
    assert as_(outsider).get(url("item_download", resource.pk)).status_code == 404  # a draft

    download = as_(editor).get(url("item_download", resource.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    assert Item.objects.get(pk=resource.pk).downloads == 1
    page = text(as_(editor).get(url("item_detail", resource.pk)))
    assert url("item_download", resource.pk) in page and "application/pdf" in page


def test_no_file_no_download(draft, editor):
    assert as_(editor).get(url("item_download", draft.pk)).status_code == 404
    assert as_(editor).get(url("item_download", 99999)).status_code == 404


def test_only_resources_take_files(draft, editor):
    response = as_(editor).post(
        url("item_file", draft.pk), {"file": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 400


# The item's page -----------------------------------------------------------------------------


def test_who_sees_an_items_page(draft, editor, viewer, outsider, curator):
    assert as_(editor).get(url("item_detail", draft.pk)).status_code == 200
    page = text(as_(viewer).get(url("item_detail", draft.pk)))
    assert "Status: Draft" in page and "Only the members of" in page
    for person in (None, outsider, curator):
        assert as_(person).get(url("item_detail", draft.pk)).status_code == 404
    assert Client().get(url("item_detail", 99999)).status_code == 404


def test_a_published_page_shows_its_sections_tags_and_discussion(published):
    page = text(Client().get(url("item_detail", published.pk)))
    assert "Waiting times fell from three weeks" in page
    assert '<h2 id="section-activities">What was done</h2>' in page
    assert f"{url('item_list')}?capacity_area=WGWS" in page
    assert 'id="discussion"' in page and 'id="rating"' in page
    assert url("item_versions", published.pk) in page
    assert "Status:" not in page


def test_xss_in_every_field_is_inert(editor, organisation):
    item = make_published(
        organisation, title=XSS, summary=XSS, context=XSS, results=XSS, activities=XSS,
        kind=ItemKind.PRACTICE,
    )  # fmt: skip
    resource = make_published(
        organisation, title="Resource", kind=ItemKind.RESOURCE, resource_type="guide",
        context="", description=XSS, link="javascript:alert(3)",
    )  # fmt: skip
    for page in (
        text(Client().get(url("item_detail", item.pk))),
        text(Client().get(url("item_detail", resource.pk))),
        text(Client().get(url("item_list"))),
    ):
        # Shown as the text typed, never as markup.
        assert "<script>alert" not in page and "&lt;script&gt;alert" in page
        assert 'href="javascript' not in page and "<img" not in page


def test_an_item_in_another_language_says_so_and_links_the_versions(editor, organisation):
    item = make_published(organisation, title="Guichets uniques", language="fr")
    page = text(Client().get(url("item_detail", item.pk)))
    assert "This item is in French. No English version yet." in page
    assert "?lang=es" not in page and "Read it in" not in page
    content_translation.translation_save(
        actor=editor, obj=item, language="es",
        texts={"title": "Ventanillas únicas", "summary": "Una.", "context": "Antes."},
    )  # fmt: skip
    page = text(Client().get(url("item_detail", item.pk)))
    assert "Read it in" in page and "?lang=es" in page and "?lang=fr" in page
    spanish = text(Client().get(url("item_detail", item.pk, lang="es")))
    assert "Ventanillas únicas" in spanish and "Translated from French" in spanish
    original = text(Client().get(url("item_detail", item.pk, lang="fr")))
    assert "Guichets uniques" in original and "No English version" not in original
    assert Client().get(url("item_detail", item.pk, lang="xx")).status_code == 400


def test_a_machine_translation_is_marked(editor, organisation):
    item = make_published(organisation, title="Guichets uniques", language="fr")
    content_translation.translation_save(
        actor=editor, obj=item, language="en",
        texts={"title": "One-stop shops", "summary": "One.", "context": "Before."},
        provenance=TranslationProvenance.MACHINE,
    )  # fmt: skip
    page = text(Client().get(url("item_detail", item.pk)))
    assert "One-stop shops" in page and "Machine translation" in page


@pytest.fixture
def reviewed(in_review, reviewer, curator):
    """The item back with its authors, its review submitted with a comment."""
    review = Review.objects.get(item=in_review)
    verdicts = {check.position: ("partly", "Give figures.") for check in review.checks.all()}
    reviews.review_save(
        actor=fresh(reviewer), review=review, verdicts=verdicts,
        comment="Say how many people were helped.", recommendation="changes",
    )  # fmt: skip
    reviews.review_submit(actor=fresh(reviewer), review=review)
    return reviews.item_request_changes(
        actor=curator, item=in_review, reason="Add the figures the reviewer asks for."
    )


def test_authors_read_the_reviews_without_the_reviewers_names(reviewed, reviewer, viewer):
    page = text(as_(viewer).get(url("item_detail", reviewed.pk)))
    assert "Add the figures the reviewer asks for." in page  # the curators' reason
    assert "Say how many people were helped." in page and "Give figures." in page
    assert "Partly met" in page
    assert str(reviewer) not in page and reviewer.email not in page


def test_the_authors_revise_what_the_curators_asked(reviewed, editor):
    page = text(as_(editor).get(url("item_edit", reviewed.pk)))
    assert "What the curators asked" in page and "Add the figures the reviewer asks for." in page
    assert "Submit the revision" in page
    response = as_(editor).post(url("item_submit", reviewed.pk))
    assert response.status_code == 302
    assert Item.objects.get(pk=reviewed.pk).status == ItemStatus.IN_REVIEW  # the same reviewers


def test_curators_see_their_panel(submitted, curator, editor):
    assert 'id="curation-heading"' in text(as_(curator).get(url("item_detail", submitted.pk)))
    assert 'id="curation-heading"' not in text(as_(editor).get(url("item_detail", submitted.pk)))


def test_withdrawing_needs_a_reason(published, editor, outsider):
    refused = as_(editor).post(url("item_withdraw", published.pk), {"withdraw-reason": ""})
    assert refused.status_code == 400
    assert "Say why the item is withdrawn." in text(refused)
    assert as_(outsider).post(url("item_withdraw", published.pk), {}).status_code == 403
    done = as_(editor).post(url("item_withdraw", published.pk), {"withdraw-reason": "Outdated."})
    assert done.status_code == 302
    assert Item.objects.get(pk=published.pk).status == ItemStatus.WITHDRAWN
    assert Client().get(url("item_detail", published.pk)).status_code == 404


# Rating and replications ---------------------------------------------------------------------


def test_signed_in_readers_rate_published_items(published, outsider, draft):
    client = as_(outsider)
    response = client.post(url("item_rate", published.pk), {"stars": "4"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Rated 4.0 out of 5 by 1 reader" in text(response)
    assert "<html" not in text(response)
    client.post(url("item_rate", published.pk), {"stars": "2"})
    assert Rating.objects.get().stars == 2
    bad = client.post(url("item_rate", published.pk), {"stars": "9"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 422 and "Select a valid choice" in text(bad)
    assert client.post(url("item_rate", published.pk), {"stars": "9"}).status_code == 400
    assert Client().post(url("item_rate", published.pk), {"stars": "4"}).status_code == 302


def test_drafts_are_not_rated(draft, editor, outsider):
    assert as_(editor).post(url("item_rate", draft.pk), {"stars": "5"}).status_code == 403
    assert as_(outsider).post(url("item_rate", draft.pk), {"stars": "5"}).status_code == 404


def test_an_organisation_reports_a_replication(published, outsider):
    client = as_(outsider)
    page = client.get(url("replication_create", published.pk))
    assert page.status_code == 200
    (organisation,) = page.context["form"].fields["organisation"].queryset
    refused = client.post(
        url("replication_create", published.pk), {"organisation": organisation.pk}
    )
    assert refused.status_code == 400
    response = client.post(
        url("replication_create", published.pk),
        {"organisation": organisation.pk, "country": Country.objects.get(iso3="GHA").pk,
         "description": "We opened a desk in Accra."},
    )  # fmt: skip
    assert response.status_code == 302
    assert Replication.objects.get().organisation == organisation
    assert "We opened a desk in Accra." in text(Client().get(url("item_detail", published.pk)))


def test_only_editors_of_an_organisation_report_replications(published, viewer, draft):
    lone_viewer = MembershipFactory(organisation=OrganisationFactory(), role="viewer").user
    assert as_(lone_viewer).get(url("replication_create", published.pk)).status_code == 403
    assert Client().get(url("replication_create", published.pk)).status_code == 302


# Versions ------------------------------------------------------------------------------------


def test_versions_are_listed_and_compared_with_the_current_text(published, editor):
    items.item_update(
        actor=fresh(editor), item=published, note="Results <b>corrected</b>.",
        data=practice_data(texts={**practice_data().texts,
                                  "results": "Waiting times fell to one day <script>x</script>."}),
    )  # fmt: skip
    listing = text(Client().get(url("item_versions", published.pk)))
    assert "Results &lt;b&gt;corrected&lt;/b&gt;." in listing
    assert url("item_version", published.pk, 1) in listing

    page = text(Client().get(url("item_version", published.pk, 1)))
    assert "<del>" in page and "<ins>" in page
    assert "&lt;script&gt;" in page and "<script>x" not in page
    assert "removed:" in page and "added:" in page
    assert Client().get(url("item_version", published.pk, 9)).status_code == 404


def test_versions_of_a_draft_are_not_public(draft):
    assert Client().get(url("item_versions", draft.pk)).status_code == 404


# Translations --------------------------------------------------------------------------------


def test_an_author_translates_beside_the_original(published, editor, outsider):
    address = reverse("knowledge:item_translate", kwargs={"pk": published.pk, "language": "fr"})
    page = as_(editor).get(address)
    assert page.status_code == 200
    assert published.context in text(page) and "Machine-translate" not in text(page)
    response = as_(editor).post(
        address,
        {"title": "Guichets uniques", "summary": "Un guichet.", "context": "Cinq bureaux.",
         "activities": "Un guichet.", "results": "Deux jours."},
    )  # fmt: skip
    assert response.status_code == 302
    assert "Guichets uniques" in text(Client().get(url("item_detail", published.pk, lang="fr")))
    assert as_(outsider).get(address).status_code == 403


def test_bad_translation_addresses(published, editor):
    def address(language):
        return reverse(
            "knowledge:item_translate", kwargs={"pk": published.pk, "language": language}
        )

    assert as_(editor).get(address("xx")).status_code == 404
    original = as_(editor).get(address("en"))
    assert original.status_code == 400 and "original language" in text(original)
    assert as_(editor).post(address("fr"), {"action": "machine"}).status_code == 400


class Shouting(content_translation.TranslationProvider):
    def translate(self, texts, *, source, target):
        return [text.upper() for text in texts]


@override_settings(CONTENT_TRANSLATION_PROVIDER=f"{__name__}.Shouting")
def test_machine_translation_is_offered_when_a_provider_is_configured(published, editor):
    address = reverse("knowledge:item_translate", kwargs={"pk": published.pk, "language": "es"})
    assert "Machine-translate" in text(as_(editor).get(address))
    assert as_(editor).post(address, {"action": "machine"}).status_code == 302
    page = text(Client().get(url("item_detail", published.pk, lang="es")))
    assert published.title.upper() in page and "Machine translation" in page


def test_the_printable_sheet_is_in_the_readers_language(client, published, editor):
    from passerelle.core.content_translation import translation_save

    translation_save(
        actor=fresh(editor), obj=published, language="fr",
        texts={"title": "Guichets uniques à Dakar", "summary": "Un seul guichet.",
               "context": "Cinq bureaux.", "activities": "Un guichet.", "results": "Deux jours."},
    )  # fmt: skip
    url = reverse("knowledge:item_pdf", args=[published.pk])
    response = client.get(url, {"lang": "fr"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    english = client.get(url, {"lang": "en"})
    assert english.status_code == 200 and english.content != response.content
    assert client.get(url, {"lang": "de"}).status_code == 400
