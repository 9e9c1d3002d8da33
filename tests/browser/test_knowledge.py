"""A practice's way into the knowledge base, end to end: a city's editor answers an open call
for practices with a practice written in French; a curator asks a peer reviewer, who checks the
criteria and asks for changes; the curator passes the request on; the author revises; the
reviewer recommends publishing and the curator publishes. Then a reader of the French site finds
the practice with an English phrase (cross-lingual search). A second test shows that a script
written into a practice never runs on its page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.knowledge.models import Item
from passerelle.knowledge.services import calls, items, reviews
from passerelle.taxonomy.models import CapacityArea, GCMObjective
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def label(text):
    """A form label as Django writes it (label_tag may add a colon)."""
    return re.compile(rf"^{re.escape(text)}:?$")


@pytest.fixture
def people(db):
    curator = UserFactory(is_curator=True)
    call = calls.call_create(
        actor=curator,
        data=calls.CallData(
            title="Cities that welcome migrants", theme="Local integration",
            description="Practices of local authorities that help migrants settle.",
            eligibility="Local authorities and their partners.",
            deadline=timezone.now() + timedelta(days=40), contact="practices@example.org",
            language="en",
        ),
    )  # fmt: skip
    calls.call_open(actor=curator, call=call)
    city = OrganisationFactory(type="local_government", name="Ville de Dakar")
    return {
        "call": call,
        "curator": curator,
        "author": MembershipFactory(organisation=city, role="editor").user,
        "reviewer": MembershipFactory(role="viewer").user,
    }


def write_practice(page, live_server, check_a11y, call):
    page.goto(f"{live_server.url}/en/knowledge/calls/{call.pk}/")
    check_a11y(page)
    click(page, check_a11y, "link", "Submit a practice to this call")
    page.get_by_label(label("Title")).fill("Un guichet unique pour l'accueil des migrants")
    page.get_by_label(label("Summary")).fill(
        "La mairie réunit en un seul lieu l'emploi, la santé et l'état civil pour les migrants."
    )
    page.get_by_label(label("Language of the text")).select_option(label="French")
    page.get_by_label(label("Context")).fill(
        "Les personnes migrantes devaient visiter cinq administrations pour s'installer."
    )
    page.get_by_label(label("What was done")).fill(
        "La ville a ouvert un guichet unique avec les services de l'emploi et de la santé."
    )
    page.get_by_label(label("Results")).fill(
        "Les démarches prennent deux jours au lieu de trois semaines."
    )
    page.get_by_label("Whole-of-government and whole-of-society approaches").check()
    page.get_by_role("checkbox", name=re.compile(r"^15\. ")).check()
    click(page, check_a11y, "button", "Save the draft")
    click(page, check_a11y, "button", "Submit to the curators")
    return Item.objects.get()


def review(page, live_server, check_a11y, item, *, verdict, recommendation, comment):
    page.goto(f"{live_server.url}/en/knowledge/reviews/")
    check_a11y(page)
    page.get_by_role("link", name=item.title).first.click()
    page.wait_for_load_state()
    check_a11y(page)
    choices = page.get_by_role("radio", name=verdict, exact=True)
    assert choices.count() == 6  # the six default criteria
    for index in range(choices.count()):
        choices.nth(index).check()
    page.get_by_label(label("Comment for the authors")).fill(comment)
    page.get_by_label(recommendation, exact=True).check()
    click(page, check_a11y, "button", "Submit my review")


def test_a_practice_answers_a_call_is_reviewed_revised_published_and_found(
    live_server, open_page, check_a11y, people
):
    author = open_page()
    log_in(author, live_server, check_a11y, people["author"])
    item = write_practice(author, live_server, check_a11y, people["call"])
    assert (item.status, item.call, item.language) == ("submitted", people["call"], "fr")
    item_url = f"{live_server.url}/en/knowledge/items/{item.pk}/"

    curator = open_page()
    log_in(curator, live_server, check_a11y, people["curator"])
    curator.goto(item_url)
    check_a11y(curator)
    curator.get_by_label(label("Or their e-mail addresses")).fill(people["reviewer"].email)
    click(curator, check_a11y, "button", "Assign")
    item.refresh_from_db()
    assert item.status == "in_review"

    reviewer = open_page()
    log_in(reviewer, live_server, check_a11y, people["reviewer"])
    review(reviewer, live_server, check_a11y, item, verdict="Partly met",
           recommendation="Request changes",
           comment="Dites combien de personnes le guichet a servi.")  # fmt: skip

    curator.goto(item_url)
    check_a11y(curator)
    curator.get_by_label(label("What the authors should change (required)")).fill(
        "Ajoutez le nombre de personnes servies."
    )
    click(curator, check_a11y, "button", "Request changes")
    item.refresh_from_db()
    assert item.status == "changes_requested"

    author.goto(item_url)
    check_a11y(author)
    expect(author.get_by_text("Dites combien de personnes le guichet a servi.")).to_be_visible()
    click(author, check_a11y, "link", "Edit")
    author.get_by_label(label("Results")).fill(
        "Les démarches prennent deux jours au lieu de trois semaines, pour 1 200 personnes."
    )
    click(author, check_a11y, "button", "Save")
    click(author, check_a11y, "button", "Submit the revision")
    item.refresh_from_db()
    assert (item.status, item.review_round) == ("in_review", 2)

    review(reviewer, live_server, check_a11y, item, verdict="Met",
           recommendation="Publish", comment="Clair et reproductible.")  # fmt: skip
    curator.goto(item_url)
    check_a11y(curator)
    click(curator, check_a11y, "button", "Publish")
    item.refresh_from_db()
    assert (item.status, item.version) == ("published", 1)

    reader = open_page()
    reader.goto(f"{live_server.url}/fr/search/?q=a+one-stop+shop+welcoming+migrants")
    check_a11y(reader)
    result = reader.get_by_role("link", name="Un guichet unique pour l'accueil des migrants")
    expect(result).to_be_visible()
    result.click()
    reader.wait_for_load_state()
    check_a11y(reader)
    expect(reader.get_by_role("heading", level=1)).to_contain_text("Un guichet unique")


XSS = '<script>window.xss = 1</script><img src=x onerror="window.xss = 1">'


def test_a_script_written_into_a_practice_never_runs(live_server, open_page, check_a11y, people):
    author = people["author"]
    item = items.item_create(
        actor=author, organisation=author.memberships.get().organisation, kind="practice",
        data=items.ItemData(
            title=f"Practice {XSS}", summary=f"Summary {XSS}", language="en",
            texts={"context": f"Context {XSS} [link](javascript:window.xss=1)",
                   "activities": XSS, "results": XSS},
            capacity_areas=[CapacityArea.objects.get(code="WGWS")],
            gcm_objectives=[GCMObjective.objects.get(number=15)],
        ),
    )  # fmt: skip
    items.item_submit(actor=author, item=item)
    reviews.reviewers_assign(actor=people["curator"], item=item, reviewers=[people["reviewer"]])
    reviews.item_publish(actor=people["curator"], item=item)
    page = open_page()
    page.goto(f"{live_server.url}/en/knowledge/items/{item.pk}/")
    check_a11y(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("<script>")
    assert page.locator('a[href^="javascript"], [onerror], script:not([src])').count() == 0
    assert page.evaluate("window.xss") is None
