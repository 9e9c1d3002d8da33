"""Every community page a person may reach, checked with axe-core (the main flow is in
test_discussion.py): the comment's history, edit and delete pages, a person's page, what one
follows, notifications and their settings, one's moderation cases, an appeal, the report form."""

import pytest

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory
from passerelle.community import moderation, services
from passerelle.community.models import Comment
from passerelle.community.registry import content_type_of
from passerelle.taxonomy.models import CapacityArea

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_community_page_passes_axe(live_server, page, visit, check_a11y):
    area = CapacityArea.objects.get(code="CONS")
    author = MembershipFactory(role="editor", user=UserFactory(full_name="Ana Ruiz")).user
    reader = MembershipFactory(role="editor", user=UserFactory(full_name="Omar Sy")).user
    moderator = UserFactory(is_moderator=True)
    first = services.comment_create(actor=author, target=area, body="Consular **hotline** idea")
    services.comment_edit(actor=author, comment=first, body="Consular **hotline** proposal")
    reply = services.comment_create(
        actor=reader, target=area, body=f"@{author.handle} agreed", parent=first
    )
    services.follow(actor=author, target=area)
    hidden = services.comment_create(actor=author, target=area, body="An off-topic aside")
    case = moderation.content_hide(actor=moderator, content=hidden, reason="Off topic here.")

    visit("/en/accounts/login/")
    page.get_by_label("Email").fill(author.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    check_a11y(page)
    for path in [
        "/en/dashboard/",  # the community panel
        f"/en/community/comments/{first.pk}/history/",
        f"/en/community/comments/{first.pk}/edit/",
        f"/en/community/comments/{first.pk}/delete/",
        f"/en/community/people/{reader.handle}/",
        "/en/community/following/",
        "/en/community/notifications/",
        "/en/community/notifications/preferences/",
        "/en/community/moderation/mine/",
        f"/en/community/moderation/cases/{case.pk}/appeal/",
        f"/en/community/report/{content_type_of(Comment).pk}/{reply.pk}/",
    ]:
        response = visit(path)
        assert response.status == 200, path

    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    check_a11y(page)
    visit("/en/accounts/login/")
    page.get_by_label("Email").fill(moderator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    check_a11y(page)
    for path in [
        "/en/community/moderation/?status=hidden",
        f"/en/community/moderation/cases/{case.pk}/",
        f"/en/community/moderation/hide/{content_type_of(Comment).pk}/{reply.pk}/",
    ]:
        response = visit(path)
        assert response.status == 200, path
