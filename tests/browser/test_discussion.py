"""A discussion on a public page, end to end: a member comments, another replies with a mention,
the first sees the bell count rise; three members report a spam comment and it disappears; a
moderator restores it with a note. Script payloads typed into a comment, a mention and a report
never run and show as the text that was typed."""

import re

import pytest

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import services
from passerelle.taxonomy.models import CapacityArea
from tests.browser.steps import log_in

# serialized_rollback: the flush after a transactional test would wipe the reference data
# (countries, objectives) that migrations load; this restores it for the next test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"
AREA_PAGE = "/en/capacity-areas/DATA/"


def member(name):
    return MembershipFactory(role="editor", user=UserFactory(full_name=name)).user


def log_out(page, check_a11y):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    check_a11y(page)


def watch_for_dialogs(page):
    """Any alert() a payload manages to run is recorded (and dismissed)."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def bell_text(page) -> str:
    return page.locator("#notification-bell").inner_text()


def refresh_bell(page):
    """Run the bell's htmx poll now rather than waiting its 30 seconds."""
    page.evaluate(
        "htmx.ajax('GET', document.querySelector('#notification-bell').getAttribute('hx-get'),"
        " {target: '#notification-bell', swap: 'outerHTML'})"
    )


def test_comment_reply_mention_bell_report_and_restore(
    live_server, open_page, page, visit, check_a11y
):
    awa, kofi = member("Awa Diop"), member("Kofi Mensah")
    reporters = [member(f"Reporter {n}") for n in range(3)]
    spammer = member("Spam Sender")
    moderator = UserFactory(full_name="Marc Moderator", is_moderator=True)
    area = CapacityArea.objects.get(code="DATA")

    # Awa comments, in her own browser, with a payload in the text.
    awa_page = open_page()
    awa_dialogs = watch_for_dialogs(awa_page)
    log_in(awa_page, live_server, check_a11y, awa)
    awa_page.goto(live_server.url + AREA_PAGE)
    check_a11y(awa_page)
    awa_page.get_by_label("Your comment").fill(f"Who keeps a shared register? {PAYLOAD}")
    awa_page.get_by_role("button", name="Post comment").click()
    comment = awa_page.locator("article.comment").filter(has_text="Who keeps a shared register?")
    comment.wait_for()
    assert PAYLOAD in comment.inner_text()  # shown as typed
    check_a11y(awa_page)
    assert "unread" not in bell_text(awa_page)

    # Kofi replies with a mention (and another payload).
    dialogs = watch_for_dialogs(page)
    log_in(page, live_server, check_a11y, kofi)
    visit(AREA_PAGE)
    first = page.locator("article.comment").filter(has_text="Who keeps a shared register?")
    first.get_by_text("Reply", exact=True).click()
    first.get_by_label("Reply to Awa Diop").fill(f"@{awa.handle} we do, see below {PAYLOAD}")
    first.get_by_role("button", name="Post reply").click()
    reply = page.locator("article.comment").filter(has_text="we do, see below")
    reply.wait_for()
    assert reply.get_by_role("link", name=f"@{awa.handle}").is_visible()
    assert PAYLOAD in reply.inner_text()
    check_a11y(page)

    # Awa's bell counts the reply (and the mention in it) without leaving her page.
    refresh_bell(awa_page)
    awa_page.locator("#notification-bell", has_text="unread").wait_for()
    awa_page.get_by_role("link", name="Notifications").click()
    awa_page.wait_for_load_state()
    check_a11y(awa_page)
    assert "Kofi Mensah" in awa_page.content()
    log_out(page, check_a11y)

    # A spam comment; three members report it and it is gone for everyone else.
    services.comment_create(actor=spammer, target=area, body="Cheap visas at www.spam.test")
    for number, reporter in enumerate(reporters):
        log_in(page, live_server, check_a11y, reporter)
        visit(AREA_PAGE)
        spam = page.locator("article.comment").filter(has_text="Cheap visas")
        spam.get_by_role("link", name="Report").click()
        page.wait_for_load_state()
        check_a11y(page)
        page.get_by_label("Why are you reporting this?").select_option("spam")
        page.get_by_label("Details for the moderators").fill(f"Advertising {number} {PAYLOAD}")
        page.get_by_role("button", name="Send the report").click()
        page.get_by_text("Thank you").first.wait_for()
        check_a11y(page)
        log_out(page, check_a11y)
    visit(AREA_PAGE)
    assert "Cheap visas" not in page.content()

    # The moderator finds it in the queue, reads the reports and restores it with a note.
    log_in(page, live_server, check_a11y, moderator)
    # The link counts the open cases: "Moderation 1 open".
    page.get_by_role("link", name=re.compile(r"^Moderation \d+ open$")).click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_role("link", name="Cheap visas").first.click()
    page.wait_for_load_state()
    check_a11y(page)
    assert f"Advertising 2 {PAYLOAD}" in page.locator("main").inner_text()
    restore = page.locator("form", has=page.get_by_role("button", name="Show the content"))
    restore.get_by_label("Reason").fill("A travel agency the members know; not spam.")
    restore.get_by_role("button", name="Show the content").click()
    page.wait_for_load_state()
    check_a11y(page)
    log_out(page, check_a11y)
    visit(AREA_PAGE)
    assert "Cheap visas" in page.content()

    assert dialogs == [] and awa_dialogs == []
