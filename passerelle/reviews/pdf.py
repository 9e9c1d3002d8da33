"""The review pack as a printable A4 PDF, drawn with ReportLab in the reader's language: a cover
(the country, the date, what the pack holds and that demo data is marked as such), then the
summary figures, the assessments over time with the change between cycles, the requests for
support, the projects with their progress, their results against the targets, and the pledges.
Tables repeat their header row and split across pages; every page has a footer with its number
and the date.

The text is set in the PDF's built-in Helvetica, as the assessment profile is
(passerelle.assessments.pdf): its encoding covers French and Spanish accents, and `plain`
replaces whatever it lacks with its closest form.

    pdf.pack_pdf(country_pack(country, user=request.user))
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from passerelle.core.charts import format_value
from passerelle.core.pdf import (
    FRAME_WIDTH,
    MUTED,
    build_pdf,
    data_table,
    header_cells,
    paragraph,
    plain,
    report_styles,
)

from .pack import AssessmentSeries, ReviewPack

MISSING = "—"


def pack_pdf(pack: ReviewPack, *, compress: bool = True) -> bytes:
    """The pack as an A4 PDF in the active language. `compress=False` leaves the page streams
    readable (for tests). Built with invariant=True: the same pack gives the same bytes."""
    title = _("Review pack: %(country)s") % {"country": pack.country.name}
    footer = _("Passerelle review pack, %(country)s, generated on %(date)s") % {
        "country": pack.country.name,
        "date": _date(pack.generated_on),
    }
    return build_pdf(
        _story(pack), title=title, subject=_("Review pack"), footer=footer,
        language=get_language(), compress=compress,
    )  # fmt: skip


# --- Styles and cells -------------------------------------------------------------------------


def _lines(lines: list[tuple[str, str]], style: ParagraphStyle) -> Paragraph:
    """A cell of several lines, each (text, "muted" or "")."""
    marked = []
    for text, kind in lines:
        text = escape(plain(text))
        if kind == "muted":
            text = f'<font color="#{MUTED.hexval()[2:]}" size="7.5">{text}</font>'
        marked.append(text)
    return Paragraph("<br/>".join(marked), style)


def _titled(text: str, item) -> str:
    """A title, marked when it is demo data."""
    return f"{text} [{_('Demo')}]" if item.is_demo else text


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else MISSING


def _short_date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else MISSING


def _span(start, end) -> str:
    return f"{_short_date(start)} \u2013 {_short_date(end)}"  # an en dash


def _change(change: float | None) -> str:
    if change is None:
        return MISSING
    return f"+{format_value(change)}" if change > 0 else format_value(change)


def _percent(percent: float | None) -> str:
    return MISSING if percent is None else f"{format_value(round(percent))}\u00a0%"


def _none(text: str, s) -> Paragraph:
    return paragraph(text, s["muted"])


# --- The story --------------------------------------------------------------------------------


def _story(pack: ReviewPack) -> list:
    s = report_styles()
    story = _cover(pack, s)
    story.append(PageBreak())
    story += _summary(pack, s)
    story += _assessments(pack, s)
    story += _requests(pack, s)
    story += _projects(pack, s)
    story += _results(pack, s)
    story += _pledges(pack, s)
    return story


def _cover(pack: ReviewPack, s) -> list:
    country = pack.country
    regions = " \u203a ".join(region.name for region in reversed(_regions(country)))
    story = [
        Spacer(1, 40 * mm),
        paragraph(_("Review pack"), s["kicker"]),
        paragraph(country.name, s["cover"]),
    ]
    if regions:
        story.append(paragraph(regions, s["subtitle"]))
    story += [
        Spacer(1, 4 * mm),
        paragraph(_("Generated on %(date)s") % {"date": _date(pack.generated_on)}, s["subtitle"]),
        Spacer(1, 14 * mm),
        paragraph(
            _(
                "What the country brings to a regional review or to the International Migration "
                "Review Forum: its capacity assessments over time, the requests for support of "
                "its organisations, the projects in the country with their progress and results, "
                "and its organisations' pledges."
            ),
            s["body"],
        ),
        Spacer(1, 3 * mm),
        paragraph(
            _(
                "It holds what was published on Passerelle, and what the person who generated it "
                "may see as a member of the organisations concerned."
            ),
            s["body"],
        ),
        Spacer(1, 3 * mm),
        paragraph(
            _("Items marked [%(demo)s] are generated demo data, not real records.")
            % {"demo": _("Demo")},
            s["body"],
        ),
    ]
    return story


def _regions(country) -> list:
    region = country.region
    return [region, *region.ancestors()] if region is not None else []


def _summary(pack: ReviewPack, s) -> list:
    rows = [header_cells([_("Figure"), _("Number")], s, {1})]
    rows += [
        [paragraph(capfirst(label), s["cell"]), paragraph(str(value), s["number"])]
        for label, value in pack.summary()
    ]
    return [paragraph(_("Summary"), s["h2"]), data_table(rows, [120, 0])]


def _assessments(pack: ReviewPack, s) -> list:
    story = [paragraph(_("Capacity assessments over time"), s["h2"])]
    if not pack.assessments:
        return [*story, _none(_("No published assessment yet."), s)]
    story.append(
        paragraph(
            _(
                "Domain values as published. In brackets, the change since the previous cycle "
                "of the same framework."
            ),
            s["intro"],
        )
    )
    for series in pack.assessments:
        story += _series(series, s)
    return story


def _series(series: AssessmentSeries, s) -> list:
    heading = f"{series.organisation.name} — {series.framework.name} ({series.scope_label})"
    titles = "; ".join(
        f"{_titled(cycle.assessment.title, cycle.assessment)} ({_date(cycle.published_on)})"
        for cycle in series.cycles
    )
    head = [_("Domain")] + [_short_date(cycle.published_on) for cycle in series.cycles]
    if series.has_change:
        head.append(_("Change since the first cycle"))
    numbers = set(range(1, len(head)))
    rows = [header_cells(head, s, numbers)]
    for row in series.rows:
        cells = [paragraph(row.name, s["cell"])]
        for value, change in row.cells:
            text = format_value(value)
            if change is not None:
                text = f"{text} ({_change(change)})"
            cells.append(paragraph(text, s["number"]))
        if series.has_change:
            cells.append(paragraph(_change(row.overall), s["number"]))
        rows.append(cells)
    rest = (FRAME_WIDTH / mm - 60) / (len(head) - 1)
    return [
        paragraph(heading, s["h3"]),
        paragraph(titles, s["intro"]),
        Spacer(1, 1.5 * mm),
        data_table(rows, [60] + [rest] * (len(head) - 1)),
    ]


def _requests(pack: ReviewPack, s) -> list:
    story = [paragraph(_("Requests for support"), s["h2"])]
    if not pack.requests:
        return [*story, _none(_("No request for support yet."), s)]
    head = [
        pgettext("noun", "Request"), _("Organisation"), _("Status"), _("Capacity areas"),
        _("Date"),
    ]  # fmt: skip
    rows = [header_cells(head, s)]
    for row in pack.requests:
        request = row.request
        organisation = [(request.organisation.name, "")]
        if request.joint_with:
            organisation.append(
                (_("jointly with %(name)s") % {"name": request.joint_with.name}, "muted")
            )
        rows.append(
            [
                paragraph(_titled(request.title, request), s["cell"]),
                _lines(organisation, s["cell"]),
                paragraph(request.get_status_display(), s["cell"]),
                paragraph(", ".join(row.capacity_areas), s["cell"]),
                paragraph(_short_date(row.date), s["cell"]),
            ]
        )
    return [*story, data_table(rows, [52, 38, 24, 40, 0])]


def _projects(pack: ReviewPack, s) -> list:
    story = [paragraph(_("Projects and their progress"), s["h2"])]
    if not pack.projects:
        return [*story, _none(_("No project in this country yet."), s)]
    head = [_("Project"), _("Status"), _("Dates"), _("Participating organisations"), _("Progress")]
    rows = [header_cells(head, s, {4})]
    for row in pack.projects:
        project = row.project
        dates = [
            (_("Planned"), "muted"),
            (_span(project.planned_start, project.planned_end), ""),
        ]
        if project.actual_end:
            dates += [(_("Actual"), "muted"), (_span(project.actual_start, project.actual_end), "")]
        elif project.actual_start:
            since = _("since %(date)s") % {"date": _short_date(project.actual_start)}
            dates += [(_("Actual"), "muted"), (since, "")]
        participants = []
        for label, organisations in row.participants:
            participants += [(label, "muted"), (", ".join(o.name for o in organisations), "")]
        rows.append(
            [
                paragraph(_titled(project.title, project), s["cell"]),
                paragraph(project.get_status_display(), s["cell"]),
                _lines(dates, s["cell"]),
                _lines(participants, s["cell"]),
                paragraph(_percent(row.percent), s["number"]),
            ]
        )
    return [
        *story,
        paragraph(
            _("Progress is the weighted mean of the indicators' approved values against targets."),
            s["intro"],
        ),
        Spacer(1, 1.5 * mm),
        data_table(rows, [52, 24, 34, 46, 0]),
    ]


def _results(pack: ReviewPack, s) -> list:
    story = [paragraph(_("Results"), s["h2"])]
    with_indicators = [row for row in pack.projects if row.indicators]
    if not with_indicators:
        return [*story, _none(_("No project indicator yet."), s)]
    story.append(
        paragraph(
            _("Only approved values count. The percent is of the final target, from the baseline."),
            s["intro"],
        )
    )
    head = [
        _("Indicator"), _("Baseline"), _("Latest approved value"), _("Final target"),
        _("Standing"), _("Of the final target"),
    ]  # fmt: skip
    for row in with_indicators:
        rows = [header_cells(head, s, {1, 2, 3, 5})]
        for item in row.indicators:
            described = [
                (item.indicator.title, ""),
                (f"{item.result.get_type_display()}: {item.result.title}", "muted"),
            ]
            if item.indicator.unit:
                described.append((_("Unit: %(unit)s") % {"unit": item.indicator.unit}, "muted"))
            latest = [(format_value(item.latest_actual), "")]
            if item.latest_period is not None:
                latest.append((item.latest_period.label, "muted"))
            rows.append(
                [
                    _lines(described, s["cell"]),
                    paragraph(format_value(item.baseline), s["number"]),
                    _lines(latest, s["number"]),
                    paragraph(format_value(item.final_target), s["number"]),
                    paragraph(item.standing_label, s["cell"]),
                    paragraph(_percent(item.percent), s["number"]),
                ]
            )
        story += [
            paragraph(_titled(row.project.title, row.project), s["h3"]),
            data_table(rows, [62, 18, 30, 20, 22, 0]),
        ]
    return story


def _pledges(pack: ReviewPack, s) -> list:
    story = [paragraph(_("Pledges"), s["h2"])]
    if not pack.pledges:
        return [*story, _none(_("No pledge yet."), s)]
    head = [_("Pledge"), _("Organisation"), _("Status"), _("Completion"), _("Deadline")]
    rows = [header_cells(head, s)]
    for pledge in pack.pledges:
        rows.append(
            [
                paragraph(_titled(pledge.title, pledge), s["cell"]),
                paragraph(pledge.organisation.name, s["cell"]),
                paragraph(pledge.get_status_display(), s["cell"]),
                paragraph(pledge.get_completion_display(), s["cell"]),
                paragraph(_short_date(pledge.deadline), s["cell"]),
            ]
        )
    return [*story, data_table(rows, [62, 40, 24, 26, 0])]
