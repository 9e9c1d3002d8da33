"""Every other page of the projects module passes axe-core (WCAG 2.2 AA): the portfolio, the
project form (new, from a match's prefill, and its errors), the project page, the framework
editor and its forms, the targets, the indicator page with its chart, the sheet upload (with its
errors), the evaluation and lesson forms, and the secretariat's progress rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import UserFactory
from passerelle.projects import services

from .test_project_reporting import click, log_in, partnership  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_project_pages_pass_axe(live_server, open_page, check_a11y, partnership):  # noqa: F811
    project, trained = partnership["project"], partnership["trained"]
    services.document_add(
        actor=partnership["runner"], project=project, title="Memorandum", category="A09",
        language="en", upload=SimpleUploadedFile("mou.txt", b"Signed in Dakar."),
    )  # fmt: skip
    page = open_page()
    log_in(page, live_server, check_a11y, partnership["runner"])
    base = f"{live_server.url}/en/projects"

    def visit(path):
        page.goto(f"{base}{path}")
        check_a11y(page)

    visit("/")
    visit("/?status=2&country=SEN")
    visit("/new/")
    click(page, check_a11y, "button", "Save the project")  # every required field missing
    expect(page.locator(".has-error").first).to_be_visible()
    visit(f"/{project.pk}/")
    visit(f"/{project.pk}/edit/")
    visit(f"/{project.pk}/results/")
    visit(f"/{project.pk}/results/new/?type=3")
    visit(f"/{project.pk}/indicators/new/?result={trained.result_id}")
    visit(f"/{project.pk}/indicators/{trained.pk}/edit/")
    visit(f"/{project.pk}/indicators/{trained.pk}/targets/")
    visit(f"/{project.pk}/indicators/{trained.pk}/")
    visit(f"/{project.pk}/documents/new/")
    visit(f"/{project.pk}/evaluations/new/")
    visit(f"/{project.pk}/lessons/new/")

    reporter = open_page()
    log_in(reporter, live_server, check_a11y, partnership["reporter"])
    reporter.goto(f"{live_server.url}{partnership['period'].get_absolute_url()}")
    check_a11y(reporter)
    click(reporter, check_a11y, "link", "Upload a filled sheet")
    reporter.get_by_label("Spreadsheet").set_input_files(
        files=[{"name": "values.csv", "mimeType": "text/csv", "buffer": b"nothing,here\n1,2\n"}]
    )
    click(reporter, check_a11y, "button", "Upload")
    expect(reporter.get_by_role("alert")).to_contain_text("missing: indicator_id")

    secretariat = open_page()
    log_in(secretariat, live_server, check_a11y, UserFactory(is_broker=True))
    secretariat.goto(f"{base}/progress-rules/")
    check_a11y(secretariat)
