"""What the knowledge base adds to a request's page: the practices that may help, those linked
to the request first, then those sharing its capacity areas and objectives."""

from types import SimpleNamespace

import pytest

from passerelle.hub import services as hub
from passerelle.hub.tests.conftest import request_data
from passerelle.knowledge import sections
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


def published_practice(curator, reviewer, editor, organisation, **data):
    from passerelle.knowledge.services import items, reviews

    item = items.item_create(actor=fresh(editor), organisation=organisation, kind="practice",
                             data=practice_data(**data))  # fmt: skip
    items.item_submit(actor=fresh(editor), item=item)
    reviews.reviewers_assign(actor=curator, item=item, reviewers=[fresh(reviewer)])
    return reviews.item_publish(actor=curator, item=item)


def test_a_request_lists_linked_practices_then_those_sharing_its_tags(
    editor, organisation, curator, reviewer
):
    support_request = hub.request_create(
        actor=fresh(editor), organisation=organisation,
        data=request_data(capacity_areas=[CapacityArea.objects.get(code="WGWS")]),
    )  # fmt: skip
    sharing = published_practice(curator, reviewer, editor, organisation, title="Sharing")
    linked = published_practice(
        curator, reviewer, editor, organisation, title="Linked",
        capacity_areas=[CapacityArea.objects.get(code="DATA")],
        gcm_objectives=[GCMObjective.objects.get(number=1)],
        requests=[support_request],
    )  # fmt: skip
    published_practice(
        curator, reviewer, editor, organisation, title="Unrelated",
        capacity_areas=[CapacityArea.objects.get(code="CONS")],
        gcm_objectives=[GCMObjective.objects.get(number=1)],
    )  # fmt: skip
    page = SimpleNamespace(user=fresh(editor))
    context = sections.request_practices(page, (support_request, []))
    assert context["rows"] == [linked, sharing]
