"""The roster's demo: 25+ experts in three languages with published offers, proposed by the
matcher for demo requests, contacts in every status, Lucía's login; running it twice changes
nothing."""

import pytest

from passerelle.core.demo import DemoContext
from passerelle.hub.models import Match, SupportRequest

from .. import demo_roster
from ..models import ExpertContact, RosterEntry
from .factories import MemberProfileFactory
from .factories_roster import ministry, published_request

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_roster_and_is_idempotent():
    for title in ("Enquête sur les migrations de travail", "Statistiques des retours"):
        organisation, editor = ministry()
        request = published_request(organisation, editor, title=title)
        SupportRequest.objects.filter(pk=request.pk).update(is_demo=True)

    member = MemberProfileFactory(languages=["fr", "xx"])
    context = DemoContext(data={"diaspora_members": [member]})
    demo_roster.load(context)
    counts = (RosterEntry.objects.count(), ExpertContact.objects.count())
    demo_roster.load(DemoContext())

    assert (RosterEntry.objects.count(), ExpertContact.objects.count()) == counts
    assert counts[0] >= 27
    assert RosterEntry.objects.get(expert=member.user).languages == ["fr"]
    assert RosterEntry.objects.filter(is_demo=True, offer__status="published").count() >= 26
    assert {entry.offer.language for entry in RosterEntry.objects.select_related("offer")} == {
        "en", "fr", "es",
    }  # fmt: skip
    assert Match.objects.filter(offer__roster_entry__isnull=False).exists()
    statuses = set(ExpertContact.objects.values_list("status", flat=True))
    assert statuses == {"pending", "accepted", "declined", "withdrawn", "completed"}
    assert [c[0] for c in context.credentials] == ["lucia.fernandez@demo.passerelle.test"]
    lucia = RosterEntry.objects.get(expert__email="lucia.fernandez@demo.passerelle.test")
    assert lucia.expert.preferred_language == "es" and lucia.offer.language == "es"
