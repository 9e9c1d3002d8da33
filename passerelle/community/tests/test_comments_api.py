import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import services
from passerelle.community.models import Comment, Follow
from passerelle.taxonomy.models import CapacityArea
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db

AREA = {"target_type": "taxonomy.capacityarea"}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def area():
    return CapacityArea.objects.get(code="DATA")


def member():
    return MembershipFactory(role="viewer").user


def test_list_one_discussion_and_post_to_it(api, area):
    author = member()
    services.comment_create(actor=author, target=area, body="Existing")
    api.force_authenticate(member())
    response = api.get("/api/v1/comments/", {**AREA, "target_id": area.pk})
    assert response.status_code == 200
    assert [row["body"] for row in response.json()["results"]] == ["Existing"]
    response = api.post(
        "/api/v1/comments/",
        {**AREA, "target_id": area.pk, "body": "Posted by API", "language": "es"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["language"] == "es"
    assert response.json()["target_type"] == "taxonomy.capacityarea"


def test_bad_input_gets_a_clear_error_and_writes_nothing(api, area):
    api.force_authenticate(member())
    response = api.post("/api/v1/comments/", {**AREA, "target_id": area.pk, "body": "  "})
    assert response.status_code == 400
    assert response.json()["error"]["fields"]
    response = api.post(
        "/api/v1/comments/", {"target_type": "nope.nothing", "target_id": 1, "body": "x"}
    )
    assert response.status_code == 404
    response = api.post(
        "/api/v1/comments/", {"target_type": "accounts.user", "target_id": 1, "body": "x"}
    )
    assert response.status_code == 404  # people are followed, not commented on
    assert not Comment.objects.exists()


def test_a_private_discussion_is_invisible_through_the_api(api, organisation, owner, outsider):
    note = Note.objects.create(owner=organisation, visibility="private", text="internal")
    posted = services.comment_create(actor=owner, target=note, body="Internal remark")
    api.force_authenticate(outsider)
    assert api.get(f"/api/v1/comments/{posted.pk}/").status_code == 404
    listed = api.get("/api/v1/comments/").json()["results"]
    assert posted.pk not in [row["id"] for row in listed]
    response = api.post(
        "/api/v1/comments/",
        {"target_type": "testapp.note", "target_id": note.pk, "body": "Let me in"},
    )
    assert response.status_code == 404


def test_edit_react_and_delete(api, area):
    author, reader = member(), member()
    posted = services.comment_create(actor=author, target=area, body="Draft")
    api.force_authenticate(reader)
    assert api.patch(f"/api/v1/comments/{posted.pk}/", {"body": "mine now"}).status_code == 403
    response = api.post(f"/api/v1/comments/{posted.pk}/react/", {"kind": "useful"})
    assert response.json() == {"kind": "useful", "given": True, "counts": {"useful": 1}}
    api.force_authenticate(author)
    response = api.patch(f"/api/v1/comments/{posted.pk}/", {"body": "Final"})
    assert response.status_code == 200 and response.json()["body"] == "Final"
    assert api.delete(f"/api/v1/comments/{posted.pk}/").status_code == 204
    assert api.get(f"/api/v1/comments/{posted.pk}/").json()["is_deleted"] is True


def test_follows_are_private_to_their_owner(api, area):
    person, other = member(), member()
    api.force_authenticate(person)
    response = api.post("/api/v1/follows/", {**AREA, "target_id": area.pk})
    assert response.status_code == 201
    response = api.post("/api/v1/follows/", {"target_type": "accounts.user", "target_id": other.pk})
    assert response.status_code == 201
    follow_id = Follow.objects.filter(user=person).first().pk
    api.force_authenticate(other)
    assert api.get("/api/v1/follows/").json()["results"] == []
    assert api.delete(f"/api/v1/follows/{follow_id}/").status_code == 404
    api.force_authenticate(person)
    assert len(api.get("/api/v1/follows/").json()["results"]) == 2
    assert api.delete(f"/api/v1/follows/{follow_id}/").status_code == 204


def test_comment_list_query_budget(api, area, django_assert_max_num_queries):
    authors = [member() for _ in range(3)]
    for number in range(30):
        services.comment_create(actor=authors[number % 3], target=area, body=f"c{number}")
    api.force_authenticate(UserFactory())
    with django_assert_max_num_queries(8):
        response = api.get("/api/v1/comments/", {**AREA, "target_id": area.pk})
    assert response.json()["count"] == 30


def test_a_malformed_target_id_is_a_404_not_an_error(api, client):
    api.force_authenticate(member())
    response = api.post(
        "/api/v1/comments/", {**AREA, "target_id": "not-a-number", "body": "x"}, format="json"
    )
    assert response.status_code == 404
    ct = ContentType.objects.get_for_model(CapacityArea).pk
    assert client.get(f"/en/community/discussions/{ct}/not-a-number/").status_code == 404
    assert client.get("/en/community/discussions/999999/1/").status_code == 404
    assert not Comment.objects.exists()
