"""The search page and the API: answers for every input, the facets in place, the query
budget."""

import pytest
from django.urls import reverse

URL = "/en/search/"
API = "/api/v1/search/"


@pytest.fixture
def borders(make_note):
    for i in range(25):
        make_note(
            ("en", f"Border training {i}", "Officials at the <border> learn the law."),
            facets={"area": ["BORD"], "country": ["SEN" if i % 2 else "MLI"]},
        )


def test_the_page_shows_results_facets_and_pages(client, borders):
    response = client.get(URL, {"q": "border"})
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("search:results") == URL
    assert 'role="search"' in page and 'role="status"' in page
    assert "25 results" in page
    assert "<mark>border</mark>" in page and "&lt;" in page  # escaped text, marked words
    assert "<legend>Country</legend>" in page and "Senegal" in page
    assert 'name="country" value="SEN"' in page
    assert "Page 1 of 2" in page


def test_the_facets_narrow_the_page(client, borders):
    page = client.get(URL, {"q": "border", "country": "SEN"}, HTTP_HX_REQUEST="true")
    assert "12 results" in page.content.decode()
    assert 'value="SEN" checked' in page.content.decode()


@pytest.mark.parametrize("number", ["abc", "0", "-1", "9999", ""])
def test_a_bad_page_number_is_never_an_error(client, borders, number):
    response = client.get(URL, {"q": "border", "page": number})
    assert response.status_code == 200


def test_odd_queries_are_answered(client, borders):
    assert client.get(URL, {"q": "border " * 400}).status_code == 200
    assert client.get(URL, {"q": '"(AND NOT* -border'}).status_code == 200
    assert client.get(URL, {"q": "border", "mode": "nonsense"}).status_code == 200
    assert client.get(URL).status_code == 200


def test_a_typo_is_corrected_on_the_page(client, borders):
    page = client.get(URL, {"q": "trainng"}).content.decode()
    assert "Showing results for “training”." in page


def test_every_page_has_a_search_box(client, db):
    page = client.get("/en/").content.decode()
    assert 'role="search"' in page and 'action="/en/search/"' in page


def test_the_page_query_count_does_not_grow(
    client, borders, make_note, django_assert_max_num_queries
):
    client.get(URL, {"q": "border"})  # loads the held documents
    with django_assert_max_num_queries(20):
        client.get(URL, {"q": "border", "country": "SEN", "page": "2"})


def test_the_api_answers_with_results_and_facets(client, borders):
    body = client.get(API, {"q": "border", "area": "BORD", "page_size": 5}).json()
    assert body["count"] == 25
    assert len(body["results"]) == 5
    first = body["results"][0]
    assert set(first) == {
        "kind",
        "title",
        "url",
        "snippet",
        "language",
        "machine_translated",
        "score",
    }
    assert first["kind"] == "note" and "<mark>" not in first["snippet"]
    assert "<border>" in first["snippet"]
    assert body["next"].endswith("page=2") or "page=2" in body["next"]
    assert {"value": "SEN", "label": "Senegal", "count": 12} in body["facets"]["country"]


@pytest.mark.parametrize("page", ["0", "abc"])
def test_a_bad_page_in_the_api_is_a_400(client, borders, page):
    response = client.get(API, {"q": "border", "page": page})
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["page"]


def test_a_long_query_in_the_api(client, borders):
    assert client.get(API, {"q": "b" * 2_000}).status_code == 200
