"""Public projects as IATI 2.03 activities (REFERENCE.md, `../shared/standards/iati-2.03/`).

One `<iati-activity>` per project: who takes part in which role, where, on which sectors and
policies, its documents, and its results framework with the targets and the approved actuals.
The schema (iati-activities-schema.xsd) is strict about the order of the elements: the builders
below are called in that order. Higher modules add their own elements through
`register_activity_part` (the funding module: budgets and transactions), without this module
importing them.
"""

import mimetypes
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from passerelle.core.permissions import Visibility

from .choices import ValueStatus
from .models import Project

IATI_VERSION = "2.03"
CURRENCY = "USD"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The Global Compact for Migration (A/RES/73/195) defines the codes of the reporting
# organisation's vocabulary (99) used below: its objectives (para. 16) and principles (para. 15).
GCM_URI = "https://undocs.org/A/RES/73/195"

SECTOR_DAC, SECTOR_REPORTER = "1", "99"
REGION_UN_M49 = "2"
MARKER_DAC, MARKER_REPORTER, MARKER_GENDER = "1", "99", "1"
# DAC has no human-rights or child-sensitivity marker: both are GCM guiding principles (6 and 8),
# published in the reporting organisation's vocabulary as "GP" and the principle's number.
REPORTER_MARKERS = (
    ("human_rights_marker", "GP6", _("Human rights")),
    ("child_marker", "GP8", _("Child-sensitive")),
)
DATE_TYPES = (
    ("1", "planned_start"),
    ("2", "actual_start"),
    ("3", "planned_end"),
    ("4", "actual_end"),
)


@dataclass(frozen=True)
class ActivityPart:
    """Elements a higher module adds to each activity. `build(activity, project)` appends them;
    they come where the schema places budget, planned-disbursement, capital-spend and
    transaction (after the policy markers, before the documents). `prefetch` lists the lookups
    it reads, so that the bulk file keeps a fixed number of queries; `updated(project)` is the
    latest change among the rows it publishes (None without any)."""

    build: Callable[[ET.Element, Project], None]
    prefetch: tuple = ()
    updated: Callable[[Project], datetime | None] | None = None


_parts: list[ActivityPart] = []


def register_activity_part(part: ActivityPart) -> None:
    if part not in _parts:
        _parts.append(part)


def exportable_projects():
    """Public projects with everything the export reads, so that the bulk file takes the same
    number of queries however many projects it holds."""
    return with_export_data(Project.objects.filter(visibility=Visibility.PUBLIC))


def with_export_data(queryset):
    """Any projects with what the export reads: the one-project file goes through the door
    first, and only then asks whether the project is public."""
    return queryset.prefetch_related(
        "participants__organisation",
        "countries__country",
        "regions__region",
        "gcm_objectives",
        "documents",
        "results__indicators__values",
        "periods",
        *(lookup for part in _parts for lookup in part.prefetch),
    )


def activity_identifier(project: Project) -> str:
    """The publisher's IATI organisation identifier, then the project's own: stable for ever,
    as IATI requires once an activity is published."""
    return f"{settings.PROJECTS['IATI_PUBLISHER']['ref']}-P{project.pk}"


def activities_document(projects, *, base_url: str) -> bytes:
    """The `<iati-activities>` file, UTF-8 with its XML declaration. The schema asks for one
    activity at least: with no public project the list is empty, which a registry flags, and
    which says the truth."""
    root = ET.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": _timestamp(timezone.now())},
    )
    for project in projects:
        root.append(activity_element(project, base_url=base_url))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def activity_element(project: Project, *, base_url: str) -> ET.Element:
    """One project as an `<iati-activity>`, written in the project's language: the names of
    reference data (GCM objectives) and the links follow it. `base_url` makes the site's own
    links absolute."""
    with translation.override(project.language):
        activity = ET.Element(
            "iati-activity",
            {
                "last-updated-datetime": _timestamp(_last_updated(project)),
                XML_LANG: project.language,
                "default-currency": CURRENCY,
                "hierarchy": "1",
            },
        )
        _identification(activity, project)
        _participants(activity, project)
        _status_and_dates(activity, project)
        _places(activity, project)
        _sectors(activity, project)
        _policy_markers(activity, project)
        for part in _parts:
            part.build(activity, project)
        for document in project.documents.all():
            _document(activity, document, base_url)
        _results(activity, project)
    return activity


def even_shares(count: int) -> list[Decimal]:
    """100 split into `count` shares of two decimals adding up to exactly 100: the hundredths
    that do not divide evenly go to the first shares."""
    if count == 0:
        return []
    base, extra = divmod(10_000, count)
    return [Decimal(base + 1 if index < extra else base) / 100 for index in range(count)]


def _timestamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def _number(value) -> str | None:
    """A decimal as IATI reads it: 12, not 12.00 (None stays None: the attribute is left out)."""
    return None if value is None else format(Decimal(value).normalize(), "f")


def _sub(parent: ET.Element, tag: str, attributes: dict | None = None) -> ET.Element:
    """A child element; attributes that are None are left out."""
    kept = {name: value for name, value in (attributes or {}).items() if value is not None}
    return ET.SubElement(parent, tag, kept)


def _narrative(parent: ET.Element, text: str, language: str | None = None) -> None:
    element = _sub(parent, "narrative", {XML_LANG: language})
    element.text = str(text)


def _text(parent: ET.Element, tag: str, text: str, attributes=None, language=None) -> None:
    """An element holding one narrative: a title, a description, a comment."""
    _narrative(_sub(parent, tag, attributes), text, language)


def _last_updated(project: Project) -> datetime:
    """IATI wants the date to move whenever anything published moves; approving a value or
    adding a document does not touch the project's own row."""
    rows = [project, *project.participants.all(), *project.documents.all()]
    for result in project.results.all():
        rows.append(result)
        for indicator in result.indicators.all():
            rows += [indicator, *indicator.values.all()]
    moments = [row.updated for row in rows]
    moments += [part.updated(project) for part in _parts if part.updated is not None]
    return max(moment for moment in moments if moment is not None)


def _identification(activity: ET.Element, project: Project) -> None:
    publisher = settings.PROJECTS["IATI_PUBLISHER"]
    _sub(activity, "iati-identifier").text = activity_identifier(project)
    reporter = _sub(activity, "reporting-org", {"ref": publisher["ref"], "type": publisher["type"]})
    _narrative(reporter, publisher["name"])
    _text(activity, "title", project.title, language=project.language)
    _text(activity, "description", project.description, {"type": "1"}, project.language)
    if project.objectives:
        _text(activity, "description", project.objectives, {"type": "2"}, project.language)


def _participants(activity: ET.Element, project: Project) -> None:
    """Every role of every organisation; no `ref`, as organisations here have no IATI
    identifier (the name is then required)."""
    for participant in project.participants.all():
        organisation = participant.organisation
        element = _sub(
            activity,
            "participating-org",
            {"role": str(participant.role), "type": organisation.iati_type},
        )
        _narrative(element, organisation.name)


def _status_and_dates(activity: ET.Element, project: Project) -> None:
    _sub(activity, "activity-status", {"code": str(project.status)})
    for code, field in DATE_TYPES:
        day = getattr(project, field)
        if day is not None:
            _sub(activity, "activity-date", {"type": code, "iso-date": day.isoformat()})


def _places(activity: ET.Element, project: Project) -> None:
    """Scope, countries (ISO alpha-2) and regions. Regions are UN M49 areas: IATI's vocabulary
    2, not its default OECD DAC list."""
    _sub(activity, "activity-scope", {"code": str(project.scope)})
    for share in project.countries.all():
        _sub(
            activity,
            "recipient-country",
            {"code": share.country.iso2, "percentage": _number(share.percentage)},
        )
    for share in project.regions.all():
        _sub(
            activity,
            "recipient-region",
            {
                "code": share.region.code,
                "vocabulary": REGION_UN_M49,
                "percentage": _number(share.percentage),
            },
        )


def _sectors(activity: ET.Element, project: Project) -> None:
    """The DAC purpose code, and the GCM objectives served. Percentages add up to 100 within
    each vocabulary, as IATI requires once a vocabulary has several sectors."""
    _sub(
        activity,
        "sector",
        {"vocabulary": SECTOR_DAC, "code": project.dac_sector, "percentage": "100"},
    )
    objectives = list(project.gcm_objectives.all())
    for objective, share in zip(objectives, even_shares(len(objectives)), strict=True):
        _text(
            activity,
            "sector",
            objective.title,
            {
                "vocabulary": SECTOR_REPORTER,
                "vocabulary-uri": GCM_URI,
                "code": str(objective.number),
                "percentage": _number(share),
            },
        )


def _policy_markers(activity: ET.Element, project: Project) -> None:
    """Only the markers the project was screened for: empty means not screened."""
    if project.gender_marker is not None:
        _sub(
            activity,
            "policy-marker",
            {
                "vocabulary": MARKER_DAC,
                "code": MARKER_GENDER,
                "significance": str(project.gender_marker),
            },
        )
    for field, code, name in REPORTER_MARKERS:
        significance = getattr(project, field)
        if significance is not None:
            _text(
                activity,
                "policy-marker",
                name,
                {
                    "vocabulary": MARKER_REPORTER,
                    "vocabulary-uri": GCM_URI,
                    "code": code,
                    "significance": str(significance),
                },
            )


def _document(activity: ET.Element, document, base_url: str) -> None:
    """A link as given, or the project's file through the site (served with the project's
    visibility, public here). The format is the media type its name suggests."""
    url = document.get_absolute_url()
    if url.startswith("/"):
        url = base_url.rstrip("/") + url
    guessed = mimetypes.guess_type(document.url or document.file.name)[0]
    media_type = guessed or ("text/html" if document.url else "application/octet-stream")
    element = _sub(activity, "document-link", {"url": url, "format": media_type})
    _text(element, "title", document.title, language=document.language)
    _sub(element, "category", {"code": document.category})
    _sub(element, "language", {"code": document.language})
    if document.document_date is not None:
        _sub(element, "document-date", {"iso-date": document.document_date.isoformat()})


def _results(activity: ET.Element, project: Project) -> None:
    """The results framework, flattened: IATI 2.03 has no link from an output to its outcome.
    A result without indicators is left out, as the schema wants one at least."""
    periods = list(project.periods.all())
    for result in project.results.all():
        indicators = list(result.indicators.all())
        if not indicators:
            continue
        # Figures can be added up across activities; words cannot.
        aggregatable = all(indicator.is_quantitative for indicator in indicators)
        element = _sub(
            activity,
            "result",
            {"type": str(result.type), "aggregation-status": "1" if aggregatable else None},
        )
        _text(element, "title", result.title)
        if result.description:
            _text(element, "description", result.description)
        for indicator in indicators:
            _indicator(element, indicator, project, periods)


def _indicator(result: ET.Element, indicator, project: Project, periods) -> None:
    element = _sub(
        result,
        "indicator",
        {"measure": str(indicator.measure), "ascending": "1" if indicator.ascending else "0"},
    )
    _text(element, "title", indicator.title)
    if indicator.description:
        _text(element, "description", indicator.description)
    _baseline(element, indicator, project)
    values = {value.period_id: value for value in indicator.values.all()}
    for period in periods:
        value = values.get(period.pk)
        if value is not None:
            _period(element, indicator, period, value)


def _baseline(element: ET.Element, indicator, project: Project) -> None:
    """The baseline when there is one (a figure or a description). IATI requires its year: the
    baseline's date, else the year the project was planned to start."""
    if indicator.baseline_value is None and not indicator.baseline_comment:
        return
    day = indicator.baseline_date
    baseline = _sub(
        element,
        "baseline",
        {
            "year": str((day or project.planned_start).year),
            "iso-date": day.isoformat() if day else None,
            "value": _number(indicator.baseline_value),
        },
    )
    if indicator.baseline_comment:
        _text(baseline, "comment", indicator.baseline_comment)


def _published(indicator, value) -> bool:
    """Only approved actuals are published: a figure for a measured indicator (IATI wants a
    value for every measure but the qualitative), the narrative for one reported in words."""
    if value.status != ValueStatus.APPROVED:
        return False
    return value.actual is not None if indicator.is_quantitative else bool(value.narrative)


def _period(element: ET.Element, indicator, period, value) -> None:
    published = _published(indicator, value)
    if value.target is None and not published:
        return
    node = _sub(element, "period")
    _sub(node, "period-start", {"iso-date": period.start.isoformat()})
    _sub(node, "period-end", {"iso-date": period.end.isoformat()})
    if value.target is not None:
        _sub(node, "target", {"value": _number(value.target)})
    if published:
        _actuals(node, indicator, value)


def _actuals(node: ET.Element, indicator, value) -> None:
    """The actual, then one actual per category of each disaggregation, its dimension named."""
    figure = _number(value.actual) if indicator.is_quantitative else None
    actual = _sub(node, "actual", {"value": figure})
    if value.narrative:
        _text(actual, "comment", value.narrative)
    # In the indicator's order of dimensions and categories: PostgreSQL's jsonb keeps no order.
    for entry in indicator.dimensions:
        figures = value.disaggregation.get(entry["dimension"], {})
        for category in entry["categories"]:
            if category in figures:
                part = _sub(node, "actual", {"value": _number(figures[category])})
                _sub(part, "dimension", {"name": entry["dimension"], "value": category})
