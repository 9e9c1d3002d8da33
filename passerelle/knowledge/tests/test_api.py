"""The knowledge base in the API: items as visible as on the pages, the facet counts of
published items only, calls for practices without drafts."""

import pytest
from django.urls import reverse

from passerelle.knowledge.services import items

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_draft(published, editor, organisation):
    """A draft beside the published item (the `draft` fixture is the item that got published)."""
    return items.item_create(
        actor=fresh(editor), organisation=organisation, kind="practice",
        data=practice_data(title="Consular registration days"),
    )  # fmt: skip


def test_anonymous_readers_get_published_items_only(client, other_draft, published):
    response = client.get(reverse("api:knowledgeitem-list"))
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [published.pk]
    assert client.get(reverse("api:knowledgeitem-detail", args=[other_draft.pk])).status_code == 404


def test_members_get_their_drafts(client, editor, other_draft, published):
    client.force_login(fresh(editor))
    rows = client.get(reverse("api:knowledgeitem-list")).json()["results"]
    assert {row["id"] for row in rows} == {other_draft.pk, published.pk}
    row = client.get(reverse("api:knowledgeitem-detail", args=[other_draft.pk])).json()
    assert row["status"] == "draft" and row["capacity_areas"] == ["WGWS"]


def test_facets_count_published_items_only(client, editor, other_draft, published):
    client.force_login(fresh(editor))
    facets = client.get(reverse("api:knowledgeitem-facets")).json()
    assert facets["kind"] == {"practice": 1}
    assert facets["capacity_area"] == {"WGWS": 1}
    assert facets["objective"] == {"21": 1}


def test_filters_are_the_pages_and_bad_ones_are_refused(client, published):
    url = reverse("api:knowledgeitem-list")
    assert client.get(url, {"capacity_area": "WGWS"}).json()["count"] == 1
    assert client.get(url, {"kind": "resource"}).json()["count"] == 0
    response = client.get(url, {"kind": "poem"})
    assert response.status_code == 400 and "kind" in response.json()["error"]["fields"]


def test_calls_without_drafts(client, open_call, curator):
    from passerelle.knowledge.services import calls

    draft_call = calls.call_create(actor=curator, data=calls.CallData(
        title="Draft", theme="T", description="D", eligibility="E",
        deadline=open_call.deadline, contact="c@example.org", language="en",
    ))  # fmt: skip
    rows = client.get(reverse("api:practicecall-list")).json()["results"]
    assert [row["id"] for row in rows] == [open_call.pk]
    assert rows[0]["criteria"][-1] == "Involves migrants in the design"
    url = reverse("api:practicecall-detail", args=[draft_call.pk])
    assert client.get(url).status_code == 404
