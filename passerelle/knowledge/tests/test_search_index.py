"""Knowledge items in the platform's search: each language version indexed, practices, lessons
and resources as kinds of their own, drafts found only by their organisation, and the related
items of an item page drawn from its semantic neighbours."""

import pytest
from django.contrib.auth.models import AnonymousUser

from passerelle.core.content_translation import translation_save
from passerelle.knowledge import selectors
from passerelle.knowledge.choices import ItemKind
from passerelle.knowledge.services import items
from passerelle.search import selectors as search
from passerelle.search import services as indexing

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_held():
    search.forget_held_documents()
    yield
    search.forget_held_documents()


def indexed(item):
    indexing.index_object(item)
    return item


def test_a_published_practice_is_found_in_each_of_its_languages(published, editor):
    translation_save(
        actor=fresh(editor), obj=published, language="fr",
        texts={"title": "Guichets uniques pour les migrants de retour à Dakar",
               "summary": "Un seul guichet pour l'emploi, la formation et les papiers."},
    )  # fmt: skip
    indexed(published)
    english = search.search(AnonymousUser(), "one-stop shops returning migrants", language="en")
    assert [result.object for result in english.results] == [published]
    french = search.search(AnonymousUser(), "guichets uniques", language="fr")
    (result,) = french.results
    assert result.object == published and result.language == "fr"
    assert result.kind == ItemKind.PRACTICE and result.kind_label == "Practices"
    assert ("practice", "Practices", 1) in french.facets["kind"]


def test_a_draft_is_found_and_counted_only_by_its_organisation(draft, editor, outsider):
    indexed(draft)
    for reader in (AnonymousUser(), outsider):
        page = search.search(reader, "one-stop shops", filters={"kind": ["practice"]})
        assert page.results == [] and page.facets["kind"] == [("practice", "Practices", 0)]
    page = search.search(fresh(editor), "one-stop shops")
    assert [result.object for result in page.results] == [draft]


def test_related_items_start_with_the_semantic_neighbours(published, editor, organisation):
    def publish(title, summary, results):
        item = items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
            data=practice_data(title=title, summary=summary,
                               texts={"context": summary, "activities": summary,
                                      "results": results}),
        )  # fmt: skip
        item.status, item.published_at = "published", published.published_at
        item.save()
        return indexed(item)

    near = publish(
        "Un guichet unique pour la réintégration des migrants de retour",
        "Les migrants de retour trouvent emploi, formation et documents au même guichet.",
        "Les délais sont passés de trois semaines à deux jours.",
    )
    far = publish(
        "Satellite data on coastal erosion",
        "Maps of coastal erosion guide where villages may have to move.",
        "Three villages planned their relocation.",
    )
    indexed(published)
    related = selectors.related_items(published, user=AnonymousUser(), limit=2)
    assert related[0] == near
    assert set(related) == {near, far}  # the second shares the capacity area
