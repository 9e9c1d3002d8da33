"""The roster and the hub's matcher: an expert's offer is proposed for a published request in
the same capacity area and language; the request's page lists the expert for the requesting
organisation (with a button to contact them, then the contact's status) and not for outsiders;
the link to the roster filtered on the request's areas and languages; a member's page section."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.sections import render_sections
from passerelle.hub.matching import index, refresh
from passerelle.hub.models import Match

from .. import sections_roster  # noqa: F401  (the sections are registered)
from .factories import MemberProfileFactory
from .factories_roster import contact, join, ministry, published_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    index.forget()
    yield
    index.forget()


@pytest.fixture
def matched():
    organisation, editor = ministry()
    support_request = published_request(organisation, editor)
    entry = join(
        headline="Especialista en encuestas de migración laboral",
        expertise="Diseño encuestas nacionales de migración laboral y estadísticas sobre los "
        "trabajadores en el extranjero para ministerios de trabajo.",
    )  # fmt: skip
    refresh.refresh_request(support_request.pk)
    return {"request": support_request, "entry": entry, "editor": editor, "org": organisation}


def test_the_matcher_proposes_the_roster_expert(matched):
    match = Match.objects.get(request=matched["request"], offer=matched["entry"].offer)
    assert match.status == "proposed" and match.score > 0


def test_the_request_page_lists_the_expert_for_the_requester_only(client, matched):
    url = reverse("hub:request_detail", kwargs={"pk": matched["request"].pk})
    entry = matched["entry"]

    client.force_login(matched["editor"])
    page = client.get(url).text
    assert "Diaspora experts on the roster" in page
    assert entry.headline in page
    contact_url = reverse("diaspora:contact_create", kwargs={"pk": entry.pk})
    assert f"{contact_url}?request={matched['request'].pk}" in page

    client.force_login(UserFactory())
    page = client.get(url).text
    assert "Diaspora experts on the roster" not in page
    assert "Diaspora expertise" in page  # the link to the roster is for everyone


def test_the_section_shows_the_contacts_status(client, matched):
    sent = contact(
        matched["entry"], matched["org"], matched["editor"], support_request=matched["request"]
    )
    client.force_login(matched["editor"])

    page = client.get(reverse("hub:request_detail", kwargs={"pk": matched["request"].pk})).text

    assert sent.get_absolute_url() in page
    assert "Waiting for the expert" in page


def test_the_roster_link_carries_the_requests_areas_and_languages(client, matched):
    page = client.get(reverse("hub:request_detail", kwargs={"pk": matched["request"].pk})).text
    assert "/diaspora/roster/?area=DATA&amp;language=es&amp;language=fr" in page


def test_the_section_costs_a_fixed_number_of_queries(matched, django_assert_max_num_queries):
    for number in range(4):
        join(headline=f"Data expert {number}")
    refresh.refresh_request(matched["request"].pk)
    request = RequestFactory().get("/")
    request.user = matched["editor"]
    with django_assert_max_num_queries(20):
        render_sections("support_request", request, (matched["request"], []))


def test_the_member_page_section_shows_the_entry_and_track_record(matched):
    entry = matched["entry"]
    request = RequestFactory().get("/")
    request.user = UserFactory()

    profile = MemberProfileFactory(user=entry.expert)

    rendered = "".join(render_sections("diaspora_member", request, profile))

    assert entry.headline in rendered and "Track record" in rendered


def test_a_broker_sees_the_experts_but_cannot_contact_them(client, matched, secretariat):
    client.force_login(secretariat)
    page = client.get(reverse("hub:request_detail", kwargs={"pk": matched["request"].pk})).text

    assert matched["entry"].headline in page
    assert "Contact this expert" not in page
