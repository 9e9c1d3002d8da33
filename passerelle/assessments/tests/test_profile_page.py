"""The gap profile page's table of every indicator, by domain and sub-area: answered or not, its
current and desired level, gap and priority, with hand-computed sub-area and domain values; the
link to ask for support on every gap (the hub's part of each row); and the page's query budget."""

import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.assessments import services

from .test_pdf import build, flat
from .test_pdf import text as pdf_text

pytestmark = pytest.mark.django_db


def agree(actor, assessment, code, **fields):
    return services.agreed_answer_set(
        actor=actor, assessment=assessment,
        indicator=assessment.version.indicators.get(code=code), expected_version=None, **fields,
    )  # fmt: skip


def profile_url(assessment) -> str:
    return reverse("assessments:profile", kwargs={"pk": assessment.pk})


def gap_link(assessment, code) -> str:
    return f'href="{reverse("hub:request_create")}?assessment={assessment.pk}&amp;indicator={code}"'


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def indicator_section(content: str) -> str:
    return content.split('id="indicators-heading"', 1)[1].split("</section>", 1)[0]


def row(content: str, code: str) -> list[str]:
    """The header and cells of the indicator's row, as text."""
    found = re.search(rf'<tr id="indicator-{re.escape(code)}">(.*?)</tr>', content, re.S)
    assert found, code
    return [text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", found.group(1), re.S)]


def table_of(content: str, domain_code: str) -> str:
    for table in re.findall(r"<table[^>]*>.*?</table>", indicator_section(content), re.S):
        caption = re.search(r"<caption>(.*?)</caption>", table, re.S).group(1)
        if text(caption).startswith(f"{domain_code} "):
            return table
    raise AssertionError(domain_code)


@pytest.fixture
def answered(assessment, focal_point):
    """RIGHTS on the 1-4 scale: RIGHTS.1.1 1 → 3 (high), RIGHTS.1.2 3 → 4 (medium), RIGHTS.1.3
    not answered, RIGHTS.2.1 4 with no desired level, RIGHTS.2.2 2 → 2 (low); RIGHTS.3 nothing."""
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    agree(focal_point, assessment, "RIGHTS.1.2", level=3, desired_level=4, priority="medium")
    agree(focal_point, assessment, "RIGHTS.2.1", level=4)
    agree(focal_point, assessment, "RIGHTS.2.2", level=2, desired_level=2, priority="low")
    return assessment


def test_every_indicator_has_its_row_with_levels_gap_and_priority(answered, focal_point):
    client = Client()
    client.force_login(focal_point)
    response = client.get(profile_url(answered))
    assert response.status_code == 200
    content = response.content.decode()
    rights = table_of(content, "RIGHTS")

    def question(code):
        return " ".join(answered.version.indicators.get(code=code).question.split())

    assert row(rights, "RIGHTS.1.1")[:5] == [
        f"RIGHTS.1.1 {question('RIGHTS.1.1')}", "1. Requires further progress", "3. Meets", "+2",
        "High",
    ]  # fmt: skip
    # Well developed (3 and above), and still a gap to its desired level.
    assert row(rights, "RIGHTS.1.2")[1:5] == ["3. Meets", "4. Fully meets", "+1", "Medium"]
    # Not answered: in the table all the same, said in words.
    assert row(rights, "RIGHTS.1.3")[:5] == [
        f"RIGHTS.1.3 {question('RIGHTS.1.3')}", "Not answered", "—", "—", "—",
    ]  # fmt: skip
    assert row(rights, "RIGHTS.2.1")[1:5] == ["4. Fully meets", "—", "—", "—"]
    assert row(rights, "RIGHTS.2.2")[1:5] == [
        "2. Partially meets", "2. Partially meets", "0", "Low",
    ]  # fmt: skip
    # Every applicable indicator of every domain is there, answered or not.
    codes = re.findall(r'<tr id="indicator-([A-Z]+\.\d+\.\d+)">', indicator_section(content))
    assert len(codes) == answered.applicable_indicators().count() == 49
    assert "RIGHTS.3.2" in codes and "WGA.2.3" in codes

    # Sub-area values: RIGHTS.1 (1 + 3) / 2 x 100 = 200, RIGHTS.2 (4 + 2) / 2 x 100 = 300,
    # RIGHTS.3 none answered; the domain is the mean of its sub-areas: (200 + 300) / 2 = 250.
    caption = text(re.search(r"<caption>(.*?)</caption>", rights, re.S).group(1))
    assert caption == "RIGHTS Migrants' rights — value 250, 4 of 8 indicators answered"
    groups = [text(g) for g in re.findall(r'<th scope="rowgroup"[^>]*>(.*?)</th>', rights, re.S)]
    assert groups == [
        "RIGHTS.1 International obligations and legal protection — value 200, 2 of 3 "
        "indicators answered",
        "RIGHTS.2 Access to basic services — value 300, 2 of 3 indicators answered",
        "RIGHTS.3 Legal identity, residence and family life — value —, 0 of 2 indicators answered",
    ]
    wga = table_of(content, "WGA")
    assert "value —, 0 of" in text(re.search(r"<caption>(.*?)</caption>", wga, re.S).group(1))

    # Table markup: a caption, column headers, a row header per indicator, sub-areas as row groups.
    assert rights.count("<caption>") == 1
    assert rights.count('<th scope="col"') == 6  # with the hub's "Support" column for editors
    assert rights.count('<th scope="row"') == 8
    assert rights.count("<tbody>") == 3


def test_a_gap_from_any_level_offers_a_request_and_no_gap_none(answered, focal_point):
    client = Client()
    client.force_login(focal_point)
    content = client.get(profile_url(answered)).content.decode()
    rights = table_of(content, "RIGHTS")
    for code in ("RIGHTS.1.1", "RIGHTS.1.2"):  # 1 → 3, and 3 → 4 (well developed)
        assert gap_link(answered, code) in row_html(rights, code)
        assert row(rights, code)[5] == f"Request support for this gap ({code})"
    for code in ("RIGHTS.1.3", "RIGHTS.2.1", "RIGHTS.2.2"):  # unanswered, no desired, 2 → 2
        assert "Request support" not in row_html(rights, code)
        assert gap_link(answered, code) not in content
    # The most urgent gaps' table offers it too.
    potential = content.split('id="potential-heading"', 1)[1].split("</section>", 1)[0]
    assert gap_link(answered, "RIGHTS.1.1") in potential
    assert "High" in text(potential) and ">high<" not in potential


def test_only_those_who_may_ask_see_the_links(answered, verified_government):
    viewer = MembershipFactory(organisation=verified_government, role="viewer").user
    client = Client()
    client.force_login(viewer)
    content = client.get(profile_url(answered)).content.decode()
    assert "RIGHTS.1.1" in indicator_section(content)
    assert "Request support" not in content
    assert 'scope="col">Support<' not in content
    assert table_of(content, "RIGHTS").count('<th scope="col"') == 5


def row_html(table: str, code: str) -> str:
    return re.search(rf'<tr id="indicator-{re.escape(code)}">(.*?)</tr>', table, re.S).group(1)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_profile_costs_the_same_whatever_the_indicators_answered_and_their_gaps(
    assessment, focal_point, verified_government, local_version
):
    client = Client()
    client.force_login(focal_point)  # an administrator: the request links are computed too
    url = profile_url(assessment)
    agree(focal_point, assessment, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    client.get(url)
    one = queries(client, url)
    indicators = assessment.applicable_indicators().exclude(code="RIGHTS.1.1")[:20]
    for number, indicator in enumerate(indicators):
        level = number % 4 + 1
        agree(
            focal_point, assessment, indicator.code, level=level,
            desired_level=min(level + 1, 4), priority=["high", "medium", "low"][number % 3],
        )  # fmt: skip
    content = client.get(url).content.decode()
    assert content.count("Request support for this gap") >= 15
    assert queries(client, url) == one

    # Another framework, with another number of indicators, sub-areas and levels.
    city = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=local_version,
        title="City", scope="local", language="en",
    )  # fmt: skip
    for indicator in city.applicable_indicators()[:10]:
        agree(focal_point, city, indicator.code, level=1, desired_level=3, priority="medium")
    client.get(profile_url(city))
    assert queries(client, profile_url(city)) == one


def test_the_pdf_has_the_same_table_of_every_indicator(answered):
    content = flat(pdf_text(build(answered)))
    table = content.split("Scores and gaps by indicator", 1)[1]
    assert "RIGHTS Migrants' rights — value 250, 4 of 8 answered" in table
    assert "RIGHTS.3 Legal identity, residence and family life — value —, 0 of 2 answered" in table
    rights_1_3 = table.split("RIGHTS.1.3", 1)[1].split("RIGHTS.2 ", 1)[0]
    assert "Not answered" in rights_1_3
    rights_1_2 = table.split("RIGHTS.1.2", 1)[1].split("RIGHTS.1.3", 1)[0]
    assert "3. Meets" in rights_1_2 and "4. Fully meets" in rights_1_2
    assert "+1" in rights_1_2 and "Medium" in rights_1_2
    assert "WGA.2.3" in table  # unanswered domains are listed too
