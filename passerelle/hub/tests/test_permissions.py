"""Who sees a request at each step: its organisations always; the secretariat's brokers once it is
submitted to them (never a draft); everyone once it is published. The same answer from the
queryset filter, the one-object door, the pages and the API. Review notes are for the requester
and the secretariat; the review queue is the brokers'."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.core.permissions import get_visible_or_404, user_can
from passerelle.hub import selectors, services
from passerelle.hub.models import SupportRequest

from .conftest import fresh, request_data

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous", "outsider", "secretariat", "viewer", "editor", "owner", "government_admin",
    "government_viewer",
]  # fmt: skip
MEMBERS = {"viewer", "editor", "owner", "government_admin", "government_viewer"}
# status → who, beyond the requester's and the joint government's members, sees the request.
ALSO_SEEN_BY = {
    "draft": set(),
    "withdrawn": set(),
    "submitted": {"secretariat"},
    "clarification": {"secretariat"},
    "open": {"anonymous", "outsider", "secretariat"},
    "closed": {"anonymous", "outsider", "secretariat"},
}


@pytest.fixture
def government_viewer(government):
    return MembershipFactory(organisation=government, role="viewer").user


@pytest.fixture
def people(request):
    def person(name):
        return AnonymousUser() if name == "anonymous" else fresh(request.getfixturevalue(name))

    return person


@pytest.fixture
def joint_request(make_request, government):
    """Made by the civil society organisation jointly with the government (verified, so that the
    government's editors could take it anywhere too)."""
    government.verification_status = "verified"
    government.save()

    def make(status):
        return make_request(status, joint_with=government, title=f"A {status} request")

    return make


def page_client(user) -> Client:
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client


def api_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user if user.is_authenticated else None)
    return client


@pytest.mark.parametrize("status", list(ALSO_SEEN_BY))
def test_who_sees_a_request_at_each_step(joint_request, people, status):
    support_request = joint_request(status)
    detail_page = reverse("hub:request_detail", kwargs={"pk": support_request.pk})
    for name in PEOPLE:
        user = people(name)
        sees = name in MEMBERS or name in ALSO_SEEN_BY[status]
        where = f"{name} / {status}"
        # The queryset filter and the one-object door.
        assert SupportRequest.objects.visible_to(user).filter(pk=support_request.pk).exists() is (
            sees
        ), where
        if sees:
            assert selectors.request_get(user=user, pk=support_request.pk) == support_request
        else:
            with pytest.raises(Http404):
                get_visible_or_404(SupportRequest.objects.all(), user, pk=support_request.pk)
        # The policy's own answer for one object agrees with its filter.
        assert user_can(user, "view", support_request) is sees, where
        # The pages.
        response = page_client(user).get(detail_page)
        assert response.status_code == (200 if sees else 404), where
        listed = page_client(user).get(reverse("hub:request_list"))
        assert (support_request.title in listed.content.decode()) is sees, where
        # The API.
        api = api_client(user)
        detail = api.get(f"/api/v1/requests/{support_request.pk}/")
        assert detail.status_code == (200 if sees else 404), where
        ids = [row["id"] for row in api.get("/api/v1/requests/").json()["results"]]
        assert (support_request.pk in ids) is sees, where


def test_a_draft_is_not_shown_to_a_broker_who_is_no_member(make_request, other_broker):
    draft = make_request("draft")
    assert not SupportRequest.objects.visible_to(fresh(other_broker)).exists()
    response = page_client(other_broker).get(draft.get_absolute_url())
    assert response.status_code == 404


def test_a_superuser_reads_what_is_submitted_but_not_drafts(make_request):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    draft, submitted = make_request("draft"), make_request("submitted", title="Submitted")
    visible = set(SupportRequest.objects.visible_to(superuser))
    assert submitted in visible and draft not in visible


def test_the_members_edit_tools_follow_the_role(make_request, people):
    draft = make_request("draft")
    for name, allowed in [("viewer", False), ("editor", True), ("owner", True),
                          ("outsider", False), ("secretariat", False)]:  # fmt: skip
        user = people(name)
        for action in ("change", "submit", "withdraw"):
            assert user_can(user, action, draft) is allowed, (name, action)
        assert not user_can(user, "close", draft)
        assert not user_can(user, "review", draft)


@pytest.fixture
def reviewed(make_request, editor, secretariat):
    """Published after a question, an answer and a welcome, each with its note."""
    support_request = make_request("submitted")
    services.request_review(
        actor=secretariat, support_request=support_request, outcome="clarification",
        note="Which agencies take part?",
    )  # fmt: skip
    services.request_update(
        actor=fresh(editor), support_request=support_request, data=request_data()
    )
    services.request_submit(actor=fresh(editor), support_request=support_request)
    services.request_review(
        actor=secretariat, support_request=support_request, outcome="accepted",
        note="Welcome to the hub.",
    )  # fmt: skip
    support_request.refresh_from_db()
    return support_request


@pytest.mark.parametrize(
    "name, sees_notes",
    [
        ("anonymous", False),
        ("outsider", False),
        ("viewer", True),
        ("editor", True),
        ("owner", True),
        ("secretariat", True),
    ],
)
def test_review_notes_are_for_the_requester_and_the_secretariat(reviewed, people, name, sees_notes):
    response = page_client(people(name)).get(reviewed.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    # Everyone sees the steps of the timeline ...
    assert "The secretariat asked a question" in html
    assert "Accepted and published" in html
    # ... but only the requester and the secretariat read what was said.
    assert ("Which agencies take part?" in html) is sees_notes
    assert ("Welcome to the hub." in html) is sees_notes


def test_review_notes_are_read_by_the_joint_government(
    joint_request, secretariat, government_admin
):
    support_request = joint_request("submitted")
    services.request_review(
        actor=secretariat, support_request=support_request, outcome="clarification",
        note="Is the ministry committed?",
    )  # fmt: skip
    html = page_client(government_admin).get(support_request.get_absolute_url()).content.decode()
    assert "Is the ministry committed?" in html


def test_the_review_queue_is_the_brokers(make_request, secretariat, editor, outsider, owner):
    waiting = make_request("submitted", title="Waiting for review")
    asked = make_request("clarification", title="Asked a question")
    make_request("draft", title="Still a draft")
    make_request("open", title="Already open")
    url = reverse("hub:review_queue")

    response = page_client(secretariat).get(url)
    assert response.status_code == 200
    assert list(response.context["waiting"]) == [waiting]
    assert list(response.context["asked"]) == [asked]
    html = response.content.decode()
    assert "Waiting for review" in html and "Asked a question" in html
    assert "Still a draft" not in html and "Already open" not in html

    for user in (editor, outsider, owner, UserFactory(is_moderator=True, is_curator=True)):
        assert page_client(user).get(url).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert reverse("account_login") in anonymous["Location"]


def test_the_review_queue_lists_the_oldest_first(make_request, secretariat):
    first = make_request("submitted", title="First")
    second = make_request("submitted", title="Second")
    response = page_client(secretariat).get(reverse("hub:review_queue"))
    assert list(response.context["waiting"]) == [first, second]


def test_only_brokers_get_the_review_form(make_request, secretariat, editor):
    submitted = make_request("submitted")
    broker_page = page_client(secretariat).get(submitted.get_absolute_url())
    assert broker_page.context["review_form"] is not None
    assert (
        reverse("hub:request_review", kwargs={"pk": submitted.pk}) in broker_page.content.decode()
    )
    editor_page = page_client(editor).get(submitted.get_absolute_url())
    assert editor_page.context["review_form"] is None
