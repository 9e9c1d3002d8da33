"""The steering committee's review pack of a call for proposals: an A4 PDF drawn with ReportLab
in the reader's language. A cover (the fund, the call, its deadline, budget ceiling and thematic
areas, whether a government must take part, the date, how many proposals, and whether it is demo
data), the criteria with their weights, the ranking, then every submitted proposal, best weighted
score first: its facts, the scores of each submitted review by criterion with the mean of each
criterion and the weighted score, the reviewers' comments, the conflicts of interest declared
and the committee's decision. Tables repeat their header row and split across pages; every page
has a footer with its number and the date.

It is for those who may read the call's proposals (the secretariat and the fund's steering
committee, CallPolicy's "view_proposals"), who are also those the proposal's page shows the
reviews to, with the statements of conflict. Everything is read through the funding selectors
in a fixed number of queries, whatever the number of proposals and reviews.

    pdf.call_pack_pdf(call, user=request.user)

The text is set in the PDF's built-in Helvetica, as the assessment profile is
(passerelle.assessments.pdf); `plain` replaces what its encoding lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from django.db.models import prefetch_related_objects
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from passerelle.core.charts import format_value
from passerelle.core.pdf import (
    FRAME_WIDTH,
    LINE,
    SOFT,
    build_pdf,
    data_table,
    header_cells,
    paragraph,
    plain,
    report_styles,
)
from passerelle.core.permissions import user_can

from .choices import SCORE_MAX, Marker, ProposalStatus, ReviewStatus
from .models import Call, Criterion, Proposal
from .selectors import funds as selectors

MISSING = "—"
CENT = Decimal("0.01")


@dataclass
class CallPack:
    call: Call
    areas: list
    criteria: list[Criterion]
    proposals: list[Proposal]  # each with `score`, `submitted_reviews` and `conflicts`
    shows_statements: bool
    generated_on: date


def call_pack_pdf(call: Call, *, user, compress: bool = True, today: date | None = None) -> bytes:
    """The call's review pack as an A4 PDF in the active language, as `user` may read it.
    `compress=False` leaves the page streams readable (for tests). Built with invariant=True: the
    same call on the same day gives the same bytes."""
    pack = _read(call, user, today or timezone.localdate())
    title = _("Review pack: %(call)s") % {"call": call.title}
    footer = _("Passerelle review pack, %(call)s, generated on %(date)s") % {
        "call": Truncator(call.title).chars(60),
        "date": _date(pack.generated_on),
    }
    return build_pdf(
        _story(pack), title=title, subject=_("Review pack of a call for proposals"),
        footer=footer, language=get_language(), compress=compress,
    )  # fmt: skip


def _read(call: Call, user, today: date) -> CallPack:
    """Everything the pack shows, in a fixed number of queries."""
    call = selectors.call_detail_related(call)
    proposals = [
        proposal
        for proposal in selectors.call_proposals(call)  # best weighted score first
        if proposal.status != ProposalStatus.WITHDRAWN
    ]
    prefetch_related_objects(proposals, "partners", "countries", "capacity_areas")
    reviews = selectors.proposals_reviews(user=user, proposals=proposals)
    for proposal in proposals:
        proposal.submitted_reviews = [
            review for review in reviews[proposal.pk] if review.status == ReviewStatus.SUBMITTED
        ]
        proposal.conflicts = [
            review for review in reviews[proposal.pk] if review.status == ReviewStatus.CONFLICT
        ]
    return CallPack(
        call=call,
        areas=call.area_list,
        criteria=selectors.call_criteria(call),
        proposals=proposals,
        # The proposal's page shows the statements to those who see its reviews
        # (ProposalPolicy's "view_reviews"): for a submitted proposal, the same people.
        shows_statements=user_can(user, "view_proposals", call),
        generated_on=today,
    )


# --- Styles and cells -------------------------------------------------------------------------


def _text(text: str, style: ParagraphStyle) -> Paragraph:
    """A person's text, its line breaks kept."""
    lines = plain(text).strip().splitlines()
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _titled(text: str, item) -> str:
    """A title, marked when it is demo data."""
    return f"{text} [{_('Demo')}]" if item.is_demo else text


def _date(value) -> str:
    if value is None:
        return MISSING
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "DATE_FORMAT")


def _usd(amount: Decimal) -> str:
    return formats.number_format(amount, 0, force_grouping=True)


def _score(value: Decimal | None) -> str:
    return MISSING if value is None else formats.number_format(value, 2)


def _weighted() -> str:
    # The proposals page's words, en dash included, so that both share one translation.
    return _("Weighted score (0–4)")  # noqa: RUF001


def _names(items) -> str:
    return ", ".join(item.name for item in items) or MISSING


def _facts(rows: list[tuple[str, str]], s) -> Table:
    """Label and value, one fact a row."""
    table = Table(
        [[paragraph(label, s["head"]), paragraph(value, s["cell"])] for label, value in rows],
        colWidths=[45 * mm, FRAME_WIDTH - 45 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def _none(text: str, s) -> Paragraph:
    return paragraph(text, s["muted"])


# --- The story --------------------------------------------------------------------------------


def _story(pack: CallPack) -> list:
    s = report_styles()
    story = _cover(pack, s)
    story.append(PageBreak())
    story += _criteria(pack, s)
    story += _ranking(pack, s)
    for rank, proposal in enumerate(pack.proposals, start=1):
        story.append(PageBreak())
        story += _proposal(pack, rank, proposal, s)
    return story


def _cover(pack: CallPack, s) -> list:
    call = pack.call
    deadline = formats.date_format(timezone.localtime(call.deadline), "DATETIME_FORMAT")
    facts = [
        (_("Pooled fund"), _titled(call.fund.name, call.fund)),
        (_("Status"), call.get_status_display()),
        (_("Deadline"), f"{deadline} ({timezone.get_current_timezone_name()})"),
        (_("Budget ceiling (USD)"), _usd(call.budget_ceiling)),
        (_("Thematic areas"), _names(pack.areas)),
        (
            _("A government entity must take part"),
            _("Yes") if call.requires_government else _("No"),
        ),
        (_("Submitted proposals"), str(len(pack.proposals))),
        (_("Generated on"), _date(pack.generated_on)),
    ]
    story = [
        Spacer(1, 30 * mm),
        paragraph(_("Review pack of a call for proposals"), s["kicker"]),
        paragraph(_titled(call.title, call), s["cover"]),
        paragraph(call.fund.name, s["subtitle"]),
        Spacer(1, 10 * mm),
        _facts(facts, s),
        Spacer(1, 10 * mm),
        paragraph(
            _(
                "For the steering committee: the call's criteria and their weights, then every "
                "submitted proposal, best weighted score first, with its reviews, the conflicts "
                "of interest declared and the committee's decision. Confidential: reviews and "
                "scores are never public."
            ),
            s["body"],
        ),
    ]
    if call.is_demo:
        story += [
            Spacer(1, 3 * mm),
            paragraph(
                _("Demo data: this call and the items marked [%(demo)s] are not real records.")
                % {"demo": _("Demo")},
                s["body"],
            ),
        ]
    return story


def _criteria(pack: CallPack, s) -> list:
    story = [paragraph(_("Criteria and weights"), s["h2"])]
    if not pack.criteria:
        return [*story, _none(_("The call has no criteria yet."), s)]
    story.append(
        paragraph(
            _(
                "Reviewers score each criterion from 0 (absent) to %(max)s (excellent). A "
                "proposal's weighted score is the mean of the submitted scores, each weighted by "
                "its criterion's weight. A proposal scored 0 on a mandatory criterion cannot be "
                "approved."
            )
            % {"max": SCORE_MAX},
            s["intro"],
        )
    )
    total = sum((criterion.weight for criterion in pack.criteria), Decimal(0))
    rows = [
        header_cells(
            [_("Criterion"), _("Weight"), _("Share of the total"), _("Mandatory")], s, {1, 2}
        )
    ]
    for criterion in pack.criteria:
        share = f"{round(100 * criterion.weight / total)}\u00a0%" if total else MISSING
        rows.append(
            [
                paragraph(criterion.label, s["cell"]),
                paragraph(format_value(criterion.weight), s["number"]),
                paragraph(share, s["number"]),
                paragraph(_("Mandatory") if criterion.mandatory else MISSING, s["cell"]),
            ]
        )
    return [*story, Spacer(1, 1.5 * mm), data_table(rows, [100, 20, 28, 0])]


def _ranking(pack: CallPack, s) -> list:
    story = [paragraph(_("Proposals by weighted score"), s["h2"])]
    if not pack.proposals:
        return [*story, _none(_("No proposal submitted yet."), s)]
    head = [
        "#", _("Proposal"), _("Lead organisation"), _("Budget (USD)"),
        _weighted(), _("Reviews submitted"), _("Status"),
    ]  # fmt: skip
    rows = [header_cells(head, s, {0, 3, 4, 5})]
    for rank, proposal in enumerate(pack.proposals, start=1):
        rows.append(
            [
                paragraph(str(rank), s["number"]),
                paragraph(_titled(proposal.title, proposal), s["cell"]),
                paragraph(proposal.organisation.name, s["cell"]),
                paragraph(_usd(proposal.budget), s["number"]),
                paragraph(_score(proposal.score), s["number"]),
                paragraph(
                    _("%(done)s of %(assigned)s")
                    % {"done": proposal.reviews_submitted, "assigned": proposal.reviews_assigned},
                    s["number"],
                ),
                paragraph(proposal.get_status_display(), s["cell"]),
            ]
        )
    return [
        *story,
        paragraph(_("Proposals not scored yet come last."), s["intro"]),
        Spacer(1, 1.5 * mm),
        data_table(rows, [8, 52, 36, 20, 18, 18, 0]),
    ]


def _proposal(pack: CallPack, rank: int, proposal: Proposal, s) -> list:
    markers = " · ".join(
        f"{label}: {value}"
        for label, value in (
            (Marker.GENDER.label, proposal.get_gender_marker_display()),
            (Marker.HUMAN_RIGHTS.label, proposal.get_human_rights_marker_display()),
            (Marker.CHILD.label, proposal.get_child_marker_display()),
        )
    )
    facts = [
        (_("Lead organisation"), proposal.organisation.name),
        (_("Partners"), _names(proposal.partners.all())),
        (_("Countries"), _names(proposal.countries.all())),
        (_("Capacity areas"), _names(proposal.capacity_areas.all())),
        (_("Budget requested (USD)"), _usd(proposal.budget)),
        (_("Duration in months"), str(proposal.months)),
        (_("Policy markers"), markers),
        (_("Status"), proposal.get_status_display()),
        (_("Submitted on"), _date(proposal.submitted_at)),
        (_weighted(), _score(proposal.score)),
    ]
    story = [
        paragraph(f"{rank}. {_titled(proposal.title, proposal)}", s["h2"]),
        _facts(facts, s),
        paragraph(_("Scores by criterion and reviewer"), s["h3"]),
        _scores(pack, proposal, s),
    ]
    story += _comments(proposal, s)
    story += _conflicts(pack, proposal, s)
    story += _decision(proposal, s)
    return story


def _scores(pack: CallPack, proposal: Proposal, s):
    reviews = proposal.submitted_reviews
    if not reviews:
        return _none(_("No review submitted yet."), s)
    values = [{score.criterion_id: score.value for score in r.scores.all()} for r in reviews]
    head = [_("Criterion"), *(str(review.reviewer) for review in reviews), _("Mean")]
    rows = [header_cells(head, s, set(range(1, len(head))))]
    for criterion in pack.criteria:
        given = [scores[criterion.pk] for scores in values if criterion.pk in scores]
        mean = (Decimal(sum(given)) / len(given)).quantize(CENT) if given else None
        label = criterion.label
        if criterion.mandatory:
            label = f"{label} ({_('mandatory')})"
        rows.append(
            [
                paragraph(label, s["cell"]),
                *(
                    paragraph(str(scores.get(criterion.pk, MISSING)), s["number"])
                    for scores in values
                ),
                paragraph(_score(mean), s["number"]),
            ]
        )
    rows.append(
        [
            paragraph(_weighted(), s["cell_bold"]),
            *([""] * len(reviews)),
            paragraph(_score(proposal.score), s["number_bold"]),
        ]
    )
    last = len(rows) - 1
    column = (FRAME_WIDTH / mm - 62 - 18) / len(reviews)
    return data_table(
        rows,
        [62, *([column] * len(reviews)), 0],
        extra=[("SPAN", (0, last), (-2, last)), ("BACKGROUND", (0, last), (-1, last), SOFT)],
    )


def _comments(proposal: Proposal, s) -> list:
    commented = [review for review in proposal.submitted_reviews if review.comment.strip()]
    if not commented:
        return []
    story = [paragraph(_("Reviewers' overall comments"), s["h3"])]
    for review in commented:
        story += [
            paragraph(str(review.reviewer), s["cell_bold"]),
            _text(review.comment, s["quote"]),
        ]
    return story


def _conflicts(pack: CallPack, proposal: Proposal, s) -> list:
    if not proposal.conflicts:
        return []
    story = [paragraph(_("Conflicts of interest declared"), s["h3"])]
    for review in proposal.conflicts:
        story.append(
            paragraph(
                _("%(reviewer)s, on %(date)s")
                % {"reviewer": review.reviewer, "date": _date(review.conflict_declared_at)},
                s["cell_bold"],
            )
        )
        if pack.shows_statements and review.conflict_statement.strip():
            story.append(_text(review.conflict_statement, s["quote"]))
    return story


def _decision(proposal: Proposal, s) -> list:
    if proposal.decided_at is None:
        return []
    story = [
        paragraph(_("The steering committee's decision"), s["h3"]),
        paragraph(f"{proposal.get_status_display()} · {_date(proposal.decided_at)}", s["body"]),
    ]
    if proposal.decision_note.strip():
        story.append(_text(proposal.decision_note, s["quote"]))
    return story
