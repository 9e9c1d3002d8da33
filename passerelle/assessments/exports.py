"""An assessment's answers as a spreadsheet (CSV or XLSX, the same columns both ways): one row
per applicable indicator, in framework order, with its agreed answer; an indicator without an
agreed answer is a row with empty answer cells.

Reading rules are the API's (permissions.may_read_section): the organisation's members and, once
published with the answers disclosed, everyone get every section; an invited contributor who is
not a member gets only the sections assigned to them; anyone else gets no rows. Contributors'
individual views (the `views` column) are added only for whoever may read them
(permissions.may_read_views: the organisation's members).

A view serving the file checks that the user may see the assessment's answers first, then:

    rows = exports.answer_rows(assessment, user=request.user)
    content, content_type, filename = exports.export(assessment, rows, extension)
"""

from django.utils.translation import gettext as _

from passerelle.core import spreadsheets
from passerelle.core.spreadsheets import CONTENT_TYPES, EXTENSIONS

from . import selectors
from .choices import Priority
from .models import Assessment
from .permissions import may_read_section, may_read_views

COLUMNS = [
    "domain",
    "domain_name",
    "sub_area",
    "sub_area_name",
    "indicator",
    "question",
    "level",
    "level_label",
    "desired_level",
    "gap",
    "priority",
    "evidence",
    "links",
    "from_baseline",
]
VIEWS_COLUMN = "views"


def answer_rows(assessment: Assessment, *, user) -> list[dict]:
    """The rows `user` may read, as {column: value} with the keys of COLUMNS (plus "views" when
    `user` may read contributors' views), in framework order. Texts (names, question, level
    label, priority) are in the active language. Values are str, int or None, never a formula:
    `links` is one address per line, `from_baseline` "yes"/"no" (empty when not answered), and
    `views` is "Name: level (desired level)" for each contributor, joined by "; "."""
    readable = [
        domain
        for domain in selectors.assessment_tree(assessment)
        if may_read_section(user, assessment, domain.pk)
    ]
    indicators = [
        (domain, sub_area, indicator)
        for domain in readable
        for sub_area in domain.sub_areas.all()
        for indicator in sub_area.indicators.all()
    ]
    agreed = selectors.agreed_answers(assessment) if indicators else {}
    labels = {level.value: level.label for level in assessment.version.levels.all()}
    with_views = may_read_views(user, assessment)
    views = {}
    if with_views and indicators:
        views = selectors.contributor_views(
            assessment, [i.pk for _d, _s, i in indicators], user=user, all_views=True
        )
    rows = []
    for domain, sub_area, indicator in indicators:
        row = {
            "domain": domain.code,
            "domain_name": domain.name,
            "sub_area": sub_area.code,
            "sub_area_name": sub_area.name,
            "indicator": indicator.code,
            "question": indicator.question,
            **_answer_cells(agreed.get(indicator.pk), labels),
        }
        if with_views:
            row[VIEWS_COLUMN] = "; ".join(_view(answer) for answer in views.get(indicator.pk, []))
        rows.append(row)
    return rows


def _answer_cells(answer, labels: dict[int, str]) -> dict:
    if answer is None:
        return dict.fromkeys(COLUMNS[COLUMNS.index("level") :])
    return {
        "level": answer.level,
        "level_label": labels.get(answer.level, "") if answer.level is not None else "",
        "desired_level": answer.desired_level,
        "gap": answer.gap,
        "priority": str(Priority(answer.priority).label) if answer.priority else "",
        "evidence": answer.evidence,
        "links": "\n".join(answer.link_list),
        "from_baseline": _("yes") if answer.from_baseline else _("no"),
    }


def _view(answer) -> str:
    level = answer.level if answer.level is not None else "—"
    text = f"{answer.author}: {level}"
    return f"{text} ({answer.desired_level})" if answer.desired_level is not None else text


def export(assessment: Assessment, rows: list[dict], extension: str) -> tuple[bytes, str, str]:
    """`rows` (from answer_rows) as a file: (content, content type, file name). `extension` is
    "csv" (UTF-8 with a BOM, so that Excel reads it) or "xlsx"; anything else is a ValueError,
    so check it against EXTENSIONS first (a 404 in a view). The header row names the columns of
    the first row (COLUMNS when there are no rows). Cells that a spreadsheet program would run
    as a formula are prefixed with an apostrophe."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown export format: {extension!r}")
    columns = list(rows[0]) if rows else list(COLUMNS)
    safe = spreadsheets.harmless(rows, columns, extension)
    if extension == "csv":
        content = spreadsheets.to_csv(safe, columns)
    else:
        content = spreadsheets.to_xlsx(safe, "answers", columns)
    framework = assessment.version.framework.code
    filename = f"{assessment.organisation.slug}-{framework}-{assessment.pk}-answers.{extension}"
    return content, CONTENT_TYPES[extension], filename
