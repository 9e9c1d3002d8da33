"""The search itself, through the selector: languages, modes, typos, facets, the door, the
bound on candidates."""

import datetime

import pytest

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.hub import services as hub_services
from passerelle.hub.tests.conftest import request_data
from passerelle.search import selectors
from passerelle.search.selectors import search
from passerelle.search.services import index_object

from .conftest import bulk_notes

BORDER_EN = (
    "en",
    "Training for border officials",
    "Border guards learn to respect the rights of migrants.",
)
BORDER_FR = (
    "fr",
    "Formation des agents aux frontières",
    "Les gardes-frontières apprennent à respecter les droits des migrants.",
)
CAKE_EN = ("en", "Chocolate cake recipes", "Butter, sugar, flour and cocoa baked for an hour.")


def titles(page) -> list[str]:
    return [result.title for result in page.results]


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.mark.parametrize(
    "version, query",
    [
        (("fr", "Insertion des travailleurs migrants", "Un guichet unique."), "travailleur"),
        (("es", "Trabajadores migrantes", "Una ventanilla única."), "trabajador"),
        (("en", "Reintegration", "Support for returning migrant workers."), "worker"),
    ],
)
def test_a_plural_finds_its_singular_in_each_language(make_note, anonymous, version, query):
    make_note(version)
    assert titles(search(anonymous, query, mode="keyword")) == [version[1]]


def test_a_french_query_finds_an_english_document(make_note, anonymous):
    make_note(BORDER_EN)
    make_note(CAKE_EN)
    query = "formation des gardes-frontières aux droits humains"
    assert titles(search(anonymous, query, mode="semantic"))[0] == BORDER_EN[1]
    assert titles(search(anonymous, query, mode="hybrid"))[0] == BORDER_EN[1]
    assert titles(search(anonymous, query, mode="keyword")) == []


def test_the_three_modes(make_note, anonymous):
    make_note(BORDER_EN)
    make_note(BORDER_FR)
    make_note(CAKE_EN)
    assert titles(search(anonymous, "border", mode="keyword")) == [BORDER_EN[1]]
    semantic = titles(search(anonymous, "border", mode="semantic"))
    assert set(semantic[:2]) == {BORDER_EN[1], BORDER_FR[1]}
    assert CAKE_EN[1] not in semantic  # below the floor
    hybrid = titles(search(anonymous, "border", mode="hybrid"))
    assert hybrid[0] == BORDER_EN[1] and BORDER_FR[1] in hybrid
    with pytest.raises(ValueError):
        search(anonymous, "border", mode="fuzzy")


def test_a_misspelled_title_word_is_corrected(make_note, anonymous):
    make_note(("en", "Reintegration of returning migrants", "Counselling and jobs."))
    page = search(anonymous, "reintegraton", mode="keyword")
    assert page.corrected_query == "reintegration"
    assert titles(page) == ["Reintegration of returning migrants"]
    assert search(anonymous, "reintegration", mode="keyword").corrected_query is None


def test_an_object_in_several_languages_is_one_result_in_the_readers_language(make_note, anonymous):
    make_note(BORDER_EN, BORDER_FR)
    english = search(anonymous, "border frontières", mode="keyword", language="en")
    french = search(anonymous, "border frontières", mode="keyword", language="fr")
    assert titles(english) == [BORDER_EN[1]] and english.total == 1
    assert titles(french) == [BORDER_FR[1]]
    assert french.results[0].language == "fr"
    assert {v: n for v, _, n in french.facets["language"]} == {"en": 1, "fr": 1}


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "owner"])
def test_a_private_object_is_found_and_counted_only_by_its_owner(
    make_note, persona, anonymous, outsider, owner
):
    make_note(("en", "Public border note", "Border."), facets={"country": ["SEN"]})
    make_note(
        ("en", "Private border note", "Border."), visibility="private", facets={"country": ["MLI"]}
    )
    user = {"anonymous": anonymous, "outsider": outsider, "owner": owner}[persona]
    for mode in selectors.MODES:
        page = search(user, "border", mode=mode)
        countries = {value: count for value, _, count in page.facets["country"]}
        if persona == "owner":
            assert set(titles(page)) == {"Public border note", "Private border note"}
            assert countries == {"SEN": 1, "MLI": 1}
        else:
            assert titles(page) == ["Public border note"]
            assert countries == {"SEN": 1}
            assert page.total == 1


def test_a_draft_request_is_not_found_by_others(organisation, editor, outsider, anonymous):
    draft = hub_services.request_create(
        actor=editor,
        organisation=organisation,
        data=request_data(title="Statistics on labour migration"),
    )
    index_object(draft)
    for user in (anonymous, outsider):
        page = search(user, "labour statistics")
        assert page.results == [] and page.facets["kind"] == []
    member = MembershipFactory(organisation=organisation, role="viewer").user
    page = search(member, "labour statistics")
    assert [result.object for result in page.results] == [draft]
    assert page.facets["kind"] == [("request", "Requests for support", 1)]


def test_facets_narrow_the_results_and_count_objects(make_note, anonymous):
    make_note(("en", "Border data", "Data."), facets={"area": ["BORD"], "country": ["SEN"]})
    make_note(("en", "Labour data", "Data."), facets={"area": ["LAB"], "country": ["SEN"]})
    make_note(("en", "Border data in Mali", "Data."), facets={"area": ["BORD"], "country": ["MLI"]})
    everything = search(anonymous, "data", mode="keyword")
    assert everything.total == 3
    assert {v: n for v, _, n in everything.facets["country"]} == {"SEN": 2, "MLI": 1}
    borders = search(anonymous, "data", mode="keyword", filters={"area": ["BORD"]})
    assert set(titles(borders)) == {"Border data", "Border data in Mali"}
    either = search(anonymous, "data", mode="hybrid", filters={"area": ["BORD", "LAB"]})
    assert either.total == 3  # OR within a facet
    both = search(anonymous, "data", mode="hybrid", filters={"area": ["BORD"], "country": ["SEN"]})
    assert titles(both) == ["Border data"]  # AND across facets
    assert [label for _, label, _ in both.facets["kind"]] == ["Notes"]
    nothing = search(anonymous, "data", filters={"country": ["FRA"]})
    assert nothing.results == [] and nothing.facets["country"] == [("FRA", "France", 0)]
    assert search(anonymous, "data", filters={"unknown": ["x"]}).total == 3


def test_an_empty_query_with_filters_lists_the_newest_first(make_note, anonymous):
    for year in (2021, 2024, 2023):
        make_note(
            ("en", f"Report {year}", "Findings."),
            facets={"area": ["DATA"]},
            date=datetime.date(year, 1, 1),
        )
    page = search(anonymous, "", filters={"area": ["DATA"]})
    assert titles(page) == ["Report 2024", "Report 2023", "Report 2021"]
    assert {v for v, _, _ in page.facets["year"]} == {"2021", "2023", "2024"}
    assert search(anonymous, "").page_obj is None


def test_a_common_word_ranks_a_bounded_set_of_candidates(
    make_note, organisation, anonymous, django_assert_max_num_queries, monkeypatch
):
    oldest = make_note(("en", "Common border", "Common."), facets={"area": ["BORD"]})
    bulk_notes(3_000, organisation, "Common words", "The most common word of all.")
    with django_assert_max_num_queries(12):
        page = search(anonymous, "common", mode="keyword")
    assert len(page.results) == 20
    assert page.total == selectors.CANDIDATES and page.truncated
    assert oldest not in [result.object for result in page.results]
    # A filter narrows the candidates before the bound: the oldest match is found.
    filtered = search(anonymous, "common", mode="hybrid", filters={"area": ["BORD"]})
    assert [result.object for result in filtered.results] == [oldest]
    monkeypatch.setattr(selectors, "CANDIDATES", 100)
    assert search(anonymous, "common word", mode="keyword").total == 100


def test_all_words_come_before_any_word(make_note, anonymous):
    make_note(("en", "Border", "Border border border border."))
    make_note(("en", "Border training", "Training."))
    assert titles(search(anonymous, "border training", mode="keyword")) == [
        "Border training",
        "Border",
    ]


def test_a_very_long_query_is_searched(make_note, anonymous):
    make_note(BORDER_EN)
    page = search(anonymous, "border " + "x" * 1_993, mode="hybrid")
    assert titles(page)[0] == BORDER_EN[1]
