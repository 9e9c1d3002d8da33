"""Steps every browser flow takes: log in as someone, click a link or a button. Each checks the
page it lands on with axe-core (`check_a11y`)."""

from passerelle.accounts.tests.factories import PASSWORD


def log_in(page, live_server, check_a11y, user):
    page.goto(f"{live_server.url}/en/accounts/login/")
    check_a11y(page)
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    check_a11y(page)


def click(page, check_a11y, role, name):
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state()
    check_a11y(page)
