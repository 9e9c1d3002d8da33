"""The admin shows offers, matches and the matcher's weights for support, and changes none of
them: each changes through its audited pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelle.hub.matching.weights import matching_settings
from passerelle.hub.models import Match

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_match(make_request, make_offer):
    return Match.objects.create(
        request=make_request("open"), offer=make_offer(support_types=["training", "funding"]),
        score=0.7, computed_at=timezone.now(),
        explanation={"score": 0.7, "values": {"areas": 1.0, "timing": 0.25},
                     "weights": {"areas": 0.6, "timing": 0.4}},
    )  # fmt: skip


def test_an_offer_is_shown_with_its_types_of_support(admin_client, a_match):
    response = admin_client.get(reverse("admin:hub_offer_change", args=[a_match.offer_id]))
    assert response.status_code == 200
    assert b"Funding" in response.content and b"Training" in response.content
    listing = admin_client.get(reverse("admin:hub_offer_changelist"), {"q": "border"})
    assert listing.status_code == 200 and b"Training courses" in listing.content


def test_a_match_is_shown_with_its_explanation(admin_client, a_match):
    response = admin_client.get(reverse("admin:hub_match_change", args=[a_match.pk]))
    assert response.status_code == 200
    assert b"<td>Capacity areas</td><td>60</td><td>100</td><td>60.0</td>" in response.content
    assert b"<td>Timing</td><td>40</td><td>25</td><td>10.0</td>" in response.content
    assert admin_client.get(reverse("admin:hub_match_changelist")).status_code == 200


def test_the_weights_are_read_only_here(admin_client):
    row = matching_settings()
    url = reverse("admin:hub_matchingsettings_change", args=[row.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert reverse("hub:weights").encode() in response.content
    admin_client.post(url, {"weights": "{}", "version": 99})
    row.refresh_from_db()
    assert row.version == 1 and row.weights


@pytest.mark.parametrize("model", ["offer", "match", "matchingsettings"])
def test_nothing_is_added_or_deleted_here(admin_client, a_match, model):
    row = {"offer": a_match.offer_id, "match": a_match.pk, "matchingsettings": 1}[model]
    matching_settings()
    assert admin_client.get(reverse(f"admin:hub_{model}_add")).status_code == 403
    assert admin_client.get(reverse(f"admin:hub_{model}_delete", args=[row])).status_code == 403
