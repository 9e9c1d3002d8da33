"""Who sees a pledge at each step: the members of the pledging organisation and of its partners
always; everyone, anonymous visitors included, once it is published (and after, when it is closed
or withdrawn); never anyone else a draft, not the secretariat either. The same answer from the
queryset filter, the one-object door, the policy, every page and every endpoint of the module.
Then what each role may do."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.core.permissions import get_visible_or_404, user_can
from passerelle.pledges import selectors, services
from passerelle.pledges.models import Pledge, ProgressUpdate

from .conftest import fresh, progress

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "outsider", "secretariat", "viewer", "editor", "owner", "partner_viewer"]
MEMBERS = {"viewer", "editor", "owner", "partner_viewer"}
PUBLIC = {"anonymous", "outsider", "secretariat"}
# status → who, beyond the members of the pledging and partner organisations, sees the pledge.
ALSO_SEEN_BY = {
    "draft": set(),
    "withdrawn_draft": set(),
    "published": PUBLIC,
    "closed": PUBLIC,
    "withdrawn": PUBLIC,  # a public commitment's withdrawal is public record
}


@pytest.fixture
def people(request):
    def person(name):
        return AnonymousUser() if name == "anonymous" else fresh(request.getfixturevalue(name))

    return person


@pytest.fixture
def common_pledge(make_pledge, editor, partner):
    """A common pledge with `partner`, taken to a status ("withdrawn_draft": withdrawn before it
    was ever published)."""

    def make(status):
        if status == "withdrawn_draft":
            pledge = make_pledge("draft", type="common", partners=[partner], title="Taken back")
            services.pledge_withdraw(actor=fresh(editor), pledge=pledge)
            return Pledge.objects.get(pk=pledge.pk)
        return make_pledge(status, type="common", partners=[partner], title=f"A {status} pledge")

    return make


def page_client(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def api_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user if user.is_authenticated else None)
    return client


def pages_of(pledge) -> list[tuple[str, str]]:
    """Every page of one pledge, with the method that reaches it."""
    pk = {"pk": pledge.pk}
    return [
        ("get", reverse("pledges:pledge_detail", kwargs=pk)),
        ("get", reverse("pledges:pledge_update", kwargs=pk)),
        ("get", reverse("pledges:progress_create", kwargs=pk)),
        ("post", reverse("pledges:progress_create", kwargs=pk)),
        *(
            ("post", reverse("pledges:pledge_transition", kwargs={**pk, "action": action}))
            for action in ("publish", "close", "withdraw")
        ),
    ]


@pytest.mark.parametrize("status", list(ALSO_SEEN_BY))
def test_who_sees_a_pledge_at_each_step(common_pledge, people, status):
    pledge = common_pledge(status)
    for name in PEOPLE:
        user = people(name)
        sees = name in MEMBERS or name in ALSO_SEEN_BY[status]
        where = f"{name} / {status}"
        # The queryset filter, the one-object door and the policy agree.
        assert Pledge.objects.visible_to(user).filter(pk=pledge.pk).exists() is sees, where
        if sees:
            assert selectors.pledge_get(user=user, pk=pledge.pk) == pledge
        else:
            with pytest.raises(Http404):
                get_visible_or_404(Pledge.objects.all(), user, pk=pledge.pk)
        assert user_can(user, "view", pledge) is sees, where
        # The list page and the list endpoint.
        listed = page_client(user).get(reverse("pledges:pledge_list"))
        assert (pledge.title in listed.content.decode()) is sees, where
        api = api_client(user)
        ids = [row["id"] for row in api.get("/api/v1/pledges/").json()["results"]]
        assert (pledge.pk in ids) is sees, where
        assert api.get(f"/api/v1/pledges/{pledge.pk}/").status_code == (200 if sees else 404)
        # Every page of a pledge one may not see is not found, whatever the action (anonymous
        # visitors are first sent to log in, except to read it).
        if not sees:
            for method, url in pages_of(pledge):
                response = getattr(page_client(user), method)(url)
                expected = 404 if user.is_authenticated or url == pledge.get_absolute_url() else 302
                assert response.status_code == expected, (where, method, url)


def test_a_draft_in_a_matching_field_is_not_found(make_pledge, organisation, outsider):
    """The form looks the pledge matched up through the door: another's draft is no number."""
    draft = make_pledge("draft", title="Not yet public")
    client = page_client(fresh(outsider))
    response = client.post(reverse("pledges:pledge_create"), {"matches": draft.pk})
    assert response.status_code == 400
    assert "No pledge has this number." in response.content.decode()


def test_progress_reports_are_read_with_their_pledge(common_pledge, editor, people):
    pledge = common_pledge("published")
    update = services.progress_record(actor=fresh(editor), pledge=pledge, data=progress())
    draft = common_pledge("draft")
    for name in PEOPLE:
        user = people(name)
        visible = set(ProgressUpdate.objects.visible_to(user))
        assert visible == {update}, name
        assert user_can(user, "view", update)
    assert user_can(AnonymousUser(), "view", draft) is False


# What each role may do -----------------------------------------------------------------------

ACTIONS = ("change", "publish", "report", "close", "withdraw")
# status → the actions the pledging organisation's editors may take (close: the policy's part;
# the service also wants it complete or past its deadline).
EDITORS_MAY = {
    "draft": {"change", "publish", "withdraw"},
    "published": {"report", "close", "withdraw"},
    "closed": set(),
    "withdrawn": set(),
}


@pytest.mark.parametrize("status", list(EDITORS_MAY))
def test_the_editors_act_the_others_do_not(common_pledge, people, status):
    pledge = common_pledge(status)
    for name in PEOPLE:
        user = people(name)
        allowed = EDITORS_MAY[status] if name in {"editor", "owner"} else set()
        assert {action for action in ACTIONS if user_can(user, action, pledge)} == allowed, name


def test_a_superuser_broker_reads_what_is_published_but_not_drafts(make_pledge):
    superuser = UserFactory(is_superuser=True, is_staff=True, is_broker=True)
    draft, published = make_pledge("draft"), make_pledge("published", title="Public")
    assert set(Pledge.objects.visible_to(superuser)) == {published}
    assert not user_can(superuser, "view", draft)


def test_a_member_of_several_partners_sees_the_pledge_once(make_pledge, partner, partner_viewer):
    other = OrganisationFactory()
    MembershipFactory(organisation=other, user=partner_viewer, role="viewer")
    pledge = make_pledge("draft", type="common", partners=[partner, other])
    assert list(Pledge.objects.visible_to(fresh(partner_viewer))) == [pledge]
